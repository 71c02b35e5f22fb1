"""The pipeline: sources -> extraction -> claims -> alignment -> checks -> report.

`check` and `iter_check` are the entry points the CLI, the Python API and
other tools use.  Sources form clusters (one by default; ``clusters=True`` or
a mapping makes several), each checked on its own.  A failure in one source
or one rule is recorded as a problem in the report and the rest of the run
goes on.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gc
import inspect
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ParamSpec

from factcheck.alignment import align
from factcheck.checks import plugin_load_errors
from factcheck.checks.registry import ENTRY_POINTS as CHECK_ENTRY_POINTS
from factcheck.checks.trusted import drop_contradicted, settle_roles
from factcheck.claims import AnyClaim, ClusterClaims, SourceClaims, SourceOutcome
from factcheck.extraction.cache import ClaimCache
from factcheck.extraction.nlp import load_pipeline, resolve_model_name
from factcheck.extraction.one_ahead import finished_one_ahead
from factcheck.extraction.per_source import SourceExtractor
from factcheck.extraction.plugins import ENTRY_POINTS as EXTRACTOR_ENTRY_POINTS
from factcheck.extraction.plugins import extractor_plugins
from factcheck.extraction.run import ExtractionSettings, StartedExtraction, start_extraction
from factcheck.extraction.workers import close_workers
from factcheck.names.index import NameIndex
from factcheck.names.linking import link_entities
from factcheck.report import Finding, Problem, Report, RuleInfo, SourceInfo, Suppressed
from factcheck.rulebook.compiled import RuleSpec, load_rules_and_names, names_signature
from factcheck.rulebook.config import Config, SourceDefaults, apply_rule_overrides, split_ignored
from factcheck.rulebook.loader import RuleSet
from factcheck.sources.arguments import SourcesArg, TextsArg, source_inputs
from factcheck.sources.clusters import (
    DEFAULT_CLUSTER,
    ClusterPlan,
    drop_duplicate_ids,
    plan_clusters,
    split_by_cluster_field,
)
from factcheck.sources.copies import find_copies
from factcheck.sources.file_ids import file_ids
from factcheck.sources.files import (
    DEFAULT_MAX_SOURCE_BYTES,
    max_source_bytes_from_env,
    resolve_max_source_bytes,
    too_large,
)
from factcheck.sources.language_filter import split_by_language
from factcheck.sources.model import Source, SourceProblem
from factcheck.sources.reading import read_inputs
from factcheck.sources.reference_dates import ReferenceDate, assign_reference_dates
from factcheck.sources.roles import ReferencesArg, load_references
from factcheck.table_cache import default_cache_dir
from factcheck.timing import StageTimes

__all__ = [
    "ClusterChecked",
    "ClusterProblems",
    "check",
    "check_extracted",
    "drop_copies",
    "gather_outcomes",
    "iter_check",
    "report_of_cluster",
]

CacheArg = str | Path | bool | None


@dataclass
class RunContext:
    """What every cluster of a run shares."""

    ruleset: RuleSet
    index: NameIndex
    settings: ExtractionSettings
    reference_date: dt.date | None
    include_claims: bool
    times: StageTimes
    progress: Callable[[float], None] | None = None
    config: Config = field(default_factory=Config)
    baseline: set[str] = field(default_factory=set)
    max_source_bytes: int | None = None
    """The size limit of a source in bytes of UTF-8 (None: no limit)."""


@dataclass
class ClusterProblems:
    """What a cluster's report says besides the checks' findings: problems, sources failed or left out."""

    problems: list[Problem] = field(default_factory=list)
    failed: int = 0
    skipped: int = 0
    duplicate: int = 0


def iter_check(
    sources: SourcesArg = None,
    rules: RuleSpec = None,
    reference_date: dt.date | str | None = None,
    *,
    model: str | None = None,
    include_claims: bool = True,
    timings: StageTimes | None = None,
    jobs: int = 1,
    cache: CacheArg = None,
    clusters: bool = False,
    progress: Callable[[float], None] | None = None,
    config: Config | None = None,
    baseline: set[str] | None = None,
    max_source_bytes: int | None = None,
    texts: TextsArg = None,
    references: ReferencesArg = None,
) -> Iterator[Report]:
    """Check sources reporting the same event against each other: one report per cluster, as each is done.

    Memory holds one cluster at a time (with ``jobs > 1`` also the next, which the
    workers extract while this one is checked).  ``sources`` are paths (files,
    directories, ``.jsonl``; a ``str`` is always a path, and one that names
    nothing raises `SourceError`), `Source` objects and dicts with the keys
    of a ``.jsonl`` line, or one mapping of source id to text; ``texts`` are
    raw texts: a string, a list (ids ``text-1``, ``text-2``...) or a mapping
    of source id to text (`factcheck.sources.arguments`); a value of another
    type raises `TypeError`.  A text with its own id and publication date is
    a `Source`: ``Source.from_text(text, id="wire", published="2025-03-01")``;
    the date resolves "yesterday" in it and dates the titles it gives people.
    ``rules`` are rule pack directories or
    installed pack names (default: the bundled pack); ``reference_date``
    resolves relative dates in sources that give no date.  ``model`` is the
    spaCy pipeline (a package name or directory; default
    ``$FACTCHECK_SPACY_MODEL``, else the installed ``en_core_web_sm``);
    ``include_claims`` keeps every extracted claim in the report (False: a
    smaller report, the findings alike).  ``jobs`` spreads
    extraction over processes (same output as 1); ``cache`` is a directory
    for extracted claims (``True``: the user cache directory;
    ``None``/``False``: no cache); ``clusters`` treats each subdirectory and
    each ``cluster`` value (``.jsonl``, records, front matter) as its own cluster; ``timings`` receives
    the seconds spent in each stage; ``progress`` is called with the number
    of sources done as they finish (a long source in shares, as its pieces
    are parsed, that add up to 1).  ``config``
    (`factcheck.rulebook.config.Config`) turns rules off, overrides
    severities and parameters, fills source metadata and ignores findings;
    ``baseline`` is a set of finding fingerprints to leave out
    (`factcheck.baseline`); ``max_source_bytes`` refuses larger sources,
    files, ``.jsonl`` lines and texts alike (default
    ``$FACTCHECK_MAX_SOURCE_BYTES``, else the configuration's
    ``max-source-bytes``, else 10 MB; 0: no limit).
    ``references`` (paths, `Source` objects or a mapping of id to text, read
    like ``sources``) are trusted: they join every cluster, and the other
    sources, the candidates, are checked against them (docs/trusted-sources.md).
    """
    inputs = source_inputs(sources, texts)  # first: a typo in a path fails before the model loads
    times = StageTimes() if timings is None else timings
    size_limit = _source_size_limit(max_source_bytes, config)
    if isinstance(reference_date, str):
        reference_date = dt.date.fromisoformat(reference_date)
    with times.stage("loading"):
        ruleset, index = load_rules_and_names(rules)
        if config is not None:
            ruleset = apply_rule_overrides(ruleset, config)
        nlp = load_pipeline(model)
        model_name = f"{resolve_model_name(model)}@{nlp.meta.get('version', '?')}"
        settings = ExtractionSettings(SourceExtractor(nlp, index), model, jobs, _open_cache(cache, model_name, rules))
        ids = file_ids(inputs)
        plans = plan_clusters(inputs, clusters, resolve_max_source_bytes(size_limit))
    context = RunContext(
        ruleset,
        index,
        settings,
        reference_date,
        include_claims,
        times,
        progress,
        config or Config(),
        baseline or set(),
        resolve_max_source_bytes(size_limit),
    )
    run_problems = [*ruleset.problems]
    run_problems += [Problem(kind="plugin", path=CHECK_ENTRY_POINTS, message=m) for m in plugin_load_errors()]
    run_problems += [Problem(kind="plugin", path=EXTRACTOR_ENTRY_POINTS, message=m) for m in extractor_plugins()[1]]
    seen_ids: dict[str, str] = {}
    with times.stage("loading"):
        trusted, untrusted_problems = _references(references, size_limit, seen_ids, context.config)
    started = _started_clusters(
        plans, clusters, ids, size_limit, seen_ids, (trusted, untrusted_problems, run_problems), context
    )
    finish = functools.partial(finish_cluster, context=context)
    try:  # with workers, they extract the next cluster while this process checks the current one
        yield from finished_one_ahead(started, finish) if jobs > 1 else map(finish, started)
    finally:
        close_workers()  # the run is over, or abandoned: the worker processes of --jobs end with it


def _started_clusters(
    plans: Iterable[ClusterPlan],
    clusters: bool,
    ids: Mapping[Path, str],
    size_limit: int,
    seen_ids: dict[str, str],
    shared: tuple[list[Source], tuple[list[SourceProblem], list[SourceProblem]] | None, list[Problem]],
    context: RunContext,
) -> Iterator[StartedCluster]:
    """Each cluster of the run, read and its extraction started, in report order.

    ``shared`` is what the run adds to its clusters: the reference sources
    (every cluster), the references' problems and the run's (the first).
    """
    trusted, untrusted_problems, run_problems = shared
    first = True
    for plan in plans:
        with context.times.stage("loading"):
            loaded, unreadable = read_inputs(plan.inputs, max_source_bytes=size_limit, ids=ids)
            unique, duplicates = drop_duplicate_ids(loaded, seen_ids)
            readable, foreign = split_by_language(unique, context.config.sources.language)
            kept = [_with_defaults(s, context.config.sources) for s in readable] + trusted
        if first and untrusted_problems:
            unreadable, duplicates = [*untrusted_problems[0], *unreadable], [*untrusted_problems[1], *duplicates]
        failed = sum(1 for p in unreadable if p.severity == "error")  # a warning: a part of a source left out
        noted = ClusterProblems(
            [_problem_from_source(p) for p in (*unreadable, *duplicates, *foreign)],
            failed,
            len(duplicates) + len(foreign),
        )
        groups = split_by_cluster_field(plan, kept) if clusters else {plan.id: kept}
        if not groups:
            groups = {plan.id: []}
        for cluster_id, members in sorted(groups.items()):
            if first:
                noted.problems[:0] = run_problems
            yield start_cluster(cluster_id, members, context, noted)
            noted = ClusterProblems()
            first = False
    if first:  # no cluster at all: still one report carrying the run's problems
        yield start_cluster(DEFAULT_CLUSTER, [], context, ClusterProblems(run_problems))


P = ParamSpec("P")


def _merged(iterate: Callable[P, Iterator[Report]]) -> Callable[P, Report]:
    """``iterate``'s reports as one (`Report.merge`), with ``iterate``'s own parameters."""

    @functools.wraps(iterate)
    def merged(*args: P.args, **kwargs: P.kwargs) -> Report:
        return Report.merge(list(iterate(*args, **kwargs)))

    # help() and IDEs show the parameters of ``iterate`` and this return type, as the types
    # themselves: the annotations of this module are strings (``from __future__ import
    # annotations``), and a string such as 'SourcesArg' tells a reader nothing.
    resolved = inspect.signature(iterate, eval_str=True)
    merged.__signature__ = resolved.replace(return_annotation=Report)  # type: ignore[attr-defined]
    merged.__annotations__ = {
        **{name: p.annotation for name, p in resolved.parameters.items()},
        "return": Report,
    }
    return merged


check = _merged(iter_check)
check.__name__ = check.__qualname__ = "check"
check.__doc__ = (
    "Check sources reporting the same event against each other: one report for every cluster.\n\n"
    "`iter_check` yields the same reports one cluster at a time; `check` merges them (`Report.merge`).\n"
    + inspect.cleandoc(iter_check.__doc__ or "").split("\n", 1)[1]
)


def _source_size_limit(argument: int | None, config: Config | None) -> int:
    """The one limit on a source's size: the argument, else ``$FACTCHECK_MAX_SOURCE_BYTES``, else
    the configuration's ``max-source-bytes``, else 10 MB (0: no limit)."""
    if argument is not None:
        return argument
    configured = None if config is None else config.max_source_bytes
    return max_source_bytes_from_env(DEFAULT_MAX_SOURCE_BYTES if configured is None else configured)


