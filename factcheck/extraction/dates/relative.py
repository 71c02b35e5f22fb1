"""Relative date expressions: "yesterday", "last week", "three days ago", "recent weeks".

These only mean something against the reference (publication) date, so every
value produced here is marked ``relative``; without a reference they stay
null with a reason.  Durations ("for weeks", "two years", "five-hour") are
recognised here too, so the caller can drop them: they are not dates.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Final

from factcheck.extraction.dates import calendar as cal
from factcheck.extraction.dates import lexicon as lex
from factcheck.extraction.dates.calendar import Direction
from factcheck.extraction.dates.types import (
    ANCHORED,
    DROP,
    NO_REFERENCE,
    VAGUE,
    Context,
    Resolution,
    day_resolution,
    unresolved,
)

DAY_WORDS: Final[dict[str, int]] = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "earlier today": 0, "later today": 0, "today's": 0,
    "yesterday": -1, "last night": -1, "yesterday morning": -1, "yesterday afternoon": -1,
    "yesterday evening": -1, "the day before yesterday": -2,
    "tomorrow": 1, "tomorrow morning": 1, "tomorrow night": 1, "tomorrow evening": 1,
    "the day after tomorrow": 2,
}
"""Words naming a day by its distance from the reference day."""

NOT_DATES: Final[frozenset[str]] = frozenset(
    {"now", "right now", "just now", "by now", "until now", "till now", "up to now",
     "for now", "nowadays", "currently", "present", "the present", "at present", "the moment",
     "at the moment", "these days", "so far", "to date", "then", "once", "the time",
     "the day", "day", "the date", "a date", "the era", "the period", "the season"}
)
"""Time words that never name a checkable date: no claim."""

ANAPHORIC: Final[frozenset[str]] = frozenset(
    {"that day", "the same day", "the next day", "the following day", "the day before",
     "the previous day", "the day after", "that week", "that month", "that year",
     "the same year", "the following year", "the next morning",
     "the following morning", "that night", "that morning", "the same time"}
)
"""Dates that point at another event in the text, not at the reference date."""

_UNIT_STEMS: Final[dict[str, str]] = {
    "day": "day", "days": "day", "week": "week", "weeks": "week", "fortnight": "fortnight",
    "fortnights": "fortnight", "month": "month", "months": "month", "year": "year",
    "years": "year", "decade": "decade", "decades": "decade", "hours": "hour",
    "quarter": "quarter", "quarters": "quarter",
}
_UNIT_ALT = "|".join(sorted(_UNIT_STEMS, key=len, reverse=True))
_COUNT_ALT = "|".join(sorted((re.escape(w) for w in lex.NUMBER_WORDS), key=len, reverse=True))
_COUNT = rf"(?P<n>\d{{1,3}}|{_COUNT_ALT}|several|a few|few)"

_MODS = r"early|earlier|mid|middle|late|later|end|beginning|start|turn|first half|second half"
_REL_UNIT_RE = re.compile(
    rf"(?:(?:the )?(?P<mod>{_MODS}) (?:of )?(?:in )?)?(?P<art>the )?"
    r"(?P<rel>last|this|next|past|previous|coming|current|following)?\s*"
    r"(?P<unit>week|month|year|quarter|weekend|decade|century|fortnight)"
)
_AGO_RE = re.compile(rf"(?:about |some |nearly |almost |just |only |more than |over )?{_COUNT} "
                     rf"(?P<unit>{_UNIT_ALT}) (?P<dir>ago|from now|in the future|hence|earlier|later|before|"
                     r"after|prior|on)")
_IN_RE = re.compile(rf"(?:in|within|less than) (?:the )?(?:next )?{_COUNT} (?P<unit>{_UNIT_ALT})"
                    r"(?: time| from (?:now|today))?")
_SPAN_RE = re.compile(
    rf"(?:in |over |during |for )?(?:the )?(?P<dir>past|last|previous|next|coming) {_COUNT} "
    rf"(?P<unit>{_UNIT_ALT})"
)
_COUNT_FIRST_RE = re.compile(
    rf"^(?P<lead>(?:in |over |during |for |within )?(?:the )?){_COUNT} "
    r"(?P<dir>past|last|previous|next|coming)(?: |$)"
)
"""The count before the direction ("the 5 past years"), put back in the usual order."""
_VAGUE_RE = re.compile(
    r"(?:in |over |during |within )?(?:the )?(?:recent|coming|upcoming|following|next few|"
    r"past few|last few|few|several|many|previous|subsequent)? ?(?:days|weeks|months|years|"
    r"decades|hours)(?: to come| ahead)?|recently|lately|(?:the )?(?:near|distant|"
    r"foreseeable) future|in due course|(?:the )?(?:recent|distant) past"
)
_VAGUE_NEEDS = re.compile(r"recent|coming|upcoming|next|past|last|few|future|lately|due|"
                          r"following|previous|subsequent|to come|ahead")

_DURATION_WORDS: Final[frozenset[str]] = frozenset(
    {"second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
     "fortnight", "month", "months", "year", "years", "decade", "decades", "century",
     "centuries", "night", "nights", "weekend", "weekends", "season", "seasons", "morning",
     "evening", "afternoon", "time", "long", "old", "and", "or", "a", "an", "half", "the",
     "for", "of", "more", "than", "over", "about", "nearly", "almost", "some", "least", "at",
     "less", "up", "to", "around", "roughly", "just", "only", "another", "several", "many",
     "few", "couple", "whole", "entire", "full", "straight", "consecutive", "period", "all",
     "hundreds", "thousands", "dozens", "tens", "same", "following", "previous", "first",
     "other", "each", "every", "per", "plus", "nearby", "one's", "within", "in", "two-day",
     "day-long", "week-long", "month-long", "year-long", "after", "before", "end", "on",
     "mere", "barely", "under", "approximately"}
)
"""Words a pure duration or an unanchored period ("for two weeks", "a five-hour") uses."""

_AFTER_NEXT_RE = re.compile(r"(?:the )?(week|weekend|month|year) after (?:the )?next")
_YEAR_NAMED_RE = re.compile(r"\byear (?:of )?(?:1[5-9]\d\d|20\d\d)\b")
""""the year 2008" names a year; it is not a length of time."""
_FREQUENCY_RE = re.compile(
    r"(?:bi-?|semi-?)?(?:hourly|daily|nightly|weekly|monthly|quarterly|yearly|annual|annually)"
    r"|(?:every|each|per|a) (?:other )?(?:day|night|week|month|quarter|year|decade)"
)
"""How often, not when: no claim."""

_COUNT_RANGE_RE = re.compile(
    rf"(?:between|from) (?:\d{{1,3}}|{_COUNT_ALT}) (?:and|to|-) (?:\d{{1,3}}|{_COUNT_ALT}) (?P<unit>{_UNIT_ALT})"
)
""""between 6 and 9 months": a length of time given as a range, no date."""
_NUMBER_RE = re.compile(r"\d+(?:\.\d+)?(?:st|nd|rd|th)?|[a-z]+-(?:[a-z]+-)?[a-z]+")


def _at_unit(day: date, unit: str) -> Resolution:
    """A day at the precision the unit suggests ("two weeks ago" -> a week)."""
    if unit in {"day", "hour"}:
        return day_resolution(day, relative=True)
    if unit in {"week", "fortnight"}:
        return Resolution(value=cal.iso_week(day), granularity="week", relative=True)
    if unit == "month":
        return Resolution(value=cal.iso_month(day.year, day.month), granularity="month",
                          relative=True)
    if unit == "quarter":
        return Resolution(value=f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}",
                          granularity="quarter", relative=True)
    return Resolution(value=f"{day.year:04d}", granularity="year", relative=True)


def _calendar_unit(reference: date, unit: str, step: int) -> Resolution | None:
    """The calendar week/month/year/quarter/weekend ``step`` units from the reference's."""
    if unit == "week":
        return Resolution(value=cal.iso_week(reference + timedelta(weeks=step)),
                          granularity="week", relative=True)
    if unit == "weekend":
        saturday = reference + timedelta(days=5 - reference.weekday() + 7 * step)
        return Resolution(value=cal.interval(saturday, saturday + timedelta(days=1)),
                          granularity="interval", relative=True)
    if unit == "month":
        day = cal.add_months(reference, step)
        return Resolution(value=cal.iso_month(day.year, day.month), granularity="month",
                          relative=True)
    if unit == "quarter":
        index = reference.year * 4 + (reference.month - 1) // 3 + step
        return Resolution(value=f"{index // 4}-Q{index % 4 + 1}", granularity="quarter",
                          relative=True)
    if unit == "year":
        return Resolution(value=f"{reference.year + step:04d}", granularity="year",
                          relative=True)
    if unit == "decade":
        start = reference.year // 10 * 10 + 10 * step
        return Resolution(value=cal.interval(date(start, 1, 1), date(start + 9, 12, 31)),
                          granularity="decade", relative=True)
    if unit == "century":
        start = reference.year // 100 * 100 + 100 * step
        return Resolution(value=cal.interval(date(start, 1, 1), date(start + 99, 12, 31)),
                          granularity="century", relative=True)
    return None


