"""Day, month, year and weekday words of a span, and the date they make with the reference date."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

from factcheck.calendar_words import MONTH_NAMES, MONTHS, WEEKDAY_NAMES, WEEKDAYS
from factcheck.extraction.dates import calendar as cal
from factcheck.extraction.dates import lexicon as lex
from factcheck.extraction.dates import shapes
from factcheck.extraction.dates.calendar import Direction
from factcheck.extraction.dates.types import (
    NO_REFERENCE,
    Context,
    Resolution,
    SpanIssue,
    day_resolution,
    unresolved,
)

_FILLERS: Final[frozenset[str]] = frozenset(
    {"on", "the", "of", "at", "in", "by", "around", "about", "early", "mid", "middle", "late",
     "end", "beginning", "start", "morning", "afternoon", "evening", "night", "overnight",
     "during", "until", "before", "after", "from", "circa", "ca", "year", "month", "day",
     "week", "weekend"}
)
"""Words that may surround day/month/year words without changing the value."""
_SHIFTS: Final[dict[str, str]] = {
    "this": "this", "last": "last", "previous": "last", "next": "next", "coming": "coming",
    "past": "past", "following": "coming",
}
"""Shift words and their meaning: "last"/"next" name the previous/next calendar week's
weekday, "past"/"coming" ("this past", "this coming") the nearest one strictly before/after."""


_CARDINAL_DAYS: Final[dict[str, int]] = {
    word: n for n, word in enumerate(
        ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen", "twenty"), start=1)
} | {"thirty": 30, "thirty-one": 31} | {
    f"twenty-{unit}": 20 + n for n, unit in enumerate(
        ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine"), start=1)
}
"""Days written as cardinal words ("May twenty one", "Friday the fifteen")."""
_MONTH_DAY_TOKEN_RE = re.compile(r"(\d{1,2})[/.-](\d{1,2})")
_WEEK_NUMBER_RE = re.compile(r"\bweek \d")
_LOOSE_MONTH_DAY_RE = re.compile(r"(?:^| )\d{1,2}[.-]\d{1,2}(?: |$)")
_DAY_TOKEN_RE = re.compile(rf"([0-3]?\d)({lex.ORDINAL_SUFFIX})?")
_YEAR_TOKEN_RE = re.compile(r"(1\d{3}|20\d{2}|21\d{2})")
WEEKDAY_TEXT_RE = re.compile(rf"\b({lex.WD_ALT})\b\.?", re.IGNORECASE)


@dataclass
class Parts:
    """The calendar words found in a span, before resolution."""

    weekday: int | None = None
    day: int | None = None
    day_marked: bool = False
    month: int | None = None
    year: int | None = None
    shift: str | None = None
    week: bool = False
    """The span names a week ("next week Sunday"): a weekday is read inside that week."""
    month_step: int | None = None
    """ "this month" (0), "next month" (1), "last month" (-1), from the reference's month."""


def parse_parts(norm: str, locale: str | None = None) -> Parts | None:
    """Split a span into weekday/day/month/year words; None if any other word is present."""
    parts = Parts()
    tokens = norm.split()
    if any(token in MONTHS for token in tokens):
        parts.day_marked = True  # "twenty-five january": a cardinal next to a month is its day
    for token in tokens:
        if not _take_token(parts, token, locale):
            return None
    if parts.day is not None and not 1 <= parts.day <= 31:
        return None
    if _WEEK_NUMBER_RE.search(norm):
        return None  # "Thursday, week 23": an ISO week number, not a day of the month
    if parts.weekday is None and _LOOSE_MONTH_DAY_RE.search(norm):
        return None  # "4-22", "4.22" alone may be a score or a decimal; "friday 7.6" is a date
    return parts


def _month_day(token: str, locale: str | None) -> tuple[int, int] | None:
    """(month, day) of a year-less numeric date ("4/22", "22/04", "7.6")."""
    match = _MONTH_DAY_TOKEN_RE.fullmatch(token)
    if not match:
        return None
    first, second = int(match[1]), int(match[2])
    month_first = 1 <= first <= 12 and 1 <= second <= 31
    day_first = 1 <= second <= 12 and 1 <= first <= 31
    if month_first and day_first and first != second:
        order = shapes.day_first(locale)
        if order is None:
            return None
        return (second, first) if order else (first, second)
    if month_first:
        return first, second
    return (second, first) if day_first else None


def _take_token(parts: Parts, token: str, locale: str | None = None) -> bool:
    day_match = _DAY_TOKEN_RE.fullmatch(token)
    month_day = _month_day(token, locale) if parts.day is None else None
    if month_day is not None and parts.month is None:
        parts.month, parts.day = month_day
        parts.day_marked = True
    elif token in WEEKDAYS and parts.weekday is None:
        parts.weekday = WEEKDAYS[token]
    elif token in MONTHS and parts.month is None:
        parts.month = MONTHS[token]
    elif _YEAR_TOKEN_RE.fullmatch(token) and parts.year is None:
        parts.year = int(token)
    elif day_match and parts.day is None:
        parts.day = int(day_match[1])
        parts.day_marked = parts.day_marked or day_match[2] is not None
    elif token in lex.ORDINAL_WORDS and parts.day is None:
        parts.day, parts.day_marked = lex.ORDINAL_WORDS[token], True
    elif token in _CARDINAL_DAYS and parts.day is None and (
            parts.month is not None or parts.day_marked):
        parts.day, parts.day_marked = _CARDINAL_DAYS[token], True
    elif token in _SHIFTS and parts.shift is None:
        parts.shift = _SHIFTS[token]
    elif token == "month" and parts.shift in {"this", "next", "last"} and parts.month is None:
        parts.month_step = {"this": 0, "next": 1, "last": -1}[parts.shift]
        parts.shift = None
    elif token in _FILLERS:
        parts.day_marked = parts.day_marked or token == "the"
        parts.week = parts.week or token == "week"
    else:
        return False
    return True


