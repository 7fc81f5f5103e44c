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
   re-checks that each is pending and due, decides the recipients from the subject
   as it is *now* (a reminder whose reason is gone is cancelled), mails each
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

import logging
import smtplib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from portal.models import (
    MANDATORY_EMAIL_KINDS,
    Membership,
    MessageTemplate,
    Notification,
    NotificationKind,
    NotificationPreference,
    Organisation,
    User,
)
from portal.notifications import notify
from portal.roles import Action, Role, can, role_can
from referrals.models import Case, CaseEvent, CaseTask, OrganisationCaseSettings, Referral, Reminder

logger = logging.getLogger(__name__)

K = NotificationKind
MAX_ATTEMPTS = 5
# Mail errors worth another try later; anything else is a bug and raises.
MAIL_ERRORS = (smtplib.SMTPException, OSError)
DEFAULT_FOLLOW_UP_DAYS = (7, 30, 90)
MAX_FOLLOW_UP_DAY = 730
PARTNER_REMINDER_WORKING_DAYS = 2
PARTNER_ESCALATION_WORKING_DAYS = 5
TRAINING_DUE_WARNING = timedelta(days=7)
CERTIFICATE_WARNING = timedelta(days=30)
MORNING = time(9, 0)
CONVERSATION_MODULE_SLUG = "het-gesprek"


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


# --- Planning ---------------------------------------------------------------------------


def _check_kind(kind: str) -> None:
    if kind not in NotificationKind.values:
        raise ValidationError({"kind": [_("Onbekende soort herinnering: %(kind)s.") % {"kind": kind}]})


def reminder_schedule(*, organisation: Organisation | None, kind: str, subject: str, due_at: datetime) -> Reminder:
    """Plan one reminder. Planning the same (kind, subject, moment) twice keeps one row."""
    _check_kind(kind)
    with scopes_disabled():
        reminder, _created = Reminder.objects.get_or_create(
            kind=kind, subject=subject, due_at=due_at, defaults={"organisation": organisation}
        )
    return reminder


def reminders_cancel(*, subjects: Iterable[str], kinds: Iterable[str] | None = None) -> int:
    """Cancel the pending reminders about ``subjects`` (optionally of some kinds only)."""
    subjects = list(subjects)
    if not subjects:
        return 0
    with scopes_disabled():
        rows = Reminder.objects.filter(subject__in=subjects, status=Reminder.Status.PENDING)
        if kinds is not None:
            rows = rows.filter(kind__in=list(kinds))
        return rows.update(status=Reminder.Status.CANCELLED, lease_until=None)


def reminder_move(*, organisation: Organisation | None, kind: str, subject: str, due_at: datetime) -> Reminder:
    """Move the pending reminder of ``kind`` about ``subject`` to a new moment."""
    reminders_cancel(subjects=[subject], kinds=[kind])
    with scopes_disabled():
        existing = Reminder.objects.filter(kind=kind, subject=subject, due_at=due_at).first()
        if existing is not None and existing.status == Reminder.Status.CANCELLED:
            existing.status = Reminder.Status.PENDING
            existing.cancel_reason = ""
            existing.save(update_fields=["status", "cancel_reason"])
            return existing
    return reminder_schedule(organisation=organisation, kind=kind, subject=subject, due_at=due_at)


def _morning(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, MORNING))


def follow_up_days_validate(days: object) -> list[int]:
    """A follow-up schedule: whole days after opening, each 1–730, no doubles.
    Raises ValidationError on ``follow_up_days``."""
    if not isinstance(days, (list, tuple)) or not days:
        raise ValidationError({"follow_up_days": [_("Geef minstens één aantal dagen.")]})
    if any(isinstance(d, bool) or not isinstance(d, int) for d in days):
        raise ValidationError({"follow_up_days": [_("Gebruik alleen hele getallen.")]})
    if any(d < 1 or d > MAX_FOLLOW_UP_DAY for d in days):
        raise ValidationError(
            {"follow_up_days": [_("Elk aantal dagen ligt tussen 1 en %(max)s.") % {"max": MAX_FOLLOW_UP_DAY}]}
        )
    if len(set(days)) != len(days):
        raise ValidationError({"follow_up_days": [_("Elk aantal dagen mag maar één keer voorkomen.")]})
    return sorted(days)


