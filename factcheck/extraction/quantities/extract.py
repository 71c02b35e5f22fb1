"""Quantity claims: every figure of a source, read as a typed interval.

Sources rarely disagree about a figure outright; they disagree in how they
hedge it ("more than 100,000" vs "about 100,000" vs "tens of thousands").  So
each figure becomes an interval (``low``/``high`` with inclusiveness) plus the
qualifier that produced it, the unit, the counted noun and the event it counts
(killed, deployed ...), which is what lets a later stage decide whether two
figures talk about the same thing and whether their intervals are compatible.

How it works: ``numbers.find_numbers`` finds the figures with a regex pass over
the whole text (cheap, offsets exact); this module then drops what is not a
quantity (dates, years, times, phone numbers, names such as "G7", pronominal
"one"), joins ranges, reads the approximator in front, the unit after, and the
counted noun and event from spaCy's dependency parse.

Units come from ``UNIT_PATTERNS``, a closed list of real unit words and symbols
matched right after the figure: a unit is only ever something written in the
text.  quantulum3 is consulted lazily as a fallback, only on a small window
after the figure and only when the next word looks like an abbreviation rather
than a counted noun; its answer is kept only when it maps to one of the
normalized units below (it reads "three key demands" as exa-years and "$4.5bn"
as "dollar barn newton", hence the guard).

Fractions ("two-thirds of the troops") are reported in percent (66.67), so that
"half of" and "50%" compare directly.

Comparisons are qualifiers too: "greater than or equal to 50", ">= 30",
"exceeding 150", "5000 or more"; a lower and an upper bound joined by "and"
or "but" become one interval ("more than 10 and less than 20" is (10, 20)).
Amounts with a sub-unit are joined ("3 dollars 50 cents" is 3.50 USD, "5 feet
2 inches" is 5.17 ft), a bare figure listed before one with a unit shares it
("45 and 50 mg"), and a minus sign is read only before a temperature
("-18 °C"): elsewhere a hyphen before a figure is a dash.
"""

from __future__ import annotations

import functools
import re
import warnings
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from spacy.tokens import Doc, Span, Token

from factcheck.calendar_words import MONTHS, WEEKDAY_NAMES
from factcheck.claims import Qualifier, QuantityClaim
from factcheck.extraction.doc_index import doc_text, sentence_of
from factcheck.extraction.quantities.numbers import NumberMatch, find_numbers, parse_number

# ----------------------------------------------------------------------------- tables

QUALIFIER_PREFIXES: dict[str, Qualifier] = {
    "about": "approximate", "around": "approximate", "some": "approximate",
    "roughly": "approximate", "approximately": "approximate", "approx.": "approximate",
    "an estimated": "approximate", "estimated": "approximate", "circa": "approximate",
    "more than": "more_than", "over": "more_than", "upwards of": "more_than",
    "above": "more_than", "in excess of": "more_than", "just over": "more_than",
    "well over": "more_than", "greater than": "more_than", "well above": "more_than",
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "not less than": "at_least", "a minimum of": "at_least",
    "fewer than": "less_than", "less than": "less_than", "under": "less_than",
    "below": "less_than", "well under": "less_than", "well below": "less_than",
    "up to": "at_most", "at most": "at_most", "no more than": "at_most",
    "not more than": "at_most", "a maximum of": "at_most", "as many as": "at_most",
    "nearly": "nearly", "almost": "nearly", "just under": "nearly", "close to": "nearly",
    "just below": "nearly", "just shy of": "nearly",
    "larger than": "more_than", "bigger than": "more_than", "higher than": "more_than",
    "exceeding": "more_than", "exceeds": "more_than", "exceed": "more_than",
    "surpassing": "more_than", "surpass": "more_than",
    "smaller than": "less_than", "lower than": "less_than",
    "equal to": "exact", "equals": "exact", "equals to": "exact", "equaling to": "exact",
    "equalling": "exact", "equaling": "exact",
}
"""Approximators and comparisons written before a figure, and the qualifier each means."""
for _cmp, _q in (("more", "at_least"), ("greater", "at_least"), ("larger", "at_least"),
                 ("bigger", "at_least"), ("higher", "at_least"), ("less", "at_most"),
                 ("fewer", "at_most"), ("smaller", "at_most"), ("lower", "at_most")):
    # "greater than or equal to", "less or equal than", "equal to or more than"
    QUALIFIER_PREFIXES[f"{_cmp} than or equal to"] = _q  # type: ignore[assignment]
    QUALIFIER_PREFIXES[f"{_cmp} or equal than"] = _q  # type: ignore[assignment]
    QUALIFIER_PREFIXES[f"{_cmp} or equal to"] = _q  # type: ignore[assignment]
    QUALIFIER_PREFIXES[f"equal to or {_cmp} than"] = _q  # type: ignore[assignment]
QUALIFIER_PREFIXES["at least or equal to"] = "at_least"
QUALIFIER_PREFIXES["at most or equal to"] = "at_most"

SYMBOL_QUALIFIERS: dict[str, Qualifier] = {
    ">": "more_than", ">=": "at_least", "≥": "at_least",
    "<": "less_than", "<=": "at_most", "≤": "at_most",
}
"""Comparison signs before a figure ("> 30", "<= 100")."""

QUALIFIER_SUFFIXES: dict[str, Qualifier] = {
    "or more": "at_least", "or so": "approximate", "plus": "at_least", "+": "at_least",
    "or fewer": "at_most", "or less": "at_most", "or greater": "at_least",
    "or higher": "at_least", "or above": "at_least", "or over": "at_least",
    "and more": "at_least", "and above": "at_least", "and over": "at_least",
    "or lower": "at_most", "or below": "at_most", "or under": "at_most",
    "and less": "at_most", "and fewer": "at_most", "and below": "at_most",
}
"""Qualifiers written after a figure.  "or equal (to)" after "more than X" makes it
"at least X" (see ``_with_qualifiers``)."""
_LOWER_BOUNDS = frozenset({"more_than", "at_least"})
_UPPER_BOUNDS = frozenset({"less_than", "at_most"})

