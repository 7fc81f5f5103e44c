"""A year of anonymous case history for the demo municipality, so its dashboards
show real numbers. Called from ``seed_demo`` after the demo cases
(``demo.cases``) and before the rollups are refreshed; idempotent.

``seed_case_history()`` adds, to the schools and clubs under the demo
municipality (whichever ``demo.accounts`` made, found the way ``demo.cases``
finds them):

* about 18 cases a month over the last ``months`` months (fewer in school
  holidays and at weekends, a slowly growing trend), with facts built from the
  real form codes and the routing engine's real advice (the municipality's local
  rules included). Older cases are closed; recent ones are still open.
* referrals to the destinations in that advice (the demo partners on the portal,
  and the municipality's own local destination), each with its consent and the
  sent / acknowledged / decided / closed moments and outcomes; a few escalations.
* the chronology (``CaseEvent``) of every case.
* a small staff of made-up learners (e-mail ``…@historie.demo.veilig-online.test``,
  no usable password) for the schools and clubs without training assigned to a
  whole role, with their own assignments, attempts and certificates, so training
  completion is neither 0% nor 100% everywhere. The demo school keeps only its demo
  people: its role-wide assignments (``demo.training``) send reminders, and those
  must not go to made-up people.
* the demo case handler handles the history of the demo school; schools and clubs
  without a case handler get cases without one (as after a handler left).

Nothing in it is about a real or a made-up person: every victim field is empty
(pseudonym, signal, impressions, wishes, referral summaries, decline reasons; no
contact details, notes, evidence or partner messages). A closed case past its
organisation's retention period is anonymised as retention would have done it.
The references start with ``H-`` (``H-2026-0001``); that marks the history, and a
second run that finds it does nothing.

No reminders: history cases get no follow-ups, referrals no partner reminders or
escalations, assignments and certificates no training reminders. The demo's own
reminder (``demo.cases``) stays the only one the demo sends.

Counts are planned, not left to chance, so that the municipal dashboard shows
exact numbers in its default view (the last 12 months): every month, form,
organisation, destination, outcome and acknowledgement row has 0 or at least 5.
The one exception, on purpose, is the number of escalated referrals (3: shown as
"<5", which also leaves out the escalations column of the comparison): the demo
shows small-number suppression at work. Filtering on one organisation, one form or
a short period shows more of it. The referrals still waiting for acknowledgement
are sent on the same day as the demo's own waiting referral (Demo-D), so the
waiting-time row stays exact as the days pass.
"""

from __future__ import annotations

import calendar
import json
import math
import random
from bisect import bisect
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from itertools import accumulate
from typing import Any

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django_scopes import scopes_disabled

from demo.cases import DEMO_HANDLER, DEMO_MUNICIPALITY, DEMO_ORGANISATION
from demo.scale import (
    CLOSE_OUTCOMES,
    FIRST_NAMES,
    FORM_WEIGHTS,
    LAST_NAMES,
    _holiday_factor,
    _spread,
    threat_facts,
)
from messaging.models import NotificationKind
from portal.models import Membership, Organisation, User
from portal.roles import OrganisationKind, Role
from referrals import chronology, selectors
from referrals.models import (
    Case,
    CaseEvent,
    DeletionLog,
    OrganisationCaseSettings,
    Referral,
    ReferralConsent,
)
from referrals.routing import Facts, parse_facts, route
from referrals.routing.vocabulary import WISHES
from referrals.services import FACTS_KEPT_AFTER_ANONYMISING, _months_before
from referrals.workdays import add_working_days
from training.models import CODE_ALPHABET, CODE_LENGTH, Assignment, Certificate, ModuleAttempt
from training.selectors import modules_for_organisation

