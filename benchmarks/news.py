"""The library's cost on real news text, against the bare spaCy pipeline it runs on.

Generated benchmark text is easy for the selective parser (few figures and
dates in most sentences); news has a figure or a date in most sentences.
This measures whole processes on real articles (the ECB+ corpus in
``../shared`` when it is there; ``--news-sources N`` takes the first N, by
cluster and file name): the ``factcheck`` command with no claims cache
against ``benchmarks/bare_pipeline.py``, which loads the same model and runs
it over the same texts, each including its start-up and model load, run in
turn (bare, library, bare, library ...) so a drift of the machine's speed
touches both; medians and the median of the paired ratios are printed
(`paired`).  The library's table cache is kept from the warm-up run, as on
any machine after its first run.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from paired import print_paired, run_paired

HERE = Path(__file__).resolve().parent


def articles(folder: Path) -> list[Path]:
    """The articles of ``folder``, by cluster folder and file name."""
    return sorted(p for p in folder.rglob("*") if p.suffix in (".txt", ".md"))


@contextmanager
def first_articles(folder: Path, count: int | None) -> Iterator[Path]:
    """``folder`` itself, or a copy of its first ``count`` articles in their cluster folders."""
    if not count:
        yield folder
        return
    with tempfile.TemporaryDirectory(prefix="factcheck-bench-news-") as copy:
        for path in articles(folder)[:count]:
            target = Path(copy) / path.relative_to(folder)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
        yield Path(copy)


def bench_news(folder: Path, runs: int = 3, count: int | None = None, jobs: int = 1) -> None:
    """Print the paired timings of the bare pipeline and the ``factcheck`` command on ``folder``."""
    with first_articles(folder, count) as chosen, tempfile.TemporaryDirectory(prefix="factcheck-bench-") as cache:
        texts = articles(chosen)
        words = sum(len(p.read_text(encoding="utf-8", errors="replace").split()) for p in texts)
        bare = [sys.executable, str(HERE / "bare_pipeline.py"), str(chosen)]
        library = [
            sys.executable, "-m", "factcheck.cli", "check", str(chosen), "--clusters", "--no-cache",
            "--no-config", "--format", "json", "-q", "--jobs", str(jobs),
        ]  # fmt: skip
        print(f"\n== real news: {len(texts):,} articles from {folder}, {words:,} words, {runs} paired runs")
        paired = run_paired(bare, library, runs, {"FACTCHECK_CACHE_DIR": cache})
        print_paired(paired, "bare nlp.pipe (process, model load included)", f"factcheck check --jobs {jobs}")
