"""Word tables and compiled patterns shared by the date extractor.

Kept apart from the logic so the tables can be read (and extended) at a
glance, and so every pattern is compiled exactly once, at import.
"""

from __future__ import annotations

import re
from typing import Final

from factcheck.calendar_words import MONTHS, WEEKDAYS
from factcheck.extraction.dates.types import Cue, CuedPattern, compile_cued, cued
from factcheck.extraction.dates.zones import TIME_OF_DAY_TEXT

_UNITS: Final[tuple[str, ...]] = (
    "", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
)
_TEENS: Final[tuple[str, ...]] = (
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth",
)


def _ordinal_words() -> dict[str, int]:
    """"first".."thirty-first", written with a hyphen or a space."""
    words: dict[str, int] = {}
    for n, word in enumerate(_UNITS[1:], start=1):
        words[word] = n
    for n, word in enumerate(_TEENS, start=10):
        words[word] = n
    words["twentieth"] = 20
    words["thirtieth"] = 30
    for tens_value, tens in ((20, "twenty"), (30, "thirty")):
        for n, unit in enumerate(_UNITS[1:], start=1):
            if tens_value + n > 31:
                break
            words[f"{tens}-{unit}"] = tens_value + n
            words[f"{tens} {unit}"] = tens_value + n
    return words


ORDINAL_WORDS: Final[dict[str, int]] = _ordinal_words()
"""Ordinal words a day of the month can be written as."""

NUMBER_WORDS: Final[dict[str, int]] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "ninety": 90, "hundred": 100, "a hundred": 100,
    "a couple of": 2, "couple of": 2, "a couple": 2, "couple": 2,
}
"""Counts that appear in relative expressions ("three days ago")."""


def count_of(raw: str) -> int | None:
    """A count written in digits or as a word ("3", "three", "a couple of"); None otherwise."""
    return int(raw) if raw.isdigit() else NUMBER_WORDS.get(raw)


DECADE_WORDS: Final[dict[str, int]] = {
    "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
    "seventies": 70, "eighties": 80, "nineties": 90, "noughties": 0,
}

SEASONS: Final[dict[str, int]] = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
"""Meteorological (northern) seasons: the month each starts in."""

QUARTER_WORDS: Final[dict[str, int]] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "final": 4, "last": 4,
}

MDY_LOCALES: Final[frozenset[str]] = frozenset({"en-us", "en_us", "us", "en-ph", "en_ph"})
"""Locales that write numeric dates month first; every other explicit locale is day first."""

FUTURE_WORDS: Final[frozenset[str]] = frozenset(
    {"expect", "due", "schedule", "plan", "set", "intend",
     "going", "upcoming", "forthcoming", "slate"}
)
"""Lemmas that put the governing predicate in the future ("is due to", "expected to")."""

# --- text normalisation -------------------------------------------------------------------

_WD_ALT = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_MON_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
WD_ALT: Final[str] = _WD_ALT
MON_ALT: Final[str] = _MON_ALT

ORDINAL_SUFFIX: Final[str] = r"(?:st|nd|rd|th|is|er|re|º|ª)"
"""Correct English suffixes plus the translation artefacts seen in copy ("3is", "1er")."""

MALFORMED_ORDINAL_RE: Final[re.Pattern[str]] = re.compile(
    rf"\b(?P<day>[0-3]?\d)(?P<suf>{ORDINAL_SUFFIX})(?![a-z])", re.IGNORECASE
)

# --- candidate patterns over the source text ---------------------------------------------

