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
  ``4.5bn``, ``5m`` = five million, the news convention) or as unit symbols
  (``5km``); anything else (``5th``, ``10am``, ``1990s``, ``4G``) is not a
  number.
* Slash fractions (``3/4``) are not read: in news they are dates as often as
  fractions.  Negative numbers are not read either (a hyphen before a digit is
  a range dash far more often than a minus sign).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

NumberKind = Literal["digits", "words", "vague", "fraction"]

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
    "mn": 1e6, "mln": 1e6, "bn": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12,
}
SUFFIX_SCALES: dict[str, float] = {
    "k": 1e3, "K": 1e3, "m": 1e6, "M": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9,
    "B": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12,
}
"""Scale letters glued to digits (``300k``, ``$4.5bn``, ``£5m``)."""

GLUED_UNITS = frozenset({
    "km", "kg", "mph", "kph", "kmh", "ha", "mi", "t", "h", "hr", "hrs", "min", "mins",
    "sqkm", "km2", "km²", "km/h", "cm", "mm", "C", "F",
})
"""Unit symbols that may be glued to digits (``5km``); the unit itself is read later."""

CURRENCY_PREFIXES: dict[str, str] = {
    "US$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB", "₴": "UAH",
    "USD": "USD", "EUR": "EUR", "GBP": "GBP", "JPY": "JPY", "CNY": "CNY", "RUB": "RUB",
    "UAH": "UAH",
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
        if family != "eu" and _EN_THOUSANDS.fullmatch(s):
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


_WORD_VOCAB = sorted(
    [*SMALL_NUMBERS, *TENS, "hundred", "thousand", "million", "billion", "trillion", "dozen"],
    key=len, reverse=True,
)
_WORD_ALT = "|".join(_WORD_VOCAB)
_WORD_NUMBER = re.compile(
    rf"(?<![\w-])(?:(?:an?)\s+(?=(?:hundred|thousand|million|billion|dozen)\b))?"
    rf"(?:{_WORD_ALT})(?:(?:\s+and\s+|\s+|-)(?:{_WORD_ALT}))*(?![\w])",
    re.IGNORECASE,
)
_HALF_SCALE = re.compile(
    r"(?<![\w-])half\s+(?:a|an)\s+(million|billion|dozen|thousand)(?![\w])", re.IGNORECASE
)


def _word_matches(text: str) -> list[NumberMatch]:
    """Spelled-out numbers, trimmed to the part that parses."""
    out: list[NumberMatch] = []
    for m in _WORD_NUMBER.finditer(text):
        pieces = [(p.group(), p.start(), p.end()) for p in re.finditer(r"[A-Za-z]+", m.group())]
        parsed = parse_number_words([p[0] for p in pieces])
        if parsed is None:
            continue
        value, n = parsed
        end = m.start() + pieces[n - 1][2]
        words = [p[0].lower() for p in pieces[:n]]
        scale = 1.0
        if len(words) > 1 and words[-1] in SCALE_WORDS and words[-1] != "hundred":
            scale = SCALE_WORDS[words[-1]]
        out.append(NumberMatch(m.start(), end, text[m.start():end], "words", value, scale=scale))
    for m in _HALF_SCALE.finditer(text):
        size = 12.0 if m.group(1).lower() == "dozen" else SCALE_WORDS[m.group(1).lower()]
        out.append(NumberMatch(m.start(), m.end(), m.group(), "words", size / 2, scale=size))
    return out


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
_SCALE_WORD_ALT = "|".join(sorted(SCALE_WORDS, key=len, reverse=True))
_DIGIT_NUMBER = re.compile(
    rf"(?:(?<![\w.,/:+@#])(?P<cur>{_CURRENCY_ALT})\s?"
    r"|(?<![\w.,/:+@#$€£¥₽₴])(?<![A-Za-z]-))"
    r"(?P<num>[0-9]{1,3}(?:(?:,[0-9]{3})+|(?:\.[0-9]{3})+|(?:[\u00a0\u202f\u2009][0-9]{3})+)"
    r"(?:[.,][0-9]+)?|[0-9]+(?:[.,][0-9]+)?)"
    r"(?![0-9])(?![.,][0-9])"
    r"(?P<glued>[A-Za-z²]+(?:/h)?)?"
    rf"(?:\s+(?P<scale>{_SCALE_WORD_ALT}))?(?![\w])",
)
_BARE_CURRENCY_CODE = re.compile(r"^[A-Z]{3}$")


def _digit_match(m: re.Match[str], text: str, locale: str | None) -> NumberMatch | None:
    """Turn one regex hit into a ``NumberMatch``; None for ordinals, "10am", "4G"..."""
    num = m.group("num")
    glued = m.group("glued")
    scale_word = m.group("scale")
    end = m.end()
    scale = 1.0
    glued_unit: str | None = None
    if glued is not None:
        if glued in SUFFIX_SCALES:
            scale = SUFFIX_SCALES[glued]
            if scale_word is not None:
                return None
        elif glued in GLUED_UNITS or glued.lower() in GLUED_UNITS:
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
    base = parse_digits(num, locale)
    if base is None:
        return None
    thousands: float | None = None
    if is_ambiguous_dot(num, locale):
        alt = parse_digits(num, locale, prefer_thousands=True)
        thousands = None if alt is None else alt * scale
    cur = m.group("cur")
    start = m.start("cur") if cur else m.start("num")
    return NumberMatch(
        start, end, text[start:end], "digits", base * scale, scale=scale,
        currency=CURRENCY_PREFIXES[cur] if cur else None, thousands_value=thousands,
        glued_unit=glued_unit,
    )


def find_numbers(
    text: str,
    locale: str | None = None,
    *,
    signed: bool = False,
    slash_fractions: bool = False,
    exponents: bool = False,
) -> list[NumberMatch]:
    """Every number in ``text`` with its span, left to right, without overlaps.

    Where readings overlap (``ten thousand`` inside ``tens of thousands``) the
    longer one wins, then the earlier.
    """
    found: list[NumberMatch] = []
    for m in _DIGIT_NUMBER.finditer(text):
        nm = _digit_match(m, text, locale)
        if nm is not None and math.isfinite(nm.value or 0.0):
            found.append(nm)
    found.extend(_word_matches(text))
    found.extend(_vague_matches(text))
    found.extend(_fraction_matches(text))
    found.sort(key=lambda n: (-(n.end - n.start), n.start))
    chosen: list[NumberMatch] = []
    for nm in found:
        if all(nm.end <= c.start or nm.start >= c.end for c in chosen):
            chosen.append(nm)
    chosen.sort(key=lambda n: n.start)
    return chosen


def parse_number(text: str, locale: str | None = None) -> float | None:
    """The value of one number written any supported way, or None.

    "100,000" -> 100000, "1.5 million" -> 1.5e6, "$4.5B" -> 4.5e9, "300k" -> 3e5,
    "twenty-three" -> 23, "a dozen" -> 12, "57.91%" -> 57.91.  Vague amounts have
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
    """"57.91%", "5 per cent", "12 percent" -> the number of percent."""
    m = re.fullmatch(r"(.+?)\s*(?:%|per\s*cent|percent|pct)", text.strip(), re.IGNORECASE)
    return None if m is None else parse_number(m.group(1), locale)
