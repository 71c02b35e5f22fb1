"""Long sources through the model in pieces, joined back into one document.

spaCy refuses a text over ``nlp.max_length`` (1,000,000 characters), and
below that its tagger and entity recognizer step through one long document
a token at a time with nothing to batch it with: a 200,000-word article took
minutes and gigabytes (issue 17).  So a source longer than `CHUNK_CHARS` is
cut into pieces at paragraph breaks (else sentence ends, else any
whitespace), the pieces go through ``nlp.pipe`` like short sources, and the
pieces' documents are joined with ``Doc.from_docs`` into one document whose
text is the source's text: every token, entity, sentence and character
offset is where it is in the source, so the extractors see one document and
every span they report is a span of the source.

Each piece ends after the whitespace that ends its paragraph or sentence, so
the tokens are those of the whole text; only the model's reading of the few
tokens next to a cut may differ from a reading of the whole text, and cuts
fall between paragraphs, where the model's context matters least.
"""

from __future__ import annotations

import collections
import re
from collections.abc import Callable, Sequence
from typing import Final

from spacy.language import Language
from spacy.tokens import Doc

CHUNK_CHARS: Final[int] = 20_000
"""Longest piece of a long source the model reads at once (a source up to this length is one piece)."""
CHUNK_BATCH: Final[int] = 4
"""Pieces of one long source the model reads together: batched for speed, few enough to show progress."""

_PARAGRAPH_BREAK: Final[re.Pattern[str]] = re.compile(r"\n[^\S\n]*\n")
_SENTENCE_END: Final[re.Pattern[str]] = re.compile(r"[.!?][\"'”’)\]]*\s")
_WHITESPACE: Final[re.Pattern[str]] = re.compile(r"\s")


def chunk_bounds(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """Contiguous ``(start, end)`` pieces that cover ``text``, each at most ``size`` characters.

    A piece ends after the whitespace that follows the last paragraph break
    in the second half of its window, else the last sentence end, else the
    last whitespace; only a window without any whitespace is cut where it
    ends.  Each window is read once, so this is linear in the text.
    """
    if size < 2:
        raise ValueError(f"a chunk must hold at least 2 characters, not {size}")
    bounds: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        cut = _cut_point(text, start + size // 2, start + size)
        bounds.append((start, cut))
        start = cut
    bounds.append((start, len(text)))
    return bounds


def _cut_point(text: str, low: int, high: int) -> int:
    """Where a piece ending in ``[low, high]`` ends: after a break and the whitespace that follows it."""
    for pattern in (_PARAGRAPH_BREAK, _SENTENCE_END, _WHITESPACE):
        last = collections.deque(pattern.finditer(text, low, high), maxlen=1)
        if last:
            cut = last[0].end()
            while cut < high and text[cut].isspace():
                cut += 1  # the next piece starts on a word, as a sentence of the whole text does
            return cut
    return high


def parse_long(
    nlp: Language,
    text: str,
    bounds: Sequence[tuple[int, int]],
    on_piece: Callable[[float], None] | None = None,
) -> Doc:
    """The document of ``text`` parsed piece by piece (``bounds``), joined; ``on_piece`` gets each piece's share.

    The share is the piece's part of the text's characters; the last piece's
    is left to the caller, who reports the source done.
    """
    docs: list[Doc] = []
    pieces = (text[start:end] for start, end in bounds)
    for (start, end), doc in zip(bounds, nlp.pipe(pieces, batch_size=CHUNK_BATCH), strict=True):
        docs.append(doc)
        if on_piece is not None and end < len(text):
            on_piece((end - start) / len(text))
    joined = Doc.from_docs(docs, ensure_whitespace=False)
    if joined is None or len(joined.text) != len(text):
        raise ValueError("the parsed pieces of a long source did not join into its text")
    return joined


