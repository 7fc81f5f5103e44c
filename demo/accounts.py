"""Demo organisations and users: one definition used by seed_demo, rundemo and the tests."""

from __future__ import annotations

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP
from django.db import transaction
from django.utils import timezone
from django_scopes import scopes_disabled

from demo.totp import DEMO_TOTP_SECRET, totp_code
from portal.models import Country, Membership, Organisation, User
from portal.roles import OrganisationKind as K
from portal.roles import Role, role_requires_mfa
from portal.services import user_sync_staff_flags
from sso.models import Federation, FederationLink, SignInDomain

DEMO_PASSWORD = "Veilig-Demo-2026"


@dataclass(frozen=True)
class DemoOrg:
    slug: str
    name: str
    kind: K
    country: Country = Country.NL
    parent: str | None = None
    destination_code: str = ""
    colour: str = "#154273"


DEMO_ORGANISATIONS: tuple[DemoOrg, ...] = (
    DemoOrg("platform", "Veilig Online platform", K.PLATFORM),
    DemoOrg("zuiderhaven", "Gemeente Zuiderhaven", K.MUNICIPALITY, colour="#1d4f91"),
    DemoOrg("obs-de-regenboog", "OBS De Regenboog", K.SCHOOL, parent="zuiderhaven", colour="#7a2c6b"),
    DemoOrg("baken-college", "Het Baken College", K.SCHOOL, parent="zuiderhaven", colour="#245c3a"),
    DemoOrg("vv-zuiderhaven", "VV Zuiderhaven", K.SPORTS_CLUB, parent="zuiderhaven", colour="#8a4b08"),
    DemoOrg("scheldeveld", "Gemeente Scheldeveld", K.MUNICIPALITY, country=Country.BE, colour="#0b5394"),
    DemoOrg("sint-jozefschool", "Sint-Jozefschool", K.SCHOOL, country=Country.BE, parent="scheldeveld"),
    DemoOrg("slachtofferhulp", "Slachtofferhulp Nederland", K.PARTNER, destination_code="slachtofferhulp"),
    DemoOrg(
        "perspectief-herstelbemiddeling",
        "Perspectief Herstelbemiddeling",
        K.PARTNER,
        destination_code="perspectief_herstelbemiddeling",
    ),
    DemoOrg("helpwanted", "HelpWanted", K.PARTNER, destination_code="helpwanted"),
    DemoOrg("fraudehelpdesk", "Fraudehelpdesk", K.PARTNER, destination_code="fraudehelpdesk"),
    DemoOrg("cmi", "Centraal Meldpunt Identiteitsfraude", K.PARTNER, destination_code="cmi"),
    DemoOrg("child-focus", "Child Focus", K.PARTNER, country=Country.BE, destination_code="child_focus"),
    DemoOrg(
        "igvm",
        "Instituut voor de gelijkheid van vrouwen en mannen",
        K.PARTNER,
        country=Country.BE,
        destination_code="igvm",
    ),
    # The referral destinations of routing contract v2: one partner each, in its country,
    # so a referral to it can be prepared on the portal like any other. Regional services
    # get an example office near the demo municipalities.
    DemoOrg("veilig-thuis-zuiderhaven", "Veilig Thuis Zuiderhaven", K.PARTNER, destination_code="veilig_thuis"),
    DemoOrg(
        "discriminatie-zuiderhaven",
        "Discriminatie.nl – meldpunt regio Zuiderhaven",
        K.PARTNER,
        destination_code="discriminatie_meldpunt",
    ),
    DemoOrg(
        "meldpunt-kinderporno",
        "Meldpunt Kinderporno (Offlimits)",
        K.PARTNER,
        destination_code="meldpunt_kinderporno",
    ),
    DemoOrg(
        "csg-zuiderhaven",
        "Centrum Seksueel Geweld Zuiderhaven",
        K.PARTNER,
        destination_code="centrum_seksueel_geweld",
    ),
    DemoOrg(
        "centrum-veilige-sport",
        "Centrum Veilige Sport Nederland",
        K.PARTNER,
        destination_code="centrum_veilige_sport",
    ),
    DemoOrg(
        "1712-scheldeveld",
        "1712 – Vertrouwenscentrum Kindermishandeling Scheldeveld",
        K.PARTNER,
        country=Country.BE,
        destination_code="vertrouwenscentrum_1712",
    ),
    DemoOrg(
        "caw-scheldeveld",
        "CAW Scheldeveld – Slachtofferhulp",
        K.PARTNER,
        country=Country.BE,
        destination_code="caw_slachtofferhulp",
    ),
    DemoOrg("unia", "Unia", K.PARTNER, country=Country.BE, destination_code="unia"),
    DemoOrg(
        "zsg-scheldeveld",
        "Zorgcentrum na Seksueel Geweld Scheldeveld",
        K.PARTNER,
        country=Country.BE,
        destination_code="zorgcentrum_seksueel_geweld",
    ),
    # The CLB that works with the Belgian demo school, Sint-Jozefschool.
    DemoOrg("clb-scheldeveld", "CLB Scheldeveld", K.PARTNER, country=Country.BE, destination_code="clb"),
)


