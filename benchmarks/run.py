"""``make bench``: the library's cost against the bare spaCy pipeline it runs on.

For each corpus size it prints, on the same generated corpus: the bare
``nlp.pipe`` time with the model and components the library uses, the
library's end-to-end ``check()`` time, their ratio, words per second, peak
RSS, and the time of each stage, with each extraction stage as a share of
the NLP time (the targets in the issues are stated that way).

    python benchmarks/run.py --sizes 10,100,1000 [--words 600] [--clusters 1] [--jobs 2] [--cache]
                             [--cold-runs 5] [--news DIR] [--news-runs 3] [--news-sources 200]

With several sizes it also prints how much the time of alignment and rules
grows from one size to the next (the linear-scaling target).  First it times
the two situations users feel, each as medians of paired whole-process runs:
a cold ``factcheck check`` of the five seed articles (benchmarks/cold.py) and
the ``factcheck`` command on real news (benchmarks/news.py), when a folder of
articles is there; then ``check()`` against bare ``nlp.pipe`` on that news
text in one process (model loaded, as the generated sizes are measured).
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import multiprocessing
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import spacy

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cold import bench_cold
from corpus import generate
from news import articles, bench_news, first_articles

import factcheck
from factcheck.extraction.nlp import UNUSED_COMPONENTS, load_pipeline, resolve_model_name
from factcheck.extraction.per_source import NLP_BATCH_SIZE, nlp_text
from factcheck.rulebook.config import Config
from factcheck.sources.reading import load_sources
from factcheck.timing import STAGES, StageTimes

T = TypeVar("T")


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


NEWS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "ecbplus" / "clusters"
EXTRACTION_STAGES = ("nlp", "dates", "quantities", "names")
CLUSTER_STAGES = ("alignment", "rules")


@dataclass
class Measured:
    """One measurement, taken in a process of its own so that its peak RSS is its own."""

    seconds: float
    peak_rss_mb: float
    times: dict[str, float] = field(default_factory=dict)
    reports: list[str] = field(default_factory=list)
    components: list[str] = field(default_factory=list)


def in_fresh_process(function: Callable[..., T], *args: Any) -> T:
    """Run ``function`` in a new interpreter: no model, cache or high-water mark of another run."""
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(function, *args).result()


def measure_bare(size: int, clusters: int, words: int) -> Measured:
    """The bare baseline: the model as shipped, every component on every sentence.

    The library runs the same components, its parser only where a stage
    reads trees (factcheck.extraction.selective_parser).
    """
    return _bare_pipe([s for c in generate(size, clusters, words) for s in c.sources])


def _bare_pipe(sources: list[Any]) -> Measured:
    nlp = spacy.load(resolve_model_name(), exclude=list(UNUSED_COMPONENTS))
    list(nlp.pipe(nlp_text(s) for s in sources[:2]))  # warm-up
    gc.collect()
    started = time.perf_counter()
    for _ in nlp.pipe((nlp_text(s) for s in sources), batch_size=NLP_BATCH_SIZE):
        pass
    return Measured(time.perf_counter() - started, peak_rss_mb())


def measure_check(size: int, clusters: int, words: int, options: dict[str, Any]) -> Measured:
    """``check()`` on each cluster of the corpus: seconds, stage times and each report's JSON."""
    corpus = generate(size, clusters, words)
    factcheck.check(corpus[0].sources[:2])  # warm-up: model, rule packs, lazy imports
    gc.collect()
    times = StageTimes()
    reports: list[str] = []
    started = time.perf_counter()
    for cluster in corpus:
        report = factcheck.check(cluster.sources, timings=times, include_claims=False, **options)
        reports.append(report.model_dump_json())
    seconds = time.perf_counter() - started
    return Measured(seconds, peak_rss_mb(), dict(times), reports, list(load_pipeline().pipe_names))


def measure_bare_folder(folder: Path) -> Measured:
    """The bare baseline on a folder of articles (the texts `check` reads)."""
    return _bare_pipe(load_sources([folder])[0])


def measure_check_folder(folder: Path) -> Measured:
    """``check()`` of a folder of articles, a cluster per subfolder, after a warm-up on two of them."""
    factcheck.check(articles(folder)[:2])  # warm-up: model, rule packs, lazy imports
    gc.collect()
    times = StageTimes()
    started = time.perf_counter()
    report = factcheck.check([folder], clusters=True, timings=times, include_claims=False)
    seconds = time.perf_counter() - started
    return Measured(seconds, peak_rss_mb(), dict(times), [report.model_dump_json()])


