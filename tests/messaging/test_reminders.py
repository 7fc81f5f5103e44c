"""Reminders: planned by the services that cause them, moved and cancelled when the
reason changes, and sent exactly once by the sweep and ``deliver``.

These tests call the sweep and ``deliver`` directly with a fixed ``now``; the
round trip through a real worker (and its crash tests) is in tests/celery/.
"""

from __future__ import annotations

import smtplib
import threading
from datetime import date, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.db import connection, transaction
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from messaging import digest, reminders
from messaging.models import Notification, NotificationKind, NotificationPreference, Reminder
from messaging.subjects import Subject
from portal.roles import Role
from referrals import messages as referral_messages
from referrals import services
from referrals.cases import referral_services as lifecycle
from referrals.models import CaseEvent, OrganisationCaseSettings, Referral
from tests.factories import PartnerFactory
from tests.referrals.factories import CaseTaskFactory, ReferralFactory, RoutedCaseFactory
from training import messages as training_messages

pytestmark = pytest.mark.django_db

K = NotificationKind
S = Reminder.Status


def rows(subject=None, **filters):
    with scopes_disabled():
        qs = Reminder.objects.all()
        if subject:
            qs = qs.filter(subject=str(subject))
        return list(qs.filter(**filters).order_by("due_at", "pk"))


def at(year, month, day, hour=12):
    return timezone.make_aware(datetime(year, month, day, hour))


@pytest.fixture
def queued():
    """Collect what the sweep would queue, instead of talking to a broker."""
    return []


