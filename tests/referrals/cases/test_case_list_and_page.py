"""The case list (search, filters, sort, columns, pages) and the case page (summary,
sections, chronology filter): what a case handler sees, counted reads, and who
gets what."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from portal.roles import Role
from referrals.models import Case, CaseEvent, CaseTask, PersonalDataAccess, Referral
from tests.referrals.factories import CaseFactory, ReferralFactory, RoutedCaseFactory

pytestmark = pytest.mark.django_db

IMMEDIATE = {"recommendations": [{"destination": "police_emergency", "kind": "action", "urgency": "immediate"}]}
NORMAL = {"recommendations": [{"destination": "slachtofferhulp", "kind": "referral", "urgency": "normal"}]}


@pytest.fixture
def learner(org, member_factory):
    return member_factory(org, Role.LEARNER)


def task(org, case, title="Bel 112", due_date=None):
    with scopes_disabled():
        return CaseTask.objects.create(
            organisation=org, case=case, title=title, destination="police_emergency", due_date=due_date
        )


def references(html: str) -> list[str]:
    """The references in the list's rows, in order."""
    return re.findall(r'scope="row"[^>]*><a href="[^"]+">([0-9]{4}-[0-9]{4})</a>', html)


@pytest.fixture
def three(org, case_handler, member_factory):
    """Three cases: an urgent sextortion for the handler, a closed cyberbullying case
    of a colleague with advice for later, and a new signal nobody handles yet."""
    colleague = member_factory(org, Role.CASE_HANDLER, first_name="Bram", last_name="Colleague")
    urgent = CaseFactory(
        organisation=org,
        handler=case_handler.user,
        facts={"country": "NL", "forms": ["sextortion", "threat"]},
        routing_result=IMMEDIATE,
    )
    later = CaseFactory(
        organisation=org,
        handler=colleague.user,
        facts={"country": "NL", "forms": ["cyberbullying"]},
        routing_result=NORMAL,
        status=Case.Status.CLOSED,
        closed_at=timezone.now(),
    )
    new = CaseFactory(organisation=org)
    task(org, urgent, "Bel de politie", timezone.localdate() + timedelta(days=1))
    task(org, urgent, "Meld het bij Snapchat", timezone.localdate() + timedelta(days=5))
    return {"urgent": urgent, "later": later, "new": new, "colleague": colleague}


def get(client, org, query=""):
    response = client.get(f"/o/{org.slug}/casussen/{query}")
    assert response.status_code == 200
    return response.text


def test_columns_name_the_form_urgency_and_next_due_step(client, org, case_handler, three):
    client.force_login(case_handler.user)
    html = get(client, org)
    assert "Afpersing met seksuele beelden (sextortion), Bedreiging" in html
    assert "Nu meteen" in html and "Daarna" in html and "Nog geen advies" in html
    # The open task due first, with its date; not the later one.
    assert "Bel de politie, uiterlijk" in html
    assert "Meld het bij Snapchat" not in html
    assert "J.B." not in html  # no victim data: listing is not a read of a case file
    assert references(html) == [three["new"].reference, three["later"].reference, three["urgent"].reference]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?vorm=sextortion", ["urgent"]),
        ("?vorm=threat", ["urgent"]),
        ("?vorm=cyberbullying", ["later"]),
        ("?urgentie=nu-meteen", ["urgent"]),
        ("?urgentie=daarna", ["later"]),
        ("?urgentie=geen-advies", ["new"]),
        ("?status=open", ["new", "urgent"]),
        ("?status=afgesloten", ["later"]),
        ("?behandelaar=ik", ["urgent"]),
        ("?behandelaar=niemand", ["new"]),
        ("?status=open&urgentie=nu-meteen&vorm=threat", ["urgent"]),
        ("?vorm=doxing", []),
    ],
)
def test_filters(client, org, case_handler, three, query, expected):
    client.force_login(case_handler.user)
    html = get(client, org, query)
    assert references(html) == [three[name].reference for name in expected]
    assert "(met filters)" in html and "Filters wissen" in html


