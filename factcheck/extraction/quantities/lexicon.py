"""Word tables and compiled patterns of the quantity extractor: qualifiers, events, units.

Kept apart from the logic so the tables can be read (and extended) at a
glance, and so every pattern is compiled once, at import.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Literal

from factcheck.calendar_words import WEEKDAY_NAMES
from factcheck.claims import Qualifier
from factcheck.extraction.quantities.number_words import ISO_CURRENCY_CODES

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
"at least X" (see ``with_qualifiers``)."""


LOWER_BOUNDS = frozenset({"more_than", "at_least"})
UPPER_BOUNDS = frozenset({"less_than", "at_most"})
EVENT_VERBS = frozenset({
    "kill", "die", "injure", "wound", "hurt", "miss", "displace", "evacuate", "arrest",
    "detain", "deploy", "mass", "amass", "station", "concentrate", "send", "rescue",
})
"""Casualty and deployment predicates whose counts the checks compare."""
PEOPLE_NOUNS = frozenset({
    "people", "person", "civilian", "soldier", "troop", "officer", "policeman", "policemen",
    "man", "men", "woman", "women", "child", "children", "worker", "miner", "passenger",
    "resident", "fighter", "militant", "crew", "crewman", "crewmen", "crewmember", "sailor",
    "marine", "firefighter", "student", "patient", "migrant", "refugee", "tourist", "pilgrim",
    "life", "citizen", "villager", "hostage", "climber", "diver", "fisherman", "fishermen",
})
"""Nouns for people: "lost seven soldiers" (or "lives") counts deaths, "lost seven seats" does not."""
INCLUDING_WORDS = frozenset({"include", "including", "among"})
"""Words that name a subgroup of the figure before them: "nine residents, including three children"."""
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
    "gain", "add", "advance", "slide", "lose", "shed", "lower", "sink", "tumble", "edge", "ease",
    "rebound", "widen", "narrow", "swell", "halve", "triple",
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
    glued_only: bool = False
    """Only glued to the digits ("35C"): spaced, the letter is too often something else."""


def _u(
    regex: str, unit: str, dimension: str, *, hyphen: bool = False, case: bool = False,
    symbol: bool = False, glued_only: bool = False,
) -> UnitPattern:
    """Compile one unit spelling; case-sensitive only for codes and one-letter symbols."""
    flags = 0 if case or symbol else re.IGNORECASE
    tail = r"(?![\w²])(?!-\w)" if symbol else r"(?![\w²])"
    return UnitPattern(re.compile(rf"(?:{regex}){tail}", flags), unit, dimension, hyphen, symbol, glued_only)


ISO_CURRENCY_ALT = "|".join(sorted(ISO_CURRENCY_CODES))

CURRENCY_BY_COUNTRY: dict[str, tuple[tuple[str, str], ...]] = {
    "crown": (
        (r"Denmark|Danish|Copenhagen|Danes?", "DKK"),
        (r"Sweden|Swedish|Stockholm|Swedes?", "SEK"),
        (r"Norway|Norwegians?|Oslo", "NOK"),
        (r"Iceland|Icelandic|Reykjav[ií]k", "ISK"),
        (r"Czech(?:ia)?|Prague", "CZK"),
    ),
}
"""Currency words several countries share, and the country words that settle which one a
source means ("254.60 crowns" in a report on a Copenhagen listing are Danish kroner)."""

INDEX_NAMES = re.compile(
    r"\b(?:(?i:ind(?:ex|ices|exes)|average)|FTSE|Dow|Nasdaq|S&P|Nikkei|DAX|CAC|Hang\s+Seng|Stoxx|STOXX|Kospi|KOSPI"
    r"|Sensex|SENSEX|Nifty|TSX|ASX|IBEX|Ibex|MIB|Topix|TOPIX|OMX|OMXC?\d+|Bovespa|Merval|SMI|AEX|BEL|PSI|ATX|WIG)\b"
)
"""What names a market index: a figure it closes or stands at is a level in points."""
INDEX_LEVEL_VERBS = frozenset({
    "close", "end", "finish", "open", "stand", "trade", "settle", "be", "rise", "fall", "gain", "lose",
    "drop", "climb", "jump", "slip", "slide", "add", "shed", "hit", "reach", "touch", "sink", "tumble",
    "plunge", "soar", "surge", "advance", "decline", "retreat", "rebound",
})

