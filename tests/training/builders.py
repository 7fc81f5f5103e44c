"""Builders for a small course, from raw StreamField data, so the training tests do
not depend on the real course content: option, knowledge_check, scenario and
branching_scenario make block data; build_module adds a module with its lessons to
the training library (build_training_library), as the editor would.

These are functions, not factory-boy factories, on purpose: Wagtail pages live in a
tree (treebeard's path, depth and numchild) and must be added through the parent's
``add_child()``, which factory-boy's ``Model.objects.create()`` would bypass; and a
module is looked up by slug and reused, as the real course is. Rows that are plain
models (attempts, certificates, assignments) have factories in factories.py.
"""

from __future__ import annotations

from cms.models import LessonPage, ModulePage, TrainingLibraryPage
from tests.factories import wagtail_root


def option(option_id: str, text: str, correct: bool, feedback: str = "") -> dict:
    return {
        "type": "item",
        "id": option_id,
        "value": {"text": text, "correct": correct, "feedback": feedback or f"Uitleg bij {text}"},
    }


def knowledge_check(block_id: str, question: str, options: list[dict], multiple: bool = False) -> dict:
    return {
        "type": "knowledge_check",
        "id": block_id,
        "value": {"question": question, "multiple": multiple, "options": options},
    }


def scenario(block_id: str) -> dict:
    def choice(cid: str, text: str, outcome: str, consequence: str, next_step: str = "") -> dict:
        return {
            "type": "item",
            "id": cid,
            "value": {"text": text, "outcome": outcome, "consequence": consequence, "next_step": next_step},
        }

    return {
        "type": "scenario",
        "id": block_id,
        "value": {
            "title": "Een leerling in paniek",
            "intro": "Het is dinsdag na de gymles.",
            "steps": [
                {
                    "type": "item",
                    "id": f"{block_id}-start",
                    "value": {
                        "key": "start",
                        "situation": "Sam komt huilend naar je toe.",
                        "choices": [
                            choice("c1", "Je neemt de tijd en luistert.", "good", "Sam vertelt meer.", "gesprek"),
                            choice("c2", "Je zegt: kom later maar terug.", "bad", "Sam komt niet terug."),
                        ],
                    },
                },
                {
                    "type": "item",
                    "id": f"{block_id}-gesprek",
                    "value": {
                        "key": "gesprek",
                        "situation": "Sam laat een bericht met een dreigement zien.",
                        "choices": [
                            choice("c3", "Je helpt bewijs te bewaren.", "good", "Het bewijs is veilig."),
                            choice("c4", "Je zegt dat Sam het bericht moet verwijderen.", "bad", "Het bewijs is weg."),
                        ],
                    },
                },
            ],
        },
    }


# Question and option ids of the standard course.
Q1, Q1_RIGHT, Q1_WRONG = "q1", "q1-a", "q1-b"
Q2, Q2_RIGHT_A, Q2_RIGHT_B, Q2_WRONG = "q2", "q2-a", "q2-b", "q2-c"
Q3, Q3_RIGHT, Q3_WRONG = "q3", "q3-a", "q3-b"
SCENARIO = "sc1"

RIGHT = {Q1: [Q1_RIGHT], Q2: [Q2_RIGHT_A, Q2_RIGHT_B], Q3: [Q3_RIGHT]}
WRONG = {Q1: [Q1_WRONG], Q2: [Q2_RIGHT_A], Q3: [Q3_WRONG]}


def lesson_bodies() -> list[tuple[str, str, list[dict]]]:
    return [
        (
            "Wat is sextortion",
            "wat-is-sextortion",
            [
                knowledge_check(
                    Q1,
                    "Wat doe je eerst als er beelden online staan?",
                    [option(Q1_RIGHT, "Bewijs bewaren", True), option(Q1_WRONG, "Niets doen", False)],
                )
            ],
        ),
        (
            "Het gesprek",
            "het-gesprek",
            [
                scenario(SCENARIO),
                knowledge_check(
                    Q2,
                    "Welke zinnen helpen?",
                    [
                        option(Q2_RIGHT_A, "Goed dat je het vertelt", True),
                        option(Q2_RIGHT_B, "Het is niet jouw schuld", True),
                        option(Q2_WRONG, "Waarom stuurde je die foto?", False),
                    ],
                    multiple=True,
                ),
            ],
        ),
        (
            "Melden",
            "melden",
            [
                knowledge_check(
                    Q3,
                    "Waar meld je het?",
                    [option(Q3_RIGHT, "Bij de aandachtsfunctionaris", True), option(Q3_WRONG, "Nergens", False)],
                )
            ],
        ),
    ]


