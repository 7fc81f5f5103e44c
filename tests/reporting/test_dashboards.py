"""The rollups and the coordinator, municipal and platform dashboards (reporting/)."""

from __future__ import annotations

import io
from collections import Counter
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scopes_disabled
from openpyxl import load_workbook

from portal.roles import Role
from referrals.models import Case, Referral
from reporting.models import CaseMonthRollup, ReferralMonthRollup, RollupState
from reporting.rollups import rollups_refresh
from reporting.suppression import HIDDEN, SMALL
from tests.factories import PartnerFactory
from tests.referrals.factories import ReferralFactory
from tests.reporting.helpers import AMS, NOW, at, cases, count_queries, csv_rows, frozen, get, refresh, url

pytestmark = pytest.mark.django_db

S = Referral.Status


# --- Rollups ---------------------------------------------------------------------------


def test_case_rollup_equals_a_direct_count(area):
    cases(area["one"], 7, month=5, forms=("threat", "doxing"))
    cases(area["one"], 3, month=6, forms=("cyberbullying",), status=Case.Status.CLOSED)
    cases(area["two"], 6, month=6, forms=())
    cases(area["far"], 2, month=4)
    refresh()
    with scopes_disabled():
        direct = Counter()
        per_form = Counter()
        for case in Case.objects.select_related("organisation"):
            month = case.created_at.astimezone(AMS).date().replace(day=1)
            direct[(case.organisation_id, case.organisation.parent_id, month, case.status)] += 1
            for form in case.facts.get("forms", []):
                per_form[(case.organisation_id, month, form, case.status)] += 1
    rolled = Counter(
        {
            (r.organisation_id, r.municipality_id, r.month, r.status): r.count
            for r in CaseMonthRollup.objects.filter(form="")
        }
    )
    rolled_forms = Counter(
        {(r.organisation_id, r.month, r.form, r.status): r.count for r in CaseMonthRollup.objects.exclude(form="")}
    )
    assert rolled == direct
    assert rolled_forms == per_form
    assert rolled[(area["one"].pk, area["municipality"].pk, date(2026, 5, 1), "open")] == 7
    assert per_form[(area["one"].pk, date(2026, 5, 1), "doxing", "open")] == 7


def test_referral_rollup_buckets_acknowledgement_in_working_days(area):
    partner = PartnerFactory(name="Slachtofferhulp Zuid")
    with frozen():
        specs = [
            (S.ACKNOWLEDGED, at(6, 8), at(6, 9), None, None),  # 1 working day: in time
            (S.ACKNOWLEDGED, at(6, 1), at(6, 8), None, None),  # 5: late
            (S.SENT, at(6, 1), None, None, at(6, 8)),  # waiting 10 working days, escalated
            (S.SENT, at(6, 15), None, None, None),  # waiting 0
        ]
        for status, sent, ack, closed, escalated in specs:
            referral = ReferralFactory(organisation=area["one"], partner=partner, status=status)
            with scopes_disabled():
                Referral.objects.filter(pk=referral.pk).update(
                    sent_at=sent, acknowledged_at=ack, closed_at=closed, escalated_at=escalated
                )
        ReferralFactory(organisation=area["one"], partner=partner, status=S.DRAFT)
    refresh()
    rows = {(r.ack, r.bucket, r.escalated): r.count for r in ReferralMonthRollup.objects.all()}
    assert rows == {
        ("in_time", "", False): 1,
        ("late", "", False): 1,
        ("waiting", "6+", True): 1,
        ("waiting", "0-1", False): 1,
    }
    assert {r.municipality_id for r in ReferralMonthRollup.objects.all()} == {area["municipality"].pk}


def test_refresh_is_idempotent_and_records_when(area):
    cases(area["one"], 6)
    first = refresh()
    snapshot = sorted(CaseMonthRollup.objects.values_list("organisation_id", "month", "form", "status", "count"))
    second = refresh()
    assert (
        sorted(CaseMonthRollup.objects.values_list("organisation_id", "month", "form", "status", "count")) == snapshot
    )
    assert first.case_rows == second.case_rows == len(snapshot)
    state = RollupState.objects.get()
    assert state.refreshed_at == NOW


