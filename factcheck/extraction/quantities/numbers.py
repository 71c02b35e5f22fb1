"""Reading the figures of English news text: digits, number words, scales, vague amounts.

This module only finds and parses *numbers*; deciding whether a number is a
quantity claim (and what it counts) is ``quantities``' job.  It works on plain
strings with character offsets, so it is testable without spaCy.

Digit policy (why the rules are as they are):

* ``locale`` starting with ``en`` means comma thousands and dot decimals;
  ``de``, ``fr``, ``es``, ``it``, ``pt``, ``ru`` (and their regional forms)
  mean dot (or space) thousands and comma decimals.
* With no locale the English reading is the default, because the sources are
  English text.  A comma followed by exactly three digits (``100,000``,
  ``1,234,567``) is a thousands separator; any other comma (``3,2``) can only
  be a decimal comma, since English never groups by one or two digits.
* ``100.000`` (one dot, exactly three digits after it) is ambiguous without a
  locale.  It is read as a decimal (100.0) and the thousands reading is kept as
  ``NumberMatch.thousands_value``; the caller switches to it only when the
  figure counts discrete things (a plural noun, no unit), where "100.0 troops"
  is not a sensible reading.  Two or more dot groups (``1.000.000``) can only
  be thousands.
* A leading ``0`` (``0.125``) is always a decimal.
* Letters glued to digits are accepted only as scale suffixes (``300k``,
  ``4.5bn``, ``1MM``, ``2mil``) or as unit symbols (``5km``); anything else
  (``5th``, ``10am``, ``1990s``, ``4G``) is not a number.  A bare lower-case
  ``m`` is five million in "5m people" or "£5m" but metres in "1.8m tall": it
  is a scale only after a currency sign or before a plural noun.  ``T``/``G``
  are scales only after a currency sign ("$2.174T"), never alone ("4G").
* Regular spaces group thousands ("40 000", "1 414 021 100") except right
  after a month name ("June 5 100 people"); Indian grouping ("12,34,567") and
  the words lakh (10^5) and crore (10^7) are read.
* Slash fractions (``3/4``) are read only on request (``slash_fractions``): in
  news they are dates as often as fractions; the claim extractor keeps one
  only when a unit follows ("1/4 mile") or "of" does ("1/40 of").  Negative
  numbers likewise (``signed``): a hyphen before a digit is a range dash far
  more often than a minus sign.  "minus"/"negative" spelled out are read.

Spelled numbers are read by a small grammar over word tokens (``_read_int``
and friends): cardinals with "and" ("one hundred and five"), scales, digits
mixed with words ("3 hundred and 21"), dozens, decimals spoken with "point"
("two point zero three"), fractions with ordinal denominators ("three
fifths", "one hundred thirty-fifths" = 100/35, "twenty and three fifths"),
"and a half" after a number or a scale ("3 million and a half"), fractions of
scales ("two thirds of a million", "half a dozen").  A singular fraction
with numerator one ("a fifth", "one third") is read only when "of" or the end
of the phrase follows: "a fifth time" and "a third term" are ordinals.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from factcheck.calendar_words import MONTHS

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
    # French/European "milliard" is 10^9, met in translated or European copy.
    "milliard": 1e9, "milliards": 1e9,
    # Newsroom abbreviations written as separate words ("4.5 bn", "3 mln").
    "mn": 1e6, "mln": 1e6, "bn": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12, "tln": 1e12,
    # Indian English: a lakh is 10^5, a crore 10^7 ("25 lakh tonnes").
    "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
}
SUFFIX_SCALES: dict[str, float] = {
    "k": 1e3, "K": 1e3, "m": 1e6, "M": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9,
    "B": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12, "MM": 1e6, "mil": 1e6, "tln": 1e12,
}
"""Scale letters glued to digits (``300k``, ``$4.5bn``, ``£5m``)."""

GLUED_UNITS = frozenset({
    "km", "kg", "mph", "kph", "kmh", "kmph", "ha", "mi", "t", "h", "hr", "hrs", "min", "mins",
    "sqkm", "km2", "km²", "km/h", "km/hr", "cm", "mm", "dm", "m", "m2", "m²", "m3", "m³", "C",
    "F", "ml", "l", "lb", "lbs", "g", "mg", "µg", "μg", "ug", "mcg", "oz", "ft", "rad", "gb",
    "mb", "kb", "tb", "GB", "MB", "KB", "TB", "Mb", "USD", "EUR", "GBP", "CNY", "JPY", "元",
})
"""Unit symbols that may be glued to digits (``5km``); the unit itself is read later."""

CURRENCY_PREFIXES: dict[str, str] = {
    "US$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB", "₴": "UAH",
    "USD": "USD", "EUR": "EUR", "GBP": "GBP", "JPY": "JPY", "CNY": "CNY", "RUB": "RUB",
    "UAH": "UAH", "₿": "BTC", "₹": "INR", "Mex$": "MXN",
}
"""Currency written before the figure.  ``$`` alone is read as USD (English news)."""

FRACTION_DENOMINATORS: dict[str, float] = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10,
}

# Vague magnitudes: (low, high, low_inclusive, high_inclusive).  The bounds say
# what a careful reader may infer and no more: a plural magnitude word means at
# least two of that magnitude and fewer than the next magnitude ("hundreds" is
# 200..999), "tens of X" is 20X up to 100X, "several" is three to nine, "a few"
# two to five, "a couple (of)" two or three.  "Several/a few" before a
# magnitude multiply it ("several hundred" = [300, 1000)).
VAGUE_MAGNITUDES: dict[str, tuple[float, float, bool, bool]] = {
    "a couple of": (2, 3, True, True),
    "a couple": (2, 3, True, True),
    "a handful of": (2, 5, True, True),
    "a few": (2, 5, True, True),
    "several": (3, 9, True, True),
    "dozens": (24, 144, True, False),
    "scores": (40, 200, True, False),
    "hundreds": (200, 1_000, True, False),
    "thousands": (2_000, 10_000, True, False),
    "tens of thousands": (20_000, 100_000, True, False),
    "hundreds of thousands": (200_000, 1_000_000, True, False),
    "millions": (2e6, 1e9, True, False),
    "tens of millions": (2e7, 1e8, True, False),
    "hundreds of millions": (2e8, 1e9, True, False),
    "billions": (2e9, 1e12, True, False),
    "tens of billions": (2e10, 1e11, True, False),
    "hundreds of billions": (2e11, 1e12, True, False),
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


# ----------------------------------------------------------------------------- digits

_EN_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_INDIAN_GROUPS = re.compile(r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?")
"""Indian digit grouping ("12,34,567.89"): lakh and crore groups of two."""
_DOT_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_SPACE_THOUSANDS = re.compile(r"\d{1,3}(?:[\u00a0\u202f\u2009 ]\d{3})+(?:[.,]\d+)?")
_SPACE_CHARS = "\u00a0\u202f\u2009 "


def _locale_family(locale: str | None) -> Literal["en", "eu", None]:
    """Collapse a locale tag to the separator convention it implies."""
    if not locale:
        return None
    lang = re.split(r"[-_]", locale.strip().lower())[0]
    if lang == "en":
        return "en"
    if lang in DOT_THOUSANDS_LOCALES:
        return "eu"
    return None


def parse_digits(
    text: str, locale: str | None = None, *, prefer_thousands: bool = False
) -> float | None:
    """Read a digit string ("100,000", "3,2", "1.234,5", "100 000") as a float.

    ``prefer_thousands`` resolves the one ambiguous shape (``100.000`` with no
    locale) to the thousands reading; see the module docstring.
    """
    s = text.strip()
    if not s or not re.fullmatch(r"[0-9][0-9.,\u00a0\u202f\u2009 ]*", s) or not s[-1].isdigit():
        return None
    if _SPACE_THOUSANDS.fullmatch(s) and any(c in s for c in _SPACE_CHARS):
        s = "".join(c for c in s if c not in _SPACE_CHARS)
    if any(c in s for c in _SPACE_CHARS):
        return None
    family = _locale_family(locale)
    has_comma, has_dot = "," in s, "." in s
    if has_comma and has_dot:
        decimal = "," if s.rfind(",") > s.rfind(".") else "."
        return _join(s, decimal)
    if has_comma:
        if family != "eu" and (_EN_THOUSANDS.fullmatch(s) or _INDIAN_GROUPS.fullmatch(s)):
            return _join(s, ".")
        if s.count(",") > 1:
            return _join(s, ".") if _EN_THOUSANDS.fullmatch(s) else None
        return _join(s, ",")
    if has_dot:
        if s.count(".") > 1:
            return _join(s, ",") if _DOT_THOUSANDS.fullmatch(s) else None
        grouped = bool(_DOT_THOUSANDS.fullmatch(s)) and not s.startswith("0")
        if grouped and (family == "eu" or (family is None and prefer_thousands)):
            return _join(s, ",")
        return _join(s, ".")
    return float(s)


def _join(s: str, decimal: str) -> float | None:
    """Drop the thousands separator, turn ``decimal`` into a dot, and convert."""
    thousands = "." if decimal == "," else ","
    body = s.replace(thousands, "")
    if decimal == ",":
        body = body.replace(",", ".")
    if body.count(".") > 1:
        return None
    try:
        return float(body)
    except ValueError:
        return None


def is_ambiguous_dot(text: str, locale: str | None = None) -> bool:
    """True for the ``100.000`` shape that has both a decimal and a thousands reading."""
    s = text.strip()
    return (
        _locale_family(locale) is None
        and s.count(".") == 1
        and "," not in s
        and bool(_DOT_THOUSANDS.fullmatch(s))
        and not s.startswith("0")
    )


def format_thousands(n: int) -> str:
    """English thousands grouping ("1,234,567"); the inverse of ``parse_digits``."""
    return f"{n:,}"


# ----------------------------------------------------------------------------- words


def parse_number_words(words: Sequence[str]) -> tuple[float, int] | None:
    """Read the longest number at the start of ``words`` ("twenty", "three", "hundred").

    Returns ``(value, words consumed)``.  ``a``/``an`` count as one only before
    a scale or "dozen" ("a dozen", "a million"); ``and`` is allowed only after
    a scale ("one hundred and five").  Hyphens must already be split off.
    """
    total = 0.0
    current = 0.0
    last: str | None = None  # "small" | "tens" | "scale" | "a" | "and"
    used = 0
    consumed = 0
    for i, raw in enumerate(words):
        w = raw.lower()
        if w in ("a", "an") and i == 0:
            last, current = "a", 1.0
            continue
        if w == "and" and last == "scale" and i + 1 < len(words):
            last = "and"
            continue
        if w in SMALL_NUMBERS and last in (None, "tens", "scale", "and"):
            if last == "tens" and SMALL_NUMBERS[w] >= 10:
                break
            current += SMALL_NUMBERS[w]
            last = "small" if last != "tens" else "unit"
        elif w in TENS and last in (None, "scale", "and"):
            current += TENS[w]
            last = "tens"
        elif w == "dozen" and last in ("a", "small", "tens", "unit", None) and i > 0:
            current = (current or 1.0) * 12
            last = "scale"
        elif w in ("hundred", "thousand", "million", "billion", "trillion") and last in (
            "a", "small", "tens", "unit", "scale"
        ):
            scale = SCALE_WORDS[w]
            if w == "hundred":
                current = (current or 1.0) * scale
            elif last == "scale" and current == 0 and total > 0:
                total *= scale
            else:
                total += (current or 1.0) * scale
                current = 0.0
            last = "scale"
        else:
            break
        used = i + 1
        consumed = used
    if consumed == 0:
        return None
    return total + current, consumed


_HALF_SCALE = re.compile(
    r"(?<![\w-])half\s+(?:a|an)\s+(million|billion|dozen|thousand)(?![\w])", re.IGNORECASE
)


# ----------------------------------------------------------------------------- spelled-out numbers

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
SIGN_WORDS = frozenset({"minus", "negative"})

_TOKEN = re.compile(r"[A-Za-z]+|\d+(?:\.\d+)?(?![\d,.]\d)|[-–&,]")
_JOIN_GAP = re.compile(r"[ \t\u00a0]*")


@dataclass(frozen=True)
class _Tok:
    low: str
    start: int
    end: int
    joined: bool
    """Only spaces separate this token from the previous one."""

    @property
    def is_digits(self) -> bool:
        return self.low[:1].isdigit()


def _small(t: _Tok) -> float | None:
    if t.low in SMALL_NUMBERS:
        return float(SMALL_NUMBERS[t.low])
    return 0.0 if t.low in ZERO_WORDS else None


def _ordinal(low: str) -> tuple[float, bool] | None:
    """Denominator of an ordinal word and whether it is plural ("fifths")."""
    if low in ORDINALS:
        return ORDINALS[low], low == "halves"
    if low == "quarters":
        return 4.0, True
    if low.endswith("s") and low[:-1] in ORDINALS and low[:-1] not in ("half",):
        return ORDINALS[low[:-1]], True
    return None


@dataclass
class _Int:
    """An integer part read from tokens: value, end token, and how it ended."""

    value: float
    end: int
    last: str
    last_scale: float
    tens_at: int | None = None
    """Token index of a final tens word (for "one hundred thirty fifths")."""
    has_scale: bool = False


def _next_is(toks: list[_Tok], j: int, words: Iterable[str]) -> bool:
    return j < len(toks) and toks[j].joined and toks[j].low in words


def _read_int(toks: list[_Tok], i: int) -> _Int | None:
    """The longest spelled (or digit-and-word) integer starting at token ``i``."""
    total = 0.0
    hundreds = 0.0
    tail = 0.0
    last: str | None = None
    last_scale = 0.0  # smallest big scale used so far (0: none)
    best: _Int | None = None
    tens_at: int | None = None
    and_before = False
    j = i
    n = len(toks)
    while j < n:
        t = toks[j]
        if j > i and not t.joined:
            break
        w = t.low
        small = _small(t)
        if j == i and w in ("a", "an"):
            if not _next_is(toks, j + 1, {"hundred", *BIG_SCALES, *DOZEN_WORDS}):
                return None
            tail, last = 1.0, "a"
        elif w in ("and", "&") or (w == "," and last == "scale"):
            if last not in ("scale", "hundred", "tens"):
                break
            if not _and_continues(toks, j, last, last_scale):
                break
            last = "and"
            and_before = True
            j += 1
            continue
        elif w in ("-", "–"):
            nxt = toks[j + 1] if j + 1 < n else None
            if last != "tens" or nxt is None or not nxt.joined:
                break
            v = _small(nxt)
            if v is None or not 1 <= v <= 9:
                break
            j += 1
            continue
        elif small is not None:
            if last == "tens":
                if not 1 <= small <= 9:
                    break
                tail += small
                last = "unit"
            elif last in (None, "scale", "hundred", "and"):
                tail += small
                last = "small"
            else:
                break
            tens_at = None
        elif w in TENS:
            if last not in (None, "scale", "hundred", "and"):
                break
            tail += TENS[w]
            last = "tens"
            tens_at = None if and_before else j
        elif t.is_digits:
            v = float(w)
            if last is None:
                tail = v
                last = "digits"
            elif last in ("scale", "hundred", "and") and "." not in w:
                limit = 100.0 if hundreds else (last_scale or 100.0)
                if v >= min(limit, 1000.0) or (hundreds and v >= 100):
                    break
                tail += v
                last = "small"
            else:
                break
            tens_at = None
        elif w in ("hundred", "hundreds"):
            if last not in ("a", "small", "tens", "unit", "digits") or hundreds:
                break
            if w == "hundreds" and _next_is(toks, j + 1, {"of"}):
                break  # "five hundreds of" is vague talk, leave it
            hundreds = (tail or 1.0) * 100
            tail = 0.0
            last = "hundred"
            tens_at = None
        elif w in BIG_SCALES:
            scale = BIG_SCALES[w]
            current = hundreds + tail
            if last == "scale" and current == 0 and total > 0:
                total *= scale  # "three lakh crore"
            elif last in ("a", "small", "tens", "unit", "digits", "hundred"):
                if last_scale and scale >= last_scale:
                    break
                total += current * scale
                last_scale = scale
            else:
                break
            hundreds = tail = 0.0
            last = "scale"
            tens_at = None
        elif w in DOZEN_WORDS:
            if last not in ("a", "small", "tens", "unit", "digits", "hundred"):
                break
            if w.endswith("s") and last == "a":
                break
            if tail:
                tail *= 12
            else:
                hundreds *= 12
            last = "dozen"
            tens_at = None
        else:
            break
        and_before = False if last != "and" else and_before
        j += 1
        if last not in ("a", "and"):
            best = _Int(total + hundreds + tail, j, last, last_scale or 1.0, tens_at,
                        bool(last_scale) or hundreds > 0)
    return best


def _and_continues(toks: list[_Tok], j: int, last: str, last_scale: float) -> bool:
    """Whether "and" at ``j`` joins the integer ("one hundred and five").

    Not when a fraction follows ("five and a half", "one hundred and three
    quarters"), nor when a new group of equal or larger scale starts ("3 hundred
    and 2 hundred"), nor after a tens word unless a unit follows ("twenty and three").
    """
    n = len(toks)
    if j + 1 >= n or not toks[j + 1].joined:
        return False
    nxt = toks[j + 1]
    after = toks[j + 2] if j + 2 < n and toks[j + 2].joined else None
    small = _small(nxt)
    if nxt.low in ("a", "an"):
        return False
    if small is None and nxt.low not in TENS and not (nxt.is_digits and "." not in nxt.low):
        return False
    if last == "tens" and (small is None or not 1 <= small <= 9):
        return False
    if after is not None and small is not None and small < 10 and _ordinal(after.low):
        return False
    if after is not None and after.low in ("-", "–"):
        after = toks[j + 4] if j + 4 < n and toks[j + 4].joined else None
    if after is not None and after.low in ("hundred", *BIG_SCALES):
        size = 100.0 if after.low == "hundred" else BIG_SCALES[after.low]
        if last == "hundred" and size <= 100:
            return False
        return not last_scale or size < last_scale
    return True


def _read_fraction(
    toks: list[_Tok], i: int, num: _Int | None, *, after_and: bool = False
) -> tuple[float, int] | None:
    """A spelled fraction at ``i``: numerator ``num`` (already read) then an ordinal.

    Returns the fraction's value and end token.  Handles "three fifths", "one
    hundred thirty fifths" (100/35), "three twenty-firsts" (3/21), "one-eighth".
    """
    n = len(toks)
    j = num.end if num is not None else i
    numerator = num.value if num is not None else 1.0
    hyphenated = False
    if j < n and toks[j].low in ("-", "–") and toks[j].joined:
        j += 1
        hyphenated = True
    if j >= n or (not toks[j].joined and num is not None):
        return None
    # a compound denominator: "one hundred fifth", "twenty first"
    den: float | None = None
    plural = False
    end = j
    od = _ordinal(toks[j].low)
    if od is not None and toks[j].low not in ("first", "firsts"):
        den, plural = od
        end = j + 1
        if (num is not None and num.tens_at is not None and num.tens_at > i
                and den < 10 and num.tens_at == num.end - 1):
            tens_tok = toks[num.tens_at]
            numerator = num.value - TENS[tens_tok.low]
            den += TENS[tens_tok.low]
    else:
        comp = _read_int(toks, j)
        if comp is None or comp.last not in ("tens", "hundred", "scale"):
            return None
        k = comp.end
        if k < n and toks[k].low in ("-", "–") and toks[k].joined:
            k += 1
        if k >= n or not toks[k].joined:
            return None
        od = _ordinal(toks[k].low)
        if od is None or (od[0] >= 10 and comp.last == "tens"):
            return None
        den, plural = comp.value + od[0], od[1]
        end = k + 1
    if not den or numerator <= 0:
        return None
    if not plural and numerator == 1 and not after_and and not hyphenated:
        follow = toks[end] if end < n else None
        if (follow is not None and follow.low[:1].isalpha() and follow.low != "of"
                and follow.low not in BIG_SCALES):
            return None  # "a fifth time", "the one third party": ordinals
    return numerator / den, end


def _read_decimal_words(toks: list[_Tok], j: int) -> tuple[str, int] | None:
    """Digits spelled after "point": "zero three" -> "03", "seventy-one" -> "71"."""
    digits = ""
    n = len(toks)
    while j < n and toks[j].joined:
        t = toks[j]
        small = _small(t)
        if small is not None:
            digits += str(int(small))
            j += 1
        elif t.low in TENS:
            val = TENS[t.low]
            k = j + 1
            if k < n and toks[k].low in ("-", "–") and toks[k].joined:
                k += 1
            unit = _small(toks[k]) if k < n and toks[k].joined else None
            if unit is not None and 1 <= unit <= 9:
                digits += str(val + int(unit))
                j = k + 1
            else:
                digits += str(val)
                j += 1
        else:
            break
    return (digits, j) if digits else None


def _read_spelled(
    toks: list[_Tok], i: int, *, ratios: bool
) -> tuple[float, int, float, bool] | None:
    """The spelled number at token ``i``: (value, end token, scale, is a fraction "of")."""
    n = len(toks)
    sign = 1.0
    start = i
    if toks[i].low in SIGN_WORDS and i + 1 < n and toks[i + 1].joined:
        sign, i = -1.0, i + 1
    num = _read_int(toks, i)
    value: float
    scale = 1.0
    end: int
    lead = toks[i].low
    if lead in ("half", "quarter") or (lead in ("a", "an") and _next_is(
            toks, i + 1, {"half", "quarter"})):
        # "half a dozen", "half million", "a quarter million", "a half"
        k = i + (1 if lead in ("half", "quarter") else 2)
        part = 0.5 if toks[k - 1].low == "half" else 0.25
        if k + 1 < n and toks[k].low in ("a", "an") and _next_is(
                toks, k + 1, {*BIG_SCALES, "dozen"}):
            k += 1
        if k < n and toks[k].joined and toks[k].low in BIG_SCALES:
            scale = BIG_SCALES[toks[k].low]
            return sign * part * scale, k + 1, scale, False
        if k < n and toks[k].joined and toks[k].low == "dozen":
            return sign * part * 12, k + 1, 12.0, False
        if lead in ("a", "an") and (k >= n or not toks[k].low[:1].isalpha()):
            return sign * part, k, 1.0, False
        return None
    a_fraction = num is None and lead in ("a", "an")
    if a_fraction:
        num = _Int(1.0, i + 1, "small", 1.0)
    if num is None:
        return None
    value, end = num.value, num.end
    frac = _read_fraction(toks, i, num) if num.last != "dozen" else None
    if frac is not None and num.last == "scale" and not _plural_ordinal_at(toks, num.end):
        frac = None  # "a million fifth" is no fraction; "a hundred thousand trillionths" is
    kind_fraction = False
    if frac is not None:
        value, end = frac
        value, end, scale = _fraction_scale(toks, value, end)
        kind_fraction = scale == 1 and value <= 1 and _next_is(toks, end, {"of"})
    elif a_fraction:
        return None
    elif _next_is(toks, end, {"point"}) and num.last not in ("scale", "dozen", "digits"):
        dec = _read_decimal_words(toks, end + 1)
        if dec is not None:
            value = float(f"{int(value)}.{dec[0]}")
            end = dec[1]
    elif _next_is(toks, end, {"and", "&"}):
        after = _read_and_fraction(toks, end + 1)
        if after is not None:
            f, end, f_scale = after
            if f_scale > 1 and not num.has_scale:
                value, scale = (value + f) * f_scale, f_scale  # "five and a half million"
            elif f_scale > 1:
                value += f * f_scale  # "one billion and a half million"
            elif num.last == "scale":
                value += f * num.last_scale  # "3 million and a half"
            else:
                value += f
    if ratios and end < n:
        ratio = _read_ratio(toks, end, ratios=ratios)
        if ratio is not None and value is not None:
            den, end = ratio
            value = value / den
    if not kind_fraction and frac is None and _ordinal_follows(toks, end):
        return None  # "twenty-first century", "twenty first": an ordinal
    if num.last == "scale" and scale == 1:
        scale = num.last_scale
    if end - start == 1 and toks[start].is_digits:
        return None  # plain digits are the digit reader's
    return sign * value, end, scale, kind_fraction


def _plural_ordinal_at(toks: list[_Tok], k: int) -> bool:
    if k < len(toks) and toks[k].low in ("-", "–"):
        k += 1
    od = _ordinal(toks[k].low) if k < len(toks) else None
    return od is not None and od[1]


_ORDINAL_TAILS = frozenset({
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
})


def _ordinal_follows(toks: list[_Tok], end: int) -> bool:
    """A unit ordinal joined right after a tens word: "twenty-first", "thirty second"."""
    k = end
    if k < len(toks) and toks[k].low in ("-", "–") and toks[k].joined:
        k += 1
    return k < len(toks) and toks[k].joined and toks[k].low in _ORDINAL_TAILS and (
        toks[end - 1].low in TENS)


def _fraction_scale(toks: list[_Tok], value: float, end: int) -> tuple[float, int, float]:
    """"two thirds of a million", "three quarters billion": a fraction of a scale."""
    n = len(toks)
    k = end
    if _next_is(toks, k, {"of"}) and _next_is(toks, k + 1, {"a", "an"}):
        k += 2
    if k < n and toks[k].joined and toks[k].low in BIG_SCALES:
        scale = BIG_SCALES[toks[k].low]
        return value * scale, k + 1, scale
    return value, end, 1.0


def _read_and_fraction(toks: list[_Tok], j: int) -> tuple[float, int, float] | None:
    """The fraction after "and": "a half", "one fourth", "three fifths", "a half million"."""
    n = len(toks)
    if j >= n or not toks[j].joined:
        return None
    if toks[j].low in ("a", "an"):
        num: _Int | None = _Int(1.0, j + 1, "small", 1.0)
    else:
        num = _read_int(toks, j)
        if num is None or num.last not in ("small", "tens", "unit"):
            return None
    frac = _read_fraction(toks, j, num, after_and=True)
    if frac is None:
        return None
    value, end = frac
    _scaled, s_end, scale = _fraction_scale(toks, value, end)
    return value, s_end, scale


def _read_ratio(toks: list[_Tok], j: int, *, ratios: bool) -> tuple[float, int] | None:
    """"over three", "out of 20": the denominator of a spoken ratio, at the end of a phrase."""
    n = len(toks)
    if not ratios or not _next_is(toks, j, {"over", "out"}):
        return None
    k = j + 1
    if toks[j].low == "out":
        if not _next_is(toks, k, {"of"}):
            return None
        k += 1
    if k >= n or not toks[k].joined:
        return None
    den = _read_int(toks, k)
    if den is None or den.value == 0:
        return None
    follow = toks[den.end] if den.end < n else None
    if follow is not None and follow.joined and follow.low[:1].isalpha():
        return None  # "$2000 over 3 years": a period, not a ratio
    return den.value, den.end


def _tokens_of(text: str) -> list[_Tok]:
    toks: list[_Tok] = []
    prev_end: int | None = None
    for m in _TOKEN.finditer(text):
        joined = prev_end is not None and bool(_JOIN_GAP.fullmatch(text[prev_end:m.start()]))
        toks.append(_Tok(m.group().lower(), m.start(), m.end(), joined))
        prev_end = m.end()
    return toks


_STARTERS = frozenset({
    *SMALL_NUMBERS, *TENS, *ZERO_WORDS, *SIGN_WORDS, "a", "an", "half", "quarter",
})


def _word_matches(text: str, *, ratios: bool = False) -> list[NumberMatch]:
    """Spelled-out numbers ("two hundred and five", "three fifths", "five point two")."""
    toks = _tokens_of(text)
    out: list[NumberMatch] = []
    i = 0
    n = len(toks)
    while i < n:
        t = toks[i]
        if not (t.low in _STARTERS or t.is_digits) or _glued_left(text, t):
            i += 1
            continue
        read = _read_spelled(toks, i, ratios=ratios)
        if read is None:
            i += 1
            continue
        value, end, scale, is_fraction = read
        s, e = toks[i].start, toks[end - 1].end
        kind: NumberKind = "fraction" if is_fraction else "words"
        out.append(NumberMatch(s, e, text[s:e], kind, value, scale=scale))
        i = end
    for m in _HALF_SCALE.finditer(text):
        size = 12.0 if m.group(1).lower() == "dozen" else SCALE_WORDS[m.group(1).lower()]
        out.append(NumberMatch(m.start(), m.end(), m.group(), "words", size / 2, scale=size))
    return out


def _glued_left(text: str, t: _Tok) -> bool:
    """The token continues a word or figure on its left ("x-one", "A1")."""
    if t.start == 0:
        return False
    prev = text[t.start - 1]
    return prev.isalnum() or prev in "._/"


# ----------------------------------------------------------------------------- vague

_VAGUE_PATTERN = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(
        re.escape(k).replace(r"\ ", r"\s+")
        for k in sorted(VAGUE_MAGNITUDES, key=len, reverse=True)
    )
    + r")(?![\w-])",
    re.IGNORECASE,
)


def parse_vague(text: str) -> tuple[float, float, bool, bool] | None:
    """The documented range of a vague amount ("tens of thousands"), or None."""
    key = re.sub(r"\s+", " ", text.strip().lower())
    return VAGUE_MAGNITUDES.get(key)


def _vague_matches(text: str) -> list[NumberMatch]:
    out: list[NumberMatch] = []
    for m in _VAGUE_PATTERN.finditer(text):
        rng = parse_vague(m.group())
        if rng is None:
            continue
        low, high, lo_inc, hi_inc = rng
        out.append(
            NumberMatch(m.start(), m.end(), m.group(), "vague", None, low, high, lo_inc, hi_inc)
        )
    return out


# ----------------------------------------------------------------------------- fractions

_FRACTION = re.compile(
    r"(?<![\w-])(?:(?P<num>a|an|one|two|three|four|nine)[\s-]+)?"
    r"(?P<den>half|halves|thirds?|quarters?|fifths?|tenths?)"
    r"(?=\s+(?:of|the)\b)",
    re.IGNORECASE,
)
_NOT_BEFORE_BARE_HALF = re.compile(
    r"(?:\b(?:the|first|second|third|last|latter|other|and|in|a|an)\s+)$", re.IGNORECASE
)


def parse_fraction(text: str) -> float | None:
    """Read "half", "a third", "two-thirds", "three quarters" as a fraction of one."""
    m = re.fullmatch(
        r"(?:(a|an|one|two|three|four|nine)[\s-]+)?(half|halves|thirds?|quarters?|fifths?|tenths?)",
        text.strip(), re.IGNORECASE,
    )
    if m is None:
        return None
    num_word = (m.group(1) or "").lower()
    den = m.group(2).lower()
    if not num_word and den != "half":
        return None  # a bare "third" is an ordinal
    numerator = 1.0 if num_word in ("", "a", "an") else float(SMALL_NUMBERS[num_word])
    value = numerator / FRACTION_DENOMINATORS[den]
    return value if 0 < value <= 1 else None


def _fraction_matches(text: str) -> list[NumberMatch]:
    out: list[NumberMatch] = []
    for m in _FRACTION.finditer(text):
        before = text[max(0, m.start() - 12):m.start()]
        if m.group("num") is None and _NOT_BEFORE_BARE_HALF.search(before):
            continue
        value = parse_fraction(m.group())
        if value is not None:
            out.append(NumberMatch(m.start(), m.end(), m.group(), "fraction", value))
    return out


# ----------------------------------------------------------------------------- digit matches

_CURRENCY_ALT = "|".join(re.escape(c) for c in sorted(CURRENCY_PREFIXES, key=len, reverse=True))
_DOLLAR_PREFIX = (
    r"(?:C|CA|A|AU|NZ|MX)\$|(?i:us|u\.s\.?|can|hk|aud|nzd|mex|usd|cad|mxn)\s?\$"
)
"""Dollars of other countries ("C$", "HK$", "Mex$"); multi-letter ones in any case,
because wire copy is sometimes lower-cased and tokenized ("hk $ 10.05 billion")."""
_SCALE_WORD_ALT = "|".join(sorted(SCALE_WORDS, key=len, reverse=True))
_NOT_AFTER_MONTH = "".join(f"(?<!{m.capitalize()} )" for m in MONTHS)
_DIGIT_NUMBER = re.compile(
    rf"(?:(?<![\w.,/:+@#])(?P<cur>{_DOLLAR_PREFIX}|{_CURRENCY_ALT})\s?"
    r"|(?<![\w.,/:+@#$€£¥₽₴])(?:(?<![A-Za-z]-)|(?<=[0-9][kKmMbB]-)))"
    r"(?P<num>[0-9]{1,2}(?:,[0-9]{2})+,[0-9]{3}(?:\.[0-9]+)?"
    r"|[0-9]{1,3}(?:(?:,[0-9]{3})+|(?:\.[0-9]{3})+|(?:[\u00a0\u202f\u2009][0-9]{3})+)"
    r"(?:[.,][0-9]+)?"
    rf"|{_NOT_AFTER_MONTH}[0-9]{{1,3}}(?: [0-9]{{3}})+(?:\.[0-9]+)?(?![0-9])"
    r"|[0-9]+(?:[.,][0-9]+)?)"
    r"(?![0-9])(?![.,][0-9])"
    r"(?P<glued>[A-Za-z²³µμ元]+[23²³]?(?:/hr?)?)?"
    rf"(?:\s+(?P<scale>{_SCALE_WORD_ALT}))?(?![\w])",
)
_BARE_CURRENCY_CODE = re.compile(r"^[A-Z]{3}$")
_PLURAL_NEXT = re.compile(r"\s+([A-Za-z]+)")
_NOT_PLURAL_NOUNS = frozenset({"is", "was", "has", "its", "this", "as", "us", "does", "yes"})
_CURRENCY_ONLY_SUFFIXES: dict[str, float] = {"T": 1e12, "tn": 1e12, "G": 1e9}


def _prefix_currency(cur: str) -> str:
    if cur in CURRENCY_PREFIXES:
        return CURRENCY_PREFIXES[cur]
    key = re.sub(r"[\s.$]", "", cur).lower()
    return {
        "us": "USD", "usd": "USD", "c": "CAD", "ca": "CAD", "can": "CAD", "cad": "CAD",
        "hk": "HKD", "a": "AUD", "au": "AUD", "aud": "AUD", "nz": "NZD", "nzd": "NZD",
        "mex": "MXN", "mxn": "MXN",
    }.get(key, "USD")


def _metre_or_million(text: str, end: int) -> bool:
    """After a bare "5m" (no currency): True when it is five million ("5m people")."""
    m = _PLURAL_NEXT.match(text, end)
    if m is None:
        return False
    word = m.group(1)
    return word == "people" or (
        word.islower() and len(word) > 3 and word.endswith("s") and word not in _NOT_PLURAL_NOUNS
    )


def _digit_match(m: re.Match[str], text: str, locale: str | None) -> NumberMatch | None:
    """Turn one regex hit into a ``NumberMatch``; None for ordinals, "10am", "4G"..."""
    num = m.group("num")
    glued = m.group("glued")
    scale_word = m.group("scale")
    cur = m.group("cur")
    end = m.end()
    scale = 1.0
    glued_unit: str | None = None
    if glued is not None:
        if glued == "m" and not cur and not _metre_or_million(text, m.end("glued")):
            glued_unit = glued
            scale_word = None
        elif glued in SUFFIX_SCALES or (cur and glued in _CURRENCY_ONLY_SUFFIXES):
            scale = SUFFIX_SCALES.get(glued) or _CURRENCY_ONLY_SUFFIXES[glued]
            if scale_word is not None:
                return None
        elif glued in GLUED_UNITS or (len(glued) > 1 and glued.lower() in GLUED_UNITS):
            glued_unit = glued
            scale_word = None
        else:
            return None
    if scale_word is not None:
        word = scale_word.lower()
        if word == "hundred" and "," in num:
            end = m.end("num")
        else:
            scale = SCALE_WORDS[word]
    elif glued is None or glued_unit is not None:
        end = m.end("num")
    if glued_unit is not None:
        end = m.end("num")
    base = parse_digits(num, locale)
    if base is None:
        return None
    thousands: float | None = None
    if is_ambiguous_dot(num, locale):
        alt = parse_digits(num, locale, prefer_thousands=True)
        thousands = None if alt is None else alt * scale
    start = m.start("cur") if cur else m.start("num")
    return NumberMatch(
        start, end, text[start:end], "digits", base * scale, scale=scale,
        currency=_prefix_currency(cur) if cur else None, thousands_value=thousands,
        glued_unit=glued_unit,
    )


_LEADING_DOT = re.compile(r"(?<![\w.,])\.[0-9]+(?![0-9.,]|\w)")
_VULGAR = re.compile(r"(?<![\w.,/])(?:(?P<whole>[0-9]+)\s?)?(?P<v>[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞])")
_SLASH = re.compile(
    r"(?<![\w/.,])(?:(?P<whole>[0-9]+)\s+)?(?P<n>[0-9]+)\s?/\s?(?P<d>[0-9]+)"
    r"(?![0-9/]|[.,][0-9])"
)
_EXPONENT = re.compile(
    r"(?<![\w.])(?P<m>[0-9]+(?:\.[0-9]+)?)"
    r"(?:[eE](?P<e>[+-]?[0-9]+)|\^(?P<p>[+-]{0,2}[0-9]+)"
    r"|\s?[x×]\s?10\s?\^\s?(?P<x>[+-−]?[0-9]+)|[x×]10(?P<u>[−-][0-9]+)"
    r"|[x×](?P<b>[0-9]+)\^(?P<bp>[0-9]+))"
    r"(?![\w.])"
)
_SIGN_BEFORE = re.compile(r"(?:^|(?<=[\s(\[]))-\s?$")


def _extra_matches(
    text: str, *, slash_fractions: bool, exponents: bool
) -> list[NumberMatch]:
    """Leading-dot decimals, vulgar fractions and (on request) slash fractions, exponents."""
    out: list[NumberMatch] = []
    for m in _LEADING_DOT.finditer(text):
        out.append(NumberMatch(m.start(), m.end(), m.group(), "digits", float("0" + m.group())))
    for m in _VULGAR.finditer(text):
        import unicodedata  # only when a vulgar fraction occurs

        value = unicodedata.numeric(m.group("v")) + float(m.group("whole") or 0)
        out.append(NumberMatch(m.start(), m.end(), m.group(), "slash", value))
    if slash_fractions:
        for m in _SLASH.finditer(text):
            den = float(m.group("d"))
            if den == 0:
                continue
            value = float(m.group("whole") or 0) + float(m.group("n")) / den
            out.append(NumberMatch(m.start(), m.end(), m.group(), "slash", value))
    if exponents:
        for m in _EXPONENT.finditer(text):
            power = _exponent_value(m)
            if power is not None and math.isfinite(power):
                out.append(NumberMatch(m.start(), m.end(), m.group(), "digits", power))
    return out


def _exponent_value(m: re.Match[str]) -> float | None:
    mant = float(m.group("m"))
    raw = m.group("e") or m.group("p") or m.group("x") or m.group("u")
    try:
        if m.group("b"):
            return mant * float(m.group("b")) ** int(m.group("bp"))
        if raw is None:
            return None
        digits = raw.lstrip("+-−")
        sign = -1 if (raw.count("-") + raw.count("−")) % 2 else 1
        exp = sign * int(digits)
        if m.group("e") or m.group("x") or m.group("u"):
            return mant * 10.0 ** exp
        return float(mant ** exp)
    except (OverflowError, ZeroDivisionError, ValueError):
        return None


def _signed(nm: NumberMatch, text: str) -> NumberMatch:
    """Take a minus sign written before a figure ("-9.5", "- 1 4/5")."""
    if nm.value is None or nm.currency or nm.kind not in ("digits", "slash"):
        return nm
    m = _SIGN_BEFORE.search(text[max(0, nm.start - 3):nm.start])
    if m is None:
        return nm
    start = nm.start - (len(m.group()))
    return replace(nm, start=start, text=text[start:nm.end], value=-nm.value,
                   low=None if nm.low is None else -nm.low,
                   high=None if nm.high is None else -nm.high)


_KIND_RANK = {"fraction": 0, "slash": 1, "digits": 2, "words": 3, "vague": 4}


def find_numbers(
    text: str,
    locale: str | None = None,
    *,
    signed: bool = False,
    slash_fractions: bool = False,
    exponents: bool = False,
    ratios: bool = False,
) -> list[NumberMatch]:
    """Every number in ``text`` with its span, left to right, without overlaps.

    Where readings overlap (``ten thousand`` inside ``tens of thousands``) the
    longer one wins, then the earlier.  The options widen the reading beyond
    news defaults: ``signed`` takes a hyphen before a figure as a minus sign,
    ``slash_fractions`` reads "3/4" and "2 1/4" (kind ``slash``; in news they
    are dates as often as fractions), ``ratios`` spoken ratios at the end of a
    phrase ("one over three", "one out of three"), ``exponents`` "1e10",
    "1.1^23" and "6.2x10^-4".
    """
    found: list[NumberMatch] = []
    for m in _DIGIT_NUMBER.finditer(text):
        nm = _digit_match(m, text, locale)
        if nm is not None and math.isfinite(nm.value or 0.0):
            found.append(nm)
    found.extend(_word_matches(text, ratios=ratios))
    found.extend(_vague_matches(text))
    found.extend(_fraction_matches(text))
    found.extend(_extra_matches(text, slash_fractions=slash_fractions, exponents=exponents))
    found.sort(key=lambda n: (-(n.end - n.start), n.start, _KIND_RANK[n.kind]))
    chosen: list[NumberMatch] = []
    for nm in found:
        if all(nm.end <= c.start or nm.start >= c.end for c in chosen):
            chosen.append(nm)
    chosen.sort(key=lambda n: n.start)
    if signed:
        chosen = [_signed(nm, text) for nm in chosen]
    return chosen


def parse_number(text: str, locale: str | None = None) -> float | None:
    """The value of one number written any supported way, or None.

    "100,000" -> 100000, "1.5 million" -> 1.5e6, "$4.5B" -> 4.5e9, "300k" -> 3e5,
    "twenty-three" -> 23, "a dozen" -> 12, "12.5%" -> 12.5.  Vague amounts have
    no single value (see ``parse_vague``).
    """
    s = text.strip()
    if s.endswith("%"):
        s = s[:-1].rstrip()
    matches = find_numbers(s, locale)
    if len(matches) != 1:
        return None
    nm = matches[0]
    if (nm.start, nm.end) != (0, len(s)):
        return None
    return nm.value


def parse_percent(text: str, locale: str | None = None) -> float | None:
    """"12.5%", "5 per cent", "12 percent" -> the number of percent."""
    m = re.fullmatch(r"(.+?)\s*(?:%|per\s*cent|percent|pct)", text.strip(), re.IGNORECASE)
    return None if m is None else parse_number(m.group(1), locale)
