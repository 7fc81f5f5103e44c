"""Assignments by coordinators, statuses computed from dates and certificates,
"Mijn training" and the team matrix with its CSV export."""

from __future__ import annotations

import csv
import io
import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone
from django_scopes import ScopeError, scope

from portal.roles import Role
from tests.factories import MembershipFactory
from tests.training.builders import build_module
from tests.training.factories import AssignmentFactory, AttemptFactory, CertificateFactory
from training import services
from training.models import Assignment
from training.selectors import TrainingStatus as S
from training.selectors import my_training, training_status

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2026, 6, 15, 12, 0, tzinfo=AMS)
TODAY = date(2026, 6, 15)


def cert(expires: datetime) -> datetime:
    """A latest certificate, as training_status sees it: when it ends."""
    return expires


# --- Status, computed ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("due", "certificate", "open_attempt", "expected"),
    [
        (None, None, False, S.NOT_ASSIGNED),
        (None, None, True, S.IN_PROGRESS),
        (TODAY + timedelta(days=10), None, False, S.TODO),
        (TODAY, None, False, S.TODO),  # due today is not late yet
        (TODAY + timedelta(days=10), None, True, S.IN_PROGRESS),
        (TODAY - timedelta(days=1), None, False, S.OVERDUE),
        (TODAY - timedelta(days=1), None, True, S.OVERDUE),
        (TODAY - timedelta(days=1), cert(NOW + timedelta(days=200)), False, S.DONE),
        (None, cert(NOW + timedelta(days=200)), False, S.DONE),
        (TODAY + timedelta(days=5), cert(NOW + timedelta(days=29)), False, S.EXPIRING),
        (None, cert(NOW + timedelta(days=31)), False, S.DONE),
        # Expired: the assignment is open again, due by its date or the expiry, whichever is later.
        (TODAY - timedelta(days=300), cert(NOW - timedelta(days=1)), False, S.OVERDUE),
        (TODAY + timedelta(days=20), cert(NOW - timedelta(days=1)), False, S.TODO),
        (TODAY + timedelta(days=20), cert(NOW - timedelta(days=1)), True, S.IN_PROGRESS),
        (None, cert(NOW - timedelta(days=1)), False, S.EXPIRED),
    ],
)
def test_training_status(due, certificate, open_attempt, expected):
    assert (
        training_status(due_date=due, certificate_expires_at=certificate, has_open_attempt=open_attempt, now=NOW)
        == expected
    )


# --- Creating and deleting -------------------------------------------------------------------


def test_coordinator_assigns_to_a_role(login_as, org, coordinator, module):
    due = timezone.localdate() + timedelta(days=30)
    response = login_as(coordinator).post(
        f"/o/{org.slug}/training/toewijzingen/",
        {"module": module.pk, "role": Role.LEARNER, "due_date": due.isoformat()},
    )
    assert response.status_code == 302
    with scope(organisation=org):
        assignment = Assignment.objects.get()
    assert (assignment.module_id, assignment.role, assignment.membership, assignment.due_date) == (
        module.pk,
        Role.LEARNER,
        None,
        due,
    )
    assert assignment.created_by == coordinator.user
    html = login_as(coordinator).get(f"/o/{org.slug}/training/toewijzingen/").text
    assert "Iedereen met de rol" in html and module.title in html


def test_coordinator_assigns_to_a_person(login_as, org, coordinator, learner, module):
    due = timezone.localdate()
    response = login_as(coordinator).post(
        f"/o/{org.slug}/training/toewijzingen/",
        {"module": module.pk, "membership": learner.pk, "due_date": due.isoformat()},
    )
    assert response.status_code == 302
    with scope(organisation=org):
        assert Assignment.objects.get().membership == learner


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"role": "learner", "due_date": "2000-01-01"}, "due_date", "Kies een datum vanaf vandaag."),
        ({"role": "learner", "due_date": "morgen"}, "due_date", "Vul een datum in zoals 2026-12-31."),
        ({"role": "learner"}, "due_date", "Vul een datum in."),
        ({"role": "onzin", "due_date": "2099-01-01"}, "role", "Kies een rol uit de lijst."),
        ({"due_date": "2099-01-01"}, None, "Kies een rol of een persoon."),
    ],
)
def test_invalid_assignment_shows_errors_per_field(login_as, org, coordinator, module, data, field, message):
    response = login_as(coordinator).post(f"/o/{org.slug}/training/toewijzingen/", {"module": module.pk, **data})
    assert response.status_code == 400
    assert message in response.text
    if field:
        assert f'id="id_{field}_error"' in response.text
        assert re.search(rf'<(select|input)[^>]*aria-invalid="true"[^>]*id="id_{field}"', response.text) or re.search(
            rf'id="id_{field}"[^>]*aria-invalid="true"', response.text
        )
    with scope(organisation=org):
        assert Assignment.objects.count() == 0


