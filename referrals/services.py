"""Writes for routing: publishing and activating rule set versions, a
municipality's local destinations and rules, and API tokens; then the case services
(opening a case, the intake wizard's steps, notes, evidence, tasks, the victim's
contact details, closing) and the retention run. A referral's writes are in
``referrals.cases.referral_services``, the case settings' in ``referrals.settings.services``.

Keyword-only verbs on nouns, one transaction each. Validation errors come back as
``django.core.exceptions.ValidationError`` with messages per field; a caller
without the right role gets ``PermissionError``.
"""

from __future__ import annotations

import calendar
import hashlib
import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django_scopes import scope

from cms.models import TakedownGuide
from messaging import reminders
from messaging.subjects import Subject
from portal.models import Membership, Organisation, User
from portal.roles import Action, OrganisationKind, can, require_permission
from referrals import chronology, messages, selectors
from referrals.models import (
    ApiToken,
    Case,
    CaseEvent,
    CaseNote,
    CaseTask,
    DeletionLog,
    EvidenceItem,
    LocalDestination,
    LocalRule,
    OrganisationCaseSettings,
    PartnerLink,
    PersonalDataAccess,
    Referral,
    ReferralConsent,
    ReferralUpdate,
    RuleSetVersion,
    VictimContact,
)
from referrals.routing import FactsInvalid, RuleSetInvalid, check_local_rule, parse_facts, parse_rule_set
from referrals.routing.ruleset import CODE_RE, MAX_LABEL
from referrals.routing.vocabulary import KINDS

TOKEN_PREFIX = "vo_"
TOKEN_BYTES = 32
# A token's last use is written at most this often, not on every request.
TOKEN_TOUCH_INTERVAL = timedelta(minutes=1)


# --- Rule set versions -------------------------------------------------------------


def _require_rules_edit(actor: User) -> None:
    if not selectors.user_may_edit_rules(actor):
        raise PermissionError(Action.RULES_EDIT)


def rule_set_validate(
    *, version: object, rules: object, destinations: object, cautions: object, questions: object
) -> None:
    """Check rule set data without storing it. Raises ValidationError per field
    (version, rules, destinations, cautions, questions), each message starting with
    where the problem is."""
    try:
        parse_rule_set(version=version, rules=rules, destinations=destinations, cautions=cautions, questions=questions)
    except RuleSetInvalid as exc:
        raise ValidationError(exc.errors) from None


def rule_set_publish(
    *, actor: User, version: str, rules: Any, destinations: Any, cautions: Any, questions: Any
) -> RuleSetVersion:
    """Validate a new rule set and make it the one active version.

    Only platform administrators (``Action.RULES_EDIT``). In one transaction the
    active version is switched off and the new one stored active; the partial
    unique constraint guarantees there is never more than one. Published versions
    are not edited afterwards: results stored with cases name the version that
    made them. Routing picks the new version up at its next call.
    """
    _require_rules_edit(actor)
    rule_set_validate(version=version, rules=rules, destinations=destinations, cautions=cautions, questions=questions)
    try:
        with transaction.atomic():
            if RuleSetVersion.objects.filter(version=version).exists():
                raise ValidationError({"version": [_("Deze versie bestaat al. Kies een nieuw versienummer.")]})
            RuleSetVersion.objects.filter(is_active=True).update(is_active=False)
            return RuleSetVersion.objects.create(
                version=version,
                rules=rules,
                destinations=destinations,
                cautions=cautions,
                questions=questions,
                created_by=actor,
                is_active=True,
            )
    except IntegrityError:
        # Someone else published (or used this version) at the same moment.
        raise ValidationError(
            {"version": [_("Er is tegelijk een andere versie gepubliceerd. Probeer het opnieuw.")]}
        ) from None


def rule_set_activate(*, actor: User, rule_set_version: RuleSetVersion) -> RuleSetVersion:
    """Make an earlier version the active one again (roll back). Re-validated first,
    because the engine's vocabulary may have changed since it was published (a
    version of routing contract v1 has no cautions, and is refused)."""
    _require_rules_edit(actor)
    rule_set_validate(
        version=rule_set_version.version,
        rules=rule_set_version.rules,
        destinations=rule_set_version.destinations,
        cautions=rule_set_version.cautions,
        questions=rule_set_version.questions,
    )
    try:
        with transaction.atomic():
            RuleSetVersion.objects.filter(is_active=True).exclude(pk=rule_set_version.pk).update(is_active=False)
            RuleSetVersion.objects.filter(pk=rule_set_version.pk).update(is_active=True)
    except IntegrityError:
        raise ValidationError(
            {"version": [_("Er is tegelijk een andere versie geactiveerd. Probeer het opnieuw.")]}
        ) from None
    rule_set_version.is_active = True
    return rule_set_version


