"""Running extraction over a cluster's sources: through the claims cache, in process or in workers.

Extraction is per source and needs only the source, its reference date and
the name index, so it is the part of a run that is cached on disk and spread
over processes; everything after it needs the whole cluster.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from factcheck.claims import ClaimInterner, SourceClaims, SourceOutcome
from factcheck.extraction.cache import ClaimCache
from factcheck.extraction.per_source import SourceExtractor
from factcheck.extraction.workers import SubmittedSources, WorkerRecipe, submit_to_workers
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
    """The outcome of each source, in input order (`start_extraction`, then `StartedExtraction.finish`)."""
    return start_extraction(sources, references, settings).finish(times, on_done)


def start_extraction(
    sources: Sequence[Source], references: Sequence[dt.date | None], settings: ExtractionSettings
) -> StartedExtraction:
    """Read the cached sources back and, when ``jobs > 1``, hand the others to the workers now.

    The caller does other work (the previous cluster's checks) while the
    workers extract, and collects the outcomes with `StartedExtraction.finish`.
    """
    hits: dict[int, SourceClaims] = {}
    keys: list[str] = [""] * len(sources)
    todo: list[int] = []
    for i, (source, reference) in enumerate(zip(sources, references, strict=True)):
        if settings.cache is not None:
            keys[i] = settings.cache.key(source, reference)
            hit = settings.cache.get(keys[i])
            if hit is not None:
                hits[i] = hit
                continue
        todo.append(i)
    submitted = None
    if settings.jobs > 1 and len(todo) > 1:
        recipe = WorkerRecipe(settings.model, settings.extractor.names)
        submitted = submit_to_workers([sources[i] for i in todo], [references[i] for i in todo], settings.jobs, recipe)
    return StartedExtraction(sources, references, settings, keys, hits, todo, submitted)


@dataclass
class StartedExtraction:
    """A cluster's extraction under way: the cache's answers, and the sources in workers or still to extract."""

    sources: Sequence[Source]
    references: Sequence[dt.date | None]
    settings: ExtractionSettings
    keys: list[str]
    """Each source's cache key ("" without a cache)."""
    hits: dict[int, SourceClaims]
    """The claims read back from the cache, by position."""
    todo: list[int]
    """The positions of the sources to extract."""
    submitted: SubmittedSources | None
    """The sources of ``todo`` handed to the workers (None: they are extracted here, by `finish`)."""

    def finish(self, times: StageTimes, on_done: Callable[[float], None] | None = None) -> list[SourceOutcome]:
        """The outcome of each source, in input order.

        Cached sources are read back; the rest come from the workers or go
        through ``nlp.pipe`` here; new results are cached.  Each outcome's
        claims share their strings with the others' (`ClaimInterner`), taken
        in input order, so unshared copies never pile up.

        ``on_done`` is told the sources done as they finish, 1 each; a long
        source parsed here in pieces is told in shares as its pieces are
        parsed, which add up to 1 when it is done.
        """
        sources, todo, settings = self.sources, self.todo, self.settings
        results: list[SourceOutcome | None] = [None] * len(sources)
        interner = ClaimInterner()
        told = [0.0] * len(sources)  # the share of each source already reported to `on_done`

        def done(i: int, outcome: SourceOutcome) -> None:
            results[i] = interner.outcome(outcome)
            left = 1 - told[i] if told[i] else 1  # nothing left for a source told as it arrived from a worker
            if on_done and left:
                on_done(left)

        for i, hit in self.hits.items():
            done(i, SourceOutcome(claims=hit))
        if self.submitted is not None:

            def arrived(k: int) -> None:
                told[todo[k]] = 1.0
                if on_done:
                    on_done(1)

            with times.stage("nlp"):
                produced = self.submitted.outcomes(arrived)
            for i, outcome in zip(todo, produced, strict=True):
                done(i, outcome)
        else:

            def piece_done(k: int, share: float) -> None:
                told[todo[k]] += share
                if on_done:
                    on_done(share)

            pending = [sources[i] for i in todo]
            extracted = settings.extractor.outcomes(pending, [self.references[i] for i in todo], times, piece_done)
            for i, outcome in zip(todo, extracted, strict=True):
                done(i, outcome)
        if settings.cache is not None:
            for i in todo:
                fresh = results[i]
                if fresh is not None and fresh.claims is not None:
                    settings.cache.put(self.keys[i], fresh.claims)
        return [r if r is not None else SourceOutcome(failure="extraction produced nothing") for r in results]
