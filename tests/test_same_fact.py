"""Only claims that state the same fact are compared: one test per false-alarm class seen on real news.

Every sentence here is written for the test.  Each false-alarm test pairs
two sources whose figures or dates differ but state different facts; the
findings at warning or above must be none.  The last tests are real
inconsistencies of the same shapes, which must still be reported.
"""

from __future__ import annotations

import datetime as dt

import pytest

import factcheck
from factcheck.report import Finding
from factcheck.sources import Source


def run(*texts: str, published: str = "2025-03-10") -> list[Finding]:
    day = dt.date.fromisoformat(published)
    sources = [Source(id=f"s{i}", text=t, published=day) for i, t in enumerate(texts)]
    return factcheck.check(sources, include_claims=False).findings


def loud(findings: list[Finding], category: str | None = None) -> list[Finding]:
    """Findings at warning or above (of one category)."""
    return [f for f in findings if f.severity != "info" and category in (None, f.category)]


DIFFERENT_FACTS = {
    "a different attribute with the same unit": (
        "The two-hour keynote opened the trade fair in Dalsby.",
        "The new tablet shown in Dalsby has eight hours of battery life.",
    ),
    "sizes of two parts of one device": (
        "The Orvo laptop ships with 8GB of memory.",
        "The Orvo laptop comes with a 320GB drive.",
    ),
    "people shot and people who died": (
        "Five officers were shot during the raid in Tamsk.",
        "Two officers died after the raid in Tamsk.",
    ),
    "shots that hit and shots fired in all": (
        "Three shots hit the car outside the Tamsk station.",
        "Fifteen shots were fired in all outside the Tamsk station.",
    ),
    "distances from two places": (
        "Brenna lies 120 miles north of Ostend Harbour.",
        "The village is 30 miles east of Calder.",
    ),
    "ages of two people": (
        "An 8-year-old boy was hurt in the crash near Velm.",
        "A 31-year-old driver was arrested after the crash near Velm.",
    ),
    "an age and a duration": (
        "The 15-year-old was found after a search near Velm.",
        "The search near Velm lasted four days.",
    ),
    "a sentence served and an age": (
        "Jorin Maas, who had served 9 months in prison, was released on Friday.",
        "The 48-year-old was released from prison on Friday.",
    ),
    "a group and another group": (
        "Five people were in the van that crashed in Osterby.",
        "Police in Osterby said two others were detained.",
    ),
    "people shot and people who fled": (
        "Six people were shot in the square in Loreno.",
        "About 200 people fled the square in Loreno.",
    ),
    "a rate and a total": (
        "About 300 passengers were aboard the ferry from Hallan.",
        "The Hallan ferry carries 25,000 passengers a day.",
    ),
    "two parties' shares of the vote": (
        "The Greens won 39% of the vote in Ostria.",
        "The Liberals took 5.1% of the vote in Ostria.",
    ),
    "blood donors and patients": (
        "More than 400 people had given blood by Monday evening in Kessel.",
        "Forty-eight people were taken to hospital in Kessel.",
    ),
    "another year's event": (
        "At least 23 people died when the ferry sank near Ilhavo on Sunday.",
        "In March 2019, 74 people died when a cargo boat sank near Ilhavo.",
    ),
    "a price per share and a deal's value": (
        "Shares of Corvan rose to $24.13 a share.",
        "The deal values Corvan at $54 billion.",
    ),
    "a product name and a count": (
        "The Orvo 15 has two USB 3.0 ports.",
        "The Orvo 15 has three ports.",
    ),
}


@pytest.mark.parametrize("texts", DIFFERENT_FACTS.values(), ids=DIFFERENT_FACTS.keys())
def test_figures_of_different_facts_are_not_reported(texts: tuple[str, ...]) -> None:
    assert loud(run(*texts), "quantity-conflict") == []


def test_a_source_stating_both_values_is_not_contradicted() -> None:
    # Each source gives two doses; the 20 mg and 40 mg are two facts, not a conflict.
    texts = (
        "Side effects hit 4.8% of patients on the 40 mg dose and 1.9% of those on 20 mg.",
        "In the Velm trial, 4.8% of patients on 40 mg had side effects, against 1.9% on 20 mg.",
        "The regulator looked at the 40 mg dose, where 4.8% of patients had side effects.",
    )
    assert loud(run(*texts), "quantity-conflict") == []


def test_page_stamps_are_not_dates_of_the_event() -> None:
    texts = (
        "Posted 10:04 am on May 14, 2025\nThe council of Brenna approved the budget on Tuesday, May 13.",
        "Updated: 11:24, 16 May 2025\nThe council of Brenna approved the budget on Tuesday, May 13.",
    )
    assert loud(run(*texts, published="2025-05-16"), "date-conflict") == []


