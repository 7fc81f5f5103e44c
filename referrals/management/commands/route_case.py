"""Route the facts of one case, or of many, from stdin to stdout.

    echo '{"country": "NL", "forms": ["threat"]}' | python manage.py route_case
    python manage.py route_case < cases.json   # a JSON list in, a JSON list out

Exit 0 with the result(s) as JSON on stdout. Invalid input: exit 2, one line on
stderr naming the field (and, for a list, the index), nothing on stdout. The rule
set is loaded once (one query) whatever the number of cases. The routing of a batch
is ``referrals/routing/batch.py``; with ``--defaults`` manage.py runs it without
starting Django (the same output, see ``batch.main``).
"""

from __future__ import annotations

import codecs
import gc
import sys
import time
from itertools import repeat
from typing import IO, Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError, connections

from portal.models import Organisation
from referrals import selectors
from referrals.routing import RuleSet, default_rule_set, route
from referrals.routing.batch import (
    BATCH,
    MAX_JOBS,
    PARALLEL_FROM,
    BatchError,
    choose_jobs,
    decode,
    one_line,
    parse_list,
    parse_one,
    route_in_parallel,
    route_list_serially,
)

# Encodings that write the JSON (always ASCII: json.dumps escapes the rest) as its
# ASCII bytes, so the results can go to the byte stream under stdout unchanged.
_ASCII_ENCODINGS = frozenset({"utf-8", "ascii", "latin-1", "iso8859-1", "iso8859-15", "cp1252"})


class Command(BaseCommand):
    help = "Route case facts (one JSON object, or a list of them) from stdin; print the result(s) as JSON."
    # System checks cost seconds at start-up and guard nothing this command does.
    requires_system_checks: list[str] = []
    stealth_options = ("stdin",)

    def run_from_argv(self, argv: list[str]) -> None:
        # Only the command line comes here, and the process ends right after. Moving
        # what start-up made (Django, Wagtail, every app: some 170,000 objects the
        # cyclic garbage collector tracks) out of the collector's reach spares the
        # collections at interpreter exit, about half a second, and changes nothing
        # else: those objects live until the end anyway. call_command() (tests, other
        # code) does not pass here.
        gc.freeze()
        super().run_from_argv(argv)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--municipality",
            metavar="SLUG",
            help="also apply this municipality's local destinations and rules",
        )
        parser.add_argument(
            "--timing",
            action="store_true",
            help="report on stderr how long the routing took, from reading stdin to the last byte written",
        )
        parser.add_argument(
            "--jobs",
            type=int,
            metavar="N",
            help=f"route a list in N processes (default: one per processor, at most {MAX_JOBS}, for lists of "
            f"{PARALLEL_FROM:,} cases or more; 1: one process). The output is the same.",
        )
        parser.add_argument(
            "--defaults",
            action="store_true",
            help="use the shipped default rules (version in referrals/routing/defaults.py), not the database",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        stream = options.get("stdin") or sys.stdin
        data = stream.buffer.read() if hasattr(stream, "buffer") else stream.read()
        # A batch allocates many small objects and frees none of them until the end:
        # the cyclic garbage collector would only rescan them over and over.
        gc_was_enabled = gc.isenabled()
        gc.disable()
        try:
            count = self._route(data, options)
        finally:
            if gc_was_enabled:
                gc.enable()
        if options.get("timing"):
            self.stdout.flush()
            elapsed = time.perf_counter() - started
            self.stderr.write(
                f"route_case: {count} cases in {elapsed:.3f} s = {count / max(elapsed, 1e-9):.0f} cases/s"
            )

    def _route(self, data: str | bytes, options: dict[str, Any]) -> int:
        try:
            return self._route_batch(data, options)
        except BatchError as exc:
            raise CommandError(exc.message, returncode=exc.returncode) from None

    def _route_batch(self, data: str | bytes, options: dict[str, Any]) -> int:
        raw = decode(data)
        as_list = isinstance(raw, list)
        jobs = choose_jobs(options.get("jobs"), len(raw) if isinstance(raw, list) else 1)
        if isinstance(raw, list) and jobs > 1:
            rule_set = self._rule_set(options)
            byte_stream = self._byte_stream()
            if byte_stream is not None:
                route_in_parallel(raw, rule_set, jobs, byte_stream, before_fork=connections.close_all)
                return len(raw)
        facts = parse_list(raw) if isinstance(raw, list) else [parse_one(raw, "facts")]
        del raw  # the decoded input is not needed any more

        rule_set = self._rule_set(options)
        if not as_list:
            self.stdout.write(route(facts[0], rule_set).to_json())
            return 1
        byte_stream = self._byte_stream()
        if byte_stream is None:
            write = self.stdout.write
            write("[", ending="")
            for start in range(0, len(facts), BATCH):
                results = map(route, facts[start : start + BATCH], repeat(rule_set))
                chunk = ",".join([result.to_json() for result in results])
                write(chunk if start == 0 else "," + chunk, ending="")
        else:
            # The same characters, written as bytes (no text layer encoding about
            # 3 kB per case once more).
            route_list_serially(facts, rule_set, byte_stream)
        self.stdout.write("]")
        return len(facts)

    def _byte_stream(self) -> IO[bytes] | None:
        """The byte stream under stdout, flushed, when writing ASCII bytes to it gives
        exactly what writing the text would; None otherwise (a StringIO, say)."""
        buffer = getattr(self.stdout, "buffer", None)
        encoding = getattr(self.stdout, "encoding", None)
        if buffer is None or not isinstance(encoding, str):
            return None
        try:
            if codecs.lookup(encoding).name not in _ASCII_ENCODINGS:
                return None
        except LookupError:
            return None
        self.stdout.flush()
        return buffer

    def _rule_set(self, options: dict[str, Any]) -> RuleSet:
        if options.get("defaults"):
            return default_rule_set()
        try:
            return self._rule_set_from_database(options)
        except DatabaseError as exc:
            # A fresh checkout before `migrate` (no tables, or no database at all):
            # route with the shipped rules, and say so in one line.
            self.stderr.write(
                one_line(
                    f"route_case: de database is niet klaar ({type(exc).__name__}); de meegeleverde regels "
                    f"{default_rule_set().version} zijn gebruikt. Draai eerst `manage.py migrate` voor de "
                    "actieve regels en de regels van een gemeente."
                )
            )
            return default_rule_set()

    def _rule_set_from_database(self, options: dict[str, Any]) -> RuleSet:
        slug = options.get("municipality")
        if slug:
            municipality = Organisation.objects.filter(slug=slug, is_active=True).first()
            if municipality is None or selectors.municipality_of(municipality) is None:
                raise CommandError(f"--municipality: geen actieve gemeente of school met slug {slug!r}.", returncode=2)
            return selectors.rule_set_for_municipality(selectors.municipality_of(municipality))
        return selectors.active_rule_set()
