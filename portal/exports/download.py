"""A dashboard table as a download: ``?format=csv|xlsx&table=<name>``, Dutch headers
whatever the page's language, the same values as on the page (so suppressed counts
stay ``"<5"``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from portal.exports.writers import CONTENT_TYPES, FORMATS, stream_csv, xlsx_bytes

if TYPE_CHECKING:
    from portal.tenancy import TenantRequest

Rows = tuple[list[Any], list[list[Any]]]


def _attachment(response: HttpResponse, name: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def table_response(request: TenantRequest, table: str, build: Callable[[], Rows], wanted_format: str) -> HttpResponse:
    """One table as CSV or XLSX: Dutch headers and labels, whatever language the page is in."""
    with translation.override("nl"):
        header, rows = build()
        header = [str(cell) for cell in header]
        if wanted_format == "xlsx":
            content: bytes | str = xlsx_bytes(header, ([_plain(cell) for cell in row] for row in rows))
        else:
            content = "".join(stream_csv(header, rows))
    name = f"dashboard-{table}-{request.organisation.slug}-{timezone.localdate().isoformat()}.{wanted_format}"
    return _attachment(HttpResponse(content, content_type=CONTENT_TYPES[wanted_format]), name)


def _plain(cell: Any) -> Any:
    """A lazy translation (a label such as "verborgen") as text; the rest as it is."""
    if isinstance(cell, str | int | float | Decimal | date | bool) or cell is None:
        return cell
    return str(cell)


def download(request: TenantRequest, tables: dict[str, Callable[[], Rows]]) -> tuple[HttpResponse | None, str]:
    """The table asked for with ``?format=csv|xlsx&table=<name>``, or an error to show
    on the page ("" when no download was asked for)."""
    wanted_format = request.GET.get("format")
    table = request.GET.get("table")
    if wanted_format is None and table is None:
        return None, ""
    if wanted_format not in FORMATS:
        return None, _("Downloaden kan alleen als CSV- of Excel-bestand. Gebruik de links onder de tabellen.")
    if table not in tables:
        return None, _("Deze tabel bestaat niet. Gebruik de links onder de tabellen om te downloaden.")
    return table_response(request, table, tables[table], wanted_format), ""
