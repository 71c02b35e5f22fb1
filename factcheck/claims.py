"""Typed claims: what one source asserts, normalized, with where it says it.

Claims are the currency between the pipeline stages: extractors produce them,
alignment groups them, checks compare them, and `factcheck claims` prints them
one per line.  The field names and meanings of the contract
(``report-contract.md``) are a public interface: add fields, never rename.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

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
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    source: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    sentence: str = Field(default="", description="The sentence the claim was read from.")
    sentence_start: int = Field(default=0, ge=0, description="Offset of that sentence.")


class DateIssue(BaseModel):
    """Something wrong with how a date is written, found while reading it.

    The extractor sees the raw expression, so it records the defect; whether
    it becomes a finding, and how loud, is the ``date-format`` check's call.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: Literal["malformed-ordinal", "month-missing", "ambiguous-order", "unparsed"]
    start: int
    end: int
    text: str
    detail: str
    suggestion: str | None = None


DateMod = Literal["BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER"]


class DateClaim(Claim):
    kind: Literal["date"] = "date"
    value: str | None = Field(
        description="ISO 8601 at the claim's granularity, an interval 'a/b', or null."
    )
    granularity: DateGranularity | None = None
    reason: str | None = Field(default=None, description="Why value is null, when it is.")
    weekday: int | None = Field(
        default=None, ge=0, le=6, description="Weekday the text states (0 = Monday), if any."
    )
    weekday_text: str | None = None
    readings: list[str] = Field(
        default_factory=list, description="Every reading of an ambiguous expression."
    )
    role: Literal["event", "publication"] = "event"
    relative: bool = Field(
        default=False, description="Resolved against the reference date rather than read."
    )
    event: str | None = Field(default=None, description="Lemma of the predicate it dates.")
    mod: DateMod | None = Field(
        default=None,
        description="An open-ended date (TimeML's TIMEX3 mod): the text puts the event before or "
        "after the value ('after 2018', 'no later than March 1', '2012 or later'), not at it.",
    )
    issues: list[DateIssue] = Field(default_factory=list)


class QuantityClaim(Claim):
    kind: Literal["quantity"] = "quantity"
    value: float | None
    qualifier: Qualifier = "exact"
    low: float | None = None
    high: float | None = None
    low_inclusive: bool = True
    high_inclusive: bool = True
    unit: str | None = Field(default=None, description="Unit name, null for plain counts.")
    dimension: str | None = Field(
        default=None, description="What the unit measures (length, currency, percent ...)."
    )
    noun: str | None = Field(default=None, description="What is counted or measured, as written.")
    noun_lemma: str | None = None
    event: str | None = Field(
        default=None, description="Governing event lemma: killed, injured, deployed ..."
    )


class EntityClaim(Claim):
    kind: Literal["entity"] = "entity"
    label: str
    canonical: str | None = Field(
        default=None, description="Canonical name of the entity this mention refers to."
    )
    entity_id: str | None = Field(default=None, description="Id in the reference name list.")
    surface: str = Field(description="The name as written, titles and possessives removed.")
    match: Literal[
        "canonical", "variant", "exonym", "misspelling", "fuzzy", "casing", "glued", "unlinked"
    ] = "unlinked"
    matched_form: str | None = Field(
        default=None, description="The reference form the mention was matched to."
    )
    score: float | None = Field(default=None, description="Similarity to matched_form, 0-100.")
    glued_to: str | None = Field(
        default=None, description="The word run into the name, for a glued mention."
    )
    title: str | None = Field(default=None, description="A role or title the text gives.")


AnyClaim = Annotated[DateClaim | QuantityClaim | EntityClaim, Field(discriminator="kind")]


_FIELD_NAME_SETS: dict[frozenset[str], set[str]] = {}


def shared_field_names(names: set[str] | frozenset[str]) -> set[str]:
    """One ``__pydantic_fields_set__`` object for every claim that set the same fields.

    Pydantic gives each model instance its own set of the field names it was
    given: about 700 bytes for a claim, more than the rest of the claim's
    structure.  Pydantic changes the set in place only on attribute
    assignment, which frozen claims refuse, and ``model_copy`` copies it
    first; code that updates a claim it owns (linking) rebinds it instead.
    So claims with equal sets can hold one.
    """
    key = frozenset(names)
    shared = _FIELD_NAME_SETS.get(key)
    if shared is None:
        shared = _FIELD_NAME_SETS[key] = set(key)
    return shared


class ClaimInterner:
    """Holds equal parts of many claims once: a large cluster keeps every claim alive.

    A 10,000-source cluster holds about 400,000 claims through the
    cluster-level stages.  Their strings repeat (the source id, a sentence
    shared by its claims, a name written the same way in every source, each
    label), and claims read back from the cache or from a worker process
    each carry their own copy.  Claims are immutable values, so equal
    strings can be one object; nothing observable changes.
    """

    def __init__(self) -> None:
        self._strings: dict[str, str] = {}

    def intern(self, claims: Iterable[Claim]) -> None:
        strings = self._strings
        for claim in claims:
            fields = claim.__dict__
            for name, value in fields.items():
                if type(value) is str:
                    fields[name] = strings.setdefault(value, value)
            object.__setattr__(claim, "__pydantic_fields_set__", shared_field_names(claim.__pydantic_fields_set__))