def test_the_rollups_hold_no_victim_data(area):
    cases(area["one"], 6)
    with CaptureQueriesContext(connection) as queries:
        refresh()
    sql = " ".join(q["sql"] for q in queries.captured_queries)
    for column in ('"pseudonym"', '"signal"', '"summary"', '"first_impressions"', '"wishes_note"'):
        assert column not in sql


def test_refresh_runs_every_five_minutes_on_the_beat_schedule():
    from celery.schedules import crontab

    from portal.celery import app

    entries = [e for e in app.conf.beat_schedule.values() if e["task"] == "reporting.tasks.rollups_refresh"]
    assert len(entries) == 1
    assert entries[0]["schedule"] == crontab(minute="*/5")


def test_management_command_prints_progress(area, capsys):
    from django.core.management import call_command

    cases(area["one"], 2)
    call_command("refresh_rollups")
    out = capsys.readouterr().out
    assert "Casussen:" in out and "Rollups ready" in out


# --- Who sees which dashboard -------------------------------------------------------------


def test_municipal_coordinator_gets_the_municipal_dashboard(login_as, area, member_factory):
    response = get(login_as(member_factory(area["municipality"], Role.MUNICIPAL_COORDINATOR)), area["municipality"])
    assert response.status_code == 200
    assert "reporting/area.html" in [t.name for t in response.templates]
    assert "Dashboard van de gemeente" in response.content.decode()


def test_platform_admin_gets_the_platform_dashboard(login_as, platform, member_factory):
    response = get(login_as(member_factory(platform, Role.PLATFORM_ADMIN)), platform)
    assert response.status_code == 200
    assert "Dashboard van het platform" in response.content.decode()


def test_org_coordinator_of_a_school_gets_the_organisation_dashboard(login_as, area, member_factory):
    response = get(login_as(member_factory(area["one"], Role.ORG_COORDINATOR)), area["one"])
    assert response.status_code == 200
    assert "Dashboard van de organisatie" in response.content.decode()


def test_partner_coordinator_gets_the_partner_dashboard(login_as, member_factory):
    partner = PartnerFactory()
    response = get(login_as(member_factory(partner, Role.ORG_COORDINATOR)), partner)
    assert response.status_code == 200
    assert "reporting/dashboards/partner.html" in [t.name for t in response.templates]


@pytest.mark.parametrize(("where", "role"), [("one", Role.LEARNER), ("municipality", Role.LEARNER)])
def test_learners_go_to_my_training(login_as, area, member_factory, where, role):
    response = get(login_as(member_factory(area[where], role)), area[where])
    assert response.status_code == 302
    assert response["Location"].endswith("/mijn-training/")


def test_case_handler_keeps_own_dashboard(login_as, area, member_factory):
    response = get(login_as(member_factory(area["one"], Role.CASE_HANDLER)), area["one"])
    assert "reporting/dashboards/case_handler.html" in [t.name for t in response.templates]


@pytest.mark.parametrize(
    ("member_of", "target", "role"),
    [
        ("elsewhere", "municipality", Role.MUNICIPAL_COORDINATOR),
        ("municipality", "one", Role.MUNICIPAL_COORDINATOR),
        ("two", "one", Role.ORG_COORDINATOR),
    ],
)
def test_another_organisations_member_gets_404(login_as, area, member_factory, member_of, target, role):
    response = get(login_as(member_factory(area[member_of], role)), area[target])
    assert response.status_code == 404


# --- The municipal dashboard ---------------------------------------------------------------


