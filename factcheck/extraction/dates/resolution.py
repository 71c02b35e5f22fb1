"""Reading one date expression (a short span of text) into a value.

Each span is parsed on its own: the common shapes news copy uses are read by
hand (so the result is predictable and explainable), and ``dateparser`` is
asked only as a fallback for one span at a time.  Nothing here looks at the
rest of the document: the caller passes what the sentence contributes (tense
direction) in a :class:`Context`.
"""

from __future__ import annotations

import functools
import re
from contextvars import ContextVar
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Final

from dateparser.date import DateDataParser

from factcheck.calendar_words import MONTH_NAMES, MONTHS, WEEKDAY_NAMES, WEEKDAYS
from factcheck.extraction.dates import calendar as cal
from factcheck.extraction.dates import holidays, ordinals, shapes
from factcheck.extraction.dates import lexicon as lex
from factcheck.extraction.dates.calendar import Direction
from factcheck.extraction.dates.relative import resolve_relative
from factcheck.extraction.dates.types import (
    DROP,
    NO_REFERENCE,
    UNRESOLVED,
    Context,
    Resolution,
    SpanIssue,
    day_resolution,
    unresolved,
)

# --- normalisation -------------------------------------------------------------------------

_APOS_RE = re.compile(r"[’‘`]")
_AMPM_RE = re.compile(r"\b([ap])\.\s?m\.")
_DOT_RE = re.compile(r"(?<!\d)\.|\.(?!\d)")
_SPACE_RE = re.compile(r"[\s,;]+")
_MID_RE = re.compile(r"\b(mid|early|late|pre|post)-(?=\w)")
_ORD_SPACE_RE = re.compile(r"\b(twenty|thirty) (?=first|second|third|fourth|fifth|sixth|"
                           r"seventh|eighth|ninth|one\b|two\b|three\b|four\b|five\b|six\b|"
                           r"seven\b|eight\b|nine\b)")
_MONTH_GLUE_RE = re.compile(rf"\b({lex.MON_ALT})(?=\d)|(?<=\d)(?=(?:{lex.MON_ALT})\b)")
"""A month glued to its day: "oct2", "22april", "dec31"."""
_MONTH_DASH_RE = re.compile(rf"\b({lex.MON_ALT})\s*[-/]\s*(?=\d)")
_YEAR_MONTH_DAY_RE = re.compile(rf"\b(\d{{4}})[-/.]({lex.MON_ALT})[-/.](\d{{1,2}})\b")
_MONTH_YEAR_DAY_RE = re.compile(rf"\b({lex.MON_ALT})[-/](\d{{4}})[-/](\d{{1,2}})\b")
_MONTH_DAY_YEAR_RE = re.compile(rf"\b({lex.MON_ALT})[-/ ](\d{{1,2}})[-/](\d{{4}})\b")
_DAY_YEAR_MONTH_RE = re.compile(rf"\b(\d{{1,2}})[-/](\d{{4}})[-/]({lex.MON_ALT})\b")
""""sep-23-2020", "23-2020-september": the dashes join one date, not a range."""
_DASH_MONTH_RE = re.compile(rf"(?<!\d\d\d)(?<=\d)\s*[-/]\s*({lex.MON_ALT})(?=[-/]\d|$)")
"""A month joined to a number by a dash or slash: "jan-1", "oct/2", "05-aug-2016"."""
_SHIFT_PHRASES: Final[tuple[tuple[re.Pattern[str], str], ...]] = (
    (re.compile(r"\bthis (?:past|last)\b"), "past"),
    (re.compile(r"\b(?:this )?(?:coming|upcoming)\b"), "coming"),
    (re.compile(r"\b(?:calendar|working|work) (?=year|week)"), ""),
    (re.compile(r"\bworkweek\b"), "week"),
    (re.compile(r"\b(?:tmrw|tmr)\b"), "tomorrow"),
    # "year to date", "from March to date": up to the reference date
    (re.compile(r"^(?:the )?year[ -]to[ -]date$"), "this year to today"),
    (re.compile(r" (?:to|till|until|up to) (?:the )?(?:current |present )?date$"), " to today"),
    (re.compile(r"\b([a-z]+) - (?=[a-z])"), r"\1 "),
    (re.compile(rf"\b({lex.WD_ALT})-(?=(?:{lex.MON_ALT})\b)"), r"\1 "),
)