def test_dates_years_apart_date_different_events() -> None:
    texts = (
        "Mara Quell, the founder of the Quell Trust, died on 3 March 2025 in Brenna.",
        "Mara Quell died in Brenna on 3 March 1998, the trust said.",
        "The founder of the Quell Trust, Mara Quell, died on 3 March 2025.",
    )
    findings = run(*texts)
    assert loud(findings, "date-conflict") == []


def test_each_source_dating_its_own_days_news_is_not_a_conflict() -> None:
    # Follow-up reports: each announcement is dated "today" in its own article, none of which is dated.
    texts = (
        "Harbour operator Brenna Ports announced today (14 March 2025) that the north quay had reopened.",
        "Harbour operator Brenna Ports announced today (21 March 2025) that all quays had reopened.",
    )
    assert loud(run(*texts, published="2025-03-21"), "date-conflict") == []
    undated = [Source(id=f"u{i}", text=t) for i, t in enumerate(texts)]
    assert loud(factcheck.check(undated, include_claims=False).findings, "date-conflict") == []


def test_a_source_giving_the_majority_day_too_dates_another_event_with_its_other_day() -> None:
    texts = (
        "Brenna Ports announced on 14 March 2025 that the quay had reopened. Its tenant Orvo announced "
        "on 12 March 2025 that its ships were back in Brenna Ports.",
        "On 14 March 2025 Brenna Ports announced that the quay had reopened.",
    )
    assert loud(run(*texts), "date-conflict") == []


def test_a_model_named_with_a_figure_is_another_holder() -> None:
    texts = (
        "The 13-inch Galaxy Book sells for $999.",
        "The new Galaxy Book will sell for $1,299 with 512GB of storage.",
    )
    assert loud(run(*texts), "quantity-conflict") == []


def test_an_ambiguous_numeric_date_is_a_warning_only_when_the_cluster_gives_one_of_its_readings() -> None:
    alone = run("The council met on 05/03/2025 in Brenna.", "The council of Brenna met this spring.")
    assert [f.severity for f in alone if f.category == "date-format"] == ["info"]
    confirmed = run("The council met on 05/03/2025 in Brenna.", "The council of Brenna met on 5 March 2025.")
    assert [f.severity for f in confirmed if f.category == "date-format"] == ["warning"]


# Real inconsistencies of the same shapes: still reported.


def test_same_day_tolls_of_one_event_still_conflict() -> None:
    findings = loud(
        run(
            "Four civilians were killed in the shelling of Varna on Tuesday, the governor said.",
            "Three civilians were killed in the shelling of Varna on Tuesday, the governor said.",
        ),
        "quantity-conflict",
    )
    assert len(findings) == 1
    assert set(findings[0].details["aligned_by"]) >= {"predicate", "sentence"}


def test_a_toll_worded_as_a_loss_or_as_a_subgroup_still_conflicts() -> None:
    # "lost ... four civilians" counts deaths; "including three civilians" shares the group's verb.
    findings = loud(
        run(
            "Ostria has so far lost six soldiers and four civilians in the border war.",
            "Eight Ostrians, including three civilians hit by shelling, have been killed in the border war.",
        ),
        "quantity-conflict",
    )
    assert [f.details["frame"]["measure"] for f in findings] == ["civilian"]
    assert "predicate" in findings[0].details["aligned_by"]


def test_things_lost_are_not_deaths() -> None:
    texts = (
        "The Greens lost four seats in the Ostria vote, and 12 people were killed in riots after it.",
        "The Greens lost six seats in Ostria, the count showed.",
    )
    (claims,) = [factcheck.check(texts=list(texts)).claims]
    seats = [c for c in claims if c.kind == "quantity" and c.noun_lemma == "seat"]
    assert seats and all(c.event is None for c in seats)


@pytest.mark.parametrize(
    ("first", "second", "anchor"),
    [
        ("The council approved a fund of $3.2 million.", "The council approved a $3.2 billion fund.", "digits"),
        ("The bus was carrying 314 passengers.", "The bus was transporting 341 passengers.", "digits"),
        ("The fire burned 8,600 hectares of forest.", "The fire burned 8,600 acres of forest.", "digits"),
        ("Korr was jailed for six years.", "Korr got six months behind bars.", "digits"),
    ],
)
def test_a_misreported_figure_is_still_reported_with_why(first: str, second: str, anchor: str) -> None:
    findings = loud(run(first, second), "quantity-conflict")
    assert len(findings) == 1
    assert anchor in findings[0].details["aligned_by"]
    assert "compared because" in findings[0].message


def test_details_say_why_figures_were_compared() -> None:
    findings = loud(
        run("At least 30 people were injured in Varna.", "Nine people were injured in Varna."), "quantity-conflict"
    )
    (finding,) = findings
    assert finding.details["aligned_by"][0] == "predicate"
    assert finding.details["frame"]["measure"] == "people"
    assert 0 <= finding.details["sentence_overlap"] <= 1
