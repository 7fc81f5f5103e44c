"""A task goes through the configured broker to a real worker process and back.

With REDIS_URL set (the PostgreSQL + Redis CI run) that broker is Redis; without it,
the embedded filesystem broker the demo uses. A private queue keeps a demo worker
on the same machine from taking the test's task.
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.conf import settings

from portal.celery import app
from portal.tasks import ping

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def worker(tmp_path):
    queue = f"test-{uuid.uuid4().hex[:12]}"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test", "VAR_DIR": str(tmp_path)}
    saved = {key: app.conf[key] for key in ("broker_url", "result_backend", "broker_transport_options")}
    if not settings.REDIS_URL:
        # Point this process at the same folders the worker will use.
        for folder in ("broker", "processed", "results", "control"):
            (tmp_path / "celery" / folder).mkdir(parents=True)
        app.conf.update(
            broker_url="filesystem://",
            result_backend=f"file://{tmp_path / 'celery' / 'results'}",
            broker_transport_options={
                "data_folder_in": str(tmp_path / "celery" / "broker"),
                "data_folder_out": str(tmp_path / "celery" / "broker"),
                "processed_folder": str(tmp_path / "celery" / "processed"),
                "control_folder": str(tmp_path / "celery" / "control"),
            },
        )
    process = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "portal", "worker", "-Q", queue, "--pool", "solo", "-l", "warning"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        yield queue
    finally:
        process.terminate()
        try:
            output, _ = process.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            output, _ = process.communicate()
        app.conf.update(saved)
        app.pool.force_close_all()
        if process.returncode not in (0, -15):
            print(output)


@pytest.mark.celery_worker
def test_task_round_trip_through_a_real_worker(worker):
    expected_scheme = "redis" if settings.REDIS_URL else "filesystem"
    assert app.conf.broker_url.startswith(expected_scheme)
    token = uuid.uuid4().hex
    result = ping.apply_async(args=[token], queue=worker)
    assert result.get(timeout=60) == f"pong:{token}"
