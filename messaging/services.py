"""Writes on messaging's rows from outside: forget what is about a subject that is
gone, and (platform staff's one write on reminders) try failed reminders again.

``subjects_forget``: when a case is anonymised or deleted, referrals asks messaging
to delete every reminder about it (its case, referrals, tasks: planned, sent, cancelled
or failed) and every notification that links into it, in any organisation's
notification centre (the handler's, the partner's, the municipality's), with the
reminders that would mail those notifications. Messaging knows no case: the caller
names the subjects and the portal paths that are the case's (``links``).

A reminder is marked failed after ``reminders.MAX_ATTEMPTS`` mail errors (see
``messaging/reminders.py``). Once the mail problem is fixed, a platform
administrator sets it back to pending from the Django admin; the sweep then sends it
within a minute. The recipients it already reached (``delivered_to``) are kept, so
nobody gets the same message twice.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import Q
from django_scopes import scope, scopes_disabled

from messaging.models import Notification, Reminder
from messaging.subjects import Subject
from portal.models import Organisation, User
from portal.roles import Action

# Paths per query: each is one LIKE, all in one OR.
FORGET_CHUNK = 100


def subjects_forget(
    *, organisation: Organisation | int, subjects: Iterable[Subject | str], links: Iterable[str] = ()
) -> tuple[int, int]:
    """Delete ``organisation``'s reminders about ``subjects`` (in any state) and the
    notifications whose link starts with one of ``links`` (paths in the portal, each
    ending in ``/``, such as a case's page ``/o/school/casussen/12/``: its sub-pages and
    anchors are the case's too), with the organisation's reminders that mail those
    notifications. Runs in the caller's transaction. The reminders are read in the
    organisation's scope: every reminder about a case is planned in the case's
    organisation (follow-ups, tasks, the partner's reminder and the escalation, the
    notices). The notifications are found in every person's centre (a partner's and a
    municipality's hold notifications about a referrer's case). Returns
    (notifications, reminders) deleted."""
    names = [str(Subject.of(subject)) for subject in subjects]
    paths = sorted(set(links))
    if any(not path.startswith("/") or not path.endswith("/") for path in paths):
        raise ValueError(f"A link to forget is a path that starts and ends with '/': {paths!r}")
    notifications = reminders = 0
    with transaction.atomic(), scope(organisation=organisation):
        for start in range(0, len(paths), FORGET_CHUNK):
            query = Q()
            for path in paths[start : start + FORGET_CHUNK]:
                query |= Q(url__startswith=path)
            ids = list(Notification.objects.filter(query).values_list("pk", flat=True))
            names.extend(str(Subject.notification(pk)) for pk in ids)
            notifications += Notification.objects.filter(pk__in=ids).delete()[0]
        for start in range(0, len(names), FORGET_CHUNK * 5):
            reminders += Reminder.objects.filter(subject__in=names[start : start + FORGET_CHUNK * 5]).delete()[0]
    return notifications, reminders


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
