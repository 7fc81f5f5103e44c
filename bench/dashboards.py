"""Dashboards over a million cases: latency of each dashboard, against a raw ``GROUP BY``
over the cases in the same run, peak memory of a request, and the rollup refresh.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal .venv/bin/python -m bench.dashboards --markdown

Needs a PostgreSQL ``DATABASE_URL``. The data lives in its own database
(``bench_dashboards`` on that server), filled once by ``manage.py seed_scale`` (issue
#6's size: 50 municipalities, 1,000 schools and clubs, 100,000 staff, 1,000,000 cases;
about six minutes on two cores) and kept between runs: a later run reuses it when it
holds scale data of the requested size (``--fresh`` rebuilds it). The seeding dominates
the run time, so the output says which it was.

1. **Latency** per dashboard (municipal, organisation coordinator, platform
   administrator, case handler, partner), p50 and p95 over ``--requests`` calls after
   warm-up calls, measured two ways: (a) the data read alone, the selectors the view
   calls, in this process inside the organisation's scope (as ``TenantMiddleware``
   sets it); (b) the whole request through Django's test ``Client`` (signed-in member
   of the right role with a second factor, sessions, middleware, template, ``DEBUG``
   off). Subjects: the municipality with the most schools and clubs, its school with
   the most cases and that school's coordinator, its case handler with the most open
   cases, the partner that received the most referrals, and a platform administrator.
2. **Raw GROUP BY**: the municipal dashboard's main counts straight from the source
   tables for the same municipality and the same 12 months (cases by month, status and
   organisation; cases by month, form and status; referrals by destination, status,
   outcome, escalation and days sent, acknowledged and closed, as the working-day
   buckets need them). Goal: municipal dashboard p95 at most 10 ms and at most 0.1
   times the raw ``GROUP BY``'s p95.
3. **Memory**: tracemalloc peak and RSS growth of one full municipal and one platform
   request. Goal: at most 200 MB.
4. **Refresh**: ``reporting.rollups.rollups_refresh()`` once over all the data (the
   dashboards are at most the beat interval plus this behind).
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import platform
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from bench import write_outputs
from bench.pg import admin, database_environment, is_postgres, server_url

ROOT = Path(__file__).resolve().parent.parent
HEADING = "## Dashboards over a million cases"
DATABASE_NAME = "bench_dashboards"
GOAL_P95_MS = 10.0
GOAL_RATIO = 0.1
GOAL_MEMORY_MB = 200.0
BENCH_DOMAIN = "bench.veilig-online.test"
SETTINGS = "portal.settings.test"  # DEBUG off, as in production; MD5 passwords, locmem mail and cache
FLOOR_PATH = "/organisaties/"
DASHBOARDS = ("municipal", "organisation", "platform", "handler", "partner")
LABELS = {
    "municipal": "municipal coordinator",
    "organisation": "organisation coordinator",
    "platform": "platform administrator",
    "handler": "case handler",
    "partner": "partner intake worker",
}


# --- Figures ------------------------------------------------------------------------------


def percentile(samples: Sequence[float], q: float) -> float:
    """The ``q``-th percentile (0–100), interpolated between the two nearest ranks (as
    numpy's default and ``statistics.quantiles(method="inclusive")``)."""
    if not samples:
        raise ValueError("No samples.")
    if not 0 <= q <= 100:
        raise ValueError("q must be between 0 and 100.")
    ordered = sorted(samples)
    rank = (len(ordered) - 1) * q / 100
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


@dataclass(frozen=True)
class Timing:
    """Milliseconds per call: p50, p95 and the extremes of ``count`` timed calls."""

    count: int
    p50: float
    p95: float
    low: float
    high: float
    queries: int  # SQL queries of one call

    @classmethod
    def of(cls, seconds: Sequence[float], queries: int) -> Timing:
        ms = [s * 1000 for s in seconds]
        return cls(len(ms), percentile(ms, 50), percentile(ms, 95), min(ms), max(ms), queries)


def time_calls(
    call: Callable[[], object], *, requests: int, warmup: int, seconds: float | None = None, minimum: int = 20
) -> list[float]:
    """Seconds of each of ``requests`` calls, after ``warmup`` untimed ones. With
    ``seconds``, warm-up and timed calls each stop once that much time has gone by
    (after at least ``minimum`` timed calls), so a slow dashboard cannot hold the run up."""
    clock = time.perf_counter
    deadline = clock() + seconds if seconds else math.inf
    for _ in range(warmup):
        call()
        if clock() > deadline:
            break
    timings: list[float] = []
    deadline = clock() + seconds if seconds else math.inf
    for _ in range(requests):
        began = clock()
        call()
        timings.append(clock() - began)
        if began > deadline and len(timings) >= minimum:
            break
    return timings


def count_queries(call: Callable[[], object]) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        call()
    return len(captured.captured_queries)


@dataclass(frozen=True)
class DashboardFigures:
    key: str  # one of DASHBOARDS
    subject: str
    data: Timing  # (a) the selectors alone
    request: Timing  # (b) the whole request through the test client


@dataclass(frozen=True)
class MemoryFigures:
    key: str
    traced_mb: float  # tracemalloc peak during the request
    rss_mb: float  # growth of the resident set's peak during the request
    rss_how: str  # how rss_mb was measured


@dataclass(frozen=True)
class Size:
    municipalities: int = 50
    organisations: int = 1000
    staff: int = 100_000
    cases: int = 1_000_000

    def arguments(self) -> list[str]:
        return [
            "--municipalities", str(self.municipalities),
            "--organisations", str(self.organisations),
            "--staff", str(self.staff),
            "--cases", str(self.cases),
        ]  # fmt: skip

    def describe(self) -> str:
        return (
            f"{self.municipalities:,} municipalities, {self.organisations:,} schools and clubs, "
            f"{self.staff:,} staff, {self.cases:,} cases"
        )


@dataclass(frozen=True)
class DatabaseInfo:
    reused: bool
    seeded_at: str  # ISO moment of the seeding ("" when unknown)
    seed_seconds: float | None  # seed_scale's run (with its rollup refresh); None when unknown
    cases: int
    referrals: int
    case_rollup_rows: int
    referral_rollup_rows: int
    training_rollup_rows: int


@dataclass
class Figures:
    size: Size
    database: DatabaseInfo
    requests: int
    warmup: int
    municipality: str
    municipality_organisations: int
    dashboards: list[DashboardFigures]
    raw: Timing
    memory: list[MemoryFigures]
    refresh_seconds: float | None
    seconds: float = 60.0
    when: str = ""
    machine: str = ""
    server: str = ""
    notes: list[str] = field(default_factory=list)

    def dashboard(self, key: str) -> DashboardFigures:
        return next(d for d in self.dashboards if d.key == key)

    @property
    def ratio_request(self) -> float:
        return self.dashboard("municipal").request.p95 / self.raw.p95

    @property
    def ratio_data(self) -> float:
        return self.dashboard("municipal").data.p95 / self.raw.p95

    def meets_request(self) -> bool:
        p95 = self.dashboard("municipal").request.p95
        return p95 <= GOAL_P95_MS and self.ratio_request <= GOAL_RATIO

    def meets_data(self) -> bool:
        p95 = self.dashboard("municipal").data.p95
        return p95 <= GOAL_P95_MS and self.ratio_data <= GOAL_RATIO

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=1)

    @classmethod
    def from_json(cls, text: str) -> Figures:
        data = json.loads(text)
        return cls(
            **{
                **data,
                "size": Size(**data["size"]),
                "database": DatabaseInfo(**data["database"]),
                "dashboards": [
                    DashboardFigures(d["key"], d["subject"], Timing(**d["data"]), Timing(**d["request"]))
                    for d in data["dashboards"]
                ],
                "raw": Timing(**data["raw"]),
                "memory": [MemoryFigures(**m) for m in data["memory"]],
            }
        )

    def verdict(self) -> str:
        """Which measurement the goal is judged on, and whether it meets."""
        if self.meets_request():
            return "**meets** the goal, judged on the whole request (b)"
        if self.meets_data():
            return "**does NOT meet** the goal judged on the whole request (b); the data read alone (a) meets it"
        return "**does NOT meet** the goal, neither as a whole request (b) nor as the data read alone (a)"

    def markdown(self) -> str:
        """The section for BENCHMARKS.md."""
        m = self.dashboard("municipal")
        db = self.database
        rows = [
            f"| {LABELS[d.key]} | {d.data.p50:.2f} | {d.data.p95:.2f} | {d.data.queries} "
            f"| {d.request.p50:.2f} | {d.request.p95:.2f} | {d.request.queries} | {d.data.count} / {d.request.count} |"
            for d in self.dashboards
        ]
        table = "\n".join(rows)
        subjects = "\n".join(f"  - {LABELS[d.key]}: {d.subject}" for d in self.dashboards)
        p95_ok = "meets" if m.request.p95 <= GOAL_P95_MS else "does NOT meet"
        p95_data_ok = "meets" if m.data.p95 <= GOAL_P95_MS else "does NOT meet"
        ratio_ok = "meets" if self.ratio_request <= GOAL_RATIO else "does NOT meet"
        ratio_data_ok = "meets" if self.ratio_data <= GOAL_RATIO else "does NOT meet"
        memory_rows = "\n".join(
            f"| {LABELS[x.key]}, whole request | {x.traced_mb:.1f} | {x.rss_mb:.1f} | "
            f"{'meets' if max(x.traced_mb, x.rss_mb) <= GOAL_MEMORY_MB else 'does NOT meet'} |"
            for x in self.memory
        )
        rss_how = self.memory[0].rss_how if self.memory else ""
        if db.reused:
            seeded = f"seeded {db.seeded_at[:16].replace('T', ' ')}" if db.seeded_at else "seeded by an earlier run"
            if db.seed_seconds is not None:
                seeded += f" in {db.seed_seconds / 60:.1f} minutes"
            origin = f"reused from an earlier run ({seeded}; `--fresh` seeds it again)"
        else:
            origin = (
                f"seeded by this run in {db.seed_seconds / 60:.1f} minutes" if db.seed_seconds else "seeded by this run"
            )
        refresh = (
            f"{self.refresh_seconds:.1f} s"
            if self.refresh_seconds is not None
            else "not timed in this run (`--no-refresh`)"
        )
        notes = "".join(f"- {note}\n" for note in self.notes)
        return f"""{HEADING}

Every dashboard on issue #6's national data: {self.size.describe()}
({db.cases:,} cases, {db.referrals:,} referrals; rollups of {db.case_rollup_rows:,} case rows,
{db.referral_rollup_rows:,} referral rows and {db.training_rollup_rows:,} training rows), on PostgreSQL
in the database `{DATABASE_NAME}`, {origin}. Milliseconds over {self.requests} calls each, after
{self.warmup} warm-up calls (a measurement stops after {self.seconds:.0f} s with at least 20 calls): (a) the data read alone (the selectors the view calls, in the organisation's
scope); (b) the whole request through Django's test client (signed-in member with a second factor,
session, every middleware, the template; `DEBUG` off). Default filters (the last 12 months).

| dashboard | (a) data p50 | (a) data p95 | queries | (b) request p50 | (b) request p95 | queries | calls (a) / (b) |
|---|---:|---:|---:|---:|---:|---:|---:|
{table}

The municipal dashboard against the same counts grouped straight from the cases and referrals
of {self.municipality} ({self.municipality_organisations} schools and clubs) for the same 12 months
({self.raw.queries} queries: cases by month, status and organisation; cases by month, form and status;
referrals by destination, status, outcome, escalation and the days sent, acknowledged and closed).
Goals: p95 at most {GOAL_P95_MS:.0f} ms, and at most {GOAL_RATIO} times the raw `GROUP BY`'s p95.

| measured | p50 ms | p95 ms | goal |
|---|---:|---:|---|
| raw `GROUP BY` over the source tables ({self.raw.count} calls) | {self.raw.p50:.1f} | {self.raw.p95:.1f} | |
| municipal dashboard, whole request (b) | {m.request.p50:.2f} | {m.request.p95:.2f} | {p95_ok} ≤ {GOAL_P95_MS:.0f} ms |
| **ratio** (b) p95 / raw p95 | | **{self.ratio_request:.3f}** | {ratio_ok} ≤ {GOAL_RATIO} |
| municipal dashboard, data read alone (a) | {m.data.p50:.2f} | {m.data.p95:.2f} | {p95_data_ok} ≤ {GOAL_P95_MS:.0f} ms |
| ratio (a) p95 / raw p95 | | {self.ratio_data:.3f} | {ratio_data_ok} ≤ {GOAL_RATIO} |

Verdict: the municipal dashboard {self.verdict()}.

Peak memory of one request (goal: at most {GOAL_MEMORY_MB:.0f} MB):

| request | tracemalloc peak MB | RSS growth MB | goal |
|---|---:|---:|---|
{memory_rows}

- Rebuilding every rollup from the source tables (`rollups_refresh()`, one transaction) took {refresh}; the
  dashboards are at most the beat interval (5 minutes) plus this behind.
- Subjects:
{subjects}
- RSS growth: {rss_how}.
- Run of {self.when} on {self.machine}; {self.server}. Other work on the machine lengthens every figure.
{notes}
Reproduce (the first run seeds `{DATABASE_NAME}`, six to ten minutes on two cores; later runs reuse it):

```sh
DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal .venv/bin/python -m bench.dashboards --markdown
.venv/bin/python -m bench.dashboards --requests 500 --fresh   # more calls; seed the database again
```
"""


