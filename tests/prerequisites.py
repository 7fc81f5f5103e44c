"""What `make test` needs from the system, checked before anything is installed.

Run with the system Python (standard library only; `.venv` may not exist yet):

    python3 -m tests.prerequisites            # silent when all is there; else one line, exit 1
    python3 -m tests.prerequisites --missing  # the missing Debian packages, for .ci/run

The browser tests drive Debian's chromium (``PORTAL_CHROMIUM`` overrides the path,
as in tests/browser/conftest.py); WeasyPrint renders certificates with Pango and
subsets fonts with HarfBuzz (without libharfbuzz-subset0 it warns, and the suite
treats warnings as errors); npm brings the NL Design System CSS and htmx.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Library:
    package: str  # the Debian package that ships it
    names: tuple[str, ...]  # what WeasyPrint asks the dynamic loader for (Linux, then macOS)


LIBRARIES: tuple[Library, ...] = (
    Library("libpango-1.0-0", ("libpango-1.0.so.0", "libpango-1.0.dylib")),
    Library("libpangoft2-1.0-0", ("libpangoft2-1.0.so.0", "libpangoft2-1.0.dylib")),
    Library("libharfbuzz-subset0", ("libharfbuzz-subset.so.0", "libharfbuzz-subset.dylib")),
)


def chromium_path() -> Path:
    return Path(os.environ.get("PORTAL_CHROMIUM", "/usr/bin/chromium"))


def loads(name: str) -> bool:
    """Whether the dynamic loader finds the library, as WeasyPrint will ask it."""
    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def missing_packages(
    *,
    chromium: Path,
    which: Callable[[str], str | None] = shutil.which,
    load: Callable[[str], bool] = loads,
) -> list[str]:
    """The Debian packages to install, in the order `apt-get install` gets them."""
    missing = []
    if not os.access(chromium, os.X_OK):
        missing.append("chromium")
    missing += [lib.package for lib in LIBRARIES if not any(load(name) for name in lib.names)]
    if which("npm") is None:
        missing.append("npm")
    return missing


def message(missing: Sequence[str], *, as_root: bool) -> str:
    """One line: what is missing and the command that installs it."""
    packages = " ".join(missing)
    command = f"{'' if as_root else 'sudo '}apt-get install -y {packages}"
    return f"make test needs system packages that are missing: {packages}. Install them with: {command}"


def main(argv: Sequence[str]) -> int:
    missing = missing_packages(chromium=chromium_path())
    if "--missing" in argv:
        if missing:
            sys.stdout.write(" ".join(missing) + "\n")
        return 0
    if not missing:
        return 0
    sys.stderr.write(message(missing, as_root=hasattr(os, "geteuid") and os.geteuid() == 0) + "\n")
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
