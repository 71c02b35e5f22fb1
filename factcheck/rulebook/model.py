"""The rule format: what a rule file, a rule and a pack manifest may say, as pydantic models.

A rule only names a check type and sets its category, severity, message,
parameters, ``scope`` and ``examples`` (its tests, run by
`factcheck.rule_tests`); behaviour lives in the check types
(`factcheck.checks`).  These models validate rule files and give their JSON
Schema (`factcheck.rulebook.schema`).
"""

from __future__ import annotations

import datetime as dt
import fnmatch
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from factcheck.report import Category, Severity
from factcheck.sources.language import validate_language_tag
from factcheck.sources.model import SourceRole

if TYPE_CHECKING:
    from factcheck.report import Finding
    from factcheck.sources.model import Source


class PackManifest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1)
    version: str = "0"
    description: str = ""


def _matches(value: str | None, patterns: Sequence[str], *, case: bool) -> bool:
    text = value or ""
    if case:
        return any(fnmatch.fnmatchcase(text, p) for p in patterns)
    return any(fnmatch.fnmatchcase(text.casefold(), p.casefold()) for p in patterns)


class RuleScope(BaseModel):
    """Which sources a rule applies to; a finding is kept only if all its sources are in scope.

    Each list holds shell-style globs (``*``, ``?``, ``[...]``); a source is in
    scope when it matches every list that is given.  A source without the
    metadata a list asks about matches only ``"*"``.
    """

    model_config = ConfigDict(extra="forbid")

    sources: list[str] | None = Field(
        default=None, description="Source ids (globs, case-sensitive), e.g. ['wire-*']."
    )
    language: list[str] | None = Field(
        default=None, description="Source languages or locales (globs, any case), e.g. ['en', 'en-*']."
    )
    outlets: list[str] | None = Field(
        default=None, description="Source outlets from front matter (globs, any case)."
    )
    meta: dict[str, list[str]] | None = Field(
        default=None,
        description="Other front matter fields: field name -> globs its value must match (any case).",
    )

    def admits(self, source: Source) -> bool:
        """Whether ``source`` is in this scope."""
        if self.sources is not None and not _matches(source.id, self.sources, case=True):
            return False
        if self.language is not None and not _matches(source.language, self.language, case=False):
            return False
        if self.outlets is not None and not _matches(source.outlet, self.outlets, case=False):
            return False
        for key, patterns in (self.meta or {}).items():
            value = source.meta.get(key)
            if not _matches(None if value is None else str(value), patterns, case=False):
                return False
        return True


class ExampleSource(BaseModel):
    """One named text of an example cluster."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1, description="Source id, used by `expect` and `forbid`.")
    text: str = Field(min_length=1, description="The source text (front matter allowed).")
    published: dt.date | None = Field(default=None, description="Publication date, YYYY-MM-DD.")
    language: str | None = Field(default=None, description="Language or locale, e.g. en-GB.")
    outlet: str | None = Field(default=None, description="The outlet that published it.")
    meta: dict[str, Any] = Field(default_factory=dict, description="Other metadata, for `scope.meta`.")
    role: SourceRole = Field(
        default="candidate",
        description="'reference': a trusted source the others are checked against (trusted-sources mode).",
    )

    @field_validator("language")
    @classmethod
    def _iso_language(cls, language: str | None) -> str | None:
        return None if language is None else validate_language_tag(language)


class ExampleFinding(BaseModel):
    """A finding of the rule, described by the source and text of one of its evidence spans."""

    model_config = ConfigDict(extra="forbid")

    source: str = Field(min_length=1, description="Id of the source the evidence span is in.")
    text: str | None = Field(
        default=None,
        description="Text the span contains (case-sensitive); any span of the source when omitted.",
    )
    category: Category | None = Field(default=None, description="The finding's category; the rule's when omitted.")
    severity: Severity | None = Field(default=None, description="The finding's severity; any when omitted.")

    def describe(self, rule_category: str) -> str:
        what = f"“{self.text}”" if self.text is not None else "(any span)"
        level = f"/{self.severity}" if self.severity else ""
        return f"{self.source}: {what} [{self.category or rule_category}{level}]"


class RuleExample(BaseModel):
    """A multi-source example that is also a test of the rule.

    Positive when ``expect`` is not empty; negative when only ``forbid`` is.
    """

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "anyOf": [
                {"required": ["expect"], "properties": {"expect": {"minItems": 1}}},
                {"required": ["forbid"], "properties": {"forbid": {"minItems": 1}}},
            ]
        },
    )

    name: str = Field(min_length=1, description="What the example shows.")
    sources: list[ExampleSource] = Field(min_length=1, description="The texts of the cluster.")
    reference_date: dt.date | None = Field(
        default=None, description="Date relative expressions are resolved against (YYYY-MM-DD)."
    )
    expect: list[ExampleFinding] = Field(
        default_factory=list, description="Findings of this rule that must appear."
    )
    forbid: list[ExampleFinding] = Field(
        default_factory=list, description="Findings of this rule that must not appear."
    )

    @model_validator(mode="after")
    def _consistent(self) -> RuleExample:
        ids = [s.id for s in self.sources]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"duplicate source id(s) {duplicates}")
        if not self.expect and not self.forbid:
            raise ValueError("an example needs `expect` (positive) or `forbid` (negative) findings")
        unknown = sorted({f.source for f in (*self.expect, *self.forbid)} - set(ids))
        if unknown:
            raise ValueError(f"expect/forbid name unknown source(s) {unknown}; sources: {ids}")
        return self

    @property
    def positive(self) -> bool:
        return bool(self.expect)


class Rule(BaseModel):
    """One rule as written in YAML."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(
        pattern=r"^[A-Za-z0-9_][A-Za-z0-9_.\-]*$", description="Unique id: letters, digits, . _ -"
    )
    check: str = Field(description="The check type.")
    category: Category = Field(description="The report category of the rule's findings.")
    severity: Severity = Field(description="Severity of the findings (a check may raise or lower it).")
    message: str = Field(
        min_length=1, description="Template over the finding's fields: {name} is replaced by the field."
    )
    description: str = Field(default="", description="Why the rule exists.")
    link: str | None = Field(default=None, description="Where to read more.")
    enabled: bool = True
    params: dict[str, Any] = Field(default_factory=dict, description="The check type's parameters.")
    scope: RuleScope | None = Field(default=None, description="Which sources the rule applies to.")
    examples: list[RuleExample] = Field(
        default_factory=list, description="Multi-source examples, run by `factcheck rules test`."
    )

    def applies_to_any(self, sources: Iterable[Source]) -> bool:
        """Whether some source is in the rule's scope (always, without a scope)."""
        scope = self.scope
        return scope is None or any(scope.admits(s) for s in sources)

    def in_scope(
        self, findings: Iterable[Finding], sources: Iterable[Source], witnesses: frozenset[str] = frozenset()
    ) -> list[Finding]:
        """The findings whose evidence sources are all in the rule's scope.

        ``witnesses`` (the references of trusted-sources mode) are cited as
        evidence of the right value, not checked: a finding on a candidate in
        scope is kept whatever references it cites.
        """
        kept = list(findings)
        scope = self.scope
        if scope is None:
            return kept
        admitted = {s.id for s in sources if scope.admits(s)}

        def checked(finding: Finding) -> list[str]:
            own = [e.source for e in finding.evidence if e.source not in witnesses]
            return own or [e.source for e in finding.evidence]

        return [f for f in kept if all(source in admitted for source in checked(f))]


class RuleFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    rules: list[dict[str, Any]]
