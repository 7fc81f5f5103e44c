"""The test IdP's responses, checked by python3-saml directly (not the portal).

If these pass, a portal test that fails on a SAML response fails because of the
portal, not because the test IdP sends something a strict SP would refuse.
"""

from __future__ import annotations

import base64
import datetime as dt

import pytest
from lxml import etree
from onelogin.saml2.auth import OneLogin_Saml2_Auth
from onelogin.saml2.idp_metadata_parser import OneLogin_Saml2_IdPMetadataParser
from onelogin.saml2.response import OneLogin_Saml2_Response
from onelogin.saml2.settings import OneLogin_Saml2_Settings

from tests.sso.saml_idp import NS_DS, NS_SAML, NS_SAMLP, SamlTestIdp

# python3-saml 1.16 calls datetime.utcnow()/utcfromtimestamp(), deprecated
# since Python 3.12. Under -W error that DeprecationWarning is raised inside
# Response.is_valid(), which catches it and reports it as the validation error,
# so every response would look invalid.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:onelogin.*")

SP_ENTITY_ID = "http://testserver/accounts/saml/org/metadata/"
ACS_URL = "http://testserver/accounts/saml/org/acs/"
REQUEST_ID = "_request-1"
ATTRIBUTES = {
    "email": ["ada@example.org"],
    "displayName": ["Ada Lovelace"],
    "groups": ["team-a", "team-b"],
}


@pytest.fixture(scope="module")
def idp() -> SamlTestIdp:
    return SamlTestIdp()


def onelogin_settings(idp: SamlTestIdp, **security: object) -> dict:
    return {
        "strict": True,
        "debug": False,
        "sp": {
            "entityId": SP_ENTITY_ID,
            "assertionConsumerService": {
                "url": ACS_URL,
                "binding": "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST",
            },
        },
        "idp": {
            "entityId": idp.entity_id,
            "singleSignOnService": {"url": idp.sso_url},
            "x509cert": idp.cert_base64,
        },
        "security": {
            # "testserver" has no dot; python3-saml refuses such hosts in
            # sp/idp URLs (sp_acs_url_invalid) unless this is on.
            "allowSingleLabelDomains": True,
            "wantAssertionsSigned": True,
            "rejectDeprecatedAlgorithm": True,
            **security,
        },
    }


def request_data(saml_response: str = "") -> dict:
    return {
        "https": "off",
        "http_host": "testserver",
        "script_name": "",
        "path_info": "/accounts/saml/org/acs/",
        "get_data": {},
        "post_data": {"SAMLResponse": saml_response},
    }


def make_response(idp: SamlTestIdp, **overrides: object) -> str:
    kwargs: dict = {
        "in_response_to": REQUEST_ID,
        "acs_url": ACS_URL,
        "audience": SP_ENTITY_ID,
        "name_id": "ada-1",
        "attributes": ATTRIBUTES,
    }
    kwargs.update(overrides)
    return idp.response(**kwargs)


def check(
    idp: SamlTestIdp, saml_response: str, *, request_id: str = REQUEST_ID, **security: object
) -> OneLogin_Saml2_Response:
    settings = OneLogin_Saml2_Settings(onelogin_settings(idp, **security))
    response = OneLogin_Saml2_Response(settings, saml_response)
    response.is_valid(request_data(saml_response), request_id=request_id)
    return response


def test_signed_assertion_is_valid_and_carries_identity(idp):
    response = check(idp, make_response(idp))

    assert response.get_error() is None
    assert response.get_nameid() == "ada-1"
    assert response.get_nameid_format() == "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent"
    assert response.get_attributes() == ATTRIBUTES
    assert response.get_authn_contexts() == ["urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"]
    assert response.get_in_response_to() == REQUEST_ID
    assert response.get_session_index()


@pytest.mark.parametrize("sign", ["response", "both"])
def test_signed_response_is_valid(idp, sign):
    saml_response = make_response(idp, sign=sign)

    # A signed Response alone satisfies an SP that wants signed messages ...
    response = check(idp, saml_response, wantAssertionsSigned=False, wantMessagesSigned=True)
    assert response.get_error() is None
    # ... and an SP that wants signed assertions only when the assertion is signed too.
    response = check(idp, saml_response)
    if sign == "both":
        assert response.get_error() is None
    else:
        assert response.get_error() == ("The Assertion of the Response is not signed and the SP require it")


def test_signature_sits_after_issuer_with_sha256_and_exclusive_c14n(idp):
    xml = etree.fromstring(base64.b64decode(make_response(idp, sign="both")))
    assertion = xml.find(f"{{{NS_SAML}}}Assertion")
    for element in (xml, assertion):
        assert [child.tag for child in element][:2] == [
            f"{{{NS_SAML}}}Issuer",
            f"{{{NS_DS}}}Signature",
        ]
        signature = element.find(f"{{{NS_DS}}}Signature")
        algorithms = {node.get("Algorithm") for node in signature.iter() if node.get("Algorithm")}
        assert algorithms == {
            "http://www.w3.org/2001/10/xml-exc-c14n#",
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
            "http://www.w3.org/2000/09/xmldsig#enveloped-signature",
            "http://www.w3.org/2001/04/xmlenc#sha256",
        }
        assert signature.findtext(f".//{{{NS_DS}}}X509Certificate").replace("\n", "") == idp.cert_base64
    assert xml.tag == f"{{{NS_SAMLP}}}Response"


def test_unspecified_name_id_format_and_idp_initiated(idp):
    saml_response = make_response(
        idp,
        in_response_to=None,
        name_id_format="urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified",
    )
    response = check(idp, saml_response, request_id=None)

    assert response.get_error() is None
    assert response.get_in_response_to() is None
    assert response.get_nameid_format() == "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified"


