"""Subject access and erasure requests (AVG art. 15 and 17): registering with the legal
due date, the reminder, extending, answering, retention, and who may see the pages."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from messaging import reminders
from messaging.models import Notification, NotificationKind, Reminder
from portal.models import AuditEvent
from portal.roles import Role
from privacy.models import SubjectRequest
from privacy.requests import services
from privacy.tasks import subject_requests_reduce
from tests.privacy.factories import SubjectRequestFactory
from tests.privacy.helpers import full_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(org, member_factory):
    return member_factory(org, Role.ORG_COORDINATOR, first_name="Cora", last_name="Coördinator")


@pytest.fixture
def handler(org, member_factory):
    return member_factory(org, Role.CASE_HANDLER, first_name="Henk", last_name="Handelaar")


@pytest.fixture
def other_coordinator(other_org, member_factory):
    return member_factory(other_org, Role.ORG_COORDINATOR)


@pytest.fixture
def case(org, handler):
    return full_case(org, handler, reference="2026-0001", pseudonym="J.B.")


def base(org) -> str:
    return f"/o/{org.slug}/privacy/verzoeken/"


def signed_in(client, membership):
    client.force_login(membership.user)
    return client


def reminder_rows(request: SubjectRequest) -> list[Reminder]:
    with scopes_disabled():
        return list(
            Reminder.objects.filter(subject=f"privacy_request:{request.pk}", kind=NotificationKind.PRIVACY_REQUEST_DUE)
        )


def fetch(request: SubjectRequest) -> SubjectRequest:
    with scope(organisation=request.organisation):
        return SubjectRequest.objects.get(pk=request.pk)


# --- The due date ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (date(2026, 1, 31), date(2026, 2, 28)),
        (date(2028, 1, 31), date(2028, 2, 29)),
        (date(2026, 3, 31), date(2026, 4, 30)),
        (date(2026, 12, 15), date(2027, 1, 15)),
    ],
)
def test_due_date_is_one_calendar_month_later_and_month_end_stays_in_the_month(received, due):
    assert services.due_date(received) == due


# --- Registering -----------------------------------------------------------------------------


def test_coordinator_registers_an_access_request_for_a_victim(client, org, coordinator, case):
    response = signed_in(client, coordinator).post(
        f"{base(org)}nieuw/",
        {
            "kind": "access",
            "subject_type": "victim",
            "case_references": "2026-0001",
            "pseudonym": "j.b.",
            "received_on": "2026-01-31",
        },
    )
    assert response.status_code == 302
    with scope(organisation=org):
        request = SubjectRequest.objects.get()
        assert AuditEvent.objects.filter(kind=AuditEvent.Kind.PRIVACY_REQUEST_REGISTERED).count() == 1
    assert response["Location"] == f"{base(org)}{request.pk}/"
    assert request.case_references == ["2026-0001"]
    assert request.due_on == date(2026, 2, 28)
    assert request.handled_by == coordinator.user
    detail = client.get(response["Location"])
    assert "28 februari 2026" in detail.text
    assert "Maak het overzicht" in detail.text


def test_register_a_member_by_choosing_them(client, org, coordinator, handler):
    today = timezone.localdate()
    response = signed_in(client, coordinator).post(
        f"{base(org)}nieuw/",
        {"kind": "erasure", "subject_type": "staff", "member": handler.pk, "received_on": today.isoformat()},
    )
    assert response.status_code == 302
    with scope(organisation=org):
        request = SubjectRequest.objects.get()
    assert request.subject_user == handler.user
    assert request.due_on == services.due_date(today)


def test_register_form_defaults_to_today(client, org, coordinator):
    page = signed_in(client, coordinator).get(f"{base(org)}nieuw/")
    assert page.status_code == 200
    assert f'value="{timezone.localdate().isoformat()}"' in page.text


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"subject_type": "victim", "case_references": "2026-0001", "pseudonym": "J.B."}, "kind", "inzage of"),
        ({"kind": "access", "subject_type": "victim", "pseudonym": "J.B."}, "case_references", "minstens één"),
        (
            {"kind": "access", "subject_type": "victim", "case_references": "2026-9999", "pseudonym": "J.B."},
            "case_references",
            "2026-9999",
        ),
        (
            {"kind": "access", "subject_type": "victim", "case_references": "2026-0001", "pseudonym": "X.Y."},
            "pseudonym",
            "schuilnaam",
        ),
        ({"kind": "access", "subject_type": "staff"}, "member", "Kies het lid"),
    ],
    ids=["kind", "no-reference", "unknown-reference", "wrong-pseudonym", "no-member"],
)
def test_register_errors_name_the_field(client, org, coordinator, case, data, field, message):
    data = {"received_on": timezone.localdate().isoformat(), **data}
    response = signed_in(client, coordinator).post(f"{base(org)}nieuw/", data)
    assert response.status_code == 400
    form = response.context["form"]
    assert field in form.errors, form.errors
    assert message in " ".join(form.errors[field])
    assert f'id="id_{field}_error"' in response.text
    with scope(organisation=org):
        assert not SubjectRequest.objects.exists()


def test_received_on_cannot_lie_in_the_future(client, org, coordinator, case):
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = signed_in(client, coordinator).post(
        f"{base(org)}nieuw/",
        {
            "kind": "access",
            "subject_type": "victim",
            "case_references": "2026-0001",
            "pseudonym": "J.B.",
            "received_on": tomorrow.isoformat(),
        },
    )
    assert response.status_code == 400
    assert "toekomst" in " ".join(response.context["form"].errors["received_on"])


def test_a_member_of_another_organisation_cannot_be_chosen(client, org, coordinator, other_coordinator):
    response = signed_in(client, coordinator).post(
        f"{base(org)}nieuw/",
        {
            "kind": "access",
            "subject_type": "staff",
            "member": other_coordinator.pk,
            "received_on": timezone.localdate().isoformat(),
        },
    )
    assert response.status_code == 400
    assert "member" in response.context["form"].errors


def test_another_organisations_case_reference_is_unknown_here(client, org, other_org, coordinator, member_factory):
    elsewhere = member_factory(other_org, Role.CASE_HANDLER)
    full_case(other_org, elsewhere, reference="2026-0500", pseudonym="K.L.")
    response = signed_in(client, coordinator).post(
        f"{base(org)}nieuw/",
        {
            "kind": "access",
            "subject_type": "victim",
            "case_references": "2026-0500",
            "pseudonym": "K.L.",
            "received_on": timezone.localdate().isoformat(),
        },
    )
    assert response.status_code == 400
    assert "case_references" in response.context["form"].errors


# --- The reminder ------------------------------------------------------------------------------


def _register(org, coordinator, *, received_on: date, kind: str = "access") -> SubjectRequest:
    with scope(organisation=org):
        return services.subject_request_register(
            organisation=org,
            actor_membership=coordinator,
            kind=kind,
            person=services.VictimSubject(case_references=("2026-0001",), pseudonym="J.B."),
            received_on=received_on,
        )


def test_reminder_is_planned_seven_days_before_the_due_date_and_is_neutral(org, coordinator, case, member_factory):
    municipal_like = member_factory(org, Role.ORG_COORDINATOR, email="tweede@example.org")
    learner = member_factory(org, Role.LEARNER, email="leerling@example.org")
    request = _register(org, coordinator, received_on=timezone.localdate())
    [reminder] = reminder_rows(request)
    assert reminder.status == Reminder.Status.PENDING
    assert timezone.localtime(reminder.due_at).date() == request.due_on - timedelta(days=7)
    assert reminder.organisation_id == org.pk

    assert reminders.deliver(reminder.pk, now=reminder.due_at) == "sent"
    told = set(Notification.objects.filter(kind=NotificationKind.PRIVACY_REQUEST_DUE).values_list("user_id", flat=True))
    assert told == {coordinator.user_id, municipal_like.user_id}
    assert learner.user_id not in told
    assert mail.outbox
    for message in mail.outbox:
        text = message.subject + message.body
        assert "privacyverzoek" in text.lower()
        assert "2026-0001" not in text
        assert "J.B." not in text
        assert f"/privacy/verzoeken/{request.pk}/" in text


def test_late_registration_plans_the_reminder_now(org, coordinator, case):
    request = _register(org, coordinator, received_on=timezone.localdate() - timedelta(days=28))
    [reminder] = reminder_rows(request)
    assert reminder.due_at <= timezone.now()


def test_answering_cancels_the_reminder(client, org, coordinator, case):
    request = _register(org, coordinator, received_on=timezone.localdate() - timedelta(days=3))
    response = signed_in(client, coordinator).post(
        f"{base(org)}{request.pk}/afronden/",
        {"answered_on": timezone.localdate().isoformat(), "answer": "Overzicht per beveiligde mail gestuurd."},
    )
    assert response.status_code == 302
    request = fetch(request)
    assert request.status == SubjectRequest.Status.ANSWERED
    assert request.answered_on == timezone.localdate()
    assert [r.status for r in reminder_rows(request)] == [Reminder.Status.CANCELLED]
    with scope(organisation=org):
        assert AuditEvent.objects.filter(kind=AuditEvent.Kind.PRIVACY_REQUEST_ANSWERED).exists()
    page = client.get(f"{base(org)}{request.pk}/")
    assert "Overzicht per beveiligde mail gestuurd." in page.text
    assert "Verzoek afronden" not in page.text


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"answer": ""}, "answer"),
        ({"answered_on": "2000-01-01"}, "answered_on"),
        ({"answered_on": "2999-01-01"}, "answered_on"),
        ({"answered_on": "gisteren"}, "answered_on"),
    ],
    ids=["no-answer", "before-receipt", "future", "not-a-date"],
)
def test_answer_errors_name_the_field(client, org, coordinator, case, data, field):
    request = _register(org, coordinator, received_on=timezone.localdate() - timedelta(days=3))
    data = {"answered_on": timezone.localdate().isoformat(), "answer": "Gedaan.", **data}
    response = signed_in(client, coordinator).post(f"{base(org)}{request.pk}/afronden/", data)
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert fetch(request).is_open


# --- Extending ---------------------------------------------------------------------------------


def test_extension_moves_the_due_date_and_the_reminder(client, org, coordinator, case):
    request = _register(org, coordinator, received_on=timezone.localdate() - timedelta(days=10))
    response = signed_in(client, coordinator).post(
        f"{base(org)}{request.pk}/verlengen/", {"months": "2", "reason": "Veel gegevens uit meerdere casussen."}
    )
    assert response.status_code == 302
    request = fetch(request)
    assert request.extended_until == services.add_months(request.due_on, 2)
    assert request.final_due_on == request.extended_until
    rows = reminder_rows(request)
    pending = [r for r in rows if r.status == Reminder.Status.PENDING]
    assert len(pending) == 1
    assert timezone.localtime(pending[0].due_at).date() == request.extended_until - timedelta(days=7)
    with scope(organisation=org):
        assert AuditEvent.objects.filter(kind=AuditEvent.Kind.PRIVACY_REQUEST_EXTENDED).count() == 1


def test_extension_needs_a_reason(client, org, coordinator, case):
    request = _register(org, coordinator, received_on=timezone.localdate())
    response = signed_in(client, coordinator).post(
        f"{base(org)}{request.pk}/verlengen/", {"months": "1", "reason": " "}
    )
    assert response.status_code == 400
    assert "reason" in response.context["form"].errors
    assert fetch(request).extended_until is None


def test_extension_is_at_most_two_months(client, org, coordinator, case):
    request = _register(org, coordinator, received_on=timezone.localdate())
    response = signed_in(client, coordinator).post(
        f"{base(org)}{request.pk}/verlengen/", {"months": "3", "reason": "Veel werk."}
    )
    assert response.status_code == 400
    assert "months" in response.context["form"].errors
    with scope(organisation=org), pytest.raises(services.ValidationError):
        services.subject_request_extend(request=request, actor_membership=coordinator, months=3, reason="Veel werk.")


def test_extension_in_steps_stays_within_two_months_and_cannot_shorten(org, coordinator, case):
    request = _register(org, coordinator, received_on=timezone.localdate())
    with scope(organisation=org):
        services.subject_request_extend(request=request, actor_membership=coordinator, months=1, reason="Veel werk.")
        with pytest.raises(services.ValidationError) as error:
            services.subject_request_extend(
                request=request, actor_membership=coordinator, months=1, reason="Nog meer werk."
            )
        assert "months" in error.value.message_dict
        services.subject_request_extend(request=request, actor_membership=coordinator, months=2, reason="Nog meer.")
    assert fetch(request).extended_until == services.add_months(request.due_on, 2)


def test_extension_only_before_the_due_date(client, org, coordinator, case):
    request = _register(org, coordinator, received_on=timezone.localdate() - timedelta(days=40))
    assert fetch(request).is_overdue()
    page = signed_in(client, coordinator).get(f"{base(org)}{request.pk}/")
    assert "Termijn verlengen" not in page.text
    response = client.post(f"{base(org)}{request.pk}/verlengen/", {"months": "1", "reason": "Te laat gezien."})
    assert response.status_code == 400
    assert "voorbij" in response.text
    assert fetch(request).extended_until is None


# --- The list ----------------------------------------------------------------------------------


def test_list_shows_open_first_by_due_date_with_days_left_and_late_ones_marked(client, org, coordinator):
    today = timezone.localdate()
    answered = SubjectRequestFactory(organisation=org, received_on=today - timedelta(days=20), answered=True)
    later = SubjectRequestFactory(organisation=org, received_on=today - timedelta(days=2), case_references=["LATER"])
    late = SubjectRequestFactory(organisation=org, received_on=today - timedelta(days=40), case_references=["LAAT"])
    soon = SubjectRequestFactory(organisation=org, received_on=today - timedelta(days=25), case_references=["SNEL"])
    page = signed_in(client, coordinator).get(base(org))
    assert page.status_code == 200
    listed = [item.pk for item in page.context["page"].object_list]
    assert listed == [late.pk, soon.pk, later.pk, answered.pk]
    text = page.text
    assert "privacy-row--late" in text
    assert "Te laat: " in text
    assert f"Nog {fetch(soon).days_left()} dagen" in text
    assert text.index("LAAT") < text.index("SNEL") < text.index("LATER")


def test_list_counts_requests_per_page(client, org, coordinator):
    SubjectRequestFactory.create_batch(30, organisation=org)
    page = signed_in(client, coordinator).get(base(org))
    assert len(page.context["page"].object_list) == 25
    assert "Pagina 1 van 2" in page.text
    assert len(client.get(f"{base(org)}?pagina=2").context["page"].object_list) == 5


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_list_queries_do_not_grow_with_rows(client, org, coordinator, member_factory):
    signed_in(client, coordinator).get(base(org))
    SubjectRequestFactory.create_batch(3, organisation=org)
    SubjectRequestFactory(
        organisation=org,
        subject_type=SubjectRequest.SubjectType.STAFF,
        case_references=[],
        pseudonym="",
        subject_user=member_factory(org).user,
    )
    SubjectRequestFactory(organisation=org, answered=True, reduced_at=timezone.now(), case_references=[])
    few = _queries(client, base(org))
    for _ in range(20):
        SubjectRequestFactory(
            organisation=org,
            subject_type=SubjectRequest.SubjectType.STAFF,
            case_references=[],
            pseudonym="",
            subject_user=member_factory(org).user,
        )
    SubjectRequestFactory.create_batch(20, organisation=org, answered=True)
    SubjectRequestFactory.create_batch(5, organisation=org, answered=True, reduced_at=timezone.now())
    many = _queries(client, base(org))
    assert few == many, f"{few} queries with a few requests, {many} with many"
    assert many <= 8, many  # the fixed reads of a signed-in page, plus the count, the page and the reduced counts


def test_detail_queries_do_not_grow_with_the_organisation(client, org, coordinator):
    request = SubjectRequestFactory(organisation=org, answered=True)
    signed_in(client, coordinator).get(f"{base(org)}{request.pk}/")
    few = _queries(client, f"{base(org)}{request.pk}/")
    SubjectRequestFactory.create_batch(20, organisation=org)
    assert _queries(client, f"{base(org)}{request.pk}/") == few


# --- Who may see the pages -------------------------------------------------------------------


def _paths(org, request_id: int) -> list[tuple[str, str]]:
    root = base(org)
    return [
        ("get", root),
        ("get", f"{root}nieuw/"),
        ("get", f"{root}{request_id}/"),
        ("post", f"{root}{request_id}/overzicht/"),
        ("get", f"{root}{request_id}/overzicht/bestand/"),
        ("post", f"{root}{request_id}/verwijderen/"),
        ("get", f"{root}{request_id}/verlengen/"),
        ("get", f"{root}{request_id}/afronden/"),
    ]


def test_every_page_is_404_for_a_member_of_another_organisation(client, org, other_coordinator):
    request = SubjectRequestFactory(organisation=org)
    signed_in(client, other_coordinator)
    for method, path in _paths(org, request.pk):
        response = getattr(client, method)(path)
        assert response.status_code == 404, (method, path, response.status_code)


def test_another_organisations_request_id_is_404_in_ones_own(client, org, other_org, other_coordinator):
    request = SubjectRequestFactory(organisation=org)
    signed_in(client, other_coordinator)
    for method, path in _paths(other_org, request.pk)[2:]:
        response = getattr(client, method)(path)
        assert response.status_code == 404, (method, path, response.status_code)


def test_every_page_is_403_without_the_permission(client, org, handler):
    request = SubjectRequestFactory(organisation=org)
    signed_in(client, handler)
    for method, path in _paths(org, request.pk):
        response = getattr(client, method)(path)
        assert response.status_code == 403, (method, path, response.status_code)


def test_pages_are_never_cached(client, org, coordinator):
    request = SubjectRequestFactory(organisation=org)
    signed_in(client, coordinator)
    for path in (base(org), f"{base(org)}{request.pk}/"):
        assert "no-store" in client.get(path)["Cache-Control"]


def test_menu_and_start_page_show_requests_due_soon(client, org, coordinator, handler):
    SubjectRequestFactory(organisation=org, received_on=timezone.localdate() - timedelta(days=26))
    SubjectRequestFactory(organisation=org, received_on=timezone.localdate())
    home = signed_in(client, coordinator).get(f"/o/{org.slug}/")
    assert "Privacyverzoeken" in home.text
    items = {item.key: item for item in home.context["work"]}
    assert items["privacyverzoeken-binnenkort"].count == 1
    assert items["privacyverzoeken-binnenkort"].urgent
    assert "Privacyverzoeken die binnen 7 dagen af moeten" in home.text
    handler_home = signed_in(client, handler).get(f"/o/{org.slug}/")
    assert "Privacyverzoeken" not in handler_home.text


# --- Retention ---------------------------------------------------------------------------------


def test_requests_answered_long_ago_are_reduced_to_counts(client, org, other_org, coordinator, settings):
    settings.SUBJECT_REQUESTS_KEEP_MONTHS = 24
    today = timezone.localdate()
    old = SubjectRequestFactory(
        organisation=org,
        kind=SubjectRequest.Kind.ERASURE,
        received_on=date(today.year - 3, 3, 1),
        answered=True,
        extension_reason="Veel werk.",
        erasure_result=[{"what": "Casus 2026-0001", "erased": True, "reason": "Verwijderd."}],
    )
    recent = SubjectRequestFactory(organisation=org, received_on=today - timedelta(days=60), answered=True)
    still_open = SubjectRequestFactory(organisation=org, received_on=date(today.year - 3, 3, 1))
    elsewhere = SubjectRequestFactory(organisation=other_org, received_on=date(today.year - 3, 5, 1), answered=True)

    assert subject_requests_reduce() == 2
    assert subject_requests_reduce() == 0  # safe to run twice

    old = fetch(old)
    assert old.reduced_at is not None
    assert (old.case_references, old.pseudonym, old.subject_user, old.answer) == ([], "", None, "")
    assert (old.erasure_result, old.extension_reason) == ([], "")
    assert old.kind == SubjectRequest.Kind.ERASURE
    assert old.status == SubjectRequest.Status.ANSWERED
    assert old.received_on == date(today.year - 3, 3, 1)
    assert old.answered_on is not None
    assert fetch(elsewhere).reduced_at is not None
    assert fetch(recent).reduced_at is None
    assert fetch(still_open).reduced_at is None

    page = signed_in(client, coordinator).get(base(org))
    assert [item.pk for item in page.context["page"].object_list] == [still_open.pk, recent.pk]
    [row] = page.context["reduced"]
    assert (row.year, row.kind, row.count) == (today.year - 3, "erasure", 1)
    assert "2026-0001" not in page.text


def test_the_reduction_runs_daily_on_the_beat_schedule():
    from portal.celery import app

    tasks = {entry["task"] for entry in app.conf.beat_schedule.values()}
    assert "privacy.tasks.subject_requests_reduce" in tasks
    assert "privacy.tasks.subject_requests_reduce" in app.tasks


@pytest.mark.parametrize(
    ("country", "helpline", "absent"), [("NL", "Veilig Thuis", "1712"), ("BE", "1712", "Veilig Thuis")]
)
def test_an_open_victims_request_first_asks_who_is_asking_and_whether_it_is_safe(
    client, member_factory, country, helpline, absent
):
    """A perpetrator may pose as the victim, a parent may be part of the threat: the
    first steps say to check and, when in doubt, to consult the country's helpline."""
    from portal.models import Country
    from portal.roles import Role
    from tests.factories import MunicipalityFactory, SchoolFactory
    from tests.privacy.factories import SubjectRequestFactory

    school = SchoolFactory(parent=MunicipalityFactory(country=Country(country)))
    coordinator = member_factory(school, Role.ORG_COORDINATOR)
    client.force_login(coordinator.user)
    for kind in ("access", "erasure"):
        item = SubjectRequestFactory(organisation=school, kind=kind)
        html = client.get(f"/o/{school.slug}/privacy/verzoeken/{item.pk}/").text
        assert "Controleer eerst wie het vraagt" in html
        assert "dader zich voordoet als het slachtoffer" in html
        assert helpline in html and absent not in html
    learner = member_factory(school, Role.LEARNER)
    item = SubjectRequestFactory(
        organisation=school, subject_type="staff", case_references=[], pseudonym="", subject_user=learner.user
    )
    html = client.get(f"/o/{school.slug}/privacy/verzoeken/{item.pk}/").text
    assert "echt van dit lid komt" in html and "dader" not in html
