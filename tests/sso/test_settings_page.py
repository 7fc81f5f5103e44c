"""The sign-in settings page of an organisation (``sso/settings_views.py``): who may
open it, setting up each kind of provider, testing and switching it on, the domains,
the password policy, the latest attempts, and the Django admin's domain check."""

from __future__ import annotations

import re

import pytest
from allauth.socialaccount.models import SocialApp
from django.contrib.messages import get_messages
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_scopes import scopes_disabled

from portal.models import AuditEvent
from portal.roles import Role
from portal.services import user_sync_staff_flags
from sso import services
from sso.adapters import TEST_SESSION_KEY
from sso.models import ProviderKind, SignInAttempt, SignInDomain, SignInSettings
from tests.factories import MembershipFactory, MunicipalityFactory, PlatformFactory, UserFactory
from tests.sso.flows import leaving_for
from tests.sso.helpers import ENTRA_TENANT, make_attempts, make_domain, make_federation_link, make_sign_in
from tests.sso.saml_idp import SamlTestIdp

pytestmark = pytest.mark.django_db

Status = SignInSettings.Status
SAML_HOST = "127.0.0.1"


@pytest.fixture
def coordinator(org, member_factory):
    return member_factory(org, Role.ORG_COORDINATOR)


@pytest.fixture
def client(client, coordinator):
    """Signed in as the organisation's coordinator (``login_as`` switches to someone else)."""
    client.force_login(coordinator.user)
    return client


def url(org, name: str = "sso:settings", **kwargs) -> str:
    return reverse(name, kwargs={"org_slug": org.slug, **kwargs})


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def checkbox(page: str, name: str) -> str:
    return re.search(rf'<input type="checkbox" name="{name}"[^>]*>', page).group(0)


def sign_in_of(org) -> SignInSettings:
    return SignInSettings.objects.select_related("app").get(organisation=org)


# --- Who may open the page ------------------------------------------------------------------


def test_a_coordinator_sees_the_page(client, org):
    response = client.get(url(org))
    assert response.status_code == 200
    text = response.content.decode()
    assert "<title>Inloggen via de organisatie – Veilig Online</title>" in text
    assert "Er is nog geen provider ingesteld." in text
    # What to register at the provider, before anything is set: both protocols.
    callback = reverse("openid_connect_callback", kwargs={"provider_id": f"org-{org.slug}"})
    assert f'value="http://testserver{callback}"' in text
    assert f'value="http://testserver{reverse("saml_metadata", args=[org.slug])}"' in text
    assert f'value="http://testserver{reverse("saml_acs", args=[org.slug])}"' in text
    assert f'href="{url(org, "sso:provider")}"' in text and ">Instellen</a>" in text
    # A GET stores nothing.
    assert not SignInSettings.objects.filter(organisation=org).exists()


def test_the_start_page_links_to_it_for_a_coordinator(client, org):
    home = client.get(reverse("portal:organisation_home", kwargs={"org_slug": org.slug})).content.decode()
    assert f'href="{url(org)}"' in home


@pytest.mark.parametrize("name", ["sso:settings", "sso:provider"])
def test_a_learner_gets_403(name, client, login_as, org, member_factory):
    login_as(member_factory(org, Role.LEARNER))
    assert client.get(url(org, name)).status_code == 403
    assert client.post(url(org, "sso:provider_switch"), {"on": "1"}).status_code == 403


def test_a_coordinator_of_another_organisation_gets_404(client, login_as, org, other_org, member_factory):
    login_as(member_factory(other_org, Role.ORG_COORDINATOR))
    assert client.get(url(org)).status_code == 404
    assert client.post(url(org, "sso:domain_add"), {"domain": "school.nl"}).status_code == 404
    assert not SignInDomain.objects.exists()


def test_a_municipal_coordinator_may_open_it(client, login_as, org, member_factory):
    municipality = MunicipalityFactory(name="Gemeente Testdorp", slug="testdorp")
    login_as(member_factory(municipality, Role.MUNICIPAL_COORDINATOR))
    assert client.get(url(municipality)).status_code == 200


