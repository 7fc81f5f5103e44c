"""Reminders through the real broker and real worker processes: sent exactly once
when the sweep queues them twice, when two workers race, when a worker is killed
mid-way, when the broker restarts and loses its queue, and never from a rolled-back
transaction.

The sweep runs in this process with its own enqueue (``reminders._enqueue``), routed
to a private queue; workers are subprocesses (tests/celery/conftest.py) sharing the
test database and writing mail as files. Every wait polls for what it waits for (a
count, an empty and quiet queue, the leases run out) with a timeout and fails naming
it; no wait sleeps for a lease's length. Exactly once is checked three ways: every
reminder ``sent`` with the expected ``delivered_to``; one notification per reminder
and recipient (and one case event per reminder); one mail per reminder and
recipient, by Message-ID.
"""

from __future__ import annotations

import subprocess
import time
from collections import Counter
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_scopes import scopes_disabled
from kombu.exceptions import ChannelError, OperationalError

from messaging import reminders
from messaging.models import Notification, NotificationKind, Reminder
from messaging.subjects import Subject
from portal.celery import app
from portal.roles import Role
from referrals import messages
from referrals.models import Case, CaseEvent, OrganisationCaseSettings
from tests.celery.helpers import BROKER, LEASE_SECONDS, mail_message_ids, reset_broker_connections, wait_for

pytestmark = pytest.mark.celery_worker

S = Reminder.Status
FOLLOW_UPS_PER_CASE = 10
# Reminders per send task: one in the design; more if the sweep ever queues them in batches
# (then a kill can cut off a whole batch: its rows stay pending, its mails may go twice).
SEND_BATCH = getattr(settings, "REMINDER_SEND_BATCH", 1)
# A bound for waiting, not the expected time: a loaded machine starts a worker slowly.
TIMEOUT = 120
# A bound for a lease to run out: LEASE_SECONDS after the sweep, plus room for a slow query.
LEASE_TIMEOUT = LEASE_SECONDS + 10


@dataclass(frozen=True)
class Planned:
    """The due reminders of a test and whom each must reach."""

    recipients: dict[int, list[int]]  # reminder id -> user ids

    @property
    def ids(self) -> list[int]:
        return list(self.recipients)

    @property
    def deliveries(self) -> int:
        return sum(len(users) for users in self.recipients.values())

    def message_ids(self) -> set[str]:
        domain = settings.SITE_URL.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0] or "localhost"
        return {f"<reminder-{pk}-user-{user}@{domain}>" for pk, users in self.recipients.items() for user in users}


def plan_due_follow_ups(org, member_factory, *, count: int) -> Planned:
    """``count`` due case follow-ups, planned by ``messages.plan_case_follow_ups``:
    ten per case; half the cases have a handler (one recipient), half have none (then
    both case handlers of the organisation are reminded)."""
    assert count % (2 * FOLLOW_UPS_PER_CASE) == 0
    first = member_factory(org, Role.CASE_HANDLER).user
    second = member_factory(org, Role.CASE_HANDLER).user
    opened = timezone.now() - timedelta(days=FOLLOW_UPS_PER_CASE + 1)
    cases = count // FOLLOW_UPS_PER_CASE
    with scopes_disabled(), transaction.atomic():
        OrganisationCaseSettings.objects.create(
            organisation=org, follow_up_days=list(range(1, FOLLOW_UPS_PER_CASE + 1))
        )
        created = Case.objects.bulk_create(
            Case(
                organisation=org,
                reference=f"2026-{n:05d}",
                pseudonym="J.B.",
                handler=first if n % 2 else None,
                created_at=opened,
            )
            for n in range(cases)
        )
        for case in created:
            messages.plan_case_follow_ups(case)
        handler_of = {str(Subject.case(case.pk)): case.handler_id for case in created}
        recipients = {
            pk: [handler_of[subject]] if handler_of[subject] else [first.pk, second.pk]
            for pk, subject in Reminder.objects.values_list("pk", "subject")
        }
    assert len(recipients) == count
    return Planned(recipients)


def sent_count() -> int:
    with scopes_disabled():
        return Reminder.objects.filter(status=S.SENT).count()


def pending_count() -> int:
    with scopes_disabled():
        return Reminder.objects.filter(status=S.PENDING).count()


def leased_count() -> int:
    """Pending reminders whose lease has not run out yet: the sweep skips them."""
    with scopes_disabled():
        return Reminder.objects.filter(status=S.PENDING, lease_until__gt=timezone.now()).count()


def wait_for_leases_to_run_out(*, check=None) -> None:
    """Poll until no pending reminder is leased any more (the sweep would take them all)."""
    wait_for(
        lambda: leased_count() == 0,
        timeout=LEASE_TIMEOUT,
        interval=0.05,
        what=f"the leases of pending reminders to run out (lease {LEASE_SECONDS} s)",
        check=check,
    )


