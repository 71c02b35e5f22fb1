"""The vocabulary of numbers: number words, scales, currency signs, fractions, vague amounts;
and `NumberMatch`, what every number reader returns.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

NumberKind = Literal["digits", "words", "vague", "fraction", "slash"]
SMALL_NUMBERS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALE_WORDS: dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    # French/European "milliard" is 10^9, met in translated or European copy, which
    # also writes the plural after a figure ("2,5 millions"): still a scale there.
    "milliard": 1e9, "milliards": 1e9, "millions": 1e6, "billions": 1e9, "trillions": 1e12,
    # Newsroom abbreviations written as separate words ("4.5 bn", "3 mln").
    "mn": 1e6, "mln": 1e6, "bn": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12, "tln": 1e12,
    # Indian English: a lakh is 10^5, a crore 10^7 ("25 lakh tonnes").
    "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
}
SUFFIX_SCALES: dict[str, float] = {
    "k": 1e3, "K": 1e3, "m": 1e6, "M": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9,
    "B": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12, "MM": 1e6, "mil": 1e6, "tln": 1e12,
    "million": 1e6, "billion": 1e9, "trillion": 1e12, "mln.": 1e6,
}
"""Scale letters glued to digits (``300k``, ``$4.5bn``, ``£5m``)."""
GLUED_UNITS = frozenset({
    "km", "kg", "mph", "kph", "kmh", "kmph", "ha", "mi", "t", "h", "hr", "hrs", "min", "mins",
    "sqkm", "km2", "km²", "km/h", "km/hr", "cm", "mm", "dm", "m", "m2", "m²", "m3", "m³", "C",
    "F", "ml", "l", "lb", "lbs", "g", "mg", "µg", "μg", "ug", "mcg", "oz", "ft", "rad", "gb",
    "mb", "kb", "tb", "GB", "MB", "KB", "TB", "Mb", "USD", "EUR", "GBP", "CNY", "JPY", "元",
    "psi", "ksi", "hp", "bhp", "W", "kW", "MW", "GW", "TW", "Wh", "kWh", "MWh", "GWh", "TWh",
    "nmi", "kts", "mpg", "bps", "pts",
})
"""Unit symbols that may be glued to digits (``5km``); the unit itself is read later."""
ISO_CURRENCY_CODES = frozenset({
    "DKK", "SEK", "NOK", "ISK", "CZK", "PLN", "HUF", "RON", "BGN", "ZAR", "BRL", "ARS", "CLP",
    "COP", "KRW", "SGD", "MYR", "THB", "IDR", "VND", "PKR", "BDT", "EGP", "NGN", "KES", "GHS",
    "ILS", "SAR", "AED", "QAR", "KWD", "TWD", "RSD", "MAD", "TND", "UYU", "LKR", "NPR",
})
"""ISO 4217 codes read as currencies besides the major ones, before or after a figure.  Codes
that are also common capitalised words or abbreviations ("ALL", "TOP", "CUP", "PHP") are left out."""
CURRENCY_PREFIXES: dict[str, str] = {
    "US$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB", "₴": "UAH",
    "USD": "USD", "EUR": "EUR", "GBP": "GBP", "JPY": "JPY", "CNY": "CNY", "RUB": "RUB",
    "UAH": "UAH", "₿": "BTC", "₹": "INR", "Mex$": "MXN", "S$": "SGD", "NT$": "TWD", "R$": "BRL",
    "RM": "MYR", "Rs": "INR", "Rs.": "INR", "Y=": "JPY", "CHF": "CHF", "CAD": "CAD", "AUD": "AUD",
    "NZD": "NZD", "HKD": "HKD", "INR": "INR",
    **{code: code for code in ISO_CURRENCY_CODES},
}
"""Currency written before the figure.  ``$`` alone is read as USD (English news)."""
FRACTION_DENOMINATORS: dict[str, float] = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10,
}


# Vague magnitudes: (low, high, low_inclusive, high_inclusive).  A plural
# magnitude word spans one of that magnitude up to the next ("hundreds" is
# 100..999, "tens of thousands" 10,000..99,999), the convention of the
# published quantity benchmarks and of a reader who would not call 150
# "not hundreds".  "Several" is three to nine, "a few" two to five, "a couple
# (of)" two or three.  "Several/a few" before a magnitude multiply it
# ("several hundred" = [300, 1000)).
VAGUE_MAGNITUDES: dict[str, tuple[float, float, bool, bool]] = {
    "a couple of": (2, 3, True, True),
    "a couple": (2, 3, True, True),
    "a handful of": (2, 5, True, True),
    "a few": (2, 5, True, True),
    "several": (3, 9, True, True),
    "dozens": (12, 144, True, False),
    "scores": (20, 200, True, False),
    "hundreds": (100, 1_000, True, False),
    "thousands": (1_000, 10_000, True, False),
    "tens of thousands": (10_000, 100_000, True, False),
    "hundreds of thousands": (100_000, 1_000_000, True, False),
    "millions": (1e6, 1e7, True, False),
    "tens of millions": (1e7, 1e8, True, False),
    "hundreds of millions": (1e8, 1e9, True, False),
    "billions": (1e9, 1e10, True, False),
    "tens of billions": (1e10, 1e11, True, False),
    "hundreds of billions": (1e11, 1e12, True, False),
}
_VAGUE_MULTIPLIERS: dict[str, tuple[float, float]] = {"several": (3, 10), "a few": (2, 6)}
_VAGUE_BASES: dict[str, float] = {
    "dozen": 12, "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9,
}


for _mult, (_lo, _hi) in _VAGUE_MULTIPLIERS.items():
    for _base, _size in _VAGUE_BASES.items():
        VAGUE_MAGNITUDES[f"{_mult} {_base}"] = (_lo * _size, _hi * _size, True, False)


DOT_THOUSANDS_LOCALES = frozenset({"de", "fr", "es", "it", "pt", "ru", "nl", "pl", "uk"})


@dataclass(frozen=True)
class NumberMatch:
    """One number found in a text, with its character span and reading.

    ``value`` is ``None`` for vague amounts, whose reading is ``low``..``high``.
    ``scale`` is the multiplier applied to the written figure (``1e6`` for
    "1.5 million"), which range reading needs ("between 1 and 2 million").
    """

    start: int
    end: int
    text: str
    kind: NumberKind
    value: float | None
    low: float | None = None
    high: float | None = None
    low_inclusive: bool = True
    high_inclusive: bool = True
    scale: float = 1.0
    currency: str | None = None
    thousands_value: float | None = None
    glued_unit: str | None = None

    @property
    def unscaled(self) -> float | None:
        """The figure before its scale word, e.g. 2 for "2 million"."""
        return None if self.value is None else self.value / self.scale


ORDINALS: dict[str, float] = {
    "first": 1, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
    "thousandth": 1e3, "millionth": 1e6, "billionth": 1e9, "trillionth": 1e12,
    "half": 2, "halves": 2, "quarter": 4,
}
"""Denominators of spelled fractions ("three fifths").  "second" is left out: "one
second" is a duration; "first" only ends a compound ("three twenty-firsts")."""


ZERO_WORDS = frozenset({"zero", "nought", "naught"})
BIG_SCALES: dict[str, float] = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
}
"""Scale words of the spelled grammar ("lakh" and "crore" are Indian English)."""
DOZEN_WORDS = frozenset({"dozen", "dozens", "dz", "dzs", "doz", "dozs"})
