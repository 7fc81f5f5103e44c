"""The demo's case history (demo/case_history.py): anonymous, idempotent, spread
over the year, and enough of it that the municipal dashboard shows real numbers."""

from __future__ import annotations

import time
from collections import Counter
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django_scopes import scopes_disabled

from demo.accounts import seed_demo
from demo.case_history import REFERENCE_PREFIX, STAFF_DOMAIN, seed_case_history
from demo.cases import seed_referrals_demo
from demo.training import seed_training_demo
from messaging.models import Reminder
from messaging.subjects import Subject
from portal.models import Membership, Organisation, User
from referrals.models import (
    Case,
    CaseEvent,
    CaseNote,
    DeletionLog,
    EvidenceItem,
    OrganisationCaseSettings,
    PartnerLink,
    Referral,
    ReferralConsent,
    ReferralUpdate,
    VictimContact,
)
from referrals.routing.vocabulary import FORMS
from reporting.models import TrainingRollup
from reporting.rollups import rollups_refresh
from reporting.suppression import HIDDEN, SMALL, is_exact
from tests.training.builders import build_module
from training.models import Assignment, Certificate, ModuleAttempt

pytestmark = pytest.mark.django_db

AMS = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2026, 6, 17, 11, 30, tzinfo=AMS)  # a Wednesday
MODELS = (
    Case,
    CaseEvent,
    Referral,
    ReferralConsent,
    Reminder,
    User,
    Membership,
    Assignment,
    ModuleAttempt,
    Certificate,
)


def counts() -> dict[str, int]:
    with scopes_disabled():
        return {model.__name__: model.objects.count() for model in MODELS}


def history() -> list[Case]:
    with scopes_disabled():
        return list(Case.objects.filter(reference__startswith=REFERENCE_PREFIX).select_related("organisation"))


def history_referrals() -> list[Referral]:
    with scopes_disabled():
        return list(Referral.objects.filter(case__reference__startswith=REFERENCE_PREFIX))


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def demo(frozen):
    """The demo as ``seed_demo`` makes it (two modules for the course)."""
    seed_demo()
    build_module()
    build_module(slug="doxing", title="Doxing herkennen")
    seed_training_demo()
    seed_referrals_demo()


@pytest.fixture
def seeded(demo):
    made = seed_case_history()
    rollups_refresh()
    return made


def test_without_the_demo_organisations_it_does_nothing():
    assert seed_case_history() == 0
    assert set(counts().values()) == {0}


def test_a_second_run_adds_nothing(demo):
    before = counts()
    made = seed_case_history()
    after = counts()
    assert 150 <= made <= 300
    assert after["Case"] == before["Case"] + made
    assert seed_case_history() == 0
    assert seed_case_history(seed=8) == 0
    assert counts() == after


def test_the_same_seed_gives_the_same_history(demo):
    seed_case_history()
    first = sorted((c.organisation.slug, c.reference, c.created_at, c.status, str(c.facts)) for c in history())
    with scopes_disabled():
        Case.objects.filter(reference__startswith=REFERENCE_PREFIX).delete()
        User.objects.filter(email__endswith=STAFF_DOMAIN).delete()
    seed_case_history()
    assert sorted((c.organisation.slug, c.reference, c.created_at, c.status, str(c.facts)) for c in history()) == first


def test_no_victim_text_and_no_reminders(demo):
    with scopes_disabled():
        reminders_before = Reminder.objects.count()
    seed_case_history()
    cases = history()
    assert cases
    for case in cases:
        assert case.pseudonym in ("", "—"), case.reference
        assert case.signal == case.first_impressions == case.wishes_note == ""
        assert not case.consent_contact
    referrals = history_referrals()
    assert referrals and all(r.summary == "" and r.decline_reason == "" for r in referrals)
    ids = [c.pk for c in cases]
    with scopes_disabled():
        for model in (CaseNote, EvidenceItem, VictimContact):
            assert not model.objects.filter(case_id__in=ids).exists(), model.__name__
        assert not ReferralUpdate.objects.filter(referral__case_id__in=ids).exists()
        assert not PartnerLink.objects.filter(referral__case_id__in=ids).exists()
        assert Reminder.objects.count() == reminders_before
        subjects = {str(Subject.case(pk)) for pk in ids} | {str(Subject.referral(r.pk)) for r in referrals}
        assert not Reminder.objects.filter(subject__in=subjects).exists()
        # The chronology names no person: details are codes and labels only.
        details = set(CaseEvent.objects.filter(case_id__in=ids).values_list("detail", flat=True))
    assert not any("Demo-" in detail for detail in details)