# --- Database -----------------------------------------------------------------------------


def _database_note(url: str) -> dict[str, Any] | None:
    """The seeding note kept as the database's comment, or None when the database is missing."""
    query = "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = '%s'"
    rows = admin(url, query % DATABASE_NAME)
    if not rows:
        return None
    try:
        return json.loads(rows[0][0] or "{}")
    except ValueError:
        return {}


def _found_size(url: str) -> tuple[Size, bool] | None:
    """The scale data the database holds, and whether its rollups were refreshed; None
    when it holds no schema yet."""
    import psycopg

    with psycopg.connect(server_url(url, DATABASE_NAME), autocommit=True) as conn:
        try:
            municipalities, organisations = conn.execute(
                "SELECT count(*) FILTER (WHERE kind = 'municipality'),"
                " count(*) FILTER (WHERE kind IN ('school', 'sports_club'))"
                " FROM portal_organisation WHERE slug LIKE %s",
                ["scale-%"],
            ).fetchone()
            (staff,) = conn.execute(
                "SELECT count(*) FROM portal_user WHERE email LIKE %s", ["%@scale.veilig-online.test"]
            ).fetchone()
            (cases,) = conn.execute("SELECT count(*) FROM referrals_case").fetchone()
            (refreshed,) = conn.execute(
                "SELECT count(*) FROM reporting_rollupstate WHERE refreshed_at IS NOT NULL"
            ).fetchone()
        except psycopg.errors.UndefinedTable:
            return None
    return Size(municipalities, organisations, staff, cases), bool(refreshed)