def follow_up_days_for(organisation_id: int) -> list[int]:
    with scopes_disabled():
        stored = (
            OrganisationCaseSettings.objects.filter(organisation_id=organisation_id)
            .values_list("follow_up_days", flat=True)
            .first()
        )
    return list(stored) if stored else list(DEFAULT_FOLLOW_UP_DAYS)


def plan_case_follow_ups(case: Case) -> None:
    for days in follow_up_days_for(case.organisation_id):
        reminder_schedule(
            organisation=case.organisation,
            kind=K.CASE_FOLLOW_UP,
            subject=f"case:{case.pk}",
            due_at=case.created_at + timedelta(days=days),
        )


def plan_referral_acknowledgement(referral: Referral) -> None:
    from referrals.workdays import add_working_days

    country = (referral.case.facts or {}).get("country") or referral.organisation.country
    sent = timezone.localtime(referral.sent_at)
    for kind, days in (
        (K.PARTNER_ACKNOWLEDGE, PARTNER_REMINDER_WORKING_DAYS),
        (K.PARTNER_ESCALATION, PARTNER_ESCALATION_WORKING_DAYS),
    ):
        reminder_schedule(
            organisation=referral.organisation,
            kind=kind,
            subject=f"referral:{referral.pk}",
            due_at=add_working_days(sent, days, country),
        )


def plan_task(task: CaseTask) -> None:
    if task.due_date is not None:
        reminder_move(
            organisation=task.organisation,
            kind=K.TASK_OVERDUE,
            subject=f"task:{task.pk}",
            due_at=_morning(task.due_date + timedelta(days=1)),
        )


def plan_assignment(assignment: Any) -> None:
    """Due in 7 days (or now, when assigned later than that) and overdue the day after.

    A "due soon" reminder is only ever sent up to the end of the due date: when the
    sweep reaches it later (workers down, the sweep behind), ``_build_training``
    skips it and only the overdue reminder goes out."""
    now = timezone.now()
    due_soon = max(_morning(assignment.due_date) - TRAINING_DUE_WARNING, now)
    subject = f"assignment:{assignment.pk}"
    reminder_move(organisation=assignment.organisation, kind=K.TRAINING_DUE, subject=subject, due_at=due_soon)
    reminder_move(
        organisation=assignment.organisation,
        kind=K.TRAINING_OVERDUE,
        subject=subject,
        due_at=_morning(assignment.due_date + timedelta(days=1)),
    )


def plan_certificate(certificate: Any) -> None:
    reminder_schedule(
        organisation=None,
        kind=K.CERTIFICATE_EXPIRING,
        subject=f"certificate:{certificate.pk}",
        due_at=max(certificate.expires_at - CERTIFICATE_WARNING, timezone.now()),
    )


def plan_weekly_digests(*, now: datetime | None = None) -> int:
    """One digest per active coordinator for this week's Monday 08:00 (idempotent)."""
    now = timezone.localtime(now or timezone.now())
    monday = now.date() - timedelta(days=now.weekday())
    due_at = timezone.make_aware(datetime.combine(monday, time(8, 0)))
    roles = [r for r in Role if role_can(r, Action.TRAINING_VIEW_MATRIX)]
    with scopes_disabled():
        members = list(
            Membership.objects.filter(role__in=roles, is_active=True, user__is_active=True).values_list(
                "pk", "organisation_id"
            )
        )
        rows = [
            Reminder(organisation_id=org_id, kind=K.WEEKLY_DIGEST, subject=f"digest:{pk}", due_at=due_at)
            for pk, org_id in members
        ]
        Reminder.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)


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
                transaction.on_commit(lambda ids=ids: enqueue(ids))
        queued += len(ids)
        if len(ids) < batch:
            return queued