# --- The provider form ----------------------------------------------------------------------

ENTRA = {"kind": "entra", "name": "Microsoft-account", "entra_tenant_id": ENTRA_TENANT.upper()}


def entra(**changes):
    data = {**ENTRA, "entra_client_id": "client-123", "entra_secret": "geheim-1"}
    data.update(changes)
    return data


def test_configuring_entra(client, org, coordinator):
    response = client.post(url(org, "sso:provider"), entra())
    assert response.status_code == 302 and response["Location"] == url(org)
    assert any("Test nu" in message for message in messages_of(response))
    sign_in = sign_in_of(org)
    assert sign_in.provider_kind == ProviderKind.ENTRA
    assert sign_in.status == Status.DRAFT
    assert sign_in.entra_tenant_id == ENTRA_TENANT
    app = sign_in.app
    assert (app.provider, app.provider_id, app.client_id, app.secret) == (
        "openid_connect",
        f"org-{org.slug}",
        "client-123",
        "geheim-1",
    )
    assert app.settings["server_url"] == f"https://login.microsoftonline.com/{ENTRA_TENANT}/v2.0"
    with scopes_disabled():
        assert AuditEvent.objects.filter(organisation=org, kind=AuditEvent.Kind.SIGN_IN_SETTINGS_CHANGED).exists()

    page = client.get(url(org)).content.decode()
    assert "Microsoft Entra ID (OpenID Connect)" in page and "Ingesteld, nog niet getest" in page
    assert ">Wijzigen</a>" in page and ">Testen</button>" in page
    assert "Aanzetten kan pas na een geslaagde test." in page


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"entra_tenant_id": "school.onmicrosoft.com"}, "entra_tenant_id", "Tenant-id: dit is geen tenant-id"),
        ({"entra_tenant_id": ""}, "entra_tenant_id", "Tenant-id: vul de tenant-id"),
        ({"entra_client_id": ""}, "entra_client_id", "Client-id: vul de client-id in"),
        ({"entra_secret": ""}, "entra_secret", "Clientgeheim: vul het geheim in"),
        ({"name": ""}, "name", "Naam van de inlog: vul een naam in."),
        ({"kind": "ldap"}, "kind", "Soort provider: kies er een uit de lijst."),
    ],
)
def test_entra_errors_name_the_field(changes, field, words, client, org):
    response = client.post(url(org, "sso:provider"), entra(**changes))
    assert response.status_code == 400
    form = response.context["form"]
    assert list(form.errors) == [field]
    assert words in form.errors[field][0]
    assert f'id="id_{field}_error"' in response.content.decode()
    assert not SignInSettings.objects.filter(organisation=org).exists()


def test_the_secret_is_never_shown_and_kept_when_left_empty(client, org):
    client.post(url(org, "sso:provider"), entra())
    form_page = client.get(url(org, "sso:provider")).content.decode()
    assert "geheim-1" not in form_page
    assert "Er is al een geheim opgeslagen" in form_page
    assert 'value="client-123"' in form_page  # the rest is filled in

    response = client.post(url(org, "sso:provider"), entra(entra_secret="", name="Nieuwe naam"))
    assert response.status_code == 302
    app = sign_in_of(org).app
    assert (app.name, app.secret) == ("Nieuwe naam", "geheim-1")
    # An error page does not send the typed secret back either.
    response = client.post(url(org, "sso:provider"), entra(entra_secret="nieuw-geheim", entra_tenant_id="x"))
    assert response.status_code == 400 and "nieuw-geheim" not in response.content.decode()


def test_another_kind_needs_its_own_secret(client, org):
    client.post(url(org, "sso:provider"), entra())
    response = client.post(
        url(org, "sso:provider"),
        {"kind": "google", "name": "Google", "google_domain": "school.nl", "google_client_id": "g-1"},
    )
    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["google_secret"]