def _manage(env: dict[str, str], *arguments: str) -> None:
    command = [sys.executable, "manage.py", *arguments]
    print(f"bench: manage.py {' '.join(arguments)} …", flush=True)
    # Our own interpreter and fixed arguments: nothing here comes from outside.
    done = subprocess.run(command, cwd=ROOT, env=env, check=False)  # noqa: S603
    if done.returncode != 0:
        raise SystemExit(f"bench: manage.py {arguments[0]} failed (exit {done.returncode})")


def prepare_database(url: str, size: Size, *, fresh: bool, folder: Path) -> tuple[bool, dict[str, Any]]:
    """Make sure ``bench_dashboards`` holds seed_scale data of ``size`` with refreshed
    rollups. Returns (reused, the seeding note)."""
    env = {**os.environ, "DATABASE_URL": server_url(url, DATABASE_NAME), "DJANGO_SETTINGS_MODULE": SETTINGS}
    env["VAR_DIR"] = str(folder)
    env.pop("REDIS_URL", None)
    note = None if fresh else _database_note(url)
    if note is not None:
        found = _found_size(url)
        if found is not None and found[0] == size:
            print(
                f"bench: reusing the database {DATABASE_NAME} ({size.describe()}); --fresh seeds it again", flush=True
            )
            _manage(env, "migrate", "--verbosity", "0")  # new migrations (indexes) since it was seeded
            if not found[1]:
                _manage(env, "refresh_rollups")
            return True, note
        why = "it holds no scale data" if found is None or found[0] == Size(0, 0, 0, 0) else f"it holds {found[0]}"
        print(f"bench: rebuilding the database {DATABASE_NAME}: {why}", flush=True)
    admin(url, f'DROP DATABASE IF EXISTS "{DATABASE_NAME}" WITH (FORCE)', f'CREATE DATABASE "{DATABASE_NAME}"')
    started = time.monotonic()
    _manage(env, "migrate", "--verbosity", "0")
    _manage(env, "load_course")  # the training rollups need the course's modules
    _manage(env, "seed_scale", "--force", *size.arguments())  # refreshes the rollups at its end
    note = {
        "size": asdict(size),
        "seeded_at": datetime.now().astimezone().isoformat(timespec="seconds"),
        "seed_seconds": round(time.monotonic() - started, 1),
    }
    comment = json.dumps(note).replace("'", "''")
    admin(url, f"COMMENT ON DATABASE \"{DATABASE_NAME}\" IS '{comment}'")
    return False, note


