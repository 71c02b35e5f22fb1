"""Extraction spread over worker processes (``--jobs N``).

Each worker is started with a `WorkerRecipe` (the model's name and the name
index, both picklable), loads the spaCy pipeline once, then runs the NLP and
every extractor on chunks of sources; outcomes come back as JSON and are put
back in input order, so a run with N jobs gives exactly the output of a run
with one.  Only extraction is parallel: linking, alignment and the checks
need the whole cluster and are cheap.

Where the platform forks, the workers are forked from the process that has
already loaded the model and the name index, so they start with both
(copy-on-write) instead of loading them again.  The pool is kept for the
run's next cluster (a run over many small clusters would otherwise start its
workers once per cluster); the run ends it (`close_workers`), and so does
the process's exit, before multiprocessing waits for its children (a process
that is itself a multiprocessing child would otherwise wait forever).  Each cluster's sources are cut into as many
chunks as there are workers (at most `CHUNK_SOURCES` a chunk), so a small
cluster still keeps every worker busy.
"""

from __future__ import annotations

import datetime as dt
import math
import multiprocessing
import multiprocessing.util
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from factcheck.claims import SourceOutcome
from factcheck.extraction.nlp import load_pipeline, resolve_model_name
from factcheck.extraction.per_source import SourceExtractor
from factcheck.names.index import NameIndex
from factcheck.sources.model import Source
from factcheck.timing import StageTimes

CHUNK_SOURCES = 16
"""Sources per task: large enough to batch the NLP, small enough to balance the load."""


@dataclass(frozen=True)
class WorkerRecipe:
    """What a worker process needs to extract: picklable, sent once when the worker starts.

    The pipeline travels by name (each worker loads it, or inherits it when
    the platform forks); the name index travels whole, so a worker never
    reads rule packs.
    """

    model: str | None
    names: NameIndex

    def extractor(self) -> SourceExtractor:
        return SourceExtractor(load_pipeline(self.model), self.names)


_worker_extractor: SourceExtractor | None = None
"""This worker process's extractor, made from the recipe when the process starts."""


def _start_worker(recipe: WorkerRecipe) -> None:
    global _worker_extractor  # noqa: PLW0603 - the state of a worker process, set once at its start
    _worker_extractor = recipe.extractor()


def _extract_chunk(items: list[tuple[str, str | None]]) -> list[str]:
    """The outcome (as JSON) of each (source JSON, reference date) of the chunk."""
    assert _worker_extractor is not None, "the worker was not started with a recipe"
    sources = [Source.model_validate_json(raw) for raw, _ in items]
    references = [dt.date.fromisoformat(r) if r else None for _, r in items]
    return [o.model_dump_json() for o in _worker_extractor.outcomes(sources, references, StageTimes())]


_pool: tuple[tuple[int, WorkerRecipe], ProcessPoolExecutor] | None = None
"""The worker pool of this process and what it was started with (jobs, recipe)."""


def _workers(jobs: int, recipe: WorkerRecipe) -> ProcessPoolExecutor:
    """The pool for ``jobs`` workers of ``recipe``: the one kept from before, or a new one."""
    global _pool  # noqa: PLW0603 - one pool per process, kept between clusters and calls
    if _pool is not None and _pool[0] == (jobs, recipe):
        return _pool[1]
    close_workers()
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    _close_at_exit()
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_start_worker, initargs=(recipe,))
    _pool = ((jobs, recipe), pool)
    return pool


def close_workers() -> None:
    """End the worker processes kept for the next cluster (also done when the process exits)."""
    global _pool  # noqa: PLW0603 - see _workers
    if _pool is not None:
        _pool[1].shutdown(wait=True, cancel_futures=True)
        _pool = None


def _forget_pool() -> None:
    """In a forked child: the parent's pool is the parent's to use and to close."""
    global _pool  # noqa: PLW0603 - see _workers
    _pool = None


os.register_at_fork(after_in_child=_forget_pool)

_closing_registered_in: int | None = None
"""The process that registered `close_workers` with multiprocessing's exit handler (a forked child
starts with an empty registry, so each process registers its own)."""


def _close_at_exit() -> None:
    """Have multiprocessing's exit handler close the pool before it joins this process's children.

    In a multiprocessing child that handler runs before atexit, and it waits for every child
    process: workers that were never told to stop would keep it waiting forever.
    """
    global _closing_registered_in  # noqa: PLW0603 - once per process
    if _closing_registered_in != os.getpid():
        multiprocessing.util.Finalize(None, close_workers, exitpriority=100)  # before its queues close (10)
        _closing_registered_in = os.getpid()


def chunk_size(sources: int, jobs: int) -> int:
    """Sources per task: every worker gets a share of a small cluster, none more than `CHUNK_SOURCES`."""
    return max(1, min(CHUNK_SOURCES, math.ceil(sources / jobs)))


def extract_in_processes(
    sources: Sequence[Source], references: Sequence[dt.date | None], jobs: int, recipe: WorkerRecipe
) -> Iterator[SourceOutcome]:
    """The outcome of each source, in input order."""
    items = [(s.model_dump_json(), r.isoformat() if r else None) for s, r in zip(sources, references, strict=True)]
    size = chunk_size(len(items), jobs)
    chunks = [items[i : i + size] for i in range(0, len(items), size)]
    pool = _workers(jobs, WorkerRecipe(resolve_model_name(recipe.model), recipe.names))  # a pool per model
    try:
        for results in pool.map(_extract_chunk, chunks):
            for payload in results:
                yield SourceOutcome.model_validate_json(payload)
    except BaseException:
        close_workers()  # a broken or interrupted pool is not kept
        raise
