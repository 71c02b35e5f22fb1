"""A figure's bounds: ranges ("10 to 20"), the qualifier in front ("more than", "about"), and
bounds joined into one interval ("more than 10 and less than 20")."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from factcheck.claims import Qualifier
from factcheck.extraction.quantities.figure import Figure
from factcheck.extraction.quantities.filters import tokens
from factcheck.extraction.quantities.lexicon import (
    BOUND_JOIN,
    CHANGE_VERBS,
    LIST_JOIN,
    LOWER_BOUNDS,
    NUMBER_AHEAD,
    OR_EQUAL_RE,
    PREFIX_RE,
    QUALIFIER_PREFIXES,
    QUALIFIER_SUFFIXES,
    RANGE_LEAD,
    RANGE_SEP,
    SUFFIX_RE,
    SYMBOL_PREFIX_RE,
    SYMBOL_QUALIFIERS,
    UPPER_BOUNDS,
)


def join_ranges(doc: Doc, figures: list[Figure], text: str) -> list[Figure]:
    """Merge "between X and Y", "X to Y", "X-Y", "from X to Y", "two or three"."""
    out: list[Figure] = []
    i = 0
    while i < len(figures):
        a = figures[i]
        if i + 1 < len(figures):
            merged = _range(doc, a, figures[i + 1], text)
            if merged is not None:
                out.append(merged)
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _range(doc: Doc, a: Figure, b: Figure, text: str) -> Figure | None:
    """The range a..b if the text between them makes one, else None."""
    if "vague" in (a.qualifier, b.qualifier) or a.value is None or b.value is None:
        return None
    between = text[a.end:b.start]
    sep_m = RANGE_SEP.match(between)
    if sep_m is None and between.startswith("-") and a.unit is None:
        sep_m = RANGE_SEP.match(between[1:])  # "8- to 16-meter", "a 5- to 10-year term"
    if sep_m is None:
        return None
    sep = sep_m.group("sep").lower()
    lead_m = RANGE_LEAD.search(text[max(0, a.start - 20):a.start])
    lead = lead_m.group("lead").lower() if lead_m else None
    if sep == "and" and lead != "between":
        return None
    if sep in ("to", "-", "–", "—") and _governing_lemma(doc, a.num.start) in CHANGE_VERBS:
        return None
    low, high = a.value, b.value
    if low > high and high < 0 and a.num.scale == b.num.scale:
        low, high = high, low  # "from -18 °C to -34 °C"
    if a.num.scale == 1 and b.num.scale > 1 and b.num.unscaled is not None and low < b.num.unscaled:
        low *= b.num.scale
    if not low < high:
        return None
    if a.unit is not None and b.unit is not None and a.unit != b.unit:
        return None
    unit, dim = (b.unit, b.dimension) if b.unit is not None else (a.unit, a.dimension)
    start = a.start - len(lead_m.group()) if lead_m else a.start
    return Figure(b.num, start, b.end, None, low, high, True, True, "range", unit, dim,
                   b.unit_start)


def _governing_lemma(doc: Doc, char: int) -> str | None:
    """Lemma of the first verb above the token at ``char``."""
    span = tokens(doc, char, char + 1)
    if span is None:
        return None
    tok = span[0]
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") and tok.i != span[0].i:
            return str(tok.lemma_).lower()
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return str(tok.lemma_).lower() if tok.pos_ in ("VERB", "AUX") else None


def with_qualifiers(fig: Figure, text: str) -> Figure:
    """Apply the qualifier before the figure and/or "or more"/"-plus" after it.

    A comparison in front is the stronger statement, except that "or equal
    (to)" after "more/less than X" widens it to "at least/at most X", and a
    bound after the figure beats a mere approximator or "equal to" in front
    ("about 500 or more" is at least 500).  A suffix followed by another figure
    ("5000 or less than 6000") belongs to that figure.
    """
    if fig.qualifier in ("vague", "range") or fig.value is None:
        return fig
    before = text[max(0, fig.start - 40):fig.start]
    m = PREFIX_RE.search(before)
    prefix_q: Qualifier | None = None
    prefix_len = 0
    if m is not None:
        prefix_q = QUALIFIER_PREFIXES[re.sub(r"\s+", " ", m.group("q").lower())]
        prefix_len = len(m.group())
    else:
        sm = SYMBOL_PREFIX_RE.search(before)
        if sm is not None:
            prefix_q = SYMBOL_QUALIFIERS[re.sub(r"\s+", "", sm.group("q"))]
            prefix_len = len(sm.group())
    after = text[fig.end:fig.end + 30]
    eq = OR_EQUAL_RE.match(after)
    if eq is not None and prefix_q in ("more_than", "less_than") and not NUMBER_AHEAD.match(
            text, fig.end + eq.end()):
        qual: Qualifier = "at_least" if prefix_q == "more_than" else "at_most"
        fig = replace(fig, start=fig.start - prefix_len, end=fig.end + eq.end())
        return _bounded(fig, qual)
    s = SUFFIX_RE.match(after)
    if s is not None and not NUMBER_AHEAD.match(text, fig.end + s.end()):
        key = re.sub(r"\s+", " ", s.group().strip(" -").lower())
        key = key.removesuffix(" than")
        suffix_q = QUALIFIER_SUFFIXES.get(key)
        if suffix_q is not None:
            fig = replace(fig, end=fig.end + s.end())
            if prefix_q is None or (prefix_q in ("exact", "approximate") and suffix_q != "approximate"):
                if prefix_q == "exact":
                    fig = replace(fig, start=fig.start - prefix_len)
                return _bounded(fig, suffix_q)
            fig = _bounded(fig, suffix_q)
    if prefix_q is not None:
        fig = _bounded(replace(fig, start=fig.start - prefix_len), prefix_q)
    return fig


def shared_units(figures: list[Figure], text: str) -> list[Figure]:
    """"45 and 50 mg": a bare figure listed right before one with a unit shares that unit."""
    out = list(figures)
    for i in range(len(out) - 2, -1, -1):
        a, b = out[i], out[i + 1]
        if (a.unit is None and b.unit is not None and b.dimension not in ("currency", "percent")
                and a.qualifier == "exact" and a.num.kind in ("digits", "words")
                and LIST_JOIN.match(text[a.end:b.start])):
            out[i] = replace(a, unit=b.unit, dimension=b.dimension)
    return out


def join_bounds(figures: list[Figure], text: str) -> list[Figure]:
    """"more than 10 and less than 20": a lower and an upper bound make one interval."""
    out: list[Figure] = []
    i = 0
    while i < len(figures):
        a = figures[i]
        b = figures[i + 1] if i + 1 < len(figures) else None
        if b is not None and BOUND_JOIN.match(text[a.end:b.start]):
            pair = (a, b) if a.qualifier in LOWER_BOUNDS else (b, a)
            lo, hi = pair
            same_unit = a.unit is None or b.unit is None or a.unit == b.unit
            if (lo.qualifier in LOWER_BOUNDS and hi.qualifier in UPPER_BOUNDS and same_unit
                    and lo.low is not None and hi.high is not None and lo.low < hi.high):
                unit, dim = (b.unit, b.dimension) if b.unit is not None else (a.unit, a.dimension)
                out.append(Figure(b.num, a.start, b.end, None, lo.low, hi.high,
                                   lo.low_inclusive, hi.high_inclusive, "range", unit, dim,
                                   b.unit_start))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _bounded(fig: Figure, qual: Qualifier) -> Figure:
    """Bounds for a single figure under ``qual`` (the public contract)."""
    x = fig.value
    bounds: dict[Qualifier, tuple[float | None, float | None, bool, bool]] = {
        "exact": (x, x, True, True),
        "approximate": (x, x, True, True),
        "more_than": (x, None, False, True),
        "at_least": (x, None, True, True),
        "less_than": (None, x, True, False),
        "at_most": (None, x, True, True),
        "nearly": (None, x, True, False),
    }
    low, high, lo_inc, hi_inc = bounds[qual]
    return replace(fig, qualifier=qual, low=low, high=high, low_inclusive=lo_inc,
                   high_inclusive=hi_inc)
