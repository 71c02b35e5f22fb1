"""Running the extractors over sources: in process or in workers, through the cache.

Extraction is per source and needs only the source, its reference date and
the name index, so it is the part of a run that is cached on disk and spread
over processes; everything after it needs the whole cluster.
"""

from __future__ import annotations

import datetime as dt
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from factcheck.claims import ClaimInterner, DateClaim, QuantityClaim
from factcheck.extraction.cache import ClaimCache, SourceClaims
from factcheck.extraction.dates.extract import extract_dates
from factcheck.extraction.entities import extract_entities
from factcheck.extraction.plugins import run_extractor_plugins
from factcheck.extraction.quantities.extract import extract_quantities
from factcheck.names.index import NameIndex
from factcheck.sources.reading import Source
from factcheck.timing import StageTimes

NLP_BATCH_SIZE = 32


def nlp_text(source: Source) -> str:
    """The text the model reads: front matter blanked out, offsets unchanged.

    Replacing front matter by spaces (keeping line breaks) means every spaCy
    offset is already an offset into the source text as decoded.
    """
    head = source.text[: source.body_start]
    blank = "".join(c if c in "\r\n" else " " for c in head)
    return blank + source.text[source.body_start :]


def extract_source(
    nlp_doc: Doc, source: Source, reference: dt.date | None, index: NameIndex, times: StageTimes | None = None
) -> SourceClaims:
    """All claims of one source; the cluster-level stages come after."""
    times = StageTimes() if times is None else times
    locale = source.language
    with times.stage("dates"):
        dates = extract_dates(nlp_doc, source.id, reference, locale=locale)
    with times.stage("quantities"):
        quantities = extract_quantities(nlp_doc, source.id, [(d.start, d.end) for d in dates], locale=locale)
    with times.stage("names"):
        entities = extract_entities(nlp_doc, source.id, index, offset_floor=source.body_start)
    extra, notes = run_extractor_plugins(nlp_doc, source, reference)
    for claim in extra:
        if isinstance(claim, DateClaim):
            dates.append(claim)
        elif isinstance(claim, QuantityClaim):
            quantities.append(claim)
        else:
            entities.append(claim)
    return SourceClaims(dates=dates, quantities=quantities, entities=entities, notes=notes)


@dataclass
class ExtractionSettings:
    """How to run extraction: where the model and names come from, workers, cache."""

    nlp: Language
    index: NameIndex
    model: str | None
    rules: Sequence[str] | None
    jobs: int = 1
    cache: ClaimCache | None = None


def describe_failure(exc: BaseException) -> str:
    where = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    place = f" at {where.filename}:{where.lineno}" if where else ""
    return f"extraction failed ({type(exc).__name__}: {exc}{place}); please report this"


def extract_sources(
    sources: Sequence[Source],
    references: Sequence[dt.date | None],
    settings: ExtractionSettings,
    times: StageTimes,
    on_done: Callable[[int], None] | None = None,
) -> list[SourceClaims | str]:
    """Claims of each source (or the text of its failure), in input order.

    Cached sources are read back; the rest go through ``nlp.pipe`` here or
    through worker processes when ``jobs > 1``; new results are cached.
    """
    results: list[SourceClaims | str | None] = [None] * len(sources)
    keys: list[str | None] = [None] * len(sources)
    interner = ClaimInterner()

    def done(i: int, outcome: SourceClaims | str) -> None:
        if isinstance(outcome, SourceClaims):
            interner.intern(outcome.claims())  # as each arrives: the unshared copies never pile up
        results[i] = outcome
        if on_done:
            on_done(1)

    todo: list[int] = []
    for i, (source, reference) in enumerate(zip(sources, references, strict=True)):
        if settings.cache is not None:
            keys[i] = settings.cache.key(source, reference)
            hit = settings.cache.get(keys[i])  # type: ignore[arg-type]
            if hit is not None:
                done(i, hit)
                continue
        todo.append(i)
    if settings.jobs > 1 and len(todo) > 1:
        from factcheck.extraction.workers import extract_in_processes

        with times.stage("nlp"):
            produced = extract_in_processes(
                [sources[i] for i in todo], [references[i] for i in todo], settings.jobs, settings.model, settings.rules
            )
            for i, (_, produced_outcome) in zip(todo, produced, strict=True):
                done(i, produced_outcome)
    else:
        docs = iter(settings.nlp.pipe((nlp_text(sources[i]) for i in todo), batch_size=NLP_BATCH_SIZE))
        for i in todo:
            with times.stage("nlp"):
                doc = next(docs)
            try:
                outcome: SourceClaims | str = extract_source(doc, sources[i], references[i], settings.index, times)
            except Exception as exc:  # a bug met on one text must not lose the run
                outcome = describe_failure(exc)
            done(i, outcome)
    if settings.cache is not None:
        for i in todo:
            fresh = results[i]
            if isinstance(fresh, SourceClaims):
                settings.cache.put(keys[i], fresh)  # type: ignore[arg-type]
    return [r if r is not None else "extraction produced nothing" for r in results]