def _enqueue(ids: list[int]) -> None:
    """One ``reminders_send`` task per REMINDER_SEND_BATCH ids."""
    from portal.celery import app
    from referrals.tasks import reminders_send

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

    def send(self, kind: str, message_id: str, batch: _Batch) -> None:
        """Mail it (when wanted) and add the notification row to the batch; a mail error
        raises before the row is added."""
        from django.core.mail import EmailMessage

        from portal.notifications import _context, render_message

        link = settings.SITE_URL + self.url if self.url.startswith("/") else self.url
        if self.user is not None:
            if self.user.is_active and batch.wants_email(self.user, kind):
                context = _context(
                    title=self.title, body=self.body, link=link, organisation=self.organisation, recipient=self.user
                )
                message = render_message(kind, context, template=batch.template(kind))
                batch.mail().send_messages(
                    [
                        EmailMessage(
                            subject=message.subject,
                            body=message.body,
                            to=[self.user.email],
                            headers={"Message-ID": message_id},
                        )
                    ]
                )
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
        context = {
            "title": self.title,
            "body": self.body,
            "link": link,
            "organisation": "",
            "recipient": "",
            "site_name": "Veilig Online",
        }
        message = render_message(kind, context, template=batch.template(kind))
        batch.mail().send_messages(
            [
                EmailMessage(
                    subject=message.subject, body=message.body, to=[self.email], headers={"Message-ID": message_id}
                )
            ]
        )


class _Batch:
    """What the reminders of one task share: one mail connection, each message template
    and each person's e-mail choices read once, the rows written together at the end."""

    def __init__(self, now: datetime) -> None:
        self.now = now
        self._connection: Any = None
        self._templates: dict[str, Any] = {}
        self._preferences: dict[int, dict[str, bool]] = {}
        self.notifications: list[Notification] = []
        self.events: list[CaseEvent] = []
        self.cases: dict[int, Case] = {}

    def mail(self) -> Any:
        if self._connection is None:
            from django.core.mail import mailers

            self._connection = mailers.default
            self._connection.open()
        return self._connection

    def template(self, kind: str) -> Any:
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

    def prefetch(self, rows: list[Reminder]) -> None:
        """The cases of the follow-ups in one query."""
        ids = [_subject_id(r) for r in rows if r.kind == K.CASE_FOLLOW_UP]
        if ids:
            self.cases = Case.objects.select_related("organisation", "handler").in_bulk(ids)

    def write(self, rows: list[Reminder]) -> None:
        Notification.objects.bulk_create(self.notifications)
        CaseEvent.objects.bulk_create(self.events)
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
    batch = _Batch(now)
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


def _deliver_locked(reminder: Reminder, now: datetime, batch: _Batch) -> str:
    if reminder.status != Reminder.Status.PENDING:
        return "done"
    if reminder.due_at > now:
        return "not_due"
    try:
        if reminder.kind == K.CASE_FOLLOW_UP:
            outgoing = _build_case_follow_up(reminder, now, case=batch.cases.get(_subject_id(reminder)))
        else:
            outgoing = BUILDERS[reminder.kind](reminder, now)
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
    if reminder.kind == K.CASE_FOLLOW_UP:
        batch.events.append(_case_follow_up_event(reminder))
    else:
        AFTER_SEND.get(reminder.kind, _nothing)(reminder, now)
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
    if reminder.organisation_id is None:
        return
    coordinators = Membership.objects.filter(
        organisation_id=reminder.organisation_id, role=Role.ORG_COORDINATOR, is_active=True
    ).select_related("user")
    if reminder.organisation.kind == "municipality":
        coordinators = Membership.objects.filter(
            organisation_id=reminder.organisation_id, role=Role.MUNICIPAL_COORDINATOR, is_active=True
        ).select_related("user")
    title = _("Een bericht kon niet worden verstuurd: %(kind)s") % {"kind": NotificationKind(reminder.kind).label}
    for membership in coordinators:
        notify(
            user=membership.user,
            kind=K.DELIVERY_FAILED,
            title=title,
            body=_("De mailserver gaf %(times)s keer een fout. Neem zelf contact op met de ontvanger.")
            % {"times": reminder.attempts},
            url=reverse("portal:notifications"),
            organisation=reminder.organisation,
            send_email=False,
        )


def _nothing(reminder: Reminder, now: datetime) -> None:
    return None


# --- What each kind says, to whom (decided at send time) ------------------------------------


def _subject_id(reminder: Reminder) -> int:
    return int(reminder.subject.split(":", 1)[1])


def _case_handlers(case: Case) -> list[User]:
    if case.handler is not None and case.handler.is_active:
        return [case.handler]
    return [
        m.user
        for m in Membership.objects.filter(
            organisation_id=case.organisation_id, role=Role.CASE_HANDLER, is_active=True, user__is_active=True
        ).select_related("user")
    ]


def _case_url(case: Case) -> str:
    return reverse("cases:case_detail", kwargs={"org_slug": case.organisation.slug, "case_id": case.pk})


