"""Per-document lookups computed once: the text, and the sentence of a token.

spaCy rebuilds ``Doc.text`` from its tokens on every access and walks all
sentences for every ``Token.sent``; extractors ask for both many times per
document, which made them the most expensive steps of extraction.  Both are
computed once per document and kept in ``doc.user_data``.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Span, Token

_KEY = "factcheck_sentences"
_TEXT_KEY = "factcheck_text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.text
        doc.user_data[_TEXT_KEY] = text
    return text


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
