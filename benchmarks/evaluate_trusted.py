"""Accuracy of trusted-sources mode on the development cases, in one run.

    python benchmarks/evaluate_trusted.py [--shared ../shared] [--out DIR] [--show-misses] [--plain]

Each case of ``<shared>/dev-trusted/<case>/`` holds a candidate
``summary.txt`` and two references, ``ref1.txt`` and ``ref2.txt``.  The
summary is checked against the references (as ``factcheck check
summary.txt --reference ref1.txt --reference ref2.txt``) and scored against
``<shared>/gold/dev-trusted.json`` with ``tools/score.py``: recall of the
planted errors at warning and above, precision of the findings at warning
and above, and the correct paraphrases left alone (no-flag items kept).
``--plain`` checks the three texts as equal sources instead (the cluster
mode, for comparison).  Reads ``../shared``, which a user's clone does not
have: a development tool, not part of the library or its tests.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import factcheck
from factcheck.report import Report

sys.path.insert(0, str(Path(__file__).resolve().parent))

from evaluate import write_report  # a sibling script, found by the line above

ROOT = Path(__file__).resolve().parents[1]
TOTALS = ("flag_items", "flag_found", "noflag_items", "noflag_kept", "loud_findings", "loud_true")


def score(shared: Path, case: Path, report: Path, claims: Path, misses: bool) -> tuple[dict[str, object], str]:
    command = [sys.executable, str(shared / "tools" / "score.py"), "--gold", str(shared / "gold" / "dev-trusted.json")]
    command += ["--cluster", case.name, "--corpus", str(case), "--report", str(report), "--claims", str(claims)]
    scored: dict[str, object] = json.loads(
        subprocess.run([*command, "--json"], capture_output=True, text=True, check=True).stdout
    )
    shown = ""
    if misses:
        lines = subprocess.run([*command, "--show-misses"], capture_output=True, text=True, check=True).stdout
        kept = [line.strip() for line in lines.splitlines() if line.startswith("  ")]
        shown = "\n".join(f"      {line}" for line in kept if line.split()[0] in ("MISSED", "VIOLATED", "UNMATCHED"))
    return scored, shown


def check_case(case: Path, plain: bool) -> Report:
    summary = case / "summary.txt"
    references = sorted(case.glob("ref*.txt"))
    if plain:
        return factcheck.check([summary, *references], cache=False)
    return factcheck.check([summary], references=references, cache=False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=Path("evaluation-trusted"))
    parser.add_argument("--show-misses", action="store_true", help="list missed, violated and unmatched items")
    parser.add_argument("--plain", action="store_true", help="check the texts as equal sources (no references)")
    args = parser.parse_args()
    shared: Path = args.shared
    cases_dir = shared / "dev-trusted"
    if not (shared / "gold" / "dev-trusted.json").is_file() or not cases_dir.is_dir():
        print(f"no {cases_dir} or {shared}/gold/dev-trusted.json: this tool needs the shared data", file=sys.stderr)
        return 2
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    totals = dict.fromkeys(TOTALS, 0)
    by_category: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    print(f"trusted-sources cases (gold/dev-trusted.json){' as equal sources' if args.plain else ''}")
    for case in sorted(p for p in cases_dir.iterdir() if p.is_dir()):
        report_path, claims_path = write_report(check_case(case, args.plain), out, case.name)
        result, misses = score(shared, case, report_path, claims_path, args.show_misses)
        for key in TOTALS:
            totals[key] += int(result[key])  # type: ignore[call-overload]
        for category, found in dict(result.get("recall_by_category") or {}).items():  # type: ignore[call-overload]
            hit, items = (int(n) for n in str(found).split("/"))
            by_category[category][0] += hit
            by_category[category][1] += items
        print(
            f"  {case.name:14} recall {result['flag_found']}/{result['flag_items']}  "
            f"no-flag kept {result['noflag_kept']}/{result['noflag_items']}  "
            f"precision {result['loud_true']}/{result['loud_findings']} at warning+"
        )
        if misses:
            print(misses)
    recall = totals["flag_found"] / totals["flag_items"] if totals["flag_items"] else 1.0
    precision = totals["loud_true"] / totals["loud_findings"] if totals["loud_findings"] else 1.0
    print(
        f"  {'all':14} recall {totals['flag_found']}/{totals['flag_items']} = {recall:.2f}  "
        f"no-flag kept {totals['noflag_kept']}/{totals['noflag_items']}  "
        f"precision {totals['loud_true']}/{totals['loud_findings']} = {precision:.2f}"
    )
    for category, (hit, items) in sorted(by_category.items()):
        print(f"    {category:18} {hit}/{items}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
