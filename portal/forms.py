from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from portal.models import Organisation
from portal.roles import Role

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

WIDGET_CLASSES = {
    "Select": "utrecht-select utrecht-select--html-select",
    "Textarea": "utrecht-textarea utrecht-textarea--html-textarea",
    "CheckboxInput": "utrecht-checkbox utrecht-checkbox--html-input",
    # Each option's input of a choice list (a textbox class would draw it as a box).
    "RadioSelect": "utrecht-radio-button utrecht-radio-button--html-input",
    "CheckboxSelectMultiple": "utrecht-checkbox utrecht-checkbox--html-input",
}
TEXTBOX_CLASS = "utrecht-textbox utrecht-textbox--html-input"


class PortalForm(forms.Form):
    """Adds the NL Design System classes to every widget."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            name = type(field.widget).__name__
            field.widget.attrs.setdefault("class", WIDGET_CLASSES.get(name, TEXTBOX_CLASS))


def form_field[F: forms.Field](form: forms.BaseForm, name: str, kind: type[F]) -> F:
    """``form.fields[name]``, typed as the kind of field it is (to set its choices or
    queryset in ``__init__``)."""
    field = form.fields[name]
    if not isinstance(field, kind):
        raise TypeError(f"{name} is a {type(field).__name__}, not a {kind.__name__}")
    return field


def apply_errors(form: forms.BaseForm, exc: ValidationError) -> None:
    """Show a service's ``ValidationError`` on the form it was called from: errors for
    a field of the form beside that field, the rest (and a message without a field)
    at the top of the form."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


@dataclass(frozen=True)
class Done[T]:
    """A form's service call went through; ``value`` is what the service returned
    (always true as a condition, also when the value is ``None``)."""

    value: T


def submit[T](request: HttpRequest, form: forms.BaseForm, service: Callable[[dict[str, Any]], T]) -> Done[T] | None:
    """The form → service step of a view. On a POST with a valid form, call ``service``
    with the cleaned data and answer ``Done(its result)``. A ``ValidationError`` from
    the service goes onto the form (``apply_errors``) and the answer is ``None``, as it
    is for a GET or an invalid form: the view then renders the form again, with the
    input kept. ::

        form = InvitationForm(request.POST or None, organisation=request.organisation)
        if submit(request, form, lambda data: services.invitation_create(actor_membership=..., **data)):
            messages.success(request, ...)
            return redirect(...)
        return render(request, "...", {"form": form})
    """
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        return Done(service(form.cleaned_data))
    except ValidationError as exc:
        apply_errors(form, exc)
        return None


# The dates a filter accepts (a typo such as 0202 or 20266 is refused with this range).
MIN_DATE = date(2000, 1, 1)
MAX_DATE = date(2100, 12, 31)


def date_field(label: Any, help_text: Any) -> forms.DateField:
    """An optional ISO date (``2026-01-31``), shown as the browser's date picker."""
    return forms.DateField(
        label=label,
        required=False,
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=help_text,
    )


class DateRangeMixin(forms.Form):
    """Checks a form's two optional dates ``van`` and ``tot`` (declared by the form,
    with ``date_field``): each between MIN_DATE and MAX_DATE, and ``tot`` not before
    ``van``; the error names the field and the other field's label. Listed before the
    form's base class (``class F(DateRangeMixin, PortalForm)``), so its ``clean`` runs."""

    def _clean_day(self, name: str) -> date | None:
        day = self.cleaned_data.get(name)
        if day is not None and not MIN_DATE <= day <= MAX_DATE:
            raise forms.ValidationError(
                _("Kies een datum tussen %(first)s en %(last)s."),
                params={"first": MIN_DATE.year, "last": MAX_DATE.year},
            )
        return day

    def clean_van(self) -> date | None:
        return self._clean_day("van")

    def clean_tot(self) -> date | None:
        return self._clean_day("tot")

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        start, end = cleaned.get("van"), cleaned.get("tot")
        if start and end and start > end:
            self.add_error(
                "tot",
                _("Deze datum ligt vóór de datum bij ‘%(start)s’. Kies een latere datum.")
                % {"start": self.fields["van"].label},
            )
        return cleaned


def _role_choices(organisation: Organisation) -> list[tuple[str, StrPromise]]:
    return [(role.value, role.label) for role in organisation.allowed_roles if role != Role.PLATFORM_ADMIN] + (
        [(Role.PLATFORM_ADMIN.value, Role.PLATFORM_ADMIN.label)]
        if Role.PLATFORM_ADMIN in organisation.allowed_roles
        else []
    )


class InvitationForm(PortalForm):
    email = forms.EmailField(label=_("E-mailadres"), max_length=254)
    role = forms.ChoiceField(label=_("Rol"))

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        form_field(self, "role", forms.ChoiceField).choices = _role_choices(organisation)


class RoleForm(PortalForm):
    role = forms.ChoiceField(label=_("Rol"))

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        form_field(self, "role", forms.ChoiceField).choices = _role_choices(organisation)


class AcceptInvitationForm(PortalForm):
    """For someone without an account yet: a name and a password."""

    first_name = forms.CharField(label=_("Voornaam"), max_length=150)
    last_name = forms.CharField(label=_("Achternaam"), max_length=150)
    password1 = forms.CharField(
        label=_("Wachtwoord"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Minstens 12 tekens. Geen wachtwoord dat je ergens anders gebruikt."),
    )
    password2 = forms.CharField(
        label=_("Wachtwoord nog een keer"), widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def __init__(self, *args: Any, email: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        p1, p2 = cleaned.get("password1"), cleaned.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("De twee wachtwoorden zijn niet gelijk."))
        if p1:
            from portal.models import User

            probe = User(
                email=self.email, first_name=cleaned.get("first_name", ""), last_name=cleaned.get("last_name", "")
            )
            try:
                password_validation.validate_password(p1, probe)
            except forms.ValidationError as exc:
                self.add_error("password1", exc)
        return cleaned