# --- A municipality's local destinations and rules ----------------------------------


def _municipality_of_actor(actor_membership: Membership) -> Organisation:
    if not can(actor_membership, Action.DIRECTORY_MANAGE):
        raise PermissionError(Action.DIRECTORY_MANAGE)
    organisation = actor_membership.organisation
    if organisation.kind != OrganisationKind.MUNICIPALITY:
        raise PermissionError(Action.DIRECTORY_MANAGE)
    return organisation


# The contact details of a destination, as the form and the service name them.
CONTACT_FIELDS = ("phone", "email", "address", "opening_hours", "helps_with", "audience")
CONTACT_MAX = {"phone": 40, "email": 254, "address": 300, "opening_hours": 300, "helps_with": 1000, "audience": 300}
PHONE_RE = re.compile(r"^\+?[0-9][0-9 ()./-]*$")
PHONE_DIGITS = (3, 15)  # 113 and 1813 are numbers too; E.164 has at most 15 digits
CODE_MAX = 50
CODE_ATTEMPTS = 5


def destination_code_from_name(label: str, taken: set[str]) -> str:
    """The code of a new destination, made from its name: ``Jongerenwerk Zuid`` gives
    ``jongerenwerk_zuid``; when that is taken in the municipality, ``jongerenwerk_zuid_2``
    and so on. Nobody types it; it never changes after (local rules say ``local:<code>``)."""
    base = re.sub(r"_+", "_", slugify(label).replace("-", "_")).strip("_") or "organisatie"
    base = base[: CODE_MAX - 4].rstrip("_")
    code, number = base, 2
    while code in taken:
        code, number = f"{base}_{number}", number + 1
    return code


def phone_problem(phone: str) -> str | None:
    """Why ``phone`` is not a phone number people can call, or None when it is."""
    digits = sum(ch.isdigit() for ch in phone)
    if not PHONE_RE.match(phone) or not PHONE_DIGITS[0] <= digits <= PHONE_DIGITS[1]:
        return _(
            "Geef een telefoonnummer met alleen cijfers, spaties en streepjes, zoals 010 123 45 67 of +32 9 123 45 67."
        )
    return None


def _destination_errors(*, label: Any, kind: Any, url: Any, contact: dict[str, Any]) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if not isinstance(label, str) or not label.strip() or len(label) > MAX_LABEL:
        errors["label"] = [_("Geef een naam van 1 tot 200 tekens.")]
    if kind not in KINDS:
        errors["kind"] = [_("Kies referral, action of advice.")]
    if url and not (isinstance(url, str) and url.startswith("https://")):
        errors["url"] = [_("Geef een adres dat begint met https://.")]
    for name, value in contact.items():
        if not isinstance(value, str):
            errors[name] = [_("Geef tekst.")]
        elif len(value) > CONTACT_MAX[name]:
            errors[name] = [_("Gebruik hoogstens %(max)s tekens.") % {"max": CONTACT_MAX[name]}]
    phone, email = contact.get("phone"), contact.get("email")
    if "phone" not in errors and phone and (problem := phone_problem(phone)):
        errors["phone"] = [problem]
    if "email" not in errors and email:
        try:
            validate_email(email)
        except ValidationError:
            errors["email"] = [_("Geef een e-mailadres zoals info@jongerenwerk.nl.")]
    return errors


