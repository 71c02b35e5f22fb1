"""The quantity-conflict check: figures that state the same fact and cannot both be true.

Alignment puts figures that measure the same thing in one frame (the same
noun, event, rate, scope, time and place: `factcheck.alignment.quantities`).
Within a frame, two figures are compared only when something more says
they state one fact, an *anchor*: the same predicate ("carried" and
"carried", not "licensed to carry"), the same holder ("Calder's"), digits
alike ("2.5 million" and "2.5 billion", "221" and "212": one figure
misreported), or sentences that say the same thing.  The anchors set the
severity and are listed in each finding's details, so a reader sees why
the figures were compared.  The interval arithmetic is in
`factcheck.checks.figures`.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from factcheck.alignment import AlignedCluster, QuantityFrame
from factcheck.alignment.quantities import event_class, holder_key, predicate_key, timed_event
from factcheck.alignment.sentences import overlap
from factcheck.checks.base import Check
from factcheck.checks.figure_anchors import Anchors
from factcheck.checks.figure_words import compared_details, in_words, note, what_compared
from factcheck.checks.figures import Interval, gap, in_common_unit, widened
from factcheck.checks.misreadings import converted, digits_alike, misreading
from factcheck.checks.patterns import PatternText, compile_pattern
from factcheck.checks.quantity_parts import (
    Pair,
    Part,
    against_references,
    backed_candidates,
    by_holder,
    digit_candidates,
    event_of,
    index_by_digits,
    outweighs,
    raw_gap,
    stated_by_source,
)
from factcheck.checks.restatements import currency_twins, unit_slips
from factcheck.claims import QuantityClaim
from factcheck.report import Evidence, Finding, Severity

DEFAULT_TOLERANCE = {
    "exact": 0.0,
    "approximate": 0.15,
    "more_than": 0.0,
    "at_least": 0.0,
    "less_than": 0.0,
    "at_most": 0.0,
    "nearly": 0.1,
    "range": 0.0,
    "vague": 0.0,
}


class QuantityConflictParams(BaseModel):
    model_config = ConfigDict(extra="forbid")

    ignore_sentences: list[PatternText] = Field(
        default_factory=list,
        description="RE2 patterns (case-insensitive): figures in a sentence matching one are page furniture "
        "('57% of this article left to read'), not claims about the event.",
    )
    exchange_rates: dict[str, float] = Field(
        default_factory=dict,
        description="Value of one unit of each currency in base_currency, e.g. {EUR: 1.08}. Currencies "
        "without a rate are compared only with the same currency.",
    )
    base_currency: str = Field(default="USD", description="The currency exchange_rates are given in.")
    relative_tolerance: dict[str, float] = Field(
        default_factory=lambda: dict(DEFAULT_TOLERANCE),
        description="Relative widening of each side, by qualifier.",
    )
    rounding: float = Field(
        default=0.5,
        ge=0,
        description="Half a rounding step: a figure with k trailing zeros stretches by rounding * 10**k ...",
    )
    max_rounding: float = Field(
        default=0.1, ge=0, le=1, description="... but never by more than this fraction of itself."
    )
    error_gap: float = Field(
        default=0.5,
        ge=0,
        description="Relative gap between intervals from which a conflict is an error.",
    )
    growing_counts_severity: Severity = Field(
        default="info", description="Severity when a later-dated source reports a higher count."
    )
    growing_events: list[str] = Field(
        default_factory=lambda: ["killed", "injured", "missing", "arrested", "displaced", "rescued"],
        description="Event classes (see alignment.EVENT_CLASSES) whose counts grow as news develops.",
    )
    context_overlap: float = Field(
        default=0.25,
        ge=0,
        le=1,
        description="Share of content words two figures' sentences must have in common to count as "
        "context that the same fact is meant (common words over those of the shorter sentence).",
    )
    restatement_overlap: float = Field(
        default=0.1,
        ge=0,
        le=1,
        description="Share of content words a figure's sentence must share with a restated amount's "
        "('€4.5 million (£3.8 million)') for its number under the other unit ('£4.5 million') to be "
        "reported as that amount in the wrong unit.",
    )
    same_sentence_overlap: float = Field(
        default=0.5,
        ge=0,
        le=1,
        description="Share of content words from which two sentences say the same thing: enough to "
        "compare figures that no predicate or holder ties together.",
    )
    reference_sentence_overlap: float = Field(
        default=0.75,
        ge=0,
        le=1,
        description="In trusted-sources mode, share of content words from which a reference's sentence, "
        "alike alone, decides against a candidate's figure when each is the only figure of its frame in "
        "its sentence.",
    )
    weak_alignment_severity: Severity = Field(
        default="info",
        description="Severity of a conflict that only one anchor supports (a predicate without "
        "context, a holder, or like sentences alone).",
    )


def _found(pattern: Any, text: str) -> bool:
    try:
        return pattern.search(text) is not None
    except (UnicodeEncodeError, ValueError):  # lone surrogates cannot reach RE2
        return False


class QuantityConflict(Check):
    """Figures of one frame, tied by an anchor, whose intervals cannot overlap."""

    name = "quantity-conflict"
    Params = QuantityConflictParams
    message_fields = frozenset({"what", "first", "second", "sources", "gap", "difference", "support", "aligned_by"})

    def run(self, cluster: AlignedCluster) -> Iterator[Finding]:
        """Each figure that cannot agree with the best-supported figure of the same fact.

        Comparing every pair would report a quadratic number of findings (and
        cost quadratic time) in a large cluster.  Instead the figures of a
        frame are split by predicate (and holder); in each part a sweep over
        the widened intervals finds the value most figures allow, its
        tightest figure is the reference, and each figure of another source
        that cannot overlap it, and is anchored to it, is one finding.
        Figures with no telling predicate are compared with the reference
        whose sentence theirs resembles most, if any resembles it enough.
        """
        params = self.params
        assert isinstance(params, QuantityConflictParams)
        furniture = [compile_pattern(p, ignore_case=True) for p in params.ignore_sentences]
        content = cluster.source_digests
        flagged: set[tuple[str, int]] = set()
        for frame, group in sorted(cluster.quantity_groups.items()):
            claims = [c for c in group if not any(_found(p, c.sentence) for p in furniture)]
            by_unit: dict[str | None, list[Pair]] = {}
            for claim in claims:
                if claim.low is not None or claim.high is not None:
                    unit, interval = in_common_unit(claim, widened(claim, params), params)
                    by_unit.setdefault(unit, []).append((claim, interval))
            for unit in sorted(by_unit, key=str):
                pairs = by_unit[unit]
                if len({c.source for c, _ in pairs}) >= 2:
                    for finding in self._frame(cluster, params, frame, pairs, content):
                        flagged.update((e.source, e.start) for e in finding.evidence)
                        yield finding
        yield from self._unit_slips(cluster, params, flagged)

    def _unit_slips(
        self, cluster: AlignedCluster, params: QuantityConflictParams, flagged: set[tuple[str, int]]
    ) -> Iterator[Finding]:
        """A number written under the unit another source restates it in ("£4.5 million" against
        "€4.5 million (£3.8 million)"); see `factcheck.checks.restatements`."""
        slips = [*unit_slips(cluster.quantities, params.restatement_overlap)]
        slips += currency_twins(cluster.quantities, params.restatement_overlap, cluster.places_of)
        for slip in slips:
            claim, written, restated = slip.claim, slip.written, slip.restated
            if (claim.source, claim.start) in flagged:
                continue
            flagged.add((claim.source, claim.start))
            low, high = sorted((abs(claim.value or 0.0), abs(restated.value or 0.0)))
            gap = 1 - low / high if high else 0.0
            reason = slip.reason
            what = what_compared(QuantityFrame(claim.dimension or "amount"), [claim, restated])
            values, words = in_words(what, claim, restated, params, gap)
            yield self.finding(
                [Evidence.of(claim, note(claim, params)), Evidence.of(restated, note(restated, params))],
                {**values, "sources": f"{claim.source}, {restated.source}", "support": 1, "aligned_by": reason},
                details={
                    "what": written.dimension,
                    "aligned_by": ["restatement"],
                    "restated": {"text": written.text, "as": restated.text, "source": written.source},
                    "sentence_overlap": round(slip.sentence_overlap, 2),
                    **words,
                },
            )

    def _frame(
        self,
        cluster: AlignedCluster,
        params: QuantityConflictParams,
        frame: QuantityFrame,
        pairs: list[Pair],
        content: dict[str, str],
    ) -> Iterator[Finding]:
        by_predicate: dict[str, list[Pair]] = defaultdict(list)
        loose: list[Pair] = []
        # A noun's own length ("a two-day summit", "the three-day summit") is one fact whatever
        # verb the sentence uses: the noun, not the verb, ties the figures.
        given = ("noun",) if timed_event(frame.measure) else ("predicate",)
        for pair in pairs:
            key = frame.measure if given == ("noun",) else predicate_key(pair[0])
            (loose if key is None else by_predicate[key]).append(pair)
        stated = stated_by_source(pairs)
        backed = backed_candidates(pairs, cluster.trusted)
        parts = [
            Part.of(members, content, stated, cluster.trusted)
            for key in sorted(by_predicate)
            for members in by_holder(by_predicate[key])
        ]
        held = _held_by_references(pairs, cluster.trusted)
        for part in parts:
            for claim, interval in part.members:
                own = held.get(holder_key(claim) or "") if claim.source not in cluster.trusted else None
                if own:
                    # The references give this holder's own figure ("Charles' 226 yards"): the candidate's
                    # figure for the holder is held against it, not against another's under the same verb.
                    own_part = Part.of(own, content, stated, cluster.trusted)
                    yield from self._judge(cluster, params, frame, claim, interval, own_part, (), backed=backed)
                else:
                    yield from self._judge(cluster, params, frame, claim, interval, part, given, backed=backed)
        by_digits = index_by_digits(parts)
        for part in parts:
            # A part of another predicate is held against one whose digits it repeats ("2.5
            # billion" against "2.5 million"), and that more sources state.
            claim, interval = part.reference
            for other in digit_candidates(claim, by_digits, part):
                if part.sources & other.sources or not outweighs(other, part, content, cluster.trusted):
                    continue
                found = list(self._judge(cluster, params, frame, claim, interval, other, (), cross=True, backed=backed))
                if found:
                    yield found[0]
                    break
        unmatched: list[Pair] = []
        words = _measure_words(frame)
        for claim, interval in loose:
            target = next(
                (p for p in digit_candidates(claim, by_digits, None) if claim.source not in p.sources), None
            )
            if target is None:
                scored = [
                    (overlap(claim.sentence, p.reference[0].sentence, words), i)
                    for i, p in enumerate(parts)
                    if claim.source not in p.sources
                ]
                best = max(scored, default=None)
                if best is None or best[0] < params.context_overlap:
                    unmatched.append((claim, interval))
                    continue
                target = parts[best[1]]
            yield from self._judge(cluster, params, frame, claim, interval, target, (), backed=backed)
        if len({c.source for c, _ in unmatched}) >= 2:
            part = Part.of(unmatched, content, stated, cluster.trusted)
            for claim, interval in unmatched:
                yield from self._judge(cluster, params, frame, claim, interval, part, (), backed=backed)

    def _judge(
        self,
        cluster: AlignedCluster,
        params: QuantityConflictParams,
        frame: QuantityFrame,
        claim: QuantityClaim,
        interval: Interval,
        part: Part,
        given: tuple[str, ...],
        *,
        cross: bool = False,
        backed: frozenset[int] = frozenset(),
    ) -> Iterator[Finding]:
        """A finding when ``claim`` cannot agree with ``part``'s reference and something ties the two."""
        if id(claim) in backed or (claim.source in cluster.trusted and id(part.reference[0]) in backed):
            return  # a candidate's figure that a reference states for the same verb
        if claim.source in (part.precise_sources if claim.source in part.candidates else part.sources):
            return  # its source also states the reference's value: another fact, not a contradiction
        if cluster.trusted and not against_references(claim, interval, part, cluster.trusted):
            return
        event = event_of(claim)
        # With references, only a reference's value of the same event backs a candidate's ("294
        # injured" is not "about 300 people slept outdoors"); among equals, any value of no other event.
        exact_event = bool(cluster.trusted) and claim.source not in cluster.trusted
        if any(
            gap(interval, other) is None and not (event and (e or exact_event) and e != event)
            for other, e in part.also_stated
        ):
            return  # the reference's sources state this value too: the frame holds two facts
        reference, ref_interval = part.reference
        distance = gap(interval, ref_interval)
        if distance is None and exact_event and digits_alike(claim, reference):
            distance = raw_gap(claim, reference)  # a reference's digits, swapped: misreported, whatever "about" allows
        if distance is None:
            return
        anchors = _anchors(claim, part, frame, params, given, ambiguous=part.ambiguous)
        if anchors is None or (cross and "digits" not in anchors.reasons):
            return
        places, ref_places = cluster.places_of(claim), cluster.places_of(reference)
        if places and ref_places and places != ref_places and "digits" not in anchors.reasons:
            return  # "5,434 died in Turkey" and "1,250 died in Syria": two places, two facts (unless one misread)
        if _events_differ(claim, reference):
            return
        if reference.source not in cluster.trusted and claim.source in cluster.trusted:
            claim, reference = reference, claim  # the candidate's figure is the one in question
        yield self._conflict(cluster, params, frame, claim, reference, distance, len(part.sources), anchors)

    def _conflict(
        self,
        cluster: AlignedCluster,
        params: QuantityConflictParams,
        frame: QuantityFrame,
        a: QuantityClaim,
        b: QuantityClaim,
        distance: float,
        support: int,
        anchors: Anchors,
    ) -> Finding:
        severity: Severity = "error" if distance >= params.error_gap and anchors.sure else "warning"
        exact = a.qualifier != "vague" and b.qualifier != "vague"  # "dozens" against 250: early and late counts
        decided = b.source in cluster.trusted and a.source not in cluster.trusted and (
            anchors.ties
            or ("predicate" in anchors.reasons and not anchors.generic and _scaled(a, b))
            or (
                anchors.overlap >= params.reference_sentence_overlap
                and _alone(cluster, frame, a)
                and _alone(cluster, frame, b)
            )
        )
        if not anchors.strong and not (exact and (anchors.outvoted(support) or decided)):
            severity = min(severity, params.weak_alignment_severity, key=_rank)
        first, second = a, b
        date_a = cluster.reference_dates.get(a.source)
        date_b = cluster.reference_dates.get(b.source)
        event = event_class(a.event) or event_class(b.event) or event_class(a.predicate)
        if (
            event in params.growing_events
            and date_a
            and date_b
            and date_a.date
            and date_b.date
            and date_a.origin in ("published", "dateline")
            and date_b.origin in ("published", "dateline")
            and date_a.date != date_b.date
        ):
            first, second = (a, b) if date_a.date < date_b.date else (b, a)
            if (second.low or 0) > (first.high or math.inf) or (second.low or 0) >= (first.low or 0):
                severity = params.growing_counts_severity
        reasons = _why(anchors, a, b)
        places = [p for p in cluster.place_names(first) if p.casefold() in cluster.places_of(second)]
        values, words = in_words(what_compared(frame, [first, second], places), first, second, params, distance)
        return self.finding(
            [Evidence.of(first, note(first, params)), Evidence.of(second, note(second, params))],
            {**values, "sources": f"{first.source}, {second.source}", "support": support, "aligned_by": reasons},
            details={
                "what": frame.measure,
                **words,
                "places": places,
                "event": event or None,
                "frame": {k: v for k, v in vars(frame).items() if v},
                "figures": [
                    {
                        "source": c.source,
                        "text": c.text,
                        "low": c.low,
                        "high": c.high,
                        "unit": c.unit,
                        "predicate": c.predicate,
                        "holder": c.holder,
                        "compared_as": compared_details(c, params),
                    }
                    for c in (first, second)
                ],
                "aligned_by": list(anchors.reasons),
                "sentence_overlap": round(anchors.overlap, 2),
                "agreeing_sources": support,
            },
            severity=severity,
        )


