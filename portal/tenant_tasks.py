"""A Celery task about one organisation, run in that organisation's scope.

Workers have no request and so no tenant: a task that reads an organisation's rows
would need ``scopes_disabled()`` or its own ``scope(...)``, each written by hand.
``TenantTask`` does it once: the task's first argument is the organisation's id (task
arguments are ids, never objects), the base loads the organisation and calls the body
with it inside ``scope(organisation=…)``. An organisation that no longer exists ends
the task with ``None``: it may have been deleted between queueing and running, and
running again would not bring it back.

    @shared_task(base=TenantTask, when_missing=(0, 0), name="referrals.tasks.retention_apply_organisation")
    def retention_apply_organisation(organisation: Organisation) -> tuple[int, int]:
        ...

    retention_apply_organisation.delay(organisation.id)
"""

from __future__ import annotations

import logging
from typing import Any

from celery import Task
from django_scopes import scope

from portal.models import Organisation

logger = logging.getLogger(__name__)


class TenantTask(Task):
    # What the task returns when the organisation is gone; a task sets its own with
    # ``@shared_task(base=TenantTask, when_missing=…)``.
    when_missing: Any = None

    def __call__(self, organisation_id: int, *args: Any, **kwargs: Any) -> Any:
        organisation = Organisation.objects.filter(pk=organisation_id).first()
        if organisation is None:
            logger.info("Task %s: organisation %s no longer exists; nothing to do.", self.name, organisation_id)
            return self.when_missing
        with scope(organisation=organisation):
            return super().__call__(organisation, *args, **kwargs)
