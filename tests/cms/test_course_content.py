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
from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from wagtail.log_actions import log
from wagtail.models import Page, PageLogEntry
from wagtail.rich_text import RichText

from cms import services
from cms.content import GUIDES, LIBRARY, MODULES
from cms.models import LessonPage, ModulePage, TakedownGuide, TrainingLibraryPage
from cms.services import CourseContentError, course_load
from tests import own_words
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
            ending_keys = [ending["key"] for ending in scenario.get("endings") or []]
            assert len(steps) >= 2 and len(set(keys + ending_keys)) == len(keys + ending_keys)
            outcomes = set()
            reached = {keys[0]}
            for step in steps:
                assert len(step["choices"]) >= 2
                for choice in step["choices"]:
                    outcomes.add(choice["outcome"])
                    assert choice["consequence"].strip()
                    if choice["next_step"]:
                        assert choice["next_step"] in keys + ending_keys, (scenario["title"], choice["next_step"])
                        reached.add(choice["next_step"])
            assert reached == set(keys + ending_keys), f"{scenario['title']}: unreachable {set(keys) - reached}"
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
    # StopNCII's partners include Facebook, Instagram, TikTok and Snap (Snapchat), among others.
    assert {slug for slug, guide in guides.items() if guide.works_with_stopncii} == {
        "facebook-messenger",
        "instagram",
        "snapchat",
        "tiktok",
    }
    assert "Engels" in guides["snapchat"].language_notes
    # Platforms that want reports in English get a ready text with placeholders and no names.
    for slug in ("snapchat", "telegram"):
        text = guides[slug].report_text_en
        assert "[link]" in text or "[username]" in text, slug
        assert "consent" in text, slug
    # Old addresses are gone.
    every_url = [link.value["url"] for guide in guides.values() for link in guide.links]
    assert not [url for url in every_url if re.search(r"discordapp\.com|help\.twitter\.com|notwithoutmyconsent", url)]


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
# The seed documents are not in the repository: the checks use their fingerprint
# (tests/data/seed-fingerprint.txt, see tests/own_words.py), so they run in a fresh
# clone. Where ../shared/seeds is present the fingerprint must match it.

OUR_TEXT = [LIBRARY, MODULES, GUIDES]
SEED_DOCUMENTS = 3


def shared_dir() -> Path:
    """``shared/`` beside the repository, or ``SHARED_DIR``."""
    return Path(os.environ.get("SHARED_DIR") or Path(settings.BASE_DIR).parent / "shared")


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


def _plain(text: str) -> str:
    """Rich text as the reader sees it: tags gone, entities resolved."""
    return html.unescape(re.sub(r"<[^>]+>", " ", text))


def _sentences(text: str) -> list[str]:
    plain = html.unescape(re.sub(r"<[^>]+>", "\n", text))
    return [part.strip() for part in re.split(r"(?<=[.!?])\s+|\n+", plain) if part.strip()]


def copied_sentences(content, fingerprint) -> list[str]:
    """Sentences of 12 words or more of ``content`` of which every 12-word run is in the seeds."""
    copied = []
    for text in _strings(content):
        for sentence in _sentences(text):
            runs = own_words.runs(sentence)
            if runs and len(own_words.copied_runs(sentence, fingerprint)) == len(runs):
                copied.append(sentence)
    return copied


def copied_word_runs(content, fingerprint) -> set[str]:
    """Every 12-word run of ``content`` (each string on its own) that is in the seeds."""
    return {run for text in _strings(content) for run in own_words.copied_runs(_plain(text), fingerprint)}


@pytest.fixture(scope="module")
def seed_fingerprint() -> frozenset[str]:
    hashes = own_words.load_fingerprint()
    assert len(hashes) > 1000, f"{own_words.FINGERPRINT_PATH} holds only {len(hashes)} hashes"
    return hashes


