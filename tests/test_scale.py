"""Clusters, worker processes and the claims cache: same answers, less work."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import factcheck
from factcheck.cache import ClaimCache
from factcheck.cli import main
from factcheck.sources import Source

TEXTS = {
    "a1": "At least 40 people were killed in the blast in Lyon on Monday, 3 March 2025.",
    "a2": "Officials said 12 people were killed in the blast in Lyon.",
    "b1": "Five people were injured when the bridge collapsed. Leaders of nato met.",
    "b2": "Emmanuel Macorn visited the site of the bridge collapse.",
}


def sources() -> dict[str, list[Source]]:
    return {
        "alpha": [Source(id=k, text=v) for k, v in TEXTS.items() if k.startswith("a")],
        "beta": [Source(id=k, text=v) for k, v in TEXTS.items() if k.startswith("b")],
    }


def test_mapping_of_clusters_is_checked_cluster_by_cluster() -> None:
    report = factcheck.check(sources(), reference_date="2025-03-10")
    by_cluster = {(f.cluster, f.category) for f in report.findings}
    assert ("alpha", "quantity-conflict") in by_cluster
    assert ("beta", "name-casing") in by_cluster and ("beta", "name-spelling") in by_cluster
    assert {s.id: s.cluster for s in report.sources} == {"a1": "alpha", "a2": "alpha", "b1": "beta", "b2": "beta"}


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


def test_two_jobs_give_byte_identical_output() -> None:
    flat = [Source(id=f"{k}-{n}", text=v) for n in range(3) for k, v in TEXTS.items()]
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
