"""An organisation's case settings (retention periods, follow-up days) and the
log of what the retention run deleted."""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from portal.models import TenantOwned


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


class DeletionLog(TenantOwned):
    """Counts only: how many cases retention anonymised and deleted, per organisation and month."""

    month = models.DateField(_("maand"))
    anonymised = models.PositiveIntegerField(default=0)
    deleted = models.PositiveIntegerField(default=0)

    objects: ClassVar[models.Manager[DeletionLog]]

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
