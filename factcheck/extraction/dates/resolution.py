"""Reading one date expression (a short span of text) into a value.

Each span is parsed on its own: the common shapes news copy uses are read by
hand (so the result is predictable and explainable), and ``dateparser`` is
asked only as a fallback for one span at a time.  Nothing here looks at the
rest of the document: the caller passes what the sentence contributes (tense
direction) in a :class:`Context`.
"""

from __future__ import annotations

import calendar as month_calendar
import functools
import re
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Final

from factcheck.calendar_words import MONTHS, WEEKDAYS
from factcheck.extraction.dates import calendar as cal
from factcheck.extraction.dates import holidays, ordinals, shapes
from factcheck.extraction.dates import lexicon as lex
from factcheck.extraction.dates.clock import split_clock, with_clock
from factcheck.extraction.dates.intervals import date_range, since
from factcheck.extraction.dates.normalising import malformed_ordinals, normalise
from factcheck.extraction.dates.parts import WEEKDAY_TEXT_RE, parse_parts, resolve_parts
from factcheck.extraction.dates.relative import resolve_relative
from factcheck.extraction.dates.types import (
    DROP,
    IMPOSSIBLE,
    NO_REFERENCE,
    UNRESOLVED,
    Context,
    Resolution,
    SpanIssue,
    day_resolution,
    unresolved,
)

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

_DATEISH_RE = re.compile(rf"\b(?:{lex.MON_ALT}|{lex.WD_ALT})\b|\b1\d{{3}}\b|\b20\d{{2}}\b")
_PERIODS: Final[dict[str, tuple[str, int]]] = {
    "day": ("day", 10), "week": ("week", 0), "month": ("month", 7), "year": ("year", 4),
}


@functools.lru_cache(maxsize=64)
def _dateparser(reference: date | None, prefer: str) -> DateDataParser:
    """One parser per (reference, preference): settings are fixed at construction.

    dateparser is imported here, on the first span the hand-written shapes do
    not read: most runs never get there, and its import costs tens of milliseconds.
    """
    from dateparser.date import DateDataParser

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
    day = resolve_date(match["day"], match["day"], replace(ctx, day_hint=True))
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
    anchor = resolve_date(match["anchor"], match["anchor"], ctx)
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
    whole = resolve_date(match["whole"], match["whole"], ctx)
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
    rest = resolve_date(match["rest"], match["rest"], ctx)
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


def resolve_date(norm: str, text: str, ctx: Context) -> Resolution:
    """Try each reader in turn, from the most to the least specific shape."""
    found = shapes.read_iso(text) or shapes.read_numeric(text, ctx) or shapes.read_weekday_numeric(text, ctx)
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
        return with_clock(clock, text, ctx, resolve_date)
    parts = parse_parts(norm, ctx.locale)
    found = resolve_parts(parts, text, ctx) if parts is not None else None
    found = found or since(norm, text, ctx, resolve_date) or date_range(norm, ctx, resolve_date) or _fallback(norm, ctx)
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
        found = resolve_date(norm, text, ctx)
    except OverflowError:
        return Resolution(reason="the date falls outside the years 1-9999")
    except ValueError as exc:
        if "out of range" not in str(exc):
            raise
        return Resolution(reason="the date falls outside the years 1-9999")
    if found.drop:
        return found
    weekday = WEEKDAY_TEXT_RE.search(text)
    extra: dict[str, object] = {}
    single_day = found.granularity not in {"interval", "week", "month", "season"}
    if weekday is not None and found.weekday is None and single_day:
        extra = {"weekday": WEEKDAYS[weekday[1].lower()], "weekday_text": weekday[1]}
    issues = malformed_ordinals(text) + found.issues
    if found.value is None and found.reason == IMPOSSIBLE and not issues:
        issues = (SpanIssue(kind="impossible-date", start=0, end=len(text), detail=_no_such_day(text)),)
    return replace(found, issues=issues, **extra)  # type: ignore[arg-type]


_DAY_MONTH = re.compile(r"\b(?P<day>[0-9]{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?(?P<month>[A-Za-z]{3,9})\b"
                        r"|\b(?P<month2>[A-Za-z]{3,9})\.?\s+(?P<day2>[0-9]{1,2})(?:st|nd|rd|th)?\b")


def _no_such_day(text: str) -> str:
    """Why the calendar has no such day, in words: "April has 30 days", "2023 is no leap year"."""
    m = _DAY_MONTH.search(text)
    month = MONTHS.get((m["month"] or m["month2"] or "").lower()) if m else None
    if m is None or month is None:
        return "there is no such day in the calendar"
    day = int(m["day"] or m["day2"])
    name = month_calendar.month_name[month]
    if month == 2 and day == 29:
        return f"{name} 29 exists only in leap years, and this one is not"
    return f"{name} has {month_calendar.monthrange(2024, month)[1]} days at most, not {day}"
