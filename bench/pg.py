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
def throwaway_database(name: str, *, prefix: str, settings: str = "portal.settings.test") -> Iterator[Path]:
    """Create database ``name`` on the server of ``DATABASE_URL``, point this process at
    it (``DATABASE_URL``, ``DJANGO_SETTINGS_MODULE``, ``VAR_DIR`` = a temporary folder,
    which is yielded), and on the way out close Django's connections, drop the
    database, put the environment back and remove the folder."""
    url = os.environ.get("DATABASE_URL", "")
    if not is_postgres(url):
        raise SystemExit(f"this bench needs a PostgreSQL DATABASE_URL (for its database {name})")
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    saved = {key: os.environ.get(key) for key in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE", "VAR_DIR")}
    admin(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}"')
    os.environ.update(DATABASE_URL=server_url(url, name), DJANGO_SETTINGS_MODULE=settings, VAR_DIR=str(folder))
    try:
        yield folder
    finally:
        try:
            from django.db import connections

            connections.close_all()
        except Exception:  # noqa: BLE001, S110 - Django may not be set up yet
            pass
        admin(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        shutil.rmtree(folder, ignore_errors=True)
