"""Dates counted inside a month or from a day: "the first Friday of July", "the 20th of
next month", "the last week of July", "two days after tomorrow", "1 month 21 days ago",
"two Sundays from now"; and years written in words ("two thousand and eighteen").

Each reader takes a normalised span and returns a :class:`Resolution`, or None
when the span does not have its shape.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Final

from factcheck.calendar_words import MONTHS, WEEKDAYS
from factcheck.extraction.dates import calendar as cal
from factcheck.extraction.dates import lexicon as lex
from factcheck.extraction.dates.types import (
    NO_REFERENCE,
    Context,
    Resolution,
    day_resolution,
    unresolved,
)

_NTH: Final[dict[str, int]] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "5th": 5, "last": -1,
}
_NTH_ALT = "|".join(_NTH)
_MONTH_REF = (
    rf"(?:(?P<mon>{lex.MON_ALT})(?: (?P<y>\d{{4}}))?|(?P<rel>this|next|last|previous|"
    rf"the following|the next) month|(?P<yo>\d{{4}}))"
)
_NTH_WEEKDAY_RE = re.compile(
    rf"(?:on )?(?:the )?(?P<n>{_NTH_ALT}) (?P<wd>{lex.WD_ALT})(?: (?:of|in) {_MONTH_REF})?"
)
_NTH_WEEK_RE = re.compile(rf"(?:the )?(?P<n>{_NTH_ALT}) week (?:of|in) {_MONTH_REF}")
_DAY_OF_MONTH_RE = re.compile(
    r"(?:the )?(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?: day)? of (?P<rel>this|next|last|previous|"
    r"the following|the next) month"
)
_STEPS: Final[dict[str, int]] = {
    "this": 0, "next": 1, "the next": 1, "the following": 1, "last": -1, "previous": -1,
}

_UNITS: Final[dict[str, str]] = {
    "day": "day", "days": "day", "week": "week", "weeks": "week", "fortnight": "fortnight",
    "fortnights": "fortnight", "month": "month", "months": "month", "year": "year",
    "years": "year",
}
_COUNT_ALT = "|".join(sorted((re.escape(w) for w in lex.NUMBER_WORDS), key=len, reverse=True))
_PAIR = rf"(?:\d{{1,3}}|{_COUNT_ALT}) (?:{'|'.join(_UNITS)})"
_DURATION = rf"{_PAIR}(?:(?: and | )?{_PAIR})*"
DURATION: Final[str] = _DURATION
"""A count of days/weeks/months/years, possibly compound ("1 month and 21 days")."""
_ANCHORS: Final[dict[str, int]] = {"now": 0, "today": 0, "tomorrow": 1, "yesterday": -1}
_OFFSET_RE = re.compile(
    rf"(?:(?P<mod>more|less) than )?(?P<dur>{_DURATION}) (?:(?P<dir>from|after|before) "
    rf"(?P<anchor>now|today|tomorrow|yesterday)|(?P<ago>ago|from now|hence))"
)
_PAIR_RE = re.compile(rf"(?P<n>\d{{1,3}}|{_COUNT_ALT}) (?P<unit>{'|'.join(_UNITS)})")
_WEEKDAY_COUNT_RE = re.compile(
    rf"(?P<n>\d{{1,2}}|{_COUNT_ALT}) (?P<wd>{lex.WD_ALT})s? (?:from now|hence)"
)


def _target_month(match: re.Match[str], ctx: Context) -> tuple[int, int] | None:
    """(year, month) a "... of July" / "... of next month" names; the reference's by default."""
    ref = ctx.reference
    if match["mon"]:
        month = MONTHS[match["mon"]]
        if match["y"]:
            return int(match["y"]), month
        if ref is None:
            return None
        return cal.month_near(month, ref, ctx.direction)
    if match["yo"]:
        return int(match["yo"]), 1
    if ref is None:
        return None
    moved = cal.add_months(ref.replace(day=1), _STEPS[match["rel"]] if match["rel"] else 0)
    return moved.year, moved.month


def nth_weekday(norm: str, ctx: Context) -> Resolution | None:
    """"the first Friday of July", "second Sunday", "the last Monday of next month"."""
    match = _NTH_WEEKDAY_RE.fullmatch(norm)
    if not match or (match["n"] == "last" and match.end("wd") == len(norm)):
        return None  # "last Sunday" is a shifted weekday, not the month's last one
    target = _target_month(match, ctx)
    if target is None:
        return unresolved(NO_REFERENCE)
    year, month = target
    weekday = WEEKDAYS[match["wd"]]
    days = [
        d for day in range(1, 32)
        if (d := cal.safe_date(year, month, day)) is not None and d.weekday() == weekday
    ]
    nth = _NTH[match["n"]]
    if nth > len(days):
        return unresolved("the month has no such weekday")
    relative = not (match["mon"] and match["y"])
    return day_resolution(days[nth - 1 if nth > 0 else -1], relative=relative)


