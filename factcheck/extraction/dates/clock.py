"""Clock times in a date span ("6:50 a.m. local time", "1150 GMT"), split off and read with their zone.

A time of day is written "21:05", "9.05pm", "8.25 p.m.", "21h05", "1pm", or
"0615" (four digits, only with a zone: "0615 GMT").  Its zone follows it
(`factcheck.extraction.dates.zones`): an abbreviation, a written offset, a
named region ("UK time", "Swedish time") or "local time".  A local time
often gives its conversion in brackets, "21:05 local time (1905 GMT)": the
two clocks state one instant, so local time there is UTC+2, and the claim's
value is ``...T21:05+02:00``.

Values: ``YYYY-MM-DDTHH:MM±hh:mm`` when the offset is known;
``YYYY-MM-DDTHH:MM`` (no offset) when the zone is unknown ("9.05pm local
time" with no conversion, "at 8pm") or seasonal without a known day.  A
time written without a day takes its article's reference date, as news
annotation does ("at 18:00 UTC" is that day); the claim says so with
``relative``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Final, Literal

from factcheck.claims import ClockTime
from factcheck.extraction.dates.types import (
    NO_REFERENCE,
    Context,
    Resolution,
    Resolver,
    unresolved,
)
from factcheck.extraction.dates.zones import (
    ABBREVIATIONS,
    LOCAL,
    Zone,
    named_zone,
    offset_text,
    plausible_offset,
)

_CLOCK_RE = re.compile(r"([01]?\d|2[0-3])(?:[:.h]([0-5]\d))?(am|pm)?")
_MILITARY_RE = re.compile(r"([01]\d|2[0-3])([0-5]\d)")
"""Four digits, "0615": a time only when a zone follows."""
_OFFSET_ZONE_RE = re.compile(r"(?:utc|gmt)([+-])(\d{1,2})(?::?(\d\d))?")
_ZONE_GAP_RE = re.compile(r"\b(utc|gmt) (?=[+-])")
_TIME_FILLERS: Final[frozenset[str]] = frozenset({"at", "on", "local", "time", "hours", "hrs"})
_QUALIFIERS: Final[frozenset[str]] = frozenset({"standard", "daylight", "summer", "mean"})
_MAX_NAME_WORDS: Final[int] = 3
_NOT_DAY_WORDS: Final[frozenset[str]] = frozenset(
    {"before", "after", "until", "till", "by", "from", "since", "about", "around", "approximately", "roughly",
     "shortly", "just", "some", "nearly", "almost", "no", "not", "later", "earlier", "than", "the"}
)
"""Words a time's span may hold besides its day: hedges and bounds ("shortly after 4pm")."""


@dataclass(frozen=True)
class Clock:
    """A time of day found in a span, and what is left of the span without it."""

    hour: int
    minute: int
    zone: Zone | None
    rest: str
    paired: tuple[int, int, Zone] | None = None
    """The same instant in another zone, in brackets: "21:05 local time (1905 GMT)" -> (19, 5, GMT)."""

    @property
    def minute_of_day(self) -> int:
        return self.hour * 60 + self.minute

    def offset_on(self, day: date | None) -> int | None:
        """Minutes east of UTC of this clock on ``day``: its zone's, or the one its bracketed conversion shows."""
        if self.zone is not None and not self.zone.local:
            return self.zone.offset_on(day, self.minute_of_day)
        if self.paired is None:
            return None
        hour, minute, zone = self.paired
        paired_offset = zone.offset_on(day, hour * 60 + minute)
        if paired_offset is None:
            return None
        return plausible_offset(self.minute_of_day - (hour * 60 + minute - paired_offset))


def split_clock(norm: str) -> Clock | None:
    """Take "3:17 am gmt-3" out of a span; a bare number is not a time without am/pm."""
    tokens = _ZONE_GAP_RE.sub(r"\1", norm).split()
    for index in range(len(tokens)):
        found = _read_clock(tokens, index)
        if found is None:
            continue
        hour, minute, used = found
        zone, zone_used = read_zone(tokens[index + used :])
        after = index + used + zone_used
        paired = None
        pair = _read_clock(tokens, after, need_zone=True)
        if pair is not None:  # the same instant in another zone, in brackets
            pair_zone, pair_zone_used = read_zone(tokens[after + pair[2] :])
            if pair_zone is not None and not pair_zone.local:
                paired = (pair[0], pair[1], pair_zone)
            after += pair[2] + pair_zone_used
        before = tokens[:index]
        if before and before[-1] == "the":
            before = before[:-1]  # "at the 21h05 of Monday"
        after_tokens = tokens[after:]
        if after_tokens and after_tokens[0] == "of" and (zone is not None or paired is not None):
            after_tokens = after_tokens[1:]
        rest = [t for t in before + after_tokens if t not in _TIME_FILLERS]
        return Clock(hour, minute, zone, " ".join(rest), paired)
    return None


