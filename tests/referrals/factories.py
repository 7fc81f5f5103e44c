"""factory-boy factories for cases, tasks, referrals and partner links.

Each row is created with scopes disabled (``TenantFactory``), as a test builds data
outside any organisation's scope. A case comes with its "opened" chronology line, a
referral with the consent it was sent under, as the services would leave them.

    CaseFactory(organisation=org)                      # an open case, no facts but the country
    RoutedCaseFactory(organisation=org, age=15)        # routed (ADVICE), consent to refer
    CaseTaskFactory(organisation=org, case=case)       # "Bel 112"
    ReferralFactory(organisation=org, partner=partner, status=Referral.Status.ACCEPTED)
    ReferralFactory(organisation=org, consent=False)   # no ReferralConsent row
    PartnerLinkFactory(referral=referral, token="…")   # the raw token is ``token``
"""

from __future__ import annotations

import hashlib
from datetime import timedelta

import factory
from django.utils import timezone
from django_scopes import scopes_disabled

from referrals.models import Case, CaseEvent, CaseTask, PartnerLink, Referral, ReferralConsent
from tests.factories import SchoolFactory, TenantFactory

# A stored advice with two referral destinations, as case_route would leave it.
ADVICE = {
    "rules_version": "2026.1",
    "recommendations": [
        {
            "destination": "slachtofferhulp",
            "kind": "referral",
            "urgency": "soon",
            "rules": ["support-wish"],
            "explanation": "Slachtofferhulp helpt met steun en praktische vragen.",
        },
        {
            "destination": "helpwanted",
            "kind": "referral",
            "urgency": "soon",
            "rules": ["images-minor"],
            "explanation": "HelpWanted helpt bij beelden online.",
        },
        {
            "destination": "platform_report",
            "kind": "action",
            "urgency": "immediate",
            "rules": ["images-online"],
            "explanation": "Meld het bij het platform.",
        },
    ],
}


# A stored advice of routing contract 2, as case_route leaves it: questions, cautions,
# every urgency and a local destination (``local:jeugdteam``).
ADVICE_V2 = {
    "rules_version": "2026.2",
    "flags": ["minor"],
    "recommendations": [
        {
            "destination": "police_emergency",
            "kind": "action",
            "urgency": "immediate",
            "rules": ["acute-danger"],
            "explanation": "Er is nu gevaar. Bel 112.",
        },
        {
            "destination": "platform_report",
            "kind": "action",
            "urgency": "soon",
            "rules": ["images-online", "sextortion-report-account"],
            "explanation": "Meld het account van de afperser bij het platform.",
        },
        {
            "destination": "slachtofferhulp",
            "kind": "referral",
            "urgency": "normal",
            "rules": ["victim-support"],
            "explanation": "Slachtofferhulp helpt met steun en met de aangifte.",
        },
        {
            "destination": "local:jeugdteam",
            "kind": "referral",
            "urgency": "normal",
            "rules": ["local:jeugdteam-minor"],
            "explanation": "Het jeugdteam van de gemeente helpt het gezin.",
        },
    ],
    "questions": [
        {"fact": "acute_danger", "question": "Is het slachtoffer of iemand in de buurt nu in gevaar?"},
        {"fact": "self_harm_signs", "question": "Praat het slachtoffer over zelfmoord of zichzelf pijn doen?"},
        {"fact": "victim_wishes", "question": "Wat wil het slachtoffer zelf?"},
    ],
    "cautions": [
        {"id": "do_not_give_in", "text": "Betaal niet en stuur niets meer. Verwijder de chats niet."},
        {"id": "no_copies_of_minor_images", "text": "Maak geen kopie of screenshot van de beelden zelf."},
    ],
}


# --- Cases ------------------------------------------------------------------------------


