"""The advice page (intake step 6): open questions first, each linked to the step that
asks it; then the cautions as warnings; then the recommendations by urgency with the
organisation's contact details from the directory, rule ids only under "Waarom dit
advies"; the platforms of the evidence step pre-selected. Fixed queries, and another
organisation's member gets a 404 on every page of the wizard."""

from __future__ import annotations

import copy
import re
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scope, scopes_disabled

from portal.roles import Role
from referrals import selectors
from referrals.models import Case, CaseTask, DirectoryEntry, EvidenceItem, LocalDestination
from referrals.routing import defaults
from tests.cms.factories import TakedownGuideFactory
from tests.referrals.factories import ADVICE_V2, CaseFactory, CaseTaskFactory

pytestmark = pytest.mark.django_db

RULE_IDS = ("acute-danger", "images-online", "sextortion-report-account", "victim-support", "local:jeugdteam-minor")


@pytest.fixture
def handler(org, member_factory):
    return member_factory(org, Role.CASE_HANDLER)


@pytest.fixture
def handler_client(client, handler):
    client.force_login(handler.user)
    return client


@pytest.fixture
def local_destination(org):
    with scopes_disabled():
        return LocalDestination.objects.create(
            organisation=org.parent, code="jeugdteam", label="Jeugdteam Zuiderhaven", url="https://jeugdteam.example/"
        )


@pytest.fixture
def directory(db):
    with scopes_disabled():
        DirectoryEntry.objects.update_or_create(
            code="slachtofferhulp",
            country="NL",
            defaults={
                "name": "Slachtofferhulp Nederland",
                "phone": "0900-0101",
                "website": "https://www.slachtofferhulp.nl/",
                "opening_hours": "Maandag tot en met vrijdag 8.00 tot 20.00 uur",
                "description": "Helpt slachtoffers gratis, ook met de aangifte.",
                "is_active": True,
            },
        )
        DirectoryEntry.objects.update_or_create(
            code="police_emergency",
            country="NL",
            defaults={
                "name": "Alarmnummer 112",
                "phone": "112",
                "website": "",
                "opening_hours": "Dag en nacht",
                "description": "Bij direct gevaar.",
                "is_active": True,
            },  # fmt: skip
        )
        # The other country's entry for the same code is never shown for a Dutch case.
        DirectoryEntry.objects.update_or_create(
            code="police_emergency",
            country="BE",
            defaults={
                "name": "Noodnummer België",
                "phone": "101",
                "website": "",
                "opening_hours": "",
                "description": "Politie in België.",
                "is_active": True,
            },  # fmt: skip
        )


@pytest.fixture
def case(org, handler, local_destination, directory):
    return CaseFactory(
        organisation=org,
        handler=handler.user,
        facts={"country": "NL", "victim_age": 15, "forms": ["sextortion"]},
        routing_result=copy.deepcopy(ADVICE_V2),
        rules_version="2026.2",
    )


def advies(org, case) -> str:
    return f"/o/{org.slug}/casussen/{case.pk}/intake/advies/"


def without_details(page: str) -> str:
    return re.sub(r"<details\b.*?</details>", "", page, flags=re.S)


def main_of(page: str) -> str:
    return page[page.index("<main") : page.index("</main>")]


def test_questions_then_cautions_then_recommendations_by_urgency(handler_client, org, case):
    page = main_of(handler_client.get(advies(org, case)).text)
    order = [
        "Nog uitzoeken",
        "Is het slachtoffer of iemand in de buurt nu in gevaar?",
        "Praat het slachtoffer over zelfmoord",
        "Let op: dit doe je niet",
        "Betaal niet en stuur niets meer.",
        "Maak geen kopie of screenshot",
        "Wat je kunt doen",
        ">Nu meteen</h3>",
        "Er is nu gevaar. Bel 112.",
        ">Binnenkort</h3>",
        "Meld het account van de afperser",
        ">Daarna</h3>",
        "Slachtofferhulp helpt met steun",
        "Het jeugdteam van de gemeente",
    ]
    positions = [page.index(text) for text in order]
    assert positions == sorted(positions)


def test_each_question_links_to_the_field_that_asks_it(handler_client, org, case):
    page = handler_client.get(advies(org, case)).text
    base = f"/o/{org.slug}/casussen/{case.pk}/intake"
    assert f'href="{base}/feiten/#id_acute_danger">Beantwoord dit bij stap 2: Feiten</a>' in page
    assert (
        f'href="{base}/kwetsbaarheid/#id_self_harm_signs">Beantwoord dit bij stap 3: Veiligheid en kwetsbaarheid'
        in page
    )
    assert f'href="{base}/wensen/#id_victim_wishes">' in page
    # The anchors exist on those steps.
    assert 'id="id_acute_danger"' in handler_client.get(f"{base}/feiten/").text
    assert 'id="id_self_harm_signs"' in handler_client.get(f"{base}/kwetsbaarheid/").text
    assert 'id="id_victim_wishes"' in handler_client.get(f"{base}/wensen/").text