def test_configuring_google(client, org):
    data = {
        "kind": "google",
        "name": "Google-account",
        "google_domain": "School.NL",
        "google_client_id": "1234.apps.googleusercontent.com",
        "google_secret": "g-geheim",
        # Fields of another kind are ignored.
        "entra_tenant_id": "geen-uuid",
    }
    assert client.post(url(org, "sso:provider"), data).status_code == 302
    sign_in = sign_in_of(org)
    assert (sign_in.provider_kind, sign_in.google_domain, sign_in.entra_tenant_id) == ("google", "school.nl", "")
    assert sign_in.app.settings["server_url"] == "https://accounts.google.com"

    response = client.post(url(org, "sso:provider"), {**data, "google_domain": "@school"})
    assert response.status_code == 400
    assert "Domein van jullie Google Workspace:" in response.context["form"].errors["google_domain"][0]


@pytest.mark.parametrize(
    ("server_url", "stored", "error"),
    [
        ("https://login.school.nl/", "https://login.school.nl", None),
        ("https://login.school.nl/.well-known/openid-configuration", "https://login.school.nl", None),
        ("http://127.0.0.1:9000/realm", "http://127.0.0.1:9000/realm", None),
        ("http://login.school.nl", None, "moet beginnen met https://"),
        ("login.school.nl", None, "vul een volledig adres in"),
        ("https://login.school.nl/?tenant=1", None, "laat het deel na ? of # weg"),
        ("", None, "vul het adres (issuer) in"),
    ],
)
def test_configuring_another_oidc_provider(server_url, stored, error, client, org):
    data = {
        "kind": "oidc",
        "name": "Eigen inlog",
        "oidc_server_url": server_url,
        "oidc_client_id": "portaal",
        "oidc_secret": "s",
    }
    response = client.post(url(org, "sso:provider"), data)
    if error is None:
        assert response.status_code == 302
        assert sign_in_of(org).app.settings["server_url"] == stored
    else:
        assert response.status_code == 400
        errors = response.context["form"].errors
        assert list(errors) == ["oidc_server_url"]
        assert errors["oidc_server_url"][0].startswith("Adres van de provider")
        assert error in errors["oidc_server_url"][0]


def test_saml_metadata_xml_is_parsed(client, org):
    idp = SamlTestIdp(entity_id="https://idp.school.nl/saml", sso_url="https://idp.school.nl/saml/sso")
    response = client.post(
        url(org, "sso:provider"), {"kind": "saml", "name": "SAML van school", "saml_metadata_xml": idp.metadata_xml()}
    )
    assert response.status_code == 302
    sign_in = sign_in_of(org)
    app = sign_in.app
    assert (app.provider, app.provider_id, app.client_id, app.secret) == ("saml", f"saml-{org.slug}", org.slug, "")
    assert app.settings["idp"] == {
        "entity_id": "https://idp.school.nl/saml",
        "sso_url": "https://idp.school.nl/saml/sso",
        "x509cert": idp.cert_base64,
    }
    page = client.get(url(org)).content.decode()
    assert f'value="http://testserver{reverse("saml_acs", args=[org.slug])}"' in page
    assert "openid_connect" not in page and "redirect-uri" not in page
    # The form shows what was stored, in the fields.
    form = client.get(url(org, "sso:provider")).context["form"]
    assert form.initial["saml_entity_id"] == "https://idp.school.nl/saml"


def test_saml_by_hand_with_a_pem_certificate(client, org):
    idp = SamlTestIdp()
    data = {
        "kind": "saml",
        "name": "SAML",
        "saml_entity_id": idp.entity_id,
        "saml_sso_url": idp.sso_url,
        "saml_x509cert": idp.cert_pem,
    }
    assert client.post(url(org, "sso:provider"), data).status_code == 302
    assert sign_in_of(org).app.settings["idp"]["x509cert"] == idp.cert_base64


