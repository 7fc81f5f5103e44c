"""The municipal and platform dashboards: headline figures first (against the previous
period of the same length, with small-number suppression), then a compact filter bar,
a contents list, and the sections."""

from __future__ import annotations

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django_scopes import scopes_disabled

from portal.dashboards import SMALL
from portal.roles import Role
from referrals.models import Case, Referral
from reporting.selectors import Filters, previous_period
from tests.reporting.test_dashboards import area, coordinator, get, platform, refresh  # noqa: F401

pytestmark = pytest.mark.django_db

AMS = ZoneInfo("Europe/Amsterdam")
# The tests' "now" is 15 June 2026: the default period is July 2025 – June 2026, the
# previous one July 2024 – June 2025.


def made(org, count, *, year, month, status=Case.Status.OPEN, referrals=0, escalated=0):
    """``count`` cases reported in that month; the first ``referrals`` of them sent to a
    partner that has not acknowledged yet, ``escalated`` of those escalated."""
    moment = datetime(year, month, 10, 10, 0, tzinfo=AMS)
    with scopes_disabled():
        first = Case.objects.count()
        cases = Case.objects.bulk_create(
            Case(
                organisation=org,
                reference=f"K{org.pk}-{first + i}",
                pseudonym="x",
                facts={"country": "NL", "forms": ["threat"]},
                status=status,
                closed_at=moment if status == Case.Status.CLOSED else None,
                created_at=moment,
            )
            for i in range(count)
        )
        Referral.objects.bulk_create(
            Referral(
                organisation=org,
                case=case,
                destination="slachtofferhulp",
                destination_label="Slachtofferhulp",
                summary="",
                status=Referral.Status.SENT,
                sent_at=moment,
                escalated_at=moment if n < escalated else None,
            )
            for n, case in enumerate(cases[:referrals])
        )


def headline(response):
    return response.context["dashboard"].headline


def test_the_previous_period_has_the_same_length():
    assert previous_period(Filters(start=date(2025, 7, 1), end=date(2026, 6, 1))) == (
        date(2024, 7, 1),
        date(2025, 6, 1),
    )
    assert previous_period(Filters(start=date(2026, 1, 1), end=date(2026, 3, 1))) == (
        date(2025, 10, 1),
        date(2025, 12, 1),
    )


def test_headline_figures_against_the_previous_period(login_as, area, coordinator):  # noqa: F811
    made(area["one"], 12, year=2026, month=5, referrals=9, escalated=6)
    made(area["two"], 6, year=2026, month=5, status=Case.Status.CLOSED)
    made(area["one"], 7, year=2025, month=3, referrals=7, escalated=7)  # the previous period
    made(area["two"], 9, year=2024, month=3, referrals=9, escalated=9)  # before both: not counted
    made(area["far"], 30, year=2026, month=5, referrals=30, escalated=30)  # another municipality
    refresh()
    response = get(login_as(coordinator), area["municipality"])
    h = headline(response)
    assert (h.previous_start, h.previous_end) == (date(2024, 7, 1), date(2025, 6, 1))
    assert (h.open_cases.current, h.open_cases.previous, h.open_cases.difference) == (12, 7, 5)
    assert (h.waiting.current, h.waiting.previous, h.waiting.difference) == (9, 7, 2)
    assert (h.escalated.current, h.escalated.previous, h.escalated.difference) == (6, 7, -1)
    assert h.training.comparable is False
    text = response.content.decode()
    section = text[text.index('id="kerncijfers-kop"') : text.index("</section>", text.index('id="kerncijfers-kop"'))]
    assert "juli 2025 tot en met juni 2026" in section and "juli 2024 tot en met juni 2025" in section
    assert "Periode ervoor: 7." in section and "5 meer." in section and "1 minder." in section
    assert "&lt;5" not in section


def test_a_filter_applies_to_both_periods(login_as, area, coordinator):  # noqa: F811
    made(area["one"], 12, year=2026, month=5, referrals=6)
    made(area["two"], 8, year=2026, month=5, referrals=8)
    made(area["one"], 10, year=2026, month=2, referrals=5)  # previous of March–May 2026
    made(area["two"], 20, year=2026, month=2, referrals=20)
    refresh()
    params = {"van": "2026-03-01", "tot": "2026-05-31", "organisatie": "school-een"}
    h = headline(get(login_as(coordinator), area["municipality"], params))
    assert (h.previous_start, h.previous_end) == (date(2025, 12, 1), date(2026, 2, 1))
    assert (h.open_cases.current, h.open_cases.previous) == (12, 10)
    assert (h.waiting.current, h.waiting.previous) == (6, 5)


