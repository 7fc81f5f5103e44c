"""Realistic fake data at scale, for performance work on dashboards (issue #6).

``manage.py seed_scale`` is the front door; everything it does lives here so the
tests can drive it at small sizes::

    python manage.py seed_scale --municipalities 50 --organisations 1000 \\
        --staff 100000 --cases 1000000

What it makes, all of it recognisable and removable:

* municipalities (about one in five Belgian), schools and sports clubs (about one
  in five a club) spread over them, and for each country one partner organisation
  per referral destination of the rule set (an existing partner on the portal for
  that destination is used instead). Every organisation's slug starts with
  ``scale-``.
* staff: users with one membership each, e-mail at ``@scale.veilig-online.test``,
  all sharing one password hash computed once (unusable unless ``password`` is
  given). Per school or club about 5% case handlers and 2% coordinators (at least
  one of each), the rest learners; one or two municipal coordinators per
  municipality; a few intake workers per partner. ``staff`` counts all of them.
* training (only when the course's modules exist: no Wagtail pages are made):
  assignments, attempts and certificates.
* cases over the last 24 months (a growing trend, quiet weekends and school
  holidays), each with facts and the routing engine's real advice, tasks, the
  chronology, follow-up reminders, and for about 40% one or two referrals that
  walk the lifecycle (sent, acknowledged within 0–10 working days or escalated,
  accepted or declined, closed) with their consent and reminders. Closed cases
  past the retention period are anonymised, as retention would have done.
  Victim fields are plainly fake: pseudonym ``S-<n>``, no signal text.

Speed. Primary keys are given explicitly (the sequences are moved past them at the
end), so rows can refer to each other without reading anything back. On
PostgreSQL every table is loaded with binary ``COPY`` (psycopg 3); the case rows
are made in chunks by a forked child process while this one writes the previous
chunk; the case tables' secondary indexes, unique constraints and foreign keys are
dropped for the load and made again afterwards (which checks every row), then the
tables are analysed. Elsewhere (SQLite, in the tests) rows go in with
``bulk_create``, made in this process. One transaction: a failed run leaves
nothing behind. Do not use the database while it runs: the load holds exclusive
locks on the case tables.

The same ``seed`` and ``until`` give the same data (primary keys aside).
"""

from __future__ import annotations

import calendar
import json
import math
import multiprocessing
import queue
import random
import sys
import time
import traceback
from bisect import bisect
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import partial
from itertools import accumulate
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.management.color import no_style
from django.db import DatabaseError, connection, models, reset_queries, transaction
from django.utils import timezone
from django.utils.text import slugify
from django_scopes import scopes_disabled

from messaging.models import NotificationKind, Reminder
from messaging.subjects import Subject
from portal.models import Membership, Organisation, User
from portal.roles import OrganisationKind, Role
from referrals import chronology
from referrals.messages import DEFAULT_FOLLOW_UP_DAYS as FOLLOW_UP_DAYS
from referrals.messages import PARTNER_ESCALATION_WORKING_DAYS as ESCALATE_AFTER
from referrals.messages import PARTNER_REMINDER_WORKING_DAYS as ACKNOWLEDGE_REMINDER_AFTER
from referrals.models import (
    Case,
    CaseEvent,
    CaseNote,
    CaseTask,
    DeletionLog,
    EvidenceItem,
    OrganisationCaseSettings,
    PartnerLink,
    PersonalDataAccess,
    Referral,
    ReferralConsent,
    ReferralUpdate,
    VictimContact,
)
from referrals.routing import Facts, route
from referrals.routing.ruleset import RuleSet
from referrals.routing.vocabulary import THREATS, VULNERABILITIES, WISHES
from referrals.services import DUE_DAYS_BY_URGENCY
from referrals.workdays import add_working_days
from training.models import CODE_ALPHABET, CODE_LENGTH, Answer, Assignment, Certificate, LessonProgress, ModuleAttempt

SLUG_PREFIX = "scale-"
EMAIL_DOMAIN = "scale.veilig-online.test"
MONTHS = 24
RETENTION_MONTHS = OrganisationCaseSettings._meta.get_field("retention_months").default
DAY = 86_400.0
HOUR = 3_600.0
MINUTE = 60.0


class _Plain:
    """The values of a TextChoices as plain ``str`` attributes (cheaper to write by the million)."""

    def __init__(self, choices: type[models.TextChoices]) -> None:
        for member in choices:
            setattr(self, member.name, str(member.value))


S: Any = _Plain(Referral.Status)
RO: Any = _Plain(Referral.Outcome)
EV: Any = _Plain(CaseEvent.Kind)
NK: Any = _Plain(NotificationKind)


class _Pick:
    """A weighted choice, prepared once: ``pick(rng.random())``."""

    __slots__ = ("values", "bounds", "total")

    def __init__(self, pairs: Sequence[tuple[Any, float]]) -> None:
        self.values = [value for value, _w in pairs]
        self.bounds = list(accumulate(w for _v, w in pairs))
        self.total = self.bounds[-1]

    def __call__(self, fraction: float) -> Any:
        return self.values[bisect(self.bounds, fraction * self.total)]


_encode_json = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False).encode


class ScaleError(Exception):
    """The run was refused or could not be done; the message says why."""


@dataclass(frozen=True)
class ScaleOptions:
    municipalities: int = 50
    organisations: int = 1000
    staff: int = 100_000
    cases: int = 1_000_000
    seed: int = 1
    batch_size: int = 10_000  # cases per chunk; rows per bulk_create on SQLite
    until: date | None = None  # the data ends at 00:00 of this day (default: today)
    password: str | None = None  # default: an unusable password

    def check(self) -> None:
        if self.municipalities < 1:
            raise ScaleError("--municipalities must be at least 1.")
        if self.organisations < 1:
            raise ScaleError("--organisations must be at least 1.")
        if self.cases < 0:
            raise ScaleError("--cases cannot be negative.")
        if self.batch_size < 10:
            raise ScaleError("--batch-size must be at least 10.")


# --- Progress ---------------------------------------------------------------------------


class Progress:
    """A plain-text progress line: ``cases  420,000/1,000,000  42%  37,512/s``.

    On a terminal the line is redrawn in place at most four times a second;
    otherwise a new line is written at most every two seconds. ``finish`` writes
    the final line and keeps the phase's duration in ``seconds``."""

    def __init__(
        self,
        write: Callable[[str], None],
        *,
        tty: bool = False,
        interval: float | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._write = write
        self._tty = tty
        self._interval = interval if interval is not None else (0.25 if tty else 2.0)
        self._clock = clock
        self.seconds: dict[str, float] = {}
        self.label = ""
        self.total = 0
        self.done = 0
        self._started = self._last = 0.0

    def start(self, label: str, total: int) -> None:
        self.label, self.total, self.done = label, total, 0
        self._started = self._last = self._clock()

    def advance(self, count: int, note: str = "") -> None:
        self.done += count
        now = self._clock()
        if now - self._last >= self._interval:
            self._last = now
            self._show(now, note, final=False)

    def finish(self, note: str = "") -> float:
        now = self._clock()
        self._show(now, note, final=True)
        elapsed = now - self._started
        self.seconds[self.label] = self.seconds.get(self.label, 0.0) + elapsed
        return elapsed

    def line(self, now: float, note: str = "") -> str:
        elapsed = max(now - self._started, 1e-9)
        percent = 100 * self.done // self.total if self.total else 100
        text = f"{self.label:<13} {self.done:>11,}/{self.total:,}  {percent:3d}%  {self.done / elapsed:>10,.0f}/s"
        return f"{text}  {note}" if note else text

    def _show(self, now: float, note: str, *, final: bool) -> None:
        text = self.line(now, note)
        if self._tty:
            self._write("\r" + text.ljust(100) + ("\n" if final else ""))
        else:
            self._write(text + "\n")


# --- Writing ----------------------------------------------------------------------------


class _Values:
    """How the rows carry moments (epoch seconds in, here ``datetime``), dates and
    JSON (already serialised text). The writer picks the form it writes fastest."""

    def moment(self, ts: float) -> Any:
        return datetime.fromtimestamp(ts, UTC)

    def maybe(self, ts: float | None) -> Any:
        return None if ts is None else self.moment(ts)

    def day(self, value: date) -> Any:
        return value

    def json(self, text: str) -> Any:
        return text


PG_EPOCH = 946_684_800.0  # 2000-01-01 00:00 UTC, where PostgreSQL's binary timestamps count from
PG_EPOCH_DAY = date(2000, 1, 1).toordinal()


class _BinaryValues(_Values):
    """PostgreSQL's binary COPY format: a timestamptz is an int8 of microseconds since
    2000-01-01 UTC, a date an int4 of days since then, a jsonb a version byte (1) and
    the text. Sent as those plain types, so nothing is converted twice."""

    def moment(self, ts: float) -> int:
        return int((ts - PG_EPOCH) * 1_000_000)

    def day(self, value: date) -> int:
        return value.toordinal() - PG_EPOCH_DAY

    def json(self, text: str) -> bytes:
        return b"\x01" + text.encode()


# Column type -> the type its values are sent as in a binary COPY (see _BinaryValues).
BINARY_TYPES = {
    "timestamptz": "int8",
    "date": "int4",
    "jsonb": "bytea",
    "varchar": "text",
    "text": "text",
    "bool": "bool",
    "int2": "int2",
    "int4": "int4",
    "int8": "int8",
}


class _Writer:
    """Appends rows (tuples in ``columns`` order) to a model's table."""

    values = _Values()

    def __init__(self, batch_size: int) -> None:
        self.batch_size = batch_size
        self.seconds: defaultdict[str, float] = defaultdict(float)
        self.rows: Counter[str] = Counter()

    def write(self, model: type[models.Model], columns: Sequence[str], rows: Sequence[tuple]) -> None:
        if not rows:
            return
        started = time.monotonic()
        self._write(model, columns, rows)
        label = model._meta.db_table
        self.seconds[label] += time.monotonic() - started
        self.rows[label] += len(rows)
        if settings.DEBUG:
            reset_queries()  # DEBUG keeps every query's SQL otherwise

    def _write(self, model: type[models.Model], columns: Sequence[str], rows: Sequence[tuple]) -> None:
        raise NotImplementedError


class _CopyWriter(_Writer):
    """PostgreSQL: one binary ``COPY … FROM STDIN`` per call (psycopg 3)."""

    values = _BinaryValues()

    def __init__(self, batch_size: int) -> None:
        super().__init__(batch_size)
        self._types: dict[tuple[str, tuple[str, ...]], list[str]] = {}

    def types(self, table: str, columns: tuple[str, ...]) -> list[str]:
        key = (table, columns)
        if key not in self._types:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT a.attname, t.typname FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid "
                    "WHERE a.attrelid = %s::regclass AND a.attnum > 0 AND NOT a.attisdropped",
                    [table],
                )
                found = dict(cursor.fetchall())
            try:
                self._types[key] = [BINARY_TYPES[found[column]] for column in columns]
            except KeyError as exc:
                raise ScaleError(f"{table}: no binary COPY for column type {exc}.") from None
        return self._types[key]

    def _write(self, model: type[models.Model], columns: Sequence[str], rows: Sequence[tuple]) -> None:
        qn = connection.ops.quote_name
        meta = model._meta
        names = tuple(_column(meta.get_field(c)) for c in columns)
        sql = f"COPY {qn(meta.db_table)} ({', '.join(qn(n) for n in names)}) FROM STDIN (FORMAT BINARY)"
        types = self.types(meta.db_table, names)
        with connection.cursor() as cursor:
            raw = cursor.cursor
            with raw.copy(sql) as copy:
                copy.set_types(types)
                write_row = copy.write_row
                for row in rows:
                    write_row(row)