def _build_case_follow_up(reminder: Reminder, now: datetime, *, case: Case | None = None) -> list[Outgoing]:
    if case is None:
        case = Case.objects.select_related("organisation", "handler").filter(pk=_subject_id(reminder)).first()
    if case is None or case.status != Case.Status.OPEN:
        return []
    days = (reminder.due_at - case.created_at).days
    lesson = reverse(
        "training:module", kwargs={"org_slug": case.organisation.slug, "module_slug": CONVERSATION_MODULE_SLUG}
    )
    title = _("Nazorg: neem contact op over casus %(ref)s (dag %(days)s)") % {"ref": case.reference, "days": days}
    body = _(
        "Vraag hoe het nu gaat en of er nog iets nodig is. Tips voor dat gesprek staan in de training: %(url)s"
    ) % {"url": settings.SITE_URL + lesson}
    return [
        Outgoing(
            key=f"user:{u.pk}", user=u, title=title, body=body, url=_case_url(case), organisation=case.organisation
        )
        for u in _case_handlers(case)
    ]


def _referral(reminder: Reminder) -> Referral | None:
    return (
        Referral.objects.select_related("case", "organisation", "partner", "municipality", "case__handler")
        .filter(pk=_subject_id(reminder))
        .first()
    )


def _build_partner_acknowledge(reminder: Reminder, now: datetime) -> list[Outgoing]:
    referral = _referral(reminder)
    if referral is None or referral.status != Referral.Status.SENT:
        return []
    title = _("Herinnering: bevestig de doorverwijzing van %(org)s") % {"org": referral.organisation.name}
    if referral.partner is not None:
        url = reverse("partner:inbox", kwargs={"org_slug": referral.partner.slug})
        members = Membership.objects.filter(
            organisation=referral.partner, role=Role.PARTNER_INTAKE, is_active=True, user__is_active=True
        ).select_related("user")
        return [
            Outgoing(key=f"user:{m.user_id}", user=m.user, title=title, url=url, organisation=referral.partner)
            for m in members
        ]
    link = referral.links.filter(revoked_at__isnull=True, used_at__isnull=True, expires_at__gt=now).first()
    if link is None:
        return []
    body = _("Gebruik de link uit de eerste e-mail van %(date)s. Kwijt? Vraag de verwijzer om een nieuwe.") % {
        "date": timezone.localtime(link.created_at).strftime("%d-%m-%Y")
    }
    return [Outgoing(key=f"email:{link.email}", email=link.email, title=title, body=body, url="", organisation=None)]


def _build_partner_escalation(reminder: Reminder, now: datetime) -> list[Outgoing]:
    referral = _referral(reminder)
    if referral is None or referral.status != Referral.Status.SENT:
        return []
    title = _("Escalatie: %(dest)s heeft de doorverwijzing bij casus %(ref)s na 5 werkdagen niet bevestigd") % {
        "dest": referral.destination_label,
        "ref": referral.case.reference,
    }
    out = [
        Outgoing(
            key=f"user:{u.pk}", user=u, title=title, url=_case_url(referral.case), organisation=referral.organisation
        )
        for u in _case_handlers(referral.case)
    ]
    if referral.municipality_id is not None:
        area_title = _(
            "Escalatie: doorverwijzing D-%(pk)s van %(org)s naar %(dest)s is na 5 werkdagen niet bevestigd"
        ) % {
            "pk": referral.pk,
            "org": referral.organisation.name,
            "dest": referral.destination_label,
        }
        url = reverse(
            "area:referral_detail", kwargs={"org_slug": referral.municipality.slug, "area_referral_id": referral.pk}
        )
        coordinators = Membership.objects.filter(
            organisation_id=referral.municipality_id,
            role=Role.MUNICIPAL_COORDINATOR,
            is_active=True,
            user__is_active=True,
        ).select_related("user")
        out.extend(
            Outgoing(
                key=f"user:{m.user_id}", user=m.user, title=area_title, url=url, organisation=referral.municipality
            )
            for m in coordinators
        )
    return out


def _after_escalation(reminder: Reminder, now: datetime) -> None:
    referral = Referral.objects.filter(pk=_subject_id(reminder)).first()
    if referral is not None:
        Referral.objects.filter(pk=referral.pk, escalated_at__isnull=True).update(escalated_at=now)
        CaseEvent.objects.create(
            organisation_id=referral.organisation_id,
            case_id=referral.case_id,
            referral=referral,
            kind=CaseEvent.Kind.REMINDER_SENT,
            detail=str(NotificationKind.PARTNER_ESCALATION.label),
        )


