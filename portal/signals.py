"""Signals the kernel sends so that apps above it can react without the kernel importing them.

``organisation_saved_in_admin``: sent by ``OrganisationAdmin.save_model`` after a platform
administrator adds or changes an organisation (``organisation=``, ``created=``). ``cms``
receives it and makes the organisation's CMS section (``cms/signals.py``). Only the admin
sends it: seed and demo code create their sections themselves (``demo/pages.py``,
``cms.setup.setup_cms``).
"""

from django.dispatch import Signal

organisation_saved_in_admin = Signal()
