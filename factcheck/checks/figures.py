"""Figures as intervals: widened by the rule's tolerances, in a common unit, and the value most allow.

Claims carry only the bounds their wording commits to; the tolerance of a
comparison is the rule's: a relative tolerance per qualifier ("about 900"
stretches, "exactly 900" does not) and a rounding tolerance for round
figures ("100,000" is rarely a head count).  Two figures conflict only when
their widened intervals cannot overlap.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from factcheck.checks.units import to_base
from factcheck.claims import QuantityClaim


class Tolerances(Protocol):
    """The rule parameters that say how far a figure stretches and how currencies convert."""

    @property
    def relative_tolerance(self) -> Mapping[str, float]: ...

    @property
    def rounding(self) -> float: ...

    @property
    def max_rounding(self) -> float: ...

    @property
    def exchange_rates(self) -> Mapping[str, float]: ...

    @property
    def base_currency(self) -> str: ...


@dataclass(frozen=True)
class Interval:
    low: float
    high: float
    low_open: bool
    high_open: bool


def trailing_zeros(value: float) -> int:
    """Zeros a whole figure ends in ("2,500" -> 2), or minus its decimals ("6.9" -> -1, "4.25" -> -2):
    the place of its last written digit, which says how finely it was rounded."""
    value = abs(value)
    if value != int(value):
        decimals = f"{value:.6f}".rstrip("0").split(".")[1]
        return -len(decimals)
    if value == 0:
        return 0
    n, count = int(value), 0
    while n % 10 == 0:
        n //= 10
        count += 1
    return count


Stretch = Literal["qualifier", "rounding"]
"""Why a bound stretches: its qualifier's relative tolerance ("about"), or how finely it was written."""


def stretch(claim: QuantityClaim, bound: float, params: Tolerances) -> tuple[float, Stretch | None]:
    """How far one bound of a figure stretches each way, and why (None: not at all).

    The larger of the qualifier's relative tolerance and the rounding
    tolerance, which is half the figure's last written digit ("16,000":
    ±500, "6.9": ±0.05) but at most ``max_rounding`` of it.  A fraction
    word ("half") is exact.
    """
    rel = params.relative_tolerance.get(claim.qualifier, 0.0) * abs(bound)
    fraction = claim.unit == "percent" and not any(ch.isdigit() for ch in claim.text)  # "half": exactly 50%
    rounding = 0.0 if fraction else params.rounding * 10 ** trailing_zeros(bound)
    rounding = min(rounding, params.max_rounding * abs(bound))
    if rel == 0 and rounding == 0:
        return 0.0, None
    return (rel, "qualifier") if rel >= rounding else (rounding, "rounding")


def widened(claim: QuantityClaim, params: Tolerances) -> Interval:
    """The claim's interval stretched by the tolerances of this rule (`stretch`)."""
    low = -math.inf if claim.low is None else claim.low
    high = math.inf if claim.high is None else claim.high
    for bound in (claim.low, claim.high):
        if bound is None:
            continue
        spread, _ = stretch(claim, bound, params)
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
    claim: QuantityClaim, interval: Interval, params: Tolerances
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


def majority_anchor(intervals: Sequence[Interval], tiebreak: Sequence[tuple[object, ...]] | None = None) -> int:
    """Index of the tightest interval through the point most intervals contain.

    A sweep over sorted endpoints: O(n log n).  Ties go to the lowest point
    and then to the narrowest interval, then to ``tiebreak`` (what the
    figures say, so that the choice depends on no source id or input
    order), then to input order.
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
    keys = tiebreak if tiebreak is not None else [() for _ in intervals]
    return min(inside, key=lambda i: (intervals[i].high - intervals[i].low, keys[i], i))
