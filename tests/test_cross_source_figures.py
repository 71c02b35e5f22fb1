"""Figures that take reading across sources: a number under the wrong unit, one count against many.

Every source is written for the test.
"""

from __future__ import annotations

import datetime as dt

import factcheck
from factcheck.report import Finding
from factcheck.sources import Source


def run(*texts: str) -> list[Finding]:
    day = dt.date(2025, 3, 10)
    sources = [Source(id=f"s{i}", text=t, published=day) for i, t in enumerate(texts)]
    return factcheck.check(sources, include_claims=False).findings


def loud(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity != "info" and f.category == "quantity-conflict"]


def test_a_number_under_the_currency_another_source_restates_it_in() -> None:
    findings = loud(
        run(
            "The Orlen Cup winners collect €6.2 million (£5.3 million) in prize money, the league said.",
            "Victory in the Orlen Cup landed the club a £6.2million windfall.",
        )
    )
    assert len(findings) == 1
    assert ("s1", "£6.2million") in {(e.source, e.text) for e in findings[0].evidence}
    assert "writes “€6.2 million” as “£5.3 million”" in findings[0].message


def test_a_percent_written_as_points() -> None:
    findings = loud(
        run(
            "The Meridia 40 index rose 2.3%, or 96 points, to 4,270 points on Tuesday.",
            "The Meridia 40 added 2.3 points on the day as banks rallied.",
        )
    )
    assert len(findings) == 1
    assert "2.3 points" in findings[0].message


def test_a_restated_amount_written_right_is_no_conflict() -> None:
    findings = loud(
        run(
            "The Orlen Cup winners collect €6.2 million (£5.3 million) in prize money, the league said.",
            "Victory in the Orlen Cup earned the club £5.3 million.",
            "The club will bank €6.2 million from the final.",
        )
    )
    assert findings == []


def test_a_number_that_only_repeats_a_single_digit_is_no_slip() -> None:
    findings = loud(
        run(
            "The charity raised €2 million (£1.7 million) at the gala, organisers said.",
            "A donor pledged £2 million to a hospital in another city.",
        )
    )
    assert findings == []


def test_people_forced_from_their_homes_are_displaced() -> None:
    findings = loud(
        run(
            "Officials said 4,120 people had been evacuated from six villages near Arvel.",
            "Some 4,120 people were evacuated from villages around Arvel on Monday.",
            "A staggering 14,000 people have been forced from their homes around Arvel.",
        )
    )
    assert len(findings) == 1
    assert "14,000 people" in findings[0].message


def test_a_vague_count_against_an_exact_one_stays_quiet() -> None:
    findings = loud(
        run(
            "The quake near Tessin killed nine people and injured dozens of others.",
            "The quake near Tessin killed nine and injured dozens of others, officials said.",
            "A quake near Tessin killed nine people and injured 230 others.",
        )
    )
    assert findings == []


def test_a_scale_slip_against_a_sentence_naming_more_places() -> None:
    findings = loud(
        run(
            "Orvik collect €4.8 million in prize money, while Bergstad receive €2.6 million.",
            "For the defeat Bergstad nevertheless receive 2,6 billions of euros in prize money.",
        )
    )
    assert len(findings) == 1
    assert "the same digits" in findings[0].message


def test_a_count_never_takes_its_noun_from_the_next_line() -> None:
    findings = loud(
        run(
            "Hundreds of thousands of civilians have been displaced by the fighting in Arvel.",
            "Published: March 3, 2011\nCivilians fled as shells fell on a camp in Arvel on Thursday.",
            "Hundreds of thousands of civilians have been displaced in Arvel, aid groups said.",
        )
    )
    assert findings == []


def test_two_conversions_in_brackets_are_no_misreading() -> None:
    findings = loud(
        run(
            "There were no casualties at the camp, less than 40 km (25 miles) from the Arvel border.",
            "The camp lies 16 miles (25 kilometers) south of the Tessin border, officials said.",
        )
    )
    assert findings == []


def test_one_figure_under_two_currencies() -> None:
    findings = loud(
        run(
            "Shares in the Aarhus brewer closed down 38.15 crowns at 412.30 crowns in Copenhagen.",
            "The Aarhus brewer's shares fell 8% in Copenhagen, closing at 412.30 crowns.",
            "Shares in the Aarhus brewer dropped to $38.15 a share in Copenhagen trading.",
        )
    )
    assert len(findings) == 1
    assert "the same figure under two currencies" in findings[0].message
    assert ("s2", "$38.15") in {(e.source, e.text) for e in findings[0].evidence}