def sweep_after_lease() -> int:
    """Wait until the leases of the last sweep ran out, then sweep (as beat would, a minute later)."""
    wait_for_leases_to_run_out()
    return reminders.sweep()


def drained(queue) -> bool:
    """The queue is empty and the database has stopped changing: the worker is idle."""
    if queue.size():
        return False
    before = sent_count()
    time.sleep(1.0)
    return queue.size() == 0 and sent_count() == before


def assert_sent_exactly_once(planned: Planned, mail_dir, *, max_duplicate_mails: int = 0) -> None:
    with scopes_disabled():
        rows = list(Reminder.objects.filter(pk__in=planned.ids))
        assert {row.status for row in rows} == {S.SENT}
        for row in rows:
            assert sorted(row.delivered_to) == sorted(f"user:{user}" for user in planned.recipients[row.pk])
            assert row.lease_until is None
        # One case event per reminder: AFTER_SEND ran once.
        events = Counter(CaseEvent.objects.filter(kind=CaseEvent.Kind.REMINDER_SENT).values_list("case_id", flat=True))
        assert set(events.values()) == {FOLLOW_UPS_PER_CASE}
    # One notification per reminder and recipient: each title names the case and the day.
    notifications = Counter(
        Notification.objects.filter(kind=NotificationKind.CASE_FOLLOW_UP).values_list("user_id", "title")
    )
    assert sum(notifications.values()) == planned.deliveries
    assert set(notifications.values()) == {1}
    # One mail per reminder and recipient; a mail sent again after a crash keeps its Message-ID.
    mails = mail_message_ids(mail_dir)
    assert set(mails) == planned.message_ids()
    assert sum(mails.values()) - len(mails) <= max_duplicate_mails


# --- a. One worker, the sweep queuing everything twice ------------------------------------


