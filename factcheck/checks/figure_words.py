"""Figures in words, for the messages of ``quantity-conflict``.

A reader of a conflict needs three things the claims' keys do not say:
what was compared ("the number of people killed in Szolnok, Hungary", not
a frame key), the interval each figure was compared as, with the tolerance
that widened it ("about 300, compared as 255–345: ±15% for “about”"), and a
difference they can check with the figures in front of them ("160 is 33%
more than 120").  The check's own gap, between the widened intervals, sets
its severity (``error_gap``) but is no figure a reader can recompute, so
messages lead with the difference of the stated figures; both are in the
finding's details.

The difference is taken between the nearer ends of what the two figures
state ("at least 160" against "120": 160 and 120), in one unit, and is
said relative to the smaller: "L is P% more than S" below twice, "L is
N times S" from twice on, and "L is D more than S" when S is not positive.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from factcheck.alignment.quantities import QuantityFrame, event_class
from factcheck.checks.figures import Interval, Tolerances, in_common_unit, stretch, trailing_zeros, widened
from factcheck.claims import QuantityClaim

QUALIFIER_WORDS = {
    "exact": "for an exact figure",
    "approximate": "for “about”",
    "nearly": "for “nearly”",
    "more_than": "for “more than”",
    "at_least": "for “at least”",
    "less_than": "for “less than”",
    "at_most": "for “at most”",
    "range": "for a range",
    "vague": "for a vague amount",
}
"""Whose tolerance a qualifier's is, as the message says it: "±15% for “about”"."""

MEASURE_WORDS = {
    "currency": "the amount of money",
    "percent": "the percentage",
    "points": "the number of points",
    "duration": "the length of time",
    "length": "the distance",
    "mass": "the weight",
    "magnitude": "the magnitude",
    "match minute": "the minute of the match",
    "age": "the age",
}
"""Frames measured by a unit's dimension (or an attribute), in words; another is "the <dimension>"."""

DIMENSIONS = frozenset(MEASURE_WORDS) | frozenset(
    {"area", "volume", "speed", "pressure", "temperature", "information", "angle", "power", "energy", "frequency"}
)

OFFSET_UNITS = frozenset({"degC", "degF"})
"""Units with an offset: a ratio of two temperatures in different scales says nothing."""

COUNTED_UNITS = frozenset(
    {"second", "minute", "hour", "day", "week", "month", "year", "mile", "nautical mile", "yard", "acre"}
    | {"hectare", "tonne", "litre", "gallon", "barrel", "cup", "knot", "point", "percentage point"}
)
"""Units written as English nouns, which take a plural ("4 miles"); others are symbols ("4 km", "38 EUR")."""


def number(x: float) -> str:
    """A number as a message writes it: thousands separated, at most six significant digits."""
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    if x == int(x) and abs(x) < 1e15:
        return f"{x:,.0f}"
    return f"{float(f'{x:.6g}'):,}"


def approximately(x: float) -> str:
    """A converted number, to the precision a reader needs: whole from 1,000 on, else four digits."""
    return number(round(x)) if abs(x) >= 1000 else number(float(f"{x:.4g}"))


POSITIONS = frozenset({"match minute"})
"""Dimensions that place a figure rather than measure an amount: a ratio of two says nothing."""


def with_unit(x: float, unit: str | None, dimension: str | None = None) -> str:
    """``x`` in ``unit``: "4 miles", "1 mile", "4.8%", "3,800,000 GBP", "212", "minute 58"."""
    if dimension == "match minute":
        return f"minute {number(x)}"
    if unit is None:
        return number(x)
    if unit == "percent":
        return f"{number(x)}%"
    if unit in COUNTED_UNITS and x != 1:
        return f"{number(x)} {unit}" + ("es" if unit.endswith("inch") else "s")
    return f"{number(x)} {unit}"


# ------------------------------------------------------------------- what was compared


