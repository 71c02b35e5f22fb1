"""The unit written with a figure: from the unit table, with quantulum3 as a guarded fallback.

A unit is only ever something written in the text, right after the figure
(or a currency before it).  quantulum3 is asked lazily, on a small window,
only when the next word looks like an abbreviation, and its answer is kept
only when it maps to a unit of the table.
"""

from __future__ import annotations

import functools
import importlib.resources
import json
import re
import warnings
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from factcheck.claims import QuantityClaim
from factcheck.extraction.quantities.figure import Figure
from factcheck.extraction.quantities.lexicon import (
    BRACKETED_UNIT,
    CURRENCY_BY_COUNTRY,
    INDEX_LEVEL_VERBS,
    INDEX_NAMES,
    NEXT_WORD,
    QUANTULUM_UNITS,
    UnitGap,
    unit_at_start,
)
from factcheck.extraction.quantities.numbers import parse_number


def with_unit(fig: Figure, text: str) -> Figure:
    """Attach the unit written right after the figure, if any (currency may be before)."""
    if fig.unit is not None and fig.dimension == "currency":
        found = lexicon_unit(text, fig.end)
        if found is not None and found[2] == "currency" and found[1] == fig.unit:
            return replace(fig, end=found[0])
        return fig
    of_unit = _OF_A_UNIT.match(text, fig.end)
    if of_unit is not None and fig.num.kind in ("vague", "fraction"):
        found = lexicon_unit(text, of_unit.end(), words=True)
        if found is not None and found[2] not in ("currency", "percent"):
            # "thousands of tonnes", "one-tenth of a second": the amount is in that unit
            end, unit, dimension = found
            value = fig.num.value if fig.num.kind == "fraction" else None
            low, high = (value, value) if value is not None else (fig.low, fig.high)
            return replace(fig, end=end, unit=unit, dimension=dimension, unit_start=fig.end,
                           value=value, low=low, high=high)
    if fig.unit is not None:
        return fig
    found = lexicon_unit(text, fig.end, words=fig.num.kind == "words",
                          money=fig.num.scale >= 1e6)
    if found is None and fig.num.kind == "digits":
        found = _quantulum_unit(text, fig)
    if found is None:
        return fig
    end, unit, dimension = found
    fig = replace(fig, end=end, unit=unit, dimension=dimension, unit_start=fig.end)
    if dimension == "temperature":
        sign = _MINUS_BEFORE.search(text, max(0, fig.start - 2), fig.start)
        if sign is not None and fig.value is not None:  # "-18 °C": only temperatures go negative
            value = -fig.value
            fig = replace(fig, start=sign.start(1), value=value, low=value, high=value)
    return fig


@functools.cache
def _country_patterns(shared: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(rf"\b(?:{words})\b"), code) for words, code in CURRENCY_BY_COUNTRY[shared])


def regional_currencies(claims: list[QuantityClaim], text: str) -> list[QuantityClaim]:
    """Settle a currency word several countries share ("crowns") by the country the source names.

    The country named most often in the source decides; with no country, or
    a tie, the claim keeps the shared name ("crown"), which compares only
    with itself.
    """
    shared = {c.unit for c in claims if c.unit in CURRENCY_BY_COUNTRY}
    if not shared:
        return claims
    settled: dict[str, str] = {}
    for name in shared:
        counts = sorted(
            ((len(pattern.findall(text)), code) for pattern, code in _country_patterns(name)), reverse=True
        )
        if counts[0][0] > 0 and (len(counts) == 1 or counts[0][0] > counts[1][0]):
            settled[name] = counts[0][1]
    return [
        c.model_copy(update={"unit": settled[c.unit]}) if c.unit in settled else c for c in claims
    ]


QUAKE_NOUNS = frozenset({"quake", "earthquake", "tremor", "aftershock", "temblor", "magnitude"})


def quake_magnitudes(claims: list[QuantityClaim]) -> list[QuantityClaim]:
    """ "A 6.9-magnitude quake", "the magnitude 6.4 quake", "a 6.9 earthquake": a magnitude, not a count of quakes."""
    return [
        c.model_copy(update={"unit": "magnitude", "dimension": "magnitude", "noun_lemma": None})
        if c.unit is None and c.value is not None and 0 < c.value < 10 and c.noun_lemma in QUAKE_NOUNS
        and (c.value != int(c.value) or "magnitude" in c.sentence.lower())
        else c
        for c in claims
    ]


def index_levels(claims: list[QuantityClaim]) -> list[QuantityClaim]:
    """A bare figure a market index closes or stands at is in points ("the FTSE 100 closed at 7,412.50").

    Only a figure with no unit and nothing counted but the index itself,
    whose verb moves or places the index: "the index has 30 members" is a count.
    """
    return [c.model_copy(update={"unit": "point", "dimension": "points"}) if _is_index_level(c) else c for c in claims]


_CAPITALISED_RUN = re.compile(r"[A-Z][\w&]*(?:\s+[A-Z0-9][\w&.]*)*")


