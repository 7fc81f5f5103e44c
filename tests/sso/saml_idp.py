"""A SAML 2.0 identity provider for tests that signs real assertions.

It is deliberately independent of python3-saml (which the portal uses as
service provider): assertions are built with lxml and signed with signxml,
the key and self-signed certificate come from ``cryptography``. That way a
test proves the portal verifies what a real IdP sends, not what its own
library produced.

Typical use::

    idp = SamlTestIdp()
    # configure the SocialApp with idp.entity_id, idp.sso_url, idp.cert_base64
    # (or idp.serve_metadata() for metadata_url)
    info = idp.parse_authn_request(redirect_url)  # the SP's redirect to the IdP
    saml_response = idp.response(
        in_response_to=info.id,
        acs_url=info.acs_url,
        audience=info.issuer,
        name_id="user-1",
        attributes={"email": ["a@example.org"]},
    )
    client.post(info.acs_url, idp.post_form(info.acs_url, saml_response, info.relay_state))
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import http.server
import threading
import uuid
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal
from urllib.parse import parse_qs, urlsplit

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from lxml import etree
from signxml import DigestAlgorithm, SignatureMethod, XMLSigner
from signxml.algorithms import CanonicalizationMethod

NS_SAML = "urn:oasis:names:tc:SAML:2.0:assertion"
NS_SAMLP = "urn:oasis:names:tc:SAML:2.0:protocol"
NS_MD = "urn:oasis:names:tc:SAML:2.0:metadata"
NS_DS = "http://www.w3.org/2000/09/xmldsig#"
NS_XS = "http://www.w3.org/2001/XMLSchema"
NS_XSI = "http://www.w3.org/2001/XMLSchema-instance"

BINDING_HTTP_REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"
BINDING_HTTP_POST = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"
NAMEID_PERSISTENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent"
NAMEID_UNSPECIFIED = "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified"
ATTRNAME_BASIC = "urn:oasis:names:tc:SAML:2.0:attrname-format:basic"
CM_BEARER = "urn:oasis:names:tc:SAML:2.0:cm:bearer"
STATUS_SUCCESS = "urn:oasis:names:tc:SAML:2.0:status:Success"
AC_PASSWORD_PROTECTED_TRANSPORT = "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"

SignWhat = Literal["assertion", "response", "both", "none"]


def _tag(ns: str, name: str) -> str:
    return f"{{{ns}}}{name}"


def _saml_time(moment: dt.datetime) -> str:
    """SAML's xs:dateTime in UTC without fractions, e.g. 2026-12-06T14:09:22Z."""
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _new_id() -> str:
    # xs:ID must not start with a digit.
    return "_" + uuid.uuid4().hex


@dataclass(frozen=True)
class AuthnRequestInfo:
    """What the IdP needs from the SP's AuthnRequest to answer it."""

    id: str
    acs_url: str | None
    issuer: str | None
    relay_state: str | None
    destination: str | None


