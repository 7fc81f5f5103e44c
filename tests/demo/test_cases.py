"""The demo cases: made through the services, one per state, idempotent, and the
partner link printed by seed_demo opens the referral."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from demo.accounts import seed_demo
from demo.cases import DEMO_HANDLER, DEMO_ORGANISATION, DEMO_PARTNER, LINK_EMAIL, seed_referrals_demo
from messaging import reminders
from messaging.models import Notification, NotificationKind, Reminder
from messaging.subjects import Subject
from portal.models import Organisation
from referrals.cases import referral_services as lifecycle
from referrals.models import (
    Case,
    CaseEvent,
    CaseNote,
    CaseTask,
    EvidenceItem,
    LocalDestination,
    LocalRule,
    PartnerLink,
    Referral,
    ReferralConsent,
    ReferralUpdate,
)

pytestmark = pytest.mark.django_db

MODELS = (
    Case,
    CaseEvent,
    CaseNote,
    CaseTask,
    EvidenceItem,
    Referral,
    ReferralConsent,
    ReferralUpdate,
    PartnerLink,
    LocalDestination,
    LocalRule,
)


def counts() -> dict[str, int]:
    with scopes_disabled():
        return {model.__name__: model.objects.count() for model in MODELS}


def demo_cases() -> dict[str, Case]:
    with scopes_disabled():
        return {case.pseudonym: case for case in Case.objects.filter(organisation__slug=DEMO_ORGANISATION)}


def referral_of(case: Case) -> Referral:
    with scopes_disabled():
        return Referral.objects.select_related("partner").get(case=case)


def test_without_the_demo_organisations_it_does_nothing():
    result = seed_referrals_demo()
    assert result.created == {"cases": 0, "referrals": 0, "local_rules": 0}
    assert result.link_url is None
    assert set(counts().values()) == {0}


def test_seeding_twice_creates_the_cases_once(settings):
    seed_demo()
    first = seed_referrals_demo()
    assert first.created == {"cases": 6, "referrals": 3, "local_rules": 1}
    assert first.link_url.startswith(f"{settings.SITE_URL}/verwijzing/")
    after_first = counts()
    second = seed_referrals_demo()
    assert second.created == {"cases": 0, "referrals": 0, "local_rules": 0}
    assert second.link_url is None and second.link_waiting
    assert counts() == after_first


def test_the_states_exist():
    seed_demo()
    seed_referrals_demo()
    cases = demo_cases()
    assert sorted(cases) == ["Demo-A", "Demo-B", "Demo-C", "Demo-D", "Demo-E", "Demo-F"]
    school = Organisation.objects.get(slug=DEMO_ORGANISATION)
    partner = Organisation.objects.get(slug=DEMO_PARTNER)

    # A fresh signal, raised by the demo teacher, waiting for a case handler.
    fresh = cases["Demo-A"]
    assert fresh.status == Case.Status.OPEN and fresh.handler is None and fresh.routing_result is None
    assert fresh.raised_by.email == "leerkracht@demo.veilig-online.nl"

    # Routed, with tasks (one of them done).
    routed = cases["Demo-B"]
    assert routed.routing_result and routed.handler.email == "vertrouwenspersoon@demo.veilig-online.nl"
    with scopes_disabled():
        statuses = sorted(CaseTask.objects.filter(case=routed).values_list("status", flat=True))
        assert EvidenceItem.objects.filter(case=routed).exists()
    assert len(statuses) == 2 and statuses.count(CaseTask.Status.DONE) == 1

    # Referred on the portal, acknowledged, accepted, with a message from the partner.
    accepted = referral_of(cases["Demo-C"])
    assert accepted.partner == partner and accepted.status == Referral.Status.ACCEPTED
    assert accepted.acknowledged_at and accepted.decided_at
    with scopes_disabled():
        assert ReferralUpdate.objects.filter(referral=accepted, from_partner=True).count() == 2
        assert ReferralConsent.objects.filter(referral=accepted, given_by="parent_guardian").count() == 1

    # Referred by link to the municipality's own destination, without an account.
    by_link = referral_of(cases["Demo-D"])
    assert by_link.partner is None and by_link.destination == "local:jongerenwerk"
    assert by_link.status == Referral.Status.SENT
    with scopes_disabled():
        link = PartnerLink.objects.get(referral=by_link)
    assert link.email == LINK_EMAIL and link.state() == "active"

    # Declined by the partner, with a reason.
    declined = referral_of(cases["Demo-E"])
    assert declined.partner == partner and declined.status == Referral.Status.DECLINED and declined.decline_reason

    # Closed.
    closed = cases["Demo-F"]
    assert closed.status == Case.Status.CLOSED and closed.outcome == Case.Outcome.HANDLED_INTERNALLY

    # Everything through the services: every case has its chronology.
    with scopes_disabled():
        for case in cases.values():
            kinds = list(CaseEvent.objects.filter(case=case).values_list("kind", flat=True))
            assert kinds[0] == CaseEvent.Kind.OPENED, case.pseudonym
        sent = CaseEvent.objects.filter(organisation=school, kind=CaseEvent.Kind.REFERRAL_SENT).count()
    assert sent == 3


def test_the_printed_link_opens_the_referral():
    seed_demo()
    result = seed_referrals_demo()
    token = result.link_url.rstrip("/").rsplit("/", 1)[-1]
    link = lifecycle.partner_link_resolve(token)
    assert link.referral == referral_of(demo_cases()["Demo-D"])


def test_an_expired_link_is_renewed_on_the_next_run():
    seed_demo()
    first = seed_referrals_demo()
    with scopes_disabled():
        PartnerLink.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    second = seed_referrals_demo()
    assert second.link_url and second.link_url != first.link_url
    assert second.created["cases"] == 0
    with scopes_disabled():
        assert [link.state() for link in PartnerLink.objects.order_by("pk")] == ["revoked", "active"]


def test_partner_and_municipality_see_their_side():
    seed_demo()
    seed_referrals_demo()
    partner = Organisation.objects.get(slug=DEMO_PARTNER)
    with scope(organisation=partner):
        received = sorted(Referral.received.values_list("status", flat=True))
    assert received == sorted([Referral.Status.ACCEPTED, Referral.Status.DECLINED])
    municipality = Organisation.objects.get(slug="zuiderhaven")
    with scope(organisation=municipality):
        assert Referral.in_area.count() == 3


def test_seed_demo_command_prints_the_link(settings):
    out = StringIO()
    call_command("seed_demo", stdout=out)
    output = out.getvalue()
    assert "Case demo ready (created now: 6 cases, 3 referrals, 1 local_rules)." in output
    assert "/meldingen/" in output
    with scopes_disabled():
        link = PartnerLink.objects.get()
    url = next(line.strip() for line in output.splitlines() if line.strip().startswith(settings.SITE_URL))
    token = url.rstrip("/").rsplit("/", 1)[-1]
    assert lifecycle.partner_link_resolve(token) == link

    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert "Case demo ready (created now: 0 cases, 0 referrals, 0 local_rules)." in out.getvalue()
    assert "var/mail/" in out.getvalue()


# --- A reminder to watch arrive -------------------------------------------------------------


def demo_follow_ups(now):
    """Demo-A's pending follow-ups due within five minutes of ``now``."""
    case = demo_cases()["Demo-A"]
    with scopes_disabled():
        return list(
            Reminder.objects.filter(
                kind=NotificationKind.CASE_FOLLOW_UP,
                subject=str(Subject.case(case.pk)),
                status=Reminder.Status.PENDING,
                due_at__lte=now + timedelta(minutes=5),
            )
        )


