"""Typed claims: what one source asserts, normalized, with where it says it.

Claims are the currency between the pipeline stages: extractors produce them,
alignment groups them, checks compare them, and `factcheck claims` prints them
one per line.  The field names and meanings of the contract
(``report-contract.md``) are a public interface: add fields, never rename.
"""

from __future__ import annotations

import operator
import typing
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

DateGranularity = Literal[
    "minute",
    "hour",
    "day",
    "week",
    "month",
    "quarter",
    "season",
    "year",
    "decade",
    "century",
    "interval",
]
"""How precise a date value is; ``interval`` values are ``start/end`` pairs."""

Qualifier = Literal[
    "exact",
    "approximate",
    "more_than",
    "at_least",
    "less_than",
    "at_most",
    "nearly",
    "range",
    "vague",
]


class Claim(BaseModel):
    """Provenance shared by every claim.

    ``start``/``end`` are Python ``str`` indices into the source text exactly as
    decoded, so ``source_text[start:end] == text`` always holds.

    Claims are immutable values.  A stage that learns more about a claim
    makes a new one (`replaced`): linking returns linked copies of the
    mentions, the interner copies that share strings.  So a check, a plugin
    or a cached report can hold a claim without another stage changing it
    underneath.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    source: str = Field(description="Id of the source the claim is read from.")
    start: int = Field(ge=0, description="Offset of the claim's first character in the source text.")
    end: int = Field(ge=0, description="Offset just past its last character.")
    text: str = Field(description="The expression as written: source_text[start:end].")
    sentence: str = Field(default="", description="The sentence the claim was read from.")
    sentence_start: int = Field(default=0, ge=0, description="Offset of that sentence.")


DateIssueKind = Literal["malformed-ordinal", "month-missing", "ambiguous-order", "unparsed", "impossible-date"]


class DateIssue(BaseModel):
    """Something wrong with how a date is written, found while reading it.

    The extractor sees the raw expression, so it records the defect; whether
    it becomes a finding, and how loud, is the ``date-format`` check's call.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: DateIssueKind = Field(description="What is wrong: a garbled ordinal, a missing month, an ambiguous order ...")
    start: int = Field(description="Offset of the faulty part in the source text.")
    end: int = Field(description="Offset just past it.")
    text: str = Field(description="The faulty part as written.")
    detail: str = Field(description="What is wrong with it, in words.")
    suggestion: str | None = Field(default=None, description="How to write it, when one way is clear.")


DateMod = Literal["BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER"]


