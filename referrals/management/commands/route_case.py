"""Route the facts of one case, or of many, from stdin to stdout.

    echo '{"country": "NL", "forms": ["threat"]}' | python manage.py route_case
    python manage.py route_case < cases.json   # a JSON list in, a JSON list out

Exit 0 with the result(s) as JSON on stdout. Invalid input: exit 2, one line on
stderr naming the field (and, for a list, the index), nothing on stdout. The rule
set is loaded once (one query) whatever the number of cases.
"""

from __future__ import annotations

import codecs
import gc
import json
import os
import queue
import sys
import threading
import time
from itertools import repeat
from typing import IO, Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError

from portal.models import Organisation
from referrals import selectors
from referrals.routing import Facts, FactsInvalid, RuleSet, default_rule_set, parse_facts, route

BATCH = 2000  # results written per write() call
PARALLEL_FROM = 20_000  # a list this long is routed in several processes (``--jobs``)
MAX_JOBS = 4
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
            raw = json.loads(data)
        except (ValueError, UnicodeDecodeError) as exc:
            raise CommandError(_one_line(f"stdin: ongeldige JSON: {exc}"), returncode=2) from None
        except RecursionError:
            raise CommandError("stdin: ongeldige JSON: te diep genest.", returncode=2) from None
        as_list = isinstance(raw, list)
        if not as_list and not isinstance(raw, dict):
            raise CommandError("stdin: verwacht één JSON-object met feiten, of een lijst daarvan.", returncode=2)
        jobs = _jobs(options.get("jobs"), len(raw) if as_list else 1)
        if jobs > 1:
            rule_set = self._rule_set(options)
            byte_stream = self._byte_stream()
            if byte_stream is not None:
                _route_in_parallel(raw, rule_set, jobs, byte_stream)
                return len(raw)
        if as_list:
            facts = _parse_list(raw)
        else:
            facts = [_parse(raw, "facts")]
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
            # The same characters as above, written as bytes (no text layer encoding
            # about 2 kB per case once more), from a second thread: a write into a
            # full pipe waits for the reader, and routing goes on meanwhile.
            with _Writer(byte_stream) as write:
                write(b"[")
                for start in range(0, len(facts), BATCH):
                    results = map(route, facts[start : start + BATCH], repeat(rule_set))
                    chunk = b",".join([result.to_json_bytes() for result in results])
                    write(chunk if start == 0 else b"," + chunk)
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
                _one_line(
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


class _Writer:
    """Writes to a byte stream from a second thread, a few batches behind. An error
    of the stream (a closed pipe) is raised in the caller's thread, on its next
    write or at the end."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream
        self.queue: queue.Queue[bytes | None] = queue.Queue(maxsize=4)
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="route_case-writer", daemon=True)

    def __enter__(self):  # type: ignore[no-untyped-def]
        self.thread.start()
        return self.write

    def write(self, data: bytes) -> None:
        if self.error is not None:
            raise self.error
        self.queue.put(data)

    def _run(self) -> None:
        failed = False
        while (data := self.queue.get()) is not None:
            if failed:
                continue  # keep taking batches, so the caller never waits on a full queue
            try:
                _write_all(self.stream, data)
            except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread
                self.error, failed = exc, True
        if not failed:
            try:
                self.stream.flush()
            except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread
                self.error = exc

    def __exit__(self, exc_type, exc, traceback) -> None:  # type: ignore[no-untyped-def]
        self.queue.put(None)
        self.thread.join()
        if exc_type is None and self.error is not None:
            raise self.error


def _write_all(stream: IO[bytes], data: bytes) -> None:
    """``stream.write(data)``, also for an unbuffered stream (``python -u``,
    ``PYTHONUNBUFFERED``), whose ``write`` may take only part of the data."""
    view = memoryview(data)
    while view:
        written = stream.write(view)
        if written is None:  # a non-blocking stream that is full
            raise BlockingIOError("stdout is non-blocking and full")
        view = view[written:]


def _parse_list(items: list[object]) -> list[Facts]:
    """Every item parsed; CommandError naming the first invalid one."""
    try:
        return list(map(parse_facts, items))
    except FactsInvalid:
        pass
    for index, item in enumerate(items):
        _parse(item, f"facts[{index}]")
    raise AssertionError("parse_facts refused an item it then accepted")  # pragma: no cover


def _parse(item: object, where: str) -> Facts:
    try:
        return parse_facts(item)
    except FactsInvalid as exc:
        raise CommandError(_one_line(f"{where}: ongeldige feiten: {exc.one_line()}"), returncode=2) from None


def _one_line(message: str) -> str:
    return " ".join(message.split())


# --- Several processes for a long list --------------------------------------------------
#
# Routing is pure and the rule set is compiled before the processes start, so each
# child (os.fork: it shares the compiled rule set and the decoded input) validates and
# routes its own slice, and sends back one status line, then its part of the JSON list.
# The parent first reads every status line: if any slice holds invalid facts it reports
# the first one (exit 2) and writes nothing on stdout, exactly as one process would.
# Then it copies the parts to stdout in order, so the output is byte for byte the same.


def _jobs(asked: int | None, cases: int) -> int:
    if asked is not None:
        if asked < 1:
            raise CommandError("--jobs: geef 1 of meer.", returncode=2)
        return min(asked, max(1, cases // 1000)) if cases > 1 else 1
    if cases < PARALLEL_FROM or not hasattr(os, "fork"):
        return 1
    return max(1, min(MAX_JOBS, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1))


def _route_in_parallel(raw: list[object], rule_set: RuleSet, jobs: int, out: IO[bytes]) -> None:
    from django.db import connections

    connections.close_all()  # no child inherits a database connection
    size = -(-len(raw) // jobs)
    children: list[tuple[int, int]] = []
    for number in range(jobs):
        start = number * size
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child
            os.close(read_end)
            status = 1
            try:
                _child(raw, start, min(start + size, len(raw)), rule_set, write_end)
                status = 0
            finally:
                os._exit(status)
        os.close(write_end)
        children.append((pid, read_end))
    readers = [os.fdopen(read_end, "rb", buffering=1 << 20) for _pid, read_end in children]
    try:
        first_error = None
        for reader in readers:
            line = reader.readline()
            if line.startswith(b"ERR "):
                first_error = first_error or line[4:].decode().strip()
            elif line != b"OK\n":
                first_error = first_error or "route_case: een deelproces stopte onverwacht."
        if first_error is not None:
            raise CommandError(first_error, returncode=2 if not first_error.startswith("route_case:") else 1)
        # The first child's part goes straight to stdout; the others are read at the
        # same time (a thread each: a child whose pipe is full would stop routing)
        # and written after it, in order.
        parts: list[list[bytes]] = [[] for _reader in readers]
        threads = [
            threading.Thread(target=_read_all, args=(reader, part), daemon=True)
            for reader, part in zip(readers[1:], parts[1:], strict=True)
        ]
        for thread in threads:
            thread.start()
        out.write(b"[")
        while chunk := readers[0].read(1 << 20):
            _write_all(out, chunk)
        for thread, part in zip(threads, parts[1:], strict=True):
            thread.join()
            out.write(b",")
            for chunk in part:
                _write_all(out, chunk)
        out.write(b"]\n")  # as self.stdout.write("]") ends the list in one process
        out.flush()
    finally:
        for reader in readers:
            reader.close()
        failed = [pid for pid, _fd in children if os.waitpid(pid, 0)[1] != 0]
    if failed and first_error is None:
        raise CommandError("route_case: een deelproces stopte onverwacht.", returncode=1)


def _read_all(reader: IO[bytes], into: list[bytes]) -> None:
    while chunk := reader.read(1 << 20):
        into.append(chunk)


def _child(raw: list[object], start: int, end: int, rule_set: RuleSet, fd: int) -> None:
    with os.fdopen(fd, "wb", buffering=1 << 20) as pipe:
        try:
            facts = list(map(parse_facts, raw[start:end]))
        except FactsInvalid:
            for index in range(start, end):
                try:
                    parse_facts(raw[index])
                except FactsInvalid as exc:
                    message = _one_line(f"facts[{index}]: ongeldige feiten: {exc.one_line()}")
                    pipe.write(b"ERR " + message.encode() + b"\n")
                    return
        pipe.write(b"OK\n")
        for offset in range(0, len(facts), BATCH):
            results = map(route, facts[offset : offset + BATCH], repeat(rule_set))
            chunk = b",".join([result.to_json_bytes() for result in results])
            pipe.write(chunk if offset == 0 else b"," + chunk)