_REASONS = {
    "predicate": "the same verb ({predicate})",
    "noun": "the length of one {noun}",
    "holder": "the same holder ({holder})",
    "digits": "{digits}",
    "sentence": "sentences alike ({overlap:.2f})",
    "context": "sentences in part alike ({overlap:.2f})",
    "ambiguous": "though a source gives this frame two values",
}


def _why(anchors: Anchors, a: QuantityClaim, b: QuantityClaim) -> str:
    """Why two figures were compared, in words: "the same verb (killed), sentences alike (0.83)"."""
    values = {
        "predicate": predicate_key(a) or predicate_key(b) or "",
        "holder": a.holder or b.holder or "",
        "noun": a.noun_lemma or b.noun_lemma or "",
        "overlap": anchors.overlap,
        "digits": misreading(a, b) or "the same digits",
    }
    return ", ".join(_REASONS[r].format(**values) for r in anchors.reasons)


def _rank(severity: str) -> int:
    return {"info": 0, "warning": 1, "error": 2}[severity]


def _held_by_references(pairs: list[Pair], trusted: frozenset[str]) -> dict[str, list[Pair]]:
    """In trusted-sources mode, the references' figures of a frame by their holder (none outside that mode)."""
    held: dict[str, list[Pair]] = defaultdict(list)
    if trusted:
        for claim, interval in pairs:
            key = holder_key(claim)
            if key and claim.source in trusted:
                held[key].append((claim, interval))
    return held