def test_saml_by_metadata_url(client, org):
    data = {"kind": "saml", "name": "SAML", "saml_metadata_url": "https://idp.school.nl/metadata"}
    assert client.post(url(org, "sso:provider"), data).status_code == 302
    assert sign_in_of(org).app.settings["idp"]["metadata_url"] == "https://idp.school.nl/metadata"


@pytest.mark.parametrize(
    ("data", "field", "words"),
    [
        ({"saml_metadata_xml": "<dit is geen xml"}, "saml_metadata_xml", "Metadata: dit is geen leesbare"),
        (
            {"saml_metadata_xml": '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>'},
            "saml_metadata_xml",
            "Metadata: dit is geen leesbare",
        ),
        (
            {
                "saml_metadata_xml": '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="x"/>'
            },
            "saml_metadata_xml",
            "Metadata: hier staat geen inlogadres",
        ),
        ({}, "saml_metadata_url", "Adres van de metadata: vul het adres"),
        ({"saml_metadata_url": "http://idp.school.nl/metadata"}, "saml_metadata_url", "https://"),
        (
            {"saml_entity_id": "https://idp", "saml_sso_url": "https://idp/sso", "saml_x509cert": "bm9vaXQ="},
            "saml_x509cert",
            "Certificaat van de provider: dit is geen leesbaar certificaat",
        ),
        ({"saml_entity_id": "https://idp", "saml_x509cert": "x"}, "saml_sso_url", "Inlogadres van de provider:"),
    ],
)
def test_saml_errors_name_the_field(data, field, words, client, org):
    response = client.post(url(org, "sso:provider"), {"kind": "saml", "name": "SAML", **data})
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert field in errors
    assert words in errors[field][0]


def test_saml_metadata_url_and_xml_together_are_refused(client, org):
    response = client.post(
        url(org, "sso:provider"),
        {
            "kind": "saml",
            "name": "SAML",
            "saml_metadata_url": "https://idp.school.nl/metadata",
            "saml_metadata_xml": SamlTestIdp().metadata_xml(),
        },
    )
    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["saml_metadata_xml"]


def test_the_form_groups_the_fields_per_kind_without_javascript(client, org):
    text = client.get(url(org, "sso:provider")).content.decode()
    for label in ProviderKind.labels:
        assert f"Alleen bij {label}</legend>" in text
    assert 'type="radio" name="kind" value="entra"' in text
    assert "<script" not in text.split("<main", 1)[1]


def test_a_change_needs_a_new_test(client, org):
    make_sign_in(org, kind=ProviderKind.ENTRA, status=Status.ACTIVE)
    assert client.post(url(org, "sso:provider"), entra()).status_code == 302
    sign_in = sign_in_of(org)
    assert (sign_in.status, sign_in.tested_at, sign_in.activated_at) == (Status.DRAFT, None, None)


# --- Testing and switching ------------------------------------------------------------------


def test_switching_on_before_a_test_is_refused(client, org):
    client.post(url(org, "sso:provider"), entra())
    response = client.post(url(org, "sso:provider_switch"), {"on": "1"})
    assert response.status_code == 302
    assert messages_of(response)[-1:] == ["Test de inlog eerst; daarna kun je hem aanzetten."]
    assert sign_in_of(org).status == Status.DRAFT


def test_after_a_passed_test_it_can_be_switched_on_and_off(client, org, coordinator):
    client.post(url(org, "sso:provider"), entra())
    services.provider_test_recorded(sign_in=sign_in_of(org), user=coordinator.user, passed=True, result="Gelukt.")
    page = client.get(url(org)).content.decode()
    assert "Getest, nog niet aan" in page and "Gelukt." in page and "disabled" not in page

    response = client.post(url(org, "sso:provider_switch"), {"on": "1"})
    assert messages_of(response)[-1:] == ["De inlog via jullie provider staat aan."]
    sign_in = sign_in_of(org)
    assert sign_in.is_active and sign_in.activated_at is not None
    page = client.get(url(org)).content.decode()
    assert ">Uitzetten</button>" in page and ">Aanzetten</button>" not in page

    client.post(url(org, "sso:provider_switch"), {"on": "0"})
    sign_in = sign_in_of(org)
    assert (sign_in.status, sign_in.activated_at) == (Status.OFF, None)
    # Switched off after a passed test: on again without a new test.
    client.post(url(org, "sso:provider_switch"), {"on": "1"})
    assert sign_in_of(org).is_active


