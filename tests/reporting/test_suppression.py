"""The rules for small numbers (``reporting.suppression``): ``suppress`` and
``suppress_nested``, also against someone who knows the rules."""

from __future__ import annotations

import itertools

import pytest

from reporting.suppression import HIDDEN, SMALL, suppress, suppress_nested


def shown(values) -> list[str]:
    return [str(value) for value in values]


def test_suppress_shows_one_to_four_as_less_than_five_and_keeps_zero():
    result = suppress([("a", 0), ("b", 1), ("c", 4), ("d", 5), ("e", 12)])
    assert [shown for _key, shown in result.cells] == [0, SMALL, SMALL, 5, 12]
    assert result["b"] == SMALL
    assert result["d"] == 5


def test_suppress_without_small_cells_shows_everything():
    result = suppress([("a", 0), ("b", 5), ("c", 17)])
    assert [shown for _key, shown in result.cells] == [0, 5, 17]
    assert result.total == 22
    assert not result.any_suppressed


def test_suppress_hides_the_total_when_a_cell_is_small():
    """One outcome cell is <5: with the total, 30 − 12 − 15 would give it away."""
    result = suppress([("helped", 12), ("no_contact", 3), ("declined", 15)])
    assert result.total is HIDDEN
    assert result["no_contact"] == SMALL
    assert result["helped"] == 12
    assert result.any_suppressed


def test_a_small_total_reads_less_than_five():
    result = suppress([("a", 1), ("b", 2), ("c", 0)])
    assert result.total == SMALL
    assert shown(v for _k, v in result.cells) == [SMALL, SMALL, "0"]
    assert suppress([("a", 0), ("b", 0)]).total == 0


def test_four_cells_under_a_small_total_hide_the_total():
    """Four non-zero cells and a total below 5: each must be 1."""
    result = suppress([(n, 1) for n in "abcd"])
    assert result.total is HIDDEN
    assert suppress([(n, 1) for n in "abc"]).total == SMALL


def test_suppress_can_be_told_to_hide_the_total():
    result = suppress([("a", 7), ("b", 8)], hide_total=True)
    assert result.total is HIDDEN
    assert [v for _k, v in result.cells] == [7, 8]


def test_suppress_refuses_negative_counts():
    with pytest.raises(ValueError):
        suppress([("a", -1)])
    with pytest.raises(KeyError):
        suppress([("a", 1)])["b"]


def _display(result) -> tuple[str, ...]:
    return (*(str(v) for _k, v in result.cells), f"total={result.total}")


def _possible_values(tables, displays):
    """For every display: which values each cell had in the tables that show it."""
    possible: dict[tuple, list[set[int]]] = {}
    for table, display in zip(tables, displays, strict=True):
        cells = possible.setdefault(display, [set() for _ in table])
        for index, value in enumerate(table):
            cells[index].add(value)
    return possible


@pytest.mark.parametrize("size", [1, 2, 3, 4])
def test_no_suppressed_cell_can_be_worked_out(size):
    """Every table of ``size`` cells with counts 0–9: whoever sees a display (and
    knows the rules) cannot tell which count is behind a "<5"."""
    tables = list(itertools.product(range(10), repeat=size))
    displays = [_display(suppress([(i, n) for i, n in enumerate(table)])) for table in tables]
    for display, cells in _possible_values(tables, displays).items():
        for index, values in enumerate(cells):
            if display[index] == SMALL:
                assert len(values) > 1, (display, index, values)
            else:
                assert values == {int(display[index])}, (display, index, values)


def test_a_nested_table_gives_no_small_cell_away():
    """The partner's acknowledgement table: a row "waiting" split in three waiting
    times, and three rows of one cell. Whatever the counts (0–5 each), every "<5"
    on the page, in the table or in the waiting times, could be more than one count."""
    tables, displays = [], []
    for counts in itertools.product(range(6), repeat=6):
        table, parts = suppress_nested(
            [
                ("waiting", [("a", counts[0]), ("b", counts[1]), ("c", counts[2])]),
                *((k, [(k, counts[i])]) for i, k in ((3, "t"), (4, "l"), (5, "x"))),
            ]
        )
        tables.append(counts)
        displays.append((*_display(parts["waiting"]), *_display(table)))
    # Where each count shows: the three waiting times, then the rows t, l and x of the table.
    positions = [0, 1, 2, 5, 6, 7]
    for display, cells in _possible_values(tables, displays).items():
        for index, values in enumerate(cells):
            if display[positions[index]] == SMALL:
                assert len(values) > 1, (display, index, values)
            else:
                assert values == {int(display[positions[index]])}, (display, index, values)


def test_suppress_nested_shows_a_row_only_when_its_cells_are_exact():
    table, parts = suppress_nested([("waiting", [("a", 8), ("b", 3)]), ("t", [("t", 20)])])
    assert table["waiting"] is HIDDEN  # 11 would give the 3 away
    assert table["t"] == 20
    assert table.total is HIDDEN
    assert parts["waiting"]["b"] == SMALL
    table, _parts = suppress_nested([("waiting", [("a", 8), ("b", 0)]), ("t", [("t", 20)])])
    assert (table["waiting"], table.total) == (8, 28)
