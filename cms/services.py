"""Writes for the CMS: loading the national course and the takedown guides from
``cms.content`` into Wagtail.

``course_load`` is safe to run again and again. Every page and guide it writes gets
an audit-log entry (Wagtail's own history) with a marker holding a hash of what was
written. On the next run an object is only rewritten when the newest log entry is
still that marker (nobody touched it in the admin since) and the hash differs. An
object that someone edited, published, unpublished or created in the admin is left
alone unless ``force=True``.

Block ids are uuid5 values derived from the module/lesson slug, the block type and
its position among blocks of that type, so a question keeps its id, and recorded
answers keep pointing at it, when the content is loaded again.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from wagtail import blocks
from wagtail.blocks import StreamValue
from wagtail.log_actions import log, registry
from wagtail.models import Page

from cms.content import GUIDES, LIBRARY, MODULES
from cms.models import LessonPage, ModulePage, TakedownGuide, TrainingLibraryPage

SOURCE = "load_course"
# Bump when the loader's output changes shape, so every untouched object is rewritten once.
LOADER_VERSION = 2
ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://veilig-online.example/cms/content")


class CourseContentError(ValueError):
    """The content in ``cms.content`` does not fit the block schema."""


def stable_id(key: str) -> str:
    return str(uuid.uuid5(ID_NAMESPACE, key))


# --- turning plain content into StreamField data ---------------------------------


def _raw(block: blocks.Block, value: Any, key: str) -> Any:
    """Plain content → the raw JSON form of ``block``, with deterministic ids on every
    ListBlock item (``key`` is the path of this value inside its page)."""
    if isinstance(block, blocks.ListBlock):
        if not isinstance(value, list | tuple):
            raise CourseContentError(f"{key}: expected a list, got {type(value).__name__}")
        raw_items = []
        seen_keys: set[str] = set()
        for index, item in enumerate(value):
            item_key = _list_item_key(block.child_block, item, f"{key}/{index}")
            if item_key is None:
                item_path = f"{key}/{index}"
            else:
                if item_key in seen_keys:
                    raise CourseContentError(f"{key}: the key {item_key!r} is used twice")
                seen_keys.add(item_key)
                item_path = f"{key}/{item_key}"
                if "key" not in getattr(block.child_block, "child_blocks", {}):
                    item = {name: part for name, part in item.items() if name != "key"}
            raw_items.append(
                {"type": "item", "value": _raw(block.child_block, item, item_path), "id": stable_id(item_path)}
            )
        return raw_items
    if isinstance(block, blocks.StreamBlock):
        return _raw_stream(block, value, key)
    if isinstance(block, blocks.StructBlock):
        if not isinstance(value, dict):
            raise CourseContentError(f"{key}: expected a dict, got {type(value).__name__}")
        unknown = set(value) - set(block.child_blocks)
        if unknown:
            raise CourseContentError(f"{key}: unknown fields {sorted(unknown)}")
        return {
            name: _raw(child, value[name], f"{key}/{name}")
            if name in value
            else child.get_prep_value(child.get_default())
            for name, child in block.child_blocks.items()
        }
    return value


def _list_item_key(child: blocks.Block, item: Any, path: str) -> str | None:
    """The item's own "key" (format.md point 2), or None when it has none.

    The key pins the item's id: ``stable_id(f"{list path}/{key}")``, so an item keeps
    its id when the list is reordered. For a block that has a ``key`` field of its
    own (a scenario step or ending) that field is the key and stays in the value;
    for any other block it is popped before the value is built.
    """
    if not isinstance(child, blocks.StructBlock) or not isinstance(item, dict) or "key" not in item:
        return None
    item_key = item["key"]
    if not isinstance(item_key, str) or not item_key.strip() or "/" in item_key:
        raise CourseContentError(f"{path}: a key must be a short text without '/', got {item_key!r}")
    return item_key


def _raw_stream(stream_block: blocks.StreamBlock, items: list[dict[str, Any]], key: str) -> list[dict[str, Any]]:
    seen: Counter[str] = Counter()
    raw = []
    for item in items:
        block_type = item["type"]
        if block_type not in stream_block.child_blocks:
            raise CourseContentError(f"{key}: unknown block type {block_type!r}")
        # Position among blocks of the same type: adding a text block does not shift
        # the ids of the questions around it. An explicit "key" pins the id for good.
        item_key = f"{key}/{item['key']}" if "key" in item else f"{key}/{block_type}/{seen[block_type]}"
        seen[block_type] += 1
        value = _raw(stream_block.child_blocks[block_type], item["value"], item_key)
        raw.append({"type": block_type, "value": value, "id": stable_id(item_key)})
    return raw


def _stream(model: type[models.Model], field_name: str, items: list[dict[str, Any]], key: str) -> StreamValue:
    """Validated StreamValue for ``model.field_name``; raises CourseContentError when
    the content breaks a block's rules (lengths, min_num, one correct answer …)."""
    stream_block = model._meta.get_field(field_name).stream_block  # type: ignore[union-attr]
    raw = _raw_stream(stream_block, items, key)
    try:
        return stream_block.clean(stream_block.to_python(raw))
    except ValidationError as error:
        raise CourseContentError(f"{key}: {_describe(error)}") from error


