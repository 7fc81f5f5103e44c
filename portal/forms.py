from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from portal.models import Organisation
from portal.roles import Role

WIDGET_CLASSES = {
    "Select": "utrecht-select utrecht-select--html-select",
    "Textarea": "utrecht-textarea utrecht-textarea--html-textarea",
    "CheckboxInput": "utrecht-checkbox utrecht-checkbox--html-input",
}
TEXTBOX_CLASS = "utrecht-textbox utrecht-textbox--html-input"


class PortalForm(forms.Form):
    """Adds the NL Design System classes to every widget."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            name = type(field.widget).__name__
            field.widget.attrs.setdefault("class", WIDGET_CLASSES.get(name, TEXTBOX_CLASS))


def _role_choices(organisation: Organisation) -> list[tuple[str, str]]:
    return [(role.value, role.label) for role in organisation.allowed_roles if role != Role.PLATFORM_ADMIN] + (
        [(Role.PLATFORM_ADMIN.value, Role.PLATFORM_ADMIN.label)]
        if Role.PLATFORM_ADMIN in organisation.allowed_roles
        else []
    )


class InvitationForm(PortalForm):
    email = forms.EmailField(label=_("E-mailadres"), max_length=254)
    role = forms.ChoiceField(label=_("Rol"))

    def __init__(self, *args, organisation: Organisation, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = _role_choices(organisation)


class RoleForm(PortalForm):
    role = forms.ChoiceField(label=_("Rol"))

    def __init__(self, *args, organisation: Organisation, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = _role_choices(organisation)


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

    def __init__(self, *args, email: str, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self):  # type: ignore[no-untyped-def]
        cleaned = super().clean()
        p1, p2 = cleaned.get("password1"), cleaned.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("De twee wachtwoorden zijn niet gelijk."))
        if p1:
            from portal.models import User

            probe = User(email=self.email, first_name=cleaned.get("first_name", ""), last_name=cleaned.get("last_name", ""))
            try:
                password_validation.validate_password(p1, probe)
            except forms.ValidationError as exc:
                self.add_error("password1", exc)
        return cleaned
