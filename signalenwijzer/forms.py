from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _


class OrganisationContactForm(forms.Form):
    """The organisation's own confidential contact, as the Signalenwijzer names it."""

    name = forms.CharField(
        label=_("Naam"),
        max_length=120,
        required=False,
        help_text=_("Laat leeg als jullie geen vaste persoon hebben. De Signalenwijzer noemt dan alleen de functie."),
    )
    role = forms.CharField(
        label=_("Functie"),
        max_length=120,
        required=False,
        help_text=_("Bijvoorbeeld: vertrouwenscontactpersoon, intern begeleider of aanspreekpunt integriteit."),
    )
    how_to_reach = forms.CharField(
        label=_("Zo bereik je deze persoon"),
        max_length=250,
        required=False,
        help_text=_("Bijvoorbeeld een werkadres voor e-mail of de dagen op school of club."),
    )

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if data.get("name") and not data.get("role"):
            self.add_error("role", _("Vul ook de functie in."))
        return data
