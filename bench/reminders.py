"""Reminders through Celery: how fast they are sent, and what future reminders cost the sweep.

    REDIS_URL=redis://127.0.0.1:6379/15 DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal \\
        .venv/bin/python -m bench.reminders            # or bench_reminders() from the bench runner

Needs Redis and PostgreSQL: a throwaway database (``bench_reminders`` on the server of
DATABASE_URL) is created, migrated and dropped again; Redis gets a private queue.

1. **Dispatch**: 100,000 due case follow-ups go end to end: ``reminders.sweep()`` in this
   process leases them and queues their send tasks (ids only) on Redis, and one worker
   (a subprocess, solo pool: one process) sends them: notification row, e-mail, case
   event, row marked sent. Compared with 100,000 no-op tasks (``portal.tasks.ping``,
   result ignored) sent from this process through the same worker in the same run,
   before and after the reminders (the mean). Every clock runs from the first message
   sent to the last one handled (a final ping with a result behind them in the queue),
   so both figures include putting the messages on Redis. Goal: reminders per second
   at least half the no-op tasks per second. The worker mails with Django's locmem
   backend: every message is built, none leaves the machine.
2. **Sweep cost**: one sweep that leases and queues 1,000 due reminders, with 1,000,000
   future (pending, not yet due) reminders in the table against with none. The median
   of several sweeps each. Goal: at most 1.5 times as long.

``--profile`` runs the worker under cProfile and prints where its time went, and
times ``deliver`` called in this process (the reminder's own cost, without Celery).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import pstats
import statistics
import subprocess
import sys
import time
import uuid
from dataclasses import asdict, dataclass
from datetime import timedelta
from pathlib import Path

from bench import write_outputs
from bench.pg import is_postgres, throwaway_database

ROOT = Path(__file__).resolve().parent.parent
DISPATCH_GOAL = 0.5
SWEEP_GOAL = 1.5
DATABASE_NAME = "bench_reminders"
FOLLOW_UPS_PER_CASE = 10
WORKER_TIMEOUT = 3 * 3600


@dataclass(frozen=True)
class DispatchFigures:
    count: int
    noop_seconds: float
    reminder_seconds: float
    sweep_seconds: float  # of reminder_seconds: the sweep leasing and queuing them all

    @property
    def noop_rate(self) -> float:
        return self.count / self.noop_seconds

    @property
    def reminder_rate(self) -> float:
        return self.count / self.reminder_seconds

    @property
    def ratio(self) -> float:
        return self.reminder_rate / self.noop_rate


@dataclass(frozen=True)
class SweepFigures:
    due: int
    future: int
    runs: int
    empty_seconds: float  # median, no future rows
    full_seconds: float  # median, ``future`` future rows
    empty_db_seconds: float  # the same without queuing (enqueue does nothing)
    full_db_seconds: float

    @property
    def ratio(self) -> float:
        return self.full_seconds / self.empty_seconds

    @property
    def db_ratio(self) -> float:
        return self.full_db_seconds / self.empty_db_seconds


@dataclass(frozen=True)
class ReminderFigures:
    dispatch: DispatchFigures
    sweep: SweepFigures
    worker: str
    send_batch: int = 1

    def to_json(self) -> str:
        return json.dumps(
            {
                "dispatch": asdict(self.dispatch),
                "sweep": asdict(self.sweep),
                "worker": self.worker,
                "send_batch": self.send_batch,
            }
        )

    @classmethod
    def from_json(cls, text: str) -> ReminderFigures:
        data = json.loads(text)
        return cls(
            DispatchFigures(**data["dispatch"]),
            SweepFigures(**data["sweep"]),
            data["worker"],
            data.get("send_batch", 1),
        )

    def markdown(self) -> str:
        """The section for BENCHMARKS.md."""
        d, s = self.dispatch, self.sweep
        d_verdict = "meets" if d.ratio >= DISPATCH_GOAL else "does NOT meet"
        s_verdict = "meets" if s.ratio <= SWEEP_GOAL else "does NOT meet"
        return f"""## Reminders through Celery

