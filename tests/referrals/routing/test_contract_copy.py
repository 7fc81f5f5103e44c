"""The routing contract's copy in the repository (referrals/routing/contract/).

The contract lives in ``shared/contracts/`` beside the repository; the repository keeps
an exact byte copy so a fresh clone runs every contract test. Where ``../shared`` is
present (CI, the team's machines; ``SHARED_DIR`` overrides where it is) the copy must
equal it byte for byte. Either way the copy must be a sound version-2 contract: its
examples parse, and name only destination codes, cautions and facts that its tables
define.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

from django.conf import settings

from tests.referrals.examples import CONTRACT_DIR, CONTRACT_EXAMPLES_PATH, CONTRACT_PATH, load_contract_examples

CONTRACT_FILES = ("routing.md", "routing-examples.json")
VERSION_LINE = "# Routing contract, version 2"
EXAMPLE_COUNT = 11
# The checks the contract's "Examples" section names.
EXAMPLE_CHECKS = {
    "must_include",
    "must_exclude",
    "must_include_any",
    "first",
    "before",
    "flags_include",
    "cautions_include",
    "cautions_exclude",
    "questions_include",
    "text_excludes",
}


def shared_dir() -> Path:
    """``shared/`` beside the repository, or ``SHARED_DIR``."""
    return Path(os.environ.get("SHARED_DIR") or Path(settings.BASE_DIR).parent / "shared")


def _files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir()) if path.is_file() and path.name[0] != "."}


def contract_differences(copy_dir: Path, shared_contracts: Path) -> list[str]:
    """How ``copy_dir`` differs from ``shared_contracts``: files missing on either side,
    files whose bytes differ. Empty when they are equal."""
    ours, theirs = _files(copy_dir), _files(shared_contracts)
    differences = [f"{name}: in {shared_contracts} but not in {copy_dir}" for name in sorted(set(theirs) - set(ours))]
    differences += [f"{name}: in {copy_dir} but not in {shared_contracts}" for name in sorted(set(ours) - set(theirs))]
    differences += [f"{name}: differs" for name in sorted(set(ours) & set(theirs)) if ours[name] != theirs[name]]
    return differences


def _table_column(markdown: str, section: str) -> set[str]:
    """The back-quoted first cells of the table under ``## {section}``."""
    match = re.search(rf"^## {re.escape(section)}\n(.*?)(?=^## |\Z)", markdown, re.M | re.S)
    if not match:
        return set()
    return set(re.findall(r"^\| `([a-z0-9_]+)` \|", match[1], re.M))


def contract_problems(contract_dir: Path) -> list[str]:
    """What is wrong with the contract in ``contract_dir``: not version 2, examples that
    do not parse or are not 11, checks the contract does not define, and destination
    codes, cautions or facts that its tables do not list. Empty when sound."""
    contract = (contract_dir / "routing.md").read_text(encoding="utf-8")
    problems = []
    if contract.splitlines()[:1] != [VERSION_LINE]:
        problems.append(f"routing.md does not start with {VERSION_LINE!r}")
    codes = _table_column(contract, "Destination codes")
    cautions = _table_column(contract, "Cautions")
    facts = _table_column(contract, "Facts (input)")
    if len(codes) < 14:  # version 1 had 14; version 2 keeps them all
        problems.append(f"routing.md's table of destination codes has {len(codes)} codes")
    if not cautions:
        problems.append("routing.md has no table of cautions")
    if not {"country", "forms", "acute_danger"} <= facts:
        problems.append("routing.md's table of facts lacks country, forms or acute_danger")
    try:
        examples = json.loads((contract_dir / "routing-examples.json").read_text(encoding="utf-8"))
    except ValueError as exc:
        return [*problems, f"routing-examples.json does not parse: {exc}"]
    if not isinstance(examples, list) or len(examples) != EXAMPLE_COUNT:
        return [*problems, f"routing-examples.json should be a list of {EXAMPLE_COUNT} examples"]
    for example in examples:
        name = example.get("name", "?")
        if not isinstance(example.get("facts"), dict) or "country" not in example["facts"]:
            problems.append(f"{name}: no facts with a country")
        unknown_checks = set(example) - {"name", "facts"} - EXAMPLE_CHECKS
        if unknown_checks:
            problems.append(f"{name}: checks the contract does not define: {sorted(unknown_checks)}")
        named_codes = [
            *example.get("must_include", []),
            *example.get("must_exclude", []),
            *[code for group in example.get("must_include_any", []) for code in group],
            *[code for pair in example.get("before", []) for code in pair],
            *([example["first"]] if "first" in example else []),
        ]
        problems += [f"{name}: destination {code!r} is not in the table" for code in named_codes if code not in codes]
        named_cautions = [*example.get("cautions_include", []), *example.get("cautions_exclude", [])]
        problems += [f"{name}: caution {c!r} is not in the table" for c in named_cautions if c not in cautions]
        named_facts = [*example.get("questions_include", []), *example.get("facts", {})]
        problems += [f"{name}: fact {fact!r} is not in the table" for fact in named_facts if fact not in facts]
    return problems