def normalise(text: str) -> str:
    """Lowercase, unify punctuation and spacing so the shape patterns stay simple."""
    out = _APOS_RE.sub("'", text.lower())
    out = out.replace("–", "-").replace("—", "-").replace("−", "-")
    out = _AMPM_RE.sub(r"\1m", out)
    out = _MID_RE.sub(r"\1 ", out)
    out = _DOT_RE.sub(" ", out)
    out = ordinals.word_year_to_digits(_SPACE_RE.sub(" ", out).strip())
    out = _ORD_SPACE_RE.sub(r"\1-", out)
    out = _MONTH_GLUE_RE.sub(lambda m: f"{m[1]} " if m[1] else " ", out)
    out = _YEAR_MONTH_DAY_RE.sub(r"\1 \2 \3", out)
    out = _MONTH_YEAR_DAY_RE.sub(r"\1 \3 \2", out)
    out = _MONTH_DAY_YEAR_RE.sub(r"\1 \2 \3", out)
    out = _DAY_YEAR_MONTH_RE.sub(r"\1 \2 \3", out)
    out = _DASH_MONTH_RE.sub(r" \1 ", out)
    out = _MONTH_DASH_RE.sub(r"\1 ", out)
    out = out.replace("(", " ").replace(")", " ")
    out = _SPACE_RE.sub(" ", out).strip(" ()[]'\"")
    for pattern, replacement in _SHIFT_PHRASES:
        out = pattern.sub(replacement, out)
    return out


# --- malformed ordinals ----------------------------------------------------------------------


def correct_suffix(day: int) -> str:
    """The English ordinal suffix: 1st, 2nd, 3rd, 4th, 11th-13th, 21st ..."""
    if 11 <= day % 100 <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


_MONTH_AFTER_RE = re.compile(rf"\s+(?:of\s+)?({lex.MON_ALT})\b\.?", re.IGNORECASE)


def malformed_ordinals(text: str) -> tuple[SpanIssue, ...]:
    """Ordinals written with the wrong suffix ("7is March", "22th"): one issue each.

    The issue covers the number and the month after it when there is one, and
    suggests the plain day-month form; without a month it suggests the right suffix.
    """
    issues: list[SpanIssue] = []
    for match in lex.MALFORMED_ORDINAL_RE.finditer(text):
        day = int(match["day"])
        suffix = match["suf"].lower()
        if not 1 <= day <= 31 or suffix == correct_suffix(day):
            continue
        end = match.end()
        month = _MONTH_AFTER_RE.match(text, end)
        if month:
            month_name = MONTH_NAMES[MONTHS[month[1].lower()] - 1]
            suggestion = f"{day} {month_name}"
            end = month.end(1)
        else:
            suggestion = f"{day}{correct_suffix(day)}"
        issues.append(
            SpanIssue(
                kind="malformed-ordinal",
                start=match.start(),
                end=end,
                detail=f"ordinal suffix {match['suf']!r} is not English for day {day}",
                suggestion=suggestion,
            )
        )
    return tuple(issues)


# --- day, month, year and weekday words ----------------------------------------------------

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
_WEEKDAY_TEXT_RE = re.compile(rf"\b({lex.WD_ALT})\b\.?", re.IGNORECASE)


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


def _apply_month_step(parts: Parts, ctx: Context) -> None:
    """Turn "next month" into the month and year it names."""
    if parts.month_step is None or ctx.reference is None or parts.month is not None:
        return
    moved = cal.add_months(ctx.reference.replace(day=1), parts.month_step)
    parts.month, parts.year = moved.month, moved.year
    parts.day_marked = True


def resolve_parts(parts: Parts, text: str, ctx: Context) -> Resolution | None:
    """Resolve calendar words; None when they do not make a date."""
    ref = ctx.reference
    _apply_month_step(parts, ctx)
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
            # "Friday, Jun 15": the year in which that day falls on that weekday
            on_weekday = [
                c for k in range(-6, 7)
                if (c := cal.safe_date(ref.year + k, month, parts.day)) is not None
                and c.weekday() == parts.weekday
            ]
            matching = cal.pick(on_weekday, ref, None)
            if matching is not None and abs((matching - ref).days) < 370:
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


# --- intervals -------------------------------------------------------------------------------

