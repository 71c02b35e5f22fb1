"""Accuracy on the development clusters, the seeds and real news, in one run.

    python benchmarks/evaluate.py [--shared ../shared] [--out DIR] [--only dev,seeds,ecb]

Checks each development cluster and the seeds and scores them against their
gold (`tools/score.py`), then checks the ECB+ corpus and counts what it
raises (`tools/noise.py`: nearly everything raised there at warning or above
is a false alarm).  Reads ``../shared``, which a user's clone does not have:
it is a development tool, not part of the library or its tests.  The
reports, claims and tool outputs are kept in ``--out`` to read afterwards.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

import factcheck
from factcheck.report import Report

ROOT = Path(__file__).resolve().parents[1]


def write_report(report: Report, out: Path, name: str) -> tuple[Path, Path]:
    report_path = out / f"{name}.json"
    claims_path = out / f"{name}.claims.jsonl"
    report_path.write_text(report.model_dump_json(), encoding="utf-8")
    claims_path.write_text("".join(c.model_dump_json() + "\n" for c in report.claims), encoding="utf-8")
    return report_path, claims_path


def score(shared: Path, gold: str, cluster: str, corpus: Path, report: Path, claims: Path) -> dict[str, object]:
    command = [sys.executable, str(shared / "tools" / "score.py"), "--gold", str(shared / "gold" / gold)]
    command += ["--cluster", cluster, "--corpus", str(corpus), "--report", str(report), "--claims", str(claims)]
    result = subprocess.run([*command, "--json"], capture_output=True, text=True, check=True)
    scored: dict[str, object] = json.loads(result.stdout)
    return scored


def scored_clusters(shared: Path, gold: str, clusters: list[tuple[str, Path]], out: Path) -> None:
    totals = {"flag_items": 0, "flag_found": 0, "noflag_items": 0, "noflag_kept": 0, "loud_findings": 0, "loud_true": 0}
    for name, corpus in clusters:
        report = factcheck.check([corpus], cache=False)
        report_path, claims_path = write_report(report, out, name)
        result = score(shared, gold, name, corpus, report_path, claims_path)
        for key in totals:
            totals[key] += int(result[key])  # type: ignore[call-overload]
        print(
            f"  {name:28} recall {result['flag_found']}/{result['flag_items']}  "
            f"no-flag kept {result['noflag_kept']}/{result['noflag_items']}  "
            f"precision {result['loud_true']}/{result['loud_findings']} at warning+"
        )
    precision = totals["loud_true"] / totals["loud_findings"] if totals["loud_findings"] else 1.0
    print(
        f"  {'all':28} recall {totals['flag_found']}/{totals['flag_items']}  "
        f"no-flag kept {totals['noflag_kept']}/{totals['noflag_items']}  "
        f"precision {totals['loud_true']}/{totals['loud_findings']} = {precision:.2f}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=Path("evaluation"))
    parser.add_argument("--only", default="dev,seeds,ecb", help="comma-separated: dev, seeds, ecb")
    args = parser.parse_args()
    shared: Path = args.shared
    if not (shared / "gold").is_dir():
        print(f"no {shared}/gold: this tool needs the shared development data", file=sys.stderr)
        return 2
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    parts = set(args.only.split(","))
    if "dev" in parts:
        print("development clusters (gold/dev.json)")
        dev = sorted(p for p in (shared / "dev").iterdir() if p.is_dir())
        scored_clusters(shared, "dev.json", [(p.name, p) for p in dev], out)
    if "seeds" in parts:
        print("seeds (gold/seeds.json)")
        scored_clusters(shared, "seeds.json", [("seeds", ROOT / "seeds")], out)
    if "ecb" in parts:
        started = time.perf_counter()
        report = factcheck.check([shared / "corpora" / "ecbplus" / "clusters"], clusters=True, cache=True)
        report_path, _ = write_report(report, out, "ecbplus")
        print(f"ECB+ ({time.perf_counter() - started:.0f} s, claims cache on)")
        noise = subprocess.run(
            [sys.executable, str(shared / "tools" / "noise.py"), str(report_path), "--sample", "0"],
            capture_output=True,
            text=True,
            check=True,
        )
        print("  " + noise.stdout.strip().replace("\n", "\n  "))
    return 0


if __name__ == "__main__":
    sys.exit(main())
