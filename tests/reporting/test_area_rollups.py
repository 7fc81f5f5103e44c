"""The area-level rollups (per municipality) and the one-scan refresh of the forms on PostgreSQL.

The municipal and platform dashboards read the area-level tables unless a view is
filtered to one organisation; these tests compare every figure with the same read
from the organisation-level rollups (``source=ORGANISATION``) for many filters."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.db.models import Sum
from django.test.utils import CaptureQueriesContext
from django_scopes import scopes_disabled

from referrals.models import Case, Referral
from referrals.routing.vocabulary import FORMS
from reporting import selectors
from reporting.models import (
    AreaCaseMonthRollup,
    AreaMonthTotal,
    AreaReferralMonthRollup,
    CaseMonthRollup,
    OrganisationMonthTotal,
    ReferralMonthRollup,
)
from reporting.rollups import CASE_COLUMNS, _case_select, _insert_select, rollups_refresh
from tests.factories import MunicipalityFactory, SchoolFactory
from tests.reporting.helpers import NOW, frozen

pytestmark = pytest.mark.django_db

AMS = ZoneInfo("Europe/Amsterdam")
S = Referral.Status
DESTINATIONS = {"slachtofferhulp": "Slachtofferhulp", "politie": "Politie", "helpwanted": "Helpwanted"}
OUTCOMES = [o for o in Referral.Outcome if o != Referral.Outcome.CANCELLED]


@pytest.fixture
def land():
    """Three municipalities: two schools, one school, none."""
    south = MunicipalityFactory(name="Gemeente Zuid", slug="gemeente-zuid")
    north = MunicipalityFactory(name="Gemeente Noord", slug="gemeente-noord")
    return {
        "south": south,
        "north": north,
        "one": SchoolFactory(name="School Een", slug="school-een", parent=south),
        "two": SchoolFactory(name="School Twee", slug="school-twee", parent=south),
        "far": SchoolFactory(name="School Ver", slug="school-ver", parent=north),
        # A municipality's own cases have no municipality in the rollups (only schools and clubs have one).
        "loose": MunicipalityFactory(name="Gemeente West", slug="gemeente-west"),
    }


def fill(orgs, *, per_org: int = 300, seed: int = 6) -> None:
    """Cases over the first half of 2026 with random forms and statuses; a referral for
    about half of them, in every status, outcome, acknowledgement and escalation."""
    rng = random.Random(seed)
    with scopes_disabled():
        cases = []
        for org in orgs:
            for i in range(per_org):
                created = datetime(2026, 1, 1, tzinfo=AMS) + timedelta(hours=rng.randrange(0, 165 * 24))
                closed = rng.random() < 0.3
                forms = rng.sample(FORMS, rng.choice([0, 1, 1, 2, 3]))
                cases.append(
                    Case(
                        organisation=org,
                        reference=f"A{org.pk}-{i}",
                        pseudonym="J.B.",
                        facts={"country": "NL", "forms": forms},
                        status=Case.Status.CLOSED if closed else Case.Status.OPEN,
                        closed_at=created + timedelta(days=1) if closed else None,
                        created_at=created,
                    )
                )
        made = Case.objects.bulk_create(cases)
        referrals = []
        for case in made:
            if rng.random() < 0.5:
                continue
            destination = rng.choice(list(DESTINATIONS))
            status = rng.choice([S.SENT, S.ACKNOWLEDGED, S.ACCEPTED, S.DECLINED, S.CLOSED])
            sent = min(case.created_at + timedelta(hours=rng.randrange(1, 200)), NOW - timedelta(hours=1))
            if status == S.SENT:  # still waiting: spread over the waiting-time buckets
                sent = NOW - timedelta(days=rng.choice([0, 3, 4, 8, 12, 40]), hours=1)
            acknowledged = sent + timedelta(days=rng.choice([0, 1, 2, 4, 9])) if status != S.SENT else None
            if status == S.CLOSED and rng.random() < 0.3:
                acknowledged = None  # closed before it was acknowledged
            referrals.append(
                Referral(
                    organisation=case.organisation,
                    case=case,
                    destination=destination,
                    destination_label=DESTINATIONS[destination],
                    summary="",
                    status=status,
                    outcome=rng.choice(OUTCOMES) if status == S.CLOSED else "",
                    sent_at=sent,
                    acknowledged_at=min(acknowledged, NOW) if acknowledged else None,
                    closed_at=sent + timedelta(days=3) if status == S.CLOSED else None,
                    escalated_at=sent + timedelta(days=5) if rng.random() < 0.2 else None,
                )
            )
        Referral.objects.bulk_create(referrals)


def refresh():
    with frozen():
        return rollups_refresh()


def both(**kwargs):
    """The dashboard read from the area-level tables and from the organisation-level ones."""
    with frozen():
        return (
            selectors.area_dashboard(**kwargs, source=selectors.AUTO),
            selectors.area_dashboard(**kwargs, source=selectors.ORGANISATION),
        )


HALF_YEAR = {"start": date(2026, 1, 1), "end": date(2026, 6, 1)}
FILTERS = [
    {},
    {"form": "threat"},
    {"status": "closed"},
    {"destination": "politie"},
    {"form": "doxing", "status": "open", "destination": "slachtofferhulp"},
    {"start": date(2026, 3, 1), "end": date(2026, 4, 1)},
    {"start": date(2026, 5, 1), "end": date(2026, 5, 1), "form": "stalking"},
]


def groups_of(land, level):
    if level == "municipal":
        return {
            "municipality_id": land["south"].pk,
            "groups": selectors.organisation_groups(land["south"]),
            "group_by": "organisation",
        }
    return {"groups": selectors.municipality_groups(), "group_by": "municipality"}


@pytest.mark.parametrize("level", ["municipal", "platform"])
def test_area_tables_give_the_same_dashboard_as_the_organisation_tables(land, level):
    fill([land["one"], land["two"], land["far"], land["loose"]])
    refresh()
    where = groups_of(land, level)
    extra = [{"organisation_id": land["two"].pk}] if level == "municipal" else [{"municipality_id": land["north"].pk}]
    for params in [*FILTERS, *extra]:
        filters = selectors.Filters(**{**HALF_YEAR, **params})
        area, organisation = both(filters=filters, **where)
        assert area == organisation, params
    # The comparison could fail: with this much data the unfiltered tables are all shown.
    area, _organisation = both(filters=selectors.Filters(**HALF_YEAR), **where)
    assert None not in (area.statuses, area.forms, area.destinations, area.outcomes, area.group_cases)
    assert area.group_referrals is not None and area.group_escalated is not None
    with scopes_disabled():
        counted = Case.objects.filter(organisation__parent=land["south"]) if level == "municipal" else Case.objects
        assert area.trend.total == counted.count()  # the platform counts a municipality's own cases too


def test_municipal_figures_equal_direct_counts(land):
    fill([land["one"], land["two"], land["far"]])
    refresh()
    area, _organisation = both(filters=selectors.Filters(**HALF_YEAR), **groups_of(land, "municipal"))
    with scopes_disabled():
        south = Case.objects.filter(organisation__parent=land["south"])
        sent = Referral.objects.filter(organisation__parent=land["south"]).exclude(status=S.DRAFT)
        assert area.trend.total == south.count()
        assert dict(area.statuses.cells) == dict(Counter(south.values_list("status", flat=True)))
        assert dict(area.group_cases.cells) == {
            land[k].pk: south.filter(organisation=land[k]).count() for k in ("one", "two")
        }
        assert dict(area.group_referrals.cells) == {
            land[k].pk: sent.filter(organisation=land[k]).count() for k in ("one", "two")
        }
        assert dict(area.group_escalated.cells) == {
            land[k].pk: sent.filter(organisation=land[k], escalated_at__isnull=False).count() for k in ("one", "two")
        }
        assert dict(area.destinations.cells) == dict(Counter(sent.values_list("destination", flat=True)))
        threat = sum("threat" in c.facts["forms"] for c in south)
    assert dict(area.forms.cells)["threat"] == threat


def test_refresh_writes_area_rows_from_the_organisation_rows(land):
    fill([land["one"], land["two"], land["far"], land["loose"]], per_org=80)
    first = refresh()

    def grouped(model, keys, value="count"):
        return {
            tuple(row[:-1]): row[-1]
            for row in model.objects.values_list(*keys).annotate(n=Sum(value)).order_by()
            if row[-1]
        }

    case_keys = ["municipality_id", "month", "form", "status"]
    assert grouped(AreaCaseMonthRollup, case_keys) == grouped(CaseMonthRollup, case_keys)
    assert AreaCaseMonthRollup.objects.count() == len(grouped(CaseMonthRollup, case_keys))
    referral_keys = [
        "municipality_id", "month", "destination", "destination_label", "status", "outcome", "ack", "bucket", "escalated",
    ]  # fmt: skip
    assert grouped(AreaReferralMonthRollup, referral_keys) == grouped(ReferralMonthRollup, referral_keys)
    with scopes_disabled():
        cases = Counter(
            (c.organisation_id, c.organisation.parent_id, c.created_at.astimezone(AMS).date().replace(day=1))
            for c in Case.objects.select_related("organisation")
        )
        referrals, escalated = Counter(), Counter()
        for r in Referral.objects.exclude(status=S.DRAFT).select_related("organisation"):
            key = (r.organisation_id, r.organisation.parent_id, r.sent_at.astimezone(AMS).date().replace(day=1))
            referrals[key] += 1
            escalated[key] += r.escalated_at is not None
    totals = {
        (t.organisation_id, t.municipality_id, t.month): (t.cases, t.referrals, t.escalated)
        for t in OrganisationMonthTotal.objects.all()
    }
    assert totals == {key: (cases[key], referrals[key], escalated[key]) for key in cases | referrals}
    assert OrganisationMonthTotal.objects.filter(municipality=None).exists()  # a municipality's own cases
    per_area = Counter()
    for (_org, municipality, month), values in totals.items():
        per_area[(municipality, month, "c")] += values[0]
        per_area[(municipality, month, "r")] += values[1]
        per_area[(municipality, month, "e")] += values[2]
    for total in AreaMonthTotal.objects.all():
        assert (total.cases, total.referrals, total.escalated) == tuple(
            per_area[(total.municipality_id, total.month, kind)] for kind in "cre"
        )
    assert AreaMonthTotal.objects.count() == len({(m, month) for _o, m, month in totals})
    # Idempotent, and counted in the result.
    assert first.area_rows == sum(
        m.objects.count()
        for m in (AreaCaseMonthRollup, AreaReferralMonthRollup, OrganisationMonthTotal, AreaMonthTotal)
    )
    assert refresh().area_rows == first.area_rows


def _tables(queries) -> set[str]:
    sql = " ".join(q["sql"] for q in queries.captured_queries)
    names = [
        "reporting_casemonthrollup",
        "reporting_referralmonthrollup",
        "reporting_areacasemonthrollup",
        "reporting_areareferralmonthrollup",
        "reporting_organisationmonthtotal",
        "reporting_areamonthtotal",
    ]
    return {name for name in names if f'"{name}"' in sql}


@pytest.mark.parametrize(
    ("level", "params", "expected"),
    [
        ("municipal", {}, {"areacasemonthrollup", "areareferralmonthrollup", "organisationmonthtotal"}),
        ("platform", {}, {"areacasemonthrollup", "areareferralmonthrollup", "areamonthtotal"}),
        ("platform", {"form": "threat", "destination": "politie"}, {"areacasemonthrollup", "areareferralmonthrollup"}),
        # The comparison per organisation, filtered, needs the organisation-level rows.
        (
            "municipal",
            {"status": "open"},
            {"areacasemonthrollup", "areareferralmonthrollup", "casemonthrollup", "organisationmonthtotal"},
        ),
        ("municipal", {"organisation": "two"}, {"casemonthrollup", "referralmonthrollup"}),
    ],
)
def test_which_tables_a_view_reads_and_query_count(land, level, params, expected):
    fill([land["one"], land["two"], land["far"]], per_org=20)
    refresh()
    where = groups_of(land, level)
    if "organisation" in params:
        params = {"organisation_id": land[params["organisation"]].pk}
    with CaptureQueriesContext(connection) as queries:
        both_views = selectors.area_dashboard(filters=selectors.Filters(**HALF_YEAR, **params), **where)
    assert both_views.groups
    assert _tables(queries) == {f"reporting_{name}" for name in expected}
    # refreshed_at, cases, forms, referrals, the comparison, training, and the headline's
    # previous period (referrals, and training coverage then: two counts): the same for
    # every filter.
    assert len(queries) == 9


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the one-scan refresh of the forms is PostgreSQL's")
def test_postgresql_one_scan_gives_the_rows_of_the_portable_refresh(land):
    fill([land["one"], land["two"], land["loose"]], per_org=60)
    odd = [
        ["threat", "threat"],  # a code twice counts once
        ["threat", "no_such_form", "doxing"],
        [],
        "threat",  # not a list: no form
        None,
    ]
    with scopes_disabled():
        Case.objects.bulk_create(
            Case(
                organisation=land["one"],
                reference=f"ODD-{i}",
                pseudonym="x",
                facts={"country": "NL"} if forms is None else {"country": "NL", "forms": forms},
                created_at=moment,
            )
            for i, (forms, moment) in enumerate(
                (forms, moment)
                for forms in odd
                # Either side of a month's start in Amsterdam (the UTC date is the other month).
                for moment in (datetime(2026, 5, 31, 23, 30, tzinfo=AMS), datetime(2026, 6, 1, 0, 30, tzinfo=AMS))
            )
        )
    refresh()
    rows = ["organisation_id", "municipality_id", "month", "form", "status", "count"]
    fast = sorted(CaseMonthRollup.objects.values_list(*rows))
    CaseMonthRollup.objects.all().delete()
    with scopes_disabled():
        portable = sum(_insert_select(CaseMonthRollup, CASE_COLUMNS, _case_select(form)) for form in ("", *FORMS))
    assert sorted(CaseMonthRollup.objects.values_list(*rows)) == fast
    assert portable == len(fast)
    with scopes_disabled():
        expected = Counter(
            case.created_at.astimezone(AMS).date().replace(day=1)
            for case in Case.objects.filter(organisation=land["one"])
            if isinstance(case.facts.get("forms"), list) and "threat" in case.facts["forms"]
        )
    threat = Counter()
    for org, _municipality, month, form, _status, count in fast:
        if org == land["one"].pk and form == "threat":
            threat[month] += count
    assert threat == expected
    assert expected[date(2026, 5, 1)] >= 2 and expected[date(2026, 6, 1)] >= 2


# --- The cache of the municipal and platform dashboards -----------------------------------------


@pytest.mark.parametrize("level", ["municipal", "platform"])
def test_the_cached_read_equals_the_read_and_costs_one_query(land, level):
    fill([land["one"], land["two"], land["far"]], per_org=20)
    refresh()
    where = groups_of(land, level)
    filters = selectors.Filters(**HALF_YEAR)
    with CaptureQueriesContext(connection) as first:
        cold = selectors.cached_area_dashboard(filters=filters, **where)
    with CaptureQueriesContext(connection) as second:
        warm = selectors.cached_area_dashboard(filters=filters, **where)
    assert warm == cold == selectors.area_dashboard(filters=filters, **where)
    assert len(first) == 10  # the rollups' state, then the nine of the read
    assert len(second) == 1  # the rollups' state only
    # Other filters are another entry.
    other = selectors.cached_area_dashboard(filters=selectors.Filters(**HALF_YEAR, form="threat"), **where)
    assert other.trend != cold.trend


def test_a_refresh_makes_the_next_read_count_again(land):
    where = groups_of(land, "municipal")
    filters = selectors.Filters(**HALF_YEAR)
    fill([land["one"]], per_org=20)
    refresh()
    before = selectors.cached_area_dashboard(filters=filters, **where)
    fill([land["two"]], per_org=30, seed=9)
    assert selectors.cached_area_dashboard(filters=filters, **where) == before  # not refreshed: the same figures
    refresh()
    after = selectors.cached_area_dashboard(filters=filters, **where)
    assert after == selectors.area_dashboard(filters=filters, **where)
    assert after.trend.total != before.trend.total
