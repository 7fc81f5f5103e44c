"""Forms of the partner's pages (the inbox, a received referral, the one-time link).

They check shape only; the referral services (``referrals.cases.referral_services``) check the rules (a reason long
enough, an outcome a partner may give) and their errors come back per field.

Several forms share one page, so each has its own ``auto_id``: two fields named
``reason`` (declining, and asking for contact details) never share an id.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from referrals.cases.referral_services import PARTNER_OUTCOMES


class _PageForm(forms.Form):
    id_prefix = "id_%s"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", self.id_prefix)
        super().__init__(*args, **kwargs)


class AcceptForm(_PageForm):
    id_prefix = "id_accept_%s"

    message = forms.CharField(
        label=_("Bericht aan de verwijzer (mag leeg blijven)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Bijvoorbeeld wanneer jullie contact opnemen."),
    )


class DeclineForm(_PageForm):
    id_prefix = "id_decline_%s"

    reason = forms.CharField(
        label=_("Waarom nemen jullie de doorverwijzing niet aan?"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Schrijf op waarom jullie de doorverwijzing niet aannemen.")},
        help_text=_("De verwijzer leest dit. Zet er geen persoonsgegevens in."),
    )


class UpdateForm(_PageForm):
    id_prefix = "id_update_%s"

    text = forms.CharField(
        label=_("Bericht aan de verwijzer"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Schrijf een bericht.")},
    )


class CloseForm(_PageForm):
    id_prefix = "id_close_%s"

    outcome = forms.ChoiceField(
        label=_("Uitkomst"),
        choices=[(outcome.value, outcome.label) for outcome in PARTNER_OUTCOMES],
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies een uitkomst.")},
    )


class ContactForm(_PageForm):
    id_prefix = "id_contact_%s"

    reason = forms.CharField(
        label=_("Waarom heb je de contactgegevens nodig?"),
        max_length=200,
        error_messages={"required": _("Schrijf kort op waarom je de contactgegevens nodig hebt.")},
        help_text=_("Dit komt in het inzagelog. Zet er geen persoonsgegevens in."),
    )


class LinkAction(forms.Form):
    """Which answer the link page posts: each button carries its ``action``."""

    ACKNOWLEDGE, ACCEPT, DECLINE, UPDATE, CLOSE = "acknowledge", "accept", "decline", "update", "close"

    action = forms.ChoiceField(choices=[(a, a) for a in (ACKNOWLEDGE, ACCEPT, DECLINE, UPDATE, CLOSE)])