@pytest.fixture
def sweep(django_capture_on_commit_callbacks):
    def run(queued, now, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return reminders.sweep(now=now, enqueue=queued.extend, **kwargs)

    return run


# --- Planning ---------------------------------------------------------------------------


def test_opening_a_case_plans_the_follow_ups(case_handler):
    with scope(organisation=case_handler.organisation):
        case = services.case_open(actor_membership=case_handler, pseudonym="A.B.")
    planned = rows(Subject.case(case.pk))
    assert [(r.kind, r.due_at - case.created_at) for r in planned] == [
        (K.CASE_FOLLOW_UP, timedelta(days=7)),
        (K.CASE_FOLLOW_UP, timedelta(days=30)),
        (K.CASE_FOLLOW_UP, timedelta(days=90)),
    ]
    assert {r.organisation_id for r in planned} == {case.organisation_id}


def test_the_follow_up_schedule_is_per_organisation(case_handler, org):
    with scopes_disabled():
        OrganisationCaseSettings.objects.create(organisation=org, follow_up_days=[3, 14])
    with scope(organisation=org):
        case = services.case_open(actor_membership=case_handler, pseudonym="A.B.")
    assert [r.due_at - case.created_at for r in rows(Subject.case(case.pk))] == [timedelta(days=3), timedelta(days=14)]


@pytest.mark.parametrize("days", [[-7], [0], [7, 7], [], "7,30", [7.5], [True], [9999]], ids=lambda d: repr(d))
def test_invalid_follow_up_schedules_name_the_field(days):
    with pytest.raises(ValidationError) as caught:
        referral_messages.follow_up_days_validate(days)
    assert list(caught.value.message_dict) == ["follow_up_days"]


def test_an_unknown_kind_is_refused_naming_the_field():
    with pytest.raises(ValidationError) as caught:
        reminders.reminder_schedule(organisation=None, kind="birthday", subject=Subject.case(1), due_at=timezone.now())
    assert list(caught.value.message_dict) == ["kind"]


def test_planning_twice_keeps_one_row(org):
    due = timezone.now()
    for _ in range(2):
        reminders.reminder_schedule(organisation=org, kind=K.CASE_FOLLOW_UP, subject=Subject.case(1), due_at=due)
    assert len(rows(Subject.case(1))) == 1


def test_closing_a_case_cancels_its_follow_ups_and_task_reminders(case_handler, org):
    with scope(organisation=org):
        case = services.case_open(actor_membership=case_handler, pseudonym="A.B.")
    task = CaseTaskFactory(organisation=org, case=case, due_date=timezone.localdate() + timedelta(days=2))
    referral_messages.plan_task(task)
    with scope(organisation=org):
        services.case_close(actor_membership=case_handler, case=case, outcome="handled_internally")
    assert {r.status for r in rows(Subject.case(case.pk))} == {S.CANCELLED}
    assert [r.status for r in rows(Subject.task(task.pk))] == [S.CANCELLED]


def test_referral_reminders_count_working_days_and_stop_at_acknowledgement(org, case_handler, member_factory):
    partner = PartnerFactory(destination_code="slachtofferhulp")
    intake = member_factory(partner, Role.PARTNER_INTAKE)
    referral = ReferralFactory(organisation=org, partner=partner, status=Referral.Status.DRAFT)
    # Sent on Friday 24 April 2026: Monday 27 April is King's Day, so +2 working days is Wednesday 29.
    with scopes_disabled():
        Referral.objects.filter(pk=referral.pk).update(
            status="sent", sent_at=timezone.make_aware(datetime(2026, 4, 24, 10))
        )
        referral.refresh_from_db()
    referral_messages.plan_referral_acknowledgement(referral)
    planned = {r.kind: timezone.localtime(r.due_at) for r in rows(Subject.referral(referral.pk))}
    assert planned[K.PARTNER_ACKNOWLEDGE].date() == date(2026, 4, 29)
    assert planned[K.PARTNER_ESCALATION].date() == date(2026, 5, 4)
    with scope(organisation=partner):
        lifecycle.referral_acknowledge(referral=referral, actor_membership=intake)
    assert {r.status for r in rows(Subject.referral(referral.pk))} == {S.CANCELLED}


def test_sending_a_referral_plans_its_reminders(org, case_handler):
    case = RoutedCaseFactory(organisation=org, handler=case_handler.user)
    with scope(organisation=org):
        referral = lifecycle.referral_draft(
            actor_membership=case_handler, case=case, destination="helpwanted", summary="x"
        )
        lifecycle.consent_record(
            actor_membership=case_handler,
            referral=referral,
            given_by="parent_guardian",
            shares_summary=True,
            shares_contact=False,
        )
        lifecycle.referral_send(actor_membership=case_handler, referral=referral, partner_email="a@b.example")
    assert sorted(r.kind for r in rows(Subject.referral(referral.pk))) == [K.PARTNER_ACKNOWLEDGE, K.PARTNER_ESCALATION]


def test_task_reminders_move_with_the_due_date_and_stop_when_done(org, case_handler):
    case = RoutedCaseFactory(organisation=org, handler=case_handler.user)
    task = CaseTaskFactory(organisation=org, case=case, due_date=date(2026, 12, 1), assignee=case_handler.user)
    referral_messages.plan_task(task)
    task.due_date = date(2026, 12, 3)
    referral_messages.plan_task(task)
    assert [(r.status, timezone.localtime(r.due_at)) for r in rows(Subject.task(task.pk))] == [
        (S.CANCELLED, timezone.make_aware(datetime(2026, 12, 2, 9))),
        (S.PENDING, timezone.make_aware(datetime(2026, 12, 4, 9))),
    ]
    with scope(organisation=org):
        services.task_complete(actor_membership=case_handler, task=task)
    assert {r.status for r in rows(Subject.task(task.pk))} == {S.CANCELLED}


# --- The sweep ---------------------------------------------------------------------------


def test_the_sweep_queues_due_reminders_once_per_lease(org, queued, sweep, settings):
    now = timezone.now()
    due = reminders.reminder_schedule(organisation=org, kind=K.CASE_FOLLOW_UP, subject=Subject.case(1), due_at=now)
    reminders.reminder_schedule(
        organisation=org, kind=K.CASE_FOLLOW_UP, subject=Subject.case(2), due_at=now + timedelta(days=1)
    )
    assert sweep(queued, now) == 1
    assert sweep(queued, now + timedelta(seconds=30)) == 0  # leased: not queued twice
    assert queued == [due.pk]
    # Not sent when the lease runs out (the task was lost): queued again.
    later = now + timedelta(seconds=settings.REMINDER_LEASE_SECONDS + 1)
    assert sweep(queued, later) == 1
    assert queued == [due.pk, due.pk]


def test_a_rolled_back_transaction_queues_nothing(org, queued, django_capture_on_commit_callbacks):
    now = timezone.now()
    reminders.reminder_schedule(organisation=org, kind=K.CASE_FOLLOW_UP, subject=Subject.case(1), due_at=now)
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                reminders.sweep(now=now, enqueue=queued.extend)
                raise RuntimeError("roll back")
        except RuntimeError:
            pass
    assert queued == []
    assert rows(Subject.case(1))[0].lease_until is None


def test_a_rolled_back_case_leaves_no_reminders(case_handler, org):
    with pytest.raises(RuntimeError), transaction.atomic(), scope(organisation=org):
        services.case_open(actor_membership=case_handler, pseudonym="A.B.")
        raise RuntimeError("roll back")
    assert rows() == []


def test_the_sweep_queues_in_batches(org, queued, sweep):
    now = timezone.now()
    for n in range(7):
        reminders.reminder_schedule(organisation=org, kind=K.CASE_FOLLOW_UP, subject=Subject.case(n), due_at=now)
    reminders.reminder_schedule(
        organisation=org, kind=K.CASE_FOLLOW_UP, subject=Subject.case(99), due_at=now + timedelta(1)
    )
    assert sweep(queued, now, batch=3) == 7
    assert len(queued) == 7


def test_the_sweep_sends_ids_in_batches_of_send_batch(org, settings, monkeypatch):
    """What goes on the broker: one ``reminders_send`` per REMINDER_SEND_BATCH ids, every id once."""
    from messaging import tasks

    settings.REMINDER_SEND_BATCH = 4
    sent: list[list[int]] = []
    monkeypatch.setattr(tasks.reminders_send, "apply_async", lambda args, **kw: sent.append(args[0]))
    reminders._enqueue(list(range(1, 11)))
    assert sent == [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10]]


