"""Reads for the dashboards of one case handler's own work (live) and of the
referrals one partner organisation received, and the waiting-time buckets and
acknowledgement keys the rollups share (``IN_TIME_WORKING_DAYS``, ``BUCKETS``,
``ACKNOWLEDGEMENT``).

The case handler's dashboard runs a fixed number of queries on that person's own open
work. The partner's dashboard reads the rollup of received referrals per day
(``reporting.selectors.partner_rollup_dashboard``); ``partner_dashboard`` here counts
the same figures live from the referrals (four grouped queries, 0.6 s for the largest
partner at national scale), for a portal whose rollups were never built and as the
reference the rollup is tested against. Both build the page's tables with
``partner_tables``, so the suppression is one piece of code.

The live reads run inside the organisation's scope (``TenantMiddleware``) and read only the
columns they list (``values_list``): never a pseudonym, a signal, a summary, a
decline reason or a message. A case is named by its reference only; the case page
a row links to logs its own read.

Small numbers
-------------
Every count on the partner's dashboard goes through ``reporting.suppression``
(``suppress``, ``suppress_nested``): the rules every dashboard follows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import CharField, Count, Q, QuerySet, Value
from django.db.models.functions import Cast, Concat, TruncDate
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from messaging.models import NotificationKind, Reminder
from messaging.subjects import Subject
from portal.dates import local_date, start_of
from portal.models import User
from referrals import workdays
from referrals.models import Case, CaseTask, Referral
from reporting.suppression import Shown, Suppressed, is_exact, suppress, suppress_nested

# --- Shared: waiting times --------------------------------------------------------------

IN_TIME_WORKING_DAYS = 2  # a partner acknowledges a referral within 2 working days
BUCKETS: tuple[tuple[str, Promise], ...] = (
    ("0-1", _("0 of 1 werkdag")),
    ("2-5", _("2 tot en met 5 werkdagen")),
    ("6+", _("Meer dan 5 werkdagen")),
)
BUCKET_LABELS = dict(BUCKETS)


def bucket_of(working_days: int) -> str:
    if working_days <= 1:
        return "0-1"
    if working_days <= 5:
        return "2-5"
    return "6+"


# --- The case handler's dashboard -------------------------------------------------------

FOLLOW_UP_WINDOW_DAYS = 14


@dataclass(frozen=True)
class OpenCase:
    pk: int
    reference: str
    opened_on: date
    days_open: int


@dataclass(frozen=True)
class FollowUp:
    case_pk: int
    reference: str
    due_at: datetime
    day: int  # days after the case was opened


@dataclass(frozen=True)
class OverdueTask:
    pk: int
    title: str
    case_pk: int
    reference: str
    due_on: date
    days_late: int


@dataclass(frozen=True)
class WaitingReferral:
    pk: int
    case_pk: int
    reference: str
    destination_label: str
    sent_at: datetime
    working_days: int


@dataclass(frozen=True)
class HandlerDashboard:
    open_cases: list[OpenCase]
    follow_ups: list[FollowUp]
    overdue_tasks: list[OverdueTask]
    waiting_referrals: list[WaitingReferral]

    @property
    def waiting_buckets(self) -> list[tuple[Promise, int]]:
        """How long the referrals have waited, per bucket. Not suppressed: the
        referrals themselves are listed on the same page, to the person who sent them."""
        counts = Counter(bucket_of(r.working_days) for r in self.waiting_referrals)
        return [(label, counts[key]) for key, label in BUCKETS]


def _my_open_cases(user: User) -> QuerySet[Case]:
    return Case.objects.filter(handler=user, status=Case.Status.OPEN)


def handler_dashboard(user: User, *, country: str, now: datetime | None = None) -> HandlerDashboard:
    """The case handler's own open work: four queries."""
    now = now or timezone.now()
    today = local_date(now)

    cases = [
        OpenCase(
            pk=pk, reference=reference, opened_on=local_date(created), days_open=(today - local_date(created)).days
        )
        for pk, reference, created in _my_open_cases(user)
        .order_by("created_at", "pk")
        .values_list("pk", "reference", "created_at")
    ]

    by_subject = {str(Subject.case(case.pk)): case for case in cases}
    subjects = (
        _my_open_cases(user)
        .annotate(subject=Concat(Value(Subject.prefix("case")), Cast("pk", CharField())))
        .values("subject")
    )
    follow_ups = []
    for subject, due_at in (
        Reminder.objects.filter(
            kind=NotificationKind.CASE_FOLLOW_UP,
            status=Reminder.Status.PENDING,
            due_at__gte=start_of(today),
            due_at__lt=start_of(today + timedelta(days=FOLLOW_UP_WINDOW_DAYS + 1)),
            subject__in=subjects,
        )
        .order_by("due_at", "pk")
        .values_list("subject", "due_at")
    ):
        case = by_subject.get(subject)
        if case is not None:  # opened or closed between the two reads: leave it out
            day = (local_date(due_at) - case.opened_on).days
            follow_ups.append(FollowUp(case_pk=case.pk, reference=case.reference, due_at=due_at, day=day))

    tasks = [
        OverdueTask(pk=pk, title=title, case_pk=case_pk, reference=reference, due_on=due, days_late=(today - due).days)
        for pk, title, due, case_pk, reference in CaseTask.objects.filter(
            Q(case__handler=user) | Q(assignee=user),
            status=CaseTask.Status.OPEN,
            due_date__lt=today,
            case__status=Case.Status.OPEN,
        )
        .order_by("due_date", "pk")
        .values_list("pk", "title", "due_date", "case_id", "case__reference")
        if due is not None  # always (due_date__lt): narrows the nullable column's type
    ]

    waiting = [
        WaitingReferral(
            pk=pk,
            case_pk=case_pk,
            reference=reference,
            destination_label=label,
            sent_at=sent_at,
            working_days=max(0, workdays.working_days_between(local_date(sent_at), today, country)),
        )
        for pk, case_pk, reference, label, sent_at in Referral.objects.filter(
            status=Referral.Status.SENT, case__handler=user, sent_at__isnull=False
        )
        .order_by("sent_at", "pk")
        .values_list("pk", "case_id", "case__reference", "destination_label", "sent_at")
        if sent_at is not None  # always (sent_at__isnull=False): narrows the nullable column's type
    ]
    return HandlerDashboard(open_cases=cases, follow_ups=follow_ups, overdue_tasks=tasks, waiting_referrals=waiting)