def build_training_library() -> TrainingLibraryPage:
    """The training library page (built under Wagtail's root when there is none)."""
    library = TrainingLibraryPage.objects.first()
    if library is None:
        library = wagtail_root().add_child(instance=TrainingLibraryPage(title="Training", slug="training-bibliotheek"))
    return library


def build_module(
    *,
    slug: str = "sextortion",
    title: str = "Omgaan met sextortion",
    pass_mark: int = 60,
    validity_months: int = 12,
    audience: str = "all",
    lessons: list[tuple[str, str, list[dict]]] | None = None,
) -> tuple[ModulePage, list[LessonPage]]:
    """The module with ``slug`` and its lessons: the existing one, else a new one built
    in the training library with ``lessons`` (default: the three of ``lesson_bodies``)."""
    existing = ModulePage.objects.filter(slug=slug).first()
    if existing is not None:
        return existing, list(existing.lessons())
    library = build_training_library()
    module = library.add_child(
        instance=ModulePage(
            title=title,
            slug=slug,
            intro="<p>Wat je doet als iemand wordt afgeperst met beelden.</p>",
            learning_goals=[{"type": "goal", "value": "Je weet wat je eerst doet."}],
            pass_mark=pass_mark,
            certificate_validity_months=validity_months,
            audience=audience,
        )
    )
    pages = [
        module.add_child(instance=LessonPage(title=title_, slug=slug_, summary=f"Over {title_.lower()}", body=body))
        for title_, slug_, body in (lessons if lessons is not None else lesson_bodies())
    ]
    return module, pages


# --- A branching scenario (second edition): flags, notes, hidden choices, endings ----

BRANCHING = "sc-vertakt"


def branching_scenario(block_id: str = BRANCHING) -> dict:
    """start: keep (→ melden) or delete the chat (sets bewijs_weg, → melden) or wait
    (→ einde_slecht). melden: a note when the chat is gone; going to the police with
    the chat is hidden then; the endings are good, partly and bad."""

    def choice(cid, text, outcome, next_step, sets="", hide_if=""):
        return {
            "type": "item",
            "id": cid,
            "value": {
                "text": text,
                "outcome": outcome,
                "consequence": f"Gevolg: {text}",
                "next_step": next_step,
                "sets": sets,
                "hide_if": hide_if,
            },
        }

    def ending(key, verdict, title):
        return {
            "type": "item",
            "id": f"{block_id}-{key}",
            "value": {"key": key, "verdict": verdict, "title": title, "explanation": f"Uitleg bij {title.lower()}."},
        }

    return {
        "type": "scenario",
        "id": block_id,
        "value": {
            "title": "Een dreigende chat",
            "intro": "Noor (15) laat je een chat zien waarin iemand dreigt.",
            "steps": [
                {
                    "type": "item",
                    "id": f"{block_id}-start",
                    "value": {
                        "key": "start",
                        "situation": "Noor wil de chat het liefst meteen wissen.",
                        "notes": [],
                        "choices": [
                            choice("k-bewaar", "Je helpt Noor de chat te bewaren.", "good", "melden"),
                            choice("k-wis", "Je zegt: wis hem maar.", "bad", "melden", sets="bewijs_weg"),
                            choice("k-wacht", "Je wacht af wat er gebeurt.", "bad", "einde_slecht"),
                        ],
                    },
                },
                {
                    "type": "item",
                    "id": f"{block_id}-melden",
                    "value": {
                        "key": "melden",
                        "situation": "Noor wil dat het stopt.",
                        "notes": [
                            {
                                "type": "item",
                                "id": f"{block_id}-note",
                                "value": {"flag": "bewijs_weg", "text": "De chat is gewist. Er is geen bewijs meer."},
                            }
                        ],
                        "choices": [
                            choice(
                                "k-politie",
                                "Jullie gaan met de chat naar de politie.",
                                "good",
                                "einde_goed",
                                hide_if="bewijs_weg",
                            ),
                            choice("k-vragen", "Je vraagt de politie wat er nog kan.", "partly", "einde_deels"),
                            choice("k-niets", "Je zegt dat melden geen zin heeft.", "bad", "einde_slecht"),
                        ],
                    },
                },
            ],
            "endings": [
                ending("einde_goed", "good", "Het bewijs hielp"),
                ending("einde_deels", "partly", "Het kon beter"),
                ending("einde_slecht", "bad", "Noor bleef alleen"),
            ],
        },
    }


def build_branching_module():
    return build_module(
        slug="vertakt",
        title="Een scenario met gevolgen",
        lessons=[("Kiezen met gevolgen", "kiezen", [branching_scenario()])],
    )
