"""The day of one event across sources, and days the calendar does not have.

Each source is written for the test.  Sources are published on the
Wednesday after the event (2025-03-12), so "on Monday" is 2025-03-10 and
"on Sunday" 2025-03-09.
"""

from __future__ import annotations

import datetime as dt

import factcheck
from factcheck.report import Finding
from factcheck.sources import Source

PUBLISHED = dt.date(2025, 3, 12)


def run(*texts: str) -> list[Finding]:
    sources = [Source(id=f"s{i}", text=t, published=PUBLISHED) for i, t in enumerate(texts)]
    return factcheck.check(sources, include_claims=False).findings


def loud(findings: list[Finding], category: str) -> list[Finding]:
    return [f for f in findings if f.severity != "info" and f.category == category]


def test_a_slipped_weekday_against_two_sources_in_other_words() -> None:
    findings = run(
        "The Harwick town council approved the new harbour budget on Monday after a long debate.",
        "Harwick councillors voted on Monday to approve the harbour budget, officials said.",
        "The harbour budget was passed by the Harwick town council on Sunday, the mayor said.",
    )
    conflicts = loud(findings, "date-conflict")
    assert len(conflicts) == 1
    assert ("s2", "Sunday") in {(e.source, e.text) for e in conflicts[0].evidence}
    assert "2025-03-09" in conflicts[0].message and "2025-03-10" in conflicts[0].message
    assert conflicts[0].details["aligned_by"] == "like sentences of other sources, a few days apart"


def test_two_events_on_two_days_are_no_conflict() -> None:
    findings = run(
        "The Harwick town council approved the new harbour budget on Monday after a long debate.",
        "Harwick councillors voted on Monday to approve the harbour budget, officials said.",
        "Dock workers in Harwick went on strike on Sunday over pay, a union said.",
    )
    assert loud(findings, "date-conflict") == []


def test_a_source_that_also_gives_the_others_day_is_not_contradicted() -> None:
    findings = run(
        "The Harwick town council approved the new harbour budget on Monday after a long debate.",
        "Harwick councillors voted on Monday to approve the harbour budget, officials said.",
        "The Harwick council debated the harbour budget on Sunday and approved it on Monday.",
    )
    assert loud(findings, "date-conflict") == []


def test_one_source_against_one_is_no_warning() -> None:
    findings = run(
        "The Harwick town council approved the new harbour budget on Monday after a long debate.",
        "The harbour budget was passed by the Harwick town council on Sunday, the mayor said.",
    )
    assert loud(findings, "date-conflict") == []


def test_a_day_the_calendar_does_not_have() -> None:
    findings = run(
        "The Harwick lighthouse was first lit on 31 April 1904, the museum says.",
        "The harbour master retired on 29 February 2023.",
        "The old pier was rebuilt on 31 March 1999.",
    )
    impossible = [
        f for f in findings if f.category == "date-format" and ("days at most" in f.message or "leap" in f.message)
    ]
    assert sorted(f.evidence[0].text for f in impossible) == ["29 February 2023", "31 April 1904"]
    assert all(f.severity == "warning" for f in impossible)
    assert any("April has 30 days" in f.message for f in impossible)
