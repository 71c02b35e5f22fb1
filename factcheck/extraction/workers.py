"""Extraction spread over worker processes (``--jobs N``).

Each worker loads the spaCy pipeline and the name index once, then runs the
NLP and every extractor on chunks of sources; claims come back as JSON and
are put back in input order, so a run with N jobs gives exactly the output
of a run with one.  Only extraction is parallel: linking, alignment and the
checks need the whole cluster and are cheap.
"""

from __future__ import annotations

import datetime as dt
import functools
import multiprocessing
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor

from factcheck.extraction.cache import SourceClaims
from factcheck.sources.reading import Source

CHUNK_SOURCES = 16
"""Sources per task: large enough to batch the NLP, small enough to balance the load."""


def _init_worker(model: str | None, rules: list[str] | None) -> None:
    """Load the model and the rule packs once, when the worker starts."""
    from factcheck.rulebook.compiled import worker_runtime

    worker_runtime(rules, model)


def _extract_chunk(
    model: str | None, rules: list[str] | None, items: list[tuple[str, str | None]]
) -> list[tuple[bool, str]]:
    """(ok, SourceClaims JSON) or (False, error text) per source of the chunk."""
    from factcheck.extraction.run import ExtractionSettings, extract_sources
    from factcheck.rulebook.compiled import worker_runtime
    from factcheck.timing import StageTimes

    nlp, _, index = worker_runtime(rules, model)
    sources = [Source.model_validate_json(raw) for raw, _ in items]
    references = [dt.date.fromisoformat(r) if r else None for _, r in items]
    outcomes = extract_sources(sources, references, ExtractionSettings(nlp, index, model, rules), StageTimes())
    return [(True, o.model_dump_json()) if isinstance(o, SourceClaims) else (False, o) for o in outcomes]


def extract_in_processes(
    sources: Sequence[Source],
    references: Sequence[dt.date | None],
    jobs: int,
    model: str | None,
    rules: Sequence[str] | None,
) -> Iterator[tuple[Source, SourceClaims | str]]:
    """Claims (or an error text) for each source, in input order."""
    items = [(s.model_dump_json(), r.isoformat() if r else None) for s, r in zip(sources, references, strict=True)]
    chunks = [items[i : i + CHUNK_SOURCES] for i in range(0, len(items), CHUNK_SOURCES)]
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    rule_dirs = list(rules) if rules is not None else None
    position = 0
    with ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=_init_worker, initargs=(model, rule_dirs)
    ) as pool:
        for results in pool.map(functools.partial(_extract_chunk, model, rule_dirs), chunks):
            for ok, payload in results:
                source = sources[position]
                position += 1
                yield source, (SourceClaims.model_validate_json(payload) if ok else payload)