# Longest first; words of one length alphabetically, so that the pattern's text is the same in
# every process (a set's order is not), which the table cache of compiled patterns keys on.
_CAP_WD = "|".join(
    sorted({w.capitalize() for w in WEEKDAYS} | {w.upper() for w in WEEKDAYS}, key=lambda w: (-len(w), w))
)
_CAP_MON = "|".join(
    sorted({m.capitalize() for m in MONTHS} | {m.upper() for m in MONTHS}, key=lambda m: (-len(m), m))
)
_DAY = rf"[0-3]?\d{ORDINAL_SUFFIX}?"
_ORD_WORDS = "|".join(
    sorted((w.replace(" ", r"\s+") for w in ORDINAL_WORDS), key=len, reverse=True)
)
_YEAR = r"(?:1[5-9]\d\d|20\d\d|21\d\d)"
_CLOCK = cued(Cue.DIGIT, TIME_OF_DAY_TEXT)
"""A clock time with its zone and conversion: "03:17 GMT-3", "3 p.m.", "21:05 local time (1905 GMT)"."""
_CANDIDATE_SPECS = (
    # weekday, day [month] [year]: "this Friday, 7", "Monday, 24", "Friday 7is March"
    cued(Cue.WEEKDAY,
        rf"\b(?:(?:this|last|next|This|Last|Next)\s+)?(?:{_CAP_WD})\.?,?\s+(?:the\s+)?"
        rf"{_DAY}(?![\d%:.,]\d)(?:\s+(?:of\s+)?(?:{_CAP_MON})\.?(?:,?\s+{_YEAR})?)?(?![\w%])"
    ),
    # weekday, month day[, year]: "Tuesday, Feb. 1, 2022"
    cued(Cue.WEEKDAY,
        rf"\b(?:{_CAP_WD})\.?,?\s+(?:{_CAP_MON})\.?\s+{_DAY}(?:,?\s+{_YEAR})?(?![\w%])"
    ),
    # day month [year]: "7 March 2025", "7is March", "the 2nd of May"
    cued(Cue.MONTH, rf"(?<![$€£] )(?<![$€£])\b{_DAY}\s+(?:of\s+)?(?:{_CAP_MON})\b\.?(?:,?\s+{_YEAR})?(?![\w%])"),
    # month day[, year]: "Jan. 9", "March 7, 2025"
    cued(Cue.MONTH, rf"\b(?:{_CAP_MON})\.?\s+{_DAY}(?![\d%:]|\.\d)(?:,?\s+{_YEAR})?(?![\w%])"),
    # ordinal word day: "the twenty-first of March"
    cued(Cue.MONTH,
        rf"\b(?:{_ORD_WORDS})\s+(?:of\s+)?(?:{_CAP_MON})\b\.?(?:,?\s+{_YEAR})?(?![\w%])",
        re.IGNORECASE,
    ),
    # quarters: "Q4 2021", "2021 Q4"
    cued(Cue.LONG_NUMBER, rf"\bQ[1-4]\s+{_YEAR}\b|\b{_YEAR}\s+Q[1-4]\b"),
    # ISO date, optionally with a time and zone
    cued(Cue.LONG_NUMBER,
        r"\b\d{4}-[01]\d-[0-3]\d(?:[T ][0-2]\d:[0-5]\d(?::[0-5]\d)?(?:Z|[+\-][0-2]\d:?\d\d)?)?"
        r"(?![\w-])"
    ),
    # numeric day/month/year in either order: "06/07/2023", "6.7.23"
    cued(Cue.JOINED_NUMBERS, r"(?<![\w/.\-])[0-3]?\d([/.\-])[0-3]?\d\1(?:\d{4}|\d{2})(?![\w/]|\.\d)"),
    _CLOCK,
    # bare day after "on the": "on the 10th"
    cued(Cue.DIGIT,
        r"\b[Oo]n the (?P<d>[0-3]?\d(?:st|nd|rd|th))\b"
        r"(?!\s+(?!(?:of|and|or|at|in|to|when|with|as)\b)[a-z])"
    ),
    # an offset from the event named before: "a fortnight earlier", "two weeks later"
    cued(Cue.DISTANCE,
        r"\b(?:[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|\d{1,2})"
        r"\s+(?:days?|weeks?|fortnights?|months?|years?)\s+(?:earlier|later)\b(?!\s+than\b)"
    ),
    # a year after a preposition: "in 2014", "since 1997"
    cued(Cue.LONG_NUMBER,
        r"\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Ff]rom|[Dd]uring|[Bb]efore|[Aa]fter|of|till|through|"
        r"(?:[Ll]ater|[Ee]arlier)\s+than)"
        rf"\s+(?P<d>{_YEAR})\b(?![\-/.,]\d|%|\s*(?:per\s?cent|percent))"
    ),
)
CANDIDATE_PATTERNS: Final[tuple[CuedPattern, ...]] = compile_cued(_CANDIDATE_SPECS)
"""Expressions the statistical NER splits or misses; matched on the raw text.

Where a pattern has a group ``d``, that group is the date; the rest is context."""

TIME_OF_DAY_RE: Final[re.Pattern[str]] = CANDIDATE_PATTERNS[_CANDIDATE_SPECS.index(_CLOCK)].regex
"""A time of day ("19.25 BST", "8.25 p.m."), as `TIME_OF_DAY_TEXT`; the candidate pattern itself, behind its
guard (which changes no match), so the long pattern is compiled once."""

TIME_RE: Final[re.Pattern[str]] = re.compile(
    r"(?P<h>[012]?\d)(?:[:.](?P<m>[0-5]\d))?\s*(?P<ap>[ap])?\.?\s?(?:m\.?)?"
    r"(?P<zone>\s*\(?(?:utc|gmt)\s*(?P<sign>[+\-−])\s*(?P<oh>\d{1,2})(?::?(?P<om>\d\d))?\)?"
    r"|\s*\(?[a-z]{1,4}\)?)?$"
)

CONNECTOR_RE: Final[re.Pattern[str]] = re.compile(r"^\s*(?:,|\bon\b|\bof\b|,\s*on\b|\bat\b)?\s*$")
"""What may stand between a clock time and the date it belongs to."""

AGE_RE: Final[re.Pattern[str]] = re.compile(
    r"\d+\s*-?\s*(?:year|month|week|day)s?\s*-?\s*old|\baged?\s+\d|\bages?\s+of\b"
    r"|\b\d+\s*-?\s*years?\s*-?\s*of\s*age",
    re.IGNORECASE,
)
AGE_CONTEXT_RE: Final[re.Pattern[str]] = re.compile(
    r"(?:\baged?|\bages?\s+of)\s*$", re.IGNORECASE
)
"""The words before a number that make it an age, not a date."""

DATELINE_PREFIX_RE: Final[re.Pattern[str]] = re.compile(
    r"^\W*(?:date(?:d|line)?|published(?:\s+on)?|updated(?:\s+on)?|last\s+updated|"
    r"first\s+published|posted(?:\s+on)?|modified|pub(?:lication)?\s+date)\s*[:\-–—|]?\s*$",
    re.IGNORECASE,
)
"""The start of a line that makes the date after it the publication date."""
