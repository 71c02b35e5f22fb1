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

Spelled numbers are read by `spelled_numbers`, the words and tables are in
`number_words`.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from typing import Literal

from factcheck.calendar_words import MONTHS
from factcheck.extraction.covered_text import CoveredText
from factcheck.extraction.quantities.number_words import (
    CURRENCY_PREFIXES,
    DOT_THOUSANDS_LOCALES,
    FRACTION_DENOMINATORS,
    GLUED_UNITS,
    SCALE_WORDS,
    SMALL_NUMBERS,
    SUFFIX_SCALES,
    VAGUE_MAGNITUDES,
    NumberMatch,
)
from factcheck.extraction.quantities.spelled_numbers import word_matches

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
    if lang == "eu":
        return "eu"
    if lang == "en":
        return "en"
    if lang in DOT_THOUSANDS_LOCALES:
        return "eu"
    return None


_EU_EVIDENCE = re.compile(
    r"(?<![\w.,])(?:[0-9]{1,3}(?:\.[0-9]{3}){2,}(?:,[0-9]+)?"  # 1.234.567
    r"|[0-9]{1,3}(?:\.[0-9]{3})+,[0-9]+"  # 1.234,5
    r"|[0-9]+,[0-9]{1,2}(?=\s?(?:%|[a-zA-Z€£$]))"  # 1,4 % / 254,60 crowns
    r"|[1-9][0-9]{0,2}\.[0-9]00(?!\s?(?:per\s?cent|percent|pct))(?=\s?[a-zA-Z€£$]))"  # 6.000 people
    r"(?![0-9])"
)
_EN_EVIDENCE = re.compile(
    r"(?<![\w.,])(?:[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?(?![0-9]|,[0-9])"  # 1,234 / 1,234.5
    r"|[0-9]+\.(?:[0-9]|[0-9]{4,})(?![0-9])(?!\s?(?:a\.?m|p\.?m|h\b|hours?|GMT|UTC|BST|CES?T))"  # 2.5 / 0.1234
    r"|[0-9]+\.[0-9]{2}(?=\s?(?:%|per\s?cent|percent|[a-z]*illion|bn|m\b|points?|crowns|euros|dollars)))"  # 1.25 %
)


def number_convention(text: str) -> str | None:
    """"eu" when a source writes decimal commas and dot thousands throughout, else None.

    A source translated from, or written in the style of, continental Europe
    writes "1,4 %", "254,60 crowns", "6.000 people".  Where it shows that
    convention and never the English one ("1,234", "2.5 %"), an ambiguous
    "13.100 hectares" or "8.164 points" is read with dot thousands too.
    Clock times ("20.45") are no evidence either way.
    """
    if _EN_EVIDENCE.search(text) is not None:
        return None
    return "eu" if _EU_EVIDENCE.search(text) is not None else None


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


_CURRENCY_ALT = "|".join(re.escape(c) for c in sorted(CURRENCY_PREFIXES, key=len, reverse=True))
_DOLLAR_PREFIX = (
    r"(?:C|CA|A|AU|NZ|MX)\$|(?i:us|u\.s\.?|can|hk|aud|nzd|mex|usd|cad|mxn)\s?\$"
    r"|\$(?:US|A|AU|NZ|C|CA|HK|S)(?=[0-9])"
    r"|R(?=[0-9][0-9.,]*\s?(?:bn|billion|million|mn|m|trillion|tn)\b)"
)
"""Dollars of other countries ("C$", "HK$", "Mex$", and the Australian wire style "$US",
"$A"); multi-letter ones in any case, because wire copy is sometimes lower-cased and
tokenized ("hk $ 10.05 billion").  South African rand ("R1.8 billion") only before a
scale word: "R2" alone is too often a name."""