def test_municipal_dashboard_counts_only_its_own_area(login_as, area, coordinator):
    cases(area["one"], 8, month=5, forms=("threat", "doxing"))
    cases(area["two"], 6, month=6, forms=("cyberbullying",))
    cases(area["two"], 5, month=6, forms=("threat",), status=Case.Status.CLOSED)
    cases(area["far"], 40, month=6)
    refresh()
    response = get(login_as(coordinator), area["municipality"])
    data = response.context["dashboard"]
    trend = dict(data.trend.cells)
    assert trend[date(2026, 5, 1)] == 8
    assert trend[date(2026, 6, 1)] == 11
    assert trend[date(2026, 4, 1)] == 0
    assert data.trend.total == 19
    assert dict(data.statuses.cells) == {"open": 14, "closed": 5}
    assert dict(data.forms.cells)["threat"] == 13
    assert dict(data.forms.cells)["doxing"] == 8
    assert dict(data.group_cases.cells) == {area["one"].pk: 8, area["two"].pk: 11}
    assert [g.name for g in data.groups] == ["School Een", "School Twee"]
    text = response.content.decode()
    assert "School Ver" not in text
    assert "Geheim signaal" not in text and "J.B." not in text
    assert "Bijgewerkt om 15 juni 2026, 10:00" in text
    assert 'id="trend-table"' in text and 'aria-labelledby="trend-caption"' in text
    assert " style=" not in text


def test_small_numbers_are_suppressed_and_linked_tables_left_out(login_as, area, coordinator):
    cases(area["one"], 9, month=5)
    cases(area["two"], 3, month=6)  # 3 in June: "<5"
    refresh()
    response = get(login_as(coordinator), area["municipality"])
    data = response.context["dashboard"]
    assert dict(data.trend.cells)[date(2026, 6, 1)] == SMALL
    assert data.trend.total is HIDDEN
    # The per-school column and the status split would give the 3 away (12 − 9): left out.
    assert data.statuses is None and data.group_cases is None and data.forms is None
    text = response.content.decode()
    assert "&lt;5" in text and ">12<" not in text
    assert "Deze tabel laten we weg" in text
    rows = {row.pop(0): row for row in response.context["tables"]["vergelijking"].rows}
    assert rows["School Twee"][0] == "weggelaten"


def test_linked_table_with_a_small_cell_is_left_out_even_when_the_trend_is_exact(login_as, area, coordinator):
    cases(area["one"], 9, month=6)
    cases(area["two"], 2, month=6)
    cases(area["two"], 5, month=5)
    refresh()
    data = get(login_as(coordinator), area["municipality"]).context["dashboard"]
    assert dict(data.trend.cells)[date(2026, 6, 1)] == 11
    assert data.group_cases is not None  # 9 and 7: exact
    cases(area["one"], 1, month=5, status=Case.Status.CLOSED)
    refresh()
    data = get(login_as(coordinator), area["municipality"]).context["dashboard"]
    assert data.trend.total == 17
    assert data.statuses is None  # closed 1 would show "<5" next to an exact total


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"van": "2026-06-01", "tot": "2026-06-30"}, {date(2026, 6, 1): 11}),
        ({"van": "2026-05-20", "tot": "2026-06-03"}, {date(2026, 5, 1): 8, date(2026, 6, 1): 11}),
        ({"vorm": "doxing"}, "doxing"),
        ({"organisatie": "school-twee"}, "two"),
        ({"status": "closed"}, "closed"),
    ],
)
def test_filters(login_as, area, coordinator, params, expected):
    cases(area["one"], 8, month=5, forms=("threat", "doxing"))
    cases(area["two"], 6, month=6, forms=("cyberbullying",))
    cases(area["two"], 5, month=6, forms=("threat",), status=Case.Status.CLOSED)
    refresh()
    response = get(login_as(coordinator), area["municipality"], params)
    data = response.context["dashboard"]
    assert not response.context["bad_filter"]
    trend = {month: shown for month, shown in data.trend.cells if shown}
    if expected == "doxing":
        expected = {date(2026, 5, 1): 8}
    elif expected == "two":
        expected = {date(2026, 6, 1): 11}
    elif expected == "closed":
        expected = {date(2026, 6, 1): 5}
    assert trend == expected
    assert "gefilterd" in response.content.decode()


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"van": "15-06-2026"}, None),
        ({"tot": "2026-02-30"}, None),
        ({"vorm": "verzonnen"}, None),
        ({"organisatie": "school-ver"}, None),  # another municipality's school
        ({"partner": "nergens"}, None),
        ({"status": "draft"}, None),
        ({"van": "1999-12-31"}, "Kies een datum tussen 2000 en 2100."),
        ({"van": "2026-06-30", "tot": "2026-01-01"}, "Deze datum ligt vóór de datum bij ‘Vanaf’."),
        ({"van": "2001-01-01", "tot": "2026-01-01"}, "Kies een periode van hoogstens 10 jaar."),
        ({"van": "x" * 5000}, None),
    ],
)
def test_bad_filters_show_a_message_and_the_unfiltered_view(login_as, area, coordinator, params, message):
    cases(area["one"], 8, month=5)
    refresh()
    client = login_as(coordinator)
    unfiltered = get(client, area["municipality"]).context["dashboard"]
    response = get(client, area["municipality"], params)
    assert response.status_code == 200
    text = response.content.decode()
    assert "Het filter klopt niet. Je ziet daarom de cijfers zonder filter." in text
    assert "utrecht-form-field--invalid" in text
    if message:
        assert message in text
    assert response.context["dashboard"].trend == unfiltered.trend


