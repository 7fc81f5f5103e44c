"""Municipal pages, mounted at ``/o/<org_slug>/`` (scope = the municipality).

Every view is wrapped in ``case_page`` here, in one place: no caching
(``Cache-Control: no-store``) and no uploaded files.
"""

from django.urls import path

from portal.http import case_page
from referrals.area import views

app_name = "area"

urlpatterns = [
    path("gebied/doorverwijzingen/", case_page(views.referral_list), name="referral_list"),
    path(
        "gebied/doorverwijzingen/<int:area_referral_id>/",
        case_page(views.referral_detail),
        name="referral_detail",
    ),
    path(
        "gebied/doorverwijzingen/<int:area_referral_id>/omleiden/",
        case_page(views.referral_redirect),
        name="referral_redirect",
    ),
    path("sociale-kaart/", case_page(views.directory), name="directory"),
    path("sociale-kaart/nieuw/", case_page(views.directory_add), name="directory_add"),
    path("sociale-kaart/<int:destination_id>/", case_page(views.directory_edit), name="directory_edit"),
    path(
        "sociale-kaart/<int:destination_id>/verwijderen/",
        case_page(views.directory_delete),
        name="directory_delete",
    ),
]
