"""What training sends: reminders about assigned training (due soon, overdue) and
about certificates that are about to expire, and its figure in the weekly digest.

Registered from ``TrainingConfig.ready`` (``register_kinds``); the engine that plans,
sweeps and sends is ``messaging.reminders``. The services plan: ``plan_assignment``
(an assignment made or its due date moved), ``plan_certificate`` (a certificate issued).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from messaging import registry
from messaging.digest import digest_counter
from messaging.models import NotificationKind
from messaging.reminders import Batch, Outgoing, Skip, morning, reminder_move, reminder_schedule, subject_id
from messaging.subjects import Subject
from portal.models import Membership, User
from portal.roles import Action
from training.models import Assignment, Certificate

K = NotificationKind
TRAINING_DUE_WARNING = timedelta(days=7)
CERTIFICATE_WARNING = timedelta(days=30)


# --- Planning ---------------------------------------------------------------------------


def plan_assignment(assignment: Assignment) -> None:
    """Due in 7 days (or now, when assigned later than that) and overdue the day after.

    A "due soon" reminder is only ever sent up to the end of the due date: when the
    sweep reaches it later (workers down, the sweep behind), ``_build_training``
    skips it and only the overdue reminder goes out."""
    now = timezone.now()
    due_soon = max(morning(assignment.due_date) - TRAINING_DUE_WARNING, now)
    subject = Subject.assignment(assignment.pk)
    reminder_move(organisation=assignment.organisation, kind=K.TRAINING_DUE, subject=subject, due_at=due_soon)
    reminder_move(
        organisation=assignment.organisation,
        kind=K.TRAINING_OVERDUE,
        subject=subject,
        due_at=morning(assignment.due_date + timedelta(days=1)),
    )


def plan_certificate(certificate: Certificate) -> None:
    reminder_schedule(
        organisation=None,
        kind=K.CERTIFICATE_EXPIRING,
        subject=Subject.certificate(certificate.pk),
        due_at=max(certificate.expires_at - CERTIFICATE_WARNING, timezone.now()),
    )


# --- What each kind says, to whom (decided at send time) ------------------------------------


def assignment_members_not_done(assignment: Assignment) -> list[Membership]:
    """The active members an assignment is for who hold no valid certificate of its module."""
    if assignment.membership_id:
        members = Membership.objects.filter(pk=assignment.membership_id, is_active=True)
    else:
        members = Membership.objects.filter(
            organisation_id=assignment.organisation_id, role=assignment.role, is_active=True
        )
    members = members.filter(user__is_active=True).select_related("user")
    member_list = list(members)
    done = set(
        Certificate.objects.filter(
            user_id__in=[m.user_id for m in member_list],
            module_id=assignment.module_id,
            expires_at__gt=timezone.now(),
        ).values_list("user_id", flat=True)
    )
    return [m for m in member_list if m.user_id not in done]


def _build_training(reminder: Any, now: datetime, batch: Batch) -> list[Outgoing]:
    assignment = Assignment.objects.select_related("organisation", "module").filter(pk=subject_id(reminder)).first()
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
        for m in assignment_members_not_done(assignment)
    ]


def _build_certificate_expiring(reminder: Any, now: datetime, batch: Batch) -> list[Outgoing]:
    certificate = Certificate.objects.select_related("user").filter(pk=subject_id(reminder)).first()
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


@digest_counter
def _digest_counts(membership: Membership, now: datetime) -> dict[str, int]:
    """The digest's training that should have been done by now, counted per member."""
    overdue_training = sum(
        len(assignment_members_not_done(a))
        for a in Assignment.objects.filter(
            organisation_id=membership.organisation_id, due_date__lt=timezone.localdate(now)
        )
    )
    return {"overdue_training": overdue_training}


def register_kinds() -> None:
    """training's kinds, from ``TrainingConfig.ready``."""
    take = (Action.TRAINING_TAKE,)
    registry.register(registry.Kind(name=K.TRAINING_DUE, build=_build_training, receivers=take))
    registry.register(registry.Kind(name=K.TRAINING_OVERDUE, build=_build_training, receivers=take))
    registry.register(registry.Kind(name=K.CERTIFICATE_EXPIRING, build=_build_certificate_expiring, receivers=take))
