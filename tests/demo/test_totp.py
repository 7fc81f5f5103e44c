"""`manage.py demo_totp` prints the demo accounts' code without starting Django, and
the code is the one allauth accepts."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from allauth.mfa import app_settings
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.core.management import CommandError, call_command

from demo.totp import DEMO_TOTP_SECRET, demo_code, totp_code

BASE_DIR = Path(__file__).resolve().parents[2]


def run_demo_totp(*args: str, settings_module: str = "portal.settings.dev") -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": settings_module}
    return subprocess.run(
        [sys.executable, *args, "manage.py", "demo_totp"],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("at", [0, 59, 1_111_111_109, 1_234_567_890, 2_000_000_000, 20_000_000_000])
def test_code_is_the_one_allauth_accepts(at):
    counter = at // app_settings.TOTP_PERIOD
    assert totp_code(DEMO_TOTP_SECRET, at=at) == format_hotp_value(hotp_value(DEMO_TOTP_SECRET, counter))


def test_rfc_6238_test_vectors():
    secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"  # b"12345678901234567890", the RFC's SHA-1 key
    assert totp_code(secret, at=59, digits=8) == "94287082"
    assert totp_code(secret, at=1_111_111_109, digits=8) == "07081804"
    assert totp_code(secret, at=2_000_000_000, digits=8) == "69279037"


def test_manage_py_answers_without_starting_django():
    """The fast path imports the settings module and nothing of Django's apps: the slow
    part of the old command (Wagtail, allauth, the app registry) is never loaded."""
    before = time.time()
    result = run_demo_totp("-X", "importtime")
    after = time.time()
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() in {demo_code(object(), at=before), demo_code(object(), at=after)}
    imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")}
    assert not {name for name in imported if name.split(".")[0] in {"wagtail", "allauth", "rest_framework"}}


def test_manage_py_refuses_other_settings():
    result = run_demo_totp(settings_module="portal.settings.test")
    assert result.returncode == 1
    assert result.stderr.strip() == "CommandError: demo_totp works only with the demo settings."
    assert result.stdout == ""


def test_the_django_command_gives_the_same_code(settings, capsys):
    settings.DEMO_MODE = True
    before = time.time()
    call_command("demo_totp")
    after = time.time()
    assert capsys.readouterr().out.strip() in {demo_code(settings, at=before), demo_code(settings, at=after)}
    settings.DEMO_MODE = False
    with pytest.raises(CommandError, match="demo settings"):
        call_command("demo_totp")
