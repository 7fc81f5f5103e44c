"""The forms of the sign-in settings page (``sso/settings_views.py``).

They check shape and completeness per kind of provider; the rules that need the
database (a domain already taken, switching password login off with no other way
in) are the services', whose ``SettingsError`` comes back under the field it names.

The provider form shows every kind's fields at once, grouped per kind, so it works
without JavaScript; only the fields of the chosen kind are read.
"""

from __future__ import annotations

import base64
import binascii
import uuid
from typing import Any
from urllib.parse import urlsplit

from cryptography import x509
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from onelogin.saml2.idp_metadata_parser import OneLogin_Saml2_IdPMetadataParser

from portal.forms import PortalForm
from sso.models import ProviderKind, SignInSettings, domain_validator
from sso.services import ProviderConfig

# Plain http is only for a provider on this machine (development and tests).
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
OIDC_KINDS = (ProviderKind.ENTRA, ProviderKind.GOOGLE, ProviderKind.OIDC)
WELL_KNOWN = "/.well-known/openid-configuration"
NAME_MAX = 40
CLIENT_MAX = 191
URL_MAX = 500
XML_MAX = 200_000

# Field names per kind, in the order they appear (the template and ``clean`` use them).
KIND_FIELDS: dict[str, tuple[str, ...]] = {
    ProviderKind.ENTRA: ("entra_tenant_id", "entra_client_id", "entra_secret"),
    ProviderKind.GOOGLE: ("google_domain", "google_client_id", "google_secret"),
    ProviderKind.OIDC: ("oidc_server_url", "oidc_client_id", "oidc_secret"),
    ProviderKind.SAML: ("saml_metadata_url", "saml_metadata_xml", "saml_entity_id", "saml_sso_url", "saml_x509cert"),
}


def _text(label: Any, help_text: Any = "", *, max_length: int = CLIENT_MAX, **attrs: Any) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=False,
        max_length=max_length,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false", **attrs}),
    )


def _secret(label: Any) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=CLIENT_MAX,
        strip=True,
        # Never sent back to the browser, also not after an error.
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}, render_value=False),
    )


def _area(label: Any, help_text: Any = "", *, max_length: int = XML_MAX) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=False,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": 6, "spellcheck": "false"}),
    )


def secure_url(value: str, label: Any) -> str:
    """An https address (http only for a provider on this machine), without query or
    fragment. ``label`` names the field in the error."""
    value = value.strip()
    try:
        URLValidator(schemes=["https", "http"])(value)
    except ValidationError:
        raise ValidationError(
            _("%(field)s: vul een volledig adres in, dat begint met https://."), params={"field": label}
        ) from None
    parts = urlsplit(value)
    if parts.scheme != "https" and parts.hostname not in LOCAL_HOSTS:
        raise ValidationError(
            _("%(field)s: het adres moet beginnen met https://, zodat niemand kan meelezen."),
            params={"field": label},
        )
    if parts.query or parts.fragment:
        raise ValidationError(
            _("%(field)s: laat het deel na ? of # weg; vul alleen het adres in."), params={"field": label}
        )
    return value


def certificate_body(value: str) -> str:
    """The certificate's base64 body on one line (PEM header and footer removed);
    ``ValueError`` when it is no X.509 certificate."""
    body = "".join(
        line.strip() for line in value.strip().splitlines() if line.strip() and not line.strip().startswith("-----")
    )
    try:
        x509.load_der_x509_certificate(base64.b64decode(body, validate=True))
    except (binascii.Error, ValueError) as exc:
        raise ValueError("not a certificate") from exc
    return body


def parse_idp_metadata(xml: str) -> dict[str, str]:
    """entity_id, sso_url and x509cert from an identity provider's metadata, or
    ``ValueError`` with what is missing."""
    try:
        data = OneLogin_Saml2_IdPMetadataParser.parse(xml.strip())
    except Exception as exc:  # lxml syntax errors, forbidden DTDs and entities, wrong types
        raise ValueError("unreadable") from exc
    idp = data.get("idp") or {}
    certificate = idp.get("x509cert") or next(iter((idp.get("x509certMulti") or {}).get("signing") or []), "")
    found = {
        "entity_id": idp.get("entityId") or "",
        "sso_url": (idp.get("singleSignOnService") or {}).get("url") or "",
        "x509cert": certificate,
    }
    if not all(found.values()):
        raise ValueError("incomplete")
    return found


