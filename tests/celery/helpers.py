"""Helpers for the real-worker tests (the fixtures that use them live in conftest.py):
the broker as this process sees it, worker subprocesses, polling with a timeout, and
the mail the workers wrote."""

from __future__ import annotations

import email
import json
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from kombu import pools

from portal.celery import app

ROOT = Path(__file__).resolve().parents[2]
# The send task(s) the sweep queues (the sweep itself runs in the test process).
REMINDER_TASKS = "referrals.tasks.reminder*_send"
# Short enough for tests: a lost task is queued again by the next sweep after 2 s.
LEASE_SECONDS = 2
BROKER = "redis" if settings.REDIS_URL else "filesystem"


def wait_for(
    condition: Callable[[], object],
    *,
    timeout: float,
    interval: float = 0.1,
    what: str = "",
    check: Callable[[], None] | None = None,
) -> object:
    """Poll ``condition`` until it returns something true; fail after ``timeout`` seconds
    (or at once when ``check`` fails)."""
    deadline = time.monotonic() + timeout
    while True:
        if check is not None:
            check()
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout:.0f} s waiting for {what or condition}")
        time.sleep(interval)


@dataclass
class PrivateQueue:
    """The broker as this test process sees it, with ``reminder_send`` routed to a
    queue of its own, so a demo worker on the same machine never takes its tasks."""

    name: str
    folder: Path

    @property
    def broker_folder(self) -> Path:
        return self.folder / "celery" / "broker"

    def size(self) -> int:
        """Messages waiting (not those a worker has taken)."""
        if BROKER == "redis":
            client = redis_client()
            keys = [self.name, *client.scan_iter(match=f"{self.name}\x06\x16*")]
            return sum(client.llen(key) for key in keys)
        return sum(1 for path in self.broker_folder.iterdir() if path.name.endswith(f".{self.name}.msg"))

    def cleanup(self) -> None:
        """Drop this queue's messages, bindings and unacknowledged deliveries (a killed
        worker leaves one behind in Redis, which would come back after the visibility timeout)."""
        if BROKER != "redis":
            return
        try:
            client = redis_client()
            client.delete(self.name, f"_kombu.binding.{self.name}", *client.scan_iter(match=f"{self.name}\x06\x16*"))
            for tag, raw in client.hgetall("unacked").items():
                try:
                    _payload, exchange, routing_key = json.loads(raw)
                except ValueError:
                    continue
                if self.name in (exchange, routing_key):
                    client.hdel("unacked", tag)
                    client.zrem("unacked_index", tag)
        except Exception as exc:  # noqa: BLE001 - cleanup must not hide the test's own result
            print(f"could not clean up queue {self.name}: {exc}")


def reset_broker_connections() -> None:
    """Close this process's broker connections and forget the pools and the result
    backend, so the next send (or result) uses the configuration in force."""
    pools.reset()  # kombu's process-wide pools, keyed by connection: closed and emptied
    app._pool = None
    amqp = app.__dict__.get("amqp")
    if amqp is not None:
        amqp._producer_pool = None
    app._backend_cache = None  # Celery keeps the result backend here, or per thread
    app._local.__dict__.pop("backend", None)


def redis_client():
    import redis

    return redis.Redis.from_url(settings.REDIS_URL)


@dataclass
class Worker:
    name: str
    process: subprocess.Popen[bytes]
    log: Path
    killed: bool = False

    def kill(self) -> None:
        """SIGKILL: no warm shutdown, no acknowledgement, a transaction cut off."""
        self.killed = True
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=15)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)

    def output(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""


@dataclass
class Workers:
    queue: PrivateQueue
    env: dict[str, str]
    folder: Path
    started: list[Worker] = field(default_factory=list)

    def start(self, *, concurrency: int = 1) -> Worker:
        name = f"w{len(self.started) + 1}-{self.queue.name}"
        log = self.folder / f"{name}.log"
        pool = ["--pool", "solo"] if concurrency == 1 else ["--pool", "prefork", "--concurrency", str(concurrency)]
        command = [
            sys.executable, "-m", "celery", "-A", "portal", "worker",
            "-Q", self.queue.name, "-n", f"{name}@%h", *pool, "-l", "warning",
            "--without-gossip", "--without-mingle", "--without-heartbeat",
        ]  # fmt: skip
        with log.open("wb") as out:
            process = subprocess.Popen(command, cwd=ROOT, env=self.env, stdout=out, stderr=subprocess.STDOUT)  # noqa: S603
        worker = Worker(name=name, process=process, log=log)
        self.started.append(worker)
        return worker

    def check(self) -> None:
        """Fail at once when a worker died by itself or a task raised (rather than
        waiting for a count that will never come)."""
        for worker in self.started:
            if worker.killed:
                continue
            if worker.process.poll() is not None:
                pytest.fail(f"{worker.name} stopped (exit {worker.process.returncode}):\n{worker.output()[-4000:]}")
            output = worker.output()
            if "raised unexpected" in output:
                pytest.fail(f"a task failed in {worker.name}:\n{output[-4000:]}")

    def wait(self, condition: Callable[[], object], *, what: str, timeout: float, interval: float = 0.1) -> object:
        return wait_for(condition, timeout=timeout, interval=interval, what=what, check=self.check)

    def stop_all(self) -> None:
        for worker in self.started:
            worker.stop()


def mail_message_ids(folder: Path) -> Counter[str]:
    """Every Message-ID in the file mail backend's files, counted (one file per
    connection; a message cut off by SIGKILL before its headers counts as none)."""
    ids: Counter[str] = Counter()
    for path in folder.glob("*.log"):
        for chunk in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
            if not chunk.strip():
                continue
            message_id = email.message_from_bytes(chunk)["Message-ID"]
            if message_id:
                ids[message_id.strip()] += 1
    return ids
