"""Reads for the coordinator, municipal, platform and partner dashboards, from the rollups.

Each dashboard runs a fixed number of small queries on the rollup tables, through
the indexes that lead with ``municipality`` or ``organisation`` and ``month``:
rows of one municipality for at most the chosen months, never the cases themselves.
The municipal and platform dashboards read the area-level rollups (per municipality,
every dimension but the organisation; see ``reporting.models``) unless the view is
filtered to one organisation: a municipality's year is then about a thousand rows
instead of tens of thousands, and the database groups them to about a hundred. The
comparison per organisation reads the monthly totals per organisation, or the
organisation-level rollups when a form, case status or partner filter applies. The
platform dashboard adds up the area rows of all municipalities. The partner's dashboard
reads its own rows of the rollup per partner and day (``partner_rollup_dashboard``).

Small numbers (see ``reporting.suppression``)
---------------------------------------------
Every count of cases and referrals goes through ``suppress``: 1 to 4 shows as
"<5", and a total is never shown when it would give a small cell away. What this
module adds is the rule for *linked tables*: tables on one page that split the
same set (the cases in the chosen period, say) in different ways.

* Each set has one **primary** table, always shown: the cases per month (the
  trend), the referrals by acknowledgement (whose row "waiting" is split by waiting
  time, ``suppress_nested``), and the number of escalated referrals.
* Every other table over the same set (cases by status, by form, per organisation;
  referrals per partner, by outcome, per organisation; escalations per
  organisation) is **linked**. A linked table is shown only when neither it nor the
  primary table has a suppressed cell; otherwise the page says it is left out.
  Why: a linked table whose cells are all exact gives the total, and that total
  with the primary table's exact cells gives its "<5" cell away (and two tables
  that both have "<5" cells can pin them down together: 20 + a = 23 + b means a = 4,
  b = 1). Which tables are left out depends only on whether a "<5" would show, which
  the page shows anyway.
* A case with several forms counts under each of them, so the forms table is not a
  split of the cases; it is treated as linked all the same.

What is protected: the cells of one page, for one set of filters, also by someone
who knows these rules. What is not: comparing two filtered views (two periods, or
one organisation against the whole municipality), as in ``reporting.suppression``.
Training counts are counts of staff, not of victims: shown exactly, per
organisation and role (never per person outside the person's own organisation).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from django.core.cache import cache
from django.db import models
from django.db.models import Exists, F, OuterRef, Q, QuerySet, Sum, Value
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django_scopes import get_scope, scope, scopes_disabled
from django_scopes.exceptions import ScopeError

from messaging.models import NotificationKind, Reminder
from portal.models import Membership, Organisation
from portal.roles import OrganisationKind, Role
from referrals.models import Case, CaseTask, Referral
from referrals.routing.vocabulary import FORMS
from reporting.dashboards import (
    ACKNOWLEDGEMENT,
    BUCKETS,
    IN_TIME_WORKING_DAYS,
    PartnerDashboard,
    PartnerFilters,
    check_status_filter,
    partner_dashboard,
    partner_tables,
)
from reporting.models import (
    STATE_KEY,
    AreaCaseMonthRollup,
    AreaMonthTotal,
    AreaReferralMonthRollup,
    CaseMonthRollup,
    OrganisationMonthTotal,
    PartnerReferralDayRollup,
    ReferralMonthRollup,
    RollupState,
    TrainingRollup,
)
from reporting.suppression import Shown, Suppressed, is_exact, suppress, suppress_nested
from training.models import Certificate
from training.selectors import TrainingStatus

if TYPE_CHECKING:
    from training.selectors import MatrixRow

DEFAULT_MONTHS = 12
AUTO = "auto"  # area-level rollups where they answer the view
ORGANISATION = "organisation"  # organisation-level rollups only
CASE_STATUSES: tuple[tuple[str, Promise], ...] = tuple((s.value, s.label) for s in Case.Status)
OUTCOMES: tuple[tuple[str, Promise], ...] = tuple(
    (o.value, o.label) for o in Referral.Outcome if o != Referral.Outcome.CANCELLED
)


def first_of_month(day: date) -> date:
    return day.replace(day=1)


def add_months(month: date, count: int) -> date:
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class Filters:
    """What the dashboard counts. Months are first days of months, both included.

    ``form`` and ``status`` (of the case) filter the case tables; ``destination``
    filters the referral tables; the period and organisation filter all of them."""

    start: date
    end: date
    organisation_id: int | None = None
    municipality_id: int | None = None
    form: str = ""
    destination: str = ""
    status: str = ""

    @classmethod
    def default(cls, today: date | None = None) -> Filters:
        end = first_of_month(today or timezone.localdate())
        return cls(start=add_months(end, 1 - DEFAULT_MONTHS), end=end)

    @property
    def months(self) -> list[date]:
        months, month = [], self.start
        while month <= self.end:
            months.append(month)
            month = add_months(month, 1)
        return months


@dataclass(frozen=True)
class Group:
    """A row of the comparison: an organisation (municipal) or a municipality (platform)."""

    pk: int
    name: str
    slug: str


@dataclass(frozen=True)
class TrainingRow:
    key: Hashable
    label: str
    assigned: int
    completed: int
    overdue: int

    @property
    def percentage(self) -> int | None:
        return round(100 * self.completed / self.assigned) if self.assigned else None


@dataclass(frozen=True)
class Figure:
    """A headline figure: this period against the previous period of the same length.

    ``current`` and ``previous`` are shown values (a number, ``SMALL``); ``current`` is
    None when it is left out (it would give a small count of a linked table away).
    ``previous`` is None when there is nothing to compare with (training: nobody had
    a module to do when the previous period ended). The difference is shown only when both are exact:
    a difference next to "<5" would give that count away."""

    key: str
    current: Shown | None
    previous: Shown | None = None
    percentage: bool = False

    @property
    def difference(self) -> int | None:
        if self.current is None or self.previous is None:
            return None
        if not (is_exact(self.current) and is_exact(self.previous)):
            return None
        return self.current - self.previous

    @property
    def change(self) -> int | None:
        """How much more or less, without the sign (the words say which)."""
        difference = self.difference
        return abs(difference) if difference is not None else None

    @property
    def comparable(self) -> bool:
        return self.previous is not None


@dataclass(frozen=True)
class Headline:
    """The four figures at the top of the municipal and platform dashboards."""

    previous_start: date
    previous_end: date
    open_cases: Figure
    waiting: Figure
    escalated: Figure
    training: Figure

    @property
    def figures(self) -> list[Figure]:
        return [self.open_cases, self.waiting, self.escalated, self.training]

    @property
    def any_small(self) -> bool:
        return any(not is_exact(v) for f in self.figures for v in (f.current, f.previous) if v is not None)


def previous_period(filters: Filters) -> tuple[date, date]:
    """The months just before ``filters``' period, as many as it has."""
    length = len(filters.months)
    return add_months(filters.start, -length), add_months(filters.start, -1)