def _describe(error: ValidationError) -> str:
    # Block validation errors know which field of which block failed.
    as_json = getattr(error, "as_json_data", None)
    if callable(as_json):
        return json.dumps(as_json(), ensure_ascii=False, default=str)
    return str(error)


def _items(values: list[str], block_type: str) -> list[dict[str, Any]]:
    return [{"type": block_type, "value": value} for value in values]


def _resolve_guides(body: list[dict[str, Any]], guide_pks: dict[str, int], key: str) -> list[dict[str, Any]]:
    resolved = []
    for item in body:
        if item["type"] == "takedown_guide":
            value = dict(item["value"])
            slug = value.pop("guide_slug")
            if slug not in guide_pks:
                raise CourseContentError(f"{key}: unknown takedown guide {slug!r}")
            item = {**item, "value": {**value, "guide": guide_pks[slug]}}
        elif item["type"] == "country" and isinstance(item.get("value"), dict) and "body" in item["value"]:
            value = item["value"]
            item = {**item, "value": {**value, "body": _resolve_guides(value["body"], guide_pks, key)}}
        resolved.append(item)
    return resolved


def _content_hash(fields: dict[str, Any]) -> str:
    prepared = {
        name: value.get_prep_value() if isinstance(value, StreamValue) else value for name, value in fields.items()
    }
    payload = json.dumps({"v": LOADER_VERSION, "fields": prepared}, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()


# --- deciding and writing ---------------------------------------------------------


@dataclass
class LoadResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    skipped_items: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": self.skipped,
            "skipped_items": list(self.skipped_items),
        }


def _marker(instance: models.Model) -> dict[str, Any] | None:
    """The loader's marker if the newest log entry for ``instance`` is one, else None."""
    latest = registry.get_logs_for_instance(instance).order_by("-timestamp", "-id").first()
    if latest is None or not isinstance(latest.data, dict) or latest.data.get("source") != SOURCE:
        return None
    return latest.data


def _decide(instance: models.Model, content_hash: str, *, force: bool, up_to_date: bool = True) -> str:
    marker = _marker(instance)
    if marker is not None and marker.get("content_hash") == content_hash and up_to_date:
        return "unchanged"
    if marker is not None or force:
        return "update"
    return "skip"


def _log(instance: models.Model, action: str, content_hash: str, *, revision: Any = None, published: bool) -> None:
    data = {"source": SOURCE, "content_hash": content_hash, "published": published}
    log(instance=instance, action=action, data=data, revision=revision, content_changed=True)


def _write_page(
    *,
    parent: Page,
    model: type[Page],
    slug: str,
    fields: dict[str, Any],
    publish: bool,
    force: bool,
    result: LoadResult,
) -> Page:
    """Create or update one page under ``parent`` and return the specific page."""
    content_hash = _content_hash(fields)
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(**fields, live=False)
        parent.add_child(instance=page)
        log(instance=page, action="wagtail.create", data={"source": SOURCE})
        _save_revision(page, content_hash, publish=publish)
        result.created += 1
        return page

    up_to_date = not publish or (page.live and not page.has_unpublished_changes)
    decision = _decide(page, content_hash, force=force, up_to_date=up_to_date)
    if decision == "unchanged":
        result.unchanged += 1
    elif decision == "skip":
        result.skipped += 1
        result.skipped_items.append(page.url_path)
    else:
        for name, value in fields.items():
            setattr(page, name, value)
        _save_revision(page, content_hash, publish=publish)
        result.updated += 1
    return page


def _save_revision(page: Page, content_hash: str, *, publish: bool) -> None:
    page.full_clean()
    revision = page.save_revision(log_action=False)
    if publish:
        revision.publish(log_action=False)
        page.refresh_from_db()
        _log(page, "wagtail.publish", content_hash, revision=revision, published=True)
    else:
        _log(page, "wagtail.edit", content_hash, revision=revision, published=False)


