"""Writes for routing: publishing and activating rule set versions, a
municipality's local destinations and rules, and API tokens.

Keyword-only verbs on nouns, one transaction each. Validation errors come back as
``django.core.exceptions.ValidationError`` with messages per field; a caller
without the right role gets ``PermissionError``.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scope

from portal.models import Membership, Organisation, User
from portal.roles import Action, OrganisationKind, can
from referrals import selectors
from referrals.models import ApiToken, LocalDestination, LocalRule, RuleSetVersion
from referrals.routing import RuleSetInvalid, check_local_rule, parse_rule_set
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


def rule_set_validate(*, version: object, rules: object, destinations: object) -> None:
    """Check rule set data without storing it. Raises ValidationError per field
    (version, rules, destinations), each message starting with where the problem is."""
    try:
        parse_rule_set(version=version, rules=rules, destinations=destinations)
    except RuleSetInvalid as exc:
        raise ValidationError(exc.errors) from None


def rule_set_publish(*, actor: User, version: str, rules: Any, destinations: Any) -> RuleSetVersion:
    """Validate a new rule set and make it the one active version.

    Only platform administrators (``Action.RULES_EDIT``). In one transaction the
    active version is switched off and the new one stored active; the partial
    unique constraint guarantees there is never more than one. Published versions
    are not edited afterwards: results stored with cases name the version that
    made them. Routing picks the new version up at its next call.
    """
    _require_rules_edit(actor)
    rule_set_validate(version=version, rules=rules, destinations=destinations)
    try:
        with transaction.atomic():
            if RuleSetVersion.objects.filter(version=version).exists():
                raise ValidationError({"version": [_("Deze versie bestaat al. Kies een nieuw versienummer.")]})
            RuleSetVersion.objects.filter(is_active=True).update(is_active=False)
            return RuleSetVersion.objects.create(
                version=version, rules=rules, destinations=destinations, created_by=actor, is_active=True
            )
    except IntegrityError:
        # Someone else published (or used this version) at the same moment.
        raise ValidationError(
            {"version": [_("Er is tegelijk een andere versie gepubliceerd. Probeer het opnieuw.")]}
        ) from None


def rule_set_activate(*, actor: User, rule_set_version: RuleSetVersion) -> RuleSetVersion:
    """Make an earlier version the active one again (roll back). Re-validated first,
    because the engine's vocabulary may have changed since it was published."""
    _require_rules_edit(actor)
    rule_set_validate(
        version=rule_set_version.version, rules=rule_set_version.rules, destinations=rule_set_version.destinations
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


def local_destination_save(
    *, actor_membership: Membership, code: str, label: str, kind: str = "referral", url: str = ""
) -> LocalDestination:
    """Add or change one of the municipality's own destinations (by ``code``).

    Its country is the municipality's: the engine never offers it for the other country.
    """
    organisation = _municipality_of_actor(actor_membership)
    errors: dict[str, list[str]] = {}
    if not isinstance(code, str) or not CODE_RE.match(code) or len(code) > 50:
        errors["code"] = [_("Gebruik kleine letters, cijfers en underscores, zoals jongerenwerk.")]
    if not isinstance(label, str) or not label.strip() or len(label) > MAX_LABEL:
        errors["label"] = [_("Geef een naam van 1 tot 200 tekens.")]
    if kind not in KINDS:
        errors["kind"] = [_("Kies referral, action of advice.")]
    if url and not (isinstance(url, str) and url.startswith("https://")):
        errors["url"] = [_("Geef een adres dat begint met https://.")]
    if errors:
        raise ValidationError(errors)
    with scope(organisation=organisation), transaction.atomic():
        destination, _created = LocalDestination.objects.update_or_create(
            organisation=organisation,
            code=code,
            defaults={"label": label.strip(), "kind": kind, "url": url, "updated_at": timezone.now()},
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
        check_local_rule(rule, local_codes=selectors.local_destination_codes(organisation))
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
