"""Changes of a figure ("rose 0.9 percent to 7,412.50") and ages in apposition ("Jensen, 58,").

Real spaCy pipeline throughout; every sentence is written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

import factcheck
from factcheck.alignment.quantities import frame_of
from factcheck.claims import QuantityClaim
from factcheck.extraction.quantities.extract import extract_quantities
from factcheck.report import Finding
from factcheck.sources import Source


def claims_of(nlp: Language, text: str) -> list[QuantityClaim]:
    claims = extract_quantities(nlp(text), "src")
    for c in claims:
        assert c.text == text[c.start : c.end]
    return claims


def by_text(nlp: Language, text: str) -> dict[str, QuantityClaim]:
    return {c.text: c for c in claims_of(nlp, text)}


def change_fields(claim: QuantityClaim) -> tuple[object, ...]:
    return (claim.change, claim.change_role, claim.change_from, claim.change_to)


def findings(*texts: str) -> list[Finding]:
    day = dt.date(2025, 3, 10)
    sources = [Source(id=f"s{i}", text=t, published=day) for i, t in enumerate(texts)]
    return [f for f in factcheck.check(sources, include_claims=False).findings if f.category == "quantity-conflict"]


# ----------------------------------------------------------------------------- changes


def test_an_amount_and_the_level_it_reached(nlp: Language) -> None:
    claims = by_text(nlp, "The Harnby index rose 0.9 percent to 7,412.50 on Monday.")
    assert change_fields(claims["0.9 percent"]) == ("up", "amount", None, 7412.5)
    assert change_fields(claims["7,412.50"]) == ("up", "to", None, 7412.5)
    assert all(c.qualifier == "exact" for c in claims.values())  # a change, not a range


def test_two_levels_from_and_to(nlp: Language) -> None:
    claims = by_text(nlp, "Copper fell from $9,450 to $9,120 a tonne.")
    assert change_fields(claims["$9,450"]) == ("down", "from", 9450, 9120)
    assert change_fields(claims["$9,120"]) == ("down", "to", 9450, 9120)


def test_a_bare_to_level_takes_the_unit_of_the_from_level(nlp: Language) -> None:
    claims = by_text(nlp, "The battery's range climbed from 310 km to 350.")
    assert (claims["350"].unit, claims["350"].dimension) == ("km", "length")
    assert change_fields(claims["350"]) == ("up", "to", 310, 350)


def test_a_to_level_with_a_noun_of_its_own_takes_no_unit(nlp: Language) -> None:
    claims = by_text(nlp, "The toll rose from 10 to 15 people.")
    assert claims["10"].unit is None
    assert change_fields(claims["15 people"]) == ("up", "to", 10, 15)


def test_an_amount_and_the_level_it_started_from(nlp: Language) -> None:
    claims = by_text(nlp, "Shares in Brisk dropped 12% from $40.")
    assert change_fields(claims["12%"]) == ("down", "amount", 40, None)
    assert change_fields(claims["$40"]) == ("down", "from", 40, None)


def test_up_by_an_amount_at_a_level(nlp: Language) -> None:
    claims = by_text(nlp, "Revenue was up 7% at $4.1 million.")
    assert claims["7%"].change_role == "amount" and claims["7%"].change == "up"
    assert claims["$4.1 million"].change_role == "to"
    assert claims["7%"].change_to == pytest.approx(4.1e6)


def test_by_an_amount_to_a_level(nlp: Language) -> None:
    claims = by_text(nlp, "The central bank lowered its rate by 50 basis points to 3.75%.")
    assert change_fields(claims["50 basis points"]) == ("down", "amount", None, 3.75)
    assert change_fields(claims["3.75%"]) == ("down", "to", None, 3.75)


def test_went_down_by_an_amount(nlp: Language) -> None:
    claims = by_text(nlp, "Wheat went down 3% to $210.")
    assert change_fields(claims["3%"]) == ("down", "amount", None, 210)
    assert change_fields(claims["$210"]) == ("down", "to", None, 210)


def test_a_size_written_two_ways(nlp: Language) -> None:
    claims = by_text(nlp, "The Harnby index fell 300 points, or 0.9%, to 33,500.")
    assert change_fields(claims["0.9%"]) == ("down", "amount", None, 33500)
    assert claims["300 points"].change_role == "amount"


def test_two_changes_in_one_sentence_keep_their_own_levels(nlp: Language) -> None:
    claims = by_text(nlp, "Tin fell 2% to $1,870 and zinc rose 1% to $23.")
    assert change_fields(claims["2%"]) == ("down", "amount", None, 1870)
    assert change_fields(claims["1%"]) == ("up", "amount", None, 23)


@pytest.mark.parametrize(
    ("verb", "direction"),
    [
        ("rose", "up"), ("climbed", "up"), ("gained", "up"), ("increased", "up"), ("jumped", "up"),
        ("grew", "up"), ("surged", "up"), ("soared", "up"), ("advanced", "up"), ("added", "up"),
        ("fell", "down"), ("dropped", "down"), ("declined", "down"), ("decreased", "down"),
        ("slipped", "down"), ("slid", "down"), ("lost", "down"), ("shed", "down"), ("plunged", "down"),
        ("sank", "down"), ("tumbled", "down"), ("shrank", "down"),
    ],
)  # fmt: skip
def test_the_verb_gives_the_direction(nlp: Language, verb: str, direction: str) -> None:
    claims = by_text(nlp, f"Rents {verb} 3% to $1,200.")
    assert change_fields(claims["3%"]) == (direction, "amount", None, 1200)


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("The firm cut 500 jobs.", "500 jobs"),
        ("The campaign raised $5 million.", "$5 million"),
        ("The party gained 12 seats.", "12 seats"),
        ("Exports to 12 countries rose 5%.", "12 countries"),
        ("Up to 5,000 people were killed.", "Up to 5,000 people"),
        ("The army shot down 3 drones.", "3 drones"),
        ("Shares rose 5% to close at $40.", "$40"),
    ],
)
def test_figures_that_are_no_part_of_a_change(nlp: Language, text: str, figure: str) -> None:
    assert change_fields(by_text(nlp, text)[figure]) == (None, None, None, None)


def _claim(text: str, **fields: object) -> QuantityClaim:
    return QuantityClaim.model_validate(
        {"source": "s", "start": 0, "end": len(text), "text": text, "value": 5.0,
         "unit": "percent", "dimension": "percent", **fields}
    )  # fmt: skip


def test_frames_keep_amounts_and_starting_levels_apart_from_levels() -> None:
    amount = frame_of(_claim("5%", change="up", change_role="amount"), frozenset())
    start = frame_of(_claim("5%", change="up", change_role="from"), frozenset())
    reached = frame_of(_claim("5%", change="up", change_role="to"), frozenset())
    level = frame_of(_claim("5%"), frozenset())
    assert amount is not None and start is not None and level is not None
    assert len({amount, start, level}) == 3
    assert reached == level  # the level reached is the state now
    assert amount.describe() == "percent (change up)"
    assert start.describe() == "percent (starting level)"
    assert frame_of(_claim("5%", change="down", change_role="amount"), frozenset()) != amount


def test_an_amount_is_not_compared_with_another_sources_level() -> None:
    found = findings(
        "Turnout in Velm rose 4 percent to 62 percent on Sunday.",
        "Turnout in Velm rose to 58 percent on Sunday.",
    )
    compared = {frozenset(e.text for e in f.evidence) for f in found}
    assert compared == {frozenset({"62 percent", "58 percent"})}


def test_a_starting_level_does_not_hide_a_conflict_of_the_levels_reached() -> None:
    found = findings("The Marlow fare rose from $40 to $52 on Monday.", "The Marlow fare rose to $44 on Monday.")
    assert [sorted(e.text for e in f.evidence) for f in found] == [["$44", "$52"]]


# ----------------------------------------------------------------------------- ages


@pytest.mark.parametrize(
    ("text", "figure", "holder"),
    [
        ("Jensen, 58, said he would stay.", "58", "Jensen"),
        ("Maria Lopez, 34, of Leeds, was hurt in the fire.", "34", "Maria Lopez"),
        ("The driver, 45, was arrested at the scene.", "45", None),
    ],
)
def test_an_age_in_apposition(nlp: Language, text: str, figure: str, holder: str | None) -> None:
    claim = by_text(nlp, text)[figure]
    assert (claim.value, claim.unit, claim.dimension, claim.attribute, claim.holder) == (
        float(figure), "year", "duration", "age", holder
    )


def test_an_age_without_a_unit_is_in_years(nlp: Language) -> None:
    claim = by_text(nlp, "Workers aged 40 or over qualify for the scheme.")["40 or over"]
    assert (claim.attribute, claim.unit, claim.dimension) == ("age", "year", "duration")


def test_an_age_in_months_stays_in_months(nlp: Language) -> None:
    claim = claims_of(nlp, "A 9-month-old was found safe.")[0]
    assert (claim.attribute, claim.unit) == ("age", "month")


@pytest.mark.parametrize(
    "text",
    [
        "In 2019, 45, were killed in the floods.",
        "Sales of 3, 4, and 5 units were logged.",
        "Item 4, 12, was sold at auction.",
        "The victims, 12, were named on Monday.",
    ],
)
def test_a_number_between_commas_after_no_person_is_no_age(nlp: Language, text: str) -> None:
    assert all(c.attribute is None for c in claims_of(nlp, text))


def test_ages_of_one_person_written_two_ways_are_compared() -> None:
    found = findings(
        "Jorin Maas, 58, was arrested in Velm on Friday.",
        "The 61-year-old Jorin Maas was arrested in Velm on Friday.",
    )
    assert [sorted(e.text for e in f.evidence) for f in found] == [["58", "61-year"]]
