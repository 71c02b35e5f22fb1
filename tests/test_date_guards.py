"""The first-character guards in front of the date patterns change no match.

Every date pattern is compiled behind a look-ahead for the characters its
matches can begin with (`factcheck.extraction.dates.guards`), which makes a
scan skip most positions at once.  Here each pattern runs with and without
its guard, over the whole text, on the conformance sentences, the seeds and
generated text, and must find the same matches; and the guard computation
itself is checked on small patterns whose first characters are known.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extraction.dates import extract, grammar, news
from factcheck.extraction.dates import lexicon as lex
from factcheck.extraction.dates.cues import WORD_CUES
from factcheck.extraction.dates.guards import first_character_class, guarded_specs, with_guard
from factcheck.extraction.dates.types import CuedPattern

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "tests/data/conformance/recognizers-text/Specs/DateTime/English"
ALL_PATTERNS: tuple[CuedPattern, ...] = (*lex.CANDIDATE_PATTERNS, *grammar.PATTERNS, *grammar.DAY_PATTERNS)
_GUARD_RE = re.compile(r"\(\?=(\[[^\]]*(?:\\\][^\]]*)*\])\)\(\?:")


def _unguarded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern as written in the grammar: its guard (when it has one) taken off."""
    guard = _GUARD_RE.match(pattern.pattern)
    if guard is None:
        return pattern
    assert pattern.pattern.endswith(")")
    return re.compile(pattern.pattern[guard.end() : -1], pattern.flags)


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int, int, int]]:
    group = "d" if "d" in pattern.groupindex else 0
    return [(*m.span(), *m.span(group)) for m in pattern.finditer(text)]


def _disagreements(texts: list[str]) -> list[str]:
    problems: list[str] = []
    plain = [(p.regex, _unguarded(p.regex)) for p in ALL_PATTERNS]
    for text in texts:
        for guarded, unguarded in plain:
            if _spans(guarded, text) != _spans(unguarded, text):
                problems.append(f"{unguarded.pattern[:60]!r} differs on {text[:120]!r}")
    return problems


def test_most_patterns_have_a_guard() -> None:
    guarded = [p for p in ALL_PATTERNS if _GUARD_RE.match(p.regex.pattern)]
    assert len(guarded) >= len(ALL_PATTERNS) * 0.9


def test_every_spec_sentence_matches_the_same_with_and_without_the_guards() -> None:
    inputs: list[str] = []
    for path in sorted(SPECS.glob("*.json")):
        inputs.extend(case["Input"] for case in json.loads(path.read_text(encoding="utf-8-sig")) if case.get("Input"))
    assert len(inputs) > 3000
    assert _disagreements(inputs) == []


def test_the_seeds_match_the_same_with_and_without_the_guards() -> None:
    texts = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "seeds").glob("*.txt"))]
    assert texts
    assert _disagreements(texts) == []


_WORDS = [*sorted(WORD_CUES), "the", "of", "on", "in", "from", "to", "and", "between", "this", "week", "ago", "Q3"]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_WORDS),
            st.sampled_from(_WORDS).map(str.upper),
            st.sampled_from(_WORDS).map(str.capitalize),
            st.integers(0, 2100).map(str),
            st.sampled_from(["1st", "22nd", "4/22", "2022-02-01", "10:30", "3 p.m.", "'s", "$", "(", ")"]),
            st.text(alphabet="aeiostqhKk\u212a\u017f 0123456789.,/-:'", max_size=8),
        ),
        max_size=40,
    ).map(" ".join)
)
def test_generated_text_matches_the_same_with_and_without_the_guards(text: str) -> None:
    assert _disagreements([text]) == []


@pytest.mark.parametrize(
    ("pattern", "flags", "guard"),
    [
        (r"\b(?:on|in)\s+\d", re.IGNORECASE, "[io]"),
        (r"(?<![\w/])[0-3]?\d/", 0, r"[0-3\d]"),
        (r"\b(?:the\s+)?(?:first|\d+)", re.IGNORECASE, r"[\dft]"),
        (r"(?:x|y)?z", re.IGNORECASE, "[xyz]"),
    ],
)
def test_the_guard_holds_every_first_character(pattern: str, flags: int, guard: str) -> None:
    assert first_character_class(pattern, flags) == guard


@pytest.mark.parametrize(
    ("pattern", "flags"),
    [
        (r"\b(?:on)?", re.IGNORECASE),  # can match nothing
        (r"\b.x", 0),  # any character first
        (r"\b[^a]x", 0),  # a negated set
        (r"\b(?i:may)", 0),  # case-insensitive inside a case-sensitive pattern
        (r"(a)?\1", re.IGNORECASE),  # a back-reference may come first
        ("abc", 0),  # a literal first: the engine's own prefix search does better
        (r"(?i)\bon\s+\d", 0),  # global flags must stay first
    ],
)
def test_no_guard_where_the_first_character_is_not_known(pattern: str, flags: int) -> None:
    assert first_character_class(pattern, flags) is None
    assert with_guard(pattern, flags) == pattern


def test_a_guarded_alternation_keeps_both_branches_behind_the_guard() -> None:
    guarded = re.compile(with_guard(r"\bab|\bcd", re.IGNORECASE), re.IGNORECASE)
    assert [m.group() for m in guarded.finditer("ab cd xcd")] == ["ab", "cd"]


def test_guarded_specs_keep_the_flags_and_the_order() -> None:
    specs = [(r"\bon\s+\d", re.IGNORECASE), (r"\bx", 0)]
    assert guarded_specs(specs) == [(with_guard(p, f), f) for p, f in specs]


_WHOLE_TEXT_PATTERNS = [news._MARKET_DAY_RE, extract._NOW_RE]
_WHOLE_TEXT_WORDS = [
    *("on", "the", "day", "closed", "ending", "for", "over", "now", "current", "date", "Now", "DAY", "THE"),
    *("at", "higher", ".", ",", "shares", "1%", "\n", "x", "once", "cNow", "dayx"),
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(_WHOLE_TEXT_WORDS),
        max_size=30,
    ).map(" ".join)
)
def test_the_whole_text_scans_match_the_same_with_and_without_their_guards(text: str) -> None:
    for guarded in _WHOLE_TEXT_PATTERNS:
        assert _GUARD_RE.match(guarded.pattern)
        assert _spans(guarded, text) == _spans(_unguarded(guarded), text)
