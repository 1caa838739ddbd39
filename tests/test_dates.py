"""Legal periods as Chinese law counts them (engine/dates.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from paiwu.engine.dates import CalendarRangeError, add_months, add_working_days, add_years, is_working_day

D = dt.date


@pytest.mark.parametrize(
    ("start", "years", "end"),
    [
        (D(2016, 2, 29), 5, D(2021, 2, 28)),  # no 29 February: the month's last day
        (D(2016, 2, 29), 4, D(2020, 2, 29)),
        (D(2019, 3, 20), 2, D(2021, 3, 20)),
        (D(2015, 12, 31), 5, D(2020, 12, 31)),
    ],
)
def test_years_end_on_the_corresponding_day(start: dt.date, years: int, end: dt.date) -> None:
    assert add_years(start, years) == end


def test_months_end_on_the_last_day_of_a_shorter_month() -> None:
    assert add_months(D(2024, 1, 31), 1) == D(2024, 2, 29)
    assert add_months(D(2023, 1, 31), 1) == D(2023, 2, 28)
    assert add_months(D(2024, 11, 30), 3) == D(2025, 2, 28)


def test_working_days_skip_holidays_and_count_adjusted_workdays() -> None:
    # 2024 National Day: 1-7 October off; Sunday 29 September and Saturday 12 October worked.
    assert is_working_day(D(2024, 9, 29)) and is_working_day(D(2024, 10, 12))
    assert not is_working_day(D(2024, 10, 3))
    # Counting starts the day after the event: 28 Sep (Sat) off, 29 Sep = 1, 30 Sep = 2, 8-11 Oct = 3-6, 12 Oct = 7.
    assert add_working_days(D(2024, 9, 27), 7) == D(2024, 10, 12)
    assert add_working_days(D(2024, 10, 8), 10) == D(2024, 10, 21)


def test_working_days_outside_the_calendar_are_refused_not_guessed() -> None:
    with pytest.raises(CalendarRangeError, match="does not cover"):
        add_working_days(D(2026, 12, 28), 10)
