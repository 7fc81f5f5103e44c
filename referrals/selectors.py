"""Reads for routing: the active rule set (cached per process), a municipality's
merged rule set, and ``route_for_case_facts`` – the one call the intake wizard makes;
then the reads of the case pages (the case list, a case's page and advice, its
referrals, the access log). The area pages read through ``referrals.area.selectors``.

The engine (``referrals.routing``) stays pure; this module is where the database is
read and the results handed to it.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from django.db.models import Case as SqlCase
from django.db.models import (
    CharField,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.fields.json import KT
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django_scopes import scope, scopes_disabled

from cms.models import TakedownGuide
from portal.models import Membership, Organisation, User
from portal.roles import PERMISSIONS, Action, OrganisationKind, can
from referrals.models import (
    Case,
    CaseEvent,
    CaseNote,
    CaseTask,
    DirectoryEntry,
    EvidenceItem,
    LocalDestination,
    LocalRule,
    PartnerLink,
    PersonalDataAccess,
    Referral,
    ReferralConsent,
    ReferralUpdate,
    RuleSetVersion,
    VictimContact,
)
from referrals.routing import (
    Destination,
    RuleSet,
    RuleSetInvalid,
    check_local_rule,
    default_rule_set,
    merge_local,
    parse_facts,
    parse_rule_set,
    route,
)
from referrals.routing.vocabulary import URGENCIES

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

logger = logging.getLogger(__name__)

# Who may ask the engine for a preview: people who handle or see cases, and
# platform administrators. Decided from the roles table, never by comparing roles.
ROUTING_ROLES = frozenset().union(
    *(PERMISSIONS[action] for action in (Action.CASE_HANDLE, Action.CASE_VIEW, Action.PLATFORM_ADMIN))
)
RULES_EDIT_ROLES = PERMISSIONS[Action.RULES_EDIT]

_lock = threading.Lock()
_active_cache: dict[tuple[object, ...], RuleSet] = {}
_merged_cache: dict[tuple[object, ...], RuleSet] = {}
_CACHE_LIMIT = 256


def _user_has_role(user: User, roles: frozenset[str]) -> bool:
    if not user.is_active:
        return False
    # The user's own memberships, across organisations: unscoped on purpose.
    with scopes_disabled():
        return Membership.objects.filter(
            user=user, is_active=True, organisation__is_active=True, role__in=roles
        ).exists()


def user_may_route(user: User) -> bool:
    """True when the user has an active role that handles or sees cases, or runs the platform."""
    return _user_has_role(user, ROUTING_ROLES)


def user_may_edit_rules(user: User) -> bool:
    """Platform administrators (by membership) and superusers may publish rule sets."""
    return user.is_active and (user.is_superuser or _user_has_role(user, RULES_EDIT_ROLES))


def active_rule_set() -> RuleSet:
    """The active rule set, or the shipped defaults when no version is active.

    One small query (the active version's id) per call; the rule set itself is
    parsed and compiled once per process and version.
    """
    # The key holds more than the id: a rolled-back id can be handed out again (SQLite).
    key = RuleSetVersion.objects.filter(is_active=True).values_list("pk", "version", "created_at").first()
    if key is None:
        return default_rule_set()
    found = _active_cache.get(key)
    if found is None:
        row = (
            RuleSetVersion.objects.filter(pk=key[0])
            .values("version", "rules", "destinations", "cautions", "questions")
            .first()
        )
        if row is None:  # replaced between the two queries
            return active_rule_set()
        found = parse_rule_set(**row)
        with _lock:
            if len(_active_cache) >= _CACHE_LIMIT:
                _active_cache.clear()
            _active_cache[key] = found
    return found


def clear_caches() -> None:
    """Forget the compiled rule sets of this process (tests; never needed for correctness)."""
    with _lock:
        _active_cache.clear()
        _merged_cache.clear()


def referrer_contact(referral: Referral) -> dict[str, str]:
    """How a partner reaches whoever referred: the referring organisation's name and
    the work name and e-mail of the case's handler, else of the person who sent the
    referral (a redirected referral was drafted by the municipality, and sent by the
    handler). Never anything of the victim. Read unscoped by the referral's own keys:
    the caller is a party to this referral (a partner, or the holder of its link)."""
    with scopes_disabled():
        person = referral.case.handler
        if person is None or not person.is_active:
            sent = (
                CaseEvent.objects.filter(referral=referral, kind=CaseEvent.Kind.REFERRAL_SENT, actor__isnull=False)
                .select_related("actor")
                .order_by("-pk")
                .first()
            )
            person = sent.actor if sent is not None else None
        organisation = referral.organisation.name
    if person is None or not person.is_active:
        return {"organisation": organisation, "name": "", "email": ""}
    return {"organisation": organisation, "name": person.get_full_name(), "email": person.email or ""}


def municipality_of(organisation: Organisation) -> Organisation | None:
    """The municipality whose local rules apply to cases of ``organisation``."""
    if organisation.kind == OrganisationKind.MUNICIPALITY:
        return organisation
    if organisation.kind in (OrganisationKind.SCHOOL, OrganisationKind.SPORTS_CLUB):
        return organisation.parent
    return None


def rule_set_for_municipality(municipality: Organisation | None) -> RuleSet:
    """The active rule set with this municipality's own destinations and rules merged in.

    Reads the local rows in the municipality's scope, so no other municipality's
    rules can take part. A local rule that no longer validates (say its local
    destination was deleted) is left out and logged, rather than breaking routing.
    """
    base = active_rule_set()
    if municipality is None:
        return base
    with scope(organisation=municipality):
        destinations = list(LocalDestination.objects.order_by("code"))
        rules = list(LocalRule.objects.filter(is_active=True).order_by("slug"))
    if not destinations and not rules:
        return base
    key = (
        id(base),
        base.version,
        municipality.pk,
        tuple((d.code, d.updated_at) for d in destinations),
        tuple((r.slug, r.updated_at) for r in rules),
    )
    found = _merged_cache.get(key)
    if found is not None:
        return found
    local_codes = [d.code for d in destinations]
    valid_rules = []
    for row in rules:
        try:
            check_local_rule(row.rule, local_codes=local_codes, country=municipality.country)
        except RuleSetInvalid as exc:
            logger.warning("Local rule %s of organisation %s skipped: %s", row.slug, municipality.pk, exc)
            continue
        valid_rules.append(row.rule)
    found = merge_local(
        base,
        name=municipality.slug,
        country=municipality.country,
        destinations=[d.as_data() for d in destinations],
        rules=valid_rules,
    )
    with _lock:
        if len(_merged_cache) >= _CACHE_LIMIT:
            _merged_cache.clear()
        _merged_cache[key] = found
    return found


def route_for_case_facts(raw_facts: object, *, municipality: Organisation | None = None) -> dict[str, Any]:
    """Validate the facts the intake wizard collected and route them.

    ``municipality``: the case's municipality (a school or club is resolved to its
    municipality), whose local rules then take part; None for the platform rules
    only. Returns the contract's result object as plain data, to store with the
    case. Raises ``referrals.routing.FactsInvalid`` with ``errors`` per field.
    Writes nothing.
    """
    facts = parse_facts(raw_facts)  # before any query: invalid input costs nothing
    if municipality is not None:
        municipality = municipality_of(municipality)
    rule_set = rule_set_for_municipality(municipality)
    return route(facts, rule_set).as_dict()


def rule_set_versions() -> list[RuleSetVersion]:
    return list(RuleSetVersion.objects.select_related("created_by").order_by("-created_at", "-pk"))


def local_destination_codes(organisation: Organisation) -> list[str]:
    with scope(organisation=organisation):
        return list(LocalDestination.objects.values_list("code", flat=True))


def local_rules_referring_to(organisation: Organisation, code: str) -> list[str]:
    """Slugs of the organisation's local rules that send cases to ``local:<code>``."""
    target = f"local:{code}"
    with scope(organisation=organisation):
        rows = list(LocalRule.objects.values_list("slug", "rule"))
    return [slug for slug, rule in rows if target in _destinations_of(rule)]


