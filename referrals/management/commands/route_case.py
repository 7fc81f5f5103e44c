"""Route the facts of one case, or of many, from stdin to stdout.

    echo '{"country": "NL", "forms": ["threat"]}' | python manage.py route_case
    python manage.py route_case < cases.json   # a JSON list in, a JSON list out

Exit 0 with the result(s) as JSON on stdout. Invalid input: exit 2, one line on
stderr naming the field (and, for a list, the index), nothing on stdout. The rule
set is loaded once (one query) whatever the number of cases.
"""

from __future__ import annotations

import gc
import json
import sys
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from portal.models import Organisation
from referrals import selectors
from referrals.routing import Facts, FactsInvalid, RuleSet, default_rule_set, parse_facts, route

BATCH = 2000  # results written per write() call


class Command(BaseCommand):
    help = "Route case facts (one JSON object, or a list of them) from stdin; print the result(s) as JSON."
    # System checks cost seconds at start-up and guard nothing this command does.
    requires_system_checks: list[str] = []
    stealth_options = ("stdin",)

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
            raw = json.loads(data)
        except (ValueError, UnicodeDecodeError) as exc:
            raise CommandError(_one_line(f"stdin: ongeldige JSON: {exc}"), returncode=2) from None
        except RecursionError:
            raise CommandError("stdin: ongeldige JSON: te diep genest.", returncode=2) from None
        if isinstance(raw, list):
            facts = [_parse(item, f"facts[{index}]") for index, item in enumerate(raw)]
        elif isinstance(raw, dict):
            facts = [_parse(raw, "facts")]
        else:
            raise CommandError("stdin: verwacht één JSON-object met feiten, of een lijst daarvan.", returncode=2)

        rule_set = self._rule_set(options)
        if not isinstance(raw, list):
            self.stdout.write(route(facts[0], rule_set).to_json())
            return 1
        write = self.stdout.write
        write("[", ending="")
        for start in range(0, len(facts), BATCH):
            chunk = ",".join([route(item, rule_set).to_json() for item in facts[start : start + BATCH]])
            write(chunk if start == 0 else "," + chunk, ending="")
        write("]")
        return len(facts)

    def _rule_set(self, options: dict[str, Any]) -> RuleSet:
        if options.get("defaults"):
            return default_rule_set()
        slug = options.get("municipality")
        if slug:
            municipality = Organisation.objects.filter(slug=slug, is_active=True).first()
            if municipality is None or selectors.municipality_of(municipality) is None:
                raise CommandError(f"--municipality: geen actieve gemeente of school met slug {slug!r}.", returncode=2)
            return selectors.rule_set_for_municipality(selectors.municipality_of(municipality))
        return selectors.active_rule_set()


def _parse(item: object, where: str) -> Facts:
    try:
        return parse_facts(item)
    except FactsInvalid as exc:
        raise CommandError(_one_line(f"{where}: ongeldige feiten: {exc.one_line()}"), returncode=2) from None


def _one_line(message: str) -> str:
    return " ".join(message.split())