def test_a_bad_filter_is_never_downloaded(login_as, area, coordinator):
    response = get(
        login_as(coordinator),
        area["municipality"],
        {"van": "2026-06-30", "tot": "2026-01-01", "format": "csv", "table": "trend"},
    )
    assert response["Content-Type"].startswith("text/html")


def test_downloads_equal_the_page_with_suppression(login_as, area, coordinator):
    cases(area["one"], 9, month=5)
    cases(area["two"], 3, month=6)
    refresh()
    client = login_as(coordinator)
    page = get(client, area["municipality"])
    chart = page.context["charts"]["trend"]
    rows = csv_rows(get(client, area["municipality"], {"format": "csv", "table": "trend"}))
    assert rows[0] == ["Maand", "Aantal casussen"]
    assert rows[1:] == [[str(label), str(value)] for label, value in chart.rows] + [["Totaal", "verborgen"]]
    assert ["juni 2026", "<5"] in rows and ["mei 2026", "9"] in rows
    xlsx = get(client, area["municipality"], {"format": "xlsx", "table": "vergelijking"})
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0] == ["Organisatie", "Casussen", "Doorverwijzingen", "Geëscaleerd"]
    assert values[2][0] == "School Twee" and values[2][1] == "weggelaten"
    # A left-out table cannot be downloaded either.
    missing = get(client, area["municipality"], {"format": "csv", "table": "status"})
    assert "Deze tabel bestaat niet" in missing.content.decode()
    # The links carry the valid filters.
    text = get(client, area["municipality"], {"vorm": "threat"}).content.decode()
    assert 'href="?vorm=threat&amp;format=csv&amp;table=trend"' in text
    assert 'href="?vorm=threat&amp;format=xlsx&amp;table=trend"' in text


def test_referral_tables_on_the_municipal_dashboard(login_as, area, coordinator):
    partner = PartnerFactory(name="Slachtofferhulp Zuid")
    with frozen():
        for _ in range(6):
            referral = ReferralFactory(organisation=area["one"], partner=partner, status=S.ACKNOWLEDGED)
            with scopes_disabled():
                Referral.objects.filter(pk=referral.pk).update(sent_at=at(6, 8), acknowledged_at=at(6, 9))
        referral = ReferralFactory(organisation=area["two"], partner=partner, status=S.SENT)
        with scopes_disabled():
            Referral.objects.filter(pk=referral.pk).update(sent_at=at(6, 1), escalated_at=at(6, 8))
    refresh()
    data = get(login_as(coordinator), area["municipality"]).context["dashboard"]
    assert dict(data.acknowledgement.cells) == {"waiting": SMALL, "in_time": 6, "late": 0, "closed_unacknowledged": 0}
    assert data.acknowledgement.total is HIDDEN
    assert dict(data.waiting_times.cells)["6+"] == SMALL
    assert data.escalated.total == SMALL
    assert data.in_time_percentage == 100
    assert data.destinations is None and data.group_referrals is None