@dataclass
class AreaDashboard:
    refreshed_at: datetime | None
    months: list[date]
    trend: Suppressed[date]  # primary of the cases: per month
    statuses: Suppressed[str] | None  # linked
    forms: Suppressed[str] | None  # linked; no total (a case can have several forms)
    acknowledgement: Suppressed[str]  # primary of the referrals
    waiting_times: Suppressed[str]
    destinations: Suppressed[str] | None  # linked
    destination_labels: dict[str, str]
    outcomes: Suppressed[str] | None  # linked
    escalated: Suppressed[str]  # primary of the escalations: one cell
    in_time_percentage: int | None
    groups: list[Group] = field(default_factory=list)
    group_cases: Suppressed[int] | None = None  # linked, per group (Group.pk)
    group_referrals: Suppressed[int] | None = None
    group_escalated: Suppressed[int] | None = None
    training_by_group: list[TrainingRow] = field(default_factory=list)
    training_by_role: list[TrainingRow] = field(default_factory=list)
    headline: Headline | None = None  # with the comparison (municipal and platform)

    @property
    def any_suppressed(self) -> bool:
        tables = [self.trend, self.acknowledgement, self.waiting_times, self.escalated]
        return any(t.any_suppressed for t in tables) or self.any_left_out

    @property
    def any_left_out(self) -> bool:
        linked: list[Suppressed[str] | Suppressed[int] | None] = [
            self.statuses,
            self.forms,
            self.destinations,
            self.outcomes,
        ]
        if self.groups:
            linked += [self.group_cases, self.group_referrals, self.group_escalated]
        return any(table is None for table in linked)

    def group_rows(self) -> list[tuple[Group, Shown, Shown, Shown]]:
        """The comparison: per group its cases, referrals and escalations ("" when left out)."""

        def cell(table: Suppressed[int] | None, key: int) -> Shown:
            return table[key] if table is not None else _("weggelaten")

        return [
            (g, cell(self.group_cases, g.pk), cell(self.group_referrals, g.pk), cell(self.group_escalated, g.pk))
            for g in self.groups
        ]


