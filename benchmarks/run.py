"""``make bench``: the library's cost against the bare spaCy pipeline it runs on.

For each corpus size it prints, on the same generated corpus: the bare
``nlp.pipe`` time with the model and components the library uses, the
library's end-to-end ``check()`` time, their ratio, words per second, peak
RSS, and the time of each stage, with each extraction stage as a share of
the NLP time (the targets in the issues are stated that way).

    python benchmarks/run.py --sizes 10,100,1000 [--words 600] [--clusters 1]
"""

from __future__ import annotations

import argparse
import gc
import resource
import sys
import time
from pathlib import Path

import spacy

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate

import factcheck
from factcheck.nlp import UNUSED_COMPONENTS, load_pipeline, resolve_model_name
from factcheck.pipeline import NLP_BATCH_SIZE, nlp_text
from factcheck.timing import STAGES, StageTimes


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench(size: int, clusters: int, words: int) -> None:
    corpus = generate(size, clusters, words)
    sources = [s for c in corpus for s in c.sources]
    n_words = sum(len(s.text.split()) for s in sources)
    # The bare baseline is the model as shipped, every component on every
    # sentence: the library runs the same components, its parser only where
    # a stage reads trees (factcheck.selective_parser).
    nlp = spacy.load(resolve_model_name(), exclude=list(UNUSED_COMPONENTS))
    factcheck.check(sources[:2])  # warm-up: model, rule packs, lazy imports
    list(nlp.pipe(nlp_text(s) for s in sources[:2]))
    gc.collect()

    started = time.perf_counter()
    for _ in nlp.pipe((nlp_text(s) for s in sources), batch_size=NLP_BATCH_SIZE):
        pass
    bare = time.perf_counter() - started

    times = StageTimes()
    started = time.perf_counter()
    findings = 0
    for cluster in corpus:
        report = factcheck.check(cluster.sources, timings=times, include_claims=False)
        findings += len(report.findings)
    total = time.perf_counter() - started

    nlp_time = times.get("nlp", 0.0) or 1e-9
    print(f"\n== {size:,} sources in {clusters:,} cluster(s), {n_words:,} words")
    print(
        f"bare nlp.pipe      {bare:9.2f} s   {n_words / bare:10,.0f} words/s   components: {', '.join(nlp.pipe_names)}"
    )
    print(f"library pipeline   components: {', '.join(load_pipeline().pipe_names)}")
    print(
        f"check() end to end {total:9.2f} s   {n_words / total:10,.0f} words/s   "
        f"ratio {total / bare:.2f}x   findings {findings:,}"
    )
    print(f"peak RSS           {peak_rss_mb():9.0f} MB")
    for stage in STAGES:
        spent = times.get(stage, 0.0)
        share = f"{100 * spent / nlp_time:6.1f}% of NLP" if stage not in ("nlp",) else ""
        print(f"  {stage:12} {spent:9.3f} s  {share}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10,100,1000", help="comma-separated source counts")
    parser.add_argument("--words", type=int, default=600, help="words per source")
    parser.add_argument("--clusters", type=int, default=1, help="clusters to spread the sources over")
    args = parser.parse_args()
    for size in (int(s) for s in args.sizes.split(",")):
        bench(size, min(args.clusters, size), args.words)
    return 0


if __name__ == "__main__":
    sys.exit(main())
