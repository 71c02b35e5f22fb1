"""Times of day with their zones, and the time check, on the real spaCy pipeline (no mocks).

The sentences are invented for these tests.
"""

from __future__ import annotations

import datetime as dt
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from spacy.language import Language

import factcheck
from factcheck.claims import DateClaim
from factcheck.extraction.dates.clock import Clock
from factcheck.extraction.dates.extract import extract_dates
from factcheck.extraction.dates.zones import (
    ABBREVIATIONS,
    LOCAL,
    named_zone,
    offset_text,
    plausible_offset,
    value_offset,
)
from factcheck.report import Finding
from factcheck.sources.model import Source

SUMMER = date(2024, 7, 10)
WINTER = date(2024, 1, 17)


def _claims(nlp: Language, text: str, reference: date | None = SUMMER) -> list[DateClaim]:
    claims = extract_dates(nlp(text), "src", reference)
    for claim in claims:
        assert claim.text == text[claim.start : claim.end]
    return claims


def _only(claims: list[DateClaim], text: str) -> DateClaim:
    found = [c for c in claims if c.text == text]
    assert found, f"no claim {text!r} in {[c.text for c in claims]}"
    return found[0]


ZONE_FORMS = [
    # abbreviations with one offset
    ("The pipeline burst at 22:10 UTC, the operator said.", SUMMER, "22:10 UTC", "2024-07-10T22:10+00:00"),
    ("The first ballot box was opened at 0930 GMT.", SUMMER, "0930 GMT", "2024-07-10T09:30+00:00"),
    ("The barge left the quay at 19.25 BST with 40 cars.", SUMMER, "19.25 BST", "2024-07-10T19:25+01:00"),
    ("The summit ended at 8.25 p.m. CEST in Lisbon.", SUMMER, "8.25 p.m. CEST", "2024-07-10T20:25+02:00"),
    ("The satellite was launched at 11:05 JST from Kagoshima.", SUMMER, "11:05 JST", "2024-07-10T11:05+09:00"),
    ("Ground control lost contact at 10:20 AEST.", SUMMER, "10:20 AEST", "2024-07-10T10:20+10:00"),
    ("The tremor was felt at 14:10 GMT+3 across the valley.", SUMMER, "14:10 GMT+3", "2024-07-10T14:10+03:00"),
    # a region's abbreviation, resolved with the date
    ("Trading halted at 3:50 a.m. ET on 3 July 2024.", SUMMER, "3:50 a.m. ET on 3 July 2024",
     "2024-07-03T03:50-04:00"),
    ("Trading halted at 3:50 a.m. ET on 3 January 2024.", WINTER, "3:50 a.m. ET on 3 January 2024",
     "2024-01-03T03:50-05:00"),
    ("The storm made landfall at 9 a.m. Eastern Standard Time.", SUMMER, "9 a.m. Eastern Standard Time",
     "2024-07-10T09:00-05:00"),
    # a country's time
    ("The leak was noticed at 4.50pm UK time on 5 February 2024.", WINTER, "4.50pm UK time on 5 February 2024",
     "2024-02-05T16:50+00:00"),
    ("The leak was noticed at 4.50pm UK time.", SUMMER, "4.50pm UK time", "2024-07-10T16:50+01:00"),
    ("The concert began at 21.35 Swedish time.", SUMMER, "21.35 Swedish time", "2024-07-10T21:35+02:00"),
    ("The concert began at 21.35 Swedish time.", WINTER, "21.35 Swedish time", "2024-01-17T21:35+01:00"),
    ("The strike started at 06:00 Greek time.", WINTER, "06:00 Greek time", "2024-01-17T06:00+02:00"),
    # local time with its conversion, and without
    ("The dam gave way at 17:25 local time (1525 GMT), officials said.", SUMMER,
     "17:25 local time (1525 GMT)", "2024-07-10T17:25+02:00"),
    ("The tremor hit at 10:45 hours (0615 GMT) on 8 July 2024.", SUMMER, "10:45 hours (0615 GMT) on 8 July 2024",
     "2024-07-08T10:45+04:30"),
    ("The cargo plane landed at 09:35 CEST (07:35 UTC).", SUMMER, "09:35 CEST (07:35 UTC)", "2024-07-10T09:35+02:00"),
    ("The bus skidded at 9.05pm local time near the border.", SUMMER, "9.05pm local time", "2024-07-10T21:05"),
    ("It happened at the 21h05 (local time) of 8 July.", SUMMER, "21h05 (local time) of 8 July", "2024-07-08T21:05"),
    # no zone at all
    ("The vote closed at 8:10pm on 8 July.", SUMMER, "8:10pm on 8 July", "2024-07-08T20:10"),
]


@pytest.mark.parametrize(("text", "reference", "span", "value"), ZONE_FORMS)
def test_time_claims_carry_their_zone(nlp: Language, text: str, reference: date, span: str, value: str) -> None:
    claim = _only(_claims(nlp, text, reference), span)
    assert claim.value == value
    assert claim.granularity == "minute"


