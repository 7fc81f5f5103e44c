"""Forms for the training. They check shape only; rules live in ``training.services``."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.models import ModulePage
from portal.forms import PortalForm, form_field
from portal.models import Membership, Organisation
from training.selectors import TrainingStatus

MAX_OPTIONS = 50


class AnswerForm(forms.Form):
    """A knowledge-check answer: the question, the chosen option ids, the attempt."""

    vraag = forms.CharField(max_length=64)
    poging = forms.IntegerField(required=False, min_value=1)

    def __init__(self, data: Any) -> None:
        super().__init__(data)
        self.option_ids: list[str] = [value for value in data.getlist("antwoord") if value][: MAX_OPTIONS + 1]

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        if len(self.option_ids) > MAX_OPTIONS or any(len(value) > 64 for value in self.option_ids):
            raise forms.ValidationError("too many or too long option ids")
        return cleaned


class AttemptForm(forms.Form):
    poging = forms.IntegerField(required=False, min_value=1)


class MemberChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Membership) -> str:
        user = obj.user
        name = user.get_full_name()
        if not user.email:
            return str(user)
        return f"{name} ({user.email})" if name else user.email


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class AssignmentForm(PortalForm):
    module = forms.ModelChoiceField(
        label=_("Module"),
        queryset=ModulePage.objects.none(),
        empty_label=_("Kies een module"),
        error_messages={"required": _("Kies een module."), "invalid_choice": _("Kies een module uit de lijst.")},
    )
    role = forms.ChoiceField(
        label=_("Voor een rol"),
        required=False,
        help_text=_("Iedereen met deze rol krijgt de module, ook wie later lid wordt."),
        error_messages={"invalid_choice": _("Kies een rol uit de lijst.")},
    )
    membership = MemberChoiceField(
        label=_("Of voor één persoon"),
        queryset=Membership.objects.none(),
        required=False,
        empty_label=_("Geen persoon"),
        error_messages={"invalid_choice": _("Deze persoon is geen lid van deze organisatie.")},
    )
    due_date = forms.DateField(
        label=_("Klaar voor"),
        widget=DateInput(),
        help_text=_("Bijvoorbeeld 2026-12-31."),
        error_messages={"required": _("Vul een datum in."), "invalid": _("Vul een datum in zoals 2026-12-31.")},
    )

    def __init__(self, *args: Any, organisation: Organisation, modules: list[ModulePage], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        form_field(self, "module", forms.ModelChoiceField).queryset = ModulePage.objects.filter(
            pk__in=[m.pk for m in modules]
        ).order_by("path")
        form_field(self, "role", forms.ChoiceField).choices = [
            ("", _("Geen rol")),
            *((r.value, r.label) for r in organisation.allowed_roles),
        ]
        # The scoped manager limits this to the organisation in scope: anyone else is an invalid choice.
        form_field(self, "membership", forms.ModelChoiceField).queryset = (
            Membership.objects.filter(is_active=True).select_related("user").order_by("user__last_name", "user__email")
        )

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        role, membership = cleaned.get("role"), cleaned.get("membership")
        # add_error, not raise: every problem is shown at once, the date's too.
        if "membership" not in self.errors and "role" not in self.errors:
            if not role and membership is None:
                self.add_error(None, _("Kies een rol of een persoon."))
            if role and membership is not None:
                self.add_error(None, _("Kies een rol of een persoon, niet allebei."))
        due = cleaned.get("due_date")
        if due is not None and due < timezone.localdate():
            self.add_error("due_date", _("Kies een datum vanaf vandaag."))
        return cleaned


class MatrixFilterForm(PortalForm):
    rol = forms.ChoiceField(label=_("Rol"), required=False)
    module = forms.TypedChoiceField(label=_("Module"), required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, *args: Any, organisation: Organisation, modules: list[ModulePage], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        form_field(self, "rol", forms.ChoiceField).choices = [
            ("", _("Alle rollen")),
            *((r.value, r.label) for r in organisation.allowed_roles),
        ]
        form_field(self, "module", forms.ChoiceField).choices = [
            ("", _("Alle modules")),
            *((m.pk, m.title) for m in modules),
        ]
        form_field(self, "status", forms.ChoiceField).choices = [("", _("Elke status")), *TrainingStatus.choices()]


class CertificateLookupForm(PortalForm):
    code = forms.CharField(
        label=_("Controlecode"),
        max_length=40,
        help_text=_("De code staat onderaan het certificaat, bijvoorbeeld ABCD-EFGH-JKMN."),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "spellcheck": "false",
            }
        ),
    )
