"""What the sentences around claims say: the names in each, the years they state, their words.

Two figures state the same fact more surely when their sentences share
words and names; a figure in a sentence about another year states a fact of
another time.  These indexes are built once per cluster, per sentence, so
every check reads them without comparing sentences pairwise.
"""

from __future__ import annotations

import functools
import re

from factcheck.claims import DateClaim, QuantityClaim
from factcheck.stop_words import english_stop_words

SentenceSets = dict[str, dict[int, set[str]]]
"""Something about each sentence (names, years), by source id, then sentence offset.

Nested rather than keyed by (source, offset): claims come in source order,
so the small per-source dicts stay in the CPU caches where one table of a
large cluster's sentences would not."""

NOTHING: frozenset[str] = frozenset()


def in_sentence(sets: SentenceSets, claim: DateClaim | QuantityClaim) -> set[str] | frozenset[str]:
    of_source = sets.get(claim.source)
    return NOTHING if of_source is None else of_source.get(claim.sentence_start, NOTHING)


_WORD = re.compile(r"[^\W\d_]{3,}")
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")


@functools.lru_cache(maxsize=65536)
def sentence_words(sentence: str) -> frozenset[str]:
    """The content words of a sentence, lower-cased: no stop words, numbers or short words."""
    stop = english_stop_words()
    return frozenset(w for w in (m.group().casefold() for m in _WORD.finditer(sentence)) if w not in stop)


def overlap(a: str, b: str, leave_out: frozenset[str] = NOTHING) -> float:
    """How much two sentences share: common content words over those of the shorter, 0 to 1.

    ``leave_out`` are words that would make any two sentences about the
    thing measured look alike (the counted noun itself).
    """
    words_a = sentence_words(a) - leave_out
    words_b = sentence_words(b) - leave_out
    if not words_a or not words_b:
        return 0.0
    return len(words_a & words_b) / min(len(words_a), len(words_b))


def stated_years(claim: DateClaim) -> set[str]:
    """The years a date claim writes out ("in March 2019" -> 2019), not those it infers."""
    return set(_YEAR.findall(claim.text)) if claim.value else set()


def line_of(claim: DateClaim | QuantityClaim) -> tuple[str, int] | None:
    """The line of its sentence a claim stands on, and where that line begins in the sentence.

    A page stamp ("Updated: 2 March 2023, 11:20") is a line of its own.  None
    when the claim's offsets do not fall in its sentence.
    """
    at = claim.start - claim.sentence_start
    sentence = claim.sentence
    if not 0 <= at <= len(sentence):
        return None
    begin = sentence.rfind("\n", 0, at) + 1
    end = sentence.find("\n", at)
    return sentence[begin : end if end >= 0 else len(sentence)], begin