@pytest.fixture
def stages(org, case_handler, three):
    """``three`` plus a case whose referral waits for the partner, one the partner
    helps with (and an older referral of it declined) and one whose only referral
    was declined (back to "advice ready")."""
    waiting = RoutedCaseFactory(organisation=org, handler=case_handler.user)
    ReferralFactory(organisation=org, case=waiting, status=Referral.Status.ACKNOWLEDGED)
    ReferralFactory(organisation=org, case=waiting, status=Referral.Status.CLOSED, destination="helpwanted")
    helping = RoutedCaseFactory(organisation=org, handler=case_handler.user)
    ReferralFactory(organisation=org, case=helping, status=Referral.Status.ACCEPTED)
    ReferralFactory(organisation=org, case=helping, status=Referral.Status.DECLINED, destination="helpwanted")
    declined = RoutedCaseFactory(organisation=org, handler=case_handler.user)
    ReferralFactory(organisation=org, case=declined, status=Referral.Status.DECLINED)
    return {**three, "waiting": waiting, "helping": helping, "declined": declined}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?fase=nieuw", ["new"]),
        ("?fase=advies", ["declined", "urgent"]),
        ("?fase=wacht-op-partner", ["waiting"]),
        ("?fase=partner-helpt", ["helping"]),
        ("?fase=afgesloten", ["later"]),
        # With the other filters, sort and the open/closed choice.
        ("?fase=advies&behandelaar=niemand", []),
        ("?fase=advies&vorm=sextortion&sort=gemeld", ["urgent", "declined"]),
        ("?fase=advies&sort=gemeld", ["urgent", "declined"]),
        ("?fase=afgesloten&status=open", []),
    ],
)
def test_filter_by_phase(client, org, case_handler, stages, query, expected):
    client.force_login(case_handler.user)
    html = get(client, org, query)
    assert references(html) == [stages[name].reference for name in expected]
    assert "(met filters)" in html


def test_status_column_names_the_phase_of_open_cases(client, org, case_handler, stages):
    client.force_login(case_handler.user)
    html = get(client, org, "?fase=wacht-op-partner")
    assert '<span class="portal-case-stage">Wacht op partner</span>' in html
    html = get(client, org)
    for words in ("Nieuw", "Advies klaar", "Partner helpt"):
        assert f'<span class="portal-case-stage">{words}</span>' in html
    assert '<option value="partner-helpt">Partner helpt</option>' in html
    # The phase filter keeps itself in the sort links and the pages.
    html = get(client, org, "?fase=advies")
    assert 'href="?fase=advies&amp;sort=kenmerk"' in html
    assert "Fase: deze keuze kennen we niet" in get(client, org, "?fase=bijna")


@pytest.mark.parametrize("name", ["new", "urgent", "later", "waiting", "helping", "declined"])
def test_case_page_names_the_same_phase_as_the_list(client, org, case_handler, stages, name):
    from referrals import selectors
    from referrals.cases.forms import CASE_STAGE_LABELS

    case = stages[name]
    with scope(organisation=org):
        listed = selectors.case_list(case_handler).get(pk=case.pk).stage
        assert selectors.case_stage(case, case.referrals.all()) == listed
    client.force_login(case_handler.user)
    html = client.get(f"/o/{org.slug}/casussen/{case.pk}/").text
    summary = html[html.index('id="samenvatting"') : html.index('id="taken"')]
    if listed == "closed":
        assert "portal-case-stage" not in summary  # the closing date says it
    else:
        assert f'<span class="portal-case-stage">{CASE_STAGE_LABELS[listed]}</span>' in summary
    waiting = "Wachten op antwoord van de partner." in summary
    helping = "De partner helpt." in summary
    assert (waiting, helping) == (listed == "waiting", listed == "helping")


def test_filter_by_a_colleague_and_search_by_reference(client, org, case_handler, three):
    client.force_login(case_handler.user)
    assert references(get(client, org, f"?behandelaar={three['colleague'].user.pk}")) == [three["later"].reference]
    reference = three["urgent"].reference
    assert references(get(client, org, f"?zoek={reference[-3:]}")) == [reference]


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("urgentie", ["urgent", "later", "new"]),
        ("-urgentie", ["later", "urgent", "new"]),  # no advice yet stays last both ways
        ("kenmerk", ["urgent", "later", "new"]),
        ("-kenmerk", ["new", "later", "urgent"]),
        ("gemeld", ["urgent", "later", "new"]),
        ("volgende-stap", ["urgent", "new", "later"]),
        ("status", ["new", "urgent", "later"]),
        ("-status", ["later", "new", "urgent"]),
        # Afpersing … < Online pesten; no form yet last.
        ("vorm", ["urgent", "later", "new"]),
        ("-vorm", ["later", "urgent", "new"]),
        ("behandelaar", ["later", "urgent", "new"]),
    ],
)
def test_sort_by_any_column(client, org, case_handler, three, sort, expected):
    case_handler.user.first_name = "Zoë"
    case_handler.user.save()
    client.force_login(case_handler.user)
    assert references(get(client, org, f"?sort={sort}")) == [three[name].reference for name in expected]


