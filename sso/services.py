"""Sign-in through a federation or an organisation's own provider: who may come in,
into which organisation, with which role; and the settings coordinators change.

The allauth glue (``sso/adapters.py``) calls ``plan_sign_in`` once the provider's
answer has been checked (signature, issuer, audience, expiry: allauth and
python3-saml), and either applies the plan or shows the refusal. Every attempt is
recorded (``SignInAttempt``) without names, addresses or claims.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum
from typing import Any

from allauth.socialaccount.models import SocialApp
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_scopes import scope

from portal.models import AuditEvent, Membership, Organisation, User
from portal.roles import Action, Role, require_permission
from portal.selectors import memberships_for_user
from portal.services import audit_record, user_sync_staff_flags
from sso.claims import Assertion
from sso.models import FEDERATION_IDS, FederationLink, ProviderKind, SignInAttempt, SignInDomain, SignInSettings

# The role a person gets when their first sign-in makes them a member. Roles that see
# case data are given by a coordinator, never by a provider.
PROVISIONED_ROLE = Role.LEARNER
STAFF_AFFILIATIONS = frozenset({"employee", "staff", "faculty"})


class Reason(StrEnum):
    UNKNOWN_ORGANISATION = "unknown_organisation"
    STUDENT = "student"
    AFFILIATION = "affiliation"
    WRONG_TENANT = "wrong_tenant"
    WRONG_DOMAIN = "wrong_domain"
    NOT_A_MEMBER = "not_a_member"
    DEACTIVATED = "deactivated"
    ACCOUNT_EXISTS = "account_exists"
    NOT_CONFIGURED = "not_configured"
    PROVIDER_ERROR = "provider_error"
    RATE_LIMITED = "rate_limited"
    PASSWORD_LOGIN_OFF = "password_login_off"


# What the person sees: a title and what to do now. B1, no blame, no technical words.
REASON_TEXT = {
    Reason.UNKNOWN_ORGANISATION: (
        _("Je school of instelling doet nog niet mee"),
        _(
            "Je bent goed ingelogd, maar je school of instelling is nog niet aan het portaal gekoppeld. "
            "Vraag de coördinator van je organisatie om een uitnodiging, of om de koppeling aan te vragen."
        ),
    ),
    Reason.STUDENT: (
        _("Dit portaal is voor medewerkers"),
        _(
            "Je logde in als leerling of student. Het portaal is voor leerkrachten, coaches en andere "
            "volwassenen die leerlingen helpen. Zit je zelf met iets? Praat met iemand die je vertrouwt, "
            "of bel of chat gratis met de Kindertelefoon (Nederland: 0800 0432) of Awel (België: 102)."
        ),
    ),
    Reason.AFFILIATION: (
        _("Je account is niet van een medewerker"),
        _(
            "Alleen medewerkers van de school of instelling kunnen zo inloggen. Werk je er wel? Vraag de "
            "coördinator van je organisatie om een uitnodiging."
        ),
    ),
    Reason.WRONG_TENANT: (
        _("Dit account hoort bij een andere organisatie"),
        _(
            "Je logde in met een account van een andere organisatie dan die bij deze inlog hoort. Log uit "
            "bij je provider en probeer het opnieuw met het account van je werk."
        ),
    ),
    Reason.WRONG_DOMAIN: (
        _("Dit account hoort bij een ander domein"),
        _(
            "Je logde in met een account dat niet bij deze organisatie hoort. Log uit bij je provider en "
            "probeer het opnieuw met het account van je werk."
        ),
    ),
    Reason.NOT_A_MEMBER: (
        _("Je hebt nog geen account in het portaal"),
        _(
            "Je bent goed ingelogd, maar het portaal kan niet zelf een account voor je maken. Vraag de "
            "coördinator van je organisatie om een uitnodiging."
        ),
    ),
    Reason.DEACTIVATED: (
        _("Je account is uitgezet"),
        _(
            "De coördinator van je organisatie heeft je account uitgezet. Denk je dat dit niet klopt? Vraag het hem of haar."
        ),
    ),
    Reason.ACCOUNT_EXISTS: (
        _("Er is al een account met dit e-mailadres"),
        _(
            "Log in zoals je gewend bent, met je wachtwoord of een code per e-mail. Daarna kun je onder "
            "Account bij 'Inloggen via je organisatie' deze inlog aan je account koppelen."
        ),
    ),
    Reason.NOT_CONFIGURED: (
        _("Deze inlog staat niet aan"),
        _("Deze manier van inloggen is (nog) niet aangezet. Log in op de gewone manier, of vraag je coördinator."),
    ),
    Reason.PROVIDER_ERROR: (
        _("Inloggen is niet gelukt"),
        _(
            "Het antwoord van je provider klopte niet of was verlopen. Probeer het opnieuw. Lukt het weer "
            "niet? Vraag de coördinator van je organisatie."
        ),
    ),
    Reason.RATE_LIMITED: (
        _("Te veel pogingen"),
        _("Er is te vaak geprobeerd in te loggen. Wacht een paar minuten en probeer het dan opnieuw."),
    ),
    Reason.PASSWORD_LOGIN_OFF: (
        _("Log in via je organisatie"),
        _(
            "Je organisatie heeft ingesteld dat je alleen via de eigen inlog van de organisatie binnenkomt, "
            "niet met een wachtwoord, code of passkey van het portaal."
        ),
    ),
}


class Refused(Exception):
    def __init__(self, reason: Reason, organisation: Organisation | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.organisation = organisation


@dataclass(frozen=True)
class Target:
    """The organisation a sign-in leads into."""

    organisation: Organisation
    sign_in: SignInSettings | None
    may_provision: bool


@dataclass(frozen=True)
class Plan:
    target: Target
    assertion: Assertion
    # An existing account (same address, at a verified domain of the organisation)
    # that this provider identity is to be linked to.
    link_to: User | None
    # The (existing) person needs a membership of the organisation.
    add_membership: bool


def is_federation(app: SocialApp) -> bool:
    return app.provider_id in FEDERATION_IDS


def sign_in_settings_for_app(app: SocialApp) -> SignInSettings | None:
    if app.pk is None:
        return None
    return SignInSettings.objects.select_related("organisation").filter(app=app).first()


def _verified_domain(organisation: Organisation, domain: str) -> bool:
    return (
        bool(domain)
        and SignInDomain.objects.filter(organisation=organisation, domain=domain, verified_at__isnull=False).exists()
    )


def _can_provision(organisation: Organisation) -> bool:
    return PROVISIONED_ROLE in organisation.allowed_roles


def resolve_target(app: SocialApp, assertion: Assertion) -> Target:
    """Which organisation this sign-in is for, or ``Refused``."""
    if is_federation(app):
        federation = app.provider_id
        affiliations = assertion.affiliations
        if "student" in affiliations and not affiliations & STAFF_AFFILIATIONS:
            raise Refused(Reason.STUDENT)
        code = assertion.home_organisation(federation)
        link = (
            FederationLink.objects.select_related("organisation")
            .filter(federation=federation, home_organisation_id=code, organisation__is_active=True)
            .first()
            if code
            else None
        )
        if link is None:
            raise Refused(Reason.UNKNOWN_ORGANISATION)
        organisation = link.organisation
        if not affiliations & STAFF_AFFILIATIONS:
            raise Refused(Reason.AFFILIATION, organisation)
        sign_in = SignInSettings.objects.filter(organisation=organisation).first()
        return Target(organisation=organisation, sign_in=sign_in, may_provision=_can_provision(organisation))

    sign_in = sign_in_settings_for_app(app)
    if sign_in is None or not sign_in.organisation.is_active:
        raise Refused(Reason.NOT_CONFIGURED)
    organisation = sign_in.organisation
    if sign_in.provider_kind == ProviderKind.ENTRA:
        tenant = sign_in.entra_tenant_id.lower()
        token_tenant = str(assertion.id_token.get("tid", "")).lower()
        issuer_parts = assertion.issuer.lower().rstrip("/").split("/")
        if not tenant or token_tenant != tenant or tenant not in issuer_parts:
            raise Refused(Reason.WRONG_TENANT, organisation)
    elif sign_in.provider_kind == ProviderKind.GOOGLE:
        hosted_domain = str(assertion.id_token.get("hd", "")).lower()
        if not sign_in.google_domain or hosted_domain != sign_in.google_domain.lower():
            raise Refused(Reason.WRONG_DOMAIN, organisation)
    may_provision = _can_provision(organisation) and _verified_domain(organisation, assertion.email_domain)
    return Target(organisation=organisation, sign_in=sign_in, may_provision=may_provision)


def plan_sign_in(*, app: SocialApp, assertion: Assertion, user: User | None) -> Plan:
    """Decide a sign-in. ``user`` is the account this provider identity is already
    linked to, if any. Raises ``Refused`` with the reason to show."""
    target = resolve_target(app, assertion)
    organisation = target.organisation
    link_to = None
    if user is None and assertion.email:
        existing = User.objects.filter(email__iexact=assertion.email).first()
        if existing is not None:
            # The organisation owns the domain (verified), so its provider speaks for the
            # address as much as the mailbox does. Any other case is refused: an
            # untrusted provider must never sign in to an existing account by address.
            if not _verified_domain(organisation, assertion.email_domain):
                raise Refused(Reason.ACCOUNT_EXISTS, organisation)
            link_to = user = existing
    if user is None:
        if not target.may_provision:
            raise Refused(Reason.NOT_A_MEMBER, organisation)
        return Plan(target=target, assertion=assertion, link_to=None, add_membership=True)
    if not user.is_active:
        raise Refused(Reason.DEACTIVATED, organisation)
    with scope(organisation=organisation):
        membership = Membership.objects.filter(user=user).first()
    if membership is not None and not membership.is_active:
        raise Refused(Reason.DEACTIVATED, organisation)
    if membership is None and not target.may_provision:
        raise Refused(Reason.NOT_A_MEMBER, organisation)
    return Plan(target=target, assertion=assertion, link_to=link_to, add_membership=membership is None)


def membership_provision(*, organisation: Organisation, user: User, provider_name: str) -> Membership:
    """Make ``user`` a member of ``organisation`` with the provisioned role (first
    sign-in through its federation or provider). Audited in the organisation."""
    with scope(organisation=organisation), transaction.atomic():
        membership, created = Membership.objects.get_or_create(
            organisation=organisation, user=user, defaults={"role": PROVISIONED_ROLE}
        )
        if created:
            audit_record(
                organisation=organisation,
                kind=AuditEvent.Kind.SSO_PROVISIONED,
                actor=user,
                subject=user,
                detail=f"{provider_name} – {membership.get_role_display()}",
            )
            user_sync_staff_flags(user=user)
    return membership


def account_linked(*, organisation: Organisation, user: User, provider_name: str) -> None:
    with scope(organisation=organisation):
        audit_record(
            organisation=organisation, kind=AuditEvent.Kind.SSO_LINKED, actor=user, subject=user, detail=provider_name
        )


def attempt_record(
    *,
    provider_id: str,
    outcome: str,
    reason: str = "",
    organisation: Organisation | None = None,
    user: User | None = None,
) -> SignInAttempt:
    return SignInAttempt.objects.create(
        provider_id=provider_id[:80],
        outcome=outcome,
        reason=reason[:40],
        organisation=organisation,
        user=user if user is not None and user.pk else None,
        created_at=timezone.now(),
    )


def provider_mfa_counts(*, organisation: Organisation, assertion: Assertion) -> bool:
    """The provider's second factor stands in for the portal's in this organisation:
    the organisation chose to trust it and the provider said it asked for one."""
    sign_in = SignInSettings.objects.filter(organisation=organisation).first()
    return bool(sign_in and sign_in.trust_provider_mfa and assertion.mfa_asserted)


def password_login_refused(user: User) -> Organisation | None:
    """The organisation that closed the portal's own login (password, code, passkey)
    for this person, or None when it is open to them."""
    organisations = [membership.organisation for membership in memberships_for_user(user)]
    # Closed only where another way in exists, so a switched-off provider locks nobody out.
    another_way = Q(status=SignInSettings.Status.ACTIVE, app__isnull=False) | Q(
        organisation__federation_links__isnull=False
    )
    closed = SignInSettings.objects.filter(another_way, organisation__in=organisations, password_login=False)
    first = closed.select_related("organisation").order_by("organisation__name").first()
    return first.organisation if first else None


# --- Settings a coordinator changes --------------------------------------------------


@dataclass(frozen=True)
class ProviderConfig:
    """What a coordinator fills in for the organisation's own provider."""

    kind: str
    name: str
    # OpenID Connect
    server_url: str = ""
    client_id: str = ""
    secret: str = ""
    entra_tenant_id: str = ""
    google_domain: str = ""
    # SAML: the identity provider's metadata (a URL or the XML), or its parts.
    metadata_url: str = ""
    metadata_xml: str = ""
    entity_id: str = ""
    sso_url: str = ""
    x509cert: str = ""