def _destinations_of(rule: object) -> set[str]:
    outcomes = rule.get("outcomes") if isinstance(rule, dict) else None
    if not isinstance(outcomes, list):
        return set()
    return {d for o in outcomes if isinstance(o, dict) and isinstance(d := o.get("destination"), str)}


# --- Cases -----------------------------------------------------------------------------
# Run inside the organisation's scope (TenantMiddleware). Each selector owns its
# select_related/prefetch_related, so a page costs the same queries for 5 rows or 500.


def case_destinations(case: Case) -> Mapping[str, Destination]:
    """The destinations of the rule set in force now for the case (the platform's and
    its municipality's local ones, ``local:<code>``), by code, with label and website.
    The stored advice itself keeps only the codes and explanations."""
    return rule_set_for_municipality(municipality_of(case.organisation)).destinations


def destination_labels(case: Case) -> dict[str, str]:
    """Dutch labels of the destinations in the case's advice, by code, in the words of
    the case's country (a case in Belgium: "Klacht neerleggen bij de politie")."""
    country = (case.facts or {}).get("country") or case.organisation.country
    return {code: destination.label_for(country) for code, destination in case_destinations(case).items()}


def case_advice(case: Case) -> dict[str, Any]:
    """The case's stored advice as the advice page shows it, in a fixed number of
    queries however many recommendations and evidence items there are.

    ``questions`` and ``cautions`` as stored (advice made before routing contract 2
    has neither: empty). ``groups``: the recommendations by urgency, most urgent
    first, each with the destination's ``label`` and ``url`` and its ``contact`` in
    the national directory for the case's country (None for a local destination or
    one the directory lacks), with ``phone_href`` (a ``tel:`` link) and ``website``.
    ``guides``: every takedown guide; ``guides_named``: the slugs of those whose
    platform the evidence step recorded.
    """
    result = case.routing_result or {}
    destinations = case_destinations(case)
    country = (case.facts or {}).get("country") or case.organisation.country
    stored = [r for r in result.get("recommendations", []) if isinstance(r, dict)]
    directory = directory_for(country=country, codes=[r["destination"] for r in stored])
    groups: dict[str, list[dict[str, Any]]] = {urgency: [] for urgency in URGENCIES}
    for recommendation in stored:
        code = recommendation["destination"]
        destination, contact = destinations.get(code), directory.get(code)
        label = destination.label_for(country) if destination else contact.name if contact else _OLD_DESTINATION
        website = (contact.website if contact else "") or (destination.url if destination else "")
        groups.setdefault(recommendation.get("urgency", "normal"), []).append(
            {
                **recommendation,
                "label": label,
                "contact": contact,
                # Who to contact, when the label does not say it already: "Politie" for
                # "Aangifte doen bij de politie"; not "Melden bij het platform".
                "contact_name": contact.name
                if contact and contact.name != label and (contact.phone or recommendation.get("kind") != "action")
                else "",
                "phone_href": "tel:" + re.sub(r"[^0-9+]", "", contact.phone) if contact and contact.phone else "",
                "website": website,
                "website_text": (urlsplit(website).hostname or website).removeprefix("www.") if website else "",
            }
        )
    guides = list(TakedownGuide.objects.only("slug", "platform").order_by("platform"))
    platforms = EvidenceItem.objects.filter(case=case).exclude(platform="").values_list("platform", flat=True)
    return {
        "rules_version": result.get("rules_version") or case.rules_version,
        "flags": list(result.get("flags", [])),
        "questions": [q for q in result.get("questions", []) if isinstance(q, dict)],
        "cautions": [c for c in result.get("cautions", []) if isinstance(c, dict)],
        "recommendations": [r for urgency in groups for r in groups[urgency]],
        "groups": [{"urgency": urgency, "recommendations": rows} for urgency, rows in groups.items() if rows],
        "guides": guides,
        "guides_named": guides_named_in(set(platforms.order_by()), guides),
    }


