"""Routing many cases at once: JSON in, JSON out, as ``manage.py route_case`` does.

Pure Python, no Django (like the rest of ``referrals.routing``): the management
command uses it with the rule set it chose, and ``manage.py route_case --defaults``
runs ``main`` without starting Django at all (the shipped rules need no database, and
Django's start-up costs more than routing 30,000 cases).

Errors are ``BatchError(message, returncode)``: one line naming the field (and for a
list the index), exit 2, nothing on stdout.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import queue
import sys
import threading
import time
from collections.abc import Callable
from itertools import repeat
from types import TracebackType
from typing import IO

from referrals.routing.engine import route
from referrals.routing.facts import Facts, FactsInvalid, parse_facts
from referrals.routing.ruleset import RuleSet

BATCH = 2000  # results written per write() call
PARALLEL_FROM = 20_000  # a list this long is routed in several processes (``--jobs``)
MAX_JOBS = 4


class BatchError(Exception):
    def __init__(self, message: str, returncode: int = 2) -> None:
        super().__init__(message)
        self.message = message
        self.returncode = returncode


def decode(data: str | bytes) -> list[object] | dict[str, object]:
    """The decoded input: one facts object or a list; BatchError otherwise."""
    try:
        raw = json.loads(data)
    except (ValueError, UnicodeDecodeError) as exc:
        raise BatchError(one_line(f"stdin: ongeldige JSON: {exc}")) from None
    except RecursionError:
        raise BatchError("stdin: ongeldige JSON: te diep genest.") from None
    if not isinstance(raw, list | dict):
        raise BatchError("stdin: verwacht één JSON-object met feiten, of een lijst daarvan.")
    return raw


def route_list_serially(facts: list[Facts], rule_set: RuleSet, out: IO[bytes]) -> None:
    """``[result,result,…]`` on ``out`` (without the closing bracket), written from a
    second thread: a write into a full pipe waits for the reader, routing goes on."""
    with _Writer(out) as write:
        write(b"[")
        for start in range(0, len(facts), BATCH):
            results = map(route, facts[start : start + BATCH], repeat(rule_set))
            chunk = b",".join([result.to_json_bytes() for result in results])
            write(chunk if start == 0 else b"," + chunk)


def main(argv: list[str]) -> int:
    """``manage.py route_case --defaults [--jobs N] [--timing]`` without Django: the
    same bytes on stdout, the same lines on stderr, the same exit codes."""
    from referrals.routing import default_rule_set

    parser = argparse.ArgumentParser(prog="manage.py route_case")
    parser.add_argument("--defaults", action="store_true", required=True)
    parser.add_argument("--timing", action="store_true")
    parser.add_argument("--jobs", type=int)
    options = parser.parse_args(argv)
    started = time.perf_counter()
    data = sys.stdin.buffer.read()
    gc.disable()  # as the command: a batch frees nothing until the end
    out = sys.stdout.buffer
    try:
        raw = decode(data)
        del data
        rule_set = default_rule_set()
        count = len(raw) if isinstance(raw, list) else 1
        jobs = choose_jobs(options.jobs, count)
        if isinstance(raw, list) and jobs > 1:
            route_in_parallel(raw, rule_set, jobs, out)
        elif isinstance(raw, list):
            facts = parse_list(raw)
            del raw
            route_list_serially(facts, rule_set, out)
            out.write(b"]\n")
        else:
            out.write(route(parse_one(raw, "facts"), rule_set).to_json_bytes() + b"\n")
        out.flush()
    except BatchError as exc:
        sys.stderr.write(f"CommandError: {exc.message}\n")
        return exc.returncode
    if options.timing:
        elapsed = time.perf_counter() - started
        sys.stderr.write(f"route_case: {count} cases in {elapsed:.3f} s = {count / max(elapsed, 1e-9):.0f} cases/s\n")
    return 0


class _Writer:
    """Writes to a byte stream from a second thread, a few batches behind. An error
    of the stream (a closed pipe) is raised in the caller's thread, on its next
    write or at the end."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream
        self.queue: queue.Queue[bytes | None] = queue.Queue(maxsize=4)
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="route_case-writer", daemon=True)

    def __enter__(self) -> Callable[[bytes], None]:
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

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
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


def parse_list(items: list[object]) -> list[Facts]:
    """Every item parsed; BatchError naming the first invalid one."""
    try:
        return list(map(parse_facts, items))
    except FactsInvalid:
        pass
    for index, item in enumerate(items):
        parse_one(item, f"facts[{index}]")
    raise AssertionError("parse_facts refused an item it then accepted")  # pragma: no cover


def parse_one(item: object, where: str) -> Facts:
    try:
        return parse_facts(item)
    except FactsInvalid as exc:
        raise BatchError(one_line(f"{where}: ongeldige feiten: {exc.one_line()}")) from None


def one_line(message: str) -> str:
    return " ".join(message.split())


# --- Several processes for a long list --------------------------------------------------
#
# Routing is pure and the rule set is compiled before the processes start, so each
# child (os.fork: it shares the compiled rule set and the decoded input) validates and
# routes its own slice, and sends back one status line, then its part of the JSON list.
# The parent first reads every status line: if any slice holds invalid facts it reports
# the first one (exit 2) and writes nothing on stdout, exactly as one process would.
# Then it copies the parts to stdout in order, so the output is byte for byte the same.


def choose_jobs(asked: int | None, cases: int) -> int:
    if asked is not None:
        if asked < 1:
            raise BatchError("--jobs: geef 1 of meer.")
        return min(asked, max(1, cases // 1000)) if cases > 1 else 1
    if cases < PARALLEL_FROM or not hasattr(os, "fork"):
        return 1
    return max(1, min(MAX_JOBS, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1))


def route_in_parallel(
    raw: list[object], rule_set: RuleSet, jobs: int, out: IO[bytes], *, before_fork: Callable[[], None] | None = None
) -> None:
    """The whole JSON list on ``out`` from ``jobs`` child processes (see above).
    ``before_fork``: e.g. close database connections, so no child inherits one."""
    if before_fork is not None:
        before_fork()
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
            raise BatchError(first_error, 2 if not first_error.startswith("route_case:") else 1)
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
        raise BatchError("route_case: een deelproces stopte onverwacht.", 1)


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
                    message = one_line(f"facts[{index}]: ongeldige feiten: {exc.one_line()}")
                    pipe.write(b"ERR " + message.encode() + b"\n")
                    return
        pipe.write(b"OK\n")
        for offset in range(0, len(facts), BATCH):
            results = map(route, facts[offset : offset + BATCH], repeat(rule_set))
            chunk = b",".join([result.to_json_bytes() for result in results])
            pipe.write(chunk if offset == 0 else b"," + chunk)
