"""Django admin for routing: rule set versions and the national directory (platform
administrators), local destinations and rules, and API tokens; and, read-only and
without victim data, cases, referrals and their logs (see "Cases and referrals" below).

A rule set version is never edited after publishing. "Add" publishes a new version
through ``rule_set_publish`` (validated, made active); the action "Activeer" rolls
back to an earlier version. Validation errors show under the field they concern.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django_scopes import scopes_disabled

from portal.admin_readonly import ReadOnlyAdmin, ReadOnlyInline
from referrals import selectors, services
from referrals.models import (
    ApiToken,
    Case,
    CaseEvent,
    CaseNote,
    CaseTask,
    DeletionLog,
    DirectoryEntry,
    EvidenceItem,
    LocalDestination,
    LocalRule,
    OrganisationCaseSettings,
    PartnerLink,
    PersonalDataAccess,
    Referral,
    ReferralConsent,
    ReferralUpdate,
    RuleSetVersion,
    VictimContact,
)
from referrals.routing import RuleSetInvalid, check_local_rule
from referrals.routing import defaults as shipped
from referrals.settings import services as settings_services

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise


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
    cautions = PrettyJSONField(label=_("waarschuwingen"))
    questions = PrettyJSONField(label=_("vragen"))

    class Meta:
        model = RuleSetVersion
        fields = ["version", "rules", "destinations", "cautions", "questions"]

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        if not any(field in self.errors for field in ("version", "rules", "destinations", "cautions", "questions")):
            try:
                services.rule_set_validate(
                    version=cleaned.get("version"),
                    rules=cleaned.get("rules"),
                    destinations=cleaned.get("destinations"),
                    cautions=cleaned.get("cautions"),
                    questions=cleaned.get("questions"),
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

    def get_fields(self, request: HttpRequest, obj: Any = None) -> tuple[str, ...]:
        if obj is None:
            return ("version", "rules", "destinations", "cautions", "questions")
        return (
            "version",
            "is_active",
            "created_by",
            "created_at",
            "rules_json",
            "destinations_json",
            "cautions_json",
            "questions_json",
        )

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> tuple[str, ...]:
        if obj is None:
            return ()
        return self.get_fields(request, obj)

    def get_changeform_initial_data(self, request: HttpRequest) -> dict[str, Any]:
        # Start from the active rules: a new version is usually a small change.
        active = selectors.active_rule_set()
        return {key: active.source[key] for key in ("rules", "destinations", "cautions", "questions")}

    def save_model(self, request: HttpRequest, obj: RuleSetVersion, form: Any, change: bool) -> None:
        published = services.rule_set_publish(
            actor=request.user,  # type: ignore[arg-type]
            version=obj.version,
            rules=obj.rules,
            destinations=obj.destinations,
            cautions=obj.cautions,
            questions=obj.questions,
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

    @admin.display(description=_("waarschuwingen"))
    def cautions_json(self, obj: RuleSetVersion) -> str:
        return _pretty(obj.cautions)

    @admin.display(description=_("vragen"))
    def questions_json(self, obj: RuleSetVersion) -> str:
        return _pretty(obj.questions)

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


# --- The national directory ---------------------------------------------------------


@admin.register(DirectoryEntry)
class DirectoryEntryAdmin(admin.ModelAdmin):
    """Platform administrators correct the shipped directory here. A changed entry is
    kept by ``manage.py load_directory`` (unless --force). Entries are switched off,
    not deleted: a deleted shipped entry would come back on the next load."""

    list_display = ("name", "code", "country", "phone", "opening_hours", "is_active", "updated_at")
    list_filter = ("country", "is_active")
    search_fields = ("name", "code", "phone", "description")
    fields = ("code", "country", "name", "phone", "website", "opening_hours", "description", "is_active", "updated_at")

    def _may_manage(self, request: HttpRequest) -> bool:
        return selectors.user_may_manage_directory(request.user)  # type: ignore[arg-type]

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self._may_manage(request)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._may_manage(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return self._may_manage(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._may_manage(request)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        # The key of a shipped entry stays put; a new entry chooses it.
        return ("code", "country", "updated_at") if obj is not None else ("updated_at",)

    def save_model(self, request: HttpRequest, obj: DirectoryEntry, form: Any, change: bool) -> None:
        obj.updated_at = timezone.now()
        super().save_model(request, obj, form, change)


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
        super().clean()
        cleaned = self.cleaned_data
        organisation = cleaned.get("organisation")
        if organisation is None or "rule" in self.errors:
            return cleaned
        rule = cleaned["rule"]  # valid JSON: every field without an error is in cleaned_data
        with scopes_disabled():
            codes = list(LocalDestination.objects.filter(organisation=organisation).values_list("code", flat=True))
        try:
            check_local_rule(rule, local_codes=codes, country=organisation.country)
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


# --- Cases and referrals ---------------------------------------------------------------
#
# Platform staff look here to understand a problem, never to change case data: every
# case model is read-only (fixes go through the portal's services, which check roles
# and write the chronology), except an organisation's retention settings.
#
# The admin NEVER shows victim data. Each admin below names the fields it shows;
# everything else stays out: the pseudonym, the signal, the first impressions, the
# wishes, facts other than forms and country, note texts, evidence descriptions and
# where evidence is kept, every contact field, the referral summary and decline
# reason, the victim's age in a consent, message texts and link token hashes.
# Objects show as references or numbers, never as their content.


def facts_without_victim_data(facts: Any) -> str:
    """Only the forms and the country: the facts that stay after anonymising."""
    facts = facts if isinstance(facts, dict) else {}
    forms_ = ", ".join(str(form) for form in facts.get("forms", []) if isinstance(form, str))
    country = facts.get("country") if isinstance(facts.get("country"), str) else ""
    return " – ".join(part for part in (country, forms_) if part) or "—"


class CaseEventInline(ReadOnlyInline):
    model = CaseEvent
    fields = ("created_at", "kind", "actor", "referral", "detail")
    ordering = ("created_at", "pk")
    show_change_link = False

    def get_queryset(self, request: HttpRequest) -> Any:
        return super().get_queryset(request).select_related("actor", "referral")


class CaseTaskInline(ReadOnlyInline):
    model = CaseTask
    fields = ("title", "destination", "status", "due_date", "assignee", "done_at")

    def get_queryset(self, request: HttpRequest) -> Any:
        return super().get_queryset(request).select_related("assignee")


class ReferralInline(ReadOnlyInline):
    model = Referral
    fk_name = "case"
    fields = ("destination_label", "partner", "status", "outcome", "sent_at", "closed_at")

    def get_queryset(self, request: HttpRequest) -> Any:
        return super().get_queryset(request).select_related("partner")


@admin.register(Case)
class CaseAdmin(ReadOnlyAdmin):
    list_display = ("reference", "organisation", "status", "outcome", "created_at", "closed_at", "anonymised_at")
    list_filter = ("status", "outcome", "organisation")
    search_fields = ("reference",)
    list_select_related = ("organisation",)
    fields = (
        "organisation",
        "reference",
        "status",
        "outcome",
        "raised_by",
        "handler",
        "facts_summary",
        "rules_version",
        "routed_at",
        "consent_contact",
        "consent_referral",
        "consent_recorded_at",
        "created_at",
        "closed_at",
        "anonymised_at",
    )
    inlines = (CaseTaskInline, ReferralInline, CaseEventInline)

    @admin.display(description=_("land en vormen"))
    def facts_summary(self, obj: Case) -> str:
        return facts_without_victim_data(obj.facts)


@admin.register(CaseEvent)
class CaseEventAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "case", "organisation", "kind", "actor")
    list_filter = ("kind", "organisation")
    search_fields = ("case__reference",)
    list_select_related = ("case", "organisation", "actor")
    fields = ("organisation", "case", "referral", "kind", "actor", "detail", "created_at")


@admin.register(CaseTask)
class CaseTaskAdmin(ReadOnlyAdmin):
    list_display = ("title", "case", "organisation", "status", "due_date", "assignee")
    list_filter = ("status", "organisation")
    search_fields = ("case__reference",)
    list_select_related = ("case", "organisation", "assignee")
    fields = (
        "organisation",
        "case",
        "title",
        "destination",
        "status",
        "due_date",
        "assignee",
        "takedown_guide",
        "created_at",
        "done_at",
        "done_by",
    )


@admin.register(EvidenceItem)
class EvidenceItemAdmin(ReadOnlyAdmin):
    list_display = ("kind", "case", "organisation", "platform", "captured_on", "created_at")
    list_filter = ("kind", "organisation")
    search_fields = ("case__reference",)
    list_select_related = ("case", "organisation")
    fields = ("organisation", "case", "kind", "platform", "captured_on", "recorded_by", "created_at")


@admin.register(CaseNote)
class CaseNoteAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "case", "organisation", "author", "created_at")
    list_filter = ("organisation",)
    search_fields = ("case__reference",)
    list_select_related = ("case", "organisation", "author")
    fields = ("organisation", "case", "author", "created_at")


@admin.register(VictimContact)
class VictimContactAdmin(ReadOnlyAdmin):
    """That contact details exist, and when they changed. Never the details."""

    list_display = ("__str__", "case", "organisation", "updated_by", "updated_at")
    list_filter = ("organisation",)
    search_fields = ("case__reference",)
    list_select_related = ("case", "organisation", "updated_by")
    fields = ("organisation", "case", "updated_by", "updated_at")


@admin.register(PersonalDataAccess)
class PersonalDataAccessAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "case_reference", "organisation", "kind", "user", "reader_organisation")
    list_filter = ("kind", "organisation")
    search_fields = ("case_reference",)
    list_select_related = ("organisation", "user", "reader_organisation")
    fields = ("organisation", "case_reference", "case", "kind", "user", "reader_organisation", "reason", "created_at")


@admin.register(DeletionLog)
class DeletionLogAdmin(ReadOnlyAdmin):
    list_display = ("month", "organisation", "anonymised", "deleted")
    list_filter = ("organisation",)
    search_fields = ("organisation__name",)
    list_select_related = ("organisation",)
    fields = ("organisation", "month", "anonymised", "deleted")


class ReferralConsentInline(ReadOnlyInline):
    model = ReferralConsent
    fields = ("given_at", "given_by", "shares_summary", "shares_contact", "expires_at", "withdrawn_at")
    show_change_link = False


class ReferralUpdateInline(ReadOnlyInline):
    model = ReferralUpdate
    fields = ("created_at", "author_label", "from_partner")
    show_change_link = False


class PartnerLinkInline(ReadOnlyInline):
    model = PartnerLink
    fields = ("created_at", "email", "expires_at", "used_at", "revoked_at")
    show_change_link = False


@admin.register(Referral)
class ReferralAdmin(ReadOnlyAdmin):
    list_display = ("case", "organisation", "destination_label", "partner", "status", "sent_at", "closed_at")
    list_filter = ("status", "outcome", "organisation")
    search_fields = ("case__reference",)
    list_select_related = ("case", "organisation", "partner")
    fields = (
        "organisation",
        "case",
        "municipality",
        "destination",
        "destination_label",
        "partner",
        "urgency",
        "status",
        "outcome",
        "redirected_from",
        "created_by",
        "created_at",
        "sent_at",
        "acknowledged_at",
        "decided_at",
        "closed_at",
        "escalated_at",
    )
    inlines = (ReferralConsentInline, ReferralUpdateInline, PartnerLinkInline)


@admin.register(ReferralConsent)
class ReferralConsentAdmin(ReadOnlyAdmin):
    list_display = ("referral", "organisation", "given_by", "shares_summary", "shares_contact", "given_at")
    list_filter = ("given_by", "organisation")
    search_fields = ("referral__case__reference",)
    list_select_related = ("referral", "organisation")
    fields = (
        "organisation",
        "referral",
        "recipient_label",
        "shares_summary",
        "shares_contact",
        "given_by",
        "given_at",
        "expires_at",
        "recorded_by",
        "withdrawn_at",
        "withdrawn_by",
    )


@admin.register(ReferralUpdate)
class ReferralUpdateAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "referral", "organisation", "author_label", "from_partner", "created_at")
    list_filter = ("from_partner", "organisation")
    search_fields = ("referral__case__reference",)
    list_select_related = ("referral", "organisation")
    fields = ("organisation", "referral", "author", "author_label", "from_partner", "created_at")


@admin.register(PartnerLink)
class PartnerLinkAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "referral", "organisation", "email", "state_label", "expires_at")
    list_filter = ("organisation",)
    search_fields = ("referral__case__reference", "email")
    list_select_related = ("referral", "organisation")
    fields = (
        "organisation",
        "referral",
        "email",
        "state_label",
        "created_by",
        "created_at",
        "expires_at",
        "used_at",
        "revoked_at",
        "revoked_by",
    )

    @admin.display(description=_("stand"))
    def state_label(self, obj: PartnerLink) -> StrPromise:
        return {
            "active": _("actief"),
            "used": _("gebruikt"),
            "revoked": _("ingetrokken"),
            "expired": _("verlopen"),
        }[obj.state()]


# --- Retention settings: the one editable case model ------------------------------------


class OrganisationCaseSettingsForm(forms.ModelForm):
    class Meta:
        model = OrganisationCaseSettings
        fields = ["organisation", "retention_months", "delete_after_months"]

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        if not any(field in self.errors for field in ("retention_months", "delete_after_months")):
            try:
                settings_services.case_settings_validate(
                    retention_months=cleaned.get("retention_months"),
                    delete_after_months=cleaned.get("delete_after_months"),
                )
            except ValidationError as exc:
                for field, errors in exc.error_dict.items():
                    self.add_error(field, errors)
        return cleaned


@admin.register(OrganisationCaseSettings)
class OrganisationCaseSettingsAdmin(admin.ModelAdmin):
    """Editable, validated like the coordinator's page, and audited. Deleting a row
    would silently fall back to the defaults: set the numbers instead."""

    form = OrganisationCaseSettingsForm
    list_display = ("organisation", "retention_months", "delete_after_months")
    search_fields = ("organisation__name",)
    list_select_related = ("organisation",)
    autocomplete_fields = ("organisation",)

    def _platform_admin(self, request: HttpRequest) -> bool:
        return bool(request.user.is_active and request.user.is_superuser)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self._platform_admin(request)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._platform_admin(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return self._platform_admin(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._platform_admin(request)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return ("organisation",) if obj is not None else ()

    def save_model(self, request: HttpRequest, obj: OrganisationCaseSettings, form: Any, change: bool) -> None:
        saved = settings_services.case_settings_admin_save(actor=request.user, settings=obj)  # type: ignore[arg-type]
        obj.pk = saved.pk
        obj._state.adding = False
        obj._state.db = saved._state.db
