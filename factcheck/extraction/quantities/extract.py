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

import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from factcheck.claims import QuantityClaim, replaced
from factcheck.extraction.covered_text import CoveredText
from factcheck.extraction.doc_index import doc_text, sentence_of, span_text
from factcheck.extraction.quantities.bounds import join_bounds, join_ranges, shared_units, with_qualifiers
from factcheck.extraction.quantities.counted import counted_noun, event
from factcheck.extraction.quantities.figure import Figure
from factcheck.extraction.quantities.filters import is_quantity, tokens
from factcheck.extraction.quantities.frame import frame_of, same_clause_verb
from factcheck.extraction.quantities.lexicon import PHONE, TIME_OF_DAY, URL
from factcheck.extraction.quantities.number_words import NumberMatch
from factcheck.extraction.quantities.numbers import find_numbers, number_convention
from factcheck.extraction.quantities.units import (
    OF_AFTER,
    index_levels,
    lexicon_unit,
    quake_magnitudes,
    regional_currencies,
    with_subunit,
    with_unit,
)


def extract_quantities(
    doc: Doc,
    source_id: str,
    exclude: Sequence[tuple[int, int]] = (),
    *,
    locale: str | None = None,
    unread: Sequence[tuple[int, int]] = (),
) -> list[QuantityClaim]:
    """All quantity claims of a source, in text order.

    ``exclude`` holds the date expressions the date extractor read; numbers
    inside them belong to dates.  ``unread`` holds the spans the language
    model tagged as dates but the date extractor could not read ("those four
    months", "2.5bn a year", "rated at 9 ksi"): a figure there is kept when a
    unit follows it, since that is a measure the tagger took for a date.
    Offsets are into ``doc.text``.
    """
    text = doc_text(doc)
    if locale is None:
        locale = number_convention(text)
    pattern_blocks = _pattern_blocks(text)
    # Masks of the text, not lists: each test costs the figure's length, so a long source stays linear.
    blocked, dated, unread_dates = (CoveredText(len(text), spans) for spans in (pattern_blocks, exclude, unread))
    figures: list[Figure] = []
    range_starts: list[Figure] = []
    for num in find_numbers(text, locale, slash_fractions=True, exponents=True):
        if blocked.overlaps(num.start, num.end):
            continue
        if figures and num.start < figures[-1].end:
            continue  # inside the previous figure's unit ("4km^3", "15 dollars 50")
        if figures and _rate_denominator(num, figures[-1], text):
            continue
        fig = with_subunit(with_unit(_initial_figure(num), text), text)
        if dated.overlaps(num.start, num.end):
            continue
        if fig.unit is None and unread_dates.overlaps(num.start, num.end):
            range_starts.append(fig)
            continue
        if "/" in num.text and fig.unit is None and not OF_AFTER.match(text, num.end):
            continue  # "3/4" alone may be a date; "1/4 mile", "1/40 of" are amounts
        if not is_quantity(doc, fig, text):
            if fig.unit is None:
                range_starts.append(fig)
            continue
        figures.append(fig)
    figures.extend(_range_starts(range_starts, figures, text))
    figures.extend(_match_minutes(text, [*exclude, *pattern_blocks], figures))
    figures.extend(_single_offsets(text, figures))
    figures.sort(key=lambda f: f.start)
    figures = shared_units(join_ranges(doc, figures, text), text)
    figures = join_bounds([with_qualifiers(fig, text) for fig in figures], text)
    claims: list[QuantityClaim] = []
    changes: dict[int, list[tuple[int, bool]]] = {}
    previous: tuple[QuantityClaim, Token | None] | None = None
    for fig in figures:
        made = _claim(doc, fig, source_id, locale)
        if made is None:
            continue
        claim, verb, change_word, counted_after = made
        if previous is not None and _elided_noun(claim, verb, *previous):
            claim = claim.model_copy(update={"noun_lemma": previous[0].noun_lemma})
        if previous is not None and _more_of_the_same(claim, previous[0], text):
            claim = claim.model_copy(update={"unit": previous[0].unit, "dimension": previous[0].dimension})
        if change_word is not None:
            changes.setdefault(change_word, []).append((len(claims), counted_after))
        claims.append(claim)
        previous = (claim, verb)
    for members in changes.values():
        _join_change(claims, members)
    _parts_count_their_whole(claims)
    return quake_magnitudes(index_levels(regional_currencies(claims, text)))


