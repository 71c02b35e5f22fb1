"""Date extraction on the real spaCy pipeline and real dateparser (no mocks).

The sentences are invented for these tests.  Most use a Wednesday reference
date (18 October 2023) so that weekday cases have both a past and a future
reading close by.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from factcheck.claims import DateClaim
from factcheck.extraction.dates.extract import extract_dates
from factcheck.extraction.nlp import load_pipeline

WED = date(2023, 10, 18)
"""A Wednesday: the reference date of most cases."""


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def _claims(
    nlp: Language, text: str, reference: date | None = WED, locale: str | None = None
) -> list[DateClaim]:
    doc = nlp(text)
    claims = extract_dates(doc, "src", reference, locale=locale)
    for claim in claims:
        assert claim.text == text[claim.start : claim.end]
    return claims


def _only(claims: list[DateClaim], text: str) -> DateClaim:
    found = [c for c in claims if c.text == text]
    assert found, f"no claim {text!r} in {[c.text for c in claims]}"
    return found[0]


CASES = [
    # weekday + day of month, month left out
    ("The mayor said this Tuesday, 17, that the bridge would reopen.", "this Tuesday, 17",
     "2023-10-17", "day"),
    ("Voting ended Sunday, 15, after a long campaign.", "Sunday, 15", "2023-10-15", "day"),
    ("The rally took place on Monday, 16th", "Monday, 16th", "2023-10-16", "day"),
    # malformed ordinals
    ("The envoy arrived Monday 16is October, after delays.", "Monday 16is October",
     "2023-10-16", "day"),
    ("The fair opened on the 22th of September.", "the 22th of September", "2023-09-22", "day"),
    ("The court sat on 3th May 2021 for the verdict.", "3th May 2021", "2021-05-03", "day"),
    # abbreviated months, ISO, full dates
    ("The strike began on Sept. 4 and ended quickly.", "Sept. 4", "2023-09-04", "day"),
    ("The accord took effect 2021-11-30 after ratification.", "2021-11-30", "2021-11-30", "day"),
    ("They met on Thursday, March 2, 2023, in Vienna.", "Thursday, March 2, 2023", "2023-03-02",
     "day"),
    ("The treaty was signed in December 2021.", "December 2021", "2021-12", "month"),
    ("The company was founded in 2014.", "2014", "2014", "year"),
    # weekday alone: tense decides, the reference day counts both ways
    ("The board met on Friday.", "Friday", "2023-10-13", "day"),
    ("The board will meet on Friday.", "Friday", "2023-10-20", "day"),
    ("On Wednesday, the minister is due to speak in parliament.", "Wednesday", "2023-10-18",
     "day"),
    ("The minister spoke on Wednesday.", "Wednesday", "2023-10-18", "day"),
    ("She told a press conference Tuesday that prices fell.", "Tuesday", "2023-10-17", "day"),
    ("The team played last Sunday.", "last Sunday", "2023-10-15", "day"),
    ("The team plays next Wednesday.", "next Wednesday", "2023-10-25", "day"),
    # bare ordinal day: tense decides the month
    ("Drills are expected to start on the 25th.", "the 25th", "2023-10-25", "day"),
    ("Drills started on the 25th, officials said.", "the 25th", "2023-09-25", "day"),
    # month alone
    ("The factory closed in March.", "March", "2023-03", "month"),
    ("The factory will reopen in March.", "March", "2024-03", "month"),
    # relative expressions
    ("Talks collapsed yesterday.", "yesterday", "2023-10-17", "day"),
    ("The talks resume tomorrow.", "tomorrow", "2023-10-19", "day"),
    ("Prices rose last week.", "last week", "2023-W41", "week"),
    ("Prices are rising this week.", "this week", "2023-W42", "week"),
    ("Prices will fall next week.", "next week", "2023-W43", "week"),
    ("Rents rose last month.", "last month", "2023-09", "month"),
    ("The law passed earlier this month.", "earlier this month", "2023-10", "month"),
    ("Unrest spread late last year.", "late last year", "2022", "year"),
    ("The ship sank three days ago.", "three days ago", "2023-10-15", "day"),
    ("The report is due in two weeks.", "in two weeks", "2023-W44", "week"),
    ("Exports grew this year.", "this year", "2023", "year"),
    ("The budget expires by the end of the year.", "the end of the year", "2023", "year"),
    # periods
    ("Crime fell sharply in the 1990s.", "the 1990s", "1990-01-01/1999-12-31", "decade"),
    ("Growth slowed in the first decade of this century.", "the first decade of this century",
     "2000-01-01/2009-12-31", "decade"),
    ("Profits doubled in Q3 2022.", "Q3 2022", "2022-Q3", "quarter"),
    ("The mine shut in mid-2021.", "mid-2021", "2021", "year"),
    ("Fighting has continued since Aug. 9.", "since Aug. 9", "2023-08-09/2023-10-18",
     "interval"),
    ("Hearings ran between 3 and 5 May 2022.", "between 3 and 5 May 2022",
     "2022-05-03/2022-05-05", "interval"),
    # clock times joined to their date
    ("The quake struck at 3:17 a.m. on Oct. 14, 2023, residents said.",
     "3:17 a.m. on Oct. 14, 2023", "2023-10-14T03:17", "minute"),
    ("The vote was held on the twenty-first of March 2020.", "the twenty-first of March 2020",
     "2020-03-21", "day"),
    ("Revenue peaked in 2021 Q4.", "2021 Q4", "2021-Q4", "quarter"),
    ("Officials will meet between Monday and Wednesday.", "between Monday and Wednesday",
     "2023-10-23/2023-10-25", "interval"),
    ("Six quakes hit in the past 24 hours.", "the past 24 hours", "2023-10-17/2023-10-18",
     "interval"),
    ("Crops failed in the summer of 2019.", "the summer of 2019", "2019-06-01/2019-08-31",
     "season"),
    ("The quake struck at 03:17 GMT-3 on 14 October 2023.", "03:17 GMT-3 on 14 October 2023",
     "2023-10-14T03:17-03:00", "minute"),
]


SHAPES = [
    # lower-case and terse shapes, counted and ordinal dates, ranges (conformance work)
    ("The vote is set for jan-1.", "jan-1", "2024-01-01", "day"),
    ("Ballots were counted on 4/22.", "4/22", "2023-04-22", "day"),
    ("The strike ended on oct/2, unions said.", "oct/2", "2023-10-02", "day"),
    ("He went back for the 27.", "the 27", "2023-09-27", "day"),
    ("The court sat on 2015/08/12.", "2015/08/12", "2015-08-12", "day"),
    ("Voting ends the first Friday of November.",
     "the first Friday of November", "2023-11-03", "day"),
    ("The summit opens next week on Friday.", "next week on Friday", "2023-10-27", "day"),
    ("The panel meets next Thursday.", "next Thursday", "2023-10-26", "day"),
    ("The vote was held this past Monday.", "this past Monday", "2023-10-16", "day"),
    ("Talks resume three weeks from tomorrow.", "three weeks from tomorrow", "2023-11-09", "day"),
    ("The firm was fined 1 month and 21 days ago.",
     "1 month and 21 days ago", "2023-08-28", "day"),
    ("Output fell from 2014 to 2018.", "from 2014 to 2018", "2014-01-01/2018-12-31", "interval"),
    ("Shipments ran from Nov to March.", "from Nov to March", "2022-11-01/2023-03-31", "interval"),
    ("Sales rose in 2019 H2.", "2019 H2", "2019-07-01/2019-12-31", "interval"),
    ("Turnover fell in 2017-q1.", "2017-q1", "2017-Q1", "quarter"),
    ("The plant will close this September.", "this September", "2023-09", "month"),
    ("Rain is forecast for the next three days.",
     "the next three days", "2023-10-19/2023-10-21", "interval"),
    ("Profits fell over the last two quarters.",
     "the last two quarters", "2023-04-01/2023-09-30", "interval"),
    ("The fair runs the week of October 23.", "the week of October 23", "2023-W43", "week"),
    ("It was signed on September the twenty-first nineteen seventy eight.",
     "September the twenty-first nineteen seventy eight", "1978-09-21", "day"),
    ("Fighting flared over the weekend.", "the weekend", "2023-10-14/2023-10-15", "interval"),
    ("The deal was signed 3 days after January 12th, 2021.",
     "3 days after January 12th, 2021", "2021-01-15", "day"),
    ("The archive copy is at example.com/report-2018-09-23-page.",
     "2018-09-23", "2018-09-23", "day"),
    ("Data for week 27 of 2020 was lost.", "week 27 of 2020", "2020-W27", "week"),
]


@pytest.mark.parametrize(("sentence", "text", "value", "granularity"), CASES + SHAPES)
def test_resolves(nlp: Language, sentence: str, text: str, value: str, granularity: str) -> None:
    claim = _only(_claims(nlp, sentence), text)
    assert (claim.value, claim.granularity) == (value, granularity)


NOISE = [
    "We are here to stay.",
    "Now 91% of voters back the plan.",
    "After a five-hour meeting, nothing changed.",
    "More than 2,000 troops and 2000 people were there.",
    "The driver, aged 45, was unhurt.",
    "A 45-year-old man was arrested.",
    "It was the first time the two leaders met.",
    "Protests have gone on for weeks.",
    "The program ran for two years.",
    "He waited a month for an answer.",
    "The office is on the 10th floor of the tower.",
    "Until now, no one has claimed the attack.",
    "The paper is published daily and the fair is annual.",
    "He finished 2nd in the race.",
    "A 2/3 majority backed the bill.",
    "The tank was 1/2 full.",
    "The helpline runs 24/7.",
    "The index rose 4.22 points.",
    "He won the first prize.",
    "Get tickets for the 17th Door.",
    "Prices may fall, and they may not.",
]


@pytest.mark.parametrize("sentence", NOISE)
def test_noise_gives_no_claim(nlp: Language, sentence: str) -> None:
    assert _claims(nlp, sentence) == []


def test_count_after_weekday_is_not_a_day(nlp: Language) -> None:
    claims = _claims(nlp, "On Sunday, 3 people were hurt.")
    assert [c.text for c in claims] == ["Sunday"]


@pytest.mark.parametrize(
    "sentence", ["Aid will arrive in the coming days.", "Fighting intensified in recent weeks."]
)
def test_vague_periods_are_claims_without_value(nlp: Language, sentence: str) -> None:
    (claim,) = _claims(nlp, sentence)
    assert claim.value is None
    assert claim.reason == "vague"


def test_month_missing_issue_suggests_full_date(nlp: Language) -> None:
    claim = _only(_claims(nlp, "The mayor said this Tuesday, 17, that talks failed."),
                  "this Tuesday, 17")
    assert claim.weekday == 1
    assert claim.weekday_text == "Tuesday"
    assert claim.relative
    (issue,) = claim.issues
    assert issue.kind == "month-missing"
    assert issue.suggestion == "Tuesday 17 October 2023"


def test_malformed_ordinal_issue(nlp: Language) -> None:
    text = "The envoy arrived Monday 16is October, after delays."
    claim = _only(_claims(nlp, text), "Monday 16is October")
    (issue,) = [i for i in claim.issues if i.kind == "malformed-ordinal"]
    assert issue.text == "16is October" == text[issue.start : issue.end]
    assert issue.suggestion == "16 October"


@pytest.mark.parametrize("written", ["1th", "2th", "3th", "1rd", "22th"])
def test_malformed_suffixes_are_flagged(nlp: Language, written: str) -> None:
    claims = _claims(nlp, f"The exhibition opened on {written} June 2021.")
    (claim,) = claims
    assert claim.value == f"2021-06-{int(written[:-2]):02d}"
    assert [i.kind for i in claim.issues] == ["malformed-ordinal"]


def test_stated_weekday_is_kept_when_it_mismatches(nlp: Language) -> None:
    (claim,) = _claims(nlp, "The summit opened on Thursday 1 February 2022.")
    assert claim.value == "2022-02-01"
    assert claim.weekday == 3


@pytest.mark.parametrize(
    ("locale", "value"),
    [("en-US", "2023-06-07"), ("en-GB", "2023-07-06"), ("fr", "2023-07-06")],
)
def test_numeric_date_with_locale(nlp: Language, locale: str, value: str) -> None:
    (claim,) = _claims(nlp, "The plant opened on 06/07/2023 after delays.", locale=locale)
    assert claim.value == value
    assert claim.issues == []


def test_numeric_date_without_locale_is_ambiguous(nlp: Language) -> None:
    (claim,) = _claims(nlp, "The plant opened on 06/07/2023 after delays.")
    assert claim.value is None
    assert claim.reason == "ambiguous day/month order"
    assert sorted(claim.readings) == ["2023-06-07", "2023-07-06"]
    assert [i.kind for i in claim.issues] == ["ambiguous-order"]


def test_unambiguous_numeric_date_needs_no_locale(nlp: Language) -> None:
    (claim,) = _claims(nlp, "The plant opened on 25/07/2023 after delays.")
    assert claim.value == "2023-07-25"


def test_without_reference_relative_dates_stay_null(nlp: Language) -> None:
    claims = _claims(nlp, "Talks collapsed yesterday. A deal was signed on 5 March 2021.", None)
    relative = _only(claims, "yesterday")
    assert relative.value is None
    assert relative.reason
    assert _only(claims, "5 March 2021").value == "2021-03-05"


def test_anaphoric_date_has_no_value(nlp: Language) -> None:
    (claim,) = _claims(nlp, "That day, the two leaders agreed to meet again.")
    assert claim.value is None
    assert claim.reason


def test_plan_reported_in_past_takes_nearest_day(nlp: Language) -> None:
    (claim,) = _claims(nlp, "On Tuesday, the envoy was due to meet the president.")
    assert claim.value == "2023-10-17"


def test_dateline_role(nlp: Language) -> None:
    text = "Published: October 18, 2023\nThe council met on Tuesday to vote."
    claims = _claims(nlp, text)
    assert _only(claims, "October 18, 2023").role == "publication"
    assert _only(claims, "Tuesday").role == "event"


def test_provenance_and_event(nlp: Language) -> None:
    text = "Rain fell all night. The council approved the budget on Monday."
    claim = _only(_claims(nlp, text), "Monday")
    assert claim.source == "src"
    assert claim.event == "approve"
    assert claim.sentence == "The council approved the budget on Monday."
    assert text[claim.sentence_start :].startswith(claim.sentence)
    assert claim.value == "2023-10-16"


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(alphabet=st.characters(codec="utf-8"), max_size=80))
def test_never_raises_and_spans_hold(nlp: Language, text: str) -> None:
    doc = nlp(text)
    for claim in extract_dates(doc, "h", WED, locale=None):
        assert claim.text == doc.text[claim.start : claim.end]
        for issue in claim.issues:
            assert issue.text == doc.text[issue.start : issue.end]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    words=st.lists(
        st.sampled_from(
            ["on", "Tuesday", ",", "1is", "Feb.", "2022", "the", "10th", "last", "week", "in",
             "since", "3:17", "a.m.", "GMT-3", "-", "06/07/23", "\n", "Published:", "between",
             "and", "Q3", "1990s", "mid-2021", "\x00", "ago", "three", "days"]
        ),
        max_size=14,
    )
)
def test_date_like_word_salad_never_raises(nlp: Language, words: list[str]) -> None:
    text = " ".join(words)
    doc = nlp(text)
    for claim in extract_dates(doc, "h", WED):
        assert claim.text == text[claim.start : claim.end]


def test_score_is_not_a_range_of_days(nlp: Language) -> None:
    claims = _claims(nlp, "He lost 3 to 1 in May.")
    assert [c.text for c in claims] == ["May"]


def test_weekday_list_gives_one_claim_each(nlp: Language) -> None:
    claims = _claims(nlp, "Talks are possible on Wednesday, Thursday or Friday.")
    assert [(c.text, c.value) for c in claims] == [
        ("Wednesday", "2023-10-18"), ("Thursday", "2023-10-19"), ("Friday", "2023-10-20"),
    ]


def test_time_of_day_does_not_narrow_a_week(nlp: Language) -> None:
    claims = _claims(nlp, "They meet next month at 6pm.")
    assert _only(claims, "next month").value == "2023-11"


def test_weekday_picks_the_year_it_falls_in(nlp: Language) -> None:
    # 15 June is a Friday in 2018: the stated weekday settles the year
    claims = _claims(nlp, "The fair opened on Friday, June 15.", reference=date(2019, 3, 1))
    assert _only(claims, "Friday, June 15").value == "2018-06-15"


def test_year_less_numeric_date_needs_a_locale_when_ambiguous(nlp: Language) -> None:
    (claim,) = _claims(nlp, "Ballots were counted on 6/7.")
    assert claim.value is None
    assert claim.reason == "ambiguous day/month order"
    (us,) = _claims(nlp, "Ballots were counted on 6/7.", locale="en-US")
    assert us.value == "2023-06-07"


def test_be_to_infinitive_is_a_plan_not_the_past(nlp: Language) -> None:
    # Reference Wednesday 18 October 2023: "were to meet on Friday" is the coming Friday.
    claim = _only(_claims(nlp, "Ministers were to meet on Friday to discuss the budget."), "Friday")
    assert claim.value == "2023-10-20"


@pytest.mark.parametrize(
    ("sentence", "text", "value", "mod"),
    [
        ("Talks could resume after 2024, officials said.", "after 2024", "2024", "AFTER"),
        ("The bridge was built before 1990.", "before 1990", "1990", "BEFORE"),
        ("Troops must leave no later than 1 March 2024.", "no later than 1 March 2024", "2024-03-01", "ON_OR_BEFORE"),
        ("The curfew stays in force until 1 March 2024.", "until 1 March 2024", "2024-03-01", "ON_OR_BEFORE"),
        ("Flights resume starting 4 January 2024.", "starting 4 January 2024", "2024-01-04", "ON_OR_AFTER"),
        ("Models from 2019 or later are affected.", "2019 or later", "2019", "ON_OR_AFTER"),
        ("Prices will not fall later than 2026.", "later than 2026", "2026", "AFTER"),
        ("The vote was held after the year 2020.", "after the year 2020", "2020", "AFTER"),
    ],
)
def test_open_ended_dates_keep_their_value_and_say_which_side(
    nlp: Language, sentence: str, text: str, value: str, mod: str
) -> None:
    claim = _only(_claims(nlp, sentence), text)
    assert (claim.value, claim.mod) == (value, mod)


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("The talks ended on 3 March 2024.", "3 March 2024"),
        ("Sales from 2010 to 2018 rose.", "from 2010 to 2018"),
        ("Between 2015 and 2018 or later than 2020.", "Between 2015 and 2018"),
    ],
)
def test_plain_dates_and_ranges_have_no_mod(nlp: Language, sentence: str, text: str) -> None:
    assert _only(_claims(nlp, sentence), text).mod is None


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        # The stretch holds the reference date (18 October 2023): it is this one, whatever the tense.
        ("The festival will run from September to November.", "from September to November",
         "2023-09-01/2023-11-30"),
        ("Road works lasted from September to November.", "from September to November", "2023-09-01/2023-11-30"),
        ("Flights will be cut from November to March.", "from November to March", "2023-11-01/2024-03-31"),
        # It does not: tense decides, as for a single month.
        ("Fires burned from May to July.", "from May to July", "2023-05-01/2023-07-31"),
    ],
)
def test_a_yearless_range_around_the_reference_date_is_the_current_one(
    nlp: Language, sentence: str, text: str, value: str
) -> None:
    assert _only(_claims(nlp, sentence), text).value == value


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("Sales rose in the first two months of 2021.", "the first two months of 2021", "2021-01-01/2021-02-28"),
        ("Exports fell in the last four months of 2021.", "the last four months of 2021", "2021-09-01/2021-12-31"),
        ("Output grew in the first three quarters of 2022.", "the first three quarters of 2022",
         "2022-01-01/2022-09-30"),
        ("Rain fell in the first ten days of March 2023.", "the first ten days of March 2023", "2023-03-01/2023-03-10"),
        ("Prices rose in the last 2 weeks of last year.", "the last 2 weeks of last year", "2022-12-18/2022-12-31"),
    ],
)
def test_a_stretch_at_one_end_of_a_unit(nlp: Language, sentence: str, text: str, value: str) -> None:
    assert _only(_claims(nlp, sentence), text).value == value


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("Shares are down 20% in the year to date.", "the year to date", "2023-01-01/2023-10-18"),
        ("Year-to-date sales rose 4%.", "Year-to-date", "2023-01-01/2023-10-18"),
        ("Exports from March to date fell.", "from March to date", "2023-03-01/2023-10-18"),
    ],
)
def test_up_to_the_reference_date(nlp: Language, sentence: str, text: str, value: str) -> None:
    claim = _only(_claims(nlp, sentence), text)
    assert (claim.value, claim.relative) == (value, True)


def test_up_to_date_as_an_adjective_is_no_date(nlp: Language) -> None:
    assert _claims(nlp, "The clinic uses the most up to date equipment.") == []


def test_us_holidays_need_a_us_locale(nlp: Language) -> None:
    sentence = "Stores closed on Thanksgiving and reopened the next day."
    assert _only(_claims(nlp, sentence, locale="en-US"), "Thanksgiving").value == "2022-11-24"
    unlocated = _only(_claims(nlp, sentence), "Thanksgiving")
    assert unlocated.value is None and "depends on the country" in (unlocated.reason or "")
    assert _only(_claims(nlp, "Parades are held on Labor Day.", locale="en-US"), "Labor Day").value == "2023-09-04"
