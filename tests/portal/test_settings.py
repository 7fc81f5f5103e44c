"""Settings come from the environment: a wrong value stops start-up with one line
that names the variable, and production passes ``check --deploy`` cleanly."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from portal.settings import env
from tests.portal.helpers import production, run_check


# Each case starts a Python process; the helpers' other refusals are unit-tested below.
@pytest.mark.parametrize(
    ("variable", "value"),
    [("DATABASE_URL", "mysql://x"), ("REDIS_URL", "nonsense"), ("INVITATION_VALID_DAYS", "abc")],
)
def test_invalid_environment_names_the_variable(variable, value, tmp_path):
    result = run_check(tmp_path, DJANGO_SETTINGS_MODULE="portal.settings.dev", **{variable: value})
    assert result.returncode != 0
    assert variable in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_dev_settings_run_with_nothing_set(tmp_path):
    result = run_check(tmp_path, DJANGO_SETTINGS_MODULE="portal.settings.dev")
    assert result.returncode == 0, result.stderr


def test_production_passes_check_deploy(tmp_path):
    result = run_check(tmp_path, "--deploy", "--fail-level", "WARNING", **production())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("SECRET_KEY", None),
        ("SECRET_KEY", "kort"),
        ("REDIS_URL", None),
        ("PSEUDONYM_KEY", None),
        ("PSEUDONYM_KEY", "kort"),
    ],
    ids=["no-secret", "short-secret", "no-redis", "no-pseudonym-key", "short-pseudonym-key"],
)
def test_production_refuses_to_start_without(variable, value, tmp_path):
    result = run_check(tmp_path, "--deploy", **production(**{variable: value}))
    assert result.returncode != 0
    assert variable in result.stderr
    assert "Traceback" not in result.stderr


# --- The helpers in portal/settings/env.py ---------------------------------------


@pytest.fixture
def clean(monkeypatch):
    for name in ("X_STR", "X_BOOL", "X_INT", "X_LIST", "X_DB", "X_REDIS"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_env_str(clean):
    assert env.env_str("X_STR", "standaard") == "standaard"
    clean.setenv("X_STR", "waarde")
    assert env.env_str("X_STR") == "waarde"
    clean.setenv("X_STR", "")
    assert env.env_str("X_STR", "leeg telt als niet gezet") == "leeg telt als niet gezet"


def test_env_str_required(clean):
    with pytest.raises(ImproperlyConfigured, match="X_STR"):
        env.env_str("X_STR")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1", True),
        ("true", True),
        ("Yes", True),
        (" on ", True),
        ("0", False),
        ("false", False),
        ("NO", False),
        ("off", False),
    ],
)
def test_env_bool(raw, expected, clean):
    clean.setenv("X_BOOL", raw)
    assert env.env_bool("X_BOOL") is expected


def test_env_bool_invalid_and_default(clean):
    assert env.env_bool("X_BOOL", True) is True
    clean.setenv("X_BOOL", "misschien")
    with pytest.raises(ImproperlyConfigured, match="X_BOOL"):
        env.env_bool("X_BOOL")


def test_env_int(clean):
    assert env.env_int("X_INT", 7) == 7
    clean.setenv("X_INT", "42")
    assert env.env_int("X_INT", minimum=1) == 42
    clean.setenv("X_INT", "0")
    with pytest.raises(ImproperlyConfigured, match="X_INT.*at least 1"):
        env.env_int("X_INT", minimum=1)
    clean.setenv("X_INT", "4.5")
    with pytest.raises(ImproperlyConfigured, match="X_INT"):
        env.env_int("X_INT")


def test_env_list(clean):
    assert env.env_list("X_LIST", ["a"]) == ["a"]
    clean.setenv("X_LIST", " a.nl, b.nl ,,c.nl ")
    assert env.env_list("X_LIST") == ["a.nl", "b.nl", "c.nl"]
    with pytest.raises(ImproperlyConfigured, match="X_REDIS"):
        env.env_list("X_REDIS")


def test_env_database(clean):
    clean.setenv("X_DB", "postgres://user:geheim@db.example.nl:5433/portal")
    config = env.env_database("X_DB")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["NAME"], config["HOST"], config["PORT"], config["USER"]) == ("portal", "db.example.nl", 5433, "user")
    clean.setenv("X_DB", "sqlite:////tmp/x.sqlite3")
    assert env.env_database("X_DB")["ENGINE"] == "django.db.backends.sqlite3"


@pytest.mark.parametrize("value", ["mysql://x", "nonsense", "postgres://db.example.nl", "postgres://db.example.nl/"])
def test_env_database_invalid(value, clean):
    clean.setenv("X_DB", value)
    with pytest.raises(ImproperlyConfigured, match="X_DB"):
        env.env_database("X_DB")


def test_env_redis_url(clean):
    assert env.env_redis_url("X_REDIS", None) is None
    clean.setenv("X_REDIS", "rediss://cache.example.nl:6380/1")
    assert env.env_redis_url("X_REDIS") == "rediss://cache.example.nl:6380/1"
    for bad in ("nonsense", "http://cache.example.nl", "redis://"):
        clean.setenv("X_REDIS", bad)
        with pytest.raises(ImproperlyConfigured, match="X_REDIS"):
            env.env_redis_url("X_REDIS")
