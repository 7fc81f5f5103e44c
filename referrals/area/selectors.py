"""Reads for the municipality's pages: the referrals in its area and its local
directory (social map). Run inside the municipality's scope (TenantMiddleware).

A municipal coordinator never sees victim data. The referral queries here load
only the fields in ``AREA_FIELDS``: no case, no pseudonym, no summary, no decline
reason (only whether one was given), no messages. Pages get ``AreaReferral``
rows, not model instances, so a template cannot reach anything else.

Each selector owns its select_related, so a page costs the same queries for 5
rows or 500.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any

from django.db.models import BooleanField, ExpressionWrapper, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy

from portal.models import Organisation
from referrals import selectors, workdays
from referrals.cases.referral_services import ACTIVE_STATUSES
from referrals.models import LocalDestination, LocalRule, Referral

# A sent referral the partner has not acknowledged after this many working days is
# escalated on the municipality's list (besides one with ``escalated_at`` set).
ESCALATE_AFTER_WORKING_DAYS = 5

S = Referral.Status

# The only referral fields these pages read.
AREA_FIELDS = (
    "id",
    "organisation__name",
    "municipality",
    "destination",
    "destination_label",
    "status",
    "outcome",
    "redirected_from",
    "created_at",
    "sent_at",
    "acknowledged_at",
    "decided_at",
    "closed_at",
    "escalated_at",
)


@dataclass(frozen=True)
class AreaReferral:
    """What the municipality may see of one referral."""

    pk: int
    referrer: str
    destination: str
    destination_label: str
    status: str
    status_label: str
    outcome: str
    outcome_label: str
    created_at: datetime
    sent_at: datetime | None
    acknowledged_at: datetime | None
    decided_at: datetime | None
    closed_at: datetime | None
    escalated_at: datetime | None
    decline_reason_given: bool
    redirected_from_id: int | None
    waiting_days: int | None  # working days from sending to acknowledgement (or closing, or now)
    overdue: bool  # sent, not acknowledged after ESCALATE_AFTER_WORKING_DAYS working days

    @property
    def label(self) -> str:
        """A label that names the referral without naming the case: ``D-<id>``."""
        return f"D-{self.pk}"

    @property
    def escalated(self) -> bool:
        return self.escalated_at is not None or self.overdue

    @property
    def is_active(self) -> bool:
        """Under way (not a draft, not closed): it can still be redirected."""
        return self.status in ACTIVE_STATUSES

    @property
    def decision(self) -> str:
        """'accepted', 'declined' or '' (decided, but no longer known which)."""
        if self.decided_at is None:
            return ""
        if self.status == S.ACCEPTED:
            return "accepted"
        if self.status == S.DECLINED or self.decline_reason_given or self.outcome == Referral.Outcome.DECLINED:
            return "declined"
        return ""


def _outcome(value: str) -> str:
    return str(Referral.Outcome(value).label) if value in Referral.Outcome.values else ""


def _queryset() -> QuerySet[Referral]:
    return (
        Referral.in_area.select_related("organisation")
        .only(*AREA_FIELDS)
        .annotate(
            decline_reason_given=ExpressionWrapper(~Q(decline_reason=""), output_field=BooleanField()),
        )
    )


def area_referrals() -> QuerySet[Referral]:
    """The referrals in the municipality's area, drafts left out, newest sent first."""
    return _queryset().exclude(status=S.DRAFT).order_by("-sent_at", "-pk")


def area_referral_lookup() -> QuerySet[Referral]:
    """The referrals a detail page may show: those of the list, and the drafts the
    municipality made itself by redirecting (they wait for the case handler)."""
    return _queryset().filter(~Q(status=S.DRAFT) | Q(redirected_from__isnull=False))


def _local(moment: datetime) -> Any:
    return timezone.localtime(moment).date()


def overdue_cutoff(now: datetime, country: str) -> datetime:
    """Referrals sent before this moment have waited at least
    ``ESCALATE_AFTER_WORKING_DAYS`` working days by ``now`` (in the portal's time zone)."""
    day = _local(now)
    counted = 0
    while counted < ESCALATE_AFTER_WORKING_DAYS:
        if workdays.is_working_day(day, country):
            counted += 1
        day -= timedelta(days=1)
    # ``day`` is the last date from which that many working days have passed.
    return datetime.combine(day + timedelta(days=1), time.min, tzinfo=timezone.get_current_timezone())


def escalated_q(now: datetime, country: str) -> Q:
    """The same test as ``AreaReferral.escalated``, for the database."""
    return Q(escalated_at__isnull=False) | Q(status=S.SENT, sent_at__lt=overdue_cutoff(now, country))


def filter_referrals(
    referrals: QuerySet[Referral],
    *,
    status: str = "",
    destination: str = "",
    organisation: int | None = None,
    escalated: bool = False,
    now: datetime | None = None,
    country: str = "NL",
) -> QuerySet[Referral]:
    """Apply the list's filters (already validated by the filter form)."""
    if status:
        referrals = referrals.filter(status=status)
    if destination:
        referrals = referrals.filter(destination=destination)
    if organisation is not None:
        referrals = referrals.filter(organisation_id=organisation)
    if escalated:
        referrals = referrals.filter(escalated_q(now or timezone.now(), country))
    return referrals


