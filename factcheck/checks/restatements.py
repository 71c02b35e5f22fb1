"""A figure written in the wrong unit, shown by a source that states it in both.

"€4.5 million (£3.8 million)" or "rose 1.4%, or 112 points" restate one
amount in a second unit.  A source that writes "£4.5 million" or "1.4
points" has put the first unit's number under the second unit: the
restating source says the amount in that unit is another number.  The
units of one amount cannot be compared by conversion (exchange rates, an
index's level), so ordinary alignment never holds these figures against
each other; the restatement is the evidence that they state one fact.

Found per source in one pass over its figures, then by an index of the
restated numbers: no pairwise work over a cluster.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from factcheck.alignment.quantities import predicate_key
from factcheck.alignment.sentences import overlap
from factcheck.checks.misreadings import bracketed
from factcheck.claims import QuantityClaim

_RESTATED_BY = re.compile(r"^\s*(?:\(\s*|,?\s*(?:or|i\.e\.|that is)\s+|\s*/\s*)$", re.IGNORECASE)
"""What joins an amount to its restatement: "€4.5 million (£3.8 million)", "1.4%, or 112 points"."""


@dataclass(frozen=True)
class UnitSlip:
    """``claim`` writes ``written.value`` under ``restated.unit``; ``written``'s source restates it as ``restated``.

    For two currencies given one figure (no restatement), ``written`` and
    ``restated`` are the same figure of the other source.
    """

    claim: QuantityClaim
    written: QuantityClaim
    restated: QuantityClaim
    sentence_overlap: float

    @property
    def reason(self) -> str:
        """Why the two figures were held together, for the message."""
        if self.written is self.restated:
            return f"the same figure under two currencies ({self.claim.unit}, {self.written.unit})"
        return (
            f"{self.written.source} writes “{self.written.text}” as “{self.restated.text}”: "
            "the number of one unit under the other"
        )


def restated_pairs(claims: Sequence[QuantityClaim]) -> Iterator[tuple[QuantityClaim, QuantityClaim]]:
    """(amount, its restatement in another unit) of each source, figures in text order."""
    ordered = sorted(claims, key=lambda c: (c.source, c.start))
    for first, second in itertools.pairwise(ordered):
        if (
            first.source == second.source
            and first.sentence_start == second.sentence_start
            and first.unit is not None
            and second.unit is not None
            and first.unit != second.unit
            and first.value is not None
            and second.value is not None
            and first.value != second.value
        ):
            between = second.sentence[
                first.end - first.sentence_start : max(0, second.start - second.sentence_start)
            ]
            if _RESTATED_BY.match(between):
                yield first, second


def unit_slips(claims: Sequence[QuantityClaim], min_overlap: float) -> Iterator[UnitSlip]:
    """Figures of other sources that write a restated amount's number under the restatement's unit.

    The figure must state the same fact as far as its sentence shows: the
    same verb class, or sentences with ``min_overlap`` of their content
    words in common.
    """
    by_number: dict[tuple[float, str], list[tuple[QuantityClaim, QuantityClaim]]] = {}
    for written, restated in restated_pairs(claims):
        assert written.value is not None and restated.unit is not None
        by_number.setdefault((written.value, restated.unit), []).append((written, restated))
    if not by_number:
        return
    for claim in claims:
        if claim.value is None or claim.unit is None or not _distinctive(claim.value):
            continue
        for written, restated in by_number.get((claim.value, claim.unit), ()):
            if written.source == claim.source:
                continue
            shared = overlap(claim.sentence, written.sentence, frozenset())
            same_verb = predicate_key(claim) is not None and predicate_key(claim) == predicate_key(written)
            if same_verb or shared >= min_overlap:
                yield UnitSlip(claim, written, restated, shared)
                break


def _distinctive(value: float) -> bool:
    """A number with two or more significant digits ("4.5", "1.4", "38"): one digit ("5", "1 million")
    repeats by chance too often to show that two figures are one amount."""
    return _digits(value) >= 2


def currency_twins(
    claims: Sequence[QuantityClaim],
    min_overlap: float,
    places_of: Callable[[QuantityClaim], frozenset[str]],
) -> Iterator[UnitSlip]:
    """One figure of three or more significant digits under two currencies in two sources' like
    sentences ("$57.40 a share" against "down 57.40 crowns"): one of them names the wrong money.

    The figure reported is the one in the currency the cluster uses less;
    conversions in brackets are left out (they repeat a figure by design),
    and so are sentences that name different places ("$499 in the United
    States", "€499 in Germany": one price, two markets).
    """
    money = [c for c in claims if c.dimension == "currency" and c.value is not None and c.unit and not bracketed(c)]
    uses: dict[str, int] = {}
    for claim in money:
        uses[claim.unit or ""] = uses.get(claim.unit or "", 0) + 1
    by_value: dict[float, list[QuantityClaim]] = {}
    for claim in money:
        if _digits(claim.value or 0.0) >= 3:
            by_value.setdefault(claim.value or 0.0, []).append(claim)
    for same in by_value.values():
        for a, b in itertools.combinations(sorted(same, key=lambda c: (c.source, c.start))[:20], 2):
            places_a, places_b = places_of(a), places_of(b)
            if a.source == b.source or a.unit == b.unit or (places_a and places_b and places_a != places_b):
                continue
            shared = overlap(a.sentence, b.sentence, frozenset())
            if shared < min_overlap:
                continue
            rarer, other = sorted((a, b), key=lambda c: (uses[c.unit or ""], c.unit or "", c.text))
            yield UnitSlip(rarer, other, other, shared)


def _digits(value: float) -> int:
    return len(f"{abs(value):.6e}".split("e")[0].replace(".", "").rstrip("0"))

