"""Trusted-sources mode for `date-conflict`: a candidate's dates against the references'.

The cluster check dates an event by the day most sources give it; with
references, the references' date is the right one, and one reference
against one candidate decides.  A candidate's date is held against a
reference's date of the same event in two ways, as the cluster check does:

- the same verb and a shared participant ("was elected to the board" in
  both), and
- whatever the verb, sentences that say the same thing (most of their
  content words in common).

A date some reference gives the same event (the same verb, or a like
sentence) backs the candidate's: it is never reported.  Months and years
are compared too (a wrong year of an earlier event is a typical slip of a
summary), each only with a date as precise: "December 2009" against
"December 2008", "1993" against "1995", never "2009" against "December 2008".
Dates further apart than the rule's ``max_days_apart`` are compared only in
sentences that say the same thing (a birth and a death share a verb, not a
sentence).  A candidate that gives the reference's date elsewhere gave it
to another event: its other date is not reported.
Dates the references give one event differently are reported once, at
info (`factcheck.checks.trusted`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from factcheck.alignment.sentences import overlap
from factcheck.claims import DateClaim

Period = tuple[dt.date, dt.date]

_FINE = frozenset({"day", "hour", "minute"})


@dataclass(frozen=True)
class ReferenceDissent:
    """A date that a reference gives the same fact otherwise."""

    claim: DateClaim
    counterpart: DateClaim
    """The reference's date of the fact (another reference's, when ``claim`` is a reference's own)."""
    sentence_overlap: float
    like_sentences: bool
    """Aligned by like sentences across verbs, not by the same verb and a shared participant."""


def period(claim: DateClaim) -> Period | None:
    """The first and last day a date may be: a day, a month or a year; None for anything else."""
    value = claim.value
    if not value or "/" in value or "W" in value:
        return None
    try:
        if claim.granularity in _FINE and len(value) >= 10:
            day = dt.date.fromisoformat(value[:10])
            return day, day
        if claim.granularity == "month" and len(value) == 7:
            year, month = int(value[:4]), int(value[5:7])
            after = dt.date(year + month // 12, month % 12 + 1, 1)
            return dt.date(year, month, 1), after - dt.timedelta(days=1)
        if claim.granularity == "year" and len(value) == 4:
            return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
    except ValueError:
        return None
    return None


def _precision(claim: DateClaim) -> str:
    return "day" if claim.granularity in _FINE else str(claim.granularity)


def _apart(a: Period, b: Period) -> bool:
    return a[1] < b[0] or b[1] < a[0]


def _days_between(a: Period, b: Period) -> int:
    return abs((a[0] - b[0]).days)


def dissents_from_references(
    groups: Mapping[str, Sequence[DateClaim]],
    trusted: frozenset[str],
    shares_participants: Callable[[DateClaim, DateClaim], bool],
    *,
    max_days_apart: int,
    like_sentence: float,
) -> Iterator[ReferenceDissent]:
    """Candidates' dates that the references give otherwise; then the references' own disagreements.

    ``groups`` are the comparable dates by the verb they date; a date's
    period comes from `period`.
    """
    periods = {id(c): p for claims in groups.values() for c in claims if (p := period(c)) is not None}
    references = sorted(
        (c for claims in groups.values() for c in claims if c.source in trusted and id(c) in periods),
        key=lambda c: (c.source, c.start),
    )
    flagged: set[int] = set()
    backed: set[int] = set()
    stated: dict[str, list[Period]] = {}
    for claims in groups.values():
        for c in claims:
            if c.source not in trusted and id(c) in periods:
                stated.setdefault(c.source, []).append(periods[id(c)])

    def also_stated(claim: DateClaim, other: DateClaim) -> bool:
        """The candidate gives the reference's date too: to another event, not this one wrongly."""
        return any(not _apart(p, periods[id(other)]) for p in stated.get(claim.source, []))

    def comparable(claim: DateClaim, other: DateClaim) -> bool:
        return _precision(claim) == _precision(other)

    for event in sorted(groups):
        claims = [c for c in groups[event] if id(c) in periods]
        mine = [c for c in claims if c.source in trusted]
        for claim in (c for c in claims if c.source not in trusted):
            own = periods[id(claim)]
            if any(not _apart(own, periods[id(r)]) and shares_participants(claim, r) for r in mine):
                backed.add(id(claim))
                continue
            against = [
                r
                for r in mine
                if comparable(claim, r)
                and _apart(own, periods[id(r)])
                and (
                    _days_between(own, periods[id(r)]) <= max_days_apart
                    or overlap(claim.sentence, r.sentence, frozenset()) >= like_sentence
                )
                and shares_participants(claim, r)
                and not also_stated(claim, r)
            ]
            if against:
                best = max(against, key=lambda r: (overlap(claim.sentence, r.sentence, frozenset({event})), r.text))
                flagged.add(id(claim))
                yield ReferenceDissent(claim, best, overlap(claim.sentence, best.sentence, frozenset({event})), False)
    candidates = sorted(
        (c for claims in groups.values() for c in claims if c.source not in trusted and id(c) in periods),
        key=lambda c: (c.source, c.start),
    )
    for claim in candidates:
        if id(claim) in flagged or id(claim) in backed:
            continue
        own = periods[id(claim)]
        scored = [(overlap(claim.sentence, r.sentence, frozenset()), r) for r in references if comparable(claim, r)]
        alike = [(shared, r) for shared, r in scored if shared >= like_sentence]
        if not alike or any(not _apart(own, periods[id(r)]) for _, r in alike):
            continue  # no reference says this in like words, or one gives the same date
        shared, best = max(alike, key=lambda sr: (sr[0], sr[1].text))
        if not also_stated(claim, best):
            yield ReferenceDissent(claim, best, shared, True)
    for event in sorted(groups):
        mine = [c for c in groups[event] if c.source in trusted and id(c) in periods]
        clash = next(
            (
                (a, b)
                for i, a in enumerate(mine)
                for b in mine[i + 1 :]
                if a.source != b.source
                and comparable(a, b)
                and _apart(periods[id(a)], periods[id(b)])
                and _days_between(periods[id(a)], periods[id(b)]) <= max_days_apart
                and shares_participants(a, b)
            ),
            None,
        )
        if clash is not None:
            a, b = clash
            yield ReferenceDissent(a, b, overlap(a.sentence, b.sentence, frozenset({event})), False)
