"""A date span made regular before it is read: spacing, apostrophes, ordinal suffixes, glued
months; and the malformed ordinals ("21th") found on the way, reported as issues.
"""

from __future__ import annotations

import re
from typing import Final

from factcheck.calendar_words import MONTH_NAMES, MONTHS
from factcheck.extraction.dates import lexicon as lex
from factcheck.extraction.dates import ordinals
from factcheck.extraction.dates.types import (
    SpanIssue,
)

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
