"""Rollups: counts per organisation and month (and per partner and day) that the
coordinator, municipal, platform and partner dashboards read instead of grouping every
case or referral.

No victim data: only organisation, month or day, codes and counts. The rows are rebuilt
from the source tables by ``reporting.rollups.rollups_refresh`` (every 5 minutes on
the beat schedule, and by ``manage.py refresh_rollups``), so what the dashboards show
is up to 5 minutes old; ``RollupState.refreshed_at`` says how old.

Two levels. The organisation-level rollups (``CaseMonthRollup``, ``ReferralMonthRollup``,
``TrainingRollup``) answer every view. The area-level ones (``AreaCaseMonthRollup``,
``AreaReferralMonthRollup``, ``OrganisationMonthTotal``, ``AreaMonthTotal``) are the same
counts added up per municipality (or per organisation without the dimensions), written
at the end of the same refresh from the organisation-level rows; the municipal and
platform dashboards read them unless a view is filtered to one organisation, so a
municipality's year is a few hundred rows instead of tens of thousands.

One more, for the partner's dashboard: ``PartnerReferralDayRollup``, the referrals a
partner organisation received per day sent. Per day, not per month, so the partner's
filters (whole days in the portal's time zone, and a status) are answered exactly from
it; a partner's year is a few thousand rows however many referrals it received.

Not tenant-scoped on purpose: a municipal dashboard reads the rows of all its
organisations, the platform dashboard all rows. Only ``reporting.selectors`` reads
them, always filtered by ``municipality``, ``organisation`` or ``partner`` (the indexes
lead with those), and only from a view that ``TenantMiddleware`` let through for that
organisation (the partner's read also checks that the active scope is that partner).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

STATE_KEY = "rollups"


class RollupState(models.Model):
    """When the rollups were last rebuilt, and how long that took."""

    key = models.CharField(max_length=40, unique=True, default=STATE_KEY)
    refreshed_at = models.DateTimeField(_("bijgewerkt op"), null=True, blank=True)
    seconds = models.FloatField(_("duur in seconden"), default=0)

    class Meta:
        verbose_name = _("stand van de cijfers")
        verbose_name_plural = _("stand van de cijfers")

    def __str__(self) -> str:
        return f"{self.key}: {self.refreshed_at}"


class CaseMonthRollup(models.Model):
    """Cases opened in ``month`` (first day, portal time zone) with ``status``.

    ``form`` is ``""`` for the row that counts every case once; a row per form code
    counts the cases that have that form (a case with two forms is in two of those).
    """

    organisation = models.ForeignKey("portal.Organisation", on_delete=models.CASCADE, related_name="+", db_index=False)
    municipality = models.ForeignKey(
        "portal.Organisation", on_delete=models.CASCADE, null=True, related_name="+", db_index=False
    )
    month = models.DateField()
    form = models.CharField(max_length=30, blank=True)
    status = models.CharField(max_length=10)
    count = models.PositiveIntegerField()

    class Meta:
        verbose_name = _("casussen per maand")
        verbose_name_plural = _("casussen per maand")
        indexes = [
            models.Index(fields=["municipality", "month"], name="caserollup_muni_month"),
            models.Index(fields=["organisation", "month"], name="caserollup_org_month"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id} {self.month} {self.form or '*'} {self.status}: {self.count}"


class ReferralMonthRollup(models.Model):
    """Referrals sent in ``month`` (drafts are not counted), per destination, status,
    outcome, acknowledgement and waiting time, and whether they were escalated.

    ``ack`` is a key of ``reporting.dashboards.ACKNOWLEDGEMENT``; ``bucket`` a key of
    ``reporting.dashboards.BUCKETS``: for a referral still waiting, how long it has
    waited at the moment of the refresh, in working days; "" otherwise.
    """

    organisation = models.ForeignKey("portal.Organisation", on_delete=models.CASCADE, related_name="+", db_index=False)
    municipality = models.ForeignKey(
        "portal.Organisation", on_delete=models.CASCADE, null=True, related_name="+", db_index=False
    )
    month = models.DateField()
    destination = models.CharField(max_length=70)
    destination_label = models.CharField(max_length=200)
    status = models.CharField(max_length=20)
    outcome = models.CharField(max_length=20, blank=True)
    ack = models.CharField(max_length=30)
    bucket = models.CharField(max_length=10, blank=True)
    escalated = models.BooleanField(default=False)
    count = models.PositiveIntegerField()

    class Meta:
        verbose_name = _("doorverwijzingen per maand")
        verbose_name_plural = _("doorverwijzingen per maand")
        indexes = [
            models.Index(fields=["municipality", "month"], name="refrollup_muni_month"),
            models.Index(fields=["organisation", "month"], name="refrollup_org_month"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id} {self.month} {self.destination} {self.status}: {self.count}"


class PartnerReferralDayRollup(models.Model):
    """Referrals a partner organisation received (``Referral.partner``), per ``day`` sent
    (portal time zone), status, outcome, acknowledgement and waiting time. The same
    referrals as ``reporting.dashboards.received_referrals``: not drafts, sent, to a partner
    on the portal.

    ``ack`` and ``bucket`` as in ``ReferralMonthRollup``, but counted in working days of
    the *partner's* country (the partner's dashboard counts its own working days; the
    month rollups count those of the referrer's country). ``bucket`` is the waiting time
    at the moment of the refresh.
    """

    partner = models.ForeignKey(
        "portal.Organisation",
        verbose_name=_("partnerorganisatie"),
        on_delete=models.CASCADE,
        related_name="+",
        db_index=False,
    )
    day = models.DateField(_("verstuurd op"))
    status = models.CharField(_("status"), max_length=20)
    outcome = models.CharField(_("uitkomst"), max_length=20, blank=True)
    ack = models.CharField(_("bevestiging"), max_length=30)
    bucket = models.CharField(_("wachttijd"), max_length=10, blank=True)
    count = models.PositiveIntegerField(_("aantal"))

    class Meta:
        verbose_name = _("ontvangen doorverwijzingen per dag")
        verbose_name_plural = _("ontvangen doorverwijzingen per dag")
        indexes = [models.Index(fields=["partner", "day"], name="partnerrollup_partner_day")]

    def __str__(self) -> str:
        return f"{self.partner_id} {self.day} {self.status} {self.ack} {self.bucket or '-'}: {self.count}"


class AreaCaseMonthRollup(models.Model):
    """``CaseMonthRollup`` added up per municipality: the organisation left out, the
    same ``month``, ``form`` ("" = every case once) and ``status``."""

    municipality = models.ForeignKey(
        "portal.Organisation", on_delete=models.CASCADE, null=True, related_name="+", db_index=False
    )
    month = models.DateField()
    form = models.CharField(max_length=30, blank=True)
    status = models.CharField(max_length=10)
    count = models.PositiveIntegerField()

    class Meta:
        verbose_name = _("casussen per gemeente en maand")
        verbose_name_plural = _("casussen per gemeente en maand")
        indexes = [models.Index(fields=["municipality", "month"], name="areacaserollup_muni_month")]

    def __str__(self) -> str:
        return f"{self.municipality_id} {self.month} {self.form or '*'} {self.status}: {self.count}"


class AreaReferralMonthRollup(models.Model):
    """``ReferralMonthRollup`` added up per municipality: the organisation left out,
    every other dimension kept (so a filter on the partner is answered here too)."""

    municipality = models.ForeignKey(
        "portal.Organisation", on_delete=models.CASCADE, null=True, related_name="+", db_index=False
    )
    month = models.DateField()
    destination = models.CharField(max_length=70)
    destination_label = models.CharField(max_length=200)
    status = models.CharField(max_length=20)
    outcome = models.CharField(max_length=20, blank=True)
    ack = models.CharField(max_length=30)
    bucket = models.CharField(max_length=10, blank=True)
    escalated = models.BooleanField(default=False)
    count = models.PositiveIntegerField()

    class Meta:
        verbose_name = _("doorverwijzingen per gemeente en maand")
        verbose_name_plural = _("doorverwijzingen per gemeente en maand")
        indexes = [models.Index(fields=["municipality", "month"], name="arearefrollup_muni_month")]

    def __str__(self) -> str:
        return f"{self.municipality_id} {self.month} {self.destination} {self.status}: {self.count}"


class _MonthTotals(models.Model):
    """Cases (every case once), referrals sent and escalated referrals in one month."""

    month = models.DateField()
    cases = models.PositiveIntegerField()
    referrals = models.PositiveIntegerField()
    escalated = models.PositiveIntegerField()

    class Meta:
        abstract = True

    def _totals(self) -> str:
        return f"{self.month}: {self.cases} / {self.referrals} / {self.escalated}"


class OrganisationMonthTotal(_MonthTotals):
    """Per organisation and month. The municipal dashboard's comparison reads it when
    the view is not filtered by form, case status or partner."""

    organisation = models.ForeignKey("portal.Organisation", on_delete=models.CASCADE, related_name="+", db_index=False)
    municipality = models.ForeignKey(
        "portal.Organisation", on_delete=models.CASCADE, null=True, related_name="+", db_index=False
    )

    class Meta:
        verbose_name = _("totalen per organisatie en maand")
        verbose_name_plural = _("totalen per organisatie en maand")
        indexes = [models.Index(fields=["municipality", "month"], name="orgtotal_muni_month")]

    def __str__(self) -> str:
        return f"{self.organisation_id} {self._totals()}"


class AreaMonthTotal(_MonthTotals):
    """``OrganisationMonthTotal`` added up per municipality: the platform dashboard's
    comparison when the view is not filtered by form, case status or partner."""

    municipality = models.ForeignKey(
        "portal.Organisation", on_delete=models.CASCADE, null=True, related_name="+", db_index=False
    )

    class Meta:
        verbose_name = _("totalen per gemeente en maand")
        verbose_name_plural = _("totalen per gemeente en maand")
        indexes = [models.Index(fields=["municipality", "month"], name="areatotal_muni_month")]

    def __str__(self) -> str:
        return f"{self.municipality_id} {self._totals()}"


class TrainingRollup(models.Model):
    """Per organisation, role and module: active members who must do the module
    (``assigned``), of whom ``completed`` hold a valid certificate and ``overdue``
    are late (``training.selectors.training_status``)."""

    organisation = models.ForeignKey("portal.Organisation", on_delete=models.CASCADE, related_name="+", db_index=False)
    municipality = models.ForeignKey(
        "portal.Organisation", on_delete=models.CASCADE, null=True, related_name="+", db_index=False
    )
    role = models.CharField(max_length=30)
    module = models.ForeignKey("cms.ModulePage", on_delete=models.CASCADE, related_name="+", db_index=False)
    module_title = models.CharField(max_length=255)
    assigned = models.PositiveIntegerField()
    completed = models.PositiveIntegerField()
    overdue = models.PositiveIntegerField()

    class Meta:
        verbose_name = _("training per rol en module")
        verbose_name_plural = _("training per rol en module")
        indexes = [
            models.Index(fields=["municipality", "organisation"], name="trainrollup_muni_org"),
            models.Index(fields=["organisation"], name="trainrollup_org"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id} {self.role} {self.module_title}: {self.completed}/{self.assigned}"
