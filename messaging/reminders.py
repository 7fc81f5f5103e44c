"""Reminders: planned in the database, sent exactly once by a sweep and a task.

The design, in four rules:

1. **The database is the source of truth.** A reminder is a ``Reminder`` row per
   (kind, subject, due moment), unique on that key, written by the service that
   causes it in the same transaction (``case_open`` plans follow-ups,
   ``referral_send`` plans the partner's reminder and the escalation, …). When
   the reason changes, the same services cancel or move the rows.
2. **One sweep, every minute** (Celery's static beat schedule), reads pending rows
   by the indexed due moment — future rows cost it nothing — leases them for
   ``REMINDER_LEASE_SECONDS`` and, when its transaction commits, queues their ids in
   ``reminders_send`` tasks of ``REMINDER_SEND_BATCH`` ids (25). A row whose task got
   lost (a worker killed, Redis restarted) is queued again once its lease runs out.
3. **Sending is idempotent.** ``deliver_many`` locks the batch's rows
   (``select_for_update(skip_locked=True)``: a row another worker holds is skipped),
   re-checks that each is pending and due, asks the reminder's kind (registered by
   its app, ``messaging.registry``) for the recipients from the subject as it is
   *now* (a reminder whose reason is gone is cancelled), mails each
   recipient, writes the notifications and chronology lines, marks the rows sent and
   commits — one transaction per batch. Workers acknowledge late and reject on
   worker loss, so a task is redelivered rather than dropped; a redelivered task
   finds its rows sent and does nothing.

   Exactly once, precisely: every row, notification and chronology line exists
   once. An e-mail cannot be part of a database transaction, so a worker killed
   after mailing and before its commit sends the mails of that one batch again
   when the batch is retried — at most ``REMINDER_SEND_BATCH``, each with the same
   stable Message-ID, by which mail servers and clients recognise a repeat.
   ``REMINDER_SEND_BATCH=1`` narrows that to the one mail in flight, at several
   times lower throughput (one transaction per reminder: measured 0.15 of the no-op
   rate against 1.02 with batches of 25, on the same machine).
4. **Nothing is dropped silently.** A mail error keeps the row pending, records the
   error and leases it for a growing back-off, so the sweep retries it; after
   ``MAX_ATTEMPTS`` the row is marked failed and the organisation's coordinators get
   a notification (in the portal: the mail server is the thing that is failing).

E-mails and notifications say what a reminder is about and link to it; they never
hold victim data (a case is named by its reference).
"""

from __future__ import annotations

import functools
import logging
import smtplib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from messaging import recipients, registry
from messaging.models import (
    MANDATORY_EMAIL_KINDS,
    MessageTemplate,
    Notification,
    NotificationKind,
    NotificationPreference,
    Reminder,
)
from messaging.notifications import compose, notify
from messaging.subjects import Subject
from portal.models import (
    Organisation,
    User,
)

logger = logging.getLogger(__name__)

K = NotificationKind
MAX_ATTEMPTS = 5
# Mail errors worth another try later; anything else is a bug and raises.
MAIL_ERRORS = (smtplib.SMTPException, OSError)
MORNING = time(9, 0)


class Skip(Exception):
    """A builder's answer for a reminder that would now say something untrue (a
    "due in 7 days" after the due date, because the sweep ran late): the row is
    cancelled with ``reason`` recorded in ``Reminder.cancel_reason``, nothing is sent."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


def lease() -> timedelta:
    return timedelta(seconds=settings.REMINDER_LEASE_SECONDS)


def backoff(attempts: int) -> timedelta:
    """How long a row waits after a failed mail: 1, 2, 4, 8 … minutes."""
    return timedelta(seconds=settings.REMINDER_RETRY_BASE_SECONDS * 2 ** max(attempts - 1, 0))


def subject_id(reminder: Reminder) -> int:
    """The id in the reminder's subject (``case:12`` -> 12)."""
    return Subject.parse(reminder.subject).id


# --- Planning ---------------------------------------------------------------------------


def _check_kind(kind: str) -> None:
    if kind not in NotificationKind.values:
        raise ValidationError({"kind": [_("Onbekende soort herinnering: %(kind)s.") % {"kind": kind}]})


