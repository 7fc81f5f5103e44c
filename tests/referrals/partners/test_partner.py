"""The partner's pages: the inbox and a received referral, seen by the partner's
intake workers only, showing only what consent covers, and every answer through
the lifecycle services (an illegal one is a 409)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from portal.roles import Role
from referrals.cases import referral_services as lifecycle
from referrals.models import PersonalDataAccess, Referral, ReferralUpdate, VictimContact
from tests.factories import PartnerFactory
from tests.referrals.factories import ReferralFactory, RoutedCaseFactory

pytestmark = pytest.mark.django_db

S = Referral.Status
PSEUDONYM = "J.B."
SUMMARY = "Wordt afgeperst met beelden; wil hulp bij aangifte."
PHONE = "06-12345678"


@pytest.fixture
def partner(db):
    return PartnerFactory(name="Slachtofferhulp Regio Zuid", slug="shn-zuid", destination_code="slachtofferhulp")


@pytest.fixture
def other_partner(db):
    return PartnerFactory(name="HelpWanted", slug="helpwanted", destination_code="helpwanted")


@pytest.fixture
def intake(partner, member_factory):
    return member_factory(partner, Role.PARTNER_INTAKE)


@pytest.fixture
def referral(org, partner):
    return ReferralFactory(organisation=org, partner=partner)


def inbox_url(organisation, query: str = "") -> str:
    return f"/o/{organisation.slug}/doorverwijzingen/{query}"


def detail_url(organisation, referral) -> str:
    return f"/o/{organisation.slug}/doorverwijzingen/{referral.pk}/"


ACTIONS = {
    "acknowledge": ("ontvangen/", {}),
    "accept": ("aannemen/", {"message": "We bellen morgen."}),
    "decline": ("afwijzen/", {"reason": "Geen plek deze maand."}),
    "update": ("bericht/", {"text": "Eerste gesprek gehad."}),
    "close": ("afsluiten/", {"outcome": Referral.Outcome.HELPED}),
    "contact": ("contactgegevens/", {"reason": "Afspraak maken voor intake."}),
}


def action_url(organisation, referral, action: str) -> str:
    return detail_url(organisation, referral) + ACTIONS[action][0]


def status_of(referral) -> str:
    with scopes_disabled():
        return Referral.objects.get(pk=referral.pk).status


def set_contact(referral, **values):
    with scopes_disabled():
        return VictimContact.objects.create(
            organisation_id=referral.organisation_id,
            case_id=referral.case_id,
            name="Moeder van J.",
            phone=PHONE,
            email="ouder@example.org",
            **values,
        )


def access_rows(**filters):
    with scopes_disabled():
        return list(PersonalDataAccess.objects.filter(**filters))


# --- Who may open the pages ---------------------------------------------------------------


def test_intake_worker_sees_the_inbox(client, intake, referral, org):
    client.force_login(intake.user)
    response = client.get(inbox_url(intake.organisation))
    assert response.status_code == 200
    assert org.name in response.text
    assert referral.case.reference in response.text
    assert "Slachtofferhulp Nederland" in response.text  # destination label
    assert "snel" in response.text  # urgency "soon"
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("role", [Role.ORG_COORDINATOR, Role.CONTENT_EDITOR])
def test_other_roles_of_the_partner_get_403(role, client, partner, referral, member_factory):
    member = member_factory(partner, role)
    client.force_login(member.user)
    assert client.get(inbox_url(partner)).status_code == 403
    assert client.get(detail_url(partner, referral)).status_code == 403
    for action, (_suffix, data) in ACTIONS.items():
        assert client.post(action_url(partner, referral, action), data).status_code == 403, action
    assert status_of(referral) == S.SENT


def test_another_partners_intake_gets_404_on_detail_and_every_post(client, other_partner, referral, member_factory):
    outsider = member_factory(other_partner, Role.PARTNER_INTAKE)
    client.force_login(outsider.user)
    assert client.get(detail_url(other_partner, referral)).status_code == 404
    for action, (_suffix, data) in ACTIONS.items():
        assert client.post(action_url(other_partner, referral, action), data).status_code == 404, action
    # Through the referral's own partner slug: not a member there.
    assert client.get(detail_url(referral.partner, referral)).status_code == 404
    assert status_of(referral) == S.SENT
    assert access_rows() == []


def test_the_referrers_case_handler_gets_nothing_on_partner_urls(client, org, partner, referral, case_handler):
    client.force_login(case_handler.user)
    # Under the school's own slug the referral is not one it received: 404 before the role check.
    assert client.get(detail_url(org, referral)).status_code == 404
    for action, (_suffix, data) in ACTIONS.items():
        assert client.post(action_url(org, referral, action), data).status_code == 404, action
    # The school's inbox is not for a case handler.
    assert client.get(inbox_url(org)).status_code == 403
    # Under the partner's slug: not a member.
    assert client.get(inbox_url(partner)).status_code == 404
    assert client.get(detail_url(partner, referral)).status_code == 404
    assert status_of(referral) == S.SENT


def test_a_partner_sees_only_referrals_to_itself(client, org, other_org, partner, other_partner, intake):
    mine = ReferralFactory(
        organisation=org, partner=partner, case=RoutedCaseFactory(organisation=org, reference="2026-8001")
    )
    theirs = ReferralFactory(
        organisation=other_org,
        partner=other_partner,
        destination="helpwanted",
        case=RoutedCaseFactory(organisation=other_org, reference="2026-8002"),
    )
    client.force_login(intake.user)
    text = client.get(inbox_url(partner)).text
    assert "2026-8001" in text
    assert "2026-8002" not in text
    assert other_org.name not in text
    assert client.get(detail_url(partner, mine)).status_code == 200
    assert client.get(detail_url(partner, theirs)).status_code == 404


def test_a_draft_is_not_received_yet(client, org, partner, intake):
    draft = ReferralFactory(
        organisation=org,
        partner=partner,
        status=S.DRAFT,
        case=RoutedCaseFactory(organisation=org, reference="2026-8003"),
    )
    client.force_login(intake.user)
    assert "2026-8003" not in client.get(inbox_url(partner)).text
    assert client.get(detail_url(partner, draft)).status_code == 404
    assert client.post(action_url(partner, draft, "acknowledge")).status_code == 404
    assert status_of(draft) == S.DRAFT


# --- The inbox ---------------------------------------------------------------------------


def test_inbox_shows_no_victim_data_and_logs_no_read(client, intake, referral, partner):
    client.force_login(intake.user)
    text = client.get(inbox_url(partner)).text
    assert PSEUDONYM not in text
    assert SUMMARY not in text
    assert access_rows() == []


def test_inbox_waiting_time_counts_until_acknowledged(client, org, partner, intake):
    now = timezone.now()
    waiting = ReferralFactory(
        organisation=org, partner=partner, case=RoutedCaseFactory(organisation=org, reference="2026-8101")
    )
    seen = ReferralFactory(
        organisation=org,
        partner=partner,
        status=S.ACKNOWLEDGED,
        case=RoutedCaseFactory(organisation=org, reference="2026-8102"),
    )
    with scopes_disabled():
        Referral.objects.filter(pk=waiting.pk).update(sent_at=now - timedelta(days=3, hours=1))
        Referral.objects.filter(pk=seen.pk).update(
            sent_at=now - timedelta(days=9), acknowledged_at=now - timedelta(days=7)
        )
    client.force_login(intake.user)
    text = client.get(inbox_url(partner)).text
    assert "wacht 3 dagen" in text
    assert "ontvangen na 2 dagen" in text


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ("?status=new", {"2026-8201"}, {"2026-8202", "2026-8203"}),
        ("?status=open", {"2026-8202"}, {"2026-8201", "2026-8203"}),
        ("?status=closed", {"2026-8203"}, {"2026-8201", "2026-8202"}),
        ("", {"2026-8201", "2026-8202", "2026-8203"}, set()),
    ],
)
def test_inbox_tabs_filter_by_status(query, shown, hidden, client, org, partner, intake):
    for reference, status in (("2026-8201", S.SENT), ("2026-8202", S.ACCEPTED), ("2026-8203", S.CLOSED)):
        ReferralFactory(
            organisation=org,
            partner=partner,
            status=status,
            case=RoutedCaseFactory(organisation=org, reference=reference),
        )
    client.force_login(intake.user)
    response = client.get(inbox_url(partner, query))
    assert response.status_code == 200
    assert all(ref in response.text for ref in shown)
    assert not any(ref in response.text for ref in hidden)
    assert "Dit filter bestaat niet" not in response.text


def test_inbox_unknown_status_says_so_and_shows_everything(client, org, partner, intake):
    for reference, status in (("2026-8301", S.SENT), ("2026-8302", S.CLOSED)):
        ReferralFactory(
            organisation=org,
            partner=partner,
            status=status,
            case=RoutedCaseFactory(organisation=org, reference=reference),
        )
    client.force_login(intake.user)
    response = client.get(inbox_url(partner, "?status=<script>"))
    assert response.status_code == 200
    assert "Dit filter bestaat niet" in response.text
    assert "2026-8301" in response.text and "2026-8302" in response.text
    assert "<script>" not in response.text.split("<main", 1)[1]


def _count(client, path) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def test_inbox_costs_the_same_for_5_and_50_referrals_and_pages_by_50(client, org, partner, intake):
    client.force_login(intake.user)
    for _ in range(5):
        ReferralFactory(organisation=org, partner=partner)
    client.get(inbox_url(partner))  # warm caches (session)
    few = _count(client, inbox_url(partner))
    for _ in range(46):
        ReferralFactory(organisation=org, partner=partner)
    many = _count(client, inbox_url(partner))
    assert few == many
    assert few <= 12
    # 51 referrals: 50 on the first page, one on the second.
    first = client.get(inbox_url(partner))
    assert len(first.context["rows"]) == 50
    assert "Pagina 1 van 2" in first.text
    second = client.get(inbox_url(partner, "?pagina=2"))
    assert "Pagina 2 van 2" in second.text
    assert len(second.context["rows"]) == 1


# --- The referral page: what is shared ------------------------------------------------------


def test_detail_shows_the_shared_summary_and_logs_the_read(client, intake, referral, partner):
    client.force_login(intake.user)
    response = client.get(detail_url(partner, referral))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert SUMMARY in response.text
    assert PSEUDONYM in response.text
    assert "17 jaar" in response.text
    assert "Afpersing met seksuele beelden" in response.text  # the case's form, by its label
    [row] = access_rows()
    assert row.kind == PersonalDataAccess.Kind.REFERRAL
    assert row.reader_organisation_id == partner.pk
    assert row.user_id == intake.user_id
    assert row.organisation_id == referral.organisation_id


def _handled_by(referral, membership) -> None:
    with scopes_disabled():
        referral.case.__class__.objects.filter(pk=referral.case_id).update(handler=membership.user)


@pytest.mark.parametrize("status", [S.SENT, S.ACCEPTED, S.CLOSED])
def test_detail_says_how_to_reach_the_referrer_never_the_victim(client, org, partner, intake, member_factory, status):
    """As the one-time link page does: the referring organisation and its handler's
    work name and e-mail, while the referral is under way and after it ended."""
    referral = ReferralFactory(organisation=org, partner=partner, status=status, shares_contact=True)
    handler = member_factory(org, Role.CASE_HANDLER, first_name="Ria", last_name="de Vries")
    _handled_by(referral, handler)
    set_contact(referral)
    client.force_login(intake.user)
    text = client.get(detail_url(partner, referral)).text
    section = text[text.index('id="contact-verwijzer"') : text.index('id="contactgegevens"')]
    assert org.name in section and "Ria de Vries" in section
    assert f'href="mailto:{handler.user.email}"' in section
    # The victim's contact details only ever after a reason is given, never here.
    assert PHONE not in text and "ouder@example.org" not in text and "Moeder van J." not in text


def test_withdrawn_consent_hides_the_summary_at_the_next_request(client, org, intake, referral, partner, case_handler):
    with scopes_disabled():
        ReferralUpdate.objects.create(
            organisation=org, referral=referral, author_label=org.name, from_partner=False, text="Bel liever na 16 uur."
        )
    client.force_login(intake.user)
    before = client.get(detail_url(partner, referral))
    assert SUMMARY in before.text and PSEUDONYM in before.text
    assert "Bel liever na 16 uur." in before.text
    with scopes_disabled():
        consent = referral.consents.get()
    with scope(organisation=org):
        lifecycle.consent_withdraw(actor_membership=case_handler, consent=consent)
    after = client.get(detail_url(partner, referral))
    assert after.status_code == 200
    assert SUMMARY not in after.text
    assert PSEUDONYM not in after.text
    assert "17 jaar" not in after.text
    assert "Bel liever na 16 uur." not in after.text
    assert "geen toestemming (meer)" in after.text
    # Only the read with consent was logged.
    assert len(access_rows(kind=PersonalDataAccess.Kind.REFERRAL)) == 1


def test_contact_details_are_offered_only_when_shared(client, org, partner, intake):
    without = ReferralFactory(organisation=org, partner=partner)
    set_contact(without)
    client.force_login(intake.user)
    page = client.get(detail_url(partner, without))
    assert action_url(partner, without, "contact") not in page.text
    assert "geen toestemming om contactgegevens" in page.text
    refused = client.post(action_url(partner, without, "contact"), {"reason": "Afspraak maken voor intake."})
    assert refused.status_code == 400
    assert PHONE not in refused.text
    assert "Er is geen geldige toestemming om contactgegevens te delen." in refused.text
    assert access_rows(kind=PersonalDataAccess.Kind.CONTACT_DETAILS) == []


def test_contact_details_with_a_reason_are_shown_and_logged(client, org, partner, intake):
    shared = ReferralFactory(organisation=org, partner=partner, shares_contact=True)
    set_contact(shared)
    client.force_login(intake.user)
    page = client.get(detail_url(partner, shared))
    assert action_url(partner, shared, "contact") in page.text
    assert PHONE not in page.text
    response = client.post(action_url(partner, shared, "contact"), {"reason": "Afspraak maken voor intake."})
    assert response.status_code == 200
    assert PHONE in response.text
    assert "no-store" in response["Cache-Control"]
    [row] = access_rows(kind=PersonalDataAccess.Kind.CONTACT_DETAILS)
    assert row.reader_organisation_id == partner.pk
    assert row.user_id == intake.user_id
    assert row.reason == "Afspraak maken voor intake."


def test_contact_details_need_a_reason(client, org, partner, intake):
    shared = ReferralFactory(organisation=org, partner=partner, shares_contact=True)
    set_contact(shared)
    client.force_login(intake.user)
    for data in ({}, {"reason": "ok"}):
        response = client.post(action_url(partner, shared, "contact"), data)
        assert response.status_code == 400
        assert PHONE not in response.text
        assert response.context["contact_form"].errors["reason"]
    assert access_rows(kind=PersonalDataAccess.Kind.CONTACT_DETAILS) == []


# --- The referral page: answers ----------------------------------------------------------------


def test_buttons_follow_the_status(client, org, partner, intake):
    client.force_login(intake.user)
    expected = {
        S.SENT: {"acknowledge", "update"},
        S.ACKNOWLEDGED: {"accept", "decline", "update"},
        S.ACCEPTED: {"close", "update"},
        S.DECLINED: {"close", "update"},
        S.CLOSED: set(),
    }
    for status, actions in expected.items():
        referral = ReferralFactory(organisation=org, partner=partner, status=status)
        text = client.get(detail_url(partner, referral)).text
        offered = {
            a
            for a in ("acknowledge", "accept", "decline", "update", "close")
            if action_url(partner, referral, a) in text
        }
        assert offered == actions, status


def test_full_lifecycle_through_the_views(client, partner, intake, referral):
    client.force_login(intake.user)
    detail = detail_url(partner, referral)

    response = client.post(action_url(partner, referral, "acknowledge"))
    assert response.status_code == 302 and response["Location"] == detail
    assert status_of(referral) == S.ACKNOWLEDGED
    assert "ontvangen" in client.get(detail).text

    response = client.post(action_url(partner, referral, "accept"), {"message": "We bellen morgen."})
    assert response.status_code == 302 and response["Location"] == detail
    assert status_of(referral) == S.ACCEPTED

    response = client.post(action_url(partner, referral, "update"), {"text": "Eerste gesprek gehad."})
    assert response.status_code == 302
    with scopes_disabled():
        texts = list(ReferralUpdate.objects.filter(referral=referral).values_list("text", "from_partner"))
    assert texts == [("We bellen morgen.", True), ("Eerste gesprek gehad.", True)]
    page = client.get(detail).text
    assert "We bellen morgen." in page and "Eerste gesprek gehad." in page

    response = client.post(action_url(partner, referral, "close"), {"outcome": Referral.Outcome.HELPED})
    assert response.status_code == 302
    with scopes_disabled():
        closed = Referral.objects.get(pk=referral.pk)
    assert (closed.status, closed.outcome) == (S.CLOSED, Referral.Outcome.HELPED)
    assert "De doorverwijzing is afgesloten." in client.get(detail).text


def test_decline_through_the_view_keeps_the_reason(client, org, partner, intake):
    referral = ReferralFactory(organisation=org, partner=partner, status=S.ACKNOWLEDGED)
    client.force_login(intake.user)
    response = client.post(action_url(partner, referral, "decline"), {"reason": "Geen plek deze maand."})
    assert response.status_code == 302
    with scopes_disabled():
        declined = Referral.objects.get(pk=referral.pk)
    assert (declined.status, declined.decline_reason) == (S.DECLINED, "Geen plek deze maand.")
    assert "Geen plek deze maand." in client.get(detail_url(partner, referral)).text


@pytest.mark.parametrize("reason", ["", "   ", "nee"])
def test_decline_without_a_reason_is_a_field_error(reason, client, org, partner, intake):
    referral = ReferralFactory(organisation=org, partner=partner, status=S.ACKNOWLEDGED)
    client.force_login(intake.user)
    response = client.post(action_url(partner, referral, "decline"), {"reason": reason})
    assert response.status_code == 400
    assert response.context["decline_form"].errors["reason"]
    assert 'id="id_decline_reason_error"' in response.text
    assert status_of(referral) == S.ACKNOWLEDGED


def test_acknowledging_twice_is_409(client, partner, intake, referral):
    client.force_login(intake.user)
    assert client.post(action_url(partner, referral, "acknowledge")).status_code == 302
    response = client.post(action_url(partner, referral, "acknowledge"))
    assert response.status_code == 409
    assert "Dit kan niet" in response.text
    assert status_of(referral) == S.ACKNOWLEDGED


def test_accept_before_acknowledge_is_409(client, partner, intake, referral):
    client.force_login(intake.user)
    response = client.post(action_url(partner, referral, "accept"), {"message": ""})
    assert response.status_code == 409
    assert status_of(referral) == S.SENT


def test_closing_before_a_decision_is_409(client, org, partner, intake):
    referral = ReferralFactory(organisation=org, partner=partner, status=S.ACKNOWLEDGED)
    client.force_login(intake.user)
    response = client.post(action_url(partner, referral, "close"), {"outcome": Referral.Outcome.HELPED})
    assert response.status_code == 409
    assert status_of(referral) == S.ACKNOWLEDGED


def test_posting_on_a_closed_referral_is_409(client, org, partner, intake):
    referral = ReferralFactory(organisation=org, partner=partner, status=S.CLOSED)
    client.force_login(intake.user)
    assert client.post(action_url(partner, referral, "update"), {"text": "Nog iets"}).status_code == 409


@pytest.mark.parametrize(
    ("action", "data", "field"),
    [
        ("close", {"outcome": "withdrawn"}, "outcome"),  # a referrer's outcome, not the partner's
        ("close", {}, "outcome"),
        ("update", {"text": ""}, "text"),
        ("update", {"text": "x" * 2001}, "text"),
        ("accept", {"message": "x" * 2001}, "message"),
    ],
)
def test_bad_input_is_a_field_error(action, data, field, client, org, partner, intake):
    status = S.ACKNOWLEDGED if action == "accept" else S.ACCEPTED
    referral = ReferralFactory(organisation=org, partner=partner, status=status)
    client.force_login(intake.user)
    response = client.post(action_url(partner, referral, action), data)
    assert response.status_code == 400
    assert response.context[f"{action}_form"].errors[field]
    assert status_of(referral) == status


def test_get_on_an_action_url_is_405(client, partner, intake, referral):
    client.force_login(intake.user)
    assert client.get(action_url(partner, referral, "acknowledge")).status_code == 405
    assert status_of(referral) == S.SENT


def test_a_file_upload_is_refused(client, partner, intake, referral):
    client.force_login(intake.user)
    upload = SimpleUploadedFile("bewijs.png", b"\x89PNG fake", content_type="image/png")
    response = client.post(action_url(partner, referral, "update"), {"text": "Zie bijlage", "bijlage": upload})
    assert response.status_code == 400
    with scopes_disabled():
        assert not ReferralUpdate.objects.filter(referral=referral).exists()


def test_detail_costs_the_same_for_few_and_many_messages(client, org, partner, intake, member_factory):
    small = ReferralFactory(organisation=org, partner=partner, status=S.ACCEPTED)
    large = ReferralFactory(organisation=org, partner=partner, status=S.ACCEPTED)
    with scopes_disabled():
        for referral, number in ((small, 2), (large, 40)):
            for i in range(number):
                ReferralUpdate.objects.create(
                    organisation=org, referral=referral, author_label=partner.name, text=f"Bericht {i}"
                )
    handler = member_factory(org, Role.CASE_HANDLER)
    _handled_by(small, handler)
    _handled_by(large, handler)
    client.force_login(intake.user)
    client.get(detail_url(partner, small))  # warm caches (session)
    few = _count(client, detail_url(partner, small))
    many = _count(client, detail_url(partner, large))
    assert few == many
    assert few <= 20
    assert "Contact met de verwijzer" in client.get(detail_url(partner, large)).text


# --- Reads end with the referral -------------------------------------------------------------


def _withdraw(referral, org, member_factory, partner, intake):
    handler = member_factory(org, Role.CASE_HANDLER)
    with scope(organisation=org):
        lifecycle.referral_close(referral=referral, outcome=Referral.Outcome.WITHDRAWN, actor_membership=handler)


def _redirect(referral, org, member_factory, partner, intake):
    coordinator = member_factory(org.parent, Role.MUNICIPAL_COORDINATOR)
    with scope(organisation=org.parent):
        lifecycle.referral_redirect(
            actor_membership=coordinator, referral=referral, destination="helpwanted", reason="Past beter bij beelden."
        )


def _decline(referral, org, member_factory, partner, intake):
    with scope(organisation=partner):
        lifecycle.referral_acknowledge(referral=referral, actor_membership=intake)
        lifecycle.referral_decline(referral=referral, reason="Geen plek deze maand.", actor_membership=intake)


def _close(referral, org, member_factory, partner, intake):
    with scope(organisation=partner):
        lifecycle.referral_acknowledge(referral=referral, actor_membership=intake)
        lifecycle.referral_accept(referral=referral, actor_membership=intake)
        lifecycle.referral_close(referral=referral, outcome=Referral.Outcome.HELPED, actor_membership=intake)


@pytest.mark.parametrize("end", [_withdraw, _redirect, _decline, _close], ids=lambda f: f.__name__.strip("_"))
def test_reads_end_when_the_referral_ends_although_consent_is_still_valid(
    end, client, org, partner, intake, member_factory
):
    referral = ReferralFactory(organisation=org, partner=partner, shares_contact=True)
    set_contact(referral)
    client.force_login(intake.user)
    before = client.get(detail_url(partner, referral))
    assert SUMMARY in before.text and action_url(partner, referral, "contact") in before.text
    end(referral, org, member_factory, partner, intake)
    with scopes_disabled():
        referral.refresh_from_db()
        assert referral.consents.get().is_valid(timezone.now())  # the consent itself was not withdrawn
    after = client.get(detail_url(partner, referral))
    assert after.status_code == 200
    for secret in (SUMMARY, PSEUDONYM, "17 jaar", "We bellen morgen."):
        assert secret not in after.text
    assert action_url(partner, referral, "contact") not in after.text
    assert "loopt niet meer bij jullie" in after.text
    refused = client.post(action_url(partner, referral, "contact"), {"reason": "Afspraak maken voor intake."})
    assert refused.status_code == 400
    assert PHONE not in refused.text
    assert "De doorverwijzing loopt niet meer bij jullie" in refused.text
    # Only the read before the end was logged.
    assert len(access_rows(kind=PersonalDataAccess.Kind.REFERRAL)) == 1
    assert access_rows(kind=PersonalDataAccess.Kind.CONTACT_DETAILS) == []