def _guide_fields(spec: dict[str, Any]) -> dict[str, Any]:
    slug = spec["slug"]
    key = f"guide/{slug}"
    return {
        "platform": spec["platform"],
        "slug": slug,
        "summary": spec["summary"],
        "evidence_first": _stream(TakedownGuide, "evidence_first", _items(spec["evidence_first"], "item"), key),
        "steps": _stream(TakedownGuide, "steps", _items(spec["steps"], "step"), key),
        "links": _stream(TakedownGuide, "links", _items(spec.get("links", []), "link"), key),
        "account_needed": spec.get("account_needed", False),
        "account_note": spec.get("account_note", ""),
        "works_with_stopncii": spec.get("works_with_stopncii", False),
        "language_notes": spec.get("language_notes", ""),
        "report_text_en": spec.get("report_text_en", ""),
    }


def _load_guides(*, force: bool, result: LoadResult) -> dict[str, int]:
    pks = {}
    for spec in GUIDES:
        fields = _guide_fields(spec)
        content_hash = _content_hash(fields)
        guide = TakedownGuide.objects.filter(slug=spec["slug"]).first()
        if guide is None:
            guide = TakedownGuide(**fields)
            guide.full_clean()
            guide.save()
            _log(guide, "wagtail.create", content_hash, published=True)
            result.created += 1
        else:
            decision = _decide(guide, content_hash, force=force)
            if decision == "unchanged":
                result.unchanged += 1
            elif decision == "skip":
                result.skipped += 1
                result.skipped_items.append(f"guide:{guide.slug}")
            else:
                for name, value in fields.items():
                    setattr(guide, name, value)
                guide.full_clean()
                guide.save()
                _log(guide, "wagtail.edit", content_hash, published=True)
                result.updated += 1
        pks[guide.slug] = guide.pk
    return pks


def course_load(*, publish: bool = True, force: bool = False) -> dict[str, Any]:
    """Create or update the training library, its modules and lessons, and the
    platform takedown guides from ``cms.content``, in one transaction.

    Pages and guides are matched by slug. New pages get a revision that is
    published (or left as a draft with ``publish=False``); guides are plain
    snippets and are always saved as they are. Objects changed in the admin since
    the last load are skipped unless ``force`` (see the module docstring).

    Returns counts: created, updated, unchanged, skipped (each object counts once),
    plus ``skipped_items`` and the totals in the content: modules, lessons, guides.
    """
    result = LoadResult()
    with transaction.atomic():
        # Serialises concurrent runs (on PostgreSQL) so nothing is created twice.
        root = Page.objects.select_for_update().get(depth=1)
        guide_pks = _load_guides(force=force, result=result)

        library = TrainingLibraryPage.objects.first()
        library_fields = {"title": LIBRARY["title"], "slug": LIBRARY["slug"], "intro": LIBRARY["intro"]}
        if library is None:
            library = _write_page(
                parent=root,
                model=TrainingLibraryPage,
                slug=LIBRARY["slug"],
                fields=library_fields,
                publish=publish,
                force=force,
                result=result,
            )
        else:
            library = _write_page(
                parent=library.get_parent(),
                model=TrainingLibraryPage,
                slug=library.slug,
                fields={**library_fields, "slug": library.slug},
                publish=publish,
                force=force,
                result=result,
            )

        lesson_total = 0
        for module_spec in MODULES:
            module_slug = module_spec["slug"]
            module_fields = {
                "title": module_spec["title"],
                "slug": module_slug,
                "intro": module_spec["intro"],
                "learning_goals": _stream(
                    ModulePage, "learning_goals", _items(module_spec["learning_goals"], "goal"), f"module/{module_slug}"
                ),
                "estimated_minutes": module_spec["estimated_minutes"],
                "audience": module_spec.get("audience", "all"),
                "pass_mark": module_spec["pass_mark"],
                "certificate_validity_months": module_spec["certificate_validity_months"],
            }
            module = _write_page(
                parent=library,
                model=ModulePage,
                slug=module_slug,
                fields=module_fields,
                publish=publish,
                force=force,
                result=result,
            )
            for lesson_spec in module_spec["lessons"]:
                key = f"lesson/{module_slug}/{lesson_spec['slug']}"
                body = _resolve_guides(lesson_spec["body"], guide_pks, key)
                lesson_fields = {
                    "title": lesson_spec["title"],
                    "slug": lesson_spec["slug"],
                    "summary": lesson_spec.get("summary", ""),
                    "body": _stream(LessonPage, "body", body, key),
                }
                _write_page(
                    parent=module,
                    model=LessonPage,
                    slug=lesson_spec["slug"],
                    fields=lesson_fields,
                    publish=publish,
                    force=force,
                    result=result,
                )
                lesson_total += 1

    return {**result.as_dict(), "modules": len(MODULES), "lessons": lesson_total, "guides": len(GUIDES)}
