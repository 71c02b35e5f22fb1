"""Per-document lookups computed once: the text, its lines, the sentence of a token, the entity of a token.

spaCy rebuilds ``Doc.text`` from its tokens on every access, walks all
sentences for every ``Token.sent`` and builds every entity span for each
``Doc.ents``; extractors ask for these many times per document, which made
them the most expensive steps of extraction (quadratic in the length of a
document).  The text and sentences are computed once per document and kept
in ``doc.user_data``; a token's entity is read from the IOB tags around it.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Span, Token

_KEY = "factcheck_sentences"
_TEXT_KEY = "factcheck_text"
_LINES_KEY = "factcheck_line_starts"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.text
        doc.user_data[_TEXT_KEY] = text
    return text


def span_text(span: Span) -> str:
    """``span.text``, sliced from `doc_text`: ``Span.text`` joins a new ``Token`` object per word."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def line_starts(doc: Doc) -> list[int]:
    """The offset of every line's first character (0, then one after each line break), found once."""
    starts: list[int] | None = doc.user_data.get(_LINES_KEY)
    if starts is None:
        text = doc_text(doc)
        starts = [0]
        at = text.find("\n")
        while at >= 0:
            starts.append(at + 1)
            at = text.find("\n", at + 1)
        doc.user_data[_LINES_KEY] = starts
    return starts


def _index(doc: Doc) -> tuple[list[int], list[Span]]:
    cached = doc.user_data.get(_KEY)
    if cached is None:
        sents = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        cached = ([s.start for s in sents], sents)
        doc.user_data[_KEY] = cached
    return cached


def sentence_of(token: Token) -> Span:
    """The sentence holding ``token``."""
    starts, sents = _index(token.doc)
    return sents[max(0, bisect.bisect_right(starts, token.i) - 1)]


def entity_of(token: Token) -> Span | None:
    """The named entity ``token`` is part of, from the IOB tags around it (no pass over ``doc.ents``)."""
    if token.ent_iob_ not in ("B", "I"):
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=token.ent_type_)