def test_cautions_are_warnings(handler_client, org, case):
    page = handler_client.get(advies(org, case)).text
    warnings = re.findall(
        r'<div class="utrecht-alert utrecht-alert--warning[^"]*">(.*?)</div></div></div>', page, flags=re.S
    )
    assert len(warnings) == 2
    assert "Betaal niet" in warnings[0] and "Niet doen." in warnings[0]


def test_contact_details_from_the_directory_of_the_cases_country(handler_client, org, case):
    page = handler_client.get(advies(org, case)).text
    assert '<a href="tel:09000101">0900-0101</a>' in page
    assert '<a href="https://www.slachtofferhulp.nl/">slachtofferhulp.nl</a>' in page
    assert "Maandag tot en met vrijdag 8.00 tot 20.00 uur" in page
    assert "Helpt slachtoffers gratis, ook met de aangifte." in page
    assert '<a href="tel:112">112</a>' in page
    assert "Noodnummer België" not in page and "tel:101" not in page
    # A local destination has no directory entry: its label and website.
    assert "Jeugdteam Zuiderhaven" in page
    assert '<a href="https://jeugdteam.example/">jeugdteam.example</a>' in page
    # Labels, never codes, on the checkboxes.
    assert re.search(r'<label [^>]*for="kies-slachtofferhulp">Slachtofferhulp', page)
    assert ">local:jeugdteam<" not in page


def test_a_belgian_case_gets_belgian_contacts(handler_client, org, case):
    with scopes_disabled():
        Case.objects.filter(pk=case.pk).update(facts={"country": "BE", "forms": ["sextortion"]})
    page = handler_client.get(advies(org, case)).text
    assert '<a href="tel:101">101</a>' in page and "tel:112" not in page


def test_rule_ids_only_in_the_collapsed_details(handler_client, org, case):
    page = main_of(handler_client.get(advies(org, case)).text)
    details = re.findall(r"<details\b[^>]*>(.*?)</details>", page, flags=re.S)
    assert len(details) == len(ADVICE_V2["recommendations"])
    assert all("<summary>Waarom dit advies</summary>" in d and "versie 2026.2" in d for d in details)
    assert "<details open" not in page  # collapsed until opened
    for rule_id in RULE_IDS:
        assert any(rule_id in d for d in details), rule_id
        assert rule_id not in without_details(page), rule_id


def test_the_evidence_platform_is_pre_selected(handler_client, org, case, handler):
    TakedownGuideFactory(slug="snapchat", platform="Snapchat")
    TakedownGuideFactory(slug="instagram", platform="Instagram")
    TakedownGuideFactory(slug="facebook-messenger", platform="Facebook en Messenger")
    with scopes_disabled():
        for platform in ("snapchat", "Messenger", ""):
            EvidenceItem.objects.create(
                organisation=org, case=case, kind="screenshot", platform=platform, kept_where="telefoon"
            )
    page = handler_client.get(advies(org, case)).text
    boxes = {
        re.search(r'value="([^"]+)"', tag).group(1): " checked" in tag
        for tag in re.findall(r'<input [^>]*name="platforms"[^>]*>', page)
    }
    assert boxes == {"snapchat": True, "instagram": False, "facebook-messenger": True}
    # Real, labelled, full-size checkboxes.
    for tag in re.findall(r'<input [^>]*name="(?:platforms|destinations)"[^>]*>', page):
        assert 'type="checkbox"' in tag and "utrecht-checkbox--custom" in tag
        input_id = re.search(r'id="([^"]+)"', tag).group(1)
        assert f'for="{input_id}"' in page


def test_choosing_keeps_the_choice_on_an_error_and_makes_tasks(handler_client, org, case):
    TakedownGuideFactory(slug="snapchat", platform="Snapchat")
    response = handler_client.post(
        advies(org, case), {"action": "choose", "destinations": ["platform_report", "slachtofferhulp"]}
    )
    assert response.status_code == 200
    page = response.text
    assert '<a href="#id_platforms">Op welk platform staat het?</a>' in page
    assert re.search(r'<input [^>]*value="slachtofferhulp"[^>]* checked', page)
    assert not re.search(r'<input [^>]*value="police_emergency"[^>]* checked', page)
    response = handler_client.post(advies(org, case), {"action": "choose"})
    assert '<a href="#id_destinations">' in response.text and "Kies minstens één actie uit het advies." in response.text
    response = handler_client.post(
        advies(org, case),
        {"action": "choose", "destinations": ["platform_report", "local:jeugdteam"], "platforms": ["snapchat"]},
    )
    assert response.status_code == 302
    with scope(organisation=org):
        titles = sorted(CaseTask.objects.filter(case=case).values_list("title", flat=True))
    assert titles[0] == "Jeugdteam Zuiderhaven" and titles[1].endswith(": Snapchat")


def test_an_advice_from_before_contract_2_still_shows(handler_client, org, case):
    old = copy.deepcopy(ADVICE_V2)
    del old["questions"], old["cautions"]
    with scopes_disabled():
        Case.objects.filter(pk=case.pk).update(routing_result=old)
    response = handler_client.get(advies(org, case))
    assert response.status_code == 200
    assert "Nog uitzoeken" not in response.text and "utrecht-alert--warning" not in response.text
    assert ">Nu meteen</h3>" in response.text


