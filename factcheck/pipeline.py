"""The pipeline: sources -> extraction -> claims -> alignment -> checks -> report.

`check` is the one entry point the CLI, the Python API and other tools use.
A failure in one source or one rule is recorded as a problem in the report
and the rest of the run goes on.
"""

from __future__ import annotations

import datetime as dt
import time
import traceback
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from factcheck.alignment import align
from factcheck.checks import plugin_load_errors
from factcheck.claims import DateClaim, EntityClaim, QuantityClaim
from factcheck.extraction.dates import extract_dates
from factcheck.extraction.entities import extract_entities
from factcheck.extraction.lexicon import register_lexicon
from factcheck.extraction.quantities import extract_quantities
from factcheck.names.index import FuzzyThresholds, NameIndex
from factcheck.names.linking import link_entities
from factcheck.nlp import load_pipeline
from factcheck.reference_dates import ReferenceDate, assign_reference_dates
from factcheck.report import Finding, Problem, Report, RuleInfo, SourceInfo, Summary
from factcheck.rulebook import RuleSet, bundled_rules_dir, load_rule_packs
from factcheck.sources import Source, SourceInput, SourceProblem, load_sources
from factcheck.timing import StageTimes

NLP_BATCH_SIZE = 32

ClaimT = TypeVar("ClaimT", DateClaim, QuantityClaim, EntityClaim)


@dataclass
class Extracted:
    """The claims of one source."""

    dates: list[DateClaim]
    quantities: list[QuantityClaim]
    entities: list[EntityClaim]


def nlp_text(source: Source) -> str:
    """The text the model reads: front matter blanked out, offsets unchanged.

    Replacing front matter by spaces (keeping line breaks) means every spaCy
    offset is already an offset into the source text as decoded.
    """
    head = source.text[: source.body_start]
    blank = "".join(c if c in "\r\n" else " " for c in head)
    return blank + source.text[source.body_start :]


_RULE_CACHE: dict[tuple[object, ...], tuple[RuleSet, NameIndex]] = {}


def _pack_signature(directories: Sequence[Path]) -> tuple[object, ...]:
    """Every file of the packs with its size and modification time: a changed file reloads."""
    entries: list[object] = []
    for directory in directories:
        entries.append(str(directory.resolve()))
        if directory.is_dir():
            for path in sorted(directory.rglob("*.y*ml")):
                try:
                    stat = path.stat()
                except OSError:
                    continue
                entries.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(entries)


def load_rules_and_names(rules: Sequence[str | Path] | str | Path | None) -> tuple[RuleSet, NameIndex]:
    """Rule packs (the bundled one by default) and their name index, compiled once per process."""
    if rules is None:
        directories = [bundled_rules_dir()]
    elif isinstance(rules, str | Path):
        directories = [Path(rules)]
    else:
        directories = [Path(r) for r in rules]
    key = _pack_signature(directories)
    if key not in _RULE_CACHE:
        ruleset = load_rule_packs(directories)
        _RULE_CACHE[key] = (ruleset, NameIndex(ruleset.name_lists))
    return _RULE_CACHE[key]


def load_rules(rules: Sequence[str | Path] | str | Path | None) -> RuleSet:
    """Rule packs named by the caller, or the bundled pack."""
    return load_rules_and_names(rules)[0]


def fuzzy_thresholds(ruleset: RuleSet) -> FuzzyThresholds:
    """Matching thresholds from the first ``name-spelling`` rule, else defaults."""
    for loaded in ruleset.rules:
        if loaded.rule.check == "name-spelling" and loaded.rule.enabled:
            p = loaded.check.params
            return FuzzyThresholds(
                full_name=getattr(p, "fuzzy_full_name", 82.0),
                name_part=getattr(p, "fuzzy_name_part", 70.0),
                single_token=getattr(p, "fuzzy_single_token", 89.0),
                single_token_min_length=getattr(p, "single_token_min_length", 7),
            )
    return FuzzyThresholds()


def extract_source(
    nlp_doc: Doc, source: Source, reference: ReferenceDate, index: NameIndex, times: StageTimes | None = None
) -> Extracted:
    """All claims of one source; the cluster-level stages come after."""
    times = StageTimes() if times is None else times
    locale = source.language
    with times.stage("dates"):
        dates = extract_dates(nlp_doc, source.id, reference.date, locale=locale)
    with times.stage("quantities"):
        quantities = extract_quantities(nlp_doc, source.id, [(d.start, d.end) for d in dates], locale=locale)
    with times.stage("names"):
        entities = extract_entities(nlp_doc, source.id, index, offset_floor=source.body_start)
    return Extracted(dates, quantities, entities)


def _problem_from_source(problem: SourceProblem) -> Problem:
    return Problem(kind="source", path=problem.path, line=problem.line, message=problem.cause)


