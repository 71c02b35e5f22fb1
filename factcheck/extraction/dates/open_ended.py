"""Dates stated as bounds: "after 2018", "no later than March 1", "2012 or later" (TimeML's mod)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from spacy.tokens import Doc

from factcheck.claims import DateMod
from factcheck.extraction.doc_index import doc_text

_MOD_LEADS: Final[dict[str, DateMod]] = {
    "after": "AFTER", "later than": "AFTER",
    "before": "BEFORE", "earlier than": "BEFORE",
    "no later than": "ON_OR_BEFORE", "not later than": "ON_OR_BEFORE", "until": "ON_OR_BEFORE",
    "till": "ON_OR_BEFORE",
    "no earlier than": "ON_OR_AFTER", "not earlier than": "ON_OR_AFTER", "starting": "ON_OR_AFTER",
    "starting on": "ON_OR_AFTER", "starting from": "ON_OR_AFTER", "beginning": "ON_OR_AFTER",
    "beginning on": "ON_OR_AFTER", "beginning from": "ON_OR_AFTER",
}  # fmt: skip
"""Words before a date that make it a bound ("after 2018"), with TimeML's mod for each."""
_MOD_TAILS: Final[dict[str, DateMod]] = {
    "or later": "ON_OR_AFTER", "and later": "ON_OR_AFTER", "or after": "ON_OR_AFTER",
    "and after": "ON_OR_AFTER", "onwards": "ON_OR_AFTER", "onward": "ON_OR_AFTER",
    "or earlier": "ON_OR_BEFORE", "and earlier": "ON_OR_BEFORE", "or before": "ON_OR_BEFORE",
    "and before": "ON_OR_BEFORE",
}  # fmt: skip
"""Words after a date that make it a bound ("2012 or later")."""


def _alternation(phrases: Iterable[str]) -> str:
    return "|".join(p.replace(" ", r"\s+") for p in sorted(phrases, key=len, reverse=True))


_LEAD_INSIDE_RE: Final[re.Pattern[str]] = re.compile(rf"(?P<mod>{_alternation(_MOD_LEADS)})\s+", re.IGNORECASE)
_LEAD_BEFORE_RE: Final[re.Pattern[str]] = re.compile(
    rf"(?<![\w-])(?P<mod>{_alternation(_MOD_LEADS)})\s+(?:the\s+)?$", re.IGNORECASE
)
_TAIL_INSIDE_RE: Final[re.Pattern[str]] = re.compile(rf"\s+(?P<mod>{_alternation(_MOD_TAILS)})$", re.IGNORECASE)
_TAIL_AFTER_RE: Final[re.Pattern[str]] = re.compile(
    # not "2018 or later than 2020", "2015 or after 2018": there the words lead the next date
    rf"\s+(?P<mod>{_alternation(_MOD_TAILS)})\b(?![ \t]+(?:than\b|the\b|\d|(?-i:[A-Z])))", re.IGNORECASE
)
_MOD_WINDOW: Final[int] = 40


def _mod_of(table: dict[str, DateMod], words: str) -> DateMod:
    return table[" ".join(words.lower().split())]


def open_ended(doc: Doc, bounds: tuple[int, int]) -> tuple[DateMod, tuple[int, int], tuple[int, int]] | None:
    """The mod of a date stated as a bound, the date itself, and the whole expression.

    The modifier may already be inside the candidate ("later than 2018", found
    by the NER) or just before or after it ("after" 2018, 2012 "or later").
    """
    text = doc_text(doc)
    start, end = bounds
    core_start, core_end, outer_start, outer_end = start, end, start, end
    mod: DateMod | None = None
    if lead := _LEAD_INSIDE_RE.match(text, start, end):
        mod, core_start = _mod_of(_MOD_LEADS, lead["mod"]), lead.end()
    elif lead := _LEAD_BEFORE_RE.search(text, max(0, start - _MOD_WINDOW), start):
        mod, outer_start = _mod_of(_MOD_LEADS, lead["mod"]), lead.start("mod")
    if tail := _TAIL_INSIDE_RE.search(text, core_start, end):
        mod, core_end = mod or _mod_of(_MOD_TAILS, tail["mod"]), tail.start()
    elif mod is None and (tail := _TAIL_AFTER_RE.match(text, end, min(len(text), end + _MOD_WINDOW))):
        mod, outer_end = _mod_of(_MOD_TAILS, tail["mod"]), tail.end()
    if mod is None or core_start >= core_end:
        return None
    return mod, (core_start, core_end), (outer_start, outer_end)