@dataclass(frozen=True)
class DemoUser:
    email: str
    first_name: str
    last_name: str
    memberships: tuple[tuple[str, Role], ...]

    @property
    def needs_mfa(self) -> bool:
        return any(role_requires_mfa(role) for _slug, role in self.memberships)


DEMO_USERS: tuple[DemoUser, ...] = (
    DemoUser(
        "leerkracht@demo.veilig-online.nl",
        "Lotte",
        "de Leerkracht",
        (("obs-de-regenboog", Role.LEARNER), ("vv-zuiderhaven", Role.LEARNER)),
    ),
    DemoUser(
        "vertrouwenspersoon@demo.veilig-online.nl", "Vera", "Veenstra", (("obs-de-regenboog", Role.CASE_HANDLER),)
    ),
    DemoUser("coordinator@demo.veilig-online.nl", "Cor", "Dinator", (("obs-de-regenboog", Role.ORG_COORDINATOR),)),
    DemoUser("gemeente@demo.veilig-online.nl", "Gijs", "Gemeente", (("zuiderhaven", Role.MUNICIPAL_COORDINATOR),)),
    DemoUser("partner@demo.veilig-online.nl", "Paula", "Partner", (("slachtofferhulp", Role.PARTNER_INTAKE),)),
    DemoUser("redacteur@demo.veilig-online.nl", "Rik", "Redacteur", (("platform", Role.CONTENT_EDITOR),)),
    DemoUser("beheer@demo.veilig-online.nl", "Bea", "Beheer", (("platform", Role.PLATFORM_ADMIN),)),
    DemoUser("school-be@demo.veilig-online.nl", "Bart", "Belg", (("sint-jozefschool", Role.ORG_COORDINATOR),)),
)


@scopes_disabled()
@transaction.atomic
def seed_demo() -> dict[str, int]:
    """Create the demo organisations and users. Idempotent: a second run creates nothing."""
    created = {"organisations": 0, "users": 0, "memberships": 0}
    by_slug: dict[str, Organisation] = {}
    for spec in DEMO_ORGANISATIONS:
        org, was_created = Organisation.objects.get_or_create(
            slug=spec.slug,
            defaults={
                "name": spec.name,
                "kind": spec.kind,
                "country": spec.country,
                "parent": by_slug.get(spec.parent) if spec.parent else None,
                "destination_code": spec.destination_code,
                "brand_colour": spec.colour,
            },
        )
        by_slug[spec.slug] = org
        created["organisations"] += was_created

    for user_spec in DEMO_USERS:
        user = User.objects.filter(email=user_spec.email).first()
        if user is None:
            user = User.objects.create_user(
                email=user_spec.email,
                password=DEMO_PASSWORD,
                first_name=user_spec.first_name,
                last_name=user_spec.last_name,
            )
            created["users"] += 1
        EmailAddress.objects.get_or_create(
            user=user, email=user_spec.email, defaults={"primary": True, "verified": True}
        )
        for slug, role in user_spec.memberships:
            _membership, was_created = Membership.objects.get_or_create(
                organisation=by_slug[slug], user=user, defaults={"role": role}
            )
            created["memberships"] += was_created
        if user_spec.needs_mfa and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
            TOTP.activate(user, DEMO_TOTP_SECRET)
            RecoveryCodes.activate(user)
        user_sync_staff_flags(user=user)
    _seed_sign_in(by_slug["obs-de-regenboog"])
    return created


def _seed_sign_in(school: Organisation) -> None:
    """The demo school as Entree knows it (a made-up BRIN) and its mail domain, verified,
    so the coordinator's "Inloggen via de organisatie" page shows how it fits together.
    No provider is switched on: the demo has no identity provider to sign in at."""
    FederationLink.objects.get_or_create(
        federation=Federation.ENTREE, home_organisation_id="99dr", defaults={"organisation": school}
    )
    SignInDomain.objects.get_or_create(
        domain="obs-de-regenboog.example", defaults={"organisation": school, "verified_at": timezone.now()}
    )


def current_demo_code(secret: str = DEMO_TOTP_SECRET) -> str:
    import time

    from allauth.mfa import app_settings

    return totp_code(secret, at=time.time(), period=app_settings.TOTP_PERIOD, digits=app_settings.TOTP_DIGITS)


def demo_logins_text(url: str) -> str:
    lines = [
        "",
        f"Veilig Online demo: {url}",
        f"Every demo account has the password: {DEMO_PASSWORD}",
        "",
        f"{'e-mail':45} {'role @ organisation':60} MFA",
    ]
    role_labels = {role.value: role.label for role in Role}
    for spec in DEMO_USERS:
        where = ", ".join(f"{role_labels[role]} @ {slug}" for slug, role in spec.memberships)
        lines.append(f"{spec.email:45} {where:60} {'yes' if spec.needs_mfa else 'no'}")
    lines += [
        "",
        "Accounts marked MFA=yes ask for an authenticator code after the password.",
        f"Add this secret to an authenticator app: {DEMO_TOTP_SECRET}",
        "or print the current code with:  .venv/bin/python manage.py demo_totp",
        "Sent mail (invitations, login codes) lands as files in var/mail/.",
        "",
    ]
    return "\n".join(lines)
