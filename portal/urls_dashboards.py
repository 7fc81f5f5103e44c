"""Dashboards, mounted at ``/o/<org_slug>/`` by portal/urls.py.

The view is wrapped in ``case_page`` here: it shows case references and counts of
referrals, so the answer is never cached.
"""

from django.urls import path

from portal import views_dashboards as views
from referrals.views_cases import case_page

app_name = "dashboards"

urlpatterns = [
    path("dashboard/", case_page(views.dashboard), name="dashboard"),
]