EV = CaseEvent.Kind
RS = Referral.Status
RO = Referral.Outcome
REFERENCE_PREFIX = "H-"
STAFF_DOMAIN = "historie.demo.veilig-online.test"
CASES_PER_MONTH = 18
MIN_CASES_PER_MONTH = 8  # a month of the trend never falls under 5, also after a month has passed
MIN_CASES_PER_FORM = 8
REFERRAL_SHARE = 0.45  # of the routed cases
SECOND_REFERRAL_SHARE = 0.15
WAITING = 5  # referrals still waiting for acknowledgement, all sent on one day
ESCALATED = 3  # on purpose below 5: the demo shows "<5"
MIN_PER_DESTINATION = 6
OLD_DAYS = 90  # cases and referrals older than this are closed
# Referrals with a planned end, taken from those sent 3 weeks to 10 months ago (not
# the oldest month, so the counts stay at 5 or more when the window moves on).
QUOTAS = (
    ("withdrawn", 6),  # closed by the referrer before the partner acknowledged
    ("escalated", ESCALATED),  # acknowledged after 6–10 working days
    ("late", 6),  # acknowledged after 3–5 working days
    ("declined", 7),
    ("victim_stopped", 6),
    ("no_contact", 6),
    ("referred_on", 6),
)
PARTNER_QUOTAS = ("withdrawn", "late", "declined")
DEMO_SCHOOL_MIN_PER_MONTH = 6
PLANNED_OUTCOMES = {"victim_stopped": RO.VICTIM_STOPPED, "no_contact": RO.NO_CONTACT, "referred_on": RO.REFERRED_ON}
STAFF_PER_KIND: dict[str, int] = {OrganisationKind.SCHOOL: 16, OrganisationKind.SPORTS_CLUB: 9}
ORG_WEIGHTS: dict[str, float] = {OrganisationKind.SCHOOL: 1.0, OrganisationKind.SPORTS_CLUB: 0.45}
SECONDARY_WORDS = ("college", "lyceum", "scholengemeenschap", "atheneum", "instituut")
HOUR_WEIGHTS = list(accumulate((1, 0.5, 0.3, 0.2, 0.2, 0.3, 1, 3, 8, 10, 10, 9, 8, 9, 10, 9, 7, 5, 4, 4, 3, 3, 2, 1.5)))
WEEKDAY_WEIGHTS = (1.15, 1.05, 1.0, 1.0, 0.95, 0.35, 0.4)


@dataclass
class _Org:
    organisation: Organisation
    handler: User | None
    raisers: list[User]
    ages: tuple[int, int]
    retention_months: int


@dataclass
class _Referral:
    destination: str
    urgency: str
    category: str = ""
    drafted: datetime | None = None
    sent: datetime | None = None
    acknowledged: datetime | None = None
    decided: datetime | None = None
    closed: datetime | None = None
    escalated: datetime | None = None
    status: str = RS.SENT
    outcome: str = ""
    decision: str = ""

    @property
    def drafted_at(self) -> datetime:
        """``drafted``, once planned (every referral is drafted before it is written)."""
        if self.drafted is None:
            raise ValueError(f"referral to {self.destination} has no draft moment")
        return self.drafted

    @property
    def sent_at(self) -> datetime:
        """``sent``, once planned (every referral is sent before it is written)."""
        if self.sent is None:
            raise ValueError(f"referral to {self.destination} has no send moment")
        return self.sent


@dataclass
class _Case:
    org: _Org
    created: datetime
    facts: dict[str, Any]
    raised_by: User | None
    advice: dict[str, Any] | None = None
    routed: datetime | None = None
    consent_at: datetime | None = None
    referrals: list[_Referral] = field(default_factory=list)
    closed: datetime | None = None
    outcome: str = ""
    anonymised: datetime | None = None

    @property
    def routed_at(self) -> datetime:
        """``routed``, for a case that has its advice."""
        if self.routed is None:
            raise ValueError("case has no advice")
        return self.routed

    @property
    def referral_options(self) -> list[tuple[str, str]]:
        return [
            (r["destination"], r.get("urgency", "normal"))
            for r in (self.advice or {}).get("recommendations", [])
            if r.get("kind") == "referral"
        ]


def history_exists(organisations: list[Organisation]) -> bool:
    with scopes_disabled():
        return Case.objects.filter(organisation__in=organisations, reference__startswith=REFERENCE_PREFIX).exists()


def demo_area() -> tuple[Organisation | None, list[Organisation]]:
    """The demo municipality and its active schools and clubs (by slug, oldest first)."""
    with scopes_disabled():
        municipality = Organisation.objects.filter(slug=DEMO_MUNICIPALITY, is_active=True).first()
        if municipality is None:
            return None, []
        organisations = list(
            Organisation.objects.select_related("parent")
            .filter(
                parent=municipality,
                kind__in=[OrganisationKind.SCHOOL, OrganisationKind.SPORTS_CLUB],
                is_active=True,
            )
            .order_by("pk")
        )
    return municipality, organisations


@scopes_disabled()
def seed_case_history(*, months: int = 12, seed: int = 7, now: datetime | None = None) -> int:
    """Add the anonymous history to the demo municipality's schools and clubs.

    Returns the number of cases made: 0 when the demo organisations are missing or
    the history is there already (references ``H-…``). One transaction; the same
    ``seed`` and ``now`` give the same history. Plans no reminders.
    """
    if months < 1:
        raise ValueError("months must be at least 1")
    now = now or timezone.now()
    municipality, organisations = demo_area()
    if municipality is None or not organisations or history_exists(organisations):
        return 0
    rng = random.Random(seed)  # noqa: S311 - made-up data, not secrets
    with transaction.atomic():
        staff = _staff(rng, organisations, now)
        orgs = _orgs(organisations, staff)
        cases = _cases(rng, orgs, municipality, months=months, now=now)
        _plan_referrals(rng, cases, now=now, anchor=_waiting_anchor(organisations, now))
        for case in cases:
            _close(rng, case, now)
        _write(rng, cases, municipality, now)
        _training(rng, organisations, staff, now)
    return len(cases)


