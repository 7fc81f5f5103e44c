"""Partner pages, mounted at ``/o/<org_slug>/`` (scope = the partner organisation).

Every view is wrapped in ``case_page`` here: no caching, no uploaded files. The
argument ``received_id`` names a referral *to* the organisation in the URL (see
tests/referrals/urlwalk_registry.py), so the tenant-isolation walk covers these URLs.
"""

from django.urls import path

from portal.http import case_page
from referrals.partners import views

app_name = "partner"

urlpatterns = [
    path("doorverwijzingen/", case_page(views.inbox), name="inbox"),
    path("doorverwijzingen/<int:received_id>/", case_page(views.referral_detail), name="referral_detail"),
    path(
        "doorverwijzingen/<int:received_id>/ontvangen/",
        case_page(views.referral_acknowledge),
        name="referral_acknowledge",
    ),
    path("doorverwijzingen/<int:received_id>/aannemen/", case_page(views.referral_accept), name="referral_accept"),
    path("doorverwijzingen/<int:received_id>/afwijzen/", case_page(views.referral_decline), name="referral_decline"),
    path("doorverwijzingen/<int:received_id>/bericht/", case_page(views.referral_update), name="referral_update"),
    path("doorverwijzingen/<int:received_id>/afsluiten/", case_page(views.referral_close), name="referral_close"),
    path(
        "doorverwijzingen/<int:received_id>/contactgegevens/",
        case_page(views.referral_contact),
        name="referral_contact",
    ),
]
