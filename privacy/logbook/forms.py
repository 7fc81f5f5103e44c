"""Whom to show the processing log about: a victim by case reference, or a member."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from portal.forms import PortalForm, form_field
from portal.models import Membership
from portal.selectors import members_of_organisation

VICTIM, STAFF = "slachtoffer", "medewerker"


class MemberChoiceField(forms.ModelChoiceField[Membership]):
    def label_from_instance(self, obj: Membership) -> str:
        label = f"{obj.user} ({obj.get_role_display()})"
        inactive = _("gedeactiveerd")
        return label if obj.is_active else f"{label} – {inactive}"


class SubjectForm(PortalForm):
    """In the URL (GET), so a search can be linked from a case or a request."""

    wie = forms.ChoiceField(
        label=_("Over wie?"),
        choices=[(VICTIM, _("Een slachtoffer (casus)")), (STAFF, _("Een medewerker of vrijwilliger"))],
        widget=forms.RadioSelect,
    )
    kenmerk = forms.CharField(
        label=_("Kenmerk van de casus"),
        required=False,
        max_length=20,
        help_text=_("Bijvoorbeeld 2026-0012. Ook een casus die al gewist is, heeft nog regels in het logboek."),
    )
    lid = MemberChoiceField(
        label=_("Medewerker of vrijwilliger"), required=False, queryset=Membership.objects.none(), empty_label="—"
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        form_field(self, "lid", MemberChoiceField).queryset = members_of_organisation()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("wie") == VICTIM and not (data.get("kenmerk") or "").strip():
            raise ValidationError({"kenmerk": _("Vul het kenmerk van de casus in.")})
        if data.get("wie") == STAFF and data.get("lid") is None:
            raise ValidationError({"lid": _("Kies de medewerker of vrijwilliger.")})
        return data