def _over_size_limit(source: Source, limit: int | None) -> int | None:
    """The size of a source in bytes of UTF-8 when it is over ``limit``, else None."""
    if limit is None or len(source.text) * 4 <= limit:  # a character takes at most 4 bytes
        return None
    size = len(source.text.encode("utf-8"))
    return size if size > limit else None


def _open_cache(cache: CacheArg, model_name: str, rules: RuleSpec) -> ClaimCache | None:
    if cache is None or cache is False:
        return None
    directory = default_cache_dir() if cache is True else Path(cache)
    return ClaimCache(directory, model_name, names_signature(rules))


def _references(
    references: ReferencesArg, size_limit: int | None, seen_ids: dict[str, str], config: Config
) -> tuple[list[Source], tuple[list[SourceProblem], list[SourceProblem]] | None]:
    """The reference sources of the run (read once, for every cluster), and those unreadable or duplicated.

    Their ids are taken first: a candidate of the same id is the duplicate.
    """
    if references is None and not config.references:
        return [], None
    loaded, unreadable = load_references(
        references if references is not None else config.references, max_source_bytes=size_limit
    )
    unique, duplicates = drop_duplicate_ids(loaded, seen_ids)
    return [_with_defaults(s, config.sources) for s in unique], (unreadable, duplicates)


