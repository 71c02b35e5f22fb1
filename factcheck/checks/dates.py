"""Check types about dates: weekday agreement, malformed expressions, conflicts."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field

from factcheck.alignment import AlignedCluster
from factcheck.alignment.quantities import WEAK_PREDICATES
from factcheck.alignment.sentences import line_of, overlap
from factcheck.calendar_words import WEEKDAY_NAMES
from factcheck.checks.base import Check
from factcheck.checks.date_references import dissents_from_references
from factcheck.checks.event_days import dissenting_days
from factcheck.claims import DateClaim, DateIssue
from factcheck.report import SEVERITY_RANK, Evidence, Finding, Severity


def day_of(value: str | None) -> dt.date | None:
    """The day of a day-granular (or finer) ISO value, else None."""
    if not value or "/" in value or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


class DateWeekday(Check):
    """A stated weekday that does not fall on the stated or resolved date."""

    name = "date-weekday"
    message_fields = frozenset({"text", "weekday", "date", "actual", "suggestion"})

    def run(self, cluster: AlignedCluster) -> Iterator[Finding]:
        for claim in cluster.dates:
            day = day_of(claim.value)
            if claim.weekday is None or day is None or day.weekday() == claim.weekday:
                continue
            actual = WEEKDAY_NAMES[day.weekday()]
            suggestion = f"{actual} {day.day} {day:%B %Y}"
            yield self.finding(
                [Evidence.of(claim, claim.value)],
                {
                    "text": claim.text,
                    "weekday": WEEKDAY_NAMES[claim.weekday],
                    "date": day.isoformat(),
                    "actual": actual,
                    "suggestion": suggestion,
                },
                suggestion=suggestion,
            )


class DateFormatParams(BaseModel):
    model_config = ConfigDict(extra="forbid")

    malformed_ordinal: Severity | None = Field(
        default="warning",
        description="Severity of garbled ordinals ('7is March', '22th'); null to skip.",
    )
    month_missing: Severity | None = Field(
        default="info", description="Severity of a day of month given without its month."
    )
    ambiguous_order: Severity | None = Field(
        default="warning",
        description="Severity of numeric dates readable as day/month or month/day, when another "
        "source of the cluster gives a date that one of the readings is (the ambiguity bears on a "
        "fact the cluster reports).",
    )
    ambiguous_order_elsewhere: Severity | None = Field(
        default="info",
        description="Severity of an ambiguous numeric date that is a page stamp, or that no other "
        "source's date matches (a date the cluster does not otherwise mention).",
    )
    unparsed: Severity | None = Field(default=None, description="Severity of date expressions that could not be read.")
    impossible_date: Severity | None = Field(
        default="warning",
        description="Severity of a day the calendar does not have ('31 April', '29 February 2023'): "
        "the writer meant another day, and the text does not say which.",
    )


class DateFormat(Check):
    """Malformed, underspecified or ambiguous date expressions."""

    name = "date-format"
    Params = DateFormatParams
    message_fields = frozenset({"text", "detail", "kind", "suggestion", "value"})

    def run(self, cluster: AlignedCluster) -> Iterator[Finding]:
        params = self.params
        assert isinstance(params, DateFormatParams)
        days: dict[str, set[str]] = {}
        for claim in cluster.dates:
            if claim.value and not claim.readings:
                days.setdefault(claim.value[:10], set()).add(claim.source)
        for claim in cluster.dates:
            judged: list[tuple[DateIssue, Severity]] = []
            for issue in claim.issues:
                severity = getattr(params, issue.kind.replace("-", "_"), None)
                if issue.kind == "ambiguous-order" and (
                    _is_stamp(claim)
                    or not any(days.get(reading[:10], set()) - {claim.source} for reading in claim.readings)
                ):
                    severity = params.ambiguous_order_elsewhere
                if severity is not None:
                    judged.append((issue, severity))
            for group in _overlapping(judged):
                yield self._one_finding(claim, group)

    def _one_finding(self, claim: DateClaim, group: list[tuple[DateIssue, Severity]]) -> Finding:
        """One finding for the issues of one stretch of text ("the 22th": a bad suffix, no month).

        The loudest issue gives the span, the kind, the suggestion and the
        severity; the message says every issue, the loudest first.
        """
        ranked = sorted(group, key=lambda judged: -SEVERITY_RANK[judged[1]])
        issue, severity = ranked[0]
        return self.finding(
            [Evidence(source=claim.source, start=issue.start, end=issue.end, text=issue.text)],
            {
                "text": issue.text,
                "detail": "; ".join(i.detail for i, _ in ranked),
                "kind": issue.kind,
                "suggestion": issue.suggestion or "",
                "value": claim.value or "unresolved",
            },
            suggestion=issue.suggestion,
            severity=severity,
            details={"issues": [{"kind": i.kind, "text": i.text, "severity": s} for i, s in ranked]},
        )


def _overlapping(judged: list[tuple[DateIssue, Severity]]) -> list[list[tuple[DateIssue, Severity]]]:
    """Issues in groups whose spans overlap: one stretch of text is reported once."""
    groups: list[list[tuple[DateIssue, Severity]]] = []
    for item in sorted(judged, key=lambda j: (j[0].start, j[0].end)):
        if groups and item[0].start < max(i.end for i, _ in groups[-1]):
            groups[-1].append(item)
        else:
            groups.append([item])
    return groups


class DateConflictParams(BaseModel):
    model_config = ConfigDict(extra="forbid")

    min_shared_participants: int = Field(
        default=1,
        ge=0,
        description="Entities both sentences must name for two dates to be of one event.",
    )
    granularities: list[str] = Field(
        default_factory=lambda: ["day", "minute", "hour"],
        description="Only dates this precise are compared.",
    )
    inferred_reference_severity: Severity = Field(
        default="info",
        description="Severity when a side is a relative date ('today') in a source whose "
        "reference date was inferred, not stated: the conflict may be the guess's.",
    )
    context_overlap: float = Field(
        default=0.25,
        ge=0,
        le=1,
        description="Share of content words the two dates' sentences must have in common for the "
        "conflict to be a warning; below it, the two may date two events of one kind (info).",
    )
    max_days_apart: int = Field(
        default=366,
        ge=0,
        description="Dates further apart than this date different events (a birth and a death), "
        "whatever the verb: not compared.",
    )
    event_day_gap: int = Field(
        default=6,
        ge=0,
        description="Across verbs, a date is compared with the days other sources give up to this many "
        "days away in like sentences (a slipped weekday); 0 turns that pass off.",
    )
    event_day_overlap: float = Field(
        default=0.1,
        ge=0,
        le=1,
        description="Share of content words a sentence of another source must share with the date's "
        "sentence to count for the other day, in the pass across verbs.",
    )
    reference_granularities: list[str] = Field(
        default_factory=lambda: ["day", "minute", "hour", "month", "year"],
        description="In trusted-sources mode, dates this precise in a candidate are compared with the "
        "references' (each with a date as precise: a month with a month, a year with a year).",
    )
    reference_sentence_overlap: float = Field(
        default=0.5,
        ge=0,
        le=1,
        description="In trusted-sources mode, share of content words from which a reference's sentence "
        "says what a candidate's says, whatever the verb: its date is the right one.",
    )


class DateConflict(Check):
    """One event dated differently by different sources."""

    name = "date-conflict"
    Params = DateConflictParams
    message_fields = frozenset({"event", "values", "sources"})

    def run(self, cluster: AlignedCluster) -> Iterator[Finding]:
        """Each date that disagrees with the day most sources give the same event.

        Comparing every pair would report a quadratic number of findings in a
        large cluster; each dissenting date is reported once, against a date
        of the majority day whose sentence names a shared participant.  An
        open-ended date ("after 1 March", ``mod``) does not say which day it
        was, so it is never one side of a conflict.
        """
        params = self.params
        assert isinstance(params, DateConflictParams)
        if cluster.trusted:
            yield from self._against_references(cluster, params)
            return
        content = cluster.source_digests
        eligible: list[DateClaim] = []
        flagged: set[tuple[str, int]] = set()
        for event, claims in sorted(cluster.date_groups.items()):
            if event in WEAK_PREDICATES or event in PAGE_VERBS:
                continue  # "was", "has": no event to date; "updated": the page's date
            usable = [
                c for c in claims if c.granularity in params.granularities and day_of(c.value) and _datable(c)
            ]
            eligible.extend(usable)
            sources_by_day: dict[dt.date, set[str]] = {}
            for claim in usable:
                sources_by_day.setdefault(day_of(claim.value), set()).add(claim.source)  # type: ignore[arg-type]
            if len(sources_by_day) < 2:
                continue
            majority = min(sources_by_day, key=lambda d: (-len(sources_by_day[d]), d))
            counterparts = _Counterparts(cluster, [c for c in usable if day_of(c.value) == majority], params, content)
            for claim in usable:
                day = day_of(claim.value)
                if day == majority or day is None or abs((day - majority).days) > params.max_days_apart:
                    continue
                if claim.source in sources_by_day[majority]:
                    continue  # the source gives the majority's day too: its other day is another event of the kind
                other = counterparts.of(claim)
                if other is None or _each_its_own_day(cluster, claim, other):
                    continue
                uncertain = _uncertain(cluster, claim, other)
                shared = overlap(claim.sentence, other.sentence, frozenset({event}))
                severity: Severity | None = params.inferred_reference_severity if uncertain else None
                if shared < params.context_overlap:
                    severity = "info"
                flagged.add((claim.source, claim.start))
                yield self._dated_apart(
                    claim,
                    other,
                    event,
                    f"{other.value} ({len(sources_by_day[majority])} source(s) incl. {other.source})",
                    severity,
                    {"shared_participants": True, "sentence_overlap": round(shared, 2)},
                )
        if params.event_day_gap:
            yield from self._across_verbs(cluster, eligible, flagged)

    def _against_references(self, cluster: AlignedCluster, params: DateConflictParams) -> Iterator[Finding]:
        """Trusted-sources mode: each candidate date that the references give otherwise (`date_references`)."""
        groups = {
            event: [c for c in claims if c.granularity in params.reference_granularities and _datable(c)]
            for event, claims in sorted(cluster.date_groups.items())
            if event not in WEAK_PREDICATES and event not in PAGE_VERBS
        }
        participants = cluster.participants

        def shares_participants(a: DateClaim, b: DateClaim) -> bool:
            mine = participants.get((a.source, a.start), frozenset())
            return len(mine & participants.get((b.source, b.start), frozenset())) >= params.min_shared_participants

        for dissent in dissents_from_references(
            groups,
            cluster.trusted,
            shares_participants,
            max_days_apart=params.max_days_apart,
            like_sentence=params.reference_sentence_overlap,
        ):
            claim, other = dissent.claim, dissent.counterpart
            if _each_its_own_day(cluster, claim, other):
                continue
            uncertain = _uncertain(cluster, claim, other)
            severity: Severity | None = params.inferred_reference_severity if uncertain else None
            if dissent.sentence_overlap < params.context_overlap:
                severity = "info"
            event = claim.event or "the event"
            how = "like sentences of the references" if dissent.like_sentences else "the same verb and participants"
            yield self._dated_apart(
                claim,
                other,
                event,
                f"{other.value} (reference {other.source})",
                severity,
                {"aligned_by": how, "sentence_overlap": round(dissent.sentence_overlap, 2)},
            )

    def _across_verbs(
        self, cluster: AlignedCluster, eligible: list[DateClaim], flagged: set[tuple[str, int]]
    ) -> Iterator[Finding]:
        """Dates that other sources, in like sentences and whatever their verb, put on another day."""
        params = self.params
        assert isinstance(params, DateConflictParams)
        own_days = {
            source: (reference.date if reference is not None else None)
            for source, reference in cluster.reference_dates.items()
        }
        for dissent in dissenting_days(
            eligible, day_of, own_days, max_gap=params.event_day_gap, min_overlap=params.event_day_overlap
        ):
            claim, other = dissent.claim, dissent.counterpart
            if (claim.source, claim.start) in flagged:
                continue
            severity: Severity | None = None
            if _uncertain(cluster, claim, other) or dissent.sentence_overlap < params.context_overlap:
                severity = "info"
            yield self._dated_apart(
                claim,
                other,
                claim.event or "the event",
                f"{dissent.day.isoformat()} "
                f"({dissent.sources} other source(s) in like sentences, incl. {other.source})",
                severity,
                {
                    "aligned_by": "like sentences of other sources, a few days apart",
                    "shared_participants": False,
                    "sentence_overlap": round(dissent.sentence_overlap, 2),
                    "sources_for_other_day": dissent.sources,
                },
            )

    def _dated_apart(
        self,
        claim: DateClaim,
        other: DateClaim,
        event: str,
        against: str,
        severity: Severity | None,
        details: dict[str, object],
    ) -> Finding:
        """The finding of a date that ``other``'s sources put on another day, ``against`` saying which."""
        return self.finding(
            [Evidence.of(claim, claim.value), Evidence.of(other, other.value)],
            {
                "event": event,
                "values": f"{claim.value} ({claim.source}) vs {against}",
                "sources": f"{claim.source}, {other.source}",
            },
            severity=severity,
            details={"event": event, **details},
        )


