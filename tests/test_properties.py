"""Properties of the whole pipeline on arbitrary input (hypothesis).

Whatever the text, a run finishes, every span it reports is exact, and the
result does not depend on the order the sources are given in.
"""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import factcheck
from factcheck.report import Report
from factcheck.sources.model import Source

NEWSY = st.sampled_from(
    [
        "Emmanuel Macron",
        "Emmanuel Macorn",
        "nato",
        "NATO",
        "on Tuesday, 3",
        "more than 1,000 troops",
        "about 40 people were killed",
        "12 people were killed",
        "Scholzsaid",
        "the 10th",
        "3 March 2025",
        "Sergey Lavrov",
        "1is February",
        "\u0301",
        "\r\n",
        "\x00",
        "😀",
        "שלום",
        ".",
        ", ",
        " ",
    ]
)
TEXT = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(NEWSY, st.text(max_size=12)), max_size=25).map(" ".join),
)
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_spans_exact(report: Report, texts: dict[str, str]) -> None:
    for claim in report.claims:
        assert texts[claim.source][claim.start : claim.end] == claim.text
    for finding in report.findings:
        for evidence in finding.evidence:
            assert texts[evidence.source][evidence.start : evidence.end] == evidence.text


@SETTINGS
@given(st.lists(TEXT, min_size=1, max_size=3))
def test_any_text_gives_a_report_with_exact_spans(texts: list[str]) -> None:
    sources = [Source(id=f"s{i}", text=t) for i, t in enumerate(texts)]
    report = factcheck.check(sources, reference_date="2025-03-10")
    assert report.summary.sources_read + len([p for p in report.problems if p.kind == "source"]) == len(sources)
    assert_spans_exact(report, {s.id: s.text for s in sources})


@SETTINGS
@given(st.lists(TEXT, min_size=2, max_size=3), st.randoms())
def test_source_order_does_not_change_the_result(texts: list[str], rnd) -> None:  # type: ignore[no-untyped-def]
    sources = [Source(id=f"s{i}", text=t) for i, t in enumerate(texts)]
    shuffled = list(sources)
    rnd.shuffle(shuffled)
    first = factcheck.check(sources, reference_date="2025-03-10")
    second = factcheck.check(shuffled, reference_date="2025-03-10")

    def canonical(report: Report) -> str:
        data = json.loads(report.model_dump_json())
        data["sources"].sort(key=lambda s: s["id"])
        return json.dumps(data, sort_keys=True)

    assert canonical(first) == canonical(second)


def test_output_is_deterministic() -> None:
    text = "Emmanuel Macorn met nato leaders on Tuesday, 3. At least 40 people were killed."
    runs = {factcheck.check([Source(id="a", text=text)]).model_dump_json() for _ in range(3)}
    assert len(runs) == 1
