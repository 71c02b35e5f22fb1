"""Score the quantity extractor on the hand-written sentence set (benchmarks/data).

    python benchmarks/quantity_sentences.py [--data FILE] [--show-misses]

The method is the one published for news quantity benchmarks: a gold
quantity counts as found when an extracted quantity of the same sentence
has its value (value F1), and for value+unit also its normalized unit
(value+unit F1).  Each extracted quantity is matched at most once; an
extracted quantity that matches no gold one counts against precision.  A
gold range ``[low, high]`` (also a vague amount) matches a claim with those
bounds.  The rate's ``per``, an ``age`` and a change's direction are scored
too, over the gold quantities found, since the claims contract carries them.

The sentences run through the library's own extraction (`factcheck.check`,
each sentence its own source), so dates are left out as in a real run.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import factcheck
from factcheck.claims import QuantityClaim
from factcheck.sources import Source

DATA = Path(__file__).parent / "data" / "quantity_sentences.jsonl"


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return False
    return math.isclose(a, b, rel_tol=1e-3, abs_tol=1e-9)


def _value_matches(gold: dict[str, Any], claim: QuantityClaim) -> bool:
    want = gold["value"]
    if isinstance(want, list):
        return _close(claim.low, want[0]) and _close(claim.high, want[1])
    if claim.value is not None:
        return _close(claim.value, want)
    return _close(claim.low, want) and _close(claim.high, want)


@dataclass
class Tally:
    gold: int = 0
    extracted: int = 0
    value_hits: int = 0
    unit_hits: int = 0
    extras: dict[str, list[int]] = field(default_factory=lambda: {"per": [0, 0], "age": [0, 0], "change": [0, 0]})
    misses: list[str] = field(default_factory=list)

    def f1(self, hits: int) -> tuple[float, float, float]:
        precision = hits / self.extracted if self.extracted else 0.0
        recall = hits / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return 100 * precision, 100 * recall, 100 * f1


def _match(golds: list[dict[str, Any]], claims: list[QuantityClaim], with_unit: bool) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, claim index), gold in order, each claim used once."""
    used: set[int] = set()
    pairs = []
    for gi, gold in enumerate(golds):
        for ci, claim in enumerate(claims):
            if ci in used or not _value_matches(gold, claim):
                continue
            if with_unit and (claim.unit or None) != (gold["unit"] or None):
                continue
            used.add(ci)
            pairs.append((gi, ci))
            break
    return pairs


def score(rows: list[dict[str, Any]]) -> Tally:
    sources = [Source(id=row["id"], text=row["text"]) for row in rows]
    report = factcheck.check(sources, reference_date="2025-06-02")
    by_source: dict[str, list[QuantityClaim]] = {}
    for claim in report.claims:
        if isinstance(claim, QuantityClaim):
            by_source.setdefault(claim.source, []).append(claim)
    tally = Tally()
    for row in rows:
        golds = row["quantities"]
        claims = sorted(by_source.get(row["id"], []), key=lambda c: c.start)
        tally.gold += len(golds)
        tally.extracted += len(claims)
        value_pairs = _match(golds, claims, with_unit=False)
        unit_pairs = _match(golds, claims, with_unit=True)
        tally.value_hits += len(value_pairs)
        tally.unit_hits += len(unit_pairs)
        for gi, ci in unit_pairs:
            gold, claim = golds[gi], claims[ci]
            for key, want, got in (
                ("per", gold.get("per"), claim.per),
                ("age", gold.get("attribute") == "age", claim.attribute == "age"),
                ("change", gold.get("change"), getattr(claim, "change", None)),
            ):
                if want:
                    tally.extras[key][1] += 1
                    tally.extras[key][0] += int(str(got).lower() == str(want).lower() if key != "age" else bool(got))
        found = {gi for gi, _ in unit_pairs}
        for gi, gold in enumerate(golds):
            if gi not in found:
                got = [(c.text, c.value, c.low, c.high, c.unit) for c in claims]
                tally.misses.append(f"{row['id']}: want {gold['surface']!r} {gold['value']} {gold['unit']}; got {got}")
        matched = {ci for _, ci in value_pairs}
        for ci, claim in enumerate(claims):
            if ci not in matched:
                tally.misses.append(f"{row['id']}: extra {claim.text!r} {claim.value} {claim.unit}")
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args(argv)
    rows = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    tally = score(rows)
    print(f"{len(rows)} sentences, {tally.gold} gold quantities, {tally.extracted} extracted")
    for name, hits in (("value", tally.value_hits), ("value+unit", tally.unit_hits)):
        p, r, f = tally.f1(hits)
        print(f"{name:<11} precision {p:5.1f}  recall {r:5.1f}  F1 {f:5.1f}")
    for key, (right, total) in tally.extras.items():
        print(f"{key:<11} {right}/{total} of the gold quantities found with a unit")
    if args.show_misses:
        print("\n".join(tally.misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
