"""Quantity extraction on the real spaCy pipeline: shapes, nouns, events, noise."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from factcheck.claims import QuantityClaim
from factcheck.extraction.nlp import load_pipeline
from factcheck.extraction.quantities.extract import extract_quantities
from factcheck.extraction.quantities.number_words import VAGUE_MAGNITUDES
from factcheck.extraction.quantities.numbers import (
    find_numbers,
    format_thousands,
    parse_digits,
    parse_fraction,
    parse_number,
    parse_percent,
    parse_vague,
)
from factcheck.extraction.quantities.spelled_numbers import parse_number_words
from factcheck.extraction.quantities.units import _may_open_unit


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def run(nlp: Language, text: str, **kwargs: Any) -> list[QuantityClaim]:
    doc = nlp(text)
    claims = extract_quantities(doc, "src", **kwargs)
    for c in claims:
        assert c.text == text[c.start:c.end]
        assert c.source == "src"
        assert text[c.sentence_start:c.sentence_start + len(c.sentence)] == c.sentence
    return claims


def only(nlp: Language, text: str, **kwargs: Any) -> QuantityClaim:
    claims = run(nlp, text, **kwargs)
    assert len(claims) == 1, [c.text for c in claims]
    return claims[0]


# ----------------------------------------------------------------------------- numbers.py


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("100,000", 100_000),
        ("1,234,567", 1_234_567),
        ("1.5 million", 1_500_000),
        ("4.5bn", 4.5e9),
        ("$4.5B", 4.5e9),
        ("300k", 300_000),
        ("£5m", 5e6),
        ("five", 5),
        ("twenty-three", 23),
        ("one hundred and five", 105),
        ("two million", 2e6),
        ("a dozen", 12),
        ("two dozen", 24),
        ("a thousand", 1000),
        ("half a million", 500_000),
        ("0.3", 0.3),
        ("3,2", 3.2),
        ("€3,2 milliards", 3.2e9),
        ("57.91%", 57.91),
        ("1.000.000", 1_000_000),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["5th", "10am", "1990s", "G7", "Covid-19", "hundreds", "", "x"])
def test_parse_number_rejects(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "locale", "value"),
    [
        ("100,000", None, 100_000),
        ("100,000", "en-GB", 100_000),
        ("100,000", "de", 100.0),
        ("100.000", "de", 100_000),
        ("100.000", "en", 100.0),
        ("100.000", None, 100.0),
        ("1.234,5", None, 1234.5),
        ("1,234.5", "fr", 1234.5),
        ("3,2", "fr", 3.2),
        ("0.125", "de", 0.125),
    ],
)
def test_parse_digits_locale(text: str, locale: str | None, value: float) -> None:
    assert parse_digits(text, locale) == pytest.approx(value)


def test_ambiguous_dot_keeps_thousands_reading() -> None:
    [nm] = find_numbers("100.000")
    assert nm.value == 100.0
    assert nm.thousands_value == 100_000
    assert parse_digits("100.000", prefer_thousands=True) == 100_000


def test_parse_words_stops_at_non_number() -> None:
    assert parse_number_words(["three", "four"]) == (3.0, 1)
    assert parse_number_words(["twenty", "three", "people"]) == (23.0, 2)
    assert parse_number_words(["people"]) is None


@pytest.mark.parametrize(
    ("text", "bounds"),
    [
        ("tens of thousands", (10_000, 100_000, True, False)),
        ("Hundreds", (100, 1_000, True, False)),
        ("dozens", (12, 144, True, False)),
        ("several hundred", (300, 1_000, True, False)),
        ("a couple of", (2, 3, True, True)),
    ],
)
def test_parse_vague(text: str, bounds: tuple[float, float, bool, bool]) -> None:
    assert parse_vague(text) == bounds


def test_vague_table_is_well_formed() -> None:
    for low, high, _, _ in VAGUE_MAGNITUDES.values():
        assert 0 < low < high


@pytest.mark.parametrize(
    ("text", "value"), [("half", 0.5), ("a third", 1 / 3), ("two-thirds", 2 / 3), ("third", None)]
)
def test_parse_fraction(text: str, value: float | None) -> None:
    assert parse_fraction(text) == (None if value is None else pytest.approx(value))


@pytest.mark.parametrize(
    ("text", "value"), [("57.91%", 57.91), ("5 per cent", 5), ("12 percent", 12)]
)
def test_parse_percent(text: str, value: float) -> None:
    assert parse_percent(text) == pytest.approx(value)


@given(st.integers(min_value=0, max_value=10**15))
def test_thousands_round_trip(n: int) -> None:
    assert parse_digits(format_thousands(n)) == n


# ----------------------------------------------------------------------------- claims

QUALIFIED = [
    ("More than 100,000 troops were deployed.", "More than 100,000 troops", 100_000, "more_than",
     (100_000, None, False, True)),
    ("Over 100,000 Russian troops gathered.", "Over 100,000 Russian troops", 100_000, "more_than",
     (100_000, None, False, True)),
    ("About 300 people attended.", "About 300 people", 300, "approximate", (300, 300, True, True)),
    ("Some 40 vehicles were seen.", "Some 40 vehicles", 40, "approximate", (40, 40, True, True)),
    ("An estimated 5,000 residents fled.", "An estimated 5,000 residents", 5000, "approximate",
     (5000, 5000, True, True)),
    ("At least 12 people were hurt.", "At least 12 people", 12, "at_least", (12, None, True, True)),
    ("No fewer than 8 ships sailed.", "No fewer than 8 ships", 8, "at_least",
     (8, None, True, True)),
    ("Fewer than 50 workers stayed.", "Fewer than 50 workers", 50, "less_than",
     (None, 50, True, False)),
    ("Up to 2,000 soldiers may move.", "Up to 2,000 soldiers", 2000, "at_most",
     (None, 2000, True, True)),
    ("Nearly 60 buses arrived.", "Nearly 60 buses", 60, "nearly", (None, 60, True, False)),
    ("Almost 70 flights were cancelled.", "Almost 70 flights", 70, "nearly",
     (None, 70, True, False)),
    ("Just under 90 boats left.", "Just under 90 boats", 90, "nearly", (None, 90, True, False)),
    ("They found 20 or more bodies.", "20 or more bodies", 20, "at_least", (20, None, True, True)),
    ("Over 5,000-plus fans came.", "Over 5,000-plus fans", 5000, "more_than",
     (5000, None, False, True)),
    ("A 100,000-strong force waited.", "100,000-strong force", 100_000, "exact",
     (100_000, 100_000, True, True)),
]


@pytest.mark.parametrize(("text", "expected"), [(c[0], c[1:]) for c in QUALIFIED])
def test_qualifiers(nlp: Language, text: str, expected: tuple[Any, ...]) -> None:
    span, value, qualifier, bounds = expected
    c = only(nlp, text)
    assert (c.text, c.value, c.qualifier) == (span, value, qualifier)
    assert (c.low, c.high, c.low_inclusive, c.high_inclusive) == bounds


RANGES = [
    ("Between 10 and 15 people were hurt.", "Between 10 and 15 people", 10, 15),
    ("Officials counted 20-30 tanks.", "20-30 tanks", 20, 30),
    ("Officials counted 20–30 tanks.", "20–30 tanks", 20, 30),
    ("The convoy had from 40 to 50 trucks.", "from 40 to 50 trucks", 40, 50),
    ("The bill is 3 to 4 million dollars.", "3 to 4 million dollars", 3e6, 4e6),
    ("Between 1 and 2 million people voted.", "Between 1 and 2 million people", 1e6, 2e6),
    ("They saw two or three drones.", "two or three drones", 2, 3),
]


@pytest.mark.parametrize(("text", "span", "low", "high"), RANGES)
def test_ranges(nlp: Language, text: str, span: str, low: float, high: float) -> None:
    c = only(nlp, text)
    assert (c.text, c.qualifier, c.value, c.low, c.high) == (span, "range", None, low, high)
    assert c.low_inclusive and c.high_inclusive


def test_change_is_not_a_range(nlp: Language) -> None:
    claims = run(nlp, "Prices rose from 5 to 10 percent last month.")
    assert [(c.value, c.qualifier, c.unit) for c in claims] == [
        (5, "exact", "percent"), (10, "exact", "percent")
    ]


VAGUE = [
    ("Tens of thousands of people marched.", "Tens of thousands of people", 10_000, 100_000),
    ("Hundreds of soldiers crossed.", "Hundreds of soldiers", 100, 1000),
    ("Thousands fled the city.", "Thousands", 1000, 10_000),
    ("Dozens of homes burned.", "Dozens of homes", 12, 144),
    ("Several hundred protesters gathered.", "Several hundred protesters", 300, 1000),
    ("A few journalists waited.", "A few journalists", 2, 5),
]


@pytest.mark.parametrize(("text", "span", "low", "high"), VAGUE)
def test_vague(nlp: Language, text: str, span: str, low: float, high: float) -> None:
    c = only(nlp, text)
    assert (c.text, c.qualifier, c.value, c.low, c.high) == (span, "vague", None, low, high)


SHAPES = [
    # text, span, value, unit, dimension, noun
    ("They presented three key requirements.", "three key requirements", 3, None, None,
     "requirements"),
    ("Twenty-three sailors were rescued.", "Twenty-three sailors", 23, None, None, "sailors"),
    ("A dozen reporters asked questions.", "A dozen reporters", 12, None, None, "reporters"),
    ("The plan costs 1.5 million euros.", "1.5 million euros", 1.5e6, "EUR", "currency", None),
    ("It signed a $4.5bn contract.", "$4.5bn", 4.5e9, "USD", "currency", "contract"),
    ("The fund holds €3,2 milliards now.", "€3,2 milliards", 3.2e9, "EUR", "currency", None),
    ("A loan of £20 million was agreed.", "£20 million", 2e7, "GBP", "currency", "loan"),
    ("They paid USD 7 million in fees.", "USD 7 million", 7e6, "USD", "currency", None),
    ("Turnout reached 57.91% by noon.", "57.91%", 57.91, "percent", "percent", "Turnout"),
    ("Support fell to 40 per cent there.", "40 per cent", 40, "percent", "percent", None),
    ("The gap is 3 percentage points.", "3 percentage points", 3, "percentage point",
     "percent", "gap"),
    ("After a five-hour meeting they left.", "five-hour", 5, "hour", "duration", "meeting"),
    ("The talks lasted 12 hours.", "12 hours", 12, "hour", "duration", None),
    ("The siege lasted three weeks.", "three weeks", 3, "week", "duration", None),
    ("The column stretched 40 km along the road.", "40 km", 40, "km", "length", None),
    ("Wind reached 90 mph overnight.", "90 mph", 90, "mph", "speed", "Wind"),
    ("Fire burned 300 hectares of forest.", "300 hectares", 300, "hectare", "area", "forest"),
    ("The lake covers 25 square kilometres.", "25 square kilometres", 25, "km2", "area", None),
    ("The crate weighed 20 kg at most.", "20 kg", 20, "kg", "mass", None),
    ("Ships carried 2,000 tonnes of grain.", "2,000 tonnes", 2000, "tonne", "mass", "grain"),
    ("It was 35 degrees Celsius outside.", "35 degrees Celsius", 35, "degC", "temperature", None),
    ("They ran 10km before dawn.", "10km", 10, "km", "length", None),
    ("The park spans 5 sq. km in all.", "5 sq. km", 5, "km2", "area", None),
    ("Two-thirds of the voters agreed.", "Two-thirds", 66.67, "percent", "percent", "voters"),
    ("Some 300k people signed.", "Some 300k people", 3e5, None, None, "people"),
]


@pytest.mark.parametrize(("text", "expected"), [(c[0], c[1:]) for c in SHAPES])
def test_shapes(nlp: Language, text: str, expected: tuple[Any, ...]) -> None:
    span, value, unit, dimension, noun = expected
    c = only(nlp, text)
    assert c.text == span
    assert c.value == pytest.approx(value)
    assert (c.unit, c.dimension, c.noun) == (unit, dimension, noun)


def test_units_in_parentheses_give_two_claims(nlp: Language) -> None:
    claims = run(nlp, "The front line is 100 km (62 miles) long.")
    assert [(c.text, c.value, c.unit) for c in claims] == [
        ("100 km", 100, "km"), ("62 miles", 62, "mile")
    ]


NOUNS_AND_EVENTS = [
    ("At least 12 people were killed in the blast.", "At least 12 people", "people", "people",
     "kill"),
    ("The strike killed 12 civilians overnight.", "12 civilians", "civilians", "civilian", "kill"),
    ("Officials gave a death toll of 1,200 on Friday.", "1,200", "death toll", "toll", "die"),
    ("Troops numbering 100,000 were stationed nearby.", "100,000", "Troops", "troop", "station"),
    ("The shelling injured 30 and damaged homes.", "30", None, None, "injure"),
    ("Russia has deployed 5,000 soldiers.", "5,000 soldiers", "soldiers", "soldier", "deploy"),
    ("The army amassed over 90,000 troops.", "over 90,000 troops", "troops", "troop", "amass"),
    ("Police arrested 40 protesters.", "40 protesters", "protesters", "protester", "arrest"),
    ("The storm left 8 people dead.", "8 people", "people", "people", "die"),
    ("There were 14 deaths last week.", "14 deaths", "deaths", "death", "die"),
    ("Some 60 people were injured.", "Some 60 people", "people", "people", "injure"),
    ("Five soldiers were wounded.", "Five soldiers", "soldiers", "soldier", "wound"),
    ("Ten people are missing.", "Ten people", "people", "people", "miss"),
]


@pytest.mark.parametrize(("text", "expected"), [(c[0], c[1:]) for c in NOUNS_AND_EVENTS])
def test_nouns_and_events(nlp: Language, text: str, expected: tuple[Any, ...]) -> None:
    span, noun, lemma, event = expected
    c = only(nlp, text)
    assert (c.text, c.noun, c.noun_lemma, c.event) == (span, noun, lemma, event)


def test_plain_one_is_a_count(nlp: Language) -> None:
    c = only(nlp, "One soldier was killed at the post.")
    assert (c.value, c.noun, c.event) == (1, "soldier", "kill")


def test_sentence_fields(nlp: Language) -> None:
    text = "The talks ended. Later 40 ships sailed."
    c = only(nlp, text)
    assert c.sentence == "Later 40 ships sailed."
    assert c.sentence_start == text.index("Later")


# ----------------------------------------------------------------------------- locale


@pytest.mark.parametrize(
    ("text", "locale", "value"),
    [
        ("They counted 100.000 troops.", None, 100_000),
        ("They counted 100.000 troops.", "de", 100_000),
        ("They counted 100,000 troops.", "en", 100_000),
        ("They counted 100,000 troops.", None, 100_000),
        ("Inflation was 2,5 percent.", "de", 2.5),
        ("The rate was 100.000 percent.", None, 100.0),
    ],
)
def test_locale(nlp: Language, text: str, locale: str | None, value: float) -> None:
    c = only(nlp, text, locale=locale)
    assert c.value == pytest.approx(value)


# ----------------------------------------------------------------------------- noise

NOISE = [
    "The peninsula was annexed in 2014.",
    "It was the first time in years.",
    "Leaders of the G7 met again.",
    "Covid-19 spread quickly.",
    "He flew on a Boeing 737 that day.",
    "Call +44 20 7946 0958 for details.",
    "Call (555) 123-4567 for details.",
    "It is one of the most tense moments.",
    "One of them refused.",
    "He spoke about one nation's security.",
    "The meeting began at 10:30 a.m. sharp.",
    "He met them at 3 pm.",
    "The 5th brigade moved.",
    "On Tuesday, 1, the talks ended.",
    "Article 5 of the treaty applies.",
    "No one answered.",
]


@pytest.mark.parametrize("text", NOISE)
def test_noise_yields_nothing(nlp: Language, text: str) -> None:
    assert run(nlp, text) == []


def test_excluded_date_spans(nlp: Language) -> None:
    text = "On 12 March 40 tanks crossed."
    date = text.index("12 March")
    claims = run(nlp, text, exclude=[(date, date + len("12 March"))])
    assert [(c.text, c.value) for c in claims] == [("40 tanks", 40)]


def test_year_count_is_kept(nlp: Language) -> None:
    claims = run(nlp, "In 2014 2,000 troops and 1500 vehicles came.")
    assert [c.value for c in claims] == [2000, 1500]


def test_duration_ago_is_a_date(nlp: Language) -> None:
    assert run(nlp, "The war began three years ago.") == []


# ----------------------------------------------------------------------------- properties

_ALPHABET = st.sampled_from(
    [
        *"0123456789 ,.-–%$€£abcdefkmtnoruhsy()+:'\n",
        "one ", "two ", "million ", "hundreds ", "of ", "about ", "km ", "between ", "and ", "to ",
    ]
)


_FIXTURE_OK = [HealthCheck.function_scoped_fixture]


@settings(max_examples=60, deadline=None, suppress_health_check=_FIXTURE_OK)
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_never_raises_and_spans_hold(nlp: Language, text: str) -> None:
    doc = nlp(text)
    for c in extract_quantities(doc, "p"):
        assert c.text == text[c.start:c.end]
        assert 0 <= c.start < c.end <= len(text)


@settings(max_examples=30, deadline=None, suppress_health_check=_FIXTURE_OK)
@given(st.text(max_size=60))
def test_arbitrary_unicode_never_raises(nlp: Language, text: str) -> None:
    doc = nlp(text)
    for c in extract_quantities(doc, "p"):
        assert c.text == text[c.start:c.end]


# ----------------------------------------------------------------------------- wider number reading


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("two thirds", 2 / 3),
        ("three fifths", 0.6),
        ("one hundred thirty-fifths", 100 / 35),
        ("one hundred and thirty fifths", 26),
        ("three twenty-firsts", 3 / 21),
        ("a hundred thousand trillionths", 1e-7),
        ("one and a half", 1.5),
        ("twenty and three fifths", 20.6),
        ("one hundred and three quarters", 100.75),
        ("five and a half million", 5.5e6),
        ("3 million and a half", 3.5e6),
        ("one billion and a quarter million", 1_000_250_000),
        ("two thirds of a million", 2e6 / 3),
        ("half million", 5e5),
        ("half a dozen", 6),
        ("three dozens", 36),
        ("two hundred point zero three", 200.03),
        ("nought point eleven", 0.11),
        ("minus five point five", -5.5),
        ("fifty - two", 52),
        ("two hundred and two thousand", 202_000),
        ("4 thousand 3 hundred and 21", 4321),
        ("13 lakh", 1.3e6),
        ("three lakh crore", 3e12),
        ("12,34,567.89", 1_234_567.89),
        ("1 234 567", 1_234_567),
        (".08", 0.08),
        ("US$ 1MM", 1e6),
        ("2mil", 2e6),
        ("10 tln", 1e13),
        ("½", 0.5),
    ],
)
def test_wider_number_reading(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3 hundred and 2 hundred", [300, 200]),
        ("4000 3 hundred", [4000, 300]),
        ("It was a fifth time.", []),
        ("He met a twenty-first century problem.", []),
        ("On June 5 100 people came.", [5, 100]),
        ("423 0000", [423, 0]),
    ],
)
def test_number_boundaries(text: str, expected: list[float]) -> None:
    assert [n.value for n in find_numbers(text)] == pytest.approx(expected)


def test_number_only_options() -> None:
    assert all(n.kind != "slash" for n in find_numbers("3/4"))
    assert [n.value for n in find_numbers("3/4", slash_fractions=True)] == [0.75]
    assert [n.value for n in find_numbers("2  1/4", slash_fractions=True)] == [2.25]
    assert [n.value for n in find_numbers("-9.5")] == [9.5]
    assert [n.value for n in find_numbers("-9.5", signed=True)] == [-9.5]
    assert [n.value for n in find_numbers("1.3e6", exponents=True)] == [1.3e6]
    assert [n.value for n in find_numbers("one over three", ratios=True)] == [
        pytest.approx(1 / 3)]
    assert [n.value for n in find_numbers("one out of three")] == [1, 3]
    assert [n.value for n in find_numbers("$2000 over 3 years", ratios=True)] == [2000, 3]


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [("£5m", "GBP", 5e6), ("a $4.5bn deal", "USD", 4.5e9), ("C$ 300 million", "CAD", 3e8),
     ("HK$ 10 billion", "HKD", 1e10), ("Mex$ 10 million", "MXN", 1e7)],
)
def test_currency_prefixes(text: str, unit: str, value: float) -> None:
    [nm] = find_numbers(text)
    assert (nm.currency, nm.value) == (unit, pytest.approx(value))


def test_glued_m_is_metres_unless_it_counts() -> None:
    [metres] = find_numbers("I'm 1.8m tall.")
    assert (metres.value, metres.glued_unit) == (1.8, "m")
    [million] = find_numbers("About 5m people voted.")
    assert (million.value, million.glued_unit) == (5e6, None)


COMPARISONS = [
    ("Shares rose more than 10 and less than 20 points.", "more than 10 and less than 20 points",
     "range", (10, 20, False, False)),
    ("At most 100 and at least 20 boats came.", "At most 100 and at least 20 boats", "range",
     (20, 100, True, True)),
    ("The score is greater than or equal to 50.", "greater than or equal to 50", "at_least",
     (50, None, True, True)),
    ("The score is more than 5000 or equal to it.", "more than 5000 or equal to", "at_least",
     (5000, None, True, True)),
    ("They found about 500 or more bodies.", "500 or more bodies", "at_least",
     (500, None, True, True)),
    ("The limit is >= 30 units.", ">= 30 units", "at_least", (30, None, True, True)),
    ("Output is exceeding 150 units.", "exceeding 150 units", "more_than",
     (150, None, False, True)),
    ("The tally is equal to 5000 or less.", "equal to 5000 or less", "at_most",
     (None, 5000, True, True)),
]


@pytest.mark.parametrize(("text", "span", "qualifier", "bounds"), COMPARISONS)
def test_comparisons(
    nlp: Language, text: str, span: str, qualifier: str, bounds: tuple[Any, ...]
) -> None:
    c = only(nlp, text)
    assert (c.text, c.qualifier) == (span, qualifier)
    assert (c.low, c.high, c.low_inclusive, c.high_inclusive) == bounds


def test_suffix_before_another_figure_is_not_taken(nlp: Language) -> None:
    claims = run(nlp, "His score is equal to 5000 or less than 6000.")
    assert [(c.text, c.qualifier) for c in claims] == [
        ("equal to 5000", "exact"), ("less than 6000", "less_than")]


MEASURES = [
    ("The baby is over two pounds.", 2, "lb", "mass"),
    ("Profit rose to 361 million pounds.", 361e6, "GBP", "currency"),
    ("The weight is 20 (kg).", 20, "kg", "mass"),
    ("Walk approximately one-half miles east.", 0.5, "mile", "length"),
    ("He is 5 feet 2 inches.", 5 + 2 / 12, "ft", "length"),
    ("It only cost 3 dollars 50 cents.", 3.5, "USD", "currency"),
    ("It only cost thirteen dollars and forty-five cents.", 13.45, "USD", "currency"),
    ("Temperatures fell to -18 °C overnight.", -18, "degC", "temperature"),
    ("Shares closed down 34 cents.", 34, "cent", "currency"),
    ("A 12-cent dividend was paid.", 12, "cent", "currency"),
    ("It is a 1/4 mile paved oval.", 0.25, "mile", "length"),
    ("Oil output fell by 500,000 barrels.", 500_000, "barrel", "volume"),
    ("The plant makes 7.3 MWh a day.", 7.3, "MWh", "energy"),
    ("The volcano spewed 4 cubic kilometers of ash.", 4, "km3", "volume"),
    ("Prices are 100 percentage higher.", 100, "percent", "percent"),
]


@pytest.mark.parametrize(("text", "value", "unit", "dimension"), MEASURES)
def test_measures(nlp: Language, text: str, value: float, unit: str, dimension: str) -> None:
    c = only(nlp, text)
    assert c.value == pytest.approx(value)
    assert (c.unit, c.dimension) == (unit, dimension)


def test_suspended_hyphen_range_and_shared_units(nlp: Language) -> None:
    [c] = run(nlp, "They plan a 8- to 16-meter telescope.")
    assert (c.low, c.high, c.unit, c.qualifier) == (8, 16, "m", "range")
    claims = run(nlp, "They were given 45 and 50 mg ethanol.")
    assert [(c.value, c.unit) for c in claims] == [(45, "mg"), (50, "mg")]


def test_year_shaped_range_end_is_not_a_year(nlp: Language) -> None:
    [c] = run(nlp, "The number range is 1000-5000.")
    assert (c.low, c.high, c.qualifier) == (1000, 5000, "range")


@pytest.mark.parametrize(
    "text",
    [
        "See https://example.com/search?q=30%25%2020% for more.",
        "They met on 3/4 at noon.",
        "You can restore a previous version.",
    ],
)
def test_more_noise_yields_nothing(nlp: Language, text: str) -> None:
    assert run(nlp, text) == []


# quantulum3 as the unit fallback: asked only when the text after a figure can open a unit it knows.


@pytest.mark.parametrize(
    ("after", "asked"),
    [
        (" €, said the vendor", True),
        (" US dollars in all", True),
        (" miles per hour", True),
        (" degrees Celsius", True),
        (" hectares of forest", True),
        ("'s were a hard decade", False),
        (" has risen since", False),
        (' " he said', False),
        (" Americans died", False),
        (" D. Smith", False),
    ],
)
def test_quantulum_is_asked_only_before_a_unit_it_knows(after: str, asked: bool) -> None:
    assert _may_open_unit(after) is asked


def test_news_without_unusual_units_never_imports_quantulum() -> None:
    # The first call imports inflect and typeguard for seconds; plain news must not pay it.
    script = (
        "import sys\n"
        "from factcheck.extraction.nlp import load_pipeline\n"
        "from factcheck.extraction.quantities.extract import extract_quantities\n"
        "doc = load_pipeline()(\"In the 1990's 14,000 Americans and 300 others left; the 8900 has 2 D. Smith "
        "said 12 'were hurt'.\")\n"
        "claims = extract_quantities(doc, 's')\n"
        "assert claims, 'no figures read'\n"
        "print('quantulum3.parser' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_a_unit_only_quantulum_knows_is_still_read(nlp: Language) -> None:
    (claim,) = [c for c in run(nlp, "The ticket cost 12 € at the gate.") if c.value == 12]
    assert claim.unit == "EUR"