class SamlTestIdp:
    """A throwaway IdP: RSA-2048 key, self-signed certificate, signed responses."""

    def __init__(
        self,
        entity_id: str = "http://127.0.0.1/saml-idp",
        sso_url: str = "http://127.0.0.1/saml-idp/sso",
    ) -> None:
        self.entity_id = entity_id
        self.sso_url = sso_url
        self.private_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        now = dt.datetime.now(dt.UTC)
        name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Test SAML IdP")])
        self.certificate = (
            x509.CertificateBuilder()
            .subject_name(name)
            .issuer_name(name)
            .public_key(self.private_key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=1))
            .sign(self.private_key, hashes.SHA256())
        )

    # -- key material -----------------------------------------------------

    @property
    def cert_pem(self) -> str:
        return self.certificate.public_bytes(serialization.Encoding.PEM).decode("ascii")

    @property
    def cert_base64(self) -> str:
        """The certificate's base64 body on one line (SAML's x509cert setting)."""
        return base64.b64encode(self.certificate.public_bytes(serialization.Encoding.DER)).decode("ascii")

    @property
    def private_key_pem(self) -> str:
        return self.private_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ).decode("ascii")

    # -- metadata ---------------------------------------------------------

    def metadata_xml(self) -> str:
        md = etree.Element(
            _tag(NS_MD, "EntityDescriptor"),
            nsmap={"md": NS_MD, "ds": NS_DS},
            entityID=self.entity_id,
        )
        idp = etree.SubElement(
            md,
            _tag(NS_MD, "IDPSSODescriptor"),
            WantAuthnRequestsSigned="false",
            protocolSupportEnumeration=NS_SAMLP,
        )
        key_descriptor = etree.SubElement(idp, _tag(NS_MD, "KeyDescriptor"), use="signing")
        key_info = etree.SubElement(key_descriptor, _tag(NS_DS, "KeyInfo"))
        x509_data = etree.SubElement(key_info, _tag(NS_DS, "X509Data"))
        etree.SubElement(x509_data, _tag(NS_DS, "X509Certificate")).text = self.cert_base64
        for name_id_format in (NAMEID_PERSISTENT, NAMEID_UNSPECIFIED):
            etree.SubElement(idp, _tag(NS_MD, "NameIDFormat")).text = name_id_format
        etree.SubElement(
            idp,
            _tag(NS_MD, "SingleSignOnService"),
            Binding=BINDING_HTTP_REDIRECT,
            Location=self.sso_url,
        )
        return etree.tostring(md, xml_declaration=True, encoding="UTF-8").decode("utf-8")

    @contextlib.contextmanager
    def serve_metadata(self) -> Iterator[str]:
        """Serve metadata_xml() on 127.0.0.1:<free port>; yields its URL."""
        body = self.metadata_xml().encode("utf-8")

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                self.send_response(200)
                self.send_header("Content-Type", "application/samlmetadata+xml")
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        thread = threading.Thread(target=server.serve_forever, name="saml-idp-metadata")
        thread.start()
        try:
            host, port = server.server_address[:2]
            yield f"http://{host}:{port}/metadata"
        finally:
            server.shutdown()
            server.server_close()
            thread.join(timeout=5)

    # -- the SP's AuthnRequest --------------------------------------------

    def parse_authn_request(self, redirect_url: str) -> AuthnRequestInfo:
        """Decode the HTTP-Redirect binding's SAMLRequest (raw deflate + base64)."""
        query = parse_qs(urlsplit(redirect_url).query, keep_blank_values=True)
        (saml_request,) = query["SAMLRequest"]
        xml = zlib.decompress(base64.b64decode(saml_request), -15)
        root = etree.fromstring(xml, parser=etree.XMLParser(resolve_entities=False))
        if root.tag != _tag(NS_SAMLP, "AuthnRequest"):
            raise ValueError(f"not an AuthnRequest: {root.tag}")
        issuer = root.find(_tag(NS_SAML, "Issuer"))
        relay_state = query.get("RelayState")
        return AuthnRequestInfo(
            id=root.get("ID"),
            acs_url=root.get("AssertionConsumerServiceURL"),
            issuer=issuer.text if issuer is not None else None,
            relay_state=relay_state[0] if relay_state else None,
            destination=root.get("Destination"),
        )

    # -- the IdP's Response -----------------------------------------------

    def response(
        self,
        *,
        in_response_to: str | None,
        acs_url: str,
        audience: str,
        name_id: str,
        attributes: dict[str, list[str]],
        authn_context: str = AC_PASSWORD_PROTECTED_TRANSPORT,
        session_not_on_or_after: dt.datetime | None = None,
        not_before: dt.datetime | None = None,
        not_on_or_after: dt.datetime | None = None,
        sign: SignWhat = "assertion",
        issuer: str | None = None,
        key: rsa.RSAPrivateKey | None = None,
        tamper: bool = False,
        name_id_format: str = NAMEID_PERSISTENT,
    ) -> str:
        """Return the base64 SAMLResponse value for an HTTP-POST to acs_url.

        not_before defaults to now - 1 minute, not_on_or_after to now + 5 minutes
        (both on Conditions and on the bearer SubjectConfirmationData). A
        different ``key`` signs with that key while KeyInfo still carries this
        IdP's certificate (a forger who copied the public certificate).
        ``tamper`` changes the first attribute value (or the NameID when there
        are no attributes) after signing.
        """
        if sign not in ("assertion", "response", "both", "none"):
            raise ValueError(f"unknown sign option {sign!r}")
        now = dt.datetime.now(dt.UTC)
        issuer = issuer or self.entity_id
        not_before = not_before or now - dt.timedelta(minutes=1)
        not_on_or_after = not_on_or_after or now + dt.timedelta(minutes=5)
        signing_key = key or self.private_key
        nsmap = {"samlp": NS_SAMLP, "saml": NS_SAML}

        # Assertion, in the order saml-schema-assertion-2.0.xsd requires:
        # Issuer, Signature, Subject, Conditions, AuthnStatement, AttributeStatement.
        assertion = etree.Element(
            _tag(NS_SAML, "Assertion"),
            nsmap={"saml": NS_SAML, "xs": NS_XS, "xsi": NS_XSI},
            ID=_new_id(),
            Version="2.0",
            IssueInstant=_saml_time(now),
        )
        etree.SubElement(assertion, _tag(NS_SAML, "Issuer")).text = issuer
        if sign in ("assertion", "both"):
            etree.SubElement(assertion, _tag(NS_DS, "Signature"), Id="placeholder", nsmap={"ds": NS_DS})
        subject = etree.SubElement(assertion, _tag(NS_SAML, "Subject"))
        name_id_el = etree.SubElement(subject, _tag(NS_SAML, "NameID"), Format=name_id_format)
        name_id_el.text = name_id
        confirmation = etree.SubElement(subject, _tag(NS_SAML, "SubjectConfirmation"), Method=CM_BEARER)
        confirmation_data = etree.SubElement(
            confirmation,
            _tag(NS_SAML, "SubjectConfirmationData"),
            NotOnOrAfter=_saml_time(not_on_or_after),
            Recipient=acs_url,
        )
        if in_response_to is not None:
            confirmation_data.set("InResponseTo", in_response_to)
        conditions = etree.SubElement(
            assertion,
            _tag(NS_SAML, "Conditions"),
            NotBefore=_saml_time(not_before),
            NotOnOrAfter=_saml_time(not_on_or_after),
        )
        restriction = etree.SubElement(conditions, _tag(NS_SAML, "AudienceRestriction"))
        etree.SubElement(restriction, _tag(NS_SAML, "Audience")).text = audience
        authn_statement = etree.SubElement(
            assertion,
            _tag(NS_SAML, "AuthnStatement"),
            AuthnInstant=_saml_time(now),
            SessionIndex=_new_id(),
        )
        if session_not_on_or_after is not None:
            authn_statement.set("SessionNotOnOrAfter", _saml_time(session_not_on_or_after))
        authn_context_el = etree.SubElement(authn_statement, _tag(NS_SAML, "AuthnContext"))
        etree.SubElement(authn_context_el, _tag(NS_SAML, "AuthnContextClassRef")).text = authn_context
        if attributes:
            statement = etree.SubElement(assertion, _tag(NS_SAML, "AttributeStatement"))
            for attr_name, values in attributes.items():
                attribute = etree.SubElement(
                    statement,
                    _tag(NS_SAML, "Attribute"),
                    Name=attr_name,
                    NameFormat=ATTRNAME_BASIC,
                )
                for value in values:
                    value_el = etree.SubElement(attribute, _tag(NS_SAML, "AttributeValue"))
                    value_el.set(_tag(NS_XSI, "type"), "xs:string")
                    value_el.text = value
        if sign in ("assertion", "both"):
            assertion = self._sign(assertion, signing_key)

        # Response: Issuer, Signature, Status, Assertion.
        response = etree.Element(
            _tag(NS_SAMLP, "Response"),
            nsmap=nsmap,
            ID=_new_id(),
            Version="2.0",
            IssueInstant=_saml_time(now),
            Destination=acs_url,
        )
        if in_response_to is not None:
            response.set("InResponseTo", in_response_to)
        etree.SubElement(response, _tag(NS_SAML, "Issuer")).text = issuer
        if sign in ("response", "both"):
            etree.SubElement(response, _tag(NS_DS, "Signature"), Id="placeholder", nsmap={"ds": NS_DS})
        status = etree.SubElement(response, _tag(NS_SAMLP, "Status"))
        etree.SubElement(status, _tag(NS_SAMLP, "StatusCode"), Value=STATUS_SUCCESS)
        response.append(assertion)
        if sign in ("response", "both"):
            response = self._sign(response, signing_key)

        if tamper:
            target = response.find(f".//{_tag(NS_SAML, 'AttributeValue')}")
            if target is None:
                target = response.find(f".//{_tag(NS_SAML, 'NameID')}")
            target.text = (target.text or "") + "-tampered"

        xml = etree.tostring(response, xml_declaration=True, encoding="UTF-8")
        return base64.b64encode(xml).decode("ascii")

    def _sign(self, element: etree._Element, key: rsa.RSAPrivateKey) -> etree._Element:
        """Enveloped RSA-SHA256 signature at the element's placeholder.

        signxml signs a serialised copy, so the result is a new tree; with
        exclusive c14n it stays valid once re-parented into the Response.
        """
        signer = XMLSigner(
            signature_algorithm=SignatureMethod.RSA_SHA256,
            digest_algorithm=DigestAlgorithm.SHA256,
            c14n_algorithm=CanonicalizationMethod.EXCLUSIVE_XML_CANONICALIZATION_1_0,
        )
        signer.namespaces = {"ds": NS_DS}
        return signer.sign(element, key=key, cert=self.cert_pem)

    @staticmethod
    def post_form(acs_url: str, saml_response: str, relay_state: str | None) -> dict:
        """The POST data an auto-submitting IdP form sends to acs_url.

        acs_url is taken for symmetry with the browser form's action; post
        the returned dict there.
        """
        data = {"SAMLResponse": saml_response}
        if relay_state is not None:
            data["RelayState"] = relay_state
        return data
