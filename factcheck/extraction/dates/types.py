"""Value types the date readers share: the context in, the resolution out."""

from __future__ import annotations

import enum
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Final

from factcheck.claims import ClockTime, DateGranularity, DateIssueKind
from factcheck.extraction.dates import calendar as cal
from factcheck.extraction.dates.calendar import Direction
from factcheck.extraction.dates.guards import guarded_specs
from factcheck.pattern_cache import compile_patterns

NO_REFERENCE = "relative expression and no reference date"
VAGUE = "vague"
AMBIGUOUS_ORDER = "ambiguous day/month order"
ANCHORED = "relative to another event, not to the reference date"
UNRESOLVED = "could not resolve the expression"


@dataclass(frozen=True)
class Context:
    """What the caller knows beyond the span: reference date, tense, locale."""

    reference: date | None
    direction: Direction = None
    locale: str | None = None
    day_hint: bool = False
    """The text around the span marks it as a date ("on 15", "for the 27th", "on 4.22"),
    so a bare number or ordinal is read as a day of the month."""


@dataclass(frozen=True)
class SpanIssue:
    """A writing defect, with offsets relative to the span text."""

    kind: DateIssueKind
    start: int
    end: int
    detail: str
    suggestion: str | None = None


@dataclass(frozen=True)
class Resolution:
    """What a span means; ``drop`` marks spans that are not dates at all (durations, ages)."""

    value: str | None = None
    granularity: DateGranularity | None = None
    reason: str | None = None
    weekday: int | None = None
    weekday_text: str | None = None
    readings: tuple[str, ...] = ()
    relative: bool = False
    issues: tuple[SpanIssue, ...] = field(default_factory=tuple)
    drop: bool = False
    time: ClockTime | None = None
    """For a time of day: its clock and zone as written."""


DROP: Final[Resolution] = Resolution(drop=True)

Resolver = Callable[[str, str, "Context"], Resolution]
"""Reads a whole date span (normalized text, text as written, context): what the interval and
clock-time readers call on their parts, so that they need not import the resolver itself."""


IMPOSSIBLE: Final[str] = "impossible calendar date"
"""The reason of a day the calendar does not have ("31 April"); the date-format check reports it."""


def unresolved(reason: str) -> Resolution:
    """A date expression that stays without a value, and why."""
    return Resolution(reason=reason)


def day_resolution(day: date, relative: bool = False) -> Resolution:
    """A value at day granularity."""
    return Resolution(value=cal.iso_day(day), granularity="day", relative=relative)


class Cue(enum.Flag):
    """A kind of word a date expression is built around."""

    DIGIT = enum.auto()
    MONTH = enum.auto()
    WEEKDAY = enum.auto()
    NUMBER = enum.auto()
    """Number and ordinal words a day can be written as: "twenty-first", "the second"."""
    UNIT = enum.auto()
    """Calendar units: "week", "months", "weekend", "quarter", "decade"."""
    ANCHOR = enum.auto()
    """Days named from today: "yesterday", "tonight", "tmrw", "now"."""
    SEASON = enum.auto()
    DECADE = enum.auto()
    """Decades in words: "the nineties"."""
    HOLIDAY = enum.auto()
    DISTANCE = enum.auto()
    """Words that place a counted stretch in time: "ago", "hence", "later", "earlier"."""
    LONG_NUMBER = enum.auto()
    """A run of four digits or more: a year, an ISO or compact date ("2019", "2019-03-01", "20190301")."""
    JOINED_NUMBERS = enum.auto()
    """Two digit runs joined by "/", "." or "-": "4/22", "6.7.23", "10-1"."""
    DECADE_NUMBER = enum.auto()
    """A number in 0 followed by "s": "1990s", "90 s", "80's"."""


@dataclass(frozen=True)
class CuedPattern:
    """A date pattern and the cues one of which every match of it contains."""

    regex: re.Pattern[str]
    cues: Cue


@dataclass(frozen=True)
class CuedSpec:
    """A date pattern before it is compiled: `compile_cued` compiles a module's set at once."""

    pattern: str
    flags: int
    cues: Cue


def cued(cues: Cue, pattern: str, flags: int = 0) -> CuedSpec:
    return CuedSpec(pattern, flags, cues)


def compile_cued(specs: tuple[CuedSpec, ...]) -> tuple[CuedPattern, ...]:
    """The patterns, compiled as ``re.compile`` does, each behind the look-ahead for its first characters
    (`factcheck.extraction.dates.guards`); their programs are kept in the table cache, so a process
    after the first does not compile them again (`factcheck.pattern_cache`)."""
    compiled = compile_patterns(guarded_specs([(spec.pattern, spec.flags) for spec in specs]))
    return tuple(CuedPattern(regex, spec.cues) for regex, spec in zip(compiled, specs, strict=True))
