"""The processing log about one person, as a coordinator reads it: a victim by case
reference, a member by name; only this organisation's entries; looking is logged."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scope

from portal.models import ProcessingLogEntry
from portal.processing_log import Operation, record, staff_subject, victim_subject
from portal.roles import Role
from referrals import services
from tests.factories import PartnerFactory, SchoolFactory

pytestmark = pytest.mark.django_db


def url(org):
    return f"/o/{org.slug}/privacy/logboek/"


@pytest.fixture
def coordinator(org, member_factory):
    return member_factory(org, Role.ORG_COORDINATOR)


@pytest.fixture
def handler(org, member_factory):
    return member_factory(org, Role.CASE_HANDLER)


def test_a_victims_entries_in_words_with_who_did_it(login_as, org, coordinator, handler):
    partner = PartnerFactory(name="Slachtofferhulp Test")
    with scope(organisation=org):
        case = services.case_open(actor_membership=handler, pseudonym="Kim", signal="Dreigt met beelden.")
    record(
        organisation_id=org.pk,
        operation=Operation.SHARE,
        name="referral.summary.read",
        activity="referral",
        subject=victim_subject(org.pk, case.reference),
        actor=None,
        actor_organisation_id=partner.pk,
    )
    response = login_as(coordinator).get(url(org), {"wie": "slachtoffer", "kenmerk": case.reference.lower()})
    assert response.status_code == 200
    html = response.text
    assert "Signaal gemeld (casus geopend)" in html
    assert str(handler.user) in html
    assert "Iemand van Slachtofferhulp Test" in html
    assert "Samenvatting gelezen door de partner" in html
    assert "Kim" not in html and "Dreigt" not in html  # the log holds no content
    assert "no-store" in response["Cache-Control"]


def test_a_members_entries(login_as, org, coordinator, member_factory):
    learner = member_factory(org, Role.LEARNER)
    login_as(coordinator).get(f"/o/{org.slug}/leden/{learner.pk}/")
    html = login_as(coordinator).get(url(org), {"wie": "medewerker", "lid": learner.pk}).text
    assert "Ledenpagina bekeken" in html


def test_looking_is_itself_an_entry(login_as, org, coordinator):
    login_as(coordinator).get(url(org), {"wie": "slachtoffer", "kenmerk": "2026-0099"})
    with scope(organisation=org):
        entry = ProcessingLogEntry.objects.get(name="processing_log.read")
    assert entry.subject_ref == victim_subject(org.pk, "2026-0099").ref
    assert entry.actor_id == coordinator.user_id


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"wie": "slachtoffer", "kenmerk": ""}, "kenmerk", "Vul het kenmerk van de casus in."),
        ({"wie": "medewerker"}, "lid", "Kies de medewerker of vrijwilliger."),
        ({"wie": "iemand"}, "wie", "Selecteer een geldige keuze"),
    ],
)
def test_errors_name_the_field(login_as, org, coordinator, params, field, message):
    response = login_as(coordinator).get(url(org), params)
    assert response.status_code == 200
    form = response.context["form"]
    assert message in " ".join(form.errors[field])
    assert f'id="id_{field}_error"' in response.text


def test_only_this_organisations_entries(login_as, org, coordinator, handler, member_factory):
    other = SchoolFactory()
    other_handler = member_factory(other, Role.CASE_HANDLER)
    with scope(organisation=org):
        case = services.case_open(actor_membership=handler, pseudonym="A", signal="x")
    with scope(organisation=other):
        other_case = services.case_open(actor_membership=other_handler, pseudonym="B", signal="y")
    assert case.reference == other_case.reference  # the same number in two organisations
    record(
        organisation_id=other.pk,
        operation=Operation.READ,
        name="membership.detail.read",
        activity="accounts",
        subject=staff_subject(coordinator.user_id),
    )
    response = login_as(coordinator).get(url(org), {"wie": "slachtoffer", "kenmerk": case.reference})
    assert [row.entry.organisation_id for row in response.context["rows"]] == [org.pk]
    response = login_as(coordinator).get(url(org), {"wie": "medewerker", "lid": coordinator.pk})
    assert response.context["rows"] == []


def test_another_organisations_member_gets_404(login_as, org, member_factory):
    stranger = member_factory(SchoolFactory(), Role.ORG_COORDINATOR)
    assert login_as(stranger).get(url(org), {"wie": "slachtoffer", "kenmerk": "2026-0001"}).status_code == 404


def test_a_member_without_the_right_gets_403(login_as, org, handler):
    assert login_as(handler).get(url(org)).status_code == 403


def test_the_coordinator_finds_it_in_the_list_of_tasks(login_as, org, coordinator):
    html = login_as(coordinator).get(f"/o/{org.slug}/").text
    assert url(org) in html


def test_query_count_does_not_grow_with_the_log(login_as, org, coordinator, handler):
    client = login_as(coordinator)
    counts = {}
    for size in (10, 200):
        reference = f"2026-{size:04d}"
        for i in range(size):
            record(
                organisation_id=org.pk,
                operation=Operation.READ,
                name="case.file.read",
                activity="case_handling",
                subject=victim_subject(org.pk, reference),
                actor=handler.user if i % 2 else None,
                actor_organisation_id=org.pk,
            )
        client.get(url(org), {"wie": "slachtoffer", "kenmerk": reference})
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url(org), {"wie": "slachtoffer", "kenmerk": reference})
        assert len(response.context["rows"]) == min(size + 1, 50)  # and the first look
        counts[size] = [q["sql"] for q in queries.captured_queries]
    assert len(counts[10]) == len(counts[200]), "\n".join(counts[10] + ["---"] + counts[200])
    assert len(counts[10]) <= 16, "\n".join(counts[10])


def test_the_case_page_links_a_coordinator_to_the_cases_log(login_as, org, coordinator, handler):
    with scope(organisation=org):
        case = services.case_open(actor_membership=handler, pseudonym="Kim", signal="x")
    html = login_as(coordinator).get(f"/o/{org.slug}/casussen/{case.pk}/").text
    assert f"{url(org)}?wie=slachtoffer&amp;kenmerk={case.reference}" in html
    html = login_as(handler).get(f"/o/{org.slug}/casussen/{case.pk}/").text
    assert url(org) not in html


def test_every_name_the_code_writes_has_words():
    """A new kind of entry cannot reach the coordinator as a code."""
    import re
    from pathlib import Path

    from portal.processing_log import AUDIT_PROCESSING
    from privacy.logbook.selectors import NAME_LABELS
    from referrals.processing import ACCESS_NAMES, EVENT_PROCESSING

    names = {p.name for p in EVENT_PROCESSING.values() if p is not None}
    names |= set(ACCESS_NAMES.values()) | {p[2] for p in AUDIT_PROCESSING.values() if p is not None}
    root = Path(__file__).resolve().parents[2]
    for path in [*root.glob("*/**/*.py")]:
        if ".venv" in path.parts or "tests" in path.parts or "node_modules" in path.parts:
            continue
        names |= set(re.findall(r'name="([a-z_]+(?:\.[a-z_]+)+)"', path.read_text(encoding="utf-8")))
    prefixes = {"case", "referral", "membership", "account", "training", "privacy_request", "privacy", "processing_log"}
    names = {n for n in names if n.split(".")[0] in prefixes and ".tasks." not in n}  # task names are not entries
    assert names - set(NAME_LABELS) == set()


def test_a_request_links_to_the_persons_log(login_as, org, coordinator, member_factory):
    from tests.privacy.factories import SubjectRequestFactory

    learner = member_factory(org, Role.LEARNER)
    victim_request = SubjectRequestFactory(organisation=org)
    staff_request = SubjectRequestFactory(
        organisation=org, subject_type="staff", case_references=[], pseudonym="", subject_user=learner.user
    )
    html = login_as(coordinator).get(f"/o/{org.slug}/privacy/verzoeken/{victim_request.pk}/").text
    reference = victim_request.case_references[0]
    assert f"{url(org)}?wie=slachtoffer&amp;kenmerk={reference}" in html
    html = login_as(coordinator).get(f"/o/{org.slug}/privacy/verzoeken/{staff_request.pk}/").text
    assert f"{url(org)}?wie=medewerker&amp;lid={learner.pk}" in html