def platforms() -> list[str]:
    """The platforms that have a takedown guide, by name: offered in the evidence step."""
    return list(TakedownGuide.objects.order_by("platform").values_list("platform", flat=True))


# A destination the rule set in force no longer has (the advice is older): named, never by code.
_OLD_DESTINATION = gettext_lazy("Bestemming uit een oudere versie van de verwijsregels")
_PLATFORM_FILLER = frozenset({"en", "and", "of", "or", "the", "de", "het"})


def _platform_words(text: str) -> set[str]:
    return {word for word in re.findall(r"[0-9a-z]+", text.casefold()) if word not in _PLATFORM_FILLER}


def guides_named_in(platforms: Iterable[str], guides: Iterable[Any]) -> list[str]:
    """Slugs of the takedown guides that free-text platform names point to, by word:
    "Snapchat", "snapchat-chat" and "Messenger" find ``snapchat`` and
    ``facebook-messenger``; "X" finds ``x-twitter``."""
    named: set[str] = set()
    for platform in platforms:
        named |= _platform_words(platform)
    return [
        guide.slug
        for guide in guides
        if named & (_platform_words(guide.platform) | _platform_words(guide.slug.replace("-", " ")))
    ]


def cases_for_member(membership: Membership) -> QuerySet[Case]:
    """The cases a member may list: all of the organisation's for those who see
    cases, only their own signals for those who may only raise one."""
    cases = Case.objects.select_related("handler").order_by("-created_at", "-pk")
    if can(membership, Action.CASE_VIEW):
        return cases
    if can(membership, Action.CASE_RAISE):
        return cases.filter(raised_by=membership.user)
    return cases.none()


