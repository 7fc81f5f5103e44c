"""The learning pages through HTTP: without JavaScript, with htmx, and with bad input."""

from __future__ import annotations

import re

import pytest

from portal.roles import Role
from tests.training.builders import (
    Q1,
    Q1_RIGHT,
    Q1_WRONG,
    Q2,
    Q2_RIGHT_A,
    Q2_RIGHT_B,
    Q3,
    Q3_RIGHT,
    SCENARIO,
    build_module,
)
from tests.training.factories import CertificateFactory
from training import services
from training.models import Answer, Certificate, LessonProgress, ModuleAttempt

pytestmark = pytest.mark.django_db


def base(org, module):
    return f"/o/{org.slug}/training/{module.slug}"


def counts():
    return (
        ModuleAttempt.objects.count(),
        Answer.objects.count(),
        LessonProgress.objects.count(),
        Certificate.objects.count(),
    )


# --- Library, module, search ---------------------------------------------------------


def test_library_lists_modules_with_progress(login_as, org, learner, module, lessons):
    services.progress_record_answer(
        learner=learner.user, module=module, lesson=lessons[0], attempt_id=None, question_id=Q1, option_ids=[Q1_RIGHT]
    )
    services.progress_complete_lesson(learner=learner.user, module=module, lesson=lessons[0], attempt_id=None)
    response = login_as(learner).get(f"/o/{org.slug}/training/")
    assert response.status_code == 200
    html = response.text
    assert module.title in html
    assert f'<progress id="voortgang-{module.pk}" max="3" value="1">' in html
    assert "1 van 3 lessen klaar" in html
    assert "private" in response["Cache-Control"]


def test_library_shows_only_the_organisations_audience(login_as, org, learner, module):
    build_module(slug="voor-clubs", title="Alleen voor sportclubs", audience="sports_club")
    build_module(slug="voor-scholen", title="Alleen voor scholen", audience="school")
    html = login_as(learner).get(f"/o/{org.slug}/training/").text
    assert "Alleen voor scholen" in html
    assert "Alleen voor sportclubs" not in html


def test_library_without_content_says_so(login_as, org, learner):
    response = login_as(learner).get(f"/o/{org.slug}/training/")
    assert response.status_code == 200
    assert "nog geen modules" in response.text


def test_module_page_shows_goals_lessons_and_resume(login_as, org, learner, module, lessons):
    client = login_as(learner)
    html = client.get(base(org, module) + "/").text
    assert "Je weet wat je eerst doet." in html
    assert "Begin met de eerste les" in html
    for lesson in lessons:
        assert lesson.title in html

    services.progress_record_answer(
        learner=learner.user, module=module, lesson=lessons[0], attempt_id=None, question_id=Q1, option_ids=[Q1_RIGHT]
    )
    services.progress_complete_lesson(learner=learner.user, module=module, lesson=lessons[0], attempt_id=None)
    html = client.get(base(org, module) + "/").text
    resume = re.search(r'href="([^"]+)">Ga verder', html)
    assert resume, html
    assert resume.group(1) == f"{base(org, module)}/{lessons[1].slug}/"
    assert "1 van 3 lessen klaar" in html


def test_unknown_module_and_lesson_are_404(login_as, org, learner, module):
    client = login_as(learner)
    assert client.get(f"/o/{org.slug}/training/bestaat-niet/").status_code == 404
    assert client.get(base(org, module) + "/bestaat-niet/").status_code == 404
    assert client.post(base(org, module) + "/bestaat-niet/antwoord/", {"vraag": Q1}).status_code == 404


def test_unpublished_module_is_404(login_as, org, learner, module):
    module.unpublish()
    assert login_as(learner).get(base(org, module) + "/").status_code == 404


def test_search_finds_lessons_and_modules(login_as, org, learner, module, lessons):
    client = login_as(learner)
    html = client.get(f"/o/{org.slug}/training/zoeken/", {"q": "gesprek"}).text
    assert lessons[1].title in html
    assert f'href="{base(org, module)}/{lessons[1].slug}/"' in html
    html = client.get(f"/o/{org.slug}/training/zoeken/", {"q": "sextortion"}).text
    assert f'href="{base(org, module)}/"' in html
    assert "Niets gevonden" in client.get(f"/o/{org.slug}/training/zoeken/", {"q": "xyzzy"}).text


