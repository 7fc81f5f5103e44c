"""The registry of large export kinds.

A large export is a named kind: who may start it, a form that validates its filters
(stored as the job's ``params``), its header and its rows. ``rows`` and ``count`` run
inside the organisation's scope and read with ``values_list`` + ``iterator``, so the
memory a job needs does not grow with the number of rows.

Each domain app registers its own kinds when it loads (its ``AppConfig.ready()``
imports the module that calls ``register``): the cases export is
``referrals/exports.py``.

A ``FileKind`` is a job that writes its own file instead of rows (a ZIP with a JSON
and a PDF, say): it is not offered on the exports page (its own page starts it), but
its job runs, expires and is downloaded like any other, and ``downloaded`` lets the
app record more about a download than the audit row (``jobs.export_downloaded``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from django import forms
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

from portal.forms import PortalForm
from portal.models import ExportJob, Membership, Organisation, User


@dataclass(frozen=True)
class ExportKind:
    name: str
    label: Promise
    may_start: Callable[[Membership], bool]
    form_class: type[ExportForm]
    header: Callable[[], list[str]]
    count: Callable[[Organisation, dict[str, Any]], int]
    rows: Callable[[Organisation, dict[str, Any]], Iterator[list[Any]]]


REGISTRY: dict[str, ExportKind] = {}


def register(kind: ExportKind) -> ExportKind:
    REGISTRY[kind.name] = kind
    return kind


def kind_for(name: str) -> ExportKind | None:
    return REGISTRY.get(name)


@dataclass(frozen=True)
class FileKind:
    """A job that writes its own file. ``count`` is the estimate shown as the total
    while it runs; ``write(organisation, params, path, progress)`` writes the whole
    file to ``path`` (in the organisation's scope), calls ``progress(done)`` now and
    then and returns how much it wrote; ``downloaded(organisation, user, job)`` runs
    beside the audit row of every download of its file."""

    name: str
    label: Promise
    may_start: Callable[[Membership], bool]
    file_format: str
    count: Callable[[Organisation, dict[str, Any]], int]
    write: Callable[[Organisation, dict[str, Any], Path, Callable[[int], None]], int]
    downloaded: Callable[[Organisation, User, ExportJob | None], None] | None = None


FILE_KINDS: dict[str, FileKind] = {}


def register_file_kind(kind: FileKind) -> FileKind:
    FILE_KINDS[kind.name] = kind
    return kind


class ExportForm(PortalForm):
    """The file format and the filters of an export. ``params()`` gives the valid
    filters as JSON-safe values (ISO dates), which is what a job stores."""

    format = forms.ChoiceField(
        label=gettext_lazy("Bestandsvorm"),
        # The row formats only: a ZIP is a file kind's own format.
        choices=[(value, label) for value, label in ExportJob.Format.choices if value != ExportJob.Format.ZIP],
        initial=ExportJob.Format.CSV,
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        self.organisation = organisation
        super().__init__(*args, **kwargs)

    def params(self) -> dict[str, Any]:
        params = {}
        for name, value in self.cleaned_data.items():
            if name == "format" or value in (None, ""):
                continue
            params[name] = value.isoformat() if isinstance(value, date) else value
        return params