def linked[P: Hashable, K: Hashable](primary: Suppressed[P], cells: Sequence[tuple[K, int]]) -> Suppressed[K] | None:
    """A table linked to ``primary`` (see the module's docstring): None when it is left out."""
    table = suppress(cells)
    if primary.any_suppressed or table.any_suppressed:
        return None
    return table


def refreshed_at() -> datetime | None:
    return RollupState.objects.filter(key=STATE_KEY).values_list("refreshed_at", flat=True).first()


# How long a dashboard's figures stay in the cache at most. They are also keyed by the
# rollups' state, so a refresh (every 5 minutes) makes the next request read them anew.
CACHE_SECONDS = 15 * 60


RollupStamp = tuple[datetime, float]


def rollup_state() -> RollupStamp | None:
    """When the rollups were last rebuilt and how long that took; None before the first
    rebuild. Whatever is computed from the rollups alone holds until this changes."""
    state = RollupState.objects.filter(key=STATE_KEY).values_list("refreshed_at", "seconds").first()
    if state is None:
        return None
    when, seconds = state
    return (when, seconds) if when is not None else None


def rollup_cache_key(prefix: str, state: RollupStamp, *parts: object) -> str:
    """A cache key for something computed from the rollups: it holds the rebuild, so
    the next rebuild gives a new key. ``parts`` say what else it depends on."""
    return prefix + hashlib.sha256(repr((state, *parts)).encode()).hexdigest()


def cached_area_dashboard(
    *,
    filters: Filters,
    municipality_id: int | None = None,
    groups: Sequence[Group] = (),
    group_by: str = "",
    state: RollupStamp | None = None,
) -> AreaDashboard:
    """``area_dashboard`` for the municipal and platform dashboards, kept in the cache
    until the rollups are rebuilt: the figures come only from the rollups, so they
    cannot change in between. One query (the rollups' state) on a hit.

    The key holds the state (when and how long the last refresh took), the filters, the
    area and the groups compared (a renamed organisation gives a new key); nothing in
    it or in the value is about a person. Language does not matter: labels stay lazy
    and are translated when the page is rendered. ``state``: the caller's
    ``rollup_state()``, when it read it already."""
    state = state or rollup_state()
    if state is None:
        return area_dashboard(filters=filters, municipality_id=municipality_id, groups=groups, group_by=group_by)
    key = rollup_cache_key("reporting:area:", state, filters, municipality_id, tuple(groups), group_by)
    cached = cache.get(key)
    if isinstance(cached, AreaDashboard):
        return cached
    data = area_dashboard(filters=filters, municipality_id=municipality_id, groups=groups, group_by=group_by)
    cache.set(key, data, CACHE_SECONDS)
    return data


def _check_partner_scope(partner_id: int) -> None:
    """Fail closed: the rollup has no scoped manager (the refresh writes every partner's
    rows), so its one reader checks that the active scope is the partner it reads for.
    ``scopes_disabled()`` (trusted code: the tests, a shell) lets any partner through."""
    current = get_scope()
    if not current.get("_enabled", True):
        return
    organisation = current.get("organisation")
    if organisation is None or getattr(organisation, "pk", organisation) != partner_id:
        raise ScopeError("The partner's rollup is read only in that partner's scope.")