def test_search_with_htmx_returns_only_the_results(login_as, org, learner, module, lessons):
    response = login_as(learner).get(f"/o/{org.slug}/training/zoeken/", {"q": "gesprek"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "<html" not in response.text
    assert lessons[1].title in response.text


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "\x00",
        'gesprek"',
        '"gesprek',
        "gesprek\x00",
        "*",
        "(",
        ")",
        "NEAR(",
        "-",
        "^",
        ":",
        "AND",
        "OR NOT",
        "'",
        "&|!",
    ],
)
@pytest.mark.parametrize("htmx", [False, True])
def test_search_with_bad_input_is_a_message_not_a_500(query, htmx, login_as, org, learner, module, lessons):
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    response = login_as(learner).get(f"/o/{org.slug}/training/zoeken/", {"q": query}, **headers)
    assert response.status_code == 200
    text = response.text
    assert "\x00" not in text
    # Either a normal answer for the words left, or a message that names the field.
    assert "Niets gevonden" in text or "resultaat" in text or "Waar zoek je naar?" in text


@pytest.mark.parametrize("query", ['"', "\x00", "*()^:"])
def test_search_without_words_says_what_to_type(query, login_as, org, learner, module, lessons):
    response = login_as(learner).get(f"/o/{org.slug}/training/zoeken/", {"q": query})
    assert response.status_code == 200
    assert "Vul bij “Waar zoek je naar?” een woord in, met letters of cijfers." in response.text


def test_search_ignores_quotes_and_nul_around_words(login_as, org, learner, module, lessons):
    client = login_as(learner)
    html = client.get(f"/o/{org.slug}/training/zoeken/", {"q": '"gesprek\x00'}).text
    assert lessons[1].title in html


# --- A lesson without JavaScript ------------------------------------------------------


def test_lesson_renders_knowledge_check_as_a_form(login_as, org, learner, module, lessons):
    response = login_as(learner).get(f"{base(org, module)}/{lessons[1].slug}/")
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    html = response.text
    assert "<fieldset" in html and "<legend" in html and "Welke zinnen helpen?" in html
    assert 'type="checkbox" name="antwoord" value="q2-a"' in html
    assert f'action="{base(org, module)}/{lessons[1].slug}/antwoord/"' in html
    assert 'hx-post="' in html and 'hx-target="#vraag-q2-inhoud"' in html
    assert "Les 2 van 3" in html
    # No answers yet: no feedback is given away.
    assert "Uitleg bij" not in html


def test_answering_redirects_to_the_question_with_feedback(login_as, org, learner, module, lessons):
    client = login_as(learner)
    url = f"{base(org, module)}/{lessons[0].slug}/"
    response = client.post(url + "antwoord/", {"vraag": Q1, "antwoord": Q1_WRONG, "poging": ""})
    assert response.status_code == 302
    assert response["Location"] == f"{url}#vraag-{Q1}"
    html = client.get(url).text
    assert "Je antwoord is niet goed. Lees de uitleg." in html
    assert "niet helemaal goed" not in html
    assert _counter(html) == "0 van 1 vragen goed."
    assert "Uitleg bij Bewijs bewaren" in html and "Uitleg bij Niets doen" in html
    assert "Jij koos dit." in html
    assert 'name="antwoord"' not in html  # answered: no form for this question any more


def test_answering_with_htmx_swaps_the_feedback_in(login_as, org, learner, module, lessons):
    client = login_as(learner)
    url = f"{base(org, module)}/{lessons[1].slug}/antwoord/"
    response = client.post(
        url,
        {"vraag": Q2, "antwoord": [Q2_RIGHT_A, Q2_RIGHT_B]},
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="vraag-q2-inhoud",
    )
    assert response.status_code == 200
    assert "<html" not in response.text
    assert "Je antwoord is goed." in response.text
    assert "autofocus" in response.text  # focus moves to the result after the swap
    assert Answer.objects.get().is_correct is True


def _counter(html: str) -> str:
    """The text of the lesson's knowledge-check counter, whitespace folded."""
    match = re.search(r'<p id="kennischeck-teller"[^>]*>(.*?)</p>', html, re.S)
    assert match, "no counter on the page"
    return " ".join(re.sub(r"<[^>]+>", "", match.group(1)).split())


