"""Lesson building blocks. Small StructBlocks, each with a full Meta, composed into
``LessonStreamBlock``. Scoring of knowledge checks lives in ``training.services``."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.snippets.blocks import SnippetChooserBlock

RICH_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3", "h4"]


class TextBlock(blocks.RichTextBlock):
    class Meta:
        icon = "pilcrow"
        label = _("Tekst")
        template = "blocks/text.html"
        description = _("Gewone tekst met kopjes, lijstjes en links.")
        preview_value = "<p>Online bedreiging kan iedereen overkomen. Neem het altijd serieus.</p>"

    def __init__(self, **kwargs: object) -> None:
        super().__init__(features=RICH_FEATURES, **kwargs)


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Soort"),
        choices=[("tip", _("Tip")), ("let_op", _("Let op")), ("wet", _("Wat zegt de wet"))],
        default="tip",
    )
    title = blocks.CharBlock(label=_("Titel"), max_length=120)
    text = blocks.RichTextBlock(label=_("Tekst"), features=RICH_FEATURES)

    class Meta:
        icon = "help"
        label = _("Tip of let op")
        template = "blocks/callout.html"
        description = _("Een opvallend kader met een tip, een waarschuwing of wat de wet zegt.")
        preview_value = {"kind": "tip", "title": "Blijf rustig", "text": "<p>Laat zien dat je luistert.</p>"}


class QuestionsToAskBlock(blocks.StructBlock):
    intro = blocks.CharBlock(label=_("Inleiding"), max_length=250, required=False)
    questions = blocks.ListBlock(blocks.CharBlock(label=_("Vraag"), max_length=250), label=_("Vragen"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Vragen om te stellen")
        template = "blocks/questions_to_ask.html"
        description = _("Vragen die je het slachtoffer kunt stellen.")
        preview_value = {"intro": "Vraag bijvoorbeeld:", "questions": ["Wat is er gebeurd?", "Hoe gaat het nu met je?"]}


class DialogueLineBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Zin"), max_length=300)
    why = blocks.CharBlock(label=_("Waarom"), max_length=300, required=False)

    class Meta:
        icon = "openquote"
        label = _("Zin")


class DialogueBlock(blocks.StructBlock):
    situation = blocks.TextBlock(label=_("Situatie"))
    do_say = blocks.ListBlock(DialogueLineBlock(), label=_("Dit zeg je wel"), min_num=1)
    dont_say = blocks.ListBlock(DialogueLineBlock(), label=_("Dit zeg je niet"), min_num=1)

    class Meta:
        icon = "openquote"
        label = _("Voorbeeldgesprek")
        template = "blocks/dialogue.html"
        description = _("Een situatie met zinnen die helpen en zinnen die niet helpen.")
        preview_value = {
            "situation": "Een leerling vertelt dat er een naaktfoto rondgaat.",
            "do_say": [{"text": "Goed dat je het vertelt.", "why": "Je erkent de moed."}],
            "dont_say": [{"text": "Waarom stuurde je die foto?", "why": "Dat legt de schuld bij het slachtoffer."}],
        }


class OptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Antwoord"), max_length=300)
    correct = blocks.BooleanBlock(label=_("Goed antwoord"), required=False)
    feedback = blocks.TextBlock(label=_("Uitleg bij dit antwoord"))

    class Meta:
        icon = "radio-full"
        label = _("Antwoordmogelijkheid")


class KnowledgeCheckBlock(blocks.StructBlock):
    """A scored question. Options are identified by their ListBlock item ids, which
    stay stable when an editor reorders them."""

    question = blocks.CharBlock(label=_("Vraag"), max_length=300)
    multiple = blocks.BooleanBlock(
        label=_("Meer antwoorden goed"),
        required=False,
        help_text=_("Aan: de deelnemer kiest alle goede antwoorden. Uit: één antwoord is goed."),
    )
    options = blocks.ListBlock(OptionBlock(), label=_("Antwoorden"), min_num=2)

    class Meta:
        icon = "tick-inverse"
        label = _("Kennischeck")
        template = "blocks/knowledge_check.html"
        description = _("Een vraag met antwoorden en uitleg bij elk antwoord. Telt mee voor de score.")
        preview_value = {
            "question": "Wat doe je eerst als er intieme beelden online staan?",
            "multiple": False,
            "options": [
                {"text": "Bewijs bewaren", "correct": True, "feedback": "Juist: eerst bewijs, dan melden."},
                {"text": "Niets", "correct": False, "feedback": "Snel handelen is belangrijk."},
            ],
        }

    def clean(self, value):
        value = super().clean(value)
        correct = sum(1 for option in value["options"] if option["correct"])
        if correct == 0:
            raise StructBlockValidationError(
                block_errors={"options": ValidationError(_("Kies minstens één goed antwoord."))}
            )
        if not value["multiple"] and correct > 1:
            raise StructBlockValidationError(
                block_errors={
                    "multiple": ValidationError(_("Er zijn meer goede antwoorden: zet 'Meer antwoorden goed' aan."))
                }
            )
        return value


OUTCOMES = [("good", _("Goede keuze")), ("partly", _("Deels goed")), ("bad", _("Geen goede keuze"))]
VERDICTS = [("good", _("Goed afgelopen")), ("partly", _("Deels goed afgelopen")), ("bad", _("Niet goed afgelopen"))]
# Exploring every path with its flags stops here; real scenarios stay far below it.
MAX_SCENARIO_STATES = 5000


def flags(value: str | None) -> frozenset[str]:
    """The flags in a space-separated field ("bewijs_weg ouders_weten")."""
    return frozenset((value or "").split())


class ScenarioChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Keuze"), max_length=300)
    outcome = blocks.ChoiceBlock(label=_("Uitkomst"), choices=OUTCOMES)
    consequence = blocks.TextBlock(label=_("Wat er dan gebeurt en waarom"))
    next_step = blocks.CharBlock(
        label=_("Volgende stap"),
        max_length=40,
        required=False,
        help_text=_("De sleutel van de volgende stap of van een einde. Leeg: het scenario eindigt hier."),
    )
    sets = blocks.CharBlock(
        label=_("Zet deze vlaggen"),
        max_length=200,
        required=False,
        help_text=_(
            "Wat deze keuze verandert voor later. Korte woorden zonder spaties, gescheiden door een spatie. "
            "Bijvoorbeeld: bewijs_weg"
        ),
    )
    hide_if = blocks.CharBlock(
        label=_("Verberg als"),
        max_length=200,
        required=False,
        help_text=_(
            "Deze keuze wordt niet getoond als een van deze vlaggen eerder is gezet. "
            "Korte woorden, gescheiden door een spatie."
        ),
    )

    class Meta:
        icon = "arrow-right"
        label = _("Keuze")


class ScenarioNoteBlock(blocks.StructBlock):
    flag = blocks.CharBlock(label=_("Vlag"), max_length=40)
    text = blocks.TextBlock(label=_("Tekst"), help_text=_("Staat bij deze stap als de vlag eerder is gezet."))

    class Meta:
        icon = "info-circle"
        label = _("Opmerking bij een eerdere keuze")


class ScenarioStepBlock(blocks.StructBlock):
    key = blocks.CharBlock(label=_("Sleutel"), max_length=40, help_text=_("Bijvoorbeeld start, gesprek, melden."))
    situation = blocks.TextBlock(label=_("Situatie"))
    notes = blocks.ListBlock(ScenarioNoteBlock(), label=_("Opmerkingen bij eerdere keuzes"), default=[])
    choices = blocks.ListBlock(ScenarioChoiceBlock(), label=_("Keuzes"), min_num=2)

    class Meta:
        icon = "folder-open-inverse"
        label = _("Stap")


class ScenarioEndingBlock(blocks.StructBlock):
    key = blocks.CharBlock(label=_("Sleutel"), max_length=40, help_text=_("Bijvoorbeeld einde_goed."))
    verdict = blocks.ChoiceBlock(label=_("Oordeel"), choices=VERDICTS)
    title = blocks.CharBlock(label=_("Titel"), max_length=150)
    explanation = blocks.TextBlock(label=_("Uitleg"))

    class Meta:
        icon = "flag"
        label = _("Einde")


def scenario_problems(value) -> list[str]:
    """What is wrong with a scenario's steps and endings, in Dutch, one line per problem.

    Checks: keys unique across steps and endings; every next_step names a step or an
    ending; no way round in circles; every ending can be reached; every flag used in
    notes or hide_if is set somewhere; a step never offers fewer than two choices for
    any set of flags a learner can have when arriving there.
    """
    steps = list(value["steps"])
    endings = list(value.get("endings") or [])
    problems: list[str] = []
    keys = [step["key"] for step in steps] + [ending["key"] for ending in endings]
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    if duplicates:
        problems.append(
            _("Elke stap en elk einde heeft een eigen sleutel nodig. Dubbel: %(keys)s")
            % {"keys": ", ".join(duplicates)}
        )
        return problems
    step_by_key = {step["key"]: step for step in steps}
    ending_keys = {ending["key"] for ending in endings}
    for step in steps:
        for choice in step["choices"]:
            target = choice["next_step"] or ""
            if target and target not in step_by_key and target not in ending_keys:
                problems.append(
                    _("Stap '%(key)s' verwijst naar een stap of einde dat niet bestaat: %(next)s")
                    % {"key": step["key"], "next": target}
                )
    if problems:
        return problems

    # No cycles: a depth-first walk over the steps (flags aside).
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done

    def visit(key: str, trail: list[str]) -> list[str] | None:
        state[key] = 1
        for choice in step_by_key[key]["choices"]:
            target = choice["next_step"] or ""
            if target in step_by_key:
                if state.get(target) == 1:
                    return [*trail, key, target]
                if state.get(target) is None:
                    found = visit(target, [*trail, key])
                    if found:
                        return found
        state[key] = 2
        return None

    for step in steps:
        if step["key"] not in state:
            cycle = visit(step["key"], [])
            if cycle:
                start = cycle.index(cycle[-1])
                problems.append(
                    _("Het scenario gaat in een kringetje rond: %(cycle)s") % {"cycle": " → ".join(cycle[start:])}
                )
                return problems

    set_anywhere = frozenset().union(*(flags(c["sets"]) for s in steps for c in s["choices"]))
    for step in steps:
        used = {note["flag"] for note in step["notes"]} | {
            flag for choice in step["choices"] for flag in flags(choice["hide_if"])
        }
        unknown = sorted(used - set_anywhere)
        if unknown:
            problems.append(
                _("Stap '%(key)s' gebruikt een vlag die geen keuze zet: %(flags)s")
                % {"key": step["key"], "flags": ", ".join(unknown)}
            )

    # Every path with its flags, from the first step.
    seen: set[tuple[str, frozenset[str]]] = set()
    reached_endings: set[str] = set()
    too_few: set[str] = set()
    todo: list[tuple[str, frozenset[str]]] = [(steps[0]["key"], frozenset())] if steps else []
    while todo and len(seen) < MAX_SCENARIO_STATES:
        key, current = todo.pop()
        if (key, current) in seen:
            continue
        seen.add((key, current))
        offered = [c for c in step_by_key[key]["choices"] if not flags(c["hide_if"]) & current]
        if len(offered) < 2:
            too_few.add(key)
        for choice in offered:
            target = choice["next_step"] or ""
            after = current | flags(choice["sets"])
            if target in step_by_key:
                todo.append((target, after))
            elif target:
                reached_endings.add(target)
    problems.extend(
        _("Stap '%(key)s' toont na eerdere keuzes minder dan twee keuzes. Pas 'Verberg als' aan.") % {"key": key}
        for key in sorted(too_few)
    )
    unreachable = [ending["key"] for ending in endings if ending["key"] not in reached_endings]
    if unreachable:
        problems.append(_("Dit einde kan niemand bereiken: %(keys)s") % {"keys": ", ".join(unreachable)})
    return problems


class ScenarioBlock(blocks.StructBlock):
    """A branching scenario: situation → choices → consequence and feedback → next step
    or a named ending. The first step is where it starts. Choices can set flags that
    later steps react to (a note, a choice that is no longer offered)."""

    title = blocks.CharBlock(label=_("Titel"), max_length=150)
    intro = blocks.TextBlock(label=_("Inleiding"), required=False)
    steps = blocks.ListBlock(ScenarioStepBlock(), label=_("Stappen"), min_num=1)
    endings = blocks.ListBlock(ScenarioEndingBlock(), label=_("Eindes"), default=[])

    class Meta:
        icon = "redirect"
        label = _("Scenario met keuzes")
        template = "blocks/scenario.html"
        description = _("Een verhaal waarin de deelnemer kiest en ziet wat er dan gebeurt.")
        preview_value = {
            "title": "Een leerling in paniek",
            "intro": "",
            "steps": [
                {
                    "key": "start",
                    "situation": "Een leerling komt na de les naar je toe en huilt.",
                    "notes": [],
                    "choices": [
                        {
                            "text": "Je neemt de tijd.",
                            "outcome": "good",
                            "consequence": "Ze vertelt meer.",
                            "next_step": "",
                        },
                        {
                            "text": "Je zegt: later.",
                            "outcome": "bad",
                            "consequence": "Ze komt niet terug.",
                            "next_step": "",
                        },
                    ],
                }
            ],
            "endings": [],
        }

    def clean(self, value):
        value = super().clean(value)
        problems = scenario_problems(value)
        if problems:
            raise StructBlockValidationError(block_errors={"steps": ValidationError(" ".join(problems))})
        return value


class ReflectionBlock(blocks.StructBlock):
    prompt = blocks.TextBlock(label=_("Denkvraag"))

    class Meta:
        icon = "comment"
        label = _("Denkvraag")
        template = "blocks/reflection.html"
        description = _("Een vraag om zelf over na te denken. Niet gescoord, niet opgeslagen.")
        preview_value = {"prompt": "Wie in jouw team kun je om advies vragen?"}


class ChecklistBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titel"), max_length=150)
    items = blocks.ListBlock(blocks.CharBlock(label=_("Punt"), max_length=300), label=_("Punten"), min_num=1)

    class Meta:
        icon = "list-ol"
        label = _("Checklist")
        template = "blocks/checklist.html"
        description = _("Een lijst om af te vinken.")
        preview_value = {"title": "Bewijs bewaren", "items": ["Screenshot met datum", "Link van het profiel"]}


def _takedown_guide_preview() -> dict[str, object]:
    # Evaluated when the block is previewed in the admin, so it can read a snippet.
    from cms.models import TakedownGuide

    return {"guide": TakedownGuide.objects.order_by("platform").first(), "note": "Zo meld je het op dit platform."}


class TakedownGuideLinkBlock(blocks.StructBlock):
    guide = SnippetChooserBlock("cms.TakedownGuide", label=_("Handleiding"))
    note = blocks.CharBlock(label=_("Toelichting"), max_length=250, required=False)

    class Meta:
        icon = "link"
        label = _("Handleiding offline halen")
        template = "blocks/takedown_guide_link.html"
        description = _("Een link naar de handleiding voor één platform.")
        preview_value = staticmethod(_takedown_guide_preview)


class CountryStreamBlock(blocks.StreamBlock):
    """What a country block may hold: every lesson block except another country block."""

    text = TextBlock()
    callout = CalloutBlock()
    questions_to_ask = QuestionsToAskBlock()
    dialogue = DialogueBlock()
    knowledge_check = KnowledgeCheckBlock()
    scenario = ScenarioBlock()
    reflection = ReflectionBlock()
    checklist = ChecklistBlock()
    takedown_guide = TakedownGuideLinkBlock()


COUNTRIES = [("NL", _("Nederland")), ("BE", _("België"))]
COUNTRY_HEADINGS = {"NL": _("Voor Nederland"), "BE": _("Voor België")}


class CountryBlock(blocks.StructBlock):
    """Content for learners of one country only (their organisation's country).
    Without a country (an editor's preview) both are shown, each under a heading."""

    country = blocks.ChoiceBlock(label=_("Land"), choices=COUNTRIES)
    body = CountryStreamBlock(label=_("Inhoud voor dit land"))

    class Meta:
        icon = "site"
        label = _("Alleen voor één land")
        template = "blocks/country.html"
        description = _("Inhoud die alleen deelnemers uit Nederland of alleen uit België zien.")
        preview_value = {
            "country": "BE",
            "body": [{"type": "text", "value": "<p>Bel bij gevaar 101 of 112.</p>"}],
        }


class LessonStreamBlock(CountryStreamBlock):
    """Every lesson block, and country blocks that hold them."""

    country = CountryBlock()


class GuideStepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Stap"), max_length=200)
    text = blocks.TextBlock(label=_("Uitleg"), required=False)

    class Meta:
        icon = "list-ol"
        label = _("Stap")
        template = "blocks/guide_step.html"
        description = _("Eén stap om iets te melden op het platform.")
        preview_value = {"title": "Tik op de drie puntjes", "text": "Kies dan Rapporteren."}


class LinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Tekst van de link"), max_length=150)
    url = blocks.URLBlock(label=_("Adres"))

    class Meta:
        icon = "link"
        label = _("Link")
        template = "blocks/link.html"
        description = _("Een link naar een meldformulier of hulppagina.")
        preview_value = {"label": "StopNCII", "url": "https://stopncii.org/"}


class ContactPersonBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Naam"), max_length=150)
    role = blocks.CharBlock(label=_("Functie"), max_length=150)
    how_to_reach = blocks.CharBlock(label=_("Zo bereik je deze persoon"), max_length=250)

    class Meta:
        icon = "user"
        label = _("Contactpersoon")
        template = "blocks/contact_person.html"
        description = _("Een contactpersoon van de organisatie.")
        preview_value = {"name": "Vera Veenstra", "role": "Vertrouwenspersoon", "how_to_reach": "Kamer 12, dinsdag"}


class OrganisationStreamBlock(blocks.StreamBlock):
    text = TextBlock()
    callout = CalloutBlock()
    checklist = ChecklistBlock()
    contact_person = ContactPersonBlock()
