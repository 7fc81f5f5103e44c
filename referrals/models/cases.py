"""A case and what hangs on it: its chronology (events), notes, evidence
descriptions, tasks, the victim's encrypted contact details and the log of who read
personal data."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from portal.models import TenantOwned
from referrals.crypto import EncryptedTextField
from referrals.routing.result import RecommendationDict


class Case(models.Model):
    """One signal about a victim, handled by a case handler of the organisation."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Afgesloten")

    class Outcome(models.TextChoices):
        REFERRED = "referred", _("Doorverwezen")
        HANDLED_INTERNALLY = "handled_internally", _("Zelf afgehandeld")
        NO_ACTION_WANTED = "no_action_wanted", _("Slachtoffer wil geen verdere stappen")
        NOT_A_CASE = "not_a_case", _("Geen casus (bijvoorbeeld een misverstand)")

    organisation = models.ForeignKey("portal.Organisation", verbose_name=_("organisatie"), on_delete=models.PROTECT)
    reference = models.CharField(_("kenmerk"), max_length=20)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    outcome = models.CharField(_("uitkomst"), max_length=30, choices=Outcome.choices, blank=True)
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("gemeld door"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("behandelaar"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    pseudonym = models.CharField(
        _("schuilnaam"), max_length=60, help_text=_("Initialen of een zelfgekozen naam. Geen volledige naam.")
    )
    signal = models.TextField(_("wat is er gebeurd"), max_length=2000, blank=True)
    first_impressions = models.TextField(_("eerste indruk uit het gesprek"), max_length=4000, blank=True)
    wishes_note = models.TextField(_("wensen van het slachtoffer, toelichting"), max_length=2000, blank=True)
    facts = models.JSONField(_("feiten"), default=dict, blank=True)
    routing_result = models.JSONField(_("advies"), null=True, blank=True)
    rules_version = models.CharField(_("versie van de verwijsregels"), max_length=40, blank=True)
    routed_at = models.DateTimeField(_("advies gemaakt op"), null=True, blank=True)
    consent_contact = models.BooleanField(_("toestemming om contactgegevens te bewaren"), default=False)
    consent_referral = models.BooleanField(_("toestemming om door te verwijzen"), default=False)
    consent_recorded_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(_("gemeld op"), default=timezone.now)
    closed_at = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("geanonimiseerd op"), null=True, blank=True)

    objects: ClassVar[models.Manager[Case]] = ScopedManager(organisation="organisation")

    class Meta:
        verbose_name = _("casus")
        verbose_name_plural = _("casussen")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "reference"], name="case_unique_reference"),
            models.CheckConstraint(
                condition=Q(status="open", closed_at__isnull=True) | Q(status="closed", closed_at__isnull=False),
                name="case_closed_has_date",
            ),
        ]
        indexes = [
            models.Index(fields=["organisation", "status", "-created_at"], name="case_org_status"),
            models.Index(fields=["organisation", "raised_by"], name="case_org_raised_by"),
            models.Index(fields=["organisation", "status", "closed_at"], name="case_org_retention"),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def recommendations(self) -> list[RecommendationDict]:
        return list((self.routing_result or {}).get("recommendations", []))


class CaseEvent(TenantOwned):
    """One line of a case's chronology. ``detail`` is short and never holds victim data."""

    class Kind(models.TextChoices):
        OPENED = "opened", _("Signaal gemeld")
        FACTS_CHANGED = "facts_changed", _("Feiten aangepast")
        ROUTED = "routed", _("Advies gemaakt")
        ACTIONS_CHOSEN = "actions_chosen", _("Acties gekozen")
        EVIDENCE_RECORDED = "evidence_recorded", _("Bewijs vastgelegd")
        CONSENT_RECORDED = "consent_recorded", _("Wensen en toestemming vastgelegd")
        CONTACT_CHANGED = "contact_changed", _("Contactgegevens vastgelegd")
        REFERRAL_DRAFTED = "referral_drafted", _("Doorverwijzing voorbereid")
        CONSENT_GIVEN = "consent_given", _("Toestemming om te delen vastgelegd")
        CONSENT_WITHDRAWN = "consent_withdrawn", _("Toestemming om te delen ingetrokken")
        REFERRAL_SENT = "referral_sent", _("Doorverwijzing verstuurd")
        ACKNOWLEDGED = "acknowledged", _("Doorverwijzing ontvangen door partner")
        REFERRAL_ACCEPTED = "referral_accepted", _("Doorverwijzing aangenomen")
        REFERRAL_DECLINED = "referral_declined", _("Doorverwijzing afgewezen")
        REFERRAL_UPDATE = "referral_update", _("Bericht van de partner")
        REFERRAL_CLOSED = "referral_closed", _("Doorverwijzing afgesloten")
        REFERRAL_REDIRECTED = "referral_redirected", _("Doorverwijzing omgeleid door de gemeente")
        LINK_CREATED = "link_created", _("Link voor de partner gemaakt")
        LINK_REVOKED = "link_revoked", _("Link voor de partner ingetrokken")
        NOTE = "note", _("Notitie")
        TASK_DONE = "task_done", _("Taak afgerond")
        REMINDER_SENT = "reminder_sent", _("Herinnering verstuurd")
        PERSONAL_DATA_VIEWED = "personal_data_viewed", _("Persoonsgegevens bekeken")
        CLOSED = "closed", _("Casus afgesloten")
        ANONYMISED = "anonymised", _("Persoonsgegevens verwijderd (bewaartermijn)")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    referral = models.ForeignKey(
        "referrals.Referral", on_delete=models.SET_NULL, null=True, blank=True, related_name="events"
    )
    kind = models.CharField(max_length=30, choices=Kind.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    detail = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects: ClassVar[models.Manager[CaseEvent]]

    class Meta:
        verbose_name = _("gebeurtenis")
        verbose_name_plural = _("chronologie")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["organisation", "case", "created_at"], name="caseevent_org_case_time")]

    def __str__(self) -> str:
        return self.get_kind_display()


