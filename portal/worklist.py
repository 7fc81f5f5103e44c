"""What needs me now: the counts on a member's start page ("Overzicht").

Each app registers what it counts (``register`` in its ``AppConfig.ready``): the
kernel knows no case, referral or assignment. A counter gets the member and
answers the lines that apply to them, each a count, a sentence and a link to the
page where that work is done. A counter runs a fixed number of queries, however
many rows there are (``tests/portal/test_start_page.py`` counts them at two sizes),
and only inside the organisation's scope, as the start page does.

A counter that does not apply to the member (a learner and referrals, say) answers
nothing and runs no query.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.functional import Promise

if TYPE_CHECKING:
    from portal.models import Membership, User


@dataclass(frozen=True)
class WorkItem:
    """One line on the start page: "3 taken zijn te laat" and where to do them."""

    key: str  # stable, for tests and the page's anchors
    count: int
    label: Promise | str  # says what the count is, without the number
    url: str
    urgent: bool = False  # late or waiting too long: shown first, marked

    @property
    def done(self) -> bool:
        return self.count == 0


Counter = Callable[["Membership", "User"], Iterable[WorkItem]]

_COUNTERS: list[Counter] = []


def register(counter: Counter) -> Counter:
    """Add a counter (usable as a decorator). Registering one twice is a no-op."""
    if counter not in _COUNTERS:
        _COUNTERS.append(counter)
    return counter


def work_for(membership: Membership, user: User) -> list[WorkItem]:
    """Every line for this member: urgent work first, then other work, then the lines
    with nothing waiting; in registration order within each."""
    items = [item for counter in _COUNTERS for item in counter(membership, user)]
    return sorted(items, key=lambda item: (item.done, not item.urgent))
