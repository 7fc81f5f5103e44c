"""Forms of the municipality's pages: the list's filters, redirecting a referral,
and the local directory. They check shape only; the services decide the rest
(``lifecycle.referral_redirect``, ``services.local_destination_save``)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.forms import PortalForm
from referrals.models import Referral
from referrals.routing.ruleset import CODE_RE, MAX_LABEL

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
        self.fields["status"].choices = [
            ALL,
            *((value, label) for value, label in Referral.Status.choices if value != "draft"),
        ]
        self.fields["bestemming"].choices = [ALL, *destinations]
        self.fields["organisatie"].choices = [ALL, *organisations]

    def clean_geescaleerd(self) -> bool:
        raw = self.data.get("geescaleerd", "")
        if raw not in ("", *TRUE_VALUES):
            raise forms.ValidationError(_("Vink aan of laat leeg."))
        return bool(raw)

    @property
    def is_filtering(self) -> bool:
        return any(self.data.get(name) for name in self.fields)

    def filters(self) -> dict[str, Any]:
        """The filters for ``selectors_area.filter_referrals``; none when the form is invalid."""
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
        self.fields["destination"].choices = [("", _("Kies een organisatie")), *choices]


class DestinationForm(PortalForm):
    """One organisation of the municipality's social map. The code is fixed once
    made (local rules and stored advice refer to it): editing leaves it out."""

    code = forms.CharField(
        label=_("Code"),
        max_length=50,
        help_text=_("Kleine letters, cijfers en underscores, zoals jongerenwerk. Kan later niet meer veranderen."),
    )
    label = forms.CharField(label=_("Naam"), max_length=MAX_LABEL)
    kind = forms.ChoiceField(label=_("Soort"), choices=list(KIND_LABELS.items()), initial="referral")
    url = forms.URLField(
        label=_("Website"),
        required=False,
        max_length=200,
        assume_scheme="https",
        help_text=_("Begint met https://. Mag leeg blijven."),
    )

    def __init__(self, *args: Any, existing_codes: set[str] | None = None, editing: bool = False, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.existing_codes = existing_codes or set()
        if editing:
            del self.fields["code"]

    def clean_code(self) -> str:
        code = self.cleaned_data["code"].strip()
        if not CODE_RE.match(code):
            raise forms.ValidationError(_("Gebruik kleine letters, cijfers en underscores, zoals jongerenwerk."))
        if code in self.existing_codes:
            raise forms.ValidationError(
                _("Deze code bestaat al. Kies een andere, of pas de bestaande organisatie aan.")
            )
        return code