def local_destination_save(
    *,
    actor_membership: Membership,
    label: str,
    code: str | None = None,
    kind: str = "referral",
    url: str = "",
    create_only: bool = False,
    **contact: str,
) -> LocalDestination:
    """Add or change one of the municipality's own destinations.

    Without ``code`` a new destination is made and its code is derived from ``label``
    (``destination_code_from_name``), unique within the municipality; two people adding
    the same name at once get two codes (the unique constraint decides, we try the next
    one). With ``code`` the destination with that code is changed (or made, for the demo
    and for rule authors); with ``create_only`` as well, an existing code is refused.
    ``contact``: any of ``CONTACT_FIELDS``; the ones not given are emptied. Its country is
    the municipality's: the engine never offers it for the other country.
    """
    organisation = _municipality_of_actor(actor_membership)
    unknown = set(contact) - set(CONTACT_FIELDS)
    if unknown:
        raise TypeError(f"Unknown contact fields: {sorted(unknown)}")
    contact = {name: contact.get(name, "") for name in CONTACT_FIELDS}
    contact = {name: value.strip() if isinstance(value, str) else value for name, value in contact.items()}
    errors = _destination_errors(label=label, kind=kind, url=url, contact=contact)
    if code is not None and (not isinstance(code, str) or not CODE_RE.match(code) or len(code) > CODE_MAX):
        errors["code"] = [_("Gebruik kleine letters, cijfers en underscores, zoals jongerenwerk.")]
    if errors:
        raise ValidationError(errors)
    values = {"label": label.strip(), "kind": kind, "url": url, **contact}
    if code is None:
        for _attempt in range(CODE_ATTEMPTS):
            with scope(organisation=organisation):
                taken = set(LocalDestination.objects.values_list("code", flat=True))
            try:
                with scope(organisation=organisation), transaction.atomic():
                    return LocalDestination.objects.create(
                        organisation=organisation, code=destination_code_from_name(label, taken), **values
                    )
            except IntegrityError:
                continue  # someone took that code just now: read the codes again
        raise ValidationError({"label": [_("Dit lukte niet. Probeer het nog een keer.")]})
    if create_only:
        try:
            with scope(organisation=organisation), transaction.atomic():
                return LocalDestination.objects.create(organisation=organisation, code=code, **values)
        except IntegrityError:
            raise ValidationError({"code": [_("Deze code bestaat al op jullie sociale kaart.")]}) from None
    with scope(organisation=organisation), transaction.atomic():
        destination, _created = LocalDestination.objects.update_or_create(
            organisation=organisation, code=code, defaults={**values, "updated_at": timezone.now()}
        )
    return destination


def local_destination_delete(*, actor_membership: Membership, code: str) -> None:
    """Remove one of the municipality's destinations, unless a local rule still uses it."""
    organisation = _municipality_of_actor(actor_membership)
    in_use = selectors.local_rules_referring_to(organisation, code)
    if in_use:
        raise ValidationError(
            {"code": [_("Deze bestemming wordt nog gebruikt door: %(rules)s.") % {"rules": ", ".join(in_use)}]}
        )
    with scope(organisation=organisation):
        LocalDestination.objects.filter(code=code).delete()


def local_rule_save(*, actor_membership: Membership, rule: Any, is_active: bool = True) -> LocalRule:
    """Add or change one of the municipality's own routing rules (by its ``id``).

    The rule has the shape of a rule-set rule. It may send cases to the contract's
    destinations and to the municipality's own ones (``local:<code>``).
    """
    organisation = _municipality_of_actor(actor_membership)
    try:
        check_local_rule(
            rule, local_codes=selectors.local_destination_codes(organisation), country=organisation.country
        )
    except RuleSetInvalid as exc:
        raise ValidationError({"rule": exc.errors["rules"]}) from None
    with scope(organisation=organisation), transaction.atomic():
        local_rule, _created = LocalRule.objects.update_or_create(
            organisation=organisation,
            slug=rule["id"],
            defaults={
                "rule": rule,
                "is_active": is_active,
                "created_by": actor_membership.user,
                "updated_at": timezone.now(),
            },
        )
    return local_rule


def local_rule_delete(*, actor_membership: Membership, slug: str) -> None:
    organisation = _municipality_of_actor(actor_membership)
    with scope(organisation=organisation):
        LocalRule.objects.filter(slug=slug).delete()


# --- API tokens ----------------------------------------------------------------------


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class ApiTokenCreated:
    api_token: ApiToken
    token: str  # shown once; only its hash is stored


def api_token_create(*, user: User, name: str) -> ApiTokenCreated:
    """A new bearer token for ``user``. The token is returned once and stored only as a hash."""
    name = (name or "").strip()
    if not name or len(name) > 100:
        raise ValidationError({"name": [_("Geef de sleutel een naam van 1 tot 100 tekens.")]})
    token = TOKEN_PREFIX + secrets.token_urlsafe(TOKEN_BYTES)
    api_token = ApiToken.objects.create(user=user, name=name, token_hash=hash_token(token))
    return ApiTokenCreated(api_token=api_token, token=token)