class CaseFactory(TenantFactory):
    """An open case with its "opened" chronology line (actor: ``raised_by``)."""

    class Meta:
        model = Case

    organisation = factory.SubFactory(SchoolFactory)
    raised_by = None
    handler = None
    reference = factory.Sequence(lambda n: f"2026-{n + 1:04d}")
    pseudonym = "J.B."
    signal = "Berichten met dreigementen via Snapchat."
    facts = factory.LazyAttribute(lambda o: {"country": o.organisation.country})

    @factory.post_generation
    def opened(case, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            with scopes_disabled():
                CaseEvent.objects.create(
                    organisation=case.organisation, case=case, kind=CaseEvent.Kind.OPENED, actor=case.raised_by
                )


class RoutedCaseFactory(CaseFactory):
    """A case routed as ``ADVICE`` (sextortion of a victim of ``age``), with consent to
    contact and to refer."""

    class Params:
        age = 17

    facts = factory.LazyAttribute(
        lambda o: {"country": o.organisation.country, "victim_age": o.age, "forms": ["sextortion"]}
    )
    routing_result = ADVICE
    rules_version = "2026.1"
    consent_contact = True
    consent_referral = True


class CaseTaskFactory(TenantFactory):
    """A task on a case of the same organisation (a new case unless ``case`` is given)."""

    class Meta:
        model = CaseTask

    organisation = factory.SubFactory(SchoolFactory)
    case = factory.SubFactory(CaseFactory, organisation=factory.SelfAttribute("..organisation"))
    title = "Bel 112"
    destination = "police_emergency"


# --- Referrals --------------------------------------------------------------------------

S = Referral.Status
_REACHED = {
    # The moments a referral in each status has, all at the same ``now``.
    "sent_at": {S.SENT, S.ACKNOWLEDGED, S.ACCEPTED, S.DECLINED, S.CLOSED},
    "acknowledged_at": {S.ACKNOWLEDGED, S.ACCEPTED, S.DECLINED, S.CLOSED},
    "decided_at": {S.ACCEPTED, S.DECLINED, S.CLOSED},
    "closed_at": {S.CLOSED},
}
_LABELS = {"slachtofferhulp": "Slachtofferhulp Nederland", "helpwanted": "HelpWanted"}


def _moment(field: str):
    return factory.LazyAttribute(lambda o: o.now if o.status in _REACHED[field] else None)


class ReferralConsentFactory(TenantFactory):
    """The consent a referral was sent under, given by a parent."""

    class Meta:
        model = ReferralConsent

    referral = None
    organisation = factory.SelfAttribute("referral.organisation")
    recipient_label = factory.SelfAttribute("referral.destination_label")
    shares_summary = True
    shares_contact = False
    given_by = ReferralConsent.GivenBy.PARENT
    victim_age = factory.LazyAttribute(lambda o: (o.referral.case.facts or {}).get("victim_age"))


class ReferralFactory(TenantFactory):
    """A referral of ``organisation`` (the referrer), by default sent with valid consent.

    ``partner``: the receiving organisation on the portal (None: a partner by link).
    The municipality is the referrer's parent (for a school or a sports club). The
    moments its ``status`` implies (sent, acknowledged, decided, closed) are all now;
    a closed referral helped. ``consent=False``: no consent row; ``shares_contact``:
    the consent shares the victim's contact details.
    """

    class Meta:
        model = Referral

    class Params:
        now = factory.LazyFunction(timezone.now)
        consent = True
        shares_contact = False

    organisation = factory.SubFactory(SchoolFactory)
    case = factory.SubFactory(RoutedCaseFactory, organisation=factory.SelfAttribute("..organisation"))
    destination = "slachtofferhulp"
    destination_label = factory.LazyAttribute(lambda o: _LABELS.get(o.destination, o.destination))
    partner = None
    urgency = "soon"
    summary = "Wordt afgeperst met beelden; wil hulp bij aangifte."
    status = S.SENT
    sent_at = _moment("sent_at")
    acknowledged_at = _moment("acknowledged_at")
    decided_at = _moment("decided_at")
    closed_at = _moment("closed_at")
    outcome = factory.LazyAttribute(lambda o: Referral.Outcome.HELPED if o.status == S.CLOSED else "")
    municipality = factory.LazyAttribute(
        lambda o: o.organisation.parent if o.organisation.kind in ("school", "sports_club") else None
    )
    consent_row = factory.Maybe(
        "consent",
        factory.RelatedFactory(
            ReferralConsentFactory,
            factory_related_name="referral",
            shares_contact=factory.SelfAttribute("..shares_contact"),
        ),
    )


class PartnerLinkFactory(TenantFactory):
    """A link for ``referral``; the raw token is ``token`` (stored hashed)."""

    class Meta:
        model = PartnerLink

    class Params:
        token = "test-token-" + "x" * 20

    referral = factory.SubFactory(ReferralFactory)
    organisation = factory.SelfAttribute("referral.organisation")
    token_hash = factory.LazyAttribute(lambda o: hashlib.sha256(o.token.encode()).hexdigest())
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=14))
    email = "intake@partner.example"