_SINCE_RE = re.compile(r"(?:ever )?since (?P<a>.+)")
_RANGE_RES: Final[tuple[re.Pattern[str], ...]] = (
    re.compile(r"between (?P<a>.+?) and (?P<b>.+)"),
    re.compile(r"from (?P<a>.+?)(?: ?[-~] ?| (?:to|until|till|through|thru) )(?P<b>.+)"),
    re.compile(r"(?P<a>.+?)(?: ?[-~] ?| (?:to|until|till|through|thru|and) )(?P<b>.+)"),
)
_RANGE_LEAD_RE = re.compile(r"(?:from|between|in) ")
_RANGE_GAP_RE = re.compile(r" (?:to|until|till|through|thru|and) | [-~] |[-~]")


def _since(norm: str, text: str, ctx: Context) -> Resolution | None:
    match = _SINCE_RE.fullmatch(norm)
    if not match:
        return None
    if ctx.reference is None:
        return unresolved(NO_REFERENCE)
    inner = _resolve_date(match["a"], match["a"], replace(ctx, direction="past"))
    bounds = cal.value_bounds(inner.value) if inner.value else None
    if bounds is None or bounds[0] > ctx.reference:
        return replace(inner, issues=())
    return replace(inner, value=cal.interval(bounds[0], ctx.reference), granularity="interval",
                   relative=True, issues=())


def _range(norm: str, ctx: Context) -> Resolution | None:
    """"between 3 and 5 March", "Feb. 1-3", "from March 3 to April 5, 2022"."""
    bare = _RANGE_LEAD_RE.sub("", norm, count=1)
    for pattern in _RANGE_RES:
        for match in (pattern.fullmatch(norm), pattern.fullmatch(bare)):
            left = parse_parts(match["a"], ctx.locale) if match else None
            right = parse_parts(match["b"], ctx.locale) if match else None
            if match is None or left is None or right is None:
                continue
            found = _range_value(left, right, match["a"], match["b"], ctx)
            if found is not None:
                return found
    return _range_of_dates(norm, ctx)


_IN_RANGE_SIDE: ContextVar[bool] = ContextVar("in_range_side", default=False)
"""Set while the sides of a range are read: a side is never itself split as a range.

Without it "2024-01-02-03-…" re-read every side as a range, and the time
doubled with each "-NN": one short source could stall a run for hours."""


def _range_of_dates(norm: str, ctx: Context) -> Resolution | None:
    """Both ends read in full: "from 10/1/2018 - 10/7/2018", "between Jan 2019 and now"."""
    if _IN_RANGE_SIDE.get():
        return None
    token = _IN_RANGE_SIDE.set(True)
    try:
        return _range_sides(norm, ctx)
    finally:
        _IN_RANGE_SIDE.reset(token)


def _range_sides(norm: str, ctx: Context) -> Resolution | None:
    lead = _RANGE_LEAD_RE.match(norm)
    body = norm[lead.end():] if lead else norm
    gaps = sorted(_RANGE_GAP_RE.finditer(body), key=lambda m: (len(m[0]) == 1, m.start()))
    for gap in gaps:
        if gap[0] == " and " and (lead is None or lead[0] != "between "):
            continue
        sides = [body[: gap.start()].strip(), body[gap.end():].strip()]
        year = _YEAR_IN_RE.search(sides[1])
        if year and not _YEAR_IN_RE.search(sides[0]) and sides[0]:
            # "5/1-5/7/2020", "may to oct 2020": the start takes the end's year
            glue = "/" if re.fullmatch(r"\d{1,2}/\d{1,2}", sides[0]) else " "
            sides[0] = f"{sides[0]}{glue}{year[0]}"
        found = [_resolve_date(_NOW_RE.sub("today", side), side, ctx) for side in sides if side]
        if len(found) != 2 or not found[0].value or not found[1].value:
            continue
        lo, hi = cal.value_bounds(found[0].value), cal.value_bounds(found[1].value)
        if lo and hi and lo[0] > hi[1] and found[0].relative:
            # "Oct. 2 until the day after tomorrow": the start is the earlier reading
            found[0] = _resolve_date(sides[0], sides[0], replace(ctx, direction="past"))
            lo = cal.value_bounds(found[0].value) if found[0].value else None
        if lo is None or hi is None or lo[0] > hi[1]:
            continue
        return Resolution(value=cal.interval(lo[0], hi[1]), granularity="interval",
                          relative=found[0].relative or found[1].relative)
    return None


