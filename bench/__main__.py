"""Requests per second for a signed-in learner on a lesson page, against a bare Django
view served the same way in the same run, written to BENCHMARKS.md.

    .venv/bin/python -m bench          (or: make bench)

Steps: migrate an SQLite file in a temporary folder, load the national course (or a
built-in sample lesson when it cannot be loaded), sign a learner in, start gunicorn
on 127.0.0.1 with a fixed number of sync workers, warm up, then drive each URL with a
bounded number of requests from a few client threads (http.client, keep-alive where
the server allows it). Both URLs get the same cookie, headers, server and clients.
"""

from __future__ import annotations

import argparse
import http.client
import os
import platform
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from bench.pg import is_postgres
from bench.routing import GOAL as ROUTING_GOAL
from bench.routing import RoutingFigures, bench_routing, bytecode_situation

ROOT = Path(__file__).resolve().parent.parent
GOAL = 0.10
BARE_PATH = "/bench/bare/"


@dataclass(frozen=True)
class Target:
    cookie: str
    lesson_path: str
    lesson_title: str
    lesson_blocks: int
    lesson_checks: int
    source: str
    queries: int


@dataclass(frozen=True)
class Result:
    name: str
    path: str
    requests: int
    seconds: float

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


# --- Data -------------------------------------------------------------------------


def _sample_lesson(library):  # type: ignore[no-untyped-def]
    """A lesson like the course's: text, knowledge checks and a scenario, used when
    the national course cannot be loaded."""
    from cms.models import LessonPage, ModulePage

    def check(n: int) -> dict:
        return {
            "type": "knowledge_check",
            "id": f"kc{n}",
            "value": {
                "question": f"Vraag {n}: wat doe je eerst?",
                "multiple": n % 2 == 0,
                "options": [
                    {
                        "type": "item",
                        "id": f"kc{n}-{o}",
                        "value": {"text": f"Antwoord {o}", "correct": o < 2, "feedback": f"Uitleg {o}."},
                    }
                    for o in range(4)
                ],
            },
        }

    scenario = {
        "type": "scenario",
        "id": "sc",
        "value": {
            "title": "Een leerling in paniek",
            "intro": "Na de gymles.",
            "steps": [
                {
                    "type": "item",
                    "id": "st",
                    "value": {
                        "key": "start",
                        "situation": "Sam komt huilend naar je toe.",
                        "choices": [
                            {
                                "type": "item",
                                "id": f"ch{c}",
                                "value": {
                                    "text": f"Keuze {c}",
                                    "outcome": "good",
                                    "consequence": "Gevolg.",
                                    "next_step": "",
                                },
                            }
                            for c in range(3)
                        ],
                    },
                }
            ],
        },
    }
    module = library.add_child(
        instance=ModulePage(title="Voorbeeldmodule", slug="voorbeeld", intro="<p>Voorbeeld.</p>")
    )
    body = [scenario, *(check(n) for n in range(6))]
    return module.add_child(instance=LessonPage(title="Voorbeeldles", slug="voorbeeldles", body=body))