_STEPS: Final[dict[str, int]] = {
    "last": -1, "previous": -1, "past": -1, "this": 0, "current": 0, "next": 1, "coming": 1,
}


def _relative_unit(norm: str, ctx: Context) -> Resolution | None:
    """"last week", "earlier this month", "late last year", "the end of the year"."""
    match = _REL_UNIT_RE.fullmatch(norm)
    if not match:
        return None
    rel, unit, art, mod = match["rel"], match["unit"], match["art"], match["mod"]
    if rel is None and not (art and mod):
        return None  # "the year", "a week": not a date
    if rel == "following":
        return unresolved(ANCHORED)
    if ctx.reference is None:
        return unresolved(NO_REFERENCE)
    calendar_only = {"weekend", "quarter", "decade", "century"}
    if unit == "fortnight" and rel in {"past", "last", "next", "coming"}:
        art = art or "the "  # "past fortnight": two weeks either side of today
    if art and not mod and rel in {"past", "last", "next", "coming"} and unit not in calendar_only:
        # "the past week", "the coming month": a stretch ending or starting today
        step = -1 if rel in {"past", "last"} else 1
        other = cal.shift(ctx.reference, {"quarter": "month", "century": "decade"}.get(unit, unit),
                       step * (3 if unit == "quarter" else 10 if unit == "century" else 1))
        bounds = sorted((other, ctx.reference))
        return Resolution(value=cal.interval(*bounds), granularity="interval", relative=True)
    return _calendar_unit(ctx.reference, unit, _STEPS.get(rel or "this", 0))


