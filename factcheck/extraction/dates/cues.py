"""Where a date can be: the kinds of word each date pattern cannot match without.

About eighty case-insensitive patterns read the raw text beside the NER.
Scanning all of them over whole texts cost a fifth of the NLP time, and one
window around any digit or time word covers almost all of a news story, since
figures are everywhere.  So each pattern declares the kinds of word its every
match contains (a month name, a weekday, a digit, ...) and visits only the
stretches around words of those kinds: a month-led pattern never reads a
paragraph without a month in it.

The declarations are checked, not trusted: ``tests/test_date_cues.py`` runs
every pattern over the conformance sentences, the seeds and a generated corpus
both ways, windowed and over the whole text, and requires the same matches.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import Final

from factcheck.calendar_words import MONTHS, WEEKDAY_NAMES, WEEKDAYS
from factcheck.extraction.dates import lexicon as lex
from factcheck.extraction.dates.holidays import HOLIDAYS, US_HOLIDAYS
from factcheck.extraction.dates.types import Cue, CuedPattern

_WORD_RE: Final[re.Pattern[str]] = re.compile(r"[^\W\d_]+")

_GENERIC_HOLIDAY_WORDS: Final[frozenset[str]] = frozenset(
    {"day", "days", "eve", "new", "year", "years", "s", "saint", "st", "the", "of", "international"}
)


def _holiday_words() -> frozenset[str]:
    """The distinctive words of each holiday name (all its words when none is distinctive).

    Names match with or without their apostrophe ("St Patrick's", "St Patricks"),
    so both spellings of each word are kept.
    """
    words: set[str] = set()
    for name in (*HOLIDAYS, *US_HOLIDAYS):
        tokens = {t for spelling in (name, name.replace("'", "")) for t in _WORD_RE.findall(spelling.lower())}
        distinctive = tokens - _GENERIC_HOLIDAY_WORDS
        words |= distinctive or tokens
    return frozenset(words)


_COMMON_HOLIDAY_WORDS: Final[frozenset[str]] = frozenset({*_GENERIC_HOLIDAY_WORDS, *MONTHS, *WEEKDAYS})
"""Words too common to stand for a holiday: "s" of "New Year's", "Friday" of "Good Friday"."""


def _holiday_stand_in(spelling: str) -> str:
    """The one word that stands for a spelling of a holiday name: its longest uncommon word.

    A name of common words only ("New Year's Eve") is stood for by its first.
    Every match of a holiday pattern holds a whole spelling, so it holds this
    word; one word a name keeps the windows to the few places a holiday is named.
    """
    words: list[str] = _WORD_RE.findall(spelling.lower())
    uncommon = [w for w in words if w not in _COMMON_HOLIDAY_WORDS]
    return max(uncommon, key=lambda w: (len(w), w)) if uncommon else words[0]


def _holiday_stand_ins() -> frozenset[str]:
    """The stand-in word of each holiday name, in each of its spellings (with and without the apostrophe)."""
    return frozenset(
        _holiday_stand_in(spelling) for name in (*HOLIDAYS, *US_HOLIDAYS) for spelling in (name, name.replace("'", ""))
    )


_DIGIT_RE: Final[re.Pattern[str]] = re.compile(r"\d+")

_UNIT_WORDS: Final[tuple[str, ...]] = (
    "day", "days", "week", "weeks", "weekend", "weekends", "fortnight", "fortnights",
    "month", "months", "year", "years", "quarter", "quarters", "decade", "decades",
    "century", "centuries",
)  # fmt: skip
_ANCHOR_WORDS: Final[tuple[str, ...]] = ("now", "today", "tonight", "tomorrow", "tmrw", "tmr", "yesterday")
_DISTANCE_WORDS: Final[tuple[str, ...]] = ("ago", "hence", "later", "earlier")
_NUMBER_WORDS: Final[frozenset[str]] = frozenset(
    {t for word in (*lex.ORDINAL_WORDS, *lex.NUMBER_WORDS) for t in _WORD_RE.findall(word)}
    - {"a", "an", "of", "couple"}
)

WORD_CUES: Final[dict[str, Cue]] = {}
"""Lower-cased word -> the kinds of date word it is (a word can be several: "second", "march").

Every word of a holiday name counts as a holiday word here; the selective
parser parses the sentences that hold any of these words
(`factcheck.extraction.selective_parser`).
"""

for _cue, _words in (
    (Cue.MONTH, MONTHS),
    (Cue.WEEKDAY, (*WEEKDAYS, *(f"{name.lower()}s" for name in WEEKDAY_NAMES))),
    (Cue.NUMBER, _NUMBER_WORDS),
    (Cue.UNIT, _UNIT_WORDS),
    (Cue.ANCHOR, _ANCHOR_WORDS),
    (Cue.SEASON, lex.SEASONS),
    (Cue.DECADE, lex.DECADE_WORDS),
    (Cue.HOLIDAY, _holiday_words()),
):
    for _word in _words:
        WORD_CUES[_word] = WORD_CUES.get(_word, Cue(0)) | _cue

SCAN_CUES: Final[dict[str, Cue]] = {word: cues & ~Cue.HOLIDAY for word, cues in WORD_CUES.items()}
"""Lower-cased word -> the cues the pattern scan finds it as: `WORD_CUES` narrowed and extended.

