"""The rules for small numbers that every dashboard follows (and the Signalenwijzer's
monthly counts): ``suppress``, ``suppress_nested`` and what they return.

Counts of people are shown with ``suppress``: a count of 1 to 4 reads ``"<5"``
(0 stays 0), and no total is shown from which such a count could be worked out
(see ``suppress`` for how). The partner dashboard uses it for every count, even
though they are the partner's own referrals, so the rules are the same on every
dashboard.

A sum is only ever shown by the same rule: exactly when every cell in it is shown
exactly. Two tables that split the same referrals in two different ways would break
that (a table of exact cells gives away the total the other one hides), so a page
nests its breakdowns instead (``suppress_nested``): the waiting times split the
row "waiting", they do not split all referrals a second time.

What this does not try to stop: comparing two filtered views (say, two date ranges
a day apart), and narrowing a count down by combining tables about different
referrals (the outcomes of closed referrals and the acknowledgement table overlap
in part). The partner sees each of these referrals in its own inbox anyway; the
municipal dashboards add a rule for linked tables (``reporting.selectors``).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import TypeGuard

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

SMALL_MIN, SMALL_MAX = 1, 4
SMALL = "<5"
HIDDEN: Promise = _("verborgen")

Shown = int | str | Promise


@dataclass(frozen=True)
class Suppressed[K: Hashable]:
    """What a table may show: ``cells`` as (key, shown value) in the given order,
    and the ``total``. A cell shows a number or ``SMALL``; the total a number,
    ``SMALL`` or ``HIDDEN``."""

    cells: tuple[tuple[K, Shown], ...]
    total: Shown

    def __getitem__(self, key: Hashable) -> Shown:
        for cell_key, shown in self.cells:
            if cell_key == key:
                return shown
        raise KeyError(key)

    @property
    def any_suppressed(self) -> bool:
        return not is_exact(self.total) or any(not is_exact(shown) for _key, shown in self.cells)


def is_exact(shown: Shown) -> TypeGuard[int]:
    """True for a number that is shown as it is."""
    return isinstance(shown, int) and not isinstance(shown, bool)


def _is_small(count: int) -> bool:
    return SMALL_MIN <= count <= SMALL_MAX


def suppress[K: Hashable](cells: Sequence[tuple[K, int]], *, hide_total: bool = False) -> Suppressed[K]:
    """Show the counts of a table without revealing any count from 1 to 4.

    ``cells`` are (key, count) pairs; the total is their sum. The rules:

    1. A cell from 1 to 4 shows as ``"<5"``; 0 stays 0 (that nobody is in a cell
       tells nothing about anyone).
    2. When a cell shows ``"<5"``, the total is not shown as a number: with the
       total and the other cells, the small cell could be worked out. A total from
       1 to 4 shows as ``"<5"`` (then every non-zero cell is ``"<5"`` too, and
       none can be worked out); a larger total shows as ``HIDDEN``.
    3. Except: four non-zero cells under a total of ``"<5"`` must all be 1, so
       then the total is ``HIDDEN`` as well.
    4. ``hide_total=True`` hides the total in any case.

    Why the total and not a second cell? Which cell would be hidden depends on the
    counts, and a reader who knows the rule learns from that choice (one ``<5``
    and one hidden cell of 5 that add up to 6 can only be 1 and 5). Whether the
    total is hidden depends only on what the table shows anyway: the ``"<5"``
    cells. So nothing here can be worked out, also by someone who reads this code.
    """
    keys = [key for key, _count in cells]
    counts = [int(count) for _key, count in cells]
    if any(count < 0 for count in counts):
        raise ValueError("Counts cannot be negative.")
    shown: list[Shown] = [SMALL if _is_small(count) else count for count in counts]
    grand = sum(counts)
    total: Shown = grand
    if hide_total:
        total = HIDDEN
    elif _is_small(grand):
        total = HIDDEN if sum(1 for count in counts if count) == SMALL_MAX else SMALL
    elif any(_is_small(count) for count in counts):
        total = HIDDEN
    return Suppressed(cells=tuple(zip(keys, shown, strict=True)), total=total)


def suppress_nested[G: Hashable, K: Hashable](
    groups: Sequence[tuple[G, Sequence[tuple[K, int]]]],
) -> tuple[Suppressed[G], dict[G, Suppressed[K]]]:
    """A table whose rows are groups of finer cells ("waiting" made of three waiting
    times, say). Returns the table (each row the total of its group) and each group.

    Every row is its group's total and the table's total is taken over all finer
    cells, both by ``suppress``: so each sum on the page is shown exactly only when
    every finer cell in it is, and no sum tells more than the cells do. A group of
    one cell shows as that cell would.
    """
    parts = {key: suppress(cells) for key, cells in groups}
    finest = [(index, count) for index, (_key, cells) in enumerate(groups) for _cell, count in cells]
    table = Suppressed(cells=tuple((key, parts[key].total) for key, _cells in groups), total=suppress(finest).total)
    return table, parts