def api_token_revoke(*, api_token: ApiToken) -> None:
    ApiToken.objects.filter(pk=api_token.pk, revoked_at__isnull=True).update(revoked_at=timezone.now())


def api_token_authenticate(*, token: str) -> User | None:
    """The active user a valid, unrevoked token belongs to, or None. Records the
    token's last use (at most once a minute per token)."""
    if not token or len(token) > 200:
        return None
    api_token = (
        ApiToken.objects.select_related("user").filter(token_hash=hash_token(token), revoked_at__isnull=True).first()
    )
    if api_token is None or not api_token.user.is_active:
        return None
    now = timezone.now()
    if api_token.last_used_at is None or now - api_token.last_used_at > TOKEN_TOUCH_INTERVAL:
        ApiToken.objects.filter(pk=api_token.pk).update(last_used_at=now)
    return api_token.user


# --- Cases -----------------------------------------------------------------------------
#
# Every verb below takes the acting membership (its organisation is the tenant), runs
# in one transaction and writes its chronology row (CaseEvent) in that transaction.
# Callers run inside the organisation's scope (TenantMiddleware, or a task's scope).
# Event details and log lines never hold victim data: only references, field names,
# codes and counts.

# Days until a chosen action is due, by the advice's urgency.
DUE_DAYS_BY_URGENCY = {"immediate": 0, "soon": 2, "normal": 7}
# The case wizard may change these facts; fields not given keep their value.
MIN_REASON_LENGTH = 5


def _same_organisation(actor_membership: Membership, *objects: Any) -> None:
    # Defence in depth: the scope already keeps other tenants' rows out of reach.
    for obj in objects:
        if obj.organisation_id != actor_membership.organisation_id:
            raise PermissionError("organisation")


def _event(case: Case, kind: str, actor: User | None, detail: str = "") -> CaseEvent:
    return CaseEvent.objects.create(
        organisation_id=case.organisation_id, case=case, kind=kind, actor=actor, detail=detail[:200]
    )


def _handle(actor_membership: Membership, case: Case) -> None:
    """The actor handles the case: a case handler of its organisation, and the case is open.
    An unassigned case is taken by the first handler who works on it."""
    require_permission(actor_membership, Action.CASE_HANDLE)
    _same_organisation(actor_membership, case)
    if case.status != Case.Status.OPEN:
        raise ValidationError({NON_FIELD_ERRORS: [_("Deze casus is afgesloten.")]})
    if case.handler_id is None:
        case.handler = actor_membership.user
        Case.objects.filter(pk=case.pk, handler__isnull=True).update(handler=actor_membership.user)


def _next_reference(organisation: Organisation, year: int) -> str:
    prefix = f"{year}-"
    last = (
        Case.objects.filter(organisation=organisation, reference__startswith=prefix)
        .order_by("-reference")
        .values_list("reference", flat=True)
        .first()
    )
    number = int(last.removeprefix(prefix)) + 1 if last else 1
    return f"{prefix}{number:04d}"


def case_open(*, actor_membership: Membership, pseudonym: str, signal: str = "") -> Case:
    """Raise a signal: a new open case with a reference such as ``2026-0001``.

    Anyone who may raise a signal (learners, case handlers, coordinators) may call
    this. A case handler who raises it handles it; otherwise it waits for one.
    The reference is unique per organisation; two signals at once retry the number.
    """
    require_permission(actor_membership, Action.CASE_RAISE)
    pseudonym = (pseudonym or "").strip()
    if not pseudonym:
        raise ValidationError({"pseudonym": [_("Geef initialen of een zelfgekozen naam.")]})
    organisation = actor_membership.organisation
    handler = actor_membership.user if can(actor_membership, Action.CASE_HANDLE) else None
    year = timezone.localdate().year
    for _attempt in range(5):
        try:
            with transaction.atomic():
                case = Case.objects.create(
                    organisation=organisation,
                    reference=_next_reference(organisation, year),
                    raised_by=actor_membership.user,
                    handler=handler,
                    pseudonym=pseudonym[:60],
                    signal=(signal or "").strip(),
                    facts={"country": organisation.country},
                )
                _event(case, CaseEvent.Kind.OPENED, actor_membership.user)
                messages.plan_case_follow_ups(case)
                return case
        except IntegrityError:
            continue  # another signal took this number at the same moment
    raise ValidationError({NON_FIELD_ERRORS: [_("Het lukte niet om een kenmerk te maken. Probeer het opnieuw.")]})


