"""Clusters, worker processes and the claims cache: same answers, less work."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import factcheck
from factcheck.claims import EntityClaim, in_source_order
from factcheck.cli import main
from factcheck.extraction.cache import ClaimCache
from factcheck.pipeline import iter_check
from factcheck.sources.clusters import plan_clusters
from factcheck.sources.model import Source

TEXTS = {
    "a1": "At least 40 people were killed in the blast in Lyon on Monday, 3 March 2025.",
    "a2": "Officials said 12 people were killed in the blast in Lyon.",
    "b1": "Five people were injured when the bridge collapsed. Leaders of nato met.",
    "b2": "Emmanuel Macorn visited the site of the bridge collapse.",
}


def sources() -> list[Source]:
    """The texts in two clusters, "alpha" and "beta", by their ``cluster`` field (checked with clusters=True)."""
    return [Source(id=k, text=v, meta={"cluster": "alpha" if k.startswith("a") else "beta"}) for k, v in TEXTS.items()]


def test_cluster_fields_are_checked_cluster_by_cluster() -> None:
    report = factcheck.check(sources(), reference_date="2025-03-10", clusters=True)
    by_cluster = {(f.cluster, f.category) for f in report.findings}
    assert ("alpha", "quantity-conflict") in by_cluster
    assert ("beta", "name-casing") in by_cluster and ("beta", "name-spelling") in by_cluster
    assert {s.id: s.cluster for s in report.sources} == {"a1": "alpha", "a2": "alpha", "b1": "beta", "b2": "beta"}


def test_check_is_iter_check_merged_with_the_same_parameters() -> None:
    import inspect

    from factcheck.report import Report

    assert inspect.signature(factcheck.check).parameters == inspect.signature(iter_check, eval_str=True).parameters
    assert inspect.signature(factcheck.check).return_annotation is Report
    merged = Report.merge(list(iter_check(sources(), reference_date="2025-03-10", clusters=True)))
    checked = factcheck.check(sources(), reference_date="2025-03-10", clusters=True)
    assert checked.model_dump_json() == merged.model_dump_json()
    assert checked.summary.sources_read == 4 and checked.source_text("b2") == TEXTS["b2"]


def test_figures_of_different_clusters_are_never_compared(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for cluster, text in (
        ("one", "Twelve people were killed in the fire."),
        ("two", "Forty people were killed in the fire."),
    ):
        (tmp_path / cluster).mkdir()
        (tmp_path / cluster / f"{cluster}.txt").write_text(text, encoding="utf-8")
    status = main(["check", str(tmp_path), "--clusters", "--format", "json", "--no-cache"])
    report = json.loads(capsys.readouterr().out)
    assert status == 0 and report["findings"] == []
    assert sorted(s["cluster"] for s in report["sources"]) == ["one", "two"]
    main(["check", str(tmp_path), "--format", "json", "--no-cache"])  # one cluster: now they conflict
    assert [f["category"] for f in json.loads(capsys.readouterr().out)["findings"]] == ["quantity-conflict"]


def test_jsonl_cluster_values(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        "".join(
            json.dumps({"id": k, "text": v, "cluster": "alpha" if k.startswith("a") else "beta"}) + "\n"
            for k, v in TEXTS.items()
        ),
        encoding="utf-8",
    )
    report = factcheck.check([feed], clusters=True, reference_date="2025-03-10")
    assert {s.cluster for s in report.sources} == {"alpha", "beta"}
    assert any(f.cluster == "alpha" and f.category == "quantity-conflict" for f in report.findings)


def test_a_jsonl_feed_is_read_one_cluster_at_a_time(tmp_path: Path) -> None:
    """Interleaved clusters: each cluster's plan names its own lines only, read when its turn comes."""
    feed = tmp_path / "feed.jsonl"
    records = [
        json.dumps({"id": "a1", "text": TEXTS["a1"], "cluster": "alpha"}),
        json.dumps({"id": "b1", "text": TEXTS["b1"], "cluster": "beta"}),
        "{not json",
        json.dumps({"id": "a2", "text": TEXTS["a2"], "cluster": "alpha"}),
        json.dumps({"id": "x", "text": "A story with no cluster of its own, about 12 people."}),
        json.dumps({"id": "big", "text": "word " * 500, "cluster": "beta"}),
        json.dumps({"id": "b2", "text": TEXTS["b2"], "cluster": "beta"}),
        json.dumps({"id": "a1", "text": "The same id again, in another cluster.", "cluster": "gamma"}),
    ]
    feed.write_text("\n".join(records) + "\n", encoding="utf-8")
    plans = {p.id: p.inputs for p in plan_clusters([feed], clusters=True, max_source_bytes=1000)}
    assert sorted(plans) == ["alpha", "beta", "default", "gamma"]
    lines = {cluster: [n for share in inputs for n, _ in share.lines] for cluster, inputs in plans.items()}  # type: ignore[union-attr]
    # The over-long line has no readable cluster: it is reported with the lines that have none.
    assert lines == {"alpha": [1, 4], "beta": [2, 7], "default": [3, 5, 6], "gamma": [8]}

    reports = list(iter_check([feed], clusters=True, reference_date="2025-03-10", max_source_bytes=1000))
    assert [r.sources[0].cluster if r.sources else None for r in reports] == ["alpha", "beta", "default", None]
    assert [s.id for s in reports[0].sources] == ["a1", "a2"]
    assert any(f.category == "quantity-conflict" for f in reports[0].findings)
    problems = [(p.line, p.message) for r in reports for p in r.problems if p.kind == "source"]
    assert [line for line, _ in problems] == [3, 6, 8]
    assert problems[1][1].startswith(f"line is {len(records[5]):,} bytes, over the 1,000-byte limit")
    assert "duplicate source id 'a1'" in problems[2][1]


