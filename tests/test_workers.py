"""``--jobs N``: workers forked once per run, after the model is loaded, kept across clusters (issue 19)."""

from __future__ import annotations

import multiprocessing
import os

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


def test_a_small_cluster_is_shared_by_every_worker() -> None:
    assert workers.chunk_size(3, 2) == 2
    assert workers.chunk_size(12, 2) == 6
    assert workers.chunk_size(200, 2) == workers.CHUNK_SOURCES
    assert workers.chunk_size(1, 4) == 1


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