def test_small_counts_show_as_less_than_five_and_hide_their_difference(login_as, area, coordinator):  # noqa: F811
    made(area["one"], 12, year=2026, month=5, referrals=3, escalated=0)
    made(area["one"], 3, year=2025, month=3, referrals=3, escalated=2)  # previous: 3 open, 2 escalated
    made(area["two"], 6, year=2025, month=3, status=Case.Status.CLOSED, referrals=6)  # 9 waiting in all
    refresh()
    response = get(login_as(coordinator), area["municipality"])
    h = headline(response)
    assert (h.open_cases.current, h.open_cases.previous, h.open_cases.difference) == (12, SMALL, None)
    assert (h.waiting.current, h.waiting.previous, h.waiting.difference) == (SMALL, 9, None)
    # 0 is exact: no one to recognise, so the difference is shown when the other is exact too.
    assert (h.escalated.current, h.escalated.previous, h.escalated.difference) == (0, SMALL, None)
    text = response.content.decode()
    section = text[text.index('id="kerncijfers-kop"') : text.index("</section>", text.index('id="kerncijfers-kop"'))]
    assert "Periode ervoor: &lt;5." in section
    assert section.count("Het verschil laten we weg") == 3
    assert not re.search(r"\d+ (meer|minder)\.", section)
    assert "1, 2, 3 of 4" in section


def test_open_cases_are_left_out_with_the_status_table(login_as, area, coordinator):  # noqa: F811
    # 14 cases, 2 of them closed: the status table is left out (it would show "<5"
    # next to an exact total), so "14 − open" must not be given either.
    made(area["one"], 12, year=2026, month=5)
    made(area["two"], 2, year=2026, month=5, status=Case.Status.CLOSED)
    made(area["one"], 8, year=2025, month=3)
    refresh()
    response = get(login_as(coordinator), area["municipality"])
    data = response.context["dashboard"]
    assert data.trend.total == 14 and data.statuses is None
    h = data.headline
    assert h.open_cases.current is None and h.open_cases.previous == 8 and h.open_cases.difference is None
    section = response.content.decode().split('id="kerncijfers-kop"')[1].split("</section>")[0]
    assert "weggelaten" in section and ">12<" not in section


def test_the_page_opens_on_the_headline_then_filters_then_contents(login_as, area, coordinator):  # noqa: F811
    made(area["one"], 12, year=2026, month=5)
    refresh()
    text = get(login_as(coordinator), area["municipality"]).content.decode()
    order = [
        "<h1>",
        'id="kerncijfers-kop"',
        'id="kerncijfer-open"',
        'id="kerncijfer-waiting"',
        'id="kerncijfer-escalated"',
        'id="kerncijfer-training"',
        '<details class="portal-filterbar"',
        'id="inhoud-kop"',
        'id="casussen-kop"',
        'id="doorverwijzingen-kop"',
        'id="vergelijking-kop"',
        'id="training-kop"',
        'id="over-kop"',
    ]
    positions = [text.index(marker) for marker in order]
    assert positions == sorted(positions)
    # The contents list links to every section, and each target exists.
    nav = text[text.index('id="inhoud-kop"') : text.index("</nav>", text.index('id="inhoud-kop"'))]
    targets = re.findall(r'href="#([^"]+)"', nav)
    assert targets == ["casussen-kop", "doorverwijzingen-kop", "vergelijking-kop", "training-kop", "over-kop"]
    for target in targets:
        assert f'id="{target}"' in text
    # Unfiltered, the filter bar is folded on a narrow screen (CSS opens it on a wide one).
    assert '<details class="portal-filterbar" id="filter">' in text
    assert "Bijgewerkt om" in text


@pytest.mark.parametrize(("params", "opened"), [({"vorm": "threat"}, True), ({"van": "gisteren"}, True), ({}, False)])
def test_the_filter_bar_is_open_when_a_filter_is_on_or_wrong(login_as, area, coordinator, params, opened):  # noqa: F811
    text = get(login_as(coordinator), area["municipality"], params).content.decode()
    assert ('<details class="portal-filterbar" id="filter" open>' in text) is opened
    if "van" in params:
        assert 'id="id_van_error"' in text and 'aria-invalid="true"' in text


def test_the_platform_dashboard_has_the_headline_too(login_as, area, platform, member_factory):  # noqa: F811
    made(area["one"], 12, year=2026, month=5)
    made(area["far"], 10, year=2026, month=5)
    made(area["far"], 6, year=2025, month=5)
    refresh()
    admin = member_factory(platform, Role.PLATFORM_ADMIN)
    h = headline(get(login_as(admin), platform))
    assert (h.open_cases.current, h.open_cases.previous, h.open_cases.difference) == (22, 6, 16)
