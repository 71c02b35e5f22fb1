"""``make bench``: how the cluster-level stages grow with a very large cluster, per claim.

The target: no pairwise work over a cluster, so the time that linking,
alignment and the checks spend per claim stays flat (within 30%) from
10,000 to 100,000 sources, two sizes that both exceed the CPU cache.

Extracting 100,000 sources would take hours and measure the NLP, not the
cluster stages, so the large cluster is built from the claims of the base
one: the base corpus is extracted once (through a claims cache kept in
``.bench/claims``, so later runs skip it), then its sources and claims are
copied under new source ids as many times as needed.  Every size is built
from the same base and timed in a process of its own.

    python benchmarks/growth.py [--base 10000] [--factors 1,10] [--words 600] [--jobs 2] [--runs 1]
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate
from run import in_fresh_process, peak_rss_mb

from factcheck.claims import ClusterClaims, DateClaim, EntityClaim, QuantityClaim
from factcheck.extraction.cache import ClaimCache
from factcheck.extraction.nlp import load_pipeline, resolve_model_name
from factcheck.extraction.per_source import SourceExtractor
from factcheck.extraction.run import ExtractionSettings, extract_sources
from factcheck.pipeline import ClusterProblems, check_extracted, gather_outcomes, report_of_cluster
from factcheck.rulebook.compiled import load_rules_and_names, names_signature
from factcheck.sources.model import Source
from factcheck.sources.reference_dates import assign_reference_dates
from factcheck.timing import StageTimes

CACHE = Path(__file__).resolve().parents[1] / ".bench" / "claims"
CLUSTER_STAGES = ("names", "alignment", "rules", "report")
GROUPS = (
    ("alignment + rules", ("alignment", "rules")),
    *((stage, (stage,)) for stage in CLUSTER_STAGES),
    ("all four", CLUSTER_STAGES),
)


@dataclass
class Grown:
    """The cluster stages' seconds on one replicated cluster."""

    sources: int
    claims: int
    findings: int
    times: dict[str, float]
    peak_rss_mb: float


def base_claims(base: int, words: int, jobs: int) -> tuple[list[Source], ClusterClaims]:
    """The base corpus as one cluster and its claims, extracted through the bench's claims cache."""
    sources = [s for c in generate(base, 1, words) for s in c.sources]
    _, index = load_rules_and_names(None)
    nlp = load_pipeline()
    model_name = f"{resolve_model_name()}@{nlp.meta.get('version', '?')}"
    settings = ExtractionSettings(
        SourceExtractor(nlp, index), None, jobs, ClaimCache(CACHE, model_name, names_signature(None))
    )
    references = assign_reference_dates(sources)
    outcomes = extract_sources(sources, [references[s.id].date for s in sources], settings, StageTimes())
    good, claims = gather_outcomes(sources, outcomes, ClusterProblems())
    return good, claims


C = TypeVar("C", DateClaim, QuantityClaim, EntityClaim)


def _renamed(claims: list[C], suffix: str) -> list[C]:
    return [c.model_copy(update={"source": c.source + suffix}) for c in claims]


def replicated(sources: list[Source], claims: ClusterClaims, factor: int) -> tuple[list[Source], ClusterClaims]:
    """``factor`` copies of the cluster, copy k's source ids suffixed ``~k`` (the first copy's unchanged).

    Every claim is a new object, the first copy's too: linking updates the
    mentions it is given, and the base claims serve every run.
    """
    suffixes = [""] + [f"~{k}" for k in range(1, factor)]
    grown_sources = [s.model_copy(update={"id": s.id + x}) for x in suffixes for s in sources]
    grown = ClusterClaims()
    for suffix in suffixes:
        grown.dates += _renamed(claims.dates, suffix)
        grown.quantities += _renamed(claims.quantities, suffix)
        grown.entities += _renamed(claims.entities, suffix)
    order = {s.id: i for i, s in enumerate(grown_sources)}
    for kind in (grown.dates, grown.quantities, grown.entities):
        kind.sort(key=lambda c: order[c.source])  # source order, as `ClusterClaims.gather` gives
    return grown_sources, grown