def test_round_prices_in_two_currencies_are_no_twins() -> None:
    findings = loud(
        run(
            "The new phone costs $499 in the United States, the maker said.",
            "In Germany the new phone costs €499, the maker said.",
        )
    )
    assert findings == []


def test_ten_times_apart_is_said() -> None:
    findings = loud(
        run(
            "Around 23,000 residents were evacuated from the Marn valley, officials said.",
            "Some 2,300 people were evacuated from the Marn valley, officials said.",
            "About 23,000 people were evacuated from the Marn valley on Monday.",
        )
    )
    assert len(findings) == 1 and "ten times apart" in findings[0].message


def test_swapped_digits_under_a_total_are_said() -> None:
    findings = loud(
        run(
            "A total of 3,815 people were injured in the Ostra blast, officials said.",
            "Officials said 3,185 people had been injured in the Ostra blast.",
            "Some 3,185 people were injured in the Ostra blast.",
        )
    )
    assert len(findings) == 1 and "swapped" in findings[0].message


def test_a_quake_magnitude_whatever_the_verb() -> None:
    findings = loud(
        run(
            "A 7.1-magnitude quake struck off the coast of Vessa on Monday.",
            "The magnitude 6.6 quake struck off the coast of Vessa on Monday, the survey said.",
            "A magnitude 7.1 earthquake hit off the Vessa coast on Monday.",
        )
    )
    assert len(findings) == 1
    assert "6.6" in findings[0].message and "magnitude" in findings[0].message


def test_more_than_half_against_a_share_below_it() -> None:
    findings = [
        f
        for f in run(
            "The Unity party won more than half of the vote, the commission said.",
            "The Unity party won 44.7% of the vote, the commission said.",
        )
        if f.category == "quantity-conflict"
    ]
    # "half" is exactly 50%: no rounding widens it to meet 44.7% (one source against one, a common verb: info)
    assert len(findings) == 1 and "more than half" in findings[0].message


def test_decimals_are_rounded_at_their_last_digit() -> None:
    findings = [
        f
        for f in run(
            "Inflation eased to 4.9% in May, the statistics office said.",
            "Inflation eased to 5.3% in May, the statistics office said.",
        )
        if f.category == "quantity-conflict"
    ]
    assert findings  # 4.9 and 5.3 no longer overlap once each is read to its last decimal


def test_the_minute_of_a_goal_is_a_place_on_the_match_clock() -> None:
    findings = loud(
        run(
            "Okafor's 84th-minute penalty settled the Riverton final.",
            "Okafor scored the winner from the spot in the 84th minute of the Riverton final.",
            "The decisive penalty of the Riverton final came in the 48. minute.",
            "The Riverton final lasted 90 minutes.",
        )
    )
    assert len(findings) == 1
    assert "48. minute" in findings[0].message and "swapped" in findings[0].message


def test_the_length_of_one_event_differs_between_sources() -> None:
    findings = loud(
        run(
            "Ministers met in Tallinn for a two-day summit on Baltic energy links, which ended on Friday.",
            "Ministers gathered in Tallinn for the three-day summit on Baltic energy links, which ended on Friday.",
            "The two-day summit on Baltic energy links in Tallinn closed on Friday.",
        )
    )
    assert len(findings) == 1
    assert {(e.source, e.text) for e in findings[0].evidence} == {("s0", "two-day"), ("s1", "three-day")}
    assert "“three-day”" in findings[0].message.split(" vs ")[0]
    assert "the length of one summit" in findings[0].message


def test_lengths_of_things_a_story_has_several_of_are_not_one_fact() -> None:
    findings = loud(
        run(
            "The striker is asking for a five-year contract worth $90 million, his agent said.",
            "The club has offered the striker a three-year contract worth $60 million, his agent said.",
        )
    )
    assert findings == []


def test_offsets_from_the_same_event_are_durations_compared_across_sources() -> None:
    day = dt.date(2025, 3, 10)
    texts = [
        "The dam failed on 2 March. Two weeks earlier, engineers had warned of cracks in the dam wall.",
        "The dam failed on 2 March. Three weeks earlier, engineers had warned of cracks in the dam wall.",
    ]
    sources = [Source(id=f"s{i}", text=t, published=day) for i, t in enumerate(texts)]
    report = factcheck.check(sources)
    durations = [c for c in report.claims if c.kind == "quantity" and c.unit == "week"]
    assert sorted((c.source, c.value) for c in durations) == [("s0", 2.0), ("s1", 3.0)]
    dates = {c.text: c.value for c in report.claims if c.kind == "date" and "earlier" in c.text}
    assert dates == {"Two weeks earlier": "2025-02-16", "Three weeks earlier": "2025-02-09"}