EVENT_VERBS = frozenset({
    "kill", "die", "injure", "wound", "hurt", "miss", "displace", "evacuate", "arrest",
    "detain", "deploy", "mass", "amass", "station", "concentrate", "send", "rescue",
})
"""Casualty and deployment predicates whose counts the checks compare."""

NOUN_EVENTS: dict[str, str] = {
    "death": "die", "fatality": "die", "dead": "die", "injury": "injure",
    "injured": "injure", "wounded": "injure", "arrest": "arrest", "evacuee": "evacuate",
    "missing": "miss", "displaced": "displace",
}
"""Nouns and adjectives that name the event themselves ("12 deaths", "30 injured")."""

TOTAL_VERBS = frozenset({"number", "total", "reach", "stand", "rise", "climb", "hit", "be"})
"""Verbs that state the size of their subject ("troops numbering 100,000")."""

CHANGE_VERBS = frozenset({
    "rise", "fall", "increase", "decrease", "grow", "drop", "climb", "decline", "jump",
    "reduce", "cut", "raise", "go", "soar", "plunge", "slip", "surge", "double", "shrink",
})
"""With these, "from X to Y" is a change between two figures, not a range."""

NAME_ENTITY_LABELS = frozenset({
    "ORG", "PRODUCT", "FAC", "LAW", "EVENT", "WORK_OF_ART", "PERSON", "GPE", "LOC", "NORP",
})
LABEL_NOUNS = frozenset({
    "article", "resolution", "chapter", "section", "paragraph", "clause", "flight", "route",
    "highway", "room", "no", "no.", "number", "page", "gate", "platform", "track", "line",
    "building", "block", "zone", "terminal", "channel", "season", "episode", "level",
    "phase", "stage", "round", "grade", "category", "act", "amendment", "protocol", "item",
    "version", "model", "series", "type", "exit", "road", "street", "avenue", "regulation",
    "decree", "directive", "annex", "appendix", "figure", "table", "step", "point", "group",
})
"""Words after which a number is a label ("Article 5", "Flight 17"), not an amount."""

WEEKDAY_WORDS = frozenset(name.lower() for name in WEEKDAY_NAMES)
"""Weekdays written in full: "Sat" and "Wed" are too often something else next to a figure."""
TEMPORAL_WORDS = frozenset({
    "year", "years", "day", "days", "week", "weeks", "month", "months", "decade", "decades",
    "century", "ago", "today", "yesterday", "tomorrow", "morning", "night", "evening",
    "afternoon", "noon", "midnight", "weekend", "spring", "summer", "autumn", "fall",
    "winter", "quarter", "season", "am", "pm", "a.m", "p.m", "o'clock", "gmt", "utc", "hour",
    "hours", "minute", "minutes", "tonight", "last", "next", "this", "early", "late", "mid",
})
"""Words that make a DATE/TIME entity a real date or time (see ``_in_temporal_entity``)."""
PRONOMINAL_ONE_BEFORE = frozenset({
    "no", "the", "this", "that", "any", "every", "each", "which", "another", "some", "such",
})
IDIOMATIC_ONE_NOUNS = frozenset({
    "day", "time", "point", "way", "side", "hand", "thing", "another", "other", "morning",
    "night", "evening", "moment", "step", "reason", "example", "instance", "part", "end",
    "option", "kind", "sort", "form", "aspect", "question", "issue",
})
"""Nouns after which "one" is idiomatic ("one day", "at one point"), not a count."""


@dataclass(frozen=True)
class UnitPattern:
    """A unit as it may be written, the normalized name and what it measures."""

    pattern: re.Pattern[str]
    unit: str
    dimension: str
    hyphen_ok: bool = False
    symbol: bool = False
    """A bare letter symbol ("m", "t", "L"): only right after digits, never after words."""


def _u(
    regex: str, unit: str, dimension: str, *, hyphen: bool = False, case: bool = False,
    symbol: bool = False,
) -> UnitPattern:
    """Compile one unit spelling; case-sensitive only for codes and one-letter symbols."""
    flags = 0 if case or symbol else re.IGNORECASE
    tail = r"(?![\w²])(?!-\w)" if symbol else r"(?![\w²])"
    return UnitPattern(re.compile(rf"(?:{regex}){tail}", flags), unit, dimension, hyphen, symbol)


