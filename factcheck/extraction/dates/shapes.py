"""Date shapes that read the same in any sentence: ISO and numeric dates,
decades, centuries, quarters and seasons.

Each reader takes one span and returns a :class:`Resolution`, or None when
the span does not have its shape.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from factcheck.calendar_words import WEEKDAYS
from factcheck.extraction.dates import calendar as cal
from factcheck.extraction.dates import lexicon as lex
from factcheck.extraction.dates.calendar import Direction
from factcheck.extraction.dates.types import (
    AMBIGUOUS_ORDER,
    NO_REFERENCE,
    Context,
    Resolution,
    SpanIssue,
    day_resolution,
    unresolved,
)

# --- numeric and ISO dates ---------------------------------------------------------------

_COMPACT_RE = re.compile(r"((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])")
_ISO_RE = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:[t ](\d{2}):(\d{2})(?::\d{2})?(z|[+-]\d{2}:?\d{2})?)?"
)
_NUMERIC_RE = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})")
_YMD_RE = re.compile(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})")
_MDY_COMMA_RE = re.compile(r"(\d{1,2})/(\d{1,2})(?:\s*,\s*|\s+)(\d{4}|\d{2})")
_MONTH_YEAR_RE = re.compile(
    r"(?P<y>(?:1[5-9]|20)\d\d)\s*[/.]\s*(?P<m>1[0-2]|0?[1-9])|"
    r"(?P<m2>1[0-2]|0?[1-9])\s*[/\-]\s*(?P<y2>(?:1[5-9]|20)\d\d)"
)
_MD_RE = re.compile(r"(\d{1,2})[/.-](\d{1,2})")
_MD_SLASH_RE = re.compile(r"(\d{1,2})/(\d{1,2})")


def read_iso(text: str) -> Resolution | None:
    match = _ISO_RE.fullmatch(text.strip().lower()) or _COMPACT_RE.fullmatch(text.strip())
    if not match:
        return None
    day = cal.safe_date(int(match[1]), int(match[2]), int(match[3]))
    if day is None:
        return unresolved("impossible calendar date")
    if match.lastindex == 3 or match[4] is None:
        return day_resolution(day)
    zone = "" if match[6] is None else ("Z" if match[6] == "z" else _format_offset(match[6]))
    return Resolution(value=f"{day.isoformat()}T{match[4]}:{match[5]}{zone}",
                      granularity="minute")


def _format_offset(raw: str) -> str:
    digits = raw[1:].replace(":", "")
    return f"{raw[0]}{digits[:2]}:{digits[2:4] or '00'}"


def day_first(locale: str | None) -> bool | None:
    """True for day-first locales, False for month-first, None when no locale is given."""
    if not locale or locale.lower() in {"en", "und"}:
        return None
    return locale.lower().replace("_", "-") not in lex.MDY_LOCALES


def read_numeric(text: str, ctx: Context) -> Resolution | None:
    stripped = text.strip()
    ymd = _YMD_RE.fullmatch(stripped)
    if ymd:
        day = cal.safe_date(int(ymd[1]), int(ymd[2]), int(ymd[3]))
        return day_resolution(day) if day else unresolved("impossible calendar date")
    month_year = _MONTH_YEAR_RE.fullmatch(stripped)
    if month_year:
        year = int(month_year["y"] or month_year["y2"])
        month = int(month_year["m"] or month_year["m2"])
        return Resolution(value=cal.iso_month(year, month), granularity="month")
    match = _NUMERIC_RE.fullmatch(stripped) or _MDY_COMMA_RE.fullmatch(stripped)
    if not match:
        short = _MD_SLASH_RE.fullmatch(stripped)
        return _read_month_day(int(short[1]), int(short[2]), text, ctx) if short else None
    first, second = int(match[1]), int(match[match.lastindex - 1 if match.lastindex else 2])
    raw_year = match[match.lastindex or 3]
    year = int(raw_year) if len(raw_year) == 4 else cal.two_digit_year(int(raw_year),
                                                                       ctx.reference)
    dmy = cal.safe_date(year, second, first)
    mdy = cal.safe_date(year, first, second)
    if dmy is None and mdy is None:
        return unresolved("impossible calendar date")
    if dmy is None or mdy is None or dmy == mdy:
        return day_resolution(dmy or mdy)  # type: ignore[arg-type]
    order = day_first(ctx.locale)
    if order is None:
        readings = (dmy.isoformat(), mdy.isoformat())
        issue = SpanIssue(
            kind="ambiguous-order", start=0, end=len(text),
            detail=f"{stripped} reads as {readings[0]} (day first) or {readings[1]} (month first)",
        )
        return Resolution(reason=AMBIGUOUS_ORDER, readings=readings, issues=(issue,))
    return day_resolution(dmy if order else mdy)


_WEEKDAY_NUMERIC_RE = re.compile(
    rf"(?P<wd>{lex.WD_ALT})\.?,?\s+(?P<date>\d{{1,2}}([/.-])\d{{1,2}}\3(?:\d{{4}}|\d{{2}}))", re.IGNORECASE
)


def read_weekday_numeric(text: str, ctx: Context) -> Resolution | None:
    """"Saturday, 08/03/2025": the weekday picks the day/month order the locale leaves open.

    When only one reading falls on the weekday, that reading is the date; otherwise the
    numeric date is read as it would be alone.
    """
    match = _WEEKDAY_NUMERIC_RE.fullmatch(text.strip())
    if not match:
        return None
    found = read_numeric(match["date"], ctx)
    if found is None or not found.readings:
        return found
    weekday = WEEKDAYS[match["wd"].lower()]
    fitting = [r for r in found.readings if date.fromisoformat(r).weekday() == weekday]
    if len(fitting) != 1:
        return found
    return day_resolution(date.fromisoformat(fitting[0]))


def read_month_day(text: str, ctx: Context) -> Resolution | None:
    """"4.22", "4-22", "4/22" as month and day, when the context says it is a date."""
    short = _MD_RE.fullmatch(text.strip())
    return _read_month_day(int(short[1]), int(short[2]), text, ctx) if short else None


def _read_month_day(first: int, second: int, text: str, ctx: Context) -> Resolution | None:
    """A numeric date without a year ("4/22", "22/04"): the nearest such day."""
    month_first = 1 <= first <= 12 and 1 <= second <= 31
    day_first_ok = 1 <= second <= 12 and 1 <= first <= 31
    if not (month_first or day_first_ok):
        return None
    if month_first and day_first_ok and first != second:
        order = day_first(ctx.locale)
        if order is None:
            issue = SpanIssue(kind="ambiguous-order", start=0, end=len(text),
                              detail=f"{text.strip()} reads as day/month or month/day")
            return Resolution(reason=AMBIGUOUS_ORDER, issues=(issue,))
        month, day = (second, first) if order else (first, second)
    else:
        month, day = (first, second) if month_first else (second, first)
    if ctx.reference is None:
        return unresolved(NO_REFERENCE)
    found = cal.day_month_near(day, month, ctx.reference, ctx.direction)
    return day_resolution(found, relative=True) if found else unresolved(
        "impossible calendar date")


# --- decades, centuries, quarters, seasons ---------------------------------------------------

_ORD_ALT = "|".join(sorted(lex.ORDINAL_WORDS, key=len, reverse=True))
_DECADE_RE = re.compile(r"(?:the )?(?:(?:early|mid|late) )?(\d{3})0 ?'?s")
_SHORT_DECADE_RE = re.compile(r"(?:the )?(?:(?:early|mid|late) )?'?(\d)0 ?'?s")
_DECADE_WORD_RE = re.compile(
    r"(?:the )?(?:(?:early|mid|late) )?(" + "|".join(lex.DECADE_WORDS) + ")"
)
_CENTURY_REF = rf"(?:this|last|previous|next|(?:the )?(?:\d{{1,2}}(?:st|nd|rd|th)|{_ORD_ALT}))"
_DECADE_OF_RE = re.compile(
    rf"(?:the )?(?P<n>{_ORD_ALT}|last|final) decade of (?:the )?(?P<c>{_CENTURY_REF}) century"
)
_CENTURY_RE = re.compile(rf"(?:the )?(?:(?:early|mid|late) )?(?P<c>{_CENTURY_REF}) century")
_QUARTER_RE = re.compile(
    r"(?:the )?(?:(?:q(?P<q>[1-4]))|(?P<qw>first|second|third|fourth|final|1st|2nd|3rd|4th)"
    r"[ -]quarter)(?: (?:of )?(?:fiscal )?(?P<y>\d{4})| (?:of )?(?P<rel>this|next|last|the) year)?"
)
_YEAR_QUARTER_RE = re.compile(r"(?P<y>\d{4}) ?-? ?q(?P<q>[1-4])|q(?P<q2>[1-4]) ?-? ?(?P<y2>\d{4})")
_YEARS_QUARTER_RE = re.compile(r"^(this|next|last) year'?s (.+)$")
""""next year's third quarter" read as "third quarter of next year"."""
_HALF_RE = re.compile(
    r"(?P<y>\d{4}) ?-? ?h(?P<h>[12])|h(?P<h2>[12]) ?-? ?(?:of )?(?P<y2>\d{4})|"
    r"(?:the )?(?P<hw>first|second) half of (?P<y3>\d{4})"
)
_SEASON_RE = re.compile(
    r"(?:(?P<rel>this|last|next|the|past|coming) )?(?:(?:early|mid|late) )?"
    r"(?P<s>spring|summer|autumn|fall|winter)(?: (?:of )?(?P<y>\d{4}))?"
)


def _decade_value(start_year: int) -> Resolution:
    return Resolution(
        value=cal.interval(date(start_year, 1, 1), date(start_year + 9, 12, 31)),
        granularity="decade",
    )


def _century_start(token: str, reference: date | None) -> tuple[int, bool] | None:
    """First year of a century (popular counting: the 21st century starts in 2000)."""
    token = token.removeprefix("the ")
    if token in {"this", "last", "previous", "next"}:
        if reference is None:
            return None
        base = reference.year // 100 * 100
        return base + {"this": 0, "last": -100, "previous": -100, "next": 100}[token], True
    number = lex.ORDINAL_WORDS.get(token)
    if number is None:
        digits = re.match(r"\d+", token)
        number = int(digits[0]) if digits else 0
    return ((number - 1) * 100, False) if 1 <= number <= 30 else None


def read_decade(norm: str, ctx: Context) -> Resolution | None:
    match = _DECADE_RE.fullmatch(norm)
    if match:
        return _decade_value(int(match[1]) * 10)
    match = _SHORT_DECADE_RE.fullmatch(norm) or _DECADE_WORD_RE.fullmatch(norm)
    if match:
        tens = int(match[1]) * 10 if match[1].isdigit() else lex.DECADE_WORDS[match[1]]
        century = cal.two_digit_year(tens, ctx.reference) // 100 * 100
        return _decade_value(century + tens)
    match = _DECADE_OF_RE.fullmatch(norm)
    if match:
        start = _century_start(match["c"], ctx.reference)
        if start is None:
            return unresolved(NO_REFERENCE) if ctx.reference is None else None
        nth = 10 if match["n"] in {"last", "final"} else lex.ORDINAL_WORDS.get(match["n"], 0)
        if not 1 <= nth <= 10:
            return None
        return replace(_decade_value(start[0] + 10 * (nth - 1)), relative=start[1])
    match = _CENTURY_RE.fullmatch(norm)
    if match:
        start = _century_start(match["c"], ctx.reference)
        if start is None:
            return unresolved(NO_REFERENCE) if ctx.reference is None else None
        return Resolution(
            value=cal.interval(date(max(start[0], 1), 1, 1), date(start[0] + 99, 12, 31)),
            granularity="century", relative=start[1],
        )
    return None


def read_quarter(norm: str, ctx: Context) -> Resolution | None:
    match = (_QUARTER_RE.fullmatch(_YEARS_QUARTER_RE.sub(r"\2 of \1 year", norm))
             or _YEAR_QUARTER_RE.fullmatch(norm))
    if not match:
        return None
    groups = match.groupdict()
    if groups.get("q2"):
        groups["q"], groups["y"] = groups["q2"], groups["y2"]
    quarter = int(groups["q"]) if groups.get("q") else lex.QUARTER_WORDS[groups["qw"]]
    if groups.get("y"):
        return Resolution(value=f"{groups['y']}-Q{quarter}", granularity="quarter")
    if ctx.reference is None:
        return unresolved(NO_REFERENCE)
    if groups.get("rel"):
        year = ctx.reference.year + {"this": 0, "the": 0, "next": 1, "last": -1}[groups["rel"]]
        return Resolution(value=f"{year}-Q{quarter}", granularity="quarter", relative=True)
    year = ctx.reference.year
    current = (ctx.reference.month - 1) // 3 + 1
    if ctx.direction == "past" and quarter > current:
        year -= 1
    elif ctx.direction == "future" and quarter < current:
        year += 1
    return Resolution(value=f"{year}-Q{quarter}", granularity="quarter", relative=True)


def read_half(norm: str, ctx: Context) -> Resolution | None:
    """"2019 H2", "H1 2020", "the second half of 2019": six months."""
    match = _HALF_RE.fullmatch(norm)
    if not match:
        return None
    year = int(match["y"] or match["y2"] or match["y3"])
    half = int(match["h"] or match["h2"] or (1 if match["hw"] == "first" else 2))
    start = date(year, 1 if half == 1 else 7, 1)
    return Resolution(value=cal.interval(start, cal.month_end(year, 6 if half == 1 else 12)),
                      granularity="interval")


def read_season(norm: str, ctx: Context) -> Resolution | None:
    match = _SEASON_RE.fullmatch(norm)
    if not match:
        return None
    start_month = lex.SEASONS[match["s"]]
    if match["y"]:
        start, end = cal.season_bounds(start_month, int(match["y"]))
        return Resolution(value=cal.interval(start, end), granularity="season")
    if ctx.reference is None:
        return unresolved(NO_REFERENCE)
    options = [cal.season_bounds(start_month, ctx.reference.year + k) for k in (-1, 0, 1)]
    rel = match["rel"]
    direction: Direction = {"last": "past", "past": "past", "next": "future", "coming": "future",
                            "this": ctx.direction or "future"}.get(rel or "", ctx.direction)  # type: ignore[assignment]
    current = [o for o in options if o[0] <= ctx.reference <= o[1]]
    if rel == "this":
        # "this summer": the summer of the reference year (winter: the one starting in it)
        chosen = current[0] if current else options[1]
    elif current and rel in {None, "the"}:
        chosen = current[0]
    elif direction == "future":
        chosen = min((o for o in options if o[0] > ctx.reference), key=lambda o: o[0])
    else:
        chosen = max((o for o in options if o[1] < ctx.reference), key=lambda o: o[0])
    return Resolution(value=cal.interval(*chosen), granularity="season", relative=True)