def reminder_schedule(
    *, organisation: Organisation | None, kind: str, subject: Subject | str, due_at: datetime
) -> Reminder:
    """Plan one reminder. Planning the same (kind, subject, moment) twice keeps one row."""
    _check_kind(kind)
    subject = str(Subject.of(subject))
    with scopes_disabled():
        reminder, _created = Reminder.objects.get_or_create(
            kind=kind, subject=subject, due_at=due_at, defaults={"organisation": organisation}
        )
    return reminder


def reminders_cancel(*, subjects: Iterable[Subject | str], kinds: Iterable[str] | None = None) -> int:
    """Cancel the pending reminders about ``subjects`` (optionally of some kinds only)."""
    subjects = [str(Subject.of(subject)) for subject in subjects]
    if not subjects:
        return 0
    with scopes_disabled():
        rows = Reminder.objects.filter(subject__in=subjects, status=Reminder.Status.PENDING)
        if kinds is not None:
            rows = rows.filter(kind__in=list(kinds))
        return rows.update(status=Reminder.Status.CANCELLED, lease_until=None)


def reminder_move(
    *, organisation: Organisation | None, kind: str, subject: Subject | str, due_at: datetime
) -> Reminder:
    """Move the pending reminder of ``kind`` about ``subject`` to a new moment."""
    subject = str(Subject.of(subject))
    reminders_cancel(subjects=[subject], kinds=[kind])
    with scopes_disabled():
        existing = Reminder.objects.filter(kind=kind, subject=subject, due_at=due_at).first()
        if existing is not None and existing.status == Reminder.Status.CANCELLED:
            existing.status = Reminder.Status.PENDING
            existing.cancel_reason = ""
            existing.save(update_fields=["status", "cancel_reason"])
            return existing
    return reminder_schedule(organisation=organisation, kind=kind, subject=subject, due_at=due_at)


def morning(day: date) -> datetime:
    """09:00 on ``day``, local time: when a reminder about a date goes out."""
    return timezone.make_aware(datetime.combine(day, MORNING))


# --- The sweep ---------------------------------------------------------------------------


def sweep(
    *, now: datetime | None = None, batch: int | None = None, enqueue: Callable[[list[int]], None] | None = None
) -> int:
    """Lease every due, pending reminder that no task holds and queue a send task
    for each (on commit). Returns how many were queued."""
    now = now or timezone.now()
    batch = batch or settings.REMINDER_SWEEP_BATCH
    enqueue = enqueue or _enqueue
    queued = 0
    while True:
        with scopes_disabled(), transaction.atomic():
            ids = list(
                Reminder.objects.select_for_update(skip_locked=True)
                .filter(status=Reminder.Status.PENDING, due_at__lte=now)
                .filter(Q(lease_until__isnull=True) | Q(lease_until__lte=now))
                .order_by("due_at")
                .values_list("pk", flat=True)[:batch]
            )
            if ids:
                Reminder.objects.filter(pk__in=ids).update(lease_until=now + lease())
                transaction.on_commit(functools.partial(enqueue, ids))
        queued += len(ids)
        if len(ids) < batch:
            return queued


def _enqueue(ids: list[int]) -> None:
    """One ``reminders_send`` task per REMINDER_SEND_BATCH ids."""
    from messaging.tasks import reminders_send
    from portal.celery import app

    size = settings.REMINDER_SEND_BATCH
    with app.producer_or_acquire() as producer:
        for start in range(0, len(ids), size):
            reminders_send.apply_async((ids[start : start + size],), producer=producer)