_LONG = r"(?:re|er)s?"
UNIT_PATTERNS: tuple[UnitPattern, ...] = (
    _u(r"percentage[\s-]+points?", "percentage point", "percent", hyphen=True),
    _u(r"%", "percent", "percent"),
    _u(r"per[\s-]?cents?|percents?|percentage|pct", "percent", "percent", hyphen=True),
    _u(r"(?:square|sq\.?)\s+(?:kilomet(?:re|er)s?|km)|km2|km²|km\^2|km\s+squared", "km2", "area",
       hyphen=True),
    _u(r"cubic\s+(?:kilomet(?:re|er)s?|km)|km3|km³|km\^3|km\s+cubed", "km3", "volume",
       hyphen=True),
    _u(rf"(?:square|sq\.?)\s+(?:met{_LONG}|m)|m2|m²", "m2", "area", hyphen=True),
    _u(r"(?:square|sq\.?)\s+(?:miles?|mi)", "mile2", "area", hyphen=True),
    _u(r"hectares?|ha", "hectare", "area"),
    _u(r"acres?", "acre", "area", hyphen=True),
    _u(r"(?:kilomet(?:re|er)s?|km)\s*(?:/|per\s+|an\s+)\s*(?:h|hr|hour)|kph|kmh|kmph|km/h",
       "km/h", "speed", hyphen=True),
    _u(r"mph|miles\s+(?:per|an)\s+hour", "mph", "speed", hyphen=True),
    _u(r"cubic\s+(?:feet|foot|ft)|cu\.?\s?ft", "ft3", "volume", hyphen=True),
    _u(rf"cubic\s+met{_LONG}|m3|m³", "m3", "volume", hyphen=True),
    _u(r"kilomet(?:re|er)s?|kms?", "km", "length", hyphen=True),
    _u(r"miles?", "mile", "length", hyphen=True),
    _u(rf"centimet{_LONG}|cm", "cm", "length", hyphen=True),
    _u(rf"millimet{_LONG}|mm", "mm", "length", hyphen=True),
    _u(rf"decimet{_LONG}|dm", "dm", "length", hyphen=True),
    _u(rf"nanomet{_LONG}|nm", "nm", "length", hyphen=True),
    _u(rf"picomet{_LONG}", "pm", "length", hyphen=True),
    _u(rf"met{_LONG}", "m", "length", hyphen=True),
    _u(r"m", "m", "length", symbol=True),
    _u(r"mi", "mile", "length", symbol=True),
    _u(r"feet|foot|ft", "ft", "length", hyphen=True),
    _u(r"inch(?:es)?", "inch", "length", hyphen=True),
    _u(r"in(?=\s*(?:[.,;)]|$))", "inch", "length", symbol=True),
    _u(r"yards?|yds?", "yard", "length", hyphen=True),
    _u(r"kilo(?:gram)?s?|kilogrammes?|kg", "kg", "mass", hyphen=True),
    _u(r"(?:metric\s+)?(?:tonnes?|tons?)", "tonne", "mass", hyphen=True),
    _u(r"t", "tonne", "mass", symbol=True),
    _u(r"micro(?:gram|gramme)s?|[µμ]g|mcg|ug", "ug", "mass", hyphen=True),
    _u(r"milli(?:gram|gramme)s?|mg", "mg", "mass", hyphen=True),
    _u(r"(?:gram|gramme)s?", "g", "mass", hyphen=True),
    _u(r"g", "g", "mass", symbol=True),
    _u(r"pounds?|lbs?", "lb", "mass", hyphen=True),
    _u(r"ounces?|oz", "oz", "mass", hyphen=True),
    _u(rf"millilit{_LONG}|ml", "ml", "volume", hyphen=True),
    _u(rf"centilit{_LONG}|cl", "cl", "volume", hyphen=True),
    _u(rf"lit{_LONG}", "litre", "volume", hyphen=True),
    _u(r"l|L", "litre", "volume", symbol=True),
    _u(r"gallons?", "gallon", "volume", hyphen=True),
    _u(r"barrels?|bbl", "barrel", "volume", hyphen=True),
    _u(r"tablespoons?|tbsp", "tbsp", "volume", hyphen=True),
    _u(r"teaspoons?|tsp", "tsp", "volume", hyphen=True),
    _u(r"cups?", "cup", "volume", hyphen=True),
    _u(r"kilobytes?|KB|kB", "kB", "information", hyphen=True, case=True),
    _u(r"megabytes?|MB", "MB", "information", hyphen=True, case=True),
    _u(r"gigabytes?|GB", "GB", "information", hyphen=True, case=True),
    _u(r"terabytes?|TB", "TB", "information", hyphen=True, case=True),
    _u(r"exabytes?|EB", "EB", "information", hyphen=True, case=True),
    _u(r"megabits?|Mb|mb", "Mbit", "information", hyphen=True, case=True),
    _u(r"bytes?", "byte", "information", hyphen=True),
    _u(r"bits?", "bit", "information", hyphen=True),
    _u(r"radians?|rad", "rad", "angle"),
    _u(r"[kMGT]?Wh", "", "energy", case=True),
    _u(r"[kMGT]?W", "", "power", symbol=True),
    _u(r"(?:kilo|mega|giga|tera)?watt[\s-]?hours?", "", "energy", hyphen=True),
    _u(r"(?:kilo|mega|giga|tera)?watts?", "", "power", hyphen=True),
    _u(r"[kMGT]?Hz", "", "frequency", case=True),
    _u(r"[kMGT]?eV", "", "energy", case=True),
    _u(r"pm", "pm", "length", symbol=True),
    _u(r"(?:degrees?\s+)?(?:Celsius|centigrade)|°\s?C|degrees?\s+C", "degC", "temperature"),
    _u(r"(?:degrees?\s+)?Fahrenheit|°\s?F|degrees?\s+F", "degF", "temperature"),
    _u(r"hours?|hrs?", "hour", "duration", hyphen=True),
    _u(r"minutes?|mins?", "minute", "duration", hyphen=True),
    _u(r"seconds?|secs?", "second", "duration", hyphen=True),
    _u(r"days?", "day", "duration", hyphen=True),
    _u(r"weeks?", "week", "duration", hyphen=True),
    _u(r"months?", "month", "duration", hyphen=True),
    _u(r"years?|yrs?", "year", "duration", hyphen=True),
    _u(r"canadian\s+dollars?", "CAD", "currency"),
    _u(r"australian\s+dollars?", "AUD", "currency"),
    _u(r"hong\s+kong\s+dollars?", "HKD", "currency"),
    _u(r"new\s+zealand\s+dollars?", "NZD", "currency"),
    _u(r"(?:US\s+|U\.S\.\s+|American\s+)?dollars?", "USD", "currency", hyphen=True),
    _u(r"euros?", "EUR", "currency", hyphen=True),
    _u(r"pounds?\s+sterling|sterling", "GBP", "currency"),
    _u(r"(?:japanese\s+)?yen", "JPY", "currency", hyphen=True),
    _u(r"(?:chinese\s+)?(?:yuan|renminbi)|rmb|元", "CNY", "currency"),
    _u(r"(?:russian\s+)?r(?:o)?ubles?", "RUB", "currency"),
    _u(r"hryvn(?:i|y)as?", "UAH", "currency"),
    _u(r"swiss\s+francs?", "CHF", "currency"),
    _u(r"francs?", "FRF", "currency", hyphen=True),
    _u(r"(?:finnish\s+)?markkas?", "FIM", "currency"),
    _u(r"pesetas?", "ESP", "currency"),
    _u(r"(?:dutch\s+)?guilders?", "NLG", "currency"),
    _u(r"(?:turkish\s+)?liras?", "TRY", "currency"),
    _u(r"(?:indian\s+)?rupees?", "INR", "currency"),
    _u(r"bitcoins?|BTC", "BTC", "currency"),
    _u(r"satoshis?", "satoshi", "currency"),
    _u(r"cents?|¢", "cent", "currency", hyphen=True),
    _u(r"pence|penny|pennies", "penny", "currency", hyphen=True),
    _u(r"dimes?", "dime", "currency"),
    _u(r"₡", "CRC", "currency"),
    _u(r"₾", "GEL", "currency"),
    _u(r"₭", "LAK", "currency"),
    _u(r"₹", "INR", "currency"),
    _u(r"USD|EUR|GBP|JPY|CNY|RUB|UAH|CAD|AUD|CHF|INR|HKD|NZD|MXN|TRY", "", "currency",
       case=True),
    _u(r"usd|eur|gbp|cad|aud|chf|inr|hkd|nzd|mxn", "", "currency", case=True),
)
"""Real unit words and symbols, most specific first.  A unit code's own text is its name."""