def test_a_time_without_a_day_takes_the_article_date(nlp: Language) -> None:
    claim = _only(_claims(nlp, "Polling stations closed at 22:00 GMT."), "22:00 GMT")
    assert claim.value == "2024-07-10T22:00+00:00"
    assert claim.relative
    assert claim.time is not None and not claim.time.day_stated
    dated = _only(_claims(nlp, "Polling stations closed at 22:00 GMT on 8 July."), "22:00 GMT on 8 July")
    assert dated.time is not None and dated.time.day_stated


def test_a_four_digit_time_is_no_year(nlp: Language) -> None:
    claims = _claims(nlp, "The final whistle went at 1925 GMT (8.25 p.m. local time).")
    assert not any(c.value == "1925" for c in claims)
    assert _only(claims, "1925 GMT (8.25 p.m. local time)").value == "2024-07-10T19:25+00:00"


def test_a_game_clock_is_no_time_of_day(nlp: Language) -> None:
    claims = _claims(nlp, "Ortiz hit a three-pointer with 2:51 to play and another with 1:12 left.")
    assert not [c for c in claims if c.value and "T" in c.value]


def test_local_time_takes_the_offset_its_source_states(nlp: Language) -> None:
    text = (
        "The reactor was shut down at 17:25 local time (1525 GMT) on 8 July. "
        "Engineers restarted it at 21:10 local time on 9 July."
    )
    claims = _claims(nlp, text)
    stated = _only(claims, "17:25 local time (1525 GMT) on 8 July")
    assert stated.time is not None
    assert (stated.time.clock, stated.time.zone, stated.time.converted, stated.time.offset_from) == (
        "17:25", "local time", "15:25 GMT", "conversion"
    )
    learned = _only(claims, "21:10 local time on 9 July")
    assert learned.value == "2024-07-09T21:10+02:00"
    assert learned.time is not None and learned.time.offset_from == "source"


def test_two_local_times_of_two_offsets_stay_unknown(nlp: Language) -> None:
    text = (
        "The convoy left at 08:00 local time (0600 GMT) on 8 July. "
        "It reached the coast at 19:00 local time (1800 GMT) on 9 July. "
        "The port reopened at 21:10 local time on 9 July."
    )
    assert _only(_claims(nlp, text), "21:10 local time on 9 July").value == "2024-07-09T21:10"


# --- the time check ---------------------------------------------------------------------


def _check(*texts: str, reference: str = "2024-07-10") -> list[Finding]:
    sources = [Source(id=f"s{i}", text=t) for i, t in enumerate(texts)]
    report = factcheck.check(sources, reference_date=dt.date.fromisoformat(reference))
    return [f for f in report.findings if f.rule == "dates.time-conflict"]


def test_a_time_that_agrees_after_conversion_is_no_conflict() -> None:
    findings = _check(
        "The cargo plane landed in Tromsvik at 09:35 CEST (07:35 UTC) after circling twice.",
        "The cargo plane touched down in Tromsvik at 0735 GMT after circling twice.",
        "Airport staff said the cargo plane landed in Tromsvik at 9.35am local time.",
    )
    assert findings == []


def test_one_source_against_the_others_is_a_warning() -> None:
    findings = _check(
        "The Harbour Road gas main ruptured at 9:20 a.m. local time (0820 GMT), the utility said.",
        "The gas main under Harbour Road ruptured at 0820 GMT, forcing hundreds from their homes.",
        "Residents heard the Harbour Road gas main rupture at 9:20 GMT.",
    )
    assert len(findings) == 1
    finding = findings[0]
    assert finding.severity == "warning"
    assert finding.category == "date-conflict"
    assert {e.text for e in finding.evidence} >= {"9:20 GMT"}
    assert "09:20 UTC" in finding.message and "08:20 UTC" in finding.message
    assert "2 sources" in finding.message
    assert finding.suggestion == "08:20 UTC"


def test_a_clock_under_the_wrong_summer_zone() -> None:
    findings = _check(
        "The Meridale derby started at 19:30 BST on 6 July.",
        "The Meridale derby got under way at 7.30pm local time (1830 GMT) on 6 July.",
        "The Meridale derby started at 20.30 Danish time on 6 July, the broadcaster said.",
        "The Meridale derby began at 20:30 CEST.",
    )
    assert [f.severity for f in findings] == []  # 19:30 BST is 18:30 UTC: every source agrees
    findings = _check(
        "The Meridale derby started at 18:30 BST on 6 July.",
        "The Meridale derby got under way at 7.30pm local time (1830 GMT) on 6 July.",
        "The Meridale derby started at 20.30 Danish time on 6 July, the broadcaster said.",
    )
    assert len(findings) == 1
    assert findings[0].severity == "warning"
    assert "18:30 BST" in {e.text for e in findings[0].evidence} or any(
        "18:30 BST" in e.text for e in findings[0].evidence
    )