def _month_name(day: date) -> str:
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def _month_missing(day: date, parts: Parts, text: str) -> SpanIssue:
    prefix = f"{WEEKDAY_NAMES[parts.weekday]} " if parts.weekday is not None else ""
    return SpanIssue(
        kind="month-missing", start=0, end=len(text),
        detail="day of the month given without the month; read against the reference date",
        suggestion=f"{prefix}{_month_name(day)}",
    )


def _direction(parts: Parts, ctx: Context) -> Direction:
    if parts.shift in {"last", "past"}:
        return "past"
    if parts.shift in {"next", "coming"}:
        return "future"
    return ctx.direction


def apply_month_step(parts: Parts, ctx: Context) -> None:
    """Turn "next month" into the month and year it names."""
    if parts.month_step is None or ctx.reference is None or parts.month is not None:
        return
    moved = cal.add_months(ctx.reference.replace(day=1), parts.month_step)
    parts.month, parts.year = moved.month, moved.year
    parts.day_marked = True


def resolve_parts(parts: Parts, text: str, ctx: Context) -> Resolution | None:
    """Resolve calendar words; None when they do not make a date."""
    ref = ctx.reference
    apply_month_step(parts, ctx)
    if parts.month is not None:
        return _with_month(parts, parts.month, ctx)
    if parts.year is not None:
        if parts.day is not None or parts.weekday is not None:
            return None
        return Resolution(value=f"{parts.year:04d}", granularity="year")
    if parts.day is not None and (parts.weekday is not None or parts.day_marked):
        if ref is None:
            return unresolved(NO_REFERENCE)
        if parts.weekday is not None:
            found = cal.weekday_with_day(parts.weekday, parts.day, ref)
        else:
            found = cal.day_of_month_near(parts.day, ref, ctx.direction)
        if found is None:
            return unresolved("no nearby month has that day on that weekday")
        return Resolution(value=found.isoformat(), granularity="day", relative=True,
                          issues=(_month_missing(found, parts, text),))
    if parts.weekday is not None and parts.day is None:
        if ref is None:
            return unresolved(NO_REFERENCE)
        if parts.week:
            step = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(parts.shift or "", 0)
            monday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=step)
            return day_resolution(monday + timedelta(days=parts.weekday), relative=True)
        found = cal.weekday_near(parts.weekday, ref, ctx.direction, parts.shift)
        return day_resolution(found, relative=True)
    return None


def _bracketing_weekday(day: int, month: int, weekday: int, ref: date, direction: Direction) -> date | None:
    """The occurrence of day and month nearest the reference on either side that falls on ``weekday``."""
    found = [c for k in range(-4, 5) if (c := cal.safe_date(ref.year + k, month, day)) is not None]
    before = [c for c in found if c <= ref]
    after = [c for c in found if c >= ref]
    sides = {
        "past": [max(before)] if before else [],
        "future": [min(after)] if after else [],
    }
    pool = sides[direction] if direction else sides["past"] + sides["future"]
    return cal.pick([c for c in pool if c.weekday() == weekday], ref, None)


def _with_month(parts: Parts, month: int, ctx: Context) -> Resolution | None:
    ref = ctx.reference
    if parts.day is not None:
        if parts.year is not None:
            found = cal.safe_date(parts.year, month, parts.day)
            return day_resolution(found) if found else unresolved("impossible calendar date")
        if ref is None:
            return unresolved(NO_REFERENCE)
        if parts.shift == "this":
            # "this Friday 7/6", "this 5/12": that day of the reference year
            found = cal.safe_date(ref.year, month, parts.day)
            return day_resolution(found, relative=True) if found else unresolved(
                "impossible calendar date")
        if parts.weekday is not None:
            # "Friday, Jun 15": the weekday may choose between the last such day on or before
            # the reference and the next one on or after it, but never moves the year beyond
            # them; a weekday that fits neither is the writer's slip ("Wednesday 14 October"
            # in a paper of Tuesday 14 October 2025 is that Tuesday), left to the weekday check
            matching = _bracketing_weekday(parts.day, month, parts.weekday, ref, _direction(parts, ctx))
            if matching is not None:
                return day_resolution(matching, relative=True)
        found = cal.day_month_near(parts.day, month, ref, _direction(parts, ctx))
        return day_resolution(found, relative=True) if found else unresolved(
            "impossible calendar date")
    if parts.weekday is not None:
        return None
    if parts.year is not None:
        return Resolution(value=cal.iso_month(parts.year, month), granularity="month")
    if ref is None:
        return unresolved(NO_REFERENCE)
    if parts.shift == "this":
        # "this September": September of the reference year
        return Resolution(value=cal.iso_month(ref.year, month), granularity="month",
                          relative=True)
    direction = _direction(parts, ctx)
    year, month = cal.month_near(month, ref, direction)
    if parts.shift in {"last", "next", "past", "coming"} and (year, month) == (ref.year,
                                                                               ref.month):
        year += -1 if parts.shift in {"last", "past"} else 1
    return Resolution(value=cal.iso_month(year, month), granularity="month", relative=True)