def test_the_stored_fingerprint_is_well_formed_and_matches_the_seeds_when_present():
    content = own_words.FINGERPRINT_PATH.read_text(encoding="utf-8")
    lines = content.splitlines()
    hashes = own_words.parse_fingerprint(content)  # raises on a line that is not a hash
    assert lines[0] == own_words.HEADER
    assert lines[2:] == hashes, "only the header and the stats line are comments, both at the top"
    assert hashes == sorted(set(hashes)), "the hashes are sorted and de-duplicated"
    # Plausibly the fingerprint of the three seeds: their 12-word runs number in the
    # thousands, and only a few of them (repeated phrases) share a hash.
    assert own_words.stats(content), "the second line gives the number of documents and runs"
    documents, runs = own_words.stats(content)
    assert documents == SEED_DOCUMENTS
    assert 1000 < len(hashes) <= runs < 2 * len(hashes)

    seeds_dir = shared_dir() / "seeds"
    if seeds_dir.is_dir():
        seeds = own_words.read_seeds(seeds_dir)
        assert len(seeds) == SEED_DOCUMENTS, f"{seeds_dir} should hold {SEED_DOCUMENTS} seed documents"
        expected = own_words.fingerprint(seeds)
        stored = set(hashes)
        assert (len(expected - stored), len(stored - expected)) == (0, 0), (
            f"{own_words.FINGERPRINT_PATH} is not the fingerprint of {seeds_dir}; regenerate it: {own_words.REGENERATE}"
        )
        assert content == own_words.render(seeds), f"regenerate it: {own_words.REGENERATE}"


def test_no_long_sentence_is_copied_from_the_seeds(seed_fingerprint):
    assert copied_sentences(OUR_TEXT, seed_fingerprint) == []


def test_no_run_of_twelve_words_is_copied_from_the_seeds(seed_fingerprint):
    assert copied_word_runs(OUR_TEXT, seed_fingerprint) == set()


MADE_UP_SOURCE = """Wie online wordt bedreigd, doet er goed aan om eerst rustig alle berichten
te bewaren en pas daarna het account van de afzender te blokkeren. Een melding bij het
platform kan helpen om de berichten snel te laten verwijderen."""


def test_the_own_words_check_can_fail(seed_fingerprint):
    made_up = own_words.fingerprint([MADE_UP_SOURCE])
    copied = (
        "<p>Onze les zegt: wie ONLINE wordt bedreigd, doet er goed aan om eerst rustig alle "
        "berichten\nte bewaren &amp; meer.</p>"
    )
    paraphrase = (
        "<p>Word je online bedreigd? Bewaar dan eerst alle berichten. Blokkeer de afzender pas "
        "als je alles hebt bewaard, en meld de berichten bij het platform.</p>"
    )
    # Case, punctuation, tags and line breaks do not hide a copied run; a paraphrase has none.
    assert own_words.copied_runs(_plain(copied), made_up) == [
        "wie online wordt bedreigd doet er goed aan om eerst rustig alle",
        "online wordt bedreigd doet er goed aan om eerst rustig alle berichten",
        "wordt bedreigd doet er goed aan om eerst rustig alle berichten te",
        "bedreigd doet er goed aan om eerst rustig alle berichten te bewaren",
    ]
    assert own_words.copied_runs(_plain(paraphrase), made_up) == []
    # Eleven copied words are not yet a copy.
    assert own_words.copied_runs("wie online wordt bedreigd doet er goed aan om eerst rustig", made_up) == []
    # The checks over the course content catch the copy when it sits in a lesson.
    lesson = {"title": "Bewijs", "body": [{"type": "text", "value": copied}, {"type": "text", "value": paraphrase}]}
    whole = "<p>Een melding bij het platform kan helpen om de berichten snel te laten verwijderen.</p>"
    assert len(copied_word_runs([LIBRARY, lesson], made_up)) == 4
    assert copied_sentences([{"body": whole}, lesson], made_up) == [
        "Een melding bij het platform kan helpen om de berichten snel te laten verwijderen."
    ]
    assert copied_word_runs(OUR_TEXT, made_up) == set()

    # With the seeds beside the repository: a real seed sentence is caught by the stored fingerprint.
    seeds_dir = shared_dir() / "seeds"
    if seeds_dir.is_dir():
        seed_sentence = next(
            sentence
            for seed in own_words.read_seeds(seeds_dir)
            for sentence in _sentences(seed)
            if len(own_words.words(sentence)) >= 15
        )
        in_a_lesson = [{"body": f"<p>Zoals de bron zegt: {html.escape(seed_sentence)}</p>"}]
        assert copied_word_runs(in_a_lesson, seed_fingerprint)
        assert copied_sentences([{"body": f"<p>{html.escape(seed_sentence)}</p>"}], seed_fingerprint) == [seed_sentence]


