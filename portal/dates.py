"""Dates in the portal's time zone (``TIME_ZONE``, Europe/Amsterdam).

A moment is stored in UTC; the day a person sees is the local one. These two
helpers are the one place that turns a moment into that day and a day back into
the moment it begins.
"""

from __future__ import annotations

from datetime import date, datetime, time

from django.utils import timezone


def local_date(moment: datetime) -> date:
    """The day ``moment`` falls on in the portal's time zone."""
    return timezone.localtime(moment).date()


def start_of(day: date) -> datetime:
    """The aware moment ``day`` begins (midnight) in the portal's time zone."""
    return timezone.make_aware(datetime.combine(day, time.min))
