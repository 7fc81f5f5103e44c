"""Fill the database with realistic fake data at scale, for performance work.

    python manage.py seed_scale --municipalities 50 --organisations 1000 \\
        --staff 100000 --cases 1000000

Use PostgreSQL for the big sizes (COPY); SQLite works for small ones. Progress goes
to stderr, the summary to stdout. Everything it makes is marked (organisation slugs
``scale-…``, e-mail addresses ``…@scale.veilig-online.test``): ``--reset`` removes
exactly that before seeding again, ``--remove`` removes it and stops. See
``demo/scale.py`` for what the data looks like.
"""

from __future__ import annotations

import time
from datetime import date
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from demo.scale import Progress, ScaleError, ScaleOptions, scale_data_exists, scale_delete, scale_seed
from reporting.rollups import rollups_refresh


def _positive(value: str) -> int:
    number = int(value.replace("_", "").replace(",", ""))
    if number < 0:
        raise ValueError(value)
    return number


class Command(BaseCommand):
    help = (
        "Fill the database with realistic fake data at scale (municipalities, schools and clubs, staff, "
        "cases with referrals) using bulk inserts. Refuses when scale data exists unless --reset is given."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        defaults = ScaleOptions()
        parser.add_argument("--municipalities", type=_positive, default=defaults.municipalities)
        parser.add_argument(
            "--organisations",
            type=_positive,
            default=defaults.organisations,
            help="schools and sports clubs (about 1 in 5 a club), spread over the municipalities",
        )
        parser.add_argument(
            "--staff",
            type=_positive,
            default=defaults.staff,
            help="users, each with one membership: learners, case handlers, coordinators, partner intake workers",
        )
        parser.add_argument("--cases", type=_positive, default=defaults.cases)
        parser.add_argument("--seed", type=int, default=defaults.seed, help="the same seed gives the same data")
        parser.add_argument(
            "--until",
            type=date.fromisoformat,
            default=None,
            help="YYYY-MM-DD: the data covers the 24 months before this day (default: today)",
        )
        parser.add_argument(
            "--batch-size",
            type=_positive,
            default=defaults.batch_size,
            help="cases per chunk (one COPY per table per chunk)",
        )
        parser.add_argument(
            "--password",
            default=None,
            help="one password for every scale user (default: none, they cannot sign in)",
        )
        parser.add_argument("--reset", action="store_true", help="first remove the scale data of an earlier run")
        parser.add_argument("--remove", action="store_true", help="only remove the scale data, then stop")
        parser.add_argument(
            "--force", action="store_true", help="run even though DEBUG is off (never on a production database)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "DEBUG is off, so this looks like a production database: seed_scale refuses to fill it with "
                "fake data. Use --force only on a database made for tests."
            )

        def write(text: str) -> None:
            self.stderr.write(text, style_func=str, ending="")
            self.stderr.flush()

        progress = Progress(write, tty=self.stderr.isatty())
        scale_options = ScaleOptions(
            municipalities=options["municipalities"],
            organisations=options["organisations"],
            staff=options["staff"],
            cases=options["cases"],
            seed=options["seed"],
            batch_size=options["batch_size"],
            until=options["until"],
            password=options["password"],
        )
        try:
            scale_options.check()  # before anything is removed
            if options["remove"] or options["reset"]:
                if scale_data_exists():
                    started = time.monotonic()
                    deleted = scale_delete(progress)
                    removed = sum(deleted.values())
                    seconds = time.monotonic() - started
                    about = "about " if connection.vendor == "postgresql" else ""
                    self.stdout.write(f"Removed {about}{removed:,} scale rows in {seconds:.1f} s.")
                elif options["remove"]:
                    self.stdout.write("No scale data to remove.")
                if options["remove"]:
                    return
            result = scale_seed(scale_options, progress)
        except ScaleError as exc:
            raise CommandError(str(exc)) from None

        self.stdout.write(f"\nSeeded on {connection.vendor} in {result.total_seconds:.1f} s.")
        self.stdout.write(f"{'table':<32} {'rows':>12} {'seconds':>9} {'rows/s':>11}")
        for table, rows in sorted(result.rows.items(), key=lambda item: -item[1]):
            seconds = result.seconds.get(table, 0.0)
            rate = f"{rows / seconds:,.0f}" if seconds else "-"
            self.stdout.write(f"{table:<32} {rows:>12,} {seconds:>9.1f} {rate:>11}")
        self.stdout.write(
            "Phases: " + ", ".join(f"{label} {seconds:.1f} s" for label, seconds in progress.seconds.items()) + "."
        )
        if connection.vendor == "postgresql":
            self.stdout.write("(Table seconds: time spent writing; another process makes the cases meanwhile.)")
        for note in result.notes:
            self.stdout.write(note)
        self.stdout.write("Dashboard rollups …")
        refreshed = rollups_refresh(progress=self.stdout.write)
        self.stdout.write(f"Dashboard rollups rebuilt in {refreshed.seconds:.1f} s.")