class _Counterparts:
    """For a dissenting date, the first majority-day date of another source whose sentence shares participants.

    Scanning the majority for each dissenter was quadratic in a large
    cluster.  The scan depends only on the dissenter's participants, apart
    from skipping its own source, so it is done once per set of
    participants, keeping the first match and the first match of another
    source than that one: one of the two is always from another source than
    the dissenter's.
    """

    def __init__(
        self, cluster: AlignedCluster, agreeing: list[DateClaim], params: DateConflictParams, content: dict[str, str]
    ) -> None:
        # What each date says decides which one stands for the majority, never the order or ids of sources.
        self._agreeing = sorted(agreeing, key=lambda c: (c.text, c.sentence, content[c.source]))
        self._participants = cluster.participants
        self._needed = params.min_shared_participants
        self._first_two: dict[frozenset[str], list[DateClaim]] = {}

    def of(self, claim: DateClaim) -> DateClaim | None:
        mine = self._participants_of(claim)
        found = self._first_two.get(mine)
        if found is None:
            found = self._first_two[mine] = self._scan(mine)
        return next((other for other in found if other.source != claim.source), None)

    def _participants_of(self, claim: DateClaim) -> frozenset[str]:
        return self._participants.get((claim.source, claim.start), frozenset())

    def _scan(self, mine: frozenset[str]) -> list[DateClaim]:
        found: list[DateClaim] = []
        for other in self._agreeing:
            shared = len(mine & self._participants_of(other))
            if shared >= self._needed and (not found or other.source != found[0].source):
                found.append(other)
                if len(found) == 2:
                    break
        return found


