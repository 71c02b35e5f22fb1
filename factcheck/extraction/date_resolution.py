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
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Final

from dateparser.date import DateDataParser

from factcheck.extraction import date_calendar as cal
from factcheck.extraction import date_lexicon as lex
from factcheck.extraction import date_shapes as shapes
from factcheck.extraction.date_calendar import Direction
from factcheck.extraction.date_relative import resolve_relative
from factcheck.extraction.date_types import (
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
                           r"seventh|eighth|ninth)")


def normalise(text: str) -> str:
    """Lowercase, unify punctuation and spacing so the shape patterns stay simple."""
    out = _APOS_RE.sub("'", text.lower())
    out = out.replace("–", "-").replace("—", "-").replace("−", "-")
    out = _AMPM_RE.sub(r"\1m", out)
    out = _MID_RE.sub(r"\1 ", out)
    out = _DOT_RE.sub(" ", out)
    out = _ORD_SPACE_RE.sub(r"\1-", out)
    return _SPACE_RE.sub(" ", out).strip(" ()[]'\"")


# --- malformed ordinals ----------------------------------------------------------------------


def correct_suffix(day: int) -> str:
    """The English ordinal suffix: 1st, 2nd, 3rd, 4th, 11th-13th, 21st ..."""
    if 11 <= day % 100 <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


_MONTH_AFTER_RE = re.compile(rf"\s+(?:of\s+)?({lex.MON_ALT})\b\.?", re.IGNORECASE)