# --- Subjects ---------------------------------------------------------------------------------


@dataclass
class Subject:
    key: str
    description: str
    organisation: Any
    user: Any
    data: Callable[[], object]  # (a): the selectors, called inside the scope


def _with_second_factor(user: Any) -> Any:
    """Give a user an authenticator (TOTP) unless they have one: roles that see case data
    cannot reach a dashboard without one (``portal.mfa``), as in the tests' factories."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP

    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    return user


def _platformadmin() -> tuple[Any, Any]:
    """The platform organisation (made when the data has none) and a bench administrator."""
    from portal.models import Country, Membership, Organisation, User
    from portal.roles import OrganisationKind, Role

    platform_org = Organisation.objects.filter(kind=OrganisationKind.PLATFORM, is_active=True).order_by("pk").first()
    if platform_org is None:
        platform_org = Organisation.objects.create(
            name="Platform", slug="bench-platform", kind=OrganisationKind.PLATFORM, country=Country.NL
        )
    user, _created = User.objects.get_or_create(
        email=f"beheer@{BENCH_DOMAIN}", defaults={"first_name": "Bench", "last_name": "Beheer"}
    )
    Membership.objects.get_or_create(
        organisation=platform_org, user=user, defaults={"role": Role.PLATFORM_ADMIN, "is_active": True}
    )
    return platform_org, _with_second_factor(user)


def _member(organisation: Any, role: str, order: Sequence[int] = ()) -> Any:
    from portal.models import Membership

    memberships = Membership.objects.filter(organisation=organisation, role=role, is_active=True).select_related("user")
    by_user = {m.user_id: m for m in memberships}
    for user_id in order:
        if user_id in by_user:
            return _with_second_factor(by_user[user_id].user)
    first = memberships.order_by("pk").first()
    if first is None:
        raise SystemExit(f"bench: {organisation.name} has no active {role}")
    return _with_second_factor(first.user)


def subjects() -> tuple[list[Subject], Any, int]:
    """The five dashboards' subjects (see the module's docstring), the municipality and
    its number of schools and clubs."""
    from django.db.models import Count, Q, Sum
    from django.utils import timezone
    from django_scopes import scopes_disabled

    from portal.models import Organisation
    from portal.roles import OrganisationKind, Role
    from referrals.models import Case, Referral
    from reporting import dashboards, selectors
    from reporting.models import CaseMonthRollup
    from training.selectors import training_matrix

    local = (OrganisationKind.SCHOOL, OrganisationKind.SPORTS_CLUB)
    with scopes_disabled():
        municipality = (
            Organisation.objects.filter(kind=OrganisationKind.MUNICIPALITY, is_active=True)
            .annotate(n=Count("children", filter=Q(children__kind__in=local)))
            .order_by("-n", "pk")
            .first()
        )
        if municipality is None:
            raise SystemExit("bench: the database has no municipality")
        count = municipality.n
        # Its school (or club) with the most cases (the rollup's every-case rows say it at once).
        busiest = (
            CaseMonthRollup.objects.filter(municipality=municipality, form="", organisation__kind__in=local)
            .values("organisation")
            .annotate(n=Sum("count"))
            .order_by("-n", "organisation")
            .first()
        )
        if busiest is None:
            raise SystemExit(f"bench: {municipality.name} has no school with cases")
        school = Organisation.objects.select_related("parent").get(pk=busiest["organisation"])
        cases_at_school = busiest["n"]
        open_by_handler = list(
            Case.objects.filter(organisation=school, status=Case.Status.OPEN, handler__isnull=False)
            .values_list("handler")
            .annotate(n=Count("pk"))
            .order_by("-n", "handler")
        )
        handler = _member(school, Role.CASE_HANDLER, [user_id for user_id, _n in open_by_handler])
        handler_open = dict(open_by_handler).get(handler.pk, 0)
        coordinator = _member(school, Role.ORG_COORDINATOR)
        municipal = _member(municipality, Role.MUNICIPAL_COORDINATOR)
        top_partner = (
            Referral.received.exclude(partner=None)
            .values("partner")
            .annotate(n=Count("pk"))
            .order_by("-n", "partner")
            .first()
        )
        if top_partner is None:
            raise SystemExit("bench: the database has no referral to a partner on the portal")
        partner = Organisation.objects.get(pk=top_partner["partner"])
        intake = _member(partner, Role.PARTNER_INTAKE)
        platform_org, admin = _platformadmin()

    def municipal_data() -> object:
        # As the view reads it: from the cache, filled anew after each refresh
        # (``_cold_reads`` measures the read without the cache).
        groups = selectors.organisation_groups(municipality)
        return selectors.cached_area_dashboard(
            filters=selectors.Filters.default(), municipality_id=municipality.pk, groups=groups, group_by="organisation"
        )

    def organisation_data() -> object:
        return (
            selectors.area_dashboard(filters=selectors.Filters.default(), organisation_id=school.pk),
            selectors.overdue_work(now=timezone.now()),
            training_matrix(organisation=school).rows,
        )

    def platform_data() -> object:
        groups = selectors.municipality_groups()
        return selectors.cached_area_dashboard(
            filters=selectors.Filters.default(), groups=groups, group_by="municipality"
        )

    def handler_data() -> object:
        return dashboards.handler_dashboard(handler, country=school.country)

    def partner_data() -> object:
        return selectors.partner_rollup_dashboard(
            partner_id=partner.pk, country=partner.country, filters=dashboards.PartnerFilters()
        )

    found = [
        Subject(
            "municipal",
            f"{municipality.name}, the municipality with the most schools and clubs ({count})",
            municipality,
            municipal,
            municipal_data,
        ),
        Subject(
            "organisation",
            f"{school.name}, its {school.kind.replace('_', ' ')} with the most cases ({cases_at_school:,})",
            school,
            coordinator,
            organisation_data,
        ),
        Subject("platform", "every municipality (a bench administrator)", platform_org, admin, platform_data),
        Subject(
            "handler",
            f"the case handler of {school.name} with the most open cases ({handler_open})",
            school,
            handler,
            handler_data,
        ),
        Subject(
            "partner",
            f"{partner.name}, the partner that received the most referrals ({top_partner['n']:,})",
            partner,
            intake,
            partner_data,
        ),
    ]
    return found, municipality, count


# --- Measurements -------------------------------------------------------------------------------


def scoped(organisation: Any, call: Callable[[], object]) -> Callable[[], object]:
    """``call`` inside the organisation's scope, as ``TenantMiddleware`` runs a view."""
    from django_scopes import scope

    def run() -> object:
        with scope(organisation=organisation):
            return call()

    return run


