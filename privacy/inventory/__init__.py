"""The data inventory: every stored field of every model, classified (see ``base``).

``INVENTORY`` maps a model's ``_meta.label_lower`` ("portal.user") to its fields'
classifications; the key ``"*"`` is the model default for fields not named. One
module per group of apps; a model appears in exactly one of them.
"""

from __future__ import annotations

from django.db.models import Model

from privacy.inventory import accounts, learning, referrals, requests, third_party
from privacy.inventory.base import Classified

MODULES = (accounts, referrals, learning, requests, third_party)


def _merged() -> dict[str, dict[str, Classified]]:
    merged: dict[str, dict[str, Classified]] = {}
    for module in MODULES:
        for label, fields in module.INVENTORY.items():
            if label in merged:
                raise ValueError(f"{label} is classified twice ({module.__name__})")
            merged[label] = fields
    return merged


INVENTORY: dict[str, dict[str, Classified]] = _merged()


def classification(label: str, field_name: str) -> Classified | None:
    """The classification of one field: its own, or the model default."""
    fields = INVENTORY.get(label)
    if fields is None:
        return None
    return fields.get(field_name) or fields.get("*")


def stored_fields() -> list[tuple[type[Model], str]]:
    """(model, field name) for every column (and many-to-many relation) a model
    declares in its own table: what the inventory must classify."""
    from django.apps import apps

    found: list[tuple[type[Model], str]] = []
    for model in sorted(apps.get_models(), key=lambda m: m._meta.label_lower):
        if model._meta.proxy or not model._meta.managed:
            continue
        # The model's own table: an inherited field (a Wagtail page's title) is the
        # parent's, classified there.
        found.extend((model, field.name) for field in model._meta.local_concrete_fields)
        found.extend((model, field.name) for field in model._meta.local_many_to_many)
    return found