def test_the_switch_answers_post_only(client, org):
    assert client.get(url(org, "sso:provider_switch")).status_code == 405
    assert client.get(url(org, "sso:provider_test")).status_code == 405


def test_testing_needs_a_provider(client, org):
    response = client.post(url(org, "sso:provider_test"))
    assert response.status_code == 302 and response["Location"] == url(org)
    assert messages_of(response)[-1:] == ["Stel eerst de provider in; daarna kun je hem testen."]
    assert TEST_SESSION_KEY not in client.session


def test_testing_goes_to_the_providers_authorize_url(client, org, oidc_provider):
    data = {
        "kind": "oidc",
        "name": "Lokale provider",
        "oidc_server_url": oidc_provider.issuer,
        "oidc_client_id": "portaal",
        "oidc_secret": "s3cret",
    }
    assert client.post(url(org, "sso:provider"), data).status_code == 302
    location = leaving_for(client.post(url(org, "sso:provider_test")))
    assert location.startswith(oidc_provider.metadata["authorization_endpoint"] + "?")
    assert "client_id=portaal" in location
    assert client.session[TEST_SESSION_KEY] == sign_in_of(org).pk


def test_testing_a_provider_that_does_not_answer(client, org):
    data = {
        "kind": "oidc",
        "name": "Weg",
        "oidc_server_url": "http://127.0.0.1:1",
        "oidc_client_id": "portaal",
        "oidc_secret": "s",
    }
    client.post(url(org, "sso:provider"), data)
    response = client.post(url(org, "sso:provider_test"))
    assert response.status_code == 302 and response["Location"] == url(org)
    assert messages_of(response)[-1:] == ["De provider antwoordt niet: controleer de URL."]
    assert TEST_SESSION_KEY not in client.session


def test_testing_a_saml_provider_goes_to_its_sign_in_address(client, org):
    idp = SamlTestIdp(entity_id="https://idp.school.nl/saml", sso_url="https://idp.school.nl/saml/sso")
    client.post(url(org, "sso:provider"), {"kind": "saml", "name": "SAML", "saml_metadata_xml": idp.metadata_xml()})
    # python3-saml reads the Host header (a browser always sends one) and wants a host it accepts.
    location = leaving_for(client.post(url(org, "sso:provider_test"), HTTP_HOST=SAML_HOST))
    assert location.startswith("https://idp.school.nl/saml/sso?SAMLRequest=")
    request = idp.parse_authn_request(location)
    assert request.acs_url == f"http://{SAML_HOST}{reverse('saml_acs', args=[org.slug])}"
    assert client.session[TEST_SESSION_KEY] == sign_in_of(org).pk


def test_testing_a_saml_provider_whose_metadata_cannot_be_fetched(client, org):
    client.post(
        url(org, "sso:provider"), {"kind": "saml", "name": "SAML", "saml_metadata_url": "http://127.0.0.1:1/md"}
    )
    response = client.post(url(org, "sso:provider_test"), HTTP_HOST=SAML_HOST)
    assert response.status_code == 302 and response["Location"] == url(org)
    assert messages_of(response)[-1:] == ["De provider antwoordt niet: controleer de URL."]
    assert TEST_SESSION_KEY not in client.session


# --- Policy --------------------------------------------------------------------------------


def test_password_login_stays_on_without_another_way_in(client, org):
    response = client.post(url(org, "sso:policy"), {"trust_provider_mfa": "on"})
    assert response.status_code == 400
    form = response.context["policy_form"]
    assert list(form.errors) == ["password_login"]
    assert "Zet eerst jullie eigen inlog aan" in form.errors["password_login"][0]
    assert 'id="id_password_login_error"' in response.content.decode()
    sign_in = SignInSettings.objects.filter(organisation=org).first()
    assert sign_in is None or (sign_in.password_login and not sign_in.trust_provider_mfa)


