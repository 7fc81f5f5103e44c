"""The municipality's side of referrals: the list of referrals in its area, a
referral's page, redirecting, and the local directory (social map).

A municipal coordinator never sees victim data; another municipality's
coordinator gets 404 on every object URL; waiting times count working days.
"""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from portal.models import Country
from portal.roles import Role
from referrals import services
from referrals.area import selectors as selectors_area
from referrals.models import CaseEvent, LocalDestination, LocalRule, Referral, ReferralUpdate, VictimContact
from tests.factories import MunicipalityFactory, PartnerFactory, PlatformFactory, SchoolFactory
from tests.referrals.factories import ReferralFactory, RoutedCaseFactory

pytestmark = pytest.mark.django_db

S = Referral.Status
AMS = ZoneInfo("Europe/Amsterdam")
# Wednesday 29 April 2026, 10:00. Monday 27 April was Koningsdag (NL only).
NOW = datetime(2026, 4, 29, 10, 0, tzinfo=AMS)

SECRETS = {
    "pseudonym": "Geheim-Vos",
    "signal": "Signaaltekst-Geheim over de groepsapp",
    "summary": "Samenvatting-Geheim: afgeperst met beelden",
    "decline": "Afwijsreden-Geheim: geen plek",
    "update": "Bericht-Geheim van de partner",
    "contact": "Contactnaam-Geheim",
}
LOCAL_RULE = {
    "id": "jongerenwerk-pesten",
    "priority": 75,
    "conditions": {"all": [{"fact": "forms", "contains": "cyberbullying"}, {"flag": "minor"}]},
    "outcomes": [{"destination": "local:jongerenwerk", "urgency": "normal", "explanation": "Het jongerenwerk helpt."}],
}


def list_url(org):
    return f"/o/{org.slug}/gebied/doorverwijzingen/"


def detail_url(org, referral):
    return f"/o/{org.slug}/gebied/doorverwijzingen/{referral.pk}/"


def redirect_url(org, referral):
    return f"/o/{org.slug}/gebied/doorverwijzingen/{referral.pk}/omleiden/"


def directory_url(org, suffix=""):
    return f"/o/{org.slug}/sociale-kaart/{suffix}"


def visible(response):
    """The page's text without tags, on one line."""
    return " ".join(re.sub(r"<[^>]+>", " ", response.text).split())


def dated(referral, **dates):
    """Set a referral's dates (the factory stamps them with now)."""
    with scopes_disabled():
        Referral.objects.filter(pk=referral.pk).update(**dates)
        referral.refresh_from_db()
    return referral


def reload(referral):
    with scopes_disabled():
        return Referral.objects.get(pk=referral.pk)


@pytest.fixture
def school(school_in_municipality):
    return school_in_municipality


@pytest.fixture
def coordinator_client(client, municipal_coordinator):
    client.force_login(municipal_coordinator.user)
    return client


@pytest.fixture
def secret_referral(school):
    """A referral full of victim data, none of which the municipality may see."""
    case = RoutedCaseFactory(organisation=school, pseudonym=SECRETS["pseudonym"], signal=SECRETS["signal"])
    referral = ReferralFactory(organisation=school, case=case, status=S.DECLINED)
    dated(referral, summary=SECRETS["summary"], decline_reason=SECRETS["decline"])
    with scopes_disabled():
        ReferralUpdate.objects.create(
            organisation=school, referral=referral, author_label="Partner", text=SECRETS["update"]
        )
        VictimContact.objects.create(organisation=school, case=case, name=SECRETS["contact"])
    return referral


@pytest.fixture
def frozen(monkeypatch):
    """Freeze ``timezone.now`` (the session, made at sign-in, stays valid: NOW is in the past)."""
    monkeypatch.setattr(timezone, "now", lambda: NOW)
    return NOW


# --- Who may see what -------------------------------------------------------------------


def test_the_list_shows_the_areas_referrals_only(coordinator_client, municipality, school, other_municipality):
    own = ReferralFactory(organisation=school)
    other_school_same_area = ReferralFactory(organisation=SchoolFactory(parent=municipality, name="Sportclub Oost"))
    elsewhere = ReferralFactory(organisation=SchoolFactory(parent=other_municipality, name="School Elders"))
    draft = ReferralFactory(organisation=school, status=S.DRAFT, destination="helpwanted")
    response = coordinator_client.get(list_url(municipality))
    assert response.status_code == 200
    assert response["Cache-Control"].count("no-store") == 1
    labels = {row.label for row in response.context["rows"]}
    assert labels == {f"D-{own.pk}", f"D-{other_school_same_area.pk}"}
    assert f"D-{elsewhere.pk}" not in response.text
    assert f"D-{draft.pk}" not in response.text
    assert "School Elders" not in response.text
    assert school.name in response.text and "Sportclub Oost" in response.text


