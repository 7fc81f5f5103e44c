"""A referral of a case to a partner, the consent that covers it and the
partner's updates."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from referrals.models.cases import Case


class Referral(models.Model):
    """A case referred to one organisation. Its status only moves along
    ``referrals.cases.referral_services.TRANSITIONS``."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Concept")
        SENT = "sent", _("Verstuurd")
        ACKNOWLEDGED = "acknowledged", _("Ontvangen")
        ACCEPTED = "accepted", _("Aangenomen")
        DECLINED = "declined", _("Afgewezen")
        CLOSED = "closed", _("Afgesloten")

    class Outcome(models.TextChoices):
        HELPED = "helped", _("Hulp gegeven en afgerond")
        REFERRED_ON = "referred_on", _("Verder verwezen")
        NO_CONTACT = "no_contact", _("Geen contact gekregen")
        VICTIM_STOPPED = "victim_stopped", _("Slachtoffer wilde geen hulp meer")
        DECLINED = "declined", _("Afgewezen door de partner")
        WITHDRAWN = "withdrawn", _("Ingetrokken door de verwijzer")
        REDIRECTED = "redirected", _("Omgeleid naar een andere organisatie")
        CANCELLED = "cancelled", _("Concept niet verstuurd")

    organisation = models.ForeignKey(
        "portal.Organisation", verbose_name=_("verwijzende organisatie"), on_delete=models.PROTECT
    )
    case = models.ForeignKey(Case, verbose_name=_("casus"), on_delete=models.CASCADE, related_name="referrals")
    municipality = models.ForeignKey(
        "portal.Organisation", verbose_name=_("gemeente"), on_delete=models.PROTECT, null=True, related_name="+"
    )
    destination = models.CharField(_("bestemmingscode"), max_length=70)
    destination_label = models.CharField(_("naar"), max_length=200)
    partner = models.ForeignKey(
        "portal.Organisation",
        verbose_name=_("partnerorganisatie"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Leeg als de organisatie geen account op het portaal heeft: dan gaat het via een link."),
    )
    urgency = models.CharField(_("urgentie"), max_length=20, default="normal")
    summary = models.TextField(
        _("samenvatting voor de partner"),
        max_length=2000,
        help_text=_("Alleen wat de partner nodig heeft. De partner ziet dit alleen met toestemming."),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    outcome = models.CharField(_("uitkomst"), max_length=20, choices=Outcome.choices, blank=True)
    decline_reason = models.CharField(_("reden van afwijzen"), max_length=500, blank=True)
    redirected_from = models.ForeignKey(
        "self", verbose_name=_("omgeleid vanaf"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    sent_at = models.DateTimeField(_("verstuurd op"), null=True, blank=True)
    acknowledged_at = models.DateTimeField(_("ontvangen op"), null=True, blank=True)
    decided_at = models.DateTimeField(_("besloten op"), null=True, blank=True)
    closed_at = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    escalated_at = models.DateTimeField(_("geëscaleerd op"), null=True, blank=True)
    # The W3C trace the referral was sent in: the partner's work on it continues that
    # trace in the processing log (portal/processing_log.py), so the hand-off can be followed.
    trace_id = models.CharField(_("trace-id"), max_length=32, blank=True, editable=False)

    objects: ClassVar[models.Manager[Referral]] = ScopedManager(organisation="organisation")
    received: ClassVar[models.Manager[Referral]] = ScopedManager(organisation="partner")
    in_area: ClassVar[models.Manager[Referral]] = ScopedManager(organisation="municipality")

    class Meta:
        verbose_name = _("doorverwijzing")
        verbose_name_plural = _("doorverwijzingen")
        ordering = ["-created_at", "-pk"]
        constraints = [
            # Sent means dated; only a draft, or a draft cancelled before sending, has no date.
            models.CheckConstraint(
                condition=Q(status="draft") | Q(sent_at__isnull=False) | Q(status="closed", outcome="cancelled"),
                name="referral_sent_has_date",
            ),
            models.CheckConstraint(
                condition=~Q(status="closed") | (Q(closed_at__isnull=False) & ~Q(outcome="")),
                name="referral_closed_has_outcome",
            ),
        ]
        indexes = [
            models.Index(fields=["organisation", "case"], name="referral_org_case"),
            models.Index(fields=["partner", "status", "sent_at"], name="referral_partner_inbox"),
            models.Index(fields=["municipality", "status", "sent_at"], name="referral_area"),
            models.Index(fields=["status", "sent_at"], name="referral_status_sent"),
        ]

    def __str__(self) -> str:
        return f"{self.destination_label} ({self.get_status_display()})"


class ReferralConsent(models.Model):
    """One entry in a referral's consent ledger: what may be shared with the
    receiving organisation, who gave consent, when, until when, and whether it was
    withdrawn. Entries are never edited: withdrawing sets ``withdrawn_at``, a new
    consent is a new entry."""

    class GivenBy(models.TextChoices):
        VICTIM = "victim", _("Het slachtoffer zelf")
        PARENT = "parent_guardian", _("Een ouder of voogd")

    organisation = models.ForeignKey("portal.Organisation", on_delete=models.CASCADE, related_name="+")
    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="consents")
    recipient_label = models.CharField(_("organisatie"), max_length=200)
    shares_summary = models.BooleanField(_("samenvatting van de casus delen"), default=True)
    shares_contact = models.BooleanField(_("contactgegevens delen"), default=False)
    given_by = models.CharField(_("toestemming gegeven door"), max_length=20, choices=GivenBy.choices)
    victim_age = models.PositiveSmallIntegerField(_("leeftijd van het slachtoffer"), null=True, blank=True)
    given_at = models.DateTimeField(_("gegeven op"), default=timezone.now)
    expires_at = models.DateTimeField(_("geldig tot"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastgelegd door"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    withdrawn_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects: ClassVar[models.Manager[ReferralConsent]] = ScopedManager(organisation="organisation")
    received: ClassVar[models.Manager[ReferralConsent]] = ScopedManager(organisation="referral__partner")

    class Meta:
        verbose_name = _("toestemming")
        verbose_name_plural = _("toestemmingen")
        ordering = ["-given_at", "-pk"]
        indexes = [models.Index(fields=["referral", "withdrawn_at"], name="consent_referral")]

    def __str__(self) -> str:
        return f"{self.recipient_label} ({self.given_at:%Y-%m-%d})"

    def is_valid(self, now: datetime | None = None) -> bool:
        now = now or timezone.now()
        return self.withdrawn_at is None and (self.expires_at is None or self.expires_at > now)


class ReferralUpdate(models.Model):
    """A message on a referral: the partner reports back (or the referrer answers).
    May hold victim data: cleared by retention with the case."""

    organisation = models.ForeignKey("portal.Organisation", on_delete=models.CASCADE, related_name="+")
    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="updates")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    author_label = models.CharField(_("van"), max_length=200)
    from_partner = models.BooleanField(default=True)
    text = models.TextField(_("bericht"), max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)

    objects: ClassVar[models.Manager[ReferralUpdate]] = ScopedManager(organisation="organisation")
    received: ClassVar[models.Manager[ReferralUpdate]] = ScopedManager(organisation="referral__partner")

    class Meta:
        verbose_name = _("bericht bij een doorverwijzing")
        verbose_name_plural = _("berichten bij doorverwijzingen")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["referral", "created_at"], name="referralupdate_time")]

    def __str__(self) -> str:
        return f"Bericht {self.pk}"  # never the text
