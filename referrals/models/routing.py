"""Routing data: rule set versions (platform-wide), a municipality's local
destinations and rules (tenant-owned).

The routing engine itself (``referrals.routing``) never touches these models; the
selectors load them and hand the engine plain data.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

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