def malformed_ordinals(text: str) -> tuple[SpanIssue, ...]:
    """Ordinals written with the wrong suffix ("1is February", "22th"): one issue each.

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
            month_name = lex.MONTH_NAMES[lex.MONTHS[month[1].lower()] - 1]
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

_SHIFTS: Final[frozenset[str]] = frozenset({"this", "last", "next", "coming", "past"})
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


def parse_parts(norm: str) -> Parts | None:
    """Split a span into weekday/day/month/year words; None if any other word is present."""
    parts = Parts()
    for token in norm.split():
        if not _take_token(parts, token):
            return None
    if parts.day is not None and not 1 <= parts.day <= 31:
        return None
    return parts


def _take_token(parts: Parts, token: str) -> bool:
    day_match = _DAY_TOKEN_RE.fullmatch(token)
    if token in lex.WEEKDAYS and parts.weekday is None:
        parts.weekday = lex.WEEKDAYS[token]
    elif token in lex.MONTHS and parts.month is None:
        parts.month = lex.MONTHS[token]
    elif _YEAR_TOKEN_RE.fullmatch(token) and parts.year is None:
        parts.year = int(token)
    elif day_match and parts.day is None:
        parts.day = int(day_match[1])
        parts.day_marked = day_match[2] is not None
    elif token in lex.ORDINAL_WORDS and parts.day is None:
        parts.day, parts.day_marked = lex.ORDINAL_WORDS[token], True
    elif token in _SHIFTS and parts.shift is None:
        parts.shift = "last" if token == "past" else "next" if token == "coming" else token
    elif token in _FILLERS:
        parts.day_marked = parts.day_marked or token == "the"
    else:
        return False
    return True


def _month_name(day: date) -> str:
    return f"{day.day} {lex.MONTH_NAMES[day.month - 1]} {day.year}"


def _month_missing(day: date, parts: Parts, text: str) -> SpanIssue:
    prefix = f"{lex.WEEKDAY_NAMES[parts.weekday]} " if parts.weekday is not None else ""
    return SpanIssue(
        kind="month-missing", start=0, end=len(text),
        detail="day of the month given without the month; read against the reference date",
        suggestion=f"{prefix}{_month_name(day)}",
    )


def _direction(parts: Parts, ctx: Context) -> Direction:
    if parts.shift == "last":
        return "past"
    if parts.shift == "next":
        return "future"
    return ctx.direction


def resolve_parts(parts: Parts, text: str, ctx: Context) -> Resolution | None:
    """Resolve calendar words; None when they do not make a date."""
    ref = ctx.reference
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
        shift = parts.shift if parts.shift in {"last", "next"} else None
        found = cal.weekday_near(parts.weekday, ref, ctx.direction, shift)
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
        found = cal.day_month_near(parts.day, month, ref, _direction(parts, ctx))
        return day_resolution(found, relative=True) if found else unresolved(
            "impossible calendar date")
    if parts.weekday is not None:
        return None
    if parts.year is not None:
        return Resolution(value=cal.iso_month(parts.year, month), granularity="month")
    if ref is None:
        return unresolved(NO_REFERENCE)
    direction = _direction(parts, ctx)
    year, month = cal.month_near(month, ref, direction)
    if parts.shift in {"last", "next"} and (year, month) == (ref.year, ref.month):
        year += -1 if parts.shift == "last" else 1
    return Resolution(value=cal.iso_month(year, month), granularity="month", relative=True)


# --- intervals -------------------------------------------------------------------------------

_SINCE_RE = re.compile(r"(?:ever )?since (?P<a>.+)")
_RANGE_RES: Final[tuple[re.Pattern[str], ...]] = (
    re.compile(r"between (?P<a>.+?) and (?P<b>.+)"),
    re.compile(r"from (?P<a>.+?)(?: ?- ?| (?:to|until|till|through|thru) )(?P<b>.+)"),
    re.compile(r"(?P<a>.+?)(?: ?- ?| (?:to|until|till|through|thru|and) )(?P<b>.+)"),
)


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
    for pattern in _RANGE_RES:
        match = pattern.fullmatch(norm)
        left = parse_parts(match["a"]) if match else None
        right = parse_parts(match["b"]) if match else None
        if match is None or left is None or right is None:
            continue
        found = _range_value(left, right, match["a"], match["b"], ctx)
        if found is not None:
            return found
    return None


def _range_value(
    left: Parts, right: Parts, left_text: str, right_text: str, ctx: Context
) -> Resolution | None:
    """Each end borrows the month and year the other states, then both are resolved."""
    for one, other in ((left, right), (right, left)):
        one.month = one.month if one.month is not None else other.month
        one.year = one.year if one.year is not None else other.year
    first = resolve_parts(left, left_text, ctx)
    if first is None or not first.value:
        return None
    dated = right.day is not None or right.month is not None
    if right.year is None and dated and first.value[:4].isdigit():
        right.year = int(first.value[:4])
    last = _weekday_after(first.value, right) or resolve_parts(right, right_text, ctx)
    lo = cal.value_bounds(first.value)
    hi = cal.value_bounds(last.value) if last is not None and last.value else None
    if lo is None or hi is None or lo[0] > hi[1]:
        return None
    return Resolution(value=cal.interval(lo[0], hi[1]), granularity="interval",
                      relative=first.relative)


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


def _resolve_date(norm: str, text: str, ctx: Context) -> Resolution:
    """Try each reader in turn, from the most to the least specific shape."""
    found = shapes.read_iso(text) or shapes.read_numeric(text, ctx)
    if found is not None:
        return found
    if _BARE_NUMBER_RE.fullmatch(norm) or lex.AGE_RE.search(text):
        return DROP
    for shaped in (shapes.read_decade, shapes.read_quarter, shapes.read_season,
                   resolve_relative):
        found = shaped(norm, ctx)
        if found is not None:
            return found
    clock = split_clock(norm)
    if clock is not None:
        return _with_clock(clock, text, ctx)
    parts = parse_parts(norm)
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
    found = _resolve_date(norm, text, ctx)
    if found.drop:
        return found
    weekday = _WEEKDAY_TEXT_RE.search(text)
    extra: dict[str, object] = {}
    single_day = found.granularity not in {"interval", "week", "month", "season"}
    if weekday is not None and found.weekday is None and single_day:
        extra = {"weekday": lex.WEEKDAYS[weekday[1].lower()], "weekday_text": weekday[1]}
    issues = malformed_ordinals(text) + found.issues
    return replace(found, issues=issues, **extra)  # type: ignore[arg-type]