def _join_change(claims: list[QuantityClaim], members: list[tuple[int, bool]]) -> None:
    """Give every figure of one change its from and to levels, and a bare level the other level's unit.

    ``members`` are the indices of the change's claims, each with whether a
    counted noun is written after the figure.  "from 24 mpg to 27": 27 is in
    mpg too; "from 3.20 to 4.10 euros": 3.20 is in euros.  A level with a noun
    of its own ("to 45 stores") takes no unit.
    """
    levels: dict[str, tuple[int, bool]] = {}
    for index, counted_after in members:
        role = claims[index].change_role
        if role in ("from", "to") and role in levels:
            return  # two starting (or ending) levels: not one change as far as the text shows
        if role in ("from", "to"):
            levels[role] = (index, counted_after)
    amounts = [claims[i] for i, _ in members if claims[i].change_role == "amount"]
    if any(a.unit == "point" for a in amounts):
        for index, counted_after in levels.values():  # "fell 4.3 points to 96.1": a level in points
            if claims[index].unit is None and not counted_after:
                claims[index] = replaced(claims[index], {"unit": "point", "dimension": "points"})
    if "to" in levels and "from" in levels:
        for bare_role, written_role in (("to", "from"), ("from", "to")):
            index, counted_after = levels[bare_role]
            bare, written = claims[index], claims[levels[written_role][0]]
            if bare.unit is None and written.unit is not None and not counted_after:
                claims[index] = replaced(bare, {"unit": written.unit, "dimension": written.dimension})
    update = {
        "change_from": claims[levels["from"][0]].value if "from" in levels else None,
        "change_to": claims[levels["to"][0]].value if "to" in levels else None,
    }
    for index, _ in members:
        claims[index] = replaced(claims[index], update)


def _elided_noun(claim: QuantityClaim, verb: Token | None, before: QuantityClaim, before_verb: Token | None) -> bool:
    """ "licensed to carry 150 passengers but was carrying 212": 212 counts passengers too."""
    return (
        claim.noun_lemma is None
        and claim.unit is None
        and claim.attribute is None
        and before.noun_lemma is not None
        and before.unit is None
        and before.sentence_start == claim.sentence_start
        and same_clause_verb(verb, before_verb)
    )


def _parts_count_their_whole(claims: list[QuantityClaim]) -> None:
    """ "41 of the 90 seats": the 41 are seats too (the part's noun is its whole's)."""
    for i, claim in enumerate(claims):
        if claim.scope != "part" or claim.noun_lemma is not None or claim.unit is not None:
            continue
        whole = next(
            (c for c in claims[i + 1 : i + 3] if c.scope == "whole" and c.sentence_start == claim.sentence_start),
            None,
        )
        if whole is not None and whole.noun_lemma is not None:
            claims[i] = claim.model_copy(update={"noun_lemma": whole.noun_lemma})


_MATCH_MINUTE = re.compile(r"(?<![\w.,])(?P<n>[0-9]{1,3})(?:st|nd|rd|th|\.)(?:[\s-]+)(?:minute|min)\b", re.IGNORECASE)
"""An ordinal minute of a match: "the 87th minute", "an 87th-minute penalty", "in the 78. minute"."""


def _range_starts(dropped: list[Figure], kept: list[Figure], text: str) -> list[Figure]:
    """Bare numbers that open a range of a kept figure with a unit: the "6" of "between 6 and 9 months".

    The tagger labels "6 to 9 months" a DATE, so the bare "6" looks like part of
    a date and is dropped on its own; but a range separator ties it to "9 months",
    which was kept, and the two are one interval.
    """
    by_start = {fig.start: fig for fig in kept if fig.unit is not None and fig.num.value is not None}
    found: list[Figure] = []
    for fig in dropped:
        if fig.num.value is None or fig.num.currency:
            continue
        gap = RANGE_GAP.match(text, fig.end)
        partner = by_start.get(gap.end()) if gap else None
        if partner is None or partner.dimension != "duration":
            continue
        if gap is not None and gap.group("sep").lower() == "and" and not BETWEEN_BEFORE.search(text, 0, fig.start):
            continue
        found.append(replace(fig, unit=partner.unit, dimension=partner.dimension))
    return found


RANGE_GAP = re.compile(r"\s*(?P<sep>-|–|—|to|and)\s*", re.IGNORECASE)
BETWEEN_BEFORE = re.compile(r"\bbetween\s+$", re.IGNORECASE)