def what_compared(frame: QuantityFrame, figures: Sequence[QuantityClaim], places: Sequence[str] = ()) -> str:
    """The fact two figures state, in words: "the number of people killed in Szolnok, Hungary".

    Built from the frame (what is counted or measured, the rate, the part
    of a change, the scope, another year), the event both figures count
    ("killed", "displaced"), and the places both sentences name.
    """
    measure = frame.measure
    event = next((e for f in figures if (e := event_class(f.event) or event_class(f.predicate))), "")
    dimension = measure in DIMENSIONS or measure.split(" of ", 1)[0] in DIMENSIONS
    if dimension:
        head, _, of = measure.partition(" of ")
        text = MEASURE_WORDS.get(head, f"the {head}") + (f" of {of}" if of else "")
    else:
        written = [(f.noun_lemma, f.noun.casefold()) for f in figures if f.noun]
        same = [noun for lemma, noun in written if lemma == measure]  # "passengers", not "others" beside it
        text = f"the number of {(same or [noun for _, noun in written] or [measure])[0]}"
    if frame.holder:
        holder = next((f.holder for f in figures if f.holder), frame.holder)
        text += f" of {holder}"
    if event and not dimension:
        text += f" {event}"  # "the number of people killed"; a length of time is not "arrested"
    if frame.per:
        text += f" per {frame.per}"
    if places:
        text += f" in {', '.join(places)}"
    if frame.time:
        text += f" in {' and '.join(frame.time.split('+'))}"
    qualifiers = {
        "change up": "as the size of a rise",
        "change down": "as the size of a fall",
        "from": "as the level a change started from",
    }
    notes = [event] if event and dimension else []
    notes += [qualifiers[frame.change]] if frame.change in qualifiers else []
    notes += {"part": ["a part of a group"], "whole": ["the whole group"]}.get(frame.scope, [])
    return f"{text} ({', '.join(notes)})" if notes else text


# ------------------------------------------------------------------- one figure, as compared


def stated_words(claim: QuantityClaim) -> str:
    """What the figure commits to, in the words of its qualifier: "about 300", "at least 160", "10–12 miles"."""
    low, high = claim.low, claim.high
    if low is not None and high is not None and low != high:
        return _range(low, high, claim)
    if low is not None and high is None:
        return f"{'more than' if not claim.low_inclusive else 'at least'} {_in_unit(low, claim)}"
    if high is not None and low is None:
        return f"{'less than' if not claim.high_inclusive else 'at most'} {_in_unit(high, claim)}"
    value = low if low is not None else claim.value
    if value is None:
        return "no number"
    word = {"approximate": "about ", "nearly": "nearly "}.get(claim.qualifier, "")
    return f"{word}{_in_unit(value, claim)}"


def _in_unit(x: float, claim: QuantityClaim) -> str:
    return with_unit(x, claim.unit, claim.dimension)


def _range(low: float, high: float, claim: QuantityClaim) -> str:
    """ "255–345", "3.6–4.4 miles", "minute 57–59": the unit written once."""
    if claim.dimension in POSITIONS:
        return f"{_in_unit(low, claim)}–{number(high)}"
    return f"{number(low)}–{_in_unit(high, claim)}"


def _interval(interval: Interval, claim: QuantityClaim) -> str:
    low, high = interval.low, interval.high
    if math.isinf(low) and math.isinf(high):
        return "any number"
    if math.isinf(high):
        return f"more than {_in_unit(low, claim)}" if interval.low_open else f"{_in_unit(low, claim)} or more"
    if math.isinf(low):
        return f"less than {_in_unit(high, claim)}" if interval.high_open else f"{_in_unit(high, claim)} or less"
    if low == high:
        return _in_unit(low, claim)
    return _range(low, high, claim)


def _bounds(claim: QuantityClaim) -> list[float]:
    return [b for b in (claim.low, claim.high) if b is not None]