# --- second edition: knowledge checks that measure judgement, branching scenarios, ---
# --- and one course for two countries (issue #14) ----------------------------------

COUNTRIES = ("NL", "BE")


def _blocks(body, country=None):
    """(country, block) for every block of a lesson body; a block inside a ``country``
    block carries that block's country, every other block None."""
    for block in body:
        if block["type"] == "country":
            yield from _blocks(block["value"]["body"], block["value"]["country"])
        else:
            yield country, block


def _module_checks(module, country=None):
    """The knowledge checks a learner of ``country`` answers (None: every check)."""
    return [
        block["value"]
        for lesson in module["lessons"]
        for where, block in _blocks(lesson["body"])
        if block["type"] == "knowledge_check" and (country is None or where in (None, country))
    ]


def _single_choice(modules):
    return [check for module in modules for check in _module_checks(module) if not check["multiple"]]


def answer_position_share(checks) -> tuple[float, float]:
    """(share of checks whose right answer is the first option, share whose right answer is
    the longest option by characters; a tie for longest counts as longest)."""
    first = longest = 0
    for check in checks:
        right = next(index for index, option in enumerate(check["options"]) if option["correct"])
        lengths = [len(option["text"]) for option in check["options"]]
        first += right == 0
        longest += lengths[right] == max(lengths)
    return first / len(checks), longest / len(checks)


def test_the_right_answer_is_first_or_longest_in_at_most_a_third_of_single_choice_checks():
    checks = _single_choice(MODULES)
    assert len(checks) >= 30
    first, longest = answer_position_share(checks)
    assert first <= 1 / 3, f"right answer first in {first:.0%}"
    assert longest <= 1 / 3, f"right answer longest in {longest:.0%}"
    # No reverse cue either: the right answer is not usually the shortest.
    shortest = sum(
        len(next(option for option in check["options"] if option["correct"])["text"])
        == min(len(option["text"]) for option in check["options"])
        for check in checks
    ) / len(checks)
    assert shortest <= 1 / 2, f"right answer shortest in {shortest:.0%}"
    # The measure itself: the first edition's shape (right answer first and longest) fails.
    first_edition = [
        {"options": [{"text": "Het goede, lange antwoord", "correct": True}, {"text": "Fout", "correct": False}]}
    ] * 3
    assert answer_position_share(first_edition) == (1.0, 1.0)


# A situational question describes a person in a situation, then asks what to do or
# what fits: at least two sentences (the situation, the question) and a person.
SITUATION_PEOPLE = re.compile(
    r"\b(leerling|leerlingen|sporter|speler|jongen|meisje|moeder|vader|ouder|collega|vrijwilliger|inwoner|"
    r"oud-leerling|klasgenoot|coach|trainer|slachtoffer|sporter)s?\b",
    re.IGNORECASE,
)


def is_situational(question: str) -> bool:
    sentences = [part for part in re.split(r"(?<=[.?!:'])\s+", question.strip()) if part.strip()]
    return len(sentences) >= 2 and bool(SITUATION_PEOPLE.search(question))


def test_at_least_half_of_each_modules_questions_are_situations():
    assert is_situational("Een leerling vertelt dat hij bedreigd wordt. Wat doe je?")
    assert not is_situational("Wat is seksuele exposing?")
    assert not is_situational("Welke vormen zijn er? Kies alle goede antwoorden.")  # no person
    for module in MODULES:
        for country in COUNTRIES:
            checks = _module_checks(module, country)
            situational = [check for check in checks if is_situational(check["question"])]
            assert len(situational) * 2 >= len(checks), (module["slug"], country, len(situational), len(checks))