def partner_rollup_dashboard(
    *, partner_id: int, country: str, filters: PartnerFilters, now: datetime | None = None
) -> PartnerDashboard:
    """The partner's dashboard from ``PartnerReferralDayRollup``: two queries (the
    rollups' state, and the partner's rows for the filtered days and status, grouped by
    status, outcome, acknowledgement and waiting time: a few dozen), whatever the number
    of referrals. The figures and their suppression are those of the live
    ``reporting.dashboards.partner_dashboard`` (``partner_tables`` builds both), as they
    were at the last refresh; ``refreshed_at`` says when that was. Waiting times are
    counted up to that refresh.

    ``partner_id`` is the organisation of the request (``TenantMiddleware`` checked the
    membership); it must be the active scope's organisation.

    Before the first refresh (a new install, before the first beat run) there is no
    rollup to read: then the figures are counted live, in the partner's scope, with
    ``country`` (the partner's) and ``now``, and ``refreshed_at`` is None."""
    _check_partner_scope(partner_id)
    check_status_filter(filters)
    when = refreshed_at()
    if when is None:
        with scope(organisation=partner_id):  # this partner's referrals, also under scopes_disabled()
            return partner_dashboard(country=country, filters=filters, now=now)
    rows = PartnerReferralDayRollup.objects.filter(partner_id=partner_id)
    if filters.start is not None:
        rows = rows.filter(day__gte=filters.start)
    if filters.end is not None:
        rows = rows.filter(day__lte=filters.end)
    if filters.status:
        rows = rows.filter(status=filters.status)
    acknowledgement: dict[str, int] = defaultdict(int)
    buckets: dict[str, int] = defaultdict(int)
    outcomes: dict[str, int] = defaultdict(int)
    for status, outcome, ack_key, bucket, n in (
        rows.values_list("status", "outcome", "ack", "bucket").annotate(n=Sum("count")).order_by()
    ):
        if ack_key == "waiting":
            buckets[bucket] += n
        else:
            acknowledgement[ack_key] += n
        if status == Referral.Status.CLOSED:
            outcomes[outcome] += n
    return partner_tables(acknowledgement=acknowledgement, buckets=buckets, outcome_counts=outcomes, refreshed_at=when)


def _in_area[M: models.Model](queryset: QuerySet[M], filters: Filters, *, municipality_id: int | None) -> QuerySet[M]:
    rows = queryset.filter(month__gte=filters.start, month__lte=filters.end)
    if municipality_id is not None:
        rows = rows.filter(municipality_id=municipality_id)
    if filters.municipality_id is not None:
        rows = rows.filter(municipality_id=filters.municipality_id)
    if filters.organisation_id is not None:
        rows = rows.filter(organisation_id=filters.organisation_id)
    return rows


