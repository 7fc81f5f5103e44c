"""Helpers shared by the portal suites and others: the strict-CSP check every page
must pass, ``manage.py check`` in a clean environment with production's variables,
and an invitation with a known token (the fixtures that use them live in conftest.py)."""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import secrets
import string
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import openpyxl
from django_scopes import scopes_disabled

from portal.models import ExportJob
from portal.roles import Role
from tests.factories import InvitationFactory

# --- Content-Security-Policy ------------------------------------------------------------

NONCE_RE = re.compile(r"'nonce-([^']+)'")
TAG_RE = re.compile(r"<(script|style)\b([^>]*)>", re.IGNORECASE)
# <script type="application/json"> is data, never run; CSP does not apply to it.
DATA_BLOCK_RE = re.compile(r'\stype="application/(?:ld\+)?json"', re.IGNORECASE)
INLINE_HANDLER_RE = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.IGNORECASE)


def directives(header: str) -> dict[str, list[str]]:
    parsed = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            parsed[words[0]] = words[1:]
    return parsed


def assert_strict_csp(response, label: str) -> None:
    header = response.get("Content-Security-Policy")
    assert header, f"{label}: no Content-Security-Policy header"
    policy = directives(header)
    script_src = policy.get("script-src", policy.get("default-src", []))
    assert "'unsafe-inline'" not in script_src, f"{label}: {header}"
    assert "'unsafe-eval'" not in script_src, f"{label}: {header}"
    assert "'unsafe-inline'" not in policy.get("style-src", []), f"{label}: {header}"
    nonces = NONCE_RE.findall(" ".join(script_src))
    assert len(nonces) == 1, f"{label}: no nonce in script-src: {header}"
    nonce = nonces[0]
    assert len(nonce) >= 16

    body = response.content.decode()
    base_script = re.search(r"<script\b[^>]*htmx\.min\.js[^>]*>", body)
    assert base_script, f"{label}: base.html's <script> is missing"
    assert f'nonce="{nonce}"' in base_script.group(0), f"{label}: base.html's <script> nonce differs from the header's"
    for kind, attrs in TAG_RE.findall(body):
        match = re.search(r'\snonce="([^"]*)"', attrs)
        if match:
            assert match.group(1) == nonce, f"{label}: <{kind}{attrs}> nonce differs from the header's"
            continue
        src = re.search(r'\ssrc="([^"]*)"', attrs)
        if src:
            # External scripts are allowed by 'self' only: same origin, no CDN.
            assert src.group(1).startswith("/") and not src.group(1).startswith("//"), f"{label}: <{kind}{attrs}>"
        elif not DATA_BLOCK_RE.search(attrs):
            raise AssertionError(f"{label}: inline <{kind}{attrs}> has no nonce")
    assert not INLINE_HANDLER_RE.search(body), f"{label}: inline event handler"


# --- Settings -------------------------------------------------------------------------

BASE_DIR = Path(__file__).resolve().parents[2]


def good_secret_key() -> str:
    alphabet = string.ascii_letters + string.digits + "!@#%^&*(-_=+)"
    return "".join(secrets.choice(alphabet) for _ in range(60))


def run_check(tmp_path: Path, *args: str, **variables: str) -> subprocess.CompletedProcess[str]:
    """``manage.py check`` in a clean environment: only what the test passes in."""
    environment = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "LANG": "C.UTF-8",
        "PYTHONDONTWRITEBYTECODE": "1",
        "VAR_DIR": str(tmp_path / "var"),
        **variables,
    }
    return subprocess.run(
        [sys.executable, "manage.py", "check", *args],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def production(**overrides: str) -> dict[str, str]:
    variables = {
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": good_secret_key(),
        "ALLOWED_HOSTS": "portal.example.nl",
        "DATABASE_URL": "sqlite:////tmp/x.sqlite3",
        "REDIS_URL": "redis://127.0.0.1:6379/0",
        "FIELD_ENCRYPTION_KEYS": "i0n2b-ZmAArQFOPyyZYlmzrO_XtjE4a0YWr72w0JEfs=",
        "PSEUDONYM_KEY": good_secret_key(),
    }
    variables.update(overrides)
    return {k: v for k, v in variables.items() if v is not None}


# --- Invitations ----------------------------------------------------------------------


def make_invitation(organisation, *, email: str = "nieuw@example.org", role: Role = Role.LEARNER, **extra):
    """An open invitation and its raw token (only the hash is stored, as in the service)."""
    token = secrets.token_urlsafe(32)
    invitation = InvitationFactory(
        organisation=organisation,
        email=email,
        role=role,
        token_hash=hashlib.sha256(token.encode()).hexdigest(),
        **extra,
    )
    return invitation, token


# --- Exports: what the export tests of every app read ---------------------------------

AMS = ZoneInfo("Europe/Amsterdam")


def export_start_url(organisation) -> str:
    return f"/o/{organisation.slug}/dashboard/export/"


def at(day: int, month: int = 6, hour: int = 10) -> datetime:
    """A moment in June 2026, Amsterdam time."""
    return datetime(2026, month, day, hour, 0, tzinfo=AMS)


def csv_text_rows(text: str) -> list[list[str]]:
    """The rows of an export's CSV text (with its byte-order mark, ';'-separated)."""
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def xlsx_sheet(content: bytes):
    return openpyxl.load_workbook(io.BytesIO(content)).active


def reload_job(job) -> ExportJob:
    with scopes_disabled():
        return ExportJob.objects.get(pk=job.pk)