# --- the copy equals shared/contracts -----------------------------------------------------


def test_the_copy_equals_shared_contracts_when_present():
    shared_contracts = shared_dir() / "contracts"
    if shared_contracts.is_dir():
        assert contract_differences(CONTRACT_DIR, shared_contracts) == [], (
            f"the contract in {shared_contracts} changed: copy it to {CONTRACT_DIR} "
            "(and update the engine and its tests to match)"
        )
    # Present or not, the copy every contract test reads must be a sound version-2 contract.
    assert sorted(_files(CONTRACT_DIR)) == sorted(CONTRACT_FILES)
    assert contract_problems(CONTRACT_DIR) == []


def test_the_comparison_can_fail(tmp_path):
    shutil.copytree(CONTRACT_DIR, tmp_path / "same")
    assert contract_differences(CONTRACT_DIR, tmp_path / "same") == []

    changed = tmp_path / "changed"
    shutil.copytree(CONTRACT_DIR, changed)
    # One character changed, then a trailing newline: byte differences a loose compare would miss.
    (changed / "routing.md").write_text(
        CONTRACT_PATH.read_text(encoding="utf-8").replace("version 2", "version 3", 1), encoding="utf-8"
    )
    (changed / "routing-examples.json").write_bytes(CONTRACT_EXAMPLES_PATH.read_bytes() + b"\n")
    assert contract_differences(CONTRACT_DIR, changed) == ["routing-examples.json: differs", "routing.md: differs"]

    grown = tmp_path / "grown"
    shutil.copytree(CONTRACT_DIR, grown)
    (grown / "routing.md").unlink()
    (grown / "new-surface.md").write_text("# A file the contract gained\n", encoding="utf-8")
    assert contract_differences(CONTRACT_DIR, grown) == [
        f"new-surface.md: in {grown} but not in {CONTRACT_DIR}",
        f"routing.md: in {CONTRACT_DIR} but not in {grown}",
    ]


# --- the copy is a sound version-2 contract (runs with or without ../shared) --------------


def test_the_copy_is_version_2_with_eleven_examples():
    assert CONTRACT_PATH.read_text(encoding="utf-8").splitlines()[0] == VERSION_LINE
    examples = load_contract_examples()
    assert len(examples) == EXAMPLE_COUNT
    assert len({example["name"] for example in examples}) == EXAMPLE_COUNT


def test_the_examples_name_only_codes_cautions_and_facts_of_the_contract():
    contract = CONTRACT_PATH.read_text(encoding="utf-8")
    codes = _table_column(contract, "Destination codes")
    cautions = _table_column(contract, "Cautions")
    assert {"police_emergency", "stopncii", "child_focus", "zelfmoordlijn_1813", "awel"} <= codes
    assert cautions == {"no_copies_of_minor_images", "do_not_give_in", "no_mediation_now", "do_not_confront_offender"}
    assert contract_problems(CONTRACT_DIR) == []


def test_the_soundness_check_can_fail(tmp_path):
    broken = tmp_path / "contracts"
    shutil.copytree(CONTRACT_DIR, broken)
    (broken / "routing.md").write_text(
        CONTRACT_PATH.read_text(encoding="utf-8")
        .replace("version 2", "version 1", 1)
        .replace("| `do_not_give_in` |", "| `give_in` |"),
        encoding="utf-8",
    )
    examples = load_contract_examples()
    examples[0]["must_include"].append("no_such_place")
    examples[1]["before"] = [["child_focus", "elsewhere"]]
    examples[2]["sounds_right"] = True
    (broken / "routing-examples.json").write_text(json.dumps(examples), encoding="utf-8")

    problems = contract_problems(broken)
    caution_problems = [p for p in problems if "'do_not_give_in' is not in the table" in p]
    assert f"routing.md does not start with {VERSION_LINE!r}" in problems
    assert f"{examples[0]['name']}: destination 'no_such_place' is not in the table" in problems
    assert f"{examples[1]['name']}: destination 'elsewhere' is not in the table" in problems
    assert f"{examples[2]['name']}: checks the contract does not define: ['sounds_right']" in problems
    assert caution_problems, problems  # the example that expects do_not_give_in

    (broken / "routing-examples.json").write_text(json.dumps(examples[:10]), encoding="utf-8")
    assert "routing-examples.json should be a list of 11 examples" in contract_problems(broken)[-1]
    (broken / "routing-examples.json").write_text("[{", encoding="utf-8")
    assert "does not parse" in contract_problems(broken)[-1]
