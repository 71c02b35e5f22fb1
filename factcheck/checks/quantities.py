"""The quantity-conflict check: figures for one measured thing that cannot both be true.

Claims carry only the bounds their wording commits to; the tolerance of the
comparison is set here, from the rule's parameters: a relative tolerance per
qualifier ("about 900" stretches, "exactly 900" does not) and a rounding
tolerance for round figures ("100,000" is rarely a head count).  Two figures
conflict only when their widened intervals cannot overlap.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from factcheck.alignment import AlignedCluster
from factcheck.checks.base import Check
from factcheck.checks.patterns import PatternText, compile_pattern
from factcheck.checks.units import to_base
from factcheck.claims import QuantityClaim
from factcheck.report import Evidence, Finding, Severity

DEFAULT_TOLERANCE = {
    "exact": 0.0,
    "approximate": 0.15,
    "more_than": 0.0,
    "at_least": 0.0,
    "less_than": 0.0,
    "at_most": 0.0,
    "nearly": 0.1,
    "range": 0.0,
    "vague": 0.0,
}


class QuantityConflictParams(BaseModel):
    model_config = ConfigDict(extra="forbid")

    ignore_sentences: list[PatternText] = Field(
        default_factory=list,
        description="RE2 patterns (case-insensitive): figures in a sentence matching one are page furniture "
        "('57% of this article left to read'), not claims about the event.",
    )
    exchange_rates: dict[str, float] = Field(
        default_factory=dict,
        description="Value of one unit of each currency in base_currency, e.g. {EUR: 1.08}. Currencies "
        "without a rate are compared only with the same currency.",
    )
    base_currency: str = Field(default="USD", description="The currency exchange_rates are given in.")
    relative_tolerance: dict[str, float] = Field(
        default_factory=lambda: dict(DEFAULT_TOLERANCE),
        description="Relative widening of each side, by qualifier.",
    )
    rounding: float = Field(
        default=0.5,
        ge=0,
        description="Half a rounding step: a figure with k trailing zeros stretches by rounding * 10**k ...",
    )
    max_rounding: float = Field(
        default=0.1, ge=0, le=1, description="... but never by more than this fraction of itself."
    )
    error_gap: float = Field(
        default=0.5,
        ge=0,
        description="Relative gap between intervals from which a conflict is an error.",
    )
    growing_counts_severity: Severity = Field(
        default="info", description="Severity when a later-dated source reports a higher count."
    )
    growing_events: list[str] = Field(
        default_factory=lambda: ["killed", "injured", "missing", "arrested", "displaced"],
        description="Event classes (see alignment.EVENT_CLASSES) whose counts grow as news develops.",
    )


@dataclass(frozen=True)
class Interval:
    low: float
    high: float
    low_open: bool
    high_open: bool


def trailing_zeros(value: float) -> int:
    if value <= 0 or value != int(value):
        return 0
    n, count = int(value), 0
    while n % 10 == 0:
        n //= 10
        count += 1
    return count


def widened(claim: QuantityClaim, params: QuantityConflictParams) -> Interval:
    """The claim's interval stretched by the tolerances of this rule."""
    low = -math.inf if claim.low is None else claim.low
    high = math.inf if claim.high is None else claim.high
    rel = params.relative_tolerance.get(claim.qualifier, 0.0)
    for bound in (claim.low, claim.high):
        if bound is None:
            continue
        rounding = min(params.rounding * 10 ** trailing_zeros(bound), params.max_rounding * abs(bound))
        spread = max(rel * abs(bound), rounding)
        if bound == claim.low:
            low = bound - spread
        if bound == claim.high:
            high = bound + spread
    return Interval(
        low,
        high,
        claim.low is not None and not claim.low_inclusive,
        claim.high is not None and not claim.high_inclusive,
    )


def gap(a: Interval, b: Interval) -> float | None:
    """Relative distance between two intervals, or None where they overlap."""
    if a.high < b.low or (a.high == b.low and (a.high_open or b.low_open)):
        lower, upper = a.high, b.low
    elif b.high < a.low or (b.high == a.low and (b.high_open or a.low_open)):
        lower, upper = b.high, a.low
    else:
        return None
    scale = max(abs(lower), abs(upper), 1e-9)
    return (upper - lower) / scale


def in_common_unit(
    claim: QuantityClaim, interval: Interval, params: QuantityConflictParams
) -> tuple[str | None, Interval]:
    """The interval in the base unit of its dimension, so 100 km meets 62 miles.

    Physical units convert with pint; a currency converts only through the
    rule's ``exchange_rates`` (never by a rate the library would have to
    guess); anything else stays in its own unit and compares only with it.
    """
    unit = claim.unit
    if unit is None:
        return None, interval
    rate = params.exchange_rates.get(unit)
    if rate is not None:
        return f"currency:{params.base_currency}", Interval(
            interval.low * rate, interval.high * rate, interval.low_open, interval.high_open
        )
    low, high = to_base(interval.low, unit), to_base(interval.high, unit)
    if low is None and high is None:
        return unit, interval
    base = (low or high)[1]  # type: ignore[index]
    return base, Interval(
        low[0] if low else -math.inf, high[0] if high else math.inf, interval.low_open, interval.high_open
    )


