"""Date conventions for legal periods, documented once.

- Dates enter the rules engine as whole days (``date.toordinal()``): durable-rules has no date
  type and compares ISO strings as text.
- Years and months (five-year term, two years without construction) follow the Civil Code
  (民法典 arts. 200-204): a period of N years from day D ends on the same month and day N years
  later; where that day does not exist (29 February, 31st of a shorter month) it ends on the last
  day of that month. ``add_years(2016-02-29, 5) == 2021-02-28``.
- Working days (工作日) are counted as Chinese administrative practice counts them, from the day
  after the triggering event: public holidays are skipped and the adjusted working weekend days
  (调休) count. The holiday calendar is the maintained ``chinese-calendar`` package; outside the
  years it covers the period cannot be counted, and ``CalendarRangeError`` says so.
"""

from __future__ import annotations

import calendar
import datetime as dt

import chinese_calendar


class CalendarRangeError(ValueError):
    """The holiday calendar does not cover the dates needed to count a working-day period."""


def day_number(day: dt.date) -> int:
    return day.toordinal()


def from_day_number(number: int) -> dt.date:
    return dt.date.fromordinal(number)


def add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(day.day, last))


def add_years(day: dt.date, years: int) -> dt.date:
    return add_months(day, 12 * years)


def is_working_day(day: dt.date) -> bool:
    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError:
        raise CalendarRangeError(f"the holiday calendar (chinese-calendar) does not cover {day.year}") from None


def add_working_days(day: dt.date, count: int) -> dt.date:
    """The last day of a period of ``count`` working days triggered on ``day``."""
    current = day
    remaining = count
    while remaining > 0:
        current += dt.timedelta(days=1)
        if is_working_day(current):
            remaining -= 1
    return current


def shift(day: dt.date, unit: str, amount: int) -> dt.date:
    if unit == "plus_days":
        return day + dt.timedelta(days=amount)
    if unit == "plus_months":
        return add_months(day, amount)
    if unit == "plus_years":
        return add_years(day, amount)
    if unit == "plus_working_days":
        return add_working_days(day, amount)
    raise ValueError(f"unknown period {unit}")
