"""Cases: the referrer's side of the referrals app.

- ``views.py`` / ``urls.py`` / ``forms.py``: the case pages under ``/o/<slug>/casussen/``
  (URL namespace ``cases``): the case list, raising a signal, the intake wizard, the case
  page with its notes, evidence, tasks and contact details, and the referrer's side of a
  referral (draft, consent, send, links, close).
- ``access.py``: ``access_case``, ``access_referral``: every case page fetches through them,
  so another organisation's id and a missing id give the same 404.
- ``referral_services.py``: the life cycle of a referral, every write on it and every rule
  of who may move it where (referrer, partner, municipality), the consent ledger and the
  partner's one-time links. The partner pages (``referrals.partners``) and the area pages
  (``referrals.area``) call it too; it lives here because a referral starts on a case.
"""