def test_list_and_detail_never_show_victim_data(coordinator_client, municipality, secret_referral):
    case = secret_referral.case
    pages = [
        coordinator_client.get(list_url(municipality)),
        coordinator_client.get(detail_url(municipality, secret_referral)),
    ]
    for response in pages:
        assert response.status_code == 200
        for secret in (*SECRETS.values(), case.reference):
            assert secret not in response.text, secret
    detail = pages[1].text
    assert f"D-{secret_referral.pk}" in detail
    assert "Slachtofferhulp Nederland" in detail
    # Only that a reason was given.
    assert "De partner heeft een reden gegeven" in detail


def test_area_queries_never_load_victim_fields(coordinator_client, municipality, secret_referral):
    for path in (list_url(municipality), detail_url(municipality, secret_referral)):
        with CaptureQueriesContext(connection) as queries:
            assert coordinator_client.get(path).status_code == 200
        sql = " ".join(q["sql"] for q in queries.captured_queries)
        assert "referrals_referral" in sql
        for column in ("summary", "pseudonym", "signal", "referrals_referralupdate", "referrals_victimcontact"):
            assert column not in sql, (path, column)
        # The decline reason is only compared with '' (was one given?), never selected.
        assert '"referrals_referral"."decline_reason" AS' not in sql


def test_reads_by_the_municipality_are_not_logged_as_personal_data(coordinator_client, municipality, secret_referral):
    from referrals.models import PersonalDataAccess

    coordinator_client.get(detail_url(municipality, secret_referral))
    with scopes_disabled():
        assert not PersonalDataAccess.objects.exists()


@pytest.mark.parametrize("role", [Role.LEARNER, Role.CONTENT_EDITOR])
def test_other_roles_of_the_municipality_get_403(role, client, municipality, member_factory, school):
    referral = ReferralFactory(organisation=school)
    client.force_login(member_factory(municipality, role).user)
    assert client.get(list_url(municipality)).status_code == 403
    assert client.get(detail_url(municipality, referral)).status_code == 403
    response = client.post(redirect_url(municipality, referral), {"destination": "helpwanted", "reason": "Beter"})
    assert response.status_code == 403
    assert reload(referral).status == S.SENT
    assert client.get(directory_url(municipality)).status_code == 403


def test_school_case_handler_and_partner_cannot_reach_area_pages(client, school, member_factory):
    partner = PartnerFactory(destination_code="slachtofferhulp")
    referral = ReferralFactory(organisation=school, partner=partner)
    handler = member_factory(school, Role.CASE_HANDLER)
    intake = member_factory(partner, Role.PARTNER_INTAKE)
    for membership in (handler, intake):
        org = membership.organisation
        client.force_login(membership.user)
        assert client.get(list_url(org)).status_code == 403
        # The referral is not in their "area": it does not exist for them.
        assert client.get(detail_url(org, referral)).status_code == 404
        response = client.post(redirect_url(org, referral), {"destination": "helpwanted", "reason": "Beter"})
        assert response.status_code == 404
        assert client.get(directory_url(org)).status_code == 403
        assert client.get(directory_url(org, "nieuw/")).status_code == 403
    assert reload(referral).status == S.SENT


def test_school_coordinator_and_platform_admin_have_no_directory(client, school, member_factory):

    platform = PlatformFactory(name="Platform", slug="platform", country="NL")
    for membership in (member_factory(school, Role.ORG_COORDINATOR), member_factory(platform, Role.PLATFORM_ADMIN)):
        client.force_login(membership.user)
        org = membership.organisation
        assert client.get(directory_url(org)).status_code == 403
        response = client.post(directory_url(org, "nieuw/"), {"code": "x", "label": "X", "kind": "referral"})
        assert response.status_code == 403
    with scopes_disabled():
        assert not LocalDestination.objects.exists()


def test_another_municipalitys_coordinator_gets_404_everywhere(
    client, municipality, other_municipality, school, member_factory
):
    referral = ReferralFactory(organisation=school)
    with scopes_disabled():
        destination = LocalDestination.objects.create(organisation=municipality, code="jongerenwerk", label="JW")
    outsider = member_factory(other_municipality, Role.MUNICIPAL_COORDINATOR)
    client.force_login(outsider.user)
    own = other_municipality
    # Their own list works and is empty of the other area.
    listing = client.get(list_url(own))
    assert listing.status_code == 200
    assert f"D-{referral.pk}" not in listing.text
    # Forged ids on their own slug.
    assert client.get(detail_url(own, referral)).status_code == 404
    assert client.post(redirect_url(own, referral), {"destination": "helpwanted", "reason": "Beter"}).status_code == 404
    for suffix in (f"{destination.pk}/", f"{destination.pk}/verwijderen/"):
        assert client.get(directory_url(own, suffix)).status_code == 404
        assert client.post(directory_url(own, suffix), {"label": "Overgenomen", "kind": "referral"}).status_code == 404
    # The other municipality's slug.
    for path in (list_url(municipality), detail_url(municipality, referral), directory_url(municipality)):
        assert client.get(path).status_code == 404
    assert reload(referral).status == S.SENT
    with scopes_disabled():
        assert LocalDestination.objects.get(pk=destination.pk).label == "JW"


