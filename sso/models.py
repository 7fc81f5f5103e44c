"""Federated sign-in: which federation or identity provider signs people into which
organisation, and the record of every attempt.

These rows are sign-in configuration, read before any organisation is known (by the
provider that answered, the BRIN a federation asserted or the domain of an address).
They are not tenant data and have no django-scopes manager; pages that show one
organisation's rows filter on it explicitly (``sso/settings_views.py``).
"""

from __future__ import annotations

from typing import ClassVar

from allauth.socialaccount.models import SocialApp
from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.models import Organisation


class Federation(models.TextChoices):
    ENTREE = "entree", _("Entree Federatie (Kennisnet)")
    SURFCONEXT = "surfconext", _("SURFconext")


FEDERATION_IDS = frozenset(Federation.values)


class FederationLink(models.Model):
    """An organisation as a federation knows it: Entree's BRIN
    (``nlEduPersonHomeOrganizationId``) or SURFconext's ``schac_home_organization``.
    Set by the platform administrator; an organisation can have several."""

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisatie"), on_delete=models.CASCADE, related_name="federation_links"
    )
    federation = models.CharField(_("federatie"), max_length=20, choices=Federation.choices)
    home_organisation_id = models.CharField(
        _("code van de instelling"),
        max_length=120,
        help_text=_("Entree: de BRIN-code (bijvoorbeeld 12AB). SURFconext: het domein van de instelling."),
    )
    created_at = models.DateTimeField(_("aangemaakt op"), default=timezone.now)

    objects: ClassVar[models.Manager[FederationLink]] = models.Manager()

    class Meta:
        verbose_name = _("koppeling met een federatie")
        verbose_name_plural = _("koppelingen met federaties")
        constraints = [
            models.UniqueConstraint(fields=["federation", "home_organisation_id"], name="federationlink_unique_code")
        ]

    def __str__(self) -> str:
        return f"{self.get_federation_display()}: {self.home_organisation_id}"

    def save(self, *args: object, **kwargs: object) -> None:
        self.home_organisation_id = self.home_organisation_id.strip().lower()
        super().save(*args, **kwargs)  # type: ignore[arg-type]


domain_validator = RegexValidator(
    r"^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$",
    _("Vul een domein in zoals school.nl, zonder @ en zonder www."),
)


class SignInDomain(models.Model):
    """A mail domain of an organisation. Once the platform administrator has verified
    it, addresses at this domain are sent to the organisation's provider at sign-in,
    and its provider may create accounts for them."""

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisatie"), on_delete=models.CASCADE, related_name="sign_in_domains"
    )
    domain = models.CharField(_("domein"), max_length=253, unique=True, validators=[domain_validator])
    verified_at = models.DateTimeField(_("geverifieerd op"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("geverifieerd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("aangemaakt op"), default=timezone.now)

    objects: ClassVar[models.Manager[SignInDomain]] = models.Manager()

    class Meta:
        verbose_name = _("domein voor inloggen")
        verbose_name_plural = _("domeinen voor inloggen")
        ordering = ["domain"]

    def __str__(self) -> str:
        return self.domain

    def save(self, *args: object, **kwargs: object) -> None:
        self.domain = self.domain.strip().lower()
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None


class ProviderKind(models.TextChoices):
    ENTRA = "entra", _("Microsoft Entra ID (OpenID Connect)")
    GOOGLE = "google", _("Google Workspace (OpenID Connect)")
    OIDC = "oidc", _("Andere OpenID Connect-provider")
    SAML = "saml", _("SAML 2.0")


class SignInSettings(models.Model):
    """How the people of one organisation sign in: its own identity provider (one per
    organisation, as one allauth ``SocialApp``), whether the portal's own password
    login stays open, and whether a second factor asserted by the provider counts."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Ingesteld, nog niet getest")
        TESTED = "tested", _("Getest, nog niet aan")
        ACTIVE = "active", _("Aan")
        OFF = "off", _("Uit")

    organisation = models.OneToOneField(
        Organisation, verbose_name=_("organisatie"), on_delete=models.CASCADE, related_name="sign_in_settings"
    )
    provider_kind = models.CharField(_("soort provider"), max_length=10, choices=ProviderKind.choices, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OFF)
    app = models.OneToOneField(
        SocialApp, verbose_name=_("koppeling"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    entra_tenant_id = models.CharField(_("tenant-id (Entra ID)"), max_length=36, blank=True)
    google_domain = models.CharField(_("domein (Google Workspace)"), max_length=253, blank=True)
    password_login = models.BooleanField(
        _("inloggen met wachtwoord, code of passkey toestaan"),
        default=True,
        help_text=_("Zet dit uit als iedereen via jullie eigen inlog moet inloggen."),
    )
    trust_provider_mfa = models.BooleanField(
        _("tweestapsverificatie van de provider vertrouwen"),
        default=False,
        help_text=_(
            "Alleen als jullie provider zelf om een tweede stap vraagt. Meldt de provider dat, dan vraagt het "
            "portaal geen eigen tweede stap meer."
        ),
    )
    tested_at = models.DateTimeField(_("getest op"), null=True, blank=True)
    tested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    test_result = models.CharField(_("uitkomst van de test"), max_length=300, blank=True)
    activated_at = models.DateTimeField(_("aangezet op"), null=True, blank=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), default=timezone.now)

    objects: ClassVar[models.Manager[SignInSettings]] = models.Manager()

    class Meta:
        verbose_name = _("inloginstellingen")
        verbose_name_plural = _("inloginstellingen")

    def __str__(self) -> str:
        return str(self.organisation)

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE and self.app_id is not None


class SignInAttempt(models.Model):
    """One sign-in through a federation or provider, allowed or refused. Holds no
    name, address or claim: the outcome, a reason code and who it was, if known."""

    class Outcome(models.TextChoices):
        SIGNED_IN = "signed_in", _("Ingelogd")
        REFUSED = "refused", _("Geweigerd")
        TESTED = "tested", _("Test gelukt")

    created_at = models.DateTimeField(_("tijdstip"), default=timezone.now)
    provider_id = models.CharField(_("provider"), max_length=80)
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisatie"), on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebruiker"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    outcome = models.CharField(_("uitkomst"), max_length=10, choices=Outcome.choices)
    reason = models.CharField(_("reden"), max_length=40, blank=True)

    objects: ClassVar[models.Manager[SignInAttempt]] = models.Manager()

    class Meta:
        verbose_name = _("inlogpoging via een provider")
        verbose_name_plural = _("inlogpogingen via providers")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["organisation", "-created_at"], name="signinattempt_org_time")]

    def __str__(self) -> str:
        return f"{self.provider_id}: {self.get_outcome_display()} ({self.created_at:%Y-%m-%d %H:%M})"
