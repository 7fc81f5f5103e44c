"""The weekly digest: what a coordinator's organisation has waiting, every Monday.

messaging plans and sends it; each app adds the figures it knows with
``digest_counter`` (``referrals/messages.py``: follow-ups and unacknowledged
referrals, ``training/messages.py``: overdue training). Who gets it is chosen by
permission: whoever may see everyone's training progress.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time, timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from messaging import registry
from messaging.models import NotificationKind, Reminder
from messaging.recipients import roles_that_can
from messaging.reminders import Batch, Outgoing, subject_id
from messaging.subjects import Subject
from portal.models import Membership
from portal.roles import Action, can

K = NotificationKind
RECEIVERS = Action.TRAINING_VIEW_MATRIX

DigestCounter = Callable[[Membership, datetime], dict[str, int]]
_COUNTERS: list[DigestCounter] = []


def digest_counter(counter: DigestCounter) -> DigestCounter:
    """Add the figures an app contributes to the digest (usable as a decorator; twice is a no-op)."""
    if counter not in _COUNTERS:
        _COUNTERS.append(counter)
    return counter


def digest_counts(membership: Membership, now: datetime) -> dict[str, int]:
    """What a coordinator's weekly digest counts, for their organisation."""
    counts = {"follow_ups": 0, "unacknowledged": 0, "overdue_training": 0}
    for counter in _COUNTERS:
        counts.update(counter(membership, now))
    return counts


def plan_weekly_digests(*, now: datetime | None = None) -> int:
    """One digest per active coordinator for this week's Monday 08:00 (idempotent)."""
    now = timezone.localtime(now or timezone.now())
    monday = now.date() - timedelta(days=now.weekday())
    due_at = timezone.make_aware(datetime.combine(monday, time(8, 0)))
    with scopes_disabled():
        members = list(
            Membership.objects.filter(
                role__in=roles_that_can(RECEIVERS), is_active=True, user__is_active=True
            ).values_list("pk", "organisation_id")
        )
        rows = [
            Reminder(organisation_id=org_id, kind=K.WEEKLY_DIGEST, subject=str(Subject.digest(pk)), due_at=due_at)
            for pk, org_id in members
        ]
        Reminder.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)


def _build_weekly_digest(reminder: Reminder, now: datetime, batch: Batch) -> list[Outgoing]:
    membership = Membership.objects.select_related("user", "organisation").filter(pk=subject_id(reminder)).first()
    if membership is None or not membership.is_active or not can(membership, RECEIVERS):
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


def _nothing_to_send(reminder: Reminder, now: datetime, batch: Batch) -> list[Outgoing]:
    return []


def register_kinds() -> None:
    """messaging's own kinds: the digest, and a failed delivery (a notification
    ``reminders._report_failure`` writes directly; a reminder of it sends nothing)."""
    registry.register(registry.Kind(name=K.WEEKLY_DIGEST, build=_build_weekly_digest, receivers=(RECEIVERS,)))
    registry.register(registry.Kind(name=K.DELIVERY_FAILED, build=_nothing_to_send, receivers=(Action.MEMBERS_MANAGE,)))
