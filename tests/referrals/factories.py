"""Cases for the tests, created outside any scope (django-scopes allows create())."""

from __future__ import annotations

from itertools import count

from django_scopes import scopes_disabled

from referrals.models import Case, CaseEvent, CaseTask

_numbers = count(1)


def make_case(organisation, *, raised_by=None, handler=None, **extra) -> Case:
    values = {
        "reference": f"2026-{next(_numbers):04d}",
        "pseudonym": "J.B.",
        "signal": "Berichten met dreigementen via Snapchat.",
        "facts": {"country": organisation.country},
        **extra,
    }
    with scopes_disabled():
        case = Case.objects.create(organisation=organisation, raised_by=raised_by, handler=handler, **values)
        CaseEvent.objects.create(organisation=organisation, case=case, kind=CaseEvent.Kind.OPENED, actor=raised_by)
    return case


def make_task(organisation, *, case=None, **extra) -> CaseTask:
    case = case or make_case(organisation)
    with scopes_disabled():
        return CaseTask.objects.create(
            organisation=organisation, case=case, title="Bel 112", destination="police_emergency", **extra
        )
