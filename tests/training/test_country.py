"""Country-aware lessons: a learner sees, answers and is scored on the blocks for
everyone and for their organisation's country only; without a country both show,
each under its own heading."""

from __future__ import annotations

import pytest

from portal.models import Country, Organisation
from tests.factories import MunicipalityFactory, SchoolFactory
from tests.training.builders import build_module, knowledge_check, option
from training import selectors, services
from training.models import Answer, ModuleAttempt

pytestmark = pytest.mark.django_db

BOTH, NL, BE = "q-both", "q-nl", "q-be"


def text(block_id: str, html: str) -> dict:
    return {"type": "text", "id": block_id, "value": html}


def country(block_id: str, code: str, body: list[dict]) -> dict:
    return {"type": "country", "id": block_id, "value": {"country": code, "body": body}}


def country_module():
    return build_module(
        slug="twee-landen",
        title="Hulp in twee landen",
        pass_mark=100,
        lessons=[
            (
                "Wie help je",
                "wie-help-je",
                [
                    text("t0", "<p>Neem het altijd serieus.</p>"),
                    knowledge_check(
                        BOTH, "Neem je het serieus?", [option("both-a", "Ja", True), option("both-b", "Nee", False)]
                    ),
                    country(
                        "c-nl",
                        "NL",
                        [
                            text("t-nl", "<p>Bel de politie op 0900-8844.</p>"),
                            knowledge_check(
                                NL,
                                "Wie bel je in Nederland?",
                                [option("nl-a", "0900-8844", True), option("nl-b", "101", False)],
                            ),
                        ],
                    ),
                    country(
                        "c-be",
                        "BE",
                        [
                            text("t-be", "<p>Bel de politiezone op 101.</p>"),
                            knowledge_check(
                                BE,
                                "Wie bel je in België?",
                                [option("be-a", "101", True), option("be-b", "0900-8844", False)],
                            ),
                        ],
                    ),
                ],
            )
        ],
    )


@pytest.fixture
def be_org(db):
    return SchoolFactory(name="School in Gent", slug="school-gent", parent=MunicipalityFactory(country=Country.BE))


def lesson_url(organisation, module, lesson):
    return f"/o/{organisation.slug}/training/{module.slug}/{lesson.slug}/"


def test_knowledge_checks_for_a_country(db):
    _module, (lesson,) = country_module()
    assert [c.id for c in lesson.knowledge_checks("NL")] == [BOTH, NL]
    assert [c.id for c in lesson.knowledge_checks("BE")] == [BOTH, BE]
    assert [(c.id, c.country) for c in lesson.knowledge_checks()] == [(BOTH, ""), (NL, "NL"), (BE, "BE")]


def test_a_dutch_learner_sees_only_the_dutch_blocks(login_as, org, member_factory):
    module, (lesson,) = country_module()
    assert org.country == Country.NL
    html = login_as(member_factory(org)).get(lesson_url(org, module, lesson)).text
    assert "0900-8844." in html and "Wie bel je in Nederland?" in html
    assert "politiezone" not in html and "Wie bel je in België?" not in html
    assert "Voor Nederland" not in html and "Voor België" not in html
    assert "0 van 2 vragen goed" in html


def test_a_belgian_learner_sees_only_the_belgian_blocks(login_as, be_org, member_factory):
    module, (lesson,) = country_module()
    html = login_as(member_factory(be_org)).get(lesson_url(be_org, module, lesson)).text
    assert "politiezone op 101" in html and "Wie bel je in België?" in html
    assert "0900-8844." not in html and "Wie bel je in Nederland?" not in html
    assert "Vraag 2" in html and "Vraag 3" not in html


def test_without_a_country_both_show_under_their_headings(login_as, org, member_factory):
    module, (lesson,) = country_module()
    Organisation.objects.filter(pk=org.pk).update(country="")
    html = login_as(member_factory(org)).get(lesson_url(org, module, lesson)).text
    nl, be = html.index("Voor Nederland"), html.index("Voor België")
    assert nl < html.index("0900-8844.") < be < html.index("politiezone op 101")
    assert "Vraag 3" in html


def test_the_cms_preview_of_a_country_block_has_its_heading(db):
    from cms.blocks import LessonStreamBlock

    block = LessonStreamBlock().child_blocks["country"]
    html = block.render(block.to_python({"country": "BE", "body": [text("x", "<p>Bel 101.</p>")]}))
    assert "Voor België" in html and "Bel 101." in html


def test_a_question_of_the_other_country_is_refused(login_as, be_org, member_factory):
    module, (lesson,) = country_module()
    client = login_as(member_factory(be_org))
    response = client.post(lesson_url(be_org, module, lesson) + "antwoord/", {"vraag": NL, "antwoord": "nl-a"})
    assert response.status_code == 400
    assert "hoort niet bij deze les" in response.text
    assert not Answer.objects.exists()


def test_the_score_counts_only_the_learners_country(login_as, be_org, member_factory):
    module, (lesson,) = country_module()
    learner = member_factory(be_org)
    client = login_as(learner)
    base = lesson_url(be_org, module, lesson)
    assert client.post(base + "antwoord/", {"vraag": BOTH, "antwoord": "both-a"}).status_code == 302
    # The Dutch question is neither asked nor needed: the lesson is complete without it.
    response = client.post(base + "afronden/", {"poging": ""})
    assert response.status_code == 302 and "afronden" in response["Location"]  # the Belgian one is missing
    assert client.post(base + "antwoord/", {"vraag": BE, "antwoord": "be-a"}).status_code == 302
    response = client.post(base + "afronden/", {"poging": ""})
    assert response.status_code == 302
    attempt = ModuleAttempt.objects.get(user=learner.user)
    assert (attempt.status, attempt.correct_count, attempt.question_count, attempt.score) == ("passed", 2, 2, 100)


def test_the_services_without_a_country_ask_every_question(db, org, member_factory):
    module, (lesson,) = country_module()
    learner = member_factory(org)
    for question, option_id in ((BOTH, "both-a"), (NL, "nl-a")):
        services.progress_record_answer(
            learner=learner.user,
            module=module,
            lesson=lesson,
            attempt_id=None,
            question_id=question,
            option_ids=[option_id],
        )
    with pytest.raises(Exception, match="Beantwoord eerst"):
        services.progress_complete_lesson(learner=learner.user, module=module, lesson=lesson, attempt_id=None)
    done = services.progress_complete_lesson(
        learner=learner.user, module=module, lesson=lesson, attempt_id=None, country="NL"
    )
    assert done.attempt.question_count == 2 and done.certificate is not None


def test_lesson_view_groups_country_blocks_without_a_country(db, org, member_factory):
    module, lessons = country_module()
    learner = member_factory(org)
    view = selectors.lesson_view(user=learner.user, module=module, lessons=lessons, lesson=lessons[0], country=None)
    groups = [item for item in view.items if item.children]
    assert [(g.country, str(g.heading)) for g in groups] == [("NL", "Voor Nederland"), ("BE", "Voor België")]
    assert [check.id for check in view.checks] == [BOTH, NL, BE]
    view = selectors.lesson_view(user=learner.user, module=module, lessons=lessons, lesson=lessons[0], country="NL")
    assert not any(item.children for item in view.items)
    assert [check.id for check in view.checks] == [BOTH, NL]
