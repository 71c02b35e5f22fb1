"""What a quantity conflict says: the fact compared in words, each figure's interval with its
tolerance, and a difference a reader can recompute from the figures.

Sentences are written for the test; the conflicts come from the real pipeline and the
bundled rules, the word-building from figures built here.
"""

from __future__ import annotations

import datetime as dt

import pytest

import factcheck
from factcheck.alignment.quantities import QuantityFrame
from factcheck.checks.figure_words import as_compared, difference, in_words, what_compared
from factcheck.checks.quantities import QuantityConflictParams
from factcheck.claims import Qualifier, QuantityClaim
from factcheck.report import Finding
from factcheck.sources.model import Source

PARAMS = QuantityConflictParams()


def conflicts(*texts: str) -> list[Finding]:
    sources = [Source(id=f"s{i}", text=t, published=dt.date(2025, 4, 2)) for i, t in enumerate(texts)]
    return [f for f in factcheck.check(sources, include_claims=False).findings if f.category == "quantity-conflict"]


def figure(
    text: str,
    low: float | None,
    high: float | None,
    *,
    unit: str | None = None,
    dimension: str | None = None,
    qualifier: Qualifier = "exact",
    low_inclusive: bool = True,
) -> QuantityClaim:
    return QuantityClaim(
        source="s",
        start=0,
        end=len(text),
        text=text,
        value=low if low is not None else high,
        low=low,
        high=high,
        low_inclusive=low_inclusive,
        unit=unit,
        dimension=dimension,
        qualifier=qualifier,
    )


def test_a_conflict_says_what_was_compared_the_intervals_and_a_checkable_difference() -> None:
    (finding,) = conflicts(
        "At least 160 people were killed in the floods in Szolnok, Hungary, officials said on Tuesday.",
        "The floods killed 120 people in Szolnok, Hungary, officials said on Tuesday.",
    )
    message = finding.message
    assert message.startswith("The sources disagree on the number of people killed in Szolnok, Hungary:")
    assert "“At least 160 people” (at least 160, compared as 155 or more: ±5 for rounding)" in message
    assert "“120 people” (120, compared as 115–125: ±5 for rounding)" in message
    assert "160 is 33% more than 120" in message
    assert "@" not in message and "gap" not in message and "[" not in message
    details = finding.details
    assert details["what"] == "people" and details["what_in_words"].startswith("the number of people killed")
    assert details["difference"]["relative_to_smaller"] == pytest.approx(1 / 3, abs=1e-4)
    assert details["gap"] == pytest.approx((155 - 125) / 155, abs=1e-4)  # the widened intervals' gap
    assert [f["compared_as"] for f in details["figures"]] == [
        {"low": 155.0, "high": None, "tolerance": ["rounding"]},
        {"low": 115.0, "high": 125.0, "tolerance": ["rounding"]},
    ]
    assert {"figures", "frame", "aligned_by", "sentence_overlap", "agreeing_sources", "event"} <= set(details)


def test_a_qualifier_tolerance_is_shown_with_the_word_it_stands_for() -> None:
    about = figure("About 300 passengers", 300, 300, qualifier="approximate")
    assert as_compared(about, PARAMS) == "“About 300 passengers” (about 300, compared as 255–345: ±15% for “about”)"
    assert as_compared(figure("221 passengers", 221, 221), PARAMS) == "“221 passengers” (221)"
    assert as_compared(figure("four miles", 4, 4, unit="mile", dimension="length"), PARAMS) == (
        "“four miles” (4 miles, compared as 3.6–4.4 miles: ±0.4 for rounding)"
    )


@pytest.mark.parametrize(
    ("a", "b", "said"),
    [
        (figure("160", 160, 160), figure("120", 120, 120), "160 is 33% more than 120"),
        (figure("221", 221, 221), figure("212", 212, 212), "221 is 4.2% more than 212"),
        (figure("16,000", 16000, 16000), figure("6,240", 6240, 6240), "16,000 is 2.6 times 6,240"),
        (
            figure("more than 160", 160, None, qualifier="more_than", low_inclusive=False),
            figure("120", 120, 120),
            "160 is 33% more than 120",
        ),
        (
            figure("eight months", 8, 8, unit="month", dimension="duration"),
            figure("eight years", 8, 8, unit="year", dimension="duration"),
            "8 years (96 months) is 12 times 8 months",
        ),
        (
            figure("2.5 million", 2_500_000, 2_500_000, unit="EUR", dimension="currency"),
            figure("2.5 billion", 2_500_000_000, 2_500_000_000, unit="EUR", dimension="currency"),
            "2,500,000,000 EUR is 1,000 times 2,500,000 EUR",
        ),
        (
            figure("58. minute", 58, 58, unit="minute", dimension="match minute"),
            figure("23rd minute", 23, 23, unit="minute", dimension="match minute"),
            "minute 58 is 35 minutes after minute 23",
        ),
        (figure("-5", -5, -5), figure("3", 3, 3), "3 is 8 more than -5"),
    ],
)
def test_the_difference_is_one_a_reader_can_recompute(a: QuantityClaim, b: QuantityClaim, said: str) -> None:
    assert difference(a, b, PARAMS).words() == said


def test_the_gap_field_keeps_its_meaning_for_custom_templates() -> None:
    values, details = in_words("x", figure("160", 160, 160), figure("120", 120, 120), PARAMS, 0.1935)
    assert values["gap"] == "19%" and values["difference"] == "160 is 33% more than 120"
    assert details["gap"] == 0.1935


def test_what_was_compared_in_words() -> None:
    killed = figure("12 people", 12, 12).model_copy(update={"noun": "people", "noun_lemma": "people", "event": "kill"})
    frame = QuantityFrame("people", per="day", time="2019+2020")
    assert what_compared(frame, [killed], ["Szolnok", "Hungary"]) == (
        "the number of people killed per day in Szolnok, Hungary in 2019 and 2020"
    )
    assert what_compared(QuantityFrame("percent", change="change up"), [figure("0.9%", 0.9, 0.9)]) == (
        "the percentage (as the size of a rise)"
    )
    jailed = figure("eight years", 8, 8, unit="year", dimension="duration").model_copy(update={"event": "jail"})
    assert what_compared(QuantityFrame("duration"), [jailed]) == "the length of time (arrested)"