def _match_minutes(text: str, blocked: Sequence[tuple[int, int]], figures: list[Figure]) -> list[Figure]:
    """The minute of play a goal or a card came in: a point of the match's clock, compared only with
    other such minutes (its own unit dimension), never with a length of time."""
    found = []
    taken = CoveredText(len(text), [*blocked, *((f.start, f.end) for f in figures)])
    for m in _MATCH_MINUTE.finditer(text):
        if taken.overlaps(m.start(), m.end()):
            continue
        value = float(m.group("n"))
        if not 1 <= value <= 130:
            continue
        num = NumberMatch(m.start("n"), m.end("n"), m.group("n"), "digits", value)
        found.append(Figure(num, m.start(), m.end(), value, value, value, True, True, "exact",
                            "minute", "match minute", m.start("n")))  # fmt: skip
    return found


_SINGLE_OFFSET = re.compile(
    r"\b(?P<n>an?)\s+(?P<u>day|week|fortnight|month|year)\s+(?:earlier|later|before|after)\b", re.IGNORECASE
)
_OFFSET_UNITS = {"day": "day", "week": "week", "fortnight": "fortnight", "month": "month", "year": "year"}


def _single_offsets(text: str, figures: list[Figure]) -> list[Figure]:
    """"A fortnight earlier", "a year later": one unit apart, a duration no digit or number word writes."""
    found = []
    for m in _SINGLE_OFFSET.finditer(text):
        if any(f.start < m.end("u") and m.start() < f.end for f in figures):
            continue
        num = NumberMatch(m.start("n"), m.end("n"), m.group("n"), "words", 1.0)
        unit = _OFFSET_UNITS[m.group("u").lower()]
        found.append(Figure(num, m.start(), m.end("u"), 1.0, 1.0, 1.0, True, True, "exact",
                            unit, "duration", m.start("u")))  # fmt: skip
    return found


_MORE_BEFORE = re.compile(r"(?:another|a\s+further|an\s+additional|an\s+extra)\s+$", re.IGNORECASE)


def _more_of_the_same(claim: QuantityClaim, before: QuantityClaim, text: str) -> bool:
    """ "£1.2 billion in Britain and a further 400 million in Ireland": the 400 million are pounds too."""
    return (
        claim.unit is None
        and claim.noun_lemma is None
        and claim.attribute is None
        and before.unit is not None
        and before.sentence_start == claim.sentence_start
        and _MORE_BEFORE.search(text, max(0, claim.start - 20), claim.start) is not None
    )


def _rate_denominator(num: NumberMatch, before: Figure, text: str) -> bool:
    """ "4.10 euros a dozen", "$3 a hundred": the "a dozen" says what the price is per, no figure of its own."""
    return (
        num.kind == "words"
        and before.unit is not None
        and re.match(r"(?i)an?\s", num.text) is not None
        and text[before.end:num.start].strip() == ""
    )


def _pattern_blocks(text: str) -> list[tuple[int, int]]:
    """Spans that are times of day, phone numbers or web addresses, found by shape alone."""
    spans = [(m.start(), m.end()) for m in TIME_OF_DAY.finditer(text)]
    spans.extend((m.start(), m.end()) for m in URL.finditer(text))
    for m in PHONE.finditer(text):
        digits = sum(c.isdigit() for c in m.group())
        looks_phone = m.group().startswith(("+", "(")) or m.group().count("-") >= 1
        if re.fullmatch(r"\d+-\d+", m.group()) and not re.fullmatch(r"\d{3}-\d{4}", m.group()):
            looks_phone = False  # "1000-5000" is a range; "555-1234" a local number
        if digits >= 7 and looks_phone:
            spans.append((m.start(), m.end()))
    return spans


def _initial_figure(num: NumberMatch) -> Figure:
    """The reading of a bare number: exact, vague range, or a fraction in percent."""
    if num.kind == "vague":
        return Figure(num, num.start, num.end, None, num.low, num.high,
                       num.low_inclusive, num.high_inclusive, "vague")
    value = num.value
    unit = dimension = None
    if num.kind == "fraction" and value is not None:
        value = round(value * 100, 2)
        unit, dimension = "percent", "percent"
    if num.currency:
        unit, dimension = num.currency, "currency"
    return Figure(num, num.start, num.end, value, value, value, True, True, "exact",
                   unit, dimension)