# --- Staff ---------------------------------------------------------------------------------


def _staff(rng: random.Random, organisations: list[Organisation], now: datetime) -> dict[int, list[User]]:
    """Learners for each school or club without assignments for a whole role. The demo
    school has those (``demo.training``) with their reminders: its learners stay the demo's
    own, so no reminder of the demo goes to history staff."""
    role_wide = set(
        Assignment.objects.filter(organisation__in=organisations, membership__isnull=True).values_list(
            "organisation_id", flat=True
        )
    )
    password = make_password(None)
    planned: list[tuple[Organisation, User]] = []
    for org in organisations:
        if org.pk in role_wide:
            continue
        for number in range(1, STAFF_PER_KIND.get(org.kind, 0) + 1):
            user = User(
                email=f"{org.slug}.{number:02d}@{STAFF_DOMAIN}",
                first_name=rng.choice(FIRST_NAMES),
                last_name=rng.choice(LAST_NAMES),
                password=password,
                date_joined=now - timedelta(days=rng.randint(200, 900)),
            )
            planned.append((org, user))
    existing = set(User.objects.filter(email__in=[u.email for _o, u in planned]).values_list("email", flat=True))
    planned = [(o, u) for o, u in planned if u.email not in existing]
    User.objects.bulk_create([u for _o, u in planned])
    users = {u.email: u for u in User.objects.filter(email__in=[u.email for _o, u in planned])}
    Membership.objects.bulk_create(
        Membership(organisation=o, user=users[u.email], role=Role.LEARNER, created_at=users[u.email].date_joined)
        for o, u in planned
    )
    staff: dict[int, list[User]] = {}
    for org, user in planned:
        staff.setdefault(org.pk, []).append(users[user.email])
    return staff


def _orgs(organisations: list[Organisation], staff: dict[int, list[User]]) -> list[_Org]:
    handlers: dict[int, User] = {}
    for membership in (
        Membership.objects.select_related("user")
        .filter(organisation__in=organisations, role=Role.CASE_HANDLER, is_active=True)
        .order_by("pk")
    ):
        current = handlers.get(membership.organisation_id)
        if current is None or membership.user.email == DEMO_HANDLER:
            handlers[membership.organisation_id] = membership.user
    retention = dict(
        OrganisationCaseSettings.objects.filter(organisation__in=organisations).values_list(
            "organisation_id", "retention_months"
        )
    )
    default_retention = OrganisationCaseSettings._meta.get_field("retention_months").default
    result = []
    for org in organisations:
        handler = handlers.get(org.pk)
        if org.kind == OrganisationKind.SPORTS_CLUB:
            ages = (9, 17)
        elif any(word in org.name.lower() for word in SECONDARY_WORDS):
            ages = (12, 18)
        else:
            ages = (8, 12)
        # Signals come from the staff; where the demo has its own people, from the case
        # handler (so the demo teacher's own list of signals stays hers).
        raisers = staff.get(org.pk) or ([handler] if handler else [])
        result.append(_Org(org, handler, raisers, ages, retention.get(org.pk, default_retention)))
    return result


# --- Cases ---------------------------------------------------------------------------------


