"""A figure on its way to becoming a quantity claim: the number read, its span so far, its reading."""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.claims import Qualifier
from factcheck.extraction.quantities.number_words import NumberMatch


@dataclass(frozen=True)
class Figure:
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
