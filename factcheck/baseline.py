"""Baselines: record today's findings, then report only new ones.

A baseline is a JSON file of finding fingerprints (rule, sources and the
spans' text: stable when offsets or wording change).  Adopting factcheck on
an existing corpus, a team records what is there and fails CI only on what
is new, as with Semgrep or ruff baselines.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from factcheck.errors import FactcheckError
from factcheck.report import Finding

BASELINE_VERSION = 1


def write_baseline(path: Path, findings: Iterable[Finding]) -> int:
    """Record the findings; returns how many."""
    entries = sorted(
        (
            {
                "fingerprint": f.fingerprint,
                "rule": f.rule,
                "category": f.category,
                "sources": sorted({e.source for e in f.evidence}),
                "message": f.message,
            }
            for f in findings
        ),
        key=lambda e: (e["rule"], e["fingerprint"]),
    )
    path.write_text(
        json.dumps({"version": BASELINE_VERSION, "findings": entries}, indent=2, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    return len(entries)


def load_baseline(path: Path) -> set[str]:
    """The fingerprints a baseline file records; raises `FactcheckError` naming the file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise FactcheckError(f"{path}: cannot read the baseline: {exc.strerror or exc}") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FactcheckError(f"{path}: not a baseline file (invalid JSON: {exc})") from exc
    if (
        not isinstance(data, dict)
        or data.get("version") != BASELINE_VERSION
        or not isinstance(data.get("findings"), list)
    ):
        raise FactcheckError(f"{path}: not a factcheck baseline (version {BASELINE_VERSION} expected)")
    prints = set()
    for n, entry in enumerate(data["findings"]):
        if not isinstance(entry, dict) or not isinstance(entry.get("fingerprint"), str):
            raise FactcheckError(f"{path}: entry {n} has no fingerprint")
        prints.add(entry["fingerprint"])
    return prints