def bench_news_in_process(folder: Path, count: int | None, runs: int = 3) -> None:
    """``check()`` against bare ``nlp.pipe`` on real news, each in a fresh process, the model loaded.

    The two run in turn, ``runs`` times (bare, check, bare, check ...), so a
    drift of the machine's speed touches both; the median of the paired
    ratios is the figure, as for the whole-process benchmarks.
    """
    with first_articles(folder, count) as chosen:
        texts = articles(chosen)
        words = sum(len(p.read_text(encoding="utf-8", errors="replace").split()) for p in texts)
        pairs = [
            (in_fresh_process(measure_bare_folder, chosen), in_fresh_process(measure_check_folder, chosen))
            for _ in range(max(1, runs))
        ]
    bare_seconds = statistics.median(bare.seconds for bare, _ in pairs)
    check_seconds = statistics.median(checked.seconds for _, checked in pairs)
    ratio = statistics.median(checked.seconds / bare.seconds for bare, checked in pairs)
    median_check = sorted((checked for _, checked in pairs), key=lambda m: m.seconds)[len(pairs) // 2]
    nlp_time = median_check.times.get("nlp", 0.0) or 1e-9
    print(f"\n== real news in one process: {len(texts):,} articles, {words:,} words (model loaded), {len(pairs)} pairs")
    print(f"bare nlp.pipe      {bare_seconds:9.2f} s   {words / bare_seconds:10,.0f} words/s  (median)")
    print(
        f"check() end to end {check_seconds:9.2f} s   {words / check_seconds:10,.0f} words/s  (median)   "
        f"ratio {ratio:.2f}x (median of paired ratios)"
    )
    print("  stages of the median check() run:")
    for stage in STAGES:
        spent = median_check.times.get(stage, 0.0)
        share = f"{100 * spent / nlp_time:6.1f}% of NLP" if stage != "nlp" else ""
        print(f"  {stage:12} {spent:9.3f} s  {share}")


def measure_cache(size: int, clusters: int, words: int) -> tuple[Measured, Measured]:
    """A cold claims cache, then a warm one with one rule changed (a severity override)."""
    with tempfile.TemporaryDirectory() as directory:
        cold = measure_check(size, clusters, words, {"cache": directory})
        changed = Config(severity={"quantities.conflict": "error"})
        warm = measure_check(size, clusters, words, {"cache": directory, "config": changed})
    return cold, warm


def bench(size: int, clusters: int, words: int, jobs: int, cache: bool) -> float:
    """Print the figures for one corpus size; returns the seconds spent in alignment and rules."""
    n_words = sum(len(s.text.split()) for c in generate(size, clusters, words) for s in c.sources)
    bare = in_fresh_process(measure_bare, size, clusters, words)
    checked = in_fresh_process(measure_check, size, clusters, words, {})
    times, total = checked.times, checked.seconds
    findings = sum(len(json.loads(r)["findings"]) for r in checked.reports)

    nlp_time = times.get("nlp", 0.0) or 1e-9
    print(f"\n== {size:,} sources in {clusters:,} cluster(s), {n_words:,} words")
    print(
        f"bare nlp.pipe      {bare.seconds:9.2f} s   {n_words / bare.seconds:10,.0f} words/s   "
        f"peak RSS {bare.peak_rss_mb:,.0f} MB   (the model's full pipeline)"
    )
    print(f"library pipeline   components: {', '.join(checked.components)}")
    print(
        f"check() end to end {total:9.2f} s   {n_words / total:10,.0f} words/s   "
        f"ratio {total / bare.seconds:.2f}x   findings {findings:,}"
    )
    print(f"peak RSS           {checked.peak_rss_mb:9.0f} MB   (check() in a process of its own)")
    for stage in STAGES:
        spent = times.get(stage, 0.0)
        share = f"{100 * spent / nlp_time:6.1f}% of NLP" if stage not in ("nlp",) else ""
        print(f"  {stage:12} {spent:9.3f} s  {share}")
    extraction = sum(times.get(stage, 0.0) for stage in EXTRACTION_STAGES)
    cluster_time = sum(times.get(stage, 0.0) for stage in CLUSTER_STAGES)
    print(f"alignment + rules  {cluster_time:9.3f} s   {100 * cluster_time / extraction:.2f}% of extraction")

    if jobs > 1:
        parallel = in_fresh_process(measure_check, size, clusters, words, {"jobs": jobs})
        same = "identical" if parallel.reports == checked.reports else "DIFFERENT"
        print(
            f"--jobs {jobs}          {parallel.seconds:9.2f} s   {total / parallel.seconds:.2f}x faster than "
            f"--jobs 1, JSON {same}"
        )
    if cache:
        cold, warm = in_fresh_process(measure_cache, size, clusters, words)
        print(
            f"cache              cold {cold.seconds:.2f} s, warm with a rule changed {warm.seconds:.2f} s: "
            f"{cold.seconds / warm.seconds:.0f}x faster"
        )
    return cluster_time


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10,100,1000", help="comma-separated source counts")
    parser.add_argument("--words", type=int, default=600, help="words per source")
    parser.add_argument("--clusters", type=int, default=1, help="clusters to spread the sources over")
    parser.add_argument("--jobs", type=int, default=0, help="also time check(jobs=N) and compare its JSON")
    parser.add_argument("--cache", action="store_true", help="also time a cold and a warm claims cache")
    parser.add_argument(
        "--news",
        type=Path,
        default=NEWS,
        help="folder of real news articles to time the command on (default: the ECB+ corpus in ../shared)",
    )
    parser.add_argument("--news-runs", type=int, default=3, help="paired runs on the news folder (0: skip)")
    parser.add_argument("--news-sources", type=int, default=200, help="the first N news articles (0: all)")
    parser.add_argument("--cold-runs", type=int, default=5, help="paired runs of the cold seeds check (0: skip)")
    args = parser.parse_args()
    if args.cold_runs:
        bench_cold(runs=args.cold_runs)
    if args.news_runs and args.news.is_dir():
        bench_news(args.news, args.news_runs, args.news_sources or None)
        bench_news_in_process(args.news, args.news_sources or None, args.news_runs)
    elif args.news_runs:
        print(f"(no real-news folder at {args.news}: the news benchmarks are skipped)")
    sizes = [int(s) for s in args.sizes.split(",") if s]
    cluster_times = [bench(size, min(args.clusters, size), args.words, args.jobs, args.cache) for size in sizes]
    for (small, small_time), (large, large_time) in itertools.pairwise(zip(sizes, cluster_times, strict=True)):
        factor = large_time / small_time if small_time else float("inf")
        print(f"alignment + rules from {small:,} to {large:,} sources: x{factor:.1f} (sources x{large / small:.0f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