# --- Filters ----------------------------------------------------------------------------


@pytest.fixture
def mixed_area(municipality, school):
    club = SchoolFactory(parent=municipality, name="Sportclub Oost")
    return {
        "sent": ReferralFactory(organisation=school),
        "acknowledged": ReferralFactory(organisation=school, status=S.ACKNOWLEDGED, destination="helpwanted"),
        "club": ReferralFactory(organisation=club, status=S.ACCEPTED),
        "closed": ReferralFactory(organisation=club, status=S.CLOSED, destination="helpwanted"),
        "club_org": club,
    }


def _labels(response):
    return {row.label for row in response.context["rows"]}


def test_filters(coordinator_client, municipality, school, mixed_area):
    url = list_url(municipality)
    assert len(_labels(coordinator_client.get(url))) == 4
    by_status = coordinator_client.get(url, {"status": "acknowledged"})
    assert _labels(by_status) == {f"D-{mixed_area['acknowledged'].pk}"}
    assert "gefilterd" in by_status.text
    by_destination = coordinator_client.get(url, {"bestemming": "helpwanted"})
    assert _labels(by_destination) == {f"D-{mixed_area['acknowledged'].pk}", f"D-{mixed_area['closed'].pk}"}
    by_org = coordinator_client.get(url, {"organisatie": mixed_area["club_org"].pk})
    assert _labels(by_org) == {f"D-{mixed_area['club'].pk}", f"D-{mixed_area['closed'].pk}"}
    combined = coordinator_client.get(url, {"organisatie": school.pk, "bestemming": "slachtofferhulp"})
    assert _labels(combined) == {f"D-{mixed_area['sent'].pk}"}
    none = coordinator_client.get(url, {"status": "declined"})
    assert _labels(none) == set()
    assert "Geen doorverwijzingen met dit filter" in none.text


@pytest.mark.parametrize(
    "query",
    [
        {"status": "draft"},
        {"status": "bestaat-niet"},
        {"bestemming": "child_focus"},
        {"organisatie": "abc"},
        {"organisatie": "999999"},
        {"geescaleerd": "misschien"},
        {"status": "sent", "organisatie": "x" * 300},
    ],
)
def test_bad_filter_values_show_a_message_and_the_whole_list(query, coordinator_client, municipality, mixed_area):
    response = coordinator_client.get(list_url(municipality), query)
    assert response.status_code == 200
    assert "Het filter klopt niet" in response.text
    assert len(_labels(response)) == 4
    assert response.context["form"].errors


def test_the_escalated_filter_matches_the_marker(coordinator_client, frozen, municipality, school):
    waiting = dated(ReferralFactory(organisation=school), sent_at=datetime(2026, 4, 21, 9, 0, tzinfo=AMS))
    marked = dated(
        ReferralFactory(organisation=school, status=S.ACCEPTED), escalated_at=datetime(2026, 4, 28, 9, 0, tzinfo=AMS)
    )
    ReferralFactory(organisation=school, destination="helpwanted")  # sent now: not escalated
    response = coordinator_client.get(list_url(municipality), {"geescaleerd": "1"})
    assert _labels(response) == {f"D-{waiting.pk}", f"D-{marked.pk}"}
    assert all(row.escalated for row in response.context["rows"])


def test_pages_keep_the_filters(coordinator_client, municipality, school):
    for _ in range(52):
        ReferralFactory(organisation=school, consent=False)
    ReferralFactory(organisation=school, status=S.ACKNOWLEDGED, consent=False)
    first = coordinator_client.get(list_url(municipality), {"status": "sent"})
    assert len(first.context["rows"]) == 50
    assert "?status=sent&amp;pagina=2" in first.text
    second = coordinator_client.get(list_url(municipality), {"status": "sent", "pagina": "2"})
    assert len(second.context["rows"]) == 2
    assert coordinator_client.get(list_url(municipality), {"pagina": "abc"}).status_code == 200


# --- Waiting time and escalation (frozen dates) -------------------------------------------