ENTRA_SERVER = "https://login.microsoftonline.com/{tenant}/v2.0"
GOOGLE_SERVER = "https://accounts.google.com"


def _changed(*, actor_membership: Membership, detail: str) -> None:
    audit_record(
        organisation=actor_membership.organisation,
        kind=AuditEvent.Kind.SIGN_IN_SETTINGS_CHANGED,
        actor=actor_membership.user,
        detail=detail,
    )


def sign_in_settings_get(organisation: Organisation) -> SignInSettings:
    sign_in, _created = SignInSettings.objects.get_or_create(organisation=organisation)
    return sign_in


def _app_settings(config: ProviderConfig, organisation: Organisation) -> dict[str, object]:
    if config.kind == ProviderKind.SAML:
        idp: dict[str, str] = {"entity_id": config.entity_id}
        if config.metadata_url:
            idp["metadata_url"] = config.metadata_url
        else:
            idp.update(sso_url=config.sso_url, x509cert=config.x509cert)
        return {
            "idp": idp,
            "attribute_mapping": {
                "uid": ["urn:oasis:names:tc:SAML:attribute:subject-id", "urn:oid:0.9.2342.19200300.100.1.1"],
                "email": [
                    "urn:oid:0.9.2342.19200300.100.1.3",
                    "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
                    "mail",
                    "email",
                ],
                "first_name": [
                    "urn:oid:2.5.4.42",
                    "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname",
                    "givenName",
                ],
                "last_name": [
                    "urn:oid:2.5.4.4",
                    "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname",
                    "sn",
                ],
            },
            "advanced": {
                "strict": True,
                "want_assertion_signed": True,
                "reject_idp_initiated_sso": True,
                "reject_deprecated_algorithm": True,
            },
        }
    if config.kind == ProviderKind.ENTRA:
        server_url = ENTRA_SERVER.format(tenant=config.entra_tenant_id)
    elif config.kind == ProviderKind.GOOGLE:
        server_url = GOOGLE_SERVER
    else:
        server_url = config.server_url
    return {"server_url": config.server_url or server_url, "oauth_pkce_enabled": True}


