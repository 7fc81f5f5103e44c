"""One walk through the Signalenwijzer, carried in the form and nowhere else.

Every screen is a POST form: the answers so far travel in hidden fields, the
current screen's question in visible ones. So a walk needs no JavaScript, no
session and no database row, and its answers never appear in a URL, a server log
or the browser's history. ``Walk.from_post`` reads (and cleans) what came back;
``Walk.go`` moves one screen forward or back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from signalenwijzer.models import StepKey, Urgency

if TYPE_CHECKING:
    from signalenwijzer.selectors import WalkContent

START = "start"
URGENT_ADVICE = "dringend"  # after the urgency question, when something is urgent
NO_URGENCY = "geen"

CERTAINTY_CHOICES = (
    ("gevoel", gettext_lazy("Ik heb vooral een gevoel")),
    ("enkele", gettext_lazy("Ik zie een paar signalen")),
    ("veel", gettext_lazy("Ik zie veel signalen, of iemand vertelde me iets")),
)
URGENCY_CHOICES = (*Urgency.choices, (NO_URGENCY, gettext_lazy("Nee, niets hiervan")))

# What has been counted for this walk (anonymous monthly counts), so going back and
# forth counts a walk once.
COUNTED = ("", "gestart", "af")


@dataclass
class Walk:
    screen: str = START
    signals: list[str] = field(default_factory=list)
    certainty: str = ""
    urgent: list[str] = field(default_factory=list)
    counted: str = ""

    @classmethod
    def from_post(cls, data: QueryDict, content: WalkContent) -> Walk:
        """The walk as posted, keeping only known values (anything else is dropped)."""
        screens = {START, URGENT_ADVICE, *(step.key for step in content.steps)}
        urgent_keys = {key for key, _label in URGENCY_CHOICES}
        return cls(
            screen=str(data.get("stap")) if data.get("stap") in screens else START,
            signals=[key for key in dict.fromkeys(data.getlist("s")) if key in content.signals],
            certainty=data.get("zeker", "") if data.get("zeker") in dict(CERTAINTY_CHOICES) else "",
            urgent=[key for key in dict.fromkeys(data.getlist("dringend")) if key in urgent_keys],
            counted=data.get("teller", "") if data.get("teller") in COUNTED else "",
        )

    # --- Where we are ------------------------------------------------------------------

    @property
    def urgent_chosen(self) -> list[str]:
        return [key for key in self.urgent if key != NO_URGENCY]

    def sequence(self, content: WalkContent) -> list[str]:
        screens = [START]
        for step in content.steps:
            screens.append(step.key)
            if step.key == StepKey.URGENCY and self.urgent_chosen:
                screens.append(URGENT_ADVICE)
        return screens

    def position(self, content: WalkContent) -> tuple[int, int]:
        """(number of this step, number of steps), the start screen not counted."""
        steps = [step.key for step in content.steps]
        screen = StepKey.URGENCY if self.screen == URGENT_ADVICE else self.screen
        return (steps.index(screen) + 1 if screen in steps else 0, len(steps))

    def errors(self) -> list[str]:
        """What is missing on the current screen before going forward."""
        if self.screen == StepKey.CERTAINTY and not self.certainty:
            return [_("Kies wat het best bij je past.")]
        if self.screen == StepKey.URGENCY:
            if not self.urgent:
                return [_("Kies wat past. Is niets hiervan aan de hand? Kies dan 'Nee, niets hiervan'.")]
            if NO_URGENCY in self.urgent and self.urgent_chosen:
                return [_("Je koos 'Nee, niets hiervan' en ook iets anders. Kies wat klopt.")]
        return []

    def go(self, content: WalkContent, direction: str) -> list[str]:
        """Move forward (after checking the answer) or back; returns the errors."""
        screens = self.sequence(content)
        index = screens.index(self.screen) if self.screen in screens else 0
        if direction == "terug":
            self.screen = screens[max(index - 1, 0)]
            return []
        errors = self.errors()
        if not errors:
            self.screen = screens[min(index + 1, len(screens) - 1)]
        return errors

    # --- What a screen shows ------------------------------------------------------------

    def urgent_shown(self, content: WalkContent) -> list[str]:
        """The urgency boxes ticked on screen: the answer, or before one is given,
        what the ticked signals point to."""
        if self.urgent:
            return self.urgent
        return list(
            dict.fromkeys(content.signals[key].points_to for key in self.signals if content.signals[key].points_to)
        )

    def hidden(self, *, except_screen: str = "") -> list[tuple[str, str]]:
        """The answers as hidden fields, except the ones the current screen asks."""
        fields: list[tuple[str, str]] = [("teller", self.counted)]
        if except_screen != StepKey.SIGNALS:
            fields += [("s", key) for key in self.signals]
        if except_screen != StepKey.CERTAINTY and self.certainty:
            fields.append(("zeker", self.certainty))
        if except_screen != StepKey.URGENCY:
            fields += [("dringend", key) for key in self.urgent]
        return fields

    def certainty_label(self) -> str:
        return str(dict(CERTAINTY_CHOICES).get(self.certainty, _("niet ingevuld")))

    def urgent_labels(self) -> list[str]:
        labels = dict(URGENCY_CHOICES)
        return [str(labels[key]) for key in self.urgent_chosen]

    def signal_text(self, content: WalkContent) -> str:
        """The text carried into "Signaal melden" as its first impression: the ticked
        signals, how sure, what is urgent. No names (none were asked)."""
        lines = [_("Uit de Signalenwijzer (zonder namen)."), _("Wat mij opviel:")]
        nothing_ticked = _("niets aangevinkt")  # outside the f-string, so makemessages finds it
        lines += [f"- {content.signals[key].text}" for key in self.signals] or [f"- {nothing_ticked}"]
        lines.append(_("Hoe zeker ik ben: %(label)s") % {"label": self.certainty_label().lower()})
        urgent = self.urgent_labels()
        lines.append(_("Dringend: %(labels)s") % {"labels": "; ".join(urgent).lower() if urgent else _("nee")})
        return "\n".join(lines)[:2000]
