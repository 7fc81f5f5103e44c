"""Working days in the Netherlands and Belgium: pure functions, no database.

A working day is a Monday to Friday that is not a general public holiday of the
country. Used for waiting times of referrals (the municipality's list) and for
reminders. The API is small on purpose:

* ``public_holidays(country, year)``: the public holidays of one year;
* ``is_working_day(day, country)``;
* ``add_working_days(start, days, country)``: the date (or moment) ``days``
  working days after ``start``;
* ``working_days_between(start, end, country)``: how many working days lie
  after ``start`` up to and including ``end``.

The two last ones fit together: for ``days >= 0``,
``working_days_between(start, add_working_days(start, days, c), c) == days``.

``country`` is ``"NL"`` or ``"BE"`` (anything else raises ``ValueError``). A
``datetime`` counts as its calendar date in its own time zone: pass
``timezone.localtime(moment)`` to count in the portal's time zone.

Holidays (rules as they hold since 2014):

* NL: Nieuwjaarsdag, Eerste en Tweede Paasdag, Koningsdag (27 April, 26 April
  when the 27th is a Sunday), Bevrijdingsdag (5 May), Hemelvaartsdag, Eerste en
  Tweede Pinksterdag, Eerste en Tweede Kerstdag. Goede Vrijdag is not a general
  day off and is left out.
* BE: Nieuwjaar, Paasmaandag, 1 mei, O.L.H. Hemelvaart, Pinkstermaandag,
  21 juli, 15 augustus, 1 november, 11 november, Kerstmis.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import overload

COUNTRIES = ("NL", "BE")
_DAY = timedelta(days=1)


def easter_sunday(year: int) -> date:
    """Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm,
    also known as Meeus/Jones/Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _check_country(country: str) -> str:
    if country not in COUNTRIES:
        raise ValueError(f"Unknown country {country!r}: use one of {', '.join(COUNTRIES)}.")
    return str(country)


@lru_cache(maxsize=256)
def _holidays(country: str, year: int) -> frozenset[date]:
    """The holidays of one country and year; cached per (country, year)."""
    easter = easter_sunday(year)
    if country == "NL":
        kings_day = date(year, 4, 27)
        if kings_day.weekday() == 6:  # a Sunday: the day before
            kings_day = date(year, 4, 26)
        days = {
            date(year, 1, 1),  # Nieuwjaarsdag
            easter,  # Eerste Paasdag
            easter + timedelta(days=1),  # Tweede Paasdag
            kings_day,  # Koningsdag
            date(year, 5, 5),  # Bevrijdingsdag
            easter + timedelta(days=39),  # Hemelvaartsdag
            easter + timedelta(days=49),  # Eerste Pinksterdag
            easter + timedelta(days=50),  # Tweede Pinksterdag
            date(year, 12, 25),  # Eerste Kerstdag
            date(year, 12, 26),  # Tweede Kerstdag
        }
    else:  # BE
        days = {
            date(year, 1, 1),  # Nieuwjaar
            easter + timedelta(days=1),  # Paasmaandag
            date(year, 5, 1),  # Dag van de Arbeid
            easter + timedelta(days=39),  # O.L.H. Hemelvaart
            easter + timedelta(days=50),  # Pinkstermaandag
            date(year, 7, 21),  # Nationale feestdag
            date(year, 8, 15),  # O.L.V. Hemelvaart
            date(year, 11, 1),  # Allerheiligen
            date(year, 11, 11),  # Wapenstilstand
            date(year, 12, 25),  # Kerstmis
        }
    return frozenset(days)


def public_holidays(country: str, year: int) -> set[date]:
    """The general public holidays of ``country`` in ``year`` (a new set each call)."""
    return set(_holidays(_check_country(country), year))


def _as_date(moment: date | datetime) -> date:
    return moment.date() if isinstance(moment, datetime) else moment


def _is_working_day(day: date, country: str) -> bool:
    return day.weekday() < 5 and day not in _holidays(country, day.year)


def is_working_day(day: date | datetime, country: str) -> bool:
    """Monday to Friday and not a public holiday of ``country``."""
    return _is_working_day(_as_date(day), _check_country(country))


@overload
def add_working_days(start: datetime, days: int, country: str) -> datetime: ...
@overload
def add_working_days(start: date, days: int, country: str) -> date: ...
def add_working_days(start: date | datetime, days: int, country: str) -> date | datetime:
    """The ``days``-th working day after ``start`` (before it, for a negative number).

    ``start`` itself never counts, whether or not it is a working day; ``days == 0``
    returns ``start`` unchanged. A ``datetime`` keeps its time of day and time zone
    (the wall-clock time; a time zone with summer time gets the right offset).
    Steps one day at a time: meant for periods of days or weeks.
    """
    country = _check_country(country)
    day = _as_date(start)
    step = _DAY if days >= 0 else -_DAY
    remaining = abs(days)
    while remaining:
        day += step
        if _is_working_day(day, country):
            remaining -= 1
    if isinstance(start, datetime):
        return start.replace(year=day.year, month=day.month, day=day.day)
    return day


def _weekdays_up_to(day: date) -> int:
    """Mondays to Fridays from an arbitrary fixed Monday up to and including ``day``."""
    ordinal = day.toordinal()  # date(1, 1, 1), ordinal 1, is a Monday
    weeks, rest = divmod(ordinal - 1, 7)
    return weeks * 5 + min(rest + 1, 5)


def working_days_between(start: date | datetime, end: date | datetime, country: str) -> int:
    """The working days after ``start`` up to and including ``end``, by calendar date.

    Sent on a Friday, looked at on the next Monday: 1. The same day: 0. With ``end``
    before ``start`` the answer is negative (``-working_days_between(end, start)``).
    Counts whole weeks at once, so long periods cost no more than short ones.
    """
    country = _check_country(country)
    first, last = _as_date(start), _as_date(end)
    if last < first:
        return -working_days_between(last, first, country)
    weekdays = _weekdays_up_to(last) - _weekdays_up_to(first)
    holidays = sum(
        1
        for year in range(first.year, last.year + 1)
        for holiday in _holidays(country, year)
        if first < holiday <= last and holiday.weekday() < 5
    )
    return weekdays - holidays
