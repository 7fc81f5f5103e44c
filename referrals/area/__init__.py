"""Area: the municipality's pages (scope = the municipality).

- ``views.py`` / ``urls.py`` / ``forms.py``: the referrals in its area
  (``/o/<slug>/gebied/doorverwijzingen/``, with redirecting one to another organisation) and
  its local directory, the sociale kaart (``/o/<slug>/sociale-kaart/``); URL namespace ``area``.
- ``selectors.py``: the reads behind them. A municipal coordinator never sees victim data:
  the area's referrals load no case, pseudonym, summary, decline reason or message.

Redirecting is a referral transition (``referrals.cases.referral_services.referral_redirect``);
the local destinations are saved by ``referrals.services.local_destination_save``.
"""