class ProviderForm(PortalForm):
    kind = forms.ChoiceField(
        label=_("Soort provider"),
        choices=ProviderKind.choices,
        widget=forms.RadioSelect(attrs={"class": "utrecht-radio-button utrecht-radio-button--html-input"}),
        error_messages={
            "required": _("Soort provider: kies er een."),
            "invalid_choice": _("Soort provider: kies er een uit de lijst."),
        },
    )
    name = forms.CharField(
        label=_("Naam van de inlog"),
        help_text=_("Een naam die je collega's herkennen, bijvoorbeeld ‘Microsoft-account van school’."),
        max_length=NAME_MAX,
        error_messages={
            "required": _("Naam van de inlog: vul een naam in."),
            "max_length": _("Naam van de inlog: gebruik hoogstens %(limit_value)d tekens."),
        },
    )

    # Microsoft Entra ID
    entra_tenant_id = _text(
        _("Tenant-id (Entra ID)"),
        _("Staat in het Microsoft Entra-beheercentrum bij ‘Overzicht’. Ziet eruit als 1a2b3c4d-…-…."),
        max_length=36,
    )
    entra_client_id = _text(_("Toepassings-id (client-id, Entra ID)"))
    entra_secret = _secret(_("Clientgeheim (Entra ID)"))
    # Google Workspace
    google_domain = _text(
        _("Domein van jullie Google Workspace"),
        _("Bijvoorbeeld school.nl. Alleen accounts van dit domein komen binnen."),
        max_length=253,
    )
    google_client_id = _text(_("Client-id (Google)"))
    google_secret = _secret(_("Clientgeheim (Google)"))
    # Another OpenID Connect provider
    oidc_server_url = _text(
        _("Adres van de provider (issuer)"),
        _("Het adres waar /.well-known/openid-configuration achter staat, bijvoorbeeld https://login.school.nl."),
        max_length=URL_MAX,
        inputmode="url",
    )
    oidc_client_id = _text(_("Client-id (OpenID Connect)"))
    oidc_secret = _secret(_("Clientgeheim (OpenID Connect)"))
    # SAML 2.0
    saml_metadata_url = _text(
        _("Adres van de metadata (SAML)"),
        _(
            "Heeft jullie provider een adres voor de metadata? Vul dat in. Dan hoef je hieronder niets meer in te vullen."
        ),
        max_length=URL_MAX,
        inputmode="url",
    )
    saml_metadata_xml = _area(
        _("Metadata (SAML, XML)"),
        _("Of plak hier de metadata zelf (een XML-bestand dat begint met <EntityDescriptor>)."),
    )
    saml_entity_id = _text(_("Entity-id van de provider (SAML)"), max_length=URL_MAX)
    saml_sso_url = _text(_("Inlogadres van de provider (SAML, single sign-on)"), max_length=URL_MAX, inputmode="url")
    saml_x509cert = _area(
        _("Certificaat van de provider (SAML)"),
        _("Het certificaat waarmee de provider ondertekent, met of zonder de regels BEGIN en END CERTIFICATE."),
        max_length=20_000,
    )

    def __init__(self, *args: Any, sign_in: SignInSettings | None = None, **kwargs: Any) -> None:
        self.sign_in = sign_in
        kwargs.setdefault("initial", initial_for(sign_in))
        super().__init__(*args, **kwargs)
        for kind in OIDC_KINDS:
            if self.has_secret(kind):
                self.fields[f"{kind}_secret"].help_text = _(
                    "Er is al een geheim opgeslagen. Laat dit veld leeg om het te houden."
                )
            else:
                self.fields[f"{kind}_secret"].help_text = _("Je ziet het geheim hierna niet meer terug.")

    def has_secret(self, kind: str) -> bool:
        """A secret is stored for this kind of provider (kept when the field is left empty)."""
        sign_in = self.sign_in
        return bool(
            sign_in is not None
            and sign_in.app is not None
            and sign_in.provider_kind == kind
            and sign_in.app.provider == "openid_connect"
            and sign_in.app.secret
        )

    def _require(self, name: str, message: Any) -> str:
        value = str(self.cleaned_data.get(name) or "").strip()
        if not value and name not in self.errors:
            self.add_error(name, ValidationError(message))
        return value

    def _url(self, name: str) -> str:
        value = str(self.cleaned_data.get(name) or "").strip()
        if not value:
            return ""
        try:
            return secure_url(value, self.fields[name].label)
        except ValidationError as exc:
            self.add_error(name, exc)
            return ""

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        kind = data.get("kind")
        if kind in OIDC_KINDS:
            self._require(f"{kind}_client_id", _("Client-id: vul de client-id in die de provider je gaf."))
            if not self.has_secret(kind):
                self._require(f"{kind}_secret", _("Clientgeheim: vul het geheim in dat de provider je gaf."))
        if kind == ProviderKind.ENTRA:
            self._clean_entra()
        elif kind == ProviderKind.GOOGLE:
            self._clean_google()
        elif kind == ProviderKind.OIDC:
            server_url = self._url("oidc_server_url")
            if server_url.endswith(WELL_KNOWN):
                server_url = server_url.removesuffix(WELL_KNOWN)
            data["oidc_server_url"] = server_url.rstrip("/")
            if not server_url:
                self._require("oidc_server_url", _("Adres van de provider: vul het adres (issuer) in."))
        elif kind == ProviderKind.SAML:
            self._clean_saml()
        return data

    def _clean_entra(self) -> None:
        tenant = self._require("entra_tenant_id", _("Tenant-id: vul de tenant-id van jullie organisatie in."))
        if tenant:
            try:
                self.cleaned_data["entra_tenant_id"] = str(uuid.UUID(tenant))
            except ValueError:
                self.add_error(
                    "entra_tenant_id",
                    _("Tenant-id: dit is geen tenant-id. Die ziet eruit als 1a2b3c4d-1234-5678-9abc-def012345678."),
                )

    def _clean_google(self) -> None:
        domain = self._require("google_domain", _("Domein van jullie Google Workspace: vul het domein in."))
        if domain:
            domain = domain.lower()
            try:
                domain_validator(domain)
            except ValidationError:
                self.add_error(
                    "google_domain",
                    _("Domein van jullie Google Workspace: vul een domein in zoals school.nl, zonder @ en www."),
                )
            else:
                self.cleaned_data["google_domain"] = domain

    def _clean_saml(self) -> None:
        data = self.cleaned_data
        metadata_url = self._url("saml_metadata_url")
        xml = str(data.get("saml_metadata_xml") or "").strip()
        if "saml_metadata_url" in self.errors:
            return
        if metadata_url and xml:
            self.add_error(
                "saml_metadata_xml",
                _("Metadata: vul het adres van de metadata in óf plak de metadata, niet allebei."),
            )
            return
        if xml:
            try:
                parsed = parse_idp_metadata(xml)
            except ValueError as exc:
                self.add_error(
                    "saml_metadata_xml",
                    _("Metadata: hier staat geen inlogadres (HTTP-Redirect) en certificaat van een SAML-provider in.")
                    if str(exc) == "incomplete"
                    else _("Metadata: dit is geen leesbare SAML-metadata. Plak het hele XML-bestand."),
                )
                return
            data["saml_entity_id"] = parsed["entity_id"]
            data["saml_sso_url"] = parsed["sso_url"]
            data["saml_x509cert"] = parsed["x509cert"]
            return
        data["saml_metadata_url"] = metadata_url
        entity_id = str(data.get("saml_entity_id") or "").strip()
        sso_url = self._url("saml_sso_url")
        certificate = str(data.get("saml_x509cert") or "").strip()
        if metadata_url:
            return
        if not (entity_id or sso_url or certificate) and "saml_sso_url" not in self.errors:
            self.add_error(
                "saml_metadata_url",
                _(
                    "Adres van de metadata: vul het adres van de metadata in, plak de metadata, of vul de "
                    "entity-id, het inlogadres en het certificaat in."
                ),
            )
            return
        self._require("saml_entity_id", _("Entity-id van de provider: vul de entity-id in."))
        self._require("saml_sso_url", _("Inlogadres van de provider: vul het inlogadres in."))
        if self._require("saml_x509cert", _("Certificaat van de provider: plak het certificaat.")):
            try:
                data["saml_x509cert"] = certificate_body(certificate)
            except ValueError:
                self.add_error(
                    "saml_x509cert", _("Certificaat van de provider: dit is geen leesbaar certificaat (X.509).")
                )
        data["saml_entity_id"] = entity_id
        data["saml_sso_url"] = sso_url

    def config(self) -> ProviderConfig:
        """What the services store, from a valid form."""
        data = self.cleaned_data
        kind = data["kind"]
        if kind == ProviderKind.SAML:
            return ProviderConfig(
                kind=kind,
                name=data["name"],
                metadata_url=data["saml_metadata_url"],
                metadata_xml=data["saml_metadata_xml"],
                entity_id=data["saml_entity_id"],
                sso_url=data["saml_sso_url"],
                x509cert=data["saml_x509cert"],
            )
        return ProviderConfig(
            kind=kind,
            name=data["name"],
            server_url=data["oidc_server_url"] if kind == ProviderKind.OIDC else "",
            client_id=data[f"{kind}_client_id"].strip(),
            secret=data[f"{kind}_secret"],
            entra_tenant_id=data["entra_tenant_id"] if kind == ProviderKind.ENTRA else "",
            google_domain=data["google_domain"] if kind == ProviderKind.GOOGLE else "",
        )


