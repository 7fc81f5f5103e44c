"""Routing throughput: 100,000 varied, valid cases through ``manage.py route_case``.

    .venv/bin/python -m bench.routing            # or bench_routing() from the bench runner

The cases are generated deterministically (seeded) and sent as one JSON list on
the stdin of a real ``manage.py route_case --timing`` subprocess (a list this long is
routed in one process per processor; the same runs with ``--jobs 1`` are the
one-process baseline, with byte for byte the same answer). Printed (the
median of ``runs`` runs, 3 by default):

* routing: cases / the time the command spends from reading stdin to writing the
  last byte of its JSON list on stdout – JSON in, validation, routing, JSON out, as
  the command reports it with ``--timing``;
* end-to-end (the goal, >= 20,000 cases/s): cases / wall time of the whole
  subprocess, from starting Python to its exit, Django start-up included;
* the CPU time of the subprocess (user + system): on a busy machine wall-clock
  time also counts waiting for a processor, CPU time does not.

Bytecode: Python normally keeps the bytecode of every module it imports in
``__pycache__`` and starts from it the next time. An environment with
``PYTHONDONTWRITEBYTECODE=1`` and a virtualenv installed without ``.pyc`` files
makes every start compile some 1,900 modules of Django, Wagtail and the apps
again, which costs more than everything else the command does. So the measured
runs use a bytecode cache of their own (``PYTHONPYCACHEPREFIX``, in a temporary
folder, filled by one untimed warm-up run), as any second run of the command on
an ordinary installation would; nothing is written into the project or the
virtualenv. One more run without any bytecode cache is reported beside it.

The subprocess inherits the environment (DJANGO_SETTINGS_MODULE, DATABASE_URL,
VAR_DIR…), so it routes with the active rule set of that database. Pass
``rules="defaults"`` to use the shipped rules without a database.
"""

from __future__ import annotations

import json
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from referrals.routing.vocabulary import (
    COUNTRIES,
    FORMS,
    OFFENDER_RELATIONS,
    PHYSICAL_SEXUAL_VIOLENCE,
    SETTINGS,
    THREATS,
    VULNERABILITIES,
    WISHES,
)

ROOT = Path(__file__).resolve().parent.parent
GOAL = 20_000

BOOLS = ("acute_danger", "offender_known", "meets_offender_again", "hate_motive", "intimate_images", "images_online")
V2_CHOICES: tuple[tuple[str, tuple[object, ...]], ...] = (
    ("setting", SETTINGS),
    ("offender_relation", OFFENDER_RELATIONS),
    ("offender_is_minor", (True, False)),
    ("self_harm_signs", (False, False, False, True)),
    ("money_lost", (False, False, True)),
    ("physical_sexual_violence", (*PHYSICAL_SEXUAL_VIOLENCE, "none", "none")),
    ("unsafe_home", (False, False, False, True)),
)


def generate_cases(count: int, *, seed: int = 2026) -> list[dict]:
    """``count`` valid facts objects, the same ones for the same seed.

    Every field is sometimes missing (unknown), sometimes null, sometimes set, so
    all branches of the rules get exercised.
    """
    rnd = random.Random(seed)  # noqa: S311 - test data, not secrets
    cases = []
    for _ in range(count):
        case: dict[str, object] = {
            "country": rnd.choice(COUNTRIES),
            "forms": rnd.sample(FORMS, rnd.choice((1, 1, 1, 2, 2, 3))),
        }
        if rnd.random() < 0.9:
            case["victim_age"] = rnd.randint(6, 90)
        for name in BOOLS:
            draw = rnd.random()
            if draw < 0.45:
                case[name] = False
            elif draw < 0.75:
                case[name] = True
            elif draw < 0.8:
                case[name] = None
        if case.get("intimate_images") and rnd.random() < 0.8:
            age = case.get("victim_age")
            upper = age if isinstance(age, int) else 90
            case["age_when_images_made"] = rnd.randint(max(0, upper - 12), upper)
        if rnd.random() < 0.6:
            case["threatened_with"] = rnd.sample(THREATS, rnd.choice((0, 1, 1, 2)))
        if rnd.random() < 0.5:
            case["vulnerabilities"] = rnd.sample(VULNERABILITIES, rnd.choice((0, 0, 1, 2)))
        if rnd.random() < 0.7:
            case["victim_wishes"] = rnd.sample(WISHES, rnd.choice((0, 1, 2, 3)))
        # Contract v2: each new fact sometimes missing (unknown), sometimes null, sometimes set.
        for name, values in V2_CHOICES:
            draw = rnd.random()
            if draw < 0.6:
                case[name] = rnd.choice(values)
            elif draw < 0.65:
                case[name] = None
        cases.append(case)
    return cases


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def bytecode_situation() -> str:
    """Why this machine has no bytecode cache of its own, in words, or "" when it has."""
    import django

    reasons = []
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        reasons.append("sets `PYTHONDONTWRITEBYTECODE=1`")
    if not any(Path(django.__file__).parent.glob("__pycache__/*.pyc")):
        reasons.append("has a virtualenv without `.pyc` files")
    return f"this environment {' and '.join(reasons)}" if reasons else ""


