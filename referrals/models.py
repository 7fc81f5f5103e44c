"""Routing data: rule set versions (platform-wide), a municipality's local
destinations and rules (tenant-owned), and API tokens.

The routing engine itself (``referrals.routing``) never touches these models; the
selectors load them and hand the engine plain data.
"""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from portal.models import Country
from referrals.crypto import EncryptedTextField
from referrals.routing.result import RecommendationDict
from referrals.routing.ruleset import CODE_RE, RULE_ID_RE
from referrals.routing.vocabulary import KINDS

code_validator = RegexValidator(CODE_RE, _("Gebruik kleine letters, cijfers en underscores, zoals jongerenwerk."))
rule_id_validator = RegexValidator(RULE_ID_RE, _("Gebruik kleine letters, cijfers en streepjes, zoals pesten-school."))


class RuleSetVersion(models.Model):
    """One published version of the routing rules. Versions are never edited: a
    change is a new version, so stored results keep pointing at the rules that made
    them. Exactly one version is active (none: the shipped defaults apply)."""

    version = models.CharField(_("versie"), max_length=40, unique=True)
    rules = models.JSONField(_("regels"))
    destinations = models.JSONField(_("bestemmingen"))
    # Routing contract v2: what not to do, and which unknown facts to ask about.
    cautions = models.JSONField(_("waarschuwingen"), default=list, blank=True)
    questions = models.JSONField(_("vragen"), default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gepubliceerd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("gepubliceerd op"), default=timezone.now)
    is_active = models.BooleanField(_("actief"), default=False)

    class Meta:
        verbose_name = _("versie van de verwijsregels")
        verbose_name_plural = _("versies van de verwijsregels")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["is_active"], condition=Q(is_active=True), name="rulesetversion_one_active")
        ]

    def __str__(self) -> str:
        return self.version


KIND_CHOICES = [(kind, kind) for kind in KINDS]


