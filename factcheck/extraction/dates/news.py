"""What a news article's wording adds to reading its dates.

"the day" of a market report is the article's day; a weekday that a verb
declares something ("declared Friday a day of mourning") lies ahead; and a
dateline the article states is the day its relative dates are read against.
"""

from __future__ import annotations

import functools
import re
from datetime import date
from typing import Final

from spacy.tokens import Span, Token

from factcheck.calendar_words import WEEKDAYS
from factcheck.claims import DateClaim

__all__ = ["designated", "market_days", "own_dateline"]

_MARKET_DAY_RE: Final[re.Pattern[str]] = re.compile(
    r"\b(?:on|for|ending|ended|ends|end|closing|closed|close|over)\s+(the\s+day)\b(?=\s*(?:[.,;:!?)]|$|"
    r"\s+(?:at|with|on|after|to|and|up|down|higher|lower|unchanged|flat)\b))",
    re.IGNORECASE,
)
""""fell 2% on the day", "ending the day at 4,512": in a market report, the article's own day."""
_MARKET_CUE_RE: Final[re.Pattern[str]] = re.compile(
    r"\d\s*(?:%|per\s?cent\b|percent\b|points?\b|cents?\b|basis\s+points\b)|"
    r"\b(?:shares?|stocks?|index|indices|indexes|futures|bonds?|yields?|trading|traded|markets?|"
    r"currency|exchange\s+rate)\b",
    re.IGNORECASE,
)
_DESIGNATING_VERBS: Final[frozenset[str]] = frozenset(
    {"declare", "proclaim", "designate", "name", "set", "make", "announce", "mark", "fix"}
)
""""declared Friday a day of mourning", "set Thursday as the deadline": the day named is to come."""
_DESIGNATION_AFTER_RE: Final[re.Pattern[str]] = re.compile(r"\s+(?:a|an|as|the)\s", re.IGNORECASE)


@functools.lru_cache(maxsize=4)
def market_days(text: str) -> tuple[tuple[int, int], ...]:
    """ "the day" of a market report's move ("closed 1% higher on the day"): the article's day.

    Asked once per date of an article, so the scan of its text is kept for the next date.
    """
    days: list[tuple[int, int]] = []
    for match in _MARKET_DAY_RE.finditer(text):
        line_start = max(text.rfind(".", 0, match.start()), text.rfind("\n", 0, match.start())) + 1
        stop = [i for i in (text.find(". ", match.end()), text.find("\n", match.end())) if i >= 0]
        if _MARKET_CUE_RE.search(text, line_start, min(stop, default=len(text))):
            days.append(match.span(1))
    return tuple(days)


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
