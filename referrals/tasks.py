"""Periodic sweeps of referrals. Task arguments are ids; each task is safe to run twice."""

from __future__ import annotations

from celery import shared_task
from django_scopes import scopes_disabled

from portal.models import Organisation
from referrals import reminders, services
from referrals.models import Case


@shared_task(name="referrals.tasks.retention_sweep")
def retention_sweep() -> int:
    """Fan out retention to every organisation that has closed, not yet deleted cases.

    Returns how many organisations were queued. Running it twice queues the same
    organisations again; their task then finds nothing left to do.
    """
    # The one cross-tenant read: which organisations have closed cases at all.
    with scopes_disabled():
        organisation_ids = list(
            Case.objects.filter(status=Case.Status.CLOSED).values_list("organisation_id", flat=True).distinct()
        )
    for organisation_id in organisation_ids:
        retention_apply_organisation.delay(organisation_id)
    return len(organisation_ids)


@shared_task(name="referrals.tasks.retention_apply_organisation")
def retention_apply_organisation(organisation_id: int) -> tuple[int, int]:
    """Anonymise and delete one organisation's cases past their retention period
    (``services.retention_apply``: in its scope, rows locked, idempotent)."""
    organisation = Organisation.objects.filter(pk=organisation_id).first()
    if organisation is None:
        return (0, 0)
    return services.retention_apply(organisation=organisation)


@shared_task(name="referrals.tasks.reminders_sweep", ignore_result=True)
def reminders_sweep() -> int:
    """Queue a send task for every due reminder (see referrals/reminders.py)."""
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
    return reminders.plan_weekly_digests()
