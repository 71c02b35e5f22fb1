"""Offsets from another event ("two weeks earlier", "a fortnight later") dated by the date they follow.

"The council voted on 3 March. A fortnight earlier, the mayor had resigned"
dates the resignation: news writes such offsets against the last date it
named, in the same sentence or the one before.  An offset with no such date
near it keeps no value (it says how long, not when; its length is a duration
figure, see `factcheck.extraction.per_source`).  The date found is marked
``relative`` (resolved, not read), so the checks hold it less surely than a
date the text states.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Final

from factcheck.claims import DateClaim
from factcheck.extraction.dates import calendar as cal
from factcheck.extraction.dates.normalising import normalise
from factcheck.extraction.dates.relative import anchored_offset
from factcheck.extraction.dates.types import ANCHORED

_SENTENCE_END_RE: Final = re.compile(r"[.!?]\s+(?=[A-Z0-9\"“‘'])")
_THAN_AFTER_RE: Final = re.compile(r"\s+than\b")
""""two days later than planned" is late against a plan, not two days after the date before it."""
_MAX_SENTENCE_ENDS: Final = 1
"""The anchor is in the offset's own sentence or the one before it."""


def date_anchored_offsets(claims: list[DateClaim], text: str) -> list[DateClaim]:
    """``claims`` with each anchored offset dated from the date before it, where one is near."""
    out: list[DateClaim] = []
    for claim in claims:
        out.append(_dated(claim, out, text) if claim.value is None and claim.reason == ANCHORED else claim)
    return out


def _dated(claim: DateClaim, before: list[DateClaim], text: str) -> DateClaim:
    """``claim`` dated from the date before it, or as it is when none is near or the offset is vague."""
    if _THAN_AFTER_RE.match(text, claim.end):
        return claim
    offset = anchored_offset(normalise(claim.text))
    anchor = _anchor(before, claim, text) if offset is not None else None
    dated = _shifted(anchor, *offset) if anchor is not None and offset is not None else None
    if dated is None:
        return claim
    value, granularity = dated
    return claim.model_copy(update={"value": value, "granularity": granularity, "reason": None, "relative": True})


def is_offset(claim: DateClaim) -> bool:
    """The claim is an offset from another event: its count is also a duration ("two weeks")."""
    return anchored_offset(normalise(claim.text)) is not None


def _anchor(before: list[DateClaim], claim: DateClaim, text: str) -> DateClaim | None:
    """The last stated date of an event before ``claim``, in its sentence or the one before."""
    for candidate in reversed(before):
        if candidate.end > claim.start or candidate.role != "event":
            continue
        if len(_SENTENCE_END_RE.findall(text, candidate.end, claim.start)) > _MAX_SENTENCE_ENDS:
            return None
        if candidate.relative and is_offset(candidate):
            return None  # an offset from an offset: each step less sure of what it counts from
        if candidate.value is not None and candidate.granularity in ("day", "month", "year"):
            return candidate
        return None  # the nearest date is a span or unread: nothing says what the offset counts from
    return None


def _shifted(anchor: DateClaim, amount: int, unit: str) -> tuple[str, str] | None:
    """The anchor's date moved by the offset, at the precision both allow; None when they do not fit."""
    assert anchor.value is not None
    if anchor.granularity == "day":
        return cal.iso_day(cal.shift(date.fromisoformat(anchor.value), unit, amount)), "day"
    if anchor.granularity == "month" and unit in ("month", "year"):
        year, month = (int(part) for part in anchor.value.split("-")[:2])
        moved = cal.shift(date(year, month, 1), unit, amount)
        return cal.iso_month(moved.year, moved.month), "month"
    if anchor.granularity == "year" and unit == "year":
        return f"{int(anchor.value[:4]) + amount:04d}", "year"
    return None
