"""Periodic sweeps of referrals. Task arguments are ids; each task is safe to run twice.

The reminders' tasks (registered as ``referrals.tasks.reminder*``) live in
``messaging/tasks.py``."""

from __future__ import annotations

from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.utils import timezone
from django_scopes import scopes_disabled

from portal.models import Organisation
from portal.tenant_tasks import TenantTask
from referrals import services
from referrals.models import Case, PersonalDataAccess


@shared_task(name="referrals.tasks.retention_sweep")
def retention_sweep() -> int:
    """Fan out retention to every organisation that has closed, not yet deleted cases,
    or access-log rows past their retention (``PROCESSING_LOG_KEEP_DAYS``).

    Returns how many organisations were queued. Running it twice queues the same
    organisations again; their task then finds nothing left to do.
    """
    cutoff = timezone.now() - timedelta(days=settings.PROCESSING_LOG_KEEP_DAYS)
    # The one cross-tenant read: which organisations have something to sweep at all.
    with scopes_disabled():
        closed = Case.objects.filter(status=Case.Status.CLOSED).values_list("organisation_id", flat=True)
        old_reads = PersonalDataAccess.objects.filter(created_at__lt=cutoff).values_list("organisation_id", flat=True)
        organisation_ids = sorted(set(closed.distinct()) | set(old_reads.distinct()))
    for organisation_id in organisation_ids:
        retention_apply_organisation.delay(organisation_id)
    return len(organisation_ids)


@shared_task(base=TenantTask, when_missing=(0, 0), name="referrals.tasks.retention_apply_organisation")
def retention_apply_organisation(organisation: Organisation) -> tuple[int, int]:
    """Anonymise and delete one organisation's cases past their retention period
    (``services.retention_apply``: rows locked, idempotent), then delete its access-log
    rows past theirs (``services.access_log_purge``). Queued with the organisation's
    id; ``TenantTask`` loads it and runs this in its scope. Returns (anonymised, deleted)
    cases."""
    result = services.retention_apply(organisation=organisation)
    services.access_log_purge(organisation=organisation)
    return result
