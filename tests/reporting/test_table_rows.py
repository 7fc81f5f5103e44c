"""``{% table_rows %}`` writes what the template loop it replaced wrote."""

from __future__ import annotations

import re

from django.template import Context, Template
from django.utils.translation import gettext_lazy, override

from reporting.views import Table

# The loop that _table.html had before the rows were built in Python.
LOOP = Template(
    "{% for row in table.rows %}"
    '<tr class="utrecht-table__row">{% for cell in row %}{% if forloop.first %}'
    '<th class="utrecht-table__header-cell" scope="row">{{ cell }}</th>{% else %}'
    '<td class="utrecht-table__cell{% if forloop.counter0 >= table.numeric_from %} utrecht-table__cell--numeric{% endif %}">'
    "{{ cell }}</td>{% endif %}{% endfor %}</tr>{% endfor %}"
)
TAG = Template("{% load reporting_tables %}{% table_rows table %}")


def rows_of(template: Template, table: Table) -> str:
    return re.sub(r">\s+<", "><", template.render(Context({"table": table}))).strip()


def test_the_tag_writes_the_loops_html_escaped_and_localised():
    table = Table(
        name="t",
        caption="c",
        header=["Naam", "Rol", "Aantal", "Percentage"],
        rows=[
            ["<script>alert(1)</script> & Zn", gettext_lazy("Afgerond"), 1234, "<5"],
            ["Anna “de” Vries", "Te laat", 0, 12.5],
            ["Bob", None, 7, "–"],
        ],
        numeric_from=2,
    )
    for language in ("nl", "en"):
        with override(language):
            assert rows_of(TAG, table) == rows_of(LOOP, table)
    tagged = rows_of(TAG, table)
    assert "&lt;script&gt;" in tagged and "<script>" not in tagged
    assert "&lt;5" in tagged


def test_numeric_from_past_the_last_column_aligns_nothing():
    table = Table(name="t", caption="c", header=["Naam", "Rol"], rows=[["Anna", "Leerkracht"]], numeric_from=99)
    assert rows_of(TAG, table) == rows_of(LOOP, table)
    assert "numeric" not in rows_of(TAG, table)


def test_no_rows_writes_nothing():
    assert rows_of(TAG, Table(name="t", caption="c", header=["Naam"], rows=[])) == ""
