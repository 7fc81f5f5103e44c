"""A stable shuffle: orders that look random, the same for the same seed, stored nowhere."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable


def shuffled[T](items: Iterable[T], *, seed: str, key: Callable[[T], str]) -> list[T]:
    """``items`` in an order that looks random but is the same for the same seed.

    Each item is sorted by a hash of the seed and its own id (``key``), so the order
    does not depend on the authored order, stays the same on every page load with
    that seed, and needs nothing stored. An empty seed keeps the authored order.
    """
    items = list(items)
    if not seed:
        return items
    return sorted(items, key=lambda item: hashlib.sha256(f"{seed}/{key(item)}".encode()).digest())