_LONG = r"(?:re|er)s?"
UNIT_PATTERNS: tuple[UnitPattern, ...] = (
    _u(r"percentage[\s-]+points?", "percentage point", "percent", hyphen=True),
    _u(r"%", "percent", "percent"),
    _u(r"basis[\s-]+points?|bps?\b|bips", "basis point", "percent", hyphen=True),
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
    _u(r"nautical\s+miles?|nmi", "nautical mile", "length", hyphen=True),
    _u(r"knots?|kts?", "knot", "speed", hyphen=True),
    _u(r"miles\s+per\s+gallon|mpg", "mpg", "fuel economy", hyphen=True),
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
    _u(r"horsepower|hp|bhp", "hp", "power", hyphen=True),
    _u(r"ksi", "ksi", "pressure"),
    _u(r"psi", "psi", "pressure"),
    _u(r"points?|pts?\.?(?=\s|$)", "point", "points"),
    _u(r"ppg", "point", "points"),
    _u(r"[kMGT]?Wh", "", "energy", case=True),
    _u(r"[kMGT]?W", "", "power", symbol=True),
    _u(r"(?:kilo|mega|giga|tera)?watt[\s-]?hours?", "", "energy", hyphen=True),
    _u(r"(?:kilo|mega|giga|tera)?watts?", "", "power", hyphen=True),
    _u(r"[kMGT]?Hz", "", "frequency", case=True),
    _u(r"[kMGT]?eV", "", "energy", case=True),
    _u(r"pm", "pm", "length", symbol=True),
    _u(r"(?:degrees?\s+)?(?:Celsius|centigrade)|°\s?C|degrees?\s+C", "degC", "temperature"),
    _u(r"(?:degrees?\s+)?Fahrenheit|°\s?F|degrees?\s+F", "degF", "temperature"),
    _u(r"C(?=\s*(?:[.,;:)]|$|\s(?:on|in|at|and|or|to|by|with|from|after|before|during)\b))", "degC",
       "temperature", symbol=True),
    _u(r"C", "degC", "temperature", symbol=True, glued_only=True),
    _u(r"F", "degF", "temperature", symbol=True, glued_only=True),
    _u(r"hours?|hrs?", "hour", "duration", hyphen=True),
    _u(r"minutes?|mins?", "minute", "duration", hyphen=True),
    _u(r"seconds?|secs?", "second", "duration", hyphen=True),
    _u(r"days?", "day", "duration", hyphen=True),
    _u(r"weeks?", "week", "duration", hyphen=True),
    _u(r"fortnights?", "fortnight", "duration", hyphen=True),
    _u(r"months?", "month", "duration", hyphen=True),
    _u(r"years?|yrs?", "year", "duration", hyphen=True),
    _u(r"canadian\s+dollars?", "CAD", "currency"),
    _u(r"australian\s+dollars?", "AUD", "currency"),
    _u(r"hong\s+kong\s+dollars?", "HKD", "currency"),
    _u(r"new\s+zealand\s+dollars?", "NZD", "currency"),
    _u(r"(?:US\s+|U\.S\.\s+|American\s+)?dollars?", "USD", "currency", hyphen=True),
    _u(r"euros?", "EUR", "currency", hyphen=True),
    _u(r"pounds?\s+sterling|sterling|stg", "GBP", "currency"),
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
    _u(r"danish\s+(?:crowns?|kroner|krone)", "DKK", "currency"),
    _u(r"norwegian\s+(?:crowns?|kroner|krone)", "NOK", "currency"),
    _u(r"swedish\s+(?:crowns?|kronor|krona)", "SEK", "currency"),
    _u(r"icelandic\s+(?:crowns?|kronur|krona)", "ISK", "currency"),
    _u(r"(?:czech\s+)?korun(?:a|y)|czech\s+crowns?", "CZK", "currency"),
    _u(r"crowns?|kron(?:e|a|er|or|ur)|kr\.?(?=\s|$)", "crown", "currency"),
    _u(r"(?:south\s+african\s+)?rand", "ZAR", "currency"),
    _u(r"(?:brazilian\s+)?reais|(?:brazilian\s+)?real", "BRL", "currency"),
    _u(r"ringgit", "MYR", "currency"),
    _u(r"(?:polish\s+)?zlot(?:y|ys|ies)", "PLN", "currency"),
    _u(r"(?:hungarian\s+)?forints?", "HUF", "currency"),
    _u(r"(?:israeli\s+)?shekels?", "ILS", "currency"),
    _u(r"(?:south\s+korean\s+)?won(?=\s*(?:[.,;)]|$|\s\(|\s(?:in|for|to|of|on|a|per|from|and|or|was|were|is|are)\b))",
       "KRW", "currency"),
    _u(r"bitcoins?|BTC", "BTC", "currency"),
    _u(r"satoshis?", "satoshi", "currency"),
    _u(r"cents?|¢", "cent", "currency", hyphen=True),
    _u(r"pence|penny|pennies", "penny", "currency", hyphen=True),
    _u(r"dimes?", "dime", "currency"),
    _u(r"₡", "CRC", "currency"),
    _u(r"₾", "GEL", "currency"),
    _u(r"₭", "LAK", "currency"),
    _u(r"₹", "INR", "currency"),
    _u(r"USD|EUR|GBP|JPY|CNY|RUB|UAH|CAD|AUD|CHF|INR|HKD|NZD|MXN|TRY|" + ISO_CURRENCY_ALT, "", "currency",
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
UnitGap = Literal["hyphen", "space", "space after words", "none"]
"""What comes between a figure and a unit: a hyphen ("5-km"), a space after digits ("5 km"), a
space after a spelled number ("five km", where a bare letter symbol is no unit), nothing ("5km")."""

_GAP_MARKS: dict[UnitGap, str] = {"hyphen": "\x01", "space": "\x02", "space after words": "\x03", "none": "\x04"}


def _allows(up: UnitPattern, gap: UnitGap) -> bool:
    if gap == "hyphen":
        return up.hyphen_ok and not up.symbol and not up.glued_only
    if gap == "space":
        return not up.glued_only
    if gap == "space after words":
        return not up.glued_only and not up.symbol
    return True


@functools.cache
def _units_in_order() -> re.Pattern[str]:
    """All of ``UNIT_PATTERNS`` as one regex: a gap's mark, then each pattern in turn (group ``u<k>``).

    Each pattern follows a class of the marks of the gaps it is allowed
    after, so matching a mark and a text tries, in order, just the patterns
    allowed there, and takes the first that matches, as a loop over them
    would; a mark needs no lookbehind to be harmless, and the patterns have
    none.  Compiled on first use (about 20 ms).
    """
    alternatives = []
    for k, up in enumerate(UNIT_PATTERNS):
        marks = "".join(mark for gap, mark in _GAP_MARKS.items() if _allows(up, gap))
        flags = "(?i:" if up.pattern.flags & re.IGNORECASE else "(?:"
        alternatives.append(f"[{marks}](?P<u{k}>{flags}{up.pattern.pattern}))")
    return re.compile("|".join(alternatives))


def unit_at_start(text: str, gap: UnitGap) -> tuple[UnitPattern, str] | None:
    """The first of ``UNIT_PATTERNS`` allowed after ``gap`` that matches at the start of ``text``, and its match."""
    m = _units_in_order().match(_GAP_MARKS[gap] + text)
    if m is None or m.lastgroup is None:
        return None
    return UNIT_PATTERNS[int(m.lastgroup[1:])], m.group(m.lastgroup)


def is_unit_text(text: str) -> bool:
    """Whether one of ``UNIT_PATTERNS`` matches the whole of ``text``."""
    return _units_in_order().fullmatch(_GAP_MARKS["none"] + text) is not None


PREFIX_RE = re.compile(
    r"(?<![\w.])(?P<q>"
    + "|".join(re.escape(k).replace(r"\ ", r"\s+")
               for k in sorted(QUALIFIER_PREFIXES, key=len, reverse=True))
    + r")\s+$",
    re.IGNORECASE,
)
SUFFIX_RE = re.compile(
    r"^(?:\s+(?:or|and)\s+(?:more|so|fewer|less|greater|higher|above|over|lower|below|under)"
    r"(?:\s+than)?|-?plus|\+)(?![\w])",
    re.IGNORECASE,
)
OR_EQUAL_RE = re.compile(r"^\s+or\s+equal(?:\s+to)?(?![\w])", re.IGNORECASE)
SYMBOL_PREFIX_RE = re.compile(r"(?<![<>=])(?P<q>[<>]\s?=|[<>≤≥])\s*$")
NUMBER_AHEAD = re.compile(
    r"\s*(?:[0-9$€£]|(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|"
    r"forty|fifty|sixty|seventy|eighty|ninety|hundred)\b)",
    re.IGNORECASE,
)
LIST_JOIN = re.compile(r"^\s*(?:and|or)\s*$", re.IGNORECASE)
BOUND_JOIN = re.compile(r"^\s*(?:,\s*)?(?:and|but|,)?\s*$", re.IGNORECASE)
RANGE_SEP = re.compile(
    r"^\s*(?P<sep>-|–|—|~|to|and|or|through|thru)\s*$", re.IGNORECASE
)
RANGE_LEAD = re.compile(r"(?<![\w])(?P<lead>between|from)\s+$", re.IGNORECASE)
_UNIT_GAP = re.compile(r"[ \u00a0]?")
TIME_OF_DAY = re.compile(
    r"(?<![\w.,])\d{1,2}[:h]\d{2}(?::\d{2})?(?![\d])"
    r"|(?<![\w.,])\d{1,2}(?:[.:]\d{2})?\s*(?:a\.m\.|p\.m\.|am|pm|o'clock|GMT|UTC|CET|EET|MSK)(?![\w])"
    r"|(?<![\w.,])\d{4}\s*(?:GMT|UTC|hrs)(?![\w])",
    re.IGNORECASE,
)
PHONE = re.compile(
    r"(?<![\w,.])(?:\+\d{1,3}[ .\-]?)?(?:\(\d{1,4}\)[ .\-]?)?\d{2,4}(?:[ .\-]\d{2,4}){1,4}(?![\w,])"
)
BRACKETED_UNIT = re.compile(
    r" ?(?:\((?P<a>[^()\s]{1,6})\)|\[(?P<b>[^\[\]\s]{1,6})\]|\{(?P<c>[^{}\s]{1,6})\}"
    r"|<(?P<d>[^<>\s]{1,6})>)"
)
URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
AGO = re.compile(r"^\s+ago\b", re.IGNORECASE)
""""three days ago" dates a day; "three days earlier" also says how long apart two events were."""
NEXT_WORD = re.compile(r"^[\s\-]*([^\s]+)")