def _only_its_last_digit(claim: QuantityClaim, params: Tolerances) -> bool:
    """A whole number of 10 or more with no trailing zero ("221"), stretched by half a unit for rounding.

    Messages leave that out: "221" is compared as 220.5–221.5, which says
    nothing a reader needs.  Below 10 the half unit is a real share of the
    figure ("four miles": 3.6–4.4) and is shown.
    """
    return all(
        b == int(b) and abs(b) >= 10 and trailing_zeros(b) == 0 and stretch(claim, b, params)[1] == "rounding"
        for b in _bounds(claim)
    )


def tolerance_words(claim: QuantityClaim, params: Tolerances) -> str | None:
    """Why the figure was widened: "±15% for “about”", "±500 for rounding"; None when it was not."""
    stretches = [stretch(claim, b, params) for b in _bounds(claim)]
    causes = {cause for _, cause in stretches if cause is not None}
    if not causes or _only_its_last_digit(claim, params):
        return None
    words = []
    if "qualifier" in causes:
        share = params.relative_tolerance.get(claim.qualifier, 0.0)
        words.append(f"±{number(round(share * 100, 1))}% {QUALIFIER_WORDS[claim.qualifier]}")
    if "rounding" in causes:
        spreads = [spread for spread, cause in stretches if cause == "rounding"]
        if len(set(spreads)) == 1:
            words.append(f"±{number(spreads[0])} for rounding")
        else:
            words.append(f"−{number(spreads[0])}/+{number(spreads[-1])} for rounding")
    return " and ".join(words)


def as_compared(claim: QuantityClaim, params: Tolerances) -> str:
    """A figure and the interval it was compared as.

    “About 300 passengers” (about 300, compared as 255–345: ±15% for “about”).
    """
    return f"“{claim.text}” ({note(claim, params)})"


def note(claim: QuantityClaim, params: Tolerances) -> str:
    """What a figure says and how it was compared, for its evidence.

    "about 300, compared as 255–345: ±15% for “about”"; "221" (see `_only_its_last_digit`).
    """
    stated = stated_words(claim)
    why = tolerance_words(claim, params)
    if why is None:
        return stated
    return f"{stated}, compared as {_interval(widened(claim, params), claim)}: {why}"


def compared_details(claim: QuantityClaim, params: Tolerances) -> dict[str, Any]:
    """The interval a figure was compared as, in its own unit, for a finding's details (null: unbounded)."""
    interval = widened(claim, params)
    stretches = [stretch(claim, b, params) for b in _bounds(claim)]
    return {
        "low": None if math.isinf(interval.low) else interval.low,
        "high": None if math.isinf(interval.high) else interval.high,
        "tolerance": sorted({cause for _, cause in stretches if cause is not None}),
    }


# ------------------------------------------------------------------- the difference


@dataclass(frozen=True)
class Difference:
    """The difference of two stated figures: the nearer ends of what each says, in one unit."""

    larger: QuantityClaim
    smaller: QuantityClaim
    larger_value: float
    """The larger figure's nearer end, in its own unit."""
    smaller_value: float
    """The smaller figure's nearer end, in its own unit."""
    larger_in_unit_of_smaller: float | None
    """The larger end in the smaller figure's unit, when the units differ and convert; else None."""
    comparable: bool
    """False when the units do not convert into each other (two currencies without a rate)."""

    @property
    def _larger_common(self) -> float:
        return self.larger_value if self.larger_in_unit_of_smaller is None else self.larger_in_unit_of_smaller

    @property
    def relative(self) -> float | None:
        """(larger - smaller) / smaller, when the smaller is positive."""
        if not self.comparable or self.smaller_value <= 0 or self.smaller.dimension in POSITIONS:
            return None
        return (self._larger_common - self.smaller_value) / self.smaller_value

    def words(self) -> str:
        """ "160 is 33% more than 120", "2,500,000,000 EUR is 1,000 times 2,500,000 EUR", "8 years (96 months) …"."""
        unit = self.smaller.unit
        smaller = _in_unit(self.smaller_value, self.smaller)
        larger = _in_unit(self.larger_value, self.larger)
        if not self.comparable:
            return f"{larger} against {smaller}"
        converted = self.larger_in_unit_of_smaller
        if converted is not None:
            larger += f" ({approximately(converted)}{_unit_suffix(converted, unit)})"
        apart = self._larger_common - self.smaller_value
        if self.smaller.dimension in POSITIONS:
            return f"{larger} is {with_unit(apart, unit)} after {smaller}"
        relative = self.relative
        if relative is None:
            return f"{larger} is {with_unit(apart, unit)} more than {smaller}"
        if relative >= 1:
            return f"{larger} is {number(float(f'{relative + 1:.2g}'))} times {smaller}"
        percent = relative * 100
        shown = number(round(percent)) if percent >= 10 else number(float(f"{percent:.2g}"))
        return f"{larger} is {shown}% more than {smaller}"

    def details(self) -> dict[str, Any]:
        """The same for a finding's details."""
        relative = self.relative
        return {
            "larger": {"text": self.larger.text, "value": self.larger_value, "unit": self.larger.unit},
            "smaller": {"text": self.smaller.text, "value": self.smaller_value, "unit": self.smaller.unit},
            "larger_in_unit_of_smaller": self.larger_in_unit_of_smaller,
            "relative_to_smaller": None if relative is None else round(relative, 4),
        }