class _BulkCreateWriter(_Writer):
    """Any other database (SQLite in the tests): ``bulk_create``."""

    def _write(self, model: type[models.Model], columns: Sequence[str], rows: Sequence[tuple]) -> None:
        json_columns = [c for c in columns if isinstance(model._meta.get_field(c), models.JSONField)]
        objects = []
        for row in rows:
            values = dict(zip(columns, row, strict=True))
            for column in json_columns:
                if values[column] is not None:
                    values[column] = json.loads(values[column])
            objects.append(model(**values))
        model._base_manager.bulk_create(objects, batch_size=self.batch_size)


def _writer(batch_size: int) -> _Writer:
    return _CopyWriter(batch_size) if connection.vendor == "postgresql" else _BulkCreateWriter(batch_size)


def _first_free_id(model: type[models.Model]) -> int:
    """The first primary key after every row and every number the sequence handed out."""
    highest = model._base_manager.aggregate(highest=models.Max("pk"))["highest"] or 0
    if connection.vendor == "postgresql":
        meta = model._meta
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_get_serial_sequence(%s, %s)", [meta.db_table, meta.pk.column])
            (sequence,) = cursor.fetchone()
            if sequence:
                cursor.execute(f"SELECT last_value FROM {sequence}")  # noqa: S608 - a name from the catalogue
                highest = max(highest, cursor.fetchone()[0])
    return highest + 1


@dataclass
class _Deferred:
    """Secondary indexes and foreign keys, dropped for a bulk load or delete and made
    again afterwards from their own definitions (PostgreSQL's advice for populating a
    database: building an index once is much faster than growing it row by row, and
    adding a foreign key checks all rows in one join instead of one lookup per row).
    Primary keys, unique and check constraints stay in place. Only on PostgreSQL; all
    in the caller's transaction, so a failure puts everything back."""

    indexes: list[tuple[str, str]] = field(default_factory=list)  # (name, CREATE INDEX …)
    unique: list[tuple[str, str, str]] = field(default_factory=list)  # (table, name, definition)
    foreign_keys: list[tuple[str, str, str]] = field(default_factory=list)  # (table, name, definition)

    @classmethod
    def drop(cls, model_list: Iterable[type[models.Model]], *, loading: bool) -> _Deferred:
        """``loading``: the tables' own foreign keys, unique constraints and secondary
        indexes (rows are added); else the foreign keys of any table that point at them
        (rows are deleted)."""
        deferred = cls()
        if connection.vendor != "postgresql":
            return deferred
        tables = sorted({m._meta.db_table for m in model_list})
        qn = connection.ops.quote_name
        side = "conrelid" if loading else "confrelid"
        with connection.cursor() as cursor:
            where = f"c.contype = 'f' AND c.{side}::regclass::text = ANY(%s)"  # side: one of two column names
            cursor.execute(
                "SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid) FROM pg_constraint c "  # noqa: S608
                f"WHERE {where} ORDER BY 1, 2",
                [tables],
            )
            deferred.foreign_keys = list(cursor.fetchall())
            if loading:
                cursor.execute(
                    "SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid) FROM pg_constraint c "
                    "WHERE c.contype = 'u' AND c.conrelid::regclass::text = ANY(%s) AND NOT EXISTS "
                    "(SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = c.conindid) ORDER BY 1, 2",
                    [tables],
                )
                deferred.unique = list(cursor.fetchall())
                cursor.execute(
                    "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i "
                    "WHERE i.indrelid::regclass::text = ANY(%s) "
                    "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid) ORDER BY 1",
                    [tables],
                )
                deferred.indexes = list(cursor.fetchall())
            for table, name, _definition in (*deferred.foreign_keys, *deferred.unique):
                cursor.execute(f"ALTER TABLE {qn(table)} DROP CONSTRAINT {qn(name)}")
            for name, _definition in deferred.indexes:
                cursor.execute(f"DROP INDEX {qn(name)}")
        return deferred

    def restore(self, progress: Progress, label: str = "indexes") -> None:
        if not self.indexes and not self.unique and not self.foreign_keys:
            return
        qn = connection.ops.quote_name
        progress.start(label, len(self.indexes) + len(self.unique) + len(self.foreign_keys))
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
            for name, definition in self.indexes:
                cursor.execute(definition)
                progress.advance(1, name)
            for table, name, definition in (*self.unique, *self.foreign_keys):
                cursor.execute(f"ALTER TABLE {qn(table)} ADD CONSTRAINT {qn(name)} {definition}")
                progress.advance(1, name)
        progress.finish()


def _reset_sequences(model_list: Iterable[type[models.Model]]) -> None:
    statements = connection.ops.sequence_reset_sql(no_style(), list(model_list))
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)


# --- What exists ------------------------------------------------------------------------


def scale_organisations() -> models.QuerySet[Organisation]:
    return Organisation.objects.filter(slug__startswith=SLUG_PREFIX)


def scale_users() -> models.QuerySet[User]:
    return User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}")


def scale_data_exists() -> bool:
    with scopes_disabled():
        return scale_organisations().exists() or scale_users().exists()


# --- Deleting ---------------------------------------------------------------------------


def scale_delete(progress: Progress | None = None) -> dict[str, int]:
    """Delete everything ``scale_seed`` made, and only that, in one transaction.

    Tables go children first: rows of scale organisations (or scale users) with a
    plain ``DELETE … WHERE organisation_id IN (scale organisations)``, or, on
    PostgreSQL, ``TRUNCATE`` when a table holds nothing else. On PostgreSQL the
    foreign keys that point at these tables are dropped meanwhile and added again at
    the end (which checks every row), instead of one check per deleted row.

    Scale users that something else still refers to (a notification, an audit line,
    a session made while trying the data out) are deleted through the ORM, so every
    ``on_delete`` rule applies; the others, and the scale organisations, go in bulk.
    A non-scale row that protects a scale organisation (a referral of a real school
    to a scale partner) stops the reset with a message.
    """
    from django.db.models.deletion import ProtectedError

    qn = connection.ops.quote_name
    postgres = connection.vendor == "postgresql"
    org_table, user_table = qn(Organisation._meta.db_table), qn(User._meta.db_table)
    org_param, user_param = f"{SLUG_PREFIX}%", f"%@{EMAIL_DOMAIN}"
    # Only quoted names from the models go into the SQL; the values are parameters.
    # Per kind of owner: the ids of scale owners, and of all others (few, so the test
    # "does this table hold anything else?" is a handful of index look-ups).
    owners: dict[str, tuple[str, str, str]] = {
        "org": (
            f"(SELECT {qn('id')} FROM {org_table} WHERE {qn('slug')} LIKE %s)",  # noqa: S608
            f"(SELECT {qn('id')} FROM {org_table} WHERE {qn('slug')} NOT LIKE %s)",  # noqa: S608
            org_param,
        ),
        "user": (
            f"(SELECT {qn('id')} FROM {user_table} WHERE {qn('email')} LIKE %s)",  # noqa: S608
            f"(SELECT {qn('id')} FROM {user_table} WHERE {qn('email')} NOT LIKE %s)",  # noqa: S608
            user_param,
        ),
    }
    attempt_table = qn(ModuleAttempt._meta.db_table)
    scale_users_sql, other_users_sql, _param = owners["user"]
    owners["attempt"] = (
        f"(SELECT {qn('id')} FROM {attempt_table} WHERE {qn('user_id')} IN {scale_users_sql})",  # noqa: S608
        f"(SELECT {qn('id')} FROM {attempt_table} WHERE {qn('user_id')} IN {other_users_sql})",  # noqa: S608
        user_param,
    )
    steps: list[tuple[type[models.Model], str, str]] = [
        (model, "organisation_id", "org") for model in ORGANISATION_DATA
    ]
    steps += [
        (LessonProgress, "attempt_id", "attempt"),
        (Answer, "attempt_id", "attempt"),
        (Certificate, "user_id", "user"),
        (ModuleAttempt, "user_id", "user"),
        (Membership, "user_id", "user"),
        (Membership, "organisation_id", "org"),
    ]
    deleted: Counter[str] = Counter()
    if progress is not None:
        progress.start("delete", len(steps) + 2)
    with scopes_disabled(), transaction.atomic():
        deferred = _Deferred.drop({model for model, _column, _owner in steps} | {User}, loading=False)
        with connection.cursor() as cursor:
            for model, column, owner in steps:
                table, column = qn(model._meta.db_table), qn(column)
                scale, others, param = owners[owner]
                only_scale = False
                if postgres:
                    others_sql = f"SELECT EXISTS (SELECT 1 FROM {table} WHERE {column} IS NULL OR {column} IN {others})"  # noqa: S608
                    cursor.execute(others_sql, [param])
                    only_scale = not cursor.fetchone()[0]
                if only_scale:
                    # Nothing else in it: empty it at once (the count is the planner's estimate).
                    cursor.execute(
                        "SELECT GREATEST(reltuples, 0)::bigint FROM pg_class WHERE oid = %s::regclass", [table]
                    )
                    deleted[model._meta.db_table] += cursor.fetchone()[0]
                    cursor.execute(f"TRUNCATE {table}")
                else:
                    cursor.execute(f"DELETE FROM {table} WHERE {column} IN {scale}", [param])  # noqa: S608
                    deleted[model._meta.db_table] += max(cursor.rowcount, 0)
                if progress is not None:
                    progress.advance(1, model._meta.db_table)
            referenced = _scale_users_referenced()
            if referenced:
                _total, per_model = User.objects.filter(pk__in=referenced).delete()
                deleted.update(per_model)
            cursor.execute(f"DELETE FROM {user_table} WHERE {qn('email')} LIKE %s", [user_param])  # noqa: S608
            deleted[User._meta.db_table] += max(cursor.rowcount, 0)
        if progress is not None:
            progress.advance(1, "users")
        try:
            # Schools and clubs before their municipalities (on_delete=PROTECT).
            for queryset in (scale_organisations().filter(parent__isnull=False), scale_organisations()):
                _total, per_model = queryset.delete()
                deleted.update(per_model)
        except ProtectedError as exc:
            raise ScaleError(
                "Cannot remove the scale organisations: other data refers to them "
                f"({', '.join(sorted({type(o).__name__ for o in exc.protected_objects}))}). "
                "Remove that data first."
            ) from None
        if progress is not None:
            progress.advance(1, "organisations")
            progress.finish()
            deferred.restore(progress, "foreign keys")
        else:
            deferred.restore(Progress(lambda _text: None))
    return dict(deleted)