def _problem_from_source(problem: SourceProblem) -> Problem:
    return Problem(
        kind="source", path=problem.path, line=problem.line, message=problem.cause, severity=problem.severity
    )


def _with_defaults(source: Source, defaults: SourceDefaults) -> Source:
    update = {k: v for k, v in defaults.model_dump().items() if v is not None and getattr(source, k) is None}
    return source.model_copy(update=update) if update else source


@dataclass
class StartedCluster:
    """A cluster read and its extraction started (`start_cluster`): what `finish_cluster` needs."""

    cluster_id: str
    sources: list[Source]
    references: dict[str, ReferenceDate]
    noted: ClusterProblems
    extraction: StartedExtraction


def start_cluster(
    cluster_id: str, sources: list[Source], context: RunContext, noted: ClusterProblems
) -> StartedCluster:
    """Leave out sources too large and copies, date the others and start their extraction (`start_extraction`).

    Copies of a source are counted once; `finish_cluster` then links, aligns, checks and reports.
    """
    with context.times.stage("loading"):
        fits = []
        for source in sources:
            # Texts and `Source` objects given directly meet the limit files meet when read.
            size = _over_size_limit(source, context.max_source_bytes)
            if size is not None and context.max_source_bytes is not None:
                noted.skipped += 1
                message = too_large(size, context.max_source_bytes, "source")
                noted.problems.append(Problem(kind="source", path=source.path or source.id, message=message))
            else:
                fits.append(source)
        fits = drop_copies(fits, noted)  # a source left out for its size is no original to count a copy against
        references = assign_reference_dates(fits, context.reference_date)
    extraction = start_extraction(fits, [references[s.id].date for s in fits], context.settings)
    return StartedCluster(cluster_id, fits, references, noted, extraction)


