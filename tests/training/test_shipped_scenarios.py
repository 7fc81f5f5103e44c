"""Every scenario of the shipped course, played by the engine for a Dutch and for a
Belgian learner: every path the pages offer replays without a refusal, every step
offers at least two choices, every named ending is reached, scores stay within the
path's maximum, and the lesson page answers each ending's path with its score."""

from __future__ import annotations

import pytest

from cms.models import LessonPage
from cms.services import course_load
from portal.models import Country
from portal.roles import Role
from tests.factories import MunicipalityFactory
from training import scenarios

pytestmark = pytest.mark.django_db

MAX_PATHS = 2000


def all_paths(block, learner_id):
    """Every state the links of a scenario lead to, depth first from the start."""
    start = scenarios.play(block, path=None, active=True, learner_id=learner_id)
    todo, states = [start], []
    while todo and len(states) < MAX_PATHS:
        state = todo.pop()
        states.append(state)
        todo.extend(
            scenarios.play(block, path=offer.path, active=True, learner_id=learner_id) for offer in state.offers
        )
    return states


@pytest.fixture
def course(db):
    course_load()


@pytest.mark.usefixtures("course")
@pytest.mark.parametrize("country", [Country.NL, Country.BE])
def test_every_scenario_path_plays_and_every_ending_is_reached(country, login_as, member_factory):
    municipality = MunicipalityFactory(country=country)  # a municipality sees every module
    learner = member_factory(municipality, Role.LEARNER)
    client = login_as(learner)
    played = 0
    for lesson in LessonPage.objects.live().order_by("path"):
        module = lesson.get_parent()
        for entry in lesson.blocks_for(country):
            if entry.block.block_type != "scenario":
                continue
            played += 1
            where = f"{lesson.slug} / {entry.block.value['title']}"
            states = all_paths(entry.block, learner.user.pk)
            assert len(states) < MAX_PATHS, where
            reached = set()
            for state in states:
                assert not state.error, f"{where}: {state.path}: {state.error}"
                assert state.step is not None or state.finished, where
                if state.step is not None:
                    assert len(state.offers) >= 2, f"{where}: step {state.step.key} after {state.path}"
                assert 0 <= state.score <= state.max_score == 2 * len(state.made), where
                if state.ending is not None:
                    reached.add(state.ending.key)
            endings = {ending["key"] for ending in entry.block.value["endings"]}
            assert endings <= reached, f"{where}: never reached {sorted(endings - reached)}"

            # The page shows each ending's first path with its title and score.
            shown = set()
            for state in states:
                if state.ending is None or state.ending.key in shown:
                    continue
                shown.add(state.ending.key)
                url = f"/o/{municipality.slug}/training/{module.slug}/{lesson.slug}/"
                response = client.get(url, {"scenario": entry.block.id, "pad": state.path})
                assert response.status_code == 200, where
                html = response.content.decode()
                assert f"Je score: {state.score} van de {state.max_score} punten." in html, where
    assert played >= 6  # at least one scenario per module