_NOW_RE = re.compile(r"^(?:now|current date|the present)$")
_YEAR_IN_RE = re.compile(r"\b(?:1\d{3}|20\d{2})\b")


def _range_value(
    left: Parts, right: Parts, left_text: str, right_text: str, ctx: Context
) -> Resolution | None:
    """Each end borrows the month and year the other states, then both are resolved."""
    _apply_month_step(left, ctx)
    _apply_month_step(right, ctx)
    left_year, right_year = left.year, right.year
    same_month = left.month is None or right.month is None or left.month == right.month
    if (same_month and left.day is not None and right.day is not None
            and left.day > right.day and left_year == right_year):
        return None  # "3 to 1 in May" is a score, not days of one month
    for one, other in ((left, right), (right, left)):
        if one.month is None and one.day is not None:
            one.month = other.month
        if one.year is None and one.shift is None and (one.month or one.day):
            one.year = other.year
    if left_year is None and right_year is not None and (left.month or 0) > (right.month or 13):
        left.year = right_year - 1  # "Nov-Feb 2017": the start falls in the year before
    first = resolve_parts(left, left_text, ctx)
    if first is None or not first.value:
        return None
    dated = right.day is not None or right.month is not None
    stated_year = right_year is not None
    if right.year is None and dated and first.value[:4].isdigit():
        right.year = int(first.value[:4])
    last = _weekday_after(first.value, right) or resolve_parts(right, right_text, ctx)
    lo = cal.value_bounds(first.value)
    hi = cal.value_bounds(last.value) if last is not None and last.value else None
    if lo is not None and hi is not None and lo[0] > hi[1] and right.year and not stated_year:
        # "Nov to March": the end falls in the next year
        right.year += 1
        last = resolve_parts(right, right_text, ctx)
        hi = cal.value_bounds(last.value) if last is not None and last.value else None
    if lo is None or hi is None or lo[0] > hi[1]:
        return None
    start, end = lo[0], hi[1]
    if left_year is None and right_year is None and left.shift is None and right.shift is None:
        # "from May to September" written in July: the stretch under way, whatever the tense.
        start, end = _around_reference(start, end, ctx.reference) or (start, end)
    return Resolution(value=cal.interval(start, end), granularity="interval", relative=first.relative)


def _around_reference(start: date, end: date, reference: date | None) -> tuple[date, date] | None:
    """The same stretch moved by whole years so that it holds the reference date, if it can."""
    if reference is None:
        return None
    for years in (reference.year - start.year, reference.year - start.year - 1):
        try:
            moved = start.replace(year=start.year + years), end.replace(year=end.year + years)
        except ValueError:  # 29 February
            continue
        if moved[0] <= reference <= moved[1]:
            return moved
    return None


def _weekday_after(first: str, right: Parts) -> Resolution | None:
    """"Monday to Friday": the end is the first such weekday on or after the start."""
    bare = right.day is None and right.month is None and right.year is None
    if right.weekday is None or not bare or len(first) != 10:
        return None
    start = date.fromisoformat(first)
    return day_resolution(start + timedelta(days=(right.weekday - start.weekday()) % 7), True)


# --- clock times -----------------------------------------------------------------------------

_CLOCK_RE = re.compile(r"([01]?\d|2[0-3])(?:[:.]([0-5]\d))?(am|pm)?")
_OFFSET_ZONE_RE = re.compile(r"(?:utc|gmt)([+-])(\d{1,2})(?::?(\d\d))?")
_ZONE_GAP_RE = re.compile(r"\b(utc|gmt) (?=[+-])")
_TIME_FILLERS: Final[frozenset[str]] = frozenset({"at", "on", "local", "time", "hours", "hrs"})


@dataclass(frozen=True)
class Clock:
    """A time of day found in a span, and what is left of the span without it."""

    hour: int
    minute: int
    zone: str
    rest: str


