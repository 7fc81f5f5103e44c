"""The reads of subject access and erasure requests, in the organisation's scope."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Case, Count, IntegerField, QuerySet, Value, When
from django.db.models.functions import Coalesce, ExtractYear

from portal.models import Membership
from privacy.models import SubjectRequest

DUE_SOON_DAYS = 7


def requests_listed() -> QuerySet[SubjectRequest]:
    """The requests that still say whom they are about: open ones first, then by the
    (extended) due date, the earliest first; answered ones after them, newest first."""
    return (
        SubjectRequest.objects.filter(reduced_at__isnull=True)
        .select_related("subject_user")
        .annotate(
            final_due=Coalesce("extended_until", "due_on"),
            open_first=Case(
                When(status=SubjectRequest.Status.OPEN, then=Value(0)), default=Value(1), output_field=IntegerField()
            ),
        )
        .order_by("open_first", "final_due", "pk")
    )


@dataclass(frozen=True)
class ReducedCount:
    year: int
    kind: str
    kind_label: str
    count: int


def reduced_counts() -> list[ReducedCount]:
    """Requests past their retention, counted per year of receipt and kind (only counts remain)."""
    labels = dict(SubjectRequest.Kind.choices)
    rows = (
        SubjectRequest.objects.filter(reduced_at__isnull=False)
        .annotate(year=ExtractYear("received_on"))
        .values("year", "kind")
        .annotate(count=Count("pk"))
        .order_by("-year", "kind")
    )
    return [
        ReducedCount(
            year=row["year"], kind=row["kind"], kind_label=str(labels.get(row["kind"], row["kind"])), count=row["count"]
        )
        for row in rows
    ]


def due_soon_count(today: date) -> int:
    """Open requests whose (extended) due date is within ``DUE_SOON_DAYS`` days, or past."""
    return (
        SubjectRequest.objects.annotate(final_due=Coalesce("extended_until", "due_on"))
        .filter(status=SubjectRequest.Status.OPEN, final_due__lte=today + timedelta(days=DUE_SOON_DAYS))
        .count()
    )


def members_to_choose() -> QuerySet[Membership]:
    """The organisation's members (also those no longer active), by name: whom a request can be about."""
    return Membership.objects.select_related("user").order_by("user__first_name", "user__last_name", "user__email")
