"""Real Celery workers for the reminder tests: subprocesses on a private queue of the
configured broker (Redis with REDIS_URL, else the filesystem broker in a temporary
folder), sharing the test's database and writing their mail as files.

The database is shared through ``TEST_WORKER_DATABASE`` (portal/settings/test.py):
the test database's name on PostgreSQL (the test runs with ``transactional_db`` so
its rows are committed), or the path of the SQLite file that ``file_database``
copies the migrated in-memory database to.
"""

from __future__ import annotations

import email
import json
import os
import signal
import subprocess
import sys
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
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
            client = _redis()
            keys = [self.name, *client.scan_iter(match=f"{self.name}\x06\x16*")]
            return sum(client.llen(key) for key in keys)
        return sum(1 for path in self.broker_folder.iterdir() if path.name.endswith(f".{self.name}.msg"))

    def cleanup(self) -> None:
        """Drop this queue's messages, bindings and unacknowledged deliveries (a killed
        worker leaves one behind in Redis, which would come back after the visibility timeout)."""
        if BROKER != "redis":
            return
        try:
            client = _redis()
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


def _redis():
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


@pytest.fixture
def worker_database(file_database) -> str:
    """The database name (PostgreSQL) or file (SQLite) a worker subprocess opens."""
    return connections[DEFAULT_DB_ALIAS].settings_dict["NAME"]


@pytest.fixture
def private_queue(tmp_path) -> Iterator[PrivateQueue]:
    queue = PrivateQueue(name=f"test-reminders-{uuid.uuid4().hex[:12]}", folder=tmp_path)
    keys = ("broker_url", "result_backend", "broker_transport_options", "task_routes")
    saved = {key: app.conf[key] for key in keys}
    if BROKER == "filesystem":
        # This process and the worker (VAR_DIR=tmp_path) use the same folders.
        for folder in ("broker", "processed", "results", "control"):
            (tmp_path / "celery" / folder).mkdir(parents=True)
        app.conf.update(
            broker_url="filesystem://",
            result_backend=f"file://{tmp_path / 'celery' / 'results'}",
            broker_transport_options={
                "data_folder_in": str(queue.broker_folder),
                "data_folder_out": str(queue.broker_folder),
                "processed_folder": str(tmp_path / "celery" / "processed"),
                "control_folder": str(tmp_path / "celery" / "control"),
                "store_processed": False,
            },
        )
    # The sweep's own enqueue (messaging.reminders._enqueue) sends here.
    app.conf.update(task_routes={REMINDER_TASKS: {"queue": queue.name}})
    reset_broker_connections()
    try:
        yield queue
    finally:
        app.conf.update(saved)
        reset_broker_connections()
        queue.cleanup()


@pytest.fixture
def mail_dir(tmp_path) -> Path:
    folder = tmp_path / "mail"
    folder.mkdir()
    return folder


@pytest.fixture(scope="session")
def worker_bytecode(tmp_path_factory) -> Path:
    """One bytecode cache for every worker of the run: only the first one compiles
    Django, Wagtail and the apps (even where PYTHONDONTWRITEBYTECODE is set)."""
    return tmp_path_factory.mktemp("worker-bytecode")


@pytest.fixture
def workers(worker_database, private_queue, mail_dir, tmp_path, settings, worker_bytecode) -> Iterator[Workers]:
    """Start real workers with ``workers.start()``; every one is stopped afterwards
    (before the database is flushed), and its log printed when the test failed."""
    settings.REMINDER_LEASE_SECONDS = LEASE_SECONDS
    settings.REMINDER_RETRY_BASE_SECONDS = 1
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "VAR_DIR": str(tmp_path),
        "TEST_WORKER_DATABASE": worker_database,
        "TEST_MAIL_DIR": str(mail_dir),
        "REMINDER_LEASE_SECONDS": str(LEASE_SECONDS),
        "REMINDER_RETRY_BASE_SECONDS": "1",
        "PYTHONPYCACHEPREFIX": str(worker_bytecode),
    }
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    pool = Workers(queue=private_queue, env=env, folder=tmp_path)
    try:
        yield pool
    finally:
        pool.stop_all()
        for worker in pool.started:
            output = worker.output()
            if "Traceback" in output or "ERROR" in output:
                print(f"--- {worker.name} (exit {worker.process.returncode}) ---\n{output[-5000:]}")


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
