"""The "casussen" export: every case of a school or sports club, one row per case.

A kind of large export (``portal.exports``): who may start it, the form of its
filters, its header and its rows. It registers itself when the app loads
(``ReferralsConfig.ready`` imports this module), in the web process, the Celery
worker and the tests alike.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from django import forms
from django.db import connection
from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.dates import local_date, start_of
from portal.exports import ExportForm, ExportKind, register
from portal.forms import DateRangeMixin, date_field, form_field
from portal.models import Membership, Organisation
from portal.processing_log import Operation, record_many, victim_subject
from portal.roles import Action, OrganisationKind, can
from referrals import workdays
from referrals.cases.forms import FORM_LABELS
from referrals.models import Case, Referral


class CaseExportForm(DateRangeMixin, ExportForm):
    """Filters of the case export; the same names as the dashboard's URL filters."""

    van = date_field(gettext_lazy("Geopend vanaf"), gettext_lazy("Bijvoorbeeld 2026-01-31."))
    tot = date_field(gettext_lazy("Geopend tot en met"), gettext_lazy("Bijvoorbeeld 2026-12-31."))
    vorm = forms.ChoiceField(label=gettext_lazy("Vorm van online dreiging"), required=False)
    status = forms.ChoiceField(label=gettext_lazy("Status"), required=False)
    partner = forms.ChoiceField(label=gettext_lazy("Doorverwezen naar"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        every = ("", gettext_lazy("Alle"))
        form_field(self, "vorm", forms.ChoiceField).choices = [every, *FORM_LABELS.items()]
        form_field(self, "status", forms.ChoiceField).choices = [every, *Case.Status.choices]
        form_field(self, "partner", forms.ChoiceField).choices = [every, *_destinations()]


def _destinations() -> list[tuple[str, str]]:
    """Where this organisation has referred to: one query, inside its scope."""
    seen: dict[str, str] = {}
    for code, label in (
        Referral.objects.filter(sent_at__isnull=False)
        .values_list("destination", "destination_label")
        .distinct()
        .order_by("destination_label", "destination")
    ):
        seen.setdefault(code, label)
    return sorted(seen.items(), key=lambda item: (item[1].casefold(), item[0]))


# --- The "casussen" export ----------------------------------------------------------------


def _may_export_cases(membership: Membership) -> bool:
    """The coordinator of a school or sports club (``CASE_EXPORT``). Case handlers work
    case by case and do not export the whole organisation; a partner's coordinator
    holds the role too, but a partner has no cases of its own."""
    return membership.organisation.kind in (OrganisationKind.SCHOOL, OrganisationKind.SPORTS_CLUB) and can(
        membership, Action.CASE_EXPORT
    )


def _filtered_cases(params: dict[str, Any]) -> QuerySet[Case]:
    """The organisation's cases (in scope) that match the stored filters."""
    cases = Case.objects.all()
    if params.get("van"):
        cases = cases.filter(created_at__gte=start_of(date.fromisoformat(params["van"])))
    if params.get("tot"):
        cases = cases.filter(created_at__lt=start_of(date.fromisoformat(params["tot"]) + timedelta(days=1)))
    if params.get("status"):
        cases = cases.filter(status=params["status"])
    if params.get("vorm"):
        if connection.features.supports_json_field_contains:
            cases = cases.filter(facts__forms__contains=[params["vorm"]])
        else:  # SQLite: the list's JSON text holds the quoted code (codes are [a-z_] only).
            cases = cases.filter(facts__forms__icontains=f'"{params["vorm"]}"')
    if params.get("partner"):
        cases = cases.filter(
            Exists(Referral.objects.filter(case=OuterRef("pk"), destination=params["partner"], sent_at__isnull=False))
        )
    return cases


def _case_header() -> list[str]:
    return [
        _("Kenmerk"),
        _("Geopend op"),
        _("Vorm(en) van online dreiging"),
        _("Status"),
        _("Afgesloten op"),
        _("Uitkomst"),
        _("Doorverwezen naar"),
        _("Werkdagen tot bevestiging"),
    ]


def _case_count(organisation: Organisation, params: dict[str, Any]) -> int:
    return _filtered_cases(params).count()


def _case_rows(organisation: Organisation, params: dict[str, Any]) -> Iterator[list[Any]]:
    """One row per case, oldest first. Two reads side by side, both ordered by case:
    the cases, and their sent referrals (label, sent, acknowledged). Neither is held
    in memory. Never the pseudonym, the signal, notes, summaries or contact details."""
    country = organisation.country
    form_labels = {code: str(label) for code, label in FORM_LABELS.items()}
    status_labels = {value: str(label) for value, label in Case.Status.choices}
    outcome_labels = {value: str(label) for value, label in Case.Outcome.choices}
    cases = _filtered_cases(params)
    case_rows = (
        cases.order_by("pk")
        .values_list("pk", "reference", "created_at", "facts__forms", "status", "closed_at", "outcome")
        .iterator(chunk_size=CHUNK_SIZE)
    )
    referral_rows = (
        Referral.objects.filter(case__in=cases.values("pk"), sent_at__isnull=False)
        .order_by("case_id", "sent_at", "pk")
        .values_list("case_id", "destination_label", "sent_at", "acknowledged_at")
        .iterator(chunk_size=CHUNK_SIZE)
    )
    working_days = lru_cache(maxsize=8192)(
        lambda sent, acknowledged: max(0, workdays.working_days_between(sent, acknowledged, country))
    )
    pending = next(referral_rows, None)
    exported: list[str] = []  # references whose export is not yet in the processing log
    for pk, reference, created_at, forms_list, status, closed_at, outcome in case_rows:
        exported.append(reference)
        if len(exported) >= CHUNK_SIZE:
            _log_exported(organisation, exported)
        while pending is not None and pending[0] < pk:  # a case that left the filter meanwhile
            pending = next(referral_rows, None)
        labels: list[str] = []
        first_ack: int | None = None  # working days until the first referral was acknowledged
        first = True
        while pending is not None and pending[0] == pk:
            _case_id, label, sent_at, acknowledged_at = pending
            if label not in labels:
                labels.append(label)
            # sent_at is never None here (sent_at__isnull=False); the test narrows its type.
            if first and sent_at is not None and acknowledged_at is not None:
                first_ack = working_days(local_date(sent_at), local_date(acknowledged_at))
            first = False
            pending = next(referral_rows, None)
        yield [
            reference,
            local_date(created_at),
            "; ".join(form_labels.get(code, code) for code in (forms_list or []) if isinstance(code, str)),
            status_labels.get(status, status),
            local_date(closed_at) if closed_at else None,
            outcome_labels.get(outcome, outcome) if outcome else "",
            "; ".join(labels),
            first_ack,
        ]
    _log_exported(organisation, exported)


def _log_exported(organisation: Organisation, references: list[str]) -> None:
    """One processing-log entry per exported case (the reference, the kind of threat and
    the outcome are pseudonymous data about the victim), written in one insert per
    chunk; the list is emptied."""
    record_many(
        organisation_id=organisation.pk,
        operation=Operation.EXPORT,
        name="case.export",
        activity="case_handling",
        subjects=[victim_subject(organisation.pk, reference) for reference in references],
    )
    references.clear()


CHUNK_SIZE = 2000

CASES = register(
    ExportKind(
        name="casussen",
        label=gettext_lazy("Alle casussen"),
        may_start=_may_export_cases,
        form_class=CaseExportForm,
        header=_case_header,
        count=_case_count,
        rows=_case_rows,
    )
)