def test_every_error_is_shown_at_once(login_as, org, coordinator, module):
    response = login_as(coordinator).post(f"/o/{org.slug}/training/toewijzingen/", {"due_date": "2000-01-01"})
    assert response.status_code == 400
    for message in ("Kies een module.", "Kies een rol of een persoon.", "Kies een datum vanaf vandaag."):
        assert message in response.text


def test_a_person_of_another_organisation_is_refused(login_as, org, other_org, coordinator, module):
    outsider = MembershipFactory(organisation=other_org)
    response = login_as(coordinator).post(
        f"/o/{org.slug}/training/toewijzingen/",
        {"module": module.pk, "membership": outsider.pk, "due_date": "2099-01-01"},
    )
    assert response.status_code == 400
    assert "Deze persoon is geen lid van deze organisatie." in response.text
    assert outsider.user.email not in response.text
    with scope(organisation=other_org):
        assert Assignment.objects.count() == 0
    with scope(organisation=org):
        assert Assignment.objects.count() == 0


def test_the_service_refuses_too(org, other_org, coordinator, module):
    outsider = MembershipFactory(organisation=other_org)
    with scope(organisation=org), pytest.raises(ValidationError) as info:
        services.assignment_create(
            actor_membership=coordinator,
            module=module,
            due_date=timezone.localdate() - timedelta(days=1),
            membership=outsider,
        )
    assert set(info.value.error_dict) == {"membership", "due_date"}


def test_a_duplicate_is_refused(login_as, org, coordinator, module):
    AssignmentFactory(organisation=org, module=module, role=Role.LEARNER)
    response = login_as(coordinator).post(
        f"/o/{org.slug}/training/toewijzingen/", {"module": module.pk, "role": Role.LEARNER, "due_date": "2099-01-01"}
    )
    assert response.status_code == 400
    assert "al toegewezen" in response.text


def test_only_coordinators_assign(org, learner, module):
    with scope(organisation=org), pytest.raises(PermissionError):
        services.assignment_create(
            actor_membership=learner, module=module, due_date=timezone.localdate(), role="learner"
        )


def test_coordinator_deletes_an_assignment(login_as, org, coordinator, learner, module):
    assignment = AssignmentFactory(organisation=org, module=module)
    assert (
        login_as(learner).post(f"/o/{org.slug}/training/toewijzingen/{assignment.pk}/verwijderen/").status_code == 403
    )
    response = login_as(coordinator).post(f"/o/{org.slug}/training/toewijzingen/{assignment.pk}/verwijderen/")
    assert response.status_code == 302
    with scope(organisation=org):
        assert not Assignment.objects.exists()


def test_assignments_are_scoped(org):
    with pytest.raises(ScopeError):
        list(Assignment.objects.all())


# --- "Mijn training" -----------------------------------------------------------------------


@pytest.fixture
def second_module(db):
    return build_module(slug="doxing", title="Doxing herkennen")[0]


