"""Run the web server, a Celery worker and Celery beat together in the foreground.

Ctrl-C (or SIGTERM) stops all three. If one of them exits, the others are stopped
too, so a broken worker never hides behind a running web server.

The demo runs as production does where people notice: DEBUG off (the portal's own
Dutch error pages; WhiteNoise serves the static files), and SITE_URL (links in
mail, notifications and certificates) is the address the web server listens on,
unless DEBUG or SITE_URL are set in the environment.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from demo.accounts import demo_logins_text

# runserver checks the system and migrations before it binds; on a slow machine
# that takes a while.
START_TIMEOUT_SECONDS = 120


def split_addr(addr: str) -> tuple[str, int]:
    """``127.0.0.1:8100``, ``8100`` or ``[::1]:8100`` as (host, port)."""
    host, _sep, port = addr.rpartition(":")
    if not port.isdigit() or not 0 < int(port) < 65536:
        raise CommandError(f"--addr must end in a port number, e.g. 127.0.0.1:8000; got {addr!r}.")
    return host.strip("[]") or "127.0.0.1", int(port)


def site_url(addr: str) -> str:
    """The address people open: a server bound to every interface is reached on 127.0.0.1."""
    host, port = split_addr(addr)
    if host in {"0.0.0.0", "0", "::"}:  # noqa: S104 - the address the server binds, not ours
        host = "127.0.0.1"
    return f"http://{f'[{host}]' if ':' in host else host}:{port}"


def demo_environment(addr: str, environ: dict[str, str]) -> dict[str, str]:
    """The children's environment: DEBUG off and SITE_URL from the address, unless given."""
    env = dict(environ)
    env.setdefault("DEBUG", "false")
    if not env.get("SITE_URL"):
        env["SITE_URL"] = site_url(addr)
    return env


def wait_until_answering(
    host: str, port: int, *, alive: Callable[[], bool] | None = None, timeout: float = START_TIMEOUT_SECONDS
) -> bool:
    """True once something accepts connections on host:port; False when ``alive``
    says the server is gone or the timeout passes first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if alive is not None and not alive():
            return False
        try:
            with socket.create_connection((host, port), timeout=0.5):
                return True
        except OSError:
            time.sleep(0.2)
    return False


class Command(BaseCommand):
    help = "Run web + Celery worker + Celery beat for the demo (Ctrl-C stops all)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--addr", default="127.0.0.1:8000", help="host:port the web server listens on")

    def handle(self, *args: Any, **options: Any) -> None:
        addr = options["addr"]
        host, port = split_addr(addr)
        for folder in ("celery/broker", "celery/processed", "celery/results", "celery/control", "mail", "cache"):
            (settings.VAR_DIR / folder).mkdir(parents=True, exist_ok=True)
        connect_to = "127.0.0.1" if host in {"0.0.0.0", "0"} else host  # noqa: S104
        if wait_until_answering(connect_to, port, timeout=0.5):
            # Else the line below would report another program's server as ours.
            raise CommandError(f"Port {port} is already in use. Choose another: make demo PORT={port + 100}")
        env = demo_environment(addr, dict(os.environ))
        python = sys.executable
        commands = {
            "web": [python, "manage.py", "runserver", addr, "--noreload"],
            "worker": [python, "-m", "celery", "-A", "portal", "worker", "-l", "info", "--concurrency", "2"],
            "beat": [
                python,
                "-m",
                "celery",
                "-A",
                "portal",
                "beat",
                "-l",
                "info",
                "-s",
                settings.CELERY_BEAT_SCHEDULE_FILENAME,
            ],
        }
        # Fixed argument lists built above, never user input.
        processes = {name: subprocess.Popen(cmd, env=env) for name, cmd in commands.items()}  # noqa: S603

        stopping = False

        def stop(*_args: object) -> None:
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        try:
            web = processes["web"]
            if wait_until_answering(connect_to, port, alive=lambda: web.poll() is None and not stopping):
                self.stdout.write(demo_logins_text(env["SITE_URL"] + "/"))
                since = timezone.localtime().strftime("%Y-%m-%d %H:%M:%S %Z (UTC%z)")
                self.stdout.write(
                    f"Web, worker and beat are running since {since}; open {env['SITE_URL']}/ "
                    f"(DEBUG {'on' if env['DEBUG'].lower() in {'1', 'true', 'yes', 'on'} else 'off'}). "
                    "Press Ctrl-C to stop all three."
                )
            elif web.poll() is None and not stopping:
                self.stderr.write(f"The web server did not answer on {host}:{port}; stopping the rest.")
                stopping = True
            # A web server that exited is reported by the loop below.
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