def test_password_login_can_go_off_with_an_active_provider(client, org):
    make_sign_in(org, status=Status.ACTIVE)
    response = client.post(url(org, "sso:policy"), {"trust_provider_mfa": "on"})
    assert response.status_code == 302
    assert messages_of(response)[-1:] == ["De instellingen voor inloggen zijn opgeslagen."]
    sign_in = sign_in_of(org)
    assert (sign_in.password_login, sign_in.trust_provider_mfa) == (False, True)
    page = client.get(url(org)).content.decode()
    assert "checked" not in checkbox(page, "password_login")
    assert "checked" in checkbox(page, "trust_provider_mfa")


def test_password_login_can_go_off_with_a_federation_link(client, org):
    make_federation_link(org, "12AB")
    assert client.post(url(org, "sso:policy"), {}).status_code == 302
    assert sign_in_of(org).password_login is False
    page = client.get(url(org)).content.decode()
    assert "Entree Federatie (Kennisnet)" in page and "Code van de instelling: 12ab" in page


# --- Domains -------------------------------------------------------------------------------


def test_adding_and_removing_a_domain(client, org):
    response = client.post(url(org, "sso:domain_add"), {"domain": " @School.NL "})
    assert response.status_code == 302
    assert "Het telt mee zodra de beheerder van het platform het heeft geverifieerd." in messages_of(response)[0]
    domain = SignInDomain.objects.get(organisation=org)
    assert (domain.domain, domain.is_verified) == ("school.nl", False)
    page = client.get(url(org)).content.decode()
    assert "school.nl" in page and "Nog niet geverifieerd" in page
    assert url(org, "sso:domain_remove", domain_id=domain.pk) in page

    response = client.post(url(org, "sso:domain_remove", domain_id=domain.pk))
    assert response.status_code == 302
    assert messages_of(response)[-1:] == ["Het domein school.nl is verwijderd."]
    assert not SignInDomain.objects.exists()


def test_a_verified_domain_says_so(client, org):
    make_domain(org, "school.nl", verified=True)
    assert "Ja, op " in client.get(url(org)).content.decode()


@pytest.mark.parametrize(
    ("domain", "words"),
    [
        ("", "Domein: vul een domein in"),
        ("school", "Domein: vul een domein in zoals school.nl"),
        ("naam@school.nl", "Domein: vul een domein in zoals school.nl"),
    ],
)
def test_a_wrong_domain_names_the_field(domain, words, client, org):
    response = client.post(url(org, "sso:domain_add"), {"domain": domain})
    assert response.status_code == 400
    form = response.context["domain_form"]
    assert list(form.errors) == ["domain"] and words in form.errors["domain"][0]
    assert not SignInDomain.objects.exists()


def test_a_domain_is_registered_once(client, org, other_org):
    make_domain(other_org, "andere.nl")
    make_domain(org, "school.nl")
    for taken in ("school.nl", "ANDERE.nl"):
        response = client.post(url(org, "sso:domain_add"), {"domain": taken})
        assert response.status_code == 400
        assert response.context["domain_form"].errors["domain"] == ["Dit domein is al aangemeld."]
    assert SignInDomain.objects.count() == 2


def test_another_organisations_domain_cannot_be_removed(client, org, other_org):
    theirs = make_domain(other_org, "andere.nl")
    response = client.post(url(org, "sso:domain_remove", domain_id=theirs.pk))
    assert response.status_code == 404
    assert SignInDomain.objects.filter(pk=theirs.pk).exists()
    assert "andere.nl" not in client.get(url(org)).content.decode()


# --- Attempts and query counts --------------------------------------------------------------


