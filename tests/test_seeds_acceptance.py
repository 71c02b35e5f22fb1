"""Acceptance on the demo corpus: what a careful editor finds in the five seed articles.

The expectations are the project's own, written here; the run is the real
pipeline with the bundled rules.
"""

from __future__ import annotations

import pytest

from factcheck.report import SEVERITY_RANK, Report

S0, S1, S2, S3, S4 = (
    "000_f7b95c7b29fba48b",
    "001_80b0f6a939c5a2a4",
    "002_6c7a964c5b2f816e",
    "003_a9373323a970327e",
    "004_7e4300adf6b00cac",
)

MUST_FLAG = [
    # (categories, source, text inside the flagged span, lowest severity)
    ({"name-spelling"}, S0, "Zelesnki", "warning"),
    ({"name-spelling", "name-variant"}, S0, "Órban", "warning"),
    ({"name-spelling"}, S0, "Saakshvilli", "warning"),
    ({"name-spelling"}, S0, "Yuschenko", "warning"),
    ({"name-spelling"}, S2, "Poutine", "warning"),
    ({"name-casing"}, S0, "nato", "warning"),
    ({"name-casing"}, S3, "nato", "warning"),
    ({"name-glued"}, S3, "Putinaccused", "warning"),
    ({"date-format"}, S2, "1is", "warning"),
    ({"date-format"}, S0, "Tuesday, 1", "info"),
    ({"date-format"}, S3, "Sunday, 30", "info"),
]

MUST_NOT_FLAG = [
    # (categories, source, text, highest severity allowed)
    ({"quantity-conflict"}, S0, "100,000 troops", "info"),
    ({"quantity-conflict"}, S1, "100,000 troops", "info"),
    ({"quantity-conflict"}, S4, "100,000 Russian troops", "info"),
    ({"date-conflict"}, S3, "2022-02-02", None),
    ({"date-conflict"}, S1, "on Tuesday", None),
    ({"name-spelling", "name-variant"}, S3, "Sergei Lavrov", "info"),
    ({"name-spelling", "name-variant"}, S4, "Sergey Lavrov", "info"),
    ({"name-spelling", "name-variant", "title-conflict"}, S4, "Sergei Sobyanin", None),
    ({"name-casing"}, S1, "Russia-Nato", "info"),
    ({"date-weekday"}, S3, "Tuesday, 1st", None),
    ({"date-weekday"}, S4, "On Wednesday", None),
    ({"date-conflict"}, S4, "2014", None),
    ({"title-conflict"}, S1, "Viktor Orban", None),
    ({"title-conflict"}, S4, "Mario Draghi", None),
    ({"name-spelling"}, S1, "El Pais", "info"),
]

EXPECTED_CLAIMS = [
    # (kind, source, text, value)
    ("date", S0, "Tuesday, 1", "2022-02-01"),
    ("date", S0, "the 10th", "2022-02-10"),
    ("date", S0, "2008", "2008"),
    ("date", S1, "on Tuesday", "2022-02-01"),
    ("date", S2, "Tuesday 1is February", "2022-02-01"),
    ("date", S2, "December 2021", "2021-12"),
    ("date", S3, "2022-02-02", "2022-02-02"),
    ("date", S3, "Sunday, 30", "2022-01-30"),
    ("date", S4, "Dec. 23", "2021-12-23"),
    ("date", S4, "January 20, 2022", "2022-01-20"),
    ("date", S4, "On Wednesday", "2022-02-02"),
    ("date", S4, "last week", "2022-W04"),
    ("date", S4, "this week", "2022-W05"),
]

EXPECTED_QUANTITIES = [
    # (source, text, low, high, unit, noun lemma)
    (S0, "more than 100,000 troops", 100000, None, None, "troop"),
    (S1, "100,000 troops", 100000, 100000, None, "troop"),
    (S4, "over 100,000 Russian troops", 100000, None, None, "troop"),
    (S1, "five-hour", 5, 5, "hour", None),
    (S2, "57.91%", 57.91, 57.91, "percent", None),
    (S1, "three key requirements", 3, 3, None, "requirement"),
]