def area_dashboard(
    *,
    filters: Filters,
    municipality_id: int | None = None,
    organisation_id: int | None = None,
    groups: Sequence[Group] = (),
    group_by: str = "",
    source: str = AUTO,
) -> AreaDashboard:
    """The counts for one organisation (``organisation_id``), one municipality
    (``municipality_id``) or all (neither). ``group_by`` ("organisation" or
    "municipality") adds the comparison over ``groups``. Four queries, six with the
    comparison (one for the counts per group, one for training), whatever the filters
    and the amount of data.

    Tables: a view filtered to one organisation reads the organisation-level rollups;
    any other view the area-level ones, which keep every dimension a filter needs
    (form, case status, partner) and leave out only the organisation. The comparison
    per organisation reads ``OrganisationMonthTotal``, or, filtered by form, case status
    or partner, the organisation-level rollups. ``source=ORGANISATION`` reads the
    organisation-level rollups for everything (the tests compare both)."""
    if source not in (AUTO, ORGANISATION):
        raise ValueError(f"Unknown source {source!r}.")
    if organisation_id is not None:
        filters = replace(filters, organisation_id=organisation_id)
    group_field = f"{group_by}_id" if group_by else None
    by_area = source == AUTO and filters.organisation_id is None
    case_model: type[AreaCaseMonthRollup | CaseMonthRollup] = AreaCaseMonthRollup if by_area else CaseMonthRollup
    referral_model: type[AreaReferralMonthRollup | ReferralMonthRollup] = (
        AreaReferralMonthRollup if by_area else ReferralMonthRollup
    )

    # Cases: per month and status (at most 12 × 2 rows), with the form filter ("" = every case once).
    # With the comparison, the same query also reads the previous period (for the headline).
    previous_start, previous_end = previous_period(filters)
    case_span = replace(filters, start=previous_start) if group_field else filters
    cases = _in_area(case_model.objects.filter(form=filters.form), case_span, municipality_id=municipality_id)
    if filters.status:
        cases = cases.filter(status=filters.status)
    by_month: dict[date, int] = defaultdict(int)
    by_status: dict[str, int] = defaultdict(int)
    previous_open = 0
    for month, status, n in cases.values_list("month", "status").annotate(n=Sum("count")).order_by():
        if month < filters.start:
            previous_open += n if status == Case.Status.OPEN else 0
            continue
        by_month[month] += n
        by_status[status] += n
    trend = suppress([(month, by_month.get(month, 0)) for month in filters.months])

    # Forms: how many cases have each form.
    form_cases = _in_area(case_model.objects.exclude(form=""), filters, municipality_id=municipality_id)
    if filters.form:
        form_cases = form_cases.filter(form=filters.form)
    if filters.status:
        form_cases = form_cases.filter(status=filters.status)
    by_form = dict(form_cases.values_list("form").annotate(n=Sum("count")).order_by())
    shown_forms = [f for f in FORMS if not filters.form or f == filters.form]

    # Referrals: per partner, status, outcome, acknowledgement, waiting time and escalation
    # (a hundred-odd rows for a municipality's year; conditional sums per cell would
    # cost more to build in the ORM than these rows cost to add up).
    referrals = _in_area(referral_model.objects.all(), filters, municipality_id=municipality_id)
    if filters.destination:
        referrals = referrals.filter(destination=filters.destination)
    ack: dict[str, int] = defaultdict(int)
    buckets: dict[str, int] = defaultdict(int)
    by_destination: dict[str, int] = defaultdict(int)
    labels: dict[str, str] = {}
    outcomes: dict[str, int] = defaultdict(int)
    escalated = 0
    columns = ["destination", "destination_label", "status", "outcome", "ack", "bucket", "escalated"]
    for destination, label, status, outcome, ack_key, bucket, is_escalated, n in (
        referrals.values_list(*columns).annotate(n=Sum("count")).order_by()
    ):
        ack[ack_key] += n
        if ack_key == "waiting":
            buckets[bucket] += n
        by_destination[destination] += n
        labels[destination] = label
        if status == Referral.Status.CLOSED and outcome != Referral.Outcome.CANCELLED:
            outcomes[outcome] += n
        if is_escalated:
            escalated += n
    acknowledgement, parts = suppress_nested(
        [
            ("waiting", [(key, buckets[key]) for key, _label in BUCKETS]),
            *((key, [(key, ack[key])]) for key, _label in ACKNOWLEDGEMENT[1:]),
        ]
    )
    in_time, late = acknowledgement["in_time"], acknowledgement["late"]
    percentage = None
    if is_exact(in_time) and is_exact(late) and in_time + late:
        percentage = round(100 * in_time / (in_time + late))
    destinations = sorted(by_destination, key=lambda d: (labels[d].lower(), d))
    escalated_table = suppress([("escalated", escalated)])

    data = AreaDashboard(
        refreshed_at=refreshed_at(),
        months=filters.months,
        trend=trend,
        statuses=linked(trend, [(key, by_status.get(key, 0)) for key, _label in CASE_STATUSES]),
        forms=linked(trend, [(f, by_form.get(f, 0)) for f in shown_forms]),
        acknowledgement=acknowledgement,
        waiting_times=parts["waiting"],
        destinations=linked(acknowledgement, [(d, by_destination[d]) for d in destinations]),
        destination_labels=labels,
        outcomes=linked(acknowledgement, [(key, outcomes.get(key, 0)) for key, _label in OUTCOMES]),
        escalated=escalated_table,
        in_time_percentage=percentage,
    )
    if group_field:
        per_group = _group_counts(filters, municipality_id=municipality_id, group_by=group_by, by_area=by_area)
        data.groups = list(groups)
        data.group_cases = linked(trend, [(g.pk, per_group[g.pk][0]) for g in groups])
        data.group_referrals = linked(acknowledgement, [(g.pk, per_group[g.pk][1]) for g in groups])
        data.group_escalated = linked(escalated_table, [(g.pk, per_group[g.pk][2]) for g in groups])
        data.training_by_group, data.training_by_role = _training(
            filters, municipality_id=municipality_id, group_field=group_field, groups=groups
        )
        data.headline = _headline(
            data,
            filters,
            municipality_id=municipality_id,
            referral_model=referral_model,
            previous_open=previous_open,
        )
    return data


