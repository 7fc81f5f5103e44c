"""Fixtures for real Celery workers in the reminder tests: subprocesses on a private
queue of the configured broker (Redis with REDIS_URL, else the filesystem broker in a
temporary folder), sharing the test's database and writing their mail as files. The
helpers they use (queue, workers, ``wait_for``) live in tests/celery/helpers.py.

The database is shared through ``TEST_WORKER_DATABASE`` (portal/settings/test.py):
the test database's name on PostgreSQL (the test runs with ``transactional_db`` so
its rows are committed), or the path of the SQLite file that ``file_database``
copies the migrated in-memory database to.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import DEFAULT_DB_ALIAS, connections

from portal.celery import app
from tests.celery.helpers import BROKER, LEASE_SECONDS, REMINDER_TASKS, PrivateQueue, Workers, reset_broker_connections


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