EXPECTED_ENTITIES = [
    (S0, "Zelesnki", "Volodymyr Zelensky"),
    (S0, "Órban", "Viktor Orbán"),
    (S2, "Poutine", "Vladimir Putin"),
    (S0, "Saakshvilli", "Mikheil Saakashvili"),
    (S3, "Putinaccused", "Vladimir Putin"),
]


def spans_of(report: Report, source: str, needle: str) -> list[tuple[int, int]]:
    text = report.source_text(source) or ""
    spans, at = [], text.find(needle)
    while at >= 0:
        spans.append((at, at + len(needle)))
        at = text.find(needle, at + 1)
    assert spans, f"{needle!r} not in {source}"
    return spans


def touching(
    report: Report, categories: set[str], source: str, needle: str
) -> list[tuple[str, int]]:
    spans = spans_of(report, source, needle)
    return [
        (f.severity, i)
        for i, f in enumerate(report.findings)
        if f.category in categories
        and any(
            e.source == source and any(e.start < b and a < e.end for a, b in spans)
            for e in f.evidence
        )
    ]


@pytest.mark.parametrize(("categories", "source", "text", "least"), MUST_FLAG)
def test_flags(
    seeds_report: Report, categories: set[str], source: str, text: str, least: str
) -> None:
    hits = touching(seeds_report, categories, source, text)
    assert any(SEVERITY_RANK[s] >= SEVERITY_RANK[least] for s, _ in hits), hits


@pytest.mark.parametrize(("categories", "source", "text", "most"), MUST_NOT_FLAG)
def test_does_not_flag(
    seeds_report: Report, categories: set[str], source: str, text: str, most: str | None
) -> None:
    limit = -1 if most is None else SEVERITY_RANK[most]
    loud = [
        seeds_report.findings[i].message
        for s, i in touching(seeds_report, categories, source, text)
        if SEVERITY_RANK[s] > limit
    ]
    assert loud == []


def claims_at(report: Report, kind: str, source: str, text: str) -> list:  # type: ignore[type-arg]
    spans = spans_of(report, source, text)
    return [
        c
        for c in report.claims
        if c.kind == kind
        and c.source == source
        and any(c.start < b and a < c.end for a, b in spans)
    ]


@pytest.mark.parametrize(("kind", "source", "text", "value"), EXPECTED_CLAIMS)
def test_date_claims(seeds_report: Report, kind: str, source: str, text: str, value: str) -> None:
    assert value in [c.value for c in claims_at(seeds_report, kind, source, text)]


@pytest.mark.parametrize(("source", "text", "low", "high", "unit", "noun"), EXPECTED_QUANTITIES)
def test_quantity_claims(
    seeds_report: Report,
    source: str,
    text: str,
    low: float,
    high: float | None,
    unit: str | None,
    noun: str | None,
) -> None:
    found = [
        (c.low, c.high, c.unit, c.noun_lemma)
        for c in claims_at(seeds_report, "quantity", source, text)
    ]
    assert (low, high, unit, noun) in found or (
        noun is None and any(f[:3] == (low, high, unit) for f in found)
    ), found


@pytest.mark.parametrize(("source", "text", "canonical"), EXPECTED_ENTITIES)
def test_entity_claims(seeds_report: Report, source: str, text: str, canonical: str) -> None:
    assert canonical in [c.canonical for c in claims_at(seeds_report, "entity", source, text)]


def test_precision_of_loud_findings(seeds_report: Report) -> None:
    """Every warning or error stands for one of the expected flags."""
    expected = set()
    for categories, source, text, _ in MUST_FLAG:
        expected.update(i for _, i in touching(seeds_report, categories, source, text))
    loud = [i for i, f in enumerate(seeds_report.findings) if f.severity != "info"]
    unexpected = [seeds_report.findings[i].message for i in loud if i not in expected]
    assert len(unexpected) <= 0.15 * max(len(loud), 1), unexpected


def test_spans_are_exact(seeds_report: Report) -> None:
    for claim in seeds_report.claims:
        assert (seeds_report.source_text(claim.source) or "")[claim.start : claim.end] == claim.text
    for finding in seeds_report.findings:
        for e in finding.evidence:
            assert (seeds_report.source_text(e.source) or "")[e.start : e.end] == e.text