_WAITING = (Referral.Status.SENT, Referral.Status.ACKNOWLEDGED)

# What each column sorts on (``?sort=<key>``, ``-<key>`` for the other way round).
# Cases without the value (no advice, no handler, no open task) come last both ways.
_CASE_SORTS: dict[str, tuple[str, ...]] = {
    "kenmerk": ("reference",),
    "gemeld": ("created_at",),
    "status": ("status_rank",),
    "vorm": ("form_rank",),
    "urgentie": ("urgency_rank",),
    "behandelaar": ("handler__first_name", "handler__last_name", "handler__email"),
    "volgende-stap": ("next_due", "next_task_title"),
}


# Where a case stands, derived from what is stored (no stage field to keep in step):
# closed; a referral waiting for the partner's answer (sent or acknowledged); a
# referral the partner accepted; an advice but nothing under way with a partner
# (also after a decline or a withdrawal); no advice yet. The first that holds wins.
CASE_STAGES = ("new", "advised", "waiting", "helping", "closed")


def case_stage(case: Case, referrals: Iterable[Referral]) -> str:
    """The stage of one case whose referrals are loaded already (the case page): the
    rule ``case_list`` writes in SQL, in the same order."""
    statuses = {referral.status for referral in referrals}
    if case.status == Case.Status.CLOSED:
        return "closed"
    if statuses & set(_WAITING):
        return "waiting"
    if Referral.Status.ACCEPTED in statuses:
        return "helping"
    return "new" if case.routing_result is None else "advised"