def test_local_time_learned_from_another_source() -> None:
    findings = _check(
        "The Velda bridge collapsed at 6:15 a.m. local time (0415 GMT), police said.",
        "The Velda bridge collapsed at 6.15am local time, trapping two lorries.",
        "The Velda bridge collapsed at 0515 GMT, a witness told reporters.",
    )
    assert len(findings) == 1
    assert findings[0].severity == "warning"
    assert any(e.text == "0515 GMT" for e in findings[0].evidence)


def test_unknown_zones_compare_as_wall_clocks_at_info() -> None:
    findings = _check(
        "The Kestrel Valley dam spillway was opened at 8:10pm on Monday, engineers said.",
        "Engineers said the Kestrel Valley dam spillway was opened at 9:25pm on Monday.",
    )
    assert [f.severity for f in findings] == ["info"]
    same = _check(
        "The Kestrel Valley dam spillway was opened at 8:10pm on Monday, engineers said.",
        "Engineers said the Kestrel Valley dam spillway was opened at 8.10pm on Monday.",
    )
    assert same == []


def test_a_known_zone_is_not_compared_with_an_unknown_one() -> None:
    findings = _check(
        "The Kestrel Valley dam spillway was opened at 20:10 GMT, engineers said.",
        "Engineers said the Kestrel Valley dam spillway was opened at 9:25pm.",
    )
    assert findings == []


def test_times_of_two_events_are_not_compared() -> None:
    findings = _check(
        "The fire at the Ostrava depot broke out at 14:20 GMT.",
        "Firefighters declared the blaze contained at 17:05 GMT, the mayor told a press briefing.",
    )
    assert findings == []


def test_a_hedged_or_rounded_time_agrees_with_a_precise_one() -> None:
    findings = _check(
        "The Lindholm tunnel was closed at about 10:00 GMT after the spill.",
        "The Lindholm tunnel was closed at 10:12 GMT after the spill, the police said.",
    )
    assert findings == []


def test_a_page_stamp_is_not_an_event_time() -> None:
    findings = _check(
        "Last updated at 17:02 GMT\nThe Lindholm tunnel was closed at 10:12 GMT after the spill.",
        "Posted 09:05 GMT\nThe Lindholm tunnel was closed at 10:12 GMT after the spill, police said.",
    )
    assert findings == []


def test_a_dateless_time_gives_no_date_conflict() -> None:
    sources = [
        Source(id="a", text="The Arden council voted on the budget on Monday.", published=dt.date(2024, 7, 9)),
        Source(id="b", text="The Arden council voted on the budget at 16:00 GMT.", published=dt.date(2024, 7, 10)),
    ]
    report = factcheck.check(sources)
    assert not [f for f in report.findings if f.rule == "dates.conflict"]


# --- zone arithmetic --------------------------------------------------------------------


def test_seasonal_zones_switch_on_their_days() -> None:
    cet = named_zone("german")
    assert cet is not None
    # the EU switch: 01:00 UTC on the last Sunday of March (31 March 2024)
    assert cet.offset_on(date(2024, 3, 31), 1 * 60 + 30) == 60  # 00:30 UTC
    assert cet.offset_on(date(2024, 3, 31), 3 * 60 + 30) == 120  # 01:30 UTC
    assert cet.offset_on(date(2024, 10, 27), 12 * 60) == 60
    et = ABBREVIATIONS["et"]
    # the US switch: 02:00 local on the second Sunday of March (10 March 2024)
    assert et.offset_on(date(2024, 3, 10), 60) == -300
    assert et.offset_on(date(2024, 3, 10), 3 * 60) == -240
    assert et.offset_on(date(2024, 11, 3), 3 * 60) == -300
    assert et.offset_on(None, 600) is None
    assert ABBREVIATIONS["edt"].offset_on(None, 600) == -240
    assert named_zone("atlantis") is None


@given(
    offset=st.integers(min_value=-48, max_value=47).map(lambda q: q * 15),
    wall=st.integers(min_value=0, max_value=1439),
)
def test_a_conversion_gives_back_its_offset(offset: int, wall: int) -> None:
    utc = (wall - offset) % 1440
    assert plausible_offset(wall - utc) == offset
    clock = Clock(wall // 60, wall % 60, LOCAL, "", paired=(utc // 60, utc % 60, ABBREVIATIONS["gmt"]))
    assert clock.offset_on(date(2024, 5, 1)) == offset
    assert value_offset(f"2024-05-01T{wall // 60:02d}:{wall % 60:02d}{offset_text(offset)}") == offset


@given(day=st.dates(min_value=dt.date(2008, 1, 1), max_value=dt.date(2099, 12, 31)), wall=st.integers(0, 1439))
def test_summer_offsets_are_one_hour_more_and_only_in_summer(day: date, wall: int) -> None:
    for name, standard in (("uk", 0), ("norwegian", 60), ("finnish", 120), ("eastern", -300)):
        zone = named_zone(name)
        assert zone is not None
        offset = zone.offset_on(day, wall)
        assert offset in (standard, standard + 60)
        if day.month in (12, 1, 2):
            assert offset == standard
        if day.month in (5, 6, 7, 8, 9):
            assert offset == standard + 60