def _rows(municipality, **filters):
    with scope(organisation=municipality):
        referrals = selectors_area.filter_referrals(
            selectors_area.area_referrals(), now=NOW, country=municipality.country, **filters
        )
        return {row.pk: row for row in selectors_area.area_rows(referrals, now=NOW, country=municipality.country)}


def test_waiting_time_counts_working_days_of_the_municipalitys_country(db):
    nl = MunicipalityFactory(country=Country.NL)
    be = MunicipalityFactory(country=Country.BE)
    found = {}
    for municipality in (nl, be):
        school = SchoolFactory(parent=municipality)
        # Sent Wednesday 22 April: Thu, Fri, (Mon 27 Koningsdag in NL), Tue, Wed.
        wednesday = dated(ReferralFactory(organisation=school), sent_at=datetime(2026, 4, 22, 9, 0, tzinfo=AMS))
        # Sent Tuesday 21 April: five working days in both countries.
        tuesday = dated(
            ReferralFactory(organisation=school, destination="helpwanted"),
            sent_at=datetime(2026, 4, 21, 17, 0, tzinfo=AMS),
        )
        found[municipality.country] = (_rows(municipality), wednesday, tuesday)

    rows, wednesday, tuesday = found["NL"]
    assert (rows[wednesday.pk].waiting_days, rows[wednesday.pk].overdue) == (4, False)
    assert (rows[tuesday.pk].waiting_days, rows[tuesday.pk].overdue) == (5, True)
    rows, wednesday, tuesday = found["BE"]
    assert (rows[wednesday.pk].waiting_days, rows[wednesday.pk].overdue) == (5, True)
    assert (rows[tuesday.pk].waiting_days, rows[tuesday.pk].overdue) == (6, True)


def test_waiting_stops_at_acknowledgement_and_closing(municipality, school):
    # Sent Wednesday 1 April, acknowledged Thursday 9 April: Good Friday counts in NL, Easter Monday not.
    acknowledged = dated(
        ReferralFactory(organisation=school, status=S.ACKNOWLEDGED),
        sent_at=datetime(2026, 4, 1, 9, 0, tzinfo=AMS),
        acknowledged_at=datetime(2026, 4, 9, 9, 0, tzinfo=AMS),
    )
    withdrawn = ReferralFactory(organisation=school, status=S.CLOSED, destination="helpwanted", outcome="withdrawn")
    withdrawn = dated(
        withdrawn,
        sent_at=datetime(2026, 4, 1, 9, 0, tzinfo=AMS),
        acknowledged_at=None,
        decided_at=None,
        closed_at=datetime(2026, 4, 2, 9, 0, tzinfo=AMS),
    )
    rows = _rows(municipality)
    assert (rows[acknowledged.pk].waiting_days, rows[acknowledged.pk].overdue) == (5, False)
    assert not rows[acknowledged.pk].escalated
    assert (rows[withdrawn.pk].waiting_days, rows[withdrawn.pk].escalated) == (1, False)


def test_escalated_at_marks_a_referral_whatever_its_wait(municipality, school):
    marked = dated(
        ReferralFactory(organisation=school, status=S.ACKNOWLEDGED), escalated_at=datetime(2026, 4, 28, 9, tzinfo=AMS)
    )
    row = _rows(municipality)[marked.pk]
    assert row.escalated and not row.overdue and row.escalated_at is not None


def test_the_database_filter_agrees_with_the_rows(municipality, school):
    """For sending dates around every day of three weeks, the escalated filter picks
    exactly the rows whose marker says escalated."""
    made = [
        dated(ReferralFactory(organisation=school, consent=False), sent_at=datetime(2026, 4, day, hour, 30, tzinfo=AMS))
        for day in range(6, 30)
        for hour in (0, 12, 23)
    ]
    rows = _rows(municipality)
    escalated = _rows(municipality, escalated=True)
    assert set(escalated) == {pk for pk, row in rows.items() if row.escalated}
    assert 0 < len(escalated) < len(made)
    # The line lies between 21 April 23:30 (overdue) and 22 April 00:30 (not yet).
    assert max(rows[pk].sent_at for pk in escalated) == datetime(2026, 4, 21, 23, 30, tzinfo=AMS)


def test_the_list_shows_waiting_time_and_why_escalated(coordinator_client, frozen, municipality, school):
    overdue = dated(ReferralFactory(organisation=school), sent_at=datetime(2026, 4, 21, 9, 0, tzinfo=AMS))
    marked = dated(
        ReferralFactory(organisation=school, status=S.ACKNOWLEDGED, destination="helpwanted"),
        sent_at=datetime(2026, 4, 28, 9, 0, tzinfo=AMS),
        acknowledged_at=datetime(2026, 4, 28, 12, 0, tzinfo=AMS),
        escalated_at=datetime(2026, 4, 28, 15, 0, tzinfo=AMS),
    )
    response = coordinator_client.get(list_url(municipality))
    rows = {row.pk: row for row in response.context["rows"]}
    assert rows[overdue.pk].waiting_days == 5 and rows[overdue.pk].overdue
    assert rows[marked.pk].waiting_days == 0 and rows[marked.pk].escalated_at
    text = visible(response)
    assert "5 werkdagen (wacht nog)" in text
    assert "na 5 werkdagen nog niet ontvangen" in text
    assert "gemarkeerd op 28 april 2026" in text