def case_list(
    membership: Membership,
    *,
    reference: str = "",
    status: str | None = None,
    stage: str | None = None,
    form: str | None = None,
    urgency: str | None = None,
    handler: int | str | None = None,
    sort: str = "-gemeld",
    form_labels: Mapping[str, str | StrPromise] | None = None,
) -> QuerySet[Case]:
    """The case list: the cases ``membership`` may list (``cases_for_member``),
    searched, filtered and sorted in the database, so a page costs the same
    queries for 5 cases or 5,000.

    Each row carries ``urgency_rank`` (0 = "immediate", the most urgent advice;
    3 = no advice yet), ``next_due`` and ``next_task_title`` (the open task due
    first), ``form_rank`` and ``stage`` (one of ``CASE_STAGES``; also a filter). ``form``: a form of online violence the facts name;
    ``urgency``: one of ``URGENCIES`` or "none" (no advice yet); ``handler``: a
    user's id or "nobody". ``form_labels`` (code → label in the reader's language)
    orders the "vorm" column by its words rather than by its codes. Victim data
    (pseudonym, signal, notes) is not loaded: listing is not a read of a case file.
    """
    open_tasks = CaseTask.objects.filter(case=OuterRef("pk"), status=CaseTask.Status.OPEN).order_by(
        F("due_date").asc(nulls_last=True), "pk"
    )
    # The stored advice's recommendations as JSON text; its highest urgency found by
    # pattern (SQLite writes '"urgency":"soon"', PostgreSQL '"urgency": "soon"').
    urgency_whens = [
        When(recommendations_text__regex=rf'"urgency": ?"{name}"', then=Value(rank))
        for rank, name in enumerate(URGENCIES)
    ]
    referrals = Referral.objects.filter(case=OuterRef("pk"))
    labels = form_labels or {}
    form_order = sorted(labels, key=lambda code: str(labels[code]).casefold())
    cases = (
        cases_for_member(membership)
        .defer("pseudonym", "signal", "first_impressions", "wishes_note", "routing_result")
        .alias(
            recommendations_text=KT("routing_result__recommendations"),
            forms_text=KT("facts__forms"),
            # As plain text: an exact match on a JSON key would read the code as JSON.
            first_form=Cast(KT("facts__forms__0"), CharField()),
        )
        .annotate(
            urgency_rank=SqlCase(*urgency_whens, default=Value(len(URGENCIES)), output_field=IntegerField()),
            next_due=Subquery(open_tasks.values("due_date")[:1]),
            next_task_title=Subquery(open_tasks.values("title")[:1]),
            form_rank=SqlCase(
                *(When(first_form=code, then=Value(rank)) for rank, code in enumerate(form_order)),
                default=Value(None),
                output_field=IntegerField(),
            ),
            status_rank=SqlCase(When(status=Case.Status.OPEN, then=Value(0)), default=Value(1)),
            stage=SqlCase(
                When(status=Case.Status.CLOSED, then=Value("closed")),
                When(Exists(referrals.filter(status__in=_WAITING)), then=Value("waiting")),
                When(Exists(referrals.filter(status=Referral.Status.ACCEPTED)), then=Value("helping")),
                When(routing_result__isnull=True, then=Value("new")),
                default=Value("advised"),
                output_field=CharField(),
            ),
        )
    )
    if reference:
        cases = cases.filter(reference__icontains=reference)
    if status:
        cases = cases.filter(status=status)
    if stage:
        cases = cases.filter(stage=stage)
    if form:
        cases = cases.filter(forms_text__contains=f'"{form}"')
    if urgency == "none":
        cases = cases.filter(urgency_rank=len(URGENCIES))
    elif urgency:
        cases = cases.filter(urgency_rank=URGENCIES.index(urgency))
    if handler == "nobody":
        cases = cases.filter(handler__isnull=True)
    elif handler:
        cases = cases.filter(handler_id=int(handler))
    descending = sort.startswith("-")
    columns = _CASE_SORTS.get(sort.lstrip("-"), _CASE_SORTS["gemeld"])
    if sort.lstrip("-") == "urgentie":
        # No advice yet is not "less urgent than daarna": it comes last both ways.
        cases = cases.alias(urgency_unknown=SqlCase(When(urgency_rank=len(URGENCIES), then=Value(1)), default=Value(0)))
        order = [F("urgency_unknown").asc(), F("urgency_rank").desc() if descending else F("urgency_rank").asc()]
    else:
        order = [F(c).desc(nulls_last=True) if descending else F(c).asc(nulls_last=True) for c in columns]
    tie = [F("created_at").desc(), F("pk").desc()]
    return cases.order_by(*order, *tie)


