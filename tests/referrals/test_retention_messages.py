"""A case's notifications and reminders go with its personal data: when the retention
sweep anonymises a case, and whenever a case is deleted, every reminder about the
case, its referrals and its tasks (planned or sent) and every notification that links
into it is deleted, in the handler's, the partner's and the municipality's
notification centre alike. Another case's stay."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from messaging import reminders
from messaging.models import Notification, NotificationKind, Reminder
from messaging.subjects import Subject
from portal.processing_log import subject_entries, victim_subject
from portal.roles import Role
from referrals import services
from referrals.cases import referral_services as lifecycle
from referrals.messages import cases_forget
from referrals.models import Case, CaseTask
from tests.factories import PartnerFactory
from tests.referrals.factories import CaseTaskFactory, ReferralFactory, RoutedCaseFactory

pytestmark = pytest.mark.django_db

K = NotificationKind


@pytest.fixture
def partner(db):
    return PartnerFactory(name="Centrum Seksueel Geweld", slug="csg", destination_code="csg")


def case_with_messages(org, handler, partner, intake):
    """An open case with a task and a referral to ``partner``, after every kind of
    message about it went out: follow-ups (one sent, one planned), an overdue task, the
    partner's reminder and the escalation (handler, partner, municipality), and two
    notices (the partner acknowledged and wrote)."""
    case = RoutedCaseFactory(organisation=org, handler=handler.user)
    task = CaseTaskFactory(organisation=org, case=case, title="Meld bij Offlimits", due_date=timezone.localdate())
    referral = ReferralFactory(
        organisation=org, case=case, partner=partner, destination="csg", destination_label=partner.name
    )
    now = timezone.now()
    due = now - timedelta(minutes=1)
    planned = [
        reminders.reminder_schedule(organisation=org, kind=kind, subject=subject, due_at=due)
        for kind, subject in (
            (K.CASE_FOLLOW_UP, Subject.case(case.pk)),
            (K.TASK_OVERDUE, Subject.task(task.pk)),
            (K.PARTNER_ACKNOWLEDGE, Subject.referral(referral.pk)),
            (K.PARTNER_ESCALATION, Subject.referral(referral.pk)),
        )
    ]
    reminders.reminder_schedule(
        organisation=org, kind=K.CASE_FOLLOW_UP, subject=Subject.case(case.pk), due_at=now + timedelta(days=30)
    )
    assert set(reminders.deliver_many([r.pk for r in planned], now=now).values()) == {"sent"}
    with scope(organisation=partner):
        lifecycle.referral_acknowledge(referral=referral, actor_membership=intake)
        lifecycle.referral_post_update(referral=referral, text="Wij bellen morgen.", actor_membership=intake)
    return case, task, referral


def messages_about(case, task, referral):
    """(notifications, reminders) that are about the case, by what they name or link to."""
    with scopes_disabled():
        subjects = {str(Subject.case(case.pk)), str(Subject.task(task.pk)), str(Subject.referral(referral.pk))}
        notifications = [
            n
            for n in Notification.objects.all()
            if f"/casussen/{case.pk}/" in n.url
            or f"/doorverwijzingen/{referral.pk}/" in n.url
            or case.reference in n.title
        ]
        notices = {str(Subject.notification(n.pk)) for n in notifications}
        rows = list(Reminder.objects.filter(subject__in=subjects | notices))
    return notifications, rows


@pytest.fixture
def people(org, partner, member_factory):
    handler = member_factory(org, Role.CASE_HANDLER)
    intake = member_factory(partner, Role.PARTNER_INTAKE)
    coordinator = member_factory(org.parent, Role.MUNICIPAL_COORDINATOR)
    return handler, intake, coordinator


def test_anonymising_a_case_deletes_its_notifications_and_reminders(org, partner, people):
    handler, intake, coordinator = people
    old = case_with_messages(org, handler, partner, intake)
    recent = case_with_messages(org, handler, partner, intake)
    notifications, rows = messages_about(*old)
    # Every centre had something about the old case, and the reminders were sent, planned, cancelled.
    assert {n.user_id for n in notifications} == {handler.user_id, intake.user_id, coordinator.user_id}
    assert {r.status for r in rows} >= {Reminder.Status.SENT, Reminder.Status.PENDING}
    kept_before = messages_about(*recent)
    with scopes_disabled():
        for case, days in ((old[0], 400), (recent[0], 30)):
            Case.objects.filter(pk=case.pk).update(
                status=Case.Status.CLOSED, closed_at=timezone.now() - timedelta(days=days)
            )

    assert services.retention_apply(organisation=org) == (1, 0)

    assert messages_about(*old) == ([], [])
    with scope(organisation=org):
        assert Case.objects.get(pk=old[0].pk).anonymised_at is not None
    # The other case's messages stay, every one.
    kept_after = messages_about(*recent)
    assert [n.pk for n in kept_after[0]] == [n.pk for n in kept_before[0]] != []
    assert [r.pk for r in kept_after[1]] == [r.pk for r in kept_before[1]] != []


def test_deleting_a_case_any_way_deletes_its_notifications_and_reminders(org, partner, people):
    handler, intake, _coordinator = people
    doomed = case_with_messages(org, handler, partner, intake)
    other = case_with_messages(org, handler, partner, intake)
    assert messages_about(*doomed)[0] and messages_about(*doomed)[1]
    with scope(organisation=org):
        Case.objects.get(pk=doomed[0].pk).delete()
        assert not CaseTask.objects.filter(pk=doomed[1].pk).exists()
    assert messages_about(*doomed) == ([], [])
    assert messages_about(*other)[0] and messages_about(*other)[1]
    # The processing log keeps its entry about the deletion (append-only; messaging deletes no entry).
    with scopes_disabled():
        names = set(subject_entries(victim_subject(org.pk, doomed[0].reference)).values_list("name", flat=True))
    assert "case.delete" in names


def test_a_case_deleted_by_the_sweep_takes_what_came_after_anonymising(org, partner, people):
    handler, intake, _coordinator = people
    case, task, referral = case_with_messages(org, handler, partner, intake)
    with scopes_disabled():
        Case.objects.filter(pk=case.pk).update(
            status=Case.Status.CLOSED,
            closed_at=timezone.now() - timedelta(days=800),
            anonymised_at=timezone.now() - timedelta(days=400),
        )
    assert messages_about(case, task, referral)[0]
    assert services.retention_apply(organisation=org) == (0, 1)
    assert messages_about(case, task, referral) == ([], [])


def test_forgetting_nothing_is_no_work(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert cases_forget([]) == (0, 0)


def test_forgetting_a_batch_costs_the_same_few_queries_for_one_case_or_many(org, partner, people):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    handler, intake, _coordinator = people
    one = [case_with_messages(org, handler, partner, intake)[0]]
    many = [case_with_messages(org, handler, partner, intake)[0] for _ in range(4)]
    with CaptureQueriesContext(connection) as few:
        cases_forget(one)
    with CaptureQueriesContext(connection) as more:
        cases_forget(many)
    assert len(more.captured_queries) == len(few.captured_queries)


def test_cases_are_forgotten_one_organisation_at_a_time(org, other_org):
    from tests.referrals.factories import CaseFactory

    with pytest.raises(ValueError, match="one organisation"):
        cases_forget([CaseFactory(organisation=org), CaseFactory(organisation=other_org)])