def prepare() -> Target:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django_scopes import scopes_disabled
    from wagtail.models import Page

    from cms.models import LessonPage, TrainingLibraryPage
    from portal.models import Country, Membership, Organisation, User
    from portal.roles import OrganisationKind, Role
    from training import services

    call_command("migrate", verbosity=0, interactive=False, skip_checks=True, run_syncdb=True)
    try:
        from cms.services import course_load

        counts = course_load(publish=True)
        source = f"the national course ({counts['modules']} modules, {counts['lessons']} lessons)"
    except Exception as exc:  # noqa: BLE001 - any failure: measure the sample lesson instead
        library = TrainingLibraryPage.objects.first() or Page.objects.get(depth=1).add_child(
            instance=TrainingLibraryPage(title="Training", slug="training")
        )
        _sample_lesson(library)
        source = f"a built-in sample lesson (the course did not load: {type(exc).__name__}: {exc})"

    # The heaviest lesson: the most blocks to render.
    lesson = max(LessonPage.objects.live(), key=lambda page: (len(page.body), -page.pk))
    module = lesson.get_parent().specific

    with scopes_disabled():
        municipality = Organisation.objects.create(
            name="Gemeente Bench", slug="gemeente-bench", kind=OrganisationKind.MUNICIPALITY, country=Country.NL
        )
        school = Organisation.objects.create(
            name="School Bench",
            slug="school-bench",
            kind=OrganisationKind.SCHOOL,
            parent=municipality,
            country=Country.NL,
        )
        user = User.objects.create_user(
            email="leerling@bench.example", password="Bench-wachtwoord-2026", first_name="Bo", last_name="Bench"
        )
        Membership.objects.create(organisation=school, user=user, role=Role.LEARNER)

    # A learner halfway: the earlier lessons done, half of this lesson's questions answered.
    lessons = list(module.lessons())
    for earlier in lessons[: lessons.index(lesson)]:
        for check in earlier.knowledge_checks():
            services.progress_record_answer(
                learner=user,
                module=module,
                lesson=earlier,
                attempt_id=None,
                question_id=check.id,
                option_ids=sorted(check.correct_ids),
            )
        services.progress_complete_lesson(learner=user, module=module, lesson=earlier, attempt_id=None)
    checks = lesson.knowledge_checks()
    for check in checks[: len(checks) // 2]:
        services.progress_record_answer(
            learner=user,
            module=module,
            lesson=lesson,
            attempt_id=None,
            question_id=check.id,
            option_ids=[check.options[0]["id"]],
        )

    client = Client()
    client.force_login(user)
    path = f"/o/{school.slug}/training/{module.slug}/{lesson.slug}/"
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    if response.status_code != 200:
        raise SystemExit(f"bench: {path} answered {response.status_code} in-process")
    cookie = client.cookies["sessionid"].value
    connection.close()
    return Target(
        cookie=cookie,
        lesson_path=path,
        lesson_title=f"{module.title} › {lesson.title}",
        lesson_blocks=len(lesson.body),
        lesson_checks=len(checks),
        source=source,
        queries=len(queries),
    )


# --- Server -----------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(port: int, workers: int, log: Path) -> subprocess.Popen[bytes]:
    command = [
        sys.executable, "-m", "gunicorn", "portal.wsgi:application",
        "--bind", f"127.0.0.1:{port}",
        "--workers", str(workers),
        "--worker-class", "sync",
        "--log-level", "warning",
        "--timeout", "60",
    ]  # fmt: skip
    with log.open("wb") as out:
        # Our own interpreter and fixed arguments: nothing here comes from outside.
        return subprocess.Popen(command, cwd=ROOT, env=os.environ.copy(), stdout=out, stderr=subprocess.STDOUT)  # noqa: S603


def stop_server(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


def get(conn: http.client.HTTPConnection, path: str, cookie: str) -> tuple[int, bytes]:
    conn.request("GET", path, headers={"Cookie": f"sessionid={cookie}", "Accept": "text/html"})
    response = conn.getresponse()
    return response.status, response.read()


def wait_ready(port: int, process: subprocess.Popen[bytes], cookie: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("bench: gunicorn stopped while starting")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            if get(conn, BARE_PATH, cookie)[0] == 200:
                conn.close()
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("bench: gunicorn did not answer in time")


def drive(port: int, path: str, cookie: str, *, requests: int, threads: int, seconds: float) -> Result:
    """Send at most ``requests`` GETs from ``threads`` clients, stopping after ``seconds``."""
    lock = threading.Lock()
    state = {"left": requests, "done": 0}
    errors: list[str] = []
    start = threading.Barrier(threads + 1)
    deadline = [0.0]

    def client() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        start.wait()
        while time.monotonic() < deadline[0]:
            with lock:
                if state["left"] <= 0:
                    break
                state["left"] -= 1
            status, _body = get(conn, path, cookie)  # reconnects by itself when the server closed
            if status != 200:
                errors.append(f"{path}: HTTP {status}")
                break
            with lock:
                state["done"] += 1
        conn.close()

    workers = [threading.Thread(target=client) for _ in range(threads)]
    for worker in workers:
        worker.start()
    began = time.monotonic()
    deadline[0] = began + seconds
    start.wait()
    for worker in workers:
        worker.join()
    elapsed = time.monotonic() - began
    if errors:
        raise SystemExit(f"bench: {errors[0]}")
    return Result(name="", path=path, requests=state["done"], seconds=elapsed)


# --- Report -----------------------------------------------------------------------


# --- Benches that need PostgreSQL (and Redis) ---------------------------------------------

# (heading of its BENCHMARKS.md section, module, what it needs). Each module runs as
# ``python -m <module> --section FILE`` and writes its section to FILE.
SERVER_BENCHES: tuple[tuple[str, str, frozenset[str]], ...] = (
    ("## Reminders through Celery", "bench.reminders", frozenset({"postgres", "redis"})),
    ("## Dashboards over a million cases", "bench.dashboards", frozenset({"postgres"})),
    ("## Exports of a million rows", "bench.exports", frozenset({"postgres"})),
)


def _old_section(old_text: str, heading: str) -> str:
    """A section of the previous BENCHMARKS.md ("" when it has none)."""
    start = old_text.find(f"\n{heading}\n")
    if start < 0:
        return ""
    end = old_text.find("\n## ", start + len(heading) + 2)
    return old_text[start + 1 : end if end >= 0 else len(old_text)].rstrip() + "\n"


def server_benches(database_url: str, redis_url: str, old_text: str, folder: Path) -> list[str]:
    """Run each bench whose servers are configured; keep the previous section of the others."""
    have = {name for name, ok in (("postgres", is_postgres(database_url)), ("redis", bool(redis_url))) if ok}
    sections = []
    for heading, module, needs in SERVER_BENCHES:
        if needs <= have:
            out = folder / f"{module}.md"
            env = {**os.environ, "DATABASE_URL": database_url, "REDIS_URL": redis_url}
            for key in ("DJANGO_SETTINGS_MODULE", "BENCH_DB", "VAR_DIR"):
                env.pop(key, None)
            print(f"bench: {module} …", flush=True)
            done = subprocess.run([sys.executable, "-m", module, "--section", str(out)], cwd=ROOT, env=env, check=False)  # noqa: S603
            if done.returncode == 0 and out.exists():
                sections.append(out.read_text(encoding="utf-8"))
                continue
            print(f"bench: {module} failed (exit {done.returncode}); its previous figures are kept", flush=True)
        missing = " and ".join(sorted(needs)) or "nothing"
        previous = _old_section(old_text, heading)
        note = (
            f"\n_Not measured by the latest `make bench`, which had no {missing} configured "
            f"(set `DATABASE_URL` to PostgreSQL and `REDIS_URL`); the figures below are from an earlier run._\n"
        )
        if previous:
            head, _sep, body = previous.partition("\n")
            body = body.replace(note, "")
            sections.append(f"{head}\n{note}{body}")
        else:
            sections.append(f"{heading}\n{note}")
    return sections


def write_report(
    path: Path,
    target: Target,
    bare: Result,
    lesson: Result,
    routing: RoutingFigures,
    args: argparse.Namespace,
    extra: Sequence[str] = (),
) -> None:
    ratio = lesson.rps / bare.rps if bare.rps else 0.0
    verdict = "meets" if ratio >= GOAL else "does NOT meet"
    routing_verdict = "meets" if routing.end_to_end_rate >= ROUTING_GOAL else "does NOT meet"
    situation = bytecode_situation()
    routing_bytecode = f"\n  That is needed here: {situation}." if situation else ""
    routing_runs = ", ".join(f"{run.total_seconds:.2f} s" for run in routing.runs)
    routing_cold_row = (
        f"| the same, one run without a bytecode cache (every start compiles all modules) | "
        f"{routing.cold.total_seconds:.2f} | {routing.count / routing.cold.total_seconds:,.0f} |\n"
        if routing.cold is not None
        else ""
    )
    routing_single_rows = (
        f"| the same in one process (`--jobs 1`), inside `route_case` | {routing.single_inside_seconds:.2f} | "
        f"{routing.count / routing.single_inside_seconds:,.0f} |\n"
        f"| the same in one process, whole subprocess | {routing.single_total_seconds:.2f} | "
        f"{routing.count / routing.single_total_seconds:,.0f} |\n"
        if routing.single
        else ""
    )
    machine = f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    if args.load is not None:
        machine += f", load average {args.load:.1f} when the run began (other work on the machine lowers both figures)"
    text = f"""# Benchmarks

## Lesson page against a bare Django view

How many requests per second a signed-in learner's lesson page serves, compared with
a view that only returns `ok`, both served the same way in the same run. The goal is
a ratio of at least {GOAL:.2f}: the lesson page does real work (tenant scope, MFA
check, pages from Wagtail, the learner's attempt, progress and answers, StreamField
blocks and templates), but must not be more than ten times as slow as doing nothing.

### Latest run

{datetime.now().astimezone():%Y-%m-%d %H:%M %Z} on {machine}.

| URL | requests | seconds | requests per second |
|---|---:|---:|---:|
| bare view `{BARE_PATH}` | {bare.requests} | {bare.seconds:.1f} | {bare.rps:.0f} |
| lesson page | {lesson.requests} | {lesson.seconds:.1f} | {lesson.rps:.0f} |
| **ratio** (lesson / bare) | | | **{ratio:.2f}** ({verdict} the goal of {GOAL:.2f}) |

- Lesson: {target.lesson_title} ({target.lesson_blocks} blocks, {target.lesson_checks} knowledge checks,
  half of them answered; the earlier lessons of the module done), from {target.source}.
- The lesson page runs {target.queries} SQL queries per request (session, user, MFA check,
  organisation and membership included).
- Server: gunicorn, {args.workers} sync workers, on 127.0.0.1; SQLite file database (WAL),
  settings `bench.settings` (the test settings, `DEBUG = False`).
- Clients: {args.threads} threads with `http.client`, after {args.warmup} warm-up requests per URL;
  at most {args.requests} requests or {args.seconds:.0f} seconds per URL. Sync workers close the
  connection after each response, so each request opens a new one, for both URLs alike.
- Both URLs get the same session cookie and headers, so the bare view also pays for
  session, user and MFA middleware: the ratio shows what the lesson page itself costs.

## Routing throughput through `route_case`

{routing.count:,} generated cases (seeded, varied over every fact; {routing.payload_bytes / 1e6:.0f} MB of JSON in,
{routing.output_bytes / 1e6:.0f} MB out; routing contract v2, with questions and cautions) piped as one JSON list
through `python manage.py route_case --defaults` in a subprocess, which routes a list this long in
one process per processor (`--jobs`); the same runs in one process are the baseline. Goal: at least {ROUTING_GOAL:,} cases per second end to end, from starting
Python to its exit. Each figure is the median of {len(routing.runs)} runs, after one untimed run
that fills a bytecode cache, as on any run of the command after the first
(the last row: one run without it).

| measured | seconds | cases per second |
|---|---:|---:|
| routing inside `route_case` (stdin read to last byte written) | {routing.inside_seconds:.2f} | {routing.routing_rate:,.0f} |
| whole subprocess, Python start-up included (`--defaults` needs no Django) | {routing.total_seconds:.2f} | **{routing.end_to_end_rate:,.0f}** ({routing_verdict} the goal of {ROUTING_GOAL:,}) |
{routing_single_rows}{routing_cold_row}
- CPU time of the whole subprocess (user + system): {routing.cpu_seconds:.2f} s; the runs took
  {routing_runs} (wall clock; other work on the machine makes them longer).
- With `--defaults` (the shipped rules, no database) `manage.py` routes without starting
  Django (`referrals/routing/batch.py`); with the active rules of the database it starts
  Django and Wagtail first, about 1.8 s more per command. Start-up is a fixed cost per
  command, so the end-to-end figure rises with the number of cases. Python keeps the bytecode of the
  modules it imports and starts from it the next time; the measured runs keep theirs in
  a temporary folder (`PYTHONPYCACHEPREFIX`).{routing_bytecode} Without any bytecode
  cache every start compiles some 1,900 modules again (the last row).

{"".join(f"{section.rstrip()}{chr(10)}{chr(10)}" for section in extra)}## How to reproduce

```sh
make bench            # or: .venv/bin/python -m bench
# with PostgreSQL and Redis, also the reminders (and every bench that needs them):
DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal REDIS_URL=redis://127.0.0.1:6379/15 make bench
.venv/bin/python -m bench.reminders --markdown   # the reminder figures alone (same variables)
.venv/bin/python -m bench.dashboards --markdown  # the dashboard figures alone (PostgreSQL DATABASE_URL)
.venv/bin/python -m bench.exports --markdown     # the export figures alone (PostgreSQL DATABASE_URL)
.venv/bin/python -m bench --workers 4 --threads 8 --requests 5000 --seconds 30
.venv/bin/python -m bench.routing defaults   # the routing figures alone
```

Without `DATABASE_URL` and `REDIS_URL` the run takes about a minute, needs nothing but
the installed packages, uses a temporary folder for its database and rewrites this
file, keeping the sections of the benches it could not run. With them it also runs the
PostgreSQL (and Redis) benches, each in a database of its own on that server: the
reminders (about 15 minutes), the exports (about 5) and the dashboards (about 15; the
first run also seeds a million cases with `seed_scale` into `bench_dashboards`, about
10 minutes, and keeps that database for the next runs).
"""
    path.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers (default 2)")
    parser.add_argument("--threads", type=int, default=4, help="client threads (default 4)")
    parser.add_argument("--warmup", type=int, default=50, help="warm-up requests per URL (default 50)")
    parser.add_argument("--requests", type=int, default=3000, help="at most this many requests per URL (default 3000)")
    parser.add_argument("--seconds", type=float, default=15, help="at most this long per URL (default 15)")
    parser.add_argument("--routing-cases", type=int, default=100_000, help="cases through route_case (default 100000)")
    parser.add_argument("--no-write", action="store_true", help="print only; leave BENCHMARKS.md alone")
    args = parser.parse_args()
    args.load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None

    folder = Path(tempfile.mkdtemp(prefix="veilig-online-bench-"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    os.environ["BENCH_DB"] = str(folder / "bench.sqlite3")
    os.environ["VAR_DIR"] = str(folder)
    database_url = os.environ.pop("DATABASE_URL", "")
    redis_url = os.environ.get("REDIS_URL", "")
    try:
        print("bench: preparing the database …", flush=True)
        target = prepare()
        port = free_port()
        log = folder / "gunicorn.log"
        server = start_server(port, args.workers, log)
        try:
            wait_ready(port, server, target.cookie)
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            status, body = get(conn, target.lesson_path, target.cookie)
            conn.close()
            if status != 200 or b"<h1>" not in body:
                raise SystemExit(f"bench: the lesson page answered {status}; see {log}")
            results = {}
            for name, path in (("bare", BARE_PATH), ("lesson", target.lesson_path)):
                drive(port, path, target.cookie, requests=args.warmup, threads=args.threads, seconds=30)
                results[name] = drive(
                    port, path, target.cookie, requests=args.requests, threads=args.threads, seconds=args.seconds
                )
                print(
                    f"bench: {name:6} {results[name].rps:8.0f} requests/s  ({results[name].requests} in {results[name].seconds:.1f} s)",
                    flush=True,
                )
        finally:
            stop_server(server)
        ratio = results["lesson"].rps / results["bare"].rps
        print(
            f"bench: ratio lesson/bare = {ratio:.2f} (goal ≥ {GOAL:.2f}); lesson: {target.lesson_title}, {target.queries} queries"
        )
        routing = bench_routing(args.routing_cases, rules="defaults")
        report = ROOT / "BENCHMARKS.md"
        old_text = report.read_text(encoding="utf-8") if report.exists() else ""
        extra = server_benches(database_url, redis_url, old_text, folder)
        if not args.no_write:
            write_report(report, target, results["bare"], results["lesson"], routing, args, extra)
            print("bench: wrote BENCHMARKS.md")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