def signed_in(user: Any) -> Any:
    """A test client with the user signed in (the tests' ``login_as``: ``force_login``;
    the second factor is the authenticator ``portal.mfa`` checks for)."""
    from django.test import Client

    client = Client(SERVER_NAME="localhost")  # in ALLOWED_HOSTS without the test runner's "testserver"
    client.force_login(user)
    return client


def requester(client: Any, path: str, check: str = "<h1") -> Callable[[], object]:
    def get() -> object:
        response = client.get(path)
        if response.status_code != 200:
            raise SystemExit(f"bench: {path} answered {response.status_code}")
        return response

    response = client.get(path)
    if response.status_code != 200 or check.encode() not in response.content:
        location = response.get("Location", "")
        raise SystemExit(f"bench: {path} answered {response.status_code} {location}")
    return get


def dashboard_path(organisation: Any) -> str:
    return f"/o/{organisation.slug}/dashboard/"


def raw_group_by(municipality: Any) -> Callable[[], object]:
    """The municipal dashboard's counts straight from the source tables (three queries)."""
    from django.db import connection
    from django.utils import timezone

    from reporting.selectors import Filters, add_months

    filters = Filters.default()
    tz = timezone.get_current_timezone_name()
    start = timezone.make_aware(datetime.combine(filters.start, datetime.min.time()))
    end = timezone.make_aware(datetime.combine(add_months(filters.end, 1), datetime.min.time()))
    cases = """
        SELECT date_trunc('month', c.created_at AT TIME ZONE %(tz)s) AS month, c.status, c.organisation_id, count(*)
        FROM referrals_case c JOIN portal_organisation o ON o.id = c.organisation_id
        WHERE o.parent_id = %(m)s AND c.created_at >= %(start)s AND c.created_at < %(end)s
        GROUP BY 1, 2, 3"""
    forms = """
        SELECT date_trunc('month', c.created_at AT TIME ZONE %(tz)s) AS month, f.form, c.status, count(*)
        FROM referrals_case c JOIN portal_organisation o ON o.id = c.organisation_id
        CROSS JOIN LATERAL jsonb_array_elements_text(c.facts -> 'forms') AS f(form)
        WHERE o.parent_id = %(m)s AND c.created_at >= %(start)s AND c.created_at < %(end)s
        GROUP BY 1, 2, 3"""
    referrals = """
        SELECT r.destination, max(r.destination_label), r.status, r.outcome, r.organisation_id,
               (r.sent_at AT TIME ZONE %(tz)s)::date, (r.acknowledged_at AT TIME ZONE %(tz)s)::date,
               (r.closed_at AT TIME ZONE %(tz)s)::date, count(*), count(r.escalated_at)
        FROM referrals_referral r JOIN portal_organisation o ON o.id = r.organisation_id
        WHERE o.parent_id = %(m)s AND r.status <> 'draft'
          AND r.sent_at >= %(start)s AND r.sent_at < %(end)s
        GROUP BY r.destination, r.status, r.outcome, r.organisation_id, 6, 7, 8"""
    params = {"tz": tz, "m": municipality.pk, "start": start, "end": end}

    def run() -> object:
        with connection.cursor() as cursor:
            found = []
            for sql in (cases, forms, referrals):
                cursor.execute(sql, params)
                found.append(cursor.fetchall())
            return found

    return run


