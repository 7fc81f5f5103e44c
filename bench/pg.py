"""PostgreSQL helpers the benches share: a database of their own on the server of
``DATABASE_URL``, created and migrated for the run and dropped after it."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlparse, urlunparse

POSTGRES_SCHEMES = {"postgres", "postgresql", "pgsql"}


def is_postgres(url: str) -> bool:
    return urlparse(url).scheme in POSTGRES_SCHEMES


def server_url(url: str, database: str) -> str:
    """``url`` with its database name replaced."""
    return urlunparse(urlparse(url)._replace(path=f"/{database}"))


def admin(url: str, *statements: str) -> list[Any]:
    """Run statements on the server's ``postgres`` database (to create and drop ours);
    returns the rows of the last one that returns any."""
    import psycopg

    rows: list[Any] = []
    with psycopg.connect(server_url(url, "postgres"), autocommit=True) as conn:
        for statement in statements:
            cursor = conn.execute(statement)
            if cursor.description is not None:
                rows = cursor.fetchall()
    return rows


@contextmanager
def database_environment(
    name: str,
    *,
    prefix: str,
    settings: str = "portal.settings.test",
    fresh: bool = True,
    unset: tuple[str, ...] = (),
) -> Iterator[Path]:
    """Point this process at database ``name`` on the server of ``DATABASE_URL``
    (``DATABASE_URL``, ``DJANGO_SETTINGS_MODULE``, ``VAR_DIR`` = a temporary folder,
    which is yielded; the variables in ``unset`` removed). ``fresh``: create the
    database first and drop it after; otherwise it is kept (a bench that reuses data).
    On the way out Django's connections are closed, the environment is put back and
    the folder removed."""
    url = os.environ.get("DATABASE_URL", "")
    if not is_postgres(url):
        raise SystemExit(f"this bench needs a PostgreSQL DATABASE_URL (for its database {name})")
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    keys = ("DATABASE_URL", "DJANGO_SETTINGS_MODULE", "VAR_DIR", *unset)
    saved = {key: os.environ.get(key) for key in keys}
    if fresh:
        admin(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}"')
    os.environ.update(DATABASE_URL=server_url(url, name), DJANGO_SETTINGS_MODULE=settings, VAR_DIR=str(folder))
    for key in unset:
        os.environ.pop(key, None)
    try:
        yield folder
    finally:
        try:
            from django.db import connections

            connections.close_all()
        except Exception:  # noqa: BLE001, S110 - Django may not be set up yet
            pass
        if fresh:
            admin(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        shutil.rmtree(folder, ignore_errors=True)


def throwaway_database(name: str, *, prefix: str, settings: str = "portal.settings.test") -> Any:
    """A database of the bench's own for one run: created, pointed at, dropped."""
    return database_environment(name, prefix=prefix, settings=settings, fresh=True)
