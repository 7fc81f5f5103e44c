"""The municipal and platform dashboards keep their rendered content until the rollups
are rebuilt (``reporting.views._area_page``): same page, fewer queries, never another
area's page, never stale after a rebuild."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scopes_disabled

from portal.roles import Role
from referrals.models import Case
from tests.reporting.helpers import cases, csv_rows, get, refresh

pytestmark = pytest.mark.django_db


def body(response) -> str:
    """The page's main content: what the cache holds (the header has the person's name and a nonce)."""
    html = response.content.decode()
    return html[html.index("<h1") : html.index("</main>")]


def queries(client, organisation, params=None) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as captured:
        response = get(client, organisation, params)
    assert response.status_code == 200
    return len(captured.captured_queries), response


@pytest.fixture
def coordinator(area, member_factory):
    return member_factory(area["municipality"], Role.MUNICIPAL_COORDINATOR)


def test_the_second_request_reads_the_cached_page(login_as, area, coordinator):
    cases(area["one"], 7)
    refresh()
    client = login_as(coordinator)
    first_count, first = queries(client, area["municipality"])
    second_count, second = queries(client, area["municipality"])
    assert "dashboard" in first.context and "dashboard" not in second.context  # built once
    assert body(second) == body(first)
    assert second_count < first_count


def test_a_rebuild_shows_the_new_numbers(login_as, area, coordinator):
    cases(area["one"], 7)
    refresh()
    client = login_as(coordinator)
    assert get(client, area["municipality"]).context["dashboard"].trend.total == 7
    cases(area["one"], 5)
    stale = get(client, area["municipality"])
    assert "dashboard" not in stale.context  # the cached page, until the rebuild
    refresh()
    response = get(client, area["municipality"])
    assert response.context["dashboard"].trend.total == 12


def test_before_the_first_rebuild_nothing_is_cached(login_as, area, coordinator):
    client = login_as(coordinator)
    for _ in range(2):
        response = get(client, area["municipality"])
        assert "dashboard" in response.context
        assert "nog niet berekend" in response.content.decode()


def test_another_municipality_never_gets_this_page(login_as, area, coordinator, member_factory):
    cases(area["one"], 7)
    cases(area["far"], 9)
    refresh()
    here = body(get(login_as(coordinator), area["municipality"]))
    other = member_factory(area["elsewhere"], Role.MUNICIPAL_COORDINATOR)
    there = body(get(login_as(other), area["elsewhere"]))
    assert "School Een" in here and "School Een" not in there
    assert "School Ver" in there and "School Ver" not in here


def test_the_platform_page_is_cached_apart_from_the_municipal_one(login_as, area, platform, member_factory):
    cases(area["one"], 7)
    refresh()
    admin = login_as(member_factory(platform, Role.PLATFORM_ADMIN))
    get(admin, platform)
    response = get(admin, platform)
    assert "dashboard" not in response.context
    assert "Dashboard van het platform" in body(response)
    assert "Gemeente Zuid" in body(response)


def test_each_filter_has_its_own_page(login_as, area, coordinator):
    cases(area["one"], 7, forms=("threat",))
    cases(area["two"], 6, forms=("doxing",))
    refresh()
    client = login_as(coordinator)
    everything = get(client, area["municipality"])
    one = get(client, area["municipality"], {"organisatie": "school-een"})
    again = get(client, area["municipality"], {"organisatie": "school-een"})
    assert "dashboard" not in again.context
    assert body(again) == body(one) != body(everything)
    assert one.context["dashboard"].trend.total == 7


def test_filters_written_another_way_are_answered_but_not_cached(login_as, area, coordinator):
    cases(area["one"], 7)
    refresh()
    client = login_as(coordinator)
    for _ in range(2):
        response = get(client, area["municipality"], {"van": "2026-1-1"})
        assert "dashboard" in response.context  # built again: not a canonical URL
        assert not response.context["bad_filter"]
    response = get(client, area["municipality"], {"van": "2026-01-01"})
    assert "dashboard" in response.context
    assert "dashboard" not in get(client, area["municipality"], {"van": "2026-01-01"}).context


def test_a_bad_filter_is_never_cached_and_keeps_its_message(login_as, area, coordinator):
    refresh()
    client = login_as(coordinator)
    for _ in range(2):
        response = get(client, area["municipality"], {"van": "gisteren"})
        assert response.context["bad_filter"]
        assert "Het filter klopt niet" in response.content.decode()


def test_a_renamed_organisation_shows_at_once(login_as, area, coordinator):
    cases(area["one"], 7)
    refresh()
    client = login_as(coordinator)
    get(client, area["municipality"])
    with scopes_disabled():
        area["one"].name = "School Nieuw"
        area["one"].save()
    assert "School Nieuw" in body(get(client, area["municipality"]))


def test_the_page_follows_the_language(login_as, area, coordinator):
    refresh()
    client = login_as(coordinator)
    dutch = body(get(client, area["municipality"]))
    client.cookies["django_language"] = "en"
    english = body(get(client, area["municipality"]))
    assert dutch != english
    assert "Dashboard van de gemeente" in dutch and "Dashboard van de gemeente" not in english


def test_downloads_are_answered_after_a_cached_page(login_as, area, coordinator):
    cases(area["one"], 7)
    refresh()
    client = login_as(coordinator)
    get(client, area["municipality"])
    get(client, area["municipality"])
    response = get(client, area["municipality"], {"format": "csv", "table": "trend"})
    assert response["Content-Type"].startswith("text/csv")
    assert ["Totaal", "7"] in csv_rows(response)


def test_the_cached_page_holds_no_case_data(login_as, area, coordinator):
    cases(area["one"], 7)
    refresh()
    client = login_as(coordinator)
    page = body(get(client, area["municipality"]))
    with scopes_disabled():
        case = Case.objects.first()
    assert case.pseudonym not in page and case.signal not in page and case.reference not in page
    # Nothing that belongs to one request may be kept: no CSP nonce, no CSRF token, no name.
    assert "nonce" not in page and "csrfmiddlewaretoken" not in page
    assert coordinator.user.email not in page and coordinator.user.last_name not in page