# --- The organisation coordinator and the platform --------------------------------------


def test_organisation_dashboard_reads_only_its_own_counts(login_as, area, member_factory):
    coordinator = member_factory(area["one"], Role.ORG_COORDINATOR)
    member_factory(area["one"], Role.LEARNER, first_name="Anna", last_name="Leerkracht")
    cases(area["one"], 7, month=6)
    cases(area["two"], 30, month=6)
    refresh()
    response = get(login_as(coordinator), area["one"])
    data = response.context["dashboard"]
    assert dict(data.trend.cells)[date(2026, 6, 1)] == 7
    assert data.groups == []
    text = response.content.decode()
    assert "Training per persoon" in text  # own staff per person (no modules loaded here: no rows)
    assert 'id="training-personen-table"' in text
    assert response.context["overdue"].tasks == 0


def test_platform_dashboard_compares_municipalities(login_as, area, platform, member_factory):
    cases(area["one"], 6, month=6)
    cases(area["far"], 7, month=6)
    refresh()
    client = login_as(member_factory(platform, Role.PLATFORM_ADMIN))
    data = get(client, platform).context["dashboard"]
    assert dict(data.group_cases.cells) == {area["municipality"].pk: 6, area["elsewhere"].pk: 7}
    assert data.trend.total == 13
    filtered = get(client, platform, {"gemeente": "gemeente-noord"}).context["dashboard"]
    assert filtered.trend.total == 7


# --- Query counts ---------------------------------------------------------------------------

SIZES = (10, 10_000)


def _bulk(orgs, size):
    with scopes_disabled():
        made = Case.objects.bulk_create(
            Case(
                organisation=orgs[i % len(orgs)],
                reference=f"Q{size}-{i}",
                pseudonym="x",
                facts={"country": "NL", "forms": ["threat", "doxing"] if i % 2 else ["stalking"]},
                created_at=NOW - timedelta(days=i % 300),
            )
            for i in range(size)
        )
        Referral.objects.bulk_create(
            Referral(
                organisation=case.organisation,
                case=case,
                destination="slachtofferhulp",
                destination_label="Slachtofferhulp",
                summary="",
                status=S.SENT,
                sent_at=case.created_at,
            )
            for case in made[: size // 2]
        )
    with frozen():
        rollups_refresh()


@pytest.mark.parametrize("level", ["organisation", "municipal", "platform"])
def test_query_counts_do_not_grow_with_cases(area, platform, member_factory, level):
    users = {
        "organisation": (member_factory(area["one"], Role.ORG_COORDINATOR).user, area["one"]),
        "municipal": (member_factory(area["municipality"], Role.MUNICIPAL_COORDINATOR).user, area["municipality"]),
        "platform": (member_factory(platform, Role.PLATFORM_ADMIN).user, platform),
    }
    user, where = users[level]
    counts = {}
    for size in SIZES:
        with scopes_disabled():
            Referral.objects.all().delete()
            Case.objects.all().delete()
        _bulk([area["one"], area["two"], area["far"]], size)
        counts[size] = count_queries(user, url(where) + "?vorm=threat&van=2025-09-01")
        assert counts[size][0] == count_queries(user, url(where))[0]
    small, large = counts[SIZES[0]], counts[SIZES[1]]
    assert small[0] == large[0], "\n".join(["--- small:", *small[1], "--- large:", *large[1]])
    assert small[0] <= 20, "\n".join(small[1])
