"""Running extraction over a cluster's sources: through the claims cache, in process or in workers.

Extraction is per source and needs only the source, its reference date and
the name index, so it is the part of a run that is cached on disk and spread
over processes; everything after it needs the whole cluster.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from factcheck.claims import ClaimInterner, SourceOutcome
from factcheck.extraction.cache import ClaimCache
from factcheck.extraction.per_source import SourceExtractor
from factcheck.extraction.workers import WorkerRecipe, extract_in_processes
from factcheck.sources.model import Source
from factcheck.timing import StageTimes


@dataclass
class ExtractionSettings:
    """How to run extraction: the extractor, the model's name (for workers), workers, cache."""

    extractor: SourceExtractor
    model: str | None
    jobs: int = 1
    cache: ClaimCache | None = None


def extract_sources(
    sources: Sequence[Source],
    references: Sequence[dt.date | None],
    settings: ExtractionSettings,
    times: StageTimes,
    on_done: Callable[[float], None] | None = None,
) -> list[SourceOutcome]:
    """The outcome of each source, in input order.

    Cached sources are read back; the rest go through ``nlp.pipe`` here or
    through worker processes when ``jobs > 1``; new results are cached.
    Each outcome's claims share their strings with the others' as they
    arrive (`ClaimInterner`), so unshared copies never pile up.

    ``on_done`` is told the sources done as they finish, 1 each; a long
    source parsed here in pieces is told in shares as its pieces are
    parsed, which add up to 1 when it is done.
    """
    results: list[SourceOutcome | None] = [None] * len(sources)
    keys: list[str] = [""] * len(sources)
    interner = ClaimInterner()
    told = [0.0] * len(sources)  # the share of each source already reported to `on_done`

    def done(i: int, outcome: SourceOutcome) -> None:
        results[i] = interner.outcome(outcome)
        if on_done:
            on_done(1 - told[i] if told[i] else 1)

    todo: list[int] = []
    for i, (source, reference) in enumerate(zip(sources, references, strict=True)):
        if settings.cache is not None:
            keys[i] = settings.cache.key(source, reference)
            hit = settings.cache.get(keys[i])
            if hit is not None:
                done(i, SourceOutcome(claims=hit))
                continue
        todo.append(i)
    pending = [sources[i] for i in todo]
    pending_references = [references[i] for i in todo]
    if settings.jobs > 1 and len(todo) > 1:
        recipe = WorkerRecipe(settings.model, settings.extractor.names)
        with times.stage("nlp"):
            produced = extract_in_processes(pending, pending_references, settings.jobs, recipe)
            for i, outcome in zip(todo, produced, strict=True):
                done(i, outcome)
    else:

        def piece_done(k: int, share: float) -> None:
            told[todo[k]] += share
            if on_done:
                on_done(share)

        produced = settings.extractor.outcomes(pending, pending_references, times, piece_done)
        for i, outcome in zip(todo, produced, strict=True):
            done(i, outcome)
    if settings.cache is not None:
        for i in todo:
            fresh = results[i]
            if fresh is not None and fresh.claims is not None:
                settings.cache.put(keys[i], fresh.claims)
    return [r if r is not None else SourceOutcome(failure="extraction produced nothing") for r in results]
