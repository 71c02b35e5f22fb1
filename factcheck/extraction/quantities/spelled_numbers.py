"""Spelled numbers, read by a small grammar over word tokens.

Cardinals with "and" ("one hundred and five"), scales, digits mixed with
words ("3 hundred and 21"), dozens, decimals spoken with "point" ("two point
zero three"), fractions with ordinal denominators ("three fifths", "one
hundred thirty-fifths" = 100/35, "twenty and three fifths"), "and a half"
after a number or a scale ("3 million and a half"), fractions of scales
("two thirds of a million", "half a dozen").  A singular fraction with
numerator one ("a fifth", "one third") is read only when "of" or the end of
the phrase follows: "a fifth time" and "a third term" are ordinals.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import overload

from factcheck.extraction.quantities.number_words import (
    BIG_SCALES,
    DOZEN_WORDS,
    ORDINALS,
    SCALE_WORDS,
    SMALL_NUMBERS,
    TENS,
    ZERO_WORDS,
    NumberKind,
    NumberMatch,
)


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
_HALF_UNIT = re.compile(
    r"(?<![\w-])half\s+(?:a|an)(?=\s+(?:percentage\s+point|basis\s+point|point|mile|kilomet|met(?:re|er)"
    r"|hour|day|week|month|year|minute|second|inch|foot|pound|kilo|lit(?:re|er)|gallon|ton|cent"
    r"|degree)s?\b)",
    re.IGNORECASE,
)
""""half a percentage point", "half an hour": one half of the unit that follows."""
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


def _next_is(toks: Sequence[_Tok], j: int, words: Iterable[str]) -> bool:
    return j < len(toks) and toks[j].joined and toks[j].low in words


def _read_int(toks: Sequence[_Tok], i: int) -> _Int | None:
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


def _and_continues(toks: Sequence[_Tok], j: int, last: str, last_scale: float) -> bool:
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
    toks: Sequence[_Tok], i: int, num: _Int | None, *, after_and: bool = False
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


def _read_decimal_words(toks: Sequence[_Tok], j: int) -> tuple[str, int] | None:
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
    toks: Sequence[_Tok], i: int, *, ratios: bool
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


def _plural_ordinal_at(toks: Sequence[_Tok], k: int) -> bool:
    if k < len(toks) and toks[k].low in ("-", "–"):
        k += 1
    od = _ordinal(toks[k].low) if k < len(toks) else None
    return od is not None and od[1]


_ORDINAL_TAILS = frozenset({
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
})


def _ordinal_follows(toks: Sequence[_Tok], end: int) -> bool:
    """A unit ordinal joined right after a tens word: "twenty-first", "thirty second"."""
    k = end
    if k < len(toks) and toks[k].low in ("-", "–") and toks[k].joined:
        k += 1
    return k < len(toks) and toks[k].joined and toks[k].low in _ORDINAL_TAILS and (
        toks[end - 1].low in TENS)


def _fraction_scale(toks: Sequence[_Tok], value: float, end: int) -> tuple[float, int, float]:
    """"two thirds of a million", "three quarters billion": a fraction of a scale."""
    n = len(toks)
    k = end
    if _next_is(toks, k, {"of"}) and _next_is(toks, k + 1, {"a", "an"}):
        k += 2
    if k < n and toks[k].joined and toks[k].low in BIG_SCALES:
        scale = BIG_SCALES[toks[k].low]
        return value * scale, k + 1, scale
    return value, end, 1.0


def _read_and_fraction(toks: Sequence[_Tok], j: int) -> tuple[float, int, float] | None:
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


def _read_ratio(toks: Sequence[_Tok], j: int, *, ratios: bool) -> tuple[float, int] | None:
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


class _Tokens(Sequence[_Tok]):
    """The word tokens of a text, each made the first time a reader looks at it.

    The grammar reads forward from a few starting tokens ("two", "a",
    digits), so most tokens of a news text are never looked at: making a
    ``_Tok`` for each was most of the cost of reading a text.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.matches = list(_TOKEN.finditer(text))
        self._made: dict[int, _Tok] = {}

    def __len__(self) -> int:
        return len(self.matches)

    @overload
    def __getitem__(self, k: int) -> _Tok: ...

    @overload
    def __getitem__(self, k: slice) -> Sequence[_Tok]: ...

    def __getitem__(self, k: int | slice) -> _Tok | Sequence[_Tok]:
        if isinstance(k, slice):
            return [self[j] for j in range(*k.indices(len(self)))]
        if k < 0:
            k += len(self.matches)
        made = self._made.get(k)
        if made is None:
            m = self.matches[k]  # IndexError past either end, as a list
            joined = k > 0 and bool(_JOIN_GAP.fullmatch(self.text[self.matches[k - 1].end() : m.start()]))
            made = self._made[k] = _Tok(m.group().lower(), m.start(), m.end(), joined)
        return made

    def starters(self) -> list[int]:
        """Indexes of the tokens a spelled number may start at: number words, "a", "half"..., digits."""
        return [k for k, m in enumerate(self.matches) if m.group()[0].isdigit() or m.group().lower() in _STARTERS]


_STARTERS = frozenset({
    *SMALL_NUMBERS, *TENS, *ZERO_WORDS, *SIGN_WORDS, "a", "an", "half", "quarter",
})


def word_matches(text: str, *, ratios: bool = False) -> list[NumberMatch]:
    """Spelled-out numbers ("two hundred and five", "three fifths", "five point two")."""
    toks = _Tokens(text)
    out: list[NumberMatch] = []
    read_to = 0  # the tokens before it are in a number already read
    for i in toks.starters():
        if i < read_to or _glued_left(text, toks[i]):
            continue
        read = _read_spelled(toks, i, ratios=ratios)
        if read is None:
            continue
        value, end, scale, is_fraction = read
        s, e = toks[i].start, toks[end - 1].end
        kind: NumberKind = "fraction" if is_fraction else "words"
        out.append(NumberMatch(s, e, text[s:e], kind, value, scale=scale))
        read_to = end
    for m in _HALF_SCALE.finditer(text):
        size = 12.0 if m.group(1).lower() == "dozen" else SCALE_WORDS[m.group(1).lower()]
        out.append(NumberMatch(m.start(), m.end(), m.group(), "words", size / 2, scale=size))
    for m in _HALF_UNIT.finditer(text):
        out.append(NumberMatch(m.start(), m.end(), m.group(), "words", 0.5))
    return out


def _glued_left(text: str, t: _Tok) -> bool:
    """The token continues a word or figure on its left ("x-one", "A1")."""
    if t.start == 0:
        return False
    prev = text[t.start - 1]
    return prev.isalnum() or prev in "._/"