def check(
    sources: Iterable[SourceInput] | SourceInput,
    rules: Sequence[str | Path] | str | Path | None = None,
    reference_date: dt.date | str | None = None,
    *,
    model: str | None = None,
    include_claims: bool = True,
    timings: StageTimes | None = None,
) -> Report:
    """Check sources reporting the same event against each other.

    ``sources`` are paths (files, directories, ``.jsonl``), texts or `Source`
    objects; ``rules`` are rule pack directories (default: the bundled pack);
    ``reference_date`` resolves relative dates in sources that give no date.
    ``timings``, when given, receives the seconds spent in each stage.
    """
    times = StageTimes() if timings is None else timings
    if isinstance(sources, str | Path | Source):
        sources = [sources]
    if isinstance(reference_date, str):
        reference_date = dt.date.fromisoformat(reference_date)
    with times.stage("loading"):
        loaded, source_problems = load_sources(sources)
        problems = [_problem_from_source(p) for p in source_problems]
        ruleset, index = load_rules_and_names(rules)
        problems.extend(ruleset.problems)
        problems.extend(Problem(kind="plugin", path="factcheck.checks", message=m) for m in plugin_load_errors())
        nlp = load_pipeline(model)
        register_lexicon(nlp)
        references = assign_reference_dates(loaded, reference_date)
    good, extracted = _extract_all(nlp, loaded, references, index, problems, times)

    # Claims in (source, offset) order, so nothing downstream depends on the input order.
    def ordered(claims: Iterable[ClaimT]) -> list[ClaimT]:
        return sorted(claims, key=lambda c: (c.source, c.start, c.end))

    with times.stage("names"):
        entities = link_entities(ordered(e for x in extracted for e in x.entities), index, fuzzy_thresholds(ruleset))
    with times.stage("alignment"):
        dates = ordered(d for x in extracted for d in x.dates)
        quantities = ordered(q for x in extracted for q in x.quantities)
        cluster = align("default", good, references, dates, quantities, entities, index)
    rules_started = time.perf_counter()
    findings: list[Finding] = []
    for item in ruleset.rules:
        if not item.rule.enabled:
            continue
        if not item.rule.applies_to_any(good):
            continue  # no source is in the rule's scope
        try:
            findings.extend(item.rule.in_scope(item.check.run(cluster), good))
        except Exception as exc:  # one broken check must not lose the others
            problems.append(
                Problem(
                    kind="rule",
                    path=item.path,
                    line=item.line,
                    message=f"rule {item.rule.id!r} failed: {exc!r}",
                )
            )
    times["rules"] = times.get("rules", 0.0) + time.perf_counter() - rules_started
    report_started = time.perf_counter()
    findings.sort(key=Finding.sort_key)
    claims: list[DateClaim | QuantityClaim | EntityClaim] = []
    if include_claims:
        claims = sorted([*dates, *quantities, *entities], key=lambda c: (c.source, c.start, c.end, c.kind))
    counts: Counter[str] = Counter(f.severity for f in findings)
    report = Report(
        sources=[_source_info(s, references[s.id]) for s in good],
        findings=findings,
        claims=claims,
        problems=problems,
        summary=Summary(
            sources_read=len(good),
            sources_failed=len(loaded) - len(good) + len(source_problems),
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
    report._texts = {s.id: s.text for s in good}
    times["report"] = times.get("report", 0.0) + time.perf_counter() - report_started
    return report


def _extract_all(
    nlp: Language,
    sources: list[Source],
    references: dict[str, ReferenceDate],
    index: NameIndex,
    problems: list[Problem],
    times: StageTimes,
) -> tuple[list[Source], list[Extracted]]:
    good: list[Source] = []
    extracted: list[Extracted] = []
    fits = []
    for source in sources:
        if len(source.text) > nlp.max_length:
            problems.append(
                Problem(
                    kind="source",
                    path=source.path or source.id,
                    message=f"source is {len(source.text):,} characters; the limit is {nlp.max_length:,}",
                )
            )
        else:
            fits.append(source)
    docs = iter(nlp.pipe((nlp_text(s) for s in fits), batch_size=NLP_BATCH_SIZE))
    for source in fits:
        with times.stage("nlp"):
            doc = next(docs)
        try:
            extracted.append(extract_source(doc, source, references[source.id], index, times))
            good.append(source)
        except Exception as exc:  # a bug met on one text must not lose the run
            where = traceback.extract_tb(exc.__traceback__)[-1]
            problems.append(
                Problem(
                    kind="source",
                    path=source.path or source.id,
                    message=f"extraction failed ({type(exc).__name__}: {exc} at {where.filename}:{where.lineno}); "
                    "please report this",
                )
            )
    return good, extracted


def _source_info(source: Source, reference: ReferenceDate) -> SourceInfo:
    return SourceInfo(
        id=source.id,
        path=source.path,
        published=source.published,
        reference_date=reference.date,
        reference_date_origin=reference.origin,
        reference_date_detail=reference.detail,
        words=len(source.text.split()),
    )