def test_before_routing_the_page_explains_and_offers_the_advice(handler_client, org, handler):
    fresh = CaseFactory(organisation=org, handler=handler.user)
    page = handler_client.get(advies(org, fresh)).text
    assert "Maak het advies" in page and "Nog uitzoeken" not in page and "<details" not in page


def _many_advice() -> dict:
    codes = [d["code"] for d in defaults.DESTINATIONS if d.get("country") in (None, "NL")][:14]
    recommendations = [
        {
            "destination": code,
            "kind": "action",
            "urgency": ("immediate", "soon", "normal")[index % 3],
            "rules": [f"rule-{index}"],
            "explanation": f"Uitleg {index}.",
        }
        for index, code in enumerate(codes)
    ]
    return {**ADVICE_V2, "recommendations": recommendations}


def test_the_advice_page_costs_the_same_queries_for_few_and_many(
    handler_client, org, handler, local_destination, django_assert_num_queries
):
    TakedownGuideFactory(slug="snapchat", platform="Snapchat")
    TakedownGuideFactory(slug="instagram", platform="Instagram")
    few = CaseFactory(
        organisation=org,
        handler=handler.user,
        routing_result={**ADVICE_V2, "recommendations": ADVICE_V2["recommendations"][2:3]},
    )
    many = CaseFactory(organisation=org, handler=handler.user, routing_result=_many_advice())
    with scopes_disabled():
        EvidenceItem.objects.create(organisation=org, case=few, kind="url", platform="Snapchat", kept_where="x")
        EvidenceItem.objects.bulk_create(
            EvidenceItem(organisation=org, case=many, kind="url", platform=f"Platform {n} Instagram", kept_where="x")
            for n in range(40)
        )
    handler_client.get(advies(org, few))  # warm the per-process rule set cache
    with CaptureQueriesContext(connection) as counted:
        assert handler_client.get(advies(org, few)).status_code == 200
    assert len(counted) <= 20, "\n".join(q["sql"] for q in counted)
    with django_assert_num_queries(len(counted)):
        response = handler_client.get(advies(org, many))
    assert response.text.count('name="destinations"') == 14


# --- Another organisation ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "data"),
    [
        ("get", "intake/feiten/", None),
        ("post", "intake/feiten/", {"country": "NL", "forms": ["threat"], "offender_relation": "peer"}),
        ("get", "intake/kwetsbaarheid/", None),
        ("post", "intake/kwetsbaarheid/", {"self_harm_signs": "ja"}),
        ("get", "intake/wensen/", None),
        ("get", "intake/advies/", None),
        ("post", "intake/advies/", {"action": "route"}),
        ("post", "intake/advies/", {"action": "choose", "destinations": ["slachtofferhulp"]}),
        ("get", "", None),
    ],
)
def test_another_organisations_handler_gets_404(client, org, other_org, case, member_factory, method, path, data):
    stranger = member_factory(other_org, Role.CASE_HANDLER)
    client.force_login(stranger.user)
    # Their own organisation's address with our case id, and ours: both 404.
    for slug in (other_org.slug, org.slug):
        response = getattr(client, method)(f"/o/{slug}/casussen/{case.pk}/{path}", data or {})
        assert response.status_code == 404, (slug, path)
    with scopes_disabled():
        stored = Case.objects.get(pk=case.pk)
    assert stored.facts == {"country": "NL", "victim_age": 15, "forms": ["sextortion"]}
    assert stored.routing_result == ADVICE_V2


def test_another_organisations_handler_cannot_complete_a_task(client, org, other_org, case, member_factory):
    task = CaseTaskFactory(organisation=org, case=case)
    stranger = member_factory(other_org, Role.CASE_HANDLER)
    client.force_login(stranger.user)
    response = client.post(f"/o/{other_org.slug}/casussen/taken/{task.pk}/afronden/")
    assert response.status_code == 404
    with scopes_disabled():
        assert CaseTask.objects.get(pk=task.pk).status == CaseTask.Status.OPEN


def test_free_text_platforms_find_their_guides():
    guides = [SimpleNamespace(slug=slug, platform=name) for slug, name in GUIDES]
    assert selectors.guides_named_in(["X", "messenger", "Chatapp", "Google"], guides) == [
        "facebook-messenger",
        "google-search",
        "x-twitter",
    ]
    assert selectors.guides_named_in(["Tik Tok"], guides) == []  # two words: no guess
    assert selectors.guides_named_in([], guides) == []


GUIDES = (
    ("facebook-messenger", "Facebook en Messenger"),
    ("google-search", "Google Zoeken"),
    ("snapchat", "Snapchat"),
    ("tiktok", "TikTok"),
    ("x-twitter", "X (Twitter)"),
)


def test_the_evidence_step_offers_the_guides_platforms(handler_client, org, case):
    TakedownGuideFactory(slug="snapchat", platform="Snapchat")
    page = handler_client.get(f"/o/{org.slug}/casussen/{case.pk}/intake/bewijs/").text
    assert 'list="platformen"' in page
    assert '<datalist id="platformen"><option value="Snapchat"></option></datalist>' in page
