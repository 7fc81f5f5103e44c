"""Field encryption: keys from FIELD_ENCRYPTION_KEYS, rotation with rotate_field_keys,
and production refusing to start without keys."""

from __future__ import annotations

import io

import pytest
from cryptography.fernet import Fernet, InvalidToken
from django.core.management import call_command
from django.db import connection
from django_scopes import scope

from referrals import crypto, services
from referrals.models import VictimContact
from tests.portal.helpers import production, run_check
from tests.referrals.factories import CaseFactory

OLD, NEW = Fernet.generate_key().decode(), Fernet.generate_key().decode()


def stored_phone(pk: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT phone FROM {VictimContact._meta.db_table} WHERE id = %s", [pk])  # noqa: S608
        return cursor.fetchone()[0]


def test_round_trip_and_fresh_iv(settings):
    settings.FIELD_ENCRYPTION_KEYS = [NEW]
    first, second = crypto.encrypt("06-1"), crypto.encrypt("06-1")
    assert first != second  # a random IV: equal values do not look equal
    assert crypto.decrypt(first) == "06-1"
    settings.FIELD_ENCRYPTION_KEYS = [OLD]
    with pytest.raises(InvalidToken):
        crypto.decrypt(first)


@pytest.mark.django_db
def test_rotate_field_keys_moves_rows_to_the_new_key(settings, org, case_handler):
    settings.FIELD_ENCRYPTION_KEYS = [OLD]
    contacts = []
    with scope(organisation=org):
        for number in range(3):
            case = CaseFactory(organisation=org, handler=case_handler.user, consent_contact=True)
            contacts.append(services.victim_contact_set(actor_membership=case_handler, case=case, phone=f"06-{number}"))
    before = {c.pk: stored_phone(c.pk) for c in contacts}

    settings.FIELD_ENCRYPTION_KEYS = [NEW, OLD]
    out = io.StringIO()
    call_command("rotate_field_keys", "--batch-size", "2", stdout=out)
    assert "3 of 3 rows re-encrypted" in out.getvalue()
    after = {c.pk: stored_phone(c.pk) for c in contacts}
    assert all(after[pk] != before[pk] for pk in before)

    # Idempotent: a second run finds nothing to do.
    out = io.StringIO()
    call_command("rotate_field_keys", stdout=out)
    assert "0 of 3 rows re-encrypted" in out.getvalue()
    assert {c.pk: stored_phone(c.pk) for c in contacts} == after

    # The old key can go now.
    settings.FIELD_ENCRYPTION_KEYS = [NEW]
    with scope(organisation=org):
        assert sorted(VictimContact.objects.values_list("phone", flat=True)) == ["06-0", "06-1", "06-2"]


@pytest.mark.django_db
def test_rotate_without_the_old_key_fails_loudly(settings, org, case_handler):
    settings.FIELD_ENCRYPTION_KEYS = [OLD]
    with scope(organisation=org):
        case = CaseFactory(organisation=org, handler=case_handler.user, consent_contact=True)
        services.victim_contact_set(actor_membership=case_handler, case=case, phone="06-9")
    settings.FIELD_ENCRYPTION_KEYS = [NEW]
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="no key"):
        call_command("rotate_field_keys", stdout=io.StringIO())


@pytest.mark.parametrize("value", [None, "geen-sleutel"], ids=["missing", "invalid"])
def test_production_requires_field_encryption_keys(value, tmp_path):
    result = run_check(tmp_path, "--deploy", **production(FIELD_ENCRYPTION_KEYS=value))
    assert result.returncode != 0
    assert "FIELD_ENCRYPTION_KEYS" in result.stderr
    assert "Traceback" not in result.stderr