def case_handlers(organisation_id: int) -> list[User]:
    """The organisation's active case handlers, by name: the case list's filter."""
    handlers = PERMISSIONS[Action.CASE_HANDLE]
    return list(
        User.objects.filter(
            memberships__organisation_id=organisation_id, memberships__is_active=True, memberships__role__in=handlers
        )
        .distinct()
        .order_by("first_name", "last_name", "email")
    )


def case_detail(case: Case) -> dict[str, Any]:
    """Everything the case page shows, in a fixed number of queries."""
    events = list(CaseEvent.objects.filter(case=case).select_related("actor").order_by("created_at", "pk"))
    tasks = list(
        CaseTask.objects.filter(case=case)
        .select_related("assignee", "takedown_guide")
        .order_by("status", "due_date", "pk")
    )
    evidence = list(EvidenceItem.objects.filter(case=case).order_by("created_at", "pk"))
    notes = list(CaseNote.objects.filter(case=case).select_related("author").order_by("created_at", "pk"))
    has_contact = VictimContact.objects.filter(case=case).exists()
    return {
        "events": events,
        "tasks": tasks,
        "evidence": evidence,
        "notes": notes,
        "has_contact": has_contact,
        "referrals": case_referrals(case),
    }


def case_referrals(case: Case) -> list[Referral]:
    """The case's referrals as the referrer sees them, each with its consent ledger,
    its messages and its partner links: four queries for 1 referral or 100.

    Every consent entry gets ``state`` ('valid', 'expired' or 'withdrawn') and every
    link ``state_now`` ('active', 'used', 'expired' or 'revoked'), both as of now.
    """
    now = timezone.now()
    referrals = list(
        Referral.objects.filter(case=case)
        .select_related("partner", "redirected_from")
        .prefetch_related(
            Prefetch(
                "consents",
                queryset=ReferralConsent.objects.select_related("recorded_by").order_by("-given_at", "-pk"),
            ),
            Prefetch("updates", queryset=ReferralUpdate.objects.order_by("created_at", "pk")),
            Prefetch("links", queryset=PartnerLink.objects.order_by("-created_at", "-pk")),
        )
        .order_by("-created_at", "-pk")
    )
    for referral in referrals:
        for consent in referral.consents.all():
            consent.state = consent_state(consent, now)  # type: ignore[attr-defined]
        for link in referral.links.all():
            link.state_now = link.state(now)  # type: ignore[attr-defined]
    return referrals


def consent_state(consent: ReferralConsent, now: Any = None) -> str:
    """'withdrawn', 'expired' or 'valid' (the ledger's own rule: ``is_valid``)."""
    if consent.withdrawn_at is not None:
        return "withdrawn"
    return "valid" if consent.is_valid(now) else "expired"


def access_log(kind: str | None = None) -> QuerySet[PersonalDataAccess]:
    rows = PersonalDataAccess.objects.select_related("user", "reader_organisation").order_by("-created_at", "-pk")
    if kind:
        rows = rows.filter(kind=kind)
    return rows


# --- The national directory -----------------------------------------------------------------


def directory_for(*, country: str, codes: Iterable[str]) -> dict[str, DirectoryEntry]:
    """The active directory entries of ``country`` for ``codes``, by code: one query.
    Local destinations (``local:<code>``) are a municipality's own and not in it."""
    wanted = {code for code in codes if not code.startswith("local:")}
    if not wanted:
        return {}
    return {
        entry.code: entry for entry in DirectoryEntry.objects.filter(country=country, code__in=wanted, is_active=True)
    }


def user_may_manage_directory(user: User) -> bool:
    """Platform administrators (by membership) and superusers keep the national directory."""
    return user.is_active and (user.is_superuser or _user_has_role(user, PERMISSIONS[Action.PLATFORM_ADMIN]))