class ClockTime(BaseModel):
    """The time of day a date claim writes, and where its UTC offset comes from.

    The offset itself is in the claim's ``value`` (``...T21:05+02:00``); this
    says what a reader needs besides it to compare times across sources.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    clock: str = Field(description="The time of day as written, on a 24-hour clock: '21:05'.")
    zone: str | None = Field(
        default=None, description="The zone as written ('BST', 'UK time', 'UTC+03:00', 'local time'); null: none."
    )
    converted: str | None = Field(
        default=None, description="The same instant in another zone, in brackets: '19:05 GMT' of '21:05 local time "
        "(1905 GMT)'.",
    )
    offset_from: Literal["zone", "conversion", "source"] | None = Field(
        default=None,
        description="Where the value's offset comes from: the zone, the bracketed conversion, or another "
        "conversion in the source (for 'local time'); null when the value has none.",
    )
    day_stated: bool = Field(
        default=True, description="Whether the text gives the day; false when the day is the reference date."
    )

    @property
    def local(self) -> bool:
        """ "local time" with no conversion beside it."""
        return self.zone == "local time" and self.converted is None


class DateClaim(Claim):
    """A date or time a source states ("on Tuesday", "3 March 2025", "at 21:05 BST"), normalized.

    ``value`` is ISO 8601 at the precision the text commits to
    (``granularity``); a relative date ("yesterday") is resolved against
    the source's reference date (``relative`` says so).  ``event`` is the
    verb it dates, which is what dates of different sources are aligned by.
    """

    kind: Literal["date"] = Field(default="date", description="Tells the claim kinds apart in JSON.")
    value: str | None = Field(
        description="ISO 8601 at the claim's granularity, an interval 'a/b', or null."
    )
    granularity: DateGranularity | None = Field(
        default=None, description="How precise value is: minute, hour, day, week, month ... year, interval."
    )
    reason: str | None = Field(default=None, description="Why value is null, when it is.")
    weekday: int | None = Field(
        default=None, ge=0, le=6, description="Weekday the text states (0 = Monday), if any."
    )
    weekday_text: str | None = Field(default=None, description="The weekday as written, if any.")
    readings: list[str] = Field(
        default_factory=list, description="Every reading of an ambiguous expression."
    )
    role: Literal["event", "publication"] = Field(
        default="event", description="'publication' for the page's own date (a dateline, 'Updated ...'), else 'event'."
    )
    relative: bool = Field(
        default=False, description="Resolved against the reference date rather than read."
    )
    event: str | None = Field(default=None, description="Lemma of the predicate it dates.")
    mod: DateMod | None = Field(
        default=None,
        description="An open-ended date (TimeML's TIMEX3 mod): the text puts the event before or "
        "after the value ('after 2018', 'no later than March 1', '2012 or later'), not at it.",
    )
    issues: list[DateIssue] = Field(
        default_factory=list, description="What is wrong with how the date is written (the date-format check's input)."
    )
    time: ClockTime | None = Field(
        default=None, description="For a time of day: the clock and zone as written (the value has the offset)."
    )


class QuantityClaim(Claim):
    """A figure a source states ("about 300 passengers", "€4.5 million", "up 0.9 percent"), normalized.

    The number is read into ``value`` and the bounds its wording commits to
    (``low``/``high``: "more than 300" has no upper bound); what it counts
    or measures (``noun``, ``unit``), the verb and holder it belongs to, and
    its part in a change, are what figures of different sources are aligned
    by.  The tolerance a comparison allows is the rule's, not the claim's.
    """

    kind: Literal["quantity"] = Field(default="quantity", description="Tells the claim kinds apart in JSON.")
    value: float | None = Field(description="The number as written, in its unit; null when it cannot be read.")
    qualifier: Qualifier = Field(
        default="exact",
        description="How the wording bounds the number: exact, approximate ('about'), more_than, at_least, "
        "less_than, at_most, nearly, range ('between 10 and 12'), vague ('dozens').",
    )
    low: float | None = Field(default=None, description="Lowest value the wording allows; null: no lower bound.")
    high: float | None = Field(default=None, description="Highest value the wording allows; null: no upper bound.")
    low_inclusive: bool = Field(default=True, description="Whether low itself is allowed ('at least' vs 'more than').")
    high_inclusive: bool = Field(default=True, description="Whether high itself is allowed ('at most' vs 'less than').")
    unit: str | None = Field(default=None, description="Unit name, null for plain counts.")
    dimension: str | None = Field(
        default=None, description="What the unit measures (length, currency, percent ...)."
    )
    noun: str | None = Field(default=None, description="What is counted or measured, as written.")
    noun_lemma: str | None = Field(
        default=None,
        description="Lemma of what is counted, also where the text leaves the noun out: in 'licensed to "
        "carry 150 passengers but was carrying 212', 212 counts passengers.",
    )
    event: str | None = Field(
        default=None, description="Governing event lemma: killed, injured, deployed ..."
    )
    predicate: str | None = Field(
        default=None,
        description="Lemma of the verb the figure is an argument of ('carry' in 'was carrying 212'; "
        "'license' in 'licensed to carry 150'), the complement of a light verb ('missing').",
    )
    holder: str | None = Field(
        default=None,
        description="Whose figure it is, as written: the named possessor or subject ('Calder' in "
        "'Calder collect €4.5 million'), or the person an age belongs to.",
    )
    per: str | None = Field(default=None, description="The denominator of a rate: 'day' in '410,000 barrels a day'.")
    scope: Literal["part", "whole", "total"] | None = Field(
        default=None,
        description="'part' for the seven of 'seven of the nine members', 'whole' for the nine, "
        "'total' for '15 in all'.",
    )
    attribute: Literal["age"] | None = Field(
        default=None, description="What the figure measures when it is not a count of its noun: an age."
    )
    change: Literal["up", "down"] | None = Field(
        default=None,
        description="The direction of a change the figure is part of: 'up' for the 0.9 percent and the "
        "7,412.50 of 'the index rose 0.9 percent to 7,412.50', 'down' for 'fell', 'cut', 'down 5%'.",
    )
    change_role: Literal["amount", "from", "to"] | None = Field(
        default=None,
        description="The figure's part in that change: its size ('amount': 'rose 0.9 percent', 'by 25 "
        "basis points'), the level it started from ('from $1,980') or the level it reached ('to $1,870').",
    )
    change_from: float | None = Field(
        default=None,
        description="On every figure of a change, the starting level the text writes ('from $1,980': 1980).",
    )
    change_to: float | None = Field(
        default=None,
        description="On every figure of a change, the level it reached as written ('to 7,412.50': 7412.5).",
    )


class EntityClaim(Claim):
    """A name a source mentions (a person, an organisation, a place), linked to the reference lists.

    ``match`` says how the mention relates to the entity it was linked to:
    the canonical spelling, an accepted variant, a foreign form, a known
    misspelling, a near miss (``fuzzy``), wrong casing, a name glued to the
    next word, or nothing known (``unlinked``).  ``titles`` are the roles
    the text gives the person, which the title checks compare.
    """

    kind: Literal["entity"] = Field(default="entity", description="Tells the claim kinds apart in JSON.")
    label: str = Field(description="spaCy's entity label: PERSON, ORG, GPE, LOC, NORP ...")
    canonical: str | None = Field(
        default=None, description="Canonical name of the entity this mention refers to."
    )
    entity_id: str | None = Field(default=None, description="Id in the reference name list.")
    surface: str = Field(description="The name as written, titles and possessives removed.")
    match: Literal[
        "canonical", "variant", "exonym", "misspelling", "fuzzy", "casing", "glued", "unlinked"
    ] = Field(default="unlinked", description="How the mention matched the reference form (see the class).")
    matched_form: str | None = Field(
        default=None, description="The reference form the mention was matched to."
    )
    score: float | None = Field(default=None, description="Similarity to matched_form, 0-100.")
    glued_to: str | None = Field(
        default=None, description="The word run into the name, for a glued mention."
    )
    title: str | None = Field(default=None, description="A role or title the text gives.")
    titles: tuple[str, ...] = Field(
        default=(),
        description="Every title the text gives this mention, as written: before the name"
        " (\"Finance Minister\"), in apposition (\"the club's manager\") or by a verb (\"chaired by\").",
    )


AnyClaim = Annotated[DateClaim | QuantityClaim | EntityClaim, Field(discriminator="kind")]
"""Any claim, told apart by its ``kind`` (the form pydantic reads and the type checks use)."""

CLAIM_TYPES: tuple[type[Claim], ...] = typing.get_args(typing.get_args(AnyClaim)[0])
"""The claim classes of `AnyClaim`, for ``isinstance``."""

ClaimT = TypeVar("ClaimT", DateClaim, QuantityClaim, EntityClaim)


class SourceClaims(BaseModel):
    """The claims extracted from one source, before cluster-level linking."""

    model_config = ConfigDict(extra="forbid")

    dates: list[DateClaim]
    quantities: list[QuantityClaim]
    entities: list[EntityClaim]
    notes: list[str] = []
    """Problems of extractor plugins on this source, reported with the run."""


class SourceOutcome(BaseModel):
    """What extraction made of one source: its claims, or why it has none.

    The one result of extraction, whether a source was read back from the
    claims cache, extracted in this process, in a worker process (``--jobs``)
    or on a Dask worker: the last two send it as JSON.
    """

    model_config = ConfigDict(extra="forbid")

    claims: SourceClaims | None = None
    failure: str | None = Field(default=None, description="Why extraction failed on this source.")

    @model_validator(mode="after")
    def _one_of(self) -> SourceOutcome:
        if (self.claims is None) == (self.failure is None):
            raise ValueError("an outcome holds either claims or a failure")
        return self


_FIELD_NAME_SETS: dict[frozenset[str], set[str]] = {}


def shared_field_names(names: set[str] | frozenset[str]) -> set[str]:
    """One ``__pydantic_fields_set__`` object for every claim that set the same fields.

    Pydantic gives each model instance its own set of the field names it was
    given: about 700 bytes for a claim, more than the rest of the claim's
    structure.  Claims are frozen, so nothing changes the set after
    construction, and claims with equal sets can hold one.
    """
    key = frozenset(names)
    shared = _FIELD_NAME_SETS.get(key)
    if shared is None:
        shared = _FIELD_NAME_SETS[key] = set(key)
    return shared


def _built(cls: type[ClaimT], values: dict[str, Any], names: set[str]) -> ClaimT:
    """A new claim holding ``values`` (those of a validated claim) and a shared field-name set.

    This is what pydantic's ``model_construct`` does, without its pass over
    every field's alias and default: it runs for every claim of a cluster,
    and takes a fifth of the time.  The object is filled before anything
    else can see it; no claim is changed after it is built.
    """
    claim = cls.__new__(cls)
    object.__setattr__(claim, "__dict__", values)
    object.__setattr__(claim, "__pydantic_fields_set__", names)
    object.__setattr__(claim, "__pydantic_extra__", None)
    object.__setattr__(claim, "__pydantic_private__", None)
    return claim


def replaced(claim: ClaimT, update: Mapping[str, Any]) -> ClaimT:
    """A copy of ``claim`` with some fields replaced, holding the shared field-name set.

    ``model_copy(update=...)`` would give the copy a set of its own; the
    values come from a validated claim, so they need no validation again.
    """
    names = shared_field_names(claim.model_fields_set | update.keys())
    return _built(type(claim), {**claim.__dict__, **update}, names)


class ClaimInterner:
    """Holds equal parts of many claims once: a large cluster keeps every claim alive.

    A 10,000-source cluster holds about 400,000 claims through the
    cluster-level stages.  Their strings repeat (the source id, a sentence
    shared by its claims, a name written the same way in every source, each
    label), and claims read back from the cache or from a worker process
    each carry their own copy.  `intern` returns claims whose equal strings
    are one object; claims are values, so nothing observable changes.
    """

    def __init__(self) -> None:
        self._strings: dict[str, str] = {}

    def claim(self, claim: ClaimT) -> ClaimT:
        """``claim``, or an equal copy holding the shared strings and field-name set."""
        strings = self._strings
        values: dict[str, Any] = {
            name: strings.setdefault(value, value) if type(value) is str else value
            for name, value in claim.__dict__.items()
        }
        names = shared_field_names(claim.model_fields_set)
        if names is claim.model_fields_set and all(values[k] is v for k, v in claim.__dict__.items()):
            return claim
        return _built(type(claim), values, names)

    def outcome(self, outcome: SourceOutcome) -> SourceOutcome:
        """An outcome whose claims (if any) share strings with those interned before."""
        return outcome if outcome.claims is None else SourceOutcome(claims=self.intern(outcome.claims))

    def intern(self, extracted: SourceClaims) -> SourceClaims:
        """The claims of one source with the strings of every source seen so far."""
        return SourceClaims.model_construct(
            _fields_set=extracted.model_fields_set,
            dates=[self.claim(c) for c in extracted.dates],
            quantities=[self.claim(c) for c in extracted.quantities],
            entities=[self.claim(c) for c in extracted.entities],
            notes=extracted.notes,
        )


def in_source_order(claims_of_each_source: Iterable[Sequence[ClaimT]]) -> list[ClaimT]:
    """Claims in (source, start, end) order, so nothing downstream depends on the input order.

    Sorting each source's few claims, then the source ids, costs less than
    one sort of a whole cluster's claims and stays linear in their number.
    The sorts are stable: claims at the same offsets keep extraction order.
    """
    by_source: dict[str, list[ClaimT]] = {}
    for claims in claims_of_each_source:
        for claim in claims:
            by_source.setdefault(claim.source, []).append(claim)
    offsets = operator.attrgetter("start", "end")
    return [claim for source in sorted(by_source) for claim in sorted(by_source[source], key=offsets)]


@dataclass
class ClusterClaims:
    """Every claim of a cluster by kind, in source order: what the cluster-level stages work on.

    A working container, not a record: linking replaces each mention in
    ``entities`` by its linked copy, so that once the per-source
    `SourceClaims` are dropped, no claim is held twice.
    """

    dates: list[DateClaim] = field(default_factory=list)
    quantities: list[QuantityClaim] = field(default_factory=list)
    entities: list[EntityClaim] = field(default_factory=list)

    @classmethod
    def gather(cls, extracted: Sequence[SourceClaims]) -> ClusterClaims:
        return cls(
            dates=in_source_order(x.dates for x in extracted),
            quantities=in_source_order(x.quantities for x in extracted),
            entities=in_source_order(x.entities for x in extracted),
        )

    def all(self) -> list[AnyClaim]:
        """Every claim, in (source, start, end, kind) order: the report's ``claims``."""
        return sorted([*self.dates, *self.quantities, *self.entities], key=lambda c: (c.source, c.start, c.end, c.kind))