def area_row(referral: Referral, *, now: datetime, country: str) -> AreaReferral:
    waiting = overdue = None
    if referral.sent_at is not None:
        end = referral.acknowledged_at or referral.closed_at or now
        waiting = workdays.working_days_between(_local(referral.sent_at), _local(end), country)
    overdue = referral.status == S.SENT and waiting is not None and waiting >= ESCALATE_AFTER_WORKING_DAYS
    return AreaReferral(
        pk=referral.pk,
        referrer=referral.organisation.name,
        destination=referral.destination,
        destination_label=referral.destination_label,
        status=referral.status,
        status_label=str(Referral.Status(referral.status).label),
        outcome=referral.outcome,
        outcome_label=_outcome(referral.outcome),
        created_at=referral.created_at,
        sent_at=referral.sent_at,
        acknowledged_at=referral.acknowledged_at,
        decided_at=referral.decided_at,
        closed_at=referral.closed_at,
        escalated_at=referral.escalated_at,
        decline_reason_given=bool(referral.decline_reason_given),  # type: ignore[attr-defined]
        redirected_from_id=referral.redirected_from_id,
        waiting_days=waiting,
        overdue=overdue,
    )


def area_rows(referrals: Any, *, now: datetime | None = None, country: str) -> list[AreaReferral]:
    now = now or timezone.now()
    return [area_row(referral, now=now, country=country) for referral in referrals]


def filter_choices() -> tuple[list[tuple[str, str]], list[tuple[int, str]]]:
    """The destinations and the referring organisations that occur in the area's
    referrals (drafts left out), sorted by name: two queries."""
    referrals = Referral.in_area.exclude(status=S.DRAFT).order_by()
    destinations: dict[str, str] = {}
    for code, label in referrals.values_list("destination", "destination_label").distinct():
        destinations.setdefault(code, label)
    organisations = dict(referrals.values_list("organisation_id", "organisation__name").distinct())
    return (
        sorted(destinations.items(), key=lambda item: (item[1].casefold(), item[0])),
        sorted(organisations.items(), key=lambda item: (item[1].casefold(), item[0])),
    )


def related_referrals(row: AreaReferral, *, now: datetime | None = None, country: str) -> dict[str, Any]:
    """For a detail page: the referral it was redirected from, and those it was
    redirected to (normally one), both in the area: one query."""
    lookup = Q(redirected_from_id=row.pk)
    if row.redirected_from_id is not None:
        lookup |= Q(pk=row.redirected_from_id)
    rows = area_rows(_queryset().filter(lookup).order_by("created_at", "pk"), now=now, country=country)
    return {
        "redirected_from": next((r for r in rows if r.pk == row.redirected_from_id), None),
        "redirected_to": [r for r in rows if r.redirected_from_id == row.pk],
    }


def redirect_choices(municipality: Organisation, *, exclude: str = "") -> list[tuple[str, str]]:
    """Where the municipality may redirect a referral to: the ``referral``
    destinations of its rule set for its country (its own local ones included),
    sorted by name, without ``exclude`` (the current destination)."""
    rule_set = selectors.rule_set_for_municipality(municipality)
    choices = [
        (code, destination.label_for(municipality.country))
        for code, destination in rule_set.destinations.items()
        if destination.kind == "referral" and destination.country in (None, municipality.country) and code != exclude
    ]
    return sorted(choices, key=lambda item: (item[1].casefold(), item[0]))


# --- The local directory ------------------------------------------------------------


KIND_LABELS = {
    "referral": gettext_lazy("Doorverwijzen: neemt de hulp over"),
    "action": gettext_lazy("Actie: iets wat de school of club zelf doet"),
    "advice": gettext_lazy("Advies: informatie of een adviesnummer"),
}


@dataclass(frozen=True)
class DirectoryEntry:
    destination: LocalDestination
    used_by: tuple[str, ...]  # slugs of local rules that send cases to it

    @property
    def kind_label(self) -> str:
        return str(KIND_LABELS.get(self.destination.kind, self.destination.kind))

    @property
    def has_contact(self) -> bool:
        d = self.destination
        return any((d.phone, d.email, d.url, d.address, d.opening_hours))


def _rule_destinations(rule: object) -> set[str]:
    outcomes = rule.get("outcomes") if isinstance(rule, dict) else None
    if not isinstance(outcomes, list):
        return set()
    return {str(o.get("destination")) for o in outcomes if isinstance(o, dict)}


def directory() -> list[DirectoryEntry]:
    """The municipality's own destinations, each with the local rules that use it: two queries."""
    rules = [
        (slug, _rule_destinations(rule))
        for slug, rule in LocalRule.objects.order_by("slug").values_list("slug", "rule")
    ]
    return [
        DirectoryEntry(
            destination=destination,
            used_by=tuple(slug for slug, targets in rules if f"local:{destination.code}" in targets),
        )
        for destination in LocalDestination.objects.order_by("label", "code")
    ]
