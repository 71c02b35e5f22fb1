"""Times of day across one source: what "local time" is there, and clocks that are not times of day.

A source that writes "21:05 local time (1905 GMT)" once has said that
local time is UTC+2; its other "local time" clocks ("rescue work resumed
at 06:00 local time") take that offset too, when the source states only
one.  Across sources the same reasoning is the time check's
(`factcheck.checks.times`): a claim reports what its own source says.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from factcheck.claims import DateClaim
from factcheck.extraction.dates.zones import offset_text, value_offset

_BARE_CLOCK_RE: Final[re.Pattern[str]] = re.compile(r"\d{1,2}:\d\d")
_GAME_CLOCK_AFTER_RE: Final[re.Pattern[str]] = re.compile(
    r"\s+(?:left|remaining|to\s+(?:play|go|spare)|gone|on\s+the\s+clock)\b", re.IGNORECASE
)
""" "with 2:51 to play", "6:14 remaining": time left in a game, not a time of day."""


def not_a_time_of_day(text: str, start: int, end: int) -> bool:
    """A bare "m:ss" clock that counts time left in a game ("with 2:51 to play")."""
    return _BARE_CLOCK_RE.fullmatch(text, start, end) is not None and _GAME_CLOCK_AFTER_RE.match(text, end) is not None


def settle_local_times(claims: Sequence[DateClaim]) -> list[DateClaim]:
    """One source's claims, its bare "local time" clocks given the offset its conversions state.

    Only when every conversion in the source gives the same offset: a source
    that reports from two places has two local times.
    """
    learned: set[int] = set()
    waiting: list[int] = []
    for index, claim in enumerate(claims):
        time = claim.time
        if time is None or claim.value is None:
            continue
        offset = value_offset(claim.value)
        if time.offset_from == "conversion" and offset is not None:
            learned.add(offset)
        elif time.local and offset is None:
            waiting.append(index)
    if len(learned) != 1 or not waiting:
        return list(claims)
    suffix = offset_text(next(iter(learned)))
    out = list(claims)
    for index in waiting:
        claim = out[index]
        assert claim.time is not None
        out[index] = claim.model_copy(
            update={
                "value": f"{claim.value}{suffix}",
                "time": claim.time.model_copy(update={"offset_from": "source"}),
            }
        )
    return out