# --- The detail page and redirecting ------------------------------------------------------


def test_detail_shows_the_timeline(coordinator_client, municipality, school):
    referral = dated(
        ReferralFactory(organisation=school, status=S.ACCEPTED),
        sent_at=datetime(2026, 4, 1, 9, 0, tzinfo=AMS),
        acknowledged_at=datetime(2026, 4, 2, 10, 0, tzinfo=AMS),
        decided_at=datetime(2026, 4, 3, 11, 0, tzinfo=AMS),
    )
    response = coordinator_client.get(detail_url(municipality, referral))
    assert response.status_code == 200
    text = visible(response)
    assert "1 april 2026 09:00 – Verstuurd" in text
    assert "2 april 2026 10:00 – Ontvangen door de organisatie" in text
    assert "3 april 2026 11:00 – Aangenomen" in text
    assert 'name="destination"' in response.text  # still under way: it can be redirected


def test_redirect_choices_are_referral_destinations_of_the_country(
    coordinator_client, municipal_coordinator, municipality, school
):
    services.local_destination_save(
        actor_membership=municipal_coordinator, code="jongerenwerk", label="Jongerenwerk Zuid"
    )
    services.local_destination_save(actor_membership=municipal_coordinator, code="loket", label="Loket", kind="advice")
    referral = ReferralFactory(organisation=school)
    form = coordinator_client.get(detail_url(municipality, referral)).context["form"]
    codes = {code for code, _label in form.fields["destination"].choices if code}
    assert {"helpwanted", "local:jongerenwerk", "fraudehelpdesk"} <= codes
    assert "slachtofferhulp" not in codes  # the current one
    assert "child_focus" not in codes  # Belgian
    assert "police_report" not in codes  # an action
    assert "local:loket" not in codes  # advice


def test_redirect_end_to_end(coordinator_client, municipal_coordinator, municipality, school):
    old = ReferralFactory(organisation=school, status=S.ACKNOWLEDGED)
    response = coordinator_client.post(
        redirect_url(municipality, old), {"destination": "helpwanted", "reason": "HelpWanted past beter bij beelden."}
    )
    with scopes_disabled():
        new = Referral.objects.get(redirected_from=old)
        event = CaseEvent.objects.get(kind=CaseEvent.Kind.REFERRAL_REDIRECTED)
    assert response.status_code == 302
    assert response["Location"] == detail_url(municipality, new)

    old = reload(old)
    assert (old.status, old.outcome) == (S.CLOSED, Referral.Outcome.REDIRECTED)
    assert old.closed_at is not None
    assert (new.status, new.organisation_id, new.case_id) == (S.DRAFT, school.pk, old.case_id)
    assert (new.destination, new.destination_label, new.municipality_id) == (
        "helpwanted",
        "HelpWanted",
        municipality.pk,
    )
    assert (event.case_id, event.referral_id, event.actor_id) == (old.case_id, old.pk, municipal_coordinator.user_id)

    page = coordinator_client.get(response["Location"])
    assert page.status_code == 200
    text = " ".join(page.text.split())
    assert "legt nu toestemming vast" in text  # the message says what happens next
    assert f'Omgeleid vanaf <a href="{detail_url(municipality, old)}">D-{old.pk}</a>' in text
    assert page.context["form"] is None  # a draft is not redirected again
    # The new draft stays off the list until it is sent; the old one shows where it went.
    assert f"D-{new.pk}" not in coordinator_client.get(list_url(municipality)).text
    assert f"D-{new.pk}" in coordinator_client.get(detail_url(municipality, old)).text


def test_redirect_to_a_local_organisation(coordinator_client, municipal_coordinator, municipality, school):
    services.local_destination_save(
        actor_membership=municipal_coordinator, code="jongerenwerk", label="Jongerenwerk Zuid"
    )
    old = ReferralFactory(organisation=school)
    response = coordinator_client.post(
        redirect_url(municipality, old), {"destination": "local:jongerenwerk", "reason": "Lokaal beter geholpen."}
    )
    assert response.status_code == 302
    with scopes_disabled():
        new = Referral.objects.get(redirected_from=old)
    assert (new.destination, new.destination_label, new.partner_id) == ("local:jongerenwerk", "Jongerenwerk Zuid", None)


