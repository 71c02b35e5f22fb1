"""Which numbers are quantities: not dates, years, times of day, labels ("Article 5", "G7") or the pronoun "one"."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from factcheck.calendar_words import MONTHS
from factcheck.extraction.doc_index import entity_of
from factcheck.extraction.quantities.counted import counted_noun, noun_after
from factcheck.extraction.quantities.figure import Figure
from factcheck.extraction.quantities.frame import appositive_age
from factcheck.extraction.quantities.lexicon import (
    AGO,
    IDIOMATIC_ONE_NOUNS,
    LABEL_NOUNS,
    NAME_ENTITY_LABELS,
    PREFIX_RE,
    PRONOMINAL_ONE_BEFORE,
    QUALIFIER_PREFIXES,
    TEMPORAL_WORDS,
    WEEKDAY_WORDS,
)
from factcheck.extraction.quantities.units import RANGE_PARTNER


def tokens(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def is_quantity(doc: Doc, fig: Figure, text: str) -> bool:
    """False for numbers that are dates, years, times, names or pronominal "one"."""
    span = tokens(doc, fig.num.start, fig.num.end)
    if span is None or len(span) == 0:
        return False
    tail = text[fig.num.end:fig.num.end + 30]
    if fig.num.kind == "words" and re.match(r"^-[A-Za-z]", tail) and fig.unit is None:
        return False  # "one-sided", "two-way": a compound adjective, not an amount
    duration = fig.dimension == "duration"
    if fig.dimension is None and _in_temporal_entity(span, fig):
        return False
    if duration and AGO.match(text[fig.end:fig.end + 20]):
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


def _in_temporal_entity(span: Span, fig: Figure) -> bool:
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
        ent = entity_of(tok)
        if ent is None:
            continue
        temporal = any(
            _is_temporal_word(other) for other in ent
            if other.idx >= fig.num.end or other.idx + len(other) <= fig.num.start
        )
        if temporal or re.fullmatch(r"[12]\d{3}", fig.num.text):
            noun = noun_after(span[-1])
            return noun is None or noun.tag_ not in ("NNS", "NNPS") or _is_temporal_word(noun)
    return False


def _is_temporal_word(tok: Token) -> bool:
    low = tok.lower_.rstrip(".")
    return (
        low in MONTHS or low in WEEKDAY_WORDS or low in TEMPORAL_WORDS
        or bool(re.fullmatch(r"[12]\d{3}s?", low))
    )


def _in_name_entity(span: Span, fig: Figure) -> bool:
    """The number sits in a name-like entity that also holds a capitalized word ("Boeing 737").

    A lone figure the NER labelled PRODUCT ("300k") is still a figure.
    """
    for tok in span:
        if tok.ent_type_ not in NAME_ENTITY_LABELS:
            continue
        ent = entity_of(tok)
        if ent is None:
            continue
        for other in ent:
            outside = other.idx >= fig.num.end or other.idx + len(other) <= fig.num.start
            if outside and other.is_alpha and other.text[:1].isupper():
                return True
    return False


def _is_label_or_name(doc: Doc, span: Span, fig: Figure) -> bool:
    """"Boeing 737", "Article 5", "Nord Stream 2": part of a name ("Smith, 45," is Smith's age)."""
    if span.start == 0 or fig.num.currency or fig.unit is not None:
        return False  # a figure with a unit is a measure ("Core i7 2.80 GHz")
    prev = doc[span.start - 1]
    if prev.lower_ in LABEL_NOUNS and prev.whitespace_ != "":
        return True
    if prev.text == "," and span.start >= 2:
        before = doc[span.start - 2]
        after = doc[span.end] if span.end < len(doc) else None
        apposition = before.pos_ == "PROPN" and after is not None and after.text == ","
        return apposition and not appositive_age(doc, fig.num.start, fig.num.end, fig.unit)  # "Smith, 45," is an age
    return (
        prev.pos_ == "PROPN"
        and prev.text[:1].isupper()
        and not prev.is_stop
        and prev.lower_ not in MONTHS
        and prev.lower_ not in WEEKDAY_WORDS
        and prev.lower_ not in {k.split()[-1] for k in QUALIFIER_PREFIXES}
    )


def _is_calendar_day(span: Span, fig: Figure, text: str) -> bool:
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


def _is_year(span: Span, fig: Figure, text: str) -> bool:
    """A bare four-digit figure from 1000 to 2199 is a year unless it counts plural things."""
    num = fig.num
    if num.kind != "digits" or num.currency or fig.unit or num.scale != 1:
        return False
    if not re.fullmatch(r"[12]\d{3}", num.text) or not 1000 <= (num.value or 0) <= 2199:
        return False
    if PREFIX_RE.search(text[max(0, num.start - 30):num.start]):
        return False
    partner = RANGE_PARTNER.match(text, num.end)
    if partner is not None and float(partner.group(1).replace(",", "")) > 2199:
        return False  # "1000-5000": a range whose other end is no year
    noun = counted_noun(span[-1])
    return not (noun is not None and noun[1] and noun[0][-1].tag_ in {"NNS", "NNPS"})