def test_a_batch_goes_on_past_a_reminder_whose_mail_fails(org, case_handler, mailoutbox, monkeypatch):
    """One transaction for the batch: a mail error keeps that reminder pending (to be
    retried) and the others are sent; a repeated id is handled once."""
    case = RoutedCaseFactory(organisation=org, handler=case_handler.user)
    ids = [
        reminders.reminder_schedule(
            organisation=org,
            kind=K.CASE_FOLLOW_UP,
            subject=Subject.case(case.pk),
            due_at=case.created_at + timedelta(n),
        ).pk
        for n in (1, 2, 3)
    ]
    real_send = LocmemBackend.send_messages
    calls = []

    def second_fails(self, messages):
        calls.append(messages)
        if len(calls) == 2:
            raise smtplib.SMTPServerDisconnected("gone")
        return real_send(self, messages)

    monkeypatch.setattr(LocmemBackend, "send_messages", second_fails)
    now = case.created_at + timedelta(days=4)
    outcomes = reminders.deliver_many([*ids, ids[0]], now=now)
    assert outcomes == {ids[0]: "sent", ids[1]: "retry", ids[2]: "sent"}
    assert [row.status for row in rows(Subject.case(case.pk))] == [S.SENT, S.PENDING, S.SENT]
    assert len(mailoutbox) == 2
    assert Notification.objects.filter(user=case_handler.user).count() == 2
    with scopes_disabled():
        assert CaseEvent.objects.filter(case=case, kind="reminder_sent").count() == 2


# --- Sending -------------------------------------------------------------------------------


