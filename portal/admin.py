"""Django admin for platform administrators (staff with MFA). The tenant middleware
disables scopes for staff under /django-admin/, so these lists see every tenant."""

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from portal.models import (
    AuditEvent,
    Invitation,
    Membership,
    Organisation,
    User,
)
from portal.signals import organisation_saved_in_admin


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    fields = ("organisation", "role", "is_active", "created_at", "deactivated_at")
    readonly_fields = ("created_at", "deactivated_at")
    autocomplete_fields = ("organisation",)


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ("email",)
    list_display = ("email", "first_name", "last_name", "is_active", "is_staff", "last_login")
    list_filter = ("is_active", "is_staff", "is_superuser")
    search_fields = ("email", "first_name", "last_name")
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Persoon"), {"fields": ("first_name", "last_name")}),
        (_("Toegang"), {"fields": ("is_active", "is_staff", "is_superuser", "groups")}),
        (_("Datums"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)
    readonly_fields = ("last_login", "date_joined")
    inlines = [MembershipInline]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "parent", "country", "destination_code", "is_active")
    list_filter = ("kind", "country", "is_active")
    search_fields = ("name", "slug", "destination_code")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("parent",)
    list_select_related = ("parent",)

    def save_model(
        self, request: HttpRequest, obj: Organisation, form: forms.ModelForm[Organisation], change: bool
    ) -> None:
        super().save_model(request, obj, form, change)
        # cms gives the organisation its own CMS section (cms/signals.py).
        organisation_saved_in_admin.send(sender=type(self), organisation=obj, created=not change)


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "organisation", "role", "is_active", "created_at")
    list_filter = ("role", "is_active", "organisation__kind")
    search_fields = ("user__email", "organisation__name")
    autocomplete_fields = ("user", "organisation")
    list_select_related = ("user", "organisation")


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ("email", "organisation", "role", "created_at", "expires_at", "accepted_at", "revoked_at")
    list_filter = ("role",)
    search_fields = ("email", "organisation__name")
    readonly_fields = ("token_hash", "created_at", "accepted_at", "accepted_by", "invited_by")
    list_select_related = ("organisation",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        # Invitations are sent from the portal, which mails the one-time link.
        return False


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ("created_at", "organisation", "kind", "actor", "subject_user", "detail")
    list_filter = ("kind",)
    list_select_related = ("organisation", "actor", "subject_user")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: AuditEvent | None = None) -> bool:
        return False