def _unit_suffix(x: float, unit: str | None) -> str:
    """What `with_unit` writes after the number: " miles", "%", ""."""
    return with_unit(x, unit)[len(number(x)) :]


def _stated_interval(claim: QuantityClaim) -> Interval:
    low = -math.inf if claim.low is None else claim.low
    high = math.inf if claim.high is None else claim.high
    if claim.low is None and claim.high is None and claim.value is not None:
        low = high = claim.value
    return Interval(low, high, False, False)


def difference(a: QuantityClaim, b: QuantityClaim, params: Tolerances) -> Difference:
    """The difference of what ``a`` and ``b`` state: their nearer ends, the smaller's unit the measure."""
    own_a, own_b = _stated_interval(a), _stated_interval(b)
    unit_a, common_a = in_common_unit(a, own_a, params)
    unit_b, common_b = in_common_unit(b, own_b, params)
    comparable = unit_a == unit_b and (a.unit == b.unit or not {a.unit, b.unit} & OFFSET_UNITS)
    if not comparable:
        common_a, common_b = own_a, own_b
    if common_a.low > common_b.high or (common_a.low == common_b.high and common_a.high > common_b.high):
        larger, smaller, larger_value, smaller_value = a, b, own_a.low, own_b.high
        larger_common, smaller_common = common_a.low, common_b.high
    elif common_b.low > common_a.high:
        larger, smaller, larger_value, smaller_value = b, a, own_b.low, own_a.high
        larger_common, smaller_common = common_b.low, common_a.high
    else:  # the stated figures overlap (a slip between units): their values
        va, vb = a.value or 0.0, b.value or 0.0
        larger, smaller, larger_value, smaller_value = (a, b, va, vb) if abs(va) >= abs(vb) else (b, a, vb, va)
        larger_common, smaller_common = larger_value, smaller_value
    converted = None
    if comparable and larger.unit != smaller.unit and smaller_value != 0 and smaller_common != 0:
        converted = larger_common * smaller_value / smaller_common
    return Difference(larger, smaller, larger_value, smaller_value, converted, comparable)


def in_words(
    what: str, first: QuantityClaim, second: QuantityClaim, params: Tolerances, gap: float
) -> tuple[dict[str, str], dict[str, Any]]:
    """A conflict's message values (``what``, ``first``, ``second``, ``gap``, ``difference``) and the
    details that say the same for a program (``what_in_words``, ``gap``, ``difference``).

    ``gap`` is the check's: the relative distance between the widened
    intervals (`factcheck.checks.figures.gap`), which ``error_gap`` is measured against.
    """
    apart = difference(first, second, params)
    values = {
        "what": what,
        "first": as_compared(first, params),
        "second": as_compared(second, params),
        "gap": f"{gap:.0%}",
        "difference": apart.words(),
    }
    return values, {"what_in_words": what, "gap": round(gap, 4), "difference": apart.details()}