def _column(field: models.Field[Any, Any] | models.ForeignObjectRel) -> str:
    """The table column of a concrete field (COPY names columns, not fields)."""
    if not isinstance(field, models.Field) or not field.column:
        raise ScaleError(f"{field.name} is not a column of its table.")
    return field.column


def _scale_users_referenced() -> set[int]:
    """Scale users that rows of any table (besides the ones deleted above) still refer to."""
    users = scale_users().values("pk")
    found: set[int] = set()
    for relation in User._meta.get_fields(include_hidden=True):
        if not isinstance(relation, models.ForeignObjectRel) or not (
            relation.auto_created and not relation.concrete and (relation.one_to_many or relation.one_to_one)
        ):
            continue
        remote = relation.field
        rows = remote.model._base_manager.filter(**{f"{remote.name}__in": users})
        found.update(rows.values_list(remote.attname, flat=True).distinct())
    return found


# --- Names ------------------------------------------------------------------------------

FIRST_NAMES = (
    "Anna", "Bram", "Daan", "Emma", "Fleur", "Gijs", "Hanna", "Iris", "Jesse", "Julia", "Kees", "Lars",
    "Lieke", "Lotte", "Luuk", "Maaike", "Milan", "Noor", "Olivier", "Pien", "Quinten", "Roos", "Sanne",
    "Sem", "Thijs", "Tess", "Vera", "Wout", "Yara", "Zoë", "Arne", "Lien", "Jonas", "Fien", "Wouter",
    "Els", "Pieter", "Marieke", "Joris", "Annelies", "Bart", "Karolien", "Stijn", "Ilse", "Tom", "Hilde",
    "Mohamed", "Fatima", "Youssef", "Samira", "Mehmet", "Elif", "Priya", "Ravi", "Ana", "Mateo",
)  # fmt: skip
LAST_NAMES = (
    "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit",
    "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker",
    "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "Kok", "Jacobs", "Vermeulen",
    "Peeters", "Maes", "Willems", "Claes", "Goossens", "Wouters", "De Smet", "Dubois", "Mertens",
    "Van Damme", "Lambrechts", "El Amrani", "Yilmaz", "Kaya", "Bouzid", "Nguyen", "Kowalski", "Santos",
)  # fmt: skip
TOWN_PARTS = {
    "NL": (
        ("Zuider", "Noorder", "Ooster", "Wester", "Hoog", "Laag", "Nieuw", "Oud", "Groot", "Klein", "Berg",
         "Zand", "Veen", "Molen", "Heide", "Brug", "Kerk", "Linden", "Eiken", "Water"),
        ("haven", "veen", "dam", "dijk", "wijk", "horst", "broek", "woude", "hoven", "mond", "rade", "sloot",
         "zijl", "kamp", "meer", "huizen", "donk", "loo", "beek", "burg"),
    ),
    "BE": (
        ("Oost", "West", "Zand", "Heide", "Meer", "Kapel", "Schelde", "Leie", "Dender", "Kempen", "Beve",
         "Wille", "Lede", "Zele", "Herk", "Bree"),
        ("kerke", "gem", "hout", "beke", "dijk", "rode", "lo", "zele", "hem", "brugge", "veld", "donk",
         "aarde", "laar"),
    ),
}  # fmt: skip
SCHOOL_NAMES = ("De Regenboog", "De Springplank", "Het Kompas", "De Wereldwijzer", "De Vlinder", "Het Palet",
                "De Zonnewijzer", "De Klimop", "De Sterrenwachter", "Het Baken", "De Linde", "De Horizon")  # fmt: skip
PRIMARY = {"NL": ("OBS", "CBS", "Basisschool", "IKC"), "BE": ("Basisschool", "GO! Basisschool", "Vrije Basisschool")}
SECONDARY = {
    "NL": ("{} College", "Lyceum {}", "Scholengemeenschap {}"),
    "BE": ("Atheneum {}", "Sint-Jozefinstituut {}"),
}
CLUBS = {
    "NL": ("VV {}", "Hockeyclub {}", "Zwemvereniging {}", "Tennisclub {}", "Korfbalvereniging {}", "Gymnastiek {}"),
    "BE": ("KFC {}", "Voetbalclub {}", "Hockeyclub {}", "Zwemclub {}", "Volleybalclub {}"),
}
PLATFORMS = ("Instagram", "TikTok", "Snapchat", "WhatsApp", "YouTube", "Discord", "Roblox", "X")
DECLINE_REASONS = (
    "Valt buiten onze doelgroep.",
    "Er loopt al hulp via een andere organisatie.",
    "Niet in ons werkgebied; verwijs naar de regio.",
    "Wij hebben nu geen plek. Probeer het over een maand opnieuw.",
)
# Forms of online threat, how often each is the main form (made-up but plausible shares).
FORM_WEIGHTS = {
    "cyberbullying": 30,
    "threat": 12,
    "sexual_exposing": 10,
    "hate_speech": 8,
    "sextortion": 7,
    "online_fraud": 7,
    "stalking": 6,
    "doxing": 5,
    "grooming": 5,
    "identity_fraud": 5,
    "hacking": 5,
}
CLOSE_OUTCOMES = _Pick((("handled_internally", 55), ("no_action_wanted", 25), ("not_a_case", 20)))
PARTNER_CLOSE_OUTCOMES = _Pick(((RO.HELPED, 60), (RO.REFERRED_ON, 10), (RO.NO_CONTACT, 15), (RO.VICTIM_STOPPED, 15)))
THREAT_DANGER = _Pick(((True, 12), (False, 70), (None, 18)))
OTHER_DANGER = _Pick(((False, 80), (None, 20)))
OFFENDER_KNOWN = _Pick(((True, 55), (False, 30), (None, 15)))
MEETS_AGAIN = _Pick(((True, 60), (False, 30), (None, 10)))
IMAGES_ONLINE = _Pick(((True, 45), (False, 35), (None, 20)))
# Working days until the partner acknowledges (None: never).
ACKNOWLEDGE_WAIT = _Pick(((0, 35), (1, 25), (2, 15), (3, 5), (4, 4), (5, 3), (6, 3), (8, 3), (10, 2), (None, 5)))


def threat_facts(rng: random.Random, values: dict[str, Any], forms: set[str], age: int | None) -> bool:
    """Add the facts about the threat to ``values`` (images, danger, offender, hate
    motive) as intakes plausibly have them; True when intimate images are involved.
    ``seed_scale`` and the demo history share it."""
    images = bool(forms & {"sexual_exposing", "sextortion"}) or ("grooming" in forms and rng.random() < 0.4)
    if images and age is not None and rng.random() < 0.8:
        values["age_when_images_made"] = age
    if "threat" in forms:
        values["threatened_with"] = sorted(set(rng.choices(THREATS, weights=(4, 5, 2, 2, 1, 1, 3), k=2)))
        danger = THREAT_DANGER(rng.random())
    else:
        danger = OTHER_DANGER(rng.random())
    if danger is not None:
        values["acute_danger"] = danger
    known = OFFENDER_KNOWN(rng.random())
    if known is not None:
        values["offender_known"] = known
        if known:
            again = MEETS_AGAIN(rng.random())
            if again is not None:
                values["meets_offender_again"] = again
    if "hate_speech" in forms and rng.random() < 0.8:
        values["hate_motive"] = True
    return images


def _weighted(rng: random.Random, pairs: Sequence[tuple[Any, float]]) -> Any:
    return rng.choices([value for value, _w in pairs], weights=[w for _v, w in pairs])[0]


def _spread(total: int, weights: Sequence[float], minimum: int = 0) -> list[int]:
    """``total`` split over ``weights`` in whole numbers (largest remainder), each at least ``minimum``."""
    base = [minimum] * len(weights)
    rest = total - minimum * len(weights)
    if rest <= 0 or not weights:
        return base
    whole = sum(weights)
    shares = [rest * w / whole for w in weights]
    counts = [math.floor(s) for s in shares]
    short = rest - sum(counts)
    for i in sorted(range(len(weights)), key=lambda i: counts[i] - shares[i])[:short]:
        counts[i] += 1
    return [b + c for b, c in zip(base, counts, strict=True)]


# --- The plan: organisations and staff ------------------------------------------------------