QUANTULUM_UNITS: dict[str, tuple[str, str]] = {
    "kilometre": ("km", "length"), "mile": ("mile", "length"), "metre": ("m", "length"),
    "kilogram": ("kg", "mass"), "tonne": ("tonne", "mass"),
    "square kilometre": ("km2", "area"), "hectare": ("hectare", "area"),
    "mile per hour": ("mph", "speed"), "kilometre per hour": ("km/h", "speed"),
    "degree Celsius": ("degC", "temperature"), "degree fahrenheit": ("degF", "temperature"),
    "hour": ("hour", "duration"), "minute": ("minute", "duration"),
    "second": ("second", "duration"), "day": ("day", "duration"),
    "week": ("week", "duration"), "month": ("month", "duration"),
    "year": ("year", "duration"), "percentage": ("percent", "percent"),
    "dollar": ("USD", "currency"), "united states dollar": ("USD", "currency"),
    "euro": ("EUR", "currency"), "pound sterling": ("GBP", "currency"),
    "japanese yen": ("JPY", "currency"), "chinese yuan": ("CNY", "currency"),
    "russian ruble": ("RUB", "currency"), "ukrainian hryvnia": ("UAH", "currency"),
}
"""quantulum3 unit names we accept, mapped to the normalized names."""

_PREFIX_RE = re.compile(
    r"(?<![\w.])(?P<q>"
    + "|".join(re.escape(k).replace(r"\ ", r"\s+")
               for k in sorted(QUALIFIER_PREFIXES, key=len, reverse=True))
    + r")\s+$",
    re.IGNORECASE,
)
_SUFFIX_RE = re.compile(
    r"^(?:\s+(?:or|and)\s+(?:more|so|fewer|less|greater|higher|above|over|lower|below|under)"
    r"(?:\s+than)?|-?plus|\+)(?![\w])",
    re.IGNORECASE,
)
_OR_EQUAL_RE = re.compile(r"^\s+or\s+equal(?:\s+to)?(?![\w])", re.IGNORECASE)
_SYMBOL_PREFIX_RE = re.compile(r"(?<![<>=])(?P<q>[<>]\s?=|[<>≤≥])\s*$")
_NUMBER_AHEAD = re.compile(
    r"\s*(?:[0-9$€£]|(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|"
    r"forty|fifty|sixty|seventy|eighty|ninety|hundred)\b)",
    re.IGNORECASE,
)
_LIST_JOIN = re.compile(r"^\s*(?:and|or)\s*$", re.IGNORECASE)
_BOUND_JOIN = re.compile(r"^\s*(?:,\s*)?(?:and|but|,)?\s*$", re.IGNORECASE)
_RANGE_SEP = re.compile(
    r"^\s*(?P<sep>-|–|—|~|to|and|or|through|thru)\s*$", re.IGNORECASE
)
_RANGE_LEAD = re.compile(r"(?<![\w])(?P<lead>between|from)\s+$", re.IGNORECASE)
_UNIT_GAP = re.compile(r"[ \u00a0]?")
_TIME_OF_DAY = re.compile(
    r"(?<![\w.,])\d{1,2}[:h]\d{2}(?::\d{2})?(?![\d])"
    r"|(?<![\w.,])\d{1,2}(?:[.:]\d{2})?\s*(?:a\.m\.|p\.m\.|am|pm|o'clock|GMT|UTC|CET|EET|MSK)(?![\w])"
    r"|(?<![\w.,])\d{4}\s*(?:GMT|UTC|hrs)(?![\w])",
    re.IGNORECASE,
)
_PHONE = re.compile(
    r"(?<![\w,.])(?:\+\d{1,3}[ .\-]?)?(?:\(\d{1,4}\)[ .\-]?)?\d{2,4}(?:[ .\-]\d{2,4}){1,4}(?![\w,])"
)
_BRACKETED_UNIT = re.compile(
    r" ?(?:\((?P<a>[^()\s]{1,6})\)|\[(?P<b>[^\[\]\s]{1,6})\]|\{(?P<c>[^{}\s]{1,6})\}"
    r"|<(?P<d>[^<>\s]{1,6})>)"
)
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_AGO = re.compile(r"^\s+(?:ago|earlier|before)\b", re.IGNORECASE)
_NEXT_WORD = re.compile(r"^[\s\-]*([^\s]+)")


# ----------------------------------------------------------------------------- figures


@dataclass(frozen=True)
class _Figure:
    """A number on its way to becoming a claim: span so far plus its reading."""

    num: NumberMatch
    start: int
    end: int
    value: float | None
    low: float | None
    high: float | None
    low_inclusive: bool
    high_inclusive: bool
    qualifier: Qualifier
    unit: str | None = None
    dimension: str | None = None
    unit_start: int | None = None


def extract_quantities(
    doc: Doc, source_id: str, exclude: Sequence[tuple[int, int]] = (), *, locale: str | None = None
) -> list[QuantityClaim]:
    """All quantity claims of a source, in text order.

    ``exclude`` holds the date expressions the date extractor found; numbers
    inside them belong to dates.  Offsets are into ``doc.text``.
    """
    text = doc_text(doc)
    blocked = [*exclude, *_pattern_blocks(text)]
    figures: list[_Figure] = []
    for num in find_numbers(text, locale, slash_fractions=True):
        if _overlaps(num.start, num.end, blocked):
            continue
        if figures and num.start < figures[-1].end:
            continue  # inside the previous figure's unit ("4km^3", "15 dollars 50")
        fig = _with_subunit(_with_unit(_initial_figure(num), text), text)
        if "/" in num.text and fig.unit is None and not _OF_AFTER.match(text, num.end):
            continue  # "3/4" alone may be a date; "1/4 mile", "1/40 of" are amounts
        if not _is_quantity(doc, fig, text):
            continue
        figures.append(fig)
    figures = _shared_units(_join_ranges(doc, figures, text), text)
    figures = _join_bounds([_with_qualifiers(fig, text) for fig in figures], text)
    claims: list[QuantityClaim] = []
    for fig in figures:
        claim = _claim(doc, fig, source_id, locale)
        if claim is not None:
            claims.append(claim)
    return claims


