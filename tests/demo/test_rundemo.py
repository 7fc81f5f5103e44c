"""`manage.py rundemo` (what `make demo` serves with): web, worker and beat with DEBUG
off and links at the address it serves, and a "running" line only once the port answers."""

from __future__ import annotations

import socket
import subprocess
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from demo.management.commands import rundemo

BASE_DIR = Path(__file__).resolve().parents[2]


def test_children_run_with_debug_off_and_site_url_from_the_address():
    env = rundemo.demo_environment("127.0.0.1:8100", {"PATH": "/bin"})
    assert env["DEBUG"] == "false"
    assert env["SITE_URL"] == "http://127.0.0.1:8100"
    assert env["PATH"] == "/bin"


def test_what_the_caller_sets_wins():
    env = rundemo.demo_environment("127.0.0.1:8100", {"DEBUG": "true", "SITE_URL": "https://demo.example.nl"})
    assert env["DEBUG"] == "true"
    assert env["SITE_URL"] == "https://demo.example.nl"


@pytest.mark.parametrize(
    ("addr", "url"),
    [
        ("127.0.0.1:8000", "http://127.0.0.1:8000"),
        ("0.0.0.0:8100", "http://127.0.0.1:8100"),
        ("localhost:9000", "http://localhost:9000"),
        ("[::1]:8100", "http://[::1]:8100"),
    ],
)
def test_site_url_is_the_address_people_open(addr, url):
    assert rundemo.site_url(addr) == url


def test_an_address_without_a_port_is_refused():
    with pytest.raises(CommandError, match="port"):
        rundemo.split_addr("127.0.0.1")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_waiting_ends_when_the_port_answers():
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        assert rundemo.wait_until_answering("127.0.0.1", server.getsockname()[1], timeout=30)


def test_waiting_ends_when_the_server_is_gone():
    assert not rundemo.wait_until_answering("127.0.0.1", free_port(), alive=lambda: False, timeout=30)


def test_waiting_ends_at_the_timeout():
    assert not rundemo.wait_until_answering("127.0.0.1", free_port(), timeout=0.3)


class FakeProcess:
    """A child that exits at once (as runserver does when it cannot start)."""

    def __init__(self, cmd, env):  # type: ignore[no-untyped-def]
        self.cmd, self.env, self.returncode = cmd, env, 1

    def poll(self):  # type: ignore[no-untyped-def]
        return self.returncode

    def terminate(self) -> None:
        pass

    def wait(self, timeout=None):  # type: ignore[no-untyped-def]
        return self.returncode


@pytest.fixture
def fake_children(monkeypatch, tmp_path):
    started: list[FakeProcess] = []

    def popen(cmd, env):  # type: ignore[no-untyped-def]
        started.append(FakeProcess(cmd, env))
        return started[-1]

    monkeypatch.setattr(subprocess, "Popen", popen)
    monkeypatch.setattr(settings, "VAR_DIR", tmp_path)
    monkeypatch.delenv("DEBUG", raising=False)
    monkeypatch.delenv("SITE_URL", raising=False)
    return started


def test_no_running_line_when_the_web_server_never_answers(fake_children):
    out, err = StringIO(), StringIO()
    port = free_port()
    call_command("rundemo", addr=f"127.0.0.1:{port}", stdout=out, stderr=err)
    assert "running" not in out.getvalue()
    assert "Veilig Online demo" not in out.getvalue()
    assert "web stopped (exit 1)" in err.getvalue()
    web = fake_children[0]
    assert web.cmd[2:5] == ["runserver", f"127.0.0.1:{port}", "--noreload"]
    assert all(child.env["DEBUG"] == "false" for child in fake_children)
    assert all(child.env["SITE_URL"] == f"http://127.0.0.1:{port}" for child in fake_children)


def test_running_line_once_the_port_answers_with_time_zone_and_address(fake_children, monkeypatch):
    out = StringIO()
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        port = server.getsockname()[1]
        fake_popen = subprocess.Popen

        def popen(cmd, env):  # type: ignore[no-untyped-def]
            # Nothing listens when rundemo starts; the "web server" opens the port.
            if "runserver" in cmd:
                server.listen()
            return fake_popen(cmd, env)

        monkeypatch.setattr(subprocess, "Popen", popen)
        # The children run until the running line is out, then the web server stops.
        monkeypatch.setattr(FakeProcess, "poll", lambda self: 0 if "running since" in out.getvalue() else None)
        call_command("rundemo", addr=f"127.0.0.1:{port}", stdout=out, stderr=StringIO())
    text = out.getvalue()
    assert f"Veilig Online demo: http://127.0.0.1:{port}/" in text
    running = next(line for line in text.splitlines() if "running since" in line)
    assert "(UTC+0" in running  # Europe/Amsterdam: +0100 or +0200
    assert f"open http://127.0.0.1:{port}/ (DEBUG off)" in running


def test_a_port_in_use_is_refused_before_anything_starts(fake_children):
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        port = other.getsockname()[1]
        with pytest.raises(CommandError, match=f"make demo PORT={port + 100}"):
            call_command("rundemo", addr=f"127.0.0.1:{port}", stdout=StringIO())
    assert fake_children == []


def test_make_demo_takes_a_port_and_site_url_follows():
    makefile = (BASE_DIR / "Makefile").read_text()
    assert "PORT ?= 8000" in makefile
    assert "seed run: export SITE_URL ?= http://127.0.0.1:$(PORT)" in makefile
    assert "manage.py rundemo --addr 127.0.0.1:$(PORT)" in makefile
