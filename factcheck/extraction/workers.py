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
that is itself a multiprocessing child would otherwise wait forever).

A cluster's sources go to the pool as tasks (`submit_to_workers`) that the
caller collects later (`SubmittedSources.outcomes`), so the run can hand the
next cluster to the workers before it links and checks the current one.  The
tasks take the longest sources first, in chunks that shrink as the cluster's
remaining text does (`chunks_by_length`): the workers start on the work that
takes longest and end on small pieces, so neither waits long for the other.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import multiprocessing.util
import os
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass

from factcheck.claims import SourceOutcome
from factcheck.extraction.nlp import load_pipeline, resolve_model_name
from factcheck.extraction.per_source import SourceExtractor
from factcheck.names.index import NameIndex
from factcheck.sources.model import Source
from factcheck.timing import StageTimes

CHUNK_SOURCES = 16
"""The most sources in one task: enough to batch the NLP, few enough to balance the load."""

SHARES_PER_WORKER = 2
"""A task takes about this fraction (1 / (shares x workers)) of the cluster's text still to hand out."""

MIN_TASK_CHARS = 10_000
"""A task's text, at the least (unless the cluster has less left): about 1,700 words, several news articles.

Each task pays a few milliseconds of its own (a batch through every component of the model, the trip
to the worker and back): sources sent one by one cost about 10% more CPU time than in tasks of six
(measured on 120 ECB+ articles).
"""


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


def chunks_by_length(lengths: Sequence[int], jobs: int) -> list[list[int]]:
    """The positions of the sources of each task: longest sources first, in chunks that shrink.

    Each chunk takes sources (by decreasing length, then position) until it
    holds ``1 / (SHARES_PER_WORKER x jobs)`` of the text not yet handed out
    (and at least `MIN_TASK_CHARS`), or `CHUNK_SOURCES` sources.  The first
    tasks are the long ones and the last are a few short sources, so the
    workers finish a cluster together instead of one working through a long
    chunk while the other waits.
    """
    order = sorted(range(len(lengths)), key=lambda i: (-lengths[i], i))
    remaining = sum(lengths)
    chunks: list[list[int]] = []
    chunk: list[int] = []
    goal = 0.0
    held = 0
    for position in order:
        if not chunk:
            goal = max(remaining / (SHARES_PER_WORKER * jobs), MIN_TASK_CHARS)
        chunk.append(position)
        held += lengths[position]
        if held >= goal or len(chunk) >= CHUNK_SOURCES:
            chunks.append(chunk)
            remaining -= held
            chunk, held = [], 0
    if chunk:
        chunks.append(chunk)
    return chunks


@dataclass
class SubmittedSources:
    """A cluster's sources handed to the worker pool: its tasks and where each task's sources go."""

    tasks: list[tuple[list[int], Future[list[str]]]]
    count: int

    def outcomes(self, on_done: Callable[[int], None] | None = None) -> list[SourceOutcome]:
        """The outcome of each source in input order, once every task is done.

        ``on_done(i)`` is told as the outcome of source ``i`` arrives (tasks
        finish in any order).
        """
        results: list[SourceOutcome | None] = [None] * self.count
        positions = {id(future): chunk for chunk, future in self.tasks}
        try:
            for future in as_completed(future for _, future in self.tasks):
                for position, payload in zip(positions[id(future)], future.result(), strict=True):
                    results[position] = SourceOutcome.model_validate_json(payload)
                    if on_done is not None:
                        on_done(position)
        except BaseException:
            close_workers()  # a broken or interrupted pool is not kept
            raise
        return [r if r is not None else SourceOutcome(failure="extraction produced nothing") for r in results]


def submit_to_workers(
    sources: Sequence[Source], references: Sequence[dt.date | None], jobs: int, recipe: WorkerRecipe
) -> SubmittedSources:
    """Hand the sources to ``jobs`` workers (`chunks_by_length`); collect them with `SubmittedSources.outcomes`."""
    items = [(s.model_dump_json(), r.isoformat() if r else None) for s, r in zip(sources, references, strict=True)]
    pool = _workers(jobs, WorkerRecipe(resolve_model_name(recipe.model), recipe.names))  # a pool per model
    tasks = []
    for chunk in chunks_by_length([len(s.text) for s in sources], jobs):
        tasks.append((chunk, pool.submit(_extract_chunk, [items[i] for i in chunk])))
    return SubmittedSources(tasks, len(items))
