"""The municipal and platform dashboards: headline figures first (against the previous
period of the same length, with small-number suppression), then a compact filter bar,
a contents list, and the sections."""

from __future__ import annotations

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django_scopes import scopes_disabled

from portal.roles import Role
from referrals.models import Case, Referral
from reporting.selectors import Filters, previous_period
from reporting.suppression import SMALL
from tests.reporting.helpers import get, refresh

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


def test_headline_figures_against_the_previous_period(login_as, area, coordinator):
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


def test_a_filter_applies_to_both_periods(login_as, area, coordinator):
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


def test_small_counts_show_as_less_than_five_and_hide_their_difference(login_as, area, coordinator):
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


def test_open_cases_are_left_out_with_the_status_table(login_as, area, coordinator):
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


def test_the_page_opens_on_the_headline_then_filters_then_contents(login_as, area, coordinator):
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
def test_the_filter_bar_is_open_when_a_filter_is_on_or_wrong(login_as, area, coordinator, params, opened):
    text = get(login_as(coordinator), area["municipality"], params).content.decode()
    assert ('<details class="portal-filterbar" id="filter" open>' in text) is opened
    if "van" in params:
        assert 'id="id_van_error"' in text and 'aria-invalid="true"' in text


def test_the_platform_dashboard_has_the_headline_too(login_as, area, platform, member_factory):
    made(area["one"], 12, year=2026, month=5)
    made(area["far"], 10, year=2026, month=5)
    made(area["far"], 6, year=2025, month=5)
    refresh()
    admin = member_factory(platform, Role.PLATFORM_ADMIN)
    h = headline(get(login_as(admin), platform))
    assert (h.open_cases.current, h.open_cases.previous, h.open_cases.difference) == (22, 6, 16)


# --- Training coverage against the previous period ------------------------------------------


def _since(membership, year, month):
    """Make ``membership`` a member since the 10th of that month."""
    with scopes_disabled():
        type(membership).objects.filter(pk=membership.pk).update(created_at=datetime(year, month, 10, tzinfo=AMS))


def _certificate(membership, module, *, issued, expires):
    from tests.training.factories import CertificateFactory

    CertificateFactory(
        user=membership.user,
        module=module,
        issued_at=datetime(*issued, 10, tzinfo=AMS),
        expires_at=datetime(*expires, 10, tzinfo=AMS),
    )


def _assign(organisation, module, *, created, role=Role.LEARNER, membership=None):
    from tests.training.factories import AssignmentFactory

    with scopes_disabled():
        AssignmentFactory(
            organisation=organisation,
            module=module,
            role="" if membership else role,
            membership=membership,
            created_at=datetime(*created, 10, tzinfo=AMS),
        )


@pytest.fixture
def staff(area, member_factory):
    """Learners of the area's schools with certificates, the previous period ending
    at 1 July 2025 (the default period is July 2025 – June 2026, today 15 June 2026).

    School Een, its learners assigned from January 2025: a (certificate March 2025 –
    March 2026: covered then, not now), b (certificate from January 2026: now only),
    c (member since September 2025, after the previous period: now only). School
    Twee: d, assigned in person in February 2025 and certified then until 2027, and
    e, a learner assigned only with the role in October 2025. School Ver (another
    municipality): counted nowhere here."""
    from tests.training.builders import build_module

    module = build_module()[0]
    people = {}
    for name, school, year in (("a", "one", 2025), ("b", "one", 2025), ("c", "one", 2025), ("d", "two", 2024)):
        people[name] = member_factory(area[school], Role.LEARNER)
        _since(people[name], year, 9 if name == "c" else 1)
    people["e"] = member_factory(area["two"], Role.LEARNER)
    _since(people["e"], 2024, 1)
    _assign(area["one"], module, created=(2025, 1))
    _assign(area["one"], module, created=(2025, 1), membership=people["a"])  # both ways: counts once
    _assign(area["two"], module, created=(2025, 2), membership=people["d"])
    _assign(area["two"], module, created=(2025, 10))
    _certificate(people["a"], module, issued=(2025, 3), expires=(2026, 3))
    _certificate(people["b"], module, issued=(2026, 1), expires=(2027, 1))
    _certificate(people["c"], module, issued=(2025, 10), expires=(2026, 10))
    _certificate(people["d"], module, issued=(2025, 2), expires=(2027, 2))
    far = member_factory(area["far"], Role.LEARNER)
    _since(far, 2024, 1)
    _assign(area["far"], module, created=(2024, 1))
    _certificate(far, module, issued=(2024, 2), expires=(2027, 2))
    return {"module": module, **people}