def test_my_training_shows_due_overdue_done_and_expiring(login_as, org, learner, module, second_module):
    third, _ = build_module(slug="verlopen", title="Beelden offline halen")
    fourth, _ = build_module(slug="bezig", title="Het gesprek voeren")
    with time_machine.travel(NOW, tick=False):
        AssignmentFactory(organisation=org, module=module, role=Role.LEARNER, due_date=TODAY + timedelta(days=7))
        AssignmentFactory(
            organisation=org, module=second_module, membership=learner, role="", due_date=TODAY - timedelta(days=3)
        )
        AssignmentFactory(organisation=org, module=third, role=Role.LEARNER, due_date=TODAY + timedelta(days=60))
        AssignmentFactory(organisation=org, module=fourth, role=Role.LEARNER, due_date=TODAY + timedelta(days=60))
        CertificateFactory(
            user=learner.user, module=third, issued_at=NOW - timedelta(days=300), expires_at=NOW + timedelta(days=10)
        )
        AttemptFactory(user=learner.user, module=fourth, number=1)
        # Assigned to another role, or in another organisation: not for this learner here.
        AssignmentFactory(organisation=org, module=module, role=Role.CASE_HANDLER)

        with scope(organisation=org):
            overview = my_training(membership=learner, user=learner.user)
        statuses = {row.module.slug: row.status for row in overview.assigned}
        assert statuses == {"sextortion": S.TODO, "doxing": S.OVERDUE, "verlopen": S.EXPIRING, "bezig": S.IN_PROGRESS}
        assert [row.module.slug for row in overview.assigned][0] == "doxing"  # the most urgent first

        html = login_as(learner).get(f"/o/{org.slug}/mijn-training/").text
    assert "Te laat" in html and "Te doen" in html and "Verloopt binnenkort" in html and "Bezig" in html
    assert "Beelden offline halen" in html  # also under "Je certificaten"


def test_expired_certificate_reopens_the_assignment(org, learner, module):
    issued = datetime(2025, 1, 10, 9, 0, tzinfo=AMS)
    CertificateFactory(user=learner.user, module=module, issued_at=issued, expires_at=issued + timedelta(days=365))
    AssignmentFactory(organisation=org, module=module, role=Role.LEARNER, due_date=date(2025, 1, 1))
    with scope(organisation=org):
        with time_machine.travel(datetime(2025, 6, 1, 9, 0, tzinfo=AMS), tick=False):
            assert my_training(membership=learner, user=learner.user).assigned[0].status == S.DONE
        with time_machine.travel(datetime(2025, 12, 20, 9, 0, tzinfo=AMS), tick=False):
            assert my_training(membership=learner, user=learner.user).assigned[0].status == S.EXPIRING
        with time_machine.travel(datetime(2026, 1, 11, 9, 0, tzinfo=AMS), tick=False):
            overview = my_training(membership=learner, user=learner.user)
            assert overview.assigned[0].status == S.OVERDUE
            assert overview.certificates[0].status == S.EXPIRED


def test_a_module_assigned_twice_counts_once_by_the_earliest_date(org, learner, module):
    AssignmentFactory(organisation=org, module=module, role=Role.LEARNER, due_date=TODAY + timedelta(days=30))
    AssignmentFactory(organisation=org, module=module, role="", membership=learner, due_date=TODAY + timedelta(days=5))
    with time_machine.travel(NOW, tick=False), scope(organisation=org):
        rows = my_training(membership=learner, user=learner.user).assigned
    assert [(row.module.pk, row.due_date) for row in rows] == [(module.pk, TODAY + timedelta(days=5))]


# --- The matrix ---------------------------------------------------------------------------------


@pytest.fixture
def team(org, other_org, member_factory, module, second_module):
    done = member_factory(org, Role.LEARNER, first_name="Anna", last_name="Af")
    late = member_factory(org, Role.LEARNER, first_name="Bram", last_name="Laat")
    handler = member_factory(org, Role.CASE_HANDLER, first_name="Cas", last_name="Handel")
    elsewhere = member_factory(other_org, Role.LEARNER, first_name="Dirk", last_name="Elders")
    AssignmentFactory(
        organisation=org, module=module, role=Role.LEARNER, due_date=timezone.localdate() - timedelta(days=2)
    )
    AssignmentFactory(organisation=other_org, module=module, role=Role.LEARNER)
    CertificateFactory(user=done.user, module=module)
    return {"done": done, "late": late, "handler": handler, "elsewhere": elsewhere}