# --- Sending -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Outgoing:
    """One notification to one person (or, for a partner without an account, one e-mail)."""

    key: str
    title: str
    url: str
    organisation: Organisation | None
    user: User | None = None
    email: str = ""
    body: str = ""
    # False: the notification row exists already (written with what caused it); only mail.
    in_app: bool = True

    def send(self, kind: str, message_id: str, batch: Batch) -> None:
        """Mail it (when wanted) and add the notification row to the batch; a mail error
        raises before the row is added."""
        if self.user is not None:
            if self.user.is_active and self.user.email and batch.wants_email(self.user, kind):
                message = compose(
                    kind,
                    to=self.user.email,
                    title=self.title,
                    body=self.body,
                    url=self.url,
                    organisation=self.organisation,
                    recipient=self.user,
                    message_id=message_id,
                    template=batch.template(kind),
                )
                batch.mail().send_messages([message])
            if not self.in_app:
                return
            batch.notifications.append(
                Notification(
                    user=self.user,
                    organisation=self.organisation,
                    kind=kind,
                    title=self.title[:200],
                    body=self.body[:1000],
                    url=self.url[:300],
                )
            )
            return
        message = compose(
            kind,
            to=self.email,
            title=self.title,
            body=self.body,
            url=self.url,
            organisation=None,
            recipient=None,
            message_id=message_id,
            template=batch.template(kind),
        )
        batch.mail().send_messages([message])


class Batch:
    """What the reminders of one task share: one mail connection, each message template
    and each person's e-mail choices read once, the subjects a kind prefetches, and the
    rows written together at the end (``add``: a chronology line, say)."""

    def __init__(self, now: datetime) -> None:
        self.now = now
        self._connection: Any = None
        self._templates: dict[str, MessageTemplate | None] = {}
        self._preferences: dict[int, dict[str, bool]] = {}
        self._prefetched: dict[str, dict[int, Any]] = {}
        self._rows: dict[type[Model], list[Model]] = {}
        self.notifications: list[Notification] = []

    def mail(self) -> Any:
        if self._connection is None:
            from django.core.mail import mailers

            self._connection = mailers.default
            self._connection.open()
        return self._connection

    def template(self, kind: str) -> MessageTemplate | None:
        if kind not in self._templates:
            self._templates[kind] = MessageTemplate.objects.filter(kind=kind).first()
        return self._templates[kind]

    def wants_email(self, user: User, kind: str) -> bool:
        if kind in MANDATORY_EMAIL_KINDS:
            return True
        if user.pk not in self._preferences:
            self._preferences[user.pk] = dict(
                NotificationPreference.objects.filter(user=user).values_list("kind", "email")
            )
        return self._preferences[user.pk].get(kind, True)

    def add(self, row: Model) -> None:
        """A row to write with the batch (one INSERT per model), after the notifications."""
        self._rows.setdefault(type(row), []).append(row)

    def prefetch(self, rows: list[Reminder]) -> None:
        """Each kind's subjects in one query, for the kinds that prefetch."""
        kinds = registry.registered()
        for name in dict.fromkeys(r.kind for r in rows):
            kind = kinds.get(name)
            if kind is None or kind.prefetch is None:
                continue
            ids = [subject_id(r) for r in rows if r.kind == name]
            if ids:
                self._prefetched[name] = kind.prefetch(ids)

    def prefetched(self, reminder: Reminder) -> Any | None:
        """The reminder's subject as its kind prefetched it, or None."""
        return self._prefetched.get(reminder.kind, {}).get(subject_id(reminder))

    def write(self, rows: list[Reminder]) -> None:
        Notification.objects.bulk_create(self.notifications)
        for model, added in self._rows.items():
            model._default_manager.bulk_create(added)
        # One UPDATE per set of equal values (bulk_update's CASE per row costs more than
        # the mail): a batch of follow-ups for one handler is one statement.
        groups: dict[tuple, list[int]] = {}
        for r in rows:
            key = (
                r.status,
                tuple(r.delivered_to),
                r.attempts,
                r.last_error,
                r.cancel_reason,
                r.sent_at,
                r.lease_until,
            )
            groups.setdefault(key, []).append(r.pk)
        for (status, delivered, attempts, last_error, cancel_reason, sent_at, lease_until), pks in groups.items():
            Reminder.objects.filter(pk__in=pks).update(
                status=status,
                delivered_to=list(delivered),
                attempts=attempts,
                last_error=last_error,
                cancel_reason=cancel_reason,
                sent_at=sent_at,
                lease_until=lease_until,
            )

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()


def deliver(reminder_id: int, *, now: datetime | None = None) -> str:
    """Send one reminder if it is still pending and due. Returns what happened:
    'sent', 'cancelled' (its reason is gone), 'skipped' (its moment has passed, see
    ``Skip``), 'retry', 'failed', 'busy' (another worker holds it), 'done' (already
    sent or cancelled) or 'not_due'. Safe to call any number of times."""
    return deliver_many([reminder_id], now=now)[reminder_id]