def _headline(
    data: AreaDashboard,
    filters: Filters,
    *,
    municipality_id: int | None,
    referral_model: type[AreaReferralMonthRollup | ReferralMonthRollup],
    previous_open: int,
) -> Headline:
    """The headline figures, with the same suppression as the tables (one query: the
    referrals of the previous period). Open cases are a cell of the status table, a
    table linked to the trend: left out when that table is. Waiting referrals and
    escalations are cells of primary tables (acknowledgement, escalated) and shown as
    there. The previous period appears nowhere else on the page: each of its figures is
    suppressed on its own. Training coverage is staff, not victims: exact; the
    previous period's is how it stood when that period ended (``_coverage_at``, two
    queries)."""
    start, end = previous_period(filters)
    span = replace(filters, start=start, end=end)
    previous = _in_area(referral_model.objects.all(), span, municipality_id=municipality_id)
    if filters.destination:
        previous = previous.filter(destination=filters.destination)
    sums = previous.aggregate(
        waiting=Sum("count", filter=Q(ack="waiting")), escalated=Sum("count", filter=Q(escalated=True))
    )

    def alone(count: int | None) -> Shown:
        return suppress([("n", count or 0)]).cells[0][1]

    assigned = sum(row.assigned for row in data.training_by_role)
    completed = sum(row.completed for row in data.training_by_role)
    return Headline(
        previous_start=start,
        previous_end=end,
        open_cases=Figure(
            "open",
            data.statuses[Case.Status.OPEN.value] if data.statuses is not None else None,
            alone(previous_open),
        ),
        waiting=Figure("waiting", data.acknowledgement["waiting"], alone(sums["waiting"])),
        escalated=Figure("escalated", data.escalated.cells[0][1], alone(sums["escalated"])),
        training=Figure(
            "training",
            round(100 * completed / assigned) if assigned else None,
            _coverage_at(_period_start(filters.start), filters, municipality_id=municipality_id),
            percentage=True,
        ),
    )


def _period_start(month: date) -> datetime:
    """The first moment of ``month`` in the portal's time zone."""
    return timezone.make_aware(datetime.combine(month, datetime.min.time()))


