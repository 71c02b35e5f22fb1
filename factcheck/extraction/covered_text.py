"""Which characters of a text some span covers: overlap tests that do not grow with the text.

Extractors often ask "does this span overlap one already taken?" (a name
inside a longer name, a figure inside a date).  Asked of a list of spans,
each question reads the whole list, and over a long source, where both the
questions and the list grow with the text, that is quadratic: it made the
names stage of a 60,000-word article take minutes (issue 17).  A mask of
the text's characters answers each question in the length of the span
asked about, and marking a span costs its length, so a pass stays linear
in the length of the text.
"""

from __future__ import annotations

from collections.abc import Iterable

_COVERED = 1


class CoveredText:
    """A mask over the characters of a text of ``length`` characters; spans are half-open ``[start, end)``."""

    __slots__ = ("_mask",)

    def __init__(self, length: int, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._mask = bytearray(length)
        for start, end in spans:
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        """Mark the characters of ``[start, end)`` (clipped to the text) as covered."""
        start, end = max(0, start), min(len(self._mask), end)
        if end > start:
            self._mask[start:end] = b"\x01" * (end - start)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a marked span shares a character with ``[start, end)``.

        For non-empty spans this is ``any(s < end and start < e for s, e in spans)``.
        """
        if end <= start:
            raise ValueError(f"an empty span ({start}, {end}) overlaps nothing by characters")
        return self._mask.find(_COVERED, max(0, start), max(0, end)) >= 0

    def covers(self, offset: int) -> bool:
        """Whether the character at ``offset`` lies in a marked span: ``any(s <= offset < e ...)``."""
        return 0 <= offset < len(self._mask) and self._mask[offset] == _COVERED