def provider_configure(*, actor_membership: Membership, config: ProviderConfig) -> SignInSettings:
    """Create or change the organisation's provider. A change always needs a new
    test before the provider can be switched on again."""
    require_permission(actor_membership, Action.SIGN_IN_MANAGE)
    organisation = actor_membership.organisation
    with transaction.atomic():
        sign_in = SignInSettings.objects.select_for_update().get(pk=sign_in_settings_get(organisation).pk)
        app = sign_in.app or SocialApp()
        if config.kind == ProviderKind.SAML:
            app.provider = "saml"
            app.provider_id = f"saml-{organisation.slug}"
            app.client_id = organisation.slug  # the organisation's part of the SAML URLs
            app.secret = ""
        else:
            app.provider = "openid_connect"
            app.provider_id = f"org-{organisation.slug}"
            app.client_id = config.client_id
            if config.secret:
                app.secret = config.secret
        app.name = config.name[:40]
        app.settings = _app_settings(config, organisation)
        app.save()
        sign_in.app = app
        sign_in.provider_kind = config.kind
        sign_in.entra_tenant_id = config.entra_tenant_id.lower()
        sign_in.google_domain = config.google_domain.lower()
        sign_in.status = SignInSettings.Status.DRAFT
        sign_in.tested_at = None
        sign_in.tested_by = None
        sign_in.test_result = ""
        sign_in.activated_at = None
        sign_in.updated_at = timezone.now()
        sign_in.save()
        _changed(actor_membership=actor_membership, detail=f"provider ingesteld: {sign_in.get_provider_kind_display()}")
    return sign_in