def test_a_follow_up_is_sent_once(org, case_handler, mailoutbox):
    case = RoutedCaseFactory(organisation=org, handler=case_handler.user, pseudonym="Geheim-X")
    reminder = reminders.reminder_schedule(
        organisation=org,
        kind=K.CASE_FOLLOW_UP,
        subject=Subject.case(case.pk),
        due_at=case.created_at + timedelta(days=7),
    )
    assert reminders.deliver(reminder.pk, now=case.created_at) == "not_due"
    now = case.created_at + timedelta(days=7, minutes=1)
    assert reminders.deliver(reminder.pk, now=now) == "sent"
    assert reminders.deliver(reminder.pk, now=now) == "done"
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == [case_handler.user.email]
    # The notification names the case and the tip; the e-mail only that there is news, and the link.
    notification = Notification.objects.get(user=case_handler.user)
    assert notification.kind == K.CASE_FOLLOW_UP
    assert case.reference in notification.title and "/training/het-gesprek/" in notification.body
    assert mail.subject == "Er is nieuws over een casus"
    assert f"/o/{org.slug}/casussen/{case.pk}/" in mail.body
    for secret in ("Geheim-X", case.signal, case.reference, "Nazorg", "/training/"):
        assert secret not in mail.subject + mail.body
    with scopes_disabled():
        assert CaseEvent.objects.filter(case=case, kind="reminder_sent").count() == 1
    assert rows(Subject.case(case.pk))[0].status == S.SENT


def test_no_reminder_about_something_done(org, case_handler, mailoutbox):
    case = RoutedCaseFactory(
        organisation=org, handler=case_handler.user, status="closed", outcome="referred", closed_at=timezone.now()
    )
    reminder = reminders.reminder_schedule(
        organisation=org, kind=K.CASE_FOLLOW_UP, subject=Subject.case(case.pk), due_at=timezone.now()
    )
    assert reminders.deliver(reminder.pk) == "cancelled"
    assert mailoutbox == []


def test_an_escalation_reaches_the_handler_and_the_municipality(org, case_handler, member_factory, mailoutbox):
    coordinator = member_factory(org.parent, Role.MUNICIPAL_COORDINATOR)
    referral = ReferralFactory(
        organisation=org, case=RoutedCaseFactory(organisation=org, handler=case_handler.user, pseudonym="Geheim-Y")
    )
    reminder = reminders.reminder_schedule(
        organisation=org, kind=K.PARTNER_ESCALATION, subject=Subject.referral(referral.pk), due_at=timezone.now()
    )
    assert reminders.deliver(reminder.pk) == "sent"
    assert sorted(m.to[0] for m in mailoutbox) == sorted([case_handler.user.email, coordinator.user.email])
    for mail in mailoutbox:
        assert mail.subject == "Er is nieuws over een doorverwijzing"
        for detail in ("Geheim-Y", referral.summary, referral.destination_label, referral.case.reference, org.name):
            assert detail not in mail.subject + mail.body
    with scopes_disabled():
        titles = set(Notification.objects.values_list("title", flat=True))
    assert all(referral.destination_label in title for title in titles) and len(titles) == 2
    with scopes_disabled():
        assert Referral.objects.get(pk=referral.pk).escalated_at is not None


def test_escalations_cannot_be_switched_off(org, case_handler, mailoutbox):
    for kind in (K.PARTNER_ESCALATION, K.CASE_FOLLOW_UP):
        NotificationPreference.objects.create(user=case_handler.user, kind=kind, email=False)
    case = RoutedCaseFactory(organisation=org, handler=case_handler.user)
    referral = ReferralFactory(organisation=org, case=case)
    for kind, subject in (
        (K.PARTNER_ESCALATION, str(Subject.referral(referral.pk))),
        (K.CASE_FOLLOW_UP, str(Subject.case(case.pk))),
    ):
        reminder = reminders.reminder_schedule(organisation=org, kind=kind, subject=subject, due_at=timezone.now())
        assert reminders.deliver(reminder.pk) == "sent"
    assert len(mailoutbox) == 1 and mailoutbox[0].subject == "Er is nieuws over een doorverwijzing"
    assert Notification.objects.filter(user=case_handler.user).count() == 2


