"""One helper for every setting read from the environment.

Each getter raises ``ImproperlyConfigured`` with the variable's name in the
message, so a wrong or missing value stops start-up and says what to fix.
"""

from __future__ import annotations

import os
from typing import Any, overload
from urllib.parse import urlparse

import environ
from django.core.exceptions import ImproperlyConfigured

_env = environ.Env()

_MISSING = object()


def _raw(name: str, default: Any) -> str | Any:
    value = os.environ.get(name)
    if value is None or value == "":
        if default is _MISSING:
            raise ImproperlyConfigured(f"Environment variable {name} is required but not set.")
        return default
    return value


def env_str(name: str, default: Any = _MISSING) -> str:
    return _raw(name, default)


def env_bool(name: str, default: Any = _MISSING) -> bool:
    value = _raw(name, default)
    if isinstance(value, bool):
        return value
    lowered = str(value).strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"Environment variable {name} must be true or false, got {value!r}.")


def env_int(name: str, default: Any = _MISSING, *, minimum: int | None = None) -> int:
    value = _raw(name, default)
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ImproperlyConfigured(f"Environment variable {name} must be a whole number, got {value!r}.") from None
    if minimum is not None and number < minimum:
        raise ImproperlyConfigured(f"Environment variable {name} must be at least {minimum}, got {number}.")
    return number


def env_list(name: str, default: Any = _MISSING) -> list[str]:
    value = _raw(name, default)
    if isinstance(value, list):
        return value
    return [item.strip() for item in str(value).split(",") if item.strip()]


def env_database(name: str, default: Any = _MISSING) -> dict[str, Any]:
    """A database URL (postgres://… or sqlite:///…) as a Django DATABASES entry."""
    value = _raw(name, default)
    if isinstance(value, dict):
        return value
    scheme = urlparse(value).scheme
    if scheme not in {"postgres", "postgresql", "pgsql", "sqlite"}:
        raise ImproperlyConfigured(
            f"Environment variable {name} must be a postgres:// or sqlite:/// URL, got scheme {scheme!r}."
        )
    try:
        config = _env.db_url_config(value)
    except Exception as exc:  # environ raises several types for malformed URLs
        raise ImproperlyConfigured(f"Environment variable {name} is not a valid database URL: {exc}") from None
    if scheme != "sqlite" and not config.get("NAME"):
        raise ImproperlyConfigured(f"Environment variable {name} must name a database, e.g. postgres://host/dbname.")
    return config


@overload
def env_redis_url(name: str) -> str: ...
@overload
def env_redis_url(name: str, default: str | None) -> str | None: ...
def env_redis_url(name: str, default: Any = _MISSING) -> str | None:
    value = _raw(name, default)
    if value is None:
        return None
    parsed = urlparse(value)
    if parsed.scheme not in {"redis", "rediss"} or not parsed.hostname:
        raise ImproperlyConfigured(f"Environment variable {name} must be a redis://host:port/db URL, got {value!r}.")
    return value


def env_fernet_keys(name: str, default: Any = _MISSING) -> list[str]:
    """Comma-separated Fernet keys (url-safe base64 of 32 bytes); the first encrypts."""
    keys = env_list(name, default)
    if not keys:
        raise ImproperlyConfigured(f"Environment variable {name} must hold at least one key.")
    from cryptography.fernet import Fernet

    for position, key in enumerate(keys, start=1):
        try:
            Fernet(key)
        except (ValueError, TypeError):
            raise ImproperlyConfigured(
                f"Environment variable {name}: key {position} is not a Fernet key "
                "(make one with: python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())')."
            ) from None
    return keys