def test_column_headers_are_sort_links_that_keep_the_filters(client, org, case_handler, three):
    client.force_login(case_handler.user)
    html = get(client, org, "?status=open&sort=urgentie")
    assert 'aria-sort="ascending"' in html
    # The current column sorts the other way round; filters stay, the page does not.
    assert 'href="?status=open&amp;sort=-urgentie"' in html
    assert 'href="?status=open&amp;sort=kenmerk"' in html


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("?urgentie=morgen", "Urgentie"),
        ("?vorm=ruzie", "Soort online geweld"),
        ("?status=half&vorm=threat", "Open of afgesloten"),
        ("?behandelaar=999999", "Behandelaar"),
        ("?sort=schuilnaam", "Sorteren op"),
        ("?zoek=%00", "Zoek op kenmerk"),
    ],
)
def test_a_bad_value_names_the_field_and_shows_the_list_without_filters(client, org, case_handler, three, query, field):
    client.force_login(case_handler.user)
    html = get(client, org, query if "&" in query else query + "&status=open")
    assert f"{field}: deze keuze kennen we niet" in html
    assert len(references(html)) == 3  # unfiltered, the closed case too


def test_pages_keep_filters_and_sort(client, org, case_handler):
    with scopes_disabled():
        Case.objects.bulk_create(
            Case(organisation=org, reference=f"2025-{n:04d}", pseudonym="X", facts={"forms": ["doxing"]})
            for n in range(60)
        )
    client.force_login(case_handler.user)
    html = get(client, org, "?vorm=doxing&sort=kenmerk")
    assert len(references(html)) == 50
    assert "60 casussen gevonden" in html
    assert 'href="?vorm=doxing&amp;sort=kenmerk&amp;pagina=2"' in html
    second = get(client, org, "?vorm=doxing&sort=kenmerk&pagina=2")
    assert references(second) == [f"2025-{n:04d}" for n in range(50, 60)]
    # The phase too: these cases have no advice yet.
    html = get(client, org, "?fase=nieuw&sort=kenmerk")
    assert 'href="?fase=nieuw&amp;sort=kenmerk&amp;pagina=2"' in html
    assert references(get(client, org, "?fase=nieuw&sort=kenmerk&pagina=2"))[-1] == "2025-0059"


def _count(client, path):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def _bulk_cases(org, handler, n, start):
    with scopes_disabled():
        cases = Case.objects.bulk_create(
            Case(
                organisation=org,
                reference=f"2024-{start + i:04d}",
                pseudonym="X",
                handler=handler,
                facts={"forms": ["threat"]},
                routing_result=IMMEDIATE,
            )
            for i in range(n)
        )
    for case in cases[:3]:
        task(org, case, due_date=timezone.localdate())


@pytest.mark.parametrize(
    "query",
    ["", "?vorm=threat&sort=-volgende-stap", "?urgentie=nu-meteen&sort=behandelaar", "?fase=advies&sort=status"],
)
def test_list_costs_the_same_for_5_and_200_cases(
    client, org, case_handler, member_factory, django_assert_num_queries, query
):
    member_factory(org, Role.CASE_HANDLER)
    client.force_login(case_handler.user)
    path = f"/o/{org.slug}/casussen/{query}"
    _bulk_cases(org, case_handler.user, 5, 0)
    client.get(path)  # warm caches (session)
    few = _count(client, path)
    _bulk_cases(org, case_handler.user, 195, 100)
    with django_assert_num_queries(few):
        assert client.get(path).status_code == 200


def test_another_organisations_member_gets_404(client, org, other_org, member_factory, three):
    outsider = member_factory(other_org, Role.CASE_HANDLER)
    client.force_login(outsider.user)
    assert client.get(f"/o/{org.slug}/casussen/").status_code == 404
    assert client.get(f"/o/{org.slug}/casussen/?vorm=threat").status_code == 404
    assert client.get(f"/o/{org.slug}/casussen/?fase=nieuw").status_code == 404
    case_page = f"/o/{org.slug}/casussen/{three['urgent'].pk}/"
    assert client.get(case_page).status_code == 404
    assert client.get(case_page + "?soort=note").status_code == 404
    # Their own list knows nothing of it either.
    assert three["urgent"].reference not in client.get(f"/o/{other_org.slug}/casussen/").text