def truly_branches(scenario) -> bool:
    """At least one step leads to two or more different next steps or endings, two
    endings have different verdicts, and a flag set by a choice changes what a later
    step shows (a note) or offers (hide_if)."""
    steps = scenario.get("steps", [])
    endings = scenario.get("endings", [])
    branching = any(len({choice["next_step"] for choice in step["choices"]}) >= 2 for step in steps)
    verdicts = {ending["verdict"] for ending in endings}
    used_later = set()
    for index, step in enumerate(steps):
        for later in steps[index + 1 :]:
            used_later |= {note["flag"] for note in later.get("notes", [])}
            used_later |= {flag for choice in later["choices"] for flag in choice.get("hide_if", "").split()}
        set_here = {flag for choice in step["choices"] for flag in choice.get("sets", "").split()}
        if set_here & used_later:
            return branching and len(verdicts) >= 2
        used_later = set()
    return False


def test_every_module_has_a_truly_branching_scenario():
    for module in MODULES:
        scenarios = [
            block["value"]
            for lesson in module["lessons"]
            for _, block in _blocks(lesson["body"])
            if block["type"] == "scenario"
        ]
        assert any(truly_branches(scenario) for scenario in scenarios), module["slug"]
        for scenario in scenarios:
            if scenario.get("endings"):
                verdicts = {ending["verdict"] for ending in scenario["endings"]}
                assert verdicts <= {"good", "partly", "bad"} and "good" in verdicts, scenario["title"]
    # The measure itself: a first-edition scenario (every choice to the same step, no flags) does not branch.
    linear = {
        "steps": [
            {"key": "a", "choices": [{"next_step": "b"}, {"next_step": "b"}]},
            {"key": "b", "choices": [{"next_step": ""}, {"next_step": ""}]},
        ]
    }
    assert not truly_branches(linear)


# Organisations, laws and terms of one country. A Belgian learner sees no Dutch one and
# a Dutch learner no Belgian one; text outside a country block names no organisation.
NL_ORGANISATIONS = [
    "Slachtofferhulp Nederland",
    "Veilig Thuis",
    "113",
    "0800-0113",
    "Kindertelefoon",
    "Offlimits",
    "HelpWanted",
    "Meldpunt Kinderporno",
    "EOKM",
    "CSG",
    "discriminatie.nl",
    "Meld Misdaad Anoniem",
    "Fraudehelpdesk",
    "Centraal Meldpunt Identiteitsfraude",
    "Perspectief Herstelbemiddeling",
    "Advieslijn voor professionals",
    "0900-8844",
    "0900-0101",
    "internetsporen.nl",
]
NL_TERMS = [*NL_ORGANISATIONS, "aangifte doen", "officier van justitie", "meldcode", "vertrouwenspersoon", "285d"]
BE_ORGANISATIONS = [
    "politiezone",
    "procureur des Konings",
    "CAW",
    "1712",
    "1813",
    "Zelfmoordlijn",
    "Awel",
    "Child Focus",
    "IGVM",
    "Unia",
    "CLB",
    "ZSG",
    "Card Stop",
    "Safeonweb",
    "Moderator",
    "API",
    "Vertrouwenscentrum Kindermishandeling",
]
BE_TERMS = [*BE_ORGANISATIONS, "klacht indienen", "burgerlijke partij", "benadeelde persoon", "parket"]


# Words for the same step that differ per country; text outside a country block avoids them.
COUNTRY_WORDS = [
    "aangifte",
    "klacht",
    "officier van justitie",
    "procureur des Konings",
    "meldcode",
    "vertrouwenspersoon",
]


def _found(terms, strings, *, ignore_case: bool = False) -> set[str]:
    plain = " ".join(_plain(text) for text in strings)
    flags = re.IGNORECASE if ignore_case else 0
    return {term for term in terms if re.search(rf"(?<![\w-]){re.escape(term)}(?![\w-])", plain, flags)}


def country_leaks(modules) -> list[tuple[str, str, set[str]]]:
    """(module, where, terms) for every Dutch term in a BE block, Belgian term in an NL
    block, and organisation of either country outside a country block."""
    leaks = []
    for module in modules:
        neutral = [module["title"], module["intro"], *module["learning_goals"]]
        for lesson in module["lessons"]:
            neutral += [lesson["title"], lesson["summary"]]
            for country, block in _blocks(lesson["body"]):
                strings = list(_strings(block["value"]))
                if country == "BE":
                    found, where = _found(NL_TERMS, strings), "BE"
                elif country == "NL":
                    found, where = _found(BE_TERMS, strings), "NL"
                else:
                    found, where = set(), None
                    neutral += strings
                if found:
                    leaks.append((module["slug"], f"{lesson['slug']} ({where})", found))
        found = _found(NL_ORGANISATIONS + BE_ORGANISATIONS, neutral) | _found(COUNTRY_WORDS, neutral, ignore_case=True)
        if found:
            leaks.append((module["slug"], "country-neutral text", found))
    return leaks


