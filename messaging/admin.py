"""Django admin for the notifications, their e-mail texts and the people's e-mail choices."""

from typing import Any

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from messaging.forms import MessageTemplateAdminForm
from messaging.models import MessageTemplate, Notification, NotificationPreference, Reminder
from messaging.notifications import TEMPLATE_NAMES, render_message
from messaging.services import reminders_retry_failed
from portal.admin_readonly import ReadOnlyAdmin

# --- Notifications -------------------------------------------------------------------


def default_message_text() -> tuple[str, str]:
    """The shipped e-mail text (subject, body) with the names left in as ``{{ name }}``:
    what applies without an edited text, and a starting point for one."""
    names = {name: "{{ " + name + " }}" for name in TEMPLATE_NAMES}
    subject = render_to_string("messaging/email/notification_subject.txt", names).strip()
    body = render_to_string("messaging/email/notification_body.txt", names).strip() + "\n"
    return subject, body


def example_context() -> dict[str, str]:
    """Made-up values for the preview; never real data."""
    return {
        "title": gettext("Voorbeeld: een doorverwijzing is nog niet bevestigd"),
        "body": gettext("Casus VO-2026-0001 wacht al twee werkdagen op een reactie."),
        "link": f"{settings.SITE_URL}/meldingen/",
        "organisation": gettext("Voorbeeldschool"),
        "recipient": gettext("Sam de Vries"),
        "site_name": "Veilig Online",
    }


@admin.register(MessageTemplate)
class MessageTemplateAdmin(admin.ModelAdmin):
    """The e-mail text per kind of notification. Without a row the shipped text applies."""

    form = MessageTemplateAdminForm
    list_display = ("kind", "subject", "updated_at", "updated_by")
    list_select_related = ("updated_by",)
    fields = ("kind", "subject", "body", "default_text", "preview", "updated_by", "updated_at")
    readonly_fields = ("default_text", "preview", "updated_by", "updated_at")

    @admin.display(description=_("standaardtekst"))
    def default_text(self, obj: MessageTemplate | None) -> str:
        subject, body = default_message_text()
        return format_html(
            "<p>{}</p><pre>{}: {}\n\n{}</pre>",
            gettext("Deze tekst geldt als er voor een soort geen eigen tekst is."),
            gettext("Onderwerp"),
            subject,
            body,
        )

    @admin.display(description=_("voorbeeld met deze tekst"))
    def preview(self, obj: MessageTemplate | None) -> str:
        if obj is None or obj.pk is None:
            return gettext("Bewaar de tekst eerst; daarna zie je hier een voorbeeld.")
        message = render_message(obj.kind, example_context())
        return format_html("<pre>{}: {}\n\n{}</pre>", gettext("Onderwerp"), message.subject, message.body)

    def get_changeform_initial_data(self, request: HttpRequest) -> dict[str, str | list[str]]:
        subject, body = default_message_text()
        return {"subject": subject, "body": body, **super().get_changeform_initial_data(request)}

    def save_model(
        self, request: HttpRequest, obj: MessageTemplate, form: forms.ModelForm[MessageTemplate], change: bool
    ) -> None:
        obj.updated_by_id = request.user.pk  # only signed-in staff reach the admin
        obj.updated_at = timezone.now()
        super().save_model(request, obj, form, change)


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    """Read-only, for support: what was sent to whom and whether it was read."""

    list_display = ("created_at", "user", "organisation", "kind", "title", "read_at")
    list_filter = ("kind", ("read_at", admin.EmptyFieldListFilter))
    search_fields = ("user__email",)
    list_select_related = ("user", "organisation")
    date_hierarchy = "created_at"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Notification | None = None) -> bool:
        return False


@admin.register(NotificationPreference)
class NotificationPreferenceAdmin(admin.ModelAdmin):
    """Read-only: a person sets these themselves under Meldingen."""

    list_display = ("user", "kind", "email")
    list_filter = ("kind", "email")
    search_fields = ("user__email",)
    list_select_related = ("user",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: NotificationPreference | None = None) -> bool:
        return False


# --- Reminders: read-only, with one action for failed ones ------------------------------


@admin.register(Reminder)
class ReminderAdmin(ReadOnlyAdmin):
    """What is planned, sent, cancelled or failed. A reminder names its subject by id
    ("case:12"), never by content. The one action sets failed reminders back to
    pending (``messaging.services.reminders_retry_failed``); the sweep sends them."""

    list_display = ("kind", "subject", "organisation", "due_at", "status", "attempts", "last_error", "sent_at")
    list_filter = ("status", "kind")
    search_fields = ("subject",)
    list_select_related = ("organisation",)
    fields = (
        "organisation",
        "kind",
        "subject",
        "due_at",
        "status",
        "attempts",
        "last_error",
        "cancel_reason",
        "lease_until",
        "delivered_to",
        "created_at",
        "sent_at",
    )
    actions = ("retry_failed",)

    @admin.action(description=_("Opnieuw proberen"))
    def retry_failed(self, request: HttpRequest, queryset: Any) -> None:
        ids = list(queryset.filter(status=Reminder.Status.FAILED).values_list("pk", flat=True))
        count = reminders_retry_failed(actor=request.user, reminder_ids=ids)  # type: ignore[arg-type]
        skipped = queryset.count() - count
        self.message_user(
            request,
            ngettext(
                "%(count)s herinnering staat weer klaar. Binnen een minuut proberen we hem opnieuw te versturen.",
                "%(count)s herinneringen staan weer klaar. Binnen een minuut proberen we ze opnieuw te versturen.",
                count,
            )
            % {"count": count},
        )
        if skipped:
            self.message_user(
                request,
                ngettext(
                    "%(count)s herinnering was niet mislukt en is niet veranderd.",
                    "%(count)s herinneringen waren niet mislukt en zijn niet veranderd.",
                    skipped,
                )
                % {"count": skipped},
                level=messages.WARNING,
            )
