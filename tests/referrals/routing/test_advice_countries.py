"""A case at a Belgian and at a Dutch school, through the real wizard services, the
shipped rules and the shipped directory, to the advice page a teacher reads: each
country's organisations, phone numbers and words, never the other country's, and no
instruction to copy a minor's images."""

from __future__ import annotations

import re

import pytest
from django_scopes import scope

from portal.models import Country
from portal.roles import Role
from referrals import services
from referrals.services_directory import directory_load
from tests.factories import MunicipalityFactory, SchoolFactory
from tests.referrals.helpers import OTHER_COUNTRY_WORDS, tells_to_copy

pytestmark = pytest.mark.django_db

# A 15-year-old pupil: sextortion with images made at 15, talking about not wanting to
# live any more; the offender a classmate; money paid.
FACTS = {
    "victim_age": 15,
    "age_when_images_made": 15,
    "forms": ["sextortion"],
    "intimate_images": True,
    "images_online": False,
    "offender_relation": "peer",
    "offender_is_minor": True,
    "self_harm_signs": True,
    "money_lost": True,
    "acute_danger": False,
}
EXPECTED = {
    "NL": ["113 Zelfmoordpreventie", "HelpWanted", "Aangifte doen bij de politie", "0900-8844", "Kindertelefoon"],
    "BE": ["Zelfmoordlijn 1813", "Child Focus", "116 000", "Klacht neerleggen bij de politie", "Card Stop", "Awel"],
}


def main_text(html: str) -> str:
    """The page's own content, without the site header, menus and the hidden rule ids."""
    main = re.search(r"<main\b.*?</main>", html, flags=re.S)
    text = main.group(0) if main else html
    text = re.sub(r"<details\b.*?</details>", " ", text, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", text)
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize("country", ["NL", "BE"])
def test_the_advice_page_speaks_the_schools_country_only(client, member_factory, country):
    directory_load()
    school = SchoolFactory(parent=MunicipalityFactory(country=Country(country)))
    handler = member_factory(school, Role.CASE_HANDLER)
    with scope(organisation=school):
        case = services.case_open(actor_membership=handler, pseudonym="Leerling A")
        services.case_update_facts(actor_membership=handler, case=case, changes={"country": country, **FACTS})
        case = services.case_route(actor_membership=handler, case=case)
    client.force_login(handler.user)
    page = client.get(f"/o/{school.slug}/casussen/{case.pk}/intake/advies/")
    assert page.status_code == 200
    text = main_text(page.text)
    for words in EXPECTED[country]:
        assert words in text, words
    for word in OTHER_COUNTRY_WORDS[country]:
        assert not re.search(rf"\b{re.escape(word)}", text), word
    assert not tells_to_copy(text), tells_to_copy(text)
    # Safety first: the suicide-prevention line before anything else; the caution shown.
    advice = text[text.index("Wat je kunt doen") :]
    child = "HelpWanted" if country == "NL" else "Child Focus"
    assert advice.index("Zelfmoord") < advice.index(child)
    assert text.index("Maak, bewaar of stuur geen kopie") < text.index("Wat je kunt doen")
    assert "Maak, bewaar of stuur geen kopie of screenshot" in text