def _training_section(response) -> str:
    text = response.content.decode()
    start = text.index('id="kerncijfer-training"')
    return text[start : text.index("</li>", start)]


def test_training_coverage_against_the_end_of_the_previous_period(login_as, area, coordinator, staff):
    refresh()
    response = get(login_as(coordinator), area["municipality"])
    training = headline(response).training
    # Now: b, c and d of a, b, c, d, e (3 of 5). When the previous period ended:
    # a and d of a, b and d (2 of 3; c was no member yet, e not yet assigned).
    assert (training.current, training.previous, training.difference) == (60, 67, -7)
    section = _training_section(response)
    assert "Periode ervoor: 67% (stand eind juni 2025)." in section
    assert "7 procentpunten minder." in section
    assert "klein aantal" not in section


def test_training_coverage_of_the_previous_period_follows_the_filters(login_as, area, coordinator, staff):
    refresh()
    client = login_as(coordinator)
    one = headline(get(client, area["municipality"], {"organisatie": "school-een"})).training
    assert (one.current, one.previous) == (67, 50)  # b, c of a, b, c; a of a, b
    # A shorter period: its previous one ends on 1 March 2026, when a's certificate
    # was still valid (until 10 March): a, b, c and d of a, b, c, d, e.
    spring = {"van": "2026-03-01", "tot": "2026-05-31"}
    assert (headline(get(client, area["municipality"], spring)).training.previous) == 80
    section = _training_section(get(client, area["municipality"], spring))
    assert "Periode ervoor: 80% (stand eind februari 2026)." in section and "20 procentpunten minder." in section
    # The same coverage then and now: no difference to show.
    with scopes_disabled():
        staff["e"].delete()
    refresh()
    h = headline(get(client, area["municipality"], {"organisatie": "school-twee"})).training
    assert (h.current, h.previous, h.difference) == (100, 100, 0)
    assert "Even veel." in _training_section(get(client, area["municipality"], {"organisatie": "school-twee"}))


def test_training_coverage_without_assignments_before_the_period(login_as, area, coordinator, member_factory):
    from tests.training.builders import build_module

    learner = member_factory(area["one"], Role.LEARNER)
    _since(learner, 2025, 1)
    _assign(area["one"], build_module()[0], created=(2025, 8))
    refresh()
    response = get(login_as(coordinator), area["municipality"])
    training = headline(response).training
    assert (training.current, training.previous) == (0, None)
    assert "hoefde nog niemand een module te doen" in _training_section(response)


def test_training_coverage_costs_the_same_for_few_and_many_members(area, coordinator, staff, member_factory):
    from tests.reporting.helpers import count_queries, url

    refresh()
    few = count_queries(coordinator.user, url(area["municipality"]))
    for i in range(40):
        member = member_factory(area["one" if i % 2 else "two"], Role.LEARNER)
        _since(member, 2025, 1)
        if i % 3 == 0:
            _certificate(member, staff["module"], issued=(2025, 2), expires=(2027, 2))
    refresh()
    many = count_queries(coordinator.user, url(area["municipality"]))
    assert few[0] == many[0], "\n".join(["--- few:", *few[1], "--- many:", *many[1]])
