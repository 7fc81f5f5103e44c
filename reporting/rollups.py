"""Rebuild the rollups from the source tables: ``rollups_refresh()``.

One transaction: the state row is locked first (two refreshes never interleave),
every rollup row is deleted and written again, and ``RollupState.refreshed_at`` is
set. Readers keep seeing the previous rows until the commit. Running it twice gives
the same rows (idempotent); it reads no victim data (no pseudonym, signal, summary).

Cases: one ``INSERT … SELECT … GROUP BY`` for "every case", written by the database
itself (the ORM builds the SELECT). The rows per form of online threat: on PostgreSQL
one more scan that unnests each case's list of forms (``_insert_forms_postgresql``);
elsewhere (SQLite) one ``INSERT … SELECT`` per form that matches the form's code in
the list's JSON text (portable, but a full scan per form). Referrals: grouped by the database per day
sent, acknowledged and closed, then sorted into acknowledgement and waiting-time
buckets in working days (``referrals.workdays``, public holidays per country),
which SQL cannot count. Training: four reads for all organisations together and the
status rule of ``training.selectors.training_status``.

Partners: the referrals each partner organisation received (``PartnerReferralDayRollup``),
one more grouped read of the referrals per partner, day sent, acknowledged and closed,
sorted into the same acknowledgement and waiting-time buckets, but in the partner's
working days (its country's holidays), as the partner's dashboard counts them.

Areas, last: the municipal and platform dashboards' tables (``AreaCaseMonthRollup``,
``AreaReferralMonthRollup``, ``OrganisationMonthTotal``, ``AreaMonthTotal``), each one
``INSERT … SELECT … GROUP BY`` over the organisation-level rows just written (a few
hundred thousand small rows: cheap), so both levels always hold the same counts.

Schedule: ``reporting.tasks.rollups_refresh`` every 5 minutes (portal/celery.py),
so the dashboards are at most about 5 minutes behind.
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db import connection, transaction
from django.db.models import Count, DateField, Max, Q, QuerySet, Sum, Value
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import TruncDate, TruncMonth
from django.utils import timezone
from django_scopes import scopes_disabled

from cms.models import ModulePage
from portal.models import Membership, Organisation
from referrals import workdays
from referrals.models import Case, Referral
from referrals.routing.vocabulary import FORMS
from reporting.dashboards import IN_TIME_WORKING_DAYS, bucket_of
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
from training.models import Assignment, Certificate
from training.selectors import TrainingStatus, training_status

BATCH = 5000


@dataclass(frozen=True)
class RefreshResult:
    case_rows: int
    referral_rows: int
    training_rows: int
    seconds: float
    area_rows: int = 0
    partner_rows: int = 0


def _insert_select(model: type[Any], columns: list[str], queryset: QuerySet[Any]) -> int:
    """``INSERT INTO <model> (columns) <the queryset's SELECT>``: the rows never leave the database.

    The queryset's ``values()`` must list exactly ``columns``, in that order."""
    sql, params = queryset.query.sql_with_params()
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(model._meta.get_field(c).column) for c in columns)
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {table} ({names}) {sql}", params)  # noqa: S608 - SQL built by the ORM
        return max(cursor.rowcount, 0)


CASE_COLUMNS = ["organisation", "municipality", "month", "form", "status", "count"]


def _case_select(form: str) -> QuerySet[Any]:
    tz = timezone.get_current_timezone()
    cases = Case.objects.all()
    if form:
        # The forms are a JSON list; its text holds each code in quotes ("threat"), so
        # this matches the whole code on both databases.
        cases = cases.annotate(forms_text=KeyTextTransform("forms", "facts")).filter(forms_text__contains=f'"{form}"')
    return (
        cases.annotate(
            r_month=TruncMonth("created_at", tzinfo=tz, output_field=DateField()),
            r_form=Value(form),
        )
        .values("organisation_id", "organisation__parent_id", "r_month", "r_form", "status")
        .annotate(r_count=Count("pk"))
        .order_by()
    )


