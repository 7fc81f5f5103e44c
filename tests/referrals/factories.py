"""Cases for the tests, created outside any scope (django-scopes allows create())."""

from __future__ import annotations

from datetime import timedelta
from itertools import count

from django.utils import timezone
from django_scopes import scopes_disabled

from referrals.models import Case, CaseEvent, CaseTask, PartnerLink, Referral, ReferralConsent

_numbers = count(1)


def make_case(organisation, *, raised_by=None, handler=None, **extra) -> Case:
    values = {
        "reference": f"2026-{next(_numbers):04d}",
        "pseudonym": "J.B.",
        "signal": "Berichten met dreigementen via Snapchat.",
        "facts": {"country": organisation.country},
        **extra,
    }
    with scopes_disabled():
        case = Case.objects.create(organisation=organisation, raised_by=raised_by, handler=handler, **values)
        CaseEvent.objects.create(organisation=organisation, case=case, kind=CaseEvent.Kind.OPENED, actor=raised_by)
    return case


def make_task(organisation, *, case=None, **extra) -> CaseTask:
    case = case or make_case(organisation)
    with scopes_disabled():
        return CaseTask.objects.create(
            organisation=organisation, case=case, title="Bel 112", destination="police_emergency", **extra
        )


# --- Referrals -------------------------------------------------------------------------

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


def make_routed_case(organisation, *, handler=None, age=17, **extra) -> Case:
    facts = {"country": organisation.country, "victim_age": age, "forms": ["sextortion"]}
    return make_case(
        organisation,
        handler=handler,
        facts=facts,
        routing_result=ADVICE,
        rules_version="2026.1",
        consent_contact=True,
        consent_referral=True,
        **extra,
    )


def make_referral(
    organisation,
    *,
    case=None,
    partner=None,
    status=Referral.Status.SENT,
    destination="slachtofferhulp",
    consent=True,
    shares_contact=False,
    **extra,
) -> Referral:
    """A referral of ``organisation`` (the referrer), by default sent with valid consent.

    ``partner``: the receiving organisation on the portal (None: a partner by link).
    The municipality is the referrer's parent.
    """
    case = case or make_routed_case(organisation)
    now = timezone.now()
    dates = {}
    if status != Referral.Status.DRAFT:
        dates["sent_at"] = now
    if status in (
        Referral.Status.ACKNOWLEDGED,
        Referral.Status.ACCEPTED,
        Referral.Status.DECLINED,
        Referral.Status.CLOSED,
    ):
        dates["acknowledged_at"] = now
    if status in (Referral.Status.ACCEPTED, Referral.Status.DECLINED, Referral.Status.CLOSED):
        dates["decided_at"] = now
    if status == Referral.Status.CLOSED:
        dates["closed_at"] = now
        extra.setdefault("outcome", Referral.Outcome.HELPED)
    if "municipality" not in extra:
        extra["municipality"] = organisation.parent if organisation.kind in ("school", "sports_club") else None
    with scopes_disabled():
        referral = Referral.objects.create(
            organisation=organisation,
            case=case,
            destination=destination,
            destination_label={"slachtofferhulp": "Slachtofferhulp Nederland", "helpwanted": "HelpWanted"}.get(
                destination, destination
            ),
            partner=partner,
            urgency="soon",
            summary="Wordt afgeperst met beelden; wil hulp bij aangifte.",
            status=status,
            **dates,
            **extra,
        )
        if consent:
            ReferralConsent.objects.create(
                organisation=organisation,
                referral=referral,
                recipient_label=referral.destination_label,
                shares_summary=True,
                shares_contact=shares_contact,
                given_by=ReferralConsent.GivenBy.PARENT,
                victim_age=(case.facts or {}).get("victim_age"),
            )
    return referral


def make_partner_link(referral, *, token="test-token-" + "x" * 20, **extra) -> PartnerLink:
    """A link for ``referral``; the raw token is ``token`` (stored hashed)."""
    import hashlib

    values = {"expires_at": timezone.now() + timedelta(days=14), "email": "intake@partner.example", **extra}
    with scopes_disabled():
        return PartnerLink.objects.create(
            organisation_id=referral.organisation_id,
            referral=referral,
            token_hash=hashlib.sha256(token.encode()).hexdigest(),
            **values,
        )