def _environment(bytecode_cache: Path) -> dict[str, str]:
    """The inherited environment, with the bytecode of every imported module kept in
    (and read from) ``bytecode_cache``; an empty folder there means none."""
    env = {**os.environ, "PYTHONPYCACHEPREFIX": str(bytecode_cache)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _run(payload: bytes, rules: str, env: dict[str, str], jobs: int | None = None) -> tuple[float, float, bytes, str]:
    """(wall seconds, CPU seconds, stdout, stderr) of one ``route_case --timing`` run."""
    command = [sys.executable, str(ROOT / "manage.py"), "route_case", "--timing"]
    if rules == "defaults":
        command.append("--defaults")
    if jobs is not None:
        command += ["--jobs", str(jobs)]
    cpu_before = _child_cpu()
    started = time.perf_counter()
    completed = subprocess.run(command, input=payload, capture_output=True, cwd=ROOT, env=env, check=False)  # noqa: S603
    elapsed = time.perf_counter() - started
    cpu = _child_cpu() - cpu_before
    stderr = completed.stderr.decode()
    if completed.returncode != 0:
        raise RuntimeError(f"route_case exited {completed.returncode}: {stderr[-2000:]}")
    return elapsed, cpu, completed.stdout, stderr


@dataclass(frozen=True)
class Run:
    inside_seconds: float  # reading stdin to writing the last byte, as route_case reports it
    total_seconds: float  # the whole subprocess, Python and Django start-up included
    cpu_seconds: float  # user + system time of the subprocess
    output_bytes: int


def _measure(
    payload: bytes, count: int, rules: str, env: dict[str, str], checked: list[bytes], jobs: int | None = None
) -> Run:
    """One run; its output is checked the first time and must be the same bytes after."""
    elapsed, cpu, output, stderr = _run(payload, rules, env, jobs)
    match = re.search(r"route_case: (\d+) cases in ([0-9.]+) s", stderr)
    assert match and int(match.group(1)) == count, f"no timing from route_case: {stderr[-500:]}"
    if not checked:
        results = json.loads(output)
        assert len(results) == count, f"expected {count} results, got {len(results)}"
        assert all(result["recommendations"] for result in results)
        checked.append(output)
    assert output == checked[0], "route_case wrote a different answer for the same input"
    return Run(inside_seconds=float(match.group(2)), total_seconds=elapsed, cpu_seconds=cpu, output_bytes=len(output))


@dataclass(frozen=True)
class RoutingFigures:
    count: int
    payload_bytes: int
    output_bytes: int
    runs: tuple[Run, ...]  # with a warm bytecode cache
    cold: Run | None  # without any bytecode cache
    single: tuple[Run, ...] = ()  # the same, in one process (--jobs 1)

    @property
    def single_total_seconds(self) -> float:
        return statistics.median(run.total_seconds for run in self.single) if self.single else 0.0

    @property
    def single_inside_seconds(self) -> float:
        return statistics.median(run.inside_seconds for run in self.single) if self.single else 0.0

    @property
    def inside_seconds(self) -> float:
        return statistics.median(run.inside_seconds for run in self.runs)

    @property
    def total_seconds(self) -> float:
        return statistics.median(run.total_seconds for run in self.runs)

    @property
    def cpu_seconds(self) -> float:
        return statistics.median(run.cpu_seconds for run in self.runs)

    @property
    def routing_rate(self) -> float:
        return self.count / self.inside_seconds

    @property
    def end_to_end_rate(self) -> float:
        return self.count / self.total_seconds


def bench_routing(
    count: int = 100_000, *, rules: str = "active", seed: int = 2026, runs: int = 3, cold: bool = True
) -> RoutingFigures:
    """Print the figures and return them."""
    payload = json.dumps(generate_cases(count, seed=seed)).encode()
    with tempfile.TemporaryDirectory(prefix="route-case-bytecode-") as folder:
        warm_env = _environment(Path(folder) / "warm")
        _run(b"[]", rules, warm_env)  # untimed: fills the bytecode cache
        checked: list[bytes] = []
        measured = tuple(_measure(payload, count, rules, warm_env, checked) for _ in range(runs))
        # One process (the baseline): the same work, byte for byte the same answer.
        single = tuple(_measure(payload, count, rules, warm_env, checked, jobs=1) for _ in range(runs))
        cold_run = None
        if cold:
            cold_env = {**_environment(Path(folder) / "empty"), "PYTHONDONTWRITEBYTECODE": "1"}
            cold_run = _measure(payload, count, rules, cold_env, checked)
    figures = RoutingFigures(
        count=count,
        payload_bytes=len(payload),
        output_bytes=measured[0].output_bytes,
        runs=measured,
        cold=cold_run,
        single=single,
    )
    goal = "meets" if figures.end_to_end_rate >= GOAL else "BELOW"
    lines = [
        f"routing: {count:,} cases, {len(payload) / 1e6:.0f} MB in, {figures.output_bytes / 1e6:.0f} MB out; "
        f"median of {runs} runs "
        f"(bytecode cache warm, as on any run after the first)",
        f"  routing:    {figures.inside_seconds:.2f} s in route_case = {figures.routing_rate:,.0f} cases/s",
        f"  end-to-end: {figures.total_seconds:.2f} s with Python start-up = "
        f"{figures.end_to_end_rate:,.0f} cases/s ({goal} the goal of {GOAL:,}/s)",
        f"  one process (--jobs 1): {figures.single_total_seconds:.2f} s end to end = "
        f"{count / figures.single_total_seconds:,.0f} cases/s ({figures.single_inside_seconds:.2f} s inside)",
        f"  CPU time:   {figures.cpu_seconds:.2f} s for the whole subprocess",
        "  runs:       "
        + "; ".join(f"{run.total_seconds:.2f} s ({run.inside_seconds:.2f} s inside)" for run in measured),
    ]
    if cold_run is not None:
        lines.append(
            f"  without a bytecode cache: {cold_run.total_seconds:.2f} s = {count / cold_run.total_seconds:,.0f} cases/s "
            f"end to end, CPU {cold_run.cpu_seconds:.2f} s (every start compiles all modules)"
        )
    print("\n".join(lines))
    return figures


if __name__ == "__main__":
    bench_routing(rules=sys.argv[1] if len(sys.argv) > 1 else "active")