def test_a_partner_without_account_is_reminded_at_the_link_address(org, mailoutbox):
    from tests.referrals.factories import PartnerLinkFactory

    referral = ReferralFactory(organisation=org)
    PartnerLinkFactory(referral=referral, email="intake@elders.example")
    reminder = reminders.reminder_schedule(
        organisation=org, kind=K.PARTNER_ACKNOWLEDGE, subject=Subject.referral(referral.pk), due_at=timezone.now()
    )
    assert reminders.deliver(reminder.pk) == "sent"
    assert [m.to for m in mailoutbox] == [["intake@elders.example"]]
    assert referral.summary not in mailoutbox[0].body


def test_a_failing_mail_server_is_retried_then_reported(org, case_handler, member_factory, monkeypatch, mailoutbox):
    coordinator = member_factory(org, Role.ORG_COORDINATOR)
    case = RoutedCaseFactory(organisation=org, handler=case_handler.user)
    reminder = reminders.reminder_schedule(
        organisation=org, kind=K.CASE_FOLLOW_UP, subject=Subject.case(case.pk), due_at=timezone.now()
    )

    def refuse(self, messages):
        raise smtplib.SMTPServerDisconnected("connection lost")

    monkeypatch.setattr(LocmemBackend, "send_messages", refuse)
    now = timezone.now()
    for attempt in range(1, reminders.MAX_ATTEMPTS):
        assert reminders.deliver(reminder.pk, now=now) == "retry"
        row = rows(Subject.case(case.pk))[0]
        assert row.attempts == attempt and row.status == S.PENDING
        assert row.lease_until == now + reminders.backoff(attempt)
        assert "SMTPServerDisconnected" in row.last_error
        assert not Notification.objects.filter(user=case_handler.user).exists()
        now = row.lease_until
    assert reminders.deliver(reminder.pk, now=now) == "failed"
    assert rows(Subject.case(case.pk))[0].status == S.FAILED
    failure = Notification.objects.get(user=coordinator.user)
    assert failure.kind == K.DELIVERY_FAILED


def test_a_recipient_reached_before_a_failure_is_not_mailed_again(
    org, case_handler, member_factory, monkeypatch, mailoutbox
):
    coordinator = member_factory(org.parent, Role.MUNICIPAL_COORDINATOR)
    referral = ReferralFactory(organisation=org, case=RoutedCaseFactory(organisation=org, handler=case_handler.user))
    reminder = reminders.reminder_schedule(
        organisation=org, kind=K.PARTNER_ESCALATION, subject=Subject.referral(referral.pk), due_at=timezone.now()
    )
    real_send = LocmemBackend.send_messages

    def second_fails(self, messages):
        if any(message.to == [coordinator.user.email] for message in messages):
            raise smtplib.SMTPRecipientsRefused({})
        return real_send(self, messages)

    monkeypatch.setattr(LocmemBackend, "send_messages", second_fails)
    assert reminders.deliver(reminder.pk) == "retry"
    monkeypatch.setattr(LocmemBackend, "send_messages", real_send)
    assert reminders.deliver(reminder.pk, now=timezone.now() + timedelta(hours=1)) == "sent"
    assert sorted(m.to[0] for m in mailoutbox) == sorted([case_handler.user.email, coordinator.user.email])


