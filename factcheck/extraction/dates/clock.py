"""Clock times in a date span ("4:20 a.m. local time", "0920 GMT"), split off and read with their zone."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Final

from factcheck.extraction.dates import lexicon as lex
from factcheck.extraction.dates.types import (
    Context,
    Resolution,
    Resolver,
    unresolved,
)

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


def with_clock(clock: Clock, text: str, ctx: Context, resolve: Resolver) -> Resolution:
    """The day of the rest of the span (read by ``resolve``) at the clock time."""
    if not clock.rest:
        return unresolved("time of day without a date")
    day = resolve(clock.rest, clock.rest, ctx)
    if day.granularity != "day" or day.value is None:
        return day
    stamp = f"{day.value}T{clock.hour:02d}:{clock.minute:02d}{clock.zone}"
    return replace(day, value=stamp, granularity="minute")
