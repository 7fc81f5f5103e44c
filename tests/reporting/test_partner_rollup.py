"""The rollup of received referrals per partner and day (``PartnerReferralDayRollup``)
and the partner's dashboard that reads it (``reporting.selectors.partner_rollup_dashboard``).

The live count (``reporting.dashboards.partner_dashboard``) is the reference: for a varied
set of referrals and many filters, the rollup must hand ``partner_tables`` exactly the
same counts (compared before suppression, so a "<5" cannot hide a difference) and the
page must show the same tables."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django_scopes import scope, scopes_disabled
from django_scopes.exceptions import ScopeError

from portal.roles import Role
from referrals.models import Referral
from reporting import dashboards, selectors
from reporting.dashboards import FILTER_STATUSES, PartnerFilters
from reporting.models import PartnerReferralDayRollup, ReferralMonthRollup, RollupState
from reporting.rollups import rollups_refresh
from tests.factories import PartnerFactory
from tests.referrals.factories import RoutedCaseFactory

pytestmark = pytest.mark.django_db

AMS = ZoneInfo("Europe/Amsterdam")
# Monday 16 November 2026. Wednesday 11 November is a public holiday in Belgium, not in
# the Netherlands; Sunday 25 October the clocks went back an hour.
NOW = datetime(2026, 11, 16, 10, 0, tzinfo=AMS)
S = Referral.Status
Out = Referral.Outcome
OUTCOMES = [o for o in Out if o != Out.CANCELLED]

FILTERS = [
    PartnerFilters(),
    PartnerFilters(start=date(2026, 11, 10), end=date(2026, 11, 10)),
    PartnerFilters(start=date(2026, 11, 9), end=date(2026, 11, 9)),
    PartnerFilters(end=date(2026, 11, 9)),
    PartnerFilters(start=date(2026, 10, 25), end=date(2026, 10, 25)),
    PartnerFilters(start=date(2026, 10, 24), end=date(2026, 10, 24)),
    PartnerFilters(start=date(2026, 9, 15), end=date(2026, 10, 1)),
    PartnerFilters(start=date(2026, 11, 1)),
    *(PartnerFilters(status=status) for status in FILTER_STATUSES),
    PartnerFilters(start=date(2026, 11, 1), status=S.SENT),
    PartnerFilters(start=date(2026, 9, 1), end=date(2026, 10, 31), status=S.ACKNOWLEDGED),
    PartnerFilters(start=date(2027, 1, 1)),  # nothing yet
]


def at(month: int, day: int, hour: int = 10, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=AMS)


def referral(case, partner, status, sent, ack=None, closed=None, outcome="", escalated=None, destination="shn"):
    return Referral(
        organisation=case.organisation,
        case=case,
        partner=partner,
        destination=destination,
        destination_label=destination.upper(),
        summary="",
        status=status,
        outcome=outcome,
        sent_at=sent,
        acknowledged_at=ack,
        closed_at=closed,
        escalated_at=escalated,
    )


def fixed_cases(case, partner) -> list[Referral]:
    """Every way a received referral can be counted, with the local day and the working
    days each one lands on (NL)."""
    rows = []
    rows += [referral(case, partner, S.ACKNOWLEDGED, at(11, 9), at(11, 10)) for _ in range(6)]  # 1 day: in time
    rows += [referral(case, partner, S.ACCEPTED, at(11, 2), at(11, 9)) for _ in range(5)]  # 5 days: late
    rows += [  # late (4 working days), then closed
        referral(case, partner, S.CLOSED, at(10, 26), at(10, 30), at(11, 5), Out.HELPED) for _ in range(3)
    ]
    rows += [referral(case, partner, S.CLOSED, at(11, 3), None, at(11, 4), Out.WITHDRAWN) for _ in range(2)]
    rows.append(referral(case, partner, S.CLOSED, at(11, 3), None, at(11, 3, 12), Out.CANCELLED))
    rows += [referral(case, partner, S.DECLINED, at(11, 5), at(11, 6)) for _ in range(2)]
    rows += [referral(case, partner, S.SENT, at(11, 16, 8)) for _ in range(3)]  # waiting 0 days
    rows += [  # waiting 3 working days, escalated
        referral(case, partner, S.SENT, at(11, 11), escalated=at(11, 13)) for _ in range(4)
    ]
    rows += [referral(case, partner, S.SENT, at(11, 2), escalated=at(11, 9)) for _ in range(5)]  # 10 days: 6+
    # Around midnight: the local day counts, not the UTC one. 9 Nov 23:30 → 12 Nov 00:30
    # (which is 11 Nov in UTC) is 3 working days, late; 10 Nov 00:30 (9 Nov in UTC) → 12 Nov is 2, in time.
    rows.append(referral(case, partner, S.ACKNOWLEDGED, at(11, 9, 23, 30), at(11, 12, 0, 30)))
    rows.append(referral(case, partner, S.ACKNOWLEDGED, at(11, 10, 0, 30), at(11, 12, 9)))
    # The night the clocks went back: 00:30 summer time (24 Oct in UTC) and 23:30 winter time, both on the 25th.
    rows.append(referral(case, partner, S.ACKNOWLEDGED, at(10, 25, 0, 30), at(10, 26)))  # 1 day: in time
    rows.append(referral(case, partner, S.ACKNOWLEDGED, at(10, 25, 23, 30), at(10, 28)))  # 3 days: late
    return rows


def random_cases(case, partner, *, count: int, seed: int) -> list[Referral]:
    """Sent between 1 September and 20 October (the fixed cases own the weeks after), at any hour."""
    rng = random.Random(seed)
    rows = []
    for _ in range(count):
        sent = at(9, 1, 0) + timedelta(minutes=rng.randrange(0, 50 * 24 * 60))
        status = rng.choice([S.SENT, S.ACKNOWLEDGED, S.ACCEPTED, S.DECLINED, S.CLOSED])
        ack = None if status == S.SENT else sent + timedelta(hours=rng.choice([1, 14, 20, 30, 50, 75, 100, 200]))
        if status == S.CLOSED and rng.random() < 0.3:
            ack = None
        closed = (ack or sent) + timedelta(days=rng.randrange(1, 6)) if status == S.CLOSED else None
        rows.append(
            referral(
                case,
                partner,
                status,
                sent,
                ack,
                closed,
                rng.choice(OUTCOMES) if status == S.CLOSED else "",
                escalated=sent + timedelta(days=5) if rng.random() < 0.2 else None,
            )
        )
    return rows


@pytest.fixture
def world(org, other_org):
    """Three partners: ``nl`` (fixed and random referrals, drafts), ``be`` (Flemish, the
    referrer Dutch) and ``other`` (another referrer's too); referrals by link (no partner)."""
    nl = PartnerFactory(name="Slachtofferhulp Zuid", slug="shn-zuid")
    be = PartnerFactory(name="Slachtofferhulp Vlaanderen", slug="shn-vlaanderen", country="BE")
    other = PartnerFactory(name="Andere partner", slug="andere-partner")
    case, other_case = RoutedCaseFactory(organisation=org), RoutedCaseFactory(organisation=other_org)
    rows = fixed_cases(case, nl) + random_cases(case, nl, count=160, seed=6)
    # Drafts are not received: not even one with a date.
    rows += [referral(case, nl, S.DRAFT, None) for _ in range(2)]
    rows.append(referral(case, nl, S.DRAFT, at(11, 9)))
    # Belgium: 10 → 13 November is 2 working days there (the 11th is a holiday), 3 in the Netherlands;
    # waiting since 6 November is 5 working days there, 6 here.
    rows += [referral(case, be, S.ACKNOWLEDGED, at(11, 10), at(11, 13), destination="vl") for _ in range(6)]
    rows += [referral(case, be, S.SENT, at(11, 6), destination="vl") for _ in range(2)]
    rows += [referral(other_case, other, S.ACKNOWLEDGED, at(11, 9), at(11, 10)) for _ in range(7)]
    rows += [referral(case, other, S.SENT, at(11, 2)) for _ in range(3)]
    rows += [referral(case, None, S.SENT, at(11, 9)) for _ in range(4)]  # by link
    rows += [referral(case, None, S.ACKNOWLEDGED, at(11, 9), at(11, 10)) for _ in range(2)]
    with scopes_disabled():
        Referral.objects.bulk_create(rows)
    return {"nl": nl, "be": be, "other": other}


def refresh():
    return rollups_refresh(now=NOW)


def frozen():
    return time_machine.travel(NOW, tick=False)


def live(partner, filters: PartnerFilters) -> dashboards.PartnerDashboard:
    with scope(organisation=partner):
        return dashboards.partner_dashboard(country=partner.country, filters=filters, now=NOW)


def rolled(partner, filters: PartnerFilters) -> dashboards.PartnerDashboard:
    with scope(organisation=partner):
        return selectors.partner_rollup_dashboard(
            partner_id=partner.pk, country=partner.country, filters=filters, now=NOW
        )


@pytest.fixture
def counted(monkeypatch):
    """What each read hands to ``partner_tables``: the counts before suppression (zeros left out)."""
    seen: list[dict[str, dict[str, int]]] = []
    real = dashboards.partner_tables

    def record(**kwargs):
        names = ("acknowledgement", "buckets", "outcome_counts")
        seen.append({name: {key: n for key, n in kwargs[name].items() if n} for name in names})
        return real(**kwargs)

    monkeypatch.setattr(dashboards, "partner_tables", record)
    monkeypatch.setattr(selectors, "partner_tables", record)
    return seen


def received_count(partner) -> int:
    """The referrals this partner received, counted one by one."""
    with scopes_disabled():
        return sum(1 for r in Referral.objects.filter(partner=partner) if r.status != S.DRAFT and r.sent_at is not None)


# --- The rollup gives the live figures ----------------------------------------------------


@pytest.mark.parametrize("which", ["nl", "be"])
def test_the_rollup_gives_the_live_figures_for_every_filter(world, counted, which):
    partner = world[which]
    refresh()
    for filters in FILTERS:
        counted.clear()
        from_rollup = rolled(partner, filters)
        from_live = live(partner, filters)
        assert counted[0] == counted[1], filters
        assert from_rollup.refreshed_at == NOW
        assert replace(from_rollup, refreshed_at=None) == from_live, filters
    # The set is varied enough to mean something: every acknowledgement, waiting time and outcome.
    rolled(world["nl"], PartnerFilters())
    everything = counted[-1]
    assert set(everything["acknowledgement"]) == {"in_time", "late", "closed_unacknowledged"}
    assert set(everything["buckets"]) == {"0-1", "2-5", "6+"}
    assert set(everything["outcome_counts"]) == {*OUTCOMES, Out.CANCELLED}


def test_days_are_days_in_amsterdam(world, counted):
    refresh()
    expected = {
        date(2026, 11, 10): {"in_time": 1},  # 00:30 local, the 9th in UTC
        date(2026, 11, 9): {"in_time": 6, "late": 1},  # with 23:30 local, late in local working days
        date(2026, 10, 25): {"in_time": 1, "late": 1},  # both sides of the clock change
        date(2026, 10, 24): {},
    }
    for day, acknowledgement in expected.items():
        rolled(world["nl"], PartnerFilters(start=day, end=day, status=S.ACKNOWLEDGED))
        assert counted[-1]["acknowledgement"] == acknowledgement, day
    rows = Counter()
    for day, n in PartnerReferralDayRollup.objects.filter(partner=world["nl"], day__gte=date(2026, 10, 24)).values_list(
        "day", "count"
    ):
        rows[day] += n
    assert rows[date(2026, 10, 25)] == 2 and rows[date(2026, 10, 24)] == 0


def test_a_flemish_partner_counts_belgian_working_days(world):
    refresh()
    rows = {
        (r.day, r.status, r.ack, r.bucket): r.count
        for r in PartnerReferralDayRollup.objects.filter(partner=world["be"])
    }
    assert rows == {
        (date(2026, 11, 10), S.ACKNOWLEDGED, "in_time", ""): 6,
        (date(2026, 11, 6), S.SENT, "waiting", "2-5"): 2,
    }
    # The referrer's rollup counts the referrer's (Dutch) working days: there the same ones are late and 6+.
    referrer = {(r.ack, r.bucket): r.count for r in ReferralMonthRollup.objects.filter(destination="vl")}
    assert referrer == {("late", ""): 6, ("waiting", "6+"): 2}
    data = rolled(world["be"], PartnerFilters())
    assert (data.in_time, data.acknowledgement["late"], data.in_time_percentage) == (6, 0, 100)


# --- Whose referrals count --------------------------------------------------------------------


def test_only_a_partners_own_sent_referrals_count(world, counted):
    refresh()
    per_partner = Counter()
    for partner_id, n in PartnerReferralDayRollup.objects.values_list("partner_id", "count"):
        per_partner[partner_id] += n
    # Drafts (one of them dated) and referrals by link are in no partner's rows.
    assert per_partner == {p.pk: received_count(p) for p in world.values()}
    assert per_partner[world["nl"].pk] == 6 + 5 + 3 + 2 + 1 + 2 + 3 + 4 + 5 + 4 + 160
    assert per_partner[world["other"].pk] == 10  # from two referrers
    for partner in world.values():
        rolled(partner, PartnerFilters())
        counts = counted[-1]
        assert sum(counts["acknowledgement"].values()) + sum(counts["buckets"].values()) == received_count(partner)


def test_the_rollup_is_read_only_in_the_partners_scope(world):
    refresh()
    with scope(organisation=world["other"]), pytest.raises(ScopeError):
        selectors.partner_rollup_dashboard(partner_id=world["nl"].pk, country="NL", filters=PartnerFilters())
    with pytest.raises(ScopeError):
        selectors.partner_rollup_dashboard(partner_id=world["nl"].pk, country="NL", filters=PartnerFilters())
    with pytest.raises(ValueError, match="Unknown status filter"):
        rolled(world["nl"], PartnerFilters(status=S.CLOSED))


# --- Before the first refresh: live -----------------------------------------------------------


def test_before_the_first_refresh_the_figures_are_counted_live(world, counted):
    assert not RollupState.objects.exists()
    data = rolled(world["nl"], PartnerFilters())
    assert data.refreshed_at is None
    assert data == live(world["nl"], PartnerFilters())
    # Also without a scope (a shell): only this partner's referrals, live.
    with scopes_disabled():
        selectors.partner_rollup_dashboard(partner_id=world["be"].pk, country="BE", filters=PartnerFilters(), now=NOW)
    assert counted[-1]["acknowledgement"] == {"in_time": 6}
    assert counted[-1]["buckets"] == {"2-5": 2}


# --- The page --------------------------------------------------------------------------------


def url(organisation) -> str:
    return f"/o/{organisation.slug}/dashboard/"


@pytest.fixture
def intake(world, member_factory):
    return member_factory(world["nl"], Role.PARTNER_INTAKE)


def test_the_page_reads_the_rollup_and_says_when_it_was_made(world, org, intake, login_as, counted):
    client = login_as(intake)
    with frozen():
        before = client.get(url(world["nl"]))
    assert before.context["dashboard"].refreshed_at is None  # live: nothing to say about a delay
    assert "Bijgewerkt om" not in before.content.decode()
    refresh()
    with frozen():
        page = client.get(url(world["nl"]))
    assert "Bijgewerkt om 16 november 2026, 10:00." in page.content.decode()
    assert replace(page.context["dashboard"], refreshed_at=None) == before.context["dashboard"]
    assert counted[-1] == counted[0]
    # A referral received after the refresh shows only after the next one.
    case = RoutedCaseFactory(organisation=org)
    with scopes_disabled():
        Referral.objects.bulk_create([referral(case, world["nl"], S.SENT, at(11, 16, 9))])
    for refreshed, waiting in ((False, 3), (True, 4)):
        if refreshed:
            refresh()
        with frozen():
            assert client.get(url(world["nl"])).status_code == 200
        assert counted[-1]["buckets"]["0-1"] == waiting


def test_filters_on_the_page_equal_the_live_count(world, intake, login_as):
    refresh()
    client = login_as(intake)
    with frozen():
        response = client.get(url(world["nl"]), {"van": "2026-11-09", "tot": "2026-11-10", "status": "acknowledged"})
    expected = live(world["nl"], PartnerFilters(start=date(2026, 11, 9), end=date(2026, 11, 10), status=S.ACKNOWLEDGED))
    assert replace(response.context["dashboard"], refreshed_at=None) == expected
    assert response.context["dashboard"].in_time == 7


@pytest.mark.parametrize(("member_of", "role"), [("other", Role.PARTNER_INTAKE), ("school", Role.ORG_COORDINATOR)])
def test_another_organisations_member_gets_404(world, org, member_factory, login_as, member_of, role):
    refresh()
    membership = member_factory(org if member_of == "school" else world[member_of], role)
    response = login_as(membership).get(url(world["nl"]))
    assert response.status_code == 404


SIZES = (10, 10_000)  # as issue #6 asks: the same queries with 10 and with 10,000


def count_queries(user, path: str) -> list[str]:
    client = Client()
    client.force_login(user)
    client.get(path)  # warm up: session, caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    assert response.context["dashboard"].refreshed_at == NOW
    return [q["sql"] for q in queries.captured_queries]


def test_the_page_reads_two_small_queries_at_any_size(org, member_factory):
    case = RoutedCaseFactory(organisation=org)
    counts = {}
    for size in SIZES:
        partner = PartnerFactory()
        user = member_factory(partner, Role.PARTNER_INTAKE).user
        with scopes_disabled():
            Referral.objects.bulk_create(
                referral(
                    case,
                    partner,
                    [S.SENT, S.ACKNOWLEDGED, S.CLOSED][i % 3],
                    NOW - timedelta(days=i % 200, hours=i % 11),
                    NOW - timedelta(days=i % 200) if i % 3 else None,
                    NOW if i % 3 == 2 else None,
                    Out.HELPED if i % 3 == 2 else "",
                )
                for i in range(size)
            )
        refresh()
        filtered = count_queries(user, url(partner) + "?van=2026-01-01&status=acknowledged")
        plain = count_queries(user, url(partner))
        assert len(filtered) == len(plain)
        counts[size] = plain
    small, large = counts[SIZES[0]], counts[SIZES[1]]
    assert len(small) == len(large), "\n".join(["--- small:", *small, "--- large:", *large])
    # The dashboard's own reads: the rollups' state and the partner's rows; never the referrals.
    own = [sql for sql in small if "reporting_" in sql]
    assert len(own) == 2, "\n".join(own)
    assert not any("referrals_referral" in sql for sql in small)
    assert len(small) <= 9, "\n".join(small)


# --- The refresh ------------------------------------------------------------------------------


def test_refresh_is_idempotent_for_the_partner_rollup(world):
    columns = ("partner_id", "day", "status", "outcome", "ack", "bucket", "count")
    first = refresh()
    snapshot = sorted(PartnerReferralDayRollup.objects.values_list(*columns))
    second = refresh()
    assert sorted(PartnerReferralDayRollup.objects.values_list(*columns)) == snapshot
    assert first.partner_rows == second.partner_rows == len(snapshot) > 0


def test_management_command_prints_the_partner_rows(world, capsys):
    call_command("refresh_rollups")
    out = capsys.readouterr().out
    rows = PartnerReferralDayRollup.objects.count()
    assert f"Partners: {rows} rijen" in out
    assert f"{rows} partner rows" in out