def initial_for(sign_in: SignInSettings | None) -> dict[str, Any]:
    """The stored configuration as the form's initial values (never the secret)."""
    if sign_in is None or sign_in.app is None or not sign_in.provider_kind:
        return {"kind": ProviderKind.ENTRA}
    app = sign_in.app
    kind = sign_in.provider_kind
    initial: dict[str, Any] = {"kind": kind, "name": app.name}
    settings = app.settings or {}
    if kind == ProviderKind.SAML:
        idp = settings.get("idp") or {}
        initial.update(
            saml_metadata_url=idp.get("metadata_url", ""),
            saml_entity_id=idp.get("entity_id", ""),
            saml_sso_url=idp.get("sso_url", ""),
            saml_x509cert=idp.get("x509cert", ""),
        )
        return initial
    initial[f"{kind}_client_id"] = app.client_id
    if kind == ProviderKind.ENTRA:
        initial["entra_tenant_id"] = sign_in.entra_tenant_id
    elif kind == ProviderKind.GOOGLE:
        initial["google_domain"] = sign_in.google_domain
    else:
        initial["oidc_server_url"] = settings.get("server_url", "")
    return initial


class DomainForm(PortalForm):
    domain = forms.CharField(
        label=_("Domein"),
        help_text=_("Het deel na de @ in jullie e-mailadressen, bijvoorbeeld school.nl."),
        max_length=253,
        error_messages={
            "required": _("Domein: vul een domein in, zoals school.nl."),
            "max_length": _("Domein: dit domein is te lang."),
        },
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def clean_domain(self) -> str:
        domain = str(self.cleaned_data["domain"]).strip().lower().removeprefix("@")
        try:
            domain_validator(domain)
        except ValidationError:
            raise ValidationError(_("Domein: vul een domein in zoals school.nl, zonder @ en zonder www.")) from None
        return domain


def _policy_field(name: str) -> forms.BooleanField:
    field = SignInSettings._meta.get_field(name)
    assert isinstance(field, models.BooleanField)
    return forms.BooleanField(label=capfirst(field.verbose_name), help_text=field.help_text, required=False)


class PolicyForm(PortalForm):
    password_login = _policy_field("password_login")
    trust_provider_mfa = _policy_field("trust_provider_mfa")
