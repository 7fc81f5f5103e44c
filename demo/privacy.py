"""Demo privacy requests in OBS De Regenboog. Called from ``seed_demo`` after the demo
cases exist; idempotent (nothing is made when the school has requests already).

Made through the services by the demo coordinator, as the pages would:

* an open access request (art. 15) about Demo-C's victim, received 25 days ago, so its
  due date is a few days away: it stands on the start page ("binnen 7 dagen af") and
  its reminder is planned;
* an answered erasure request (art. 17) about Demo-B's victim: the case is still open,
  so the erasure plan keeps everything (the help is still going on) and the answer
  says so. It is only applied when the plan erases nothing, so seeding never deletes a
  demo case.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.utils import timezone
from django_scopes import scope, scopes_disabled

from demo.cases import DEMO_ORGANISATION
from portal.models import Membership, Organisation
from portal.roles import Role
from privacy.erasure import erasure_plan
from privacy.models import SubjectRequest
from privacy.requests import services
from privacy.subject_data import VictimSubject
from referrals.models import Case

DEMO_COORDINATOR = "coordinator@demo.veilig-online.nl"
ACCESS_RECEIVED_DAYS_AGO = 25
ERASURE_RECEIVED_DAYS_AGO = 40
ERASURE_ANSWERED_DAYS_AGO = 20


def _victim(case: Case) -> VictimSubject:
    return VictimSubject(case_references=(case.reference,), pseudonym=case.pseudonym)


def seed_privacy_demo(*, today: date | None = None) -> int:
    """Make the demo's two requests; returns how many were made now (0 on a second run,
    or when the demo school, its coordinator or the cases Demo-B/Demo-C are missing)."""
    today = today or timezone.localdate()
    with scopes_disabled():
        school = Organisation.objects.filter(slug=DEMO_ORGANISATION, is_active=True).first()
        coordinator = (
            Membership.objects.select_related("user", "organisation")
            .filter(organisation=school, user__email=DEMO_COORDINATOR, role=Role.ORG_COORDINATOR, is_active=True)
            .first()
            if school
            else None
        )
    if school is None or coordinator is None:
        return 0
    with scope(organisation=school):
        if SubjectRequest.objects.exists():
            return 0
        cases = {case.pseudonym: case for case in Case.objects.filter(pseudonym__in=["Demo-B", "Demo-C"])}
        if len(cases) < 2:
            return 0
        services.subject_request_register(
            organisation=school,
            actor_membership=coordinator,
            kind=SubjectRequest.Kind.ACCESS,
            person=_victim(cases["Demo-C"]),
            received_on=today - timedelta(days=ACCESS_RECEIVED_DAYS_AGO),
            today=today,
        )
        erasure = services.subject_request_register(
            organisation=school,
            actor_membership=coordinator,
            kind=SubjectRequest.Kind.ERASURE,
            person=_victim(cases["Demo-B"]),
            received_on=today - timedelta(days=ERASURE_RECEIVED_DAYS_AGO),
            today=today,
        )
        if not any(item.erased for item in erasure_plan(organisation=school, subject=_victim(cases["Demo-B"]))):
            services.subject_request_erase(request=erasure, actor_membership=coordinator)
            # The demo's history: the erasure was applied the day before the answer.
            applied = timezone.make_aware(
                datetime.combine(today - timedelta(days=ERASURE_ANSWERED_DAYS_AGO + 1), time(10, 0))
            )
            SubjectRequest.objects.filter(pk=erasure.pk).update(erasure_done_at=applied)
            erasure.refresh_from_db()
        services.subject_request_answer(
            request=erasure,
            actor_membership=coordinator,
            answer=(
                "De ouder gebeld en per brief geantwoord: de casus loopt nog, daarom blijven de gegevens "
                "bewaard tot de hulp klaar is. Daarna worden ze na de bewaartermijn gewist."
            ),
            answered_on=today - timedelta(days=ERASURE_ANSWERED_DAYS_AGO),
            today=today,
        )
    return 2
