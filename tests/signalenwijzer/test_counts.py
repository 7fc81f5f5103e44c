"""The coordinator's monthly counts (suppressed like the dashboards) and the
organisation's own confidential contact."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from portal.models import AuditEvent
from portal.roles import Role
from signalenwijzer.models import OrganisationContact, WalkCount
from signalenwijzer.selectors import walk_counts
from signalenwijzer.services import walk_count_record

pytestmark = pytest.mark.django_db


def _url(organisation, name="signalenwijzer:counts"):
    return reverse(name, kwargs={"org_slug": organisation.slug})


def _months(organisation, rows):
    with scopes_disabled():
        for month, started, finished, signalled in rows:
            WalkCount.objects.create(
                organisation=organisation, month=month, started=started, finished=finished, signalled=signalled
            )


def test_counting_adds_to_this_month_s_row():
    from tests.factories import SchoolFactory

    organisation = SchoolFactory()
    with (
        time_machine.travel(datetime.datetime(2026, 3, 31, 23, 0, tzinfo=datetime.UTC), tick=False),
        scope(organisation=organisation),
    ):
        walk_count_record(organisation=organisation, event="started")
        walk_count_record(organisation=organisation, event="started")
        walk_count_record(organisation=organisation, event="finished")
        walk_count_record(organisation=organisation, event="signalled")
    with scopes_disabled():
        row = WalkCount.objects.get()
    # 23:00 UTC on 31 March is 1 April in Amsterdam: the local month counts.
    assert (row.month, row.started, row.finished, row.signalled) == (datetime.date(2026, 4, 1), 2, 1, 1)
    with pytest.raises(ValueError), scope(organisation=organisation):
        walk_count_record(organisation=organisation, event="answers")


def test_small_numbers_are_suppressed_like_the_dashboards(org):
    _months(org, [(datetime.date(2026, 5, 1), 12, 9, 3), (datetime.date(2026, 4, 1), 7, 5, 6)])
    with scope(organisation=org):
        table = walk_counts(org)
    assert [(r.month.month, r.started, r.finished, r.signalled) for r in table.rows] == [(5, 12, 9, "<5"), (4, 7, 5, 6)]
    # A total from which the "<5" could be worked out is hidden; exact columns keep theirs.
    assert (table.totals.started, table.totals.finished) == (19, 14)
    assert str(table.totals.signalled) == "verborgen"
    assert table.any_suppressed


def test_coordinator_sees_the_table(client, org, member_factory):
    _months(org, [(datetime.date(2026, 5, 1), 12, 9, 3)])
    client.force_login(member_factory(org, Role.ORG_COORDINATOR).user)
    response = client.get(_url(org))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-maand="2026-05"' in html and "&lt;5" in html
    assert "Mei 2026" in html


@pytest.mark.parametrize("role", [Role.LEARNER, Role.CASE_HANDLER])
def test_others_may_not_see_the_counts(client, org, member_factory, role):
    client.force_login(member_factory(org, role).user)
    assert client.get(_url(org)).status_code == 403
    assert client.get(_url(org, "signalenwijzer:contact")).status_code == 403


def test_another_organisation_s_counts_are_a_404(client, org, other_org, member_factory):
    _months(org, [(datetime.date(2026, 5, 1), 12, 9, 3)])
    client.force_login(member_factory(other_org, Role.ORG_COORDINATOR).user)
    assert client.get(_url(org)).status_code == 404
    assert client.get(_url(org, "signalenwijzer:contact")).status_code == 404
    # And their own page shows none of the other organisation's counts.
    response = client.get(_url(other_org))
    assert "2026-05" not in response.content.decode()


@pytest.mark.parametrize("months", [1, 12])
def test_counts_page_queries_do_not_grow_with_the_months(
    client, org, member_factory, months, django_assert_num_queries
):
    _months(org, [(datetime.date(2025 + (n // 12), n % 12 + 1, 1), 10 + n, 5, 1) for n in range(months)])
    client.force_login(member_factory(org, Role.ORG_COORDINATOR).user)
    client.get(_url(org))
    with django_assert_num_queries(_COUNTS_PAGE_QUERIES):
        assert client.get(_url(org)).status_code == 200


# Session, user, membership (+ organisation), session write, notification badge, the counts: fixed.
_COUNTS_PAGE_QUERIES = 6


def test_coordinator_names_the_confidential_contact(client, org, member_factory):
    coordinator = member_factory(org, Role.ORG_COORDINATOR)
    client.force_login(coordinator.user)
    response = client.post(
        _url(org, "signalenwijzer:contact"),
        {"name": "Mevrouw Jansen", "role": "intern begeleider", "how_to_reach": "Kamer 12"},
    )
    assert response.status_code == 302
    with scopes_disabled():
        contact = OrganisationContact.objects.get(organisation=org)
        assert (contact.name, contact.role, contact.how_to_reach) == ("Mevrouw Jansen", "intern begeleider", "Kamer 12")
        assert AuditEvent.objects.filter(organisation=org, actor=coordinator.user).exists()
    # A name without a role is refused; an empty name clears the contact.
    refused = client.post(_url(org, "signalenwijzer:contact"), {"name": "Iemand", "role": ""})
    assert refused.status_code == 200 and "Vul ook de functie in." in refused.content.decode()
    client.post(_url(org, "signalenwijzer:contact"), {"name": "", "role": ""})
    with scopes_disabled():
        assert not OrganisationContact.objects.filter(organisation=org).exists()
