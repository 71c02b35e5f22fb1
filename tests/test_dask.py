"""Dask: the same findings from a distributed.LocalCluster of two worker processes as from a local run."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

import factcheck

db = pytest.importorskip("dask.bag", reason="dask is a dev dependency; `make test` installs it")
distributed = pytest.importorskip("distributed")

RECORDS = [
    {
        "id": "a1",
        "cluster": "alpha",
        "text": "At least 40 people were killed in the blast in Lyon.",
        "published": "2025-03-03",
    },
    {"id": "a2", "cluster": "alpha", "text": "Officials said 12 people were killed in the blast in Lyon."},
    {"id": "a3", "cluster": "alpha", "text": "Emmanuel Macorn visited Lyon on Tuesday, 4 March 2025."},
    {"id": "b1", "cluster": "beta", "text": "Leaders of nato met in Brussels on Monday."},
    {
        "id": "b2",
        "cluster": "beta",
        "text": "Chancellor Olaf Scholzsaid the meeting went well.",
        "published": "2025-03-04",
    },
]


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, host="127.0.0.1"
    )
    with distributed.Client(cluster) as connected:
        yield connected
    cluster.close()


def findings_of(report: factcheck.Report) -> list[str]:
    data = json.loads(report.model_dump_json())
    return [json.dumps(f, sort_keys=True) for f in data["findings"]]


def test_dask_matches_a_local_run(client: object) -> None:
    from factcheck.dask_support import check_bag

    bag = db.from_sequence(RECORDS, npartitions=3)
    distributed_report = check_bag(bag, reference_date="2025-03-10")
    local = factcheck.check(RECORDS, reference_date="2025-03-10", clusters=True)
    assert findings_of(distributed_report) == findings_of(local)
    assert {f.category for f in distributed_report.findings} >= {"quantity-conflict", "name-casing", "name-glued"}
    assert {s.cluster for s in distributed_report.sources} == {"alpha", "beta"}


def test_dask_skips_what_a_local_run_skips(client: object) -> None:
    from factcheck.dask_support import check_bag

    german = (
        "Nach Angaben der Feuerwehr brach das Feuer am frühen Dienstagmorgen in einer Lagerhalle im Norden "
        "der Stadt aus. Verletzt wurde niemand, den Schaden schätzt die Polizei auf 3,5 Millionen Euro."
    )
    records = [*RECORDS, {"id": "a4", "cluster": "alpha", "text": german}]
    distributed_report = check_bag(db.from_sequence(records, npartitions=2), reference_date="2025-03-10")
    local = factcheck.check(records, reference_date="2025-03-10", clusters=True)
    for report in (distributed_report, local):
        assert "a4" not in {s.id for s in report.sources}
        assert report.summary.sources_skipped == 1
        assert [(p.path, p.message.split(",")[0]) for p in report.problems] == [("a4", "language 'de'")]


def test_a_worker_keeps_its_runtime_across_partitions() -> None:
    """Each partition builds its extractor on the pipeline, name index and tables the process already holds."""
    from factcheck.dask_support import Recipe
    from factcheck.extraction.entities import _gazetteer

    first, second = Recipe(None, None).extractor(), Recipe(None, None).extractor()
    assert first.nlp is second.nlp and first.names is second.names
    assert first.words is second.words
    assert _gazetteer(first.names, first.nlp.tokenizer) is _gazetteer(second.names, second.nlp.tokenizer)
