"""Calendar arithmetic and value formatting for the date extractor.

Pure functions over ``datetime.date``: which occurrence of a weekday, a
month or a day-of-month a reader means, and how each granularity is written
in the public value format (``2022-02-01``, ``2022-W05``, ``2022-Q3``,
``a/b`` intervals).
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Literal

Direction = Literal["past", "future"] | None
"""Which side of the reference date the text points to; None when tense does not say."""


def iso_day(day: date) -> str:
    """A day value: ``2022-02-01``."""
    return day.isoformat()


def iso_month(year: int, month: int) -> str:
    """A month value: ``2022-02``."""
    return f"{year:04d}-{month:02d}"


def iso_week(day: date) -> str:
    """The ISO week containing ``day``: ``2022-W05`` (ISO years, not calendar years)."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def interval(start: date, end: date) -> str:
    """An interval value ``start/end`` with both ends inclusive days."""
    return f"{start.isoformat()}/{end.isoformat()}"


def month_end(year: int, month: int) -> date:
    """Last day of a month."""
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: date, months: int) -> date:
    """Shift by whole months, clamping the day to the target month's length."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def shift(day: date, unit: str, amount: int) -> date:
    """``day`` moved by ``amount`` calendar units (day, hour, week, fortnight, month, quarter, year, decade).

    Hours move by whole days, rounded: the claim is a day.
    """
    if unit == "day":
        return day + timedelta(days=amount)
    if unit == "hour":
        return day + timedelta(days=round(amount / 24))
    if unit in {"week", "fortnight"}:
        return day + timedelta(weeks=amount * (2 if unit == "fortnight" else 1))
    return add_months(day, {"month": 1, "quarter": 3, "year": 12, "decade": 120}[unit] * amount)


def safe_date(year: int, month: int, day: int) -> date | None:
    """``date(...)`` or None for impossible days such as 30 February."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def pick(candidates: list[date], reference: date, direction: Direction) -> date | None:
    """The candidate a reader means: the nearest one on the side the tense points to.

    The reference day itself counts on both sides ("on Wednesday, he is due to
    speak" in a Wednesday paper means that day).  Without a direction the nearest
    wins, ties going to the past, since news mostly reports what happened.
    """
    if direction == "past":
        pool = [c for c in candidates if c <= reference]
    elif direction == "future":
        pool = [c for c in candidates if c >= reference]
    else:
        pool = list(candidates)
    if not pool:
        return None
    return min(pool, key=lambda c: (abs((c - reference).days), c > reference))


def weekday_near(
    weekday: int, reference: date, direction: Direction, shift: str | None = None
) -> date:
    """The day named by a weekday word, optionally with "last"/"next".

    "last Sunday" is the Sunday of the previous calendar (ISO) week and "next
    Wednesday" the Wednesday of the next one; "past"/"coming" ("this past
    Sunday", "the coming Wednesday") the nearest one strictly before/after; a
    bare or "this" weekday follows the tense.
    """
    back = (reference.weekday() - weekday) % 7
    ahead = (weekday - reference.weekday()) % 7
    monday = reference - timedelta(days=reference.weekday())
    if shift == "last":
        return monday - timedelta(days=7 - weekday)
    if shift == "next":
        return monday + timedelta(days=7 + weekday)
    if shift == "past":
        return reference - timedelta(days=back or 7)
    if shift == "coming":
        return reference + timedelta(days=ahead or 7)
    past = reference - timedelta(days=back)
    future = reference + timedelta(days=ahead)
    chosen = pick([past, future], reference, direction)
    return chosen if chosen is not None else past


def weekday_with_day(weekday: int, day: int, reference: date) -> date | None:
    """The date nearest the reference whose day of month is ``day`` and falls on ``weekday``.

    Used when a text gives "Tuesday, 1" and leaves the month out: the weekday
    pins the month down (a given day falls on a given weekday only every few months).
    """
    found: list[date] = []
    for offset in range(-14, 15):
        month_start = add_months(reference.replace(day=1), offset)
        candidate = safe_date(month_start.year, month_start.month, day)
        if candidate is not None and candidate.weekday() == weekday:
            found.append(candidate)
    return pick(found, reference, None)


def day_of_month_near(day: int, reference: date, direction: Direction) -> date | None:
    """The nearest date with that day of the month ("on the 10th"), on the tense's side."""
    found: list[date] = []
    for offset in range(-2, 3):
        month_start = add_months(reference.replace(day=1), offset)
        candidate = safe_date(month_start.year, month_start.month, day)
        if candidate is not None:
            found.append(candidate)
    return pick(found, reference, direction)


def month_near(month: int, reference: date, direction: Direction) -> tuple[int, int]:
    """(year, month) of the month named without a year: nearest on the tense's side.

    The reference month counts on both sides, so "in February" in a February
    paper is this February.
    """
    options = [date(reference.year + k, month, 1) for k in (-1, 0, 1)]
    this_month = reference.replace(day=1)
    if direction == "past":
        pool = [o for o in options if o <= this_month]
    elif direction == "future":
        pool = [o for o in options if o >= this_month]
    else:
        pool = options
    best = min(pool, key=lambda o: (abs((o - this_month).days), o > this_month))
    return best.year, best.month


def day_month_near(
    day: int, month: int, reference: date, direction: Direction
) -> date | None:
    """The date for a day and month written without a year, nearest on the tense's side."""
    found = [
        c for k in range(-4, 5) if (c := safe_date(reference.year + k, month, day)) is not None
    ]
    return pick(found, reference, direction)


def two_digit_year(short: int, reference: date | None) -> int:
    """Expand a two-digit year: within ten years ahead of the reference is this century."""
    pivot = (reference.year if reference else date.today().year) % 100 + 10
    return 2000 + short if short <= pivot else 1900 + short


def season_bounds(season_start: int, year: int) -> tuple[date, date]:
    """Meteorological season from ``season_start`` of ``year`` (winter runs into next year)."""
    start = date(year, season_start, 1)
    end_month = add_months(start, 2)
    return start, month_end(end_month.year, end_month.month)


def value_bounds(value: str) -> tuple[date, date] | None:
    """First and last day a value covers, for building intervals from its parts."""
    try:
        if "/" in value:
            left, right = value.split("/", 1)
            return date.fromisoformat(left[:10]), date.fromisoformat(right[:10])
        if "-W" in value:
            year, week = value.split("-W")
            start = date.fromisocalendar(int(year), int(week), 1)
            return start, start + timedelta(days=6)
        if "-Q" in value:
            year, quarter = value.split("-Q")
            first = date(int(year), 3 * int(quarter) - 2, 1)
            return first, month_end(first.year, first.month + 2)
        if len(value) == 4:
            return date(int(value), 1, 1), date(int(value), 12, 31)
        if len(value) == 7:
            y, m = int(value[:4]), int(value[5:7])
            return date(y, m, 1), month_end(y, m)
        day = date.fromisoformat(value[:10])
    except ValueError:
        return None
    return day, day