def _coverage_at(moment: datetime, filters: Filters, *, municipality_id: int | None) -> int | None:
    """Training coverage as it stood at ``moment``, from stored dates only, by the rule
    of the current figure (``reporting.rollups._refresh_training``): of the active
    members who had to do a module then (a member since before ``moment``, and the
    module assigned to their role in their organisation, or to them, before
    ``moment``), the percentage holding a certificate valid at ``moment`` (issued
    before it, expiring after it). Who is active and their role are as now: the
    portal keeps no history of either. None when nobody had a module to do.

    Two counts of the same (member, module) pairs, each a ``UNION`` of the two ways a
    module is assigned (a pair assigned both ways counts once). Memberships and
    assignments are tenant rows of the area's organisations: read unscoped, fenced by
    ``municipality_id`` (the viewer's municipality; None on the platform dashboard) as
    the rollup is, and only counted, never listed."""
    with scopes_disabled():
        members = Membership.objects.filter(is_active=True, created_at__lt=moment)
        for parent_id in (municipality_id, filters.municipality_id):
            if parent_id is not None:
                members = members.filter(organisation__parent_id=parent_id)
        if filters.organisation_id is not None:
            members = members.filter(organisation_id=filters.organisation_id)
        by_role = members.filter(
            organisation__assignment__membership__isnull=True,
            organisation__assignment__role=F("role"),
            organisation__assignment__created_at__lt=moment,
        ).annotate(module_id=F("organisation__assignment__module_id"))
        by_person = members.filter(training_assignments__created_at__lt=moment).annotate(
            module_id=F("training_assignments__module_id")
        )
        valid = Exists(
            Certificate.objects.filter(
                user_id=OuterRef("user_id"),
                module_id=OuterRef("module_id"),
                issued_at__lt=moment,
                expires_at__gt=moment,
            )
        )

        def pairs(*conditions: Any) -> int:
            parts = [part.filter(*conditions).values_list("pk", "module_id") for part in (by_role, by_person)]
            return parts[0].union(parts[1]).count()

        assigned, covered = pairs(), pairs(valid)  # both always: the same queries for every area
    return round(100 * covered / assigned) if assigned else None


# The rollups the comparison per group reads, and a group's row from them: the group's
# pk (None for an organisation outside any municipality), then cases, referrals and
# escalated referrals (None where a sum found no rows).
GroupedRollup = (
    CaseMonthRollup
    | AreaCaseMonthRollup
    | ReferralMonthRollup
    | AreaReferralMonthRollup
    | OrganisationMonthTotal
    | AreaMonthTotal
)
GroupRow = tuple[int | None, int | None, int | None, int | None]


def _group_counts(
    filters: Filters, *, municipality_id: int | None, group_by: str, by_area: bool
) -> dict[int | None, list[int]]:
    """Per group (organisation or municipality): cases, referrals, escalated referrals.
    One query: from the monthly totals when the view has no form, status or partner
    filter; otherwise the case part, the referral part or both from the rollups that
    keep those dimensions (per organisation, or per municipality), joined by ``UNION ALL``."""
    group_field = f"{group_by}_id"
    per_organisation = group_by == "organisation" or not by_area
    totals: type[OrganisationMonthTotal | AreaMonthTotal] | None = None
    if by_area:
        totals = OrganisationMonthTotal if group_by == "organisation" else AreaMonthTotal
    case_rows: type[CaseMonthRollup | AreaCaseMonthRollup] = (
        CaseMonthRollup if per_organisation else AreaCaseMonthRollup
    )
    referral_rows: type[ReferralMonthRollup | AreaReferralMonthRollup] = (
        ReferralMonthRollup if per_organisation else AreaReferralMonthRollup
    )
    zero = Value(0, output_field=models.IntegerField())

    def rows(
        model: type[GroupedRollup], where: dict[str, str], **sums: Sum | Value
    ) -> QuerySet[GroupedRollup, GroupRow]:
        found = _in_area(model.objects.filter(**where), filters, municipality_id=municipality_id)
        # The plugin cannot type rows grouped by a field named at run time: they are GroupRows.
        grouped: QuerySet[GroupedRollup, GroupRow] = (
            found.values(group_field).annotate(**sums).order_by().values_list(group_field, "c", "r", "e")
        )
        return grouped

    case_filter = {"form": filters.form, **({"status": filters.status} if filters.status else {})}
    referral_filter = {"destination": filters.destination} if filters.destination else {}
    if totals is not None and not (filters.form or filters.status or filters.destination):
        query = rows(totals, {}, c=Sum("cases"), r=Sum("referrals"), e=Sum("escalated"))
    else:
        if totals is not None and not (filters.form or filters.status):
            case_part = rows(totals, {}, c=Sum("cases"), r=zero, e=zero)
        else:
            case_part = rows(case_rows, case_filter, c=Sum("count"), r=zero, e=zero)
        if totals is not None and not filters.destination:
            referral_part = rows(totals, {}, c=zero, r=Sum("referrals"), e=Sum("escalated"))
        else:
            escalated = Sum("count", filter=Q(escalated=True))
            referral_part = rows(referral_rows, referral_filter, c=zero, r=Sum("count"), e=escalated)
        query = case_part.union(referral_part, all=True)
    per_group: dict[int | None, list[int]] = defaultdict(lambda: [0, 0, 0])
    for key, *counts in query:
        per_group[key] = [total + (n or 0) for total, n in zip(per_group[key], counts, strict=True)]
    return per_group


