"""The one-time link page for a partner without an account: no sign-in, the token
is the credential. A link that does not work says why and shows nothing of the
referral; a working one shows only what consent covers, never contact details."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from messaging.models import Notification
from portal.roles import Role
from referrals.cases import referral_services as lifecycle
from referrals.models import CaseEvent, PartnerLink, PersonalDataAccess, Referral, ReferralUpdate, VictimContact
from tests.factories import PartnerFactory
from tests.portal.helpers import assert_strict_csp
from tests.referrals.factories import PartnerLinkFactory, ReferralFactory

pytestmark = pytest.mark.django_db

S = Referral.Status
TOKEN = "een-geheime-link-" + "k" * 24
URL = f"/verwijzing/{TOKEN}/"
PSEUDONYM = "J.B."
SUMMARY = "Wordt afgeperst met beelden; wil hulp bij aangifte."
PHONE = "06-12345678"


@pytest.fixture
def referral(org):
    return ReferralFactory(organisation=org, partner=None, shares_contact=True)


@pytest.fixture
def link(referral):
    return PartnerLinkFactory(referral=referral, token=TOKEN)


def state(referral) -> tuple[str, PartnerLink]:
    with scopes_disabled():
        return Referral.objects.get(pk=referral.pk).status, PartnerLink.objects.get(referral=referral)


def assert_no_referral_data(response, referral) -> None:
    text = response.text
    for secret in (SUMMARY, PSEUDONYM, referral.destination_label, referral.organisation.name, referral.case.reference):
        assert secret not in text


def assert_link_headers(response) -> None:
    assert response["Referrer-Policy"] == "no-referrer"
    assert response["X-Robots-Tag"] == "noindex"
    assert "no-store" in response["Cache-Control"]


# --- A working link --------------------------------------------------------------------------


def test_valid_link_shows_the_referral_without_sign_in(client, org, referral, link):
    with scopes_disabled():
        VictimContact.objects.create(organisation=org, case=referral.case, name="Moeder", phone=PHONE)
    response = client.get(URL)
    assert response.status_code == 200
    assert_link_headers(response)
    assert_strict_csp(response, URL)
    text = response.text
    assert org.name in text
    assert referral.destination_label in text
    assert "snel" in text  # urgency "soon"
    assert SUMMARY in text and PSEUDONYM in text
    # Contact details never go through a link, even with consent to share them.
    assert PHONE not in text and "Moeder" not in text
    assert "nooit contactgegevens" in text
    assert '<meta name="robots" content="noindex">' in text
    [row] = list(_access_rows())
    assert (row.kind, row.reader_organisation_id, row.user_id) == (PersonalDataAccess.Kind.REFERRAL, None, None)
    assert row.organisation_id == org.pk


def _access_rows():
    with scopes_disabled():
        return PersonalDataAccess.objects.all()


def _handled_by(referral, membership) -> None:
    with scopes_disabled():
        referral.case.__class__.objects.filter(pk=referral.case_id).update(handler=membership.user)


def test_the_same_link_works_until_the_partner_closes_the_referral(client, org, referral, link, member_factory):
    """The choice made for partners without an account: one link, from the first mail
    until the referral is closed (or the link expires, or is revoked). Accepting does
    not use it up: the partner writes to the referrer and reports the outcome with it."""
    handler = member_factory(org, Role.CASE_HANDLER)
    _handled_by(referral, handler)
    assert 'value="acknowledge"' in client.get(URL).text
    response = client.post(URL, {"action": "acknowledge"})
    assert response.status_code == 302 and response["Location"] == URL
    assert_link_headers(response)
    status, stored = state(referral)
    assert status == S.ACKNOWLEDGED and stored.used_at is None

    page = client.get(URL)
    assert "hebben ontvangen" in page.text  # the success message
    assert 'value="accept"' in page.text and 'value="decline"' in page.text
    assert 'value="acknowledge"' not in page.text

    accepted = client.post(URL, {"action": "accept", "message": "We bellen maandag."})
    assert accepted.status_code == 302 and accepted["Location"] == URL
    assert_link_headers(accepted)
    status, stored = state(referral)
    assert status == S.ACCEPTED and stored.used_at is None and stored.revoked_at is None

    page = client.get(URL)
    assert page.status_code == 200
    assert "aangenomen" in page.text
    assert 'value="accept"' not in page.text
    assert 'value="update"' in page.text and 'value="close"' in page.text
    assert "We bellen maandag." in page.text  # the messages on the referral

    assert client.post(URL, {"action": "update", "text": ""}).status_code == 400
    written = client.post(URL, {"action": "update", "text": "Eerste gesprek gehad."})
    assert written.status_code == 302 and written["Location"] == URL
    assert "Eerste gesprek gehad." in client.get(URL).text

    # Only the partner's outcomes: withdrawing is the referrer's.
    refused = client.post(URL, {"action": "close", "outcome": Referral.Outcome.WITHDRAWN})
    assert refused.status_code == 400
    assert refused.context["close_form"].errors["outcome"]
    assert state(referral)[0] == S.ACCEPTED

    thanks = client.post(URL, {"action": "close", "outcome": Referral.Outcome.HELPED})
    assert thanks.status_code == 200
    assert_link_headers(thanks)
    assert "afgesloten" in thanks.text
    assert SUMMARY not in thanks.text and PSEUDONYM not in thanks.text
    with scopes_disabled():
        closed = Referral.objects.get(pk=referral.pk)
        updates = list(ReferralUpdate.objects.filter(referral=referral).order_by("pk"))
        kinds = set(CaseEvent.objects.filter(referral=referral).values_list("kind", flat=True))
        told = list(Notification.objects.filter(user=handler.user).order_by("pk").values_list("kind", flat=True))
    assert (closed.status, closed.outcome) == (S.CLOSED, Referral.Outcome.HELPED)
    assert [(u.text, u.from_partner, u.author_id) for u in updates] == [
        ("We bellen maandag.", True, None),
        ("Eerste gesprek gehad.", True, None),
    ]
    assert {CaseEvent.Kind.ACKNOWLEDGED, CaseEvent.Kind.REFERRAL_ACCEPTED, CaseEvent.Kind.REFERRAL_CLOSED} <= kinds
    assert told == ["referral_acknowledged", "referral_accepted", "referral_message", "referral_closed"]
    assert state(referral)[1].used_at is not None

    # Closed: the link has ended; a visit or another answer shows nothing.
    for again in (client.get(URL), client.post(URL, {"action": "update", "text": "Nog iets."})):
        assert again.status_code == 410
        assert_link_headers(again)
        assert_no_referral_data(again, referral)


def test_the_link_page_says_how_to_reach_the_referrer(client, org, referral, link, member_factory):
    handler = member_factory(org, Role.CASE_HANDLER, first_name="Ria", last_name="de Vries")
    _handled_by(referral, handler)
    with scopes_disabled():
        VictimContact.objects.create(organisation=org, case=referral.case, name="Moeder", phone=PHONE)
    text = client.get(URL).text
    assert "Contact met de verwijzer" in text
    assert org.name in text and "Ria de Vries" in text
    assert f'href="mailto:{handler.user.email}"' in text
    assert PHONE not in text and "Moeder" not in text


def test_without_a_handler_the_page_names_who_sent_the_referral(client, org, referral, link, member_factory):
    sender = member_factory(org, Role.CASE_HANDLER)
    with scopes_disabled():
        CaseEvent.objects.create(
            organisation=org,
            case=referral.case,
            referral=referral,
            kind=CaseEvent.Kind.REFERRAL_SENT,
            actor=sender.user,
        )
    assert f'href="mailto:{sender.user.email}"' in client.get(URL).text


def test_decline_by_link_needs_a_reason(client, referral, link):
    client.post(URL, {"action": "acknowledge"})
    for reason in ("", "nee"):
        response = client.post(URL, {"action": "decline", "reason": reason})
        assert response.status_code == 400
        assert response.context["decline_form"].errors["reason"]
        assert 'id="id_decline_reason_error"' in response.text
    status, stored = state(referral)
    assert status == S.ACKNOWLEDGED and stored.used_at is None

    thanks = client.post(URL, {"action": "decline", "reason": "Geen plek deze maand."})
    assert thanks.status_code == 200
    assert "afgewezen" in thanks.text
    status, stored = state(referral)
    assert status == S.DECLINED and stored.used_at is not None
    with scopes_disabled():
        assert Referral.objects.get(pk=referral.pk).decline_reason == "Geen plek deze maand."


def test_accept_before_acknowledge_is_409(client, referral, link):
    response = client.post(URL, {"action": "accept", "message": ""})
    assert response.status_code == 409
    assert_link_headers(response)
    status, stored = state(referral)
    assert status == S.SENT and stored.used_at is None


def test_acknowledging_twice_is_409(client, referral, link):
    assert client.post(URL, {"action": "acknowledge"}).status_code == 302
    assert client.post(URL, {"action": "acknowledge"}).status_code == 409


@pytest.mark.parametrize("data", [{}, {"action": "verwijderen"}, {"action": ""}])
def test_unknown_action_is_400(data, client, referral, link):
    response = client.post(URL, data)
    assert response.status_code == 400
    assert "Kies een van de knoppen" in response.text
    assert state(referral)[0] == S.SENT


def test_a_file_upload_is_refused(client, referral, link):
    upload = SimpleUploadedFile("bewijs.png", b"\x89PNG fake", content_type="image/png")
    response = client.post(URL, {"action": "acknowledge", "bijlage": upload})
    assert response.status_code == 400
    assert state(referral)[0] == S.SENT


# --- Links that do not work ------------------------------------------------------------------


def test_unknown_token_is_404_without_data(client, referral, link):
    response = client.get("/verwijzing/bestaat-niet-" + "z" * 20 + "/")
    assert response.status_code == 404
    assert_link_headers(response)
    assert "kennen deze link niet" in response.text
    assert_no_referral_data(response, referral)
    assert client.post("/verwijzing/bestaat-niet/", {"action": "acknowledge"}).status_code == 404
    assert client.get("/verwijzing/" + "a" * 101 + "/").status_code == 404
    assert state(referral)[0] == S.SENT
    assert list(_access_rows()) == []


def test_expired_link_is_410_without_data(client, referral):
    PartnerLinkFactory(referral=referral, token=TOKEN, expires_at=timezone.now() - timedelta(minutes=1))
    response = client.get(URL)
    assert response.status_code == 410
    assert_link_headers(response)
    assert "verlopen" in response.text
    assert_no_referral_data(response, referral)
    assert client.post(URL, {"action": "acknowledge"}).status_code == 410
    assert state(referral)[0] == S.SENT
    assert list(_access_rows()) == []


def test_revoked_link_is_410_without_data(client, org, referral, link, case_handler):
    with scope(organisation=org):
        lifecycle.partner_link_revoke(actor_membership=case_handler, link=link)
    response = client.get(URL)
    assert response.status_code == 410
    assert "ingetrokken" in response.text
    assert_no_referral_data(response, referral)
    assert list(_access_rows()) == []


def test_withdrawn_consent_ends_the_link(client, org, referral, link, case_handler):
    assert SUMMARY in client.get(URL).text
    with scopes_disabled():
        consent = referral.consents.get()
    with scope(organisation=org):
        lifecycle.consent_withdraw(actor_membership=case_handler, consent=consent)
    response = client.get(URL)
    assert response.status_code == 410
    assert_no_referral_data(response, referral)


def test_invalid_link_page_has_a_strict_policy(client):
    response = client.get("/verwijzing/niet-geldig/")
    assert_strict_csp(response, "/verwijzing/niet-geldig/")


# --- Signed in as anyone ----------------------------------------------------------------------


@pytest.mark.parametrize("who", ["referrer_handler", "learner", "other_partner_intake"])
def test_the_link_works_while_signed_in(who, org, referral, link, member_factory):
    membership = {
        "referrer_handler": lambda: member_factory(org, Role.CASE_HANDLER),
        "learner": lambda: member_factory(org, Role.LEARNER),
        "other_partner_intake": lambda: member_factory(PartnerFactory(), Role.PARTNER_INTAKE),
    }[who]()
    client = Client()
    client.force_login(membership.user)
    assert client.get("/verwijzing/onbekend/").status_code == 404
    response = client.get(URL)
    assert response.status_code == 200
    assert SUMMARY in response.text
    assert client.post(URL, {"action": "acknowledge"}).status_code == 302
    assert state(referral)[0] == S.ACKNOWLEDGED
    # Acting by link records no user: the link is the party, not whoever is signed in.
    with scopes_disabled():
        event = CaseEvent.objects.get(referral=referral, kind=CaseEvent.Kind.ACKNOWLEDGED)
        rows = list(PersonalDataAccess.objects.values_list("user_id", "reader_organisation_id"))
    assert event.actor_id is None
    assert rows == [(None, None)] * len(rows)


def test_the_pages_own_posts_pass_although_the_browser_sends_origin_null(referral, link):
    """With ``Referrer-Policy: no-referrer`` a browser posts the page's forms with
    ``Origin: null``. The token in the URL is the only authority, so the link page
    does without the CSRF check; the answer still needs the token."""
    client = Client(enforce_csrf_checks=True)
    response = client.post(URL, {"action": "acknowledge"}, HTTP_ORIGIN="null")
    assert response.status_code == 302
    assert state(referral)[0] == S.ACKNOWLEDGED
    forged = client.post("/verwijzing/geraden-token/", {"action": "accept"}, HTTP_ORIGIN="https://evil.example")
    assert forged.status_code == 404
    assert state(referral)[0] == S.ACKNOWLEDGED


def test_partner_pages_inside_the_portal_keep_the_csrf_check(org, referral, member_factory):
    """Only the link page is exempt: signed-in partner pages rest on the session cookie."""
    partner = PartnerFactory()
    with scopes_disabled():
        Referral.objects.filter(pk=referral.pk).update(partner=partner)
    client = Client(enforce_csrf_checks=True)
    client.force_login(member_factory(partner, Role.PARTNER_INTAKE).user)
    response = client.post(f"/o/{partner.slug}/doorverwijzingen/{referral.pk}/ontvangen/")
    assert response.status_code == 403
    with scopes_disabled():
        assert Referral.objects.get(pk=referral.pk).status == S.SENT


@pytest.mark.parametrize("status", [S.DECLINED, S.CLOSED])
def test_a_link_ends_with_the_referral_even_if_it_was_not_revoked(status, client, referral, link):
    assert SUMMARY in client.get(URL).text
    with scopes_disabled():
        outcome = Referral.Outcome.WITHDRAWN if status == S.CLOSED else ""
        Referral.objects.filter(pk=referral.pk).update(status=status, outcome=outcome, closed_at=timezone.now())
    response = client.get(URL)
    assert response.status_code == 410
    assert_no_referral_data(response, referral)
    assert len(list(_access_rows())) == 1