def case_record_conversation(*, actor_membership: Membership, case: Case, first_impressions: str) -> Case:
    """Wizard step 1: the first impressions from the conversation with the victim."""
    with transaction.atomic():
        _handle(actor_membership, case)
        case.first_impressions = (first_impressions or "").strip()
        case.save(update_fields=["first_impressions"])
        _event(case, CaseEvent.Kind.NOTE, actor_membership.user, "Eerste indruk uit het gesprek vastgelegd")
    return case


def case_update_facts(*, actor_membership: Membership, case: Case, changes: dict[str, Any]) -> Case:
    """Change some facts of the case; ``None`` (or a missing answer) means unknown.

    The merged facts are validated as a whole (routing contract): on ``FactsInvalid``
    nothing is stored and a ValidationError carries the messages per field. The
    chronology names the changed facts in Dutch ("Feiten aangepast: vorm, leeftijd"),
    never their values.
    """
    merged = dict(case.facts or {})
    for field, value in changes.items():
        if value is None or value == []:
            merged.pop(field, None)
        else:
            merged[field] = value
    try:
        facts = parse_facts(merged).as_dict()
    except FactsInvalid as exc:
        raise ValidationError(exc.errors) from None
    with transaction.atomic():
        _handle(actor_membership, case)
        changed = [k for k in set(facts) | set(case.facts or {}) if facts.get(k) != (case.facts or {}).get(k)]
        if not changed:
            return case
        case.facts = facts
        case.save(update_fields=["facts"])
        _event(case, CaseEvent.Kind.FACTS_CHANGED, actor_membership.user, chronology.facts_changed(changed))
    return case


def case_route(*, actor_membership: Membership, case: Case) -> Case:
    """Ask the routing engine for advice on the case's facts and store the answer with
    the rules version that gave it. Later rule edits do not rewrite this result;
    only routing again does."""
    try:
        result = selectors.route_for_case_facts(case.facts, municipality=actor_membership.organisation.parent)
    except FactsInvalid as exc:
        raise ValidationError(exc.errors) from None
    with transaction.atomic():
        _handle(actor_membership, case)
        case.routing_result = result
        case.rules_version = result["rules_version"]
        case.routed_at = timezone.now()
        case.save(update_fields=["routing_result", "rules_version", "routed_at"])
        _event(
            case,
            CaseEvent.Kind.ROUTED,
            actor_membership.user,
            chronology.advice_made(result),
        )
    return case


def case_choose_actions(
    *, actor_membership: Membership, case: Case, destinations: list[str], platform_guide_slugs: Sequence[str] = ()
) -> list[CaseTask]:
    """The handler picks destinations from the stored advice: one open task each.

    A ``platform_report`` task is made per chosen platform (by takedown guide slug),
    each carrying that platform's guide. A destination that already has an open
    task (for the same guide) gets no second one, so submitting twice is harmless.
    The chronology names the new tasks by their Dutch titles, never by code.
    """
    recommended = {r["destination"]: r for r in case.recommendations}
    unknown = [d for d in destinations if d not in recommended]
    if unknown:
        raise ValidationError({"destinations": [_("Kies alleen uit het advies.")]})
    guides = list(TakedownGuide.objects.filter(slug__in=list(platform_guide_slugs)))
    if "platform_report" in destinations and not guides:
        raise ValidationError({"platforms": [_("Kies bij melden op het platform om welk platform het gaat.")]})
    labels = selectors.destination_labels(case)
    today = timezone.localdate()
    with transaction.atomic():
        _handle(actor_membership, case)
        existing = set(
            CaseTask.objects.filter(case=case, status=CaseTask.Status.OPEN).values_list(
                "destination", "takedown_guide_id"
            )
        )
        wanted: list[tuple[str, Any]] = []
        for destination in destinations:
            if destination == "platform_report":
                wanted.extend((destination, guide) for guide in guides)
            else:
                wanted.append((destination, None))
        tasks = []
        for destination, guide in wanted:
            if (destination, guide.pk if guide else None) in existing:
                continue
            title = labels.get(destination, destination)
            if guide is not None:
                title = f"{title}: {guide.platform}"
            urgency = recommended[destination].get("urgency", "normal")
            tasks.append(
                CaseTask(
                    organisation_id=case.organisation_id,
                    case=case,
                    title=title[:200],
                    destination=destination,
                    due_date=today + timedelta(days=DUE_DAYS_BY_URGENCY.get(urgency, 7)),
                    assignee=case.handler,
                    takedown_guide=guide,
                )
            )
        CaseTask.objects.bulk_create(tasks)
        for task in tasks:
            messages.plan_task(task)
        if tasks:
            _event(
                case,
                CaseEvent.Kind.ACTIONS_CHOSEN,
                actor_membership.user,
                ", ".join(dict.fromkeys(t.title for t in tasks)),
            )
    return tasks


