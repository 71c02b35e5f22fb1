"""The reference name lists: known entities, their accepted spellings and roles.

The lists live as YAML in rule packs (``rules/names/*.yaml``) so that users
can extend them without code.  Every spelling is classified up front
(canonical, accepted variant, foreign-language form, known misspelling),
because edit distance alone cannot tell "Zelenskiy" (accepted) from
"Zelnsky" (a typo): the list is the evidence.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

EntityType = Literal["PERSON", "ORG", "GPE", "NORP", "LOC", "EVENT"]


class Variant(BaseModel):
    """An accepted spelling, with the transliteration system or style behind it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    form: str = Field(min_length=1)
    system: str | None = Field(
        default=None, description="Transliteration system, outlet style or language."
    )


class ForeignForm(BaseModel):
    """A name as another language writes it: right there, wrong in English text."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    form: str = Field(min_length=1)
    language: str = Field(min_length=2, description="ISO 639-1 code of that language.")


class Role(BaseModel):
    """A title held for a period; ``to`` is null while it is held."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    title: str = Field(min_length=1)
    start: dt.date | int | None = Field(default=None, alias="from")
    end: dt.date | int | None = Field(default=None, alias="to")


class ReferenceEntity(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    canonical: str = Field(min_length=1)
    type: EntityType
    variants: list[Variant] = Field(default_factory=list)
    foreign: list[ForeignForm] = Field(default_factory=list)
    misspellings: list[str] = Field(default_factory=list)
    acronym: str | None = Field(default=None, description="Canonical acronym, e.g. NATO.")
    house_styles: list[str] = Field(
        default_factory=list,
        description="Accepted case variants of the acronym, e.g. 'Nato' in the British press.",
    )
    roles: list[Role] = Field(default_factory=list)
    short_forms: list[str] | None = Field(
        default=None,
        description="How a lone reference writes this person ('Kim', 'Xi', 'Lula'). By default "
        "the last word of each full form; set it where that is wrong (family name first, "
        "'Jr.', regnal numbers). An empty list: never referred to by one word.",
    )

    @field_validator("variants", mode="before")
    @classmethod
    def _bare_strings_are_variants(cls, value: object) -> object:
        if isinstance(value, list):
            return [{"form": v} if isinstance(v, str) else v for v in value]
        return value


class NameList(BaseModel):
    """One YAML file of the reference lists."""

    model_config = ConfigDict(extra="forbid")

    about: str = ""
    sources: list[str] = Field(default_factory=list, description="Where the facts come from.")
    entities: list[ReferenceEntity]
