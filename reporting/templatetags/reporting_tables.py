"""``{% table_rows table %}``: the body rows of a ``reporting.views.Table``.

The same HTML as a ``{% for %}`` over rows and cells in the template would write
(each value localised and escaped as ``{{ cell }}`` is), built in Python: the
coordinator's training table has a row per member and a cell per module, and the
template loop spent most of that page's time on it (issue #6's speed figures).
"""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

ROW = '<tr class="utrecht-table__row">'
LABEL = '<th class="utrecht-table__header-cell" scope="row">'
CELL = '<td class="utrecht-table__cell">'
NUMBER = '<td class="utrecht-table__cell utrecht-table__cell--numeric">'


def _text(value: Any) -> str:
    return str(conditional_escape(localize(value)))


@register.simple_tag
def table_rows(table: Any) -> SafeString:
    """``<tr>`` per row: the first cell a row header, cells from ``table.numeric_from``
    on aligned as numbers. Empty when the table has no rows (the template says so)."""
    numeric_from = table.numeric_from
    parts: list[str] = []
    for row in table.rows:
        parts.append(ROW)
        for index, cell in enumerate(row):
            if index == 0:
                parts.extend((LABEL, _text(cell), "</th>"))
            else:
                parts.extend((NUMBER if index >= numeric_from else CELL, _text(cell), "</td>"))
        parts.append("</tr>\n")
    return mark_safe("".join(parts))  # noqa: S308 - every value is escaped above