def provider_test_recorded(*, sign_in: SignInSettings, user: User, passed: bool, result: str) -> None:
    """The outcome of a coordinator's test sign-in. Only a passed test allows switching on."""
    with transaction.atomic():
        sign_in.tested_at = timezone.now()
        sign_in.tested_by = user
        sign_in.test_result = result[:300]
        if passed and sign_in.status == SignInSettings.Status.DRAFT:
            sign_in.status = SignInSettings.Status.TESTED
        elif not passed and sign_in.status in (SignInSettings.Status.TESTED, SignInSettings.Status.OFF):
            # A failed test takes back the earlier pass: test again before switching on.
            sign_in.status = SignInSettings.Status.DRAFT
        sign_in.updated_at = timezone.now()
        sign_in.save()
        attempt_record(
            provider_id=sign_in.app.provider_id if sign_in.app else "",
            outcome=SignInAttempt.Outcome.TESTED if passed else SignInAttempt.Outcome.REFUSED,
            reason="" if passed else "test",
            organisation=sign_in.organisation,
            user=user,
        )


class SettingsError(Exception):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def provider_switch(*, actor_membership: Membership, on: bool) -> SignInSettings:
    """Switch the organisation's provider on (only after a passed test) or off."""
    require_permission(actor_membership, Action.SIGN_IN_MANAGE)
    with transaction.atomic():
        sign_in = SignInSettings.objects.select_for_update().get(
            pk=sign_in_settings_get(actor_membership.organisation).pk
        )
        if on:
            if (
                sign_in.status not in (SignInSettings.Status.TESTED, SignInSettings.Status.OFF)
                or sign_in.tested_at is None
            ):
                raise SettingsError("status", str(_("Test de inlog eerst; daarna kun je hem aanzetten.")))
            sign_in.status = SignInSettings.Status.ACTIVE
            sign_in.activated_at = timezone.now()
        else:
            # Off is the state of a provider that was on (and so had passed its test);
            # switching off anything else leaves it where it was.
            if sign_in.status == SignInSettings.Status.ACTIVE:
                sign_in.status = SignInSettings.Status.OFF
            sign_in.activated_at = None
        sign_in.updated_at = timezone.now()
        sign_in.save()
        _changed(actor_membership=actor_membership, detail="provider aangezet" if on else "provider uitgezet")
    return sign_in


