"""A CI job checking a few articles: the whole ``factcheck`` process, no claims cache.

    python benchmarks/cold.py [FOLDER] [--runs 5]

Times ``factcheck check FOLDER --format json --no-cache`` (default: the five
articles in ``seeds/``) as a whole process, start-up, imports and model
load included, paired with ``benchmarks/bare_pipeline.py`` on the same texts
(spaCy's load and full pipeline, the least any spaCy-based tool pays).
Twice: with the table cache a previous run left (`factcheck.table_cache`:
the name lists and the gazetteer's tokens, built once per machine as the
bytecode is), and on a fresh machine, its cache directory emptied before
each run.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from paired import print_paired, run_paired

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parent / "seeds"


def library_command(folder: Path, *options: str) -> list[str]:
    return [sys.executable, "-m", "factcheck.cli", "check", str(folder), *options, "--format", "json",
            "--no-cache", "--no-config", "-q"]  # fmt: skip


def bench_cold(folder: Path = SEEDS, runs: int = 5) -> None:
    """Print the paired medians of the cold check of ``folder`` against the bare pipeline."""
    texts = sorted(p for p in folder.rglob("*") if p.suffix in (".txt", ".md"))
    words = sum(len(p.read_text(encoding="utf-8", errors="replace").split()) for p in texts)
    bare = [sys.executable, str(HERE / "bare_pipeline.py"), str(folder)]
    print(f"\n== cold check: {len(texts)} articles in {folder}, {words:,} words, {runs} paired runs")
    with tempfile.TemporaryDirectory(prefix="factcheck-bench-cache-") as cache:
        kept = run_paired(bare, library_command(folder), runs, {"FACTCHECK_CACHE_DIR": cache})
        print_paired(kept, "bare spaCy load + nlp.pipe (process)", "factcheck check, table cache kept")
        emptied = run_paired(
            bare,
            library_command(folder),
            runs,
            {"FACTCHECK_CACHE_DIR": cache},
            [sys.executable, "-c", "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)", cache],
        )
        print_paired(emptied, "bare spaCy load + nlp.pipe (process)", "factcheck check, fresh machine")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path, nargs="?", default=SEEDS)
    parser.add_argument("--runs", type=int, default=5, help="paired runs")
    args = parser.parse_args()
    bench_cold(args.folder, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
