"""Routing throughput: 100,000 varied, valid cases through ``manage.py route_case``.

    .venv/bin/python -m bench.routing            # or bench_routing() from the bench runner

The cases are generated deterministically (seeded) and sent as one JSON list on
the stdin of a real ``manage.py route_case --timing`` subprocess. Printed:

* routing (the goal, >= 20,000 cases/s): cases / the time the command spends from
  reading stdin to writing the last byte of its JSON list on stdout – JSON in,
  validation, routing, JSON out, as the command reports it with ``--timing``;
* end-to-end: cases / wall time of the whole subprocess, including starting
  Python and Django (seconds on its own, whatever the number of cases);
* the CPU time of the subprocess (user + system): on a busy machine wall-clock
  time also counts waiting for a processor, CPU time does not.

The subprocess inherits the environment (DJANGO_SETTINGS_MODULE, DATABASE_URL,
VAR_DIR…), so it routes with the active rule set of that database. Pass
``rules="defaults"`` to use the shipped rules without a database.
"""

from __future__ import annotations

import json
import random
import re
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from referrals.routing.vocabulary import COUNTRIES, FORMS, THREATS, VULNERABILITIES, WISHES

ROOT = Path(__file__).resolve().parent.parent
GOAL = 20_000

BOOLS = ("acute_danger", "offender_known", "meets_offender_again", "hate_motive", "intimate_images", "images_online")


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
        cases.append(case)
    return cases


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run(payload: bytes, rules: str) -> tuple[float, float, bytes, str]:
    """(wall seconds, CPU seconds, stdout, stderr) of one ``route_case --timing`` run."""
    command = [sys.executable, str(ROOT / "manage.py"), "route_case", "--timing"]
    if rules == "defaults":
        command.append("--defaults")
    cpu_before = _child_cpu()
    started = time.perf_counter()
    completed = subprocess.run(command, input=payload, capture_output=True, cwd=ROOT, check=False)  # noqa: S603
    elapsed = time.perf_counter() - started
    cpu = _child_cpu() - cpu_before
    stderr = completed.stderr.decode()
    if completed.returncode != 0:
        raise RuntimeError(f"route_case exited {completed.returncode}: {stderr[-2000:]}")
    return elapsed, cpu, completed.stdout, stderr


@dataclass(frozen=True)
class RoutingFigures:
    count: int
    inside_seconds: float  # reading stdin to writing the last byte, as route_case reports it
    total_seconds: float  # the whole subprocess, Python and Django start-up included

    @property
    def routing_rate(self) -> float:
        return self.count / self.inside_seconds

    @property
    def end_to_end_rate(self) -> float:
        return self.count / self.total_seconds


def bench_routing(count: int = 100_000, *, rules: str = "active", seed: int = 2026) -> RoutingFigures:
    """Print the figures and return them."""
    payload = json.dumps(generate_cases(count, seed=seed)).encode()
    elapsed, cpu, output, stderr = _run(payload, rules)
    match = re.search(r"route_case: (\d+) cases in ([0-9.]+) s", stderr)
    assert match and int(match.group(1)) == count, f"no timing from route_case: {stderr[-500:]}"
    inside = float(match.group(2))
    results = json.loads(output)
    assert len(results) == count, f"expected {count} results, got {len(results)}"
    assert all(result["recommendations"] for result in results)
    routing = count / inside
    print(
        f"routing: {count:,} cases, {len(payload) / 1e6:.0f} MB in, {len(output) / 1e6:.0f} MB out\n"
        f"  routing:    {inside:.2f} s in route_case = {routing:,.0f} cases/s "
        f"({'meets' if routing >= GOAL else 'BELOW'} the goal of {GOAL:,}/s)\n"
        f"  end-to-end: {elapsed:.2f} s with Python + Django start-up = {count / elapsed:,.0f} cases/s\n"
        f"  CPU time:   {cpu:.2f} s for the whole subprocess"
    )
    return RoutingFigures(count=count, inside_seconds=inside, total_seconds=elapsed)


if __name__ == "__main__":
    bench_routing(rules=sys.argv[1] if len(sys.argv) > 1 else "active")
