"""The date patterns only scan text around their cue words: check that this loses nothing.

Each pattern declares the kinds of word every match of it contains
(:class:`factcheck.extraction.dates.types.Cue`).  A wrong declaration would
silently drop dates, so every pattern is run both ways, in its windows and over
the whole text, on every English sentence of the Recognizers-Text date specs
(thousands of date shapes), on the seeds, and on generated text, and the
matches must be the same.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extraction.dates import grammar
from factcheck.extraction.dates import lexicon as lex
from factcheck.extraction.dates.cues import SCAN_CUES, WORD_CUES, find_cues
from factcheck.extraction.dates.holidays import HOLIDAYS, US_HOLIDAYS
from factcheck.extraction.dates.types import Cue, CuedPattern

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "tests/data/conformance/recognizers-text/Specs/DateTime/English"
ALL_PATTERNS: tuple[CuedPattern, ...] = (*lex.CANDIDATE_PATTERNS, *grammar.PATTERNS, *grammar.DAY_PATTERNS)


def _everywhere(pattern: CuedPattern, text: str) -> list[tuple[int, int]]:
    group = "d" if "d" in pattern.regex.groupindex else 0
    return sorted({m.span(group) for m in pattern.regex.finditer(text)})


def _spec_inputs() -> list[str]:
    inputs: list[str] = []
    for path in sorted(SPECS.glob("*.json")):
        inputs.extend(case["Input"] for case in json.loads(path.read_text(encoding="utf-8-sig")) if case.get("Input"))
    return inputs


def _disagreements(texts: list[str]) -> list[str]:
    problems: list[str] = []
    for text in texts:
        cues = find_cues(text)
        for pattern in ALL_PATTERNS:
            windowed = cues.matches(pattern)
            whole = _everywhere(pattern, text)
            if windowed != whole:
                missed = [text[s:e] for s, e in whole if (s, e) not in windowed]
                problems.append(f"{pattern.cues} {pattern.regex.pattern[:60]!r} missed {missed} in {text[:120]!r}")
    return problems


def test_every_spec_sentence_matches_the_same_in_windows_as_in_the_whole_text() -> None:
    texts = _spec_inputs()
    assert len(texts) > 3000
    assert _disagreements(texts) == []


def test_the_seeds_match_the_same_in_windows_as_in_the_whole_text() -> None:
    texts = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "seeds").glob("*.txt"))]
    assert texts
    assert _disagreements(texts) == []


_DATE_WORDS = [
    *sorted(WORD_CUES.keys() | SCAN_CUES.keys()),
    "the", "of", "on", "in", "from", "to", "and", "between", "last", "next", "this",
]
_FILLER = ["said", "troops", "people", "were", "killed", "reported", "police", "Minister", "a", "an", "the"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_DATE_WORDS),
            st.sampled_from(_FILLER),
            st.integers(0, 2100).map(str),
            st.sampled_from(["1st", "22nd", "3rd", "4/22", "2022-02-01", "10:30", "3 p.m.", ",", ".", "-", "/"]),
            st.sampled_from(["1990s", "90 s", "80's", "1980 's", "6.7.23", "10-1-2019", "20170302", "q3", "H2"]),
            st.text(alphabet="abcxyz 0123456789.,/-", max_size=8),
        ),
        max_size=60,
    ).map(" ".join)
)
def test_generated_text_matches_the_same_in_windows_as_in_the_whole_text(text: str) -> None:
    assert _disagreements([text]) == []


@pytest.mark.parametrize("name", sorted({*HOLIDAYS, *US_HOLIDAYS}))
def test_every_holiday_name_is_a_cue(name: str) -> None:
    cues = find_cues(f"We met on {name} and later.")
    assert cues.positions.get(Cue.HOLIDAY), name


def test_a_month_pattern_does_not_read_text_without_a_month() -> None:
    text = "Officials said 4,000 troops " * 40 + "arrived on 3 March."
    cues = find_cues(text)
    month_windows = cues.windows(Cue.MONTH)
    assert len(month_windows) == 1
    assert month_windows[0][1] - month_windows[0][0] < 250
    assert sum(end - start for start, end in cues.windows(Cue.DIGIT)) > len(text) * 0.9


def test_common_words_of_holiday_names_are_no_holiday_cues() -> None:
    # "day", "year", "'s" and "Friday" are in holiday names, but too common to stand for one:
    # each name is stood for by its one uncommon word ("Christmas", "Good", "Patrick")
    text = "On Friday the king's advisers said the day would come within the year. " * 20
    assert find_cues(text).positions.get(Cue.HOLIDAY) is None
    assert find_cues("They met on Good Friday.").positions.get(Cue.HOLIDAY) == [(12, 16)]


def test_a_counted_offset_pattern_reads_only_around_its_distance_and_day_words() -> None:
    offsets = [p for p in grammar.PATTERNS if p.regex.fullmatch("two weeks from now")]
    assert offsets
    text = "Officials said the talks lasted two years and ended on Friday, 4 weeks before the vote. " * 20
    cues = find_cues(text)
    assert all(cues.windows(p.cues) == [] for p in offsets)
    assert all(cues.matches(p) == [] for p in offsets)


def test_the_date_words_stay_every_word_of_every_holiday_name() -> None:
    # the selective parser parses the sentences holding a date word: narrowing the scan's
    # holiday cues to one word a name must not narrow what it parses
    assert {"s", "eve", "year", "friday", "king", "luther"} <= WORD_CUES.keys()
    assert not {"ago", "hence", "later", "earlier"} & WORD_CUES.keys()
    assert all(SCAN_CUES.get(word, Cue(0)) & ~Cue.HOLIDAY == cues & ~Cue.HOLIDAY for word, cues in WORD_CUES.items())


def test_number_cues_are_read_off_the_digit_runs() -> None:
    text = "In 2019, 4/22 and 6.7.23 came; 12 people, the 1990s and 80 's; 3,500 and 10-1."
    cues = find_cues(text)
    spans = {cue: [text[s:e] for s, e in cues.positions[cue]] for cue in (Cue.LONG_NUMBER, Cue.JOINED_NUMBERS)}
    assert spans[Cue.LONG_NUMBER] == ["2019", "1990"]
    assert spans[Cue.JOINED_NUMBERS] == ["4/22", "6.7", "7.23", "10-1"]
    assert [text[s:e] for s, e in cues.positions[Cue.DECADE_NUMBER]] == ["1990", "80"]


def test_a_year_pattern_does_not_read_around_every_figure() -> None:
    text = "Officials said 4,000 troops and 35 tanks moved 12 km. " * 30 + "It began in 2014."
    cues = find_cues(text)
    years = cues.windows(Cue.LONG_NUMBER)
    assert len(years) == 1
    assert years[0][1] - years[0][0] < 250
    assert [text[s:e] for s, e in cues.matches(lex.CANDIDATE_PATTERNS[-1])] == ["2014"]