def _training(
    filters: Filters, *, municipality_id: int | None, group_field: str, groups: Sequence[Group]
) -> tuple[list[TrainingRow], list[TrainingRow]]:
    """Training per group and per role (one query on ``TrainingRollup``)."""
    names = {g.pk: g.name for g in groups}
    training = TrainingRollup.objects.all()
    if municipality_id is not None:
        training = training.filter(municipality_id=municipality_id)
    if filters.municipality_id is not None:
        training = training.filter(municipality_id=filters.municipality_id)
    if filters.organisation_id is not None:
        training = training.filter(organisation_id=filters.organisation_id)
    per_group: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0])
    per_role: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for key, role, assigned, completed, overdue in (
        training.values_list(group_field, "role")
        .annotate(a=Sum("assigned"), c=Sum("completed"), o=Sum("overdue"))
        .order_by()
    ):
        for target in (per_group[key], per_role[role]):
            target[0] += assigned
            target[1] += completed
            target[2] += overdue
    by_group = [TrainingRow(pk, names[pk], *per_group[pk]) for pk in names if pk in per_group]
    return by_group, _role_rows(per_role)


def _role_rows(per_role: dict[str, list[int]]) -> list[TrainingRow]:
    return [TrainingRow(role.value, str(role.label), *per_role[role.value]) for role in Role if role.value in per_role]


def organisation_groups(municipality: Organisation) -> list[Group]:
    """The schools and clubs of a municipality (one query)."""
    return [
        Group(pk, name, slug)
        for pk, name, slug in Organisation.objects.filter(
            parent=municipality, kind__in=[OrganisationKind.SCHOOL, OrganisationKind.SPORTS_CLUB]
        )
        .order_by("name", "pk")
        .values_list("pk", "name", "slug")
    ]


def municipality_groups() -> list[Group]:
    """Every municipality (one query)."""
    return [
        Group(pk, name, slug)
        for pk, name, slug in Organisation.objects.filter(kind=OrganisationKind.MUNICIPALITY)
        .order_by("name", "pk")
        .values_list("pk", "name", "slug")
    ]


def training_by_role_live(matrix_rows: Sequence[MatrixRow]) -> list[TrainingRow]:
    """The coordinator's own staff per role, from the live training matrix."""
    per_role: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for row in matrix_rows:
        role = row.membership.role
        for cell in row.cells:
            if cell.due_date is None:
                continue
            target = per_role[role]
            target[0] += 1
            target[1] += cell.status in (TrainingStatus.DONE, TrainingStatus.EXPIRING)
            target[2] += cell.status == TrainingStatus.OVERDUE
    return _role_rows(per_role)


IN_TIME_DAYS = IN_TIME_WORKING_DAYS


@dataclass(frozen=True)
class OverdueWork:
    tasks: Shown
    follow_ups: Shown


def overdue_work(*, now: datetime) -> OverdueWork:
    """Live, in the organisation's scope (two counts on indexed columns of one
    organisation): open tasks of open cases past their date, and follow-up moments
    that are past and not sent (still planned or failed). Suppressed like every count."""
    today = timezone.localtime(now).date()
    tasks = CaseTask.objects.filter(
        status=CaseTask.Status.OPEN, due_date__lt=today, case__status=Case.Status.OPEN
    ).count()
    follow_ups = Reminder.objects.filter(
        kind=NotificationKind.CASE_FOLLOW_UP,
        status__in=[Reminder.Status.PENDING, Reminder.Status.FAILED],
        due_at__lt=now,
    ).count()
    return OverdueWork(tasks=suppress([("t", tasks)]).cells[0][1], follow_ups=suppress([("f", follow_ups)]).cells[0][1])