def _last_name_before(c: QuantityClaim) -> str:
    """The last capitalised name written before the figure in its sentence ("Nikkei 225" in
    "The Nikkei 225 closed down 0.7% at 38,460.08"), or "" if another name comes between."""
    runs = _CAPITALISED_RUN.findall(c.sentence[: max(0, c.start - c.sentence_start)])
    return runs[-1] if runs else ""


def _is_index_level(c: QuantityClaim) -> bool:
    if c.unit is not None or c.value is None or c.attribute is not None or c.predicate not in INDEX_LEVEL_VERBS:
        return False  # the cheap tests first: most figures stop here, before the sentence is scanned
    counted = c.noun_lemma is None or c.noun_lemma in ("index", "average") or INDEX_NAMES.search(c.noun or "")
    named = " ".join(w for w in (c.holder, c.noun, _last_name_before(c) if c.noun is None else None) if w)
    return bool(counted and INDEX_NAMES.search(named))


_OF_A_UNIT = re.compile(r"\s+of(?:\s+an?)?(?=\s)", re.IGNORECASE)
RANGE_PARTNER = re.compile(r"\s*(?:-|–|—|to)\s*([0-9][0-9,]*)(?![0-9])")
OF_AFTER = re.compile(r"\s+of\b", re.IGNORECASE)
_MINUS_BEFORE = re.compile(r"(?:^|(?<=[\s(]))([-−])$")
_SUBUNIT = re.compile(
    r"(?:\s+and)?\s+(?P<n>[0-9]{1,2}|[a-z]+(?:[\s-][a-z]+)?)(?:\s+(?P<u>cents?|pence|p))?"
    r"(?=\s*(?:[.,;!?)]|$))",
    re.IGNORECASE,
)
_INCHES = re.compile(r"(?:\s+and)?\s+(?P<n>[0-9]{1,2}(?:\.[0-9]+)?)\s?(?:inch(?:es)?|in\b|\")")
_MAJOR_CURRENCIES = frozenset({"USD", "EUR", "GBP", "CAD", "AUD", "NZD", "HKD", "CHF"})


def with_subunit(fig: Figure, text: str) -> Figure:
    """"3 dollars 50 cents", "thirteen dollars and forty-five cents": cents join the amount.

    Only after a currency that has cents, only for 1..99, and only when the
    phrase ends there (so "5 dollars and 3 people" is left alone).  Likewise
    inches after feet ("5 ft 2 in", "6 feet and 1 inch").
    """
    if fig.unit == "ft" and fig.value is not None:
        inch = _INCHES.match(text, fig.end)
        if inch is not None and float(inch.group("n")) < 12:
            value = fig.value + float(inch.group("n")) / 12
            return replace(fig, end=inch.end(), value=value, low=value, high=value)
        return fig
    if fig.unit not in _MAJOR_CURRENCIES or fig.value is None or fig.num.scale != 1:
        return fig
    m = _SUBUNIT.match(text, fig.end)
    if m is None:
        return fig
    if m.group("u") is None and re.match(r"(?i)an?\s", m.group("n")):
        return fig  # "4.10 euros a dozen" is a price per dozen, not 4.22 euros
    cents = parse_number(m.group("n"))
    if cents is None or cents != int(cents) or not 1 <= cents <= 99:
        return fig
    value = fig.value + cents / 100
    return replace(fig, end=m.end(), value=value, low=value, high=value)


_SI_PREFIXES = {"kilo": "k", "mega": "M", "giga": "G", "tera": "T"}


def _unit_name(written: str, dimension: str) -> str:
    """Name of a unit whose pattern has none: codes ("usd" -> "USD"), SI symbols as written
    ("MWh"), spelled SI units as symbols ("megawatt hours" -> "MWh")."""
    if dimension == "currency":
        code = written.upper()
        return "CNY" if code == "RMB" else code
    m = re.fullmatch(r"(kilo|mega|giga|tera)?watt([\s-]?hours?)?s?", written, re.IGNORECASE)
    if m is not None:
        prefix = _SI_PREFIXES.get((m.group(1) or "").lower(), "")
        return f"{prefix}W{'h' if m.group(2) else ''}"
    return written