@dataclass
class _Org:
    id: int
    name: str
    slug: str
    kind: str
    country: str
    parent_id: int | None
    size: float = 0.0  # relative number of people
    ages: tuple[int, int] = (6, 18)  # typical victim ages
    case_weight: float = 1.0
    staff: int = 0
    learners: list[int] = field(default_factory=list)  # user ids, early joiners first
    early_learners: int = 0
    handlers: list[int] = field(default_factory=list)
    coordinators: list[int] = field(default_factory=list)


@dataclass
class _Partner:
    id: int
    name: str
    code: str
    country: str
    label: str
    intake: list[int] = field(default_factory=list)  # user ids
    existing: bool = False


@dataclass
class _Plan:
    start: float  # epoch seconds, UTC
    end: float
    municipalities: list[_Org] = field(default_factory=list)
    organisations: list[_Org] = field(default_factory=list)  # schools and clubs
    partners: dict[tuple[str, str], _Partner] = field(default_factory=dict)  # (code, country) -> partner
    municipal_coordinators: dict[int, list[int]] = field(default_factory=dict)


@dataclass
class SeedResult:
    rows: dict[str, int]
    seconds: dict[str, float]
    notes: list[str]
    total_seconds: float = 0.0


_dt: Callable[[float], datetime] = partial(datetime.fromtimestamp, tz=UTC)


