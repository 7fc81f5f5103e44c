"""Dutch by default, English switchable, every string translatable.

The English catalogue ``locale/en/LC_MESSAGES/django.po`` must hold every string
marked in the code, each translated and none fuzzy, and the committed ``django.mo``
must match it. After changing strings run ``make messages`` and translate the new
entries in the .po (``make messages`` compiles the .mo too).
"""

from __future__ import annotations

import ast
import gettext
import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils.translation.template import templatize

pytestmark = pytest.mark.django_db

BASE_DIR = Path(settings.BASE_DIR)
PO_PATH = BASE_DIR / "locale" / "en" / "LC_MESSAGES" / "django.po"
MO_PATH = PO_PATH.with_suffix(".mo")
# The same ignores as ``make messages``; cms/content is CMS page content and stays Dutch.
IGNORED_DIRS = {".venv", "node_modules", "var", "static/vendor", "cms/content"}
HOW_TO_FIX = (
    "Run `make messages` (makemessages -l en, then compilemessages) and translate the new or "
    "changed entries in locale/en/LC_MESSAGES/django.po into plain English (no fuzzy flags left)."
)


# --- A small .po reader (no polib) -------------------------------------------------

_UNESCAPE = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}


def _unquote(text: str) -> str:
    body = text.strip()[1:-1]
    return re.sub(r"\\(.)", lambda m: _UNESCAPE.get(m.group(1), m.group(1)), body)


def read_po(path: Path) -> list[dict]:
    """Entries as dicts: msgctxt, msgid, msgid_plural, msgstr ({index: text}), flags, line."""
    entries: list[dict] = []
    entry: dict | None = None
    field: tuple[str, int] | None = None

    def start(line_no: int) -> dict:
        return {"msgctxt": None, "msgid": None, "msgid_plural": None, "msgstr": {}, "flags": set(), "line": line_no}

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#~"):  # blank, or an obsolete entry
            if entry is not None and entry["msgid"] is not None:
                entries.append(entry)
            entry, field = None, None
            continue
        if entry is None:
            entry = start(number)
        if line.startswith("#,"):
            entry["flags"].update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            if field is None:
                raise ValueError(f"{path}:{number}: continuation line without a keyword")
            name, index = field
            if name == "msgstr":
                entry["msgstr"][index] += _unquote(line)
            else:
                entry[name] += _unquote(line)
        else:
            match = re.match(r'(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])?\s+(".*")$', line)
            if match is None:
                raise ValueError(f"{path}:{number}: cannot read {raw!r}")
            name, index, value = match.group(1), int(match.group(2) or 0), _unquote(match.group(3))
            if name == "msgstr":
                entry["msgstr"][index] = value
            else:
                entry[name] = value
            field = (name, index)
    if entry is not None and entry["msgid"] is not None:
        entries.append(entry)
    return entries


def _key(entry: dict) -> tuple[str | None, str]:
    return entry["msgctxt"], entry["msgid"]


def _label(entry: dict) -> str:
    context = f" (context {entry['msgctxt']!r})" if entry["msgctxt"] else ""
    return f"line {entry['line']}: {entry['msgid']!r}{context}"


@pytest.fixture(scope="module")
def po_entries() -> list[dict]:
    assert PO_PATH.exists(), f"{PO_PATH} is missing. {HOW_TO_FIX}"
    return [entry for entry in read_po(PO_PATH) if entry["msgid"]]  # without the header


# --- Which strings the code marks (what makemessages would extract) -----------------

PY_KEYWORDS = {  # xgettext's Python keywords plus Django's: name -> (context arg, msgid arg, plural arg)
    "_": (None, 0, None),
    "gettext": (None, 0, None),
    "gettext_lazy": (None, 0, None),
    "gettext_noop": (None, 0, None),
    "ngettext": (None, 0, 1),
    "ngettext_lazy": (None, 0, 1),
    "pgettext": (0, 1, None),
    "pgettext_lazy": (0, 1, None),
    "npgettext": (0, 1, 2),
    "npgettext_lazy": (0, 1, 2),
}
TEMPLATE_CALL = re.compile(r"\b(npgettext|pgettext|ngettext|gettext)\(")
STRING_LITERAL = re.compile(r"""\s*,?\s*(u?(?:'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"))""")


def _source_files() -> list[Path]:
    found = []
    for directory, dirnames, filenames in os.walk(BASE_DIR):
        relative = Path(directory).relative_to(BASE_DIR).as_posix()
        dirnames[:] = sorted(
            name
            for name in dirnames
            if not name.startswith(".") and (f"{relative}/{name}" if relative != "." else name) not in IGNORED_DIRS
        )
        found += [Path(directory) / name for name in sorted(filenames) if name.endswith((".py", ".html", ".txt"))]
    return found


def _python_msgids(path: Path) -> set[tuple[str | None, str]]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
        if name not in PY_KEYWORDS:
            continue
        context_at, msgid_at, _plural_at = PY_KEYWORDS[name]
        args = node.args
        literal = [isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args]
        if len(args) <= msgid_at or not literal[msgid_at] or (context_at is not None and not literal[context_at]):
            continue
        context = args[context_at].value if context_at is not None else None
        found.add((context, args[msgid_at].value))
    return found