def _scaled(a: QuantityClaim, b: QuantityClaim) -> bool:
    """The same digits a power of ten apart, even a single one ("around €600,000", "around €60,000"):
    under the same verb, one figure with a zero too many or too few."""
    digits_a, digits_b = (re.sub(r"\D", "", c.text).strip("0") for c in (a, b))
    if not digits_a or digits_a != digits_b or not a.value or not b.value:
        return False
    ratio = max(abs(a.value), abs(b.value)) / min(abs(a.value), abs(b.value))
    return any(math.isclose(ratio, 10.0**power, rel_tol=1e-6) for power in range(1, 10))


def _alone(cluster: AlignedCluster, frame: QuantityFrame, claim: QuantityClaim) -> bool:
    """The only figure of its frame in its sentence: like sentences then pair it with no other figure."""
    group = cluster.quantity_groups.get(frame, ())
    return sum(1 for c in group if c.source == claim.source and c.sentence_start == claim.sentence_start) == 1


def _measure_words(frame: QuantityFrame) -> frozenset[str]:
    return frozenset(frame.measure.casefold().split())


def _anchors(
    claim: QuantityClaim,
    part: Part,
    frame: QuantityFrame,
    params: QuantityConflictParams,
    given: tuple[str, ...],
    *,
    ambiguous: bool = False,
) -> Anchors | None:
    """Why ``claim`` and the reference of ``part`` state the same fact, or None when nothing says they do."""
    reference = part.reference[0]
    holder_a, holder_b = holder_key(claim), holder_key(reference)
    if holder_a and holder_b and holder_a != holder_b:
        return None  # Calder's figure and Orwen's: two facts
    noun_a, noun_b = _noun(claim, frame), _noun(reference, frame)
    if noun_a and noun_b and noun_a != noun_b:
        return None  # money for a fund and money for a stadium
    reasons = list(given)
    if holder_a and holder_a == holder_b:
        reasons.append("holder")
    if any(digits_alike(claim, c) and not converted(claim, c) for c in part.agreeing):
        reasons.append("digits")
    shared = max(overlap(claim.sentence, agreeing.sentence, _measure_words(frame)) for agreeing in part.agreeing)
    if shared >= params.same_sentence_overlap:
        reasons.append("sentence")
    elif shared >= params.context_overlap:
        reasons.append("context")
    if not set(reasons) & {"predicate", "noun", "holder", "digits", "sentence"}:
        return None
    if ambiguous and "digits" not in reasons:
        reasons.append("ambiguous")
    event = event_of(claim) or event_of(reference)
    return Anchors(tuple(reasons), shared, bool(event) and "predicate" in given, frame.measure in GENERIC_MEASURES)


GENERIC_MEASURES = frozenset({"time", "other", "one", "thing", "way", "case", "incident"})
"""Counted nouns that do not say what is counted: "arrested four times", "250 others"."""

GENERIC_NOUNS = frozenset({"amount", "sum", "total", "figure", "value", "money", "cash", "number", "share", "rate"})
"""Nouns that say nothing of what a sum of money or a share is for."""


def _noun(claim: QuantityClaim, frame: QuantityFrame) -> str | None:
    """What a sum of money or a percentage is of, where the frame does not already say it."""
    if frame.measure in ("currency", "percent") and claim.noun_lemma not in GENERIC_NOUNS:
        return claim.noun_lemma
    return None


def _events_differ(a: QuantityClaim, b: QuantityClaim) -> bool:
    """12 killed and 40 injured: figures of two events never compare."""
    ea, eb = event_of(a), event_of(b)
    return bool(ea and eb and ea != eb)