class _Seeder:
    def __init__(self, options: ScaleOptions, progress: Progress) -> None:
        self.options = options
        self.progress = progress
        self.zone = ZoneInfo(settings.TIME_ZONE)
        until = options.until or timezone.localdate()
        end = datetime(until.year, until.month, until.day, tzinfo=self.zone)
        begin_year, begin_month = divmod(until.year * 12 + until.month - 1 - MONTHS, 12)
        begin = datetime(begin_year, begin_month + 1, min(until.day, 28), tzinfo=self.zone)
        self.plan = _Plan(start=begin.timestamp(), end=end.timestamp())
        self.writer = _writer(options.batch_size)
        self.values = self.writer.values
        self.notes: list[str] = []
        self.ids: dict[type[models.Model], int] = {}
        self.full_names: dict[int, str] = {}  # user id -> name, copied onto certificates

    def rng(self, name: str) -> random.Random:
        return random.Random(f"{self.options.seed}:{name}")  # noqa: S311 - fake data, not secrets

    def next_ids(self, *model_list: type[models.Model]) -> None:
        for model in model_list:
            self.ids[model] = _first_free_id(model)

    def take_id(self, model: type[models.Model]) -> int:
        value = self.ids[model]
        self.ids[model] = value + 1
        return value

    # --- Organisations ----------------------------------------------------------------

    def organisations(self, rule_set: RuleSet) -> None:
        options, plan = self.options, self.plan
        rng = self.rng("organisations")
        created = self.values.moment(plan.start - 60 * DAY)
        n_be = round(options.municipalities * 0.2)
        if options.municipalities >= 2:
            n_be = max(n_be, 1)
        countries = ["NL"] * (options.municipalities - n_be) + ["BE"] * n_be
        towns: dict[str, list[str]] = {}
        for country, (heads, tails) in TOWN_PARTS.items():
            names = [h + t for h in heads for t in tails]
            rng.shuffle(names)
            towns[country] = names
        used: Counter[str] = Counter()
        rows = []
        for i, country in enumerate(countries, start=1):
            pool = towns[country]
            town = pool[(i - 1) % len(pool)]
            used[town] += 1
            if used[town] > 1:
                town = f"{town} {used[town]}"
            name = f"Gemeente {town}"
            org = _Org(
                id=self.take_id(Organisation),
                name=name,
                slug=f"{SLUG_PREFIX}m{i:03d}-{slugify(town)}"[:80],
                kind=OrganisationKind.MUNICIPALITY,
                country=country,
                parent_id=None,
                size=min(rng.paretovariate(1.3), 25.0),
            )
            plan.municipalities.append(org)
            rows.append(self._org_row(org, created))

        clubs = round(options.organisations / 5)
        kinds = [OrganisationKind.SPORTS_CLUB] * clubs + [OrganisationKind.SCHOOL] * (options.organisations - clubs)
        rng.shuffle(kinds)
        weights = list(accumulate(m.size for m in plan.municipalities))
        for i, kind in enumerate(kinds, start=1):
            if i <= len(plan.municipalities):
                municipality = plan.municipalities[i - 1]  # every municipality gets one
            else:
                municipality = plan.municipalities[bisect(weights, rng.random() * weights[-1])]
            country = municipality.country
            town = municipality.name.removeprefix("Gemeente ")
            if kind == OrganisationKind.SPORTS_CLUB:
                name = rng.choice(CLUBS[country]).format(town)
                size, ages, case_weight = rng.uniform(20, 150), (8, 17), 0.6
            elif rng.random() < 0.7:
                name = f"{rng.choice(PRIMARY[country])} {rng.choice(SCHOOL_NAMES)}"
                size, ages, case_weight = rng.uniform(15, 45), (6, 12), 0.8
            else:
                name = rng.choice(SECONDARY[country]).format(rng.choice(SCHOOL_NAMES).split()[-1])
                size, ages, case_weight = rng.uniform(60, 250), (12, 18), 1.2
            org = _Org(
                id=self.take_id(Organisation),
                name=f"{name} ({town})" if kind == OrganisationKind.SCHOOL else name,
                slug=f"{SLUG_PREFIX}o{i:04d}-{slugify(name)}"[:80],
                kind=kind,
                country=country,
                parent_id=municipality.id,
                size=size,
                ages=ages,
                case_weight=case_weight,
            )
            plan.organisations.append(org)
            rows.append(self._org_row(org, created))

        present = sorted(set(countries))
        existing = {
            (o.destination_code, o.country): o
            for o in Organisation.objects.filter(kind=OrganisationKind.PARTNER).exclude(destination_code="")
        }
        for country in present:
            for destination in rule_set.destinations.values():
                if destination.kind != "referral" or destination.country not in (None, country):
                    continue
                key = (destination.code, country)
                found = existing.get(key)
                if found is not None:
                    if found.is_active:  # else referrals there go without a partner on the portal
                        intake = list(
                            Membership.objects.filter(
                                organisation=found, role=Role.PARTNER_INTAKE, is_active=True
                            ).values_list("user_id", flat=True)
                        )
                        plan.partners[key] = _Partner(
                            found.id, found.name, destination.code, country, destination.label, intake, existing=True
                        )
                    continue
                partner = _Partner(
                    id=self.take_id(Organisation),
                    # A destination for both countries gets a partner in each.
                    name=destination.label if destination.country else f"{destination.label} ({country})",
                    code=destination.code,
                    country=country,
                    label=destination.label,
                )
                plan.partners[key] = partner
                slug = f"{SLUG_PREFIX}p-{country.lower()}-{slugify(destination.code)}"[:80]
                rows.append(
                    (partner.id, partner.name[:200], slug, OrganisationKind.PARTNER, None, country, None,
                     "#154273", destination.code, True, created)
                )  # fmt: skip
        self.writer.write(Organisation, ORG_COLUMNS, rows)
        if any(p.existing for p in plan.partners.values()):
            self.notes.append(
                "Partners already on the portal were used for their destinations: "
                + ", ".join(sorted(f"{p.code} ({p.country})" for p in plan.partners.values() if p.existing))
                + "."
            )

    @staticmethod
    def _org_row(org: _Org, created: Any) -> tuple:
        return (org.id, org.name[:200], org.slug, org.kind, org.parent_id, org.country, None, "#154273", "", True,
                created)  # fmt: skip

    # --- Staff ---------------------------------------------------------------------------

    def staff(self) -> None:
        options, plan = self.options, self.plan
        rng = self.rng("staff")
        municipal = [1 + (rng.random() < 0.5) for _m in plan.municipalities]
        new_partners = [p for p in plan.partners.values() if not p.existing]
        per_partner = [(2 if options.staff < 10_000 else 4) + rng.randint(0, 2) for _p in new_partners]
        reserved = sum(municipal) + sum(per_partner)
        minimum = reserved + 3 * len(plan.organisations)
        if options.staff < minimum:
            raise ScaleError(
                f"--staff must be at least {minimum:,} for {len(plan.municipalities)} municipalities and "
                f"{len(plan.organisations)} organisations (municipal coordinators, partner intake workers, "
                "and per school or club a coordinator, a case handler and a learner)."
            )
        per_org = _spread(options.staff - reserved, [o.size for o in plan.organisations], minimum=3)
        password = make_password(options.password)  # once, shared by every scale user
        moment = self.values.moment
        self.progress.start("staff", options.staff)
        users: list[tuple] = []
        memberships: list[tuple] = []
        number = 0
        start, end = plan.start, plan.end

        def person(org_id: int, role: str, joined: float, *, active: bool = True) -> int:
            nonlocal number
            number += 1
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            user_id = self.take_id(User)
            self.full_names[user_id] = f"{first} {last}"
            email = f"{slugify(first)}.{slugify(last).replace('-', '')}.{number}@{EMAIL_DOMAIN}"
            joined_at = moment(joined)
            seen = rng.uniform(max(joined, end - 60 * DAY), end - HOUR)
            last_login = moment(seen) if rng.random() < 0.7 else None
            users.append(
                (user_id, password, last_login, False, first, last, False, True, joined_at, email)
            )  # fmt: skip
            deactivated = None if active else moment(rng.uniform(max(joined, start), end - DAY))
            membership_id = self.take_id(Membership)
            memberships.append((membership_id, org_id, user_id, role, active, joined_at, deactivated))
            if len(users) >= options.batch_size:
                self._flush_staff(users, memberships)
            return user_id

        before = start - 30 * DAY
        for municipality, count in zip(plan.municipalities, municipal, strict=True):
            plan.municipal_coordinators[municipality.id] = [
                person(municipality.id, Role.MUNICIPAL_COORDINATOR, before - rng.uniform(0, 60) * DAY)
                for _i in range(count)
            ]
        for partner, count in zip(new_partners, per_partner, strict=True):
            partner.intake = [
                person(partner.id, Role.PARTNER_INTAKE, before - rng.uniform(0, 60) * DAY) for _i in range(count)
            ]
        for org, count in zip(plan.organisations, per_org, strict=True):
            org.staff = count
            coordinators = max(1, round(count * 0.02))
            handlers = max(1, round(count * 0.05))
            learners = count - coordinators - handlers
            org.coordinators = [
                person(org.id, Role.ORG_COORDINATOR, before - rng.uniform(0, 60) * DAY) for _i in range(coordinators)
            ]
            org.handlers = [
                person(org.id, Role.CASE_HANDLER, before - rng.uniform(0, 30) * DAY) for _i in range(handlers)
            ]
            early = max(1, round(learners * 0.7))
            for i in range(learners):
                joined = before - rng.uniform(0, 30) * DAY if i < early else rng.uniform(start, end - DAY)
                org.learners.append(person(org.id, Role.LEARNER, joined, active=rng.random() > 0.03))
            org.early_learners = early
            if len(users) >= options.batch_size:
                self._flush_staff(users, memberships)
        self._flush_staff(users, memberships)
        self.progress.finish()

    def _flush_staff(self, users: list[tuple], memberships: list[tuple]) -> None:
        self.writer.write(User, USER_COLUMNS, users)
        self.writer.write(Membership, MEMBERSHIP_COLUMNS, memberships)
        self.progress.advance(len(users))
        users.clear()
        memberships.clear()

    # --- Training ------------------------------------------------------------------------

    def training(self) -> None:
        from training.selectors import audiences_for, training_library

        library = training_library()
        if library is None:
            self.notes.append("No training modules in the database (run seed_demo first): training rows skipped.")
            return
        from cms.models import ModulePage

        all_modules = list(ModulePage.objects.child_of(library).live().order_by("path"))
        if not all_modules:
            self.notes.append("No training modules in the database (run seed_demo first): training rows skipped.")
            return
        questions = {
            module.pk: len({check.id for lesson in module.lessons() for check in lesson.knowledge_checks()})
            for module in all_modules
        }
        by_kind: dict[str, list[ModulePage]] = {
            kind: [m for m in all_modules if m.audience in audiences_for(Organisation(kind=kind))]
            for kind in (OrganisationKind.SCHOOL, OrganisationKind.SPORTS_CLUB)
        }
        rng = self.rng("training")
        plan = self.plan
        start, end = plan.start, plan.end
        self.next_ids(Assignment, ModuleAttempt, Certificate)
        total_people = sum(o.staff for o in plan.organisations)
        self.progress.start("training", total_people)
        assignments: list[tuple] = []
        attempts: list[tuple] = []
        certificates: list[tuple] = []
        codes: set[str] = set(Certificate.objects.values_list("code", flat=True))
        moment, day = self.values.moment, self.values.day

        def flush() -> None:
            self.writer.write(Assignment, ASSIGNMENT_COLUMNS, assignments)
            self.writer.write(ModuleAttempt, ATTEMPT_COLUMNS, attempts)
            self.writer.write(Certificate, CERTIFICATE_COLUMNS, certificates)
            assignments.clear()
            attempts.clear()
            certificates.clear()

        for org in plan.organisations:
            modules = by_kind[org.kind]
            if modules and rng.random() < 0.6:
                for module in modules[: rng.randint(1, min(2, len(modules)))]:
                    for role in (Role.LEARNER, Role.CASE_HANDLER):
                        created = rng.uniform(start, end - 7 * DAY)
                        due = datetime.fromtimestamp(created, self.zone).date() + timedelta(days=rng.randint(14, 90))
                        assignments.append(
                            (self.take_id(Assignment), org.id, module.pk, role, None, day(due),
                             org.coordinators[0], moment(created))
                        )  # fmt: skip
            for user_id in (*org.handlers, *org.coordinators, *org.learners):
                for index, module in enumerate(modules):
                    if rng.random() >= 0.7 * 0.75**index:
                        continue
                    number = 0
                    started = rng.uniform(start, end - DAY)
                    while True:
                        number += 1
                        status = _weighted(rng, (("passed", 72), ("failed", 14), ("open", 9), ("stopped", 5)))
                        if number > 1:
                            status = "passed" if rng.random() < 0.85 else "failed"
                        total = questions[module.pk]
                        finished = started + rng.uniform(10, 60) * MINUTE
                        if status in ("open", "stopped") or finished >= end:
                            attempts.append(
                                (self.take_id(ModuleAttempt), user_id, module.pk, number,
                                 "open" if finished >= end else status, moment(started), None, None, None, None)
                            )  # fmt: skip
                            break
                        if total:
                            low, high = (module.pass_mark, 100) if status == "passed" else (0, module.pass_mark - 1)
                            correct = rng.randint(math.ceil(low * total / 100), math.floor(high * total / 100))
                            correct = max(0, min(total, correct))
                            score = round(100 * correct / total)
                            status = "passed" if score >= module.pass_mark else "failed"
                        else:
                            correct, score, status = 0, 100, "passed"
                        attempt_id = self.take_id(ModuleAttempt)
                        attempts.append(
                            (attempt_id, user_id, module.pk, number, status, moment(started), moment(finished), correct,
                             total, score)
                        )  # fmt: skip
                        if status == "passed":
                            code = "".join(rng.choices(CODE_ALPHABET, k=CODE_LENGTH))
                            while code in codes:
                                code = "".join(rng.choices(CODE_ALPHABET, k=CODE_LENGTH))
                            codes.add(code)
                            months = module.certificate_validity_months
                            expires = _add_months(_dt(finished), months, self.zone).timestamp()
                            certificates.append(
                                (self.take_id(Certificate), user_id, module.pk, attempt_id, code,
                                 self.full_names[user_id][:300], module.title[:255], moment(finished),
                                 moment(expires), org.id, org.name[:200])
                            )  # fmt: skip
                            break
                        if rng.random() >= 0.6:
                            break
                        started = finished + rng.uniform(1, 20) * DAY
                        if started >= end - HOUR:
                            break
            self.progress.advance(org.staff)
            if len(attempts) >= self.options.batch_size:
                flush()
        flush()
        self.progress.finish()

    # --- Cases ---------------------------------------------------------------------------

    def cases(self, rule_set: RuleSet) -> None:
        options = self.options
        self.next_ids(Case, CaseTask, Referral, ReferralConsent, CaseEvent, Reminder)
        generator = _CaseGenerator(self, rule_set)
        self.progress.start("cases", options.cases)
        written: Counter[str] = Counter()
        for chunk in _chunks_of(generator):
            for model, columns, rows in chunk.tables():
                self.writer.write(model, columns, rows)
                written[model._meta.db_table] += len(rows)
            self.progress.advance(
                len(chunk.cases),
                f"referrals {written['referrals_referral']:,}  events {written['referrals_caseevent']:,}",
            )
        self.progress.finish(f"referrals {written['referrals_referral']:,}  events {written['referrals_caseevent']:,}")
        if generator.waited:
            self.notes.append(f"While writing the cases, {generator.waited:.1f} s went by waiting for new rows.")
        rows = [
            (org_id, self.values.day(month), count, 0)
            for (org_id, month), count in sorted(generator.anonymised_per_month.items())
        ]
        self.next_ids(DeletionLog)
        self.writer.write(
            DeletionLog,
            ("id", "organisation_id", "month", "anonymised", "deleted"),
            [(self.take_id(DeletionLog), *row) for row in rows],
        )

    # --- All of it -----------------------------------------------------------------------

    def run(self) -> SeedResult:
        from referrals import selectors

        started = time.monotonic()
        rule_set = selectors.active_rule_set()
        with scopes_disabled(), transaction.atomic():
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    # Foreign keys are checked at the end of each COPY, not queued for the commit.
                    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
                    try:
                        with transaction.atomic():  # lz4 compresses the advice faster than pglz, where built in
                            cursor.execute("SET LOCAL default_toast_compression = 'lz4'")
                    except DatabaseError:
                        pass
            self.next_ids(Organisation, User, Membership)
            self.progress.start("organisations", self.options.municipalities + self.options.organisations)
            self.organisations(rule_set)
            self.progress.done = self.progress.total = self.writer.rows[Organisation._meta.db_table]
            self.progress.finish()
            self.staff()
            self.training()
            deferred = _Deferred.drop(CASE_TABLES, loading=True)
            self.cases(rule_set)
            deferred.restore(self.progress)
            touched = [Organisation, User, Membership, Assignment, ModuleAttempt, Certificate, Case, CaseTask,
                       Referral, ReferralConsent, CaseEvent, Reminder, DeletionLog]  # fmt: skip
            _reset_sequences(touched)
            if connection.vendor == "postgresql":
                self.progress.start("analyze", len(touched))
                with connection.cursor() as cursor:
                    for model in touched:
                        cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
                        self.progress.advance(1)
                self.progress.finish()
            commit_started = time.monotonic()
        self.progress.seconds["commit"] = time.monotonic() - commit_started
        return SeedResult(
            rows=dict(self.writer.rows),
            seconds=dict(self.writer.seconds),
            notes=self.notes,
            total_seconds=time.monotonic() - started,
        )


CASE_TABLES = (Case, CaseTask, Referral, ReferralConsent, CaseEvent, Reminder)
# Rows of the scale organisations, children first.
ORGANISATION_DATA = (
    CaseEvent,
    ReferralConsent,
    ReferralUpdate,
    PartnerLink,
    PersonalDataAccess,
    EvidenceItem,
    CaseNote,
    VictimContact,
    CaseTask,
    Reminder,
    DeletionLog,
    Referral,
    Case,
    Assignment,
)

ORG_COLUMNS = ("id", "name", "slug", "kind", "parent_id", "country", "logo_id", "brand_colour", "destination_code",
               "is_active", "created_at")  # fmt: skip
USER_COLUMNS = ("id", "password", "last_login", "is_superuser", "first_name", "last_name", "is_staff", "is_active",
                "date_joined", "email")  # fmt: skip
MEMBERSHIP_COLUMNS = ("id", "organisation_id", "user_id", "role", "is_active", "created_at", "deactivated_at")
ASSIGNMENT_COLUMNS = ("id", "organisation_id", "module_id", "role", "membership_id", "due_date", "created_by_id",
                      "created_at")  # fmt: skip