def _rss_kb(field_name: str) -> int | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(f"{field_name}:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def _reset_peak_rss() -> bool:
    """Linux: start the resident set's high-water mark (VmHWM) again from now."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def measure_memory(key: str, call: Callable[[], object]) -> MemoryFigures:
    """Peak memory of one call (already warm): the tracemalloc peak of a traced call, and
    how far the resident set's peak rose above its size before an untraced call."""
    gc.collect()
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        call()
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    gc.collect()
    before = _rss_kb("VmRSS")
    if before is not None and _reset_peak_rss():
        call()
        rss = max(0, (_rss_kb("VmHWM") or before) - before) / 1024
        how = "the rise of the process's peak resident set (VmHWM, reset before the request) above its size before"
    else:
        import resource

        start = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        call()
        rss = max(0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - start) / 1024
        how = "the rise of the process's lifetime peak resident set (ru_maxrss); 0 when it stayed below an earlier peak"
    return MemoryFigures(key, peak / 1e6, rss, how)


# --- Runner ---------------------------------------------------------------------------------------


def _rows_read(municipality: Any) -> list[str]:
    """What the municipal dashboard reads, against what the raw ``GROUP BY`` reads, for the default 12 months."""
    from django.utils import timezone
    from django_scopes import scopes_disabled

    from referrals.models import Case, Referral
    from reporting.models import AreaCaseMonthRollup, AreaReferralMonthRollup, OrganisationMonthTotal
    from reporting.selectors import Filters, add_months

    filters = Filters.default()
    start = timezone.make_aware(datetime.combine(filters.start, datetime.min.time()))
    end = timezone.make_aware(datetime.combine(add_months(filters.end, 1), datetime.min.time()))
    window = {"municipality": municipality, "month__gte": filters.start, "month__lte": filters.end}
    with scopes_disabled():
        case_rows = AreaCaseMonthRollup.objects.filter(**window).count()
        referral_rows = AreaReferralMonthRollup.objects.filter(**window).count()
        total_rows = OrganisationMonthTotal.objects.filter(**window).count()
        cases = Case.objects.filter(
            organisation__parent=municipality, created_at__gte=start, created_at__lt=end
        ).count()
        referrals = (
            Referral.objects.filter(organisation__parent=municipality, sent_at__gte=start, sent_at__lt=end)
            .exclude(status=Referral.Status.DRAFT)
            .count()
        )
    read = case_rows + referral_rows + total_rows
    return [
        f"In those 12 months {municipality.name} has {cases:,} cases and {referrals:,} referrals; the municipal "
        f"dashboard reads {case_rows:,} area case rows, {referral_rows:,} area referral rows and {total_rows:,} "
        f"organisation totals (for the comparison): {read:,} rollup rows, {(cases + referrals) / max(1, read):.0f} "
        "times fewer than the cases and referrals they count."
    ]


def _cold_reads(municipality: Any, calls: int = 30) -> str:
    """The municipal dashboard's figures read without the cache (as on the first request
    after each refresh): p50 and p95 in milliseconds."""
    from django_scopes import scope

    from reporting import selectors

    groups = selectors.organisation_groups(municipality)
    samples = []
    with scope(organisation=municipality):
        for _i in range(calls):
            started = time.perf_counter()
            selectors.area_dashboard(
                filters=selectors.Filters.default(),
                municipality_id=municipality.pk,
                groups=groups,
                group_by="organisation",
            )
            samples.append((time.perf_counter() - started) * 1000)
    return (
        f"The municipal data read (a) comes from the cache, as in the view: the figures change only when the rollups "
        f"are rebuilt, and the cache key holds the rebuild, so the first request after each refresh reads the "
        f"rollups. That read without the cache: p50 {percentile(samples, 50):.2f} ms, p95 "
        f"{percentile(samples, 95):.2f} ms ({calls} calls)."
    )


def uncached(call: Callable[[], object]) -> Callable[[], object]:
    """``call`` with an empty cache, as the first request after a rollup rebuild."""
    from django.core.cache import cache

    def run() -> object:
        cache.clear()
        return call()

    return run


def _cold_requests(subject: Subject, calls: int = 30) -> str:
    """The whole municipal request with an empty cache (the first request after each
    rebuild builds the figures and the page): p50 and p95 in milliseconds."""
    call = uncached(requester(signed_in(subject.user), dashboard_path(subject.organisation)))
    samples = [seconds * 1000 for seconds in time_calls(call, requests=calls, warmup=0)]
    return (
        f"The whole municipal request (b) shows the page kept in the cache since the last rebuild (only the site's "
        f"header, with the person's name, is rendered per request). The first request after a rebuild reads the "
        f"rollups and renders the page: p50 {percentile(samples, 50):.2f} ms, p95 {percentile(samples, 95):.2f} ms "
        f"({calls} calls, cache emptied before each)."
    )


def _floor(subject: Subject, *, requests: int, warmup: int, seconds: float) -> str:
    """The same person's simplest signed-in page with the site's header (the list of
    their organisations): what any page costs here before its own content."""
    call = requester(signed_in(subject.user), FLOOR_PATH, check="<h1")
    timing = Timing.of(time_calls(call, requests=requests, warmup=warmup, seconds=seconds), count_queries(call))
    return (
        f"For scale, the simplest signed-in page with the site's header ({FLOOR_PATH}, the list of one's "
        f"organisations; {timing.queries} queries: session, user, second factor, the list, unread notifications) "
        f"takes p50 {timing.p50:.2f} ms, p95 {timing.p95:.2f} ms for the same person in the same run: that is the "
        "part of the municipal request that is not the dashboard's."
    )


def _machine() -> str:
    load = f", load average {os.getloadavg()[0]:.1f} when the run began" if hasattr(os, "getloadavg") else ""
    return f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}{load}"


