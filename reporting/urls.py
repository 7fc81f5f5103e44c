"""Dashboards and their exports, mounted at ``/o/<org_slug>/`` by portal/urls.py.

Every view is wrapped in ``case_page`` here: they show case references and counts of
referrals, so the answer is never cached. The namespace stays ``dashboards``
(``dashboards:dashboard``, ``dashboards:export_list``, …), as the menu and templates
reverse it.
"""

from django.urls import path

from portal import views_exports
from portal.http import case_page
from reporting import views

app_name = "dashboards"

urlpatterns = [
    path("dashboard/", case_page(views.dashboard), name="dashboard"),
    # Exports (portal/views_exports.py): only the member who asked sees a job.
    path("dashboard/export/", case_page(views_exports.export_start), name="export_start"),
    path("exports/", case_page(views_exports.export_list), name="export_list"),
    path("exports/<int:job_id>/", case_page(views_exports.export_detail), name="export_detail"),
    path("exports/<int:job_id>/bestand/", case_page(views_exports.export_download), name="export_download"),
]