def evidence_record(
    *,
    actor_membership: Membership,
    case: Case,
    kind: str,
    kept_where: str,
    platform: str = "",
    captured_on: Any = None,
    description: str = "",
) -> EvidenceItem:
    """Record what was saved as evidence and where it is kept (never the evidence itself)."""
    if kind not in EvidenceItem.Kind.values:
        raise ValidationError({"kind": [_("Kies een soort bewijs.")]})
    if not (kept_where or "").strip():
        raise ValidationError({"kept_where": [_("Schrijf op waar het bewijs bewaard wordt.")]})
    with transaction.atomic():
        _handle(actor_membership, case)
        item = EvidenceItem.objects.create(
            organisation_id=case.organisation_id,
            case=case,
            kind=kind,
            platform=(platform or "").strip()[:80],
            captured_on=captured_on,
            description=(description or "").strip()[:300],
            kept_where=kept_where.strip()[:200],
            recorded_by=actor_membership.user,
        )
        _event(case, CaseEvent.Kind.EVIDENCE_RECORDED, actor_membership.user, item.get_kind_display())
    return item


def case_add_note(*, actor_membership: Membership, case: Case, text: str) -> CaseNote:
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": [_("Schrijf een notitie.")]})
    with transaction.atomic():
        _handle(actor_membership, case)
        note = CaseNote.objects.create(
            organisation_id=case.organisation_id, case=case, author=actor_membership.user, text=text[:4000]
        )
        _event(case, CaseEvent.Kind.NOTE, actor_membership.user, "Notitie toegevoegd")
    return note


def case_record_wishes(
    *,
    actor_membership: Membership,
    case: Case,
    victim_wishes: list[str] | None,
    consent_contact: bool,
    consent_referral: bool,
    wishes_note: str = "",
) -> Case:
    """Wizard step 5: the victim's wishes (a routing fact) and what they consent to.

    Withdrawing consent to keep contact details deletes the stored details at once.
    """
    with transaction.atomic():
        case = case_update_facts(actor_membership=actor_membership, case=case, changes={"victim_wishes": victim_wishes})
        case.consent_contact = bool(consent_contact)
        case.consent_referral = bool(consent_referral)
        case.consent_recorded_at = timezone.now()
        case.wishes_note = (wishes_note or "").strip()
        case.save(update_fields=["consent_contact", "consent_referral", "consent_recorded_at", "wishes_note"])
        if not case.consent_contact:
            VictimContact.objects.filter(case=case).delete()
        _event(
            case,
            CaseEvent.Kind.CONSENT_RECORDED,
            actor_membership.user,
            f"Contactgegevens: {'ja' if consent_contact else 'nee'}; doorverwijzen: {'ja' if consent_referral else 'nee'}",
        )
    return case


def task_complete(*, actor_membership: Membership, task: CaseTask) -> CaseTask:
    """Mark a task done; the chronology names it by its title (the destination's
    Dutch label, with the platform for a report on a platform)."""
    with transaction.atomic():
        task = CaseTask.objects.select_for_update().select_related("case").get(pk=task.pk)
        _handle(actor_membership, task.case)
        if task.status == CaseTask.Status.DONE:
            return task
        task.status = CaseTask.Status.DONE
        task.done_at = timezone.now()
        task.done_by = actor_membership.user
        task.save(update_fields=["status", "done_at", "done_by"])
        _event(task.case, CaseEvent.Kind.TASK_DONE, actor_membership.user, task.title)
        reminders.reminders_cancel(subjects=[Subject.task(task.pk)])
    return task


