"""``seed_scale`` writes rows with PostgreSQL's COPY (and SQLite's executemany), so
Django's field defaults never apply: every NOT NULL column a model has must be in the
column list it is written with. Twice a new field (a reminder's ``cancel_reason``, a
certificate's ``organisation_name``) broke only the PostgreSQL run; this catches it on
any database, from the code alone."""

from __future__ import annotations

import re
from pathlib import Path

import demo.scale as scale

# ``writer.write(Model, MODEL_COLUMNS, rows)`` and ``yield Model, MODEL_COLUMNS, rows``
WRITE = re.compile(r"(?:\.write\(|yield )\s*(\w+),\s*(\w+_COLUMNS)")


def written_tables() -> list[tuple[type, tuple[str, ...]]]:
    source = Path(scale.__file__).read_text()
    found = []
    for model_name, columns_name in set(WRITE.findall(source)):
        model = getattr(scale, model_name, None)
        columns = getattr(scale, columns_name, None)
        if model is not None and columns is not None:
            found.append((model, columns))
    return found


def missing_columns(model: type, columns: tuple[str, ...]) -> list[str]:
    required = [field.column for field in model._meta.concrete_fields if not field.null and not field.has_db_default()]
    return [column for column in required if column not in columns]


def test_every_table_seed_scale_writes_is_found():
    tables = {model.__name__ for model, _columns in written_tables()}
    assert {"Case", "Referral", "Certificate", "Reminder", "Membership"} <= tables


def test_every_not_null_column_is_written():
    problems = {
        model.__name__: missing for model, columns in written_tables() if (missing := missing_columns(model, columns))
    }
    assert problems == {}


def test_the_check_sees_a_missing_column():
    from training.models import Certificate

    assert missing_columns(Certificate, scale.CERTIFICATE_COLUMNS) == []
    assert missing_columns(Certificate, scale.CERTIFICATE_COLUMNS[:-1]) == ["organisation_name"]