class CaseNote(TenantOwned):
    """A note from the conversation or follow-up. May hold victim data: cleared by retention."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    text = models.TextField(_("notitie"), max_length=4000)
    created_at = models.DateTimeField(default=timezone.now)

    objects: ClassVar[models.Manager[CaseNote]]

    class Meta:
        verbose_name = _("notitie")
        verbose_name_plural = _("notities")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["organisation", "case", "created_at"], name="casenote_org_case_time")]

    def __str__(self) -> str:
        return f"Notitie {self.pk}"  # never the text: it may hold victim data


class EvidenceItem(TenantOwned):
    """What was saved as evidence and where it is kept. Never the evidence itself:
    no files, no images – intimate images of minors must never be copied."""

    class Kind(models.TextChoices):
        SCREENSHOT = "screenshot", _("Schermafbeelding")
        URL = "url", _("Link (URL)")
        PROFILE_ID = "profile_id", _("Profielnaam of account-ID")
        MESSAGE_ID = "message_id", _("Bericht (datum, tijd, afzender)")
        OTHER = "other", _("Iets anders")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="evidence")
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    platform = models.CharField(_("platform"), max_length=80, blank=True)
    captured_on = models.DateField(_("datum"), null=True, blank=True)
    description = models.CharField(_("wat is bewaard"), max_length=300, blank=True)
    kept_where = models.CharField(
        _("waar wordt het bewaard"), max_length=200, help_text=_("Bijvoorbeeld: telefoon van de ouder.")
    )
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    objects: ClassVar[models.Manager[EvidenceItem]]

    class Meta:
        verbose_name = _("bewijsstuk")
        verbose_name_plural = _("bewijs")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["organisation", "case"], name="evidence_org_case")]

    def __str__(self) -> str:
        return self.get_kind_display()


class CaseTask(TenantOwned):
    """An action the handler chose from the advice (one per chosen destination)."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        DONE = "done", _("Gedaan")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="tasks")
    title = models.CharField(_("taak"), max_length=200)
    destination = models.CharField(_("bestemmingscode"), max_length=70)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    due_date = models.DateField(_("uiterlijk op"), null=True, blank=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uitvoerder"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    takedown_guide = models.ForeignKey(
        "cms.TakedownGuide",
        verbose_name=_("handleiding offline halen"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    objects: ClassVar[models.Manager[CaseTask]]

    class Meta:
        verbose_name = _("taak")
        verbose_name_plural = _("taken")
        ordering = ["status", "due_date", "pk"]
        indexes = [
            models.Index(fields=["organisation", "case", "status"], name="casetask_org_case"),
            models.Index(fields=["organisation", "status", "due_date"], name="casetask_org_due"),
        ]

    def __str__(self) -> str:
        return self.title


class VictimContact(TenantOwned):
    """How to reach the victim (or a parent). Only with consent; every field is
    encrypted at rest, and every read goes through ``services.victim_contact_read``,
    which logs it."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="contact")
    name = EncryptedTextField(_("naam"), blank=True)
    phone = EncryptedTextField(_("telefoon"), blank=True)
    email = EncryptedTextField(_("e-mail"), blank=True)
    note = EncryptedTextField(_("toelichting (bijvoorbeeld: bel de moeder)"), blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    updated_at = models.DateTimeField(default=timezone.now)

    objects: ClassVar[models.Manager[VictimContact]]

    class Meta:
        verbose_name = _("contactgegevens")
        verbose_name_plural = _("contactgegevens")
        indexes = [models.Index(fields=["organisation", "case"], name="victimcontact_org_case")]

    def __str__(self) -> str:
        return f"Contactgegevens bij casus {self.case_id}"  # never the details


class PersonalDataAccess(TenantOwned):
    """Who read a victim's personal data, when, in which case, what and why.
    Kept when the case is deleted (by reference), so the log outlives the data.
    Rows belong to the case's organisation, also when a partner read the data:
    the case's coordinators review every read."""

    class Kind(models.TextChoices):
        CONTACT_DETAILS = "contact_details", _("Contactgegevens")
        CASE_FILE = "case_file", _("Casusdossier (schuilnaam, melding, notities)")
        REFERRAL = "referral", _("Gedeelde samenvatting bij een doorverwijzing")

    case = models.ForeignKey(Case, on_delete=models.SET_NULL, null=True, related_name="+")
    case_reference = models.CharField(_("kenmerk"), max_length=20)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("wie"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reader_organisation = models.ForeignKey(
        "portal.Organisation",
        verbose_name=_("organisatie van de lezer"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    kind = models.CharField(_("wat"), max_length=20, choices=Kind.choices, default=Kind.CONTACT_DETAILS)
    reason = models.CharField(_("reden"), max_length=200)
    created_at = models.DateTimeField(_("wanneer"), default=timezone.now)

    objects: ClassVar[models.Manager[PersonalDataAccess]]

    class Meta:
        verbose_name = _("inzage in persoonsgegevens")
        verbose_name_plural = _("inzagelog")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["organisation", "-created_at"], name="pdaccess_org_time")]

    def __str__(self) -> str:
        return f"{self.case_reference} ({self.created_at:%Y-%m-%d %H:%M})"
