"""The forms of the request pages. They check what a form can check on its own (a
field filled in, a valid date); the rules about the request and the person are the
services' (their ``ValidationError`` comes back on the field with ``apply_errors``)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.forms import MAX_DATE, MIN_DATE, PortalForm, form_field
from portal.models import Membership
from privacy.models import SubjectRequest
from privacy.requests import selectors
from privacy.requests.services import MAX_EXTENSION_MONTHS

# Case references as people write them: separated by commas, semicolons, spaces or lines.
_SEPARATORS = re.compile(r"[\s,;]+")
MAX_REFERENCES = 20


def _day_field(label: Any, help_text: Any = "") -> forms.DateField:
    return forms.DateField(
        label=label,
        input_formats=["%Y-%m-%d", "%d-%m-%Y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=help_text,
        error_messages={
            "required": _("Vul een datum in."),
            "invalid": _("Vul een datum in zoals 31-01-2026."),
        },
    )


def _in_range(day: date) -> date:
    if not MIN_DATE <= day <= MAX_DATE:
        raise forms.ValidationError(
            _("Kies een datum tussen %(first)s en %(last)s."), params={"first": MIN_DATE.year, "last": MAX_DATE.year}
        )
    return day


class MemberChoiceField(forms.ModelChoiceField[Membership]):
    def label_from_instance(self, obj: Membership) -> str:
        user = obj.user
        name = user.get_full_name()
        text = f"{name} ({user.email})" if name and user.email else str(user)
        inactive = _("niet meer actief")
        return text if obj.is_active else f"{text} — {inactive}"


class RegisterForm(PortalForm):
    kind = forms.ChoiceField(
        label=_("Wat vraagt de persoon?"),
        choices=SubjectRequest.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies inzage of verwijderen.")},
    )
    subject_type = forms.ChoiceField(
        label=_("Over wie gaat het verzoek?"),
        choices=SubjectRequest.SubjectType.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies of het gaat over een slachtoffer of over een lid.")},
    )
    case_references = forms.CharField(
        label=_("Kenmerken van de casussen"),
        required=False,
        max_length=500,
        help_text=_(
            "Alleen bij een slachtoffer. Het kenmerk staat boven de casus, bijvoorbeeld 2026-0012. "
            "Meer casussen? Zet een komma tussen de kenmerken."
        ),
    )
    pseudonym = forms.CharField(
        label=_("Schuilnaam in de casus"),
        required=False,
        max_length=100,
        help_text=_(
            "Alleen bij een slachtoffer. Zo controleert het portaal dat het om de goede persoon gaat. "
            "Is de casus al geanonimiseerd of verwijderd? Dan mag dit leeg blijven."
        ),
    )
    member = MemberChoiceField(
        label=_("Lid van de organisatie"),
        queryset=Membership.objects.none(),
        required=False,
        empty_label=_("Kies een lid"),
        help_text=_("Alleen bij een lid. Ook leden die niet meer actief zijn staan erin."),
    )
    received_on = _day_field(
        _("Ontvangen op"),
        _("De dag waarop het verzoek binnenkwam. Binnen een maand daarna moet het antwoord er zijn."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {}).setdefault("received_on", timezone.localdate())
        super().__init__(*args, **kwargs)
        form_field(self, "member", MemberChoiceField).queryset = selectors.members_to_choose()

    def clean_case_references(self) -> list[str]:
        text = self.cleaned_data.get("case_references") or ""
        references = list(dict.fromkeys(ref.upper() for ref in _SEPARATORS.split(text.strip()) if ref))
        if len(references) > MAX_REFERENCES:
            raise forms.ValidationError(_("Geef hoogstens %(count)s kenmerken op."), params={"count": MAX_REFERENCES})
        return references

    def clean_received_on(self) -> date:
        return _in_range(self.cleaned_data["received_on"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("subject_type") == SubjectRequest.SubjectType.VICTIM:
            if not data.get("case_references") and "case_references" not in self.errors:
                self.add_error("case_references", _("Vul minstens één kenmerk van een casus in."))
        elif data.get("subject_type") == SubjectRequest.SubjectType.STAFF and data.get("member") is None:
            if "member" not in self.errors:
                self.add_error("member", _("Kies het lid om wie het gaat."))
        return data


class ExtendForm(PortalForm):
    months = forms.TypedChoiceField(
        label=_("Hoeveel langer?"),
        coerce=int,
        choices=[
            (n, _("%(count)s maand extra") % {"count": n} if n == 1 else _("%(count)s maanden extra") % {"count": n})
            for n in range(1, MAX_EXTENSION_MONTHS + 1)
        ],
        widget=forms.RadioSelect,
        help_text=_("Gerekend vanaf de eerste uiterste datum. Samen hoogstens twee maanden."),
        error_messages={"required": _("Kies 1 of 2 maanden.")},
    )
    reason = forms.CharField(
        label=_("Waarom is er meer tijd nodig?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=1000,
        help_text=_(
            "Bijvoorbeeld: het zijn veel gegevens, of er lopen veel verzoeken tegelijk. "
            "Schrijf geen namen of details over de persoon of de casus. Laat de persoon binnen de eerste maand "
            "weten dat het langer duurt, en waarom."
        ),
        error_messages={"required": _("Schrijf op waarom het verzoek meer tijd nodig heeft.")},
    )


class AnswerForm(PortalForm):
    answered_on = _day_field(_("Beantwoord op"), _("De dag waarop je het antwoord hebt verstuurd."))
    answer = forms.CharField(
        label=_("Wat heb je geantwoord en gedaan?"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=4000,
        help_text=_(
            "Kort, bijvoorbeeld: ‘Overzicht per beveiligde mail gestuurd’ of ‘Gegevens verwijderd, de melding aan "
            "Veilig Thuis blijft bewaard’. Schrijf geen namen of details over de persoon of de casus."
        ),
        error_messages={"required": _("Schrijf kort op wat je hebt geantwoord en gedaan.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {}).setdefault("answered_on", timezone.localdate())
        super().__init__(*args, **kwargs)

    def clean_answered_on(self) -> date:
        return _in_range(self.cleaned_data["answered_on"])