def test_redirecting_a_closed_referral_is_409(coordinator_client, municipality, school):
    closed = ReferralFactory(organisation=school, status=S.CLOSED)
    response = coordinator_client.post(
        redirect_url(municipality, closed), {"destination": "helpwanted", "reason": "Toch een andere."}
    )
    assert response.status_code == 409
    assert "Afgesloten" in response.text
    assert coordinator_client.post(redirect_url(municipality, closed), {}).status_code == 409
    with scopes_disabled():
        assert not Referral.objects.filter(redirected_from=closed).exists()
    assert coordinator_client.get(detail_url(municipality, closed)).context["form"] is None


def test_redirecting_twice_is_409(coordinator_client, municipality, school):
    old = ReferralFactory(organisation=school)
    data = {"destination": "helpwanted", "reason": "Past beter."}
    assert coordinator_client.post(redirect_url(municipality, old), data).status_code == 302
    assert coordinator_client.post(redirect_url(municipality, old), data).status_code == 409
    with scopes_disabled():
        assert Referral.objects.filter(redirected_from=old).count() == 1


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"destination": "helpwanted", "reason": ""}, "reason"),
        ({"destination": "helpwanted", "reason": "kort"}, "reason"),  # the service wants 5 characters
        ({"destination": "helpwanted", "reason": "x" * 151}, "reason"),
        ({"destination": "", "reason": "Past beter."}, "destination"),
        ({"destination": "child_focus", "reason": "Past beter."}, "destination"),
        ({"destination": "police_report", "reason": "Past beter."}, "destination"),
        ({"destination": "slachtofferhulp", "reason": "Past beter."}, "destination"),
        ({"destination": "local:bestaat_niet", "reason": "Past beter."}, "destination"),
    ],
)
def test_redirect_errors_name_the_field(data, field, coordinator_client, municipality, school):
    referral = ReferralFactory(organisation=school)
    response = coordinator_client.post(redirect_url(municipality, referral), data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert 'aria-invalid="true"' in response.text
    assert reload(referral).status == S.SENT


def test_the_service_refusal_of_a_short_reason_lands_on_its_field(coordinator_client, municipality, school):
    referral = ReferralFactory(organisation=school)
    response = coordinator_client.post(
        redirect_url(municipality, referral), {"destination": "helpwanted", "reason": " ab "}
    )
    assert "Schrijf op waarom de doorverwijzing wordt omgeleid." in response.context["form"].errors["reason"]


def test_redirect_only_by_post(coordinator_client, municipality, school):
    referral = ReferralFactory(organisation=school)
    assert coordinator_client.get(redirect_url(municipality, referral)).status_code == 405


def test_drafts_are_found_only_when_redirected(coordinator_client, municipality, school):
    draft = ReferralFactory(organisation=school, status=S.DRAFT)
    assert coordinator_client.get(detail_url(municipality, draft)).status_code == 404


# --- The local directory -------------------------------------------------------------------


CONTACT = {
    "helps_with": "Gesprekken met jongeren die online gepest worden.",
    "audience": "Jongeren van 12 tot 23 jaar",
    "phone": "010 123 45 67",
    "email": "info@jongerenwerk.example",
    "url": "https://jw.example",
    "address": "Havenstraat 1, 3011 AA Zuiderhaven",
    "opening_hours": "Maandag tot en met vrijdag 9.00 tot 17.00 uur",
}


def test_directory_add_edit_delete(coordinator_client, municipality):
    assert "nog leeg" in coordinator_client.get(directory_url(municipality)).text
    add = coordinator_client.get(directory_url(municipality, "nieuw/"))
    assert "code" not in add.context["form"].fields  # nobody types a code
    response = coordinator_client.post(
        directory_url(municipality, "nieuw/"), {"label": "Jongerenwerk Zuid", "kind": "referral", **CONTACT}
    )
    assert response.status_code == 302
    assert response["Location"] == directory_url(municipality)
    with scope(organisation=municipality):
        destination = LocalDestination.objects.get()
    assert (destination.code, destination.label) == ("jongerenwerk_zuid", "Jongerenwerk Zuid")
    assert {name: getattr(destination, name) for name in CONTACT} == CONTACT
    listing = coordinator_client.get(directory_url(municipality))
    assert "Jongerenwerk Zuid" in listing.text
    for value in ("Gesprekken met jongeren", "Jongeren van 12 tot 23 jaar", "info@jongerenwerk.example"):
        assert value in listing.text
    assert 'href="tel:0101234567"' in listing.text and 'href="mailto:info@jongerenwerk.example"' in listing.text
    assert "Doorverwijzen: neemt de hulp over" in listing.text
    assert "local:" not in listing.text  # the code is for administrators, on the edit page only

    edit = coordinator_client.get(directory_url(municipality, f"{destination.pk}/"))
    assert edit.status_code == 200
    assert "code" not in edit.context["form"].fields
    assert edit.context["form"].initial["phone"] == "010 123 45 67"
    assert "<code>local:jongerenwerk_zuid</code>" in edit.text
    response = coordinator_client.post(
        directory_url(municipality, f"{destination.pk}/"),
        {"label": "Jongerenwerk Zuiderhaven", "kind": "advice", "url": "", "phone": "+32 9 123 45 67"},
    )
    assert response.status_code == 302
    with scope(organisation=municipality):
        destination = LocalDestination.objects.get()
    # The code stays what it was: local rules refer to it.
    assert (destination.code, destination.label, destination.kind, destination.url, destination.phone) == (
        "jongerenwerk_zuid",
        "Jongerenwerk Zuiderhaven",
        "advice",
        "",
        "+32 9 123 45 67",
    )
    assert destination.email == "" and destination.helps_with == ""

    confirm = coordinator_client.get(directory_url(municipality, f"{destination.pk}/verwijderen/"))
    assert confirm.status_code == 200 and "Jongerenwerk Zuiderhaven verwijderen" in confirm.text
    with scope(organisation=municipality):
        assert LocalDestination.objects.exists()  # a GET deletes nothing
    response = coordinator_client.post(directory_url(municipality, f"{destination.pk}/verwijderen/"))
    assert response.status_code == 302
    with scope(organisation=municipality):
        assert not LocalDestination.objects.exists()


def test_the_code_is_made_from_the_name_and_unique_in_the_municipality(
    coordinator_client, municipal_coordinator, municipality, other_municipality, member_factory
):
    other = member_factory(other_municipality, Role.MUNICIPAL_COORDINATOR)
    services.local_destination_save(actor_membership=other, label="Jeugd & Gezin Zuid-Oost")
    for _ in range(3):
        response = coordinator_client.post(
            directory_url(municipality, "nieuw/"), {"label": "Jeugd & Gezin Zuid-Oost", "kind": "referral"}
        )
        assert response.status_code == 302
    services.local_destination_save(actor_membership=municipal_coordinator, label="Ça va, École Één!")
    services.local_destination_save(actor_membership=municipal_coordinator, label="  ---  ")
    with scope(organisation=municipality):
        codes = sorted(LocalDestination.objects.values_list("code", flat=True))
    assert codes == [
        "ca_va_ecole_een",
        "jeugd_gezin_zuid_oost",
        "jeugd_gezin_zuid_oost_2",
        "jeugd_gezin_zuid_oost_3",
        "organisatie",
    ]
    with scope(organisation=other_municipality):  # the other municipality's own code is not taken here
        assert list(LocalDestination.objects.values_list("code", flat=True)) == ["jeugd_gezin_zuid_oost"]


def test_a_derived_code_fits_the_rules_and_the_column():
    long = services.destination_code_from_name("Stichting " + "Heel Lange Naam " * 10, set())
    assert len(long) <= 46 and re.fullmatch(r"[a-z0-9]+(?:_[a-z0-9]+)*", long)
    assert services.destination_code_from_name("Stichting", {"stichting", "stichting_2"}) == "stichting_3"


def test_the_code_survives_a_new_name_and_local_rules_keep_working(
    coordinator_client, municipal_coordinator, municipality
):
    services.local_destination_save(actor_membership=municipal_coordinator, code="jongerenwerk", label="Jongerenwerk")
    services.local_rule_save(actor_membership=municipal_coordinator, rule=LOCAL_RULE)
    with scope(organisation=municipality):
        destination = LocalDestination.objects.get()
    response = coordinator_client.post(
        directory_url(municipality, f"{destination.pk}/"), {"label": "Buurtwerk Noord", "kind": "referral"}
    )
    assert response.status_code == 302
    with scope(organisation=municipality):
        assert LocalDestination.objects.get().code == "jongerenwerk"
    assert "jongerenwerk-pesten" in coordinator_client.get(directory_url(municipality)).text


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"label": "", "kind": "referral"}, "label"),
        ({"label": "   ", "kind": "referral"}, "label"),
        ({"label": "x" * 201, "kind": "referral"}, "label"),
        ({"label": "JW", "kind": "iets"}, "kind"),
        ({"label": "JW", "kind": "referral", "url": "geen adres"}, "url"),
        ({"label": "JW", "kind": "referral", "url": "http://jw.example"}, "url"),  # https only
        ({"label": "JW", "kind": "referral", "phone": "bel ons"}, "phone"),
        ({"label": "JW", "kind": "referral", "phone": "12"}, "phone"),
        ({"label": "JW", "kind": "referral", "phone": "010 123 45 67 89 01 23 45"}, "phone"),
        ({"label": "JW", "kind": "referral", "email": "info@"}, "email"),
        ({"label": "JW", "kind": "referral", "address": "x" * 301}, "address"),
    ],
)
def test_directory_errors_name_the_field(data, field, coordinator_client, municipal_coordinator, municipality):
    services.local_destination_save(actor_membership=municipal_coordinator, code="bestaat", label="Bestaat al")
    response = coordinator_client.post(directory_url(municipality, "nieuw/"), data)
    assert response.status_code == 200
    assert list(response.context["form"].errors) == [field]
    assert f'id="id_{field}_error"' in response.text
    assert 'aria-invalid="true"' in response.text
    with scope(organisation=municipality):
        assert list(LocalDestination.objects.values_list("code", "label")) == [("bestaat", "Bestaat al")]