A holiday is found by one word of its name, not by every word ("New", not
"Year's" or "Day"; "Good", not "Friday"): the common words of holiday names
made windows around most of a news story.  The words that place a counted
stretch in time ("ago", "later") are cues of the patterns that need them.
"""
for _word in _holiday_stand_ins():
    SCAN_CUES[_word] = SCAN_CUES.get(_word, Cue(0)) | Cue.HOLIDAY
for _word in _DISTANCE_WORDS:
    SCAN_CUES[_word] = SCAN_CUES.get(_word, Cue(0)) | Cue.DISTANCE
for _word in [word for word, cues in SCAN_CUES.items() if not cues]:
    del SCAN_CUES[_word]

CUE_MARGIN: Final[int] = 96
"""Characters searched on each side of a cue; longer than any date expression."""

_BREAK_RE: Final[re.Pattern[str]] = re.compile(r"[.!?](?=\s)|\n")


@dataclass
class CueWindows:
    """The cue words of one text, and the windows around each combination of kinds."""

    text: str
    positions: dict[Cue, list[tuple[int, int]]]
    _windows: dict[Cue, list[tuple[int, int]]] = field(default_factory=dict)

    def windows(self, cues: Cue) -> list[tuple[int, int]]:
        """Merged stretches of text around every cue of the given kinds."""
        found = self._windows.get(cues)
        if found is None:
            spots = sorted(spot for cue in cues for spot in self.positions.get(cue, ()))
            found = self._windows[cues] = _merge_windows(self.text, spots)
        return found

    def matches(self, pattern: CuedPattern) -> list[tuple[int, int]]:
        """The pattern's matches (group ``d`` when it has one), found in its windows only.

        The whole string stays visible to anchors and lookbehinds.
        """
        regex = pattern.regex
        group = "d" if "d" in regex.groupindex else 0
        spans = {
            m.span(group) for start, end in self.windows(pattern.cues) for m in regex.finditer(self.text, start, end)
        }
        return sorted(spans)


_DECADE_TAIL_RE: Final[re.Pattern[str]] = re.compile(r"\s?'?s")
""""1990s", "90 s", "the 80's": what follows the number of a decade."""


def _number_cues(text: str, runs: list[tuple[int, int]]) -> dict[Cue, list[tuple[int, int]]]:
    """The digit runs of the kinds some patterns cannot match without, read off the runs themselves.

    Figures are everywhere in news, so windows around every digit cover half a
    story; a year-shaped pattern needs four digits in a row, a numeric date two
    numbers joined by "/", "." or "-", a decade a number in 0 followed by "s".
    """
    long_numbers = [run for run in runs if run[1] - run[0] >= 4]
    joined = [
        (first[0], second[1])
        for first, second in itertools.pairwise(runs)
        if second[0] == first[1] + 1 and text[first[1]] in "/.-"
    ]
    decades = [run for run in runs if text[run[1] - 1] == "0" and _DECADE_TAIL_RE.match(text, run[1])]
    return {Cue.LONG_NUMBER: long_numbers, Cue.JOINED_NUMBERS: joined, Cue.DECADE_NUMBER: decades}


def find_cues(text: str) -> CueWindows:
    runs = [m.span() for m in _DIGIT_RE.finditer(text)]
    positions: dict[Cue, list[tuple[int, int]]] = {Cue.DIGIT: runs, **_number_cues(text, runs)}
    lookup = SCAN_CUES.get
    for match in _WORD_RE.finditer(text):
        cues = lookup(match.group().lower())
        if cues is not None:
            span = match.span()
            for cue in cues:
                positions.setdefault(cue, []).append(span)
    return CueWindows(text, positions)


def _merge_windows(text: str, spots: list[tuple[int, int]]) -> list[tuple[int, int]]:
    windows: list[tuple[int, int]] = []
    searched_from = -1  # where the last search for a break began, and what it found
    stop: re.Match[str] | None = None
    for cue_start, cue_end in spots:
        start = max(0, cue_start - CUE_MARGIN)
        if windows and cue_end + CUE_MARGIN <= windows[-1][1]:
            continue
        # End at a sentence or line break, so a pattern's "$" or look-ahead
        # never takes the window's edge for the end of the text.  A search from
        # a later point finds the same break while it lies ahead (or none when
        # none was left): text without breaks is then read once, not once per cue.
        since = min(len(text), cue_end + CUE_MARGIN)
        if not (0 <= searched_from <= since and (stop is None or stop.start() >= since)):
            stop = _BREAK_RE.search(text, since)
            searched_from = since
        end = stop.end() if stop else len(text)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], end))
        else:
            windows.append((start, end))
    return windows
