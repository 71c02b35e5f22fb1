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
belongs to the cluster ``default``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from factcheck.claims import ClaimInterner
from factcheck.extraction.cache import SourceClaims
from factcheck.report import Problem, Report
from factcheck.rulebook.compiled import worker_runtime
from factcheck.sources.reading import Source

Record = Mapping[str, Any]


def _source(record: Record) -> Source:
    fields = dict(record)
    fields.pop("cluster", None)
    known = {k: fields.pop(k) for k in ("id", "text") if k in fields}
    return Source.from_text(known["text"], id=known["id"], **fields)


def _stated_date(record: Record) -> tuple[str, str, str | None, str | None]:
    """What reference dates need of a record: cluster, id, and its stated date with the origin."""
    from factcheck.sources.reference_dates import find_dateline

    source = _source(record)
    if source.published is not None:
        return str(record.get("cluster", "default")), source.id, source.published.isoformat(), "published"
    dateline = find_dateline(source)
    origin = "dateline" if dateline else None
    return str(record.get("cluster", "default")), source.id, dateline.isoformat() if dateline else None, origin


References = Mapping[str, tuple[str | None, str, str]]
"""Reference date (ISO or None), origin and detail per source id."""


def _references(stated: Iterable[tuple[str, str, str | None, str | None]], default: dt.date | None) -> References:
    from factcheck.sources.reference_dates import ReferenceDate, complete_reference_dates

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


def _extract_partition(
    records: Iterable[Record], references: References, rules: Sequence[str] | None, model: str | None
) -> list[tuple[str, str, str]]:
    """(cluster, source JSON, claims JSON or error) for each record of a partition."""
    from factcheck.extraction.run import ExtractionSettings, extract_sources
    from factcheck.timing import StageTimes

    nlp, _, index = worker_runtime(rules, model)
    records = list(records)
    sources = [_source(r) for r in records]
    dates = [references[s.id][0] for s in sources]
    settings = ExtractionSettings(nlp, index, model, list(rules) if rules is not None else None)
    outcomes = extract_sources(
        sources, [dt.date.fromisoformat(d) if d else None for d in dates], settings, StageTimes()
    )
    return [
        (
            str(record.get("cluster", "default")),
            source.model_dump_json(),
            outcome.model_dump_json() if isinstance(outcome, SourceClaims) else "!" + outcome,
        )
        for record, source, outcome in zip(records, sources, outcomes, strict=True)
    ]


def _check_group(
    group: tuple[str, list[tuple[str, str, str]]],
    references: References,
    rules: Sequence[str] | None,
    model: str | None,
) -> tuple[str, str]:
    """The cluster id and its report as JSON (with the source texts, for text output)."""
    from factcheck.pipeline import check_extracted
    from factcheck.sources.reference_dates import ReferenceDate

    cluster_id, members = group
    _, ruleset, index = worker_runtime(rules, model)
    members = sorted(members, key=lambda m: json.loads(m[1])["id"])
    sources, extracted, problems = [], [], []
    interner = ClaimInterner()
    for _, source_json, claims_json in members:
        source = Source.model_validate_json(source_json)
        if claims_json.startswith("!"):
            problems.append(Problem(kind="source", path=source.path or source.id, message=claims_json[1:]))
            continue
        sources.append(source)
        extracted.append(SourceClaims.model_validate_json(claims_json))
        interner.intern(extracted[-1].claims())
    refs = {}
    for s in sources:
        date, origin, detail = references[s.id]
        refs[s.id] = ReferenceDate(dt.date.fromisoformat(date) if date else None, origin, detail)  # type: ignore[arg-type]
    report = check_extracted(cluster_id, sources, extracted, ruleset, index, refs, claims_owned=True)
    report.problems[:0] = problems
    report.summary.sources_failed = len(problems)
    payload = {"report": report.model_dump(mode="json"), "texts": {s.id: s.text for s in sources}}
    return cluster_id, json.dumps(payload)


def check_bag(
    records: Any,
    rules: Sequence[str] | None = None,
    reference_date: dt.date | str | None = None,
    model: str | None = None,
) -> Report:
    """Check a Dask bag of source records, cluster by cluster, on the current Dask scheduler."""
    import dask.bag as db

    from factcheck.pipeline import merge_reports

    if isinstance(reference_date, str):
        reference_date = dt.date.fromisoformat(reference_date)
    if not isinstance(records, db.Bag):
        raise TypeError("check_bag takes a dask.bag.Bag of source records (dicts with id and text)")
    rule_list = [str(r) for r in rules] if rules is not None else None
    references = _references(records.map(_stated_date).compute(), reference_date)  # type: ignore[no-untyped-call]
    extracted = records.map_partitions(_extract_partition, references, rule_list, model)  # type: ignore[no-untyped-call]
    grouped = extracted.groupby(lambda item: item[0])
    payloads = grouped.map(_check_group, references, rule_list, model).compute()
    reports = []
    for _, payload in sorted(payloads):
        data = json.loads(payload)
        report = Report.model_validate(data["report"])
        report._texts = data["texts"]
        reports.append(report)
    return merge_reports(reports)


def check_dataframe(frame: Any, **kwargs: Any) -> Report:
    """Check a Dask dataframe with columns ``id``, ``text`` and optionally ``cluster``, ``published``."""
    return check_bag(frame.to_bag(format="dict"), **kwargs)
