"""Periodic sweeps of referrals. Task arguments are ids; each task is safe to run twice.

The reminders' tasks (registered as ``referrals.tasks.reminder*``) live in
``messaging/tasks.py``."""

from __future__ import annotations

from celery import shared_task
from django_scopes import scopes_disabled

from portal.models import Organisation
from portal.tenant_tasks import TenantTask
from referrals import services
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


@shared_task(base=TenantTask, when_missing=(0, 0), name="referrals.tasks.retention_apply_organisation")
def retention_apply_organisation(organisation: Organisation) -> tuple[int, int]:
    """Anonymise and delete one organisation's cases past their retention period
    (``services.retention_apply``: rows locked, idempotent). Queued with the
    organisation's id; ``TenantTask`` loads it and runs this in its scope."""
    return services.retention_apply(organisation=organisation)
