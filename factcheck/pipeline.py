"""The pipeline: sources -> extraction -> claims -> alignment -> checks -> report.

`check` is the one entry point the CLI, the Python API and other tools use.
Sources form clusters (one by default; ``clusters=True`` or a mapping makes
several), each checked on its own.  A failure in one source or one rule is
recorded as a problem in the report and the rest of the run goes on.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import operator
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from factcheck.alignment import align
from factcheck.checks import plugin_load_errors
from factcheck.claims import DateClaim, EntityClaim, QuantityClaim
from factcheck.extraction.cache import ClaimCache, SourceClaims, default_cache_dir
from factcheck.extraction.nlp import load_pipeline, resolve_model_name
from factcheck.extraction.plugins import ENTRY_POINTS as EXTRACTOR_ENTRY_POINTS
from factcheck.extraction.plugins import extractor_plugins
from factcheck.extraction.run import NLP_BATCH_SIZE, ExtractionSettings, extract_source, extract_sources, nlp_text
from factcheck.extraction.vocabulary import register_lexicon
from factcheck.names.index import NameIndex
from factcheck.names.linking import link_entities
from factcheck.report import Finding, Problem, Report, RuleInfo, SourceInfo, Summary, Suppressed
from factcheck.rulebook.compiled import (
    RuleSpec,
    fuzzy_thresholds,
    load_rules,
    load_rules_and_names,
    names_signature,
    pack_specs,
)
from factcheck.rulebook.config import Config, SourceDefaults, apply_rule_overrides, split_ignored
from factcheck.rulebook.loader import RuleSet
from factcheck.sources.reading import (
    DEFAULT_MAX_SOURCE_BYTES,
    JSONL_SUFFIX,
    JsonlLines,
    Source,
    SourceInput,
    SourceProblem,
    index_jsonl_clusters,
    iter_source_files,
    load_sources,
    max_source_bytes_from_env,
    resolve_max_source_bytes,
)
from factcheck.sources.reference_dates import ReferenceDate, assign_reference_dates
from factcheck.timing import StageTimes

__all__ = [
    "NLP_BATCH_SIZE",
    "check",
    "check_extracted",
    "extract_source",
    "iter_check",
    "load_rules",
    "load_rules_and_names",
    "nlp_text",
]

DEFAULT_CLUSTER = "default"
ClaimT = TypeVar("ClaimT", DateClaim, QuantityClaim, EntityClaim)
SourcesArg = Iterable[SourceInput] | SourceInput | Mapping[str, Iterable[SourceInput] | SourceInput]
CacheArg = str | Path | bool | None


@dataclass
class ClusterPlan:
    """One cluster to check: its id and how to get its sources (read when it is its turn)."""

    id: str
    inputs: list[SourceInput] = field(default_factory=list)


def _problem_from_source(problem: SourceProblem) -> Problem:
    return Problem(kind="source", path=problem.path, line=problem.line, message=problem.cause)


def plan_clusters(
    sources: SourcesArg, clusters: bool, max_source_bytes: int | None = DEFAULT_MAX_SOURCE_BYTES
) -> list[ClusterPlan]:
    """Clusters in a stable order, their sources not read yet.

    A mapping gives the clusters itself.  With ``clusters=True`` each
    subdirectory of a directory is a cluster (files directly in it form the
    directory's own) and each distinct ``cluster`` value of a ``.jsonl`` file
    given as a source is one: the file is indexed first, by line offsets, so
    each cluster reads only its own lines.  Otherwise everything is one cluster.
    """
    if isinstance(sources, Mapping):
        return [
            ClusterPlan(str(key), [value] if isinstance(value, str | Path | Source | JsonlLines) else list(value))
            for key, value in sources.items()
        ]
    items: list[SourceInput] = [sources] if isinstance(sources, str | Path | Source | JsonlLines) else list(sources)
    if not clusters:
        return [ClusterPlan(DEFAULT_CLUSTER, items)]
    plans: dict[str, ClusterPlan] = {}
    for item in items:
        path = Path(item) if isinstance(item, str | Path) else None
        if path is not None and path.is_dir():
            files = list(iter_source_files(path))
            for file in files:
                parent = file.parent.relative_to(path)
                cluster = path.name if str(parent) == "." else str(parent)
                plans.setdefault(cluster, ClusterPlan(cluster)).inputs.append(file)
            if not files:
                plans.setdefault(path.name, ClusterPlan(path.name)).inputs.append(path)
        elif path is not None and path.suffix.lower() == JSONL_SUFFIX and path.is_file():
            shares: dict[str | None, SourceInput]
            try:
                shares = dict(index_jsonl_clusters(path, max_source_bytes))
            except (OSError, ValueError):
                shares = {None: path}  # read whole, which reports why it cannot be read
            for value, share in shares.items():
                cluster_id = DEFAULT_CLUSTER if value is None else value
                plans.setdefault(cluster_id, ClusterPlan(cluster_id)).inputs.append(share)
        else:
            # Files, texts and Source objects join the default cluster; Source
            # objects carrying a "cluster" are split once read (_split_jsonl_clusters).
            plans.setdefault(DEFAULT_CLUSTER, ClusterPlan(DEFAULT_CLUSTER)).inputs.append(item)
    return [plans[k] for k in sorted(plans)]


def _split_jsonl_clusters(plan: ClusterPlan, loaded: list[Source]) -> dict[str, list[Source]]:
    groups: dict[str, list[Source]] = {}
    for source in loaded:
        cluster = source.meta.get("cluster") if plan.id == DEFAULT_CLUSTER else None
        groups.setdefault(str(cluster) if cluster is not None else plan.id, []).append(source)
    return groups


@dataclass
class Tally:
    """Sources that did not reach the checks: unreadable (failed) or left out (skipped)."""

    failed: int = 0
    skipped: int = 0


@dataclass
class RunContext:
    """What every cluster of a run shares."""

    ruleset: RuleSet
    index: NameIndex
    settings: ExtractionSettings
    reference_date: dt.date | None
    include_claims: bool
    times: StageTimes
    progress: Callable[[int], None] | None = None
    config: Config = field(default_factory=Config)
    baseline: set[str] = field(default_factory=set)


def check(
    sources: SourcesArg,
    rules: RuleSpec = None,
    reference_date: dt.date | str | None = None,
    *,
    model: str | None = None,
    include_claims: bool = True,
    timings: StageTimes | None = None,
    jobs: int = 1,
    cache: CacheArg = None,
    clusters: bool = False,
    progress: Callable[[int], None] | None = None,
    config: Config | None = None,
    baseline: set[str] | None = None,
    max_source_bytes: int | None = None,
) -> Report:
    """Check sources reporting the same event against each other.

    ``sources`` are paths (files, directories, ``.jsonl``), texts or `Source`
    objects, or a mapping of cluster id to such sources; ``rules`` are rule
    pack directories or installed pack names (default: the bundled pack);
    ``reference_date`` resolves relative dates in sources that give no date.
    ``jobs`` spreads extraction over processes (same output as 1);
    ``cache`` is a directory for extracted claims (``True``: the user cache
    directory; ``None``/``False``: no cache); ``clusters`` treats each
    subdirectory or ``.jsonl`` ``cluster`` value as its own cluster;
    ``timings`` receives the seconds spent in each stage; ``progress`` is
    called with the number of sources done as they finish.  ``config``
    (`factcheck.rulebook.config.Config`) turns rules off, overrides severities and
    parameters, fills source metadata and ignores findings; ``baseline`` is a
    set of finding fingerprints to leave out (`factcheck.baseline`);
    ``max_source_bytes`` refuses larger sources (default
    ``$FACTCHECK_MAX_SOURCE_BYTES`` or 10 MB; 0: no limit).
    """
    reports = list(
        iter_check(
            sources,
            rules,
            reference_date,
            model=model,
            include_claims=include_claims,
            timings=timings,
            jobs=jobs,
            cache=cache,
            clusters=clusters,
            progress=progress,
            config=config,
            baseline=baseline,
            max_source_bytes=max_source_bytes,
        )
    )
    return merge_reports(reports)


def iter_check(
    sources: SourcesArg,
    rules: RuleSpec = None,
    reference_date: dt.date | str | None = None,
    *,
    model: str | None = None,
    include_claims: bool = True,
    timings: StageTimes | None = None,
    jobs: int = 1,
    cache: CacheArg = None,
    clusters: bool = False,
    progress: Callable[[int], None] | None = None,
    config: Config | None = None,
    baseline: set[str] | None = None,
    max_source_bytes: int | None = None,
) -> Iterator[Report]:
    """One report per cluster, as each is done: memory holds one cluster at a time."""
    times = StageTimes() if timings is None else timings
    size_limit = max_source_bytes_from_env() if max_source_bytes is None else max_source_bytes
    if isinstance(reference_date, str):
        reference_date = dt.date.fromisoformat(reference_date)
    with times.stage("loading"):
        ruleset, index = load_rules_and_names(rules)
        if config is not None:
            ruleset = apply_rule_overrides(ruleset, config)
        nlp = load_pipeline(model)
        register_lexicon(nlp)
        model_name = f"{resolve_model_name(model)}@{nlp.meta.get('version', '?')}"
        claim_cache = _open_cache(cache, model_name, rules)
        settings = ExtractionSettings(
            nlp, index, model, [str(s) for s in pack_specs(rules)] if rules is not None else None, jobs, claim_cache
        )
        plans = plan_clusters(sources, clusters, resolve_max_source_bytes(size_limit))
    context = RunContext(
        ruleset, index, settings, reference_date, include_claims, times, progress, config or Config(), baseline or set()
    )
    run_problems = [*ruleset.problems]
    run_problems += [Problem(kind="plugin", path="factcheck.checks", message=m) for m in plugin_load_errors()]
    run_problems += [Problem(kind="plugin", path=EXTRACTOR_ENTRY_POINTS, message=m) for m in extractor_plugins()[1]]
    seen_ids: dict[str, str] = {}
    first = True
    for plan in plans:
        with times.stage("loading"):
            loaded, source_problems = load_sources(plan.inputs, max_source_bytes=size_limit)
            problems = [_problem_from_source(p) for p in source_problems]
            kept = [_with_defaults(s, context.config.sources) for s in _drop_duplicates(loaded, seen_ids, problems)]
        counts = Tally(failed=len(source_problems), skipped=len(loaded) - len(kept))
        groups = _split_jsonl_clusters(plan, kept) if clusters else {plan.id: kept}
        if not groups:
            groups = {plan.id: []}
        for cluster_id, members in sorted(groups.items()):
            report = check_cluster(cluster_id, members, context, (run_problems if first else []) + problems, counts)
            problems, counts = [], Tally()
            first = False
            yield report
    if first:  # no cluster at all: still one report carrying the run's problems
        yield check_cluster(DEFAULT_CLUSTER, [], context, run_problems, Tally())


def _open_cache(cache: CacheArg, model_name: str, rules: RuleSpec) -> ClaimCache | None:
    if cache is None or cache is False:
        return None
    directory = default_cache_dir() if cache is True else Path(cache)
    return ClaimCache(directory, model_name, names_signature(rules))


def _drop_duplicates(loaded: list[Source], seen: dict[str, str], problems: list[Problem]) -> list[Source]:
    kept = []
    for source in loaded:
        path, line = source.origin()
        where = f"{path}:{line}" if line is not None else path
        if source.id in seen:
            problems.append(
                Problem(
                    kind="source",
                    path=path,
                    line=line,
                    message=f"duplicate source id {source.id!r} (first read from {seen[source.id]}); skipped",
                )
            )
            continue
        seen[source.id] = where
        kept.append(source)
    return kept


def check_cluster(
    cluster_id: str, sources: list[Source], context: RunContext, problems: list[Problem], tally: Tally
) -> Report:
    """Extract, link, align and check one cluster."""
    times = context.times
    with times.stage("loading"):
        references = assign_reference_dates(sources, context.reference_date)
        fits = []
        for source in sources:
            limit = context.settings.nlp.max_length
            if len(source.text) > limit:
                tally.skipped += 1
                problems.append(
                    Problem(
                        kind="source",
                        path=source.path or source.id,
                        message=f"source is {len(source.text):,} characters; the limit is {limit:,} per source",
                    )
                )
            else:
                fits.append(source)
    outcomes = extract_sources(fits, [references[s.id].date for s in fits], context.settings, times, context.progress)
    good: list[Source] = []
    extracted: list[SourceClaims] = []
    for source, outcome in zip(fits, outcomes, strict=True):
        if isinstance(outcome, SourceClaims):
            good.append(source)
            extracted.append(outcome)
            problems.extend(Problem(kind="plugin", path=source.path or source.id, message=n) for n in outcome.notes)
        else:
            tally.failed += 1
            problems.append(Problem(kind="source", path=source.path or source.id, message=outcome))
    report = check_extracted(
        cluster_id,
        good,
        extracted,
        context.ruleset,
        context.index,
        references,
        context.include_claims,
        times,
        claims_owned=True,
    )
    report.problems[:0] = problems
    report.summary.sources_failed = tally.failed
    report.summary.sources_skipped = tally.skipped
    _suppress(report, context)
    return report


def _suppress(report: Report, context: RunContext) -> None:
    """Leave out findings the configuration ignores or the baseline records, keeping why."""
    overrides = context.config.severity
    if overrides:
        # The configured severity is final: a check's own escalation (an error
        # for a wide gap) yields to what the team asked for.
        for finding in report.findings:
            if finding.rule in overrides:
                finding.severity = overrides[finding.rule]
        counts0: Counter[str] = Counter(f.severity for f in report.findings)
        report.summary.findings = {s: counts0.get(s, 0) for s in ("error", "warning", "info")}
    kept, ignored = split_ignored(report.findings, context.config.ignore)
    suppressed = [(f, reason) for f, reason in ignored]
    if context.baseline:
        fresh = []
        for finding in kept:
            if finding.fingerprint in context.baseline:
                suppressed.append((finding, "in the baseline"))
            else:
                fresh.append(finding)
        kept = fresh
    if not suppressed:
        return
    report.findings = kept
    report.suppressed = [
        Suppressed(fingerprint=f.fingerprint, rule=f.rule, cluster=f.cluster, reason=reason) for f, reason in suppressed
    ]
    counts: Counter[str] = Counter(f.severity for f in kept)
    report.summary.findings = {s: counts.get(s, 0) for s in ("error", "warning", "info")}
    report.summary.suppressed = len(suppressed)


def _with_defaults(source: Source, defaults: SourceDefaults) -> Source:
    update = {k: v for k, v in defaults.model_dump().items() if v is not None and getattr(source, k) is None}
    return source.model_copy(update=update) if update else source


def in_source_order(claims_of_each_source: Iterable[Sequence[ClaimT]]) -> list[ClaimT]:
    """Claims in (source, start, end) order, so nothing downstream depends on the input order.

    Sorting each source's few claims, then the source ids, costs less than
    one sort of a whole cluster's claims and stays linear in their number.
    The sorts are stable: claims at the same offsets keep extraction order.
    """
    by_source: dict[str, list[ClaimT]] = {}
    for claims in claims_of_each_source:
        for claim in claims:
            by_source.setdefault(claim.source, []).append(claim)
    offsets = operator.attrgetter("start", "end")
    return [claim for source in sorted(by_source) for claim in sorted(by_source[source], key=offsets)]


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """No cyclic garbage collection during the cluster-level stages.

    They build a few very large containers (every claim of the cluster in
    one list, the alignment indexes) that live until the report is made, and
    each full collection walked them all again: at 10,000 sources the
    collector took 40-140% on top of alignment's own time (7% at 1,000).
    The stages make almost no reference cycles, so nothing builds up; the
    collector resumes (if it ran before) as soon as they are done.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@_gc_paused()
def check_extracted(
    cluster_id: str,
    sources: Sequence[Source],
    extracted: Sequence[SourceClaims],
    ruleset: RuleSet,
    index: NameIndex,
    references: Mapping[str, ReferenceDate],
    include_claims: bool = True,
    times: StageTimes | None = None,
    *,
    claims_owned: bool = False,
) -> Report:
    """The cluster-level stages on claims already extracted (here, from a cache, or by Dask workers).

    ``claims_owned``: the caller will not use ``extracted`` again, so entity
    claims are linked in place instead of copied.
    """
    times = StageTimes() if times is None else times
    with times.stage("names"):
        entities = link_entities(
            in_source_order(x.entities for x in extracted), index, fuzzy_thresholds(ruleset), in_place=claims_owned
        )
    with times.stage("alignment"):
        dates = in_source_order(x.dates for x in extracted)
        quantities = in_source_order(x.quantities for x in extracted)
        cluster = align(cluster_id, list(sources), dict(references), dates, quantities, entities, index)
    rules_started = time.perf_counter()
    findings: list[Finding] = []
    problems: list[Problem] = []
    for item in ruleset.rules:
        if not item.rule.enabled:
            continue
        if not item.rule.applies_to_any(sources):
            continue  # no source is in the rule's scope
        try:
            findings.extend(item.rule.in_scope(item.check.run(cluster), sources))
        except Exception as exc:  # one broken check must not lose the others
            problems.append(
                Problem(kind="rule", path=item.path, line=item.line, message=f"rule {item.rule.id!r} failed: {exc!r}")
            )
    times["rules"] = times.get("rules", 0.0) + time.perf_counter() - rules_started
    report_started = time.perf_counter()
    for finding in findings:
        finding.cluster = cluster_id
    findings.sort(key=Finding.sort_key)
    claims: list[DateClaim | QuantityClaim | EntityClaim] = []
    if include_claims:
        claims = sorted([*dates, *quantities, *entities], key=lambda c: (c.source, c.start, c.end, c.kind))
    counts: Counter[str] = Counter(f.severity for f in findings)
    report = Report(
        sources=[_source_info(s, references[s.id], cluster_id) for s in sources],
        findings=findings,
        claims=claims,
        problems=problems,
        summary=Summary(
            sources_read=len(sources),
            sources_failed=0,
            rules_loaded=len(ruleset.rules),
            rule_files_failed=ruleset.rule_files_failed,
            findings={s: counts.get(s, 0) for s in ("error", "warning", "info")},
        ),
        rules=[
            RuleInfo(
                id=item.rule.id,
                category=item.rule.category,
                severity=item.rule.severity,
                description=" ".join(item.rule.description.split()),
                link=item.rule.link,
                enabled=item.rule.enabled,
                path=item.path,
                line=item.line,
            )
            for item in ruleset.rules
        ],
    )
    report._texts = {s.id: s.text for s in sources}
    times["report"] = times.get("report", 0.0) + time.perf_counter() - report_started
    return report


def merge_reports(reports: Sequence[Report]) -> Report:
    """One report of several clusters, in cluster order."""
    if len(reports) == 1:
        return reports[0]
    findings = [f for r in reports for f in r.findings]
    counts: Counter[str] = Counter(f.severity for f in findings)
    merged = Report(
        sources=[s for r in reports for s in r.sources],
        findings=findings,
        claims=[c for r in reports for c in r.claims],
        problems=[p for r in reports for p in r.problems],
        suppressed=[x for r in reports for x in r.suppressed],
        summary=Summary(
            sources_read=sum(r.summary.sources_read for r in reports),
            sources_failed=sum(r.summary.sources_failed for r in reports),
            sources_skipped=sum(r.summary.sources_skipped for r in reports),
            suppressed=sum(r.summary.suppressed for r in reports),
            rules_loaded=reports[0].summary.rules_loaded if reports else 0,
            rule_files_failed=reports[0].summary.rule_files_failed if reports else 0,
            findings={s: counts.get(s, 0) for s in ("error", "warning", "info")},
        ),
        rules=reports[0].rules if reports else [],
    )
    merged._texts = {k: v for r in reports for k, v in r._texts.items()}
    return merged


def _source_info(source: Source, reference: ReferenceDate, cluster_id: str) -> SourceInfo:
    return SourceInfo(
        id=source.id,
        path=source.path,
        published=source.published,
        reference_date=reference.date,
        reference_date_origin=reference.origin,
        reference_date_detail=reference.detail,
        words=len(source.text.split()),
        cluster=cluster_id,
    )