def split_clock(norm: str) -> Clock | None:
    """Take "3:17 am gmt-3" out of a span; a bare number is not a time without am/pm."""
    tokens = _ZONE_GAP_RE.sub(r"\1", norm).split()
    for index, token in enumerate(tokens):
        match = _CLOCK_RE.fullmatch(token)
        if not match:
            continue
        used, meridiem = 1, match[3]
        if meridiem is None and index + 1 < len(tokens) and tokens[index + 1] in {"am", "pm"}:
            used, meridiem = 2, tokens[index + 1]
        if match[2] is None and meridiem is None:
            continue
        hour = int(match[1])
        if meridiem is not None and not 1 <= hour <= 12:
            continue
        if meridiem == "pm" and hour != 12:
            hour += 12
        elif meridiem == "am" and hour == 12:
            hour = 0
        zone, zone_used = _zone(tokens[index + used:])
        rest = tokens[:index] + tokens[index + used + zone_used:]
        rest = [t for t in rest if t not in _TIME_FILLERS]
        return Clock(hour, int(match[2] or 0), zone, " ".join(rest))
    return None


def _zone(tokens: list[str]) -> tuple[str, int]:
    if not tokens:
        return "", 0
    token = tokens[0].strip("()")
    offset = _OFFSET_ZONE_RE.fullmatch(token)
    if offset:
        minutes = offset[3] or "00"
        return f"{offset[1]}{int(offset[2]):02d}:{minutes}", 1
    if token in lex.ZONES:
        return lex.ZONES[token], 1
    return "", 0


def _with_clock(clock: Clock, text: str, ctx: Context) -> Resolution:
    if not clock.rest:
        return unresolved("time of day without a date")
    day = _resolve_date(clock.rest, clock.rest, ctx)
    if day.granularity != "day" or day.value is None:
        return day
    stamp = f"{day.value}T{clock.hour:02d}:{clock.minute:02d}{clock.zone}"
    return replace(day, value=stamp, granularity="minute")


# --- fallback and entry point ------------------------------------------------------------------

_DATEISH_RE = re.compile(rf"\b(?:{lex.MON_ALT}|{lex.WD_ALT})\b|\b1\d{{3}}\b|\b20\d{{2}}\b")
_PERIODS: Final[dict[str, tuple[str, int]]] = {
    "day": ("day", 10), "week": ("week", 0), "month": ("month", 7), "year": ("year", 4),
}


@functools.lru_cache(maxsize=64)
def _dateparser(reference: date | None, prefer: str) -> DateDataParser:
    """One parser per (reference, preference): settings are fixed at construction."""
    settings: dict[str, object] = {"PREFER_DATES_FROM": prefer, "RETURN_AS_TIMEZONE_AWARE": False}
    if reference is not None:
        settings["RELATIVE_BASE"] = datetime(reference.year, reference.month, reference.day)
    return DateDataParser(languages=["en"], settings=settings)


def _fallback(norm: str, ctx: Context) -> Resolution | None:
    """Ask dateparser about this one span, only when it names a month, weekday or year."""
    if not _DATEISH_RE.search(norm) or len(norm) > 60:
        return None
    prefer = {"past": "past", "future": "future"}.get(ctx.direction or "", "current_period")
    try:
        data = _dateparser(ctx.reference, prefer).get_date_data(norm)
    except (ValueError, TypeError, OverflowError):
        return None
    if data.date_obj is None or data.period not in _PERIODS:
        return None
    granularity, width = _PERIODS[data.period]
    day = data.date_obj.date()
    value = cal.iso_week(day) if granularity == "week" else day.isoformat()[:width]
    explicit_year = bool(re.search(r"\b\d{4}\b", norm))
    return Resolution(value=value, granularity=granularity,  # type: ignore[arg-type]
                      relative=not explicit_year)


_BARE_NUMBER_RE = re.compile(r"(?:the )?\d{1,3}|\d+(?:[.,]\d+)+")


_WEEK_OF_RE = re.compile(
    r"(?:the )?(?:week of|w/c|week (?P<from>beginning|commencing|starting)(?: on)?) (?P<day>.+)"
)
_OFFSET_FROM_DATE_RE = re.compile(
    rf"(?P<dur>{ordinals.DURATION}) (?P<dir>from|after|before|starting(?: from| on)?) "
    r"(?P<anchor>.+)"
)


_WEEK_DAYS_RE = re.compile(
    rf"(?P<rel>this|next|last|previous) week (?:between|from) (?P<a>{lex.WD_ALT}) "
    rf"(?:and|to|till|until|through) (?P<b>{lex.WD_ALT})"
)


