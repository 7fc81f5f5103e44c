"""The referrer's side of a referral, through the case pages: draft, consent,
send (to a partner on the portal or by link), messages, withdrawing consent,
cancelling and withdrawing, partner links; who may do what, and nothing of
another organisation within reach."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from portal.models import Country
from portal.roles import Role
from referrals.cases import referral_services as lifecycle
from referrals.models import CaseEvent, PartnerLink, Referral, ReferralConsent, ReferralUpdate
from tests.factories import MunicipalityFactory, PartnerFactory, SchoolFactory
from tests.referrals.factories import CaseFactory, PartnerLinkFactory, ReferralFactory, RoutedCaseFactory

pytestmark = pytest.mark.django_db

S = Referral.Status
SUMMARY = "Wordt afgeperst met naaktbeelden; wil hulp bij aangifte en steun."
PARTNER_EMAIL = "aanmelden@helpwanted.example"


@pytest.fixture
def partner(db):
    return PartnerFactory(name="Slachtofferhulp Nederland", slug="shn", destination_code="slachtofferhulp")


@pytest.fixture
def intake(partner, member_factory):
    return member_factory(partner, Role.PARTNER_INTAKE, email="intake@shn.example")


@pytest.fixture
def case(org, case_handler):
    return RoutedCaseFactory(organisation=org, handler=case_handler.user, age=17, pseudonym="Zwaluw")


@pytest.fixture
def handler_client(client, case_handler):
    client.force_login(case_handler.user)
    return client


def url(org, name, **kwargs):
    return reverse(f"cases:{name}", kwargs={"org_slug": org.slug, **kwargs})


def detail(org, case):
    return url(org, "case_detail", case_id=case.pk)


def reload(referral):
    with scopes_disabled():
        return Referral.objects.get(pk=referral.pk)


def consent_post(**extra):
    return {"given_by": "parent_guardian", "shares_summary": "on", **extra}


# --- The whole way, through the pages ---------------------------------------------------


def test_draft_consent_and_send_to_a_partner_on_the_portal(
    handler_client, org, case, partner, intake, mailoutbox, django_capture_on_commit_callbacks
):
    page = handler_client.get(detail(org, case))
    assert "Doorverwijzingen" in page.text and "Nog geen doorverwijzingen." in page.text
    assert url(org, "referral_draft", case_id=case.pk) in page.text

    form = handler_client.get(url(org, "referral_draft", case_id=case.pk))
    assert form.status_code == 200
    # Only referral destinations of the advice: not the platform report (an action).
    assert 'value="slachtofferhulp"' in form.text and 'value="helpwanted"' in form.text
    assert 'value="platform_report"' not in form.text

    response = handler_client.post(
        url(org, "referral_draft", case_id=case.pk), {"destination": "slachtofferhulp", "summary": SUMMARY}
    )
    with scope(organisation=org):
        referral = Referral.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url(org, "consent_record", referral_id=referral.pk)
    assert (referral.status, referral.partner, referral.summary) == (S.DRAFT, partner, SUMMARY)

    consent_page = handler_client.get(response["Location"])
    assert consent_page.status_code == 200
    assert SUMMARY in consent_page.text  # what the victim consents to
    response = handler_client.post(url(org, "consent_record", referral_id=referral.pk), consent_post())
    assert response["Location"] == url(org, "referral_send", referral_id=referral.pk)

    send_page = handler_client.get(response["Location"])
    assert 'name="partner_email"' not in send_page.text  # a partner on the portal needs no address
    with django_capture_on_commit_callbacks(execute=True):
        response = handler_client.post(url(org, "referral_send", referral_id=referral.pk))
    assert response.status_code == 302
    assert response["Location"] == f"{detail(org, case)}#doorverwijzing-{referral.pk}"
    assert reload(referral).status == S.SENT

    # The partner's intake worker is told by mail: a link to the inbox, nothing about the case.
    assert [m.to for m in mailoutbox] == [[intake.user.email]]
    mail = mailoutbox[0].subject + mailoutbox[0].body
    assert f"/o/{partner.slug}/doorverwijzingen/" in mail
    for secret in ("Zwaluw", SUMMARY, "naaktbeelden", case.signal, case.reference):
        assert secret not in mail

    page = handler_client.get(detail(org, case))
    assert "Slachtofferhulp Nederland (in het portaal)" in page.text
    assert "Verstuurd" in page.text and "Geldig" in page.text
    with scope(organisation=org):
        kinds = list(CaseEvent.objects.filter(referral=referral).order_by("pk").values_list("kind", flat=True))
    assert kinds == ["referral_drafted", "consent_given", "referral_sent"]


def test_send_by_link_shows_the_link_once_and_mails_it(
    handler_client, org, case, mailoutbox, django_capture_on_commit_callbacks
):
    referral = ReferralFactory(organisation=org, case=case, status=S.DRAFT, destination="helpwanted")
    path = url(org, "referral_send", referral_id=referral.pk)
    assert 'name="partner_email"' in handler_client.get(path).text

    # No address: a field error, nothing sent.
    refused = handler_client.post(path, {"partner_email": ""})
    assert refused.status_code == 200 and 'id="id_partner_email_error"' in refused.text
    refused = handler_client.post(path, {"partner_email": "geen-adres"})
    assert 'id="id_partner_email_error"' in refused.text and 'value="geen-adres"' in refused.text
    assert reload(referral).status == S.DRAFT and not mailoutbox

    with django_capture_on_commit_callbacks(execute=True):
        shown = handler_client.post(path, {"partner_email": PARTNER_EMAIL})
    assert shown.status_code == 200  # a page, not a redirect: the link is shown here once
    assert "no-store" in shown["Cache-Control"]
    link_url = re.search(r"https?://[^\s<\"]+/verwijzing/[^\s<\"/]+/", shown.text).group(0)
    assert shown.text.count(link_url) == 1
    assert PARTNER_EMAIL in shown.text

    assert [m.to for m in mailoutbox] == [[PARTNER_EMAIL]]
    assert link_url in mailoutbox[0].body
    for secret in ("Zwaluw", "afgeperst", case.signal):
        assert secret not in mailoutbox[0].subject + mailoutbox[0].body
    assert reload(referral).status == S.SENT
    token = link_url.rstrip("/").rsplit("/", 1)[1]
    with scope(organisation=org):
        link = PartnerLink.objects.get()
    assert link.email == PARTNER_EMAIL and token not in link.token_hash

    # The case page shows the link's state and address, never the link itself.
    page = handler_client.get(detail(org, case))
    assert token not in page.text and PARTNER_EMAIL in page.text and "Actief" in page.text
    assert "Via link" in page.text


# --- Consent through the form -----------------------------------------------------------


@pytest.mark.parametrize(
    ("country", "age", "given_by", "error"),
    [
        (Country.NL, 14, "victim", "Onder de 16 jaar geeft een ouder of voogd toestemming"),
        (Country.NL, 14, "parent_guardian", None),
        (Country.NL, 16, "victim", None),
        (Country.NL, None, "victim", "De leeftijd is niet bekend"),
        (Country.NL, None, "parent_guardian", None),
        (Country.BE, 14, "victim", None),
        (Country.BE, 12, "victim", "Onder de 13 jaar"),
    ],
)
def test_consent_age_rules_through_the_form(client, member_factory, country, age, given_by, error):
    school = SchoolFactory(parent=MunicipalityFactory(country=country))
    handler = member_factory(school, Role.CASE_HANDLER)
    case = RoutedCaseFactory(organisation=school, handler=handler.user, age=age)
    if age is None:
        with scopes_disabled():
            case.facts.pop("victim_age")
            case.save()
    referral = ReferralFactory(organisation=school, case=case, status=S.DRAFT, consent=False)
    client.force_login(handler.user)
    response = client.post(url(school, "consent_record", referral_id=referral.pk), consent_post(given_by=given_by))
    with scope(organisation=school):
        entries = list(ReferralConsent.objects.all())
    if error:
        assert response.status_code == 200
        assert 'id="id_given_by_error"' in response.text and error in response.text
        assert entries == []
    else:
        assert response.status_code == 302
        assert [(e.given_by, e.victim_age) for e in entries] == [(given_by, age)]


def test_consent_errors_keep_everything_typed(handler_client, org, case):
    referral = ReferralFactory(organisation=org, case=case, status=S.DRAFT, consent=False)
    path = url(org, "consent_record", referral_id=referral.pk)
    # A date in the past and a victim of 14 answering alone: both fields say so, the rest stays.
    with scopes_disabled():
        case.facts["victim_age"] = 14
        case.save()
    response = handler_client.post(path, consent_post(given_by="victim", shares_contact="on", expires_at="2020-01-31"))
    assert response.status_code == 200
    assert 'id="id_given_by_error"' in response.text
    assert 'value="2020-01-31"' in response.text
    assert re.search(r'name="shares_contact"[^>]*checked', response.text)
    assert re.search(r'value="victim"[^>]*checked', response.text)
    # Nothing to share.
    response = handler_client.post(path, {"given_by": "parent_guardian"})
    assert 'id="id_shares_summary_error"' in response.text
    # The date alone wrong.
    response = handler_client.post(path, consent_post(expires_at="2020-01-31"))
    assert 'id="id_expires_at_error"' in response.text
    with scope(organisation=org):
        assert not ReferralConsent.objects.exists()

    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = handler_client.post(path, consent_post(expires_at=tomorrow, shares_contact="on"))
    assert response.status_code == 302
    with scope(organisation=org):
        entry = ReferralConsent.objects.get()
    assert entry.shares_contact and entry.expires_at > timezone.now() + timedelta(days=1)
    assert timezone.localtime(entry.expires_at).date() == timezone.localdate() + timedelta(days=2)


def test_send_without_consent_is_refused(handler_client, org, case, partner, mailoutbox):
    referral = ReferralFactory(organisation=org, case=case, status=S.DRAFT, partner=partner, consent=False)
    response = handler_client.post(url(org, "referral_send", referral_id=referral.pk))
    assert response.status_code == 200
    assert "Leg eerst toestemming vast om de samenvatting" in response.text and 'role="alert"' in response.text
    assert reload(referral).status == S.DRAFT
    assert not mailoutbox


def test_withdrawing_consent_stops_sharing_and_ends_links(handler_client, org, case):
    referral = ReferralFactory(organisation=org, case=case, status=S.SENT)
    link = PartnerLinkFactory(referral=referral)
    with scope(organisation=org):
        entry = ReferralConsent.objects.get()
    path = url(org, "consent_withdraw", consent_id=entry.pk)
    assert path in handler_client.get(detail(org, case)).text

    confirm = handler_client.get(path)
    assert confirm.status_code == 200 and "Het delen stopt meteen" in confirm.text
    assert lifecycle.shared_with_partner(referral).summary  # a GET changes nothing

    response = handler_client.post(path)
    assert response["Location"] == f"{detail(org, case)}#doorverwijzing-{referral.pk}"
    assert not lifecycle.shared_with_partner(referral).summary
    with scope(organisation=org):
        assert PartnerLink.objects.get(pk=link.pk).revoked_at is not None
        assert ReferralConsent.objects.get().withdrawn_at is not None
    page = handler_client.get(detail(org, case))
    assert "Ingetrokken op" in page.text
    assert path not in page.text  # nothing left to withdraw


# --- Conflicts, closing, messages, links -------------------------------------------------


def test_illegal_transitions_are_409(handler_client, org, case, partner):
    sent = ReferralFactory(organisation=org, case=case, status=S.SENT, partner=partner)
    closed = ReferralFactory(organisation=org, case=case, status=S.CLOSED, destination="helpwanted")
    draft = ReferralFactory(organisation=org, case=RoutedCaseFactory(organisation=org), status=S.DRAFT)
    cases = [
        (url(org, "referral_send", referral_id=sent.pk), {}),
        (url(org, "referral_close", referral_id=closed.pk), {"outcome": "withdrawn"}),
        (url(org, "referral_update", referral_id=draft.pk), {"text": "Hoi"}),
        (url(org, "referral_update", referral_id=closed.pk), {"text": "Hoi"}),
        (url(org, "consent_record", referral_id=closed.pk), consent_post()),
        (url(org, "link_create", referral_id=closed.pk), {"partner_email": PARTNER_EMAIL}),
    ]
    for path, data in cases:
        response = handler_client.post(path, data)
        assert response.status_code == 409, path
        assert "Dit kan niet" in response.text
    assert (reload(sent).status, reload(closed).status, reload(draft).status) == (S.SENT, S.CLOSED, S.DRAFT)


def test_cancel_a_draft_and_withdraw_a_sent_referral(handler_client, org, case, partner):
    draft = ReferralFactory(organisation=org, case=case, status=S.DRAFT)
    sent = ReferralFactory(
        organisation=org, case=case, status=S.ACKNOWLEDGED, partner=partner, destination="helpwanted"
    )
    page = handler_client.get(detail(org, case)).text
    assert "Concept weggooien" in page and "Doorverwijzing intrekken" in page

    confirm = handler_client.get(url(org, "referral_close", referral_id=draft.pk))
    assert 'name="outcome" value="cancelled"' in confirm.text
    # Sent meanwhile by a colleague: "cancel" must not withdraw it.
    stale = handler_client.post(url(org, "referral_close", referral_id=sent.pk), {"outcome": "cancelled"})
    assert stale.status_code == 200 and "inmiddels verstuurd" in stale.text
    assert 'name="outcome" value="withdrawn"' in stale.text
    assert reload(sent).status == S.ACKNOWLEDGED
    bad = handler_client.post(url(org, "referral_close", referral_id=draft.pk), {"outcome": "helped"})
    assert bad.status_code == 200 and reload(draft).status == S.DRAFT

    handler_client.post(url(org, "referral_close", referral_id=draft.pk), {"outcome": "cancelled"})
    handler_client.post(url(org, "referral_close", referral_id=sent.pk), {"outcome": "withdrawn"})
    assert (reload(draft).status, reload(draft).outcome) == (S.CLOSED, "cancelled")
    assert (reload(sent).status, reload(sent).outcome) == (S.CLOSED, "withdrawn")


def test_messages_to_the_partner_and_the_thread(handler_client, org, case, partner):
    referral = ReferralFactory(organisation=org, case=case, status=S.ACCEPTED, partner=partner)
    with scopes_disabled():
        ReferralUpdate.objects.create(
            organisation=org,
            referral=referral,
            author_label=partner.name,
            from_partner=True,
            text="Eerste gesprek gepland.",
        )
    path = url(org, "referral_update", referral_id=referral.pk)
    empty = handler_client.post(path, {"text": "  "})
    assert empty.status_code == 200 and 'id="id_text_error"' in empty.text
    too_long = handler_client.post(path, {"text": "x" * 2001})
    assert 'id="id_text_error"' in too_long.text and "x" * 2001 in too_long.text  # kept, not lost
    response = handler_client.post(path, {"text": "De moeder belt jullie morgen."})
    assert response.status_code == 302
    page = handler_client.get(detail(org, case)).text
    assert page.index("Eerste gesprek gepland.") < page.index("De moeder belt jullie morgen.")
    assert "Van de partner" in page and "Van ons" in page
    with scope(organisation=org):
        assert list(ReferralUpdate.objects.order_by("pk").values_list("from_partner", flat=True)) == [True, False]


def test_new_link_and_revoking_a_link(
    handler_client, org, case, partner, mailoutbox, django_capture_on_commit_callbacks
):
    referral = ReferralFactory(organisation=org, case=case, status=S.SENT)
    old = PartnerLinkFactory(referral=referral, email="oud@helpwanted.example")
    page = handler_client.get(detail(org, case)).text
    assert url(org, "link_create", referral_id=referral.pk) in page
    assert url(org, "link_revoke", link_id=old.pk) in page

    bad = handler_client.post(url(org, "link_create", referral_id=referral.pk), {"partner_email": "nee"})
    assert 'id="id_partner_email_error"' in bad.text and 'value="nee"' in bad.text
    with django_capture_on_commit_callbacks(execute=True):
        shown = handler_client.post(url(org, "link_create", referral_id=referral.pk), {"partner_email": PARTNER_EMAIL})
    assert shown.status_code == 200 and "no-store" in shown["Cache-Control"]
    link_url = re.search(r"https?://[^\s<\"]+/verwijzing/[^\s<\"/]+/", shown.text).group(0)
    assert shown.text.count(link_url) == 1
    assert [m.to for m in mailoutbox] == [[PARTNER_EMAIL]]
    with scope(organisation=org):
        assert PartnerLink.objects.get(pk=old.pk).revoked_at is not None  # one link at a time
        new = PartnerLink.objects.exclude(pk=old.pk).get()

    response = handler_client.post(url(org, "link_revoke", link_id=new.pk))
    assert response["Location"] == f"{detail(org, case)}#doorverwijzing-{referral.pk}"
    with scope(organisation=org):
        assert PartnerLink.objects.get(pk=new.pk).revoked_at is not None
    assert handler_client.get(url(org, "link_revoke", link_id=new.pk)).status_code == 405

    # A partner on the portal needs no link: said on the form, nothing made.
    on_portal = ReferralFactory(
        organisation=org, case=RoutedCaseFactory(organisation=org), status=S.SENT, partner=partner
    )
    refused = handler_client.post(url(org, "link_create", referral_id=on_portal.pk), {"partner_email": PARTNER_EMAIL})
    assert refused.status_code == 200 and "een link is niet nodig" in refused.text


def test_draft_form_errors(handler_client, org, case):
    path = url(org, "referral_draft", case_id=case.pk)
    response = handler_client.post(path, {"destination": "", "summary": SUMMARY})
    assert 'id="id_destination_error"' in response.text and SUMMARY in response.text
    response = handler_client.post(path, {"destination": "platform_report", "summary": SUMMARY})
    assert 'id="id_destination_error"' in response.text
    response = handler_client.post(path, {"destination": "helpwanted", "summary": ""})
    assert 'id="id_summary_error"' in response.text
    ReferralFactory(organisation=org, case=case, status=S.DRAFT, destination="helpwanted")
    response = handler_client.post(path, {"destination": "helpwanted", "summary": SUMMARY})
    assert "Er loopt al een doorverwijzing" in response.text and SUMMARY in response.text
    with scope(organisation=org):
        assert Referral.objects.count() == 1


def test_no_referral_in_the_advice_no_draft(handler_client, org, case_handler):
    case = CaseFactory(organisation=org, handler=case_handler.user)  # not routed yet
    page = handler_client.get(detail(org, case)).text
    assert url(org, "referral_draft", case_id=case.pk) not in page
    assert "Maak eerst het advies" in page
    form = handler_client.get(url(org, "referral_draft", case_id=case.pk))
    assert form.status_code == 200 and "<form" not in form.text.split("<main", 1)[1].split("</main>")[0]


def test_closed_case_shows_referrals_without_actions(handler_client, org, case_handler):
    case = RoutedCaseFactory(organisation=org, handler=case_handler.user, status="closed", closed_at=timezone.now())
    referral = ReferralFactory(organisation=org, case=case, status=S.SENT)
    PartnerLinkFactory(referral=referral)
    page = handler_client.get(detail(org, case)).text
    assert "Slachtofferhulp Nederland" in page
    for name, kwargs in (("referral_draft", {"case_id": case.pk}), ("referral_close", {"referral_id": referral.pk})):
        assert url(org, name, **kwargs) not in page
    # Consent can always be withdrawn, and links revoked.
    with scope(organisation=org):
        entry = ReferralConsent.objects.get()
    assert url(org, "consent_withdraw", consent_id=entry.pk) in page
    response = handler_client.get(url(org, "referral_draft", case_id=case.pk))
    assert response["Location"] == detail(org, case)


# --- What the case page shows -----------------------------------------------------------


def test_case_page_shows_ledger_thread_and_links_with_their_states(handler_client, org, case, case_handler):
    referral = ReferralFactory(organisation=org, case=case, status=S.SENT)
    now = timezone.now()
    with scopes_disabled():
        ReferralConsent.objects.create(
            organisation=org,
            referral=referral,
            recipient_label="HelpWanted",
            given_by="victim",
            shares_contact=True,
            expires_at=now - timedelta(days=1),
        )
        ReferralConsent.objects.create(
            organisation=org,
            referral=referral,
            recipient_label="HelpWanted",
            given_by="parent_guardian",
            withdrawn_at=now,
            withdrawn_by=case_handler.user,
        )
    PartnerLinkFactory(referral=referral, token="a" * 30, used_at=now)
    PartnerLinkFactory(referral=referral, token="b" * 30, expires_at=now - timedelta(hours=1))
    PartnerLinkFactory(referral=referral, token="c" * 30, revoked_at=now)
    PartnerLinkFactory(referral=referral, token="d" * 30, email="actief@helpwanted.example")
    page = handler_client.get(detail(org, case)).text
    section = page.split(f'id="doorverwijzing-{referral.pk}"', 1)[1]
    for text in (
        "Geldig",
        "Verlopen",
        "Ingetrokken op",
        "Het slachtoffer zelf",
        "Een ouder of voogd",
        "samenvatting, contactgegevens",
        "Geen einddatum",
        "Actief",
        "Gebruikt op",
        "actief@helpwanted.example",
        "Via link",
    ):
        assert text in section, text
    for token in ("a" * 30, "b" * 30, "c" * 30, "d" * 30):
        assert token not in page


def test_coordinator_sees_referrals_but_cannot_act(client, org, case, member_factory, partner):
    coordinator = member_factory(org, Role.ORG_COORDINATOR)
    referral = ReferralFactory(organisation=org, case=case, status=S.SENT, partner=partner)
    link = PartnerLinkFactory(
        referral=ReferralFactory(organisation=org, case=case, status=S.SENT, destination="helpwanted")
    )
    with scope(organisation=org):
        entry = ReferralConsent.objects.filter(referral=referral).get()
    client.force_login(coordinator.user)
    page = client.get(detail(org, case)).text
    assert "Slachtofferhulp Nederland" in page and "Doorverwijzingen" in page
    assert url(org, "referral_close", referral_id=referral.pk) not in page
    assert url(org, "consent_withdraw", consent_id=entry.pk) not in page
    for path in _action_paths(org, case, referral, entry, link):
        for method in ("get", "post"):
            response = getattr(client, method)(path)
            assert response.status_code in (403, 405), f"{method} {path}"
    assert reload(referral).status == S.SENT


def test_learner_who_raised_the_signal_sees_no_referrals_and_cannot_act(client, org, member_factory):
    learner = member_factory(org, Role.LEARNER)
    own = RoutedCaseFactory(organisation=org, raised_by=learner.user)
    referral = ReferralFactory(organisation=org, case=own, status=S.SENT)
    link = PartnerLinkFactory(referral=referral)
    with scope(organisation=org):
        entry = ReferralConsent.objects.get()
    someone_elses = ReferralFactory(organisation=org, status=S.SENT, destination="helpwanted")
    client.force_login(learner.user)
    page = client.get(detail(org, own)).text
    assert "Slachtofferhulp" not in page and "Doorverwijzingen" not in page
    for path in _action_paths(org, own, referral, entry, link):
        assert client.post(path).status_code == 403, path
    for path in _action_paths(org, someone_elses.case, someone_elses, None, None):
        assert client.post(path).status_code == 404, path
    assert reload(referral).status == S.SENT


def _action_paths(org, case, referral, consent, link):
    paths = [url(org, "referral_draft", case_id=case.pk)]
    paths += [
        url(org, name, referral_id=referral.pk)
        for name in ("consent_record", "referral_send", "referral_close", "referral_update", "link_create")
    ]
    if consent is not None:
        paths.append(url(org, "consent_withdraw", consent_id=consent.pk))
    if link is not None:
        paths.append(url(org, "link_revoke", link_id=link.pk))
    return paths


def test_ids_of_another_organisation_are_404_and_change_nothing(handler_client, org, other_org, case):
    foreign = ReferralFactory(organisation=other_org, status=S.SENT)
    foreign_link = PartnerLinkFactory(referral=foreign)
    with scopes_disabled():
        foreign_consent = ReferralConsent.objects.get(referral=foreign)
    posts = {
        url(org, "referral_draft", case_id=foreign.case_id): {"destination": "helpwanted", "summary": SUMMARY},
        url(org, "consent_record", referral_id=foreign.pk): consent_post(),
        url(org, "referral_send", referral_id=foreign.pk): {"partner_email": PARTNER_EMAIL},
        url(org, "referral_close", referral_id=foreign.pk): {"outcome": "withdrawn"},
        url(org, "referral_update", referral_id=foreign.pk): {"text": "Hallo"},
        url(org, "link_create", referral_id=foreign.pk): {"partner_email": PARTNER_EMAIL},
        url(org, "link_revoke", link_id=foreign_link.pk): {},
        url(org, "consent_withdraw", consent_id=foreign_consent.pk): {},
    }
    for path, data in posts.items():
        assert handler_client.post(path, data).status_code == 404, path
        assert handler_client.get(path).status_code in (404, 405), path
    with scopes_disabled():
        assert Referral.objects.filter(organisation=other_org).count() == 1
        assert Referral.objects.get(pk=foreign.pk).status == S.SENT
        assert ReferralConsent.objects.get(pk=foreign_consent.pk).withdrawn_at is None
        assert PartnerLink.objects.get(pk=foreign_link.pk).revoked_at is None
        assert not ReferralUpdate.objects.exists()
        assert not Referral.objects.filter(organisation=org).exists()


# --- Counted reads ----------------------------------------------------------------------


def _fill_referrals(org, case, handler, n):
    for i in range(n):
        status = (S.SENT, S.DRAFT, S.ACKNOWLEDGED, S.CLOSED)[i % 4]
        partner = PartnerFactory() if i % 2 else None
        referral = ReferralFactory(organisation=org, case=case, status=status, partner=partner, destination=f"dest_{i}")
        PartnerLinkFactory(referral=referral, token=f"tok-{case.pk}-{i}-" + "x" * 20)
        with scopes_disabled():
            ReferralUpdate.objects.create(
                organisation=org, referral=referral, author_label="Partner", from_partner=True, text="Bericht"
            )
            ReferralConsent.objects.create(
                organisation=org,
                referral=referral,
                recipient_label="X",
                given_by="parent_guardian",
                recorded_by=handler.user,
                withdrawn_at=timezone.now(),
                withdrawn_by=handler.user,
            )


def _count(client, path):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def test_case_detail_costs_the_same_for_1_and_20_referrals(handler_client, org, case_handler):
    small = RoutedCaseFactory(organisation=org, handler=case_handler.user)
    large = RoutedCaseFactory(organisation=org, handler=case_handler.user)
    _fill_referrals(org, small, case_handler, 1)
    _fill_referrals(org, large, case_handler, 20)
    handler_client.get(detail(org, small))  # warm caches (session)
    few = _count(handler_client, detail(org, small))
    many = _count(handler_client, detail(org, large))
    assert few == many
    assert few <= 18
    assert len(re.findall(r'id="doorverwijzing-\d+"', handler_client.get(detail(org, large)).text)) == 20