def test_the_counter_updates_in_place_with_htmx(login_as, org, learner, module, lessons):
    client = login_as(learner)
    page = f"{base(org, module)}/{lessons[1].slug}/"
    html = client.get(page).text
    assert _counter(html) == "0 van 1 vragen goed. Beantwoord eerst nog 1 vraag."
    assert 'aria-live="polite"' in re.search(r'<p id="kennischeck-teller"[^>]*>', html).group(0)
    response = client.post(
        page + "antwoord/", {"vraag": Q2, "antwoord": [Q2_RIGHT_A, Q2_RIGHT_B]}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    # The question's feedback for its target, and the counter beside it, out of band.
    counter_tag = re.search(r'<p id="kennischeck-teller"[^>]*>', response.text).group(0)
    assert 'hx-swap-oob="true"' in counter_tag
    assert _counter(response.text) == "1 van 1 vragen goed."
    # Without JavaScript the page shows the same count after the redirect.
    html = client.get(page).text
    assert _counter(html) == "1 van 1 vragen goed."
    assert "hx-swap-oob" not in html


def test_a_wrong_answer_with_htmx_says_niet_goed(login_as, org, learner, module, lessons):
    client = login_as(learner)
    response = client.post(
        f"{base(org, module)}/{lessons[0].slug}/antwoord/", {"vraag": Q1, "antwoord": Q1_WRONG}, HTTP_HX_REQUEST="true"
    )
    assert "Je antwoord is niet goed." in response.text and "niet helemaal" not in response.text
    assert _counter(response.text) == "0 van 1 vragen goed."


def test_no_choice_shows_an_error_at_the_question(login_as, org, learner, module, lessons):
    client = login_as(learner)
    url = f"{base(org, module)}/{lessons[0].slug}/antwoord/"
    response = client.post(url, {"vraag": Q1})
    assert response.status_code == 400
    assert "Kies een antwoord." in response.text
    assert 'aria-describedby="vraag-q1-fout"' in response.text
    response = client.post(url, {"vraag": Q1}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and "Kies een antwoord." in response.text
    assert counts() == (0, 0, 0, 0)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"vraag": Q1, "antwoord": "verzonnen"}, "Dit antwoord hoort niet bij deze vraag."),
        ({"vraag": Q3, "antwoord": Q3_RIGHT}, "Deze vraag hoort niet bij deze les."),
        ({"vraag": Q1, "antwoord": [Q1_RIGHT, Q1_WRONG]}, "Bij deze vraag kies je één antwoord."),
        ({"vraag": Q1, "antwoord": Q1_RIGHT, "poging": "abc"}, "Dit antwoord kunnen we niet verwerken."),
        ({"antwoord": Q1_RIGHT}, "Dit antwoord kunnen we niet verwerken."),
    ],
)
def test_tampered_answers_are_400_and_change_nothing(login_as, org, learner, module, lessons, data, message):
    response = login_as(learner).post(f"{base(org, module)}/{lessons[0].slug}/antwoord/", data)
    assert response.status_code == 400
    assert message in response.text
    assert "Er is niets opgeslagen." in response.text
    assert counts() == (0, 0, 0, 0)


def test_another_learners_attempt_is_400_over_http(login_as, org, learner, other_learner, module, lessons):
    theirs = services.progress_record_answer(
        learner=other_learner.user,
        module=module,
        lesson=lessons[0],
        attempt_id=None,
        question_id=Q1,
        option_ids=[Q1_RIGHT],
    ).attempt
    before = counts()
    response = login_as(learner).post(
        f"{base(org, module)}/{lessons[2].slug}/antwoord/", {"vraag": Q3, "antwoord": Q3_RIGHT, "poging": theirs.pk}
    )
    assert response.status_code == 400
    assert "Deze poging is niet van jou." in response.text
    assert counts() == before


def test_replay_and_double_answers_are_400_over_http(login_as, org, learner, module, lessons):
    client = login_as(learner)
    url = f"{base(org, module)}/{lessons[0].slug}/antwoord/"
    client.post(url, {"vraag": Q1, "antwoord": Q1_WRONG})
    attempt = ModuleAttempt.objects.get()
    before = counts()
    response = client.post(url, {"vraag": Q1, "antwoord": Q1_RIGHT, "poging": attempt.pk})
    assert response.status_code == 400 and "al beantwoord" in response.text
    assert counts() == before
    assert Answer.objects.get().is_correct is False

    ModuleAttempt.objects.filter(pk=attempt.pk).update(status=ModuleAttempt.Status.FAILED)
    response = client.post(
        f"{base(org, module)}/{lessons[2].slug}/antwoord/", {"vraag": Q3, "antwoord": Q3_RIGHT, "poging": attempt.pk}
    )
    assert response.status_code == 400 and "al afgerond" in response.text
    response = client.post(f"{base(org, module)}/{lessons[0].slug}/afronden/", {"poging": attempt.pk})
    assert response.status_code == 400
    assert counts() == before