def _claim(
    doc: Doc, fig: Figure, source_id: str, locale: str | None
) -> tuple[QuantityClaim, Token | None, int | None, bool] | None:
    """Assemble the claim (counted noun, event, frame, final span and sentence).

    Also returns the verb it hangs from, the index of the token stating the
    change it is part of (if any), and whether its counted noun is written after it.
    """
    span = tokens(doc, fig.num.start, fig.num.end)
    if span is None or len(span) == 0:
        return None
    num_tok = span[-1]
    if fig.unit is not None and fig.unit_start is not None:
        unit_span = tokens(doc, fig.unit_start, fig.end)
        anchor = unit_span[-1] if unit_span is not None and len(unit_span) else num_tok
    else:
        anchor = num_tok
    found = counted_noun(anchor, fig.end)
    noun_toks, follows = found if found is not None else (None, False)
    if noun_toks and follows and "\n" in doc_text(doc)[fig.end : noun_toks[0].idx]:
        noun_toks, follows = None, False  # "Published: November 10, 2011\nCivilians fled": another line
    start, end = fig.start, fig.end
    if fig.unit is None and noun_toks and follows:
        noun_end = noun_toks[-1].idx + len(noun_toks[-1])
        if noun_end > end and "\n" not in doc_text(doc)[end:noun_end]:
            end = noun_end
    if fig.unit is None and noun_toks and (named := _unit_noun(noun_toks, fig.num.scale > 1)) is not None:
        fig = replace(fig, unit=named[0], dimension=named[1])  # "1,4 millions of dollars", "6,5 millions of tonnes"
        noun_toks = None
    fig = _thousands_reading(fig, noun_toks)
    sent = sentence_of(num_tok)
    framed = frame_of(doc, anchor, noun_toks[-1] if noun_toks else None, start, end, fig.unit)
    if framed.attribute == "age" and fig.unit is None:
        fig = replace(fig, unit="year", dimension="duration")  # "aged 40", "Jensen, 58,": years
    change = framed.change
    claim = QuantityClaim(
        source=source_id, start=start, end=end, text=doc_text(doc)[start:end],
        sentence=span_text(sent), sentence_start=sent.start_char,
        value=fig.value, qualifier=fig.qualifier, low=fig.low, high=fig.high,
        low_inclusive=fig.low_inclusive, high_inclusive=fig.high_inclusive,
        unit=fig.unit, dimension=fig.dimension,
        noun=_text_of(noun_toks) if noun_toks else None,
        noun_lemma=str(noun_toks[-1].lemma_).lower() if noun_toks else None,
        event=event(noun_toks[-1] if noun_toks else anchor, noun_toks, start),
        predicate=framed.predicate,
        holder=framed.holder,
        per=framed.per,
        scope=framed.scope,
        attribute=framed.attribute,
        change=change.direction if change else None,
        change_role=change.role if change else None,
    )
    return claim, framed.verb, change.word if change else None, bool(noun_toks and follows)


def _unit_noun(noun: list[Token], scaled: bool) -> tuple[str, str] | None:
    """The unit a counted noun names, read with the unit table: a currency ("dollars", "euros"), or
    after a scale word any unit ("6,5 millions of tonnes"); "two of the tonnes" stays a count."""
    written = _text_of(noun)
    found = lexicon_unit(written, 0, money=True) if not written[:1].isupper() or written.isupper() else None
    if found is None or found[0] != len(written) or (found[2] != "currency" and not scaled):
        return None
    return found[1], found[2]


def _text_of(tokens: list[Token]) -> str:
    """The source text from the first token to the end of the last."""
    return doc_text(tokens[0].doc)[tokens[0].idx : tokens[-1].idx + len(tokens[-1])]


def _thousands_reading(fig: Figure, noun: list[Token] | None) -> Figure:
    """Switch "100.000" to 100000 when it counts plural things (see ``numbers``)."""
    alt = fig.num.thousands_value
    # No currency is written to three decimals: "450.000 euros" (but "$2.174T" is 2.174 trillion).
    money = fig.dimension == "currency" and fig.num.scale == 1
    if alt is None or (not money and (fig.unit is not None or not noun or noun[-1].tag_ not in ("NNS", "NNPS"))):
        return fig
    if fig.qualifier == "range":
        return fig
    factor = alt / fig.num.value if fig.num.value else 1.0

    def scale(v: float | None) -> float | None:
        return None if v is None else v * factor

    return replace(fig, value=scale(fig.value), low=scale(fig.low), high=scale(fig.high))
