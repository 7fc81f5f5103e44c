"""Platform staff's one write on reminders: try failed ones again.

A reminder is marked failed after ``reminders.MAX_ATTEMPTS`` mail errors (see
``messaging/reminders.py``). Once the mail problem is fixed, a platform
administrator sets it back to pending from the Django admin; the sweep then sends it
within a minute. The recipients it already reached (``delivered_to``) are kept, so
nobody gets the same message twice.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django_scopes import scopes_disabled

from messaging.models import Reminder
from portal.models import User
from portal.roles import Action


def reminders_retry_failed(*, actor: User, reminder_ids: Iterable[int]) -> int:
    """Set the failed reminders among ``reminder_ids`` back to pending: no attempts,
    no lease, due at once (their moment has passed). Rows in any other state are
    left alone. Only for an active superuser. Returns how many were set back."""
    if not (actor.is_active and actor.is_superuser):
        raise PermissionError(Action.PLATFORM_ADMIN)
    ids = list(reminder_ids)
    if not ids:
        return 0
    with transaction.atomic(), scopes_disabled():
        return Reminder.objects.filter(pk__in=ids, status=Reminder.Status.FAILED).update(
            status=Reminder.Status.PENDING, attempts=0, lease_until=None
        )