def _case_follow_up_event(reminder: Reminder) -> CaseEvent:
    return CaseEvent(
        organisation_id=reminder.organisation_id,
        case_id=_subject_id(reminder),
        kind=CaseEvent.Kind.REMINDER_SENT,
        detail=str(NotificationKind.CASE_FOLLOW_UP.label),
    )


def _after_case_follow_up(reminder: Reminder, now: datetime) -> None:
    _case_follow_up_event(reminder).save()


def _build_task_overdue(reminder: Reminder, now: datetime) -> list[Outgoing]:
    task = (
        CaseTask.objects.select_related("case", "case__organisation", "assignee", "case__handler")
        .filter(pk=_subject_id(reminder))
        .first()
    )
    if task is None or task.status != CaseTask.Status.OPEN or task.case.status != Case.Status.OPEN:
        return []
    title = _("Taak over de datum bij casus %(ref)s: %(task)s") % {"ref": task.case.reference, "task": task.title}
    users = [task.assignee] if task.assignee is not None and task.assignee.is_active else _case_handlers(task.case)
    return [
        Outgoing(key=f"user:{u.pk}", user=u, title=title, url=_case_url(task.case), organisation=task.case.organisation)
        for u in users
    ]


def _assignment_members_not_done(assignment: Any) -> list[Membership]:
    from training.models import Certificate

    if assignment.membership_id:
        members = Membership.objects.filter(pk=assignment.membership_id, is_active=True)
    else:
        members = Membership.objects.filter(
            organisation_id=assignment.organisation_id, role=assignment.role, is_active=True
        )
    members = list(members.filter(user__is_active=True).select_related("user"))
    done = set(
        Certificate.objects.filter(
            user_id__in=[m.user_id for m in members], module_id=assignment.module_id, expires_at__gt=timezone.now()
        ).values_list("user_id", flat=True)
    )
    return [m for m in members if m.user_id not in done]


def _build_training(reminder: Reminder, now: datetime) -> list[Outgoing]:
    from training.models import Assignment

    assignment = Assignment.objects.select_related("organisation", "module").filter(pk=_subject_id(reminder)).first()
    if assignment is None:
        return []
    module = assignment.module
    if reminder.kind == K.TRAINING_DUE and timezone.localdate(now) > assignment.due_date:
        raise Skip(
            _("Niet verstuurd: de einddatum %(date)s was al voorbij. De herinnering ‘te laat’ gaat wel.")
            % {"date": assignment.due_date.strftime("%d-%m-%Y")}
        )
    url = reverse("training:my_training", kwargs={"org_slug": assignment.organisation.slug})
    if reminder.kind == K.TRAINING_DUE:
        title = _("De training “%(module)s” moet af zijn op %(date)s") % {
            "module": module.title,
            "date": assignment.due_date.strftime("%d-%m-%Y"),
        }
    else:
        title = _("De training “%(module)s” had af moeten zijn op %(date)s") % {
            "module": module.title,
            "date": assignment.due_date.strftime("%d-%m-%Y"),
        }
    return [
        Outgoing(key=f"user:{m.user_id}", user=m.user, title=title, url=url, organisation=assignment.organisation)
        for m in _assignment_members_not_done(assignment)
    ]


def _build_certificate_expiring(reminder: Reminder, now: datetime) -> list[Outgoing]:
    from training.models import Certificate

    certificate = Certificate.objects.select_related("user").filter(pk=_subject_id(reminder)).first()
    if certificate is None or not certificate.is_valid(now) or not certificate.user.is_active:
        return []
    newer = Certificate.objects.filter(
        user_id=certificate.user_id, module_id=certificate.module_id, issued_at__gt=certificate.issued_at
    ).exists()
    if newer:
        return []
    title = _("Je certificaat “%(module)s” verloopt op %(date)s") % {
        "module": certificate.module_title,
        "date": timezone.localtime(certificate.expires_at).strftime("%d-%m-%Y"),
    }
    body = _("Doe de module opnieuw om je certificaat te verlengen.")
    return [
        Outgoing(
            key=f"user:{certificate.user_id}",
            user=certificate.user,
            title=title,
            body=body,
            url=_my_training_url(certificate.user),
            organisation=None,
        )
    ]


