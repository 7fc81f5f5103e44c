"""What waits for a member in cases and referrals, counted for their start page
(``portal.worklist``; registered in ``ReferralsConfig.ready``).

Each counter is a fixed number of ``COUNT`` queries inside the organisation's scope,
whatever the number of rows; the lists behind the counts are on the pages the
lines link to (the case handler's and coordinator's dashboards, the partner's inbox,
the municipality's referral list). No reference, name or text of a case is read.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING

from django.db.models import CharField, Count, Q, Value
from django.db.models.functions import Cast, Concat
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from messaging.models import NotificationKind, Reminder
from messaging.subjects import Subject
from portal.roles import Action, can
from portal.worklist import WorkItem
from referrals.area import selectors as area_selectors
from referrals.models import Case, CaseTask, Referral

if TYPE_CHECKING:
    from portal.models import Membership, User

# The case handler's dashboard lists the follow-ups of the coming 14 days; the count agrees.
FOLLOW_UP_WINDOW_DAYS = 14


def _start_of_local_day(days_from_today: int = 0) -> datetime:
    day = timezone.localdate() + timedelta(days=days_from_today)
    return timezone.make_aware(datetime.combine(day, time.min))


def case_work(membership: Membership, user: User) -> list[WorkItem]:
    """A case handler: their own late tasks, follow-ups and referrals waiting for the
    partner (three queries). A coordinator: the same for the whole organisation (two)."""
    if not can(membership, Action.CASE_VIEW):
        return []
    slug = membership.organisation.slug
    dashboard = reverse("dashboards:dashboard", kwargs={"org_slug": slug})
    today = timezone.localdate()
    own = can(membership, Action.CASE_HANDLE)
    tasks = CaseTask.objects.filter(status=CaseTask.Status.OPEN, due_date__lt=today, case__status=Case.Status.OPEN)
    waiting = Referral.objects.filter(status=Referral.Status.SENT)
    if own:
        tasks = tasks.filter(Q(case__handler=user) | Q(assignee=user))
        waiting = waiting.filter(case__handler=user)
    items = [
        WorkItem(
            key="taken",
            count=tasks.count(),
            label=_("Taken die te laat zijn"),
            url=f"{dashboard}#taken-kop" if own else dashboard,
            urgent=True,
        )
    ]
    if own:
        my_open_cases = (
            Case.objects.filter(handler=user, status=Case.Status.OPEN)
            .annotate(subject=Concat(Value(Subject.prefix("case")), Cast("pk", CharField())))
            .values("subject")
        )
        follow_ups = Reminder.objects.filter(
            kind=NotificationKind.CASE_FOLLOW_UP,
            status=Reminder.Status.PENDING,
            due_at__gte=_start_of_local_day(),
            due_at__lt=_start_of_local_day(FOLLOW_UP_WINDOW_DAYS + 1),
            subject__in=my_open_cases,
        )
        items.append(
            WorkItem(
                key="nazorg",
                count=follow_ups.count(),
                label=_("Nazorg in de komende 14 dagen"),
                url=f"{dashboard}#nazorg-kop",
            )
        )
    items.append(
        WorkItem(
            key="wacht-op-partner",
            count=waiting.count(),
            label=_("Doorverwijzingen die wachten op bevestiging van de partner"),
            url=f"{dashboard}#doorverwijzingen-kop" if own else dashboard,
        )
    )
    return items


def received_work(membership: Membership, user: User) -> list[WorkItem]:
    """A partner's intake worker: referrals received and not yet acknowledged (one query)."""
    if not can(membership, Action.REFERRAL_RECEIVE):
        return []
    inbox = reverse("partner:inbox", kwargs={"org_slug": membership.organisation.slug})
    count = Referral.received.filter(status=Referral.Status.SENT).count()
    return [
        WorkItem(
            key="nieuwe-doorverwijzingen",
            count=count,
            label=_("Nieuwe doorverwijzingen: bevestig dat je ze hebt ontvangen"),
            url=f"{inbox}?status=new",
            urgent=True,
        )
    ]


def area_work(membership: Membership, user: User) -> list[WorkItem]:
    """A municipal coordinator: referrals in the area still waiting for the partner,
    and the escalated ones (one query)."""
    if not can(membership, Action.REFERRAL_AREA):
        return []
    organisation = membership.organisation
    listing = reverse("area:referral_list", kwargs={"org_slug": organisation.slug})
    counts = area_selectors.area_referrals().aggregate(
        waiting=Count("pk", filter=Q(status=Referral.Status.SENT)),
        escalated=Count("pk", filter=area_selectors.escalated_q(timezone.now(), organisation.country)),
    )
    return [
        WorkItem(
            key="geescaleerd",
            count=counts["escalated"],
            label=_("Geëscaleerde doorverwijzingen"),
            url=f"{listing}?geescaleerd=on",
            urgent=True,
        ),
        WorkItem(
            key="wacht-op-partner",
            count=counts["waiting"],
            label=_("Doorverwijzingen die wachten op bevestiging van de partner"),
            url=f"{listing}?status=sent",
        ),
    ]