def test_get_is_not_allowed_on_writes(login_as, org, learner, module, lessons):
    client = login_as(learner)
    assert client.get(f"{base(org, module)}/{lessons[0].slug}/antwoord/").status_code == 405
    assert client.get(f"{base(org, module)}/{lessons[0].slug}/afronden/").status_code == 405
    assert client.get(f"{base(org, module)}/opnieuw/").status_code == 405


# --- Completing lessons and the module --------------------------------------------------


def test_completing_needs_the_answers_first(login_as, org, learner, module, lessons):
    client = login_as(learner)
    url = f"{base(org, module)}/{lessons[0].slug}/"
    assert "Beantwoord eerst nog 1 vraag." in client.get(url).text
    response = client.post(url + "afronden/", {"poging": ""})
    assert response.status_code == 302 and response["Location"] == url + "#afronden"
    assert "Beantwoord eerst alle vragen van deze les." in client.get(url).text
    assert counts() == (0, 0, 0, 0)


def test_walking_the_module_by_forms_passes_and_offers_the_certificate(login_as, org, learner, module, lessons):
    client = login_as(learner)
    steps = [
        (lessons[0], {Q1: [Q1_RIGHT]}),
        (lessons[1], {Q2: [Q2_RIGHT_A, Q2_RIGHT_B]}),
        (lessons[2], {Q3: [Q3_RIGHT]}),
    ]
    for lesson, answers in steps:
        url = f"{base(org, module)}/{lesson.slug}/"
        for question, chosen in answers.items():
            attempt = ModuleAttempt.objects.filter(status="open").first()
            client.post(
                url + "antwoord/", {"vraag": question, "antwoord": chosen, "poging": attempt.pk if attempt else ""}
            )
        response = client.post(url + "afronden/", {"poging": ModuleAttempt.objects.get(status="open").pk})
        assert response.status_code == 302
    assert response["Location"] == f"{base(org, module)}/"
    html = client.get(response["Location"]).text
    assert "Gefeliciteerd" in html and "100%" in html
    certificate = Certificate.objects.get()
    assert f"/o/{org.slug}/training/certificaten/{certificate.code}.pdf" in html
    assert "Nieuwe poging" in html
    # The lessons now show the answers of the finished attempt, and no forms.
    lesson_html = client.get(f"{base(org, module)}/{lessons[0].slug}/").text
    assert "Je antwoord is goed." in lesson_html and 'name="antwoord"' not in lesson_html


def test_failing_explains_and_a_new_attempt_starts_over(login_as, org, learner, module, lessons):
    client = login_as(learner)
    for lesson, question, wrong in (
        (lessons[0], Q1, [Q1_WRONG]),
        (lessons[1], Q2, [Q2_RIGHT_A]),
        (lessons[2], Q3, ["q3-b"]),
    ):
        url = f"{base(org, module)}/{lesson.slug}/"
        client.post(url + "antwoord/", {"vraag": question, "antwoord": wrong})
        response = client.post(url + "afronden/", {"poging": ""})
    html = client.get(response["Location"]).text
    assert "Je score is 0%. Je hebt 60% nodig." in html
    assert Certificate.objects.count() == 0

    response = client.post(f"{base(org, module)}/opnieuw/")
    assert response.status_code == 302 and response["Location"] == f"{base(org, module)}/{lessons[0].slug}/"
    assert ModuleAttempt.objects.get(status="open").number == 2
    html = client.get(response["Location"]).text
    assert 'name="antwoord"' in html  # the questions are open again
    assert "0 van 3 lessen klaar" in html


# --- Scenario ---------------------------------------------------------------------------