@pytest.mark.parametrize(
    ("contact", "field"),
    [
        ({"phone": "bel ons"}, "phone"),
        ({"email": "geen adres"}, "email"),
        ({"opening_hours": "x" * 301}, "opening_hours"),
    ],
)
def test_the_service_names_the_field_too(contact, field, municipal_coordinator):
    with pytest.raises(ValidationError) as caught:
        services.local_destination_save(actor_membership=municipal_coordinator, label="JW", **contact)
    assert list(caught.value.error_dict) == [field]


@pytest.mark.parametrize("phone", ["113", "0800-0432", "+31 (0)10 123 45 67", "09 123 45 67", "+32 470 12 34 56"])
def test_phone_numbers_people_write(phone):
    assert services.phone_problem(phone) is None


def test_a_destination_in_use_cannot_be_deleted(coordinator_client, municipal_coordinator, municipality):
    services.local_destination_save(actor_membership=municipal_coordinator, code="jongerenwerk", label="Jongerenwerk")
    services.local_rule_save(actor_membership=municipal_coordinator, rule=LOCAL_RULE)
    with scope(organisation=municipality):
        destination = LocalDestination.objects.get()
    listing = coordinator_client.get(directory_url(municipality))
    assert "jongerenwerk-pesten" in listing.text  # the list says which rule uses it
    response = coordinator_client.post(directory_url(municipality, f"{destination.pk}/verwijderen/"))
    assert response.status_code == 200
    assert "Deze bestemming wordt nog gebruikt door: jongerenwerk-pesten." in response.text
    assert 'role="alert"' in response.text
    with scope(organisation=municipality):
        assert LocalDestination.objects.filter(pk=destination.pk).exists()
        assert LocalRule.objects.exists()


