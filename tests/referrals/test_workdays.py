"""Working days per country: Easter, the public holidays of NL and BE, adding and
counting working days. Pure functions: no database."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from referrals import workdays
from referrals.workdays import (
    add_working_days,
    easter_sunday,
    is_working_day,
    public_holidays,
    working_days_between,
)

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.mark.parametrize(
    ("year", "easter"),
    [
        (1961, date(1961, 4, 2)),
        (2000, date(2000, 4, 23)),
        (2008, date(2008, 3, 23)),
        (2011, date(2011, 4, 24)),  # the latest possible date is 25 April (2038)
        (2019, date(2019, 4, 21)),
        (2024, date(2024, 3, 31)),
        (2025, date(2025, 4, 20)),
        (2026, date(2026, 4, 5)),
        (2027, date(2027, 3, 28)),
        (2038, date(2038, 4, 25)),
        (2285, date(2285, 3, 22)),  # the earliest possible date
    ],
)
def test_easter_sunday(year, easter):
    assert easter_sunday(year) == easter
    assert easter.weekday() == 6


def test_netherlands_2026():
    assert public_holidays("NL", 2026) == {
        date(2026, 1, 1),  # Nieuwjaarsdag
        date(2026, 4, 5),  # Eerste Paasdag
        date(2026, 4, 6),  # Tweede Paasdag
        date(2026, 4, 27),  # Koningsdag (a Monday)
        date(2026, 5, 5),  # Bevrijdingsdag
        date(2026, 5, 14),  # Hemelvaartsdag
        date(2026, 5, 24),  # Eerste Pinksterdag
        date(2026, 5, 25),  # Tweede Pinksterdag
        date(2026, 12, 25),
        date(2026, 12, 26),
    }


def test_netherlands_good_friday_is_a_working_day():
    good_friday = easter_sunday(2026) - timedelta(days=2)
    assert good_friday == date(2026, 4, 3)
    assert good_friday not in public_holidays("NL", 2026)
    assert is_working_day(good_friday, "NL")


@pytest.mark.parametrize(
    ("year", "kings_day"),
    [
        (2025, date(2025, 4, 26)),  # the 27th is a Sunday
        (2026, date(2026, 4, 27)),
        (2027, date(2027, 4, 27)),
        (2031, date(2031, 4, 26)),  # the 27th is a Sunday
    ],
)
def test_kings_day(year, kings_day):
    holidays = public_holidays("NL", year)
    assert kings_day in holidays
    assert {d for d in holidays if d.month == 4 and d.day in (26, 27)} == {kings_day}


def test_netherlands_2027_moves_with_easter():
    holidays = public_holidays("NL", 2027)
    assert {date(2027, 3, 28), date(2027, 3, 29), date(2027, 5, 6), date(2027, 5, 16), date(2027, 5, 17)} <= holidays
    assert len(holidays) == 10


def test_belgium_2026():
    assert public_holidays("BE", 2026) == {
        date(2026, 1, 1),  # Nieuwjaar
        date(2026, 4, 6),  # Paasmaandag
        date(2026, 5, 1),  # Dag van de Arbeid
        date(2026, 5, 14),  # O.L.H. Hemelvaart
        date(2026, 5, 25),  # Pinkstermaandag
        date(2026, 7, 21),
        date(2026, 8, 15),
        date(2026, 11, 1),
        date(2026, 11, 11),
        date(2026, 12, 25),
    }


def test_countries_differ():
    assert is_working_day(date(2026, 4, 27), "BE")  # Koningsdag is Dutch
    assert not is_working_day(date(2026, 4, 27), "NL")
    assert is_working_day(date(2026, 7, 21), "NL")  # the Belgian national day
    assert not is_working_day(date(2026, 7, 21), "BE")
    assert is_working_day(date(2026, 12, 28), "NL") and is_working_day(date(2026, 12, 28), "BE")


def test_unknown_country_is_refused():
    for call in (
        lambda: public_holidays("DE", 2026),
        lambda: is_working_day(date(2026, 1, 2), "DE"),
        lambda: add_working_days(date(2026, 1, 2), 1, "nl"),
        lambda: working_days_between(date(2026, 1, 2), date(2026, 1, 9), ""),
    ):
        with pytest.raises(ValueError, match="country"):
            call()


def test_public_holidays_returns_a_copy_and_is_cached():
    workdays._holidays.cache_clear()
    first = public_holidays("NL", 2026)
    first.clear()
    assert len(public_holidays("NL", 2026)) == 10
    public_holidays("BE", 2026)
    info = workdays._holidays.cache_info()
    assert (info.hits, info.misses) == (1, 2)


def test_weekends_are_not_working_days():
    assert [is_working_day(date(2026, 3, 9) + timedelta(days=n), "NL") for n in range(7)] == [True] * 5 + [False] * 2


# --- Adding ---------------------------------------------------------------------------


def test_add_skips_weekends():
    friday = date(2026, 3, 13)
    assert add_working_days(friday, 1, "NL") == date(2026, 3, 16)
    assert add_working_days(friday, 5, "NL") == date(2026, 3, 20)
    assert add_working_days(date(2026, 3, 14), 1, "NL") == date(2026, 3, 16)  # from a Saturday
    assert add_working_days(friday, 0, "NL") == friday


def test_add_skips_easter_and_kings_day():
    # Thursday 2 April 2026 + 3: Good Friday counts (NL), Easter Monday does not.
    assert add_working_days(date(2026, 4, 2), 1, "NL") == date(2026, 4, 3)
    assert add_working_days(date(2026, 4, 2), 2, "NL") == date(2026, 4, 7)
    # Friday 24 April 2026 + 1: Monday 27 April is Koningsdag in NL, not in BE.
    assert add_working_days(date(2026, 4, 24), 1, "NL") == date(2026, 4, 28)
    assert add_working_days(date(2026, 4, 24), 1, "BE") == date(2026, 4, 27)


def test_add_over_christmas_and_new_year():
    assert add_working_days(date(2026, 12, 24), 1, "NL") == date(2026, 12, 28)
    assert add_working_days(date(2026, 12, 31), 1, "BE") == date(2027, 1, 4)  # 1 Jan, then the weekend


def test_add_backwards():
    assert add_working_days(date(2026, 4, 7), -1, "NL") == date(2026, 4, 3)
    assert add_working_days(date(2026, 3, 16), -1, "NL") == date(2026, 3, 13)


def test_add_keeps_time_and_time_zone():
    # Friday 27 March 2026 10:30 in winter time; summer time starts on Sunday the 29th.
    start = datetime(2026, 3, 27, 10, 30, tzinfo=AMSTERDAM)
    result = add_working_days(start, 1, "NL")
    assert result == datetime(2026, 3, 30, 10, 30, tzinfo=AMSTERDAM)
    assert result.utcoffset() == timedelta(hours=2)
    assert start.utcoffset() == timedelta(hours=1)


# --- Counting ------------------------------------------------------------------------


def test_between_counts_days_after_start_up_to_end():
    monday = date(2026, 3, 9)
    assert working_days_between(monday, monday, "NL") == 0
    assert working_days_between(monday, monday + timedelta(days=1), "NL") == 1
    assert working_days_between(date(2026, 3, 13), date(2026, 3, 16), "NL") == 1  # Friday to Monday
    assert working_days_between(date(2026, 3, 13), date(2026, 3, 15), "NL") == 0  # into the weekend
    assert working_days_between(monday, monday + timedelta(days=14), "NL") == 10


def test_between_leaves_out_holidays():
    # Easter 2026: Thursday 2 April to Thursday 9 April. NL: Good Friday counts, Easter Monday does not.
    assert working_days_between(date(2026, 4, 2), date(2026, 4, 9), "NL") == 4
    assert working_days_between(date(2026, 4, 2), date(2026, 4, 9), "BE") == 4
    # May 2026: 1 May (BE), 5 May (NL), Ascension, Whit Monday (both).
    assert working_days_between(date(2026, 4, 30), date(2026, 5, 29), "NL") == 18
    assert working_days_between(date(2026, 4, 30), date(2026, 5, 29), "BE") == 18
    assert working_days_between(date(2026, 4, 30), date(2026, 5, 4), "BE") == 1  # Friday 1 May is off
    assert working_days_between(date(2026, 4, 30), date(2026, 5, 4), "NL") == 2


def test_between_a_whole_year_and_across_years():
    # 2026 has 261 weekdays; NL loses 7 holidays on weekdays (26 Dec is a Saturday), BE 8.
    assert working_days_between(date(2025, 12, 31), date(2026, 12, 31), "NL") == 261 - 7
    assert working_days_between(date(2025, 12, 31), date(2026, 12, 31), "BE") == 261 - 8
    # 24, 28, 29, 30, 31 December and 4, 5 January: Christmas and New Year fall on weekdays.
    assert working_days_between(date(2026, 12, 23), date(2027, 1, 5), "NL") == 7


def test_between_backwards_is_negative():
    assert working_days_between(date(2026, 3, 16), date(2026, 3, 13), "NL") == -1


def test_between_takes_datetimes_by_their_date():
    sent = datetime(2026, 3, 13, 23, 50, tzinfo=AMSTERDAM)
    assert working_days_between(sent, datetime(2026, 3, 16, 0, 10, tzinfo=AMSTERDAM), "NL") == 1


@pytest.mark.parametrize("country", ["NL", "BE"])
def test_adding_and_counting_agree(country):
    """Against a day-by-day count, for every start in two years and several lengths."""
    start = date(2025, 1, 1)
    for offset in range(0, 730, 3):
        first = start + timedelta(days=offset)
        for days in (0, 1, 4, 5, 23):
            last = add_working_days(first, days, country)
            assert working_days_between(first, last, country) == days, (first, days)
            slow = sum(
                1 for n in range(1, (last - first).days + 1) if is_working_day(first + timedelta(days=n), country)
            )
            assert slow == days
            if days:
                assert is_working_day(last, country)
