"""Demo cases and referrals for OBS De Regenboog. Called from ``seed_demo`` after
the demo organisations and users exist; idempotent.

Everything is made through the services (``referrals.services``,
``referrals.cases.referral_services``) by the demo users, as the portal's pages would: the
chronology, consent ledger and access rules are the real ones. The pseudonyms
("Demo-A" …) and texts are made up.

The cases, one per state a demo user should be able to look at:

* Demo-A: a fresh signal from the demo teacher, waiting for a case handler;
* Demo-B: routed, with tasks (one done);
* Demo-C: referred to Slachtofferhulp Nederland on the portal, which acknowledged
  and accepted it and sent a message back;
* Demo-D: referred by link to the municipality's own "Jongerenwerk Zuiderhaven
  (demo)", which has no account: the link is printed by ``seed_demo``;
* Demo-E: referred to Slachtofferhulp Nederland, which declined it;
* Demo-F: closed.

And one reminder to watch arrive: Demo-A's first follow-up is planned about a
minute after seeding (``DEMO_FOLLOW_UP_DELAY``). The demo's worker and beat
(``manage.py rundemo``) sweep reminders every minute, so the demo case handler
gets it in the notification centre and by mail (written to var/mail/). Seeding
again after it was sent plans a new one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, TypedDict

from django.db import transaction
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from messaging import reminders
from messaging.models import NotificationKind, Reminder
from messaging.subjects import Subject
from portal.models import Membership, Organisation
from portal.roles import Role
from referrals import services
from referrals.cases import referral_services
from referrals.models import Case, LocalDestination, LocalRule, PartnerLink, Referral

DEMO_ORGANISATION = "obs-de-regenboog"
DEMO_MUNICIPALITY = "zuiderhaven"
DEMO_PARTNER = "slachtofferhulp"
DEMO_LEARNER = "leerkracht@demo.veilig-online.nl"
DEMO_HANDLER = "vertrouwenspersoon@demo.veilig-online.nl"
DEMO_MUNICIPAL_COORDINATOR = "gemeente@demo.veilig-online.nl"
DEMO_PARTNER_INTAKE = "partner@demo.veilig-online.nl"


# The municipality's own destination without an account on the portal, and the local
# rule that advises it: referrals to it go by link.
class _DestinationSpec(TypedDict):
    code: str
    label: str
    helps_with: str
    audience: str
    phone: str
    email: str
    url: str
    address: str
    opening_hours: str


LOCAL_DESTINATION: _DestinationSpec = {
    "code": "jongerenwerk",
    "label": "Jongerenwerk Zuiderhaven (demo)",
    "helps_with": "Gesprekken met jongeren die online gepest of bedreigd worden, en met hun ouders.",
    "audience": "Jongeren van 12 tot 23 jaar in Zuiderhaven",
    "phone": "010 000 00 00",
    "email": "jongerenwerk@zuiderhaven.example",
    "url": "https://jongerenwerk.zuiderhaven.example",
    "address": "Havenstraat 1, Zuiderhaven",
    "opening_hours": "Maandag tot en met vrijdag 13.00 tot 21.00 uur",
}
LOCAL_RULE = {
    "id": "jongerenwerk-pesten",
    "priority": 75,
    "conditions": {"all": [{"fact": "forms", "contains": "cyberbullying"}, {"flag": "minor"}]},
    "outcomes": [
        {
            "destination": "local:jongerenwerk",
            "urgency": "normal",
            "explanation": (
                "Het jongerenwerk in Zuiderhaven praat met jongeren die online gepest worden, "
                "en helpt ze om weer grip te krijgen. Dit is een voorbeeld voor de demo."
            ),
        }
    ],
}
LINK_EMAIL = "aanmelding@jongerenwerk.demo.veilig-online.nl"
# Demo-A's first follow-up comes this long after seeding.
DEMO_FOLLOW_UP_CASE = "Demo-A"
DEMO_FOLLOW_UP_DELAY = timedelta(seconds=60)


@dataclass
class _Actors:
    school: Organisation
    partner: Organisation
    learner: Membership | None
    handler: Membership
    partner_intake: Membership


@dataclass
class DemoReferrals:
    """What a run made. ``link_url``: the partner link made in this run (shown once;
    only its hash is stored). ``link_waiting``: no new link, because the one from an
    earlier run can still be used."""

    created: dict[str, int] = field(default_factory=lambda: {"cases": 0, "referrals": 0, "local_rules": 0})
    link_url: str | None = None
    link_label: str = LOCAL_DESTINATION["label"]
    link_waiting: bool = False  # a link from an earlier run can still be used
    follow_up_due_at: datetime | None = None  # when Demo-A's demo follow-up is due
    follow_up_recipient: str = DEMO_HANDLER

    def __str__(self) -> str:
        return ", ".join(f"{count} {name}" for name, count in self.created.items())

    def reminder_text(self) -> str:
        """What ``seed_demo`` prints about the reminder to watch arrive ("" when none)."""
        if self.follow_up_due_at is None:
            return ""
        due = timezone.localtime(self.follow_up_due_at).strftime("%H:%M")
        return (
            f"Reminder demo: the first follow-up of case {DEMO_FOLLOW_UP_CASE} is due at {due}. "
            "Within a minute after that (while `make run` runs the worker and beat, which send due reminders "
            f"every minute) the case handler {self.follow_up_recipient} gets a reminder in the notification "
            "centre (/meldingen/) and the mail is written to var/mail/. Seed again to plan another one."
        )


def _membership(email: str, organisation: Organisation, role: Role) -> Membership | None:
    membership = (
        Membership.objects.select_related("user", "organisation")
        .filter(user__email=email, organisation=organisation, role=role, is_active=True)
        .first()
    )
    if membership is not None:
        membership.organisation = organisation  # with its parent loaded
    return membership


@scopes_disabled()
def _actors() -> _Actors | None:
    organisations = {
        org.slug: org
        for org in Organisation.objects.select_related("parent").filter(
            slug__in=[DEMO_ORGANISATION, DEMO_PARTNER], is_active=True
        )
    }
    school, partner = organisations.get(DEMO_ORGANISATION), organisations.get(DEMO_PARTNER)
    if school is None or partner is None:
        return None
    handler = _membership(DEMO_HANDLER, school, Role.CASE_HANDLER)
    partner_intake = _membership(DEMO_PARTNER_INTAKE, partner, Role.PARTNER_INTAKE)
    if handler is None or partner_intake is None:
        return None
    return _Actors(
        school=school,
        partner=partner,
        learner=_membership(DEMO_LEARNER, school, Role.LEARNER),
        handler=handler,
        partner_intake=partner_intake,
    )


def _local_directory(school: Organisation) -> int:
    """The municipality's own destination and rule, through the municipality's
    services. Returns how many rules were made (0 when already there)."""
    with scopes_disabled():
        municipality = school.parent
        if municipality is None or municipality.slug != DEMO_MUNICIPALITY:
            return 0
        coordinator = _membership(DEMO_MUNICIPAL_COORDINATOR, municipality, Role.MUNICIPAL_COORDINATOR)
    if coordinator is None:
        return 0
    with scope(organisation=municipality):
        if not LocalDestination.objects.filter(code=LOCAL_DESTINATION["code"]).exists():
            services.local_destination_save(actor_membership=coordinator, **LOCAL_DESTINATION)
        if LocalRule.objects.filter(slug=LOCAL_RULE["id"]).exists():
            return 0
        services.local_rule_save(actor_membership=coordinator, rule=LOCAL_RULE)
    return 1


# --- The cases ---------------------------------------------------------------------------


def _open(actors: _Actors, pseudonym: str, signal: str, facts: dict[str, Any], wishes: list[str]) -> Case:
    """A case taken through the intake wizard by the demo case handler, up to the advice."""
    handler = actors.handler
    case = services.case_open(actor_membership=handler, pseudonym=pseudonym, signal=signal)
    services.case_record_conversation(
        actor_membership=handler,
        case=case,
        first_impressions="Rustig gesprek. De leerling wil vooral dat het stopt.",
    )
    services.case_update_facts(actor_membership=handler, case=case, changes=facts)
    services.case_record_wishes(
        actor_membership=handler,
        case=case,
        victim_wishes=wishes,
        consent_contact=False,
        consent_referral=True,
        wishes_note="Ouders zijn op de hoogte en denken mee.",
    )
    return services.case_route(actor_membership=handler, case=case)


def _refer(actors: _Actors, case: Case, destination: str, summary: str, *, given_by: str, email: str = ""):
    """Draft, record consent and send a referral. Returns (referral, LinkCreated | None)."""
    handler = actors.handler
    referral = referral_services.referral_draft(
        actor_membership=handler, case=case, destination=destination, summary=summary
    )
    referral_services.consent_record(
        actor_membership=handler, referral=referral, given_by=given_by, shares_summary=True, shares_contact=False
    )
    created = referral_services.referral_send(actor_membership=handler, referral=referral, partner_email=email)
    return referral, created


def _case_fresh(actors: _Actors, result: DemoReferrals) -> None:
    raiser = actors.learner or actors.handler
    services.case_open(
        actor_membership=raiser,
        pseudonym="Demo-A",
        signal="Een leerling krijgt sinds een week vervelende berichten in de groepsapp van de klas.",
    )


def _case_tasks(actors: _Actors, result: DemoReferrals) -> None:
    handler = actors.handler
    case = _open(
        actors,
        "Demo-B",
        "Een leerling is online bedreigd door iemand van een andere school.",
        {
            "forms": ["threat"],
            "threatened_with": ["serious_injury"],
            "victim_age": 12,
            "acute_danger": False,
            "offender_known": True,
        },
        ["report_police", "support"],
    )
    services.evidence_record(
        actor_membership=handler,
        case=case,
        kind="screenshot",
        platform="Chatapp",
        description="Schermafbeeldingen van de berichten",
        kept_where="Telefoon van de ouder",
    )
    chosen = [
        r["destination"]
        for r in case.recommendations
        if r.get("kind") in ("action", "advice") and r["destination"] != "platform_report"
    ]
    tasks = services.case_choose_actions(actor_membership=handler, case=case, destinations=chosen[:2])
    if tasks:
        services.task_complete(actor_membership=handler, task=tasks[-1])
    services.case_add_note(
        actor_membership=handler, case=case, text="Afspraak gemaakt met de ouders voor volgende week."
    )


def _case_accepted(actors: _Actors, result: DemoReferrals) -> None:
    case = _open(
        actors,
        "Demo-C",
        "Een leerling wordt al maanden online gepest en voelt zich erg onzeker.",
        {"forms": ["cyberbullying"], "victim_age": 15, "acute_danger": False, "offender_known": False},
        ["support"],
    )
    referral, _link = _refer(
        actors,
        case,
        "slachtofferhulp",
        "Leerling van 15 wordt online gepest en zoekt steun. Ouders weten ervan en willen meedenken.",
        given_by="parent_guardian",
    )
    result.created["referrals"] += 1
    with scope(organisation=actors.partner):
        intake = actors.partner_intake
        referral_services.referral_acknowledge(referral=referral, actor_membership=intake)
        referral_services.referral_accept(
            referral=referral, actor_membership=intake, message="Wij nemen dit aan en bellen deze week met de ouders."
        )
        referral_services.referral_post_update(
            referral=referral,
            actor_membership=intake,
            text="Eerste gesprek gehad. Er is een vervolgafspraak over twee weken.",
        )


def _case_link(actors: _Actors, result: DemoReferrals) -> None:
    case = _open(
        actors,
        "Demo-D",
        "Een jonge leerling wordt buitengesloten en uitgelachen in een online game.",
        {"forms": ["cyberbullying"], "victim_age": 13, "acute_danger": False},
        ["support"],
    )
    _referral, created = _refer(
        actors,
        case,
        f"local:{LOCAL_DESTINATION['code']}",
        "Leerling van 13 wordt online buitengesloten. Zoekt iemand om mee te praten, dicht bij huis.",
        given_by="parent_guardian",
        email=LINK_EMAIL,
    )
    result.created["referrals"] += 1
    result.link_url = created.url if created else None


def _case_declined(actors: _Actors, result: DemoReferrals) -> None:
    case = _open(
        actors,
        "Demo-E",
        "Iemand heeft het adres van een leerling online gezet.",
        {"forms": ["doxing"], "victim_age": 16, "acute_danger": False, "offender_known": False},
        ["support", "images_offline"],
    )
    referral, _link = _refer(
        actors,
        case,
        "slachtofferhulp",
        "Leerling van 16: persoonlijke gegevens staan online. Wil hulp om ze weg te krijgen.",
        given_by="victim",
    )
    result.created["referrals"] += 1
    with scope(organisation=actors.partner):
        intake = actors.partner_intake
        referral_services.referral_acknowledge(referral=referral, actor_membership=intake)
        referral_services.referral_decline(
            referral=referral,
            actor_membership=intake,
            reason="Voor het offline halen van gegevens kan de school beter eerst het platform vragen. "
            "Komt de leerling daarna nog hulp tekort? Verwijs dan opnieuw.",
        )


def _case_closed(actors: _Actors, result: DemoReferrals) -> None:
    handler = actors.handler
    case = _open(
        actors,
        "Demo-F",
        "Een leerling heeft online iets gekocht en nooit gekregen.",
        {"forms": ["online_fraud"], "victim_age": 17, "acute_danger": False},
        ["support"],
    )
    services.case_add_note(
        actor_membership=handler, case=case, text="Samen met de leerling de verkoper en de site gemeld."
    )
    services.case_close(actor_membership=handler, case=case, outcome=Case.Outcome.HANDLED_INTERNALLY)


CASES: tuple[tuple[str, Callable[[_Actors, DemoReferrals], None]], ...] = (
    ("Demo-A", _case_fresh),
    ("Demo-B", _case_tasks),
    ("Demo-C", _case_accepted),
    ("Demo-D", _case_link),
    ("Demo-E", _case_declined),
    ("Demo-F", _case_closed),
)


def _renew_link(actors: _Actors, result: DemoReferrals) -> None:
    """The link case of an earlier run whose link ran out (expired) while the
    partner has not answered yet: make a new one, so the demo always has one."""
    with scopes_disabled():
        referral = (
            Referral.objects.select_related("case")
            .filter(
                organisation=actors.school,
                case__pseudonym="Demo-D",
                destination=f"local:{LOCAL_DESTINATION['code']}",
                status__in=(Referral.Status.SENT, Referral.Status.ACKNOWLEDGED),
            )
            .first()
        )
        if referral is None:
            return
        if any(link.state() == "active" for link in PartnerLink.objects.filter(referral=referral)):
            result.link_waiting = True
            return
    with scope(organisation=actors.school):
        created = referral_services.partner_link_create(
            actor_membership=actors.handler, referral=referral, email=LINK_EMAIL
        )
    result.link_url = created.url


def _plan_demo_follow_up(actors: _Actors, result: DemoReferrals, now: datetime) -> None:
    """A follow-up for Demo-A about a minute from now, unless one is already pending
    for that moment or earlier (then that one is shown). After it was sent, the next
    run plans a new one."""
    with scopes_disabled():
        case = Case.objects.filter(
            organisation=actors.school, pseudonym=DEMO_FOLLOW_UP_CASE, status=Case.Status.OPEN
        ).first()
        if case is None:
            return
        subject = str(Subject.case(case.pk))
        soon = now + DEMO_FOLLOW_UP_DELAY
        waiting = (
            Reminder.objects.filter(
                kind=NotificationKind.CASE_FOLLOW_UP, subject=subject, status=Reminder.Status.PENDING, due_at__lte=soon
            )
            .order_by("due_at")
            .first()
        )
    if waiting is None:
        waiting = reminders.reminder_schedule(
            organisation=actors.school, kind=NotificationKind.CASE_FOLLOW_UP, subject=subject, due_at=soon
        )
    result.follow_up_due_at = waiting.due_at


def seed_referrals_demo(*, now: datetime | None = None) -> DemoReferrals:
    """Make the demo cases that are not there yet (by pseudonym) in the demo school.

    Does nothing when the demo organisations or users are missing. Each case is made
    in one transaction, so a case is there completely or not at all; a second run
    creates nothing (it only renews the partner link of Demo-D once that expired, and
    plans Demo-A's demo follow-up again once the last one was sent).
    """
    result = DemoReferrals()
    actors = _actors()
    if actors is None:
        return result
    result.created["local_rules"] = _local_directory(actors.school)
    with scope(organisation=actors.school):
        existing = set(
            Case.objects.filter(pseudonym__in=[name for name, _make in CASES]).values_list("pseudonym", flat=True)
        )
    for pseudonym, make in CASES:
        if pseudonym in existing:
            continue
        with transaction.atomic(), scope(organisation=actors.school):
            make(actors, result)
        result.created["cases"] += 1
    if result.link_url is None:
        _renew_link(actors, result)
    _plan_demo_follow_up(actors, result, now or timezone.now())
    return result
