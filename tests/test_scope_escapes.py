"""Every way out of the tenant scope is on a short, named list.

Tenant rows are read through django-scopes managers: outside an organisation's scope a
query raises, so a forgotten filter cannot leak another organisation's rows. The
escape, ``scopes_disabled()``, is needed where a read is across tenants by nature (a
token that is the credential, a person's own memberships, a sweep over every
organisation). Each module that escapes is listed here with how many times and why; a
new escape fails this test until someone adds it here, with its reason, in review.
Seed, demo and migration code are outside production and not counted. A worker task
about one organisation uses ``portal.tenant_tasks.TenantTask`` instead of an escape.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION = ("portal", "messaging", "sso", "privacy", "cms", "training", "referrals", "reporting", "signalenwijzer")

ALLOWED: dict[str, tuple[int, str]] = {
    "portal/tenancy.py": (1, "the platform staff in the Django and Wagtail admin see across tenants"),
    "portal/selectors.py": (4, "a person's own memberships across organisations (switching, the menu)"),
    "portal/services.py": (
        4,
        "an invitation looked up by its token; a user's own roles; old invitations deleted (and their audit "
        "rows' addresses); accounts without a membership in any organisation deleted",
    ),
    "portal/exports/jobs.py": (8, "export jobs claimed, retried and expired by workers for every organisation"),
    "messaging/reminders.py": (5, "the reminder sweep and delivery over every organisation's due rows"),
    "messaging/services.py": (1, "a platform administrator sets failed reminders of any organisation back"),
    "messaging/notices.py": (1, "notifications written for the referrer while a partner acts in its own scope"),
    "messaging/digest.py": (1, "the weekly digest planned for the coordinators of every organisation"),
    "referrals/messages.py": (2, "follow-up days of the case's organisation; the referrer's handlers told"),
    "referrals/cases/referral_services.py": (
        5,
        "a referral is shared by referrer, partner and municipality: locked, its consent and contact read "
        "by id after the caller was checked as a party; the partner's inbox mailed; a one-time link's token",
    ),
    "referrals/selectors.py": (2, "a user's own roles; the referrer's contact shown to a party of the referral"),
    "referrals/settings/services.py": (2, "follow-ups of open cases moved; retention settings across organisations"),
    "referrals/admin.py": (1, "a local rule checked against its organisation's destinations in the admin"),
    "referrals/tasks.py": (1, "which organisations have closed cases (the retention fan-out)"),
    "referrals/management/commands/rotate_field_keys.py": (1, "re-encrypting every organisation's contact data"),
    "reporting/rollups.py": (1, "the nightly rollups count every organisation"),
    "reporting/selectors.py": (1, "area training coverage counted (never listed) over the area's organisations"),
    "cms/selectors.py": (1, "a user's own memberships decide a document's access"),
    "cms/permissions.py": (1, "an editor's own memberships decide which pages they may edit"),
}


def escapes(source: str) -> int:
    """How many times ``scopes_disabled`` is called (``with``, decorator, anywhere)."""
    count = 0
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            count += name == "scopes_disabled"
    return count


def found() -> dict[str, int]:
    counts = {}
    for package in PRODUCTION:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            number = escapes(path.read_text(encoding="utf-8"))
            if number:
                counts[path.relative_to(ROOT).as_posix()] = number
    return counts


def test_every_scope_escape_is_on_the_list_with_its_reason():
    actual = found()
    listed = {module: number for module, (number, _reason) in ALLOWED.items()}
    new = {module: n for module, n in actual.items() if n > listed.get(module, 0)}
    assert not new, (
        f"scopes_disabled() added in {new}: read in the organisation's scope instead, use TenantTask for a "
        "task, or add the module to ALLOWED in tests/test_scope_escapes.py with the reason"
    )
    gone = {
        module: (listed[module], actual.get(module, 0)) for module in listed if actual.get(module, 0) < listed[module]
    }
    assert not gone, f"fewer escapes than listed (listed, found) in {gone}: lower the count in ALLOWED"


def test_the_counter_sees_every_form_of_the_escape():
    source = (
        "from django_scopes import scopes_disabled\n"
        "import django_scopes\n"
        "@scopes_disabled()\n"
        "def a(): pass\n"
        "def b():\n"
        "    with scopes_disabled(), other():\n"
        "        pass\n"
        "    with django_scopes.scopes_disabled():\n"
        "        pass\n"
        "# scopes_disabled() in a comment does not count\n"
    )
    assert escapes(source) == 3
    assert all(reason for _number, reason in ALLOWED.values())