def _week_days(norm: str, ctx: Context) -> Resolution | None:
    """"next week between Wednesday and Friday": those days of that calendar week."""
    match = _WEEK_DAYS_RE.fullmatch(norm)
    if not match:
        return None
    if ctx.reference is None:
        return unresolved(NO_REFERENCE)
    step = {"this": 0, "next": 1}.get(match["rel"], -1)
    monday = ctx.reference - timedelta(days=ctx.reference.weekday()) + timedelta(weeks=step)
    first, last = WEEKDAYS[match["a"]], WEEKDAYS[match["b"]]
    if last < first:
        return None
    return Resolution(value=cal.interval(monday + timedelta(days=first),
                                         monday + timedelta(days=last)),
                      granularity="interval", relative=True)


def _week_of(norm: str, ctx: Context) -> Resolution | None:
    """"the week of April 10th", "w/c Feb 4", "the week beginning February 4": its ISO week."""
    match = _WEEK_OF_RE.fullmatch(norm)
    if not match:
        return None
    day = _resolve_date(match["day"], match["day"], replace(ctx, day_hint=True))
    if day.granularity != "day" or not day.value:
        return None
    start = date.fromisoformat(day.value)
    return Resolution(value=cal.iso_week(start), granularity="week", relative=day.relative)


def _offset_from_date(norm: str, ctx: Context) -> Resolution | None:
    """"3 days after January 12th", "two months after next Friday": counted from a date."""
    match = _OFFSET_FROM_DATE_RE.fullmatch(norm)
    starting = match is not None and match["dir"].startswith("starting")
    if not match or (match["anchor"] in {"now", "today", "tomorrow", "yesterday"}
                     and not starting):
        return None
    anchor = _resolve_date(match["anchor"], match["anchor"], ctx)
    if anchor.granularity != "day" or not anchor.value:
        return None
    start = date.fromisoformat(anchor.value)
    sign = -1 if match["dir"] == "before" else 1
    day = ordinals.shift_by(start, match["dur"], sign)
    if day is None:
        return None
    if starting:
        # "2 weeks starting May 20th": the stretch that begins that day
        return Resolution(value=cal.interval(start, day - timedelta(days=1)),
                          granularity="interval", relative=anchor.relative)
    return day_resolution(day, relative=anchor.relative)


_PART_OF_RE = re.compile(
    r"(?:the )?(?P<side>first|last|final) (?P<n>\d{1,3}|[a-z]+) (?P<unit>days|weeks|months|quarters) "
    r"of (?P<whole>.+)"
)
_PART_UNIT_MONTHS: Final[dict[str, int]] = {"months": 1, "quarters": 3}


def _part_of(norm: str, ctx: Context) -> Resolution | None:
    """"the first two months of 2021", "the last 3 weeks of this year": a stretch at one end of a unit."""
    match = _PART_OF_RE.fullmatch(norm)
    if not match:
        return None
    count = lex.count_of(match["n"])
    whole = _resolve_date(match["whole"], match["whole"], ctx)
    bounds = cal.value_bounds(whole.value) if whole.value and "T" not in whole.value else None
    if not count or bounds is None:
        return None
    first, last = bounds
    unit = match["unit"]
    if unit in _PART_UNIT_MONTHS:
        months = count * _PART_UNIT_MONTHS[unit]
        if match["side"] == "first":
            start, end = first, cal.add_months(first, months) - timedelta(days=1)
        else:
            start, end = cal.add_months(last + timedelta(days=1), -months), last
    else:
        days = count * (7 if unit == "weeks" else 1)
        if match["side"] == "first":
            start, end = first, first + timedelta(days=days - 1)
        else:
            start, end = last - timedelta(days=days - 1), last
    if start < first or end > last:
        return None  # "the first 14 months of 2021" is not inside 2021
    return Resolution(value=cal.interval(start, end), granularity="interval", relative=whole.relative)


_WEEKDAY_FIRST_RE = re.compile(rf"(?P<wd>{lex.WD_ALT}) (?P<rest>.+)")
_WEEKDAY_LAST_RE = re.compile(rf"(?P<rest>.+) on (?P<wd>{lex.WD_ALT})")


