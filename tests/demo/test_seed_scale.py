"""``manage.py seed_scale``: bulk fake data for performance work (issue #6), at a
small size on SQLite (the same code paths, except COPY instead of bulk_create)."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_scopes import scopes_disabled

from demo.scale import EMAIL_DOMAIN, SLUG_PREFIX, Progress
from messaging.models import Notification, NotificationKind, Reminder
from messaging.subjects import Subject
from portal.models import AuditEvent, Membership, Organisation, User
from portal.roles import OrganisationKind, Role
from referrals.models import (
    Case,
    CaseEvent,
    CaseTask,
    DeletionLog,
    Referral,
    ReferralConsent,
)
from referrals.routing import parse_facts
from tests.factories import MembershipFactory, SchoolFactory, UserFactory
from tests.referrals.factories import CaseFactory
from training.models import Assignment, Certificate, ModuleAttempt

pytestmark = pytest.mark.django_db

SMALL = ["--municipalities", "2", "--organisations", "6", "--staff", "80", "--cases", "300", "--until", "2026-03-01"]


@pytest.fixture(autouse=True)
def _debug(settings):
    settings.DEBUG = True  # the command refuses to run with DEBUG off (see the test below)


def seed(*extra: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("seed_scale", *SMALL, *extra, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def scale_cases():
    return Case._base_manager.filter(organisation__slug__startswith=SLUG_PREFIX)


def scale_referrals():
    return Referral._base_manager.filter(organisation__slug__startswith=SLUG_PREFIX).select_related("case")


# --- Sizes and shape ---------------------------------------------------------------------


def test_counts_match_the_arguments():
    out, _err = seed()
    with scopes_disabled():
        orgs = Organisation.objects.filter(slug__startswith=SLUG_PREFIX)
        municipalities = orgs.filter(kind=OrganisationKind.MUNICIPALITY)
        schools_and_clubs = orgs.filter(kind__in=[OrganisationKind.SCHOOL, OrganisationKind.SPORTS_CLUB])
        assert municipalities.count() == 2
        assert schools_and_clubs.count() == 6
        assert schools_and_clubs.filter(kind=OrganisationKind.SPORTS_CLUB).count() == 1  # about 1 in 5
        assert set(municipalities.values_list("country", flat=True)) == {"NL", "BE"}
        # A partner per referral destination of each country, with intake workers.
        partners = orgs.filter(kind=OrganisationKind.PARTNER)
        assert set(partners.values_list("country", "destination_code")) >= {
            ("NL", "slachtofferhulp"),
            ("NL", "helpwanted"),
            ("BE", "child_focus"),
        }
        for partner in partners:
            assert Membership.objects.filter(organisation=partner, role=Role.PARTNER_INTAKE).count() >= 2
        users = User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}")
        assert users.count() == 80
        memberships = Membership.objects.filter(user__in=users)
        assert memberships.count() == 80
        assert scale_cases().count() == 300
        for org in schools_and_clubs:
            roles = Counter(Membership.objects.filter(organisation=org).values_list("role", flat=True))
            assert roles[Role.CASE_HANDLER] >= 1 and roles[Role.ORG_COORDINATOR] >= 1 and roles[Role.LEARNER] >= 1
            assert org.parent.kind == OrganisationKind.MUNICIPALITY and org.country == org.parent.country
            org.full_clean()
        for municipality in municipalities:
            count = Membership.objects.filter(organisation=municipality, role=Role.MUNICIPAL_COORDINATOR).count()
            assert 1 <= count <= 2
        # One shared password hash, computed once; by default nobody can sign in.
        assert users.values("password").distinct().count() == 1
        assert not users.first().has_usable_password()
    assert "referrals_case" in out and "300" in out


def test_role_mix_at_a_larger_size():
    call_command(
        "seed_scale",
        "--municipalities", "3", "--organisations", "10", "--staff", "2000", "--cases", "50",
        stdout=StringIO(), stderr=StringIO(),
    )  # fmt: skip
    with scopes_disabled():
        roles = Counter(
            Membership.objects.filter(organisation__kind__in=["school", "sports_club"]).values_list("role", flat=True)
        )
    total = sum(roles.values())
    assert roles[Role.LEARNER] / total > 0.85
    assert 0.04 <= roles[Role.CASE_HANDLER] / total <= 0.07
    assert 0.015 <= roles[Role.ORG_COORDINATOR] / total <= 0.035


def test_too_few_staff_is_refused_with_the_minimum():
    with pytest.raises(CommandError, match="--staff must be at least"):
        call_command(
            "seed_scale", "--municipalities", "2", "--organisations", "6", "--staff", "10", "--cases", "5",
            stdout=StringIO(), stderr=StringIO(),
        )  # fmt: skip
    assert not Organisation.objects.filter(slug__startswith=SLUG_PREFIX).exists()  # nothing half-made


# --- Consistency ---------------------------------------------------------------------------


def test_cases_are_consistent_and_obviously_fake():
    seed()
    with scopes_disabled():
        cases = list(scale_cases().select_related("organisation"))
        assert {c.status for c in cases} == {"open", "closed"}
        references = Counter((c.organisation_id, c.reference) for c in cases)
        assert max(references.values()) == 1
        for case in cases:
            assert (case.status == "closed") == (case.closed_at is not None)
            if case.status == "closed":
                assert case.outcome and case.closed_at > case.created_at
            else:
                assert case.outcome == ""
            assert case.signal == "" and case.first_impressions == ""
            if case.anonymised_at is not None:
                assert case.pseudonym == "—" and case.anonymised_at > case.closed_at
                assert set(case.facts) <= {"country", "forms"}
            else:
                assert case.pseudonym.startswith("S-")
            assert case.facts["country"] == case.organisation.country
            if "forms" in case.facts:
                parse_facts(case.facts)  # valid facts (routing contract)
            if case.routed_at is not None:
                assert case.routed_at >= case.created_at and case.handler_id is not None
                assert case.routing_result["recommendations"] and case.rules_version
            assert case.reference.startswith(f"{timezone.localtime(case.created_at).year}-")
        # Closed cases that are old enough were anonymised, as retention would have.
        assert any(c.anonymised_at for c in cases)
        by_month = Counter(
            (c.organisation_id, timezone.localtime(c.anonymised_at).date().replace(day=1))
            for c in cases
            if c.anonymised_at
        )
        logged = {(d.organisation_id, d.month): d.anonymised for d in DeletionLog.objects.all()}
        assert logged == dict(by_month)


def test_referrals_walk_the_lifecycle_with_consistent_dates():
    seed()
    with scopes_disabled():
        referrals = list(scale_referrals())
        cases_with_referrals = {r.case_id for r in referrals}
        assert 0.3 <= len(cases_with_referrals) / 300 <= 0.5  # about 40%
        per_case = Counter(r.case_id for r in referrals)
        assert set(per_case.values()) <= {1, 2}
        statuses = Counter(r.status for r in referrals)
        assert statuses["closed"] and (statuses["accepted"] or statuses["sent"] or statuses["acknowledged"])
        assert any(r.outcome == "declined" for r in referrals) and any(r.outcome == "helped" for r in referrals)
        assert any(r.escalated_at for r in referrals)
        for r in referrals:
            case = r.case
            advice = {rec["destination"] for rec in case.routing_result["recommendations"] if rec["kind"] == "referral"}
            assert r.destination in advice
            assert r.created_at >= case.routed_at >= case.created_at
            assert r.municipality_id == case.organisation.parent_id
            if r.status == "draft" or r.outcome == "cancelled":
                assert r.sent_at is None
            else:
                assert r.sent_at >= r.created_at >= case.created_at
                assert ReferralConsent.objects.filter(referral=r, given_at__lte=r.sent_at).exists()
            if r.acknowledged_at:
                assert r.acknowledged_at >= r.sent_at
            if r.decided_at:
                assert r.acknowledged_at and r.decided_at >= r.acknowledged_at
                assert r.status in ("accepted", "declined", "closed")
            if r.status == "closed":
                assert r.closed_at and r.outcome
                assert r.closed_at >= (r.decided_at or r.acknowledged_at or r.sent_at or r.created_at)
            if r.escalated_at:
                assert r.escalated_at > r.sent_at
                assert r.acknowledged_at is None or r.acknowledged_at > r.escalated_at
            if case.status == "closed":
                assert r.status == "closed" and r.closed_at <= case.closed_at
            if r.status in ("sent", "acknowledged", "accepted", "declined"):
                assert r.partner_id is not None


def test_chronology_and_reminders_follow_the_cases():
    seed()
    with scopes_disabled():
        cases = {c.pk: c for c in scale_cases()}
        events = list(CaseEvent.objects.filter(case_id__in=cases).order_by("case_id", "created_at", "pk"))
        opened = [e for e in events if e.kind == "opened"]
        assert len(opened) == 300
        for event in events:
            assert event.created_at >= cases[event.case_id].created_at
        kinds = Counter(e.kind for e in events)
        for kind in ("routed", "referral_sent", "acknowledged", "referral_accepted", "closed", "reminder_sent"):
            assert kinds[kind], kind
        assert kinds["closed"] == sum(c.status == "closed" for c in cases.values())
        # Three follow-ups per case; sent ones only while the case was open.
        follow_ups = Reminder.objects.filter(kind=NotificationKind.CASE_FOLLOW_UP)
        assert follow_ups.count() == 900
        for reminder in follow_ups.filter(status="sent"):
            case = cases[Subject.parse(reminder.subject).id]
            assert reminder.sent_at >= reminder.due_at
            assert case.closed_at is None or case.closed_at > reminder.due_at
        # Escalation sent exactly for the escalated referrals.
        escalated = set(scale_referrals().filter(escalated_at__isnull=False).values_list("pk", flat=True))
        sent = {
            Subject.parse(r.subject).id
            for r in Reminder.objects.filter(kind=NotificationKind.PARTNER_ESCALATION, status="sent")
        }
        assert escalated == sent and escalated
        for reminder in Reminder.objects.filter(status="pending"):
            assert reminder.due_at >= timezone.make_aware(timezone.datetime(2026, 3, 1))
        tasks = CaseTask.objects.filter(case_id__in=cases)
        assert tasks.filter(status="done").exists() and tasks.filter(status="open").exists()
        for task in tasks.filter(status="done"):
            assert task.done_at >= task.created_at and task.done_by_id


def test_data_ends_before_the_until_day_and_spans_two_years():
    seed()
    end = timezone.make_aware(timezone.datetime(2026, 3, 1))
    with scopes_disabled():
        created = list(scale_cases().values_list("created_at", flat=True))
        assert max(created) < end
        assert min(created) < end - timedelta(days=700)
        last_year = sum(c >= end - timedelta(days=365) for c in created)
        assert last_year > len(created) / 2  # a growing trend
        for model, fields in (
            (Referral, ("sent_at", "acknowledged_at", "decided_at", "closed_at", "escalated_at")),
            (CaseEvent, ("created_at",)),
            (Case, ("closed_at", "anonymised_at")),
        ):
            for name in fields:
                latest = model.objects.filter(organisation__slug__startswith=SLUG_PREFIX).order_by(f"-{name}")
                value = latest.exclude(**{f"{name}__isnull": True}).values_list(name, flat=True).first()
                assert value is None or value < end, (model, name)


# --- Reproducible, removable ---------------------------------------------------------------


def fingerprint() -> list:
    with scopes_disabled():
        return [
            sorted(Organisation.objects.filter(slug__startswith=SLUG_PREFIX).values_list("slug", "name", "kind")),
            sorted(User.objects.filter(email__endswith=EMAIL_DOMAIN).values_list("email", "first_name")),
            sorted(
                scale_cases().values_list(
                    "organisation__slug", "reference", "status", "outcome", "created_at", "closed_at", "pseudonym"
                )
            ),
            sorted(str(facts) for facts in scale_cases().values_list("facts", flat=True)),
            sorted(
                scale_referrals().values_list(
                    "case__reference", "organisation__slug", "destination", "status", "sent_at", "acknowledged_at"
                )
            ),
            CaseEvent.objects.count(),
            Reminder.objects.count(),
        ]


def test_the_same_seed_gives_the_same_data():
    seed("--seed", "7")
    first = fingerprint()
    seed("--seed", "7", "--reset")
    assert fingerprint() == first
    seed("--seed", "8", "--reset")
    assert fingerprint() != first


def test_refused_without_reset_when_scale_data_exists():
    seed()
    before = fingerprint()
    with pytest.raises(CommandError, match="--reset"):
        seed()
    assert fingerprint() == before


def test_refused_with_debug_off_unless_forced(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="production"):
        seed()
    assert not Organisation.objects.filter(slug__startswith=SLUG_PREFIX).exists()
    seed("--force")
    assert scale_cases().count() == 300


def test_reset_and_remove_delete_only_scale_rows():
    school = SchoolFactory(name="Echte School", slug="echte-school")
    member = MembershipFactory(organisation=school, role=Role.CASE_HANDLER)
    real_case = CaseFactory(organisation=school, handler=member.user)
    seed()
    with scopes_disabled():
        scale_user = User.objects.filter(email__endswith=EMAIL_DOMAIN).first()
        scale_org = Organisation.objects.filter(slug__startswith=SLUG_PREFIX, kind="school").first()
        # Rows made while trying the data out, that refer to scale rows.
        Notification.objects.create(user=scale_user, organisation=scale_org, kind="weekly_digest", title="Week")
        audit = AuditEvent.objects.create(organisation=school, kind="role_changed", actor=scale_user)
        outsider = UserFactory()
        MembershipFactory(organisation=scale_org, user=outsider, role=Role.LEARNER)
    counts_before = (Organisation.objects.count(), User.objects.count())

    out, _err = seed("--reset")
    assert "Removed" in out
    with scopes_disabled():
        assert scale_cases().count() == 300
        assert Organisation.objects.count() == counts_before[0]
        assert User.objects.count() == counts_before[1]  # 60 new scale users for the 60 removed ones
        assert not User.objects.filter(pk=scale_user.pk).exists()

    out, _err = seed("--remove")
    with scopes_disabled():
        assert not Organisation.objects.filter(slug__startswith=SLUG_PREFIX).exists()
        assert not User.objects.filter(email__endswith=EMAIL_DOMAIN).exists()
        for model in (CaseEvent, Referral, ReferralConsent, Reminder, CaseTask, DeletionLog):
            assert not model.objects.exclude(organisation=school).exists(), model
        # Everything else is still there.
        assert Organisation.objects.filter(pk=school.pk).exists()
        assert Case.objects.filter(pk=real_case.pk).exists()
        assert CaseEvent.objects.filter(case=real_case).exists()
        assert Membership.objects.filter(pk=member.pk).exists()
        assert User.objects.filter(pk=outsider.pk).exists()
        audit.refresh_from_db()
        assert audit.actor_id is None  # on_delete=SET_NULL applied
        assert not Notification.objects.exists()
    out, _err = seed("--remove")
    assert "No scale data" in out


def test_a_real_referral_to_a_scale_partner_stops_the_reset():
    from tests.referrals.factories import ReferralFactory

    seed()
    school = SchoolFactory(name="Echte School", slug="echte-school")
    with scopes_disabled():
        partner = Organisation.objects.get(slug__startswith=SLUG_PREFIX, kind="partner", destination_code="helpwanted")
        ReferralFactory(organisation=school, partner=partner, destination="helpwanted")
    with pytest.raises(CommandError, match="other data refers to them"):
        seed("--reset")
    assert scale_cases().count() == 300  # nothing removed


# --- Output ---------------------------------------------------------------------------------


def test_progress_goes_to_stderr_and_the_summary_to_stdout():
    out, err = seed()
    assert "cases" in err and "300/300" in err and "100%" in err and "/s" in err
    assert "staff" in err and "80/80" in err
    assert "300/300" not in out
    assert "Seeded on " in out
    assert "referrals_caseevent" in out and "seconds" in out
    assert "training rows skipped" in out  # no course in this database


def test_progress_line_is_throttled_and_redrawn_in_place_on_a_terminal():
    now = [0.0]
    lines: list[str] = []
    progress = Progress(lines.append, tty=True, clock=lambda: now[0])
    progress.start("cases", 1_000_000)
    for _i in range(100):
        now[0] += 0.01
        progress.advance(4200)
    assert 3 <= len(lines) <= 4  # at most four a second
    assert lines[-1].startswith("\r") and "\n" not in lines[-1]
    progress.finish()
    assert lines[-1].endswith("\n")
    assert "cases" in lines[-1] and "420,000/1,000,000" in lines[-1] and "42%" in lines[-1]
    assert "420,000/s" in lines[-1]
    assert progress.seconds["cases"] == pytest.approx(1.0)


# --- Training ---------------------------------------------------------------------------------


def test_training_rows_when_the_course_exists():
    from tests.training.builders import build_module

    module, _lessons = build_module()
    out, _err = seed()
    assert "skipped" not in out
    with scopes_disabled():
        users = User.objects.filter(email__endswith=EMAIL_DOMAIN)
        attempts = ModuleAttempt.objects.filter(user__in=users, module=module)
        assert attempts.count() > 10
        assert attempts.filter(status="passed").exists()
        for certificate in Certificate.objects.filter(user__in=users).select_related("attempt", "user"):
            assert certificate.attempt.status == "passed" and certificate.attempt.score >= module.pass_mark
            assert certificate.holder_name == certificate.user.get_full_name()
            assert certificate.expires_at > certificate.issued_at
        assert Assignment.objects.filter(organisation__slug__startswith=SLUG_PREFIX).exists()
        open_per_module = Counter(
            (a.user_id, a.module_id) for a in ModuleAttempt.objects.filter(user__in=users, status="open")
        )
        assert not open_per_module or max(open_per_module.values()) == 1
    seed("--remove")
    assert not ModuleAttempt.objects.exists() and not Certificate.objects.exists()


# --- PostgreSQL's binary COPY values ------------------------------------------------------------


def test_binary_values_are_postgresqls_wire_format():
    from datetime import UTC, date, datetime

    from demo.scale import _BinaryValues

    values = _BinaryValues()
    assert values.moment(datetime(2000, 1, 1, tzinfo=UTC).timestamp()) == 0
    assert values.moment(datetime(2026, 3, 1, 12, 30, 15, 250_000, tzinfo=UTC).timestamp()) == (
        ((26 * 365 + 7 + 31 + 28) * 86_400 + 12 * 3600 + 30 * 60 + 15) * 1_000_000 + 250_000
    )
    assert values.maybe(None) is None
    assert values.day(date(2000, 1, 1)) == 0 and values.day(date(1999, 12, 31)) == -1
    assert values.day(date(2026, 3, 1)) == (date(2026, 3, 1) - date(2000, 1, 1)).days
    assert values.json('{"a":"ë"}') == b'\x01{"a":"\xc3\xab"}'  # jsonb: version 1, then UTF-8 text