def finish_cluster(started: StartedCluster, context: RunContext) -> Report:
    """Collect a started cluster's claims, link, align and check them, and report on the cluster."""
    outcomes = started.extraction.finish(context.times, context.progress)
    good, claims = gather_outcomes(started.sources, outcomes, started.noted)
    references, ruleset, times = started.references, context.ruleset, context.times
    checked = check_extracted(
        started.cluster_id, good, claims, ruleset, context.index, references, context.include_claims, times
    )
    return report_of_cluster(
        started.cluster_id, good, references, checked, ruleset, started.noted, context.config, context.baseline, times
    )


def drop_copies(sources: Sequence[Source], noted: ClusterProblems) -> list[Source]:
    """The sources without copies of another (`factcheck.sources.copies`); each copy an ``info`` problem.

    Candidates and references are compared among themselves only: a candidate that copies a
    reference is what trusted-sources mode checks (and backs), never a voice counted twice.
    """
    kept_ids: set[str] = set()
    for role_is_reference in (False, True):
        kept, copies = find_copies([s for s in sources if (s.role == "reference") == role_is_reference])
        kept_ids.update(s.id for s in kept)
        noted.duplicate += len(copies)
        noted.problems += [
            Problem(kind="source", path=c.copy.path or c.copy.id, message=c.describe(), severity="info")
            for c in copies
        ]
    return [s for s in sources if s.id in kept_ids]


