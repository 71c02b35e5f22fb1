"""The same figure, misreported: a scale word, a unit writers confuse, swapped digits.

One of the anchors of `quantity-conflict`: when two figures repeat each
other's digits ("2.5 million" and "2.5 billion", "221" and "212", "eight
months" and "eight years"), they are one figure that a source got wrong,
whatever else their sentences say.
"""

from __future__ import annotations

import math
import re

from factcheck.claims import QuantityClaim

_DIGITS = re.compile(r"\d")


_TIMES_APART = {1: "ten", 3: "a thousand", 6: "a million", 9: "a billion"}


_ARTICLE = re.compile(r"(?:^|\s)an?\s", re.IGNORECASE)


def digits_alike(a: QuantityClaim, b: QuantityClaim) -> bool:
    """Whether ``a`` and ``b`` are one figure misreported (see `misreading`)."""
    return misreading(a, b) is not None


def misreading(a: QuantityClaim, b: QuantityClaim) -> str | None:
    """The same written figure, or its digits in another order: one figure, misreported.

    "2.5 million" and "2.5 billion", "38 thousand" and "38 million" (the same
    digits under a scale word a thousand times apart), "four miles" and "4
    km", "eight months" and "eight years" (the same number under a unit
    writers confuse), "221" and "212", "41 batches" and "14 batches" (digits
    swapped; two digits only in plain counts), "14,000" and "1,400" (ten
    times apart, two significant digits or more).  Figures that agree do
    not count: an anchor is for figures that disagree.  The answer says how,
    in words for the message ("ten times apart", "digits swapped"), or is
    None when the two are not one figure.
    """
    if a.value is None or b.value is None or (a.value == b.value and a.unit == b.unit):
        return None
    if a.value == b.value:
        if _ARTICLE.search(a.text) or _ARTICLE.search(b.text):
            return None  # "about a week" and "about a month": no number written to misread
        pair = frozenset((a.unit, b.unit))
        return f"the same number in {a.unit} and in {b.unit}" if pair in CONFUSABLE_UNITS else None
    da, db = significant_digits(a.text), significant_digits(b.text)
    if not da or not db:
        return None
    if da == db:
        ratio = max(abs(a.value), abs(b.value)) / max(min(abs(a.value), abs(b.value)), 1e-12)
        for power, words in _TIMES_APART.items():
            if math.isclose(ratio, 10.0**power, rel_tol=1e-6) and (power > 1 or len(da) >= 2):
                return f"the same digits, {words} times apart"
        return None
    swapped = len(set(da)) > 1 and sorted(da) == sorted(db) and len(da) == len(db)
    ordinal = a.dimension == b.dimension == "match minute"  # "78th" for "87th": a place in a sequence
    if swapped and (len(da) >= 3 or (a.unit is None and b.unit is None) or ordinal):
        return "the same digits, swapped"
    return None


CONFUSABLE_UNITS = frozenset(
    frozenset(pair)
    for pair in (
        ("km", "mile"), ("m", "ft"), ("m", "yard"), ("hectare", "acre"), ("kg", "lb"), ("tonne", "lb"),
        ("degC", "degF"), ("litre", "gallon"), ("month", "year"), ("week", "month"), ("percent", "percentage point"),
        ("mph", "km/h"), ("USD", "EUR"), ("USD", "GBP"), ("EUR", "GBP"),
    )
)  # fmt: skip
"""Units one is written for the other by mistake (a prison term in months for years, miles for km)."""


def significant_digits(text: str) -> str:
    """The digits of a figure as written, without leading or trailing zeros; "" when too few to tell."""
    digits = "".join(_DIGITS.findall(text)).strip("0")
    scaled = re.search(r"(?i)\b(?:thousand|million|billion|trillion|milliards?|bn|mn)\b|\d(?:k|m|bn)\b", text)
    return digits if len(digits) >= 2 or scaled else ""


def bracketed(claim: QuantityClaim) -> bool:
    """ "25 km (15 miles)": a conversion in brackets, whose digits say nothing of a misreading."""
    at = claim.start - claim.sentence_start
    return at > 0 and claim.sentence[:at].rstrip().endswith("(")


def converted(a: QuantityClaim, b: QuantityClaim) -> bool:
    """One number under two units, one of them a conversion in brackets ("25 km (15 miles)" against
    "10 miles (15 kilometers)"): conversions repeat digits by design, no unit was misread."""
    return a.unit != b.unit and (bracketed(a) or bracketed(b))