def test_each_country_sees_only_its_own_organisations_and_terms():
    assert country_leaks(MODULES) == []
    # Guides are shown to both countries: they name no country's organisation.
    assert _found(NL_ORGANISATIONS + BE_ORGANISATIONS, list(_strings(GUIDES))) == set()
    # The check itself catches each kind of leak.
    made_up = {
        "slug": "m",
        "title": "T",
        "intro": "<p>Bel Child Focus en doe Aangifte.</p>",
        "learning_goals": [],
        "lessons": [
            {
                "slug": "l",
                "title": "L",
                "summary": "S",
                "body": [
                    {
                        "type": "country",
                        "value": {"country": "BE", "body": [{"type": "text", "value": "<p>Bel Veilig Thuis.</p>"}]},
                    },
                    {
                        "type": "country",
                        "value": {
                            "country": "NL",
                            "body": [{"type": "text", "value": "<p>Ga naar de politiezone.</p>"}],
                        },
                    },
                ],
            }
        ],
    }
    assert country_leaks([made_up]) == [
        ("m", "l (BE)", {"Veilig Thuis"}),
        ("m", "l (NL)", {"politiezone"}),
        ("m", "country-neutral text", {"Child Focus", "aangifte"}),
    ]


def _country_strings(country: str) -> list[str]:
    return [
        text
        for module in MODULES
        for lesson in module["lessons"]
        for where, block in _blocks(lesson["body"])
        if where == country
        for text in _strings(block["value"])
    ]


def test_both_countries_get_their_own_help_for_a_minor_in_danger():
    """Where a lesson names help lines, each country has its own: suicide prevention,
    the line for an unsafe home, and images of minors."""
    nl = _country_strings("NL")
    be = _country_strings("BE")
    assert {"113", "0800-0113", "Veilig Thuis", "Offlimits", "meldcode", "285d"} <= _found(NL_TERMS, nl)
    assert {"1813", "1712", "Child Focus", "IGVM", "Unia", "procureur des Konings", "klacht indienen"} <= _found(
        BE_TERMS, be
    )


def first_edition_keys_broken(modules) -> list[str]:
    """In the first edition the right answer of every single-choice check was its first
    option. Reordered checks pin each option's old position with "key" (format.md
    point 2), so the option keyed "0" must still be the right one and the keys must be
    the old positions 0..n-1; otherwise a stored answer would point at another option."""
    broken = []
    for module in modules:
        for lesson in module["lessons"]:
            for _, block in _blocks(lesson["body"]):
                if block["type"] != "knowledge_check":
                    continue
                options = block["value"]["options"]
                keys = [option.get("key") for option in options]
                if not any(key is not None and key.isdigit() for key in keys):
                    continue
                if sorted(keys) != [str(index) for index in range(len(options))]:
                    broken.append(f"{lesson['slug']}: keys {keys}")
                elif not block["value"]["multiple"] and not options[keys.index("0")]["correct"]:
                    broken.append(f"{lesson['slug']}: {block['value']['question'][:40]}")
    return broken


def test_reordered_first_edition_options_keep_their_ids():
    assert first_edition_keys_broken(MODULES) == []
    reordered = sum(
        1
        for module in MODULES
        for lesson in module["lessons"]
        for _, block in _blocks(lesson["body"])
        if block["type"] == "knowledge_check"
        and any(option.get("key", "").isdigit() for option in block["value"]["options"])
    )
    assert reordered >= 31
    swapped = copy.deepcopy(MODULES)
    check = next(
        block["value"]
        for lesson in swapped[0]["lessons"]
        for _, block in _blocks(lesson["body"])
        if block["type"] == "knowledge_check" and block["value"]["options"][0].get("key") == "1"
    )
    for option in check["options"]:
        option["key"] = {"0": "1", "1": "0"}.get(option["key"], option["key"])
    assert len(first_edition_keys_broken(swapped)) == 1
