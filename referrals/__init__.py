"""Cases, the routing engine, partners, consent and the referral life cycle.

Where things are (the sub-packages follow the template folders under
``templates/referrals/``):

- ``cases/``: the case pages, the intake wizard and the referrer's side of a referral
  (``views``, ``urls``, ``forms``), the fetch-and-check helpers of those pages
  (``access``: ``access_case``, ``access_referral``) and every write on a referral
  (``referral_services``: the life cycle, consent ledger, partner links).
- ``partners/``: the partner's inbox and received referrals, and the one-time link page
  (``public_urls``).
- ``area/``: the municipality's pages (its referrals, the sociale kaart) and their reads.
- ``settings/``: an organisation's case settings (retention, follow-up days).
- ``routing/``: the rules engine, pure Python (no Django).
- At the top, what every part uses: ``models/`` (one module per concern, all re-exported
  from ``referrals.models``), ``services.py`` and ``selectors.py`` (rule sets, local
  destinations, API tokens, and the cases' writes and reads), ``urls.py`` (the
  organisation's pages, mounted once), ``admin.py``, ``api.py``/``api_urls.py``,
  ``crypto.py``, ``workdays.py``, ``chronology.py``, ``work.py`` (start page counters),
  ``tasks.py``, ``messages.py`` (what it sends), ``exports.py`` (the cases export),
  ``directory.py`` with ``services_directory.py`` (the national directory and its
  loader), ``management/``.
"""
