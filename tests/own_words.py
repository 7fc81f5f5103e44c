"""'Own words' without the seed text: a fingerprint of the seed documents.

The course content and the takedown guides use the facts of the three Dutch source
documents in ``../shared/seeds/`` but must say everything in their own words. The
repository does not hold those documents, so the check uses a fingerprint of them,
stored in ``tests/data/seed-fingerprint.txt``: for every run of 12 consecutive words
of each document, the first 16 hex characters of the sha256 of the run, sorted and
de-duplicated. Words are the unicode ``\\w+`` tokens of the text after NFKC and
casefolding, so case, punctuation and line breaks do not matter. A 12-word run of our
text whose hash is in the fingerprint was copied from a seed. The file's first line
says what it is; the second gives the number of documents and runs, so a test can see
the file is plausible where the seeds are absent.

When the seed documents change, regenerate the file (from the repository root)::

    .venv/bin/python -m tests.own_words ../shared/seeds

and commit it. ``tests/cms/test_course_content.py`` checks that the stored file
matches ``../shared/seeds`` whenever that folder is present (``SHARED_DIR`` overrides
where ``shared/`` is).

This module imports nothing from Django.
"""

from __future__ import annotations

import hashlib
import re
import sys
import unicodedata
from collections.abc import Iterable
from pathlib import Path

RUN_LENGTH = 12
HASH_CHARS = 16
FINGERPRINT_PATH = Path(__file__).resolve().parent / "data" / "seed-fingerprint.txt"
REGENERATE = ".venv/bin/python -m tests.own_words ../shared/seeds"
HEADER = (
    f"# Seed fingerprint for the own-words test (see tests/own_words.py): sha256[:{HASH_CHARS}] of every "
    f"{RUN_LENGTH}-word run of ../shared/seeds/*.txt. Regenerate: {REGENERATE}"
)
_STATS = re.compile(r"# (\d+) documents, (\d+) runs")
_WORD = re.compile(r"\w+")
_HASH_LINE = re.compile(rf"[0-9a-f]{{{HASH_CHARS}}}")


def words(text: str) -> list[str]:
    """The normalised words of ``text``: unicode ``\\w+`` tokens after NFKC and casefold."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def runs(text: str) -> list[str]:
    """Every run of RUN_LENGTH consecutive words of ``text``, each joined by one space."""
    found = words(text)
    return [" ".join(found[start : start + RUN_LENGTH]) for start in range(len(found) - RUN_LENGTH + 1)]


def run_hash(run: str) -> str:
    return hashlib.sha256(run.encode("utf-8")).hexdigest()[:HASH_CHARS]


def fingerprint(texts: Iterable[str]) -> set[str]:
    """The hashes of every 12-word run of each text (runs do not cross from one text to the next)."""
    return {run_hash(run) for text in texts for run in runs(text)}


def copied_runs(text: str, fingerprint: Iterable[str] | None = None) -> list[str]:
    """The 12-word runs of ``text`` (normalised, in order) whose hash is in ``fingerprint``
    (by default the stored fingerprint of the seeds)."""
    hashes = load_fingerprint() if fingerprint is None else fingerprint
    if not isinstance(hashes, set | frozenset):
        hashes = frozenset(hashes)
    return [run for run in runs(text) if run_hash(run) in hashes]


def parse_fingerprint(content: str) -> list[str]:
    """The hash lines of a fingerprint file in file order (comment and blank lines left out).
    Raises ValueError on a line that is not a hash, so a damaged file never passes for an empty one."""
    hashes = []
    for number, line in enumerate(content.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        if not _HASH_LINE.fullmatch(line):
            raise ValueError(f"line {number} is not {HASH_CHARS} lowercase hex characters: {line!r}")
        hashes.append(line)
    return hashes


def load_fingerprint(path: Path = FINGERPRINT_PATH) -> frozenset[str]:
    return frozenset(parse_fingerprint(path.read_text(encoding="utf-8")))


def read_seeds(seeds_dir: Path) -> list[str]:
    """The texts of the seed documents (``*.txt``, in name order)."""
    return [path.read_text(encoding="utf-8") for path in sorted(Path(seeds_dir).glob("*.txt"))]


def render(texts: list[str]) -> str:
    """The fingerprint file's content for these seed texts: the header, a line with the
    number of documents and runs (for a plausibility check without the seeds), the hashes."""
    total_runs = sum(len(runs(text)) for text in texts)
    stats = f"# {len(texts)} documents, {total_runs} runs"
    return "\n".join([HEADER, stats, *sorted(fingerprint(texts))]) + "\n"


def stats(content: str) -> tuple[int, int] | None:
    """(documents, runs) from a fingerprint file's stats line, or None when it has none."""
    match = _STATS.search(content)
    return (int(match[1]), int(match[2])) if match else None


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(f"usage: {REGENERATE}", file=sys.stderr)
        return 2
    seeds = read_seeds(Path(argv[0]))
    if not seeds:
        print(f"no seed documents (*.txt) in {argv[0]}", file=sys.stderr)
        return 1
    content = render(seeds)
    FINGERPRINT_PATH.parent.mkdir(parents=True, exist_ok=True)
    FINGERPRINT_PATH.write_text(content, encoding="utf-8")
    print(f"{FINGERPRINT_PATH}: {len(parse_fingerprint(content))} hashes from {len(seeds)} documents")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
