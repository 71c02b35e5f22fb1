"""What a news article's wording adds to reading its dates.

"the day" of a market report is the article's day; a weekday that a verb
declares something ("declared Friday a day of mourning") lies ahead; a
date on a "Published:" line or alone on a line at the top is the article's
dateline, and the day its relative dates are read against.
"""

from __future__ import annotations

import bisect
import re
from datetime import date
from typing import Final

from spacy.tokens import Doc, Span, Token

from factcheck.calendar_words import WEEKDAYS
from factcheck.claims import DateClaim
from factcheck.extraction.dates import lexicon as lex
from factcheck.extraction.dates.guards import compile_guarded
from factcheck.extraction.doc_index import doc_text, line_starts

__all__ = ["designated", "is_dateline", "market_days", "market_days_of", "own_dateline"]

_MARKET_DAY_RE: Final[re.Pattern[str]] = compile_guarded(
    r"\b(?:on|for|ending|ended|ends|end|closing|closed|close|over)\s+(the\s+day)\b(?=\s*(?:[.,;:!?)]|$|"
    r"\s+(?:at|with|on|after|to|and|up|down|higher|lower|unchanged|flat)\b))",
    re.IGNORECASE,
)
""""fell 2% on the day", "ending the day at 4,512": in a market report, the article's own day.

Run over every whole text: behind its first-character guard (`factcheck.extraction.dates.guards`)."""
_MARKET_CUE_RE: Final[re.Pattern[str]] = re.compile(
    r"\d\s*(?:%|per\s?cent\b|percent\b|points?\b|cents?\b|basis\s+points\b)|"
    r"\b(?:shares?|stocks?|index|indices|indexes|futures|bonds?|yields?|trading|traded|markets?|"
    r"currency|exchange\s+rate)\b",
    re.IGNORECASE,
)
_SEGMENT_BREAK_RE: Final[re.Pattern[str]] = re.compile(r"[.!?|•·]\s")
_PUBLICATION_SCAN_LINES: Final[int] = 5
"""How many lines from the top a bare date on its own line counts as the dateline."""
_DATELINE_PREFIX_WINDOW: Final[int] = 200
"""Characters before a date read for a dateline's words: far more than "Last updated on: " takes."""
_MARKET_DAYS_KEY: Final[str] = "factcheck_market_days"
_DESIGNATING_VERBS: Final[frozenset[str]] = frozenset(
    {"declare", "proclaim", "designate", "name", "set", "make", "announce", "mark", "fix"}
)
""""declared Friday a day of mourning", "set Thursday as the deadline": the day named is to come."""
_DESIGNATION_AFTER_RE: Final[re.Pattern[str]] = re.compile(r"\s+(?:a|an|as|the)\s", re.IGNORECASE)


def market_days(text: str) -> list[tuple[int, int]]:
    """ "the day" of a market report's move ("closed 1% higher on the day"): the article's day."""
    days: list[tuple[int, int]] = []
    for match in _MARKET_DAY_RE.finditer(text):
        dot = text.rfind(".", 0, match.start())
        line_start = max(dot, text.rfind("\n", dot + 1, match.start())) + 1  # never further back than the dot
        sentence_end = text.find(". ", match.end())
        if sentence_end < 0:
            sentence_end = len(text)
        line_end = text.find("\n", match.end(), sentence_end)  # only up to the sentence's end
        if _MARKET_CUE_RE.search(text, line_start, sentence_end if line_end < 0 else line_end):
            days.append(match.span(1))
    return days


def market_days_of(doc: Doc) -> list[tuple[int, int]]:
    """`market_days` of the document's text, found once per document (each date claim asks)."""
    days: list[tuple[int, int]] | None = doc.user_data.get(_MARKET_DAYS_KEY)
    if days is None:
        days = doc.user_data[_MARKET_DAYS_KEY] = market_days(doc_text(doc))
    return days


def designated(text: str, span: Span, verb: Token | None) -> bool:
    """A weekday named as what a day will be: "declared Friday a day of mourning".

    The verb's tense dates the declaration, not the day: the day named is the next one.
    """
    if verb is None or verb.lemma_.lower() not in _DESIGNATING_VERBS or verb.i != span.start - 1:
        return False
    return span[0].lower_ in WEEKDAYS and _DESIGNATION_AFTER_RE.match(text, span.end_char) is not None


def own_dateline(claims: list[DateClaim]) -> date | None:
    """The day the article's own dateline states, when it states exactly one."""
    days = {c.value for c in claims if c.role == "publication" and c.granularity == "day" and not c.relative}
    if len(days) != 1:
        return None
    (value,) = days
    return date.fromisoformat(value) if value else None


def is_dateline(doc: Doc, start: int, end: int) -> bool:
    """A "Published: ..." / "date 2022-02-02" line, or a date alone on a line near the top.

    Lines are found in the document's line index, not by scanning the text
    around each date, so a source of long lines stays linear.
    """
    text = doc_text(doc)
    starts = line_starts(doc)
    line = bisect.bisect_right(starts, start) - 1
    line_start = starts[line]
    # A dateline's words ("Published:") are short: the segment is read from a bounded window.
    window_start = max(line_start, start - _DATELINE_PREFIX_WINDOW)
    segment = _SEGMENT_BREAK_RE.split(text[window_start:start])[-1]
    if lex.DATELINE_PREFIX_RE.match(segment):
        return True
    if line >= _PUBLICATION_SCAN_LINES:  # as many line breaks before the line as its index
        return False
    following = bisect.bisect_right(starts, end)
    line_end = starts[following] - 1 if following < len(starts) else len(text)
    return text[line_start:line_end].strip(" \t\r.") == text[start:end]