def _subset(claims: ClusterClaims, ids: set[str]) -> ClusterClaims:
    return ClusterClaims(
        [c for c in claims.dates if c.source in ids],
        [c for c in claims.quantities if c.source in ids],
        [c for c in claims.entities if c.source in ids],
    )


def measure(base: int, words: int, factor: int, runs: int) -> Grown:
    """Link, align, check and report on ``factor`` copies of the base cluster; the median of ``runs``."""
    sources, claims = base_claims(base, words, 1)
    ruleset, index = load_rules_and_names(None)
    warm_sources, warm = replicated(sources[:20], _subset(claims, {s.id for s in sources[:20]}), 2)
    warm_references = assign_reference_dates(warm_sources)
    # lazy imports and compiled patterns are not what is measured
    check_extracted("warm-up", warm_sources, warm, ruleset, index, warm_references, False)
    samples: list[dict[str, float]] = []
    findings = n_claims = 0
    for _ in range(runs):
        grown_sources, grown = replicated(sources, claims, factor)
        n_claims = len(grown.dates) + len(grown.quantities) + len(grown.entities)
        references = assign_reference_dates(grown_sources)
        gc.collect()
        times = StageTimes()
        checked = check_extracted("growth", grown_sources, grown, ruleset, index, references, False, times)
        report = report_of_cluster(
            "growth", grown_sources, references, checked, ruleset, ClusterProblems(), None, None, times
        )
        findings = len(report.findings)
        samples.append({stage: times.get(stage, 0.0) for stage in CLUSTER_STAGES})
        del grown, checked, report
    median = {stage: statistics.median(s[stage] for s in samples) for stage in CLUSTER_STAGES}
    return Grown(len(sources) * factor, n_claims, findings, median, peak_rss_mb())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", type=int, default=10_000, help="sources extracted (default 10,000)")
    parser.add_argument("--factors", default="1,10", help="comma-separated copies of the base to time")
    parser.add_argument("--words", type=int, default=600, help="words per source")
    parser.add_argument("--jobs", type=int, default=2, help="processes for the one-off extraction of the base")
    parser.add_argument("--runs", type=int, default=1, help="runs per size (the median is shown)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()

    started = time.perf_counter()
    sources, _ = in_fresh_process(base_claims, args.base, args.words, args.jobs)
    print(f"base: {len(sources):,} sources extracted or read from {CACHE} in {time.perf_counter() - started:.0f} s")
    results = [in_fresh_process(measure, args.base, args.words, int(f), args.runs) for f in args.factors.split(",")]

    print(
        f"\n{'sources':>9} {'claims':>10} {'findings':>9} "
        + " ".join(f"{s:>10}" for s in CLUSTER_STAGES)
        + f" {'us/claim':>9} {'peak RSS':>9}"
    )
    for r in results:
        total = sum(r.times.values())
        print(
            f"{r.sources:9,} {r.claims:10,} {r.findings:9,} "
            + " ".join(f"{r.times[s]:9.2f}s" for s in CLUSTER_STAGES)
            + f" {1e6 * total / r.claims:9.2f} {r.peak_rss_mb:7,.0f}MB"
        )
    first = results[0]
    for r in results[1:]:
        print(f"\nper claim, {first.sources:,} -> {r.sources:,} sources (target: alignment + rules within 30%):")
        for label, stages in GROUPS:
            before = sum(first.times[s] for s in stages) / first.claims
            after = sum(r.times[s] for s in stages) / r.claims
            ratio = after / before if before else float("inf")
            verdict = "flat" if 0.7 <= ratio <= 1.3 else "NOT flat"
            print(f"  {label:18} x{ratio:.2f}  {verdict}")
    if args.json:
        args.json.write_text(json.dumps([r.__dict__ for r in results], indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
