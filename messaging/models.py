"""What messaging stores: the notification centre's rows, each person's e-mail choices,
the edited e-mail texts, and the reminders the sweep sends.

The tables keep the names they were created with (``portal_notification``,
``portal_notificationpreference``, ``portal_messagetemplate``, ``referrals_reminder``):
the models moved here without touching the database (see
``messaging/migrations/0001_initial.py``).

A notification says what something is about and links to it; it never holds victim
data. A reminder is planned in the database, one row per (kind, subject, due moment),
and sent exactly once by the sweep (``messaging/reminders.py``).
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager


class NotificationKind(models.TextChoices):
    """Every kind the database knows. Each app registers what a kind sends
    (``messaging.registry``); a new kind is a value here plus its registration."""

    CASE_FOLLOW_UP = "case_follow_up", _("Nazorg: contact met het slachtoffer")
    PARTNER_ACKNOWLEDGE = "partner_acknowledge", _("Doorverwijzing nog niet bevestigd")
    PARTNER_ESCALATION = "partner_escalation", _("Escalatie: doorverwijzing te lang niet bevestigd")
    TASK_OVERDUE = "task_overdue", _("Taak over de datum")
    TRAINING_DUE = "training_due", _("Training moet binnenkort af zijn")
    TRAINING_OVERDUE = "training_overdue", _("Training is te laat")
    CERTIFICATE_EXPIRING = "certificate_expiring", _("Certificaat verloopt binnenkort")
    WEEKLY_DIGEST = "weekly_digest", _("Weekoverzicht")
    DELIVERY_FAILED = "delivery_failed", _("Bericht kon niet worden verstuurd")
    # A referral moved: told to the case handler (referrals/messages.py).
    REFERRAL_ACKNOWLEDGED = "referral_acknowledged", _("Doorverwijzing ontvangen door de partner")
    REFERRAL_ACCEPTED = "referral_accepted", _("Doorverwijzing aangenomen door de partner")
    REFERRAL_DECLINED = "referral_declined", _("Doorverwijzing afgewezen door de partner")
    REFERRAL_MESSAGE = "referral_message", _("Nieuw bericht van de partner bij een doorverwijzing")
    REFERRAL_CLOSED = "referral_closed", _("Doorverwijzing afgesloten door de partner")
    REFERRAL_REDIRECTED = "referral_redirected", _("Doorverwijzing omgeleid door de gemeente")
    # A subject access or erasure request must be answered soon (privacy/messages.py).
    PRIVACY_REQUEST_DUE = "privacy_request_due", _("Privacyverzoek moet binnenkort af zijn")


# Kinds whose e-mail cannot be switched off.
MANDATORY_EMAIL_KINDS = frozenset({NotificationKind.PARTNER_ESCALATION, NotificationKind.DELIVERY_FAILED})


class Notification(models.Model):
    """One message in a person's notification centre."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    organisation = models.ForeignKey(
        "portal.Organisation", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(_("soort"), max_length=30, choices=NotificationKind.choices)
    title = models.CharField(_("onderwerp"), max_length=200)
    body = models.CharField(_("bericht"), max_length=1000, blank=True)
    url = models.CharField(_("link"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("ontvangen op"), default=timezone.now)
    read_at = models.DateTimeField(_("gelezen op"), null=True, blank=True)

    class Meta:
        db_table = "portal_notification"
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["user", "-created_at"], name="notification_user_time"),
            models.Index(fields=["user"], condition=Q(read_at__isnull=True), name="notification_user_unread"),
        ]

    def __str__(self) -> str:
        return self.title


class NotificationPreference(models.Model):
    """Whether a person wants e-mail for one kind (default: yes). The notification
    centre always shows every kind; escalations are always mailed too."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(_("soort"), max_length=30, choices=NotificationKind.choices)
    email = models.BooleanField(_("ook per e-mail"), default=True)

    class Meta:
        db_table = "portal_notificationpreference"
        verbose_name = _("voorkeur voor meldingen")
        verbose_name_plural = _("voorkeuren voor meldingen")
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="notificationpreference_unique")]

    def __str__(self) -> str:
        return f"{self.kind}: {'e-mail' if self.email else '-'}"


class MessageTemplate(models.Model):
    """The Dutch e-mail text of one notification kind, edited by platform
    administrators. Without a row the shipped text applies. Subject and body are
    Django templates that see only the names listed in ``messaging.notifications``."""

    kind = models.CharField(_("soort"), max_length=30, choices=NotificationKind.choices, unique=True)
    subject = models.CharField(_("onderwerp"), max_length=200)
    body = models.TextField(_("tekst"), max_length=5000)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(_("gewijzigd op"), default=timezone.now)

    class Meta:
        db_table = "portal_messagetemplate"
        verbose_name = _("e-mailtekst")
        verbose_name_plural = _("e-mailteksten")
        ordering = ["kind"]

    def __str__(self) -> str:
        return self.get_kind_display()


class Reminder(models.Model):
    """Something to send at ``due_at``: to whom and what is decided when it is sent,
    from the subject as it is then (no reminder about something already done)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Gepland")
        SENT = "sent", _("Verstuurd")
        CANCELLED = "cancelled", _("Vervallen")
        FAILED = "failed", _("Mislukt")

    organisation = models.ForeignKey(
        "portal.Organisation", verbose_name=_("organisatie"), on_delete=models.CASCADE, null=True, related_name="+"
    )
    kind = models.CharField(_("soort"), max_length=30, choices=NotificationKind.choices)
    subject = models.CharField(_("over"), max_length=60, help_text=_("Bijvoorbeeld case:12 of assignment:3."))
    due_at = models.DateTimeField(_("moment"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    lease_until = models.DateTimeField(_("in behandeling tot"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    delivered_to = models.JSONField(_("bezorgd bij"), default=list, blank=True)
    last_error = models.CharField(_("laatste fout"), max_length=300, blank=True)
    cancel_reason = models.CharField(
        _("waarom niet verstuurd"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld: de einddatum was al voorbij toen de herinnering aan de beurt was."),
    )
    created_at = models.DateTimeField(_("gepland op"), default=timezone.now)
    sent_at = models.DateTimeField(_("verstuurd op"), null=True, blank=True)

    objects: ClassVar[models.Manager[Reminder]] = ScopedManager(organisation="organisation")

    class Meta:
        db_table = "referrals_reminder"
        verbose_name = _("herinnering")
        verbose_name_plural = _("herinneringen")
        ordering = ["due_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["kind", "subject", "due_at"], name="reminder_unique_key")]
        indexes = [
            # The sweep's only read: pending rows by due moment. Future rows cost nothing.
            models.Index(fields=["due_at"], condition=Q(status="pending"), name="reminder_pending_due"),
            models.Index(fields=["subject", "kind"], name="reminder_subject"),
            models.Index(fields=["organisation", "status"], name="reminder_org_status"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.subject} {self.due_at:%Y-%m-%d %H:%M}"
