"""Holidays whose date does not depend on the country: "Christmas", "Easter 2018",
"last Easter", "New Year's Eve", "Halloween", "Black Friday".

Only names that mean the same day everywhere are read (Easter by the Western
computus); country-specific days ("Independence Day", "Labour Day",
"Thanksgiving") are left unread rather than guessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import Final

from factcheck.extraction.dates import calendar as cal
from factcheck.extraction.dates.types import (
    NO_REFERENCE,
    Context,
    Resolution,
    day_resolution,
    unresolved,
)


def easter(year: int) -> date:
    """Western Easter Sunday (anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month = (h + el - 7 * m + 114) // 31
    day = (h + el - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def _fixed(month: int, day: int) -> Callable[[int], date]:
    return lambda year: date(year, month, day)


def _thanksgiving_us(year: int) -> date:
    first = date(year, 11, 1)
    return first + timedelta(days=(3 - first.weekday()) % 7 + 21)


HOLIDAYS: Final[dict[str, Callable[[int], date]]] = {
    "christmas eve": _fixed(12, 24),
    "christmas day": _fixed(12, 25),
    "christmas": _fixed(12, 25),
    "xmas": _fixed(12, 25),
    "boxing day": _fixed(12, 26),
    "new year's eve": _fixed(12, 31),
    "new years eve": _fixed(12, 31),
    "new year's day": _fixed(1, 1),
    "new years day": _fixed(1, 1),
    "new year day": _fixed(1, 1),
    "easter sunday": easter,
    "easter monday": lambda year: easter(year) + timedelta(days=1),
    "easter": easter,
    "good friday": lambda year: easter(year) - timedelta(days=2),
    "halloween": _fixed(10, 31),
    "valentine's day": _fixed(2, 14),
    "valentines day": _fixed(2, 14),
    "st patrick's day": _fixed(3, 17),
    "st patricks day": _fixed(3, 17),
    "saint patrick's day": _fixed(3, 17),
    "saint patrick": _fixed(3, 17),
    "st patrick": _fixed(3, 17),
    "earth day": _fixed(4, 22),
    "international workers' day": _fixed(5, 1),
    "international workers day": _fixed(5, 1),
    "juneteenth": _fixed(6, 19),
    "black friday": lambda year: _thanksgiving_us(year) + timedelta(days=1),
}
"""Holiday names (normalised) and the day each falls on in a given year.  A bare "new
year" is left out: "in the new year" means the coming year, not 1 January."""


def _nth_weekday(month: int, weekday: int, nth: int) -> Callable[[int], date]:
    """The nth (1-based; -1 for the last) given weekday (0 = Monday) of a month."""

    def rule(year: int) -> date:
        if nth > 0:
            first = date(year, month, 1)
            return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
        last = cal.month_end(year, month)
        return last - timedelta(days=(last.weekday() - weekday) % 7)

    return rule


US_HOLIDAYS: Final[dict[str, Callable[[int], date]]] = {
    "independence day": _fixed(7, 4),
    "fourth of july": _fixed(7, 4),
    "thanksgiving day": _thanksgiving_us,
    "thanksgiving": _thanksgiving_us,
    "labor day": _nth_weekday(9, 0, 1),
    "memorial day": _nth_weekday(5, 0, -1),
    "martin luther king day": _nth_weekday(1, 0, 3),
    "martin luther king jr day": _nth_weekday(1, 0, 3),
    "mlk day": _nth_weekday(1, 0, 3),
    "presidents day": _nth_weekday(2, 0, 3),
    "presidents' day": _nth_weekday(2, 0, 3),
    "columbus day": _nth_weekday(10, 0, 2),
    "veterans day": _fixed(11, 11),
}
"""Holidays whose day depends on the country: read as the United States' only when the
source's locale is en-US (Canada's Thanksgiving, Labour Day and Independence Days differ)."""
US_LOCALES: Final[frozenset[str]] = frozenset({"en-us", "en_us", "us"})
COUNTRY_DEPENDENT = "the day of this holiday depends on the country; give the source a locale such as en-US"

NAMES: Final[str] = "|".join(
    sorted((re.escape(name).replace("'", "'?").replace(r"\ ", r"\s+") for name in (*HOLIDAYS, *US_HOLIDAYS)),
           key=len, reverse=True)
)
"""The names as a regular-expression alternation, longest first."""

_HOLIDAY_RE = re.compile(
    rf"(?:the )?(?:(?P<shift>this|next|last|previous|following|coming) )?(?P<name>{NAMES})"
    r"(?: (?:of )?(?:(?P<year>\d{4})|(?P<rel>this|next|last) year))?"
)


def read_holiday(norm: str, ctx: Context) -> Resolution | None:
    """"Christmas", "Easter 2018", "last Easter", "Halloween of next year"."""
    match = _HOLIDAY_RE.fullmatch(norm)
    if not match:
        return None
    name = re.sub(r"\s+", " ", match["name"])
    rule = HOLIDAYS.get(name) or HOLIDAYS.get(name.replace("'", ""))
    if rule is None:
        rule = US_HOLIDAYS.get(name) or US_HOLIDAYS.get(name.replace("'", ""))
        if rule is None:
            return None
        if (ctx.locale or "").lower() not in US_LOCALES:
            return unresolved(COUNTRY_DEPENDENT)
    if match["year"]:
        return day_resolution(rule(int(match["year"])))
    ref = ctx.reference
    if ref is None:
        return unresolved(NO_REFERENCE)
    if match["rel"]:
        return day_resolution(rule(ref.year + {"this": 0, "next": 1, "last": -1}[match["rel"]]),
                              relative=True)
    options = [rule(ref.year + k) for k in (-1, 0, 1)]
    shift = match["shift"]
    if shift in {"next", "following", "coming"}:
        chosen = min(o for o in options if o > ref)
    elif shift in {"last", "previous"}:
        chosen = max(o for o in options if o < ref)
    elif shift == "this":
        chosen = options[1]
    else:
        chosen = cal.pick(options, ref, ctx.direction) or options[1]
    return day_resolution(chosen, relative=True)
