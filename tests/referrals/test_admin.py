"""The Django admin for cases and referrals: platform administrators read it, nobody
changes case data there, and no page of it ever shows victim data."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.test import Client
from django.utils import timezone
from django_scopes import scopes_disabled

from messaging import reminders
from messaging.models import Notification, NotificationKind, Reminder
from messaging.services import reminders_retry_failed
from messaging.subjects import Subject
from portal.models import AuditEvent, Organisation
from portal.roles import Role
from portal.services import user_sync_staff_flags
from referrals.models import (
    Case,
    CaseEvent,
    CaseNote,
    CaseTask,
    DeletionLog,
    EvidenceItem,
    OrganisationCaseSettings,
    PartnerLink,
    PersonalDataAccess,
    Referral,
    ReferralConsent,
    ReferralUpdate,
    VictimContact,
)
from referrals.settings import services as services_settings
from tests.factories import MembershipFactory, PartnerFactory, PlatformFactory, UserFactory
from tests.referrals.factories import ADVICE, CaseFactory, PartnerLinkFactory, ReferralFactory

pytestmark = pytest.mark.django_db

# Every piece of victim data in the fixture carries one of these markers.
SECRETS = {
    "pseudonym": "Geheim-Schuilnaam-Q7",
    "signal": "Geheim-Signaal-Q7",
    "first_impressions": "Geheime-Indruk-Q7",
    "wishes_note": "Geheime-Wens-Q7",
    "note": "Geheime-Notitie-Q7",
    "evidence_description": "Geheime-Beschrijving-Q7",
    "kept_where": "Geheime-Bewaarplek-Q7",
    "contact_name": "Geheime-Naam-Q7",
    "contact_phone": "0612345677",
    "contact_email": "geheim-q7@voorbeeld.nl",
    "contact_note": "Geheime-Contactnotitie-Q7",
    "summary": "Geheime-Samenvatting-Q7",
    "decline_reason": "Geheime-Afwijsreden-Q7",
    "update": "Geheim-Bericht-Q7",
}
LINK_TOKEN = "admin-test-token-" + "y" * 20


def admin_client_for(role: Role, kind: str = "platform") -> Client:
    organisation = Organisation.objects.create(
        name=f"Platform {role}", slug=f"platform-{role}".replace("_", "-"), kind=kind, country="NL"
    )
    membership = MembershipFactory(organisation=organisation, user=UserFactory(with_totp=True), role=role)
    user_sync_staff_flags(user=membership.user)
    client = Client()
    client.force_login(membership.user)
    return client


@pytest.fixture
def admin_client(db):
    return admin_client_for(Role.PLATFORM_ADMIN)


@pytest.fixture
def case_data(org):
    """One case with a row in every case model, full of victim data."""
    case = CaseFactory(
        organisation=org,
        routing_result=ADVICE,
        rules_version="2026.1",
        consent_contact=True,
        consent_referral=True,
        pseudonym=SECRETS["pseudonym"],
        signal=SECRETS["signal"],
        first_impressions=SECRETS["first_impressions"],
        wishes_note=SECRETS["wishes_note"],
        facts={"country": "NL", "victim_age": 15, "forms": ["sextortion"], "intimate_images": True},
    )
    partner = PartnerFactory()
    referral = ReferralFactory(
        organisation=org,
        case=case,
        partner=partner,
        status=Referral.Status.DECLINED,
        decline_reason=SECRETS["decline_reason"],
    )
    with scopes_disabled():
        Referral.objects.filter(pk=referral.pk).update(summary=SECRETS["summary"])
        CaseTask.objects.create(
            organisation=org, case=case, title="Melden bij het platform", destination="platform_report"
        )
        CaseNote.objects.create(organisation=org, case=case, text=SECRETS["note"])
        EvidenceItem.objects.create(
            organisation=org,
            case=case,
            kind="screenshot",
            platform="Instagram",
            description=SECRETS["evidence_description"],
            kept_where=SECRETS["kept_where"],
        )
        VictimContact.objects.create(
            organisation=org,
            case=case,
            name=SECRETS["contact_name"],
            phone=SECRETS["contact_phone"],
            email=SECRETS["contact_email"],
            note=SECRETS["contact_note"],
        )
        PersonalDataAccess.objects.create(
            organisation=org, case=case, case_reference=case.reference, reason="Ouder terugbellen"
        )
        ReferralUpdate.objects.create(
            organisation=org, referral=referral, author_label=partner.name, text=SECRETS["update"]
        )
        OrganisationCaseSettings.objects.create(organisation=org, retention_months=6, delete_after_months=6)
        DeletionLog.objects.create(organisation=org, month=date(2026, 1, 1), anonymised=2, deleted=1)
    link = PartnerLinkFactory(referral=referral, token=LINK_TOKEN)
    return {"case": case, "referral": referral, "link": link}


CASE_MODELS = [
    Case,
    CaseEvent,
    CaseTask,
    EvidenceItem,
    CaseNote,
    VictimContact,
    PersonalDataAccess,
    DeletionLog,
    Referral,
    ReferralConsent,
    ReferralUpdate,
    PartnerLink,
]
ALL_MODELS = [*CASE_MODELS, OrganisationCaseSettings]


def admin_url(model, suffix: str = "") -> str:
    return f"/django-admin/{model._meta.app_label}/{model._meta.model_name}/{suffix}"


def assert_no_victim_data(text: str, where: str) -> None:
    for name, secret in SECRETS.items():
        assert secret not in text, f"{where}: shows {name}"
    assert LINK_TOKEN not in text, f"{where}: shows the link token"
    assert "victim_age" not in text and "intimate_images" not in text, f"{where}: shows facts"


def test_every_changelist_and_change_view_opens_without_victim_data(admin_client, case_data):
    link = case_data["link"]
    index = admin_client.get("/django-admin/referrals/")
    assert index.status_code == 200
    for model in ALL_MODELS:
        assert admin_url(model) in index.text, model
        response = admin_client.get(admin_url(model))
        assert response.status_code == 200, model
        assert_no_victim_data(response.text, f"{model.__name__} list")
        with scopes_disabled():
            obj = model.objects.first()
        assert obj is not None, model
        assert f'href="{admin_url(model, f"{obj.pk}/change/")}' in response.text, model
        response = admin_client.get(admin_url(model, f"{obj.pk}/change/"))
        assert response.status_code == 200, model
        assert_no_victim_data(response.text, f"{model.__name__} page")
        assert link.token_hash not in response.text, model


def test_case_page_shows_what_staff_need(admin_client, case_data):
    case = case_data["case"]
    page = admin_client.get(admin_url(Case, f"{case.pk}/change/")).text
    assert case.reference in page
    assert "NL – sextortion" in page  # forms and country only
    assert "Signaal gemeld" in page  # the chronology
    assert "Melden bij het platform" in page  # the tasks
    assert "Slachtofferhulp Nederland" in page  # the referral
    assert 'name="_save"' not in page  # nothing to save: read-only


def test_search_on_reference_and_filters(admin_client, case_data, other_org):
    case = case_data["case"]
    with scopes_disabled():
        other = Case.objects.create(organisation=other_org, reference="2026-0999", pseudonym="x", facts={})
    found = admin_client.get(admin_url(Case), {"q": case.reference}).text
    assert f"/case/{case.pk}/change/" in found and f"/case/{other.pk}/change/" not in found
    by_pseudonym = admin_client.get(admin_url(Case), {"q": SECRETS["pseudonym"]}).text
    assert f"/case/{case.pk}/change/" not in by_pseudonym  # only the reference is searched
    closed = admin_client.get(admin_url(Case), {"status__exact": "closed"}).text
    assert f"/case/{case.pk}/change/" not in closed
    by_org = admin_client.get(admin_url(Case), {"organisation__id__exact": other_org.pk}).text
    assert f"/case/{other.pk}/change/" in by_org and f"/case/{case.pk}/change/" not in by_org
    referrals = admin_client.get(admin_url(Referral), {"status__exact": "declined"}).text
    assert f"/referral/{case_data['referral'].pk}/change/" in referrals


@pytest.mark.parametrize("model", CASE_MODELS, ids=lambda m: m.__name__)
def test_case_data_cannot_be_added_changed_or_deleted(model, admin_client, case_data):
    with scopes_disabled():
        obj = model.objects.first()
        before = model.objects.count()
    assert admin_client.get(admin_url(model, "add/")).status_code == 403
    assert admin_client.post(admin_url(model, "add/"), {}).status_code == 403
    assert admin_client.get(admin_url(model, f"{obj.pk}/delete/")).status_code == 403
    assert admin_client.post(admin_url(model, f"{obj.pk}/delete/"), {"post": "yes"}).status_code == 403
    assert admin_client.post(admin_url(model, f"{obj.pk}/change/"), {}).status_code == 403
    # No bulk delete either: the list has no actions.
    response = admin_client.post(
        admin_url(model), {"action": "delete_selected", "_selected_action": [obj.pk], "post": "yes"}
    )
    with scopes_disabled():
        assert model.objects.count() == before
    assert response.status_code in (200, 302)


def test_content_editors_and_members_do_not_reach_case_data(client, org, case_data, member_factory):
    editor = admin_client_for(Role.CONTENT_EDITOR)
    for model in ALL_MODELS:
        assert editor.get(admin_url(model)).status_code == 403, model
    assert admin_url(Case) not in editor.get("/django-admin/").text
    coordinator = member_factory(org, Role.ORG_COORDINATOR)
    client.force_login(coordinator.user)
    response = client.get(admin_url(Case))
    assert response.status_code == 302 and "/django-admin/login/" in response["Location"]


# --- Retention settings: editable, validated, audited ------------------------------------


def test_settings_can_be_changed_with_validation(admin_client, case_data, org):
    with scopes_disabled():
        row = OrganisationCaseSettings.objects.get(organisation=org)
    path = admin_url(OrganisationCaseSettings, f"{row.pk}/change/")
    response = admin_client.post(path, {"retention_months": "0", "delete_after_months": "200"})
    assert response.status_code == 200
    assert "Persoonsgegevens bewaren: vul een aantal maanden in van 1 tot en met 120." in response.text
    assert "Casus helemaal verwijderen: vul een aantal maanden in van 1 tot en met 120." in response.text
    with scopes_disabled():
        row.refresh_from_db()
        assert (row.retention_months, row.delete_after_months) == (6, 6)

    response = admin_client.post(path, {"retention_months": "3", "delete_after_months": "9"})
    assert response.status_code == 302
    with scopes_disabled():
        row.refresh_from_db()
        assert (row.retention_months, row.delete_after_months) == (3, 9)
        audit = AuditEvent.objects.get(kind=services_settings.AUDIT_KIND)
    assert audit.organisation == org
    assert audit.detail == "Bewaren 6 → 3 maanden; verwijderen 6 → 9 maanden"
    assert admin_client.get(admin_url(OrganisationCaseSettings, f"{row.pk}/delete/")).status_code == 403


def test_settings_can_be_added_for_an_organisation(admin_client, other_org):
    response = admin_client.post(
        admin_url(OrganisationCaseSettings, "add/"),
        {"organisation": other_org.pk, "retention_months": "24", "delete_after_months": "1"},
    )
    assert response.status_code == 302, response.text[:2000]
    with scopes_disabled():
        row = OrganisationCaseSettings.objects.get(organisation=other_org)
        assert (row.retention_months, row.delete_after_months) == (24, 1)
        assert AuditEvent.objects.filter(organisation=other_org, kind=services_settings.AUDIT_KIND).count() == 1


# --- Reminders: read-only, and failed ones can be tried again ------------------------------


@pytest.fixture
def reminder_rows(org, other_org):
    """A failed, a sent and a pending reminder in ``org``, and a failed one elsewhere."""
    case = CaseFactory(organisation=org, handler=MembershipFactory(organisation=org, role=Role.CASE_HANDLER).user)
    now = timezone.now()
    with scopes_disabled():
        failed = Reminder.objects.create(
            organisation=org,
            kind=NotificationKind.CASE_FOLLOW_UP,
            subject=str(Subject.case(case.pk)),
            due_at=now - timedelta(hours=2),
            status=Reminder.Status.FAILED,
            attempts=5,
            last_error="SMTPServerDisconnected: verbinding-weg-K4",
        )
        sent = Reminder.objects.create(
            organisation=org,
            kind=NotificationKind.TASK_OVERDUE,
            subject=str(Subject.task(77)),
            due_at=now - timedelta(days=1),
            status=Reminder.Status.SENT,
            attempts=1,
            sent_at=now - timedelta(days=1),
        )
        pending = Reminder.objects.create(
            organisation=org,
            kind=NotificationKind.WEEKLY_DIGEST,
            subject=str(Subject.digest(5)),
            due_at=now + timedelta(days=3),
        )
        elsewhere = Reminder.objects.create(
            organisation=other_org,
            kind=NotificationKind.TRAINING_DUE,
            subject=str(Subject.assignment(8)),
            due_at=now - timedelta(hours=1),
            status=Reminder.Status.FAILED,
            attempts=5,
            last_error="SMTPAuthenticationError: elders",
        )
    return {"case": case, "failed": failed, "sent": sent, "pending": pending, "elsewhere": elsewhere}


def test_reminder_list_shows_the_columns_filters_and_search(admin_client, reminder_rows):
    failed = reminder_rows["failed"]
    index = admin_client.get("/django-admin/messaging/")
    assert admin_url(Reminder) in index.text
    page = admin_client.get(admin_url(Reminder)).text
    for text in ("Nazorg: contact met het slachtoffer", failed.subject, "verbinding-weg-K4", "Mislukt", "Verstuurd"):
        assert text in page, text
    for column in ("kind", "subject", "due_at", "status", "attempts", "last_error", "sent_at"):
        assert f'class="sortable column-{column}' in page, column
    assert "Opnieuw proberen" in page
    assert "delete_selected" not in page

    only_failed = admin_client.get(admin_url(Reminder), {"status__exact": "failed"}).text
    assert f"/reminder/{failed.pk}/change/" in only_failed
    assert f"/reminder/{reminder_rows['sent'].pk}/change/" not in only_failed
    by_kind = admin_client.get(admin_url(Reminder), {"kind__exact": "weekly_digest"}).text
    assert f"/reminder/{reminder_rows['pending'].pk}/change/" in by_kind
    assert f"/reminder/{failed.pk}/change/" not in by_kind
    found = admin_client.get(admin_url(Reminder), {"q": str(Subject.task(77))}).text
    assert f"/reminder/{reminder_rows['sent'].pk}/change/" in found
    assert f"/reminder/{failed.pk}/change/" not in found

    detail = admin_client.get(admin_url(Reminder, f"{failed.pk}/change/"))
    assert detail.status_code == 200
    assert "verbinding-weg-K4" in detail.text and 'name="_save"' not in detail.text


def test_reminders_cannot_be_added_changed_or_deleted(admin_client, reminder_rows):
    failed = reminder_rows["failed"]
    assert admin_client.get(admin_url(Reminder, "add/")).status_code == 403
    assert admin_client.post(admin_url(Reminder, "add/"), {}).status_code == 403
    assert admin_client.post(admin_url(Reminder, f"{failed.pk}/change/"), {"status": "pending"}).status_code == 403
    assert admin_client.post(admin_url(Reminder, f"{failed.pk}/delete/"), {"post": "yes"}).status_code == 403
    admin_client.post(
        admin_url(Reminder), {"action": "delete_selected", "_selected_action": [failed.pk], "post": "yes"}
    )
    with scopes_disabled():
        assert Reminder.objects.count() == 4
        failed.refresh_from_db()
    assert failed.status == Reminder.Status.FAILED


def test_retry_sets_failed_reminders_back_and_the_sweep_sends_them(
    admin_client, reminder_rows, mailoutbox, django_capture_on_commit_callbacks
):
    failed, sent, pending = reminder_rows["failed"], reminder_rows["sent"], reminder_rows["pending"]
    with scopes_disabled():
        Reminder.objects.filter(pk=failed.pk).update(lease_until=timezone.now() + timedelta(minutes=5))
    response = admin_client.post(
        admin_url(Reminder),
        {"action": "retry_failed", "_selected_action": [failed.pk, sent.pk, pending.pk]},
        follow=True,
    )
    assert response.status_code == 200
    assert "1 herinnering staat weer klaar." in response.text
    assert "2 herinneringen waren niet mislukt en zijn niet veranderd." in response.text
    with scopes_disabled():
        for row in (failed, sent, pending, reminder_rows["elsewhere"]):
            row.refresh_from_db()
    assert (failed.status, failed.attempts, failed.lease_until) == (Reminder.Status.PENDING, 0, None)
    assert failed.last_error  # kept as history
    assert (sent.status, sent.attempts) == (Reminder.Status.SENT, 1)
    assert pending.status == Reminder.Status.PENDING
    assert reminder_rows["elsewhere"].status == Reminder.Status.FAILED  # not selected

    queued: list[int] = []
    with django_capture_on_commit_callbacks(execute=True):
        reminders.sweep(enqueue=queued.extend)
    assert queued == [failed.pk]  # due at once; the other failed row stays failed
    assert reminders.deliver(failed.pk) == "sent"
    case = reminder_rows["case"]
    assert Notification.objects.filter(user=case.handler, kind=NotificationKind.CASE_FOLLOW_UP).count() == 1
    assert [m.to for m in mailoutbox] == [[case.handler.email]]


def test_only_a_superuser_may_retry(reminder_rows):
    failed = reminder_rows["failed"]
    editor = MembershipFactory(
        organisation=PlatformFactory(name="P", slug="p-editor", country="NL"),
        user=UserFactory(with_totp=True),
        role=Role.CONTENT_EDITOR,
    ).user
    user_sync_staff_flags(user=editor)
    editor.refresh_from_db()
    assert editor.is_staff and not editor.is_superuser
    with pytest.raises(PermissionError):
        reminders_retry_failed(actor=editor, reminder_ids=[failed.pk])
    with scopes_disabled():
        failed.refresh_from_db()
    assert failed.status == Reminder.Status.FAILED
    assert admin_client_for(Role.CONTENT_EDITOR).get(admin_url(Reminder)).status_code == 403