def _nearest_weekend(reference: date, direction: Direction) -> Resolution:
    """"the weekend": the one under way, else the last (past tense) or the next one.

    Without tense, Monday to Wednesday look back ("over the weekend") and
    Thursday and Friday ahead.
    """
    weekday = reference.weekday()
    if weekday >= 5:
        step = 0
    elif direction == "past" or (direction is None and weekday <= 2):
        step = -1
    else:
        step = 0
    return _calendar_unit(reference, "weekend", step) or unresolved(NO_REFERENCE)


def _ago(norm: str, ctx: Context) -> Resolution | None:
    """"three days ago", "in two weeks", "the past five years"."""
    match = _AGO_RE.fullmatch(norm)
    if match:
        if match["dir"] not in {"ago", "from now", "in the future", "hence"}:
            return unresolved(ANCHORED)
        sign = -1 if match["dir"] == "ago" else 1
        return _counted(match["n"], match["unit"], sign, ctx, stretch=False)
    match = _IN_RE.fullmatch(norm)
    if match:
        within = norm.startswith(("within", "less than"))
        return _counted(match["n"], match["unit"], 1, ctx, stretch=within, from_today=within)
    match = _SPAN_RE.fullmatch(_COUNT_FIRST_RE.sub(r"\g<lead>\g<dir> \g<n> ", norm))
    if match:
        sign = -1 if match["dir"] in {"past", "last", "previous"} else 1
        return _counted(match["n"], match["unit"], sign, ctx, stretch=True)
    return None