def test_a_learner_sees_only_own_signals(client, org, learner, member_factory, three):
    own = CaseFactory(
        organisation=org, raised_by=learner.user, facts={"forms": ["sextortion"]}, routing_result=IMMEDIATE
    )
    CaseFactory(organisation=org, raised_by=member_factory(org, Role.LEARNER).user)
    client.force_login(learner.user)
    html = get(client, org)
    assert "<h1>Mijn signalen</h1>" in html
    assert references(html) == [own.reference]
    # Status only: no form, urgency or handler, as columns or as filters.
    for hidden in (
        "Afpersing",
        "Nu meteen",
        "Behandelaar",
        'name="vorm"',
        'name="urgentie"',
        'name="fase"',
        "portal-case-stage",
    ):
        assert hidden not in html
    # A filter they do not have is not a way to see more.
    assert references(get(client, org, "?vorm=threat&behandelaar=niemand")) == [own.reference]
    assert "deze keuze kennen we niet" in get(client, org, "?sort=urgentie")


# --- The case page -------------------------------------------------------------------------


def test_case_page_opens_on_a_summary_in_words(client, org, case_handler):
    case = RoutedCaseFactory(organisation=org, handler=case_handler.user)
    with scopes_disabled():
        case.facts.update(acute_danger=False, offender_relation="peer", threatened_with=["death"])
        case.save()
    task(org, case, "Meld het bij het platform", date(2030, 5, 2))
    ReferralFactory(organisation=org, case=case)
    client.force_login(case_handler.user)
    html = client.get(f"/o/{org.slug}/casussen/{case.pk}/").text
    summary = html[html.index('id="samenvatting"') : html.index('id="taken"')]
    for words in (
        "Nu meteen",  # the highest urgency in the advice
        "Meld het bij het platform, uiterlijk 2 mei 2030",
        "1 taak",
        "Slachtofferhulp Nederland</a>: verstuurd",
        "Wat voor online geweld is het?</dt><dd>Afpersing met seksuele beelden (sextortion)",
        "Is er nu gevaar voor het slachtoffer of iemand dichtbij?</dt><dd>Nee",
        "Een klasgenoot, teamgenoot of ander lid",
        "Met de dood",
        "Leeftijd van het slachtoffer</dt><dd>17",
    ):
        assert words in summary, words
    assert "sextortion</dd>" not in summary  # the code itself never shows
    # Then the sections, each reachable from the in-page menu.
    menu = html[html.index('aria-label="Op deze pagina"') :]
    for anchor in ("taken", "doorverwijzingen", "bewijs", "notities", "chronologie"):
        assert f'href="#{anchor}"' in menu
        assert f'<section class="portal-case__section" id="{anchor}"' in html


def test_chronology_filtered_by_kind_in_the_url(client, org, case_handler):
    case = CaseFactory(organisation=org, handler=case_handler.user)
    with scopes_disabled():
        for detail in ("eerste", "tweede"):
            CaseEvent.objects.create(organisation=org, case=case, kind=CaseEvent.Kind.NOTE, detail=detail)
    client.force_login(case_handler.user)
    page = f"/o/{org.slug}/casussen/{case.pk}/"
    html = client.get(page + "?soort=note").text
    chronology = html[html.index('id="chronologie"') :]
    assert "Je ziet alleen: Notitie (2 van 3)" in chronology
    assert "Signaal gemeld" not in chronology.split("<ol", 1)[1].split("</ol>")[0]
    assert '<option value="note" selected>Notitie (2)</option>' in chronology
    everything = client.get(page).text
    assert "Signaal gemeld" in everything[everything.index('id="chronologie"') :]
    bad = client.get(page + "?soort=<script>").text
    assert "Soort: deze keuze kennen we niet" in bad
    assert "Signaal gemeld" in bad[bad.index('id="chronologie"') :]
    # Every look is a read of the case file, filtered or not.
    with scope(organisation=org):
        assert PersonalDataAccess.objects.filter(case_reference=case.reference).count() == 3


def test_case_page_costs_the_same_with_a_chronology_filter(client, org, case_handler):
    case = CaseFactory(organisation=org, handler=case_handler.user)
    client.force_login(case_handler.user)
    page = f"/o/{org.slug}/casussen/{case.pk}/"
    client.get(page)
    assert _count(client, page + "?soort=note") == _count(client, page)
