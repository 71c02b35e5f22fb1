"""Extraction spread over worker processes (``--jobs N``).

Each worker loads the spaCy pipeline and the name index once, then runs the
NLP and every extractor on chunks of sources; claims come back as JSON and
are put back in input order, so a run with N jobs gives exactly the output
of a run with one.  Only extraction is parallel: linking, alignment and the
checks need the whole cluster and are cheap.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor

from factcheck.cache import SourceClaims
from factcheck.sources import Source

CHUNK_SOURCES = 16
"""Sources per task: large enough to batch the NLP, small enough to balance the load."""

_STATE: dict[str, object] = {}


def _init_worker(model: str | None, rules: list[str] | None) -> None:
    from factcheck.extraction.lexicon import register_lexicon
    from factcheck.loading import load_rules_and_names
    from factcheck.nlp import load_pipeline

    nlp = load_pipeline(model)
    register_lexicon(nlp)
    _STATE["nlp"] = nlp
    _STATE["index"] = load_rules_and_names(list(rules) if rules is not None else None)[1]


def _extract_chunk(items: list[tuple[str, str | None]]) -> list[tuple[bool, str]]:
    """(ok, SourceClaims JSON) or (False, error text) per source of the chunk."""
    from spacy.language import Language

    from factcheck.extraction.run import NLP_BATCH_SIZE, describe_failure, extract_source, nlp_text
    from factcheck.names.index import NameIndex

    nlp, index = _STATE["nlp"], _STATE["index"]
    assert isinstance(nlp, Language) and isinstance(index, NameIndex)
    sources = [Source.model_validate_json(raw) for raw, _ in items]
    references = [dt.date.fromisoformat(r) if r else None for _, r in items]
    out: list[tuple[bool, str]] = []
    docs = nlp.pipe((nlp_text(s) for s in sources), batch_size=NLP_BATCH_SIZE)
    for source, reference, doc in zip(sources, references, docs, strict=True):
        try:
            extracted = extract_source(doc, source, reference, index)
            out.append((True, extracted.model_dump_json()))
        except Exception as exc:  # reported by the parent as a problem of this source
            out.append((False, describe_failure(exc)))
    return out


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
        for results in pool.map(_extract_chunk, chunks):
            for ok, payload in results:
                source = sources[position]
                position += 1
                yield source, (SourceClaims.model_validate_json(payload) if ok else payload)