def _weekday_in(norm: str, ctx: Context) -> Resolution | None:
    """"Monday two weeks from now", "in 3 days on Friday", "1st week of Oct. on Friday".

    The rest names a day or a week; the weekday is taken in that (Sunday-first) week.
    """
    match = _WEEKDAY_LAST_RE.fullmatch(norm) or _WEEKDAY_FIRST_RE.fullmatch(norm)
    if not match or not _OFFSET_HINT_RE.search(match["rest"]):
        return None
    rest = _resolve_date(match["rest"], match["rest"], ctx)
    bounds = cal.value_bounds(rest.value) if rest.value else None
    if bounds is None or rest.granularity not in {"day", "week"}:
        return None
    day = bounds[0]
    if rest.granularity == "week":
        monday = day
        return day_resolution(monday + timedelta(days=WEEKDAYS[match["wd"]]), rest.relative)
    sunday = day - timedelta(days=(day.weekday() + 1) % 7)
    return day_resolution(sunday + timedelta(days=(WEEKDAYS[match["wd"]] + 1) % 7),
                          relative=True)


_OFFSET_HINT_RE = re.compile(r"\b(?:from now|from today|from tomorrow|after|later|week|in \w+ "
                             r"(?:days?|weeks?|months?|years?))\b")


def _hinted_day(norm: str, text: str, ctx: Context) -> Resolution | None:
    """A bare day the context marks as a date: "on 15", "for the 27", "on 4.22"."""
    short = shapes.read_month_day(text, ctx)
    if short is not None:
        return short
    parts = parse_parts(norm if norm.startswith("the ") else f"the {norm}", ctx.locale)
    if parts is None or parts.day is None or parts.month is not None:
        return None
    return resolve_parts(parts, text, ctx)


def _resolve_date(norm: str, text: str, ctx: Context) -> Resolution:
    """Try each reader in turn, from the most to the least specific shape."""
    found = shapes.read_iso(text) or shapes.read_numeric(text, ctx)
    if found is not None:
        return found
    if ctx.day_hint:
        found = _hinted_day(norm, text, ctx)
        if found is not None:
            return found
    if _BARE_NUMBER_RE.fullmatch(norm) or lex.AGE_RE.search(text):
        return DROP
    found = (_week_of(norm, ctx) or _week_days(norm, ctx) or _offset_from_date(norm, ctx)
             or _weekday_in(norm, ctx) or _part_of(norm, ctx))
    if found is not None:
        return found
    for shaped in (shapes.read_decade, shapes.read_quarter, shapes.read_half, shapes.read_season,
                   ordinals.nth_weekday, ordinals.nth_week, ordinals.nth_month,
                   ordinals.week_number,
                   ordinals.day_of_relative_month,
                   ordinals.counted_offset, holidays.read_holiday, resolve_relative):
        found = shaped(norm, ctx)
        if found is not None:
            return found
    clock = split_clock(norm)
    if clock is not None:
        return _with_clock(clock, text, ctx)
    parts = parse_parts(norm, ctx.locale)
    found = resolve_parts(parts, text, ctx) if parts is not None else None
    found = found or _since(norm, text, ctx) or _range(norm, ctx) or _fallback(norm, ctx)
    if found is not None:
        return found
    return Resolution(reason=UNRESOLVED, issues=(
        SpanIssue(kind="unparsed", start=0, end=len(text),
                  detail="a date expression the extractor could not read"),))


def resolve_span(text: str, ctx: Context) -> Resolution:
    """What one date expression means, with any writing defects found in it."""
    norm = normalise(text)
    if not norm:
        return DROP
    try:
        found = _resolve_date(norm, text, ctx)
    except OverflowError:
        return Resolution(reason="the date falls outside the years 1-9999")
    except ValueError as exc:
        if "out of range" not in str(exc):
            raise
        return Resolution(reason="the date falls outside the years 1-9999")
    if found.drop:
        return found
    weekday = _WEEKDAY_TEXT_RE.search(text)
    extra: dict[str, object] = {}
    single_day = found.granularity not in {"interval", "week", "month", "season"}
    if weekday is not None and found.weekday is None and single_day:
        extra = {"weekday": WEEKDAYS[weekday[1].lower()], "weekday_text": weekday[1]}
    issues = malformed_ordinals(text) + found.issues
    return replace(found, issues=issues, **extra)  # type: ignore[arg-type]
