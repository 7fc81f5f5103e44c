"""The follow-up schedule on the case settings page: only the coordinator sets it, it
is validated per field and audited, and saving it moves the planned reminders of
the organisation's open cases (moments still to come only). The page also lists
the organisation's reminders that could not be sent."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from messaging.models import NotificationKind, Reminder
from messaging.subjects import Subject
from portal.models import AuditEvent
from portal.roles import Role
from referrals import messages
from referrals.models import Case, OrganisationCaseSettings
from referrals.settings import services as services_settings
from tests.referrals.factories import CaseFactory

pytestmark = pytest.mark.django_db

K = NotificationKind
S = Reminder.Status
FOLLOW_UP = "follow_up"


def url(org) -> str:
    return f"/o/{org.slug}/casussen/bewaartermijn/"


def post_days(client, org, text: str):
    return client.post(url(org), {"section": FOLLOW_UP, "follow_up_days": text})


@pytest.fixture
def coordinator(org, member_factory):
    return member_factory(org, Role.ORG_COORDINATOR)


def stored_days(org):
    with scopes_disabled():
        return (
            OrganisationCaseSettings.objects.filter(organisation=org).values_list("follow_up_days", flat=True).first()
        )


def audit_details(org) -> list[str]:
    with scopes_disabled():
        return list(
            AuditEvent.objects.filter(organisation=org, kind=AuditEvent.Kind.CASE_SETTINGS_CHANGED)
            .order_by("pk")
            .values_list("detail", flat=True)
        )


def follow_ups(case) -> dict[int, str]:
    """Days after opening -> status, for every follow-up row of ``case``."""
    with scopes_disabled():
        rows = Reminder.objects.filter(kind=K.CASE_FOLLOW_UP, subject=str(Subject.case(case.pk)))
        return {round((r.due_at - case.created_at) / timedelta(days=1)): r.status for r in rows}


def opened_days_ago(org, days: int, **extra) -> Case:
    """A case opened ``days`` ago with the default follow-ups planned, as case_open does."""
    case = CaseFactory(organisation=org, created_at=timezone.now() - timedelta(days=days), **extra)
    messages.plan_case_follow_ups(case)
    return case


# --- Who may -----------------------------------------------------------------------------


@pytest.mark.parametrize("role", [Role.LEARNER, Role.CASE_HANDLER, Role.CONTENT_EDITOR])
def test_other_roles_get_403_and_change_nothing(role, client, org, member_factory):
    client.force_login(member_factory(org, role).user)
    response = post_days(client, org, "3, 14")
    assert response.status_code == 403
    assert stored_days(org) is None and audit_details(org) == []


def test_coordinator_of_another_organisation_gets_404(client, org, other_org, member_factory):
    case = opened_days_ago(org, 1)
    client.force_login(member_factory(other_org, Role.ORG_COORDINATOR).user)
    assert post_days(client, org, "3, 14").status_code == 404
    assert stored_days(org) is None
    assert follow_ups(case) == {7: S.PENDING, 30: S.PENDING, 90: S.PENDING}


def test_service_refuses_other_roles(org, member_factory):
    for role in (Role.LEARNER, Role.CASE_HANDLER):
        membership = member_factory(org, role)
        with scope(organisation=org), pytest.raises(PermissionError):
            services_settings.follow_up_schedule_save(actor_membership=membership, days=[3])
    assert stored_days(org) is None


# --- The page ------------------------------------------------------------------------------


def test_page_shows_the_schedule_field_with_the_default(client, org, coordinator):
    client.force_login(coordinator.user)
    response = client.get(url(org))
    assert response.status_code == 200
    page = response.text
    assert "<h1>Bewaartermijn en nazorg</h1>" in page
    assert '<label class="utrecht-form-label" for="id_follow_up_days">' in page
    assert "Nazorgmomenten (dagen na het openen van een casus)" in page
    assert 'name="follow_up_days"' in page and 'value="7, 30, 90"' in page
    assert f'name="section" value="{FOLLOW_UP}"' in page
    assert "Nu: na 7, 30 en 90 dagen. Dat is de standaard." in page
    assert stored_days(org) is None


def test_saving_stores_audits_and_redirects(client, org, coordinator):
    client.force_login(coordinator.user)
    response = post_days(client, org, " 14,3 ")
    assert response.status_code == 302 and response["Location"] == url(org)
    assert stored_days(org) == [3, 14]
    assert audit_details(org) == ["Nazorgmomenten 7, 30, 90 → 3, 14 dagen"]
    with scopes_disabled():
        assert AuditEvent.objects.get(kind=AuditEvent.Kind.CASE_SETTINGS_CHANGED).actor == coordinator.user
    page = client.get(url(org)).text
    assert "De nazorgmomenten zijn opgeslagen." in page
    assert 'value="3, 14"' in page and "Nu: na 3 en 14 dagen. De standaard is 7, 30 en 90 dagen." in page
    # The retention periods are untouched.
    with scopes_disabled():
        row = OrganisationCaseSettings.objects.get(organisation=org)
    assert (row.retention_months, row.delete_after_months) == (12, 12)

    # The same schedule again: nothing changes, no second audit row.
    post_days(client, org, "3, 14")
    assert len(audit_details(org)) == 1
    # Empty: back to the default.
    post_days(client, org, "")
    assert stored_days(org) == []
    assert audit_details(org)[-1] == "Nazorgmomenten 3, 14 → 7, 30, 90 dagen"
    assert "Dat is de standaard." in client.get(url(org)).text


def test_saving_the_retention_form_keeps_the_schedule(client, org, coordinator):
    client.force_login(coordinator.user)
    post_days(client, org, "5")
    client.post(url(org), {"retention_months": "6", "delete_after_months": "6"})
    assert stored_days(org) == [5]
    with scopes_disabled():
        row = OrganisationCaseSettings.objects.get(organisation=org)
    assert row.retention_months == 6


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("-1", "Nazorgmomenten: vul hele aantallen dagen in, gescheiden door komma&#x27;s. Bijvoorbeeld: 7, 30, 90."),
        ("7, x", "Nazorgmomenten: vul hele aantallen dagen in, gescheiden door komma&#x27;s. Bijvoorbeeld: 7, 30, 90."),
        ("7.5", "Nazorgmomenten: vul hele aantallen dagen in, gescheiden door komma&#x27;s. Bijvoorbeeld: 7, 30, 90."),
        ("0", "Nazorgmomenten: elk aantal dagen ligt tussen 1 en 730."),
        ("7, 731", "Nazorgmomenten: elk aantal dagen ligt tussen 1 en 730."),
        ("99999999999999999999", "Nazorgmomenten: vul hele aantallen dagen in"),
        ("7, 30, 7", "Nazorgmomenten: elk aantal dagen mag maar één keer voorkomen."),
        (", ".join(str(d) for d in range(1, 12)), "Nazorgmomenten: kies hoogstens 10 momenten."),
        ("1, " * 100, "Nazorgmomenten: gebruik hoogstens 200 tekens."),
    ],
)
def test_bad_input_gives_a_field_error_and_keeps_the_text(text, message, client, org, coordinator):
    case = opened_days_ago(org, 1)
    client.force_login(coordinator.user)
    response = post_days(client, org, text)
    assert response.status_code == 200
    page = response.text
    assert 'id="id_follow_up_days_error"' in page
    assert message in page
    if len(text) <= 200:
        assert f'value="{text}"' in page  # nothing lost: the text stays in the field
    assert 'id="id_retention_months_error"' not in page  # the other form is not touched
    assert stored_days(org) is None and audit_details(org) == []
    assert follow_ups(case) == {7: S.PENDING, 30: S.PENDING, 90: S.PENDING}


@pytest.mark.parametrize("days", [[0], [-3], [731], [7, 7], ["7"], [True], [7.0], "7, x", list(range(1, 12)), {"7": 1}])
def test_service_validates_and_names_the_field(days, org, coordinator):
    with scope(organisation=org), pytest.raises(ValidationError) as caught:
        services_settings.follow_up_schedule_save(actor_membership=coordinator, days=days)
    assert list(caught.value.message_dict) == ["follow_up_days"]
    assert all(m.startswith("Nazorgmomenten: ") for m in caught.value.message_dict["follow_up_days"])
    assert stored_days(org) is None


def test_service_takes_a_list_or_the_text(org, coordinator):
    with scope(organisation=org):
        saved = services_settings.follow_up_schedule_save(actor_membership=coordinator, days=[30, 2])
        assert (saved.days, saved.is_default, saved.changed) == ([2, 30], False, True)
        saved = services_settings.follow_up_schedule_save(actor_membership=coordinator, days="2 30")
        assert saved.changed is False
        saved = services_settings.follow_up_schedule_save(actor_membership=coordinator, days=None)
        assert (saved.days, saved.is_default, saved.changed) == ([7, 30, 90], True, True)
        # Typing the default schedule is no change either.
        saved = services_settings.follow_up_schedule_save(actor_membership=coordinator, days="90, 30, 7")
        assert (saved.is_default, saved.changed) == (True, False)
    assert stored_days(org) == []
    assert len(audit_details(org)) == 2


def test_upload_is_refused(client, org, coordinator):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(coordinator.user)
    response = client.post(
        url(org), {"section": FOLLOW_UP, "follow_up_days": "3", "bestand": SimpleUploadedFile("a.txt", b"x")}
    )
    assert response.status_code == 400
    assert stored_days(org) is None


# --- Moving the reminders of open cases -----------------------------------------------------


def test_open_cases_get_the_new_schedule_from_now_on(client, org, other_org, coordinator):
    recent = opened_days_ago(org, 1)
    older = opened_days_ago(org, 10)
    closed = opened_days_ago(org, 2)
    with scopes_disabled():
        Case.objects.filter(pk=closed.pk).update(status=Case.Status.CLOSED, closed_at=timezone.now())
        closed_before = follow_ups(closed)
    elsewhere = opened_days_ago(other_org, 1)

    client.force_login(coordinator.user)
    response = post_days(client, org, "3, 14, 60")
    assert response.status_code == 302
    assert "De herinneringen van 2 open casussen zijn aangepast." in client.get(url(org)).text

    assert follow_ups(recent) == {
        3: S.PENDING,
        14: S.PENDING,
        60: S.PENDING,
        7: S.CANCELLED,
        30: S.CANCELLED,
        90: S.CANCELLED,
    }
    # Day 3 is past for a case opened 10 days ago: not planned. Day 7 had already come
    # (still pending: the sweep sends it) and is left alone.
    assert follow_ups(older) == {7: S.PENDING, 14: S.PENDING, 60: S.PENDING, 30: S.CANCELLED, 90: S.CANCELLED}
    assert follow_ups(closed) == closed_before  # closed cases are untouched
    assert follow_ups(elsewhere) == {7: S.PENDING, 30: S.PENDING, 90: S.PENDING}
    with scopes_disabled():
        assert set(
            Reminder.objects.filter(
                subject__in=[str(Subject.case(recent.pk)), str(Subject.case(older.pk))]
            ).values_list("organisation_id", flat=True)
        ) == {org.pk}


def test_a_cancelled_moment_becomes_pending_again(org, coordinator):
    case = opened_days_ago(org, 1)
    with scopes_disabled():
        before = dict(Reminder.objects.filter(subject=str(Subject.case(case.pk))).values_list("due_at", "pk"))
    with scope(organisation=org):
        services_settings.follow_up_schedule_save(actor_membership=coordinator, days=[3])
        services_settings.follow_up_schedule_save(actor_membership=coordinator, days=[])
    assert follow_ups(case) == {3: S.CANCELLED, 7: S.PENDING, 30: S.PENDING, 90: S.PENDING}
    with scopes_disabled():
        after = dict(
            Reminder.objects.filter(subject=str(Subject.case(case.pk)), status=S.PENDING).values_list("due_at", "pk")
        )
    assert after == before  # the same rows, no doubles


def test_sent_and_failed_follow_ups_stay_as_they_are(org, coordinator):
    case = opened_days_ago(org, 40)
    with scopes_disabled():
        rows = Reminder.objects.filter(subject=str(Subject.case(case.pk)))
        rows.filter(due_at=case.created_at + timedelta(days=7)).update(status=S.SENT, sent_at=timezone.now())
        rows.filter(due_at=case.created_at + timedelta(days=30)).update(status=S.FAILED, attempts=5)
    with scope(organisation=org):
        services_settings.follow_up_schedule_save(actor_membership=coordinator, days=[7, 30, 45])
    assert follow_ups(case) == {7: S.SENT, 30: S.FAILED, 45: S.PENDING, 90: S.CANCELLED}


def test_moving_works_in_batches(org, coordinator, monkeypatch):
    monkeypatch.setattr(services_settings, "MOVE_BATCH", 2)
    cases = [opened_days_ago(org, 1) for _n in range(5)]
    with scope(organisation=org):
        saved = services_settings.follow_up_schedule_save(actor_membership=coordinator, days=[2, 5])
    assert saved.open_cases == 5
    for case in cases:
        assert follow_ups(case) == {2: S.PENDING, 5: S.PENDING, 7: S.CANCELLED, 30: S.CANCELLED, 90: S.CANCELLED}


def _save_queries(org, coordinator, days) -> int:
    with CaptureQueriesContext(connection) as captured, scope(organisation=org):
        services_settings.follow_up_schedule_save(actor_membership=coordinator, days=days)
    return len(captured)


def test_moving_does_not_cost_a_query_per_open_case(org, other_org, member_factory):
    """A few queries per batch of open cases (and per insert batch of the database),
    never one per case."""
    few_coordinator = member_factory(org, Role.ORG_COORDINATOR)
    many_coordinator = member_factory(other_org, Role.ORG_COORDINATOR)
    opened_days_ago(org, 1)
    with scopes_disabled():
        many = Case.objects.bulk_create(
            Case(organisation=other_org, reference=f"2026-9{n:03d}", pseudonym="x", facts={}) for n in range(1200)
        )
    few_queries = _save_queries(org, few_coordinator, [3, 14])
    many_queries = _save_queries(other_org, many_coordinator, [3, 14])
    assert many_queries < few_queries + 60 < len(many)
    with scopes_disabled():
        assert Reminder.objects.filter(organisation=other_org, status=S.PENDING).count() == 2 * len(many)


# --- Failed deliveries ------------------------------------------------------------------------


def failed(org, n: int, *, error: str = "SMTPServerDisconnected: connection lost") -> None:
    now = timezone.now()
    with scopes_disabled():
        Reminder.objects.bulk_create(
            Reminder(
                organisation=org,
                kind=K.CASE_FOLLOW_UP,
                subject=str(Subject.case(90000 + org.pk * 100 + n)),
                due_at=now - timedelta(hours=n + 1),
                status=S.FAILED,
                attempts=5,
                last_error=error,
            )
            for n in range(n)
        )


def test_failed_reminders_are_listed_for_the_coordinator(client, org, other_org, coordinator):
    client.force_login(coordinator.user)
    assert "Er is geen bericht mislukt." in client.get(url(org)).text
    failed(org, 1)
    failed(other_org, 1, error="SMTPAuthenticationError: elders-fout-Z9")
    with scopes_disabled():
        Reminder.objects.create(
            organisation=org,
            kind=K.TASK_OVERDUE,
            subject=str(Subject.task(1)),
            due_at=timezone.now(),
            last_error="pending-Q3",
        )
    page = client.get(url(org)).text
    assert "Berichten die niet konden worden verstuurd" in page
    assert '<th class="utrecht-table__header-cell" scope="row">Nazorg: contact met het slachtoffer</th>' in page
    assert "SMTPServerDisconnected: connection lost" in page
    assert "elders-fout-Z9" not in page  # another organisation's failure
    assert "pending-Q3" not in page  # not failed
    assert "Er is geen bericht mislukt." not in page


def _count(client, path) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def test_page_costs_the_same_for_few_and_many_failures(client, org, coordinator):
    client.force_login(coordinator.user)
    failed(org, 1)
    client.get(url(org))  # warm the session
    few = _count(client, url(org))
    with scopes_disabled():
        Reminder.objects.all().delete()
    failed(org, 30)
    with scopes_disabled():
        OrganisationCaseSettings.objects.create(organisation=org, follow_up_days=[3, 14])
    many = _count(client, url(org))
    assert few == many
    page = client.get(url(org)).text
    assert page.count("SMTPServerDisconnected: connection lost") == 20
    assert "Er zijn er meer. Hier staan alleen de nieuwste 20." in page
