"""Django admin for routing: rule set versions (platform administrators), local
destinations and rules, and API tokens.

A rule set version is never edited after publishing. "Add" publishes a new version
through ``rule_set_publish`` (validated, made active); the action "Activeer" rolls
back to an earlier version. Validation errors show under the field they concern.
"""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django_scopes import scopes_disabled

from referrals import selectors, services
from referrals.models import ApiToken, LocalDestination, LocalRule, RuleSetVersion
from referrals.routing import RuleSetInvalid, check_local_rule
from referrals.routing import defaults as shipped


class PrettyJSONField(forms.JSONField):
    """A JSON textarea that shows the data indented, so it can be read and edited."""

    widget = forms.Textarea(attrs={"rows": 30, "cols": 120, "class": "vLargeTextField", "spellcheck": "false"})

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, str):  # already text (e.g. invalid input shown again)
            return value
        return json.dumps(value, indent=2, ensure_ascii=False)


class RuleSetVersionForm(forms.ModelForm):
    rules = PrettyJSONField(label=_("regels"))
    destinations = PrettyJSONField(label=_("bestemmingen"))

    class Meta:
        model = RuleSetVersion
        fields = ["version", "rules", "destinations"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if not any(field in self.errors for field in ("version", "rules", "destinations")):
            try:
                services.rule_set_validate(
                    version=cleaned.get("version"),
                    rules=cleaned.get("rules"),
                    destinations=cleaned.get("destinations"),
                )
            except ValidationError as exc:
                for field, errors in exc.error_dict.items():
                    self.add_error(field, errors)
        return cleaned


def _pretty(value: Any) -> str:
    return format_html("<pre>{}</pre>", json.dumps(value, indent=2, ensure_ascii=False))


@admin.register(RuleSetVersion)
class RuleSetVersionAdmin(admin.ModelAdmin):
    form = RuleSetVersionForm
    list_display = ("version", "is_active", "rule_count", "created_by", "created_at")
    list_select_related = ("created_by",)
    actions = ["activate"]

    def _may_edit(self, request: HttpRequest) -> bool:
        return selectors.user_may_edit_rules(request.user)  # type: ignore[arg-type]

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._may_edit(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return self._may_edit(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Published versions are history: the change page only shows them.
        # (Without an object this permission enables the "Activeer" action.)
        return obj is None and self._may_edit(request)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        if obj is None:
            return ["version", "rules", "destinations"]
        return ["version", "is_active", "created_by", "created_at", "rules_json", "destinations_json"]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        if obj is None:
            return []
        return self.get_fields(request, obj)

    def get_changeform_initial_data(self, request: HttpRequest) -> dict[str, Any]:
        # Start from the active rules: a new version is usually a small change.
        active = selectors.active_rule_set()
        return {"rules": active.source["rules"], "destinations": active.source["destinations"]}

    def save_model(self, request: HttpRequest, obj: RuleSetVersion, form: Any, change: bool) -> None:
        published = services.rule_set_publish(
            actor=request.user,  # type: ignore[arg-type]
            version=obj.version,
            rules=obj.rules,
            destinations=obj.destinations,
        )
        obj.pk = published.pk
        obj.is_active = published.is_active
        obj.created_by = published.created_by
        obj.created_at = published.created_at
        obj._state.adding = False
        obj._state.db = published._state.db

    @admin.display(description=_("aantal regels"))
    def rule_count(self, obj: RuleSetVersion) -> int:
        return len(obj.rules) if isinstance(obj.rules, list) else 0

    @admin.display(description=_("regels"))
    def rules_json(self, obj: RuleSetVersion) -> str:
        return _pretty(obj.rules)

    @admin.display(description=_("bestemmingen"))
    def destinations_json(self, obj: RuleSetVersion) -> str:
        return _pretty(obj.destinations)

    @admin.action(description=_("Activeer de gekozen versie (terugzetten)"))
    def activate(self, request: HttpRequest, queryset: Any) -> None:
        if queryset.count() != 1:
            self.message_user(request, _("Kies precies één versie."), messages.ERROR)
            return
        try:
            version = services.rule_set_activate(actor=request.user, rule_set_version=queryset.get())  # type: ignore[arg-type]
        except ValidationError as exc:
            self.message_user(request, " ".join(exc.messages), messages.ERROR)
            return
        self.message_user(request, _("Versie %(version)s is nu actief.") % {"version": version.version})


# --- A municipality's local social map ---------------------------------------------


@admin.register(LocalDestination)
class LocalDestinationAdmin(admin.ModelAdmin):
    list_display = ("label", "code", "kind", "organisation", "updated_at")
    list_filter = ("kind",)
    search_fields = ("label", "code", "organisation__name")
    list_select_related = ("organisation",)
    autocomplete_fields = ("organisation",)
    exclude = ("created_at", "updated_at")

    def save_model(self, request: HttpRequest, obj: LocalDestination, form: Any, change: bool) -> None:
        obj.updated_at = timezone.now()  # part of the cache key of the merged rule set
        super().save_model(request, obj, form, change)


class LocalRuleForm(forms.ModelForm):
    rule = PrettyJSONField(
        label=_("regel"),
        help_text=_(
            "Zelfde vorm als een regel in de verwijsregels. Bestemmingen: de codes uit het contract, "
            "of eigen bestemmingen als local:<code>."
        ),
    )

    class Meta:
        model = LocalRule
        fields = ["organisation", "rule", "is_active"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        organisation, rule = cleaned.get("organisation"), cleaned.get("rule")
        if organisation is None or "rule" in self.errors:
            return cleaned
        with scopes_disabled():
            codes = list(LocalDestination.objects.filter(organisation=organisation).values_list("code", flat=True))
        try:
            check_local_rule(rule, local_codes=codes)
        except RuleSetInvalid as exc:
            self.add_error("rule", exc.errors["rules"])
            return cleaned
        self.instance.slug = rule["id"]
        return cleaned


@admin.register(LocalRule)
class LocalRuleAdmin(admin.ModelAdmin):
    form = LocalRuleForm
    list_display = ("slug", "organisation", "is_active", "updated_at")
    list_filter = ("is_active",)
    search_fields = ("slug", "organisation__name")
    list_select_related = ("organisation",)
    autocomplete_fields = ("organisation",)

    def get_changeform_initial_data(self, request: HttpRequest) -> dict[str, Any]:
        example = next(rule for rule in shipped.RULES if rule["id"] == "victim-support")
        return {"rule": {**example, "id": "mijn-regel"}}

    def save_model(self, request: HttpRequest, obj: LocalRule, form: Any, change: bool) -> None:
        obj.slug = obj.rule["id"]
        obj.updated_at = timezone.now()
        if not change:
            obj.created_by = request.user  # type: ignore[assignment]
        super().save_model(request, obj, form, change)


# --- API tokens ---------------------------------------------------------------------


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("name", "user", "created_at", "last_used_at", "revoked_at")
    list_filter = ("revoked_at",)
    search_fields = ("name", "user__email")
    list_select_related = ("user",)
    readonly_fields = ("user", "name", "created_at", "last_used_at", "revoked_at")
    exclude = ("token_hash",)
    actions = ["revoke"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        # Tokens are made with `manage.py create_api_token`, which shows the token once.
        return False

    @admin.action(description=_("Intrekken"))
    def revoke(self, request: HttpRequest, queryset: Any) -> None:
        for api_token in queryset:
            services.api_token_revoke(api_token=api_token)
        self.message_user(request, _("Ingetrokken."))
