"""The forms of the case settings page. They check shape only (a whole number; a
list of whole numbers); the allowed values are checked by the services
(``case_settings_validate``, ``follow_up_schedule_validate``), whose errors come back
under the field they are about."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from referrals.settings.services import MAX_MONTHS, MIN_MONTHS, follow_up_days_parse, follow_up_error, months_error

months_error_lazy = lazy(months_error, str)
MAX_FOLLOW_UP_TEXT = 200


if TYPE_CHECKING:
    from django_stubs_ext import StrPromise


def _too_long() -> str:
    return follow_up_error(gettext("gebruik hoogstens %(max)s tekens.") % {"max": MAX_FOLLOW_UP_TEXT})


too_long_lazy = lazy(_too_long, str)


def _months_field(name: str, label: str | StrPromise, help_text: str | StrPromise) -> forms.IntegerField:
    message = months_error_lazy(name)
    return forms.IntegerField(
        label=label,
        help_text=help_text,
        error_messages={"required": message, "invalid": message},
        widget=forms.NumberInput(attrs={"min": MIN_MONTHS, "max": MAX_MONTHS, "inputmode": "numeric"}),
    )


class RetentionForm(forms.Form):
    retention_months = _months_field(
        "retention_months",
        _("Persoonsgegevens bewaren (aantal maanden na afsluiten)"),
        _("Van 1 tot en met 120 maanden. Daarna worden de persoonsgegevens verwijderd."),
    )
    delete_after_months = _months_field(
        "delete_after_months",
        _("Casus helemaal verwijderen (aantal maanden daarna)"),
        _("Van 1 tot en met 120 maanden, gerekend vanaf het verwijderen van de persoonsgegevens."),
    )


class FollowUpForm(forms.Form):
    """The follow-up schedule as text: "7, 30, 90". Empty: the default schedule."""

    follow_up_days = forms.CharField(
        label=_("Nazorgmomenten (dagen na het openen van een casus)"),
        help_text=_(
            "Vul aantallen dagen in, gescheiden door komma's. Bijvoorbeeld: 7, 30, 90. "
            "Laat je het veld leeg? Dan geldt de standaard: na 7, 30 en 90 dagen."
        ),
        required=False,
        max_length=MAX_FOLLOW_UP_TEXT,
        error_messages={"max_length": too_long_lazy()},
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    def clean_follow_up_days(self) -> list[int]:
        try:
            return follow_up_days_parse(self.cleaned_data["follow_up_days"])
        except forms.ValidationError as exc:
            raise forms.ValidationError(exc.message_dict["follow_up_days"]) from exc