def test_spread_over_the_year_in_the_demo_area(demo):
    seed_case_history()
    cases = history()
    slugs = Counter(c.organisation.slug for c in cases)
    assert set(slugs) == {"obs-de-regenboog", "baken-college", "vv-zuiderhaven"}
    assert min(slugs.values()) >= 20
    months = Counter(c.created_at.astimezone(AMS).date().replace(day=1) for c in cases)
    expected = [date(2025, m, 1) for m in range(7, 13)] + [date(2026, m, 1) for m in range(1, 7)]
    assert sorted(months) == expected
    assert min(months.values()) >= 8
    assert all(c.created_at < NOW for c in cases)
    forms = Counter(form for c in cases for form in c.facts["forms"])
    assert set(forms) == set(FORMS) and min(forms.values()) >= 5
    statuses = Counter(c.status for c in cases)
    assert statuses[Case.Status.OPEN] >= 5 and statuses[Case.Status.CLOSED] >= 100
    # The old ones are closed, the recent ones mostly open.
    assert all(c.status == Case.Status.CLOSED for c in cases if c.created_at < NOW - timedelta(days=300))
    with scopes_disabled():
        opened = Counter(CaseEvent.objects.filter(case__in=cases, kind=CaseEvent.Kind.OPENED).values_list("case_id"))
    assert len(opened) == len(cases)


def test_referrals_walk_the_lifecycle(demo):
    seed_case_history()
    referrals = history_referrals()
    assert 60 <= len(referrals) <= 150
    statuses = Counter(r.status for r in referrals)
    assert statuses[Referral.Status.CLOSED] >= 40 and statuses[Referral.Status.SENT] == 5
    for r in referrals:
        assert r.created_at <= r.sent_at < NOW
        assert r.acknowledged_at is None or r.sent_at < r.acknowledged_at < NOW
        assert r.decided_at is None or r.acknowledged_at < r.decided_at < NOW
        assert r.closed_at is None or r.sent_at < r.closed_at < NOW
    assert sum(1 for r in referrals if r.escalated_at) == 3
    outcomes = Counter(r.outcome for r in referrals if r.status == Referral.Status.CLOSED)
    assert all(n >= 5 for n in outcomes.values()) and outcomes[Referral.Outcome.HELPED] >= 10
    destinations = Counter(r.destination for r in referrals)
    assert {"slachtofferhulp", "local:jongerenwerk"} <= set(destinations)
    assert min(destinations.values()) >= 5
    with scopes_disabled():
        partner = Organisation.objects.get(slug="slachtofferhulp")
        assert all(r.partner_id == partner.pk for r in referrals if r.destination == "slachtofferhulp")
        assert ReferralConsent.objects.filter(referral__in=referrals).count() == len(referrals)
        # The waiting ones were sent on the day of the demo's own waiting referral.
        demo_d = Referral.objects.get(case__pseudonym="Demo-D")
    waiting_days = {r.sent_at.astimezone(AMS).date() for r in referrals if r.status == Referral.Status.SENT}
    assert waiting_days == {demo_d.sent_at.astimezone(AMS).date()}


def test_the_municipal_dashboard_shows_real_numbers(seeded, client):
    municipality = Organisation.objects.get(slug="zuiderhaven")
    with scopes_disabled():
        coordinator = Membership.objects.get(user__email="gemeente@demo.veilig-online.nl", organisation=municipality)
    client.force_login(coordinator.user)
    response = client.get(f"/o/{municipality.slug}/dashboard/")
    assert response.status_code == 200
    data = response.context["dashboard"]
    # Every table is shown (none left out) except the escalations per organisation.
    for name in ("statuses", "forms", "destinations", "outcomes", "group_cases", "group_referrals"):
        assert getattr(data, name) is not None, name
    tables = [data.trend, data.statuses, data.forms, data.acknowledgement, data.waiting_times, data.destinations]
    tables += [data.outcomes, data.group_cases, data.group_referrals]
    cells = [shown for table in tables for _key, shown in table.cells]
    exact = [shown for shown in cells if is_exact(shown)]
    assert len(exact) >= 40 and sum(1 for shown in exact if shown >= 5) >= 35
    assert all(is_exact(shown) for shown in cells)
    assert all(shown >= 8 for _month, shown in data.trend.cells[:-1])
    assert is_exact(data.trend.total) and data.trend.total >= 150
    assert data.in_time_percentage is not None and 50 < data.in_time_percentage < 100
    # Suppression at work: 3 escalations show as "<5", so their column is left out.
    assert data.escalated["escalated"] == SMALL and data.escalated.total == SMALL
    assert data.group_escalated is None
    text = response.content.decode()
    assert "&lt;5" in text and "weggelaten" in text
    # Training: some done, not all, per organisation with history staff.
    rows = {row.label: row for row in data.training_by_group}
    assert 0 < rows["Het Baken College"].completed < rows["Het Baken College"].assigned
    assert any(0 < row.percentage < 100 for row in data.training_by_role)


