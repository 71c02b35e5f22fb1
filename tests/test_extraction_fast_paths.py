"""The cheaper scans of quantities and names give exactly what the plain scans they replace gave.

Each reference below is the earlier code, kept here as the specification:
spelled numbers read token by token over every token made at once, units
tried pattern by pattern, glued names looked for in every token.
"""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from factcheck.extraction.entities import _CAMEL, _may_split, _maybe_glued
from factcheck.extraction.quantities import spelled_numbers
from factcheck.extraction.quantities.lexicon import UNIT_PATTERNS, UnitGap, UnitPattern, is_unit_text, unit_at_start
from factcheck.extraction.quantities.number_words import SCALE_WORDS, NumberKind, NumberMatch
from factcheck.extraction.quantities.spelled_numbers import (
    _HALF_SCALE,
    _HALF_UNIT,
    _JOIN_GAP,
    _STARTERS,
    _TOKEN,
    _glued_left,
    _read_spelled,
    _Tok,
    word_matches,
)
from factcheck.names.forms import name_words


def _reference_word_matches(text: str, *, ratios: bool = False) -> list[NumberMatch]:
    toks: list[_Tok] = []
    prev_end: int | None = None
    for m in _TOKEN.finditer(text):
        joined = prev_end is not None and bool(_JOIN_GAP.fullmatch(text[prev_end : m.start()]))
        toks.append(_Tok(m.group().lower(), m.start(), m.end(), joined))
        prev_end = m.end()
    out: list[NumberMatch] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if not (t.low in _STARTERS or t.is_digits) or _glued_left(text, t):
            i += 1
            continue
        read = _read_spelled(toks, i, ratios=ratios)
        if read is None:
            i += 1
            continue
        value, end, scale, is_fraction = read
        s, e = toks[i].start, toks[end - 1].end
        kind: NumberKind = "fraction" if is_fraction else "words"
        out.append(NumberMatch(s, e, text[s:e], kind, value, scale=scale))
        i = end
    for m in _HALF_SCALE.finditer(text):
        size = 12.0 if m.group(1).lower() == "dozen" else SCALE_WORDS[m.group(1).lower()]
        out.append(NumberMatch(m.start(), m.end(), m.group(), "words", size / 2, scale=size))
    for m in _HALF_UNIT.finditer(text):
        out.append(NumberMatch(m.start(), m.end(), m.group(), "words", 0.5))
    return out


_NUMBER_WORDS = [
    "a", "an", "A", "One", "two", "TWENTY", "three", "hundred", "thousand", "million", "billion", "dozen",
    "half", "quarter", "third", "thirds", "fifth", "first", "and", "&", "point", "five", "zero", "minus",
    "over", "out", "of", "-", "–", ",", "5", "12", "3.5", "1,000", "x", "someone", "troops", "km", "the",
    "seventy", "nine", "negative", "fourths", "per", "cent",
]  # fmt: skip
_GAPS = ["", " ", " ", "  ", "\n", "\u00a0", "\t", "-", ". ", ", ", "x"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_NUMBER_WORDS), st.sampled_from(_GAPS)), max_size=30), st.booleans())
@example([("two", " "), ("hundred", " "), ("and", " "), ("a", " "), ("half", " "), ("million", "")], False)
@example([("a", " "), ("a", " "), ("dozen", " "), ("one", " "), ("over", " "), ("three", "")], True)
def test_spelled_numbers_read_from_lazy_tokens_are_those_read_from_all_tokens(
    parts: list[tuple[str, str]], ratios: bool
) -> None:
    text = "".join(word + gap for word, gap in parts)
    assert word_matches(text, ratios=ratios) == _reference_word_matches(text, ratios=ratios)


def test_the_lazy_tokens_behave_as_a_list_of_every_token() -> None:
    text = "Some 2,500 people - and a half - fled.\nTwo  hundred\u00a0more"
    lazy = spelled_numbers._Tokens(text)
    eager = [lazy[k] for k in range(len(lazy))]
    assert [lazy[k] for k in range(-len(lazy), 0)] == eager
    assert list(lazy) == eager
    assert lazy[1:4] == eager[1:4]
    assert [t.low for t in eager][:4] == ["some", ",", "500", "people"]  # "2," is no token


def _reference_unit(body: str, gap: UnitGap) -> tuple[UnitPattern, str] | None:
    for up in UNIT_PATTERNS:
        if gap == "hyphen" and not up.hyphen_ok:
            continue
        if up.symbol and gap in ("space after words", "hyphen"):
            continue
        if up.glued_only and gap != "none":
            continue
        m = up.pattern.match(body)
        if m is not None:
            return up, m.group()
    return None


_UNIT_BITS = [
    "km", "KM", "Km", "km/h", "kph", "mph", "m", "M", "C", "F", "kg", "lb", "lbs", "pounds", "euros", "EUR",
    "usd", "per", "cent", "percent", "%", "square", "sq.", "miles", "hectares", "ha", "points", "basis",
    "percentage", "degrees", "Celsius", "°C", "²", "2", "3", "^", "hours", "MW", "megawatt", "Kelvin", "K",
    "tonnes", "t", "troops", "people", "x", "",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_UNIT_BITS), st.sampled_from(["", " ", "-", ".", ")", "\n"])), max_size=5))
@example([("km", "/"), ("h", "")])
@example([("K", " ")])
def test_the_unit_regex_takes_the_first_allowed_pattern_that_matches(parts: list[tuple[str, str]]) -> None:
    body = "".join(word + gap for word, gap in parts)
    gaps: list[UnitGap] = ["hyphen", "space", "space after words", "none"]
    for gap in gaps:
        assert unit_at_start(body, gap) == _reference_unit(body, gap), (body, gap)
    assert is_unit_text(body) == any(up.pattern.fullmatch(body) for up in UNIT_PATTERNS)


def test_common_units_are_found_by_the_regex_as_by_their_patterns() -> None:
    samples = ["km", "mph", "%", "kg", "percentage points", "basis points", "hectares", "sq km", "MWh", "°C"]
    for sample in samples:
        assert unit_at_start(sample, "none") == _reference_unit(sample, "none")
        assert is_unit_text(sample)


_GLUE_WORDS = [
    "Scholzsaid", "Merkelconfirmed", "warnsMerkel", "saidScholz", "Berlin", "Washington", "ABCDEFG", "Ångström",
    "Bundestag", "the", "said", "ministerKovač", "Okonkwosaid", ".", ",", "\n", "12345678", "Mcdonald",
]  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_GLUE_WORDS), max_size=25).map(" ".join))
def test_glued_names_are_looked_for_in_every_token_that_could_be_one(nlp: Language, text: str) -> None:
    doc = nlp.make_doc(text)
    every = [t.i for t in doc if _may_split(t.text) or _CAMEL.match(t.text)]
    assert [t.i for t in _maybe_glued(doc)] == every


def test_the_remembered_name_words_are_a_fresh_list_each_time() -> None:
    words = name_words("Martin Luther King Jr.")
    words.append("changed")
    assert name_words("Martin Luther King Jr.") == ["martin", "luther", "king"]
