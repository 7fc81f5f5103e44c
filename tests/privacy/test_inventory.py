"""Every field the portal stores is classified: a new field cannot slip in unclassified."""

from __future__ import annotations

from privacy import inventory
from privacy.inventory import INVENTORY, classification
from privacy.inventory.activities import ACTIVITY_IDS
from privacy.inventory.base import Basis, Category, Retention, Subject


def stored_fields() -> list[tuple[str, str]]:
    return [(model._meta.label_lower, name) for model, name in inventory.stored_fields()]


def test_every_stored_field_is_classified():
    missing = [f"{label}.{name}" for label, name in stored_fields() if classification(label, name) is None]
    assert not missing, (
        f"{len(missing)} field(s) have no privacy classification: {missing[:30]}. "
        "Classify them in privacy/inventory/ (category, whose data, legal basis, retention)."
    )


def test_no_classification_names_a_field_that_does_not_exist():
    stored = set(stored_fields())
    models = {label for label, _name in stored}
    stale = [
        f"{label}.{name}"
        for label, fields in INVENTORY.items()
        for name in fields
        if name != "*" and (label not in models or (label, name) not in stored)
    ]
    assert not stale, f"classified but not stored (renamed or removed?): {stale}"


def test_personal_data_has_a_subject_a_basis_a_retention_rule_and_an_activity():
    wrong = []
    for label, fields in INVENTORY.items():
        for name, item in fields.items():
            if not item.is_personal:
                if (item.subject, item.basis, item.retention) != (
                    Subject.NOBODY,
                    Basis.NOT_PERSONAL,
                    Retention.NOT_PERSONAL,
                ):
                    wrong.append(f"{label}.{name}: not personal, yet a subject, basis or retention")
                continue
            if (
                item.subject == Subject.NOBODY
                or item.basis == Basis.NOT_PERSONAL
                or item.retention == Retention.NOT_PERSONAL
            ):
                wrong.append(f"{label}.{name}: personal data without subject, basis or retention")
            if item.activity not in ACTIVITY_IDS:
                wrong.append(f"{label}.{name}: unknown processing activity {item.activity!r}")
    assert not wrong, wrong


def test_special_categories_are_never_kept_longer_than_the_case():
    longer = [
        f"{label}.{name}"
        for label, fields in INVENTORY.items()
        for name, item in fields.items()
        if item.category in (Category.SEXUAL_LIFE, Category.CRIMINAL, Category.FREE_TEXT)
        and item.retention != Retention.CASE
    ]
    assert not longer, f"special-category data outside the case's retention: {longer}"


def test_victim_contact_details_are_encrypted():
    contact = [
        f"{label}.{name}"
        for label, fields in INVENTORY.items()
        for name, item in fields.items()
        if item.subject == Subject.VICTIM and item.category == Category.IDENTITY and not item.encrypted
    ]
    assert not contact, f"a victim's contact details stored unencrypted: {contact}"
