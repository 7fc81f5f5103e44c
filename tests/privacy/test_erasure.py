"""Erasure (art. 17 AVG): what the portal wipes for one person in one organisation and
why it keeps the rest; never anything of another organisation."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from messaging.models import Notification, Reminder
from portal.models import AuditEvent, Membership, ProcessingLogEntry, User
from portal.processing_log import staff_subject, subject_entries, victim_subject
from portal.roles import Role
from privacy.erasure import erasure_apply, erasure_plan
from privacy.subject_data import StaffSubject, VictimSubject
from referrals.models import (
    Case,
    CaseNote,
    CaseTask,
    DeletionLog,
    PersonalDataAccess,
    Referral,
    VictimContact,
)
from tests.factories import MembershipFactory, PartnerFactory
from tests.privacy.helpers import full_case, staff_traces, training_in
from tests.training.builders import build_module
from training.models import Answer, Assignment, Certificate, ModuleAttempt

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(org, member_factory):
    return member_factory(org, Role.ORG_COORDINATOR)


@pytest.fixture
def handler(org, member_factory):
    return member_factory(org, Role.CASE_HANDLER)


@pytest.fixture
def other_handler(other_org, member_factory):
    return member_factory(other_org, Role.CASE_HANDLER)


@pytest.fixture
def partner():
    return PartnerFactory(name="Slachtofferhulp Regio West")


@pytest.fixture
def course(db):
    return build_module()


def victim(reference: str, pseudonym: str = "J.B.") -> VictimSubject:
    return VictimSubject(case_references=(reference,), pseudonym=pseudonym)


def by_what(items, start: str):
    found = [item for item in items if item.what.startswith(start)]
    assert found, f"no item starting with {start!r} in {[item.what for item in items]}"
    return found[0]


# --- A victim ---------------------------------------------------------------------------------------


def test_an_open_case_is_not_erased(org, handler, coordinator):
    case = full_case(org, handler, reference="2026-0001")
    items = erasure_apply(organisation=org, subject=victim("2026-0001"), actor=coordinator.user)
    item = by_what(items, "Casus 2026-0001")
    assert not item.erased
    assert "de hulp loopt nog" in item.reason and "artikel 17 lid 3" in item.reason
    assert not any(i.erased for i in items)
    with scope(organisation=org):
        assert Case.objects.filter(pk=case.pk).exists()
        assert VictimContact.objects.filter(case=case).exists()
        assert not subject_entries(victim_subject(org.pk, "2026-0001")).filter(name="privacy.erasure.apply").exists()


def test_a_closed_case_is_erased_and_the_partner_is_to_be_told(
    org, other_org, handler, other_handler, coordinator, partner
):
    case = full_case(org, handler, reference="2026-0001", partner=partner, closed=True, rows=3)
    # A look-alike case in another organisation: same reference, similar pseudonym.
    look_alike = full_case(other_org, other_handler, reference="2026-0001", pseudonym="J.B", closed=True)
    with scope(organisation=org):
        task = CaseTask.objects.filter(case=case).first()
        Reminder.objects.create(organisation=org, kind="task_overdue", subject=f"task:{task.pk}", due_at=timezone.now())
        Notification.objects.create(
            user=handler.user,
            organisation=org,
            kind="case_follow_up",
            title="Nazorg",
            url=f"/o/{org.slug}/casussen/{case.pk}/",
        )
        access_before = PersonalDataAccess.objects.filter(case_reference="2026-0001").count()
        entries_before = subject_entries(victim_subject(org.pk, "2026-0001")).count()

    with CaptureQueriesContext(connection) as captured:
        plan = erasure_plan(organisation=org, subject=victim("2026-0001"))
    writes = [q["sql"] for q in captured if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))]
    assert writes == []  # the plan writes nothing
    items = erasure_apply(organisation=org, subject=victim("2026-0001"), actor=coordinator.user)

    assert items == plan
    assert by_what(items, "Contactgegevens bij casus 2026-0001").erased
    assert by_what(items, "Casus 2026-0001").erased
    told = by_what(items, f"Wat {partner.name} ontving")
    assert not told.erased and "artikel 19" in told.reason and partner.name in told.reason
    access_item = by_what(items, "Inzagelog bij casus 2026-0001")
    assert not access_item.erased and "artikel 5 lid 2" in access_item.reason
    assert not by_what(items, "Verwerkingslogboek over casus 2026-0001").erased
    with scope(organisation=org):
        assert not Case.objects.filter(pk=case.pk).exists()
        assert not CaseNote.objects.filter(case_id=case.pk).exists()
        assert not VictimContact.objects.filter(case_id=case.pk).exists()
        assert not Referral.objects.filter(case_id=case.pk).exists()
        assert not Reminder.objects.filter(subject=f"task:{task.pk}").exists()
        assert not Notification.objects.filter(url__contains=f"/casussen/{case.pk}/").exists()
        # The logs stay, by reference.
        assert PersonalDataAccess.objects.filter(case_reference="2026-0001").count() == access_before
        entries = subject_entries(victim_subject(org.pk, "2026-0001"))
        assert entries.count() > entries_before
        erasure = entries.get(name="privacy.erasure.apply")
        assert erasure.operation == ProcessingLogEntry.Operation.DELETE
        assert erasure.actor_id == coordinator.user_id
        month = DeletionLog.objects.get(organisation=org)
        assert (month.anonymised, month.deleted) == (1, 1)
    with scope(organisation=other_org):
        assert Case.objects.filter(pk=look_alike.pk).exists()
        assert CaseNote.objects.filter(case=look_alike).exists()
        assert not DeletionLog.objects.exists()


def test_a_referral_the_partner_still_works_on_holds_the_case(org, handler, coordinator, partner):
    case = full_case(org, handler, reference="2026-0001", partner=partner, closed=True)
    with scope(organisation=org):
        Referral.objects.filter(case=case).update(status=Referral.Status.ACCEPTED, closed_at=None, outcome="")
    items = erasure_apply(organisation=org, subject=victim("2026-0001"), actor=coordinator.user)
    item = by_what(items, "Casus 2026-0001")
    assert not item.erased and partner.name in item.reason
    with scope(organisation=org):
        assert Case.objects.filter(pk=case.pk).exists()


def test_a_case_already_deleted_keeps_only_its_logs(org, coordinator):
    with scope(organisation=org):
        PersonalDataAccess.objects.create(organisation=org, case=None, case_reference="2024-0007", reason="bellen")
    items = erasure_plan(organisation=org, subject=victim("2024-0007", ""))
    assert not any(item.erased for item in items)
    assert "al eerder verwijderd" in items[0].reason
    assert items[1].what == "Inzagelog bij casus 2024-0007: 1 regel"
    assert items[2].what.startswith("Verwerkingslogboek over casus 2024-0007")  # the read's entry


def test_a_veilig_thuis_step_asks_to_check_the_meldcode(org, handler, coordinator):
    case = full_case(org, handler, reference="2026-0001", closed=True)
    with scope(organisation=org):
        CaseTask.objects.filter(case=case).update(destination="veilig_thuis")
    item = by_what(erasure_plan(organisation=org, subject=victim("2026-0001")), "Casus 2026-0001")
    assert item.erased and "meldcode" in item.reason


def test_only_a_privacy_manager_may_apply(org, handler, member_factory):
    full_case(org, handler, reference="2026-0001", closed=True)
    with pytest.raises(PermissionError):
        erasure_apply(organisation=org, subject=victim("2026-0001"), actor=handler.user)


# --- A member of staff ---------------------------------------------------------------------------


def test_the_last_coordinator_is_refused(org, coordinator):
    items = erasure_apply(organisation=org, subject=StaffSubject(user_id=coordinator.user_id), actor=coordinator.user)
    assert len(items) == 1 and not items[0].erased
    assert "laatste actieve coördinator" in items[0].reason
    with scope(organisation=org):
        assert Membership.objects.filter(pk=coordinator.pk).exists()


def test_a_member_of_two_organisations_loses_only_this_organisations_data(
    org, other_org, coordinator, member_factory, course
):
    module, lessons = course
    here = member_factory(org, Role.CASE_HANDLER)
    there = MembershipFactory(organisation=other_org, user=here.user, role=Role.LEARNER)
    staff_traces(here)
    staff_traces(there)
    attempt_here, certificate_here = training_in(here, module, lessons)
    attempt_there, certificate_there = training_in(there, module, lessons)
    personal = Assignment.objects.create(
        organisation=org, module=module, membership=here, due_date=timezone.localdate()
    )
    Assignment.objects.create(organisation=other_org, module=module, membership=there, due_date=timezone.localdate())
    with scope(organisation=org):
        PersonalDataAccess.objects.create(organisation=org, case_reference="2026-0009", user=here.user, reason="bellen")
        Reminder.objects.create(
            organisation=org, kind="training_due", subject=f"assignment:{personal.pk}", due_at=timezone.now()
        )

    items = erasure_apply(organisation=org, subject=StaffSubject(user_id=here.user_id), actor=coordinator.user)

    assert by_what(items, "Training:").erased
    assert by_what(items, "Certificaten").erased
    assert by_what(items, "Lidmaatschap van").erased
    assert not by_what(items, "Auditspoor").erased
    assert not by_what(items, "Inzagelog").erased
    account = by_what(items, "Account")
    assert not account.erased and "ook lid van een andere organisatie" in account.reason
    assert other_org.name not in " ".join(item.what + item.reason for item in items)
    assert User.objects.filter(pk=here.user_id).exists()
    assert not ModuleAttempt.objects.filter(pk=attempt_here.pk).exists()
    assert not Answer.objects.filter(attempt_id=attempt_here.pk).exists()
    assert not Certificate.objects.filter(pk=certificate_here.pk).exists()
    assert ModuleAttempt.objects.filter(pk=attempt_there.pk).exists()
    assert Certificate.objects.filter(pk=certificate_there.pk).exists()
    assert list(Notification.objects.filter(user=here.user).values_list("organisation", flat=True)) == [other_org.pk]
    with scopes_disabled():
        assert list(Membership.objects.filter(user=here.user).values_list("organisation", flat=True)) == [other_org.pk]
        assert list(Assignment.objects.filter(membership__user=here.user).values_list("organisation", flat=True)) == [
            other_org.pk
        ]
        assert not Reminder.objects.filter(subject=f"assignment:{personal.pk}").exists()
        assert AuditEvent.objects.filter(subject_user=here.user, organisation=org).exists()  # kept
        assert AuditEvent.objects.filter(subject_user=here.user, organisation=other_org).exists()
        assert PersonalDataAccess.objects.filter(user=here.user).exists()
    with scope(organisation=org):
        entry = subject_entries(staff_subject(here.user_id)).get(name="privacy.erasure.apply")
        assert entry.operation == ProcessingLogEntry.Operation.DELETE and entry.activity == "accounts"


def test_a_member_of_one_organisation_loses_the_account(org, coordinator, member_factory, course, handler):
    module, lessons = course
    leaving = member_factory(org, Role.CASE_HANDLER)
    staff_traces(leaving)
    training_in(leaving, module, lessons)
    case = full_case(org, leaving, reference="2026-0001")

    with CaptureQueriesContext(connection) as captured:
        plan = erasure_plan(organisation=org, subject=StaffSubject(user_id=leaving.user_id))
    assert not [q for q in captured if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))]
    items = erasure_apply(organisation=org, subject=StaffSubject(user_id=leaving.user_id), actor=coordinator.user)

    assert items == plan
    assert by_what(items, "Account").erased
    handled = by_what(items, "Casussen die deze persoon")
    assert not handled.erased
    assert not User.objects.filter(pk=leaving.user_id).exists()
    assert not ModuleAttempt.objects.filter(user_id=leaving.user_id).exists()
    with scope(organisation=org):
        kept = Case.objects.get(pk=case.pk)  # the case stays with the organisation, without the name
        assert kept.handler_id is None
        assert AuditEvent.objects.filter(organisation=org, kind=AuditEvent.Kind.ROLE_CHANGED).exists()


def test_an_older_deactivated_membership_elsewhere_keeps_the_account(org, other_org, coordinator, member_factory):
    leaving = member_factory(org, Role.LEARNER)
    MembershipFactory(
        organisation=other_org,
        user=leaving.user,
        is_active=False,
        deactivated_at=timezone.now() - timedelta(days=10),
        created_at=timezone.now() - timedelta(days=400),
    )
    items = erasure_apply(organisation=org, subject=StaffSubject(user_id=leaving.user_id), actor=coordinator.user)
    assert not by_what(items, "Account").erased
    assert User.objects.filter(pk=leaving.user_id).exists()