def lexicon_unit(
    text: str, pos: int, *, words: bool = False, money: bool = False
) -> tuple[int, str, str] | None:
    """``(end, unit, dimension)`` of a unit written at ``pos``, after a space or hyphen.

    "pounds" is a weight, unless ``money`` (a figure in millions or more:
    "361 million pounds" is sterling).
    """
    rest = text[pos:pos + 40]
    bracket = BRACKETED_UNIT.match(rest)
    if bracket is not None:  # "20 (kg)", "20 [kg]": a unit in brackets right after
        unit_text = next(g for g in bracket.groups() if g)
        inner = lexicon_unit(unit_text, 0, words=words, money=money)
        if inner is not None and inner[0] == len(unit_text):
            return pos + bracket.end(), inner[1], inner[2]
    spaced: UnitGap = "space after words" if words else "space"
    gaps: tuple[tuple[str, UnitGap], ...] = (("-", "hyphen"), (" ", spaced), ("\u00a0", spaced), ("", "none"))
    for gap, kind in gaps:
        if gap and not rest.startswith(gap):
            continue
        if not gap and words:
            continue
        found = unit_at_start(rest[len(gap) :], kind)
        if found is not None:
            up, written = found
            unit = up.unit or _unit_name(written, up.dimension)
            if up.unit == "lb" and money:
                unit, dimension = "GBP", "currency"  # "361 million pounds"
                return pos + len(gap) + len(written), unit, dimension
            return pos + len(gap) + len(written), unit, up.dimension
    return None


@functools.cache
def _quantulum_parser() -> Callable[[str], list[Any]]:
    """quantulum3's parser, imported on first use (the import costs about two seconds)."""
    with warnings.catch_warnings():
        # quantulum3 warns on import that its optional classifier is missing; we never use it.
        warnings.filterwarnings("ignore", message="Classifier dependencies not installed")
        from quantulum3 import parser  # deliberately lazy, see docstring

    parse: Callable[[str], list[Any]] = parser.parse
    return parse


@functools.cache
def _quantulum_openings() -> tuple[frozenset[str], tuple[str, ...]] | None:
    """How the units we accept from quantulum3 can be written: (one-word forms, longer phrases), lower-cased.

    Read from quantulum3's own unit files: each surface ("hectare", "degree
    celsius"), each symbol ("€", "hrs") and each accepted name.  Symbols of
    one letter ("a" for annum, "d" for day) and quote marks (minutes and
    seconds of arc) are left out: after a figure they are nearly always a
    word, an initial or the end of a quotation.  None when the files cannot
    be read.
    """
    try:
        root = importlib.resources.files("quantulum3")
        data: dict[str, Any] = {}
        for part in ("units.json", "_lang/en_US/units.json"):
            data.update(json.loads(root.joinpath(part).read_text(encoding="utf-8")))
    except (OSError, ValueError, ModuleNotFoundError):
        return None
    forms = set(QUANTULUM_UNITS)
    for name in QUANTULUM_UNITS:
        entry = data.get(name, {})
        forms.update(entry.get("surfaces", []))
        forms.update(x for x in entry.get("symbols", []) if not _UNWORTHY_SYMBOL.fullmatch(x))
    lowered = {" ".join(form.lower().split()) for form in forms if form.strip()}
    return frozenset(f for f in lowered if " " not in f), tuple(sorted(f for f in lowered if " " in f))


_UNWORTHY_SYMBOL = re.compile(r"[A-Za-z]|['\"′″]+")


def _may_open_unit(after: str) -> bool:
    """The text after a figure starts with a form of a unit quantulum3 could give; True if its data is unreadable.

    Only then is quantulum3 worth asking: on real news nearly every other
    call found nothing, and the first call costs seconds of imports
    (inflect, typeguard).
    """
    openings = _quantulum_openings()
    if openings is None:
        return True
    words, phrases = openings
    parts = after.lower().split()[:4]
    if not parts:
        return False
    first = parts[0].rstrip(".,;:)")
    forms = [first]
    if first.isalpha() and len(first) > 3:
        forms += [first.removesuffix("s"), first.removesuffix("es")]  # plurals: "hectares", "miles per hour"
    if any(form in words for form in forms):
        return True
    texts = [" ".join([form, *parts[1:]]) for form in forms]
    return any(text.startswith(phrase) for text in texts for phrase in phrases)


def _quantulum_unit(text: str, fig: Figure) -> tuple[int, str, str] | None:
    """Ask quantulum3 about a short window after the figure, for unit spellings we lack.

    Only when the next word looks like a symbol or abbreviation (short, or not
    purely lowercase letters), and can open one of the units we accept: a
    counted noun ("troops") is never a unit.
    """
    nxt = NEXT_WORD.match(text[fig.end:fig.end + 30])
    if nxt is None:
        return None
    word = nxt.group(1).rstrip(".,;:)")
    if not word or (word.isalpha() and word.islower() and len(word) > 3) or word[0].isdigit():
        return None
    if not _may_open_unit(text[fig.end : fig.end + 60]):
        return None
    window_end = min(len(text), fig.end + nxt.end())
    window = text[fig.num.start:window_end]
    try:
        quantities = _quantulum_parser()(window)
    except Exception:  # quantulum3 raises assorted errors on odd input
        return None
    for q in quantities:
        mapped = QUANTULUM_UNITS.get(str(q.unit.name))
        span_start, span_end = q.span
        if mapped is None or span_start > 1:
            continue
        unit_surface = window[fig.end - fig.num.start:span_end].strip(" -")
        if len(unit_surface) >= 2 or (unit_surface and not unit_surface.isalnum()):
            return fig.num.start + span_end, mapped[0], mapped[1]
    return None
