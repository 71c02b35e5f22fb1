"""Figures as news writes them: money forms, compact units, signs, index levels, separators.

Every sentence here is written for the test; each case names the class of
the issue it covers.  The real spaCy pipeline reads them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from spacy.language import Language

from factcheck.claims import QuantityClaim
from factcheck.extraction.dates.extract import extract_dates
from factcheck.extraction.nlp import load_pipeline
from factcheck.extraction.quantities.extract import extract_quantities
from factcheck.extraction.quantities.numbers import number_convention


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def quantities(nlp: Language, text: str, **kwargs: Any) -> list[QuantityClaim]:
    """The quantity claims of ``text``, with the date spans left out as the pipeline does."""
    doc = nlp(text)
    dates = extract_dates(doc, "src", dt.date(2025, 6, 2))
    read = [(d.start, d.end) for d in dates if d.value is not None]
    unread = [(d.start, d.end) for d in dates if d.value is None]
    claims = extract_quantities(doc, "src", read, unread=unread, **kwargs)
    for c in claims:
        assert c.text == text[c.start : c.end]
    return claims


def figure(nlp: Language, text: str, written: str) -> QuantityClaim:
    """The one claim whose text contains ``written``."""
    found = [c for c in quantities(nlp, text) if written in c.text]
    assert len(found) == 1, [c.text for c in quantities(nlp, text)]
    return found[0]


# --------------------------------------------------------------------------- money

MONEY = [
    ("The trust gave the museum a three-year $840000 award.", "$840000", 840_000, "USD"),
    ("The miner was sold for $US38,200,000 last week.", "$US38,200,000", 38_200_000, "USD"),
    ("That is about $A55,100,000 at today's rate.", "$A55,100,000", 55_100_000, "AUD"),
    ("The start-up raised S$3mil from two funds.", "S$3mil", 3_000_000, "SGD"),
    ("The palm oil firm booked RM7.2mil in profit.", "RM7.2mil", 7_200_000, "MYR"),
    ("Japanese exports rose to Y=512 billion in May.", "Y=512 billion", 512e9, "JPY"),
    ("The council approved NZ$8.4 million for the bridge.", "NZ$8.4 million", 8_400_000, "NZD"),
    ("The brewer paid DKK 730 million for the plant.", "DKK 730 million", 730e6, "DKK"),
    ("The bank set aside 260 million SEK for claims.", "260 million SEK", 260e6, "SEK"),
    ("The striker's fee was £6.5million.", "£6.5million", 6_500_000, "GBP"),
    ("Tickets cost R$45 at the gate.", "R$45", 45, "BRL"),
]


@pytest.mark.parametrize(("text", "written", "value", "unit"), MONEY)
def test_money_forms(nlp: Language, text: str, written: str, value: float, unit: str) -> None:
    c = figure(nlp, text, written)
    assert c.text.endswith(written)
    assert (c.value, c.unit, c.dimension) == (pytest.approx(value), unit, "currency")


def test_undelimited_dollars_are_money_not_a_date(nlp: Language) -> None:
    text = "The trust gave the museum a three-year $840000 award."
    doc = nlp(text)
    assert [d.text for d in extract_dates(doc, "src", dt.date(2025, 6, 2))] == []
    assert figure(nlp, text, "$840000").unit == "USD"


def test_crowns_take_the_country_the_source_names(nlp: Language) -> None:
    danish = "Shares of the Aarhus brewer fell in Copenhagen trading to 412.30 crowns. Danish investors sold."
    assert figure(nlp, danish, "412.30").unit == "DKK"
    swedish = "In Stockholm the lender's stock closed at 96.10 crowns."
    assert figure(nlp, swedish, "96.10").unit == "SEK"
    # With no country named, the shared name stays: it compares only with itself.
    assert figure(nlp, "The stock closed at 96.10 crowns.", "96.10").unit == "crown"


# --------------------------------------------------------------------------- compact units

UNITS = [
    ("The studio flat measures 38m2 in all.", "38m2", 38, "m2"),
    ("The coupe goes from 0 to 100km/h in under five seconds.", "100km/h", None, "km/h"),
    ("Its new engine delivers 285 hp.", "285 hp", 285, "hp"),
    ("The alloy is rated at 9 ksi.", "9 ksi", 9, "ksi"),
    ("The tyres were inflated to 32 psi.", "32 psi", 32, "psi"),
    ("Daytime highs reached 17 C on the coast.", "17 C", 17, "degC"),
    ("Grain exports reached 14.6m tonnes.", "14.6m tonnes", 14_600_000, "tonne"),
    ("The trawler sank 3.4 nautical miles off the cape.", "3.4 nautical miles", 3.4, "nautical mile"),
    ("Winds of 45 knots battered the harbour.", "45 knots", 45, "knot"),
    ("The hybrid manages 52 mpg on the highway.", "52 mpg", 52, "mpg"),
    ("The central bank cut its rate by 50 basis points.", "50 basis points", 50, "basis point"),
    ("The index shed 96 points on Friday.", "96 points", 96, "point"),
    ("Inflation eased by half a percentage point.", "half a percentage point", 0.5, "percentage point"),
]


@pytest.mark.parametrize(("text", "written", "value", "unit"), UNITS)
def test_compact_and_abbreviated_units(
    nlp: Language, text: str, written: str, value: float | None, unit: str
) -> None:
    c = figure(nlp, text, written)
    assert c.unit == unit
    if value is not None:
        assert c.value == pytest.approx(value)


def test_a_capital_c_is_celsius_only_where_a_unit_ends(nlp: Language) -> None:
    assert figure(nlp, "The hotel has 40 C-suite guests a year.", "40").unit != "degC"


# --------------------------------------------------------------------------- fractions, multiples, signs

SIGNED = [
    ("One fourth of the staff work remotely.", "One fourth", 25.0, "percent"),
    ("A third of the members abstained.", "A third", pytest.approx(33.33), "percent"),
    ("Output grew 2.4 times over the decade.", "2.4 times", 2.4, None),
    ("Traffic was multiplied more than 1,800 times.", "1,800 times", 1800, None),
    ("The economy shrank by −1.7% in the spring.", "−1.7%", -1.7, "percent"),
    ("The running back finished with minus-4 yards.", "minus-4 yards", -4, "yard"),
    ("The particle is about 3.1×10−6 metres across.", "3.1×10−6 metres", pytest.approx(3.1e-6), "m"),
]


@pytest.mark.parametrize(("text", "written", "value", "unit"), SIGNED)
def test_fractions_multiples_and_signs(nlp: Language, text: str, written: str, value: Any, unit: str | None) -> None:
    c = figure(nlp, text, written)
    assert (c.value, c.unit) == (value, unit)


def test_a_hyphen_before_a_figure_stays_a_dash(nlp: Language) -> None:
    values = sorted(c.value or 0 for c in quantities(nlp, "Between 10-15 people waited."))
    assert all(v >= 0 for v in values)


# --------------------------------------------------------------------------- index levels

def test_an_index_level_is_in_points(nlp: Language) -> None:
    c = figure(nlp, "The Nikkei closed at 38,214.60 on Tuesday.", "38,214.60")
    assert (c.value, c.unit) == (38214.6, "point")
    c = figure(nlp, "The trade-weighted index stood at 97.8.", "97.8")
    assert c.unit == "point"


def test_a_count_of_an_index_is_not_a_level(nlp: Language) -> None:
    c = figure(nlp, "The index has 40 members.", "40")
    assert c.unit is None


# --------------------------------------------------------------------------- elided nouns, durations, vague

def test_an_elided_noun_is_the_one_before(nlp: Language) -> None:
    claims = quantities(nlp, "Some 18,400 people had waited a month and 9,200 longer.")
    assert [(c.value, c.noun_lemma) for c in claims if c.unit is None] == [(18400, "people"), (9200, "people")]


@pytest.mark.parametrize(
    ("text", "written", "value", "unit"),
    [
        ("She served those six months in a county jail.", "six months", 6, "month"),
        ("Claims took an average of 41 days to settle.", "41 days", 41, "day"),
    ],
)
def test_durations(nlp: Language, text: str, written: str, value: float, unit: str) -> None:
    c = figure(nlp, text, written)
    assert (c.value, c.unit, c.dimension) == (value, unit, "duration")


def test_tens_of_thousands_keeps_the_benchmark_convention(nlp: Language) -> None:
    c = figure(nlp, "Tens of thousands lined the route.", "Tens of thousands")
    assert (c.low, c.high, c.low_inclusive, c.high_inclusive) == (10_000, 100_000, True, False)


# --------------------------------------------------------------------------- separators


def test_a_source_with_decimal_commas_groups_thousands_with_dots(nlp: Language) -> None:
    text = "The index lost 1,2 % and closed at 7.245 points, with 4.300 hectares sold."
    assert number_convention(text) == "eu"
    claims = {c.text: c.value for c in quantities(nlp, text)}
    assert claims["7.245 points"] == 7245
    assert claims["4.300 hectares"] == 4300


def test_an_english_source_keeps_decimal_dots(nlp: Language) -> None:
    text = "The index lost 1.2% to 7,245 points; the fund holds 4.300 hectares."
    assert number_convention(text) is None
    claims = {c.text: c.value for c in quantities(nlp, text)}
    assert claims["4.300 hectares"] == pytest.approx(4.3)


def test_clock_times_are_no_evidence_of_a_convention() -> None:
    assert number_convention("Kick-off is at 20.45 and the gates open at 19.30.") is None


def test_a_measure_tagged_as_a_date_is_a_quantity_end_to_end() -> None:
    import factcheck
    from factcheck.sources import Source

    report = factcheck.check([Source(id="a", text="The new alloy is rated at 9 ksi, the maker said.")])
    kinds = {(c.kind, c.text) for c in report.claims}
    assert ("quantity", "9 ksi") in kinds
    assert ("date", "9 ksi") not in kinds


# --------------------------------------------------------------------------- rates

RATES = [
    ("Lofts downtown sell for $1,100 a square foot.", "$1,100", "USD", "square foot"),
    ("Shop rents reached €42 per square metre.", "€42", "EUR", "square metre"),
    ("Henry Hub gas settled at US$2.85 per mmBtu.", "US$2.85", "USD", "mmbtu"),
    ("The guard averaged 18.7 ppg as a rookie.", "18.7 ppg", "point", "game"),
    ("The refinery processes 220,000 barrels a day.", "220,000 barrels", "barrel", "day"),
    ("The utility earned 41 cents a share.", "41 cents", "cent", "share"),
]


@pytest.mark.parametrize(("text", "written", "unit", "per"), RATES)
def test_rates_and_compound_units(nlp: Language, text: str, written: str, unit: str, per: str) -> None:
    c = figure(nlp, text, written)
    assert (c.unit, c.per) == (unit, per)


# --------------------------------------------------------------------------- more wire forms

MORE = [
    ("The wind farm adds 80MW to the grid.", "80MW", 80, "MW"),
    ("The heat pump used 2,700kWh last winter.", "2,700kWh", 2700, "kWh"),
    ("The new reactor is rated at 1.4GW.", "1.4GW", 1.4, "GW"),
    ("The tyres are set at 35psi.", "35psi", 35, "psi"),
    ("Its engine makes 540bhp.", "540bhp", 540, "hp"),
    ("Overnight lows fell to -9C in the valleys.", "-9C", -9, "degC"),
    ("Forecasters expect highs of 88F.", "88F", 88, "degF"),
    ("Consumer prices slipped to -0.4% in March.", "-0.4%", -0.4, "percent"),
    ("The insurer raised 220 mln stg in the bond sale.", "220 mln stg", 220e6, "GBP"),
    ("The miner will invest R2.6 billion in the shaft.", "R2.6 billion", 2.6e9, "ZAR"),
    ("Thousands of tonnes of fruit went to waste.", "Thousands of tonnes", None, "tonne"),
    ("The winner finished two-tenths of a second ahead.", "two-tenths of a second", 0.2, "second"),
]


@pytest.mark.parametrize(("text", "written", "value", "unit"), MORE)
def test_more_wire_forms(nlp: Language, text: str, written: str, value: float | None, unit: str) -> None:
    c = figure(nlp, text, written)
    assert c.unit == unit
    assert c.value == (None if value is None else pytest.approx(value))


def test_a_dash_between_figures_is_no_minus(nlp: Language) -> None:
    assert all((c.low or 0) >= 0 for c in quantities(nlp, "Chapters 4 -9 cover the war."))


def test_a_further_amount_shares_the_unit(nlp: Language) -> None:
    text = "The lender set aside €900 million in Spain and a further 250 million in Portugal."
    assert figure(nlp, text, "250 million").unit == "EUR"
    text = "The first leg is 36km and the second another 44."
    assert figure(nlp, text, "44").unit == "km"


def test_both_levels_of_a_change_share_a_unit(nlp: Language) -> None:
    text = "Bread prices have risen from 1.90 to 2.40 euros per loaf."
    claims = {c.text: c for c in quantities(nlp, text)}
    assert claims["1.90"].unit == "EUR"
    assert (claims["2.40 euros"].value, claims["2.40 euros"].per) == (2.4, "loaf")


def test_a_rate_denominator_is_not_a_figure(nlp: Language) -> None:
    claims = quantities(nlp, "Farm eggs now sell for 5.60 euros a dozen.")
    assert [(c.value, c.unit, c.per) for c in claims] == [(5.6, "EUR", "dozen")]


AGES = [
    ("Officers detained two women, aged 19 and 27, after the chase.", "27"),
    ("The novelist, who was 88, died in her sleep.", "88"),
    ("The coach, now 57, signed a new deal.", "57"),
]


@pytest.mark.parametrize(("text", "written"), AGES)
def test_ages_in_lists_and_clauses(nlp: Language, text: str, written: str) -> None:
    c = figure(nlp, text, written)
    assert (c.attribute, c.unit) == ("age", "year")


def test_a_figure_after_a_company_is_no_age(nlp: Language) -> None:
    assert figure(nlp, "The brewery, now 140, still brews by hand.", "140").attribute is None


def test_index_levels_written_bare(nlp: Language) -> None:
    text = "The business confidence index fell 3.1 points to 94.6 in May."
    assert figure(nlp, text, "94.6").unit == "point"
    text = "The Hang Seng closed down 1.2% at 17,420.55 on Friday."
    assert figure(nlp, text, "17,420.55").unit == "point"


def test_a_share_price_after_an_index_is_not_in_points(nlp: Language) -> None:
    claims = quantities(nlp, "The Dow rose as Boeing gained 4 to close at 212.")
    assert all(c.unit != "point" for c in claims)


def test_durations_the_tagger_calls_dates(nlp: Language) -> None:
    c = figure(nlp, "Over those five months the firm burned its cash.", "five months")
    assert (c.value, c.unit) == (5, "month")
    c = figure(nlp, "The group wants to save SEK 1.5bn a year.", "SEK 1.5bn")
    assert (c.value, c.unit) == (1.5e9, "SEK")


def test_a_whole_number_run_into_a_fraction(nlp: Language) -> None:
    c = figure(nlp, "She served 61/2 months of the sentence.", "61/2 months")
    assert (c.value, c.unit) == (6.5, "month")
    assert figure(nlp, "Add 1/2 cup of milk.", "1/2 cup").value == 0.5


def test_millions_of_a_unit(nlp: Language) -> None:
    c = figure(nlp, "The port handled 4,5 millions of tonnes last year.", "4,5 millions of tonnes")
    assert (c.value, c.unit) == (4_500_000, "tonne")
    assert figure(nlp, "Three of the tonnes were lost at sea.", "Three").unit is None


def test_an_ordinal_minute_is_a_match_minute(nlp: Language) -> None:
    c = figure(nlp, "His 62nd-minute header levelled the game.", "62nd-minute")
    assert (c.value, c.unit, c.dimension) == (62, "minute", "match minute")
    assert figure(nlp, "The game lasted 90 minutes.", "90 minutes").dimension == "duration"


# --------------------------------------------------------------------------- durations


@pytest.mark.parametrize(
    ("text", "written", "low", "high", "unit"),
    [
        ("Rebuilding the pier will take between 6 and 9 months.", "between 6 and 9 months", 6, 9, "month"),
        ("The crossing took between five and seven hours.", "between five and seven hours", 5, 7, "hour"),
        ("Repairs should last 3 to 4 weeks, the operator said.", "3 to 4 weeks", 3, 4, "week"),
    ],
)
def test_a_range_of_durations_keeps_both_ends(
    nlp: Language, text: str, written: str, low: float, high: float, unit: str
) -> None:
    claim = figure(nlp, text, written)
    assert (claim.text, claim.low, claim.high, claim.unit) == (written, low, high, unit)


def test_a_single_unit_offset_is_a_duration(nlp: Language) -> None:
    claim = figure(nlp, "A fortnight later, the inquiry reopened.", "fortnight")
    assert (claim.value, claim.unit, claim.dimension) == (1.0, "fortnight", "duration")
