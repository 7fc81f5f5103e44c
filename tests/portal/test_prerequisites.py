"""`make test` checks the system packages first and stops with one line that names
what is missing and the command that installs it (tests/prerequisites.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests import prerequisites

BASE_DIR = Path(__file__).resolve().parents[2]
ALL = ["chromium", "libpango-1.0-0", "libpangoft2-1.0-0", "libharfbuzz-subset0", "npm"]


def test_nothing_missing_on_a_complete_system(tmp_path):
    chromium = tmp_path / "chromium"
    chromium.write_text("#!/bin/sh\n")
    chromium.chmod(0o755)
    assert prerequisites.missing_packages(chromium=chromium, which=lambda _: "/usr/bin/npm", load=lambda _: True) == []


def test_every_missing_package_is_named(tmp_path):
    found = prerequisites.missing_packages(chromium=tmp_path / "absent", which=lambda _: None, load=lambda _: False)
    assert found == ALL


def test_harfbuzz_subset_alone(tmp_path):
    chromium = tmp_path / "chromium"
    chromium.write_text("")
    chromium.chmod(0o755)
    found = prerequisites.missing_packages(
        chromium=chromium, which=lambda _: "/usr/bin/npm", load=lambda name: "harfbuzz-subset" not in name
    )
    assert found == ["libharfbuzz-subset0"]


def test_a_chromium_that_cannot_run_counts_as_missing(tmp_path):
    chromium = tmp_path / "chromium"
    chromium.write_text("")
    chromium.chmod(0o644)
    assert prerequisites.missing_packages(chromium=chromium, which=lambda _: "x", load=lambda _: True) == ["chromium"]


def test_the_message_is_one_line_with_the_command():
    line = prerequisites.message(["chromium", "libharfbuzz-subset0"], as_root=False)
    assert "\n" not in line
    assert "chromium libharfbuzz-subset0" in line
    assert line.endswith("sudo apt-get install -y chromium libharfbuzz-subset0")
    assert prerequisites.message(["npm"], as_root=True).endswith(": apt-get install -y npm")


def test_the_library_names_are_the_ones_this_machine_has():
    """On this machine the suite renders certificates, so every library loads by the
    names the check asks for: a renamed library cannot hide behind a passing check."""
    assert all(any(prerequisites.loads(name) for name in lib.names) for lib in prerequisites.LIBRARIES)


def run(*args: str, **variables: str) -> subprocess.CompletedProcess[str]:
    # The system-Python entry point: `.venv` need not exist, so nothing but the stdlib.
    return subprocess.run(
        [sys.executable, "-E", "-s", "-m", "tests.prerequisites", *args],
        cwd=BASE_DIR,
        env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), **variables},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_command_stops_with_one_line(tmp_path):
    result = run(PORTAL_CHROMIUM=str(tmp_path / "no-chromium"), PATH=str(tmp_path))
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert "chromium" in lines[0] and "npm" in lines[0]
    assert "apt-get install -y chromium" in lines[0]


def test_command_lists_missing_packages_for_ci(tmp_path):
    result = run("--missing", PORTAL_CHROMIUM=str(tmp_path / "no-chromium"), PATH=str(tmp_path))
    assert result.returncode == 0
    assert result.stdout.split() == ["chromium", "npm"]


def test_make_test_checks_before_it_installs():
    makefile = (BASE_DIR / "Makefile").read_text()
    test_rule = makefile.split("\ntest:", 1)[1].split("\n\n", 1)[0]
    assert test_rule.startswith(" prerequisites")
    assert test_rule.index("install") < test_rule.index("pytest")
    assert "python3 -m tests.prerequisites" in makefile