# --- Queries: the same for 5 rows as for 50 ----------------------------------------------------


def _queries(client, path):
    client.get(path)  # the first request of a session also stores the chosen organisation
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


def _grow_area(municipality, count):
    schools = [SchoolFactory(parent=municipality) for _ in range(3)]
    made = []
    for n in range(count):
        status = (S.SENT, S.ACKNOWLEDGED, S.ACCEPTED, S.DECLINED, S.CLOSED)[n % 5]
        destination = ("slachtofferhulp", "helpwanted")[n % 2]
        made.append(ReferralFactory(organisation=schools[n % 3], status=status, destination=destination, consent=False))
    return made


def test_list_queries_do_not_grow(coordinator_client, municipality):
    first = _grow_area(municipality, 5)
    small = _queries(coordinator_client, list_url(municipality))
    small_filtered = _queries(coordinator_client, list_url(municipality) + "?geescaleerd=1&status=sent")
    _grow_area(municipality, 45)
    assert _queries(coordinator_client, list_url(municipality)) == small
    assert _queries(coordinator_client, list_url(municipality) + "?geescaleerd=1&status=sent") == small_filtered
    assert len(coordinator_client.get(list_url(municipality)).context["rows"]) == 50
    assert first


def test_detail_queries_do_not_grow(coordinator_client, municipality, school):
    referral = ReferralFactory(organisation=school)
    _grow_area(municipality, 5)
    small = _queries(coordinator_client, detail_url(municipality, referral))
    _grow_area(municipality, 45)
    assert _queries(coordinator_client, detail_url(municipality, referral)) == small


def test_directory_queries_do_not_grow(coordinator_client, municipal_coordinator, municipality):
    def grow(start, count):
        for n in range(start, start + count):
            services.local_destination_save(actor_membership=municipal_coordinator, label=f"Organisatie {n}", **CONTACT)

    grow(0, 5)
    small = _queries(coordinator_client, directory_url(municipality))
    grow(5, 45)
    assert _queries(coordinator_client, directory_url(municipality)) == small
