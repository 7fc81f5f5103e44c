"""Django admin for federated sign-in, for platform administrators.

The platform administrator links organisations to federations (Entree's BRIN,
SURFconext's home organisation) and verifies the mail domains coordinators name
(the action "Domein verifiëren", through ``services.domain_verify``, audited). The
sign-in settings and the attempts are changed by the portal's services only, so
they are read-only here, but for one emergency action: a broken provider switched
off and the password login opened again (``services.platform_switch_off``, audited).

The Organisation admin gets no inlines for these rows: it belongs to the kernel,
which imports no domain app, and its add form is posted without inline data.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from portal.admin_readonly import ReadOnlyAdmin
from sso import services
from sso.models import FederationLink, SignInAttempt, SignInDomain, SignInSettings


@admin.register(FederationLink)
class FederationLinkAdmin(admin.ModelAdmin):
    list_display = ("organisation", "federation", "home_organisation_id", "created_at")
    list_filter = ("federation",)
    search_fields = ("organisation__name", "organisation__slug", "home_organisation_id")
    autocomplete_fields = ("organisation",)
    list_select_related = ("organisation",)
    readonly_fields = ("created_at",)


class VerifiedFilter(admin.SimpleListFilter):
    title = _("geverifieerd")
    parameter_name = "geverifieerd"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return [("ja", _("Ja")), ("nee", _("Nee"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if self.value() == "ja":
            return queryset.filter(verified_at__isnull=False)
        if self.value() == "nee":
            return queryset.filter(verified_at__isnull=True)
        return queryset


@admin.register(SignInDomain)
class SignInDomainAdmin(admin.ModelAdmin):
    list_display = ("domain", "organisation", "is_verified", "verified_at", "verified_by", "created_at")
    list_filter = (VerifiedFilter,)
    search_fields = ("domain", "organisation__name", "organisation__slug")
    autocomplete_fields = ("organisation",)
    list_select_related = ("organisation", "verified_by")
    fields = ("organisation", "domain", "verified_at", "verified_by", "created_at")
    # Verified only through the action below, so the check is audited.
    readonly_fields = ("verified_at", "verified_by", "created_at")
    actions = ("verify",)

    @admin.display(boolean=True, description=_("geverifieerd"))
    def is_verified(self, obj: SignInDomain) -> bool:
        return obj.is_verified

    @admin.action(description=_("Domein verifiëren"))
    def verify(self, request: HttpRequest, queryset: QuerySet[SignInDomain]) -> None:
        if not request.user.is_superuser:
            self.message_user(request, _("Alleen de beheerder van het platform verifieert domeinen."), messages.ERROR)
            return
        verified = 0
        for domain in queryset.select_related("organisation").filter(verified_at__isnull=True):
            services.domain_verify(actor=request.user, domain=domain)
            verified += 1
        self.message_user(
            request,
            ngettext("%(count)d domein is geverifieerd.", "%(count)d domeinen zijn geverifieerd.", verified)
            % {"count": verified},
            messages.SUCCESS,
        )


@admin.register(SignInSettings)
class SignInSettingsAdmin(ReadOnlyAdmin):
    list_display = ("organisation", "provider_kind", "status", "password_login", "trust_provider_mfa", "updated_at")
    list_filter = ("provider_kind", "status", "password_login", "trust_provider_mfa")
    search_fields = ("organisation__name", "organisation__slug")
    list_select_related = ("organisation",)
    fields = (
        "organisation",
        "provider_kind",
        "status",
        "app",
        "entra_tenant_id",
        "google_domain",
        "password_login",
        "trust_provider_mfa",
        "tested_at",
        "tested_by",
        "test_result",
        "activated_at",
        "updated_at",
    )
    actions = ("switch_off",)

    @admin.action(description=_("Provider uitzetten en wachtwoord weer toestaan"))
    def switch_off(self, request: HttpRequest, queryset: QuerySet[SignInSettings]) -> None:
        if not request.user.is_superuser:
            self.message_user(request, _("Alleen de beheerder van het platform kan dit."), messages.ERROR)
            return
        rows = list(queryset.select_related("organisation"))
        for sign_in in rows:
            services.platform_switch_off(actor=request.user, sign_in=sign_in)
        self.message_user(
            request,
            ngettext(
                "Bij %(count)d organisatie staat de provider uit en kan weer met wachtwoord worden ingelogd.",
                "Bij %(count)d organisaties staat de provider uit en kan weer met wachtwoord worden ingelogd.",
                len(rows),
            )
            % {"count": len(rows)},
            messages.SUCCESS,
        )


@admin.register(SignInAttempt)
class SignInAttemptAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "provider_id", "organisation", "outcome", "reason", "user")
    list_filter = ("outcome", "provider_id")
    search_fields = ("provider_id", "organisation__name", "reason")
    list_select_related = ("organisation", "user")
    date_hierarchy = "created_at"
    fields = ("created_at", "provider_id", "organisation", "user", "outcome", "reason")
