"""The first course and the takedown guides: the content's shape, the loader's
idempotence and edit protection, stable question ids, and 'own words'."""

from __future__ import annotations

import copy
import html
import io
import os
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import transaction
from wagtail.log_actions import log
from wagtail.models import Page, PageLogEntry
from wagtail.rich_text import RichText

from cms import services
from cms.content import GUIDES, LIBRARY, MODULES
from cms.models import LessonPage, ModulePage, TakedownGuide, TrainingLibraryPage
from cms.services import CourseContentError, course_load
from tests.factories import UserFactory

GUIDE_SLUGS = {
    "facebook-messenger",
    "instagram",
    "snapchat",
    "youtube",
    "google-search",
    "tiktok",
    "x-twitter",
    "whatsapp",
    "discord",
    "tinder",
    "grindr",
    "telegram",
}
MODULE_TITLES = [
    "Online bedreiging herkennen",
    "Signalen herkennen",
    "Het gesprek",
    "Victim blaming voorkomen",
    "Stappenplan nazorg",
    "Intieme beelden offline halen",
]
SEEDS_DIR = Path(os.environ.get("SEEDS_DIR", "/work/shared/seeds"))


@pytest.fixture(scope="module")
def course(django_db_setup, django_db_blocker):
    """The course loaded once for this module, rolled back at its end. Each test runs
    in its own savepoint on top of it (the ``db`` fixture), so tests may change it."""
    with django_db_blocker.unblock(), transaction.atomic():
        counts = course_load()
        yield counts
        transaction.set_rollback(True)


@pytest.fixture
def empty(db):
    """A database without course content, whatever ran before (the module fixture may have loaded it)."""
    for library in TrainingLibraryPage.objects.all():
        library.delete()  # Page.delete removes descendants of every page type
    TakedownGuide.objects.all().delete()
    assert not LessonPage.objects.exists()


def course_object_counts() -> dict[str, int]:
    return {
        "library": TrainingLibraryPage.objects.count(),
        "modules": ModulePage.objects.count(),
        "lessons": LessonPage.objects.count(),
        "guides": TakedownGuide.objects.count(),
        "revisions": sum(
            page.revisions.count()
            for page in Page.objects.filter(depth__gte=2).type(TrainingLibraryPage, ModulePage, LessonPage)
        ),
    }


def all_lessons(module: ModulePage) -> list[LessonPage]:
    return list(module.lessons())


def blocks_of(lesson: LessonPage, block_type: str):
    return [child for child in lesson.body if child.block_type == block_type]


# --- the loader --------------------------------------------------------------------


def test_load_twice_creates_nothing_the_second_time(empty):
    first = course_load()
    after_first = course_object_counts()

    out = io.StringIO()
    call_command("load_course", stdout=out)
    after_second = course_object_counts()

    expected_total = 1 + len(MODULES) + sum(len(m["lessons"]) for m in MODULES) + len(GUIDES)
    assert first["created"] == expected_total
    assert after_first == after_second
    assert after_first["library"] == 1 and after_first["modules"] == 6 and after_first["guides"] == 12
    assert f"0 created, 0 updated, {expected_total} unchanged, 0 skipped" in out.getvalue()

    library = TrainingLibraryPage.objects.get()
    assert (library.title, library.slug) == (LIBRARY["title"], LIBRARY["slug"])
    assert library.get_parent().depth == 1
    assert library.live


@pytest.mark.usefixtures("course")
def test_untouched_pages_are_updated_when_the_content_changes(db, monkeypatch):
    changed = copy.deepcopy(MODULES)
    changed[0]["lessons"][0]["title"] = "Wat is online bedreiging precies?"
    monkeypatch.setattr(services, "MODULES", changed)

    counts = course_load()

    assert counts["created"] == 0 and counts["updated"] == 1 and counts["skipped"] == 0
    lesson = LessonPage.objects.get(slug=changed[0]["lessons"][0]["slug"])
    assert lesson.title == "Wat is online bedreiging precies?"
    assert lesson.live and not lesson.has_unpublished_changes