ATTEMPT_COLUMNS = ("id", "user_id", "module_id", "number", "status", "started_at", "finished_at", "correct_count",
                   "question_count", "score")  # fmt: skip
CERTIFICATE_COLUMNS = ("id", "user_id", "module_id", "attempt_id", "code", "holder_name", "module_title", "issued_at",
                       "expires_at", "organisation_id", "organisation_name")  # fmt: skip
CASE_COLUMNS = ("id", "organisation_id", "reference", "status", "outcome", "raised_by_id", "handler_id", "pseudonym",
                "signal", "first_impressions", "wishes_note", "facts", "routing_result", "rules_version", "routed_at",
                "consent_contact", "consent_referral", "consent_recorded_at", "created_at", "closed_at",
                "anonymised_at")  # fmt: skip
TASK_COLUMNS = ("id", "organisation_id", "case_id", "title", "destination", "status", "due_date", "assignee_id",
                "takedown_guide_id", "created_at", "done_at", "done_by_id")  # fmt: skip
REFERRAL_COLUMNS = ("id", "organisation_id", "case_id", "municipality_id", "destination", "destination_label",
                    "partner_id", "urgency", "summary", "status", "outcome", "decline_reason", "redirected_from_id",
                    "created_by_id", "created_at", "sent_at", "acknowledged_at", "decided_at", "closed_at",
                    "escalated_at", "trace_id")  # fmt: skip
CONSENT_COLUMNS = ("id", "organisation_id", "referral_id", "recipient_label", "shares_summary", "shares_contact",
                   "given_by", "victim_age", "given_at", "expires_at", "recorded_by_id", "withdrawn_at",
                   "withdrawn_by_id")  # fmt: skip
EVENT_COLUMNS = ("id", "organisation_id", "case_id", "referral_id", "kind", "actor_id", "detail", "created_at")
REMINDER_COLUMNS = ("id", "organisation_id", "kind", "subject", "due_at", "status", "lease_until", "attempts",
                    "delivered_to", "last_error", "created_at", "sent_at", "cancel_reason")  # fmt: skip


def _add_months(moment: datetime, months: int, zone: ZoneInfo) -> datetime:
    """The same local time ``months`` later; the 31st becomes the month's last day."""
    local = moment.astimezone(zone)
    index = local.month - 1 + months
    year, month = local.year + index // 12, index % 12 + 1
    day = min(local.day, calendar.monthrange(year, month)[1])
    return local.replace(year=year, month=month, day=day)


# --- Cases --------------------------------------------------------------------------------


@dataclass(slots=True)
class _Planned:
    """A reminder as the services would have planned it; ``ended``: when its reason went."""

    kind: str
    subject: str
    due: float
    made: float
    ended: float | None
    recipients: list[int] | None = None  # None: the case's handler(s)
    referral_id: int | None = None
    sent: float | None = None  # when the sweep sends it (if it does)


@dataclass
class _Chunk:
    cases: list[tuple] = field(default_factory=list)
    tasks: list[tuple] = field(default_factory=list)
    referrals: list[tuple] = field(default_factory=list)
    consents: list[tuple] = field(default_factory=list)
    events: list[tuple] = field(default_factory=list)
    reminders: list[tuple] = field(default_factory=list)

    def tables(self) -> Iterator[tuple[type[models.Model], Sequence[str], list[tuple]]]:
        """In the order the foreign keys need."""
        yield Case, CASE_COLUMNS, self.cases
        yield CaseTask, TASK_COLUMNS, self.tasks
        yield Referral, REFERRAL_COLUMNS, self.referrals
        yield ReferralConsent, CONSENT_COLUMNS, self.consents
        yield CaseEvent, EVENT_COLUMNS, self.events
        yield Reminder, REMINDER_COLUMNS, self.reminders