def victim_contact_set(
    *, actor_membership: Membership, case: Case, name: str = "", phone: str = "", email: str = "", note: str = ""
) -> VictimContact:
    """Store how to reach the victim, encrypted. Only when the victim consented."""
    if not case.consent_contact:
        raise ValidationError({NON_FIELD_ERRORS: [_("Leg eerst vast dat het slachtoffer toestemming geeft.")]})
    values = {"name": name, "phone": phone, "email": email, "note": note}
    values = {key: (value or "").strip()[:300] for key, value in values.items()}
    if not any(values.values()):
        raise ValidationError({NON_FIELD_ERRORS: [_("Vul minstens één gegeven in.")]})
    with transaction.atomic():
        _handle(actor_membership, case)
        contact, _created = VictimContact.objects.update_or_create(
            case=case,
            defaults={
                **values,
                "organisation_id": case.organisation_id,
                "updated_by": actor_membership.user,
                "updated_at": timezone.now(),
            },
        )
        _event(case, CaseEvent.Kind.CONTACT_CHANGED, actor_membership.user)
    return contact


def victim_contact_read(*, actor_membership: Membership, case: Case, reason: str) -> VictimContact | None:
    """Read the victim's contact details, logging who, when, which case and why.

    Only case handlers. The access row and the chronology line are written in the
    same transaction as the read; without a reason nothing is read.
    """
    require_permission(actor_membership, Action.CASE_HANDLE)
    _same_organisation(actor_membership, case)
    reason = (reason or "").strip()
    if len(reason) < MIN_REASON_LENGTH:
        raise ValidationError({"reason": [_("Schrijf kort op waarom je de contactgegevens nodig hebt.")]})
    with transaction.atomic():
        PersonalDataAccess.objects.create(
            organisation_id=case.organisation_id,
            case=case,
            case_reference=case.reference,
            user=actor_membership.user,
            reason=reason[:200],
        )
        _event(case, CaseEvent.Kind.PERSONAL_DATA_VIEWED, actor_membership.user)
        return VictimContact.objects.filter(case=case).first()


def case_close(*, actor_membership: Membership, case: Case, outcome: str) -> Case:
    """Close the case with an outcome. The retention period starts now."""
    if outcome not in Case.Outcome.values:
        raise ValidationError({"outcome": [_("Kies een uitkomst.")]})
    with transaction.atomic():
        _handle(actor_membership, case)
        case.status = Case.Status.CLOSED
        case.outcome = outcome
        case.closed_at = timezone.now()
        case.save(update_fields=["status", "outcome", "closed_at"])
        _event(case, CaseEvent.Kind.CLOSED, actor_membership.user, case.get_outcome_display())
        task_ids = CaseTask.objects.filter(case=case).values_list("pk", flat=True)
        reminders.reminders_cancel(subjects=[Subject.case(case.pk), *(Subject.task(pk) for pk in task_ids)])
    return case


# --- Retention -------------------------------------------------------------------------

# Facts kept after anonymising: enough for counts, nothing about the person.
FACTS_KEPT_AFTER_ANONYMISING = ("country", "forms")
RETENTION_BATCH = 200


