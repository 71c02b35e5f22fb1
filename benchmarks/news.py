"""The library's cost on real news text, against the bare spaCy pipeline it runs on.

Generated benchmark text is easy for the selective parser (few figures and
dates in most sentences); news has a figure or a date in most sentences.
This measures whole processes on a folder of real articles (the ECB+
corpus in ``../shared`` when it is there): the ``factcheck`` command with
no claims cache against a script that loads the same model and runs it over
the same texts, each including its start-up and model load, run in turn
(bare, library, bare, library ...) so a drift of the machine's speed
touches both; medians and the median of the paired ratios are printed.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

BARE = """
import sys
from pathlib import Path
import spacy
from factcheck.extraction.nlp import UNUSED_COMPONENTS, resolve_model_name
from factcheck.extraction.per_source import NLP_BATCH_SIZE
from factcheck.sources.reading import load_sources
from factcheck.extraction.per_source import nlp_text
sources, _ = load_sources([Path(sys.argv[1])])
nlp = spacy.load(resolve_model_name(), exclude=list(UNUSED_COMPONENTS))
for _ in nlp.pipe((nlp_text(s) for s in sources), batch_size=NLP_BATCH_SIZE):
    pass
"""


def _timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def bench_news(folder: Path, runs: int = 3) -> None:
    """Print the paired timings of the bare pipeline and the ``factcheck`` command on ``folder``."""
    texts = [p for p in folder.rglob("*") if p.suffix in (".txt", ".md")]
    words = sum(len(p.read_text(encoding="utf-8", errors="replace").split()) for p in texts)
    bare_command = [sys.executable, "-c", BARE, str(folder)]
    library_command = [
        sys.executable, "-m", "factcheck.cli", "check", str(folder), "--clusters", "--no-cache",
        "--no-config", "--format", "json", "-q",
    ]  # fmt: skip
    bare_times: list[float] = []
    library_times: list[float] = []
    for _ in range(runs):
        bare_times.append(_timed(bare_command))
        library_times.append(_timed(library_command))
    ratios = [lib / bare for lib, bare in zip(library_times, bare_times, strict=True)]
    print(f"\n== real news: {len(texts):,} articles in {folder}, {words:,} words, {runs} paired runs")
    print(f"bare nlp.pipe (process, model load included)  median {statistics.median(bare_times):8.2f} s")
    print(f"factcheck check (process, no claims cache)    median {statistics.median(library_times):8.2f} s")
    print(f"ratio (median of paired ratios)                {statistics.median(ratios):8.2f}x")