def _template_msgids(path: Path) -> set[tuple[str | None, str]]:
    found = set()
    source = templatize(path.read_text(encoding="utf-8"), origin=str(path))
    for call in TEMPLATE_CALL.finditer(source):
        strings, position = [], call.end()
        while (match := STRING_LITERAL.match(source, position)) is not None:
            strings.append(ast.literal_eval(match.group(1)))
            position = match.end()
        if call.group(1).startswith(("p", "np")):
            found.add((strings[0], strings[1]))
        elif strings:
            found.add((None, strings[0]))
    return found


def marked_strings() -> set[tuple[str | None, str]]:
    found: set[tuple[str | None, str]] = set()
    for path in _source_files():
        found |= _python_msgids(path) if path.suffix == ".py" else _template_msgids(path)
    found.discard((None, ""))
    return found


# --- The catalogue -----------------------------------------------------------------


def test_every_marked_string_is_in_the_english_catalogue(po_entries):
    in_catalogue = {_key(entry) for entry in po_entries}
    missing = sorted(marked_strings() - in_catalogue, key=lambda key: key[1])
    assert not missing, f"{len(missing)} marked string(s) are not in {PO_PATH.name}: {missing[:20]}. {HOW_TO_FIX}"


def test_english_catalogue_is_fully_translated(po_entries):
    untranslated = [_label(e) for e in po_entries if not e["msgstr"] or not all(e["msgstr"].values())]
    fuzzy = [_label(e) for e in po_entries if "fuzzy" in e["flags"]]
    assert not untranslated, f"{len(untranslated)} untranslated entries: {untranslated[:20]}. {HOW_TO_FIX}"
    assert not fuzzy, f"{len(fuzzy)} fuzzy entries (check and remove the flag): {fuzzy[:20]}. {HOW_TO_FIX}"


def test_english_translations_keep_their_placeholders(po_entries):
    placeholder = re.compile(r"%\(\w+\)[sd]|\{\{.*?\}\}")
    wrong = []
    for entry in po_entries:
        sources = [entry["msgid"], entry["msgid_plural"] or entry["msgid"]]
        for index, text in entry["msgstr"].items():
            source = sources[min(index, 1)]
            if sorted(set(placeholder.findall(text))) != sorted(set(placeholder.findall(source))):
                wrong.append(_label(entry))
            if ("python-format" in entry["flags"]) and text.replace("%%", "").count("%") != len(
                re.findall(r"%\(\w+\)[sd]", text)
            ):
                wrong.append(f"{_label(entry)}: a lone % must be written %%")
    assert not wrong, f"translations that lose or change a placeholder: {wrong}"


def test_compiled_catalogue_matches_the_po(po_entries):
    assert MO_PATH.exists(), f"{MO_PATH} is missing: run `make messages` (or manage.py compilemessages)."
    with MO_PATH.open("rb") as handle:
        catalogue = gettext.GNUTranslations(handle)._catalog  # type: ignore[attr-defined]
    expected: dict[object, str] = {}
    for entry in po_entries:
        msgid = f"{entry['msgctxt']}\x04{entry['msgid']}" if entry["msgctxt"] else entry["msgid"]
        if entry["msgid_plural"] is None:
            expected[msgid] = entry["msgstr"][0]
        else:
            expected.update({(msgid, index): text for index, text in entry["msgstr"].items()})
    compiled = {key: value for key, value in catalogue.items() if key != ""}
    stale = sorted(str(key) for key in expected if compiled.get(key) != expected[key])
    extra = sorted(str(key) for key in compiled if key not in expected)
    assert not stale and not extra, (
        f"django.mo does not match django.po ({len(stale)} differ, {len(extra)} only in the .mo, e.g. "
        f"{(stale + extra)[:5]}): run `make messages` (or manage.py compilemessages) and commit the .mo."
    )


# --- The pages -----------------------------------------------------------------------


def _switch_to_english(client) -> None:
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"


def test_dutch_is_the_default(client):
    content = client.get("/").content.decode()
    assert '<html lang="nl">' in content
    assert "Voor leerkrachten, coaches en vrijwilligers" in content  # landing
    assert "Naar de inhoud" in content  # base.html: skip link
    assert "Is er nu gevaar? Bel 112." in content  # base.html: footer


def test_switching_to_english_translates_the_page(client):
    _switch_to_english(client)
    content = client.get("/").content.decode()
    assert '<html lang="en">' in content
    assert "For teachers, coaches and volunteers who want to help someone" in content
    assert "Skip to content" in content
    assert "Is someone in danger right now? Call 112." in content
    assert "Naar de inhoud" not in content
    client.post("/i18n/setlang/", {"language": "nl", "next": "/"})
    assert "Naar de inhoud" in client.get("/").content.decode()


def test_login_page_is_dutch_then_english(client):
    dutch = client.get("/accounts/login/").content.decode()
    assert "Aanmelden" in dutch  # allauth's own Dutch for "Sign In"
    assert "Je krijgt een account via een uitnodiging" in dutch
    assert "Sign In" not in dutch

    _switch_to_english(client)
    english = client.get("/accounts/login/?stap=wachtwoord").content.decode()
    assert "Sign In" in english
    assert "You get an account through an invitation from your school" in english
    assert "Je krijgt een account" not in english


@pytest.mark.django_db
def test_an_english_browser_still_gets_dutch_until_the_person_switches(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert 'lang="nl"' in response.content.decode()
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="nl-NL,nl;q=0.9")
    assert 'lang="en"' in response.content.decode()


@pytest.mark.django_db
def test_each_language_is_named_in_its_own_language(client):
    content = client.get("/").content.decode()
    assert ">Nederlands<" in content
    assert ">English<" in content