def test_matrix_shows_members_by_modules(login_as, org, coordinator, team, module, second_module):
    response = login_as(coordinator).get(f"/o/{org.slug}/training/overzicht/")
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    html = response.text
    assert module.title in html and second_module.title in html
    assert "Anna Af" in html and "Bram Laat" in html and "Cas Handel" in html
    assert "Dirk Elders" not in html
    assert "Afgerond" in html and "Te laat" in html and "Niet toegewezen" in html


@pytest.mark.parametrize(
    ("params", "shown", "hidden"),
    [
        ({"rol": Role.CASE_HANDLER}, ["Cas Handel"], ["Anna Af", "Bram Laat"]),
        ({"status": S.OVERDUE}, ["Bram Laat"], ["Anna Af", "Cas Handel"]),
        ({"status": S.DONE}, ["Anna Af"], ["Bram Laat", "Cas Handel"]),
        ({"rol": Role.LEARNER, "status": S.NOT_ASSIGNED}, ["Anna Af", "Bram Laat"], ["Cas Handel"]),
    ],
)
def test_matrix_filters(login_as, org, coordinator, team, params, shown, hidden):
    html = login_as(coordinator).get(f"/o/{org.slug}/training/overzicht/", params).text
    for name in shown:
        assert name in html, name
    for name in hidden:
        assert name not in html, name


def test_matrix_filter_by_module_shows_one_column(login_as, org, coordinator, team, module, second_module):
    html = login_as(coordinator).get(f"/o/{org.slug}/training/overzicht/", {"module": second_module.pk}).text
    assert f'scope="col">{second_module.title}<' in html
    assert f'scope="col">{module.title}<' not in html


def test_matrix_ignores_nonsense_filters(login_as, org, coordinator, team):
    response = login_as(coordinator).get(f"/o/{org.slug}/training/overzicht/", {"module": "abc", "status": "x"})
    assert response.status_code == 200
    assert "Anna Af" in response.text


def test_matrix_exports_csv_without_formulas(login_as, org, coordinator, team, module, member_factory):
    member_factory(org, Role.LEARNER, first_name='=HYPERLINK("http://evil")', last_name="", email="-x@example.org")
    response = login_as(coordinator).get(f"/o/{org.slug}/training/overzicht/", {"formaat": "csv", "rol": Role.LEARNER})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment;" in response["Content-Disposition"]
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body), delimiter=";"))
    assert rows[0] == ["Naam", "E-mailadres", "Rol", "Module", "Status", "Klaar voor", "Certificaat geldig tot"]
    names = {row[0] for row in rows[1:]}
    assert "Anna Af" in names and "Bram Laat" in names and "Cas Handel" not in names
    assert '\'=HYPERLINK("http://evil")' in names
    assert all(not row[0].startswith(("=", "+", "-", "@")) for row in rows[1:])
    assert all(not row[1].startswith(("=", "+", "-", "@")) for row in rows[1:])
    assert "Dirk Elders" not in body
    anna = next(row for row in rows if row[0] == "Anna Af" and row[3] == module.title)
    assert anna[4] == "Afgerond" and anna[6]


@pytest.mark.parametrize("value", ["=1+1", "+31", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_csv_cells_that_look_like_formulas_get_a_quote(value):
    from training.views import csv_safe

    assert csv_safe(value) == "'" + value
    assert csv_safe("Anna") == "Anna"
    assert csv_safe(None) == ""


def test_creating_and_deleting_an_assignment_is_audited(org, coordinator, module):
    from django_scopes import scope

    from portal.models import AuditEvent
    from training.services import assignment_create, assignment_delete

    with scope(organisation=org):
        assignment = assignment_create(
            actor_membership=coordinator, module=module, role="learner", due_date=timezone.localdate()
        )
        assignment_delete(actor_membership=coordinator, assignment=assignment)
        kinds = list(AuditEvent.objects.order_by("pk").values_list("kind", "actor_id"))
    assert kinds == [
        (AuditEvent.Kind.ASSIGNMENT_CREATED, coordinator.user_id),
        (AuditEvent.Kind.ASSIGNMENT_DELETED, coordinator.user_id),
    ]
