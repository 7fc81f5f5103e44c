"""privacy's periodic work: requests of data subjects reduced to counts after their
retention period (``SUBJECT_REQUESTS_KEEP_MONTHS``), once a day on the beat schedule."""

from __future__ import annotations

from celery import shared_task
from django.utils import timezone
from django_scopes import scope

from portal.models import Organisation
from privacy.requests.services import subject_requests_reduce as _reduce


@shared_task(name="privacy.tasks.subject_requests_reduce")
def subject_requests_reduce() -> int:
    """Each organisation in its own scope (no escape): the requests answered long
    enough ago lose the fields that say whom they were about. Safe to run twice."""
    now = timezone.now()
    reduced = 0
    for organisation in Organisation.objects.order_by("pk").iterator():
        with scope(organisation=organisation):
            reduced += _reduce(organisation=organisation, now=now)
    return reduced