@pytest.mark.usefixtures("course")
def test_admin_edits_are_kept_unless_force_and_ids_stay_stable(db):
    lesson = LessonPage.objects.get(slug="bewijs-bewaren")
    original = lesson.knowledge_checks()
    assert len(original) >= 2

    # An editor replaces the whole body in the admin: the old block ids are gone.
    editor = UserFactory()
    lesson.body = [("text", RichText("<p>Onze eigen tekst.</p>"))]
    lesson.save_revision(user=editor, log_action=True).publish(user=editor, skip_permission_checks=True)

    kept = course_load()
    lesson.refresh_from_db()
    assert kept["skipped"] == 1 and kept["updated"] == 0
    assert lesson.knowledge_checks() == []
    assert PageLogEntry.objects.for_instance(lesson).filter(user=editor).exists()

    forced = course_load(force=True)
    lesson.refresh_from_db()
    assert forced["updated"] == 1 and forced["skipped"] == 0
    reloaded = lesson.knowledge_checks()
    assert [check.id for check in reloaded] == [check.id for check in original]
    assert [[option["id"] for option in check.options] for check in reloaded] == [
        [option["id"] for option in check.options] for check in original
    ]
    assert [check.question for check in reloaded] == [check.question for check in original]

    # After --force the loader owns the page again: a plain run leaves it alone.
    again = course_load()
    assert again["unchanged"] == forced["unchanged"] + forced["updated"]


@pytest.mark.usefixtures("course")
def test_admin_edits_to_a_guide_are_kept_unless_force(db):
    guide = TakedownGuide.objects.get(slug="snapchat")
    editor = UserFactory()
    guide.summary = "Onze eigen uitleg."
    guide.save()
    log(instance=guide, action="wagtail.edit", user=editor)

    assert course_load()["skipped"] == 1
    guide.refresh_from_db()
    assert guide.summary == "Onze eigen uitleg."

    assert course_load(force=True)["updated"] == 1
    guide.refresh_from_db()
    assert guide.summary != "Onze eigen uitleg."


def test_draft_load_then_publish(empty):
    course_load(publish=False)
    assert not ModulePage.objects.live().exists()
    assert not LessonPage.objects.live().exists()

    counts = course_load()
    assert counts["created"] == 0
    assert counts["updated"] == 1 + len(MODULES) + sum(len(m["lessons"]) for m in MODULES)
    assert not LessonPage.objects.not_live().exists()


def test_content_that_breaks_a_block_rule_is_refused_and_rolled_back(empty, monkeypatch):
    broken = copy.deepcopy(MODULES)
    check = next(block for block in broken[0]["lessons"][1]["body"] if block["type"] == "knowledge_check")
    for option in check["value"]["options"]:
        option["correct"] = True  # single choice with several correct answers
    monkeypatch.setattr(services, "MODULES", broken)

    with pytest.raises(CourseContentError):
        course_load()
    assert not TrainingLibraryPage.objects.exists()
    assert not TakedownGuide.objects.exists()


# --- the content -------------------------------------------------------------------


@pytest.mark.usefixtures("course")
def test_six_modules_with_at_least_three_live_lessons(db):
    library = TrainingLibraryPage.objects.get()
    modules = list(library.modules())
    assert [module.title for module in modules] == MODULE_TITLES
    for module in modules:
        assert len(all_lessons(module)) >= 3, module.title
        assert 3 <= len(module.learning_goals) <= 5, module.title
        assert 70 <= module.pass_mark <= 80
        assert module.certificate_validity_months == 24
        assert module.estimated_minutes > 0
        assert module.audience == "all"
        assert module.intro.startswith("<p>")


@pytest.mark.usefixtures("course")
def test_every_module_has_five_sound_knowledge_checks(db):
    seen_ids: set[str] = set()
    for module in TrainingLibraryPage.objects.get().modules():
        checks = [check for lesson in all_lessons(module) for check in lesson.knowledge_checks()]
        assert len(checks) >= 5, module.title
        for check in checks:
            assert check.id not in seen_ids
            seen_ids.add(check.id)
            assert len(check.options) >= 2, check.question
            correct = [option for option in check.options if option["correct"]]
            assert correct, check.question
            if not check.multiple:
                assert len(correct) == 1, check.question
            for option in check.options:
                assert option["feedback"].strip(), (check.question, option["text"])
                assert option["id"] not in seen_ids
                seen_ids.add(option["id"])


@pytest.mark.usefixtures("course")
def test_every_module_has_a_branching_scenario_whose_steps_resolve(db):
    for module in TrainingLibraryPage.objects.get().modules():
        scenarios = [block.value for lesson in all_lessons(module) for block in blocks_of(lesson, "scenario")]
        assert scenarios, module.title
        for scenario in scenarios:
            steps = list(scenario["steps"])
            keys = [step["key"] for step in steps]
            assert len(steps) >= 2 and len(set(keys)) == len(keys)
            outcomes = set()
            reached = {keys[0]}
            for step in steps:
                assert len(step["choices"]) >= 2
                for choice in step["choices"]:
                    outcomes.add(choice["outcome"])
                    assert choice["consequence"].strip()
                    if choice["next_step"]:
                        assert choice["next_step"] in keys, (scenario["title"], choice["next_step"])
                        reached.add(choice["next_step"])
            assert reached == set(keys), f"{scenario['title']}: unreachable steps {set(keys) - reached}"
            assert outcomes <= {"good", "partly", "bad"} and "good" in outcomes and len(outcomes) >= 2