def _insert_forms_postgresql() -> int:
    """The rows per form in one scan of the cases (PostgreSQL): each case's list of
    forms unnested, each known code once per case (``DISTINCT``: a code listed twice
    counts once, as the portable path's text match does). A ``forms`` that is not a
    list counts under no form. The month as ``TruncMonth`` makes it for the "every
    case" rows: the local month in the portal's time zone."""
    q = connection.ops.quote_name
    case, organisation = Case._meta.db_table, Organisation._meta.db_table
    rollup = CaseMonthRollup._meta
    columns = {field.name: field.column for field in rollup.concrete_fields if field.column}
    names = ", ".join(q(columns[c]) for c in CASE_COLUMNS)
    sql = (
        f"INSERT INTO {q(rollup.db_table)} ({names})"  # noqa: S608 - names from the models, values as parameters
        " SELECT c.organisation_id, o.parent_id,"
        " (date_trunc('month', c.created_at AT TIME ZONE %s))::date, f.form, c.status, count(*)"
        f" FROM {q(case)} c JOIN {q(organisation)} o ON o.id = c.organisation_id"
        " CROSS JOIN LATERAL (SELECT DISTINCT e.form FROM jsonb_array_elements_text("
        "   CASE WHEN jsonb_typeof(c.facts -> 'forms') = 'array' THEN c.facts -> 'forms' ELSE '[]'::jsonb END"
        " ) AS e(form)) AS f"
        " WHERE f.form = ANY(%s)"
        " GROUP BY c.organisation_id, o.parent_id, 3, f.form, c.status"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [timezone.get_current_timezone_name(), list(FORMS)])
        return max(cursor.rowcount, 0)


def _refresh_cases() -> int:
    every_case = _insert_select(CaseMonthRollup, CASE_COLUMNS, _case_select(""))
    if connection.vendor == "postgresql":
        return every_case + _insert_forms_postgresql()
    return every_case + sum(_insert_select(CaseMonthRollup, CASE_COLUMNS, _case_select(form)) for form in FORMS)


WorkingDays = dict[tuple[date, date, str], int]  # (first day, last day, country): working days between


def acknowledgement_of(
    *,
    status: str,
    sent_day: date,
    ack_day: date | None,
    closed_day: date | None,
    today: date,
    country: str,
    cache: WorkingDays,
) -> tuple[str, str]:
    """(acknowledgement key, waiting-time bucket) of one referral, as the partner's dashboard counts them."""
    if ack_day is not None:
        end = ack_day
    elif status == Referral.Status.CLOSED:
        end = closed_day or today
    else:
        end = today
    key = (sent_day, end, country)
    if key not in cache:
        cache[key] = max(0, workdays.working_days_between(sent_day, end, country))
    days = cache[key]
    if ack_day is not None:
        return ("in_time" if days <= IN_TIME_WORKING_DAYS else "late"), ""
    if status == Referral.Status.CLOSED:
        return "closed_unacknowledged", ""
    return "waiting", bucket_of(days)


def _refresh_referrals(today: date, cache: WorkingDays) -> int:
    tz = timezone.get_current_timezone()
    groups = (
        Referral.objects.exclude(status=Referral.Status.DRAFT)
        .filter(sent_at__isnull=False)
        .annotate(
            r_month=TruncMonth("sent_at", tzinfo=tz, output_field=DateField()),
            sent_day=TruncDate("sent_at", tzinfo=tz),
            ack_day=TruncDate("acknowledged_at", tzinfo=tz),
            closed_day=TruncDate("closed_at", tzinfo=tz),
        )
        .values_list(
            "organisation_id",
            "organisation__parent_id",
            "organisation__country",
            "r_month",
            "destination",
            "status",
            "outcome",
            "sent_day",
            "ack_day",
            "closed_day",
        )
        .annotate(
            n=Count("pk"),
            escalated_n=Count("pk", filter=Q(escalated_at__isnull=False)),
            label=Max("destination_label"),
        )
        .order_by()
    )
    counts: Counter[tuple[Any, ...]] = Counter()
    labels: dict[str, str] = {}
    for (
        org_id,
        muni_id,
        country,
        month,
        destination,
        status,
        outcome,
        sent,
        ack,
        closed,
        n,
        esc,
        label,
    ) in groups.iterator(chunk_size=BATCH):
        ack_key, bucket = acknowledgement_of(
            status=status, sent_day=sent, ack_day=ack, closed_day=closed, today=today, country=country, cache=cache
        )
        labels[destination] = max(labels.get(destination, ""), label or "")
        base = (org_id, muni_id, month, destination, status, outcome, ack_key, bucket)
        if n - esc:
            counts[(*base, False)] += n - esc
        if esc:
            counts[(*base, True)] += esc
    rows = (
        ReferralMonthRollup(
            organisation_id=org_id,
            municipality_id=muni_id,
            month=month,
            destination=destination,
            destination_label=labels[destination],
            status=status,
            outcome=outcome,
            ack=ack_key,
            bucket=bucket,
            escalated=escalated,
            count=n,
        )
        for (org_id, muni_id, month, destination, status, outcome, ack_key, bucket, escalated), n in counts.items()
    )
    ReferralMonthRollup.objects.bulk_create(rows, batch_size=BATCH)
    return len(counts)


