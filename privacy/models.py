"""Requests of data subjects that a coordinator handles (AVG art. 15 and 17).

A ``SubjectRequest`` is one request for access (a copy of the data, art. 15) or for
erasure (art. 17), about a victim (named by the case references and the pseudonym the
coordinator was given) or about a member of the organisation. The law gives one
month to answer (art. 12 lid 3); the organisation may extend that once or in steps by
at most two more months, with a reason. The request, the answer and the dates are
kept; after ``SUBJECT_REQUESTS_KEEP_MONTHS`` the fields that say whom it was about
are emptied (``reduced_at``), so only counts per year and kind remain.

The services are in ``privacy/requests/services.py``; the pages in
``privacy/requests/views.py``.
"""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.models import ExportJob, TenantOwned, User


class SubjectRequest(TenantOwned):
    class Kind(models.TextChoices):
        ACCESS = "access", _("Inzage (artikel 15 AVG)")
        ERASURE = "erasure", _("Verwijderen (artikel 17 AVG)")

    class SubjectType(models.TextChoices):
        VICTIM = "victim", _("Slachtoffer in een casus")
        STAFF = "staff", _("Lid van de organisatie")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        ANSWERED = "answered", _("Beantwoord")

    kind = models.CharField(_("soort verzoek"), max_length=10, choices=Kind.choices)
    subject_type = models.CharField(_("over wie"), max_length=10, choices=SubjectType.choices)
    # A victim: the case references the person gave (1..n) and the case's pseudonym.
    case_references = models.JSONField(_("kenmerken van casussen"), default=list, blank=True)
    pseudonym = models.CharField(_("schuilnaam"), max_length=100, blank=True)
    # A member: the account. Null for a victim, after retention, or once the account is gone.
    subject_user = models.ForeignKey(
        User, verbose_name=_("lid"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    received_on = models.DateField(_("ontvangen op"))
    due_on = models.DateField(_("uiterste datum"))
    extended_until = models.DateField(_("verlengd tot"), null=True, blank=True)
    extension_reason = models.TextField(_("reden van verlenging"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    handled_by = models.ForeignKey(
        User, verbose_name=_("behandeld door"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    answered_on = models.DateField(_("beantwoord op"), null=True, blank=True)
    answer = models.TextField(_("antwoord"), blank=True)
    # What erasure_apply did and kept: [{"what": ..., "erased": bool, "reason": ...}].
    erasure_result = models.JSONField(_("resultaat van het verwijderen"), default=list, blank=True)
    erasure_done_at = models.DateTimeField(_("verwijderd op"), null=True, blank=True)
    export = models.ForeignKey(
        ExportJob, verbose_name=_("overzicht"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("geregistreerd op"), default=timezone.now)
    reduced_at = models.DateTimeField(_("teruggebracht tot aantallen op"), null=True, blank=True)

    objects: ClassVar[models.Manager[SubjectRequest]]

    class Meta:
        verbose_name = _("privacyverzoek")
        verbose_name_plural = _("privacyverzoeken")
        ordering = ["due_on", "pk"]
        indexes = [
            models.Index(fields=["organisation", "status", "due_on"], name="subjectrequest_org_status_due"),
            # The retention sweep: answered requests not reduced yet, by answer date.
            models.Index(fields=["answered_on"], condition=Q(reduced_at__isnull=True), name="subjectrequest_to_reduce"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(extended_until__isnull=True) | Q(extended_until__gt=models.F("due_on")),
                name="subjectrequest_extension_after_due",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.received_on:%Y-%m-%d})"

    @property
    def final_due_on(self) -> date:
        """The date the answer must be sent by: the extension's, else the first."""
        return self.extended_until or self.due_on

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def is_reduced(self) -> bool:
        return self.reduced_at is not None

    def days_left(self, today: date | None = None) -> int:
        """Days until the final due date (negative: overdue)."""
        return (self.final_due_on - (today or timezone.localdate())).days

    def is_overdue(self, today: date | None = None) -> bool:
        return self.is_open and self.days_left(today) < 0

    def days_late(self, today: date | None = None) -> int:
        """Days past the final due date (0 when it has not passed)."""
        return max(-self.days_left(today), 0)

    def erasure_items(self) -> list[dict[str, Any]]:
        return list(self.erasure_result or [])