def test_one_organisation_filtered_shows_suppression(seeded, client):
    municipality = Organisation.objects.get(slug="zuiderhaven")
    with scopes_disabled():
        coordinator = Membership.objects.get(user__email="gemeente@demo.veilig-online.nl", organisation=municipality)
    client.force_login(coordinator.user)
    data = client.get(f"/o/{municipality.slug}/dashboard/", {"organisatie": "vv-zuiderhaven"}).context["dashboard"]
    shown = [value for _month, value in data.trend.cells]
    assert SMALL in shown or 0 in shown
    assert data.trend.total in (SMALL, HIDDEN) or is_exact(data.trend.total)


def test_training_rollup_is_neither_none_nor_all(seeded):
    rows = list(TrainingRollup.objects.all())
    assigned = sum(r.assigned for r in rows)
    completed = sum(r.completed for r in rows)
    assert 0 < completed < assigned
    with scopes_disabled():
        staff = User.objects.filter(email__endswith=STAFF_DOMAIN)
        assert staff.count() == 16 + 9
        assert not any(user.has_usable_password() for user in staff)
        demo_school = Organisation.objects.get(slug="obs-de-regenboog")
        assert not Membership.objects.filter(organisation=demo_school, user__in=staff).exists()
        assert not Reminder.objects.filter(
            subject__startswith=Subject.prefix("assignment"), organisation__slug="baken-college"
        ).exists()


def test_old_enough_cases_are_anonymised(demo):
    with scopes_disabled():
        school = Organisation.objects.get(slug="baken-college")
        OrganisationCaseSettings.objects.create(organisation=school, retention_months=3)
    seed_case_history()
    with scopes_disabled():
        cases = [c for c in history() if c.organisation_id == school.pk]
        old = [c for c in cases if c.closed_at and c.closed_at < NOW - timedelta(days=93)]
        assert old
        for case in old:
            assert case.anonymised_at and case.closed_at < case.anonymised_at <= NOW
            assert case.pseudonym == "—" and set(case.facts) <= {"country", "forms"}
            assert CaseEvent.objects.filter(case=case, kind=CaseEvent.Kind.ANONYMISED).exists()
            assert not ReferralConsent.objects.filter(referral__case=case, victim_age__isnull=False).exists()
        young = [c for c in cases if c.closed_at is None or c.closed_at > NOW - timedelta(days=91)]
        assert young and all(c.anonymised_at is None and c.pseudonym == "" for c in young)
        logged = sum(DeletionLog.objects.filter(organisation=school).values_list("anonymised", flat=True))
    assert logged == sum(1 for c in cases if c.anonymised_at)
    # The other organisations keep the default 12 months: nothing of a 12-month history is that old.
    assert not any(c.anonymised_at for c in history() if c.organisation_id != school.pk)


def test_fast(demo):
    started = time.monotonic()
    assert seed_case_history() > 0
    rollups_refresh()
    assert time.monotonic() - started < 10


def test_the_demo_school_and_partner_dashboards_show_real_numbers(seeded, client):
    with scopes_disabled():
        coordinator = User.objects.get(email="coordinator@demo.veilig-online.nl")
        intake = User.objects.get(email="partner@demo.veilig-online.nl")
    client.force_login(coordinator)
    data = client.get("/o/obs-de-regenboog/dashboard/").context["dashboard"]
    assert all(is_exact(shown) and shown >= 5 for _month, shown in data.trend.cells[:-1])
    assert data.statuses is not None
    client.force_login(intake)
    response = client.get("/o/slachtofferhulp/dashboard/")
    partner = response.context["dashboard"]
    assert partner.refreshed_at == NOW  # the rollup the demo's refresh built, not a live count
    acknowledgement = partner.acknowledgement
    assert all(is_exact(shown) and shown >= 5 for _key, shown in acknowledgement.cells)