def _read_clock(tokens: list[str], index: int, *, need_zone: bool = False) -> tuple[int, int, int] | None:
    """(hour, minute, tokens used) of a clock time at ``index``; four digits only before a zone."""
    if index >= len(tokens):
        return None
    token = tokens[index]
    military = _MILITARY_RE.fullmatch(token)
    if military:
        zone, _ = read_zone(tokens[index + 1 :])
        if zone is None or zone.local:
            return None
        return int(military[1]), int(military[2]), 1
    match = _CLOCK_RE.fullmatch(token)
    if not match:
        return None
    used, meridiem = 1, match[3]
    if meridiem is None and index + 1 < len(tokens) and tokens[index + 1] in {"am", "pm"}:
        used, meridiem = 2, tokens[index + 1]
    if match[2] is None and meridiem is None:
        return None
    if meridiem is None and index + used < len(tokens) and tokens[index + used] in {"hours", "hrs"}:
        used += 1  # "10:45 hours"
    if need_zone and read_zone(tokens[index + used :])[0] is None:
        return None
    hour = int(match[1])
    if meridiem is not None and not 1 <= hour <= 12:
        return None
    if meridiem == "pm" and hour != 12:
        hour += 12
    elif meridiem == "am" and hour == 12:
        hour = 0
    return hour, int(match[2] or 0), used


def read_zone(tokens: list[str]) -> tuple[Zone | None, int]:
    """The zone the tokens open with, and how many tokens it takes; (None, 0) when none."""
    if not tokens:
        return None, 0
    token = tokens[0].strip("()")
    offset = _OFFSET_ZONE_RE.fullmatch(token)
    if offset:
        minutes = int(offset[2]) * 60 + int(offset[3] or 0)
        minutes = -minutes if offset[1] == "-" else minutes
        return Zone(f"UTC{offset_text(minutes)}", minutes), 1
    if token == "local":
        following = tokens[1] if len(tokens) > 1 else ""
        return LOCAL, 2 if following in {"time", "hour"} else 1
    for words in range(min(_MAX_NAME_WORDS, len(tokens)), 0, -1):
        name = " ".join(tokens[:words])
        qualifier = tokens[words] if len(tokens) > words and tokens[words] in _QUALIFIERS else None
        time_at = words + (qualifier is not None)
        if len(tokens) > time_at and tokens[time_at] == "time":
            zone = named_zone(name)
            if zone is not None:
                return _qualified(zone, qualifier), time_at + 1
    if token in ABBREVIATIONS:
        return ABBREVIATIONS[token], 1
    return None, 0


def _qualified(zone: Zone, qualifier: str | None) -> Zone:
    """ "Eastern Standard Time", "British Summer Time": the season the name states fixes the offset."""
    if zone.dst is None or zone.standard is None or qualifier not in {"standard", "daylight", "summer"}:
        return zone
    minutes = zone.standard + (0 if qualifier == "standard" else 60)
    return Zone(f"{zone.label.removesuffix(' time')} {qualifier} time", minutes)


def with_clock(clock: Clock, text: str, ctx: Context, resolve: Resolver) -> Resolution:
    """The day of the rest of the span (read by ``resolve``) at the clock time.

    Without a day in the span, the reference date is the day ("at 18:00 UTC").
    """
    if not any(word not in _NOT_DAY_WORDS for word in clock.rest.split()):
        if ctx.reference is None:
            return unresolved(NO_REFERENCE)
        return _at(clock, ctx.reference, Resolution(granularity="day", relative=True), day_stated=False)
    day = resolve(clock.rest, clock.rest, ctx)
    if day.granularity != "day" or day.value is None:
        return day
    return _at(clock, date.fromisoformat(day.value), day, day_stated=True)


def _at(clock: Clock, day: date, resolution: Resolution, *, day_stated: bool) -> Resolution:
    offset = clock.offset_on(day)
    stamp = f"{day.isoformat()}T{clock.hour:02d}:{clock.minute:02d}"
    if offset is not None:
        stamp += offset_text(offset)
    zone = clock.zone
    converted = None
    if clock.paired is not None:
        hour, minute, paired_zone = clock.paired
        converted = f"{hour:02d}:{minute:02d} {paired_zone.label}"
    offset_from: Literal["zone", "conversion"] | None = None
    if offset is not None:
        offset_from = "zone" if zone is not None and not zone.local else "conversion"
    time = ClockTime(
        clock=f"{clock.hour:02d}:{clock.minute:02d}",
        zone=zone.label if zone is not None else None,
        converted=converted,
        offset_from=offset_from,
        day_stated=day_stated,
    )
    return replace(resolution, value=stamp, granularity="minute", time=time)
