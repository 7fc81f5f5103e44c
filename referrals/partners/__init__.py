"""Partners: the receiving organisation's side of a referral.

- ``views.py`` / ``urls.py`` / ``forms.py``: the partner's inbox and a received referral under
  ``/o/<slug>/doorverwijzingen/`` (URL namespace ``partner``), and the one-time link page.
- ``public_urls.py``: the one page outside any organisation, a partner's one-time link at
  ``/verwijzing/<token>/`` (no sign-in: the token is the credential).

Every rule (who may act, which status change is allowed, what consent covers) is in
``referrals.cases.referral_services``; the views here validate a form and call it.
"""