def gather_outcomes(
    sources: Sequence[Source], outcomes: Sequence[SourceOutcome], noted: ClusterProblems
) -> tuple[list[Source], ClusterClaims]:
    """Sources with claims and the cluster's claims; each failure and plugin note a problem in ``noted``."""
    good: list[Source] = []
    extracted: list[SourceClaims] = []
    for source, outcome in zip(sources, outcomes, strict=True):
        where = source.path or source.id
        if outcome.claims is not None:
            good.append(source)
            extracted.append(outcome.claims)
            noted.problems.extend(Problem(kind="plugin", path=where, message=n) for n in outcome.claims.notes)
        else:
            noted.failed += 1
            noted.problems.append(Problem(kind="source", path=where, message=outcome.failure or ""))
    return good, ClusterClaims.gather(extracted)


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


@dataclass
class ClusterChecked:
    """What the cluster-level stages found: the findings, the claims asked for, the rules that failed."""

    findings: list[Finding]
    claims: list[AnyClaim]
    problems: list[Problem]


@_gc_paused()
def check_extracted(
    cluster_id: str,
    sources: Sequence[Source],
    claims: ClusterClaims,
    ruleset: RuleSet,
    index: NameIndex,
    references: Mapping[str, ReferenceDate],
    include_claims: bool = True,
    times: StageTimes | None = None,
) -> ClusterChecked:
    """The cluster-level stages on claims already extracted (here, from a cache, or by Dask workers).

    ``claims`` is the cluster's working set: linking replaces its mentions
    by their linked copies.
    """
    times = StageTimes() if times is None else times
    trusted = frozenset(s.id for s in sources if s.role == "reference")
    with times.stage("names"):
        link_entities(claims.entities, index, ruleset.fuzzy_thresholds(), trusted=trusted)
    with times.stage("alignment"):
        cluster = align(
            cluster_id, list(sources), dict(references), claims.dates, claims.quantities, claims.entities, index
        )
    rules_started = time.perf_counter()
    findings: list[Finding] = []
    unsupported: list[Finding] = []
    problems: list[Problem] = []
    for item in ruleset.rules:
        if not item.rule.enabled:
            continue
        if not item.rule.applies_to_any(sources) or (item.check.needs_references and not trusted):
            continue  # no source is in the rule's scope, or the check compares candidates with references
        try:
            found = item.rule.in_scope(settle_roles(item.check.run(cluster), trusted), sources, trusted)
            (unsupported if item.check.needs_references else findings).extend(found)
        except Exception as exc:  # one broken check must not lose the others
            problems.append(
                Problem(kind="rule", path=item.path, line=item.line, message=f"rule {item.rule.id!r} failed: {exc!r}")
            )
    if unsupported:
        findings += drop_contradicted(unsupported, findings, trusted)
    times["rules"] = times.get("rules", 0.0) + time.perf_counter() - rules_started
    return ClusterChecked(findings, claims.all() if include_claims else [], problems)