def test_the_attempts_are_only_this_organisations(client, org, other_org, coordinator):
    make_sign_in(org, status=Status.ACTIVE, name="Inlog van Eén")
    make_attempts(org, 1, user=coordinator.user)
    make_attempts(org, 1, provider_id="portal", outcome=SignInAttempt.Outcome.REFUSED, reason="password_login_off")
    make_attempts(org, 1, provider_id="entree", outcome=SignInAttempt.Outcome.REFUSED, reason="test")
    make_attempts(other_org, 3, provider_id="org-andere-school", reason="wrong_tenant")
    SignInAttempt.objects.create(provider_id="geheim-van-niemand", outcome=SignInAttempt.Outcome.REFUSED)

    text = client.get(url(org)).content.decode()
    assert "Inlog van Eén" in text and str(coordinator.user) in text
    assert "Wachtwoord, code of passkey van het portaal" in text and "Log in via je organisatie" in text
    assert "Entree Federatie (Kennisnet)" in text and "De test is niet gelukt" in text
    assert "org-andere-school" not in text and "geheim-van-niemand" not in text
    assert "Dit account hoort bij een andere organisatie" not in text


def test_only_the_latest_20_attempts_are_shown(client, org):
    make_attempts(org, 25, provider_id="entree")
    text = client.get(url(org)).content.decode()
    assert text.count("Entree Federatie (Kennisnet)</td>") == 20


def _queries_for_page(client, org) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url(org)).status_code == 200
    return len(queries)


def test_the_page_needs_the_same_queries_for_3_or_30_rows(client, org, member_factory):
    make_sign_in(org, status=Status.ACTIVE)
    make_federation_link(org, "12ab")

    def add(count: int, start: int) -> None:
        for i in range(start, start + count):
            make_domain(org, f"school-{i}.nl", verified=i % 2 == 0)
            make_attempts(org, 1, user=member_factory(org, Role.CASE_HANDLER, mfa=False).user)

    add(3, 0)
    client.get(url(org))  # warm up (session, content types)
    small = _queries_for_page(client, org)
    add(27, 3)
    assert _queries_for_page(client, org) == small


# --- The Django admin ------------------------------------------------------------------------


@pytest.fixture
def admin_client():
    platform = PlatformFactory(name="Platform", slug="platform-admin-test", country="NL")
    membership = MembershipFactory(organisation=platform, user=UserFactory(with_totp=True), role=Role.PLATFORM_ADMIN)
    user_sync_staff_flags(user=membership.user)
    admin = Client()
    admin.force_login(membership.user)
    admin.user = membership.user
    return admin


def test_the_platform_administrator_verifies_a_domain_in_the_admin(admin_client, org, other_org):
    mine = make_domain(org, "school.nl")
    other = make_domain(other_org, "andere.nl")
    changelist = reverse("admin:sso_signindomain_changelist")
    assert admin_client.get(changelist).status_code == 200
    response = admin_client.post(changelist, {"action": "verify", "_selected_action": [mine.pk]})
    assert response.status_code == 302
    mine.refresh_from_db()
    other.refresh_from_db()
    assert mine.is_verified and mine.verified_by == admin_client.user
    assert not other.is_verified
    with scopes_disabled():
        assert AuditEvent.objects.filter(organisation=org, detail="domein geverifieerd: school.nl").exists()


@pytest.mark.parametrize("model", ["federationlink", "signinsettings", "signinattempt"])
def test_the_admin_lists_open(model, admin_client, org):
    make_sign_in(org, status=Status.ACTIVE)
    make_federation_link(org)
    make_attempts(org, 2)
    assert admin_client.get(reverse(f"admin:sso_{model}_changelist")).status_code == 200


def test_sign_in_settings_and_attempts_are_read_only_in_the_admin(admin_client, org):
    sign_in = make_sign_in(org, status=Status.ACTIVE)
    response = admin_client.post(reverse("admin:sso_signinsettings_change", args=[sign_in.pk]), {"password_login": ""})
    assert response.status_code == 403
    assert SocialApp.objects.filter(pk=sign_in.app_id).exists()
    assert admin_client.get(reverse("admin:sso_signinattempt_add")).status_code == 403
