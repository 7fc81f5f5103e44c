"""Knowledge-check options are shuffled on the server per learner and attempt: the
same order on every load within an attempt (before the attempt exists too), another
order in another attempt or for another learner, and scored by option id only."""

from __future__ import annotations

import re

import pytest

from tests.training.builders import build_module, knowledge_check, option
from training import selectors
from training.models import Answer, ModuleAttempt

pytestmark = pytest.mark.django_db

QUESTION = "q-zes"
OPTION_IDS = [f"o{n}" for n in range(6)]
RIGHT = "o5"  # authored last


def six_option_module():
    options = [option(oid, f"Antwoord {oid}", oid == RIGHT) for oid in OPTION_IDS]
    return build_module(
        slug="zes-opties",
        title="Zes antwoorden",
        lessons=[("Een les", "een-les", [knowledge_check(QUESTION, "Wat klopt?", options)])],
    )


def order(seed: str) -> list[str]:
    return selectors.shuffled(OPTION_IDS, seed=seed, key=lambda oid: oid)


def shown_order(html: str) -> list[str]:
    """Option ids in page order: the radio buttons, or the feedback list once answered."""
    radios = re.findall(r'name="antwoord" value="([^"]+)"', html)
    if radios:
        return radios
    return [f"o{n}" for n in re.findall(r"<p><strong>Antwoord o(\d)</strong></p>", html)]


def test_the_order_is_stable_per_seed_and_differs_between_attempts_and_learners():
    seed = selectors.option_seed(learner_id=1, attempt_number=1, question_id=QUESTION)
    next_attempt = selectors.option_seed(learner_id=1, attempt_number=2, question_id=QUESTION)
    other_learner = selectors.option_seed(learner_id=2, attempt_number=1, question_id=QUESTION)
    other_question = selectors.option_seed(learner_id=1, attempt_number=1, question_id="q-ander")

    assert order(seed) == order(seed)  # stable
    for other in (next_attempt, other_learner, other_question):
        assert sorted(order(other)) == OPTION_IDS  # a permutation, nothing lost
        assert order(other) != order(seed)
    assert order(seed) != OPTION_IDS or order(next_attempt) != OPTION_IDS  # not just the authored order
    assert selectors.shuffled(OPTION_IDS, seed="", key=lambda oid: oid) == OPTION_IDS


def test_the_page_shows_the_learners_order_the_same_before_and_after_the_first_answer(login_as, org, member_factory):
    module, (lesson,) = six_option_module()
    learner = member_factory(org)
    client = login_as(learner)
    url = f"/o/{org.slug}/training/{module.slug}/{lesson.slug}/"
    expected = order(selectors.option_seed(learner_id=learner.user.pk, attempt_number=1, question_id=QUESTION))

    before = shown_order(client.get(url).text)
    assert before == expected
    assert shown_order(client.get(url).text) == before  # a reload keeps it

    wrong = next(oid for oid in before if oid != RIGHT)
    assert client.post(url + "antwoord/", {"vraag": QUESTION, "antwoord": wrong}).status_code == 302
    assert ModuleAttempt.objects.get(user=learner.user).number == 1
    assert shown_order(client.get(url).text) == before  # the feedback lists them in the same order

    # htmx gets the feedback in the same order too.
    Answer.objects.all().delete()
    html = client.post(url + "antwoord/", {"vraag": QUESTION, "antwoord": wrong}, headers={"HX-Request": "true"}).text
    assert shown_order(html) == before


def test_a_new_attempt_and_another_learner_get_their_own_order(login_as, org, member_factory):
    module, (lesson,) = six_option_module()
    url = f"/o/{org.slug}/training/{module.slug}/{lesson.slug}/"
    first, second = member_factory(org), member_factory(org)
    for membership in (first, second):
        html = login_as(membership).get(url).text
        expected = order(selectors.option_seed(learner_id=membership.user.pk, attempt_number=1, question_id=QUESTION))
        assert shown_order(html) == expected

    client = login_as(first)
    client.post(f"/o/{org.slug}/training/{module.slug}/opnieuw/")
    client.post(f"/o/{org.slug}/training/{module.slug}/opnieuw/")
    assert ModuleAttempt.objects.filter(user=first.user, status="open").get().number == 2
    expected = order(selectors.option_seed(learner_id=first.user.pk, attempt_number=2, question_id=QUESTION))
    assert shown_order(client.get(url).text) == expected


def test_scoring_is_by_option_id_wherever_it_is_shown(login_as, org, member_factory):
    module, (lesson,) = six_option_module()
    url = f"/o/{org.slug}/training/{module.slug}/{lesson.slug}/"
    for membership in (member_factory(org), member_factory(org), member_factory(org)):
        client = login_as(membership)
        shown = shown_order(client.get(url).text)
        client.post(url + "antwoord/", {"vraag": QUESTION, "antwoord": shown[0]})
        answer = Answer.objects.get(attempt__user=membership.user)
        assert answer.option_ids == [shown[0]]
        assert answer.is_correct == (shown[0] == RIGHT)
        Answer.objects.filter(pk=answer.pk).delete()
        client.post(url + "antwoord/", {"vraag": QUESTION, "antwoord": RIGHT})
        assert Answer.objects.get(attempt__user=membership.user).is_correct
