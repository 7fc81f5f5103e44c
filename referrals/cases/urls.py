"""Case pages, mounted at ``/o/<org_slug>/`` by referrals/urls.py.

Every view is wrapped in ``case_page`` here, in one place, so no case page can be
added without ``Cache-Control: no-store`` and the refusal of uploaded files.
"""

from django.urls import path

from portal.http import case_page
from referrals.cases import views
from referrals.cases.views import STEP_NAMES

app_name = "cases"

urlpatterns = [
    path("casussen/", case_page(views.case_list), name="case_list"),
    path("casussen/melden/", case_page(views.case_raise), name="case_raise"),
    path("casussen/inzagelog/", case_page(views.access_log), name="access_log"),
    path("casussen/<int:case_id>/", case_page(views.case_detail), name="case_detail"),
    *(
        path(f"casussen/<int:case_id>/intake/{step}/", case_page(views.wizard), {"step": step}, name=f"wizard_{step}")
        for step in STEP_NAMES
    ),
    path("casussen/<int:case_id>/notities/", case_page(views.note_add), name="note_add"),
    path("casussen/<int:case_id>/contact/", case_page(views.contact_set), name="contact_set"),
    path("casussen/<int:case_id>/contact/bekijken/", case_page(views.contact_show), name="contact_show"),
    path("casussen/<int:case_id>/afsluiten/", case_page(views.case_close), name="case_close"),
    path("casussen/taken/<int:task_id>/afronden/", case_page(views.task_complete), name="task_complete"),
    # Referrals, the referrer's side.
    path("casussen/<int:case_id>/doorverwijzingen/nieuw/", case_page(views.referral_draft), name="referral_draft"),
    path(
        "casussen/doorverwijzingen/<int:referral_id>/toestemming/",
        case_page(views.consent_record),
        name="consent_record",
    ),
    path(
        "casussen/doorverwijzingen/<int:referral_id>/versturen/", case_page(views.referral_send), name="referral_send"
    ),
    path(
        "casussen/doorverwijzingen/<int:referral_id>/afsluiten/",
        case_page(views.referral_close),
        name="referral_close",
    ),
    path(
        "casussen/doorverwijzingen/<int:referral_id>/bericht/",
        case_page(views.referral_update),
        name="referral_update",
    ),
    path("casussen/doorverwijzingen/<int:referral_id>/link/", case_page(views.link_create), name="link_create"),
    path("casussen/links/<int:link_id>/intrekken/", case_page(views.link_revoke), name="link_revoke"),
    path(
        "casussen/toestemmingen/<int:consent_id>/intrekken/",
        case_page(views.consent_withdraw),
        name="consent_withdraw",
    ),
]
