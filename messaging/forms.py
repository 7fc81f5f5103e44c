"""Forms of the notification centre and of the e-mail texts in the Django admin."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.core.exceptions import ValidationError
from django.template import Template, TemplateSyntaxError
from django.template.base import Node, VariableNode
from django.template.defaulttags import ForNode, WithNode
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from messaging.models import MANDATORY_EMAIL_KINDS, MessageTemplate, NotificationKind
from messaging.notifications import CASE_TEMPLATE_NAMES, TEMPLATE_NAMES, template_names, validate_template

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

# Why a kind's e-mail cannot be switched off, shown beside its checkbox.
MANDATORY_REASONS: dict[str, StrPromise] = {
    NotificationKind.PARTNER_ESCALATION: gettext_lazy(
        "Escalaties kun je niet uitzetten: een hulpvraag blijft anders misschien liggen."
    ),
    NotificationKind.DELIVERY_FAILED: gettext_lazy(
        "Dit kun je niet uitzetten: je moet het altijd weten als een bericht niet is aangekomen."
    ),
}
DEFAULT_MANDATORY_REASON = gettext_lazy("Deze melding krijg je altijd ook per e-mail. Dat kun je niet uitzetten.")


class ReadAllForm(forms.Form):
    """The "Alles gelezen" form: ``tot`` is the newest notification id on the list the person saw."""

    tot = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)


class NotificationPreferencesForm(forms.Form):
    """One checkbox "ook per e-mail" per kind of notification. Kinds whose e-mail
    cannot be switched off are shown ticked and disabled, with the reason; what the
    browser sends for them is ignored."""

    def __init__(self, *args: Any, current: dict[str, bool], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for kind, label in NotificationKind.choices:
            mandatory = kind in MANDATORY_EMAIL_KINDS
            field = forms.BooleanField(
                label=label,
                required=False,
                initial=True if mandatory else current.get(kind, True),
                disabled=mandatory,
                help_text=MANDATORY_REASONS.get(kind, DEFAULT_MANDATORY_REASON) if mandatory else "",
            )
            # Django links the help text (the reason) and any error to the input (aria-describedby).
            field.widget.attrs["class"] = "utrecht-checkbox utrecht-checkbox--html-input"
            self.fields[kind] = field

    def wanted(self) -> set[str]:
        """The kinds ticked (mandatory ones included; the service keeps those on anyway)."""
        return {kind for kind in NotificationKind.values if self.cleaned_data.get(kind)}

    def rows(self) -> list[tuple[forms.BoundField, bool]]:
        return [(self[kind], kind in MANDATORY_EMAIL_KINDS) for kind in NotificationKind.values]


def _names_help(names: tuple[str, ...] = TEMPLATE_NAMES) -> str:
    return ", ".join("{{ " + name + " }}" for name in names)


def _nodes[N: Node](template: Template, kind: type[N]) -> list[N]:
    """The template's nodes of ``kind``, typed as such."""
    return [node for node in template.nodelist.get_nodes_by_type(kind) if isinstance(node, kind)]


def unknown_names(text: str, names: tuple[str, ...] = TEMPLATE_NAMES) -> list[str]:
    """Names printed by ``text`` (``{{ name }}``, also inside ``{% if %}`` blocks)
    that the e-mail does not know (``names``): they would print nothing, so they are
    most likely typos. Names a ``{% for %}`` or ``{% with %}`` in the text defines count
    as known."""
    try:
        template = Template(text)
    except TemplateSyntaxError:
        return []  # validate_template reports this one
    known = set(names)
    for loop in _nodes(template, ForNode):
        known.update([*loop.loopvars, "forloop"])
    for block in _nodes(template, WithNode):
        known.update(block.extra_context)
    unknown: list[str] = []
    for node in _nodes(template, VariableNode):
        lookups = getattr(node.filter_expression.var, "lookups", None)  # None for a literal: {{ "tekst" }}
        if lookups and lookups[0] not in known and lookups[0] not in unknown:
            unknown.append(lookups[0])
    return unknown


class MessageTemplateAdminForm(forms.ModelForm):
    """The e-mail text of one kind. Both fields must compile as a template and may
    print only the names the e-mail provides (``TEMPLATE_NAMES``; for a kind about a
    case ``CASE_TEMPLATE_NAMES``, where title and body are the kind's fixed neutral
    text, see ``messaging.notifications.mail_context``)."""

    class Meta:
        model = MessageTemplate
        fields = ("kind", "subject", "body")
        widgets = {"body": forms.Textarea(attrs={"rows": 16, "cols": 80})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        names = format_lazy(gettext_lazy("Je kunt deze namen gebruiken: {names}."), names=_names_help())
        self.fields["subject"].help_text = names
        self.fields["body"].help_text = format_lazy(
            "{names} {rest}",
            names=names,
            rest=gettext_lazy(
                "Zet hier nooit gegevens over slachtoffers in. De e-mail zegt alleen waar het over gaat en geeft de link. "
                "Gaat de melding over een casus, dan zijn {{ title }} en {{ body }} altijd een vaste, neutrale tekst "
                "(geen partner, taak of kenmerk) en is {{ organisation }} er niet."
            ),
        )

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        subject, body = cleaned.get("subject"), cleaned.get("body")
        if subject is None or body is None:
            return cleaned  # a required field is missing; that error is already there
        try:
            validate_template(subject=subject, body=body)
        except ValidationError as exc:
            for field, errors in exc.error_dict.items():
                self.add_error(field if field in self.fields else None, errors)
        kind = cleaned.get("kind") or ""
        names = template_names(kind)
        for field, text in (("subject", subject), ("body", body)):
            unknown = unknown_names(text, names)
            if unknown and field not in self.errors:
                if names == CASE_TEMPLATE_NAMES:
                    message = _(
                        "Deze namen kent de e-mail over een casus niet: %(unknown)s. Een e-mail over een casus noemt "
                        "geen organisatie en geen details. Je kunt alleen deze gebruiken: %(names)s."
                    )
                else:
                    message = _(
                        "Deze namen kent de e-mail niet: %(unknown)s. Je kunt alleen deze gebruiken: %(names)s."
                    )
                self.add_error(field, message % {"unknown": ", ".join(unknown), "names": _names_help(names)})
        return cleaned
