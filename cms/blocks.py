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

    def clean(self, value):  # type: ignore[no-untyped-def]
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


class ScenarioChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Keuze"), max_length=300)
    outcome = blocks.ChoiceBlock(
        label=_("Uitkomst"),
        choices=[("good", _("Goede keuze")), ("partly", _("Deels goed")), ("bad", _("Geen goede keuze"))],
    )
    consequence = blocks.TextBlock(label=_("Wat er dan gebeurt en waarom"))
    next_step = blocks.CharBlock(
        label=_("Volgende stap"),
        max_length=40,
        required=False,
        help_text=_("De sleutel van de volgende stap. Leeg: het scenario eindigt hier."),
    )

    class Meta:
        icon = "arrow-right"
        label = _("Keuze")


class ScenarioStepBlock(blocks.StructBlock):
    key = blocks.CharBlock(label=_("Sleutel"), max_length=40, help_text=_("Bijvoorbeeld start, gesprek, melden."))
    situation = blocks.TextBlock(label=_("Situatie"))
    choices = blocks.ListBlock(ScenarioChoiceBlock(), label=_("Keuzes"), min_num=2)

    class Meta:
        icon = "folder-open-inverse"
        label = _("Stap")


class ScenarioBlock(blocks.StructBlock):
    """A branching scenario: situation → choices → consequence and feedback → next step.
    The first step is where it starts."""

    title = blocks.CharBlock(label=_("Titel"), max_length=150)
    intro = blocks.TextBlock(label=_("Inleiding"), required=False)
    steps = blocks.ListBlock(ScenarioStepBlock(), label=_("Stappen"), min_num=1)

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
                    "choices": [
                        {"text": "Je neemt de tijd.", "outcome": "good", "consequence": "Ze vertelt meer.", "next_step": ""},
                        {"text": "Je zegt: later.", "outcome": "bad", "consequence": "Ze komt niet terug.", "next_step": ""},
                    ],
                }
            ],
        }

    def clean(self, value):  # type: ignore[no-untyped-def]
        value = super().clean(value)
        keys = [step["key"] for step in value["steps"]]
        if len(set(keys)) != len(keys):
            raise StructBlockValidationError(
                block_errors={"steps": ValidationError(_("Elke stap heeft een eigen sleutel nodig."))}
            )
        for step in value["steps"]:
            for choice in step["choices"]:
                if choice["next_step"] and choice["next_step"] not in keys:
                    raise StructBlockValidationError(
                        block_errors={
                            "steps": ValidationError(
                                _("Stap '%(key)s' verwijst naar een stap die niet bestaat: %(next)s")
                                % {"key": step["key"], "next": choice["next_step"]}
                            )
                        }
                    )
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


class LessonStreamBlock(blocks.StreamBlock):
    text = TextBlock()
    callout = CalloutBlock()
    questions_to_ask = QuestionsToAskBlock()
    dialogue = DialogueBlock()
    knowledge_check = KnowledgeCheckBlock()
    scenario = ScenarioBlock()
    reflection = ReflectionBlock()
    checklist = ChecklistBlock()
    takedown_guide = TakedownGuideLinkBlock()


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