def deliver_many(reminder_ids: Iterable[int], *, now: datetime | None = None) -> dict[int, str]:
    """``deliver`` for several reminders in one transaction: the rows are locked
    together, shared reads happen once and the rows are written together."""
    now = now or timezone.now()
    ids = list(dict.fromkeys(reminder_ids))
    outcomes: dict[int, str] = {}
    batch = Batch(now)
    try:
        with scopes_disabled(), transaction.atomic():
            rows = list(
                Reminder.objects.select_for_update(skip_locked=True, of=("self",))
                .select_related("organisation")
                .filter(pk__in=ids)
                .order_by("pk")
            )
            missing = set(ids) - {r.pk for r in rows}
            if missing:
                existing = set(Reminder.objects.filter(pk__in=missing).values_list("pk", flat=True))
                outcomes.update({pk: "busy" if pk in existing else "done" for pk in missing})
            batch.prefetch(rows)
            changed = []
            for reminder in rows:
                outcome = _deliver_locked(reminder, now, batch)
                outcomes[reminder.pk] = outcome
                if outcome not in ("done", "not_due"):
                    changed.append(reminder)
            batch.write(changed)
    finally:
        batch.close()
    return outcomes


def _deliver_locked(reminder: Reminder, now: datetime, batch: Batch) -> str:
    if reminder.status != Reminder.Status.PENDING:
        return "done"
    if reminder.due_at > now:
        return "not_due"
    kind = registry.get(reminder.kind)
    try:
        outgoing = kind.build(reminder, now, batch)
    except Skip as skip:
        reminder.status = Reminder.Status.CANCELLED
        reminder.lease_until = None
        reminder.cancel_reason = skip.reason[:200]
        logger.info("Reminder %s skipped: %s", reminder.pk, skip.reason)
        return "skipped"
    if not outgoing:
        reminder.status = Reminder.Status.CANCELLED
        reminder.lease_until = None
        return "cancelled"
    reminder.attempts += 1
    delivered = list(reminder.delivered_to)
    error: BaseException | None = None
    for item in outgoing:
        if item.key in delivered:
            continue
        try:
            item.send(reminder.kind, _message_id(reminder, item), batch)
        except MAIL_ERRORS as exc:
            error = exc
            break
        delivered.append(item.key)
    reminder.delivered_to = delivered
    if error is not None:
        reminder.last_error = f"{type(error).__name__}: {error}"[:300]
        if reminder.attempts >= MAX_ATTEMPTS:
            reminder.status = Reminder.Status.FAILED
            reminder.lease_until = None
            _report_failure(reminder)
            outcome = "failed"
        else:
            reminder.lease_until = now + backoff(reminder.attempts)
            outcome = "retry"
        logger.warning("Reminder %s not delivered (%s): %s", reminder.pk, outcome, type(error).__name__)
        return outcome
    if kind.after_send is not None:
        kind.after_send(reminder, now, batch)
    reminder.status = Reminder.Status.SENT
    reminder.sent_at = now
    reminder.lease_until = None
    return "sent"


def _message_id(reminder: Reminder, item: Outgoing) -> str:
    domain = settings.SITE_URL.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0] or "localhost"
    recipient = item.key.replace(":", "-").replace("@", ".")
    return f"<reminder-{reminder.pk}-{recipient}@{domain}>"


def _report_failure(reminder: Reminder) -> None:
    """Tell the organisation's coordinators in the portal (not by mail: mail is what fails)."""
    organisation = reminder.organisation
    if organisation is None:
        return
    title = _("Een bericht kon niet worden verstuurd: %(kind)s") % {"kind": NotificationKind(reminder.kind).label}
    for membership in recipients.coordinators(organisation):
        notify(
            user=membership.user,
            kind=K.DELIVERY_FAILED,
            title=title,
            body=_("De mailserver gaf %(times)s keer een fout. Neem zelf contact op met de ontvanger.")
            % {"times": reminder.attempts},
            url=reverse("portal:notifications"),
            organisation=organisation,
            send_email=False,
        )