def test_two_workers_racing_send_once(file_database, org, case_handler, mailoutbox):
    case = RoutedCaseFactory(organisation=org, handler=case_handler.user)
    reminder = reminders.reminder_schedule(
        organisation=org, kind=K.CASE_FOLLOW_UP, subject=Subject.case(case.pk), due_at=timezone.now()
    )
    barrier = threading.Barrier(2)
    results: list[str] = []

    def work():
        try:
            barrier.wait()
            results.append(reminders.deliver(reminder.pk))
        finally:
            connection.close()

    threads = [threading.Thread(target=work) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results.count("sent") == 1
    assert len(mailoutbox) == 1


# --- Training ---------------------------------------------------------------------------------


@pytest.fixture
def module(db):
    from tests.training.builders import build_module

    return build_module()[0]


def test_training_reminders_follow_the_assignment(org, member_factory, module, mailoutbox):
    from training import services as training

    coordinator = member_factory(org, Role.ORG_COORDINATOR)
    learner = member_factory(org, Role.LEARNER)
    due = timezone.localdate() + timedelta(days=20)
    with scope(organisation=org):
        assignment = training.assignment_create(
            actor_membership=coordinator, module=module, due_date=due, role=Role.LEARNER
        )
    subject = str(Subject.assignment(assignment.pk))
    planned = {r.kind: timezone.localtime(r.due_at) for r in rows(subject)}
    assert planned[K.TRAINING_DUE] == timezone.make_aware(
        datetime.combine(due - timedelta(days=7), datetime.min.time().replace(hour=9))
    )
    assert planned[K.TRAINING_OVERDUE].date() == due + timedelta(days=1)
    with scope(organisation=org):
        training.assignment_change_due_date(
            actor_membership=coordinator, assignment=assignment, due_date=due + timedelta(days=5)
        )
    pending = {r.kind: timezone.localtime(r.due_at).date() for r in rows(subject, status=S.PENDING)}
    assert pending == {K.TRAINING_DUE: due - timedelta(days=2), K.TRAINING_OVERDUE: due + timedelta(days=6)}
    due_soon = rows(subject, status=S.PENDING, kind=K.TRAINING_DUE)[0]
    assert reminders.deliver(due_soon.pk, now=due_soon.due_at) == "sent"
    assert [m.to for m in mailoutbox] == [[learner.user.email]]
    assert module.title in mailoutbox[0].subject


def test_training_done_means_no_reminder(org, member_factory, module, mailoutbox):
    from training import services as training
    from training.models import Certificate

    coordinator = member_factory(org, Role.ORG_COORDINATOR)
    learner = member_factory(org, Role.LEARNER)
    with scope(organisation=org):
        assignment = training.assignment_create(
            actor_membership=coordinator,
            module=module,
            due_date=timezone.localdate() + timedelta(days=3),
            membership=learner,
        )
    Certificate.objects.create(
        user=learner.user,
        module=module,
        code="ABCDEFGHJKMN",
        holder_name="x",
        module_title=module.title,
        expires_at=timezone.now() + timedelta(days=300),
    )
    reminder = rows(Subject.assignment(assignment.pk), kind=K.TRAINING_DUE)[0]
    assert reminders.deliver(reminder.pk, now=timezone.now() + timedelta(minutes=1)) == "cancelled"
    assert mailoutbox == []


def test_weekly_digest_is_planned_once_per_week(org, member_factory, mailoutbox):
    coordinator = member_factory(org, Role.ORG_COORDINATOR)
    member_factory(org, Role.LEARNER)
    monday = timezone.make_aware(datetime(2026, 11, 23, 9))
    digest.plan_weekly_digests(now=monday)
    digest.plan_weekly_digests(now=monday + timedelta(hours=3))
    planned = rows(Subject.digest(coordinator.pk))
    assert len(planned) == 1 and timezone.localtime(planned[0].due_at) == timezone.make_aware(datetime(2026, 11, 23, 8))
    ReferralFactory(organisation=org)
    assert reminders.deliver(planned[0].pk, now=monday) == "sent"
    assert "nog niet bevestigd: 1" in mailoutbox[0].body


def test_certificate_expiry_is_announced_once_and_not_after_renewal(org, member_factory, module, mailoutbox):
    from training.models import Certificate

    learner = member_factory(org, Role.LEARNER)
    issued = timezone.now() - timedelta(days=340)
    old = Certificate.objects.create(
        user=learner.user,
        module=module,
        code="OLDCERT12345",
        holder_name="x",
        module_title=module.title,
        issued_at=issued,
        expires_at=issued + timedelta(days=365),
    )
    training_messages.plan_certificate(old)
    planned = rows(Subject.certificate(old.pk))
    assert len(planned) == 1 and planned[0].kind == K.CERTIFICATE_EXPIRING
    # It expires in 25 days: the 30-day warning is already due.
    assert planned[0].due_at <= timezone.now()
    assert reminders.deliver(planned[0].pk) == "sent"
    assert [m.to for m in mailoutbox] == [[learner.user.email]]
    assert module.title in mailoutbox[0].subject
    # A renewed certificate: a warning planned for the old one is not sent.
    second = reminders.reminder_schedule(
        organisation=None, kind=K.CERTIFICATE_EXPIRING, subject=Subject.certificate(old.pk), due_at=timezone.now()
    )
    Certificate.objects.create(
        user=learner.user,
        module=module,
        code="NEWCERT12345",
        holder_name="x",
        module_title=module.title,
        expires_at=timezone.now() + timedelta(days=365),
    )
    assert reminders.deliver(second.pk) == "cancelled"
    assert len(mailoutbox) == 1


def test_a_due_soon_reminder_is_never_sent_after_the_due_date(org, member_factory, module, mailoutbox):
    """Assigned 3 days before the due date, and the sweep only runs a week later (workers
    down): the overdue reminder goes out, the "due in 7 days" one is skipped and says why."""
    from training import services as training

    coordinator = member_factory(org, Role.ORG_COORDINATOR)
    learner = member_factory(org, Role.LEARNER)
    due = timezone.localdate() + timedelta(days=3)
    with scope(organisation=org):
        assignment = training.assignment_create(
            actor_membership=coordinator, module=module, due_date=due, membership=learner
        )
    subject = str(Subject.assignment(assignment.pk))
    late = timezone.make_aware(datetime.combine(due + timedelta(days=7), datetime.min.time().replace(hour=10)))
    outcomes = reminders.deliver_many([r.pk for r in rows(subject)], now=late)
    by_kind = {r.kind: r for r in rows(subject)}
    assert outcomes[by_kind[K.TRAINING_DUE].pk] == "skipped"
    assert outcomes[by_kind[K.TRAINING_OVERDUE].pk] == "sent"
    skipped = by_kind[K.TRAINING_DUE]
    assert skipped.status == S.CANCELLED and skipped.sent_at is None
    assert "einddatum" in skipped.cancel_reason
    assert [m.to for m in mailoutbox] == [[learner.user.email]]
    assert "had af moeten zijn" in mailoutbox[0].subject
    with scopes_disabled():
        kinds = list(Notification.objects.filter(user=learner.user).values_list("kind", flat=True))
    assert kinds == [K.TRAINING_OVERDUE]
    # Delivering the skipped row again changes nothing.
    assert reminders.deliver(skipped.pk, now=late) == "done"


def test_a_due_soon_reminder_is_still_sent_on_the_due_date(org, member_factory, module, mailoutbox):
    from training import services as training

    coordinator = member_factory(org, Role.ORG_COORDINATOR)
    learner = member_factory(org, Role.LEARNER)
    due = timezone.localdate() + timedelta(days=2)
    with scope(organisation=org):
        assignment = training.assignment_create(
            actor_membership=coordinator, module=module, due_date=due, membership=learner
        )
    [due_soon] = rows(Subject.assignment(assignment.pk), kind=K.TRAINING_DUE)
    on_the_day = timezone.make_aware(datetime.combine(due, datetime.min.time().replace(hour=23)))
    assert reminders.deliver(due_soon.pk, now=on_the_day) == "sent"
    assert len(mailoutbox) == 1
