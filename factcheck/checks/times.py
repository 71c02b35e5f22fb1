"""The time of day of one event across sources, compared as instants.

Each time claim carries its clock and zone as written (`ClockTime`, read
by `factcheck.extraction.dates.clock`) and its offset in its value.  Its
instant is known when its zone is: an abbreviation or a named region, a bracketed conversion ("21:05
local time (1905 GMT)"), or "local time" where the cluster's conversions
all give local time one offset (what one source states about local time
holds for the others' "local time" of the same place).  Instants are
compared as times of day in UTC, so "23:30 ET" and "0330 GMT" the next
day agree; a day, when both state one, must be the same (otherwise the
times are of two days, the date check's concern).

Two times are compared only when they are of one event, which the claims
show in one of these ways:

- the same predicate: the verb the time dates, or the event noun it
  qualifies ("the 19.25 BST sailing" and "sailed at 8.25 p.m."),
  read by stem;
- sentences sharing many content words (``context_overlap``);
- the same clock figure written under two zones ("4.50pm UK time" and
  "4:50 p.m. local time"), the trace of a zone mixed up, with a content
  word in common when the figure is a round one (:00, :30);
- the same minutes a whole number of hours apart (up to
  ``max_slip_hours``), with a content word in common, when the minutes
  are not round: a clock put under the wrong zone ("20:05 UTC" for
  21:05 local, which is 19:05 UTC).

A time that several sources give and one contradicts is a warning, as is a
clear disagreement of two sources; times whose zone is unknown ("at 8pm",
"local time" nobody converts) are compared only with each other, as wall
clocks, and only at info.  A hedged time ("about 5pm", "shortly after
4pm") allows ``hedge_minutes`` either way; a bound ("after 4pm", "put out
by 7 a.m.") is no instant and is left out, unless it is the time of an
event noun ("hours before the 19.25 BST sailing").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Final

from pydantic import BaseModel, ConfigDict, Field

from factcheck.alignment import AlignedCluster
from factcheck.alignment.quantities import WEAK_PREDICATES
from factcheck.alignment.sentences import line_of, sentence_words
from factcheck.calendar_words import MONTHS, WEEKDAYS
from factcheck.checks.base import Check
from factcheck.claims import DateClaim
from factcheck.report import Evidence, Finding, Severity
from factcheck.stop_words import english_stop_words

MAX_TIMES: Final = 300
"""Clock times of one cluster compared at most, chosen by what they say (text, sentence, source
content), never by source order: times are linked pairwise, so a cluster of thousands of sources
compares a fixed sample of its times instead of every pair."""


class TimeConflictParams(BaseModel):
    model_config = ConfigDict(extra="forbid")

    context_overlap: float = Field(
        default=0.34,
        ge=0,
        le=1,
        description="Share of content words two times' sentences must have in common to be of one event "
        "by their words alone.",
    )
    max_slip_hours: int = Field(
        default=3,
        ge=0,
        le=12,
        description="The same minutes this many whole hours apart or fewer read as one time under two zones.",
    )
    hedge_minutes: int = Field(
        default=30,
        ge=0,
        description="How far a hedged time ('about 5pm', 'shortly after 4pm') may be from another.",
    )
    rounding_minutes: int = Field(
        default=15,
        ge=0,
        description="How far a time on the hour or half hour ('3:30 a.m.') may be from a precise one "
        "('3:33 a.m.'): the round one may be rounded.",
    )
    unknown_zone_severity: Severity | None = Field(
        default="info",
        description="Severity when both times have no known zone and their wall clocks differ; null to skip.",
    )
    uncertain_severity: Severity = Field(
        default="info",
        description="Severity when a zone is inferred from another source, or two sources disagree "
        "only by the trace of a zone mix-up.",
    )


_HEDGE_RE: Final[re.Pattern[str]] = re.compile(
    r"\b(?:about|around|approximately|roughly|circa|some|nearly|almost|(?:shortly|just|soon)\s+(?:after|before))"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_HEDGE_LEAD_RE: Final[re.Pattern[str]] = re.compile(
    r"(?:about|around|approximately|roughly|circa|some|nearly|almost|(?:shortly|just|soon)\s+(?:after|before))\b",
    re.IGNORECASE,
)
"""Hedges before a time ("about 5pm", "shortly after 4pm"): it may be off by ``hedge_minutes``."""
_BOUND_BEFORE_RE: Final[re.Pattern[str]] = re.compile(
    r"\b(?:by|until|till|before|after|since|from|between)\s+(?:the\s+)?$", re.IGNORECASE
)
"""Words that make the time after them a bound of the event, not its instant."""
_NEXT_WORD_RE: Final[re.Pattern[str]] = re.compile(r"\s*([^\W\d_][\w-]*)")
_SUFFIX_RE: Final[re.Pattern[str]] = re.compile(r"(?:ings?|ed|es|s|e)$")
_WEAK_EVENTS: Final[frozenset[str]] = WEAK_PREDICATES | {"go", "come", "do", "tell", "happen", "occur", "put", "set"}
_TIME_WORDS: Final[frozenset[str]] = frozenset(
    {"local", "time", "hour", "hours", "hrs", "gmt", "utc", "minute", "minutes", "morning", "afternoon",
     "evening", "night", "tonight", "today", "yesterday", "tomorrow", "noon", "midnight"}
    | {"gmt", "utc", "bst", "cet", "cest", "eet", "eest", "est", "edt", "pst", "pdt", "ist", "jst"}
    | set(MONTHS) | set(WEEKDAYS)
)  # fmt: skip
"""Words that say when, not what: two sentences sharing them share no event."""
_ROUND_MINUTES: Final[frozenset[int]] = frozenset({0, 30})


def stem(word: str) -> str:
    """A crude stem, enough to match "sailed", "sail-past" and "sail", "released" and "release"."""
    word = word.casefold().split("-")[0]
    stripped = _SUFFIX_RE.sub("", word)
    return stripped if len(stripped) >= 3 else word


@dataclass(frozen=True)
class _Time:
    """One time claim, read: its instant (UTC minute of the day) when its zone is known."""

    claim: DateClaim
    wall: int
    """Minute of the day on the clock as written."""
    walls: frozenset[int]
    """That and the clock of its bracketed conversion, if any."""
    offset: int | None
    """Minutes east of UTC, when known."""
    utc: int | None
    """Minute of the day in UTC, when the offset is known."""
    zone: str
    offset_from: str
    """ "zone" (named or written), "conversion" (bracketed), "source" or "cluster" (local time
    learned elsewhere), or "" when unknown."""
    day: date | None
    """The day the expression writes, else None (it took its article's)."""
    events: dict[str, str]
    """The predicate (lemma) and event noun the time dates, by stem."""
    words: frozenset[str]
    hedged: bool

    @property
    def known(self) -> bool:
        return self.utc is not None


def _minute_text(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


_CLOCK_RE: Final[re.Pattern[str]] = re.compile(r"([0-2]\d):([0-5]\d)")
_OFFSET_RE: Final[re.Pattern[str]] = re.compile(r"T[^+\-Z]*(?:(Z)|([+-])(\d\d):?(\d\d))$")


def _clock_minutes(clock: str) -> int | None:
    """ "21:05" -> 1265."""
    match = _CLOCK_RE.fullmatch(clock)
    return int(match[1]) * 60 + int(match[2]) if match else None


def value_offset(value: str) -> int | None:
    """The UTC offset a time value carries ("...T21:05+02:00" -> 120), None without one."""
    match = _OFFSET_RE.search(value)
    if match is None:
        return None
    if match[1]:
        return 0
    minutes = int(match[3]) * 60 + int(match[4])
    return -minutes if match[2] == "-" else minutes


def offset_text(minutes: int) -> str:
    """ "+02:00", "-05:00"."""
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _read(claim: DateClaim, learned_local: int | None) -> _Time | None:
    time = claim.time
    if time is None or claim.value is None or claim.granularity != "minute":
        return None
    wall = _clock_minutes(time.clock)
    if wall is None:
        return None
    walls = {wall}
    converted = _clock_minutes(time.converted.split()[0]) if time.converted else None
    if converted is not None:
        walls.add(converted)
    offset = value_offset(claim.value)
    origin: str = time.offset_from or ""
    if offset is None and time.local and learned_local is not None:
        offset, origin = learned_local, "cluster"
    zone = time.zone or "no zone stated"
    if time.converted:
        zone = f"{zone}, stated as {time.converted}"
    if origin in ("source", "cluster") and offset is not None:
        whose = "this source" if origin == "source" else "other sources"
        zone = f"local time, UTC{offset_text(offset)} as {whose} state"
    sentence = claim.sentence
    at = max(0, claim.start - claim.sentence_start)
    before, after = sentence[:at], sentence[at + len(claim.text) :]
    noun = _event_noun(after)
    if (claim.mod is not None or _BOUND_BEFORE_RE.search(before[-20:])) and noun is None:
        return None  # "after 4pm", "put out by 7 a.m.": a bound, not the instant of an event
    events = {stem(noun): noun} if noun else {}
    if claim.event and claim.event not in _WEAK_EVENTS and claim.mod is None:
        events.setdefault(stem(claim.event), claim.event)
    day = None
    if time.day_stated:
        try:
            day = date.fromisoformat(claim.value[:10])
        except ValueError:
            day = None
    rest = f"{before} {after}"  # the time's own words ("Swedish time") say nothing of the event
    words = frozenset(stem(w) for w in sentence_words(rest) if w not in _TIME_WORDS)
    hedged = _HEDGE_RE.search(before[-40:]) is not None or _HEDGE_LEAD_RE.match(claim.text) is not None
    return _Time(
        claim=claim,
        wall=wall,
        walls=frozenset(walls),
        offset=offset,
        utc=None if offset is None else (wall - offset) % 1440,
        zone=zone,
        offset_from=origin,
        day=day,
        events=events,
        words=words,
        hedged=hedged,
    )


def _event_noun(after: str) -> str | None:
    """The event noun a time qualifies: "the 19.25 BST sail-past" -> "sail-past"."""
    following = _NEXT_WORD_RE.match(after)
    if following is None:
        return None
    word = following[1]
    folded = word.casefold()
    if not word.islower() or folded in _NOT_EVENT_NOUNS or folded in _TIME_WORDS or folded in english_stop_words():
        return None
    return folded


_NOT_EVENT_NOUNS: Final[frozenset[str]] = frozenset(
    {"on", "in", "at", "and", "or", "but", "after", "before", "when", "as", "from", "to", "with", "by", "the",
     "a", "an", "of", "for", "that", "which", "local", "time", "gmt", "utc", "this", "last", "next", "said",
     "today", "yesterday", "tomorrow", "tonight", "until", "while", "since", "about", "according"}
)


def _is_stamp(claim: DateClaim) -> bool:
    """ "Updated: 2 March 2023, 11:20", "Tallinn, 4 May 2023, 08:10 EEST": the page's own time.

    A time with fewer than three other words on its line, or after a "Posted"/"Updated" label
    (at the start of its line or just before it).
    """
    found = line_of(claim)
    if found is None:
        return False
    line, begin = found
    at = claim.start - claim.sentence_start
    if _STAMP_LABEL_RE.match(line) is not None or _STAMP_BEFORE_RE.search(line[: at - begin]) is not None:
        return True
    rest = line[: at - begin] + line[at - begin + len(claim.text) :]
    return len(_WORD_RE.findall(rest)) < _STAMP_MAX_WORDS


_WORD_RE: Final[re.Pattern[str]] = re.compile(r"[^\W\d_]+")
_STAMP_MAX_WORDS: Final[int] = 3
_STAMP_LABEL_RE: Final[re.Pattern[str]] = re.compile(
    r"\W*(?:posted|updated|published|last\s+updated|first\s+published|modified|filed)\b", re.IGNORECASE
)
_STAMP_BEFORE_RE: Final[re.Pattern[str]] = re.compile(
    r"\b(?:posted|updated|published|modified|filed)(?:\s+(?:on|at))?\s*[:\-–—|]?\s*$", re.IGNORECASE
)
"""A label just before the time: "5 May 2021 Last updated at 17:02 GMT"."""


@dataclass(frozen=True)
class _Link:
    reason: str
    strong: bool
    """Whether the link alone makes two times one event; a zone-slip trace is not."""


class TimeConflict(Check):
    """One event given different times of day by different sources, compared as instants."""

    name = "time-conflict"
    Params = TimeConflictParams
    message_fields = frozenset(
        {"text", "zone", "utc", "source", "other_text", "other_zone", "other_utc", "other_source",
         "difference", "support", "reason"}
    )  # fmt: skip

    def run(self, cluster: AlignedCluster) -> Iterator[Finding]:
        """Each time that differs from the instant most sources of its event give, once per pair.

        The event's sources are those its times link to, directly or through
        another (the times of one event form a connected group); a source
        counts once for each instant it gives.
        """
        params = self.params
        assert isinstance(params, TimeConflictParams)
        times = self._times(cluster)
        if len({t.claim.source for t in times}) < 2:
            return
        digests = cluster.source_digests
        times.sort(key=lambda t: (t.claim.text, t.claim.sentence, digests[t.claim.source]))
        del times[MAX_TIMES:]  # pairs of times are compared: a bound keeps a huge cluster's cost fixed
        links = {
            (i, j): link
            for i, a in enumerate(times)
            for j, b in enumerate(times)
            if i != j and (link := self._link(a, b, params)) is not None
        }
        group = _groups(len(times), links)
        by_from: dict[int, list[tuple[int, _Link]]] = {}
        for (a, j), link in links.items():
            by_from.setdefault(a, []).append((j, link))
        by_group: dict[int, list[_Time]] = {}
        for j, time in enumerate(times):
            by_group.setdefault(group[j], []).append(time)
        reported: set[frozenset[int]] = set()
        for i in range(len(times)):
            yield from self._dissent(
                i, times, by_from.get(i, []), by_group[group[i]], params, reported, cluster.trusted
            )

    def _times(self, cluster: AlignedCluster) -> list[_Time]:
        claims = [c for c in cluster.dates if c.role == "event" and c.granularity == "minute" and not _is_stamp(c)]
        learned = {
            offset
            for c in claims
            if c.time is not None
            and c.time.offset_from == "conversion"
            and (offset := value_offset(c.value or "")) is not None
        }
        learned_local = next(iter(learned)) if len(learned) == 1 else None
        return [t for c in claims if (t := _read(c, learned_local)) is not None]

    def _link(self, a: _Time, b: _Time, params: TimeConflictParams) -> _Link | None:
        """Why ``a`` and ``b`` time one event, or None: they are not comparable or not of one event."""
        if a.claim.source == b.claim.source or a.known != b.known:
            return None
        if a.day is not None and b.day is not None:
            if a.offset is not None and b.offset is not None:
                apart = abs(_absolute(a.day, a.wall, a.offset) - _absolute(b.day, b.wall, b.offset))
                if apart > 720:
                    return None  # two days: two events, or the date check's conflict
            elif a.day != b.day:
                return None
        shared_events = sorted(a.events.keys() & b.events.keys())
        if shared_events:
            words = sorted({a.events[shared_events[0]], b.events[shared_events[0]]})
            return _Link(f"both time the same event (“{'” / “'.join(words)}”)", strong=True)
        shared = a.words & b.words
        smaller = min(len(a.words), len(b.words))
        # wall clocks of unknown zones, weaker evidence, need more alike sentences
        needed, least = (params.context_overlap, 2) if a.known else (max(0.5, params.context_overlap), 3)
        if smaller and len(shared) >= least and len(shared) / smaller >= needed:
            return _Link(f"their sentences share {len(shared)} of {smaller} content words", strong=True)
        if not (a.known and b.known):
            return None
        assert a.utc is not None and b.utc is not None
        same_figure = a.walls & b.walls
        round_figure = all(w % 60 in _ROUND_MINUTES for w in same_figure)
        if same_figure and a.utc != b.utc and (not round_figure or shared):
            figure = _minute_text(sorted(same_figure)[0])
            return _Link(f"both write the clock figure {figure}, under different zones", strong=True)
        gap = _gap(a.utc, b.utc)
        minutes = a.utc % 60
        slip = gap % 60 == 0 and 0 < gap <= 60 * params.max_slip_hours
        if slip and minutes not in _ROUND_MINUTES and shared:
            return _Link(
                f"the same minutes ({minutes:02d}) {gap // 60} hour(s) apart, in sentences that share "
                f"“{sorted(shared)[0]}”",
                strong=False,
            )
        return None

    def _dissent(
        self,
        index: int,
        times: list[_Time],
        neighbours: list[tuple[int, _Link]],
        members: list[_Time],
        params: TimeConflictParams,
        reported: set[frozenset[int]],
        trusted: frozenset[str] = frozenset(),
    ) -> Iterator[Finding]:
        """A finding when a time differs from a linked one and its instant is not the group's majority.

        With references (trusted-sources mode) a candidate's time is held
        against the references' only, and one reference decides: a time a
        reference gives too is backed, one that a reference contradicts is
        reported whatever the count; references are compared among themselves.
        """
        time = times[index]

        def agrees(a: _Time, b: _Time) -> bool:
            slack = params.hedge_minutes if (a.hedged or b.hedged) else 0
            if a.wall % 30 == 0 or b.wall % 30 == 0:
                slack = max(slack, params.rounding_minutes)  # "3:30 a.m." for 3:33
            return _gap(_instant(a), _instant(b)) <= slack

        def support(t: _Time) -> set[str]:
            return {m.claim.source for m in members if m.known == t.known and agrees(t, m)}

        differing = [(j, link) for j, link in neighbours if not agrees(time, times[j])]
        decided = False
        if trusted:
            if time.claim.source not in trusted and support(time) & trusted:
                return  # a reference gives this time too
            differing = [(j, link) for j, link in differing if times[j].claim.source in trusted]
            decided = time.claim.source not in trusted
        if not differing:
            return
        mine = support(time)

        def rank(item: tuple[int, _Link]) -> tuple[int, bool, bool]:
            other = times[item[0]]
            return (len(support(other)), item[1].strong, other.offset_from in ("zone", "conversion"))

        best = max(differing, key=rank)
        other, link = times[best[0]], best[1]
        theirs = support(other)
        if len(theirs) < len(mine) and not decided:
            return  # this time is the majority's; the dissenter reports itself
        pair = frozenset({index, best[0]})
        if pair in reported:
            return
        reported.add(pair)
        if not (time.known and other.known):
            if params.unknown_zone_severity is None:
                return
            severity: Severity | None = params.unknown_zone_severity
        elif "cluster" in (time.offset_from, other.offset_from):
            severity = params.uncertain_severity
        elif link.strong or decided or (len(theirs) >= 2 and len(theirs) > len(mine)):
            severity = None  # the rule's own severity
        else:
            severity = params.uncertain_severity
        yield self._finding(time, other, link, theirs, mine, severity)

    def _finding(
        self, time: _Time, other: _Time, link: _Link, support: set[str], mine: set[str], severity: Severity | None
    ) -> Finding:
        def utc_text(t: _Time) -> str:
            return f"{_minute_text(t.utc)} UTC" if t.utc is not None else "UTC unknown"

        if time.known and other.known:
            assert time.utc is not None and other.utc is not None
            gap = _gap(time.utc, other.utc)
        else:
            gap = _gap(time.wall, other.wall)
        difference = f"{gap // 60} h {gap % 60:02d} min" if gap % 60 else f"{gap // 60} hour(s)"
        if len(support) > len(mine):
            tally = f"{len(support)} sources give {utc_text(other) if other.known else _minute_text(other.wall)}"
        else:
            tally = "one source against one"
        values = {
            "text": time.claim.text,
            "zone": time.zone,
            "utc": utc_text(time),
            "source": time.claim.source,
            "other_text": other.claim.text,
            "other_zone": other.zone,
            "other_utc": utc_text(other),
            "other_source": other.claim.source,
            "difference": difference,
            "support": tally,
            "reason": link.reason,
        }
        suggestion = None
        if other.known and len(support) > len(mine):
            assert other.utc is not None
            suggestion = f"{_minute_text(other.utc)} UTC"
        return self.finding(
            [Evidence.of(time.claim, time.claim.value), Evidence.of(other.claim, other.claim.value)],
            values,
            suggestion=suggestion,
            severity=severity,
            details={
                "times": [
                    {"source": t.claim.source, "text": t.claim.text, "zone": t.zone, "utc": utc_text(t),
                     "offset_from": t.offset_from or None}
                    for t in (time, other)
                ],
                "reason": link.reason,
                "sources_agreeing": sorted(support),
            },
        )


def _instant(t: _Time) -> int:
    """The UTC minute of the day when the zone is known, else the wall clock's."""
    return t.utc if t.utc is not None else t.wall


def _groups(count: int, links: dict[tuple[int, int], _Link]) -> list[int]:
    """The connected group of each time, as the index of a representative."""
    parent = list(range(count))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in links:
        parent[find(a)] = find(b)
    return [find(i) for i in range(count)]


def _absolute(day: date, wall: int, offset: int) -> int:
    """Minutes since the start of the calendar, in UTC."""
    return day.toordinal() * 1440 + wall - offset


def _gap(a: int, b: int) -> int:
    """Minutes between two times of day, the short way round the clock."""
    diff = abs(a - b) % 1440
    return min(diff, 1440 - diff)