def _datable(claim: DateClaim) -> bool:
    """A date that may be one side of a conflict: it says when (no "after 1 March"), it is no page
    stamp, and a time of day comes with its day ("at 22:10 UTC" alone is the article's day)."""
    return claim.mod is None and not _is_stamp(claim) and (claim.time is None or claim.time.day_stated)


_CLOCK = re.compile(r"\d{1,2}\s?[:.]\s?\d{2}|\d{1,2}\s*[ap]\.?m\b", re.IGNORECASE)


_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")

PAGE_VERBS = frozenset({"update", "post", "publish", "modify", "edit", "print", "file", "upload"})
"""Verbs of the page, not of the event: "Updated 22 July 2013"."""


def _is_stamp(claim: DateClaim) -> bool:
    """ "Posted 10:04 am on May 14, 2013", "05/02/2013 8:13 AM": a stamp of the page, not an event's date.

    A date that makes up most of its sentence, or a clock time written with
    a full date and year (an event's hour is written without its year).
    """
    line = _line_of(claim)
    short = len(claim.text) >= 0.4 * len(line.strip())
    clock = _CLOCK.search(claim.text) is not None or _CLOCK.search(line) is not None
    return (clock and (short or _YEAR.search(claim.text) is not None)) or (short and not claim.relative)