def nth_week(norm: str, ctx: Context) -> Resolution | None:
    """"the last week of July", "first week of Jan 2015": the ISO week holding that week."""
    match = _NTH_WEEK_RE.fullmatch(norm)
    if not match:
        return None
    target = _target_month(match, ctx)
    if target is None:
        return unresolved(NO_REFERENCE)
    year, month = target
    if match["yo"] and not match["mon"]:
        first = date.fromisocalendar(year, 1, 1)
        weeks = [first + timedelta(weeks=k) for k in range(53)
                 if (first + timedelta(weeks=k)).isocalendar()[0] == year]
    else:
        # a week belongs to the month that holds its Thursday (as ISO weeks to years)
        start = date(year, month, 1)
        monday = start - timedelta(days=start.weekday())
        weeks = [monday + timedelta(weeks=k) for k in range(7)
                 if (monday + timedelta(weeks=k, days=3)).month == month]
    nth = _NTH[match["n"]]
    if nth > len(weeks):
        return unresolved("the month has no such week")
    chosen = weeks[nth - 1 if nth > 0 else -1]
    return Resolution(value=cal.iso_week(chosen), granularity="week",
                      relative=not (match["y"] or match["yo"]))


def day_of_relative_month(norm: str, ctx: Context) -> Resolution | None:
    """"the 20th of next month", "31st of this month"."""
    match = _DAY_OF_MONTH_RE.fullmatch(norm)
    if not match:
        return None
    if ctx.reference is None:
        return unresolved(NO_REFERENCE)
    moved = cal.add_months(ctx.reference.replace(day=1), _STEPS[match["rel"]])
    found = cal.safe_date(moved.year, moved.month, int(match["d"]))
    return day_resolution(found, relative=True) if found else unresolved(
        "impossible calendar date")


def counted_offset(norm: str, ctx: Context) -> Resolution | None:
    """"two days after tomorrow", "1 month 21 days ago", "three weeks from tomorrow".

    An offset from a named day ("from tomorrow") or in more than one unit ("1 month
    21 days") is a day; a single unit from now ("two weeks ago") is left to the
    relative reader, which keeps the unit's precision.
    """
    match = _OFFSET_RE.fullmatch(norm)
    if match is None:
        return _weekday_count(norm, ctx)
    pairs = _PAIR_RE.findall(match["dur"])
    if match["anchor"] is None and len(pairs) < 2:
        return None
    if ctx.reference is None:
        return unresolved(NO_REFERENCE)
    sign = -1 if match["dir"] == "before" or match["ago"] == "ago" else 1
    day = ctx.reference + timedelta(days=_ANCHORS.get(match["anchor"] or "now", 0))
    if match["mod"] == "less" and sign > 0:
        # "less than 3 days after tomorrow": the stretch from the anchor day
        end = shift_by(day, match["dur"], 1)
        if end is None:
            return None
        return Resolution(value=cal.interval(day, end - timedelta(days=1)),
                          granularity="interval", relative=True)
    # larger units first, as the calendar counts them ("1 month 2 years" = 2 years 1 month)
    order = {"year": 0, "month": 1, "fortnight": 2, "week": 2, "day": 3}
    for raw, unit_word in sorted(pairs, key=lambda pair: order[_UNITS[pair[1]]]):
        amount = lex.count_of(raw)
        if amount is None:
            return None
        day = cal.shift(day, _UNITS[unit_word], sign * amount)
    return day_resolution(day, relative=True)


def shift_by(day: date, duration: str, sign: int) -> date | None:
    """``day`` moved by a written duration ("2 weeks", "1 month 21 days"), larger units first."""
    order = {"year": 0, "month": 1, "fortnight": 2, "week": 2, "day": 3}
    pairs = _PAIR_RE.findall(duration)
    for raw, unit_word in sorted(pairs, key=lambda pair: order[_UNITS[pair[1]]]):
        amount = lex.count_of(raw)
        if amount is None:
            return None
        day = cal.shift(day, _UNITS[unit_word], sign * amount)
    return day


_NTH_MONTH_RE = re.compile(
    r"(?:the )?(?P<n>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|"
    r"twelfth|1st|2nd|3rd|[4-9]th|1[012]th) month of (?:(?P<y>\d{4})|(?P<rel>this|next|last) year)"
)


