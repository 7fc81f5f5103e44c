"""Case settings of an organisation, mounted at ``/o/<org_slug>/``.

Every view is wrapped in ``case_page`` (no caching, no uploaded files), as the case pages are.
"""

from django.urls import path

from portal.http import case_page
from referrals.settings import views

app_name = "case_settings"

urlpatterns = [
    path("casussen/bewaartermijn/", case_page(views.retention), name="retention"),
]