def test_scenario_works_with_plain_links(login_as, org, learner, module, lessons):
    """A first-edition scenario: the path of choices is in the address."""
    client = login_as(learner)
    url = f"{base(org, module)}/{lessons[1].slug}/"
    html = client.get(url).text
    assert "Sam komt huilend naar je toe." in html
    assert f'href="?scenario={SCENARIO}&amp;pad=c1#scenario-{SCENARIO}"' in html
    assert 'hx-boost="true"' in html and f'hx-select="#scenario-{SCENARIO}"' in html

    html = client.get(url, {"scenario": SCENARIO, "pad": "c1"}).text
    assert "Sam vertelt meer." in html and "Goede keuze" in html
    assert "Sam laat een bericht met een dreigement zien." in html  # the next step follows at once
    assert f'href="?scenario={SCENARIO}&amp;pad=c1.c4#scenario-{SCENARIO}"' in html

    html = client.get(url, {"scenario": SCENARIO, "pad": "c1.c4"}).text
    assert "Het bewijs is weg." in html and "Geen goede keuze" in html
    assert "einde van het scenario" in html
    assert "Je score: 2 van de 4 punten." in html

    # Nonsense in the link: a message and a way to start again; nothing is stored either way.
    response = client.get(url, {"scenario": SCENARIO, "pad": "c1.c99"})
    assert response.status_code == 200
    assert "Deze keuze hoort niet bij deze stap" in response.text
    assert f'href="?scenario={SCENARIO}#scenario-{SCENARIO}"' in response.text
    assert counts() == (0, 0, 0, 0)


# --- Who may do what ----------------------------------------------------------------------


def test_learners_cannot_reach_coordinator_pages(login_as, org, learner):
    client = login_as(learner)
    assert client.get(f"/o/{org.slug}/training/toewijzingen/").status_code == 403
    assert client.post(f"/o/{org.slug}/training/toewijzingen/", {}).status_code == 403
    assert client.get(f"/o/{org.slug}/training/overzicht/").status_code == 403


def test_navigation_links_to_the_training(login_as, org, learner, coordinator):
    html = login_as(learner).get(f"/o/{org.slug}/").text
    assert f'href="/o/{org.slug}/training/"' in html
    assert f'href="/o/{org.slug}/mijn-training/"' in html
    assert f'href="/o/{org.slug}/training/overzicht/"' not in html
    html = login_as(coordinator).get(f"/o/{org.slug}/").text
    assert f'href="/o/{org.slug}/training/overzicht/"' in html


def test_my_training_page_renders_for_every_role(login_as, org, member_factory, module):
    for role in (Role.LEARNER, Role.CASE_HANDLER, Role.ORG_COORDINATOR):
        response = login_as(member_factory(org, role)).get(f"/o/{org.slug}/mijn-training/")
        assert response.status_code == 200, role
        assert "private" in response["Cache-Control"]


def test_progress_is_the_learners_own_across_organisations(client, org, other_org, learner, module, lessons):
    """A person keeps their progress when they are a member elsewhere too."""
    from tests.factories import MembershipFactory

    MembershipFactory(organisation=other_org, user=learner.user)
    services.progress_record_answer(
        learner=learner.user, module=module, lesson=lessons[0], attempt_id=None, question_id=Q1, option_ids=[Q1_RIGHT]
    )
    CertificateFactory(user=learner.user, module=module)
    client.force_login(learner.user)
    html = client.get(f"/o/{other_org.slug}/training/{module.slug}/{lessons[0].slug}/").text
    assert "Je antwoord is goed." in html
    assert module.title in client.get(f"/o/{other_org.slug}/mijn-training/").text


def test_block_templates_render_a_preview_without_a_learner(db):
    """The CMS preview renders the blocks on their own: the question and choices, no form."""
    from cms.blocks import LessonStreamBlock
    from tests.training.builders import knowledge_check, lesson_bodies, option

    stream = LessonStreamBlock()
    raw = knowledge_check("p1", "Wat doe je eerst?", [option("a", "Bewijs bewaren", True), option("b", "Niets", False)])
    html = stream.child_blocks["knowledge_check"].render(stream.child_blocks["knowledge_check"].to_python(raw["value"]))
    assert "Wat doe je eerst?" in html and "Bewijs bewaren" in html and "<form" not in html
    scenario_raw = lesson_bodies()[1][2][0]
    html = stream.child_blocks["scenario"].render(stream.child_blocks["scenario"].to_python(scenario_raw["value"]))
    assert "Een leerling in paniek" in html and "Sam komt huilend naar je toe." in html and "<a " not in html