class _CaseGenerator:
    """Makes the cases, in order of time, and everything that hangs off them.

    Pure Python that reads nothing from the database: on PostgreSQL it runs in a
    child process (see ``_chunks_of``)."""

    def __init__(self, seeder: _Seeder, rule_set: RuleSet) -> None:
        self.seeder = seeder
        self.options = seeder.options
        self.plan = seeder.plan
        self.zone = seeder.zone
        self.rule_set = rule_set
        self.rng = seeder.rng("cases")
        self.ids: dict[type[models.Model], int] = {model: seeder.ids[model] for model in (Case, CaseTask, Referral, ReferralConsent, CaseEvent,
                                                           Reminder)}  # fmt: skip
        self.labels = {code: d.label for code, d in rule_set.destinations.items()}
        self.references: Counter[tuple[int, int]] = Counter()
        self.anonymised_per_month: Counter[tuple[int, date]] = Counter()
        # Advice JSON -> (its value for the writer, referral and action destinations, count).
        self.advice: dict[str, tuple[Any, list[tuple[str, str]], list[tuple[str, str]], str]] = {}
        self.values = seeder.values
        self.empty_list = self.values.json("[]")
        self.referral_debt = 0.0
        self.waited = 0.0  # seconds the writer waited for rows (made in another process)
        self.consent_age = dict(settings.REFERRAL_CONSENT_AGE)
        self.orgs = list(self.plan.organisations)
        self.org_weights = list(accumulate(o.staff * o.case_weight for o in self.orgs))
        forms = list(FORM_WEIGHTS)
        self.forms, self.form_weights = forms, list(accumulate(FORM_WEIGHTS[f] for f in forms))
        # Local hour of day a signal comes in.
        hour_weights = [1, 0.5, 0.3, 0.2, 0.2, 0.3, 1, 3, 8, 10, 10, 9, 8, 9, 10, 9, 7, 5, 4, 4, 3, 3, 2, 1.5]
        self.hour_weights = list(accumulate(hour_weights))
        # Labels in the chronology, translated once.
        self.case_outcomes = {o.value: str(o.label) for o in Case.Outcome}
        self.referral_outcomes = {o.value: str(o.label) for o in Referral.Outcome}
        self.given_by = {g.value: str(g.label) for g in ReferralConsent.GivenBy}
        self.follow_up_label = str(NotificationKind.CASE_FOLLOW_UP.label)
        self.escalation_label = str(NotificationKind.PARTNER_ESCALATION.label)

    def new_id(self, model: type[models.Model]) -> int:
        value = self.ids[model]
        self.ids[model] = value + 1
        return value

    # --- When -------------------------------------------------------------------------

    def days(self) -> list[tuple[date, int]]:
        """Every day of the period with its number of new cases."""
        first = datetime.fromtimestamp(self.plan.start, self.zone).date()
        last = datetime.fromtimestamp(self.plan.end, self.zone).date()
        days = [first + timedelta(days=i) for i in range((last - first).days)]
        weights = []
        for i, day in enumerate(days):
            trend = 0.6 + 0.8 * i / max(len(days) - 1, 1)
            weekday = (1.15, 1.05, 1.0, 1.0, 0.95, 0.35, 0.4)[day.weekday()]
            weights.append(trend * weekday * _holiday_factor(day))
        # Each case draws its day (so small runs spread over the whole period too).
        rng = self.seeder.rng("days")
        counts = Counter(rng.choices(range(len(days)), weights=weights, k=self.options.cases))
        return [(day, counts[i]) for i, day in enumerate(days)]

    # --- All cases ----------------------------------------------------------------------

    def chunks(self) -> Iterator[_Chunk]:
        rng = self.rng
        chunk = _Chunk()
        number = 0
        zone = self.zone
        for day, count in self.days():
            if not count:
                continue
            moments = sorted(
                datetime(day.year, day.month, day.day, bisect(self.hour_weights, rng.random() * self.hour_weights[-1]),
                         rng.randrange(60), rng.randrange(60), tzinfo=zone).timestamp()
                for _i in range(count)
            )  # fmt: skip
            orgs = rng.choices(self.orgs, cum_weights=self.org_weights, k=count)
            for moment, org in zip(moments, orgs, strict=True):
                number += 1
                self.case(chunk, number, moment, day.year, org)
                if len(chunk.cases) >= self.options.batch_size:
                    yield chunk
                    chunk = _Chunk()
        if chunk.cases:
            yield chunk

    # --- Facts and advice ---------------------------------------------------------------

    def facts(self, org: _Org) -> tuple[dict[str, Any], Facts]:
        rng = self.rng
        main = self.forms[bisect(self.form_weights, rng.random() * self.form_weights[-1])]
        forms = {main}
        if rng.random() < 0.25:
            forms.add(self.forms[bisect(self.form_weights, rng.random() * self.form_weights[-1])])
        age: int | None = None
        if rng.random() >= 0.07:
            low, high = org.ages
            if org.kind == OrganisationKind.SPORTS_CLUB and rng.random() < 0.2:
                low, high = 18, 45
            age = rng.randint(low, high)
        values: dict[str, Any] = {"country": org.country, "forms": sorted(forms)}
        if age is not None:
            values["victim_age"] = age
        images = threat_facts(rng, values, forms, age)
        if images:
            values["intimate_images"] = True
            online = IMAGES_ONLINE(rng.random())
            if online is not None:
                values["images_online"] = online
        if rng.random() < 0.08:
            values["vulnerabilities"] = [rng.choice(VULNERABILITIES)]
        if rng.random() < 0.7:
            values["victim_wishes"] = sorted(set(rng.choices(WISHES, weights=(3, 1, 1, 2, 2, 6), k=rng.randint(1, 2))))
        fields: dict[str, Any] = {k: frozenset(v) if isinstance(v, list) else v for k, v in values.items()}
        facts = Facts(**fields)
        # Field order of Facts, as services.case_update_facts stores them.
        ordered = {name: values[name] for name in Facts._fields if name in values}
        return ordered, facts

    def advise(self, facts: Facts) -> tuple[Any, list[tuple[str, str]], list[tuple[str, str]], str]:
        """The engine's advice: (its JSON as the writer wants it, referral and action
        destinations with their urgency, its line in the chronology)."""
        result = route(facts, self.rule_set)
        text = result.to_json()
        known = self.advice.get(text)
        if known is None:
            referral = [(r.destination, r.urgency) for r in result.recommendations if r.kind == "referral"]
            action = [(r.destination, r.urgency) for r in result.recommendations if r.kind == "action"]
            line = chronology.advice_made(result.as_dict())
            known = self.advice[text] = (self.values.json(text), referral, action, line)
        return known

    # --- One case -------------------------------------------------------------------------

    def case(self, chunk: _Chunk, number: int, created: float, year: int, org: _Org) -> None:
        rng, end, zone = self.rng, self.plan.end, self.zone
        moment, maybe, empty = self.values.moment, self.values.maybe, self.empty_list
        case_id = self.new_id(Case)
        self.references[(org.id, year)] += 1
        reference = f"{year}-{self.references[(org.id, year)]:04d}"
        events: list[tuple[float, str, int | None, str, int | None]] = []
        reminders: list[_Planned] = []

        pick = rng.random()
        if pick < 0.12:
            raised_by = rng.choice(org.handlers)
            handler: int | None = raised_by
        else:
            if pick < 0.17:
                raised_by = rng.choice(org.coordinators)
            elif org.early_learners:
                raised_by = org.learners[rng.randrange(org.early_learners)]
            else:
                raised_by = rng.choice(org.handlers)
            handler = rng.choice(org.handlers)
        events.append((created, EV.OPENED, raised_by, "", None))

        age = end - created
        values: dict[str, Any] = {"country": org.country}
        routing_json = None
        rules_version = ""
        routed: float | None = None
        consent_at: float | None = None
        consent_contact = consent_referral = False
        referral_options: list[tuple[str, str]] = []
        action_options: list[tuple[str, str]] = []
        refer = False
        self.referral_debt += 0.4  # about 40% of all cases are referred (where the advice allows it)
        if rng.random() < (0.5 if age < DAY else 0.96):
            values, facts = self.facts(org)
            filled = created + rng.uniform(5, 40) * MINUTE
            routed = filled + min(rng.expovariate(1 / (8 * HOUR)), 5 * DAY)
            if routed < end:
                events.append((filled, EV.FACTS_CHANGED, handler,
                               chronology.facts_changed(k for k in values if k != "country"), None))  # fmt: skip
                routing_json, referral_options, action_options, advice_line = self.advise(facts)
                refer = bool(referral_options) and self.referral_debt >= 1
                consent_at = filled + (routed - filled) * rng.uniform(0.3, 0.9)
                consent_contact = rng.random() < 0.6
                consent_referral = refer or rng.random() < 0.3
                events.append((consent_at, EV.CONSENT_RECORDED, handler,
                               f"Contactgegevens: {'ja' if consent_contact else 'nee'}; "
                               f"doorverwijzen: {'ja' if consent_referral else 'nee'}", None))  # fmt: skip
                rules_version = self.rule_set.version
                events.append((routed, EV.ROUTED, handler, advice_line, None))
            else:
                values, routed = {"country": org.country}, None
        if routed is None and age < 3 * DAY and rng.random() < 0.5 and raised_by not in org.handlers:
            handler = None  # waiting for a case handler

        # Tasks: actions chosen from the advice.
        tasks: list[list[Any]] = []
        if routed is not None and action_options and rng.random() < 0.6:
            chosen = rng.sample(action_options, k=min(len(action_options), rng.randint(1, 2)))
            task_created = routed + rng.uniform(2, 30) * MINUTE
            if task_created < end:
                for destination, urgency in chosen:
                    title = self.labels.get(destination, destination)
                    if destination == "platform_report":
                        title = f"{title}: {rng.choice(PLATFORMS)}"
                    due = datetime.fromtimestamp(task_created, zone).date() + timedelta(
                        days=DUE_DAYS_BY_URGENCY.get(urgency, 7)
                    )
                    done = task_created + rng.expovariate(1 / (2 * DAY)) if rng.random() < 0.85 else None
                    tasks.append([self.new_id(CaseTask), title[:200], destination, due, task_created, done])
                events.append((task_created, EV.ACTIONS_CHOSEN, handler,
                               ", ".join(dict.fromkeys(t[1] for t in tasks)), None))  # fmt: skip

        # Referrals: one or two destinations of the advice.
        referrals: list[dict[str, Any]] = []
        if refer and routed is not None and handler is not None:  # refer only with an advice, so a handler
            self.referral_debt -= 1
            count = 2 if rng.random() < 0.2 and len(referral_options) > 1 else 1
            if rng.random() < 0.7:
                chosen = referral_options[:1]
                if count == 2:
                    chosen.append(rng.choice(referral_options[1:]))
            else:
                chosen = rng.sample(referral_options, k=count)
            drafted = routed + max(rng.expovariate(1 / DAY), 10 * MINUTE)
            for destination, urgency in chosen:
                if drafted >= end:
                    break
                referrals.append(self.referral(case_id, number, org, handler, values, destination, urgency, drafted,
                                               consent_contact, events, reminders))  # fmt: skip
                drafted += rng.uniform(0.1, 3) * DAY

        # Closing: after every referral is done.
        status, outcome, closed = "open", "", None
        if referrals:
            if all(r["status"] == S.CLOSED for r in referrals) and rng.random() < 0.92:
                closed = max(r["closed_at"] for r in referrals) + rng.expovariate(1 / (5 * DAY)) + HOUR
                if any(r["decided"] == S.ACCEPTED for r in referrals):
                    outcome = "referred"
                else:
                    outcome = "handled_internally"
        elif routed is not None:
            if rng.random() < 0.92:
                closed = routed + rng.expovariate(1 / (18 * DAY)) + HOUR
                outcome = CLOSE_OUTCOMES(rng.random())
        elif rng.random() < 0.9:
            closed = created + rng.expovariate(1 / (4 * DAY)) + HOUR
            outcome = "not_a_case" if rng.random() < 0.7 else "no_action_wanted"
        if closed is not None and closed >= end:
            closed, outcome = None, ""
        if closed is not None:
            status = "closed"
            if handler is None:
                handler = rng.choice(org.handlers)
            events.append((closed, EV.CLOSED, handler, self.case_outcomes[outcome], None))

        # Tasks: done before the case closed, else open for good; their overdue reminders.
        for task_id, title, destination, due, task_created, done in tasks:
            if done is not None and (done >= end or (closed is not None and done >= closed)):
                done = None
            if done is not None:
                events.append((done, EV.TASK_DONE, handler, title, None))
            chunk.tasks.append(
                (task_id, org.id, case_id, title, destination, "done" if done else "open", self.values.day(due),
                 handler, None, moment(task_created), maybe(done), handler if done else None)
            )  # fmt: skip
            overdue = due + timedelta(days=1)
            morning = datetime(overdue.year, overdue.month, overdue.day, 9, tzinfo=zone).timestamp()
            ended = min(x for x in (done, closed, math.inf) if x is not None)
            reminders.append(_Planned(NK.TASK_OVERDUE, str(Subject.task(task_id)), morning, task_created, ended))

        # Retention: anonymised a year after closing, at the nightly run.
        anonymised = None
        if closed is not None:
            after = _add_months(_dt(closed), RETENTION_MONTHS, zone)
            run = after.replace(hour=3, minute=30, second=0, microsecond=0)
            if run <= after:
                run += timedelta(days=1)
            if run.timestamp() < end:
                anonymised = run.timestamp() + rng.uniform(1, 600)
                events.append((anonymised, EV.ANONYMISED, None, "", None))
                self.anonymised_per_month[(org.id, run.date().replace(day=1))] += 1

        # Reminders: sent when due while their reason lasted, cancelled when it ended, pending when still to come.
        case_handlers = [handler] if handler is not None else org.handlers
        follow_ups = [
            _Planned(NK.CASE_FOLLOW_UP, str(Subject.case(case_id)), created + days * DAY, created, closed)
            for days in FOLLOW_UP_DAYS
        ]
        for item in (*follow_ups, *reminders):
            due_at = item.due
            if item.ended is not None and item.ended <= (item.sent if item.sent is not None else due_at):
                chunk.reminders.append(
                    (self.new_id(Reminder), org.id, item.kind, item.subject, moment(due_at), "cancelled", None, 0, empty,
                     "", moment(item.made), None, "")
                )  # fmt: skip
            elif due_at < end:
                sent = item.sent if item.sent is not None else due_at + rng.uniform(5, 90)
                recipients = case_handlers if item.recipients is None else item.recipients
                if item.kind == NK.PARTNER_ESCALATION:
                    recipients = [*case_handlers, *recipients]
                delivered = self.values.json(
                    _encode_json([f"user:{u}" for u in dict.fromkeys(recipients) if u is not None])
                )
                chunk.reminders.append(
                    (self.new_id(Reminder), org.id, item.kind, item.subject, moment(due_at), "sent", None, 1, delivered,
                     "", moment(item.made), moment(sent), "")
                )  # fmt: skip
                if item.kind == NK.CASE_FOLLOW_UP:
                    events.append((sent, EV.REMINDER_SENT, None, self.follow_up_label, None))
                elif item.kind == NK.PARTNER_ESCALATION:
                    events.append((sent, EV.REMINDER_SENT, None, self.escalation_label, item.referral_id))
            else:
                chunk.reminders.append(
                    (self.new_id(Reminder), org.id, item.kind, item.subject, moment(due_at), "pending", None, 0, empty,
                     "", moment(item.made), None, "")
                )  # fmt: skip

        # Rows.
        pseudonym = "—" if anonymised is not None else f"S-{number}"
        if anonymised is not None:
            values = {k: v for k, v in values.items() if k in ("country", "forms")}
        chunk.cases.append(
            (case_id, org.id, reference, status, outcome, raised_by, handler, pseudonym, "", "", "",
             self.values.json(_encode_json(values)), routing_json, rules_version, maybe(routed), consent_contact,
             consent_referral, maybe(consent_at), moment(created), maybe(closed), maybe(anonymised))
        )  # fmt: skip
        for r in referrals:
            escalated = r["escalated_at"]
            chunk.referrals.append(
                (r["id"], org.id, case_id, org.parent_id, r["destination"], r["label"][:200], r["partner_id"],
                 r["urgency"], "" if anonymised is not None else f"Testgegevens voor schaaltests (casus S-{number}).",
                 r["status"], r["outcome"], "" if anonymised is not None else r["decline_reason"], None, handler,
                 moment(r["created_at"]), maybe(r["sent_at"]), maybe(r["acknowledged_at"]), maybe(r["decided_at"]),
                 maybe(r["closed_at"]), maybe(escalated), "")
            )  # fmt: skip
            if r["consent"] is not None:
                consent_id, shares_contact, given_by, victim_age, given_at = r["consent"]
                chunk.consents.append(
                    (consent_id, org.id, r["id"], r["label"][:200], True, shares_contact, given_by,
                     None if anonymised is not None else victim_age, moment(given_at), None, handler, None, None)
                )  # fmt: skip
        events.sort(key=lambda e: e[0])
        for at, kind, actor, detail, referral_id in events:
            chunk.events.append(
                (self.new_id(CaseEvent), org.id, case_id, referral_id, kind, actor, detail[:200], moment(at))
            )

    def referral(
        self,
        case_id: int,
        number: int,
        org: _Org,
        handler: int,
        facts: dict[str, Any],
        destination: str,
        urgency: str,
        drafted: float,
        consent_contact: bool,
        events: list,
        reminders: list,
    ) -> dict[str, Any]:
        """One referral's walk through the lifecycle, up to the end of the period."""
        rng, end, zone = self.rng, self.plan.end, self.zone
        country = org.country
        partner = self.plan.partners.get((destination, country))
        referral_id = self.new_id(Referral)
        label = self.labels.get(destination, destination)
        partner_name = partner.name if partner else label
        intake = partner.intake if partner and partner.intake else [None]
        r: dict[str, Any] = {
            "id": referral_id,
            "destination": destination,
            "label": label,
            "partner_id": partner.id if partner else None,
            "urgency": urgency,
            "status": S.DRAFT,
            "outcome": "",
            "decline_reason": "",
            "created_at": drafted,
            "sent_at": None,
            "acknowledged_at": None,
            "decided_at": None,
            "closed_at": None,
            "escalated_at": None,
            "decided": None,
            "consent": None,
        }
        events.append((drafted, EV.REFERRAL_DRAFTED, handler, label, referral_id))
        if rng.random() < 0.03 and drafted + 5 * DAY < end:
            # A draft cancelled before it was sent.
            closed = drafted + rng.uniform(0.2, 5) * DAY
            r.update(status=S.CLOSED, outcome=RO.CANCELLED, closed_at=closed)
            events.append(
                (
                    closed,
                    EV.REFERRAL_CLOSED,
                    handler,
                    f"{org.name}: {self.referral_outcomes[RO.CANCELLED]}",
                    referral_id,
                )
            )
            return r
        given = drafted + rng.uniform(5, 60) * MINUTE
        sent = given + rng.uniform(1, 30) * MINUTE
        if given >= end:
            return r
        age = facts.get("victim_age")
        threshold = self.consent_age.get(country, 16)
        given_by = "victim" if age is not None and age >= threshold and rng.random() < 0.8 else "parent_guardian"
        shares_contact = consent_contact and rng.random() < 0.5
        r["consent"] = (self.new_id(ReferralConsent), shares_contact, given_by, age, given)
        shared = "samenvatting, contactgegevens" if shares_contact else "samenvatting"
        given_label = self.given_by[given_by]
        events.append((given, EV.CONSENT_GIVEN, handler, f"{label}: {shared} ({given_label})", referral_id))
        if sent >= end or (end - drafted < 3 * DAY and rng.random() < 0.3):
            return r  # still a draft
        r.update(status=S.SENT, sent_at=sent)
        events.append((sent, EV.REFERRAL_SENT, handler, label, referral_id))
        sent_local = datetime.fromtimestamp(sent, zone)
        remind_at = add_working_days(sent_local, ACKNOWLEDGE_REMINDER_AFTER, country).timestamp()
        escalate_at = add_working_days(sent_local, ESCALATE_AFTER, country).timestamp()

        # Acknowledged within 0–10 working days, or never.
        wait = ACKNOWLEDGE_WAIT(rng.random())
        acknowledged = None
        if wait is not None:
            acknowledged = (
                sent + rng.uniform(10, 240) * MINUTE
                if wait == 0
                else add_working_days(sent_local, wait, country).timestamp() + rng.uniform(-3, 3) * HOUR
            )
            acknowledged = max(acknowledged, sent + 5 * MINUTE)
        gone = None  # when the referral stopped waiting for an acknowledgement
        if acknowledged is not None and acknowledged < end:
            gone = acknowledged
            r.update(status=S.ACKNOWLEDGED, acknowledged_at=acknowledged)
            events.append((acknowledged, EV.ACKNOWLEDGED, rng.choice(intake), partner_name, referral_id))
            decided = acknowledged + min(rng.expovariate(1 / (2 * DAY)), 20 * DAY) + 10 * MINUTE
            if decided < end:
                accepted = rng.random() < 0.82
                actor = rng.choice(intake)
                if accepted:
                    r.update(status=S.ACCEPTED, decided_at=decided, decided=S.ACCEPTED)
                    events.append((decided, EV.REFERRAL_ACCEPTED, actor, partner_name, referral_id))
                    closed = decided + min(rng.expovariate(1 / (35 * DAY)), 300 * DAY) + DAY
                    outcome = PARTNER_CLOSE_OUTCOMES(rng.random())
                    closer, closer_label = rng.choice(intake), partner_name
                else:
                    r.update(status=S.DECLINED, decided_at=decided, decided=S.DECLINED,
                             decline_reason=rng.choice(DECLINE_REASONS))  # fmt: skip
                    events.append((decided, EV.REFERRAL_DECLINED, actor, partner_name, referral_id))
                    closed = decided + rng.uniform(0.1, 7) * DAY
                    outcome, closer, closer_label = RO.DECLINED, handler, org.name
                if closed < end:
                    r.update(status=S.CLOSED, outcome=outcome, closed_at=closed)
                    events.append((closed, EV.REFERRAL_CLOSED, closer, f"{closer_label}: {self.referral_outcomes[outcome]}",
                                   referral_id))  # fmt: skip
        else:
            # Not acknowledged (yet): after a few weeks the referrer gives up.
            gave_up = add_working_days(sent_local, rng.randint(12, 25), country).timestamp()
            if gave_up < end and (acknowledged is None or gave_up < acknowledged):
                outcome = RO.WITHDRAWN if rng.random() < 0.6 else RO.NO_CONTACT
                gone = gave_up
                r.update(status=S.CLOSED, outcome=outcome, closed_at=gave_up)
                events.append((gave_up, EV.REFERRAL_CLOSED, handler, f"{org.name}: {self.referral_outcomes[outcome]}",
                               referral_id))  # fmt: skip
        subject = str(Subject.referral(referral_id))
        reminders.append(
            _Planned(NK.PARTNER_ACKNOWLEDGE, subject, remind_at, sent, gone, recipients=[u for u in intake if u])
        )
        escalation_sent = escalate_at + rng.uniform(5, 90)
        coordinators = self.plan.municipal_coordinators.get(org.parent_id, []) if org.parent_id is not None else []
        reminders.append(
            _Planned(NK.PARTNER_ESCALATION, subject, escalate_at, sent, gone, recipients=coordinators,
                     referral_id=referral_id, sent=escalation_sent)
        )  # fmt: skip
        if escalation_sent < end and (gone is None or gone > escalation_sent):
            r["escalated_at"] = escalation_sent
        return r