def _my_training_url(user: User) -> str:
    """'Mijn training' in one of the person's organisations: certificates are theirs, not a tenant's."""
    slug = (
        Membership.objects.filter(user=user, is_active=True)
        .order_by("pk")
        .values_list("organisation__slug", flat=True)
        .first()
    )
    return reverse("training:my_training", kwargs={"org_slug": slug}) if slug else ""


def digest_counts(membership: Membership, now: datetime) -> dict[str, int]:
    """What a coordinator's weekly digest counts, for their organisation."""
    from training.models import Assignment

    org_id = membership.organisation_id
    follow_ups = Reminder.objects.filter(
        organisation_id=org_id,
        kind=K.CASE_FOLLOW_UP,
        status=Reminder.Status.SENT,
        sent_at__gte=now - timedelta(days=7),
    ).count()
    unacknowledged = Referral.objects.filter(organisation_id=org_id, status=Referral.Status.SENT).count()
    overdue_training = sum(
        len(_assignment_members_not_done(a))
        for a in Assignment.objects.filter(organisation_id=org_id, due_date__lt=timezone.localdate(now))
    )
    return {"follow_ups": follow_ups, "unacknowledged": unacknowledged, "overdue_training": overdue_training}


def _build_weekly_digest(reminder: Reminder, now: datetime) -> list[Outgoing]:
    membership = Membership.objects.select_related("user", "organisation").filter(pk=_subject_id(reminder)).first()
    if membership is None or not membership.is_active or not can(membership, Action.TRAINING_VIEW_MATRIX):
        return []
    counts = digest_counts(membership, now)
    title = _("Weekoverzicht %(org)s") % {"org": membership.organisation.name}
    body = (
        _(
            "Nazorgmomenten deze week: %(follow_ups)s. Doorverwijzingen nog niet bevestigd: %(unacknowledged)s. "
            "Trainingen te laat: %(overdue_training)s."
        )
        % counts
    )
    url = reverse("portal:organisation_home", kwargs={"org_slug": membership.organisation.slug})
    return [
        Outgoing(
            key=f"user:{membership.user_id}",
            user=membership.user,
            title=title,
            body=body,
            url=url,
            organisation=membership.organisation,
        )
    ]


def _build_notice_mail(reminder: Reminder, now: datetime) -> list[Outgoing]:
    """The e-mail beside a notification written when a referral moved (referrals/notices.py):
    the row is there already, so only the mail goes, as the person's choices say."""
    notice = Notification.objects.select_related("user", "organisation").filter(pk=_subject_id(reminder)).first()
    if notice is None or not notice.user.is_active:
        return []
    return [
        Outgoing(
            key=f"user:{notice.user_id}",
            user=notice.user,
            title=notice.title,
            body=notice.body,
            url=notice.url,
            organisation=notice.organisation,
            in_app=False,
        )
    ]


# Kinds whose notification is written by the service that causes it; the reminder only mails it.
NOTICE_KINDS = frozenset(
    {
        K.REFERRAL_ACKNOWLEDGED,
        K.REFERRAL_ACCEPTED,
        K.REFERRAL_DECLINED,
        K.REFERRAL_MESSAGE,
        K.REFERRAL_CLOSED,
        K.REFERRAL_REDIRECTED,
    }
)
BUILDERS: dict[str, Callable[[Reminder, datetime], list[Outgoing]]] = {
    K.CASE_FOLLOW_UP: _build_case_follow_up,
    K.PARTNER_ACKNOWLEDGE: _build_partner_acknowledge,
    K.PARTNER_ESCALATION: _build_partner_escalation,
    K.TASK_OVERDUE: _build_task_overdue,
    K.TRAINING_DUE: _build_training,
    K.TRAINING_OVERDUE: _build_training,
    K.CERTIFICATE_EXPIRING: _build_certificate_expiring,
    K.WEEKLY_DIGEST: _build_weekly_digest,
    K.DELIVERY_FAILED: lambda reminder, now: [],
    **dict.fromkeys(NOTICE_KINDS, _build_notice_mail),
}
AFTER_SEND: dict[str, Callable[[Reminder, datetime], None]] = {
    K.PARTNER_ESCALATION: _after_escalation,
    K.CASE_FOLLOW_UP: _after_case_follow_up,
}
