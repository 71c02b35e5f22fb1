"""One source giving an event another day than the others, whatever verb each uses.

`date-conflict` first compares the dates of one predicate ("cut" with
"cut").  Sources report one event in different words ("cut its rate on
Tuesday", "decided on 22 October", "the cut on Monday"), and a slipped
weekday is the commonest way a report gets an event's day wrong.  This
pass lines a date up with the dates other sources give a few days away in
sentences that say much the same thing, and reports it when at least two
other sources agree on another day, its own source never gives that day,
and no other source shares its day in a like sentence.

Work is bounded in a large cluster: dates are indexed by day, and each
date looks at most ``MAX_PER_DAY`` dates of each nearby day, chosen by
what they say, not by source order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from factcheck.alignment.sentences import overlap
from factcheck.claims import DateClaim

MAX_PER_DAY = 200
"""Dates of one nearby day a dissenting date is compared with, at most."""


@dataclass(frozen=True)
class DayDissent:
    """A date that other sources, in like sentences, put on another day."""

    claim: DateClaim
    counterpart: DateClaim
    """The date of the other day whose sentence is most like the claim's."""
    day: dt.date
    """The day the other sources give."""
    sources: int
    """How many other sources give that day in a like sentence."""
    sentence_overlap: float


def dissenting_days(
    dates: Sequence[DateClaim],
    day_of: Callable[[str | None], dt.date | None],
    own_days: Mapping[str, dt.date | None],
    *,
    max_gap: int,
    min_overlap: float,
    min_sources: int = 2,
) -> Iterator[DayDissent]:
    """Each date of ``dates`` that like sentences of other sources put on one other nearby day.

    ``dates`` are the event dates a check may compare (no stamps, no page
    verbs, a day each); ``own_days`` the day each source was written, whose
    dates ("as I write this, on Monday") are that source's own news.
    """
    by_day: dict[dt.date, list[DateClaim]] = {}
    for claim in dates:
        day = day_of(claim.value)
        if day is not None:
            by_day.setdefault(day, []).append(claim)
    for same_day in by_day.values():
        same_day.sort(key=lambda c: (c.sentence, c.text, c.source))
        del same_day[MAX_PER_DAY:]
    days_of_source: dict[str, set[dt.date]] = {}
    for claim in dates:
        day = day_of(claim.value)
        if day is not None:
            days_of_source.setdefault(claim.source, set()).add(day)
    for claim in dates:
        mine = day_of(claim.value)
        if mine is None or own_days.get(claim.source) == mine:
            continue
        found = _other_day(claim, mine, by_day, max_gap, min_overlap)
        if found is None:
            continue
        day, supporters, counterpart, shared = found
        if len(supporters) < min_sources or day in days_of_source.get(claim.source, set()):
            continue
        if _someone_agrees(claim, mine, by_day, min_overlap) or _nearer_in_sentence(claim, mine, day, dates, day_of):
            continue
        yield DayDissent(claim, counterpart, day, len(supporters), shared)


def _other_day(
    claim: DateClaim, mine: dt.date, by_day: Mapping[dt.date, list[DateClaim]], max_gap: int, min_overlap: float
) -> tuple[dt.date, set[str], DateClaim, float] | None:
    """The nearby day most other sources give in sentences like the claim's, if one day leads."""
    tally: list[tuple[int, float, dt.date, set[str], DateClaim]] = []
    for gap in range(1, max_gap + 1):
        for day in (mine - dt.timedelta(days=gap), mine + dt.timedelta(days=gap)):
            supporters: set[str] = set()
            best: tuple[float, DateClaim] | None = None
            for other in by_day.get(day, ()):
                if other.source == claim.source:
                    continue
                shared = overlap(claim.sentence, other.sentence, frozenset())
                if shared < min_overlap:
                    continue
                supporters.add(other.source)
                if best is None or shared > best[0]:
                    best = (shared, other)
            if best is not None:
                tally.append((len(supporters), best[0], day, supporters, best[1]))
    if not tally:
        return None
    tally.sort(key=lambda t: (-t[0], -t[1], t[2]))
    if len(tally) > 1 and tally[1][0] == tally[0][0]:
        return None  # two days equally backed: nothing says which one the event was
    _, shared, day, supporters, counterpart = tally[0]
    return day, supporters, counterpart, shared


def _someone_agrees(
    claim: DateClaim, mine: dt.date, by_day: Mapping[dt.date, list[DateClaim]], min_overlap: float
) -> bool:
    """Another source gives the claim's own day in a like sentence: two days of the story, not a slip."""
    return any(
        other.source != claim.source and overlap(claim.sentence, other.sentence, frozenset()) >= min_overlap
        for other in by_day.get(mine, ())
    )


def _nearer_in_sentence(
    claim: DateClaim,
    mine: dt.date,
    day: dt.date,
    dates: Sequence[DateClaim],
    day_of: Callable[[str | None], dt.date | None],
) -> bool:
    """The claim's sentence gives another date nearer the others' day: that one is the event's, this one another's."""
    for other in dates:
        if other is claim or other.source != claim.source or other.sentence_start != claim.sentence_start:
            continue
        theirs = day_of(other.value)
        if theirs is not None and abs((theirs - day).days) < abs((mine - day).days):
            return True
    return False
