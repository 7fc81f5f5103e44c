"""Tenancy: organisations, memberships with roles, invitations, and the audit trail.

Every tenant-owned table carries ``organisation`` and its indexes lead with it, so
the schema can later be distributed by organisation on a distributed PostgreSQL.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from portal.roles import OrganisationKind, Role, roles_for_kind

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra: object) -> User:
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra: object) -> User:
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra: object) -> User:
        extra.update(is_staff=True, is_superuser=True)
        return self._create_user(email, password, **extra)


class User(AbstractUser):
    """A person who signs in. What they may do depends on their memberships."""

    username = None  # type: ignore[assignment]
    # Empty (NULL) only for an account made by a federation that sends no address
    # (Entree): such accounts are known by the provider's subject, never by e-mail.
    email = models.EmailField(_("e-mailadres"), unique=True, null=True, blank=True)  # type: ignore[assignment]

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    # The stubs type AbstractUser.objects as Django's UserManager, whose create_user
    # takes a username; this one signs people up by email.
    objects: ClassVar[UserManager] = UserManager()  # type: ignore[assignment]

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")

    def __str__(self) -> str:
        return self.get_full_name() or self.email or str(_("(naam onbekend)"))


class Country(models.TextChoices):
    NL = "NL", _("Nederland")
    BE = "BE", _("België")


hex_colour = RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Gebruik een kleurcode zoals #1d4f91."))


class Organisation(models.Model):
    """A tenant. Schools and sports clubs belong to a municipality."""

    name = models.CharField(_("naam"), max_length=200)
    slug = models.SlugField(_("korte naam in de link"), max_length=80, unique=True)
    kind = models.CharField(_("soort"), max_length=20, choices=OrganisationKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("gemeente"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        limit_choices_to={"kind": OrganisationKind.MUNICIPALITY},
    )
    country = models.CharField(_("land"), max_length=2, choices=Country.choices)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    brand_colour = models.CharField(_("huisstijlkleur"), max_length=7, default="#154273", validators=[hex_colour])
    destination_code = models.SlugField(
        _("bestemmingscode"),
        max_length=60,
        blank=True,
        help_text=_("Voor partners: de code uit de verwijsregels, bijvoorbeeld slachtofferhulp."),
    )
    is_active = models.BooleanField(_("actief"), default=True)
    created_at = models.DateTimeField(_("aangemaakt op"), default=timezone.now)

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind__in=[OrganisationKind.SCHOOL, OrganisationKind.SPORTS_CLUB])
                | Q(parent__isnull=False),
                name="organisation_school_club_has_municipality",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=[OrganisationKind.SCHOOL, OrganisationKind.SPORTS_CLUB]) | Q(parent__isnull=True),
                name="organisation_only_school_club_have_parent",
            ),
            models.UniqueConstraint(
                fields=["destination_code", "country"],
                condition=~Q(destination_code=""),
                name="organisation_unique_destination_per_country",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        if self.parent is not None:
            self.country = self.parent.country
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def clean(self) -> None:
        if self.kind in (OrganisationKind.SCHOOL, OrganisationKind.SPORTS_CLUB):
            if self.parent_id is None:
                raise ValidationError({"parent": _("Een school of sportclub hoort bij een gemeente.")})
            if self.parent and self.parent.kind != OrganisationKind.MUNICIPALITY:
                raise ValidationError({"parent": _("Kies een gemeente.")})
            if self.parent and self.country and self.parent.country != self.country:
                raise ValidationError({"country": _("Het land moet gelijk zijn aan dat van de gemeente.")})
        elif self.parent_id is not None:
            raise ValidationError({"parent": _("Alleen scholen en sportclubs horen bij een gemeente.")})
        if self.destination_code and self.kind != OrganisationKind.PARTNER:
            raise ValidationError({"destination_code": _("Alleen partnerorganisaties hebben een bestemmingscode.")})

    @property
    def allowed_roles(self) -> tuple[Role, ...]:
        return roles_for_kind(self.kind)


class TenantOwned(models.Model):
    """A row that belongs to one organisation and is read only in its scope.

    The organisation's foreign key (no reverse accessor: an organisation does not list
    its rows) and the django-scopes manager: outside ``scope(organisation=…)`` a query
    on the model raises instead of returning every organisation's rows. A subclass
    repeats only the manager's type for the checker::

        class CaseNote(TenantOwned):
            objects: ClassVar[models.Manager[CaseNote]]

    A model whose organisation means more than the owner (the referrer of a
    referral, an issuer that may be deleted) or that has a second scoped manager (a
    referral's rows the partner reads) declares its own field and managers.
    """

    organisation = models.ForeignKey("portal.Organisation", on_delete=models.CASCADE, related_name="+")

    objects: ClassVar[models.Manager[Any]] = ScopedManager(organisation="organisation")

    class Meta:
        abstract = True


class Membership(models.Model):
    """A user in one organisation, with one role."""

    organisation = models.ForeignKey(Organisation, verbose_name=_("organisatie"), on_delete=models.CASCADE)
    user = models.ForeignKey(User, verbose_name=_("gebruiker"), on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("rol"), max_length=30, choices=Role.choices)
    is_active = models.BooleanField(_("actief"), default=True)
    created_at = models.DateTimeField(_("lid sinds"), default=timezone.now)
    deactivated_at = models.DateTimeField(_("gedeactiveerd op"), null=True, blank=True)

    objects: ClassVar[models.Manager[Membership]] = ScopedManager(organisation="organisation")

    class Meta:
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        constraints = [models.UniqueConstraint(fields=["organisation", "user"], name="membership_unique_user")]
        indexes = [models.Index(fields=["organisation", "role", "is_active"], name="membership_org_role")]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()}"


class Invitation(models.Model):
    """An emailed, expiring, single-use invitation to join an organisation with a role.

    Only a SHA-256 hash of the token is stored: a database leak exposes no usable links.
    """

    organisation = models.ForeignKey(Organisation, verbose_name=_("organisatie"), on_delete=models.CASCADE)
    email = models.EmailField(_("e-mailadres"))
    role = models.CharField(_("rol"), max_length=30, choices=Role.choices)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        User, verbose_name=_("uitgenodigd door"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("verstuurd op"), default=timezone.now)
    expires_at = models.DateTimeField(_("verloopt op"))
    accepted_at = models.DateTimeField(_("geaccepteerd op"), null=True, blank=True)
    accepted_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    revoked_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)

    objects: ClassVar[models.Manager[Invitation]] = ScopedManager(organisation="organisation")

    class Meta:
        verbose_name = _("uitnodiging")
        verbose_name_plural = _("uitnodigingen")
        indexes = [models.Index(fields=["organisation", "email"], name="invitation_org_email")]

    def __str__(self) -> str:
        return f"{self.email} ({self.get_role_display()})"

    @property
    def status(self) -> str:
        if self.accepted_at:
            return "accepted"
        if self.revoked_at:
            return "revoked"
        if self.expires_at <= timezone.now():
            return "expired"
        return "open"

    @property
    def status_label(self) -> StrPromise:
        return {
            "accepted": _("Geaccepteerd"),
            "revoked": _("Ingetrokken"),
            "expired": _("Verlopen"),
            "open": _("Open"),
        }[self.status]


class AuditEvent(models.Model):
    """Who did what to whom in an organisation. Never holds victim data."""

    class Kind(models.TextChoices):
        INVITATION_SENT = "invitation_sent", _("Uitnodiging verstuurd")
        INVITATION_REVOKED = "invitation_revoked", _("Uitnodiging ingetrokken")
        INVITATION_ACCEPTED = "invitation_accepted", _("Uitnodiging geaccepteerd")
        ROLE_CHANGED = "role_changed", _("Rol gewijzigd")
        MEMBER_DEACTIVATED = "member_deactivated", _("Lid gedeactiveerd")
        MEMBER_REACTIVATED = "member_reactivated", _("Lid opnieuw actief")
        ASSIGNMENT_CREATED = "assignment_created", _("Training toegewezen")
        ASSIGNMENT_DELETED = "assignment_deleted", _("Toewijzing van training verwijderd")
        ASSIGNMENT_CHANGED = "assignment_changed", _("Datum van een toewijzing gewijzigd")
        CASE_SETTINGS_CHANGED = "case_settings_changed", _("Casusinstellingen gewijzigd (bewaartermijn of nazorg)")
        EXPORT_DOWNLOADED = "export_downloaded", _("Export gedownload")
        SSO_PROVISIONED = "sso_provisioned", _("Lid geworden door in te loggen via de organisatie")
        SSO_LINKED = "sso_linked", _("Account gekoppeld aan de inlog van de organisatie")
        SIGN_IN_SETTINGS_CHANGED = "sign_in_settings_changed", _("Inloginstellingen gewijzigd")
        # Subject access and erasure requests (AVG art. 15 and 17; privacy/requests/). Never the person.
        PRIVACY_REQUEST_REGISTERED = "privacy_request_registered", _("Privacyverzoek geregistreerd")
        PRIVACY_REQUEST_EXTENDED = "privacy_request_extended", _("Termijn van een privacyverzoek verlengd")
        PRIVACY_REQUEST_ANSWERED = "privacy_request_answered", _("Privacyverzoek beantwoord")
        PRIVACY_EXPORT_CREATED = "privacy_export_created", _("Overzicht voor een inzageverzoek gemaakt")
        PRIVACY_ERASURE_DONE = "privacy_erasure_done", _("Gegevens verwijderd voor een verwijderverzoek")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE)
    kind = models.CharField(max_length=40, choices=Kind.choices)
    actor = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    subject_user = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    detail = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects: ClassVar[models.Manager[AuditEvent]] = ScopedManager(organisation="organisation")

    class Meta:
        verbose_name = _("auditregel")
        verbose_name_plural = _("auditlog")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["organisation", "-created_at"], name="auditevent_org_time")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.created_at:%Y-%m-%d %H:%M})"


# --- Exports ---------------------------------------------------------------------------


class ExportJob(TenantOwned):
    """A large export that a worker writes to a file (portal/exports/jobs.py).

    Only the member who asked for it sees it, in the organisation it was asked in.
    The file lives under ``EXPORT_ROOT`` (never served by the web server) and is
    deleted after ``EXPORT_KEEP_HOURS``; the row stays, marked expired. ``params``
    holds the validated filters only; ``error`` a message for the member, never data.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("In de wachtrij")
        RUNNING = "running", _("Bezig")
        DONE = "done", _("Klaar")
        FAILED = "failed", _("Mislukt")
        EXPIRED = "expired", _("Verlopen")

    class Format(models.TextChoices):
        CSV = "csv", _("CSV-bestand")
        XLSX = "xlsx", _("Excel-bestand (XLSX)")
        # A kind that writes its own file (``portal.exports.kinds.FileKind``), e.g. the subject-access overview.
        ZIP = "zip", _("ZIP-bestand")

    requested_by = models.ForeignKey(
        User, verbose_name=_("aangevraagd door"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    kind = models.CharField(_("soort"), max_length=40)
    params = models.JSONField(_("filters"), default=dict, blank=True)
    format = models.CharField(_("bestandsvorm"), max_length=4, choices=Format.choices)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    rows_done = models.PositiveIntegerField(_("rijen klaar"), default=0)
    rows_total = models.PositiveIntegerField(_("rijen totaal"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    file_name = models.CharField(_("bestand"), max_length=200, blank=True)
    error = models.CharField(_("melding"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("aangevraagd op"), default=timezone.now)
    started_at = models.DateTimeField(_("begonnen op"), null=True, blank=True)
    updated_at = models.DateTimeField(_("laatst bijgewerkt"), default=timezone.now)
    finished_at = models.DateTimeField(_("klaar op"), null=True, blank=True)
    expires_at = models.DateTimeField(_("verloopt op"), null=True, blank=True)

    objects: ClassVar[models.Manager[ExportJob]]

    class Meta:
        verbose_name = _("export")
        verbose_name_plural = _("exports")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["organisation", "requested_by", "-created_at"], name="exportjob_org_user"),
            # The sweep's reads: unfinished jobs by last sign of life, files by expiry.
            models.Index(
                fields=["updated_at"], condition=Q(status__in=["queued", "running"]), name="exportjob_unfinished"
            ),
            models.Index(fields=["expires_at"], condition=Q(status="done"), name="exportjob_done_expiry"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} ({self.get_status_display()})"

    @property
    def is_unfinished(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def percent(self) -> int:
        if not self.rows_total:
            return 100 if self.status == self.Status.DONE else 0
        return min(100, round(100 * self.rows_done / self.rows_total))


# --- Processing log (Logboek Dataverwerkingen) ---------------------------------------


class ProcessingLogQuerySet(models.QuerySet["ProcessingLogEntry"]):
    """No update and no delete: the log is append-only (portal/processing_log.py).

    Entries past their ``retain_until`` leave only through
    ``processing_log.expired_purge``; the database refuses anything else (triggers in
    the migration)."""

    def update(self, **kwargs: Any) -> int:
        raise PermissionError("The processing log is append-only.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise PermissionError("The processing log is append-only.")

    def bulk_update(self, *args: Any, **kwargs: Any) -> int:
        raise PermissionError("The processing log is append-only.")


class ProcessingLogEntry(models.Model):
    """One processing of personal data, with the fields of the Logboek Dataverwerkingen
    standard (Logius): trace and span id (W3C trace context), operation name, status,
    start and end, the processing activity of the register and a pseudonymous
    reference to the data subject. Never a name, an address or any content.

    No foreign keys that could change a row: the organisation, the actor and the
    subject are references, so deleting a user, a case or an organisation leaves the
    log as it was."""

    class Operation(models.TextChoices):
        READ = "read", _("Inzien")
        CREATE = "create", _("Vastleggen")
        UPDATE = "update", _("Wijzigen")
        SHARE = "share", _("Delen met een partner")
        EXPORT = "export", _("Exporteren")
        DELETE = "delete", _("Verwijderen")

    class Status(models.TextChoices):
        OK = "ok", _("Gelukt")
        ERROR = "error", _("Mislukt")

    class SubjectType(models.TextChoices):
        VICTIM = "victim", _("Slachtoffer (casus)")
        STAFF = "staff", _("Medewerker of vrijwilliger")

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisatie"),
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    trace_id = models.CharField(_("trace-id"), max_length=32)
    span_id = models.CharField(_("span-id"), max_length=16, unique=True)
    parent_span_id = models.CharField(_("bovenliggende span-id"), max_length=16, blank=True)
    name = models.CharField(_("handeling"), max_length=80)
    operation = models.CharField(_("soort verwerking"), max_length=10, choices=Operation.choices)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OK)
    started_at = models.DateTimeField(_("begin"))
    ended_at = models.DateTimeField(_("einde"))
    activity = models.CharField(_("verwerkingsactiviteit"), max_length=40)
    subject_type = models.CharField(_("soort betrokkene"), max_length=10, choices=SubjectType.choices)
    subject_ref = models.CharField(_("betrokkene (pseudoniem)"), max_length=64)
    actor_id = models.PositiveIntegerField(_("uitgevoerd door (gebruiker-id)"), null=True, blank=True)
    actor_organisation_id = models.PositiveIntegerField(_("organisatie van de uitvoerder"), null=True, blank=True)
    retain_until = models.DateTimeField(_("bewaren tot"))

    objects: ClassVar[models.Manager[ProcessingLogEntry]] = ScopedManager(
        organisation="organisation", _manager_class=models.Manager.from_queryset(ProcessingLogQuerySet)
    )

    class Meta:
        verbose_name = _("regel in het verwerkingslogboek")
        verbose_name_plural = _("verwerkingslogboek")
        ordering = ["-started_at", "-pk"]
        indexes = [
            models.Index(fields=["organisation", "subject_ref", "-started_at"], name="processinglog_subject"),
            models.Index(fields=["trace_id"], name="processinglog_trace"),
            models.Index(fields=["retain_until"], name="processinglog_retention"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.started_at:%Y-%m-%d %H:%M})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise PermissionError("The processing log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise PermissionError("The processing log is append-only.")