@pytest.mark.usefixtures("course")
def test_all_twelve_guides_exist_with_steps_and_evidence(db):
    guides = {guide.slug: guide for guide in TakedownGuide.objects.all()}
    assert set(guides) == GUIDE_SLUGS
    for guide in guides.values():
        assert guide.summary.strip() and guide.platform.strip()
        assert len(guide.steps) >= 3, guide.slug
        assert len(guide.evidence_first) >= 2, guide.slug
        assert all(step.value["title"].strip() for step in guide.steps)
        assert guide.links, guide.slug
        assert all(link.value["url"].startswith("https://") for link in guide.links)
    assert {slug for slug, guide in guides.items() if guide.works_with_stopncii} == {"facebook-messenger", "instagram"}
    assert "Engels" in guides["snapchat"].language_notes


@pytest.mark.usefixtures("course")
def test_every_takedown_guide_block_resolves(db):
    linked = []
    for lesson in LessonPage.objects.all():
        for block in blocks_of(lesson, "takedown_guide"):
            guide = block.value["guide"]
            assert isinstance(guide, TakedownGuide)
            assert TakedownGuide.objects.filter(pk=guide.pk).exists()
            linked.append(guide.slug)
    module6 = ModulePage.objects.get(slug="intieme-beelden-offline-halen")
    in_module6 = {
        block.value["guide"].slug for lesson in all_lessons(module6) for block in blocks_of(lesson, "takedown_guide")
    }
    assert in_module6 == GUIDE_SLUGS
    assert len(linked) > len(GUIDE_SLUGS)


@pytest.mark.usefixtures("course")
def test_lesson_block_mix(db):
    used = {child.block_type for lesson in LessonPage.objects.all() for child in lesson.body}
    assert {
        "text",
        "callout",
        "questions_to_ask",
        "dialogue",
        "knowledge_check",
        "scenario",
        "reflection",
        "checklist",
        "takedown_guide",
    } <= used
    gesprek = ModulePage.objects.get(slug="het-gesprek")
    gesprek_blocks = {child.block_type for lesson in all_lessons(gesprek) for child in lesson.body}
    assert {"questions_to_ask", "dialogue"} <= gesprek_blocks


# --- own words ---------------------------------------------------------------------


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in {"slug", "url", "guide_slug", "type", "key", "next_step", "kind", "outcome", "audience"}:
                yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(text).replace("\u2019", "'")).strip().lower()


def _words(text: str) -> list[str]:
    return re.findall(r"[\w'-]+", _normalise(text))


def _sentences(text: str) -> list[str]:
    plain = re.sub(r"<[^>]+>", "\n", text)
    parts = re.split(r"(?<=[.!?])\s+|\n+", plain)
    return [_normalise(part) for part in parts if part.strip()]


@pytest.fixture(scope="module")
def seeds():
    files = sorted(SEEDS_DIR.glob("*.txt"))
    if not files:
        pytest.skip(f"no seed documents in {SEEDS_DIR} (set SEEDS_DIR)")
    assert len(files) == 3
    return [path.read_text(encoding="utf-8") for path in files]


def test_no_long_sentence_is_copied_from_the_seeds(seeds):
    seed_text = " ".join(_normalise(seed) for seed in seeds)
    copied = [
        sentence
        for text in _strings([LIBRARY, MODULES, GUIDES])
        for sentence in _sentences(text)
        if len(sentence.split()) >= 12 and sentence in seed_text
    ]
    assert copied == []


def test_no_run_of_twelve_words_is_copied_from_the_seeds(seeds):
    seed_words = " ".join(" ".join(_words(seed)) for seed in seeds)
    copied = set()
    for text in _strings([LIBRARY, MODULES, GUIDES]):
        words = _words(re.sub(r"<[^>]+>", " ", text))
        for start in range(len(words) - 11):
            run = " ".join(words[start : start + 12])
            if f" {run} " in f" {seed_words} ":
                copied.add(run)
    assert copied == set()


def test_the_own_words_check_can_fail(seeds):
    sentence = next(s for s in _sentences(seeds[0]) if len(s.split()) >= 12)
    assert sentence in " ".join(_normalise(seed) for seed in seeds)
