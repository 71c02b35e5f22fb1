"""``--jobs N``: workers forked once per run, after the model is loaded, kept across clusters (issue 19).

The workers extract the next cluster while the run checks the current one; the reports are those of
``--jobs 1``, in the same order.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

import factcheck
from factcheck.extraction import workers
from factcheck.extraction.nlp import load_pipeline
from factcheck.pipeline import iter_check
from factcheck.sources.model import Source

CLUSTERS = {
    "harbour": [
        "The Quillon harbour fire on 3 March 2025 destroyed 14 boats, officials said on Tuesday.",
        "Fourteen boats burned in the Quillon harbour fire on March 3, 2025; 2 crew were hurt.",
        "A fire at Quillon harbour destroyed 41 boats on 3 March 2025, the port authority said.",
    ],
    "bridge": [
        "The Ardale bridge, 1,200 metres long, reopened on Friday after 6 weeks of repairs.",
        "Ardale's 1.2 km bridge reopened on Friday, 7 March, after six weeks of work.",
        "The 1,200-metre Ardale bridge reopened on Friday after repairs that took 8 weeks.",
    ],
}


def records() -> list[Source]:
    return [
        Source.from_text(text, id=f"{cluster}-{n}", cluster=cluster)
        for cluster, texts in CLUSTERS.items()
        for n, text in enumerate(texts)
    ]


def _worker_state() -> tuple[int, int]:
    """In a worker: its process id and the address of its pipeline (a forked child keeps the parent's)."""
    return os.getpid(), id(load_pipeline())


def test_tasks_take_the_longest_sources_first_in_chunks_that_shrink() -> None:
    lengths = [3000, 50000, 8000, 8000, 2000, 40000, 9000, 1000, 7000, 6000, 5000, 4000]
    chunks = workers.chunks_by_length(lengths, 2)
    assert sorted(p for chunk in chunks for p in chunk) == list(range(len(lengths)))  # each source once
    assert chunks[:2] == [[1], [5]]  # the longest alone: each a quarter of the text left or more
    order = [p for chunk in chunks for p in chunk]
    assert [lengths[p] for p in order] == sorted(lengths, reverse=True)
    assert order.index(2) < order.index(3)  # equal lengths in input order
    assert len(chunks) >= 4  # a cluster of a dozen articles gives every worker more than one task
    assert chunks[-1] == [11, 0, 4, 7]  # short sources go together, no task under MIN_TASK_CHARS but the last
    assert all(sum(lengths[p] for p in c) >= workers.MIN_TASK_CHARS for c in chunks)
    many = workers.chunks_by_length([3600] * 200, 2)
    assert max(len(c) for c in many) == workers.CHUNK_SOURCES  # a large cluster: batches of the NLP's size
    assert [len(c) for c in many] == sorted((len(c) for c in many), reverse=True)
    assert min(len(c) for c in many[:-1]) * 3600 >= workers.MIN_TASK_CHARS
    assert workers.chunks_by_length([500] * 6, 2) == [[0, 1, 2, 3, 4, 5]]  # too little text to share
    assert workers.chunks_by_length([10], 4) == [[0]]
    assert workers.chunks_by_length([], 2) == []


def test_one_pool_serves_every_cluster_of_a_run_and_starts_with_the_model() -> None:
    one = factcheck.check(records(), clusters=True, reference_date="2025-03-10", jobs=1).model_dump_json()
    reports = iter_check(records(), clusters=True, reference_date="2025-03-10", jobs=2)
    next(reports)
    assert workers._pool is not None
    pool = workers._pool[1]
    states = {pool.submit(_worker_state).result() for _ in range(8)}
    assert os.getpid() not in {pid for pid, _ in states}
    assert {address for _, address in states} == {id(load_pipeline())}  # the parent's pipeline, not loaded again
    next(reports)
    assert workers._pool is not None and workers._pool[1] is pool  # the second cluster used the same workers
    assert list(reports) == []
    assert workers._pool is None  # the run is over: its workers ended with it
    two = factcheck.check(records(), clusters=True, reference_date="2025-03-10", jobs=2).model_dump_json()
    assert one == two


def _leave_a_run_unfinished() -> None:
    next(iter_check(records(), clusters=True, reference_date="2025-03-10", jobs=2))


def test_a_child_process_that_leaves_its_workers_running_still_exits() -> None:
    """multiprocessing joins a child's children before atexit runs: the pool must be closed before that."""
    child = multiprocessing.get_context("fork").Process(target=_leave_a_run_unfinished)
    child.start()
    child.join(timeout=120)
    if child.is_alive():
        child.kill()
        raise AssertionError("the child process hung waiting for its worker pool")
    assert child.exitcode == 0


ARTICLES = {
    "harbour": [
        "The Quillon harbour fire on 3 March 2025 destroyed 14 boats, officials said on Tuesday. "
        "Harbour master Ines Varga said 2 crew members were hurt and 300 people left the quay. " * 6,
        "Fourteen boats burned in the Quillon harbour fire on March 3, 2025; 2 crew were hurt.",
        "A fire at Quillon harbour destroyed 41 boats on 3 March 2025, harbour master Ines Vargas said.",
    ],
    "bridge": [
        "The Ardale bridge, 1,200 metres long, reopened on Friday after 6 weeks of repairs.",
        "Ardale's 1.2 km bridge reopened on Friday, 7 March, after six weeks of work, mayor Tomas Leer said. "
        "The repairs cost 4.5 million euros, the council said on Thursday. " * 4,
        "The 1,200-metre Ardale bridge reopened on Friday after repairs that took 8 weeks.",
        "Mayor Tomas Lehr opened the Ardale bridge on Friday; repairs cost 5.4 million euros.",
    ],
    "dam": [
        "Engineers lowered the Berrin reservoir by 3 metres on Monday, 10 March 2025.",
        "The Berrin reservoir was lowered by 30 metres on Monday after cracks were found in the dam.",
    ],
    "quarry": [
        "A blast at the Moravel quarry on Sunday injured 5 workers, the operator said. " * 3,
        "Five workers were injured in the Moravel quarry blast on Sunday, 9 March.",
        "The Moravel quarry blast on Saturday injured 6 workers, police said.",
    ],
}


def _write_clusters(root: Path) -> Path:
    for cluster, texts in ARTICLES.items():
        folder = root / cluster
        folder.mkdir(parents=True)
        for n, text in enumerate(texts):
            (folder / f"{cluster}-{n}.txt").write_text(text, encoding="utf-8")
    return root


def _reports(root: Path, jobs: int) -> list[str]:
    run = iter_check([root], clusters=True, reference_date="2025-03-11", jobs=jobs)
    return [report.model_dump_json() for report in run]


def test_two_jobs_give_the_reports_of_one_in_the_same_order(tmp_path: Path) -> None:
    root = _write_clusters(tmp_path / "archive")
    one = _reports(root, 1)
    two = _reports(root, 2)
    assert len(one) == len(ARTICLES)
    assert one == two
    reports = [factcheck.Report.model_validate_json(r) for r in two]
    assert [{s.cluster for s in r.sources} for r in reports] == [{c} for c in sorted(ARTICLES)]
    assert all(r.claims for r in reports)  # the claims came back from the workers
    assert any(r.findings for r in reports)
    assert workers._pool is None


def test_the_workers_get_the_next_cluster_before_the_current_report_is_given(tmp_path: Path) -> None:
    """The next cluster is read and handed to the workers while this one is checked: its files are read by then."""
    root = _write_clusters(tmp_path / "archive")
    expected = _reports(root, 1)
    run = iter_check([root], clusters=True, reference_date="2025-03-11", jobs=2)
    first = next(run)
    for path in (root / "dam").iterdir():  # the second cluster, in the workers already
        path.write_text("Overwritten after it was read.", encoding="utf-8")
    rest = list(run)
    assert [first.model_dump_json(), *(r.model_dump_json() for r in rest)] == expected
    assert workers._pool is None


def _worker_pids() -> set[int]:
    assert workers._pool is not None
    pool = workers._pool[1]
    return {pool.submit(os.getpid).result() for _ in range(8)}


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.mark.parametrize("leave", ["close", "drop"])
def test_a_run_left_midway_ends_its_workers(tmp_path: Path, leave: str) -> None:
    root = _write_clusters(tmp_path / "archive")
    run: Iterator[factcheck.Report] | None = iter_check([root], clusters=True, reference_date="2025-03-11", jobs=2)
    assert run is not None
    next(run)  # the next cluster is in the workers now
    pids = _worker_pids()
    assert pids and os.getpid() not in pids
    if leave == "close":
        run.close()  # type: ignore[attr-defined]
    else:
        run = None
        gc.collect()
    assert workers._pool is None
    assert not any(_alive(pid) for pid in pids)  # ended and reaped, none left waiting