_SCALE_WORD_ALT = "|".join(sorted(SCALE_WORDS, key=len, reverse=True))
_NOT_AFTER_MONTH = "".join(f"(?<!{m.capitalize()} )" for m in MONTHS)
_DIGIT_NUMBER = re.compile(
    rf"(?:(?<![\w.,/:+@#])(?P<cur>{_DOLLAR_PREFIX}|{_CURRENCY_ALT})\s?"
    r"|(?<![\w.,/:+@#$€£¥₽₴])(?:(?<![A-Za-z]-)|(?<=[0-9][kKmMbB]-)|(?<=[Mm]inus-)))"
    r"(?P<num>[0-9]{1,2}(?:,[0-9]{2})+,[0-9]{3}(?:\.[0-9]+)?"
    r"|[0-9]{1,3}(?:(?:,[0-9]{3})+|(?:\.[0-9]{3})+|(?:[\u00a0\u202f\u2009][0-9]{3})+)"
    r"(?:[.,][0-9]+)?"
    rf"|{_NOT_AFTER_MONTH}[0-9]{{1,3}}(?: [0-9]{{3}})+(?:\.[0-9]+)?(?![0-9])"
    r"|[0-9]+(?:[.,][0-9]+)?)"
    r"(?![0-9])(?![.,][0-9])"
    r"(?P<glued>[A-Za-z²³µμ元]+[23²³]?(?:/hr?)?)?"
    rf"(?:(?:\s+|-)(?P<scale>(?i:{_SCALE_WORD_ALT})))?(?![\w])",
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
        "mex": "MXN", "mxn": "MXN", "s": "SGD", "r": "ZAR",
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
            if m.group("whole") is None and _lost_space(m.group("n"), m.group("d")):
                # "41/2 months" is "4 1/2 months" with its space (or its "½") lost: nobody writes 41 halves
                value = float(m.group("n")[:-1]) + float(m.group("n")[-1]) / den
            out.append(NumberMatch(m.start(), m.end(), m.group(), "slash", value))
    if exponents:
        for m in _EXPONENT.finditer(text):
            power = _exponent_value(m)
            if power is not None and math.isfinite(power):
                out.append(NumberMatch(m.start(), m.end(), m.group(), "digits", power))
    return out


def _lost_space(numerator: str, denominator: str) -> bool:
    """A whole number run into a proper fraction: "41/2", "23/4", "101/2" (never "1/2", "3/4", "11/12")."""
    n, d = int(numerator), int(denominator)
    return d in (2, 3, 4, 8) and n >= 10 and 0 < int(numerator[-1]) < d


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


_MINUS_SIGN_BEFORE = re.compile(r"(?:^|(?<=[\s(\[]))(?:−|minus-)$|(?<=[A-Za-z] )-$", re.IGNORECASE)
"""The minus sign proper (U+2212), "minus-7", and a hyphen glued to a figure after a word
("turned negative at -0.3%"): after a figure ("10 -15") or at a line's start (a list) a
hyphen is a dash."""


def _signed(nm: NumberMatch, text: str, *, minus_only: bool = False) -> NumberMatch:
    """Take a minus sign written before a figure ("-9.5", "- 1 4/5", "−2.1%")."""
    if nm.value is None or nm.currency or nm.kind not in ("digits", "slash"):
        return nm
    window = text[max(0, nm.start - 6):nm.start]
    m = _MINUS_SIGN_BEFORE.search(window) if minus_only else (
        _MINUS_SIGN_BEFORE.search(window) or _SIGN_BEFORE.search(window[-3:])
    )
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
    found.extend(word_matches(text, ratios=ratios))
    found.extend(_vague_matches(text))
    found.extend(_fraction_matches(text))
    found.extend(_extra_matches(text, slash_fractions=slash_fractions, exponents=exponents))
    found.sort(key=lambda n: (-(n.end - n.start), n.start, _KIND_RANK[n.kind]))
    chosen: list[NumberMatch] = []
    taken = CoveredText(len(text))  # the chosen spans: an overlap test costs the span's length, not the list's
    for nm in found:
        if nm.end > nm.start and not taken.overlaps(nm.start, nm.end):
            chosen.append(nm)
            taken.add(nm.start, nm.end)
    chosen.sort(key=lambda n: n.start)
    return [_signed(nm, text, minus_only=not signed) for nm in chosen]


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