_WEEK_NUMBER_RE = re.compile(
    r"(?:the )?week (?P<w>\d{1,2})(?: of (?:(?P<y>\d{4})|(?P<rel>this|next|last) year))?"
)


def week_number(norm: str, ctx: Context) -> Resolution | None:
    """"week 31", "week 3 of 2027", "week 27 of last year": ISO week numbers."""
    match = _WEEK_NUMBER_RE.fullmatch(norm)
    if not match:
        return None
    if match["y"]:
        year = int(match["y"])
    elif ctx.reference is None:
        return unresolved(NO_REFERENCE)
    else:
        year = ctx.reference.year + {"this": 0, "next": 1, "last": -1}.get(match["rel"] or "", 0)
    try:
        date.fromisocalendar(year, int(match["w"]), 1)
    except ValueError:
        return unresolved("no such ISO week")
    return Resolution(value=f"{year:04d}-W{int(match['w']):02d}", granularity="week",
                      relative=match["y"] is None)


def nth_month(norm: str, ctx: Context) -> Resolution | None:
    """"the third month of 2021", "the 9th month of next year"."""
    match = _NTH_MONTH_RE.fullmatch(norm)
    if not match:
        return None
    raw = match["n"]
    month = int(raw[:-2]) if raw[0].isdigit() else lex.ORDINAL_WORDS.get(raw, 0)
    if match["y"]:
        year = int(match["y"])
    elif ctx.reference is None:
        return unresolved(NO_REFERENCE)
    else:
        year = ctx.reference.year + {"this": 0, "next": 1, "last": -1}[match["rel"]]
    return Resolution(value=cal.iso_month(year, month), granularity="month",
                      relative=match["rel"] is not None)


def _weekday_count(norm: str, ctx: Context) -> Resolution | None:
    """"two Sundays from now": the second such weekday after the reference."""
    match = _WEEKDAY_COUNT_RE.fullmatch(norm)
    if match is None:
        return None
    if ctx.reference is None:
        return unresolved(NO_REFERENCE)
    amount = lex.count_of(match["n"])
    if amount is None or amount < 1:
        return None
    ahead = (WEEKDAYS[match["wd"]] - ctx.reference.weekday()) % 7 or 7
    return day_resolution(ctx.reference + timedelta(days=ahead + 7 * (amount - 1)),
                          relative=True)


# --- years in words ------------------------------------------------------------------------

_UNITS_W: Final[dict[str, int]] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9,
}
_TEENS_W: Final[dict[str, int]] = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS_W: Final[dict[str, int]] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_UNDER_100 = (rf"(?:(?:{'|'.join(_TENS_W)})(?:[ -](?:{'|'.join(_UNITS_W)}))?|"
              rf"{'|'.join(_TEENS_W)}|{'|'.join(_UNITS_W)})")
_WORD_YEAR_RE = re.compile(
    rf"(?P<thousand>two thousand(?: (?:and )?(?P<t_rest>{_UNDER_100}))?)$|"
    r"(?P<century>nineteen|eighteen|seventeen|sixteen|fifteen|twenty) "
    rf"(?:(?P<hundred>hundred)(?: (?:and )?"
    rf"(?P<h_rest>{_UNDER_100}))?|(?:zero|oh) (?P<oh>{'|'.join(_UNITS_W)})|"
    rf"(?P<rest>(?:{'|'.join(_TENS_W)})(?:[ -](?:{'|'.join(_UNITS_W)}))?|"
    rf"{'|'.join(_TEENS_W)}))$"
)


def _under_100(words: str | None) -> int:
    if not words:
        return 0
    total = 0
    for word in words.replace("-", " ").split():
        total += _UNITS_W.get(word, 0) + _TEENS_W.get(word, 0) + _TENS_W.get(word, 0)
    return total


def word_year_to_digits(norm: str) -> str:
    """Replace a year written in words at the end of a date ("... two thousand and eighteen")."""
    match = _WORD_YEAR_RE.search(norm)
    if match is None or (match.start() > 0 and norm[match.start() - 1] != " "):
        return norm
    if match.start() == 0 and not (match["t_rest"] or match["rest"] or match["h_rest"]):
        return norm  # "two thousand" alone is a number
    if match["thousand"]:
        year = 2000 + _under_100(match["t_rest"])
    else:
        century = _TEENS_W.get(match["century"], 0) or _TENS_W.get(match["century"], 0)
        if match["hundred"]:
            tail = _under_100(match["h_rest"])
        elif match["oh"]:
            tail = _UNITS_W[match["oh"]]
        else:
            tail = _under_100(match["rest"])
        year = century * 100 + tail
    return f"{norm[: match.start()]}{year}"