def _chunks_of(generator: _CaseGenerator) -> Iterator[_Chunk]:
    """The generator's chunks. On PostgreSQL (on Linux) they are made in a forked
    child process while this one writes: making rows and writing them each take about
    one CPU. Elsewhere (SQLite in the tests) they are made here, one after the other."""
    if connection.vendor != "postgresql" or not sys.platform.startswith("linux"):  # fork is safe on Linux
        yield from generator.chunks()
        return
    context = multiprocessing.get_context("fork")
    chunks = context.Queue(maxsize=4)
    # Forked, so the child shares the plan without pickling; it never touches the database.
    process = context.Process(target=_produce, args=(generator, chunks), name="seed_scale-cases", daemon=True)
    process.start()
    try:
        while True:
            waiting = time.monotonic()
            try:
                kind, payload = chunks.get(timeout=5)
            except queue.Empty:
                if not process.is_alive():
                    raise ScaleError(
                        f"The case generator stopped unexpectedly (exit code {process.exitcode})."
                    ) from None
                continue
            generator.waited += time.monotonic() - waiting
            if kind == "chunk":
                yield payload
            elif kind == "done":
                generator.anonymised_per_month.update(payload)
                return
            else:
                raise ScaleError(f"The case generator failed:\n{payload}")
    finally:
        if process.is_alive():
            process.terminate()
        process.join(timeout=10)
        chunks.close()


def _produce(generator: _CaseGenerator, chunks: Any) -> None:
    """In the child process: every chunk, then the counts the parent needs."""
    try:
        for chunk in generator.chunks():
            chunks.put(("chunk", chunk))
        chunks.put(("done", dict(generator.anonymised_per_month)))
    except BaseException:
        chunks.put(("error", traceback.format_exc()))
    finally:
        chunks.close()
        chunks.join_thread()


def _holiday_factor(day: date) -> float:
    """Fewer signals in school holidays (roughly, for both countries)."""
    month, dom = day.month, day.day
    if (month == 7 and dom >= 10) or month == 8:
        return 0.45
    if (month == 12 and dom >= 22) or (month == 1 and dom <= 5):
        return 0.5
    if (month == 2 and 15 <= dom <= 23) or (month == 10 and 18 <= dom <= 26) or (month == 5 and dom <= 7):
        return 0.75
    return 1.0


# --- Front door -------------------------------------------------------------------------------


def scale_seed(options: ScaleOptions, progress: Progress) -> SeedResult:
    """Fill the database. Refuses (ScaleError) when scale data is there already."""
    options.check()
    if scale_data_exists():
        raise ScaleError("The database already holds scale data. Use --reset to replace it.")
    return _Seeder(options, progress).run()