def bench_dashboards(
    size: Size = Size(),
    *,
    requests: int = 200,
    warmup: int = 20,
    seconds: float = 60.0,
    fresh: bool = False,
    refresh: bool = True,
) -> Figures:
    """Prepare (or reuse) the database, measure, and return the figures (also printed)."""
    url = os.environ.get("DATABASE_URL", "")
    if not is_postgres(url):
        raise SystemExit("bench.dashboards needs a PostgreSQL DATABASE_URL")
    machine = _machine()
    began = f"{datetime.now().astimezone():%Y-%m-%d %H:%M %Z}"
    # The cache is local memory (REDIS_URL unset): the figures are the database's and Django's.
    with database_environment(
        DATABASE_NAME, prefix="veilig-online-bench-dashboards-", settings=SETTINGS, fresh=False, unset=("REDIS_URL",)
    ) as folder:
        reused, note = prepare_database(url, size, fresh=fresh, folder=folder)
        import django

        django.setup()
        return _measure(
            size,
            reused,
            note,
            requests=requests,
            warmup=warmup,
            seconds=seconds,
            refresh=refresh,
            machine=machine,
            began=began,
        )


def _measure(
    size: Size,
    reused: bool,
    note: dict[str, Any],
    *,
    requests: int,
    warmup: int,
    seconds: float,
    refresh: bool,
    machine: str,
    began: str,
) -> Figures:
    from django.db import connection
    from django_scopes import scopes_disabled

    from referrals.models import Case, Referral
    from reporting.models import CaseMonthRollup, ReferralMonthRollup, TrainingRollup

    with connection.cursor() as cursor:
        cursor.execute("SELECT version()")
        server = cursor.fetchone()[0].split(" on ")[0]
        # The rollups are rewritten by every refresh: start from analysed tables without dead rows.
        for table in (
            "reporting_casemonthrollup",
            "reporting_referralmonthrollup",
            "reporting_trainingrollup",
            "reporting_areacasemonthrollup",
            "reporting_areareferralmonthrollup",
            "reporting_organisationmonthtotal",
            "reporting_areamonthtotal",
        ):
            cursor.execute(f"VACUUM ANALYZE {table}")
    with scopes_disabled():
        database = DatabaseInfo(
            reused=reused,
            seeded_at=note.get("seeded_at", ""),
            seed_seconds=note.get("seed_seconds"),
            cases=Case.objects.count(),
            referrals=Referral.objects.exclude(status=Referral.Status.DRAFT).count(),
            case_rollup_rows=CaseMonthRollup.objects.count(),
            referral_rollup_rows=ReferralMonthRollup.objects.count(),
            training_rollup_rows=TrainingRollup.objects.count(),
        )
    print("bench: choosing the subjects …", flush=True)
    found, municipality, municipality_count = subjects()
    memory: list[MemoryFigures] = []
    figures: list[DashboardFigures] = []
    for subject in found:
        data_call = scoped(subject.organisation, subject.data)
        request_call = requester(signed_in(subject.user), dashboard_path(subject.organisation))
        data_queries = count_queries(data_call)
        request_queries = count_queries(request_call)
        data = Timing.of(time_calls(data_call, requests=requests, warmup=warmup, seconds=seconds), data_queries)
        request = Timing.of(
            time_calls(request_call, requests=requests, warmup=warmup, seconds=seconds), request_queries
        )
        figures.append(DashboardFigures(subject.key, subject.description, data, request))
        print(
            f"bench: {LABELS[subject.key]:<26} data p50 {data.p50:7.2f} p95 {data.p95:7.2f} ms ({data.queries} queries);"
            f"  request p50 {request.p50:7.2f} p95 {request.p95:7.2f} ms ({request.queries} queries)",
            flush=True,
        )
        if subject.key in ("municipal", "platform"):
            # The first request after a rebuild builds the page: the larger of the two.
            memory.append(measure_memory(subject.key, uncached(request_call)))
            print(
                f"bench: {LABELS[subject.key]:<26} memory of a request: tracemalloc peak {memory[-1].traced_mb:.1f} MB,"
                f" RSS growth {memory[-1].rss_mb:.1f} MB",
                flush=True,
            )
    raw_call = raw_group_by(municipality)
    raw = Timing.of(time_calls(raw_call, requests=requests, warmup=warmup, seconds=seconds), count_queries(raw_call))
    print(f"bench: raw GROUP BY ({municipality.name})   p50 {raw.p50:7.2f} p95 {raw.p95:7.2f} ms", flush=True)
    refresh_seconds = None
    if refresh:
        from reporting.rollups import rollups_refresh

        print("bench: rollups_refresh() over all the data …", flush=True)
        refresh_started = time.perf_counter()
        result = rollups_refresh()
        refresh_seconds = time.perf_counter() - refresh_started
        print(
            f"bench: rollups_refresh() {refresh_seconds:.1f} s ({result.case_rows:,} case rows,"
            f" {result.referral_rows:,} referral rows, {result.training_rows:,} training rows,"
            f" {result.area_rows:,} area rows, {result.partner_rows:,} partner rows)",
            flush=True,
        )
    result_figures = Figures(
        size=size,
        database=database,
        requests=requests,
        warmup=warmup,
        municipality=municipality.name,
        municipality_organisations=municipality_count,
        dashboards=figures,
        raw=raw,
        memory=memory,
        refresh_seconds=refresh_seconds,
        seconds=seconds,
        when=began,
        notes=[
            *_rows_read(municipality),
            _cold_reads(municipality),
            _cold_requests(found[0]),
            _floor(found[0], requests=requests, warmup=warmup, seconds=seconds),
        ],
        machine=machine,
        server=f"{server} on the same machine, default configuration",
    )
    m = result_figures.dashboard("municipal")
    print(
        f"bench: municipal p95 {m.request.p95:.2f} ms (goal ≤ {GOAL_P95_MS:.0f}); ratio to the raw GROUP BY "
        f"{result_figures.ratio_request:.3f} (goal ≤ {GOAL_RATIO}); data alone {m.data.p95:.2f} ms, ratio "
        f"{result_figures.ratio_data:.3f}",
        flush=True,
    )
    return result_figures


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.dashboards", description=__doc__.split("\n\n")[0])
    defaults = Size()
    parser.add_argument("--requests", type=int, default=200, help="timed calls per dashboard (default 200)")
    parser.add_argument("--warmup", type=int, default=20, help="untimed calls first (default 20)")
    parser.add_argument(
        "--seconds",
        type=float,
        default=60.0,
        help="stop timing one measurement after this long, with at least 20 calls (default 60)",
    )
    parser.add_argument("--municipalities", type=int, default=defaults.municipalities)
    parser.add_argument("--organisations", type=int, default=defaults.organisations)
    parser.add_argument("--staff", type=int, default=defaults.staff)
    parser.add_argument("--cases", type=int, default=defaults.cases)
    parser.add_argument("--fresh", action="store_true", help=f"drop {DATABASE_NAME} and seed it again")
    parser.add_argument("--no-refresh", action="store_true", help="do not time rollups_refresh()")
    parser.add_argument("--markdown", action="store_true", help="print the BENCHMARKS.md section at the end")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures to FILE (see from_json)")
    parser.add_argument("--section", type=Path, metavar="FILE", help="write the BENCHMARKS.md section to FILE")
    args = parser.parse_args()
    if args.requests < 1 or args.warmup < 0:
        parser.error("--requests must be at least 1 and --warmup at least 0")
    size = Size(args.municipalities, args.organisations, args.staff, args.cases)
    figures = bench_dashboards(
        size,
        requests=args.requests,
        warmup=args.warmup,
        seconds=args.seconds,
        fresh=args.fresh,
        refresh=not args.no_refresh,
    )
    write_outputs(args, figures)


if __name__ == "__main__":
    main()