def _line_of(claim: DateClaim) -> str:
    """The line of its sentence a claim stands on (the whole sentence when its offsets are off)."""
    found = line_of(claim)
    return claim.sentence if found is None else found[0]


def _each_its_own_day(cluster: AlignedCluster, a: DateClaim, b: DateClaim) -> bool:
    """ "Announced today (14 October)" and, a week later, "today (20 October)": two reports, two days.

    Each date is the day its own source was published: each source dates its
    own day's news, not one event.
    """
    day_a, day_b = _own_day(cluster, a), _own_day(cluster, b)
    return day_a is not None and day_b is not None and day_a != day_b


_TODAY_BEFORE = re.compile(r"(?i)\btoday\s*[(,]?\s*$")


def _own_day(cluster: AlignedCluster, claim: DateClaim) -> dt.date | None:
    """The day of its source's own news: its reference date, or a date glossing "today" ("today (14 October)")."""
    day = day_of(claim.value)
    reference = cluster.reference_dates.get(claim.source)
    if reference is not None and reference.date is not None and day == reference.date:
        return day
    before = claim.sentence[: max(0, claim.start - claim.sentence_start)]
    return day if _TODAY_BEFORE.search(before[-40:]) else None


def _uncertain(cluster: AlignedCluster, a: DateClaim, b: DateClaim) -> bool:
    """A side is a relative date ("on Monday") in a source whose reference date was guessed."""
    return any(c.relative and _reference_origin(cluster, c.source) in ("inferred", "none") for c in (a, b))


def _reference_origin(cluster: AlignedCluster, source: str) -> str:
    reference = cluster.reference_dates.get(source)
    return reference.origin if reference else "none"