# --- The partner organisation's dashboard -------------------------------------------------

ACKNOWLEDGEMENT: tuple[tuple[str, Promise], ...] = (
    ("waiting", _("Wacht nog op bevestiging")),  # split by BUCKETS: how long so far
    ("in_time", _("Binnen 2 werkdagen bevestigd")),
    ("late", _("Later dan 2 werkdagen bevestigd")),
    ("closed_unacknowledged", _("Afgesloten zonder bevestiging")),
)
ACKNOWLEDGEMENT_LABELS = dict(ACKNOWLEDGEMENT)
# Outcomes a received referral can end with (a cancelled draft never reached the partner).
PARTNER_VISIBLE_OUTCOMES = tuple(o.value for o in Referral.Outcome if o != Referral.Outcome.CANCELLED)
# A filter on "closed" would make the outcomes a second split of the same referrals
# (see "Small numbers" above); the outcomes table shows the closed ones anyway.
FILTER_STATUSES = (
    Referral.Status.SENT.value,
    Referral.Status.ACKNOWLEDGED.value,
    Referral.Status.ACCEPTED.value,
    Referral.Status.DECLINED.value,
)


@dataclass(frozen=True)
class PartnerFilters:
    """Which received referrals count: sent from ``start`` up to and including
    ``end`` (dates in the portal's time zone), with ``status`` ("" for any)."""

    start: date | None = None
    end: date | None = None
    status: str = ""

    @property
    def active(self) -> bool:
        return bool(self.start or self.end or self.status)


@dataclass(frozen=True)
class PartnerDashboard:
    acknowledgement: Suppressed[str]  # keys of ACKNOWLEDGEMENT; the total is "received"
    waiting_times: Suppressed[str]  # the referrals still waiting, keys of BUCKETS; the total is "waiting"
    outcomes: Suppressed[str]  # Referral.Outcome values of the closed ones
    in_time_percentage: int | None  # None when a count it rests on is not shown
    # When the rollup these figures come from was rebuilt; None when counted live just now.
    refreshed_at: datetime | None = None

    @property
    def received(self) -> Shown:
        return self.acknowledgement.total

    @property
    def waiting(self) -> Shown:
        return self.acknowledgement["waiting"]

    @property
    def in_time(self) -> Shown:
        return self.acknowledgement["in_time"]

    @property
    def percentage_suppressed(self) -> bool:
        """True when there is a percentage to give, but a count it rests on is not shown."""
        return self.in_time_percentage is None and not (self.in_time == 0 and self.acknowledgement["late"] == 0)


def check_status_filter(filters: PartnerFilters) -> None:
    """Refuse a status the filters do not offer (a closed one would be a second split)."""
    if filters.status and filters.status not in FILTER_STATUSES:
        raise ValueError(f"Unknown status filter {filters.status!r}.")


def received_referrals(filters: PartnerFilters) -> QuerySet[Referral]:
    """The referrals sent to this organisation (scope = the partner), filtered."""
    check_status_filter(filters)
    referrals = Referral.received.exclude(status=Referral.Status.DRAFT).filter(sent_at__isnull=False)
    if filters.start is not None:
        referrals = referrals.filter(sent_at__gte=start_of(filters.start))
    if filters.end is not None:
        referrals = referrals.filter(sent_at__lt=start_of(filters.end + timedelta(days=1)))
    if filters.status:
        referrals = referrals.filter(status=filters.status)
    return referrals


