"""The shipped course for both countries, in a browser: a learner of a Dutch school
and one of a Belgian school each see their own country's blocks, organisations and
terms only, in every lesson they can open; the lessons with country blocks are
axe clean at 1280 and 400 px without sideways scrolling."""

from __future__ import annotations

import html
import re

import pytest
from django.utils.html import strip_tags
from playwright.sync_api import expect

from cms.models import LessonPage
from cms.services import course_load
from portal.models import Country
from tests.browser.helpers import assert_no_csp_violations
from tests.factories import MunicipalityFactory, SchoolFactory, wagtail_root
from training.selectors import modules_for_organisation

pytestmark = pytest.mark.browser

# Names only one country uses (case-sensitive, as written in the course).
ONLY = {
    "NL": ["Veilig Thuis", "0900-8844", "Offlimits", "Kindertelefoon", "Slachtofferhulp Nederland"],
    "BE": ["politiezone", "1712", "Child Focus", "procureur des Konings", "Awel"],
}
OTHER = {"NL": "BE", "BE": "NL"}


def words(markup: str) -> str:
    """Text of rich text as the browser shows it: block tags become spaces, entities characters."""
    spaced = re.sub(r"</?(p|li|ul|ol|h\d|br|div)\b[^>]*>", " ", str(markup))
    return re.sub(r"\s+", " ", html.unescape(strip_tags(spaced))).strip()


def squeezed(text: str) -> str:
    """Without any white space: the browser's line breaks and spacing do not matter."""
    return re.sub(r"\s+", "", text)


def sentences_of(block) -> list[str]:
    """Whole sentences of an inner text or callout block, to look for on the page."""
    if block.block_type == "text":
        source = words(block.value.source)
    elif block.block_type == "callout":
        source = words(block.value["text"].source)
    else:
        return []
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", source) if len(s.strip()) >= 25]


def country_sentences(lesson: LessonPage) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {"NL": [], "BE": []}
    for child in lesson.body:
        if child.block_type == "country":
            for inner in child.value["body"]:
                found[child.value["country"]].extend(sentences_of(inner))
    # Only sentences that belong to one country: a sentence both blocks share proves nothing.
    return {code: [s for s in sentences if s not in found[OTHER[code]]][:3] for code, sentences in found.items()}


@pytest.fixture
def shipped_course(transactional_db):
    wagtail_root()  # a transactional test before this one flushed the page tree
    course_load()
    nl = SchoolFactory(name="School in Utrecht", slug="school-utrecht", parent=MunicipalityFactory(country=Country.NL))
    be = SchoolFactory(name="School in Gent", slug="school-gent", parent=MunicipalityFactory(country=Country.BE))
    return {"NL": nl, "BE": be}


@pytest.mark.parametrize("code", ["NL", "BE"])
def test_a_learner_sees_only_their_own_countrys_blocks_and_terms(
    page, console, sign_in, member_factory, shipped_course, assert_accessible, code
):
    organisation = shipped_course[code]
    sign_in(member_factory(organisation).user)
    lessons_with_both = 0
    for module in modules_for_organisation(organisation):
        for lesson in module.lessons():
            page.goto(f"/o/{organisation.slug}/training/{module.slug}/{lesson.slug}/")
            article = page.locator("article").inner_text()
            flat = squeezed(article)
            where = f"{module.slug}/{lesson.slug}"
            for term in ONLY[OTHER[code]]:
                assert term not in article, f"{where}: {OTHER[code]} term {term!r} shown to a {code} learner"
            assert "Voor Nederland" not in article and "Voor België" not in article, where
            sentences = country_sentences(lesson)
            for sentence in sentences[code]:
                assert squeezed(sentence) in flat, f"{where}: own-country sentence missing: {sentence!r}"
            for sentence in sentences[OTHER[code]]:
                assert squeezed(sentence) not in flat, f"{where}: other-country sentence shown: {sentence!r}"
            if sentences["NL"] and sentences["BE"]:
                lessons_with_both += 1
                if lessons_with_both == 1:
                    for width in (1280, 400):
                        page.set_viewport_size({"width": width, "height": 900})
                        expect(page.get_by_role("heading", level=1)).to_have_text(lesson.title)
                        assert page.evaluate("document.documentElement.scrollWidth") <= width, where
                        assert_accessible(page)
                    page.set_viewport_size({"width": 1280, "height": 900})
    assert lessons_with_both >= 1  # the course has lessons with text for each country
    assert_no_csp_violations(console)
