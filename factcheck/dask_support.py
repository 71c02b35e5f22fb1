"""Checking corpora beyond one machine with Dask.

The work splits the way the pipeline does: extraction is per source, so it
runs on the workers, partition by partition, each worker loading the spaCy
pipeline and the rule packs once; the checks need a whole cluster, so the
claims are grouped by cluster and each cluster is checked on a worker; the
client gathers one report per cluster and merges them.  The result equals
``factcheck.check(..., clusters=...)`` run locally on the same sources.

    import dask.bag as db
    from distributed import Client
    from factcheck.dask_support import check_bag

    client = Client("scheduler:8786")
    records = db.read_text("archive/*.jsonl").map(json.loads)
    report = check_bag(records, rules=["rules/"])

Records are dicts with ``id``, ``text`` and optionally ``cluster``,
``published`` and the other source fields; a record without ``cluster``
belongs to the cluster ``default``.  As in a local run, a source in another
language than English is skipped with a problem (`factcheck.sources.language`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from factcheck.claims import ClaimInterner, SourceOutcome
from factcheck.extraction.nlp import load_pipeline
from factcheck.extraction.per_source import SourceExtractor
from factcheck.names.index import NameIndex
from factcheck.pipeline import ClusterProblems, check_extracted, drop_copies, gather_outcomes, report_of_cluster
from factcheck.report import Problem, Report
from factcheck.rulebook.compiled import load_rules_and_names
from factcheck.rulebook.loader import RuleSet
from factcheck.sources.language_filter import split_by_language
from factcheck.sources.model import Source
from factcheck.sources.reference_dates import ReferenceDate, complete_reference_dates, find_dateline
from factcheck.timing import StageTimes

Record = Mapping[str, Any]


def _source(record: Record) -> Source:
    fields = dict(record)
    fields.pop("cluster", None)
    known = {k: fields.pop(k) for k in ("id", "text") if k in fields}
    return Source.from_text(known["text"], id=known["id"], **fields)


def _stated_date(record: Record) -> tuple[str, str, str | None, str | None]:
    """What reference dates need of a record: cluster, id, and its stated date with the origin."""
    source = _source(record)
    if source.published is not None:
        return str(record.get("cluster", "default")), source.id, source.published.isoformat(), "published"
    dateline = find_dateline(source)
    origin = "dateline" if dateline else None
    return str(record.get("cluster", "default")), source.id, dateline.isoformat() if dateline else None, origin


References = Mapping[str, tuple[str | None, str, str]]
"""Reference date (ISO or None), origin and detail per source id."""


def _references(stated: Iterable[tuple[str, str, str | None, str | None]], default: dt.date | None) -> References:
    by_cluster: dict[str, dict[str, ReferenceDate | None]] = {}
    for cluster, source_id, date, origin in stated:
        by_cluster.setdefault(cluster, {})[source_id] = (
            ReferenceDate(dt.date.fromisoformat(date), origin) if date and origin else None  # type: ignore[arg-type]
        )
    out: dict[str, tuple[str | None, str, str]] = {}
    for members in by_cluster.values():
        for source_id, ref in complete_reference_dates(members, default).items():
            out[source_id] = (ref.date.isoformat() if ref.date else None, ref.origin, ref.detail)
    return out


@dataclass(frozen=True)
class Recipe:
    """What a Dask worker needs, picklable: the rule packs and the model, by name.

    Each worker process loads them on first use and keeps them for the
    partitions and clusters that follow (both loaders cache per process).
    """

    rules: tuple[str, ...] | None
    model: str | None

    def rules_and_names(self) -> tuple[RuleSet, NameIndex]:
        return load_rules_and_names(list(self.rules) if self.rules is not None else None)

    def extractor(self) -> SourceExtractor:
        return SourceExtractor(load_pipeline(self.model), self.rules_and_names()[1])


def _extract_partition(records: Iterable[Record], references: References, recipe: Recipe) -> list[tuple[str, str, str]]:
    """(cluster, source JSON, outcome JSON) for each record of a partition."""
    records = list(records)
    sources = [_source(r) for r in records]
    dates = [references[s.id][0] for s in sources]
    reference_dates = [dt.date.fromisoformat(d) if d else None for d in dates]
    outcomes = recipe.extractor().outcomes(sources, reference_dates, StageTimes())
    return [
        (str(record.get("cluster", "default")), source.model_dump_json(), outcome.model_dump_json())
        for record, source, outcome in zip(records, sources, outcomes, strict=True)
    ]


def _check_group(
    group: tuple[str, list[tuple[str, str, str]]], references: References, recipe: Recipe
) -> tuple[str, str]:
    """The cluster id and its report as JSON (with the source texts, for text output)."""
    cluster_id, members = group
    ruleset, index = recipe.rules_and_names()
    members = sorted(members, key=lambda m: json.loads(m[1])["id"])
    interner = ClaimInterner()
    sources = [Source.model_validate_json(source_json) for _, source_json, _ in members]
    outcomes = [interner.outcome(SourceOutcome.model_validate_json(outcome_json)) for _, _, outcome_json in members]
    readable, foreign = split_by_language(sources)  # as a local run does: only English is checked
    noted = ClusterProblems(
        [Problem(kind="source", path=p.path, line=p.line, message=p.cause) for p in foreign], skipped=len(foreign)
    )
    kept = {s.id for s in drop_copies(readable, noted)}  # a copy counts once, as in a local run
    outcomes = [o for s, o in zip(sources, outcomes, strict=True) if s.id in kept]
    sources = [s for s in sources if s.id in kept]
    good, claims = gather_outcomes(sources, outcomes, noted)
    del outcomes  # the cluster's claims are held once, in `claims`
    refs = {}
    for s in good:
        date, origin, detail = references[s.id]
        refs[s.id] = ReferenceDate(dt.date.fromisoformat(date) if date else None, origin, detail)  # type: ignore[arg-type]
    checked = check_extracted(cluster_id, good, claims, ruleset, index, refs)
    report = report_of_cluster(cluster_id, good, refs, checked, ruleset, noted)
    payload = {"report": report.model_dump(mode="json"), "texts": {s.id: s.text for s in good}}
    return cluster_id, json.dumps(payload)


def check_bag(
    records: Any,
    rules: Iterable[str] | None = None,
    reference_date: dt.date | str | None = None,
    model: str | None = None,
) -> Report:
    """Check a Dask bag of source records, cluster by cluster, on the current Dask scheduler."""
    import dask.bag as db

    if isinstance(reference_date, str):
        reference_date = dt.date.fromisoformat(reference_date)
    if not isinstance(records, db.Bag):
        raise TypeError("check_bag takes a dask.bag.Bag of source records (dicts with id and text)")
    recipe = Recipe(tuple(str(r) for r in rules) if rules is not None else None, model)
    references = _references(records.map(_stated_date).compute(), reference_date)  # type: ignore[no-untyped-call]
    extracted = records.map_partitions(_extract_partition, references, recipe)  # type: ignore[no-untyped-call]
    grouped = extracted.groupby(lambda item: item[0])
    payloads = grouped.map(_check_group, references, recipe).compute()
    reports = []
    for _, payload in sorted(payloads):
        data = json.loads(payload)
        reports.append(Report.from_json_data(data["report"], data["texts"]))
    return Report.merge(reports)


def check_dataframe(frame: Any, **kwargs: Any) -> Report:
    """Check a Dask dataframe with columns ``id``, ``text`` and optionally ``cluster``, ``published``."""
    return check_bag(frame.to_bag(format="dict"), **kwargs)