def test_tampered_response_is_rejected(idp):
    response = check(idp, make_response(idp, tamper=True))

    assert response.get_error().startswith("Signature validation failed. SAML Response rejected")


def test_tampered_signed_response_is_rejected(idp):
    response = check(
        idp,
        make_response(idp, sign="response", tamper=True),
        wantAssertionsSigned=False,
        wantMessagesSigned=True,
    )

    assert response.get_error().startswith("Signature validation failed. SAML Response rejected")


def test_expired_response_is_rejected(idp):
    # Conditions get python3-saml's 300 s clock drift; go well past it.
    past = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=10)
    response = check(idp, make_response(idp, not_on_or_after=past))

    assert response.get_error() == "Could not validate timestamp: expired. Check system clock."


def test_just_expired_subject_confirmation_is_rejected(idp):
    # Within the clock drift Conditions still pass; the bearer confirmation
    # (no drift) does not.
    past = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=30)
    response = check(idp, make_response(idp, not_on_or_after=past))

    assert response.get_error() == "A valid SubjectConfirmation was not found on this Response"


def test_not_yet_valid_response_is_rejected(idp):
    future = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=10)
    response = check(idp, make_response(idp, not_before=future))

    assert response.get_error() == "Could not validate timestamp: not yet valid. Check system clock."


def test_expired_session_is_rejected(idp):
    past = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)
    response = check(idp, make_response(idp, session_not_on_or_after=past))

    assert response.get_error().startswith("The attributes have expired")


def test_wrong_audience_is_rejected(idp):
    response = check(idp, make_response(idp, audience="http://elsewhere.example/sp"))

    assert response.get_error() == f"{SP_ENTITY_ID} is not a valid audience for this Response"


def test_wrong_in_response_to_is_rejected(idp):
    response = check(idp, make_response(idp, in_response_to="_someone-else"))

    assert response.get_error().startswith(
        "The InResponseTo of the Response: _someone-else, does not match the ID of the AuthNRequest"
    )


def test_wrong_recipient_is_rejected(idp):
    response = check(idp, make_response(idp, acs_url="http://testserver/accounts/saml/other/acs/"))

    assert response.get_error().startswith("The response was received at")


def test_wrong_issuer_is_rejected(idp):
    response = check(idp, make_response(idp, issuer="http://evil.example/idp"))

    assert response.get_error().startswith("Invalid issuer in the Assertion/Response")


def test_unsigned_response_is_rejected(idp):
    saml_response = make_response(idp, sign="none")

    response = check(idp, saml_response)
    assert response.get_error() == "The Assertion of the Response is not signed and the SP require it"
    # Even an SP that wants nothing signed refuses a response without any signature.
    response = check(idp, saml_response, wantAssertionsSigned=False)
    assert response.get_error() == "No Signature found. SAML Response rejected"


@pytest.mark.parametrize("sign", ["assertion", "response"])
def test_signed_with_another_key_is_rejected(idp, sign):
    forger = SamlTestIdp()
    saml_response = make_response(idp, sign=sign, key=forger.private_key)

    response = check(idp, saml_response, wantAssertionsSigned=sign == "assertion", wantMessagesSigned=False)
    assert response.get_error().startswith("Signature validation failed. SAML Response rejected")


def test_metadata_parses(idp):
    parsed = OneLogin_Saml2_IdPMetadataParser.parse(idp.metadata_xml())

    assert parsed["idp"]["entityId"] == idp.entity_id
    assert parsed["idp"]["x509cert"] == idp.cert_base64
    assert parsed["idp"]["singleSignOnService"] == {
        "url": idp.sso_url,
        "binding": "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect",
    }
    assert parsed["sp"]["NameIDFormat"] == "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent"


def test_metadata_served_over_http(idp):
    with idp.serve_metadata() as url:
        assert url.startswith("http://127.0.0.1:")
        parsed = OneLogin_Saml2_IdPMetadataParser.parse_remote(url, entity_id=idp.entity_id, timeout=5)

    assert parsed["idp"]["entityId"] == idp.entity_id
    assert parsed["idp"]["x509cert"] == idp.cert_base64


def test_authn_request_round_trip(idp):
    settings = onelogin_settings(idp)
    auth = OneLogin_Saml2_Auth(request_data(), settings)

    redirect_url = auth.login(return_to="/after")
    info = idp.parse_authn_request(redirect_url)

    assert redirect_url.startswith(idp.sso_url + "?")
    assert info.id == auth.get_last_request_id()
    assert info.acs_url == ACS_URL
    assert info.issuer == SP_ENTITY_ID
    assert info.relay_state == "/after"
    assert info.destination == idp.sso_url

    # The answer to that request is valid for it.
    saml_response = idp.response(
        in_response_to=info.id,
        acs_url=info.acs_url,
        audience=info.issuer,
        name_id="ada-1",
        attributes=ATTRIBUTES,
    )
    form = idp.post_form(info.acs_url, saml_response, info.relay_state)
    assert form == {"SAMLResponse": saml_response, "RelayState": "/after"}
    response = check(idp, form["SAMLResponse"], request_id=info.id)
    assert response.get_error() is None


def test_authn_request_with_empty_relay_state(idp):
    # allauth's SAML provider calls login(return_to=""), so RelayState is blank.
    auth = OneLogin_Saml2_Auth(request_data(), onelogin_settings(idp))

    info = idp.parse_authn_request(auth.login(return_to=""))

    assert info.relay_state == ""
    assert idp.post_form(ACS_URL, "x", info.relay_state) == {
        "SAMLResponse": "x",
        "RelayState": "",
    }