def _counted(
    raw: str, unit_word: str, sign: int, ctx: Context, *, stretch: bool, from_today: bool = False
) -> Resolution:
    amount = lex.count_of(raw)
    if amount is None:
        return unresolved(VAGUE)
    if ctx.reference is None:
        return unresolved(NO_REFERENCE)
    unit = _UNIT_STEMS[unit_word]
    other = cal.shift(ctx.reference, unit, sign * amount)
    if stretch and unit == "decade":
        # "the next two decades": whole calendar decades, the current one left out
        current = ctx.reference.year // 10 * 10
        first = current + 10 if sign > 0 else current - 10 * amount
        last = current + 10 * amount + 9 if sign > 0 else current - 1
        return Resolution(value=cal.interval(date(first, 1, 1), date(last, 12, 31)),
                          granularity="interval", relative=True)
    if stretch and unit == "quarter":
        # "the last two quarters": whole calendar quarters, the current one left out
        current = ctx.reference.year * 4 + (ctx.reference.month - 1) // 3
        first, last = (current - amount, current - 1) if sign < 0 else (current + 1,
                                                                          current + amount)
        start = date(first // 4, first % 4 * 3 + 1, 1)
        end_start = date(last // 4, last % 4 * 3 + 3, 1)
        return Resolution(value=cal.interval(start, cal.month_end(end_start.year,
                                                                  end_start.month)),
                          granularity="interval", relative=True)
    if stretch:
        bounds = sorted((other, ctx.reference))
        if sign > 0 and not from_today:
            # "the next three days" start tomorrow: tomorrow .. three days on
            tomorrow = ctx.reference + timedelta(days=1)
            bounds = [tomorrow, cal.shift(tomorrow, unit, amount) - timedelta(days=1)]
        return Resolution(value=cal.interval(*bounds), granularity="interval", relative=True)
    return _at_unit(other, unit)


def is_duration(norm: str) -> bool:
    """A length of time or an unanchored period, not a point in time: no claim."""
    words = norm.replace("-", " - ").split()
    if not words or _YEAR_NAMED_RE.search(norm):
        return False
    has_unit = False
    for word in words:
        if word in {"-", "–"}:
            continue
        if word in _DURATION_WORDS or word in lex.NUMBER_WORDS:
            has_unit = has_unit or word in _UNIT_STEMS or word.rstrip("s") in {
                "second", "minute", "hour", "night", "weekend", "season", "centurie", "century",
                "morning", "evening", "afternoon"}
            continue
        if _NUMBER_RE.fullmatch(word) and (word[0].isdigit() or word in lex.ORDINAL_WORDS):
            continue
        return False
    return has_unit


_SAME_UNIT_RE = re.compile(
    r"(?:the )?same (?P<unit>day|week|month|quarter) (?:(?:a|one) year (?:ago|earlier|before)|"
    r"(?:of |in )?last year|(?:of |in )?the (?:previous|prior) year)"
)


def _same_unit_last_year(norm: str, ctx: Context) -> Resolution | None:
    """"the same month a year ago", "the same quarter last year": that unit, a year before the reference's."""
    match = _SAME_UNIT_RE.fullmatch(norm)
    if not match:
        return None
    if ctx.reference is None:
        return unresolved(NO_REFERENCE)
    return _at_unit(cal.shift(ctx.reference, "year", -1), match["unit"])


_OFFSET_RE = re.compile(
    rf"(?:about |some |nearly |almost |just |only |a mere |barely )?{_COUNT} "
    r"(?P<unit>days?|weeks?|fortnights?|months?|years?) (?P<dir>earlier|later|before|after|prior)"
)


def anchored_offset(norm: str) -> tuple[int, str] | None:
    """"two weeks earlier", "a fortnight later": the signed count and calendar unit of an offset
    from another event, or None when the expression is none (or vague: "several days later")."""
    match = _OFFSET_RE.fullmatch(norm)
    if match is None:
        return None
    amount = lex.count_of(match["n"])
    if amount is None:
        return None
    sign = 1 if match["dir"] in {"later", "after"} else -1
    return sign * amount, _UNIT_STEMS[match["unit"]]


def resolve_relative(norm: str, ctx: Context) -> Resolution | None:
    """Read a relative expression, or None when the span is not one."""
    if norm in NOT_DATES:
        return DROP
    if norm in ANAPHORIC:
        return unresolved(ANCHORED)
    if norm in {"weekend", "the weekend"}:
        if ctx.reference is None:
            return unresolved(NO_REFERENCE)
        return _nearest_weekend(ctx.reference, ctx.direction)
    after_next = _AFTER_NEXT_RE.fullmatch(norm)
    if after_next:
        if ctx.reference is None:
            return unresolved(NO_REFERENCE)
        return _calendar_unit(ctx.reference, after_next[1], 2)
    if norm in DAY_WORDS:
        if ctx.reference is None:
            return unresolved(NO_REFERENCE)
        return day_resolution(ctx.reference + timedelta(days=DAY_WORDS[norm]), relative=True)
    found = _same_unit_last_year(norm, ctx) or _relative_unit(norm, ctx) or _ago(norm, ctx)
    if found is not None:
        return found
    if _VAGUE_RE.fullmatch(norm) and _VAGUE_NEEDS.search(norm):
        return unresolved(VAGUE)
    if is_duration(norm) or _FREQUENCY_RE.fullmatch(norm) or _COUNT_RANGE_RE.fullmatch(norm):
        return DROP
    return None