def test_two_jobs_give_byte_identical_output() -> None:
    flat = [Source(id=f"{k}-{n}", text=f"{v} (update {n})") for n in range(3) for k, v in TEXTS.items()]
    one = factcheck.check(flat, reference_date="2025-03-10", jobs=1).model_dump_json()
    two = factcheck.check(flat, reference_date="2025-03-10", jobs=2).model_dump_json()
    assert one == two


def test_cache_reuses_claims_and_survives_damage(tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    first = factcheck.check(sources(), reference_date="2025-03-10", cache=cache_dir).model_dump_json()
    entries = sorted(cache_dir.rglob("*.json"))
    assert len(entries) == len(TEXTS)
    assert factcheck.check(sources(), reference_date="2025-03-10", cache=cache_dir).model_dump_json() == first
    entries[0].write_text("{not json", encoding="utf-8")  # a damaged entry is a miss, not an error
    assert factcheck.check(sources(), reference_date="2025-03-10", cache=cache_dir).model_dump_json() == first


def test_cache_key_changes_with_what_extraction_depends_on(tmp_path: Path) -> None:
    cache = ClaimCache(tmp_path, "model@1", "names-1")
    source = Source(id="x", text="Some text.")
    key = cache.key(source, None)
    assert cache.key(source, None) == key
    assert cache.key(source.model_copy(update={"text": "Other text."}), None) != key
    assert ClaimCache(tmp_path, "model@2", "names-1").key(source, None) != key
    assert ClaimCache(tmp_path, "model@1", "names-2").key(source, None) != key
    import datetime as dt

    assert cache.key(source, dt.date(2025, 1, 1)) != key


@given(
    st.lists(
        st.lists(st.tuples(st.sampled_from(["b", "a", "c"]), st.integers(0, 30), st.integers(0, 5)), max_size=8),
        max_size=5,
    )
)
def test_claims_in_source_order_are_one_stable_sort_by_source_and_offsets(
    drawn: list[list[tuple[str, int, int]]],
) -> None:
    each_source = [
        [
            EntityClaim(source=s, start=a, end=a + n, text="x", label="PERSON", surface=f"{k}-{j}")
            for j, (s, a, n) in enumerate(claims)
        ]
        for k, claims in enumerate(drawn)
    ]
    everything = [c for claims in each_source for c in claims]
    expected = sorted(everything, key=lambda c: (c.source, c.start, c.end))
    assert [c.surface for c in in_source_order(each_source)] == [c.surface for c in expected]
