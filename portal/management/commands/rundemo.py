"""Run the web server, a Celery worker and Celery beat together in the foreground.

Ctrl-C (or SIGTERM) stops all three. If one of them exits, the others are stopped
too, so a broken worker never hides behind a running web server.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand

from portal.demo import demo_logins_text


class Command(BaseCommand):
    help = "Run web + Celery worker + Celery beat for the demo (Ctrl-C stops all)."

    def add_arguments(self, parser) -> None:  # type: ignore[no-untyped-def]
        parser.add_argument("--addr", default="127.0.0.1:8000")

    def handle(self, *args, **options) -> None:  # type: ignore[no-untyped-def]
        for folder in ("celery/broker", "celery/processed", "celery/results", "celery/control", "mail", "cache"):
            (settings.VAR_DIR / folder).mkdir(parents=True, exist_ok=True)
        python = sys.executable
        commands = {
            "web": [python, "manage.py", "runserver", options["addr"], "--noreload"],
            "worker": [python, "-m", "celery", "-A", "portal", "worker", "-l", "info", "--concurrency", "2"],
            "beat": [
                python, "-m", "celery", "-A", "portal", "beat", "-l", "info",
                "-s", settings.CELERY_BEAT_SCHEDULE_FILENAME,
            ],
        }
        # Fixed argument lists built above, never user input.
        processes = {name: subprocess.Popen(cmd) for name, cmd in commands.items()}  # noqa: S603
        self.stdout.write(demo_logins_text(f"http://{options['addr']}/"))
        self.stdout.write("Web, worker and beat are running. Press Ctrl-C to stop all three.")

        stopping = False

        def stop(*_args: object) -> None:
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        try:
            while not stopping:
                for name, process in processes.items():
                    if process.poll() is not None:
                        self.stderr.write(f"{name} stopped (exit {process.returncode}); stopping the rest.")
                        stopping = True
                time.sleep(0.5)
        finally:
            for process in processes.values():
                if process.poll() is None:
                    process.terminate()
            deadline = time.monotonic() + 10
            for process in processes.values():
                try:
                    process.wait(timeout=max(0.1, deadline - time.monotonic()))
                except subprocess.TimeoutExpired:
                    process.kill()
