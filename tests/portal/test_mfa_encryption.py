"""The second factors' secrets are stored encrypted with FIELD_ENCRYPTION_KEYS
(portal.adapters.MFAAdapter), the old plaintext rows are encrypted by a migration, and
rotating the keys keeps every factor working."""

from __future__ import annotations

import importlib
import io

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from cryptography.fernet import Fernet
from django.apps import apps
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection

from portal import crypto
from portal.roles import Role
from tests.factories import TEST_PASSWORD, TEST_TOTP_SECRET
from tests.helpers import totp_code

pytestmark = pytest.mark.django_db

OLD, NEW = Fernet.generate_key().decode(), Fernet.generate_key().decode()
migration = importlib.import_module("portal.migrations.0012_mfa_secrets_encrypted")


def stored_data(authenticator: Authenticator) -> dict:
    """The JSON as the database holds it (no model code in between)."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT data FROM {Authenticator._meta.db_table} WHERE id = %s", [authenticator.pk])  # noqa: S608
        raw = cursor.fetchone()[0]
    return Authenticator._meta.get_field("data").from_db_value(raw, None, connection)


def sign_in(client, email: str, code: str):
    response = client.post("/accounts/login/", {"login": email, "password": TEST_PASSWORD})
    assert response["Location"] == "/accounts/2fa/authenticate/"
    return client.post("/accounts/2fa/authenticate/", {"code": code})


def signed_in_as(client, user) -> bool:
    return client.session.get("_auth_user_id") == str(user.pk)


def test_a_secret_set_up_in_the_portal_is_stored_encrypted_and_its_codes_work(client, org, member_factory):
    member = member_factory(org, Role.CASE_HANDLER, mfa=False, email="nieuw@example.org")
    client.post("/accounts/login/", {"login": "nieuw@example.org", "password": TEST_PASSWORD})
    setup = client.get("/accounts/2fa/totp/activate/")
    setup = client.post(setup["Location"], {"password": TEST_PASSWORD}, follow=True)
    secret = setup.context["form"].secret
    assert client.post("/accounts/2fa/totp/activate/", {"code": totp_code(secret)}).status_code == 302

    totp = Authenticator.objects.get(user=member.user, type=Authenticator.Type.TOTP)
    stored = stored_data(totp)["secret"]
    assert secret not in stored
    assert crypto.looks_encrypted(stored)
    assert crypto.decrypt(stored) == secret

    # Signing in again with the app's code works (the used-code record cleared, as 30 s later).
    client.logout()
    cache.clear()
    assert sign_in(client, "nieuw@example.org", totp_code(secret)).status_code == 302
    assert signed_in_as(client, member.user)


def test_login_with_a_code_and_a_wrong_code(client, org, member_factory):
    member = member_factory(org, Role.CASE_HANDLER, mfa=True, email="vera@example.org")
    stored = stored_data(Authenticator.objects.get(user=member.user, type=Authenticator.Type.TOTP))["secret"]
    assert stored != TEST_TOTP_SECRET
    assert TEST_TOTP_SECRET not in str(stored_data(Authenticator.objects.get(user=member.user)))

    wrong = "000000" if totp_code() != "000000" else "111111"
    assert sign_in(client, "vera@example.org", wrong).status_code == 200
    assert not signed_in_as(client, member.user)
    assert client.post("/accounts/2fa/authenticate/", {"code": totp_code()}).status_code == 302
    assert signed_in_as(client, member.user)


def test_recovery_codes_are_stored_encrypted_and_still_work(client, org, member_factory):
    member = member_factory(org, Role.CASE_HANDLER, mfa=True, email="vera@example.org")
    codes = RecoveryCodes.activate(member.user)
    unused = codes.get_unused_codes()
    seed = stored_data(codes.instance)["seed"]
    assert crypto.looks_encrypted(seed)
    assert len(crypto.decrypt(seed)) == 80  # allauth's seed: 40 random bytes in hex

    assert sign_in(client, "vera@example.org", unused[0]).status_code == 302
    assert signed_in_as(client, member.user)
    assert unused[0] not in RecoveryCodes(Authenticator.objects.get(pk=codes.instance.pk)).get_unused_codes()


def test_rotation_moves_the_secrets_to_the_new_key(client, settings, org, member_factory):
    settings.FIELD_ENCRYPTION_KEYS = [OLD]
    member = member_factory(org, Role.CASE_HANDLER, mfa=True, email="vera@example.org")
    recovery = RecoveryCodes.activate(member.user)
    code = recovery.get_unused_codes()[0]
    totp = Authenticator.objects.get(user=member.user, type=Authenticator.Type.TOTP)
    before = stored_data(totp)["secret"], stored_data(recovery.instance)["seed"]

    # The new key first, the old one still listed: both factors work before the rotation...
    settings.FIELD_ENCRYPTION_KEYS = [NEW, OLD]
    out, err = io.StringIO(), io.StringIO()
    call_command("rotate_field_keys", stdout=out, stderr=err)
    assert "mfa.Authenticator: 2 of 2 rows re-encrypted" in out.getvalue()
    assert err.getvalue() == ""
    after = stored_data(totp)["secret"], stored_data(recovery.instance)["seed"]
    assert after[0] != before[0] and after[1] != before[1]
    assert crypto.is_current(after[0]) and crypto.is_current(after[1])

    # ... and after it, with the old key gone.
    settings.FIELD_ENCRYPTION_KEYS = [NEW]
    assert sign_in(client, "vera@example.org", totp_code()).status_code == 302
    assert signed_in_as(client, member.user)
    client.logout()
    assert sign_in(client, "vera@example.org", code).status_code == 302
    assert signed_in_as(client, member.user)

    # A second run finds nothing to do.
    out = io.StringIO()
    call_command("rotate_field_keys", stdout=out)
    assert "mfa.Authenticator: 0 of 2 rows re-encrypted" in out.getvalue()
    assert (stored_data(totp)["secret"], stored_data(recovery.instance)["seed"]) == after


def test_rotation_reports_a_secret_no_key_decrypts_and_goes_on(settings, org, member_factory):
    settings.FIELD_ENCRYPTION_KEYS = [OLD]
    lost = member_factory(org, Role.CASE_HANDLER, mfa=True)
    settings.FIELD_ENCRYPTION_KEYS = [NEW]
    kept = member_factory(org, Role.CASE_HANDLER, mfa=True)
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode(), NEW]
    out, err = io.StringIO(), io.StringIO()
    call_command("rotate_field_keys", stdout=out, stderr=err)
    assert "mfa.Authenticator: 1 of 2 rows re-encrypted" in out.getvalue()
    assert "1 rows no key" in err.getvalue()
    assert crypto.is_current(stored_data(Authenticator.objects.get(user=kept.user))["secret"])
    assert not crypto.is_current(stored_data(Authenticator.objects.get(user=lost.user))["secret"])


def test_the_migration_encrypts_plaintext_secrets_once(org, member_factory):
    """Rows from before the adapter (plaintext, as allauth's default stored them)."""
    member = member_factory(org, Role.CASE_HANDLER, mfa=True)
    totp = Authenticator.objects.get(user=member.user, type=Authenticator.Type.TOTP)
    Authenticator.objects.filter(pk=totp.pk).update(data={"secret": TEST_TOTP_SECRET})
    recovery = Authenticator.objects.create(
        user=member.user,
        type=Authenticator.Type.RECOVERY_CODES,
        data={"seed": "ab" * 40, "used_mask": 3, "migrated_codes": ["12345678", "87654321"]},
    )
    passkey = Authenticator.objects.create(
        user=member.user, type=Authenticator.Type.WEBAUTHN, data={"credential": {"id": "public"}, "passwordless": True}
    )

    migration.encrypt_secrets(apps, None)
    first = {row.pk: stored_data(row) for row in (totp, recovery, passkey)}
    assert crypto.decrypt(first[totp.pk]["secret"]) == TEST_TOTP_SECRET
    assert crypto.decrypt(first[recovery.pk]["seed"]) == "ab" * 40
    assert [crypto.decrypt(c) for c in first[recovery.pk]["migrated_codes"]] == ["12345678", "87654321"]
    assert first[recovery.pk]["used_mask"] == 3
    assert first[passkey.pk] == {"credential": {"id": "public"}, "passwordless": True}

    # Idempotent: encrypted values are left alone (not encrypted twice).
    migration.encrypt_secrets(apps, None)
    assert {row.pk: stored_data(row) for row in (totp, recovery, passkey)} == first

    # The migrated secret signs in.
    client_code = totp_code()
    assert Authenticator.objects.get(pk=totp.pk).wrap().validate_code(client_code)

    # Backwards: plaintext again.
    migration.decrypt_secrets(apps, None)
    assert stored_data(totp) == {"secret": TEST_TOTP_SECRET}


def test_the_demo_code_opens_a_demo_account(settings, org, member_factory):
    """``manage.py demo_totp`` computes the code from the demo secret; the demo seed
    stores that secret through allauth, so encrypted: the code must still fit."""
    from allauth.mfa.totp.internal.auth import TOTP

    from demo.totp import DEMO_TOTP_SECRET, demo_code

    user = member_factory(org, Role.CASE_HANDLER, mfa=False).user
    authenticator = TOTP.activate(user, DEMO_TOTP_SECRET).instance  # as demo/accounts.py does
    assert crypto.looks_encrypted(stored_data(authenticator)["secret"])
    assert authenticator.wrap().validate_code(demo_code(settings))