{d.count:,} due case follow-ups sent end to end: the sweep leases them and queues their
ids on Redis in send tasks of {self.send_batch} (`REMINDER_SEND_BATCH`); one worker
({self.worker}) sends them (notification, e-mail with Django's locmem backend, case
event, rows marked sent on PostgreSQL; one transaction per task). Compared with
{d.count:,} no-op tasks through the same worker in the same run. Goal: a ratio of at
least {DISPATCH_GOAL}.

| measured | seconds | per second |
|---|---:|---:|
| no-op tasks (`portal.tasks.ping`, result ignored; mean of a run before and after) | {d.noop_seconds:.1f} | {d.noop_rate:,.0f} |
| reminders, sweep to sent (the sweep itself: {d.sweep_seconds:.1f} s) | {d.reminder_seconds:.1f} | {d.reminder_rate:,.0f} |
| **ratio** (reminders / no-op tasks) | | **{d.ratio:.2f}** ({d_verdict} the goal of {DISPATCH_GOAL}) |

One sweep of {s.due:,} due reminders, with {s.future:,} future (pending, not yet due)
reminders in the table and with none (measured before and after, the mean); the median of
{s.runs} sweeps each. Goal: at most {SWEEP_GOAL} times as long.

| measured | no future rows | {s.future:,} future rows | ratio |
|---|---:|---:|---:|
| sweep: lease and queue {s.due:,} tasks on Redis | {s.empty_seconds * 1000:.0f} ms | {s.full_seconds * 1000:.0f} ms | **{s.ratio:.2f}** ({s_verdict} the goal of {SWEEP_GOAL}) |
| its database work alone (nothing queued) | {s.empty_db_seconds * 1000:.0f} ms | {s.full_db_seconds * 1000:.0f} ms | {s.db_ratio:.2f} |
"""


# --- Database ------------------------------------------------------------------------


def _copy_reminders(rows) -> None:  # type: ignore[no-untyped-def]
    """Insert (organisation_id, kind, subject, due_at) rows with COPY: pending, no lease."""
    from django.db import connection
    from django.utils import timezone

    now = timezone.now()
    with connection.cursor() as cursor:
        with cursor.cursor.copy(
            "COPY referrals_reminder (organisation_id, kind, subject, due_at, status, attempts, delivered_to,"
            " last_error, created_at) FROM STDIN"
        ) as copy:
            for organisation_id, kind, subject, due_at in rows:
                copy.write_row((organisation_id, kind, subject, due_at, "pending", 0, "[]", "", now))


def _settle(*tables: str) -> None:
    """VACUUM ANALYZE after a bulk load, then a checkpoint (where the role may), so that no
    write-out of the load runs during a timed sweep."""
    from django.db import DatabaseError, connection

    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"VACUUM ANALYZE {table}")
        try:
            cursor.execute("CHECKPOINT")
        except DatabaseError:  # not a superuser: the figures are noisier, still valid
            pass


# --- Worker -----------------------------------------------------------------------------


class Worker:
    def __init__(self, queue: str, folder: Path, *, profile: Path | None = None) -> None:
        self.queue = queue
        self.log = folder / "worker.log"
        env = {**os.environ, "PYTHONPYCACHEPREFIX": str(folder / "bytecode")}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        profiler = ["-m", "cProfile", "-o", str(profile)] if profile else []
        command = [
            sys.executable, *profiler, "-m", "celery", "-A", "portal", "worker", "-Q", queue, "-n", f"bench-{queue}@%h",
            "--pool", "solo", "-l", "warning", "--without-gossip", "--without-mingle", "--without-heartbeat",
        ]  # fmt: skip
        with self.log.open("wb") as out:
            # Our own interpreter and fixed arguments: nothing here comes from outside.
            self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)  # noqa: S603

    def wait_idle(self, timeout: float = WORKER_TIMEOUT) -> None:
        """Send a ping with a result behind everything queued and wait for it: the
        queue is first in, first out, and the one solo worker handles one at a time."""
        from portal.tasks import ping

        token = uuid.uuid4().hex
        result = ping.apply_async((token,), queue=self.queue)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"bench: the worker stopped; see {self.log}:\n{self.log.read_text()[-3000:]}")
            try:
                if result.get(timeout=2) == f"pong:{token}":
                    result.forget()
                    return
            except TimeoutError:
                continue
            except Exception as exc:  # noqa: BLE001 - celery raises its own TimeoutError subclass
                if type(exc).__name__ != "TimeoutError":
                    raise
        raise SystemExit("bench: the worker did not finish in time")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)


# --- Measurements ---------------------------------------------------------------------------


def _plan_due_follow_ups(count: int, tag: str) -> None:
    """``count`` due case follow-ups for cases with a handler, as ``plan_case_follow_ups``
    plans them (ten per case), inserted with COPY."""
    from django.utils import timezone
    from django_scopes import scopes_disabled

    from messaging.models import NotificationKind
    from messaging.subjects import Subject
    from portal.models import Country, Membership, Organisation, User
    from portal.roles import OrganisationKind, Role
    from referrals.models import Case, OrganisationCaseSettings

    opened = timezone.now() - timedelta(days=FOLLOW_UPS_PER_CASE + 1)
    with scopes_disabled():
        municipality = Organisation.objects.create(
            name=f"Gemeente {tag}", slug=f"gemeente-{tag}", kind=OrganisationKind.MUNICIPALITY, country=Country.NL
        )
        org = Organisation.objects.create(
            name=f"School {tag}",
            slug=f"school-{tag}",
            kind=OrganisationKind.SCHOOL,
            parent=municipality,
            country=Country.NL,
        )
        OrganisationCaseSettings.objects.create(
            organisation=org, follow_up_days=list(range(1, FOLLOW_UPS_PER_CASE + 1))
        )
        handler = User.objects.create_user(email=f"handler-{tag}@bench.example", password="Bench-wachtwoord-2026")
        Membership.objects.create(organisation=org, user=handler, role=Role.CASE_HANDLER)
        cases = Case.objects.bulk_create(
            (
                Case(organisation=org, reference=f"B-{n:06d}", pseudonym="J.B.", handler=handler, created_at=opened)
                for n in range((count + FOLLOW_UPS_PER_CASE - 1) // FOLLOW_UPS_PER_CASE)
            ),
            batch_size=2000,
        )
    rows = (
        (org.pk, NotificationKind.CASE_FOLLOW_UP.value, str(Subject.case(case.pk)), opened + timedelta(days=day))
        for case in cases
        for day in range(1, FOLLOW_UPS_PER_CASE + 1)
    )
    _copy_reminders(row for _, row in zip(range(count), rows, strict=False))
    _settle("referrals_reminder", "referrals_case")


def _publish_noops(count: int, queue: str) -> None:
    from portal.celery import app
    from portal.tasks import ping

    with app.producer_or_acquire() as producer:
        for n in range(count):
            ping.apply_async((str(n),), queue=queue, ignore_result=True, producer=producer)


def bench_dispatch(count: int, queue: str, worker: Worker) -> DispatchFigures:
    from django_scopes import scopes_disabled

    from messaging import reminders
    from messaging.models import Notification, Reminder

    worker.wait_idle(timeout=300)  # started and warm
    noop_before = _time_noops(count, queue, worker)

    print(f"bench: planning {count:,} due reminders …", flush=True)
    _plan_due_follow_ups(count, "dispatch")
    began = time.perf_counter()
    queued = reminders.sweep()
    sweep_seconds = time.perf_counter() - began
    worker.wait_idle()
    reminder_seconds = time.perf_counter() - began
    with scopes_disabled():
        sent = Reminder.objects.filter(status=Reminder.Status.SENT).count()
    notifications = Notification.objects.count()
    if queued != count or sent != count or notifications != count:
        raise SystemExit(f"bench: queued {queued}, sent {sent}, notifications {notifications}; expected {count}")
    print(
        f"bench: reminders     {count / reminder_seconds:8.0f} sent/s   ({count:,} in {reminder_seconds:.1f} s;"
        f" the sweep queued them in {sweep_seconds:.1f} s)",
        flush=True,
    )
    # No-op tasks before and after the reminders, averaged: other work on the machine
    # then weighs on both figures alike.
    noop_after = _time_noops(count, queue, worker)
    return DispatchFigures(count, (noop_before + noop_after) / 2, reminder_seconds, sweep_seconds)


def _time_noops(count: int, queue: str, worker: Worker) -> float:
    began = time.perf_counter()
    _publish_noops(count, queue)
    worker.wait_idle()
    seconds = time.perf_counter() - began
    print(f"bench: no-op tasks {count / seconds:8.0f} tasks/s  ({count:,} in {seconds:.1f} s)", flush=True)
    return seconds


def _time_sweeps(runs: int, queue: str, *, enqueue: bool) -> float:
    """Median seconds of one sweep; before each, the due rows are pending and unleased again
    and the queue is empty."""
    from django.db import connection

    from messaging import reminders
    from portal.celery import app

    timings = []
    for _ in range(runs):
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE referrals_reminder SET lease_until = NULL"
                " WHERE status = 'pending' AND due_at <= now() AND lease_until IS NOT NULL"
            )
            cursor.execute("VACUUM referrals_reminder")  # the same (no) dead rows before every sweep
        with app.connection_for_write() as conn:
            conn.default_channel.queue_purge(queue)
        began = time.perf_counter()
        if enqueue:
            reminders.sweep()
        else:
            reminders.sweep(enqueue=lambda ids: None)
        timings.append(time.perf_counter() - began)
    with app.connection_for_write() as conn:
        conn.default_channel.queue_purge(queue)
    return statistics.median(timings)


def bench_sweep(due: int, future: int, runs: int, queue: str) -> SweepFigures:
    """Sweeps timed without future rows, with them, and without them again (the two
    figures without are averaged, so that drift over the run weighs on both sides)."""
    from django.db import connection
    from django.utils import timezone

    from messaging.models import NotificationKind
    from messaging.subjects import Subject
    from portal.models import Organisation

    org_id = Organisation.objects.values_list("pk", flat=True).first()
    kind = NotificationKind.CASE_FOLLOW_UP.value
    now = timezone.now()

    def load(with_future: bool) -> None:
        with connection.cursor() as cursor:
            cursor.execute("TRUNCATE referrals_reminder")
        _copy_reminders((org_id, kind, str(Subject.case(n)), now - timedelta(minutes=1 + n % 600)) for n in range(due))
        if with_future:
            print(f"bench: inserting {future:,} future reminders …", flush=True)
            _copy_reminders(
                (org_id, kind, str(Subject.case(n)), now + timedelta(days=1 + n % 730, seconds=n % 86_400))
                for n in range(due, due + future)
            )
        _settle("referrals_reminder")
        _time_sweeps(1, queue, enqueue=True)  # warm

    def measure(label: str) -> tuple[float, float]:
        seconds = _time_sweeps(runs, queue, enqueue=True)
        db_seconds = _time_sweeps(runs, queue, enqueue=False)
        print(
            f"bench: sweep of {due:,} due, {label:>24}: {seconds * 1000:7.1f} ms"
            f" ({db_seconds * 1000:.1f} ms without queuing)",
            flush=True,
        )
        return seconds, db_seconds

    load(with_future=False)
    before, before_db = measure("no future rows")
    load(with_future=True)
    full, full_db = measure(f"{future:,} future rows")
    load(with_future=False)
    after, after_db = measure("no future rows again")
    return SweepFigures(due, future, runs, (before + after) / 2, full, (before_db + after_db) / 2, full_db)


def time_deliver(count: int) -> float:
    """Seconds per reminder of ``deliver`` called in this process for ``count`` fresh
    reminders (locmem mail): the reminder's own cost, without Celery."""
    from django.db import connection
    from django_scopes import scopes_disabled

    from messaging import reminders
    from messaging.models import Reminder

    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE referrals_reminder")
    _plan_due_follow_ups(count, "in-process")
    with scopes_disabled():
        ids = list(Reminder.objects.values_list("pk", flat=True).order_by("pk"))
    reminders.deliver(ids[0])
    began = time.perf_counter()
    for pk in ids[1:]:
        reminders.deliver(pk)
    per = (time.perf_counter() - began) / (len(ids) - 1)
    print(f"bench: deliver() called in this process: {per * 1000:.2f} ms per reminder", flush=True)
    return per