def _months_before(moment: Any, months: int) -> Any:
    year, month = divmod(moment.year * 12 + moment.month - 1 - months, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


ANONYMISED_TEXT = "—"


def _case_anonymise(case: Case, now: Any) -> None:
    """Remove what identifies the victim or says what happened to them; keep what the
    counts need. Kept: the reference (the access and processing logs name the case by
    it), status, outcome and dates, the facts ``country`` and ``forms`` (the case
    counts per form, ``reporting.rollups``), each referral's destination, partner,
    municipality, status, outcome and moments (the referral counts per destination,
    partner and municipality), the chronology's kinds, moments and actors, the tasks'
    status and dates. Removed: the pseudonym, every free text, the contact details,
    notes, evidence and partner messages, the routing advice (its rules and
    explanations say what happened), the chronology's details (destinations, task
    titles), the tasks' titles, destinations and guides (a guide names the platform),
    the consent's age, and the one-time links with the partner's e-mail address."""
    case.pseudonym = ANONYMISED_TEXT
    case.signal = ""
    case.first_impressions = ""
    case.wishes_note = ""
    case.facts = {k: v for k, v in (case.facts or {}).items() if k in FACTS_KEPT_AFTER_ANONYMISING}
    case.routing_result = None
    case.anonymised_at = now
    case.save(
        update_fields=[
            "pseudonym",
            "signal",
            "first_impressions",
            "wishes_note",
            "facts",
            "routing_result",
            "anonymised_at",
        ]
    )
    VictimContact.objects.filter(case=case).delete()
    CaseNote.objects.filter(case=case).delete()
    EvidenceItem.objects.filter(case=case).delete()
    CaseEvent.objects.filter(case=case).exclude(detail="").update(detail="")
    CaseTask.objects.filter(case=case).update(title=ANONYMISED_TEXT, destination="", takedown_guide=None)
    Referral.objects.filter(case=case).update(summary="", decline_reason="")
    ReferralUpdate.objects.filter(referral__case=case).delete()
    ReferralConsent.objects.filter(referral__case=case).update(victim_age=None)
    PartnerLink.objects.filter(referral__case=case).delete()
    _event(case, CaseEvent.Kind.ANONYMISED, None)


def retention_apply(*, organisation: Organisation, now: Any = None) -> tuple[int, int]:
    """Anonymise closed cases past the organisation's retention period and delete
    anonymised cases past the deletion period. Returns (anonymised, deleted).

    Runs in the organisation's scope, in batches, each in its own transaction with
    rows locked (``skip_locked``): a second run at the same time skips the rows the
    first holds, and a second run afterwards finds nothing left to do. The
    DeletionLog keeps only counts per month. The notifications and reminders about an
    anonymised case are deleted with it (``messages.cases_forget``); deleting a case
    does the same for any that came later (``messages._case_deleting``).
    """
    now = now or timezone.now()
    anonymised = deleted = 0
    with scope(organisation=organisation):
        policy = OrganisationCaseSettings.objects.filter(organisation=organisation).first()
        retention = policy.retention_months if policy else 12
        delete_after = policy.delete_after_months if policy else 12
        anonymise_before = _months_before(now, retention)
        delete_before = _months_before(now, retention + delete_after)
        while True:
            with transaction.atomic():
                batch = list(
                    Case.objects.select_for_update(skip_locked=True).filter(
                        organisation=organisation,
                        status=Case.Status.CLOSED,
                        closed_at__lt=anonymise_before,
                        anonymised_at__isnull=True,
                    )[:RETENTION_BATCH]
                )
                for case in batch:
                    _case_anonymise(case, now)
                # Its notifications and reminders name the case and where it went: gone too.
                messages.cases_forget(batch)
                deletion_log_add(organisation, now, anonymised=len(batch))
            anonymised += len(batch)
            if len(batch) < RETENTION_BATCH:
                break
        while True:
            with transaction.atomic():
                ids = list(
                    Case.objects.select_for_update(skip_locked=True)
                    .filter(
                        organisation=organisation,
                        status=Case.Status.CLOSED,
                        closed_at__lt=delete_before,
                        anonymised_at__isnull=False,
                    )
                    .values_list("pk", flat=True)[:RETENTION_BATCH]
                )
                Case.objects.filter(pk__in=ids).delete()
                deletion_log_add(organisation, now, deleted=len(ids))
            deleted += len(ids)
            if len(ids) < RETENTION_BATCH:
                break
    return anonymised, deleted


def deletion_log_add(organisation: Organisation, now: Any, *, anonymised: int = 0, deleted: int = 0) -> None:
    """Count wiped and deleted cases in the organisation's deletion log (the retention
    sweep and an erasure on request alike). Call inside a transaction."""
    if not anonymised and not deleted:
        return
    month = timezone.localtime(now).date().replace(day=1)
    row, _created = DeletionLog.objects.select_for_update().get_or_create(organisation=organisation, month=month)
    DeletionLog.objects.filter(pk=row.pk).update(
        anonymised=F("anonymised") + anonymised, deleted=F("deleted") + deleted
    )


def access_log_purge(*, organisation: Organisation, now: Any = None) -> int:
    """Delete the organisation's access-log rows (``PersonalDataAccess``) older than
    ``PROCESSING_LOG_KEEP_DAYS``: the access log is kept as long as the processing log,
    whose entries say the same reads (``referrals.processing``) and which its own daily
    purge empties after that period. Until then a row keeps the reference of a case
    that was deleted, so a subject-access request can still show who read the data.
    One statement, in the organisation's scope; running it twice deletes nothing more.
    Returns how many rows were deleted."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.PROCESSING_LOG_KEEP_DAYS)
    with scope(organisation=organisation), transaction.atomic():
        deleted, _per_model = PersonalDataAccess.objects.filter(
            organisation=organisation, created_at__lt=cutoff
        ).delete()
    return deleted