class LocalDestination(models.Model):
    """An organisation in a municipality's own area (its local social map) that
    local rules can refer to. In results its code reads ``local:<code>``.

    The code is made from the name when the entry is made (``services.local_destination_save``)
    and never changes after: local rules and stored advice refer to it."""

    organisation = models.ForeignKey(
        "portal.Organisation",
        verbose_name=_("gemeente"),
        on_delete=models.CASCADE,
        related_name="+",
        limit_choices_to={"kind": "municipality"},
    )
    code = models.CharField(
        _("code"), max_length=50, validators=[code_validator], help_text=_("Kleine letters, cijfers en underscores.")
    )
    label = models.CharField(_("naam"), max_length=200)
    kind = models.CharField(_("soort"), max_length=20, choices=KIND_CHOICES, default="referral")
    url = models.URLField(_("website"), blank=True)
    # How a school or club reaches them. No victim data: these are the organisation's own details.
    phone = models.CharField(_("telefoonnummer"), max_length=40, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    address = models.CharField(_("adres"), max_length=300, blank=True)
    opening_hours = models.CharField(_("openingstijden"), max_length=300, blank=True)
    helps_with = models.TextField(_("waarmee ze helpen"), max_length=1000, blank=True)
    audience = models.CharField(_("voor wie"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    updated_at = models.DateTimeField(_("gewijzigd op"), default=timezone.now)

    objects: ClassVar[models.Manager[LocalDestination]] = ScopedManager(organisation="organisation")

    class Meta:
        verbose_name = _("lokale bestemming")
        verbose_name_plural = _("lokale bestemmingen")
        ordering = ["label"]
        constraints = [models.UniqueConstraint(fields=["organisation", "code"], name="localdestination_unique_code")]

    def __str__(self) -> str:
        return self.label

    def as_data(self) -> dict[str, str]:
        data = {"code": self.code, "kind": self.kind, "label": self.label}
        if self.url:
            data["url"] = self.url
        return data


class LocalRule(models.Model):
    """A municipality's own routing rule, merged into the rule set for cases of its
    area only. ``rule`` has the shape of a rule-set rule; its id reads ``local:<id>``."""

    organisation = models.ForeignKey(
        "portal.Organisation",
        verbose_name=_("gemeente"),
        on_delete=models.CASCADE,
        related_name="+",
        limit_choices_to={"kind": "municipality"},
    )
    slug = models.CharField(_("id"), max_length=70, validators=[rule_id_validator])
    rule = models.JSONField(_("regel"))
    is_active = models.BooleanField(_("actief"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    updated_at = models.DateTimeField(_("gewijzigd op"), default=timezone.now)

    objects: ClassVar[models.Manager[LocalRule]] = ScopedManager(organisation="organisation")

    class Meta:
        verbose_name = _("lokale verwijsregel")
        verbose_name_plural = _("lokale verwijsregels")
        ordering = ["slug"]
        constraints = [models.UniqueConstraint(fields=["organisation", "slug"], name="localrule_unique_slug")]
        indexes = [models.Index(fields=["organisation", "is_active"], name="localrule_org_active")]

    def __str__(self) -> str:
        return self.slug


class ApiToken(models.Model):
    """A bearer token for the routing API. Only a SHA-256 hash is stored; the token
    itself is shown once, by ``manage.py create_api_token``."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebruiker"),
        on_delete=models.CASCADE,
        related_name="routing_api_tokens",
    )
    name = models.CharField(_("naam"), max_length=100)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    last_used_at = models.DateTimeField(_("laatst gebruikt"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)

    class Meta:
        verbose_name = _("API-sleutel")
        verbose_name_plural = _("API-sleutels")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.user})"


# --- Cases -----------------------------------------------------------------------------
#
# Victim data lives in few, named places so retention can clear it: the pseudonym,
# the signal text, the conversation notes (Case, CaseNote), evidence descriptions
# (EvidenceItem) and the encrypted contact details (VictimContact). Chronology rows
# (CaseEvent) and the access log (PersonalDataAccess) hold no victim data.


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


class CaseEvent(models.Model):
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

    organisation = models.ForeignKey("portal.Organisation", on_delete=models.CASCADE, related_name="+")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    referral = models.ForeignKey(
        "referrals.Referral", on_delete=models.SET_NULL, null=True, blank=True, related_name="events"
    )
    kind = models.CharField(max_length=30, choices=Kind.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    detail = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects: ClassVar[models.Manager[CaseEvent]] = ScopedManager(organisation="organisation")

    class Meta:
        verbose_name = _("gebeurtenis")
        verbose_name_plural = _("chronologie")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["organisation", "case", "created_at"], name="caseevent_org_case_time")]

    def __str__(self) -> str:
        return self.get_kind_display()


class CaseNote(models.Model):
    """A note from the conversation or follow-up. May hold victim data: cleared by retention."""

    organisation = models.ForeignKey("portal.Organisation", on_delete=models.CASCADE, related_name="+")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    text = models.TextField(_("notitie"), max_length=4000)
    created_at = models.DateTimeField(default=timezone.now)

    objects: ClassVar[models.Manager[CaseNote]] = ScopedManager(organisation="organisation")

    class Meta:
        verbose_name = _("notitie")
        verbose_name_plural = _("notities")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["organisation", "case", "created_at"], name="casenote_org_case_time")]

    def __str__(self) -> str:
        return f"Notitie {self.pk}"  # never the text: it may hold victim data


class EvidenceItem(models.Model):
    """What was saved as evidence and where it is kept. Never the evidence itself:
    no files, no images – intimate images of minors must never be copied."""

    class Kind(models.TextChoices):
        SCREENSHOT = "screenshot", _("Schermafbeelding")
        URL = "url", _("Link (URL)")
        PROFILE_ID = "profile_id", _("Profielnaam of account-ID")
        MESSAGE_ID = "message_id", _("Bericht (datum, tijd, afzender)")
        OTHER = "other", _("Iets anders")

    organisation = models.ForeignKey("portal.Organisation", on_delete=models.CASCADE, related_name="+")
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

    objects: ClassVar[models.Manager[EvidenceItem]] = ScopedManager(organisation="organisation")

    class Meta:
        verbose_name = _("bewijsstuk")
        verbose_name_plural = _("bewijs")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["organisation", "case"], name="evidence_org_case")]

    def __str__(self) -> str:
        return self.get_kind_display()


class CaseTask(models.Model):
    """An action the handler chose from the advice (one per chosen destination)."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        DONE = "done", _("Gedaan")

    organisation = models.ForeignKey("portal.Organisation", on_delete=models.CASCADE, related_name="+")
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

    objects: ClassVar[models.Manager[CaseTask]] = ScopedManager(organisation="organisation")

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


class VictimContact(models.Model):
    """How to reach the victim (or a parent). Only with consent; every field is
    encrypted at rest, and every read goes through ``services.victim_contact_read``,
    which logs it."""

    organisation = models.ForeignKey("portal.Organisation", on_delete=models.CASCADE, related_name="+")
    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="contact")
    name = EncryptedTextField(_("naam"), blank=True)
    phone = EncryptedTextField(_("telefoon"), blank=True)
    email = EncryptedTextField(_("e-mail"), blank=True)
    note = EncryptedTextField(_("toelichting (bijvoorbeeld: bel de moeder)"), blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    updated_at = models.DateTimeField(default=timezone.now)

    objects: ClassVar[models.Manager[VictimContact]] = ScopedManager(organisation="organisation")

    class Meta:
        verbose_name = _("contactgegevens")
        verbose_name_plural = _("contactgegevens")
        indexes = [models.Index(fields=["organisation", "case"], name="victimcontact_org_case")]

    def __str__(self) -> str:
        return f"Contactgegevens bij casus {self.case_id}"  # never the details


class PersonalDataAccess(models.Model):
    """Who read a victim's personal data, when, in which case, what and why.
    Kept when the case is deleted (by reference), so the log outlives the data.
    Rows belong to the case's organisation, also when a partner read the data:
    the case's coordinators review every read."""

    class Kind(models.TextChoices):
        CONTACT_DETAILS = "contact_details", _("Contactgegevens")
        CASE_FILE = "case_file", _("Casusdossier (schuilnaam, melding, notities)")
        REFERRAL = "referral", _("Gedeelde samenvatting bij een doorverwijzing")

    organisation = models.ForeignKey("portal.Organisation", on_delete=models.CASCADE, related_name="+")
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

    objects: ClassVar[models.Manager[PersonalDataAccess]] = ScopedManager(organisation="organisation")

    class Meta:
        verbose_name = _("inzage in persoonsgegevens")
        verbose_name_plural = _("inzagelog")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["organisation", "-created_at"], name="pdaccess_org_time")]

    def __str__(self) -> str:
        return f"{self.case_reference} ({self.created_at:%Y-%m-%d %H:%M})"


class OrganisationCaseSettings(models.Model):
    """How long an organisation keeps closed cases."""

    organisation = models.OneToOneField("portal.Organisation", on_delete=models.CASCADE, related_name="+")
    retention_months = models.PositiveSmallIntegerField(
        _("persoonsgegevens bewaren (maanden na afsluiten)"), default=12
    )
    delete_after_months = models.PositiveSmallIntegerField(_("casus verwijderen (maanden na anonimiseren)"), default=12)
    follow_up_days = models.JSONField(
        _("nazorgmomenten (dagen na het openen)"),
        default=list,
        blank=True,
        help_text=_("Leeg: na 7, 30 en 90 dagen."),
    )

    objects: ClassVar[models.Manager[OrganisationCaseSettings]] = ScopedManager(organisation="organisation")

    class Meta:
        verbose_name = _("bewaartermijn van casussen")
        verbose_name_plural = _("bewaartermijnen van casussen")

    def __str__(self) -> str:
        return f"{self.retention_months} + {self.delete_after_months} maanden"


class DeletionLog(models.Model):
    """Counts only: how many cases retention anonymised and deleted, per organisation and month."""

    organisation = models.ForeignKey("portal.Organisation", on_delete=models.CASCADE, related_name="+")
    month = models.DateField(_("maand"))
    anonymised = models.PositiveIntegerField(default=0)
    deleted = models.PositiveIntegerField(default=0)

    objects: ClassVar[models.Manager[DeletionLog]] = ScopedManager(organisation="organisation")

    class Meta:
        verbose_name = _("verwijderlog")
        verbose_name_plural = _("verwijderlog")
        constraints = [models.UniqueConstraint(fields=["organisation", "month"], name="deletionlog_unique_month")]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m}"


# --- Referrals -------------------------------------------------------------------------
#
# A referral belongs to the case's organisation (the referrer) and is seen from two
# more tenants: the receiving partner organisation and the municipality of the
# referrer. Each view has its own scoped manager on the same scope dimension, so a
# partner's page (scope = partner) reads ``Referral.received`` and a municipality's
# page reads ``Referral.in_area``; all three fail closed outside a scope.


class Referral(models.Model):
    """A case referred to one organisation. Its status only moves along
    ``referrals.lifecycle.TRANSITIONS``."""

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


class PartnerLink(models.Model):
    """The link for a partner without an account: acknowledge the referral, accept
    or decline it, then write to the referrer and report the outcome, with the same
    link until the referral is closed (``used_at`` is set by declining or closing;
    see ``referrals.lifecycle``). Expires after 14 days and can be revoked. Only a
    SHA-256 hash of the token is stored.

    The public link page finds the row by that hash without a scope: the token is
    the credential. Everything it then shows is the one referral of the row."""

    organisation = models.ForeignKey("portal.Organisation", on_delete=models.CASCADE, related_name="+")
    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="links")
    email = models.EmailField(_("verstuurd naar"))
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(_("gemaakt op"), default=timezone.now)
    expires_at = models.DateTimeField(_("verloopt op"))
    used_at = models.DateTimeField(_("gebruikt op"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects: ClassVar[models.Manager[PartnerLink]] = ScopedManager(organisation="organisation")

    class Meta:
        verbose_name = _("link voor een partner")
        verbose_name_plural = _("links voor partners")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["referral", "created_at"], name="partnerlink_referral")]

    def __str__(self) -> str:
        return f"Link {self.pk}"  # never the token

    def state(self, now: datetime | None = None) -> str:
        """'active', 'used', 'revoked' or 'expired'."""
        now = now or timezone.now()
        if self.revoked_at is not None:
            return "revoked"
        if self.used_at is not None:
            return "used"
        if self.expires_at <= now:
            return "expired"
        return "active"


# --- The national directory ----------------------------------------------------------------
#
# National data, not tenant-owned: who is behind each destination code in each country.
# Shipped in referrals/directory.py, loaded by services_directory.directory_load, and
# corrected by platform administrators in the admin.


class DirectoryEntry(models.Model):
    """The organisation (or the action) behind one destination code in one country,
    with the contact details the advice page shows.

    ``loaded_hash`` is a hash of the values the loader last wrote. When the row's
    values no longer match it, someone edited the row and the loader leaves it alone
    (unless ``--force``)."""

    code = models.CharField(_("bestemmingscode"), max_length=70)
    country = models.CharField(_("land"), max_length=2, choices=Country.choices)
    name = models.CharField(_("naam"), max_length=200)
    phone = models.CharField(
        _("telefoon"), max_length=40, blank=True, help_text=_("Zoals mensen het bellen, bijvoorbeeld 0900-0101.")
    )
    website = models.URLField(_("website"), blank=True)
    opening_hours = models.CharField(_("openingstijden"), max_length=200, blank=True)
    description = models.TextField(
        _("wat doet deze organisatie"), max_length=600, help_text=_("Een of twee korte zinnen voor een leraar.")
    )
    is_active = models.BooleanField(_("actief"), default=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), default=timezone.now)
    loaded_hash = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = _("organisatie in de wegwijzer")
        verbose_name_plural = _("wegwijzer: organisaties per bestemming")
        ordering = ["country", "code"]
        constraints = [models.UniqueConstraint(fields=["code", "country"], name="directoryentry_unique_code_country")]

    def __str__(self) -> str:
        return f"{self.name} ({self.country})"
