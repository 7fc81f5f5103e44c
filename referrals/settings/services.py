"""Writes for an organisation's case settings: how long closed cases are kept, and
when the case handler is reminded to follow up on an open case.

``retention_apply`` (referrals.services) reads the periods on every run, so a
change takes effect at the next retention sweep. A new follow-up schedule applies
to new cases (``messages.plan_case_follow_ups``) and, at once, to every open case:
``follow_up_schedule_save`` moves their planned reminders. Each change writes an
audit row with the old and new values (numbers only).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_scopes import scopes_disabled

from messaging.models import NotificationKind, Reminder
from messaging.subjects import Subject
from portal.models import AuditEvent, Membership, Organisation, User
from portal.roles import Action, can
from portal.services import audit_record
from referrals import messages
from referrals.models import Case, OrganisationCaseSettings

MIN_MONTHS = 1
MAX_MONTHS = 120
# At most this many follow-up moments: each one is a reminder row per open case.
MAX_FOLLOW_UP_MOMENTS = 10
# Open cases handled per round of queries when a new schedule moves their reminders.
MOVE_BATCH = 500
AUDIT_KIND = AuditEvent.Kind.CASE_SETTINGS_CHANGED

FIELD_NAMES = {
    "retention_months": gettext_lazy("Persoonsgegevens bewaren"),
    "delete_after_months": gettext_lazy("Casus helemaal verwijderen"),
    "follow_up_days": gettext_lazy("Nazorgmomenten"),
}


def months_error(field: str) -> str:
    """The message for a wrong number of months in ``field``; it names the field."""
    return _("%(field)s: vul een aantal maanden in van %(min)s tot en met %(max)s.") % {
        "field": FIELD_NAMES[field],
        "min": MIN_MONTHS,
        "max": MAX_MONTHS,
    }


@dataclass(frozen=True)
class Periods:
    retention_months: int
    delete_after_months: int


def default_periods() -> Periods:
    """The periods that apply when an organisation has chosen none (the model's defaults)."""
    fields = {field.name: field for field in OrganisationCaseSettings._meta.concrete_fields}
    return Periods(fields["retention_months"].default, fields["delete_after_months"].default)


def case_settings_current(organisation: Organisation) -> Periods:
    """The periods in force for ``organisation``. Call inside its scope."""
    row = OrganisationCaseSettings.objects.filter(organisation=organisation).first()
    if row is None:
        return default_periods()
    return Periods(row.retention_months, row.delete_after_months)


def case_settings_validate(*, retention_months: object, delete_after_months: object) -> Periods:
    """Both periods must be whole months from 1 to 120. Raises ValidationError per
    field; each message names the field it is about."""
    errors: dict[str, list[str]] = {}
    values: dict[str, int] = {}
    for name, value in (("retention_months", retention_months), ("delete_after_months", delete_after_months)):
        if type(value) is not int or not MIN_MONTHS <= value <= MAX_MONTHS:
            errors[name] = [months_error(name)]
        else:
            values[name] = value
    if errors:
        raise ValidationError(errors)
    return Periods(values["retention_months"], values["delete_after_months"])


def _store(*, organisation: Organisation, actor: User | None, periods: Periods) -> OrganisationCaseSettings:
    with transaction.atomic():
        row = OrganisationCaseSettings.objects.select_for_update().filter(organisation=organisation).first()
        before = Periods(row.retention_months, row.delete_after_months) if row else default_periods()
        if row is None:
            row = OrganisationCaseSettings.objects.create(
                organisation=organisation,
                retention_months=periods.retention_months,
                delete_after_months=periods.delete_after_months,
            )
        elif before != periods:
            row.retention_months = periods.retention_months
            row.delete_after_months = periods.delete_after_months
            row.save(update_fields=["retention_months", "delete_after_months"])
        if before != periods:
            audit_record(
                organisation=organisation,
                kind=AUDIT_KIND,
                actor=actor,
                detail=(
                    f"Bewaren {before.retention_months} → {periods.retention_months} maanden; "
                    f"verwijderen {before.delete_after_months} → {periods.delete_after_months} maanden"
                ),
            )
    return row


def case_settings_save(
    *, actor_membership: Membership, retention_months: object, delete_after_months: object
) -> OrganisationCaseSettings:
    """Set how long the actor's organisation keeps closed cases.

    Only those who may (``Action.CASE_SETTINGS``: the organisation's coordinator).
    ``retention_months``: months after closing until the victim's data is removed
    (anonymised); ``delete_after_months``: months after that until the case itself is
    deleted. Saving the same values again changes nothing and writes no audit row.
    Runs inside the organisation's scope.
    """
    if not can(actor_membership, Action.CASE_SETTINGS):
        raise PermissionError(Action.CASE_SETTINGS)
    periods = case_settings_validate(retention_months=retention_months, delete_after_months=delete_after_months)
    return _store(organisation=actor_membership.organisation, actor=actor_membership.user, periods=periods)


def case_settings_admin_save(*, actor: User, settings: OrganisationCaseSettings) -> OrganisationCaseSettings:
    """The same change made by platform staff in the Django admin (validated, audited)."""
    if not (actor.is_active and actor.is_superuser):
        raise PermissionError(Action.PLATFORM_ADMIN)
    periods = case_settings_validate(
        retention_months=settings.retention_months, delete_after_months=settings.delete_after_months
    )
    return _store(organisation=settings.organisation, actor=actor, periods=periods)


# --- Follow-up schedule -------------------------------------------------------------------


def follow_up_error(message: str) -> str:
    """A message about the follow-up schedule that names the field."""
    message = message[:1].lower() + message[1:]
    return _("%(field)s: %(message)s") % {"field": FIELD_NAMES["follow_up_days"], "message": message}


def follow_up_days_text(days: list[int] | tuple[int, ...]) -> str:
    """The schedule as the field shows it: "7, 30, 90"."""
    return ", ".join(str(day) for day in days)


def follow_up_days_parse(text: str) -> list[int]:
    """Read "7, 30, 90" (commas and/or spaces between the numbers). An empty text gives
    an empty list (the default schedule). Raises ValidationError on ``follow_up_days``."""
    parts = [part for part in re.split(r"[,;\s]+", text.strip()) if part]
    if any(not re.fullmatch(r"[0-9]{1,6}", part) for part in parts):
        raise ValidationError(
            {
                "follow_up_days": [
                    follow_up_error(
                        _("vul hele aantallen dagen in, gescheiden door komma's. Bijvoorbeeld: %(example)s.")
                        % {"example": follow_up_days_text(messages.DEFAULT_FOLLOW_UP_DAYS)}
                    )
                ]
            }
        )
    return [int(part) for part in parts]


def follow_up_schedule_validate(days: object) -> list[int]:
    """A schedule of whole days after opening (sorted), or [] for the default.
    Raises ValidationError on ``follow_up_days``; each message names the field."""
    if isinstance(days, str):
        days = follow_up_days_parse(days)
    if days is None or (isinstance(days, (list, tuple)) and not days):
        return []
    try:
        checked = messages.follow_up_days_validate(days)
    except ValidationError as exc:
        raise ValidationError(
            {"follow_up_days": [follow_up_error(str(message)) for message in exc.message_dict["follow_up_days"]]}
        ) from exc
    if len(checked) > MAX_FOLLOW_UP_MOMENTS:
        raise ValidationError(
            {
                "follow_up_days": [
                    follow_up_error(_("kies hoogstens %(max)s momenten.") % {"max": MAX_FOLLOW_UP_MOMENTS})
                ]
            }
        )
    return checked


@dataclass(frozen=True)
class FollowUpSaved:
    """What saving a schedule did. ``days``: the schedule now in force (the default when
    none is chosen); ``is_default``: whether that is the default one; ``changed``: whether it differs from before; ``open_cases``: how
    many open cases had their reminders moved."""

    days: list[int]
    is_default: bool
    changed: bool
    open_cases: int


def follow_up_schedule_current(organisation: Organisation) -> tuple[list[int], bool]:
    """The schedule in force for ``organisation`` and whether it is the default one.
    Call inside its scope."""
    chosen = (
        OrganisationCaseSettings.objects.filter(organisation=organisation)
        .values_list("follow_up_days", flat=True)
        .first()
    )
    days = list(chosen) if chosen else list(messages.DEFAULT_FOLLOW_UP_DAYS)
    return days, days == list(messages.DEFAULT_FOLLOW_UP_DAYS)


def _move_follow_ups(*, organisation: Organisation, days: list[int], now: datetime) -> int:
    """Give every open case of ``organisation`` the schedule ``days``: cancel its
    pending follow-ups that are still to come and plan the new moments that are still
    to come. A moment already due is left alone (the sweep is sending it). A cancelled
    row at a planned moment becomes pending again (the key is unique). Closed cases
    keep their rows. Runs in the caller's transaction; a few queries per
    ``MOVE_BATCH`` open cases."""
    kind = NotificationKind.CASE_FOLLOW_UP
    with scopes_disabled():
        cases = list(
            Case.objects.filter(organisation=organisation, status=Case.Status.OPEN)
            .order_by("pk")
            .values_list("pk", "created_at")
        )
        for start in range(0, len(cases), MOVE_BATCH):
            batch = cases[start : start + MOVE_BATCH]
            subjects = [str(Subject.case(pk)) for pk, _created in batch]
            future = Reminder.objects.filter(kind=kind, subject__in=subjects, due_at__gt=now)
            future.filter(status=Reminder.Status.PENDING).update(status=Reminder.Status.CANCELLED, lease_until=None)
            wanted = {
                (str(Subject.case(pk)), created + timedelta(days=day))
                for pk, created in batch
                for day in days
                if created + timedelta(days=day) > now
            }
            revive = []
            for pk, subject, due_at in future.values_list("pk", "subject", "due_at"):
                if (subject, due_at) in wanted:
                    wanted.discard((subject, due_at))
                    revive.append(pk)
            if revive:
                Reminder.objects.filter(pk__in=revive).update(status=Reminder.Status.PENDING, lease_until=None)
            Reminder.objects.bulk_create(
                [
                    Reminder(organisation=organisation, kind=kind, subject=subject, due_at=due_at)
                    for subject, due_at in sorted(wanted)
                ],
                ignore_conflicts=True,
            )
    return len(cases)


def follow_up_schedule_save(
    *, actor_membership: Membership, days: object, now: datetime | None = None
) -> FollowUpSaved:
    """Set when case handlers of the actor's organisation are reminded to follow up:
    whole days after a case was opened, e.g. ``[7, 30, 90]`` (or the text "7, 30, 90");
    empty means the default schedule.

    Only those who may (``Action.CASE_SETTINGS``). In one transaction: stores the
    schedule, writes an audit row and moves the planned reminders of every open case
    (moments still to come only). Saving a schedule that is already in force changes
    nothing and writes no audit row.
    """
    if not can(actor_membership, Action.CASE_SETTINGS):
        raise PermissionError(Action.CASE_SETTINGS)
    chosen = follow_up_schedule_validate(days)
    organisation = actor_membership.organisation
    now = now or timezone.now()
    default = list(messages.DEFAULT_FOLLOW_UP_DAYS)
    new = chosen or default
    with transaction.atomic(), scopes_disabled():
        row = OrganisationCaseSettings.objects.select_for_update().filter(organisation=organisation).first()
        before = list(row.follow_up_days) if row is not None and row.follow_up_days else []
        old = before or default
        if old == new:
            return FollowUpSaved(days=new, is_default=new == default, changed=False, open_cases=0)
        if row is None:
            OrganisationCaseSettings.objects.create(organisation=organisation, follow_up_days=chosen)
        else:
            row.follow_up_days = chosen
            row.save(update_fields=["follow_up_days"])
        moved = _move_follow_ups(organisation=organisation, days=new, now=now)
        audit_record(
            organisation=organisation,
            kind=AUDIT_KIND,
            actor=actor_membership.user,
            detail=f"Nazorgmomenten {follow_up_days_text(old)} → {follow_up_days_text(new)} dagen",
        )
    return FollowUpSaved(days=new, is_default=new == default, changed=True, open_cases=moved)
