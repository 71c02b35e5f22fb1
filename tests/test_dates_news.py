"""News date expressions (issue 16), on the real spaCy pipeline; sentences invented for these tests.

The reference is Tuesday 14 October 2025 unless a case says otherwise.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from factcheck.claims import DateClaim
from factcheck.extraction.dates.extract import extract_dates
from factcheck.extraction.nlp import load_pipeline

TUE = date(2025, 10, 14)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def _claims(nlp: Language, text: str, reference: date | None = TUE) -> list[DateClaim]:
    claims = extract_dates(nlp(text), "src", reference)
    for claim in claims:
        assert claim.text == text[claim.start : claim.end]
    return claims


def _value(nlp: Language, text: str, span: str, reference: date | None = TUE) -> str | None:
    found = [c for c in _claims(nlp, text, reference) if c.text == span]
    assert found, f"no claim {span!r} in {[c.text for c in _claims(nlp, text, reference)]}"
    return found[0].value


def test_weekday_never_moves_the_year(nlp: Language) -> None:
    claim = next(c for c in _claims(nlp, "The memorial was unveiled on Wednesday 14 October.") if c.value)
    assert claim.value == "2025-10-14"
    assert claim.weekday == 2  # the stated Wednesday is kept, so the weekday check reports the slip


def test_declared_weekday_is_the_next_one(nlp: Language) -> None:
    assert _value(nlp, "The governor declared Friday a day of mourning.", "Friday") == "2025-10-17"


@pytest.mark.parametrize(
    ("sentence", "value"),
    [("The board met on Friday to approve the merger.", "2025-10-10"),
     ("The board will meet on Friday to approve the merger.", "2025-10-17")],
)
def test_relative_weekday_follows_tense(nlp: Language, sentence: str, value: str) -> None:
    assert _value(nlp, sentence, "Friday") == value


def test_weekday_settles_numeric_order(nlp: Language) -> None:
    text = "The parade went ahead on Saturday, 08/03/2025, despite the rain."
    assert _value(nlp, text, "Saturday, 08/03/2025", date(2025, 3, 12)) == "2025-03-08"


@pytest.mark.parametrize(
    "sentence", ["The ceasefire held for a mere 48 hours.", "Rebuilding the pier will take between 6 and 9 months."]
)
def test_pure_durations_give_no_date_claim(nlp: Language, sentence: str) -> None:
    assert _claims(nlp, sentence) == []


def test_own_dateline_wins_over_given_reference(nlp: Language) -> None:
    text = "Coastal Herald\n14 October 2025\nThis morning the harbour master stepped down."
    assert _value(nlp, text, "This morning", date(2025, 10, 9)) == "2025-10-14"


@pytest.mark.parametrize(
    ("sentence", "span"),
    [("Bank shares slipped 1.8% on the day.", "the day"),
     ("The main index gained 0.6 percent, ending the day at 7,215 points.", "the day")],
)
def test_market_day_is_the_articles_day(nlp: Language, sentence: str, span: str) -> None:
    assert _value(nlp, sentence, span) == "2025-10-14"


def test_date_kept_apart_from_offset(nlp: Language) -> None:
    text = "The satellite went up on March 3, two days later than planned."
    assert _value(nlp, text, "March 3", date(2025, 3, 20)) == "2025-03-03"


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [("Car sales rose 4% from the same month a year ago.", "the same month a year ago", "2024-10"),
     ("Exports shrank compared with the previous year.", "the previous year", "2024"),
     ("The regulator fined two lenders this week.", "this week", "2025-W42")],
)
def test_periods_against_the_article_date(nlp: Language, sentence: str, span: str, value: str) -> None:
    assert _value(nlp, sentence, span) == value


def test_two_digit_year(nlp: Language) -> None:
    claim = next(c for c in _claims(nlp, "The lease was signed on 5/6/09 in Leeds.", date(2009, 6, 20)))
    assert set(claim.readings) == {"2009-05-06", "2009-06-05"}


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The board met on 2 June. Two weeks earlier, its chair had quit.", "Two weeks earlier", "2025-05-19"),
        ("The board met on 2 June. A fortnight later the chair quit.", "A fortnight later", "2025-06-16"),
        ("The plant opened in March 2019. Three months later it was sold.", "Three months later", "2019-06"),
    ],
)
def test_an_offset_is_dated_from_the_date_before_it(nlp: Language, text: str, span: str, value: str) -> None:
    claim = next(c for c in _claims(nlp, text) if c.text == span)
    assert (claim.value, claim.relative) == (value, True)


@pytest.mark.parametrize(
    "text",
    [
        "Two weeks earlier, its chair had quit.",  # no date to count from
        "The board met on 2 June. Its chair spoke at length. The members voted. Two weeks earlier, the chair had quit.",
        "The launch came on 2 June, two days later than planned.",  # late against a plan
    ],
)
def test_an_offset_without_a_near_date_stays_unresolved(nlp: Language, text: str) -> None:
    offsets = [c for c in _claims(nlp, text) if c.text.lower().startswith(("two weeks", "two days"))]
    assert all(c.value is None for c in offsets)


def test_a_date_entity_across_a_full_stop_is_cut_at_the_stop(nlp: Language) -> None:
    text = "The ferry sank on 3 March. Two weeks earlier its captain had warned the owners."
    assert _value(nlp, text, "3 March") == "2025-03-03"


def test_an_article_is_scanned_for_market_days_once(nlp: Language) -> None:
    """Each date asks whether it is a market report's "the day"; the article's text is scanned once (issue 19)."""
    from factcheck.extraction.dates.news import market_days_of

    text = "Shares closed 2% higher on the day. On 3 March, 4 March and 5 March 2025 the exchange met on Monday."
    doc = nlp(text)
    claims = extract_dates(doc, "s", date(2025, 3, 10))
    assert len(claims) >= 4
    found = market_days_of(doc)
    assert found == [(text.index("the day"), text.index("the day") + 7)]
    assert market_days_of(doc) is found  # kept on the document, not scanned again