def _pattern_blocks(text: str) -> list[tuple[int, int]]:
    """Spans that are times of day, phone numbers or web addresses, found by shape alone."""
    spans = [(m.start(), m.end()) for m in _TIME_OF_DAY.finditer(text)]
    spans.extend((m.start(), m.end()) for m in _URL.finditer(text))
    for m in _PHONE.finditer(text):
        digits = sum(c.isdigit() for c in m.group())
        looks_phone = m.group().startswith(("+", "(")) or m.group().count("-") >= 1
        if re.fullmatch(r"\d+-\d+", m.group()) and not re.fullmatch(r"\d{3}-\d{4}", m.group()):
            looks_phone = False  # "1000-5000" is a range; "555-1234" a local number
        if digits >= 7 and looks_phone:
            spans.append((m.start(), m.end()))
    return spans


def _overlaps(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def _initial_figure(num: NumberMatch) -> _Figure:
    """The reading of a bare number: exact, vague range, or a fraction in percent."""
    if num.kind == "vague":
        return _Figure(num, num.start, num.end, None, num.low, num.high,
                       num.low_inclusive, num.high_inclusive, "vague")
    value = num.value
    unit = dimension = None
    if num.kind == "fraction" and value is not None:
        value = round(value * 100, 2)
        unit, dimension = "percent", "percent"
    if num.currency:
        unit, dimension = num.currency, "currency"
    return _Figure(num, num.start, num.end, value, value, value, True, True, "exact",
                   unit, dimension)


# ----------------------------------------------------------------------------- units


def _with_unit(fig: _Figure, text: str) -> _Figure:
    """Attach the unit written right after the figure, if any (currency may be before)."""
    if fig.unit is not None and fig.dimension == "currency":
        found = _lexicon_unit(text, fig.end)
        if found is not None and found[2] == "currency" and found[1] == fig.unit:
            return replace(fig, end=found[0])
        return fig
    if fig.unit is not None:
        return fig
    found = _lexicon_unit(text, fig.end, words=fig.num.kind == "words",
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


_RANGE_PARTNER = re.compile(r"\s*(?:-|–|—|to)\s*([0-9][0-9,]*)(?![0-9])")
_OF_AFTER = re.compile(r"\s+of\b", re.IGNORECASE)
_MINUS_BEFORE = re.compile(r"(?:^|(?<=[\s(]))([-−])$")
_SUBUNIT = re.compile(
    r"(?:\s+and)?\s+(?P<n>[0-9]{1,2}|[a-z]+(?:[\s-][a-z]+)?)(?:\s+(?P<u>cents?|pence|p))?"
    r"(?=\s*(?:[.,;!?)]|$))",
    re.IGNORECASE,
)
_INCHES = re.compile(r"(?:\s+and)?\s+(?P<n>[0-9]{1,2}(?:\.[0-9]+)?)\s?(?:inch(?:es)?|in\b|\")")
_MAJOR_CURRENCIES = frozenset({"USD", "EUR", "GBP", "CAD", "AUD", "NZD", "HKD", "CHF"})


def _with_subunit(fig: _Figure, text: str) -> _Figure:
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


def _lexicon_unit(
    text: str, pos: int, *, words: bool = False, money: bool = False
) -> tuple[int, str, str] | None:
    """``(end, unit, dimension)`` of a unit written at ``pos``, after a space or hyphen.

    "pounds" is a weight, unless ``money`` (a figure in millions or more:
    "361 million pounds" is sterling).
    """
    rest = text[pos:pos + 40]
    bracket = _BRACKETED_UNIT.match(rest)
    if bracket is not None:  # "20 (kg)", "20 [kg]": a unit in brackets right after
        unit_text = next(g for g in bracket.groups() if g)
        inner = _lexicon_unit(unit_text, 0, words=words, money=money)
        if inner is not None and inner[0] == len(unit_text):
            return pos + bracket.end(), inner[1], inner[2]
    for gap in ("-", " ", "\u00a0", ""):
        if gap and not rest.startswith(gap):
            continue
        if not gap and words:
            continue
        body = rest[len(gap):]
        for up in UNIT_PATTERNS:
            if gap == "-" and not up.hyphen_ok:
                continue
            if up.symbol and (words or gap == "-"):
                continue
            m = up.pattern.match(body)
            if m is not None:
                unit = up.unit or _unit_name(m.group(), up.dimension)
                if up.unit == "lb" and money:
                    unit, dimension = "GBP", "currency"  # "361 million pounds"
                    return pos + len(gap) + m.end(), unit, dimension
                return pos + len(gap) + m.end(), unit, up.dimension
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


def _quantulum_unit(text: str, fig: _Figure) -> tuple[int, str, str] | None:
    """Ask quantulum3 about a short window after the figure, for unit spellings we lack.

    Only when the next word looks like a symbol or abbreviation (short, or not
    purely lowercase letters): a counted noun ("troops") is never a unit.
    """
    nxt = _NEXT_WORD.match(text[fig.end:fig.end + 30])
    if nxt is None:
        return None
    word = nxt.group(1).rstrip(".,;:)")
    if not word or (word.isalpha() and word.islower() and len(word) > 3) or word[0].isdigit():
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


# ----------------------------------------------------------------------------- filters


def _tokens(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _is_quantity(doc: Doc, fig: _Figure, text: str) -> bool:
    """False for numbers that are dates, years, times, names or pronominal "one"."""
    span = _tokens(doc, fig.num.start, fig.num.end)
    if span is None or len(span) == 0:
        return False
    tail = text[fig.num.end:fig.num.end + 30]
    if fig.num.kind == "words" and re.match(r"^-[A-Za-z]", tail) and fig.unit is None:
        return False  # "one-sided", "two-way": a compound adjective, not an amount
    duration = fig.dimension == "duration"
    if fig.dimension is None and _in_temporal_entity(span, fig):
        return False
    if duration and _AGO.match(text[fig.end:fig.end + 20]):
        return False
    if _in_name_entity(span, fig):
        return False
    if _is_label_or_name(doc, span, fig):
        return False
    if _is_calendar_day(span, fig, text):
        return False
    if (fig.num.kind == "words" and fig.num.text.lower() == "one" and fig.unit is None
            and _is_pronominal_one(span[0])):
        return False
    return not _is_year(span, fig, text)


def _in_temporal_entity(span: Span, fig: _Figure) -> bool:
    """The number is part of a DATE/TIME entity that really is a date or a time.

    The small model over-labels: "between 10 and 15" or the "40" of "on 12 March
    40 tanks" come out as DATE.  So the entity must hold a temporal word besides
    the number, and a number that counts a plural noun is kept regardless.
    """
    for tok in span:
        if tok.ent_type_ not in ("DATE", "TIME"):
            continue
        if any(c in tok.text for c in ":"):
            return True
        ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
        if ent is None:
            continue
        temporal = any(
            _is_temporal_word(other) for other in ent
            if other.idx >= fig.num.end or other.idx + len(other) <= fig.num.start
        )
        if temporal or re.fullmatch(r"[12]\d{3}", fig.num.text):
            noun = _noun_after(span[-1])
            return noun is None or noun.tag_ not in ("NNS", "NNPS") or _is_temporal_word(noun)
    return False


def _is_temporal_word(tok: Token) -> bool:
    low = tok.lower_.rstrip(".")
    return (
        low in MONTHS or low in WEEKDAY_WORDS or low in TEMPORAL_WORDS
        or bool(re.fullmatch(r"[12]\d{3}s?", low))
    )


def _in_name_entity(span: Span, fig: _Figure) -> bool:
    """The number sits in a name-like entity that also holds a capitalized word ("Boeing 737").

    A lone figure the NER labelled PRODUCT ("300k") is still a figure.
    """
    for tok in span:
        if tok.ent_type_ not in NAME_ENTITY_LABELS:
            continue
        ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
        if ent is None:
            continue
        for other in ent:
            outside = other.idx >= fig.num.end or other.idx + len(other) <= fig.num.start
            if outside and other.is_alpha and other.text[:1].isupper():
                return True
    return False


def _is_label_or_name(doc: Doc, span: Span, fig: _Figure) -> bool:
    """"Boeing 737", "Article 5", "Nord Stream 2", "Smith, 45,": part of a name."""
    if span.start == 0 or fig.num.currency or fig.unit is not None:
        return False  # a figure with a unit is a measure ("Core i7 2.80 GHz")
    prev = doc[span.start - 1]
    if prev.lower_ in LABEL_NOUNS and prev.whitespace_ != "":
        return True
    if prev.text == "," and span.start >= 2:
        before = doc[span.start - 2]
        after = doc[span.end] if span.end < len(doc) else None
        return before.pos_ == "PROPN" and after is not None and after.text == ","
    return (
        prev.pos_ == "PROPN"
        and prev.text[:1].isupper()
        and not prev.is_stop
        and prev.lower_ not in MONTHS
        and prev.lower_ not in WEEKDAY_WORDS
        and prev.lower_ not in {k.split()[-1] for k in QUALIFIER_PREFIXES}
    )


def _is_calendar_day(span: Span, fig: _Figure, text: str) -> bool:
    """"Tuesday, 1", "March 3", "3 March": a day of the month the NER missed."""
    if fig.value is None or fig.value != int(fig.value) or not 1 <= fig.value <= 31:
        return False
    if fig.unit is not None or fig.num.kind != "digits":
        return False
    doc = span.doc
    i = span.start - 1
    if i >= 0 and doc[i].text == ",":
        i -= 1
    if i >= 0 and (doc[i].lower_ in MONTHS or doc[i].lower_ in WEEKDAY_WORDS):
        return True
    j = span.end
    if j < len(doc) and doc[j].text in {",", "of"}:
        j += 1
    return j < len(doc) and doc[j].lower_ in MONTHS and doc[j].text[:1].isupper()


def _is_pronominal_one(tok: Token) -> bool:
    """"one of them", "one nation's security", "no one", "one day": not the number 1."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is None or nxt.lower_ in {"of", "another"}:
        return True
    if tok.i > 0 and tok.nbor(-1).lower_ in PRONOMINAL_ONE_BEFORE:
        return True
    if tok.dep_ != "nummod" or tok.head.i <= tok.i:
        return True
    head = tok.head
    if head.dep_ == "poss" or any(c.dep_ == "case" for c in head.children):
        return True
    return head.lemma_.lower() in IDIOMATIC_ONE_NOUNS


def _is_year(span: Span, fig: _Figure, text: str) -> bool:
    """A bare four-digit figure from 1000 to 2199 is a year unless it counts plural things."""
    num = fig.num
    if num.kind != "digits" or num.currency or fig.unit or num.scale != 1:
        return False
    if not re.fullmatch(r"[12]\d{3}", num.text) or not 1000 <= (num.value or 0) <= 2199:
        return False
    if _PREFIX_RE.search(text[max(0, num.start - 30):num.start]):
        return False
    partner = _RANGE_PARTNER.match(text, num.end)
    if partner is not None and float(partner.group(1).replace(",", "")) > 2199:
        return False  # "1000-5000": a range whose other end is no year
    noun = _counted_noun(span[-1])
    return not (noun is not None and noun[1] and noun[0][-1].tag_ in {"NNS", "NNPS"})


# ----------------------------------------------------------------------------- ranges


def _join_ranges(doc: Doc, figures: list[_Figure], text: str) -> list[_Figure]:
    """Merge "between X and Y", "X to Y", "X-Y", "from X to Y", "two or three"."""
    out: list[_Figure] = []
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


def _range(doc: Doc, a: _Figure, b: _Figure, text: str) -> _Figure | None:
    """The range a..b if the text between them makes one, else None."""
    if "vague" in (a.qualifier, b.qualifier) or a.value is None or b.value is None:
        return None
    between = text[a.end:b.start]
    sep_m = _RANGE_SEP.match(between)
    if sep_m is None and between.startswith("-") and a.unit is None:
        sep_m = _RANGE_SEP.match(between[1:])  # "8- to 16-meter", "a 5- to 10-year term"
    if sep_m is None:
        return None
    sep = sep_m.group("sep").lower()
    lead_m = _RANGE_LEAD.search(text[max(0, a.start - 20):a.start])
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
    return _Figure(b.num, start, b.end, None, low, high, True, True, "range", unit, dim,
                   b.unit_start)


def _governing_lemma(doc: Doc, char: int) -> str | None:
    """Lemma of the first verb above the token at ``char``."""
    span = _tokens(doc, char, char + 1)
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


# ----------------------------------------------------------------------------- qualifiers


def _with_qualifiers(fig: _Figure, text: str) -> _Figure:
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
    m = _PREFIX_RE.search(before)
    prefix_q: Qualifier | None = None
    prefix_len = 0
    if m is not None:
        prefix_q = QUALIFIER_PREFIXES[re.sub(r"\s+", " ", m.group("q").lower())]
        prefix_len = len(m.group())
    else:
        sm = _SYMBOL_PREFIX_RE.search(before)
        if sm is not None:
            prefix_q = SYMBOL_QUALIFIERS[re.sub(r"\s+", "", sm.group("q"))]
            prefix_len = len(sm.group())
    after = text[fig.end:fig.end + 30]
    eq = _OR_EQUAL_RE.match(after)
    if eq is not None and prefix_q in ("more_than", "less_than") and not _NUMBER_AHEAD.match(
            text, fig.end + eq.end()):
        qual: Qualifier = "at_least" if prefix_q == "more_than" else "at_most"
        fig = replace(fig, start=fig.start - prefix_len, end=fig.end + eq.end())
        return _bounded(fig, qual)
    s = _SUFFIX_RE.match(after)
    if s is not None and not _NUMBER_AHEAD.match(text, fig.end + s.end()):
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


def _shared_units(figures: list[_Figure], text: str) -> list[_Figure]:
    """"45 and 50 mg": a bare figure listed right before one with a unit shares that unit."""
    out = list(figures)
    for i in range(len(out) - 2, -1, -1):
        a, b = out[i], out[i + 1]
        if (a.unit is None and b.unit is not None and b.dimension not in ("currency", "percent")
                and a.qualifier == "exact" and a.num.kind in ("digits", "words")
                and _LIST_JOIN.match(text[a.end:b.start])):
            out[i] = replace(a, unit=b.unit, dimension=b.dimension)
    return out


def _join_bounds(figures: list[_Figure], text: str) -> list[_Figure]:
    """"more than 10 and less than 20": a lower and an upper bound make one interval."""
    out: list[_Figure] = []
    i = 0
    while i < len(figures):
        a = figures[i]
        b = figures[i + 1] if i + 1 < len(figures) else None
        if b is not None and _BOUND_JOIN.match(text[a.end:b.start]):
            pair = (a, b) if a.qualifier in _LOWER_BOUNDS else (b, a)
            lo, hi = pair
            same_unit = a.unit is None or b.unit is None or a.unit == b.unit
            if (lo.qualifier in _LOWER_BOUNDS and hi.qualifier in _UPPER_BOUNDS and same_unit
                    and lo.low is not None and hi.high is not None and lo.low < hi.high):
                unit, dim = (b.unit, b.dimension) if b.unit is not None else (a.unit, a.dimension)
                out.append(_Figure(b.num, a.start, b.end, None, lo.low, hi.high,
                                   lo.low_inclusive, hi.high_inclusive, "range", unit, dim,
                                   b.unit_start))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _bounded(fig: _Figure, qual: Qualifier) -> _Figure:
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


# ----------------------------------------------------------------------------- nouns & events


def _is_unit_token(tok: Token) -> bool:
    return any(up.pattern.fullmatch(tok.text) for up in UNIT_PATTERNS)


def _noun_tokens(head: Token, after: int) -> list[Token]:
    """The noun as written: its compound modifiers (after index ``after``) and itself."""
    first = head.i
    for child in sorted(head.lefts, key=lambda t: -t.i):
        adjacent = child.i == first - 1 and child.i > after
        if child.dep_ == "compound" and adjacent and not child.like_num:
            first = child.i
    return list(head.doc[first:head.i + 1])


def _counted_noun(tok: Token, skip_until: int = -1) -> tuple[list[Token], bool] | None:
    """What the number token counts, and whether that noun follows it in the text.

    Tokens before ``skip_until`` (the figure's own "or more", "-plus") do not
    count as material between number and noun.
    """
    noun = _noun_after(tok, skip_until)
    if noun is not None:
        return _noun_tokens(noun, tok.i), True
    of_noun = _of_object(tok)
    if of_noun is not None:
        return _noun_tokens(of_noun, tok.i), True
    owner = _noun_owning(tok)
    if owner is not None:
        return _noun_tokens(owner, -1), False
    return None


def _noun_after(tok: Token, skip_until: int = -1) -> Token | None:
    """The head noun a number modifies ("100,000 Russian troops", "100,000-strong force")."""
    h = tok
    for _ in range(3):
        if h.dep_ not in {"nummod", "quantmod", "compound", "amod", "advmod", "nmod"}:
            break
        if h.head.i <= h.i or h.head.i - tok.i > 6:
            break
        h = h.head
        if h.pos_ in ("NOUN", "PROPN") and not _is_unit_token(h):
            return h if _plain_modifiers_between(tok, h, skip_until) else None
        if h.pos_ not in ("ADJ", "NUM", "ADV", "SYM"):
            break
    nxt = tok.i + 1
    doc = tok.doc
    while nxt < len(doc) and doc[nxt].idx < skip_until:
        nxt += 1  # past the figure's own "-plus" / "or more"
    while nxt < len(doc) and doc[nxt].pos_ == "ADJ" and nxt - tok.i <= 2:
        nxt += 1
    if nxt < len(doc) and doc[nxt].tag_ in ("NNS", "NNPS") and not _is_unit_token(doc[nxt]):
        return doc[nxt]
    return None


def _plain_modifiers_between(tok: Token, noun: Token, skip_until: int = -1) -> bool:
    """Only adjectives, nouns and hyphens between number and noun: "100,000 Russian troops".

    A verb or conjunction in between means the parse attached the number to
    the wrong noun ("injured 30 and damaged homes").
    """
    blocked = {"VERB", "AUX", "CCONJ", "ADP", "PRON", "DET", "PART", "SCONJ", "NUM"}
    between = [t for t in tok.doc[tok.i + 1:noun.i] if t.idx >= skip_until]
    return not any(t.pos_ in blocked or t.like_num for t in between)


def _of_object(tok: Token) -> Token | None:
    """"dozens of people", "12 of the victims": the object of the number's "of"."""
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.pos_ in ("NOUN", "PROPN"):
                    between = tok.doc[tok.i + 1:obj.i]
                    if not any(t.like_num for t in between):
                        return obj
    return None


def _noun_owning(tok: Token) -> Token | None:
    """The noun whose size the number states: "a toll of 1,200", "troops numbering 100,000"."""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in ("NOUN", "PROPN"):
        return head.head
    verb = head
    if tok.dep_ == "pobj" and head.lower_ in ("to", "at"):
        verb = head.head
    elif tok.dep_ not in ("dobj", "attr", "npadvmod"):
        return None
    if verb.pos_ not in ("VERB", "AUX") or str(verb.lemma_).lower() not in TOTAL_VERBS:
        return None
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ in ("NOUN", "PROPN"):
            return child
    return None


def _event(anchor: Token, noun: list[Token] | None, claim_start: int) -> str | None:
    """The casualty/deployment event the figure counts, if the sentence names one."""
    if noun:
        for t in noun:
            mapped = NOUN_EVENTS.get(str(t.lemma_).lower()) or NOUN_EVENTS.get(t.lower_)
            if mapped:
                return mapped
        if noun[-1].lower_ == "toll" and any(c.lower_ == "death" for c in noun[-1].children):
            return "die"
        for child in noun[-1].children:
            if child.dep_ in ("acl", "amod") and child.i > noun[-1].i:
                lemma = str(child.lemma_).lower()
                if lemma in EVENT_VERBS:
                    return lemma
                if child.lower_ in NOUN_EVENTS:
                    return NOUN_EVENTS[child.lower_]
    doc = anchor.doc
    nxt = anchor.i + 1
    if nxt < len(doc) and doc[nxt].lower_ in NOUN_EVENTS and doc[nxt].pos_ in ("ADJ", "NOUN"):
        return NOUN_EVENTS[doc[nxt].lower_]
    return _governing_event(anchor, claim_start)


def _governing_event(anchor: Token, claim_start: int) -> str | None:
    """Lemma of the first verb above ``anchor`` when it is an event verb (or its complement)."""
    tok = anchor
    for _ in range(4):
        if tok.head.i == tok.i:
            break
        if tok.dep_ == "pobj" and tok.head.idx < claim_start:
            break  # "after a five-hour meeting": an adverbial, not what the verb counts
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            lemma = str(tok.lemma_).lower()
            if lemma in EVENT_VERBS:
                return lemma
            for child in tok.children:
                linked = child.dep_ in ("xcomp", "acomp", "oprd", "conj")
                if linked and child.pos_ in ("VERB", "ADJ"):
                    c_lemma = str(child.lemma_).lower()
                    if c_lemma in EVENT_VERBS:
                        return c_lemma
                    if child.lower_ in NOUN_EVENTS:
                        return NOUN_EVENTS[child.lower_]
            return None
    return None


# ----------------------------------------------------------------------------- claims


def _claim(doc: Doc, fig: _Figure, source_id: str, locale: str | None) -> QuantityClaim | None:
    """Assemble the claim: counted noun, event, final span and sentence."""
    span = _tokens(doc, fig.num.start, fig.num.end)
    if span is None or len(span) == 0:
        return None
    num_tok = span[-1]
    if fig.unit is not None and fig.unit_start is not None:
        unit_span = _tokens(doc, fig.unit_start, fig.end)
        anchor = unit_span[-1] if unit_span is not None and len(unit_span) else num_tok
    else:
        anchor = num_tok
    found = _counted_noun(anchor, fig.end)
    noun_toks, follows = found if found is not None else (None, False)
    start, end = fig.start, fig.end
    if fig.unit is None and noun_toks and follows:
        noun_end = noun_toks[-1].idx + len(noun_toks[-1])
        if noun_end > end and "\n" not in doc_text(doc)[end:noun_end]:
            end = noun_end
    fig = _thousands_reading(fig, noun_toks)
    sent = sentence_of(num_tok)
    return QuantityClaim(
        source=source_id, start=start, end=end, text=doc_text(doc)[start:end],
        sentence=sent.text, sentence_start=sent.start_char,
        value=fig.value, qualifier=fig.qualifier, low=fig.low, high=fig.high,
        low_inclusive=fig.low_inclusive, high_inclusive=fig.high_inclusive,
        unit=fig.unit, dimension=fig.dimension,
        noun=_text_of(noun_toks) if noun_toks else None,
        noun_lemma=str(noun_toks[-1].lemma_).lower() if noun_toks else None,
        event=_event(noun_toks[-1] if noun_toks else anchor, noun_toks, start),
    )


def _text_of(tokens: list[Token]) -> str:
    """The source text from the first token to the end of the last."""
    return doc_text(tokens[0].doc)[tokens[0].idx : tokens[-1].idx + len(tokens[-1])]


def _thousands_reading(fig: _Figure, noun: list[Token] | None) -> _Figure:
    """Switch "100.000" to 100000 when it counts plural things (see ``numbers``)."""
    alt = fig.num.thousands_value
    if alt is None or fig.unit is not None or not noun or noun[-1].tag_ not in ("NNS", "NNPS"):
        return fig
    if fig.qualifier == "range":
        return fig
    factor = alt / fig.num.value if fig.num.value else 1.0

    def scale(v: float | None) -> float | None:
        return None if v is None else v * factor

    return replace(fig, value=scale(fig.value), low=scale(fig.low), high=scale(fig.high))
