"""Branching scenarios played from the address: the path is replayed on the server,
flags carry forward, endings are scored and explained, tampered paths are refused
with a way back, and the choices are shuffled per learner and step."""

from __future__ import annotations

import re

import pytest

from tests.training.builders import BRANCHING, build_branching_module
from training import scenarios, selectors

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(login_as, org, learner):
    module, (lesson,) = build_branching_module()
    client = login_as(learner)
    url = f"/o/{org.slug}/training/{module.slug}/{lesson.slug}/"

    def get(path: str | None = None, **extra):
        params = {"scenario": BRANCHING, **({"pad": path} if path is not None else {}), **extra}
        response = client.get(url, params)
        assert response.status_code == 200
        return response.text

    return get


def offered(html: str) -> list[str]:
    """The paths the choice links lead to, in page order."""
    return re.findall(rf'href="\?scenario={BRANCHING}&amp;pad=([^"#]+)#scenario-{BRANCHING}"', html)


def section(html: str) -> str:
    start = html.index(f'id="scenario-{BRANCHING}"')
    return html[start : html.index("</section>", start)]


def test_the_start_offers_every_choice_of_the_first_step(page):
    html = section(page())
    assert "Noor (15) laat je een chat zien" in html
    assert sorted(offered(html)) == ["k-bewaar", "k-wacht", "k-wis"]
    assert 'tabindex="-1" autofocus' in html  # the restart lands on step 1


def test_keeping_the_evidence_leads_to_the_good_ending_with_full_marks(page):
    html = section(page("k-bewaar"))
    assert "Jouw keuze: Je helpt Noor de chat te bewaren." in html
    assert "Stap 2" in html and "Noor wil dat het stopt." in html
    assert "De chat is gewist" not in html
    assert sorted(offered(html)) == ["k-bewaar.k-niets", "k-bewaar.k-politie", "k-bewaar.k-vragen"]

    html = section(page("k-bewaar.k-politie"))
    assert "Einde: Het bewijs hielp" in html and "Goed afgelopen" in html and "Uitleg bij het bewijs hielp." in html
    assert "Je score: 4 van de 4 punten." in html
    recap = html[html.index("Zo ging het") :]
    assert recap.index("Je helpt Noor de chat te bewaren.") < recap.index("Jullie gaan met de chat naar de politie.")
    assert "Gevolg: Je helpt Noor de chat te bewaren." in recap
    assert f'href="?scenario={BRANCHING}#scenario-{BRANCHING}"' in html  # start again
    assert f'href="?scenario={BRANCHING}&amp;pad=k-bewaar#scenario-{BRANCHING}"' in html  # choose again


def test_deleted_evidence_stays_deleted(page):
    html = section(page("k-wis"))
    assert "Door een eerdere keuze" in html and "De chat is gewist. Er is geen bewijs meer." in html
    assert "Jullie gaan met de chat naar de politie." not in html  # hidden: there is no chat any more
    assert sorted(offered(html)) == ["k-wis.k-niets", "k-wis.k-vragen"]

    html = section(page("k-wis.k-vragen"))
    assert "Einde: Het kon beter" in html and "Deels goed afgelopen" in html
    assert "Je score: 1 van de 4 punten." in html


def test_a_choice_can_end_the_scenario_at_once(page):
    html = section(page("k-wacht"))
    assert "Einde: Noor bleef alleen" in html and "Niet goed afgelopen" in html
    assert "Je score: 0 van de 2 punten." in html


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("k-bestaat-niet", "hoort niet bij deze stap"),
        ("k-politie", "hoort niet bij deze stap"),  # a choice of step 2 offered at step 1
        ("k-wis.k-politie", "niet meer maken"),  # hidden after deleting the chat
        ("k-wacht.k-vragen", "Na het einde"),
        ("k-bewaar.k-politie.k-bewaar", "langer dan het scenario"),
        ("k-bewaar.", "hoort niet bij deze stap"),
        ("x" * 5000, "langer dan het scenario"),
        ("<script>", "hoort niet bij deze stap"),
    ],
)
def test_a_tampered_path_gets_a_message_and_a_restart_link(page, path, message):
    html = section(page(path))
    assert message in html
    assert f'href="?scenario={BRANCHING}#scenario-{BRANCHING}"' in html
    assert "Einde:" not in html and "Je score" not in html and not offered(html)
    assert "<script>" not in html


def test_the_path_of_another_scenario_leaves_this_one_at_its_start(page):
    html = section(page("k-bewaar", scenario="een-ander-scenario"))
    assert "Jouw keuze" not in html and sorted(offered(html)) == ["k-bewaar", "k-wacht", "k-wis"]


def test_choices_are_shuffled_per_learner_and_step(db, org, member_factory):
    module, lessons = build_branching_module()
    block = lessons[0].body[0]
    orders = {}
    for learner_id in range(1, 6):
        state = scenarios.play(block, path=None, active=False, learner_id=learner_id)
        orders[learner_id] = [offer.choice.id for offer in state.offers]
        again = scenarios.play(block, path=None, active=False, learner_id=learner_id)
        assert [offer.choice.id for offer in again.offers] == orders[learner_id]  # stable
        assert sorted(orders[learner_id]) == ["k-bewaar", "k-wacht", "k-wis"]
    assert len({tuple(order) for order in orders.values()}) > 1  # learners 1-5 do not all get one order
    expected = selectors.shuffled(
        ["k-bewaar", "k-wis", "k-wacht"],
        seed=scenarios.choice_seed(learner_id=3, block_id=BRANCHING, step_key="start"),
        key=lambda cid: cid,
    )
    assert orders[3] == expected
    # Without a learner (no seed) the authored order stays.
    state = scenarios.play(block, path=None, active=False, learner_id=None)
    assert [offer.choice.id for offer in state.offers] == ["k-bewaar", "k-wis", "k-wacht"]


def test_the_page_shows_the_learners_order(login_as, org, learner):
    module, (lesson,) = build_branching_module()
    html = login_as(learner).get(f"/o/{org.slug}/training/{module.slug}/{lesson.slug}/").text
    expected = selectors.shuffled(
        ["k-bewaar", "k-wis", "k-wacht"],
        seed=scenarios.choice_seed(learner_id=learner.user.pk, block_id=BRANCHING, step_key="start"),
        key=lambda cid: cid,
    )
    assert offered(section(html)) == expected
