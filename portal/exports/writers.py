"""The writers: any iterable of rows as CSV or XLSX, one row in memory at a time.

CSV is a generator for ``StreamingHttpResponse`` or a file; XLSX uses XlsxWriter's
``constant_memory`` mode, which flushes each row to a temporary file. Both keep a
spreadsheet from running what someone typed: CSV cells that start like a formula get
a leading quote (``csv_safe``), and XLSX writes every string as a string (never a
formula or a link).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import xlsxwriter
from django.utils import timezone
from django.utils.translation import gettext as _

FORMATS = ("csv", "xlsx")
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
ZIP_CONTENT_TYPE = "application/zip"
# Every job file's type; FORMATS are the row formats a table or a row kind offers.
CONTENT_TYPES = {"csv": CSV_CONTENT_TYPE, "xlsx": XLSX_CONTENT_TYPE, "zip": ZIP_CONTENT_TYPE}

# XlsxWriter options: strings stay strings, whatever they look like.
XLSX_OPTIONS: dict[str, Any] = {
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
    "remove_timezone": True,
}

ProgressCallback = Callable[[int], None]


# What a spreadsheet program reads as the start of a formula: = + - @, their
# full-width twins (Excel and LibreOffice read ＝1+1 as =1+1), and a tab or carriage
# return, which they skip before the formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20", "\t", "\r")


def csv_safe(value: object) -> str:
    """A spreadsheet must not run what someone typed (a name, a message): cells that
    start like a formula get a leading quote (OWASP CSV injection)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


class _Echo:
    """A file-like object that hands back what is written: csv.writer per row."""

    def write(self, value: str) -> str:
        return value


def stream_csv(header: Iterable[Any], rows: Iterable[Iterable[Any]]) -> Iterator[str]:
    """The CSV text, one line at a time: a byte-order mark first (so spreadsheet
    programs read UTF-8), ``;`` between cells, formula-like cells quoted."""
    writer = csv.writer(_Echo(), delimiter=";")
    yield "\ufeff"
    yield writer.writerow([csv_safe(cell) for cell in header])
    for row in rows:
        yield writer.writerow([csv_safe(cell) for cell in row])


def write_csv(
    path: Any, header: Iterable[Any], rows: Iterable[Iterable[Any]], *, progress: ProgressCallback | None = None
) -> int:
    """Write a CSV file (``path`` or an open text file); returns the number of rows.
    ``progress(rows_done)`` is called after every ``PROGRESS_EVERY`` rows."""
    counted = _Counting(rows, progress)
    if hasattr(path, "write"):
        for line in stream_csv(header, counted):
            path.write(line)
    else:
        with open(path, "w", encoding="utf-8", newline="") as handle:
            for line in stream_csv(header, counted):
                handle.write(line)
    return counted.count


PROGRESS_EVERY = 5000


class _Counting:
    """Iterate rows, count them and report progress every ``PROGRESS_EVERY`` rows."""

    def __init__(self, rows: Iterable[Any], progress: ProgressCallback | None) -> None:
        self.rows = rows
        self.progress = progress
        self.count = 0

    def __iter__(self) -> Iterator[Any]:
        for row in self.rows:
            yield row
            self.count += 1
            if self.progress is not None and self.count % PROGRESS_EVERY == 0:
                self.progress(self.count)


class _XlsxSheet:
    """One worksheet: a bold header, then typed cells."""

    def __init__(self, workbook: xlsxwriter.Workbook) -> None:
        self.sheet = workbook.add_worksheet(_("Export"))
        self.bold = workbook.add_format({"bold": True})
        self.date = workbook.add_format({"num_format": "yyyy-mm-dd"})
        self.datetime = workbook.add_format({"num_format": "yyyy-mm-dd hh:mm"})
        self.row = 0

    def header(self, cells: Iterable[Any]) -> None:
        for column, cell in enumerate(cells):
            self.sheet.write_string(self.row, column, str(cell), self.bold)
        self.sheet.freeze_panes(1, 0)
        self.row += 1

    def append(self, cells: Iterable[Any]) -> None:
        sheet, row = self.sheet, self.row
        for column, value in enumerate(cells):
            if value is None or value == "":
                continue
            if isinstance(value, bool):
                sheet.write_boolean(row, column, value)
            elif isinstance(value, int | float | Decimal):
                sheet.write_number(row, column, value)
            elif isinstance(value, datetime):
                moment = timezone.localtime(value) if timezone.is_aware(value) else value
                sheet.write_datetime(row, column, moment.replace(tzinfo=None), self.datetime)
            elif isinstance(value, date):
                sheet.write_datetime(row, column, value, self.date)
            else:
                sheet.write_string(row, column, str(value))
        self.row += 1


def write_xlsx(
    path: Any, header: Iterable[Any], rows: Iterable[Iterable[Any]], *, progress: ProgressCallback | None = None
) -> int:
    """Write an XLSX file with one sheet in constant memory; returns the number of rows.

    ``path`` is a file name (or a binary file object). Numbers are written as
    numbers, dates as dates, everything else as text: never as a formula or link.
    ``progress(rows_done)`` is called after every ``PROGRESS_EVERY`` rows."""
    workbook = xlsxwriter.Workbook(path, {**XLSX_OPTIONS, "constant_memory": True})
    try:
        sheet = _XlsxSheet(workbook)
        sheet.header(header)
        counted = _Counting(rows, progress)
        for row in counted:
            sheet.append(row)
    finally:
        workbook.close()
    return counted.count


def xlsx_bytes(header: Iterable[Any], rows: Iterable[Iterable[Any]]) -> bytes:
    """A small XLSX file in memory (a dashboard table)."""
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {**XLSX_OPTIONS, "in_memory": True})
    sheet = _XlsxSheet(workbook)
    sheet.header(header)
    for row in rows:
        sheet.append(row)
    workbook.close()
    return buffer.getvalue()
