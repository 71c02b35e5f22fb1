"""``make bench``: one long source, checked in time linear in its length (issue 17).

For each length it generates one article (benchmarks/long_article.py),
checks it with ``factcheck.check`` in a process of its own (model loaded and
warmed up first, so only the check is timed) and prints the seconds, the
time per 1,000 words, the peak RSS of that process and the time of each
stage; then the bare ``nlp.pipe`` over the same pieces the library cuts the
text into, in another fresh process.  Last, how each figure grows from the
shortest length to the longest against the number of words: linear means a
time per word that stays flat (x1), quadratic one that grows with the
length (x10 from 20,000 to 200,000 words).

    python benchmarks/long_sources.py [--words 20000,60000,200000] [--no-bare]

The targets: the time per word at 200,000 words within 1.5 times that at
20,000, and a peak RSS under 2 GB.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from long_article import long_article
from run import in_fresh_process, peak_rss_mb

import factcheck
from factcheck.extraction.chunks import CHUNK_BATCH, chunk_bounds
from factcheck.extraction.nlp import load_pipeline
from factcheck.sources.model import Source
from factcheck.timing import STAGES, StageTimes

TARGET_GROWTH = 1.5
TARGET_PEAK_MB = 2048


@dataclass
class LongRun:
    """One long source checked (or parsed bare) in a process of its own."""

    words: int
    characters: int
    seconds: float
    peak_rss_mb: float
    times: dict[str, float] = field(default_factory=dict)
    claims: int = 0
    findings: int = 0
    problems: list[str] = field(default_factory=list)


def measure_check(words: int) -> LongRun:
    text = long_article(words)
    factcheck.check(["A warm-up text: 12 people met Anna Berg in Oslo on Monday, 3 March 2025."])
    gc.collect()
    times = StageTimes()
    started = time.perf_counter()
    report = factcheck.check([Source(id="long", text=text)], timings=times, max_source_bytes=0)
    seconds = time.perf_counter() - started
    return LongRun(
        len(text.split()),
        len(text),
        seconds,
        peak_rss_mb(),
        dict(times),
        len(report.claims),
        len(report.findings),
        [p.message for p in report.problems],
    )


def measure_bare(words: int) -> LongRun:
    """The model alone over the same pieces (it refuses a text over 1,000,000 characters whole)."""
    text = long_article(words)
    nlp = load_pipeline()
    list(nlp.pipe(["A warm-up text: 12 people met Anna Berg in Oslo on Monday."]))
    gc.collect()
    started = time.perf_counter()
    for _ in nlp.pipe((text[a:b] for a, b in chunk_bounds(text)), batch_size=CHUNK_BATCH):
        pass
    return LongRun(len(text.split()), len(text), time.perf_counter() - started, peak_rss_mb())


def per_thousand(run: LongRun) -> float:
    return 1000 * run.seconds / run.words


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--words", default="20000,60000,200000", help="comma-separated article lengths in words")
    parser.add_argument("--no-bare", action="store_true", help="skip the bare nlp.pipe runs")
    args = parser.parse_args()
    lengths = [int(w) for w in args.words.split(",") if w]
    print("\n== one long source, checked in a fresh process per length")
    runs: list[LongRun] = []
    bares: list[LongRun] = []
    for words in lengths:
        run = in_fresh_process(measure_check, words)
        runs.append(run)
        print(
            f"{run.words:9,} words {run.characters:11,} chars   check() {run.seconds:8.1f} s   "
            f"{per_thousand(run):6.3f} s per 1,000 words   peak RSS {run.peak_rss_mb:7,.0f} MB   "
            f"claims {run.claims:,}   findings {run.findings:,}"
        )
        print("    " + "  ".join(f"{s} {run.times.get(s, 0.0):.2f}" for s in STAGES))
        for problem in run.problems:
            print(f"    problem: {problem}")
        if not args.no_bare:
            bare = in_fresh_process(measure_bare, words)
            bares.append(bare)
            print(
                f"{'':33}bare nlp.pipe {bare.seconds:8.1f} s   {per_thousand(bare):6.3f} s per 1,000 words   "
                f"peak RSS {bare.peak_rss_mb:7,.0f} MB   check()/bare {run.seconds / bare.seconds:.2f}x"
            )
    if len(runs) < 2:
        return 0
    first, last = runs[0], runs[-1]
    growth = per_thousand(last) / per_thousand(first)
    print(
        f"\nfrom {first.words:,} to {last.words:,} words (x{last.words / first.words:.1f}): time x"
        f"{last.seconds / first.seconds:.1f}, time per word x{growth:.2f} (target: under x{TARGET_GROWTH})"
    )
    for stage in STAGES:
        small, large = first.times.get(stage, 0.0), last.times.get(stage, 0.0)
        if small > 0.01:
            per_word = (large / last.words) / (small / first.words)
            print(f"  {stage:12} {small:8.2f} s -> {large:8.2f} s   per word x{per_word:.2f}")
    print(f"peak RSS at {last.words:,} words: {last.peak_rss_mb:,.0f} MB (target: under {TARGET_PEAK_MB:,} MB)")
    met = growth < TARGET_GROWTH and last.peak_rss_mb < TARGET_PEAK_MB
    print("targets met" if met else "TARGETS MISSED")
    return 0


if __name__ == "__main__":
    sys.exit(main())
