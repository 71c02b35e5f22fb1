"""The ``unsupported-claim`` check: what a candidate states that no reference backs.

Trusted-sources mode only (``--reference``): a figure, a date or a named
person in a candidate text that no reference mentions.  A checked summary
or generated text may be wrong without contradicting anything: a figure
made up, a date from elsewhere, a person the references never name.  The
contradiction checks cannot see those; this check lists them, at info by
default, so a reader sees what the references do not back.

What counts as mentioned, kind by kind:

- a figure: some reference figure whose interval, widened by the usual
  tolerances (rounding, "about") and in a common unit, meets the
  candidate's ("roughly 190 km/h" is backed by "120 mph");
- a date: some reference date of the same day, or a month or year holding
  it (the event's date, not the page's: a dateline is not checked);
- a person: some reference mention linked to the same person, or any
  reference mention of the candidate's surname ("Benjamin said" is backed
  by "Regina M. Benjamin").

A claim the references contradict is reported as such by the other checks,
not as unsupported too (`factcheck.checks.trusted.drop_contradicted`).
"""

from __future__ import annotations

import typing
from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from factcheck.alignment import AlignedCluster, entity_key
from factcheck.checks.base import Check
from factcheck.checks.date_references import period
from factcheck.checks.figure_words import stated_words
from factcheck.checks.figures import Interval, gap, in_common_unit, widened
from factcheck.checks.quantities import DEFAULT_TOLERANCE
from factcheck.claims import Claim, DateClaim, EntityClaim, QuantityClaim
from factcheck.names.folding import fold
from factcheck.report import Evidence, Finding

ClaimKind = Literal["figure", "date", "person"]
CLAIM_KINDS: tuple[ClaimKind, ...] = typing.get_args(ClaimKind)


class UnsupportedClaimParams(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kinds: list[ClaimKind] = Field(
        default_factory=lambda: list(CLAIM_KINDS),
        description="What is checked: figures, dates (a day, a month or a year) and named people.",
    )
    relative_tolerance: dict[str, float] = Field(
        default_factory=lambda: dict(DEFAULT_TOLERANCE),
        description="Relative widening of each figure, by qualifier, as in quantity-conflict.",
    )
    rounding: float = Field(default=0.5, ge=0, description="Half a rounding step, as in quantity-conflict.")
    max_rounding: float = Field(default=0.1, ge=0, le=1, description="The rounding's limit, as in quantity-conflict.")
    exchange_rates: dict[str, float] = Field(
        default_factory=dict, description="Currency rates in base_currency, as in quantity-conflict."
    )
    base_currency: str = Field(default="USD", description="The currency exchange_rates are given in.")
    min_figure: float = Field(
        default=2,
        ge=0,
        description="Plain counts below this ('one of', 'a second') say too little to look for in the references.",
    )


class UnsupportedClaim(Check):
    """A figure, date or named person of a candidate that no reference states."""

    name = "unsupported-claim"
    Params = UnsupportedClaimParams
    message_fields = frozenset({"kind", "text", "value"})
    needs_references = True

    def run(self, cluster: AlignedCluster) -> Iterator[Finding]:
        params = self.params
        assert isinstance(params, UnsupportedClaimParams)
        trusted = cluster.trusted
        if not trusted:
            return
        if "figure" in params.kinds:
            yield from self._figures(cluster, params, trusted)
        if "date" in params.kinds:
            yield from self._dates(cluster, trusted)
        if "person" in params.kinds:
            yield from self._people(cluster, trusted)

    def _figures(
        self, cluster: AlignedCluster, params: UnsupportedClaimParams, trusted: frozenset[str]
    ) -> Iterator[Finding]:
        stated: dict[str | None, list[Interval]] = defaultdict(list)
        for claim in cluster.quantities:
            if claim.source in trusted and _bounded(claim):
                unit, interval = in_common_unit(claim, widened(claim, params), params)
                stated[unit].append(interval)
        for claim in cluster.quantities:
            if claim.source in trusted or not _bounded(claim) or _trivial(claim, params.min_figure):
                continue
            unit, interval = in_common_unit(claim, widened(claim, params), params)
            if any(gap(interval, other) is None for other in stated.get(unit, ())):
                continue
            yield self._unsupported("figure", [claim], stated_words(claim))

    def _dates(self, cluster: AlignedCluster, trusted: frozenset[str]) -> Iterator[Finding]:
        periods = [p for c in cluster.dates if c.source in trusted and (p := period(c)) is not None]
        for claim in cluster.dates:
            if claim.source in trusted or claim.role != "event" or claim.mod is not None:
                continue
            own = period(claim)
            if own is None or _own_day(cluster, claim):
                continue
            if any(not (own[1] < p[0] or p[1] < own[0]) for p in periods):
                continue
            yield self._unsupported("date", [claim], claim.value or "")

    def _people(self, cluster: AlignedCluster, trusted: frozenset[str]) -> Iterator[Finding]:
        named: set[str] = set()
        surnames: set[str] = set()
        for claim in cluster.entities:
            if claim.source in trusted:
                named.add(entity_key(claim))
                surnames.update(_surnames(claim))
        mentions: dict[str, list[EntityClaim]] = defaultdict(list)
        for claim in cluster.entities:
            if claim.source not in trusted and claim.label == "PERSON" and claim.glued_to is None:
                mentions[entity_key(claim)].append(claim)
        for key, claims in sorted(mentions.items()):
            if key in named or any(_surnames(c) & surnames for c in claims):
                continue
            yield self._unsupported("person", claims, claims[0].canonical or claims[0].surface)

    def _unsupported(self, kind: ClaimKind, claims: Sequence[Claim], value: str) -> Finding:
        first = claims[0]
        return self.finding(
            [Evidence.of(c) for c in claims],
            {"kind": kind, "text": first.text, "value": value},
            details={"kind": kind, "value": value, "checked_against": "the references"},
        )


def _bounded(claim: QuantityClaim) -> bool:
    return claim.low is not None or claim.high is not None


def _trivial(claim: QuantityClaim, minimum: float) -> bool:
    """ "one of the victims", "a second time": a plain count too small to be a claim of its own."""
    return claim.unit is None and claim.value is not None and abs(claim.value) < minimum


def _own_day(cluster: AlignedCluster, claim: DateClaim) -> bool:
    """A relative date that is its source's own day ("today", "on Wednesday" in Wednesday's paper)."""
    reference = cluster.reference_dates.get(claim.source)
    found = period(claim)
    return bool(
        claim.relative and reference is not None and reference.date is not None and found == (reference.date,) * 2
    )


def _surnames(claim: EntityClaim) -> set[str]:
    """The folded last words of a person's written and linked name."""
    found = set()
    for name in (claim.surface, claim.canonical or ""):
        words = fold(name).split()
        if words:
            found.add(words[-1])
    return found
