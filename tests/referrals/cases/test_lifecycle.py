"""The referral lifecycle services: the state machine, the consent ledger, partner
answers, one-time links and redirection by the municipality."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from portal.models import Country
from portal.roles import Role
from referrals import services
from referrals.cases import referral_services as lifecycle
from referrals.cases.referral_services import TRANSITIONS, LinkInvalid, TransitionNotAllowed
from referrals.models import (
    Case,
    CaseEvent,
    PartnerLink,
    PersonalDataAccess,
    Referral,
    ReferralConsent,
    ReferralUpdate,
    VictimContact,
)
from tests.factories import MunicipalityFactory, PartnerFactory, SchoolFactory
from tests.referrals.factories import PartnerLinkFactory, ReferralFactory, RoutedCaseFactory

pytestmark = pytest.mark.django_db

S = Referral.Status


@pytest.fixture
def partner(db):
    return PartnerFactory(name="Slachtofferhulp Nederland", slug="shn", destination_code="slachtofferhulp")


@pytest.fixture
def intake(partner, member_factory):
    return member_factory(partner, Role.PARTNER_INTAKE)


@pytest.fixture
def routed_case(org, case_handler):
    return RoutedCaseFactory(organisation=org, handler=case_handler.user, age=17)


def draft(case_handler, case, destination="slachtofferhulp"):
    with scope(organisation=case_handler.organisation):
        return lifecycle.referral_draft(
            actor_membership=case_handler, case=case, destination=destination, summary="Afpersing met beelden."
        )


def consent(case_handler, referral, **kwargs):
    values = {"given_by": "parent_guardian", "shares_summary": True, "shares_contact": False, **kwargs}
    with scope(organisation=case_handler.organisation):
        return lifecycle.consent_record(actor_membership=case_handler, referral=referral, **values)


def events(referral):
    with scopes_disabled():
        return list(CaseEvent.objects.filter(referral=referral).order_by("pk").values_list("kind", flat=True))


def reload(referral):
    with scopes_disabled():
        return Referral.objects.get(pk=referral.pk)


# --- The state machine --------------------------------------------------------------


def test_transition_table_is_the_documented_one():
    assert TRANSITIONS == {
        "draft": {"sent", "closed"},
        "sent": {"acknowledged", "closed"},
        "acknowledged": {"accepted", "declined", "closed"},
        "accepted": {"closed"},
        "declined": {"closed"},
        "closed": set(),
    }
    assert set(TRANSITIONS) == set(S.values)


@pytest.mark.parametrize("current", S.values)
@pytest.mark.parametrize("target", S.values)
def test_every_illegal_move_is_refused_with_a_message(current, target):
    referral = Referral(status=current)
    if target in TRANSITIONS[current]:
        lifecycle._move(referral, target)
        assert referral.status == target
    else:
        with pytest.raises(TransitionNotAllowed) as caught:
            lifecycle._move(referral, target)
        assert caught.value.status_code == 409
        assert str(S(current).label) in caught.value.message
        assert referral.status == current


# --- Drafting -------------------------------------------------------------------------


def test_draft_finds_the_partner_and_the_municipality(case_handler, routed_case, partner, org):
    PartnerFactory(destination_code="slachtofferhulp", country=Country.BE)  # same code, other country
    referral = draft(case_handler, routed_case)
    assert referral.status == S.DRAFT
    assert referral.partner == partner
    assert referral.municipality == org.parent
    assert referral.urgency == "soon"
    assert referral.destination_label == "Slachtofferhulp Nederland"
    assert events(referral) == ["referral_drafted"]


def test_draft_without_a_portal_partner_goes_by_link(case_handler, routed_case):
    referral = draft(case_handler, routed_case, destination="helpwanted")
    assert referral.partner is None


@pytest.mark.parametrize("destination", ["platform_report", "police_report", "nonsense"])
def test_draft_only_for_referral_destinations_in_the_advice(case_handler, routed_case, destination):
    with pytest.raises(ValidationError) as caught:
        draft(case_handler, routed_case, destination=destination)
    assert "destination" in caught.value.message_dict


def test_one_referral_under_way_per_destination(case_handler, routed_case):
    draft(case_handler, routed_case)
    with pytest.raises(ValidationError) as caught:
        draft(case_handler, routed_case)
    assert "destination" in caught.value.message_dict


def test_draft_needs_a_summary_and_a_case_handler(org, case_handler, routed_case, member_factory):
    with scope(organisation=org), pytest.raises(ValidationError) as caught:
        lifecycle.referral_draft(actor_membership=case_handler, case=routed_case, destination="helpwanted", summary=" ")
    assert "summary" in caught.value.message_dict
    for role in (Role.LEARNER, Role.ORG_COORDINATOR):
        with scope(organisation=org), pytest.raises(PermissionError):
            lifecycle.referral_draft(
                actor_membership=member_factory(org, role), case=routed_case, destination="helpwanted", summary="x"
            )


# --- Consent ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("country", "age", "given_by", "ok"),
    [
        ("NL", 15, "victim", False),
        ("NL", 16, "victim", True),
        ("NL", 15, "parent_guardian", True),
        ("BE", 12, "victim", False),
        ("BE", 13, "victim", True),
        ("NL", None, "victim", False),
        ("NL", None, "parent_guardian", True),
    ],
)
def test_consent_age_per_country(country, age, given_by, ok, member_factory):
    school = SchoolFactory(parent=MunicipalityFactory(country=country))
    handler = member_factory(school, Role.CASE_HANDLER)
    case = RoutedCaseFactory(organisation=school, handler=handler.user, age=age)
    if age is None:
        with scopes_disabled():
            Case.objects.filter(pk=case.pk).update(facts={"country": country})
            case.refresh_from_db()
    referral = draft(handler, case)
    if ok:
        entry = consent(handler, referral, given_by=given_by)
        assert entry.victim_age == age
        assert lifecycle.shared_with_partner(referral).summary
    else:
        with pytest.raises(ValidationError) as caught:
            consent(handler, referral, given_by=given_by)
        assert "given_by" in caught.value.message_dict
        assert not lifecycle.shared_with_partner(referral).summary


def test_consent_age_is_a_setting(settings, case_handler, org):
    settings.REFERRAL_CONSENT_AGE = {"NL": 18, "BE": 13}
    referral = draft(case_handler, RoutedCaseFactory(organisation=org, handler=case_handler.user, age=17))
    with pytest.raises(ValidationError):
        consent(case_handler, referral, given_by="victim")


def test_consent_checks_each_field(case_handler, routed_case):
    referral = draft(case_handler, routed_case)
    with pytest.raises(ValidationError) as caught:
        consent(
            case_handler,
            referral,
            given_by="neighbour",
            shares_summary=False,
            shares_contact=False,
            expires_at=timezone.now() - timedelta(days=1),
        )
    assert set(caught.value.message_dict) == {"given_by", "shares_summary", "expires_at"}


def test_sharing_contact_details_needs_consent_to_keep_them(case_handler, routed_case):
    with scopes_disabled():
        Case.objects.filter(pk=routed_case.pk).update(consent_contact=False)
    routed_case.refresh_from_db()
    referral = draft(case_handler, routed_case)
    with pytest.raises(ValidationError) as caught:
        consent(case_handler, referral, shares_contact=True)
    assert "shares_contact" in caught.value.message_dict


def test_expired_consent_shares_nothing(case_handler, routed_case):
    referral = draft(case_handler, routed_case)
    entry = consent(case_handler, referral, expires_at=timezone.now() + timedelta(days=30))
    assert lifecycle.shared_with_partner(referral).summary
    later = timezone.now() + timedelta(days=31)
    assert not entry.is_valid(later)
    assert not lifecycle.shared_with_partner(referral, now=later).summary


# --- Sending ----------------------------------------------------------------------------


def test_send_needs_consent(case_handler, routed_case, partner):
    referral = draft(case_handler, routed_case)
    with scope(organisation=case_handler.organisation), pytest.raises(ValidationError):
        lifecycle.referral_send(actor_membership=case_handler, referral=referral)
    assert reload(referral).status == S.DRAFT


def test_send_to_a_portal_partner_mails_its_intake_without_victim_data(
    case_handler, routed_case, intake, mailoutbox, django_capture_on_commit_callbacks
):
    referral = draft(case_handler, routed_case)
    consent(case_handler, referral)
    with scope(organisation=case_handler.organisation), django_capture_on_commit_callbacks(execute=True):
        assert lifecycle.referral_send(actor_membership=case_handler, referral=referral) is None
    referral = reload(referral)
    assert referral.status == S.SENT and referral.sent_at
    assert [m.to for m in mailoutbox] == [[intake.user.email]]
    body = mailoutbox[0].body + mailoutbox[0].subject
    assert "/doorverwijzingen/" in body
    for secret in (routed_case.pseudonym, referral.summary, routed_case.signal):
        assert secret not in body
    assert events(referral) == ["referral_drafted", "consent_given", "referral_sent"]


def test_send_by_link_needs_an_address_and_mails_the_link(
    case_handler, routed_case, mailoutbox, django_capture_on_commit_callbacks
):
    referral = draft(case_handler, routed_case, destination="helpwanted")
    consent(case_handler, referral)
    with scope(organisation=case_handler.organisation), pytest.raises(ValidationError) as caught:
        lifecycle.referral_send(actor_membership=case_handler, referral=referral)
    assert "partner_email" in caught.value.message_dict
    with scope(organisation=case_handler.organisation), django_capture_on_commit_callbacks(execute=True):
        created = lifecycle.referral_send(
            actor_membership=case_handler, referral=referral, partner_email="Intake@HelpWanted.example"
        )
    token = created.url.rstrip("/").rsplit("/", 1)[1]
    assert created.link.email == "intake@helpwanted.example"
    assert created.link.token_hash != token and token not in created.link.token_hash
    assert created.link.expires_at - timezone.now() > timedelta(days=13, hours=23)
    assert [m.to for m in mailoutbox] == [["intake@helpwanted.example"]]
    assert created.url in mailoutbox[0].body
    assert routed_case.pseudonym not in mailoutbox[0].body and referral.summary not in mailoutbox[0].body
    assert lifecycle.partner_link_resolve(token).pk == created.link.pk


def test_a_rolled_back_send_mails_nothing(
    case_handler, routed_case, intake, mailoutbox, django_capture_on_commit_callbacks
):
    from django.db import transaction

    referral = draft(case_handler, routed_case)
    consent(case_handler, referral)
    with django_capture_on_commit_callbacks(execute=True), scope(organisation=case_handler.organisation):
        try:
            with transaction.atomic():
                lifecycle.referral_send(actor_membership=case_handler, referral=referral)
                raise RuntimeError("boom")
        except RuntimeError:
            pass
    assert mailoutbox == []
    assert reload(referral).status == S.DRAFT


# --- The partner's answers ----------------------------------------------------------------


def test_partner_acknowledges_accepts_and_reports_back(org, intake, partner):
    referral = ReferralFactory(organisation=org, partner=partner)
    with scope(organisation=partner):
        lifecycle.referral_acknowledge(referral=referral, actor_membership=intake)
        with pytest.raises(TransitionNotAllowed):
            lifecycle.referral_acknowledge(referral=referral, actor_membership=intake)
        lifecycle.referral_accept(referral=referral, actor_membership=intake, message="We bellen morgen.")
        lifecycle.referral_post_update(referral=referral, actor_membership=intake, text="Eerste gesprek gehad.")
        lifecycle.referral_close(referral=referral, actor_membership=intake, outcome="helped")
    referral = reload(referral)
    assert referral.status == S.CLOSED and referral.outcome == "helped"
    assert referral.acknowledged_at and referral.decided_at and referral.closed_at
    with scopes_disabled():
        assert list(ReferralUpdate.objects.filter(referral=referral).values_list("text", flat=True)) == [
            "We bellen morgen.",
            "Eerste gesprek gehad.",
        ]
    assert events(referral)[-5:] == [
        "acknowledged",
        "referral_accepted",
        "referral_update",
        "referral_update",
        "referral_closed",
    ]


def test_accept_before_acknowledging_is_a_conflict(org, intake, partner):
    referral = ReferralFactory(organisation=org, partner=partner)
    with scope(organisation=partner), pytest.raises(TransitionNotAllowed):
        lifecycle.referral_accept(referral=referral, actor_membership=intake)


def test_partner_closes_only_after_deciding(org, intake, partner):
    referral = ReferralFactory(organisation=org, partner=partner, status=S.ACKNOWLEDGED)
    with scope(organisation=partner), pytest.raises(TransitionNotAllowed):
        lifecycle.referral_close(referral=referral, actor_membership=intake, outcome="helped")
    with scope(organisation=partner), pytest.raises(ValidationError):
        lifecycle.referral_close(referral=referral, actor_membership=intake, outcome="withdrawn")


def test_decline_needs_a_reason(org, intake, partner):
    referral = ReferralFactory(organisation=org, partner=partner, status=S.ACKNOWLEDGED)
    with scope(organisation=partner), pytest.raises(ValidationError) as caught:
        lifecycle.referral_decline(referral=referral, actor_membership=intake, reason="")
    assert "reason" in caught.value.message_dict
    with scope(organisation=partner):
        lifecycle.referral_decline(referral=referral, actor_membership=intake, reason="Niet ons werkgebied.")
    assert reload(referral).status == S.DECLINED


def test_only_the_receiving_partner_may_answer(org, partner, intake, member_factory, case_handler):
    referral = ReferralFactory(organisation=org, partner=partner)
    other = PartnerFactory(destination_code="helpwanted")
    for membership in (member_factory(other, Role.PARTNER_INTAKE), member_factory(partner, Role.ORG_COORDINATOR)):
        with pytest.raises(PermissionError):
            lifecycle.referral_acknowledge(referral=referral, actor_membership=membership)
    # The referrer cannot acknowledge its own referral either.
    with pytest.raises(PermissionError):
        lifecycle.referral_acknowledge(referral=referral, actor_membership=case_handler)
    assert reload(referral).status == S.SENT


def test_referrer_cancels_a_draft_and_withdraws_a_sent_referral(org, case_handler, routed_case, partner):
    referral = draft(case_handler, routed_case)
    with scope(organisation=org):
        lifecycle.referral_close(referral=referral, actor_membership=case_handler, outcome="cancelled")
        with pytest.raises(TransitionNotAllowed):
            lifecycle.referral_close(referral=referral, actor_membership=case_handler, outcome="withdrawn")
    sent = ReferralFactory(organisation=org, partner=partner, destination="helpwanted", case=routed_case)
    with scope(organisation=org):
        lifecycle.referral_close(referral=sent, actor_membership=case_handler, outcome="withdrawn")
        with pytest.raises(TransitionNotAllowed):
            lifecycle.referral_post_update(referral=sent, actor_membership=case_handler, text="Nog iets?")
    assert reload(sent).outcome == "withdrawn"


def test_two_partners_acknowledging_at_once_succeed_once(file_database, org, partner, member_factory):
    referral = ReferralFactory(organisation=org, partner=partner)
    workers = [member_factory(partner, Role.PARTNER_INTAKE) for _ in range(2)]
    barrier = threading.Barrier(2)
    results: list[str] = []

    def acknowledge(membership):
        try:
            barrier.wait()
            with scope(organisation=partner):
                lifecycle.referral_acknowledge(referral=referral, actor_membership=membership)
            results.append("ok")
        except TransitionNotAllowed:
            results.append("conflict")
        finally:
            connection.close()

    threads = [threading.Thread(target=acknowledge, args=(m,)) for m in workers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == ["conflict", "ok"]
    assert events(referral).count("acknowledged") == 1


# --- What the partner sees -----------------------------------------------------------------


def test_summary_read_is_logged_and_stops_when_consent_is_withdrawn(org, partner, intake, case_handler):
    referral = ReferralFactory(organisation=org, partner=partner)
    with scope(organisation=partner):
        shared = lifecycle.referral_summary_read(referral=referral, actor_membership=intake)
    assert shared["summary"] == referral.summary and shared["pseudonym"] == referral.case.pseudonym
    assert shared["contact_shared"] is False
    with scopes_disabled():
        row = PersonalDataAccess.objects.get(case=referral.case)
        assert (row.kind, row.user, row.reader_organisation, row.organisation) == (
            "referral",
            intake.user,
            partner,
            org,
        )
        entry = referral.consents.get()
    with scope(organisation=org):
        lifecycle.consent_withdraw(actor_membership=case_handler, consent=entry)
    with scope(organisation=partner):
        assert lifecycle.referral_summary_read(referral=referral, actor_membership=intake) is None
    with scopes_disabled():
        assert PersonalDataAccess.objects.filter(case=referral.case).count() == 1
    assert "consent_withdrawn" in events(referral)


def test_contact_details_only_with_consent_and_a_reason(org, partner, intake):
    referral = ReferralFactory(organisation=org, partner=partner, shares_contact=False)
    with scopes_disabled():
        VictimContact.objects.create(organisation=org, case=referral.case, phone="0612345678")
    with scope(organisation=partner), pytest.raises(ValidationError):
        lifecycle.referral_contact_read(referral=referral, actor_membership=intake, reason="Afspraak maken")
    shared = ReferralFactory(
        organisation=org, partner=partner, case=referral.case, destination="helpwanted", shares_contact=True
    )
    with scope(organisation=partner), pytest.raises(ValidationError) as caught:
        lifecycle.referral_contact_read(referral=shared, actor_membership=intake, reason="")
    assert "reason" in caught.value.message_dict
    with scope(organisation=partner):
        contact = lifecycle.referral_contact_read(referral=shared, actor_membership=intake, reason="Afspraak maken")
    assert contact.phone == "0612345678"
    with scopes_disabled():
        row = PersonalDataAccess.objects.get(kind="contact_details")
        assert (row.reason, row.reader_organisation) == ("Afspraak maken", partner)
    assert "personal_data_viewed" in events(shared)


# --- Partner links ---------------------------------------------------------------------------


def test_a_link_works_until_the_referral_is_closed(org):
    referral = ReferralFactory(organisation=org)
    link = PartnerLinkFactory(referral=referral, token="t" * 40)
    assert lifecycle.partner_link_resolve("t" * 40) == link
    lifecycle.referral_acknowledge(referral=referral, link=link)
    link = lifecycle.partner_link_resolve("t" * 40)
    shared = lifecycle.referral_summary_read(referral=referral, link=link)
    assert shared["summary"] == referral.summary
    lifecycle.referral_accept(referral=referral, link=link, message="We nemen contact op.")
    link = lifecycle.partner_link_resolve("t" * 40)  # still works after accepting
    update = lifecycle.referral_post_update(referral=referral, link=link, text="Gesprek gehad.")
    assert (update.from_partner, update.author_id) == (True, None)
    assert "(via link)" in update.author_label
    with pytest.raises(ValidationError):
        lifecycle.referral_close(referral=referral, link=link, outcome=Referral.Outcome.WITHDRAWN)
    lifecycle.referral_close(referral=referral, link=link, outcome=Referral.Outcome.HELPED)
    assert (reload(referral).status, reload(referral).outcome) == (S.CLOSED, Referral.Outcome.HELPED)
    with pytest.raises(LinkInvalid) as caught:
        lifecycle.partner_link_resolve("t" * 40)
    assert caught.value.state == "used"
    with pytest.raises(TransitionNotAllowed):
        lifecycle.referral_post_update(referral=referral, link=link, text="Nog iets.")
    with pytest.raises(PermissionError):
        lifecycle.referral_post_update(referral=referral, actor_membership=None, text="x")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("values", "state"),
    [
        ({"expires_at": timezone.now() - timedelta(seconds=1)}, "expired"),
        ({"revoked_at": timezone.now()}, "revoked"),
        ({"used_at": timezone.now()}, "used"),
    ],
)
def test_unusable_links(org, values, state):
    link = PartnerLinkFactory(referral=ReferralFactory(organisation=org), token="u" * 40, **values)
    with pytest.raises(LinkInvalid) as caught:
        lifecycle.partner_link_resolve("u" * 40)
    assert caught.value.state == state
    with pytest.raises(PermissionError):
        lifecycle.referral_acknowledge(referral=link.referral, link=link)


def test_unknown_token_and_another_referrals_link(org):
    with pytest.raises(LinkInvalid):
        lifecycle.partner_link_resolve("does-not-exist")
    with pytest.raises(LinkInvalid):
        lifecycle.partner_link_resolve("")
    link = PartnerLinkFactory(referral=ReferralFactory(organisation=org), token="v" * 40)
    other = ReferralFactory(organisation=org, destination="helpwanted")
    with pytest.raises(PermissionError):
        lifecycle.referral_acknowledge(referral=other, link=link)


def test_withdrawing_consent_revokes_links(org, case_handler):
    referral = ReferralFactory(organisation=org)
    link = PartnerLinkFactory(referral=referral, token="w" * 40)
    with scopes_disabled():
        entry = referral.consents.get()
    with scope(organisation=org):
        lifecycle.consent_withdraw(actor_membership=case_handler, consent=entry)
    with pytest.raises(LinkInvalid) as caught:
        lifecycle.partner_link_resolve("w" * 40)
    assert caught.value.state == "revoked"
    with scopes_disabled():
        assert PartnerLink.objects.get(pk=link.pk).revoked_by == case_handler.user


def test_a_new_link_ends_the_earlier_one(org, case_handler, django_capture_on_commit_callbacks):
    referral = ReferralFactory(organisation=org, case=RoutedCaseFactory(organisation=org, handler=case_handler.user))
    first = PartnerLinkFactory(referral=referral, token="x" * 40)
    with scope(organisation=org), django_capture_on_commit_callbacks(execute=True):
        created = lifecycle.partner_link_create(actor_membership=case_handler, referral=referral, email="a@b.example")
    assert lifecycle.partner_link_resolve(created.url.rstrip("/").rsplit("/", 1)[1]).pk == created.link.pk
    with scopes_disabled():
        assert PartnerLink.objects.get(pk=first.pk).state() == "revoked"
    with scope(organisation=org):
        lifecycle.partner_link_revoke(actor_membership=case_handler, link=created.link)
    with scopes_disabled():
        assert PartnerLink.objects.get(pk=created.link.pk).state() == "revoked"


# --- The municipality -------------------------------------------------------------------------


def test_redirect_closes_the_old_and_drafts_a_new_referral(org, member_factory, partner):
    coordinator = member_factory(org.parent, Role.MUNICIPAL_COORDINATOR)
    referral = ReferralFactory(organisation=org, partner=partner, status=S.DECLINED)
    with scope(organisation=org.parent):
        new = lifecycle.referral_redirect(
            actor_membership=coordinator, referral=referral, destination="helpwanted", reason="Past beter bij beelden."
        )
    old = reload(referral)
    assert (old.status, old.outcome) == (S.CLOSED, "redirected")
    assert (new.status, new.destination, new.redirected_from_id) == (S.DRAFT, "helpwanted", old.pk)
    assert new.organisation_id == org.pk and new.summary == old.summary
    # Consent is per organisation: the new draft shares nothing until the handler records it.
    assert not lifecycle.shared_with_partner(new).summary
    assert "referral_redirected" in events(old)


def test_redirect_rules(org, member_factory, partner):
    coordinator = member_factory(org.parent, Role.MUNICIPAL_COORDINATOR)
    elsewhere = member_factory(MunicipalityFactory(), Role.MUNICIPAL_COORDINATOR)
    referral = ReferralFactory(organisation=org, partner=partner)
    with pytest.raises(PermissionError):
        lifecycle.referral_redirect(
            actor_membership=elsewhere, referral=referral, destination="helpwanted", reason="Omdat het moet"
        )
    for destination in ("platform_report", "child_focus", "slachtofferhulp"):
        with scope(organisation=org.parent), pytest.raises(ValidationError) as caught:
            lifecycle.referral_redirect(
                actor_membership=coordinator, referral=referral, destination=destination, reason="Omdat het moet"
            )
        assert "destination" in caught.value.message_dict
    with scope(organisation=org.parent), pytest.raises(ValidationError) as caught:
        lifecycle.referral_redirect(
            actor_membership=coordinator, referral=referral, destination="helpwanted", reason=""
        )
    assert "reason" in caught.value.message_dict
    closed = ReferralFactory(organisation=org, partner=partner, status=S.CLOSED, destination="helpwanted")
    with scope(organisation=org.parent), pytest.raises(TransitionNotAllowed):
        lifecycle.referral_redirect(
            actor_membership=coordinator, referral=closed, destination="slachtofferhulp", reason="Omdat het moet"
        )


# --- Scoped managers and retention ---------------------------------------------------------------


def test_each_side_sees_the_referral_through_its_own_manager(org, partner):
    referral = ReferralFactory(organisation=org, partner=partner)
    ReferralFactory(organisation=SchoolFactory(), partner=PartnerFactory(destination_code="helpwanted"))
    with scope(organisation=org):
        assert list(Referral.objects.all()) == [referral]
        assert list(Referral.received.all()) == []
    with scopes_disabled():
        consents = list(ReferralConsent.objects.filter(referral=referral))
    with scope(organisation=partner):
        assert list(Referral.received.all()) == [referral]
        assert list(Referral.objects.all()) == []
        assert list(ReferralConsent.received.all()) == consents
    with scope(organisation=org.parent):
        assert list(Referral.in_area.all()) == [referral]


def test_retention_clears_what_was_shared(org, partner, intake):
    referral = ReferralFactory(organisation=org, partner=partner, status=S.ACCEPTED)
    with scope(organisation=partner):
        lifecycle.referral_post_update(referral=referral, actor_membership=intake, text="Gesprek met J.B. gehad.")
    with scopes_disabled():
        Case.objects.filter(pk=referral.case_id).update(
            status=Case.Status.CLOSED, outcome="referred", closed_at=timezone.now() - timedelta(days=800)
        )
    services.retention_apply(organisation=org, now=timezone.now() - timedelta(days=300))
    referral = reload(referral)
    assert referral.summary == ""
    with scopes_disabled():
        assert not ReferralUpdate.objects.filter(referral=referral).exists()
        assert referral.consents.get().victim_age is None


# --- What the partner reads, by status ---------------------------------------------------------


@pytest.mark.parametrize("status", S.values)
def test_partner_reads_only_while_the_referral_is_sent_acknowledged_or_accepted(status, org, partner, intake):
    referral = ReferralFactory(organisation=org, partner=partner, status=status, shares_contact=True)
    with scopes_disabled():
        VictimContact.objects.create(organisation=org, case=referral.case, phone="0612345678")
    readable = status in (S.SENT, S.ACKNOWLEDGED, S.ACCEPTED)
    assert lifecycle.PARTNER_READABLE_STATUSES == frozenset({S.SENT, S.ACKNOWLEDGED, S.ACCEPTED})
    with scope(organisation=partner):
        summary = lifecycle.referral_summary_read(referral=referral, actor_membership=intake)
        assert (summary is not None) is readable
        if readable:
            contact = lifecycle.referral_contact_read(
                referral=referral, actor_membership=intake, reason="Afspraak maken"
            )
            assert contact.phone == "0612345678"
        else:
            with pytest.raises(ValidationError) as caught:
                lifecycle.referral_contact_read(referral=referral, actor_membership=intake, reason="Afspraak maken")
            assert "loopt niet meer" in caught.value.messages[0] or status == S.DRAFT
    with scopes_disabled():
        assert PersonalDataAccess.objects.filter(case=referral.case).count() == (2 if readable else 0)
    # The ledger itself stays as it was: consent covers both, whatever the status.
    assert lifecycle.consent_covers(referral).contact