def _acknowledgement_counts(
    referrals: QuerySet[Referral], *, today: date, country: str
) -> tuple[Counter[str], Counter[str]]:
    """Three grouped queries: the acknowledged referrals per (day sent, day
    acknowledged), the waiting ones per day sent, and a count of those closed
    without acknowledgement. Working days are counted per distinct pair of days, not
    per referral; grouping only by the days that matter keeps the groups few (at
    national scale a partner's year is a few thousand pairs, not one per referral).

    Returns the counts per acknowledgement key (without "waiting") and, for the
    referrals still waiting, per bucket of working days waited so far."""
    tz = timezone.get_current_timezone()
    acknowledgement: Counter[str] = Counter()
    buckets: Counter[str] = Counter()
    between: dict[tuple[date, date], int] = {}

    def working_days(start: date, end: date) -> int:
        if (start, end) not in between:
            between[start, end] = max(0, workdays.working_days_between(start, end, country))
        return between[start, end]

    acknowledged = (
        referrals.filter(acknowledged_at__isnull=False)
        .annotate(sent_day=TruncDate("sent_at", tzinfo=tz), ack_day=TruncDate("acknowledged_at", tzinfo=tz))
        .values_list("sent_day", "ack_day")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for sent_day, ack_day, n in acknowledged:
        acknowledgement["in_time" if working_days(sent_day, ack_day) <= IN_TIME_WORKING_DAYS else "late"] += n
    unacknowledged = referrals.filter(acknowledged_at__isnull=True)
    waiting = (
        unacknowledged.exclude(status=Referral.Status.CLOSED)
        .annotate(sent_day=TruncDate("sent_at", tzinfo=tz))
        .values_list("sent_day")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for sent_day, n in waiting:
        buckets[bucket_of(working_days(sent_day, today))] += n
    closed = unacknowledged.filter(status=Referral.Status.CLOSED).count()
    if closed:
        acknowledgement["closed_unacknowledged"] = closed
    return acknowledgement, buckets


def partner_dashboard(*, country: str, filters: PartnerFilters, now: datetime | None = None) -> PartnerDashboard:
    """Counts of the referrals this partner received, live: four queries in the
    partner's scope, working days of ``country`` (the partner's). The page reads
    ``reporting.selectors.partner_rollup_dashboard`` instead; see ``partner_tables``
    for what is shown."""
    today = local_date(now or timezone.now())
    referrals = received_referrals(filters)
    acknowledgement, buckets = _acknowledgement_counts(referrals, today=today, country=country)
    outcome_counts: dict[str, int] = dict(
        referrals.filter(status=Referral.Status.CLOSED).values_list("outcome").annotate(n=Count("pk")).order_by()
    )
    return partner_tables(acknowledgement=acknowledgement, buckets=buckets, outcome_counts=outcome_counts)


def partner_tables(
    *,
    acknowledgement: Mapping[str, int],
    buckets: Mapping[str, int],
    outcome_counts: Mapping[str, int],
    refreshed_at: datetime | None = None,
) -> PartnerDashboard:
    """The partner's tables from the counts, suppressed: the one place that decides
    what the page shows, whether the counts were read live or from the rollup.

    ``acknowledgement``: per key of ``ACKNOWLEDGEMENT`` except "waiting"; ``buckets``:
    the referrals still waiting, per key of ``BUCKETS``; ``outcome_counts``: the closed
    ones per outcome. A missing key counts 0.

    The acknowledgement table splits every received referral once; its row
    "waiting" is split again by how long those referrals have waited so far. The
    outcomes split the closed ones. The share acknowledged in time is given only
    when the two counts it rests on are shown exactly."""
    outcomes = [o.value for o in Referral.Outcome if o.value in PARTNER_VISIBLE_OUTCOMES or outcome_counts.get(o.value)]
    ack, parts = suppress_nested(
        [
            ("waiting", [(key, buckets.get(key, 0)) for key, _label in BUCKETS]),
            *((key, [(key, acknowledgement.get(key, 0))]) for key, _label in ACKNOWLEDGEMENT[1:]),
        ]
    )
    closed = suppress([(o, outcome_counts.get(o, 0)) for o in outcomes])
    in_time, late = ack["in_time"], ack["late"]
    percentage = None
    if is_exact(in_time) and is_exact(late) and in_time + late:
        percentage = round(100 * in_time / (in_time + late))
    return PartnerDashboard(
        acknowledgement=ack,
        waiting_times=parts["waiting"],
        outcomes=closed,
        in_time_percentage=percentage,
        refreshed_at=refreshed_at,
    )


def outcome_label(value: Any) -> Promise | str:
    return Referral.Outcome(value).label if value in Referral.Outcome.values else str(value)