def worker_profile(path: Path, lines: int = 45) -> str:
    out = io.StringIO()
    stats = pstats.Stats(str(path), stream=out)
    stats.sort_stats("cumulative").print_stats(
        r"referrals|portal|django/(db|core/mail|template)|celery/(app/trace|fixups)|kombu/(messaging|transport/redis)",
        lines,
    )
    return out.getvalue()


# --- Runner ------------------------------------------------------------------------------


def bench_reminders(
    count: int = 100_000, *, due: int = 1_000, future: int = 1_000_000, runs: int = 11, profile: bool = False
) -> ReminderFigures:
    """Create the database, measure, drop it. Prints the figures and returns them."""
    if not os.environ.get("REDIS_URL") or not is_postgres(os.environ.get("DATABASE_URL", "")):
        raise SystemExit("bench.reminders needs REDIS_URL and a PostgreSQL DATABASE_URL")
    worker = None
    with throwaway_database(DATABASE_NAME, prefix="veilig-online-bench-reminders-") as folder:
        try:
            import django

            django.setup()
            from django.core.management import call_command
            from django.db import connection

            from portal.celery import app

            print(f"bench: migrating {DATABASE_NAME} …", flush=True)
            call_command("migrate", verbosity=0, interactive=False)
            queue = f"bench-reminders-{uuid.uuid4().hex[:12]}"
            # The send task(s) the sweep queues; the sweep itself runs here, not through Celery.
            app.conf.update(task_routes={"referrals.tasks.reminder*_send": {"queue": queue}})
            profile_path = folder / "worker.prof" if profile else None
            worker = Worker(queue, folder, profile=profile_path)
            dispatch = bench_dispatch(count, queue, worker)
            worker.stop()
            worker = None
            if profile_path is not None:
                print(f"bench: the worker under cProfile (no-op tasks and reminders):\n{worker_profile(profile_path)}")
            sweep = bench_sweep(due, future, runs, queue)
            print(
                f"bench: ratio reminders/no-op = {dispatch.ratio:.2f} (goal ≥ {DISPATCH_GOAL}); "
                f"sweep with {future:,} future rows / none = {sweep.ratio:.2f} (goal ≤ {SWEEP_GOAL})",
                flush=True,
            )
            if profile:
                time_deliver(min(count, 2000))
            connection.close()
            from django.conf import settings

            return ReminderFigures(
                dispatch=dispatch, sweep=sweep, worker="solo pool, one process", send_batch=settings.REMINDER_SEND_BATCH
            )
        finally:
            if worker is not None:
                worker.stop()


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.reminders", description=__doc__.split("\n\n")[0])
    parser.add_argument("--reminders", type=int, default=100_000, help="due reminders dispatched (default 100000)")
    parser.add_argument("--due", type=int, default=1_000, help="due reminders per timed sweep (default 1000)")
    parser.add_argument("--future", type=int, default=1_000_000, help="future reminders (default 1000000)")
    parser.add_argument("--runs", type=int, default=11, help="sweeps timed per situation (default 11)")
    parser.add_argument(
        "--profile", action="store_true", help="run the worker under cProfile and print where its time went"
    )
    parser.add_argument("--markdown", action="store_true", help="print the BENCHMARKS.md section at the end")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures to FILE (see from_json)")
    parser.add_argument("--section", type=Path, metavar="FILE", help="write the BENCHMARKS.md section to FILE")
    args = parser.parse_args()
    figures = bench_reminders(args.reminders, due=args.due, future=args.future, runs=args.runs, profile=args.profile)
    write_outputs(args, figures)


if __name__ == "__main__":
    main()
