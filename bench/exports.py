"""Exports: peak memory and speed of a full "casussen" export (issue #6).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal \\
        .venv/bin/python -m bench.exports [--rows 1000000] [--json | --markdown]

Needs PostgreSQL: a throwaway database (``bench_exports`` on the server of
DATABASE_URL) is created, migrated, filled and dropped again. ``seed_scale`` data is
not used: it spreads its million cases over a thousand organisations, and an export
is of one organisation, so here one school holds every case (``--rows``), with the
forms of threat in its facts, a third closed with an outcome, and 0–2 sent referrals
per case of which half were acknowledged (what the export joins in).

For each format (CSV, XLSX) a fresh subprocess sets Django up, reads one case (so
the connection, the models and XlsxWriter are loaded), notes its peak RSS
(VmRSS; the peak, VmHWM, is reset through /proc/self/clear_refs, or ``ru_maxrss``
where that is not possible) as the baseline, then writes the whole export to a file with the
job's own writer (``exports.write_csv`` / ``write_xlsx`` over ``CASES.rows``: two
server-side cursors, 2,000 rows a fetch). Reported: the peak RSS minus the
baseline, and rows per second. Goal: at most 200 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.pg import throwaway_database

ROOT = Path(__file__).resolve().parent.parent
DATABASE_NAME = "bench_exports"
GOAL_MB = 200
FORMS = ("threat", "cyberbullying", "sextortion", "doxing", "hate_speech", "stalking", "grooming")
DESTINATIONS = (("slachtofferhulp", "Slachtofferhulp Nederland"), ("helpwanted", "HelpWanted"), ("politie", "Politie"))


@dataclass(frozen=True)
class FormatFigures:
    format: str
    rows: int
    seconds: float
    baseline_mb: float
    peak_mb: float
    file_mb: float
    ru_maxrss_mb: float  # the process's ru_maxrss at the end, start-up included
    peak_reset: bool  # True: peak_mb is VmHWM reset just before the export

    @property
    def growth_mb(self) -> float:
        return self.peak_mb - self.baseline_mb

    @property
    def rate(self) -> float:
        return self.rows / self.seconds if self.seconds else 0.0


@dataclass(frozen=True)
class ExportFigures:
    rows: int
    referrals: int
    results: list[FormatFigures]

    @property
    def met(self) -> bool:
        return all(result.growth_mb <= GOAL_MB for result in self.results)

    def to_json(self) -> str:
        data = asdict(self)
        for result, item in zip(self.results, data["results"], strict=True):
            item.update(growth_mb=round(result.growth_mb, 1), rows_per_second=round(result.rate))
        data.update(goal_mb=GOAL_MB, met=self.met)
        return json.dumps(data, indent=2)

    def markdown(self) -> str:
        lines = [
            "## Exports of a million rows",
            "",
            f"One school with {self.rows:,} cases and {self.referrals:,} sent referrals on PostgreSQL; "
            "the export job's writer in a fresh process per format (`python -m bench.exports`). "
            f"Memory is the peak RSS during the export minus the RSS of the same process just before it "
            "(Linux: the peak, VmHWM, is reset first so Django's start-up does not hide it; elsewhere `ru_maxrss`). "
            f"Goal: at most {GOAL_MB} MB.",
            "",
            "| format | rows | seconds | rows/s | file | peak RSS growth | goal |",
            "|---|---:|---:|---:|---:|---:|---|",
        ]
        for r in self.results:
            verdict = "met" if r.growth_mb <= GOAL_MB else "NOT met"
            lines.append(
                f"| {r.format.upper()} | {r.rows:,} | {r.seconds:.1f} | {r.rate:,.0f} | {r.file_mb:.0f} MB "
                f"| {r.growth_mb:.1f} MB | ≤ {GOAL_MB} MB: {verdict} |"
            )
        return "\n".join(lines)


# --- Database ------------------------------------------------------------------------


def _fill(rows: int) -> tuple[int, int]:
    """One municipality and one school; ``rows`` cases and their referrals, by COPY.
    Returns (school id, referrals)."""
    from django.db import connection

    from portal.models import Organisation
    from portal.roles import OrganisationKind

    municipality = Organisation.objects.create(
        name="Bench Gemeente", slug="bench-gemeente", kind=OrganisationKind.MUNICIPALITY, country="NL"
    )
    school = Organisation.objects.create(
        name="Bench School", slug="bench-school", kind=OrganisationKind.SCHOOL, parent=municipality
    )
    pick = random.Random(6)  # noqa: S311 - test data
    start = datetime(2024, 1, 1, 8, tzinfo=UTC)
    referrals = 0
    with connection.cursor() as cursor:
        with cursor.cursor.copy(
            "COPY referrals_case (id, organisation_id, reference, status, outcome, pseudonym, signal,"
            " first_impressions, wishes_note, facts, rules_version, consent_contact, consent_referral,"
            " created_at, closed_at) FROM STDIN"
        ) as copy:
            for number in range(1, rows + 1):
                created = start + timedelta(minutes=number)
                closed = number % 3 == 0
                facts = {"country": "NL", "forms": pick.sample(FORMS, pick.randint(1, 3))}
                copy.write_row(
                    (
                        number,
                        school.pk,
                        f"B-{number:07d}",
                        "closed" if closed else "open",
                        "referred" if closed else "",
                        "X.Y.",
                        "",
                        "",
                        "",
                        json.dumps(facts),
                        "",
                        False,
                        False,
                        created,
                        created + timedelta(days=20) if closed else None,
                    )
                )
        with cursor.cursor.copy(
            "COPY referrals_referral (organisation_id, case_id, municipality_id, destination, destination_label,"
            " urgency, summary, status, outcome, decline_reason, created_at, sent_at, acknowledged_at)"
            " FROM STDIN"
        ) as copy:
            for number in range(1, rows + 1):
                created = start + timedelta(minutes=number)
                for destination, label in pick.sample(DESTINATIONS, pick.choice((0, 1, 1, 2))):
                    sent = created + timedelta(days=1)
                    acknowledged = sent + timedelta(days=pick.randint(0, 6)) if pick.random() < 0.5 else None
                    copy.write_row(
                        (
                            school.pk,
                            number,
                            municipality.pk,
                            destination,
                            label,
                            "normal",
                            "",
                            "acknowledged" if acknowledged else "sent",
                            "",
                            "",
                            created,
                            sent,
                            acknowledged,
                        )
                    )
                    referrals += 1
        cursor.execute("SELECT setval(pg_get_serial_sequence('referrals_case', 'id'), %s)", [rows + 1])
        cursor.execute("VACUUM ANALYZE referrals_case")
        cursor.execute("VACUUM ANALYZE referrals_referral")
    return school.pk, referrals


# --- The measured process ------------------------------------------------------------------


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def _status_mb(field: str) -> float | None:
    """VmRSS (now) or VmHWM (peak) of this process, from /proc (Linux)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(f"{field}:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def _reset_peak() -> bool:
    """Start the peak (VmHWM) afresh at the current RSS, so that Django's start-up does
    not hide what the export needs. Linux only; False where it cannot."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def child(file_format: str, organisation_id: int, out: Path) -> None:
    """Runs in the subprocess: print one FormatFigures as JSON."""
    import django

    django.setup()
    from django.utils import translation
    from django_scopes import scope

    from portal import exports
    from portal.models import Organisation
    from referrals.exports import CASES

    organisation = Organisation.objects.get(pk=organisation_id)
    with scope(organisation=organisation), translation.override("nl"):
        first = next(CASES.rows(organisation, {"tot": "2024-01-01"}), None)  # warm: one case
        assert first is not None
        writer = exports.write_xlsx if file_format == "xlsx" else exports.write_csv
        reset = _reset_peak()
        # With the peak reset: now and peak are both VmRSS-based. Without: ru_maxrss,
        # whose start-up peak can hide a smaller export (the figure is then a floor).
        baseline = (_status_mb("VmRSS") if reset else None) or _maxrss_mb()
        began = time.perf_counter()
        rows = writer(out, CASES.header(), CASES.rows(organisation, {}))
        seconds = time.perf_counter() - began
        peak = (_status_mb("VmHWM") if reset else None) or _maxrss_mb()
    figures = FormatFigures(
        format=file_format,
        rows=rows,
        seconds=round(seconds, 2),
        baseline_mb=round(baseline, 1),
        peak_mb=round(max(peak, baseline), 1),
        file_mb=round(out.stat().st_size / 1e6, 1),
        ru_maxrss_mb=round(_maxrss_mb(), 1),
        peak_reset=reset,
    )
    print(json.dumps(asdict(figures)))


def bench_exports(rows: int = 1_000_000, formats: tuple[str, ...] = ("csv", "xlsx")) -> ExportFigures:
    with throwaway_database(DATABASE_NAME, prefix="veilig-online-bench-exports-") as folder:
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connections

        print(f"bench: migrating {DATABASE_NAME} …", file=sys.stderr, flush=True)
        call_command("migrate", verbosity=0, interactive=False)
        print(f"bench: {rows:,} cases …", file=sys.stderr, flush=True)
        organisation_id, referrals = _fill(rows)
        connections.close_all()
        results = []
        for file_format in formats:
            out = folder / f"export.{file_format}"
            print(f"bench: exporting as {file_format} …", file=sys.stderr, flush=True)
            done = subprocess.run(  # noqa: S603 - our own module
                [sys.executable, "-m", "bench.exports", "--child", file_format, str(organisation_id), str(out)],
                cwd=ROOT,
                env=os.environ.copy(),
                capture_output=True,
                text=True,
                check=True,
            )
            result = FormatFigures(**json.loads(done.stdout.strip().splitlines()[-1]))
            print(
                f"bench: {file_format}: {result.rows:,} rows in {result.seconds:.1f} s ({result.rate:,.0f}/s), "
                f"peak RSS +{result.growth_mb:.1f} MB (goal ≤ {GOAL_MB} MB)",
                file=sys.stderr,
                flush=True,
            )
            results.append(result)
            out.unlink(missing_ok=True)
        return ExportFigures(rows=rows, referrals=referrals, results=results)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.exports", description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="cases in the export (default 1000000)")
    parser.add_argument("--formats", default="csv,xlsx", help="comma-separated: csv,xlsx (default both)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--markdown", action="store_true", help="print the BENCHMARKS.md section")
    parser.add_argument("--section", type=Path, metavar="FILE", help="write the BENCHMARKS.md section to FILE")
    parser.add_argument("--child", nargs=3, metavar=("FORMAT", "ORGANISATION_ID", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        file_format, organisation_id, out = args.child
        child(file_format, int(organisation_id), Path(out))
        return
    figures = bench_exports(args.rows, tuple(f for f in args.formats.split(",") if f))
    if args.json:
        print(figures.to_json())
    if args.section:
        args.section.write_text(figures.markdown() + "\n", encoding="utf-8")
    if args.markdown or not (args.json or args.section):
        print(figures.markdown())
    if not figures.met and not args.section:
        sys.exit(1)


if __name__ == "__main__":
    main()
