"""The vocabulary of the data inventory: what a stored field is, whose, why, how long.

Every concrete field of every model the portal stores (its own and third-party ones:
Django, allauth, Wagtail, taggit) is classified in ``privacy/inventory/``, one module
per group of apps, collected in ``privacy.inventory.INVENTORY``. ``tests/privacy/
test_inventory.py`` fails for a field without a classification, so a new field cannot
slip in unclassified. ``manage.py privacy_docs`` writes the privacy officer's documents
from it (``docs/privacy/``).

A model is classified field by field, or with a model default (key ``"*"``) that
covers every field not named; a model default that says "personal data" still has to
be right for every field it covers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Category(StrEnum):
    """What kind of data a field holds (AVG terms)."""

    NONE = "none"  # no personal data: configuration, content, counters, technical keys
    IDENTIFIER = "identifier"  # a reference to a person (user id, pseudonymous case reference)
    PSEUDONYM = "pseudonym"  # a name chosen so the person is not recognisable (case pseudonym)
    IDENTITY = "identity"  # name, e-mail address, phone number, address of a person
    ACCOUNT = "account"  # credentials and security: password hash, second factors, sessions
    ACTIVITY = "activity"  # what a person did in the portal: progress, answers, logins, audit
    CASE = "case"  # the facts of a case about a victim (not special category on its own)
    SEXUAL_LIFE = "sexual_life"  # special category (art. 9 AVG): about sexual life, e.g. sextortion, images
    CRIMINAL = "criminal"  # data about criminal offences (art. 10 AVG): threats, extortion, a report to police
    FREE_TEXT = "free_text"  # free text that may hold any of the above: treated as special category


class Subject(StrEnum):
    """Whose data it is."""

    NOBODY = "nobody"
    VICTIM = "victim"  # the child or adult the case is about
    STAFF = "staff"  # a member of a school, club or municipality (learner, handler, coordinator)
    PARTNER = "partner"  # a member of a partner organisation
    EDITOR = "editor"  # content editors and platform administrators
    ANY_MEMBER = "any_member"  # any signed-in person


class Basis(StrEnum):
    """Legal basis under art. 6 AVG (plus the art. 9/10 ground where that applies,
    named in the processing activity)."""

    NOT_PERSONAL = "not_personal"
    PUBLIC_TASK = "public_task"  # art. 6(1)(e): the school's, club's or municipality's task of care
    LEGAL_OBLIGATION = "legal_obligation"  # art. 6(1)(c): e.g. keeping an audit trail, the meldcode
    LEGITIMATE_INTEREST = "legitimate_interest"  # art. 6(1)(f): security of the service, e.g. sign-in records
    CONTRACT = "contract"  # art. 6(1)(b): the member's use of the portal for their work
    CONSENT = "consent"  # art. 6(1)(a): sharing with a partner with the victim's (or parent's) consent


class Retention(StrEnum):
    """Retention rules; ``RETENTION_TEXT`` says what each means and where it is enforced."""

    NOT_PERSONAL = "not_personal"
    CASE = "case"  # closed cases deleted after the organisation's retention period (referrals retention sweep)
    ACCOUNT = "account"  # as long as the account exists; without membership deleted after a year unused
    MEMBERSHIP = "membership"  # as long as the membership; deactivated memberships kept for the audit trail
    AUDIT = "audit"  # the audit and access log: kept with the organisation
    INVITATION = "invitation"  # deleted 90 days after it ended (invitations sweep), address out of the audit
    SIGN_IN_ATTEMPTS = "sign_in_attempts"  # SIGN_IN_ATTEMPTS_KEEP_DAYS, 180 days (sso sweep)
    SESSION = "session"  # until the session ends (SESSION_COOKIE_AGE) or the person signs out; daily sweeps
    EXPORT = "export"  # files deleted after EXPORT_KEEP_HOURS; the job row kept without data
    TRAINING = "training"  # progress and certificates: as long as the membership
    NOTIFICATION = "notification"  # notifications and reminders: with the case or membership they are about
    CONTENT = "content"  # pages and documents: until the editor deletes them
    PROCESSING_LOG = "processing_log"  # PROCESSING_LOG_KEEP_DAYS (2 years), then the daily purge
    SUBJECT_REQUEST = "subject_request"  # SUBJECT_REQUESTS_KEEP_MONTHS (24) after the answer, then only counts


RETENTION_TEXT: dict[Retention, str] = {
    Retention.NOT_PERSONAL: "Geen persoonsgegevens.",
    Retention.CASE: "Persoonsgegevens in een casus worden een aantal maanden na het afsluiten gewist (per organisatie "
    "ingesteld, standaard 12); de geanonimiseerde casus wordt daarna verwijderd (standaard na nog 12 maanden). "
    "Een nachtelijke taak doet dit en houdt bij wat ze verwijderde.",
    Retention.ACCOUNT: "Zolang het account bestaat; verdwijnt met het account. Een account zonder lidmaatschap "
    "(actief of niet), zonder beheerrol en zonder redactiegroep wordt verwijderd als er een jaar niet mee is "
    "ingelogd (365 dagen); een dagelijkse taak doet dit.",
    Retention.MEMBERSHIP: "Zolang het lidmaatschap bestaat; een gedeactiveerd lidmaatschap blijft voor het auditspoor.",
    Retention.AUDIT: "Zolang de organisatie het portaal gebruikt (auditspoor).",
    Retention.INVITATION: "Tot 90 dagen nadat de uitnodiging is gebruikt, ingetrokken of verlopen; dan vervangt "
    "dezelfde taak het e-mailadres in de auditregels over die uitnodiging door '(adres verwijderd)'.",
    Retention.SIGN_IN_ATTEMPTS: "180 dagen; een dagelijkse taak verwijdert oudere regels.",
    Retention.SESSION: "Tot de sessie afloopt (standaard 8 uur) of de persoon zich afmeldt; een dagelijkse taak "
    "ruimt verlopen sessies op, en ook de regels in de lijst met sessies (IP-adres, browser) van sessies die "
    "voorbij zijn.",
    Retention.EXPORT: "Het bestand tot een dag na het maken; de regel over de export blijft zonder gegevens.",
    Retention.TRAINING: "Toewijzingen tot een coördinator ze verwijdert; de trainingscijfers worden steeds opnieuw "
    "berekend uit de voortgang.",
    Retention.NOTIFICATION: "Zolang het account van de ontvanger bestaat; meldingen en herinneringen over een casus "
    "verdwijnen zodra de persoonsgegevens van die casus worden gewist of de casus wordt verwijderd.",
    Retention.CONTENT: "Tot een redacteur de pagina of het document verwijdert.",
    Retention.SUBJECT_REQUEST: "Tot twee jaar na het antwoord; daarna blijven alleen de soort, de data en de "
    "status over (voor de aantallen) en verdwijnt wie het verzoek deed en wat er is geantwoord. Een dagelijkse taak "
    "doet dit.",
    Retention.PROCESSING_LOG: "Twee jaar; daarna verwijdert een dagelijkse taak de regel (verwerkingslogboek en "
    "inzagelog). Een regel van het verwerkingslogboek kan ook niet eerder worden gewijzigd of verwijderd: de "
    "database weigert het.",
}


@dataclass(frozen=True)
class Classified:
    """One field (or, as a model default, every field of a model not named)."""

    category: Category
    subject: Subject
    basis: Basis
    retention: Retention
    activity: str = ""  # the processing activity (``privacy.inventory.activities``) this serves
    encrypted: bool = False  # encrypted in the database (field-level encryption)
    shared_with_partners: bool = False  # a partner organisation can read it (with consent)
    note: str = ""

    @property
    def is_personal(self) -> bool:
        return self.category != Category.NONE


# Shorthands for the inventory modules.
NOT_PERSONAL = Classified(Category.NONE, Subject.NOBODY, Basis.NOT_PERSONAL, Retention.NOT_PERSONAL)


def technical(note: str = "") -> Classified:
    """A key, timestamp or flag that says nothing about a person on its own."""
    return Classified(Category.NONE, Subject.NOBODY, Basis.NOT_PERSONAL, Retention.NOT_PERSONAL, note=note)


PRIMARY_KEY = technical("primary key")
OWNING_ORGANISATION = technical("the organisation the row belongs to")


def account_part(category: Category, note: str = "", subject: Subject = Subject.ANY_MEMBER) -> Classified:
    """Part of a person's account (activity ``accounts``, kept with the account)."""
    return Classified(category, subject, Basis.CONTRACT, Retention.ACCOUNT, "accounts", note=note)


def user_reference(subject: Subject, retention: Retention, activity: str, basis: Basis, note: str = "") -> Classified:
    """A foreign key to ``portal.User``: who did something or whom it is about."""
    return Classified(Category.IDENTIFIER, subject, basis, retention, activity, note=note)


@dataclass(frozen=True)
class ModelInventory:
    fields: dict[str, Classified] = field(default_factory=dict)
