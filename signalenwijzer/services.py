"""Writes of the Signalenwijzer: the shipped content, the monthly counts and the
organisation's own confidential contact.

A walk itself writes nothing. The only write while someone walks is
``walk_count_record``: one number up in the organisation's row for this month.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from portal.models import AuditEvent
from portal.roles import Action, can
from signalenwijzer import content
from signalenwijzer.models import OrganisationContact, WalkCount, WalkGuidance, WalkSignal, WalkStep

if TYPE_CHECKING:
    from django.db.models import Model

    from portal.models import Membership, Organisation

# The group of the platform's content editors (``cms.setup``); named, not imported:
# no two domain apps import each other.
PLATFORM_EDITORS_GROUP = "Platformredactie"
SNIPPET_PERMISSIONS = ("add", "change", "delete", "view")
COUNTED_EVENTS = ("started", "finished", "signalled")


def _hash(values: dict[str, object]) -> str:
    return hashlib.sha256(json.dumps(values, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


@dataclass
class LoadResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged, "
            f"{len(self.skipped)} kept as changed in the admin"
        )


def _load_rows(
    model: type[Model], rows: list[dict[str, Any]], lookup: tuple[str, ...], force: bool, result: LoadResult
) -> None:
    existing = {tuple(getattr(row, name) for name in lookup): row for row in model.objects.all()}  # type: ignore[attr-defined]
    for values in rows:
        key = tuple(values[name] for name in lookup)
        shipped = _hash(values)
        row = existing.get(key)
        if row is None:
            model.objects.create(**values, loaded_hash=shipped)  # type: ignore[attr-defined]
            result.created += 1
            continue
        editable = {name: getattr(row, name) for name in values}
        if row.loaded_hash == shipped and _hash(editable) == shipped:
            result.unchanged += 1
            continue
        edited = _hash(editable) != row.loaded_hash
        if edited and not force:
            result.skipped.append(f"{model._meta.verbose_name}: {'/'.join(key)}")
            continue
        for name, value in values.items():
            setattr(row, name, value)
        row.loaded_hash = shipped
        row.save()
        result.updated += 1


def signalenwijzer_load(*, force: bool = False) -> LoadResult:
    """Write the shipped steps, signals and guidance (``signalenwijzer.content``).

    Safe to run again: rows are matched by their key; a row nobody changed since the
    last load follows the shipped text, a row an editor changed in Wagtail is kept
    (and reported) unless ``force``. The platform's editors get the snippet
    permissions."""
    result = LoadResult()
    with transaction.atomic():
        steps = [
            {"key": s["key"], "sort_order": s["sort_order"], "title": s["title"], "intro": s["intro"]}
            for s in content.STEPS
        ]
        _load_rows(WalkStep, steps, ("key",), force, result)
        signals = [
            {
                "key": s["key"],
                "group": s["group"],
                "text": s["text"],
                "why": s["why"],
                "points_to": s.get("points_to", ""),
                "sort_order": (index + 1) * 10,
            }
            for index, s in enumerate(content.SIGNALS)
        ]
        _load_rows(WalkSignal, signals, ("key",), force, result)
        _load_rows(WalkGuidance, [dict(g) for g in content.GUIDANCE], ("key", "country", "audience"), force, result)
        group, _created = Group.objects.get_or_create(name=PLATFORM_EDITORS_GROUP)
        types = ContentType.objects.get_for_models(WalkStep, WalkSignal, WalkGuidance).values()
        group.permissions.add(
            *Permission.objects.filter(
                content_type__in=types,
                codename__in=[f"{p}_{t.model}" for p in SNIPPET_PERMISSIONS for t in types],
            )
        )
    return result


def walk_count_record(*, organisation: Organisation, event: str) -> None:
    """Count one walk ``event`` (started, finished or signalled) for this month.

    Anonymous: no person, no answer, no time of day. Two counts at once both land
    (one row per organisation and month, raised with an UPDATE … + 1)."""
    if event not in COUNTED_EVENTS:
        raise ValueError(f"Unknown walk event: {event}")
    month = timezone.localdate().replace(day=1)
    rows = WalkCount.objects.filter(organisation=organisation, month=month)
    if rows.update(**{event: F(event) + 1}):
        return
    with transaction.atomic():
        WalkCount.objects.get_or_create(organisation=organisation, month=month)
        rows.update(**{event: F(event) + 1})


def organisation_contact_set(
    *, actor_membership: Membership, name: str, role: str, how_to_reach: str = ""
) -> OrganisationContact | None:
    """Set (or, with an empty name, clear) the organisation's own confidential
    contact that the Signalenwijzer names. Coordinators only; audited."""
    if not can(actor_membership, Action.MEMBERS_MANAGE):
        raise PermissionDenied
    organisation = actor_membership.organisation
    with transaction.atomic():
        if not name.strip():
            OrganisationContact.objects.filter(organisation=organisation).delete()
            contact = None
        else:
            contact, _created = OrganisationContact.objects.update_or_create(
                organisation=organisation,
                defaults={"name": name.strip(), "role": role.strip(), "how_to_reach": how_to_reach.strip()},
            )
        AuditEvent.objects.create(
            organisation=organisation,
            kind=AuditEvent.Kind.CASE_SETTINGS_CHANGED,
            actor=actor_membership.user,
            detail="Signalenwijzer: vertrouwenspersoon gewijzigd",
        )
    return contact