def test_one_worker_sends_each_reminder_once_though_queued_twice(org, member_factory, workers, private_queue, mail_dir):
    planned = plan_due_follow_ups(org, member_factory, count=100)
    assert reminders.sweep() == 100
    assert reminders.sweep() == 0  # leased: not queued again
    tasks = private_queue.size()
    assert tasks == -(-100 // SEND_BATCH)
    assert sweep_after_lease() == 100  # as if every task got lost: all queued again
    assert private_queue.size() == 2 * tasks

    workers.start()
    workers.wait(lambda: sent_count() == 100, timeout=TIMEOUT, what="100 reminders sent")
    workers.wait(lambda: drained(private_queue), timeout=TIMEOUT, what="the duplicates handled")
    assert_sent_exactly_once(planned, mail_dir)
    assert reminders.sweep() == 0


# --- b. Two workers racing on the same queue -------------------------------------------------


def test_two_workers_racing_send_each_reminder_once(org, member_factory, workers, private_queue, mail_dir):
    planned = plan_due_follow_ups(org, member_factory, count=100)
    assert reminders.sweep() == 100
    assert sweep_after_lease() == 100  # every reminder twice in the queue: the workers race for each
    first, second = workers.start(), workers.start()
    workers.wait(lambda: sent_count() == 100, timeout=TIMEOUT, what="100 reminders sent")
    workers.wait(lambda: drained(private_queue), timeout=TIMEOUT, what="the duplicates handled")
    assert first.process.poll() is None and second.process.poll() is None
    assert_sent_exactly_once(planned, mail_dir)


# --- c. A worker killed mid-way --------------------------------------------------------------


def test_a_worker_killed_mid_way_loses_and_repeats_nothing(org, member_factory, workers, private_queue, mail_dir):
    planned = plan_due_follow_ups(org, member_factory, count=1000)
    assert reminders.sweep() == 1000
    doomed = workers.start()
    workers.wait(lambda: sent_count() >= 150, timeout=TIMEOUT, interval=0.02, what="the first worker under way")
    doomed.kill()
    sent_at_kill = sent_count()
    assert sent_at_kill < 1000, "the worker finished before it could be killed: nothing was tested"

    workers.start()
    workers.wait(lambda: drained(private_queue), timeout=TIMEOUT, what="the second worker to empty the queue")
    # The task the killed worker held is lost (its message was taken, never acknowledged);
    # its rows stay pending, leased, until the sweep queues them again.
    assert pending_count() <= SEND_BATCH
    wait_for_leases_to_run_out(check=workers.check)
    reminders.sweep()
    workers.wait(lambda: sent_count() == 1000, timeout=TIMEOUT, what="all 1000 reminders sent")
    # A batch is one transaction: the mails of the batch in flight when the worker died
    # (at most REMINDER_SEND_BATCH) go out again, with the same Message-ID; every row,
    # notification and chronology line exists exactly once.
    assert_sent_exactly_once(planned, mail_dir, max_duplicate_mails=SEND_BATCH)


# --- d. The broker restarts and loses its queue ------------------------------------------------


def _redis_restart_command() -> list[str]:
    """The command that started this machine's Redis, from its running configuration."""
    import redis

    client = redis.Redis.from_url(settings.REDIS_URL)
    config = {key: value for key in ("bind", "port", "dir", "logfile") for value in [client.config_get(key)[key]]}
    return [
        "redis-server", "--daemonize", "yes", "--bind", *config["bind"].split(), "--port", config["port"],
        "--save", "", "--appendonly", "no", "--dir", config["dir"], "--logfile", config["logfile"],
    ]  # fmt: skip


def _redis_ping(port: str) -> bool:
    result = subprocess.run(["redis-cli", "-p", port, "ping"], capture_output=True, text=True, check=False)  # noqa: S607
    return result.stdout.strip() == "PONG"


class RedisOutage:
    """Stop Redis without saving (it keeps nothing on disk: every queued message is
    lost) and start it again exactly as the machine does."""

    def __init__(self, queue) -> None:
        self.command = _redis_restart_command()
        self.port = self.command[self.command.index("--port") + 1]

    def begin(self) -> None:
        subprocess.run(["redis-cli", "-p", self.port, "shutdown", "nosave"], check=False, capture_output=True)  # noqa: S607
        wait_for(lambda: not _redis_ping(self.port), timeout=10, what="Redis to stop")

    def end(self) -> None:
        if not _redis_ping(self.port):
            subprocess.run(self.command, check=True, capture_output=True)  # noqa: S603
        wait_for(lambda: _redis_ping(self.port), timeout=TIMEOUT, what="Redis to answer PING again")


class FilesystemOutage:
    """The filesystem broker has no server to stop: its queue is lost (the message
    files deleted, as a broker restarted without persistence loses them) and, until
    it is back, this process cannot send (its outgoing folder is missing). The
    worker keeps polling the queue's folder throughout."""

    def __init__(self, queue) -> None:
        self.queue = queue
        self.saved = dict(app.conf.broker_transport_options)

    def begin(self) -> None:
        for path in self.queue.broker_folder.glob(f"*.{self.queue.name}.msg"):
            path.unlink(missing_ok=True)
        unreachable = str(self.queue.folder / "broker-unreachable")
        app.conf.update(broker_transport_options={**self.saved, "data_folder_out": unreachable})
        reset_broker_connections()

    def end(self) -> None:
        app.conf.update(broker_transport_options=self.saved)
        reset_broker_connections()


@pytest.mark.parametrize("broker", [BROKER])
def test_a_broker_restart_loses_no_reminder(broker, org, member_factory, workers, private_queue, mail_dir):
    outage = (RedisOutage if broker == "redis" else FilesystemOutage)(private_queue)
    planned = plan_due_follow_ups(org, member_factory, count=300)
    assert reminders.sweep() == 300
    workers.start()
    workers.wait(lambda: sent_count() >= 40, timeout=TIMEOUT, interval=0.02, what="the worker under way")
    queued = private_queue.size()
    assert queued > 0, "the queue was empty before the outage: nothing was tested"
    try:
        outage.begin()
        # A sweep while the broker is down: the leases commit, queuing fails loudly.
        wait_for_leases_to_run_out()
        with pytest.raises((OperationalError, ChannelError)):
            reminders.sweep()
        assert pending_count() > 0
    finally:
        outage.end()
    # The restarted broker lost the queue (a worker may at most put back the one it held).
    assert private_queue.size() <= 1
    assert sent_count() < 300, "everything was sent before the outage: nothing was tested"

    # Beat's sweep, every minute (here: every lease): rows whose task was lost go again.
    deadline = time.monotonic() + TIMEOUT
    while sent_count() < 300 and time.monotonic() < deadline:
        reminders.sweep()
        workers.wait(
            lambda: sent_count() == 300 or leased_count() == 0,
            timeout=LEASE_TIMEOUT,
            interval=0.05,
            what="all 300 reminders sent, or the leases of the last sweep run out",
        )
    workers.wait(lambda: sent_count() == 300, timeout=5, what="all 300 reminders sent")
    workers.wait(lambda: drained(private_queue), timeout=TIMEOUT, what="the duplicates handled")
    assert_sent_exactly_once(planned, mail_dir, max_duplicate_mails=0)


# --- e. A rolled-back transaction queues nothing ------------------------------------------------


def test_a_rolled_back_sweep_queues_nothing_on_the_real_broker(org, member_factory, workers, private_queue, mail_dir):
    planned = plan_due_follow_ups(org, member_factory, count=20)
    with pytest.raises(RuntimeError), transaction.atomic():
        assert reminders.sweep() == 20
        raise RuntimeError("roll back")
    assert private_queue.size() == 0
    with scopes_disabled():
        assert not Reminder.objects.filter(lease_until__isnull=False).exists()
    # The same sweep committed does queue: the broker and the count above are real.
    assert reminders.sweep() == 20
    assert private_queue.size() == -(-20 // SEND_BATCH)
    workers.start()
    workers.wait(lambda: sent_count() == 20, timeout=TIMEOUT, what="20 reminders sent")
    assert_sent_exactly_once(planned, mail_dir)
