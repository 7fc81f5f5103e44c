"""The reminders' tasks. Task arguments are ids; each task is safe to run twice.

The registered names keep the ``referrals.tasks.`` prefix the tasks were born with:
queued messages and the beat schedule (``portal/celery.py``) refer to them by name,
and a rename would drop the tasks in flight during a deploy."""

from __future__ import annotations

from celery import shared_task

from messaging import digest, reminders


@shared_task(name="referrals.tasks.reminders_sweep", ignore_result=True)
def reminders_sweep() -> int:
    """Queue a send task for every due reminder (see messaging/reminders.py)."""
    return reminders.sweep()


@shared_task(
    name="referrals.tasks.reminder_send",
    ignore_result=True,
    acks_late=True,
    reject_on_worker_lost=True,
)
def reminder_send(reminder_id: int) -> str:
    """Send one reminder, exactly once: ``reminders.deliver`` locks and re-checks the row."""
    return reminders.deliver(reminder_id)


@shared_task(
    name="referrals.tasks.reminders_send",
    ignore_result=True,
    acks_late=True,
    reject_on_worker_lost=True,
)
def reminders_send(reminder_ids: list[int]) -> dict[str, int]:
    """Send a batch of reminders in one transaction (``reminders.deliver_many``)."""
    outcomes = reminders.deliver_many(reminder_ids)
    counts: dict[str, int] = {}
    for outcome in outcomes.values():
        counts[outcome] = counts.get(outcome, 0) + 1
    return counts


@shared_task(name="referrals.tasks.weekly_digest_plan", ignore_result=True)
def weekly_digest_plan() -> int:
    """Plan this week's digest for every coordinator; the sweep sends them."""
    return digest.plan_weekly_digests()