def sign_in_policy_set(
    *, actor_membership: Membership, password_login: bool, trust_provider_mfa: bool
) -> SignInSettings:
    require_permission(actor_membership, Action.SIGN_IN_MANAGE)
    organisation = actor_membership.organisation
    with transaction.atomic():
        sign_in = SignInSettings.objects.select_for_update().get(pk=sign_in_settings_get(organisation).pk)
        has_other_way = sign_in.is_active or FederationLink.objects.filter(organisation=organisation).exists()
        if not password_login and not has_other_way:
            raise SettingsError(
                "password_login",
                str(_("Zet eerst jullie eigen inlog aan. Anders kan niemand van jullie organisatie nog inloggen.")),
            )
        sign_in.password_login = password_login
        sign_in.trust_provider_mfa = trust_provider_mfa
        sign_in.updated_at = timezone.now()
        sign_in.save()
        _changed(
            actor_membership=actor_membership,
            detail=f"wachtwoord {'aan' if password_login else 'uit'}, tweede stap provider "
            f"{'vertrouwd' if trust_provider_mfa else 'niet vertrouwd'}",
        )
    return sign_in


def domain_add(*, actor_membership: Membership, domain: str) -> SignInDomain:
    """A coordinator names a domain of the organisation; it counts once the platform
    administrator has verified it (``domain_verify``)."""
    require_permission(actor_membership, Action.SIGN_IN_MANAGE)
    domain = domain.strip().lower()
    if SignInDomain.objects.filter(domain=domain).exists():
        raise SettingsError("domain", str(_("Dit domein is al aangemeld.")))
    with transaction.atomic():
        row = SignInDomain.objects.create(organisation=actor_membership.organisation, domain=domain)
        _changed(actor_membership=actor_membership, detail=f"domein aangemeld: {domain}")
    return row