def test_the_demo_plans_a_follow_up_due_in_a_minute():
    seed_demo()
    now = timezone.now()
    result = seed_referrals_demo(now=now)
    [soon] = demo_follow_ups(now)
    assert soon.due_at == now + timedelta(seconds=60) == result.follow_up_due_at
    assert soon.organisation.slug == DEMO_ORGANISATION
    # The regular schedule is still there too.
    case = demo_cases()["Demo-A"]
    with scopes_disabled():
        assert Reminder.objects.filter(subject=str(Subject.case(case.pk)), status=Reminder.Status.PENDING).count() == 4
    text = result.reminder_text()
    assert "Demo-A" in text and DEMO_HANDLER in text
    assert "/meldingen/" in text and "var/mail/" in text and "within a minute" in text.lower()

    # Seeding again while it is waiting plans nothing new.
    again = seed_referrals_demo(now=now + timedelta(seconds=20))
    assert demo_follow_ups(now) == [soon] and again.follow_up_due_at == soon.due_at


def test_delivering_the_demo_follow_up_reaches_the_case_handler(mailoutbox):
    seed_demo()
    now = timezone.now()
    seed_referrals_demo(now=now)
    [soon] = demo_follow_ups(now)
    assert reminders.deliver(soon.pk, now=now + timedelta(minutes=2)) == "sent"
    [notification] = Notification.objects.filter(kind=NotificationKind.CASE_FOLLOW_UP)
    assert notification.user.email == DEMO_HANDLER
    assert [mail.to for mail in mailoutbox] == [[DEMO_HANDLER]]
    case = demo_cases()["Demo-A"]
    # The mail is neutral: it links to the case, the reference and content stay in the portal.
    assert mailoutbox[0].subject.startswith("Er is nieuws over een casus")
    assert f"/casussen/{case.pk}/" in mailoutbox[0].body or "/meldingen/" in mailoutbox[0].body
    for secret in (case.reference, case.signal, "Demo-A"):
        assert secret not in mailoutbox[0].subject and secret not in mailoutbox[0].body

    # Once it was sent, the next run plans a new one a minute ahead.
    later = now + timedelta(minutes=10)
    result = seed_referrals_demo(now=later)
    [again] = demo_follow_ups(later)
    assert again.pk != soon.pk and again.due_at == later + timedelta(seconds=60) == result.follow_up_due_at


def test_without_demo_a_there_is_no_demo_follow_up():
    seed_demo()
    seed_referrals_demo()
    case = demo_cases()["Demo-A"]
    with scopes_disabled():
        Case.objects.filter(pk=case.pk).update(status=Case.Status.CLOSED, closed_at=timezone.now())
    result = seed_referrals_demo()
    assert result.follow_up_due_at is None and result.reminder_text() == ""