def _month_start(day: date, offset: int) -> date:
    index = day.year * 12 + day.month - 1 + offset
    return date(index // 12, index % 12 + 1, 1)


def _aware(day: date, hour: int = 0, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def _month_counts(months: int, now: datetime) -> list[tuple[date, date, int]]:
    """(first day, last day, number of cases) per month, oldest first. The current
    month gets its share of the days so far (at least ``MIN_CASES_PER_MONTH`` once a
    day has passed, none before)."""
    today = timezone.localtime(now).date()
    spans = []
    for offset in range(1 - months, 1):
        first = _month_start(today, offset)
        last = min(_month_start(today, offset + 1) - timedelta(days=1), today)
        days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
        trend = 0.75 + 0.5 * (offset + months - 1) / max(months - 1, 1)
        weight = trend * sum(_holiday_factor(d) for d in days) / 30
        spans.append((first, last, weight))
    full = spans[:-1]
    counts = _spread(round(CASES_PER_MONTH * sum(w for *_d, w in full)), [w for *_d, w in full], MIN_CASES_PER_MONTH)
    first, last, weight = spans[-1]
    current = 0 if today == first else max(MIN_CASES_PER_MONTH, round(CASES_PER_MONTH * weight))
    return [(f, la, n) for (f, la, _w), n in zip(full, counts, strict=True)] + [(first, last, current)]


def _moment(rng: random.Random, first: date, last: date, latest: datetime) -> datetime:
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    weights = [WEEKDAY_WEIGHTS[d.weekday()] * _holiday_factor(d) for d in days]
    day = rng.choices(days, weights=weights)[0]
    hour = bisect(HOUR_WEIGHTS, rng.random() * HOUR_WEIGHTS[-1])
    moment = _aware(day, hour, rng.randrange(60))
    return min(moment, latest - timedelta(minutes=rng.randint(60, 600)))


def _facts(rng: random.Random, org: _Org, main: str) -> dict[str, Any]:
    """Facts as the intake wizard stores them (field order of ``Facts``), as in ``demo.scale``."""
    forms = {main}
    if rng.random() < 0.25:
        forms.add(rng.choices(list(FORM_WEIGHTS), weights=list(FORM_WEIGHTS.values()))[0])
    values: dict[str, Any] = {"country": org.organisation.country, "forms": sorted(forms)}
    age = None
    if rng.random() >= 0.07:
        low, high = org.ages
        if org.organisation.kind == OrganisationKind.SPORTS_CLUB and rng.random() < 0.2:
            low, high = 18, 40
        age = rng.randint(low, high)
        values["victim_age"] = age
    images = threat_facts(rng, values, forms, age)
    if images:
        values["intimate_images"] = True
        values["images_online"] = rng.random() < 0.5
    if rng.random() < 0.7:
        values["victim_wishes"] = sorted(set(rng.choices(WISHES, weights=(3, 1, 1, 2, 2, 6), k=rng.randint(1, 2))))
    return {name: values[name] for name in Facts._fields if name in values}


def _cases(
    rng: random.Random, orgs: list[_Org], municipality: Organisation, *, months: int, now: datetime
) -> list[_Case]:
    # Per month, how many cases each organisation gets: by its weight, and at least
    # ``DEMO_SCHOOL_MIN_PER_MONTH`` for the demo school, whose coordinator is a demo login.
    weights = [ORG_WEIGHTS.get(o.organisation.kind, 0.5) for o in orgs]
    plan = []
    for first, last, count in _month_counts(months, now):
        per_org = _spread(count, weights)
        for index, org in enumerate(orgs):
            if count and org.organisation.slug == DEMO_ORGANISATION:
                per_org[index] = max(per_org[index], DEMO_SCHOOL_MIN_PER_MONTH)
        plan.append((first, last, [org for org, n in zip(orgs, per_org, strict=True) for _i in range(n)]))
    total = sum(len(month_orgs) for *_d, month_orgs in plan)
    forms = [
        form
        for form, n in zip(
            FORM_WEIGHTS, _spread(total, list(FORM_WEIGHTS.values()), min(MIN_CASES_PER_FORM, total // 11)), strict=True
        )
        for _i in range(n)
    ]
    rng.shuffle(forms)
    rule_set = selectors.rule_set_for_municipality(municipality)
    advice: dict[str, dict[str, Any]] = {}
    cases: list[_Case] = []
    for first, last, month_orgs in plan:
        for org in month_orgs:
            created = _moment(rng, first, last, now)
            facts = _facts(rng, org, forms[len(cases)])
            case = _Case(
                org=org, created=created, facts=facts, raised_by=rng.choice(org.raisers) if org.raisers else None
            )
            routed = created + timedelta(minutes=min(rng.expovariate(1 / 480), 3 * 1440) + 15)
            if routed < now and rng.random() < 0.96:
                key = json.dumps(facts, sort_keys=True)
                if key not in advice:
                    advice[key] = route(parse_facts(facts), rule_set).as_dict()
                case.advice, case.routed = advice[key], routed
                case.consent_at = created + (routed - created) * rng.uniform(0.3, 0.9)
            cases.append(case)
    cases.sort(key=lambda c: c.created)
    return cases


# --- Referrals -----------------------------------------------------------------------------


def _waiting_anchor(organisations: list[Organisation], now: datetime) -> datetime:
    """When the history's waiting referrals are sent: the day of the latest referral in
    the area still waiting for acknowledgement (the demo's Demo-D), else today."""
    latest = (
        Referral.objects.filter(
            organisation__in=organisations, status=RS.SENT, acknowledged_at__isnull=True, sent_at__isnull=False
        )
        .order_by("-sent_at")
        .values_list("sent_at", flat=True)
        .first()
    )
    return min(latest, now) if latest is not None else now


def _at_work(rng: random.Random, day: date) -> datetime:
    return _aware(day, rng.randint(8, 16), rng.randrange(60))


def _plan_referrals(rng: random.Random, cases: list[_Case], *, now: datetime, anchor: datetime) -> None:
    """Which cases are referred where, and how each referral went (see the module's docstring)."""
    candidates = [c for c in cases if c.routed is not None and c.referral_options]
    budget = round(REFERRAL_SHARE * sum(1 for c in cases if c.routed is not None))
    named: dict[str, int] = {}
    for case in candidates:
        for destination, _urgency in case.referral_options:
            named[destination] = named.get(destination, 0) + 1
    common = max(named, key=lambda d: (named[d], d)) if named else ""
    counts: dict[str, int] = {}

    def refer(case: _Case, destination: str, category: str = "") -> _Referral:
        referral = _Referral(destination, dict(case.referral_options)[destination], category)
        case.referrals.append(referral)
        counts[destination] = counts.get(destination, 0) + 1
        return referral

    # The waiting ones: the latest cases routed before the anchor, sent on the anchor's
    # day to the destination most advice names.
    day_start = _aware(timezone.localtime(anchor).date())
    waiting = [
        c
        for c in reversed(candidates)
        if c.routed_at < anchor - timedelta(minutes=20) and common in dict(c.referral_options)
    ][:WAITING]
    for case in waiting:
        earliest = max(case.routed_at + timedelta(minutes=5), day_start)
        referral = refer(case, common, "waiting")
        referral.sent = earliest + (anchor - earliest) * rng.uniform(0.1, 0.9)
        referral.drafted = max(referral.sent - timedelta(minutes=rng.randint(10, 60)), case.routed_at)

    # The other destinations first: each gets enough referrals, or none at all.
    free = [c for c in candidates if not c.referrals and c.routed_at < now - timedelta(days=2)]
    rng.shuffle(free)
    for destination in sorted(d for d in named if d != common):
        eligible = [c for c in free if not c.referrals and destination in dict(c.referral_options)]
        if len(eligible) >= MIN_PER_DESTINATION:
            for case in eligible[: MIN_PER_DESTINATION + rng.randint(0, 2)]:
                refer(case, destination)
    active = {d for d, n in counts.items() if n >= MIN_PER_DESTINATION} | {common}
    # Then up to the budget, to the first destination of the advice that is in use; a
    # few cases get a second referral.
    referred = sum(1 for c in cases if c.referrals)
    for case in free:
        if referred >= budget:
            break
        options = [d for d, _u in case.referral_options if d in active]
        if case.referrals or not options:
            continue
        refer(case, options[0])
        referred += 1
    for case in free:
        if case.referrals and rng.random() < SECOND_REFERRAL_SHARE:
            taken = {r.destination for r in case.referrals}
            others = [d for d, _u in case.referral_options if d not in taken and d in active]
            if others:
                refer(case, rng.choice(others))

    # Moments: drafted after the advice, sent a little later (after consent).
    for case in free:
        drafted = case.routed_at + timedelta(minutes=max(rng.expovariate(1 / 1440), 10))
        for referral in case.referrals:
            referral.drafted = min(drafted, now - timedelta(days=1, minutes=rng.randint(0, 600)))
            referral.sent = referral.drafted + timedelta(minutes=rng.uniform(6, 90))
            drafted += timedelta(days=rng.uniform(0.1, 3))

    # Planned ends for referrals from the middle of the period; the rest in time and mostly helped.
    middle = [r for c in free for r in c.referrals if now - timedelta(days=300) < r.sent_at < now - timedelta(days=21)]
    rng.shuffle(middle)
    for category, quota in QUOTAS:
        # Some from the demo partner's referrals, so its own dashboard shows them too.
        own = [r for r in middle if r.destination == common and not r.category]
        pool = own if category in PARTNER_QUOTAS and len(own) >= quota else [r for r in middle if not r.category]
        if len(pool) >= quota:
            for referral in pool[:quota]:
                referral.category = category
    for case in free:
        for referral in case.referrals:
            _walk(rng, referral, case.org.organisation.country, now)


def _walk(rng: random.Random, r: _Referral, country: str, now: datetime) -> None:
    """The referral's lifecycle after sending, up to ``now``. A referral with a planned
    end (``category``) reaches it before ``now``."""
    sent = r.sent
    assert sent is not None
    sent_day = timezone.localtime(sent).date()
    if r.category == "withdrawn":
        r.status, r.outcome = RS.CLOSED, RO.WITHDRAWN
        r.closed = _at_work(rng, add_working_days(sent_day, rng.randint(1, 4), country))
        return
    if r.category == "escalated":
        wait = rng.choice((6, 7, 8, 10))
        r.escalated = add_working_days(timezone.localtime(sent), 5, country) + timedelta(minutes=rng.randint(1, 5))
    elif r.category == "late":
        wait = rng.randint(3, 5)
    else:
        wait = rng.choices((0, 1, 2), weights=(35, 25, 15))[0]
    if wait == 0:
        acknowledged = sent + timedelta(minutes=rng.randint(10, 240))
        if timezone.localtime(acknowledged).date() != sent_day:
            acknowledged = sent + timedelta(minutes=5)
    else:
        acknowledged = _at_work(rng, add_working_days(sent_day, wait, country))
    acknowledged = min(acknowledged, now - timedelta(minutes=30))
    r.status, r.acknowledged = RS.ACKNOWLEDGED, acknowledged
    left = now - acknowledged  # a planned end fits in what is left
    decided = acknowledged + timedelta(days=min(rng.expovariate(1 / 2), 20), minutes=10)
    if r.category:
        decided = min(decided, acknowledged + left * 0.3)
    if decided >= now:
        return
    r.decided = decided
    if r.category == "declined":
        r.status = r.decision = RS.DECLINED
        closed = min(decided + timedelta(days=rng.uniform(0.1, 7)), decided + (now - decided) * 0.5)
        r.status, r.closed, r.outcome = RS.CLOSED, closed, RO.DECLINED
        return
    r.status = r.decision = RS.ACCEPTED
    closed = decided + timedelta(days=min(rng.expovariate(1 / 35), 200) + 1)
    outcome = PLANNED_OUTCOMES.get(r.category, RO.HELPED)
    if r.category in PLANNED_OUTCOMES or sent < now - timedelta(days=OLD_DAYS):
        closed = min(closed, decided + (now - decided) * 0.7)
    if closed < now:
        r.status, r.closed, r.outcome = RS.CLOSED, closed, outcome


def _close(rng: random.Random, case: _Case, now: datetime) -> None:
    """Close the case when its referrals are done (or, without any, after a while);
    anonymise it when its retention period is over."""
    closed: datetime | None = None
    base: datetime | None = None
    # Recent cases may stay open for a while; older ones are all done.
    closes = case.created < now - timedelta(days=OLD_DAYS) or rng.random() < 0.92
    if case.referrals:
        if all(r.status == RS.CLOSED for r in case.referrals) and closes:
            base = max(r.closed for r in case.referrals if r.closed)
            closed = base + timedelta(days=rng.expovariate(1 / 5), hours=1)
            accepted = any(r.decision == RS.ACCEPTED for r in case.referrals)
            case.outcome = Case.Outcome.REFERRED if accepted else Case.Outcome.HANDLED_INTERNALLY
    elif case.routed is not None:
        if closes:
            base = case.routed
            closed = base + timedelta(days=rng.expovariate(1 / 18), hours=1)
            case.outcome = CLOSE_OUTCOMES(rng.random())
    elif closes:
        base = case.created
        closed = base + timedelta(days=rng.expovariate(1 / 4), hours=1)
        case.outcome = Case.Outcome.NOT_A_CASE if rng.random() < 0.7 else Case.Outcome.NO_ACTION_WANTED
    if closed is not None and base is not None and case.created < now - timedelta(days=OLD_DAYS):
        closed = min(closed, base + (now - base) * rng.uniform(0.2, 0.8))
    if closed is None or closed >= now:
        case.outcome = ""
        return
    case.closed = closed
    if closed < _months_before(now, case.org.retention_months):
        # At the nightly retention run after the period ended.
        due = _add_months(closed, case.org.retention_months)
        run = due.replace(hour=3, minute=30, second=0, microsecond=0)
        if run <= due:
            run += timedelta(days=1)
        case.anonymised = min(run, now - timedelta(minutes=1))


# --- Rows ----------------------------------------------------------------------------------


def _write(rng: random.Random, cases: list[_Case], municipality: Organisation, now: datetime) -> None:
    labels = {code: d.label for code, d in selectors.rule_set_for_municipality(municipality).destinations.items()}
    partners = {
        o.destination_code: o
        for o in Organisation.objects.filter(kind=OrganisationKind.PARTNER, is_active=True).exclude(destination_code="")
        if o.country == municipality.country
    }
    references: dict[tuple[int, int], int] = {}
    case_rows = []
    for case in cases:
        org = case.org.organisation
        year = timezone.localtime(case.created).year
        references[(org.pk, year)] = references.get((org.pk, year), 0) + 1
        facts = case.facts
        if case.anonymised:
            facts = {k: v for k, v in facts.items() if k in FACTS_KEPT_AFTER_ANONYMISING}
        advice = case.advice
        case_rows.append(
            Case(
                organisation=org,
                reference=f"{REFERENCE_PREFIX}{year}-{references[(org.pk, year)]:04d}",
                status=Case.Status.CLOSED if case.closed else Case.Status.OPEN,
                outcome=case.outcome,
                raised_by=case.raised_by,
                handler=case.org.handler,
                pseudonym="—" if case.anonymised else "",
                facts=facts,
                routing_result=advice,
                rules_version=advice["rules_version"] if advice else "",
                routed_at=case.routed,
                consent_contact=False,
                consent_referral=bool(case.referrals),
                consent_recorded_at=case.consent_at,
                created_at=case.created,
                closed_at=case.closed,
                anonymised_at=case.anonymised,
            )
        )
    Case.objects.bulk_create(case_rows)

    referral_rows: list[tuple[_Case, Case, _Referral, Referral]] = []
    for case, row in zip(cases, case_rows, strict=True):
        for r in case.referrals:
            partner = partners.get(r.destination)
            referral_rows.append(
                (
                    case,
                    row,
                    r,
                    Referral(
                        organisation=row.organisation,
                        case=row,
                        municipality=municipality,
                        destination=r.destination,
                        destination_label=labels.get(r.destination, r.destination)[:200],
                        partner=partner,
                        urgency=r.urgency,
                        summary="",
                        status=r.status,
                        outcome=r.outcome,
                        created_by=case.org.handler,
                        created_at=r.drafted_at,
                        sent_at=r.sent,
                        acknowledged_at=r.acknowledged,
                        decided_at=r.decided,
                        closed_at=r.closed,
                        escalated_at=r.escalated,
                    ),
                )
            )
    Referral.objects.bulk_create(row for *_x, row in referral_rows)

    consent_age = dict(settings.REFERRAL_CONSENT_AGE)
    consents, events = [], []
    outcome_labels = {o.value: str(o.label) for o in Referral.Outcome}
    case_outcomes = {o.value: str(o.label) for o in Case.Outcome}
    given_labels = {g.value: str(g.label) for g in ReferralConsent.GivenBy}
    escalation = str(NotificationKind.PARTNER_ESCALATION.label)

    def event(row: Case, at: datetime | None, kind: str, actor: User | None, detail: str = "", referral=None) -> None:
        if at is not None:
            events.append(
                CaseEvent(
                    organisation=row.organisation,
                    case=row,
                    referral=referral,
                    kind=kind,
                    actor=actor,
                    detail=detail[:200],
                    created_at=at,
                )
            )

    for case, row in zip(cases, case_rows, strict=True):
        handler = case.org.handler
        event(row, case.created, EV.OPENED, case.raised_by)
        changed = chronology.facts_changed(k for k in case.facts if k != "country")
        filled = case.created + ((case.consent_at - case.created) / 2 if case.consent_at else timedelta(minutes=5))
        event(row, filled, EV.FACTS_CHANGED, handler, changed)
        if case.routed and case.advice is not None:
            refers = "ja" if case.referrals else "nee"
            event(row, case.consent_at, EV.CONSENT_RECORDED, handler, f"Contactgegevens: nee; doorverwijzen: {refers}")
            event(row, case.routed, EV.ROUTED, handler, chronology.advice_made(case.advice))
        event(row, case.closed, EV.CLOSED, handler, case_outcomes.get(case.outcome, ""))
        event(row, case.anonymised, EV.ANONYMISED, None)
    for case, row, r, referral in referral_rows:
        handler = case.org.handler
        label = referral.destination_label
        partner_name = referral.partner.name if referral.partner else label
        age = case.facts.get("victim_age")
        threshold = consent_age.get(row.organisation.country, 16)
        given_by = "victim" if age is not None and age >= threshold and rng.random() < 0.8 else "parent_guardian"
        given = r.sent_at - timedelta(minutes=rng.randint(2, 5))
        consents.append(
            ReferralConsent(
                organisation=row.organisation,
                referral=referral,
                recipient_label=label,
                shares_summary=True,
                shares_contact=False,
                given_by=given_by,
                victim_age=None if case.anonymised else age,
                given_at=given,
                recorded_by=handler,
            )
        )
        event(row, r.drafted, EV.REFERRAL_DRAFTED, handler, label, referral)
        event(row, given, EV.CONSENT_GIVEN, handler, f"{label}: samenvatting ({given_labels[given_by]})", referral)
        event(row, r.sent, EV.REFERRAL_SENT, handler, label, referral)
        event(row, r.escalated, EV.REMINDER_SENT, None, escalation, referral)
        event(row, r.acknowledged, EV.ACKNOWLEDGED, None, partner_name, referral)
        if r.decision == RS.ACCEPTED:
            event(row, r.decided, EV.REFERRAL_ACCEPTED, None, partner_name, referral)
        elif r.decision == RS.DECLINED:
            event(row, r.decided, EV.REFERRAL_DECLINED, None, partner_name, referral)
        closer = partner_name if r.decision == RS.ACCEPTED else row.organisation.name
        event(row, r.closed, EV.REFERRAL_CLOSED, None, f"{closer}: {outcome_labels.get(r.outcome, '')}", referral)
    ReferralConsent.objects.bulk_create(consents)
    CaseEvent.objects.bulk_create(sorted(events, key=lambda e: e.created_at), batch_size=1000)

    anonymised: dict[tuple[int, date], int] = {}
    for case in cases:
        if case.anonymised:
            key = (case.org.organisation.pk, timezone.localtime(case.anonymised).date().replace(day=1))
            anonymised[key] = anonymised.get(key, 0) + 1
    for (org_id, month), count in anonymised.items():
        log_row, _created = DeletionLog.objects.get_or_create(organisation_id=org_id, month=month)
        DeletionLog.objects.filter(pk=log_row.pk).update(anonymised=F("anonymised") + count)


# --- Training ------------------------------------------------------------------------------


def _training(
    rng: random.Random, organisations: list[Organisation], staff: dict[int, list[User]], now: datetime
) -> None:
    """Per history learner: two modules assigned (one due in the past, one soon), and
    attempts and certificates for some of them. No reminders."""
    today = timezone.localtime(now).date()
    codes = set(Certificate.objects.values_list("code", flat=True))
    assignments, attempts, certificates = [], [], []
    for org in organisations:
        people = staff.get(org.pk, [])
        modules = modules_for_organisation(org)[:2] if people else []
        if not modules:
            continue
        memberships = {
            m.user_id: m for m in Membership.objects.filter(organisation=org, user__in=people, role=Role.LEARNER)
        }
        plan = [
            (modules[0], today - timedelta(days=45), 0.7),
            *((m, today + timedelta(days=20), 0.35) for m in modules[1:]),
        ]
        questions = {
            m.pk: len({check.id for lesson in m.lessons() for check in lesson.knowledge_checks()}) for m in modules
        }
        for module, due, share in plan:
            assigned_at = _aware(due - timedelta(days=rng.randint(60, 90)), 9)
            for user in people:
                assignments.append(
                    Assignment(
                        organisation=org,
                        module=module,
                        membership=memberships[user.pk],
                        due_date=due,
                        created_at=assigned_at,
                    )
                )
                draw = rng.random()
                started = assigned_at + timedelta(days=rng.uniform(1, 50), hours=rng.uniform(0, 8))
                if started >= now - timedelta(hours=2):
                    continue
                if draw < share:
                    total = questions[module.pk]
                    number = 1
                    if rng.random() < 0.15:
                        attempts.append(_attempt(rng, user, module, number, started, total, passed=False))
                        started += timedelta(days=rng.uniform(1, 5))
                        number = 2
                    finished = min(started + timedelta(minutes=rng.uniform(15, 60)), now - timedelta(hours=1))
                    attempt = _attempt(rng, user, module, number, started, total, passed=True, finished=finished)
                    attempts.append(attempt)
                    code = "".join(rng.choices(CODE_ALPHABET, k=CODE_LENGTH))
                    while code in codes:
                        code = "".join(rng.choices(CODE_ALPHABET, k=CODE_LENGTH))
                    codes.add(code)
                    certificates.append(
                        Certificate(
                            user=user,
                            module=module,
                            attempt=attempt,
                            code=code,
                            holder_name=user.get_full_name()[:300],
                            module_title=module.title[:255],
                            issued_at=finished,
                            expires_at=_add_months(finished, module.certificate_validity_months),
                        )
                    )
                elif draw < share + 0.12:
                    attempts.append(
                        ModuleAttempt(
                            user=user, module=module, number=1, status=ModuleAttempt.Status.OPEN, started_at=started
                        )
                    )
    Assignment.objects.bulk_create(assignments)
    ModuleAttempt.objects.bulk_create(attempts)
    Certificate.objects.bulk_create(certificates)


def _attempt(
    rng: random.Random,
    user: User,
    module: Any,
    number: int,
    started: datetime,
    total: int,
    *,
    passed: bool,
    finished: datetime | None = None,
) -> ModuleAttempt:
    finished = finished or started + timedelta(minutes=rng.uniform(15, 60))
    if total:
        low, high = (module.pass_mark, 100) if passed else (0, module.pass_mark - 1)
        correct = max(0, min(total, rng.randint(math.ceil(low * total / 100), math.floor(high * total / 100))))
        score = round(100 * correct / total)
    else:
        correct, score = 0, 100 if passed else 0
    return ModuleAttempt(
        user=user,
        module=module,
        number=number,
        status=ModuleAttempt.Status.PASSED if passed else ModuleAttempt.Status.FAILED,
        started_at=started,
        finished_at=finished,
        correct_count=correct,
        question_count=total,
        score=score,
    )


def _add_months(moment: datetime, months: int) -> datetime:
    """The same local time ``months`` later; the 31st becomes the month's last day."""
    local = timezone.localtime(moment)
    index = local.month - 1 + months
    year, month = local.year + index // 12, index % 12 + 1
    return local.replace(year=year, month=month, day=min(local.day, calendar.monthrange(year, month)[1]))