def domain_verify(*, actor: User, domain: SignInDomain) -> SignInDomain:
    """The platform administrator confirms that the organisation owns the domain."""
    if not actor.is_superuser:
        raise PermissionError("platform.admin")
    with transaction.atomic():
        domain.verified_at = timezone.now()
        domain.verified_by = actor
        domain.save(update_fields=["verified_at", "verified_by"])
        with scope(organisation=domain.organisation):
            audit_record(
                organisation=domain.organisation,
                kind=AuditEvent.Kind.SIGN_IN_SETTINGS_CHANGED,
                actor=actor,
                detail=f"domein geverifieerd: {domain.domain}",
            )
    return domain


def domain_remove(*, actor_membership: Membership, domain: SignInDomain) -> None:
    require_permission(actor_membership, Action.SIGN_IN_MANAGE)
    if domain.organisation_id != actor_membership.organisation_id:
        raise PermissionError("sign_in.manage")
    with transaction.atomic():
        domain.delete()
        _changed(actor_membership=actor_membership, detail=f"domein verwijderd: {domain.domain}")


def provider_for_address(email: str) -> SocialApp | None:
    """Home-realm discovery: the switched-on provider of the organisation that owns the
    address's (verified) domain."""
    domain = email.strip().lower().rsplit("@", 1)[-1] if "@" in email else ""
    if not domain:
        return None
    row = (
        SignInDomain.objects.filter(
            domain=domain,
            verified_at__isnull=False,
            organisation__is_active=True,
            organisation__sign_in_settings__status=SignInSettings.Status.ACTIVE,
            organisation__sign_in_settings__app__isnull=False,
        )
        .select_related("organisation__sign_in_settings__app")
        .first()
    )
    return row.organisation.sign_in_settings.app if row else None


def connectable_providers(request: Any) -> list[dict[str, str]]:
    """Name and start address of each provider the signed-in person may link: the
    federations, and the switched-on providers of their own organisations."""
    from allauth.socialaccount.adapter import get_adapter

    own = set(
        SignInSettings.objects.filter(
            organisation__in=[membership.organisation for membership in memberships_for_user(request.user)],
            status=SignInSettings.Status.ACTIVE,
        ).values_list("app_id", flat=True)
    )
    found = []
    for app in get_adapter().list_apps(request):
        if is_federation(app) or app.pk in own:
            provider = app.get_provider(request)
            found.append({"name": app.name, "url": provider.get_login_url(request, process="connect")})
    return sorted(found, key=lambda item: item["name"])


def sign_in_attempts_cleanup(*, older_than_days: int | None = None) -> int:
    """Delete the sign-in record beyond its retention period (it names people)."""
    from django.conf import settings

    days = settings.SIGN_IN_ATTEMPTS_KEEP_DAYS if older_than_days is None else older_than_days
    cutoff = timezone.now() - timedelta(days=days)
    deleted, _detail = SignInAttempt.objects.filter(created_at__lt=cutoff).delete()
    return deleted


def platform_switch_off(*, actor: User, sign_in: SignInSettings) -> None:
    """The platform administrator's emergency switch (Django admin): the provider off
    and the portal's own login open again, so nobody of the organisation is locked out
    by a broken provider. Audited in the organisation."""
    if not actor.is_superuser:
        raise PermissionError("platform.admin")
    with transaction.atomic():
        row = SignInSettings.objects.select_for_update().get(pk=sign_in.pk)
        if row.status == SignInSettings.Status.ACTIVE:
            row.status = SignInSettings.Status.OFF
        row.activated_at = None
        row.password_login = True
        row.updated_at = timezone.now()
        row.save()
        with scope(organisation=row.organisation):
            audit_record(
                organisation=row.organisation,
                kind=AuditEvent.Kind.SIGN_IN_SETTINGS_CHANGED,
                actor=actor,
                detail="provider uitgezet en wachtwoord weer aan door de platformbeheerder",
            )