def _refresh_partners(today: date, cache: WorkingDays) -> int:
    """``PartnerReferralDayRollup``: the referrals sent to a partner on the portal, grouped by
    the database per partner, day sent, status, outcome, day acknowledged and day closed;
    each group sorted by ``acknowledgement_of`` in the working days of the partner's country
    (``cache``: the working days the referral rollup already counted, shared)."""
    tz = timezone.get_current_timezone()
    groups = (
        Referral.objects.exclude(status=Referral.Status.DRAFT)
        .filter(sent_at__isnull=False, partner__isnull=False)
        .annotate(
            sent_day=TruncDate("sent_at", tzinfo=tz),
            ack_day=TruncDate("acknowledged_at", tzinfo=tz),
            closed_day=TruncDate("closed_at", tzinfo=tz),
        )
        .values_list("partner_id", "partner__country", "sent_day", "status", "outcome", "ack_day", "closed_day")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts: Counter[tuple[int, date, str, str, str, str]] = Counter()
    for partner_id, country, sent, status, outcome, ack, closed, n in groups.iterator(chunk_size=BATCH):
        ack_key, bucket = acknowledgement_of(
            status=status, sent_day=sent, ack_day=ack, closed_day=closed, today=today, country=country, cache=cache
        )
        counts[(partner_id, sent, status, outcome, ack_key, bucket)] += n
    PartnerReferralDayRollup.objects.bulk_create(
        (
            PartnerReferralDayRollup(
                partner_id=partner_id, day=day, status=status, outcome=outcome, ack=ack_key, bucket=bucket, count=n
            )
            for (partner_id, day, status, outcome, ack_key, bucket), n in counts.items()
        ),
        batch_size=BATCH,
    )
    return len(counts)


def _refresh_training(now: datetime) -> int:
    """Per organisation × role × module: assigned, completed, overdue (active members)."""
    by_role: dict[tuple[int, str], dict[int, date]] = defaultdict(dict)
    by_member: dict[int, dict[int, date]] = defaultdict(dict)
    module_ids: set[int] = set()
    for org_id, module_id, role, membership_id, due in Assignment.objects.values_list(
        "organisation_id", "module_id", "role", "membership_id", "due_date"
    ).iterator(chunk_size=BATCH):
        module_ids.add(module_id)
        target = by_member[membership_id] if membership_id else by_role[(org_id, role)]
        target[module_id] = min(due, target.get(module_id, due))
    if not module_ids:
        return 0
    titles = dict(ModulePage.objects.filter(pk__in=module_ids).values_list("pk", "title"))
    expiry = {
        (user_id, module_id): expires_at
        for user_id, module_id, expires_at in Certificate.objects.filter(module_id__in=module_ids)
        .values_list("user_id", "module_id")
        .annotate(expires_at=Max("expires_at"))
        .order_by()
        .iterator(chunk_size=BATCH)
    }
    counts: dict[tuple[int, int | None, str, int], list[int]] = defaultdict(lambda: [0, 0, 0])
    for pk, org_id, muni_id, user_id, role in (
        Membership.objects.filter(is_active=True)
        .values_list("pk", "organisation_id", "organisation__parent_id", "user_id", "role")
        .iterator(chunk_size=BATCH)
    ):
        due_by_module = dict(by_role.get((org_id, role), {}))
        for module_id, due in by_member.get(pk, {}).items():
            due_by_module[module_id] = min(due, due_by_module.get(module_id, due))
        for module_id, due in due_by_module.items():
            if module_id not in titles:
                continue
            status = training_status(
                due_date=due, certificate_expires_at=expiry.get((user_id, module_id)), has_open_attempt=False, now=now
            )
            cell = counts[(org_id, muni_id, role, module_id)]
            cell[0] += 1
            cell[1] += status in (TrainingStatus.DONE, TrainingStatus.EXPIRING)
            cell[2] += status == TrainingStatus.OVERDUE
    TrainingRollup.objects.bulk_create(
        (
            TrainingRollup(
                organisation_id=org_id,
                municipality_id=muni_id,
                role=role,
                module_id=module_id,
                module_title=titles[module_id],
                assigned=assigned,
                completed=completed,
                overdue=overdue,
            )
            for (org_id, muni_id, role, module_id), (assigned, completed, overdue) in counts.items()
        ),
        batch_size=BATCH,
    )
    return len(counts)


AREA_CASE_COLUMNS = ["municipality", "month", "form", "status", "count"]
AREA_REFERRAL_COLUMNS = [
    "municipality",
    "month",
    "destination",
    "destination_label",
    "status",
    "outcome",
    "ack",
    "bucket",
    "escalated",
    "count",
]
AREA_TOTAL_COLUMNS = ["municipality", "month", "cases", "referrals", "escalated"]


def _insert_organisation_totals() -> int:
    """Per organisation and month: the "every case" rows and the referral rows (and the
    escalated ones among them) added up, one row each (``UNION ALL``, then ``GROUP BY``)."""
    q = connection.ops.quote_name
    total, cases, referrals = (
        q(model._meta.db_table) for model in (OrganisationMonthTotal, CaseMonthRollup, ReferralMonthRollup)
    )
    count = q("count")
    sql = (
        f"INSERT INTO {total} (organisation_id, municipality_id, month, cases, referrals, escalated)"  # noqa: S608 - table names from the models
        " SELECT organisation_id, municipality_id, month, SUM(cases), SUM(referrals), SUM(escalated) FROM ("
        f" SELECT organisation_id, municipality_id, month, {count} AS cases, 0 AS referrals, 0 AS escalated"
        f" FROM {cases} WHERE form = ''"
        " UNION ALL"
        f" SELECT organisation_id, municipality_id, month, 0, {count}, CASE WHEN escalated THEN {count} ELSE 0 END"
        f" FROM {referrals}"
        ") AS parts GROUP BY organisation_id, municipality_id, month"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return max(cursor.rowcount, 0)


def _refresh_areas() -> int:
    """The area-level tables from the organisation-level rows just written (same transaction)."""
    rows = _insert_select(
        AreaCaseMonthRollup,
        AREA_CASE_COLUMNS,
        CaseMonthRollup.objects.values("municipality_id", "month", "form", "status")
        .annotate(n=Sum("count"))
        .order_by(),
    )
    rows += _insert_select(
        AreaReferralMonthRollup,
        AREA_REFERRAL_COLUMNS,
        ReferralMonthRollup.objects.values(
            *(f"{c}_id" if c == "municipality" else c for c in AREA_REFERRAL_COLUMNS[:-1])
        )
        .annotate(n=Sum("count"))
        .order_by(),
    )
    rows += _insert_organisation_totals()
    rows += _insert_select(
        AreaMonthTotal,
        AREA_TOTAL_COLUMNS,
        OrganisationMonthTotal.objects.values("municipality_id", "month")
        .annotate(c=Sum("cases"), r=Sum("referrals"), e=Sum("escalated"))
        .order_by(),
    )
    return rows


@scopes_disabled()
def rollups_refresh(*, now: datetime | None = None, progress: Any = None) -> RefreshResult:
    """Rebuild every rollup from the source tables in one transaction. Idempotent.

    ``progress`` (optional) is called with a short line per step (the management command prints them).
    """
    now = now or timezone.now()
    today = timezone.localtime(now).date()
    say = progress or (lambda _line: None)
    started = time.monotonic()
    with transaction.atomic():
        RollupState.objects.get_or_create(key=STATE_KEY)
        state = RollupState.objects.select_for_update().get(key=STATE_KEY)
        CaseMonthRollup.objects.all().delete()
        ReferralMonthRollup.objects.all().delete()
        PartnerReferralDayRollup.objects.all().delete()
        TrainingRollup.objects.all().delete()
        for model in (AreaCaseMonthRollup, AreaReferralMonthRollup, OrganisationMonthTotal, AreaMonthTotal):
            model.objects.all().delete()
        say("Oude cijfers verwijderd.")
        case_rows = _refresh_cases()
        say(f"Casussen: {case_rows} rijen ({time.monotonic() - started:.1f} s).")
        working_days: WorkingDays = {}
        referral_rows = _refresh_referrals(today, working_days)
        say(f"Doorverwijzingen: {referral_rows} rijen ({time.monotonic() - started:.1f} s).")
        partner_rows = _refresh_partners(today, working_days)
        say(f"Partners: {partner_rows} rijen ({time.monotonic() - started:.1f} s).")
        training_rows = _refresh_training(now)
        say(f"Training: {training_rows} rijen ({time.monotonic() - started:.1f} s).")
        area_rows = _refresh_areas()
        say(f"Gemeenten en totalen: {area_rows} rijen ({time.monotonic() - started:.1f} s).")
        seconds = time.monotonic() - started
        state.refreshed_at = now
        state.seconds = seconds
        state.save(update_fields=["refreshed_at", "seconds"])
    return RefreshResult(
        case_rows=case_rows,
        referral_rows=referral_rows,
        training_rows=training_rows,
        seconds=seconds,
        area_rows=area_rows,
        partner_rows=partner_rows,
    )
