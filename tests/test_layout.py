"""The test suite's own layout: a helper shared by several test modules lives in a
helper module (``tests/<app>/helpers.py``, ``tests/helpers.py``, a factories or
examples module), never in a test module or a conftest. A test module imported by
another ties two suites together (moving or deleting one breaks the other); a
conftest is pytest's to load (its fixtures reach the tests by name, not by import)."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def _is_forbidden(module: str) -> bool:
    """A test module (``test_*``) or a conftest, by its dotted name."""
    last = module.rsplit(".", 1)[-1]
    return last.startswith("test_") or last == "conftest"


def _package(path: Path) -> list[str]:
    """The dotted package of ``path`` (for relative imports), e.g. ['tests', 'portal']."""
    return ["tests", *path.resolve().relative_to(TESTS).parent.parts]


def forbidden_imports(source: str, path: Path) -> list[str]:
    """``file:line: import`` for every import of a test module or a conftest in ``source``
    (at the top or inside a function; absolute or relative)."""
    found = []
    where = path.resolve().relative_to(TESTS.parent) if path.resolve().is_relative_to(TESTS.parent) else path
    for node in ast.walk(ast.parse(source, filename=str(path))):
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = _package(path)[: len(_package(path)) - (node.level - 1)]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            # ``from tests.portal import test_csp`` imports the module test_csp.
            modules = [module, *(f"{module}.{alias.name}" for alias in node.names)]
        else:
            continue
        for module in modules:
            if module.startswith("tests") and _is_forbidden(module):
                found.append(f"{where}:{node.lineno}: imports {module}")
                break
    return found


def test_no_test_module_or_conftest_is_imported():
    found = []
    for path in sorted(TESTS.rglob("*.py")):
        found += forbidden_imports(path.read_text(encoding="utf-8"), path)
    assert not found, (
        "Shared test helpers belong in tests/<app>/helpers.py (fixtures in conftest.py, "
        "reached by name, not imported):\n" + "\n".join(found)
    )


def test_the_check_rejects_imports_of_test_modules_and_conftests():
    """The check above can fail: each of these sources breaks the rule once."""
    path = TESTS / "portal" / "test_example.py"
    bad = [
        "from tests.portal.test_csp import assert_strict_csp",
        "from tests.celery.conftest import wait_for",
        "from tests.conftest import make_member",
        "import tests.browser.test_dashboards",
        "from tests.portal import test_settings",
        "from tests.portal import conftest",
        "from .test_csp import assert_strict_csp",
        "from ..referrals.test_routing_principles import tells_to_copy",
        "from . import conftest",
        "def test_x():\n    from tests.reporting.test_dashboards import url\n",
    ]
    for source in bad:
        assert len(forbidden_imports(source, path)) == 1, source
    assert forbidden_imports("import os\nfrom tests.portal.test_csp import x\n", path) == [
        "tests/portal/test_example.py:2: imports tests.portal.test_csp"
    ]
    good = [
        "from tests.portal.helpers import assert_strict_csp",
        "from tests.factories import SchoolFactory",
        "from tests.referrals.factories import CaseFactory",
        "from .helpers import wait_for",
        "from tests import helpers",
        "import pytest",
        "from portal.tests_support import contest",
    ]
    for source in good:
        assert forbidden_imports(source, path) == [], source