def _found(pattern: Any, text: str) -> bool:
    try:
        return pattern.search(text) is not None
    except (UnicodeEncodeError, ValueError):  # lone surrogates cannot reach RE2
        return False


def majority_anchor(intervals: list[Interval]) -> int:
    """Index of the tightest interval through the point most intervals contain.

    A sweep over sorted endpoints: O(n log n).  Ties go to the lowest point
    and then to the narrowest interval, then to input order (which the
    pipeline makes source order), so the choice is deterministic.
    """
    events = sorted(
        [(iv.low, 0, i) for i, iv in enumerate(intervals)] + [(iv.high, 1, i) for i, iv in enumerate(intervals)]
    )
    depth, best, best_x = 0, -1, intervals[0].low
    for x, kind, _ in events:
        if kind == 0:
            depth += 1
            if depth > best:
                best, best_x = depth, x
        else:
            depth -= 1
    inside = [i for i, iv in enumerate(intervals) if iv.low <= best_x <= iv.high]
    return min(inside, key=lambda i: (intervals[i].high - intervals[i].low, i))


def describe(claim: QuantityClaim) -> str:
    def num(x: float | None) -> str:
        if x is None:
            return "∞"
        return f"{x:,.0f}" if x == int(x) else f"{x:,}"

    left = "(" if claim.low is None or not claim.low_inclusive else "["
    right = ")" if claim.high is None or not claim.high_inclusive else "]"
    low = "-∞" if claim.low is None else num(claim.low)
    unit = f" {claim.unit}" if claim.unit else ""
    return f"“{claim.text}” {left}{low}, {num(claim.high)}{right}{unit}"


class QuantityConflict(Check):
    """Figures of one counted noun or unit, and one event, whose intervals cannot overlap."""

    name = "quantity-conflict"
    Params = QuantityConflictParams
    message_fields = frozenset({"what", "first", "second", "sources", "gap", "support"})

    def run(self, cluster: AlignedCluster) -> Iterator[Finding]:
        """Each figure that cannot agree with the cluster's best-supported figure.

        Comparing every pair would report a quadratic number of findings (and
        cost quadratic time) in a large cluster; instead a sweep over the
        widened intervals finds the value most figures allow, its tightest
        figure is the reference, and each figure that cannot overlap it is
        one finding.
        """
        params = self.params
        assert isinstance(params, QuantityConflictParams)
        furniture = [compile_pattern(p, ignore_case=True) for p in params.ignore_sentences]
        for (what, event), group in sorted(cluster.quantity_groups.items()):
            claims = [c for c in group if not any(_found(p, c.sentence) for p in furniture)]
            by_unit: dict[str | None, list[tuple[QuantityClaim, Interval]]] = {}
            for claim in claims:
                if claim.low is not None or claim.high is not None:
                    unit, interval = in_common_unit(claim, widened(claim, params), params)
                    by_unit.setdefault(unit, []).append((claim, interval))
            for pairs in by_unit.values():
                comparable = [c for c, _ in pairs]
                if len({c.source for c in comparable}) < 2:
                    continue
                intervals = [iv for _, iv in pairs]
                anchor = majority_anchor(intervals)
                reference = comparable[anchor]
                support = len(
                    {
                        c.source
                        for c, iv in zip(comparable, intervals, strict=True)
                        if gap(iv, intervals[anchor]) is None
                    }
                )
                for claim, interval in zip(comparable, intervals, strict=True):
                    if claim.source == reference.source:
                        continue
                    distance = gap(interval, intervals[anchor])
                    if distance is not None:
                        yield self._conflict(cluster, params, what, event, claim, reference, distance, support)

    def _conflict(
        self,
        cluster: AlignedCluster,
        params: QuantityConflictParams,
        what: str,
        event: str,
        a: QuantityClaim,
        b: QuantityClaim,
        distance: float,
        support: int = 1,
    ) -> Finding:
        severity: Severity = "error" if distance >= params.error_gap else "warning"
        first, second = a, b
        date_a = cluster.reference_dates.get(a.source)
        date_b = cluster.reference_dates.get(b.source)
        if (
            event in params.growing_events
            and date_a
            and date_b
            and date_a.date
            and date_b.date
            and date_a.origin in ("published", "dateline")
            and date_b.origin in ("published", "dateline")
            and date_a.date != date_b.date
        ):
            first, second = (a, b) if date_a.date < date_b.date else (b, a)
            if (second.low or 0) > (first.high or math.inf) or (second.low or 0) >= (first.low or 0):
                severity = params.growing_counts_severity
        return self.finding(
            [Evidence.of(first, describe(first)), Evidence.of(second, describe(second))],
            {
                "what": f"{what} ({event})" if event else what,
                "first": describe(first),
                "second": describe(second),
                "sources": f"{first.source}, {second.source}",
                "gap": f"{distance:.0%}",
                "support": support,
            },
            details={
                "what": what,
                "event": event or None,
                "figures": [
                    {"source": c.source, "text": c.text, "low": c.low, "high": c.high, "unit": c.unit}
                    for c in (first, second)
                ],
                "agreeing_sources": support,
            },
            severity=severity,
        )
