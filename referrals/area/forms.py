"""Forms of the municipality's pages: the list's filters, redirecting a referral,
and the local directory. They check shape only; the services decide the rest
(``referral_services.referral_redirect``, ``services.local_destination_save``)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.forms import PortalForm, form_field
from referrals.models import Referral
from referrals.routing.ruleset import MAX_LABEL
from referrals.services import phone_problem

ALL = ("", _("Alle"))
TRUE_VALUES = ("1", "on", "true", "ja")

KIND_LABELS = {
    "referral": _("Doorverwijzen: de organisatie neemt de hulp over"),
    "action": _("Actie: iets wat de school of club zelf doet"),
    "advice": _("Advies: informatie of een adviesnummer"),
}


class ReferralFilterForm(PortalForm):
    """The list's filters, from the URL. A value that is not on offer makes the
    form invalid: the view then shows the whole list and says why."""

    status = forms.ChoiceField(label=_("Status"), required=False)
    bestemming = forms.ChoiceField(label=_("Verwezen naar"), required=False)
    organisatie = forms.TypedChoiceField(
        label=_("Verwijzende organisatie"), coerce=int, required=False, empty_value=None
    )
    geescaleerd = forms.BooleanField(label=_("Alleen geëscaleerde doorverwijzingen"), required=False)

    def __init__(
        self,
        *args: Any,
        destinations: list[tuple[str, str]],
        organisations: list[tuple[int, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        form_field(self, "status", forms.ChoiceField).choices = [
            ALL,
            *((value, label) for value, label in Referral.Status.choices if value != "draft"),
        ]
        form_field(self, "bestemming", forms.ChoiceField).choices = [ALL, *destinations]
        form_field(self, "organisatie", forms.ChoiceField).choices = [ALL, *organisations]

    def clean_geescaleerd(self) -> bool:
        raw = self.data.get("geescaleerd", "")
        if raw not in ("", *TRUE_VALUES):
            raise forms.ValidationError(_("Vink aan of laat leeg."))
        return bool(raw)

    @property
    def is_filtering(self) -> bool:
        return any(self.data.get(name) for name in self.fields)

    def filters(self) -> dict[str, Any]:
        """The filters for ``selectors.filter_referrals``; none when the form is invalid."""
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "status": data["status"],
            "destination": data["bestemming"],
            "organisation": data["organisatie"],
            "escalated": data["geescaleerd"],
        }


class RedirectForm(PortalForm):
    destination = forms.ChoiceField(label=_("Naar welke organisatie?"))
    reason = forms.CharField(
        label=_("Waarom omleiden?"),
        max_length=150,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Dit komt in de chronologie van de casus. Zet er geen persoonsgegevens in."),
    )

    def __init__(self, *args: Any, choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        form_field(self, "destination", forms.ChoiceField).choices = [("", _("Kies een organisatie")), *choices]


class DestinationForm(PortalForm):
    """One organisation of the municipality's social map: its name, what it does and
    how to reach it. Nobody types a code: the service makes it from the name when the
    organisation is added, and it never changes after (local rules refer to it)."""

    label = forms.CharField(label=_("Naam"), max_length=MAX_LABEL)
    kind = forms.ChoiceField(
        label=_("Wat doet een school of club met deze organisatie?"),
        choices=list(KIND_LABELS.items()),
        initial="referral",
    )
    helps_with = forms.CharField(
        label=_("Waarmee ze helpen"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Bijvoorbeeld: gesprekken met jongeren die online gepest worden."),
    )
    audience = forms.CharField(
        label=_("Voor wie"), required=False, max_length=300, help_text=_("Bijvoorbeeld: jongeren van 12 tot 23 jaar.")
    )
    phone = forms.CharField(
        label=_("Telefoonnummer"),
        required=False,
        max_length=40,
        help_text=_("Zoals 010 123 45 67 of +32 9 123 45 67."),
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
    )
    email = forms.EmailField(
        label=_("E-mailadres"),
        required=False,
        max_length=254,
        error_messages={"invalid": _("Geef een e-mailadres zoals info@jongerenwerk.nl.")},
    )
    url = forms.URLField(
        label=_("Website"),
        required=False,
        max_length=200,
        assume_scheme="https",
        help_text=_("Begint met https://."),
        error_messages={"invalid": _("Geef een webadres zoals https://www.jongerenwerk.nl.")},
    )
    address = forms.CharField(
        label=_("Adres"), required=False, max_length=300, help_text=_("Straat, huisnummer, postcode en plaats.")
    )
    opening_hours = forms.CharField(
        label=_("Openingstijden"),
        required=False,
        max_length=300,
        help_text=_("Bijvoorbeeld: maandag tot en met vrijdag 9.00 tot 17.00 uur."),
    )

    def clean_phone(self) -> str:
        phone = self.cleaned_data["phone"].strip()
        if phone and (problem := phone_problem(phone)):
            raise forms.ValidationError(problem)
        return phone

    def clean_url(self) -> str:
        url = self.cleaned_data["url"]
        if url and not url.startswith("https://"):
            raise forms.ValidationError(
                _("Geef een adres dat begint met https://. Een adres met http:// is niet veilig.")
            )
        return url
