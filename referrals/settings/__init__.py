"""Settings: an organisation's case settings, under ``/o/<slug>/casussen/bewaartermijn/``
(URL namespace ``case_settings``).

- ``views.py`` / ``urls.py`` / ``forms.py``: the one settings page with its two forms.
- ``services.py``: the writes: retention periods (how long closed cases are kept; read by
  ``referrals.services.retention_apply`` on every run) and the follow-up days (moving the
  planned follow-up reminders). The Django admin saves through the same services.

Not to be confused with Django's settings (``django.conf.settings``).
"""