@_gc_paused()
def report_of_cluster(
    cluster_id: str,
    sources: Sequence[Source],
    references: Mapping[str, ReferenceDate],
    checked: ClusterChecked,
    ruleset: RuleSet,
    noted: ClusterProblems,
    config: Config | None = None,
    baseline: set[str] | None = None,
    times: StageTimes | None = None,
) -> Report:
    """The report of one cluster, built once: findings settled by the configuration and the baseline."""
    started = time.perf_counter()
    findings, suppressed = _settle(checked.findings, cluster_id, config or Config(), baseline or set())
    trusted = any(s.role == "reference" for s in sources)
    report = Report.build(
        sources=[_source_info(s, references[s.id], cluster_id, trusted) for s in sources],
        findings=findings,
        claims=checked.claims,
        problems=[*noted.problems, *checked.problems],
        suppressed=suppressed,
        sources_failed=noted.failed,
        sources_skipped=noted.skipped,
        sources_duplicate=noted.duplicate,
        rules=_rule_infos(ruleset, trusted),
        rule_files_failed=ruleset.rule_files_failed,
        rule_packs=[pack.name for pack in ruleset.packs],
        texts={s.id: s.text for s in sources},
    )
    if times is not None:
        times["report"] = times.get("report", 0.0) + time.perf_counter() - started
    return report


def _settle(
    findings: list[Finding], cluster_id: str, config: Config, baseline: set[str]
) -> tuple[list[Finding], list[Suppressed]]:
    """Findings in report order with their cluster and configured severity; those left out, and why."""
    for finding in findings:
        finding.cluster = cluster_id
        # The configured severity is final: a check's own escalation (an error
        # for a wide gap) yields to what the team asked for.
        if finding.rule in config.severity:
            finding.severity = config.severity[finding.rule]
    findings.sort(key=Finding.sort_key)
    kept, ignored = split_ignored(findings, config.ignore)
    left_out = list(ignored)
    if baseline:
        fresh = []
        for finding in kept:
            if finding.fingerprint in baseline:
                left_out.append((finding, "in the baseline"))
            else:
                fresh.append(finding)
        kept = fresh
    suppressed = [
        Suppressed(fingerprint=f.fingerprint, rule=f.rule, cluster=f.cluster, reason=reason) for f, reason in left_out
    ]
    return kept, suppressed


def _rule_infos(ruleset: RuleSet, trusted: bool = False) -> list[RuleInfo]:
    """The rules of the run; those comparing candidates with references only in trusted-sources mode."""
    return [
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
        if trusted or not item.check.needs_references
    ]


def _source_info(source: Source, reference: ReferenceDate, cluster_id: str, trusted: bool = False) -> SourceInfo:
    """What the report says of a source; its role only in trusted-sources mode (the report is unchanged without)."""
    return SourceInfo(
        id=source.id,
        path=source.path,
        published=source.published,
        reference_date=reference.date,
        reference_date_origin=reference.origin,
        reference_date_detail=reference.detail,
        words=len(source.text.split()),
        cluster=cluster_id,
        **_language_info(source),
        role=source.role if trusted else None,
    )


def _language_info(source: Source) -> dict[str, Any]:
    """The report's language fields: the decision made when the source was read, else what it states."""
    decision = source._language
    if decision is None:
        return {"language": source.language, "language_origin": "stated" if source.language else None}
    return {
        "language": decision.language,
        "language_origin": decision.origin,
        "language_detail": decision.detail,
        "language_confidence": decision.confidence,
    }
