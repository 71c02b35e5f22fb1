"""The report: findings with their evidence, the sources read, the claims.

``Report.model_dump_json()`` is exactly what ``factcheck check --format json``
prints; its fields follow the public contract (``report-contract.md``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import typing
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    SerializerFunctionWrapHandler,
    computed_field,
    model_serializer,
    model_validator,
)

from factcheck.claims import AnyClaim, Claim
from factcheck.sources.reference_dates import ReferenceOrigin

Severity = Literal["info", "warning", "error"]
"""Lowest first."""
SEVERITIES: tuple[Severity, ...] = typing.get_args(Severity)
SEVERITIES_HIGHEST_FIRST: tuple[Severity, ...] = SEVERITIES[::-1]
SEVERITY_RANK: dict[str, int] = {severity: rank for rank, severity in enumerate(SEVERITIES)}

Category = Literal[
    "name-spelling",
    "name-variant",
    "name-casing",
    "name-glued",
    "title-conflict",
    "date-conflict",
    "date-weekday",
    "date-format",
    "quantity-conflict",
    "unsupported-claim",
    "custom",
]
"""The fixed vocabulary of finding categories (the report contract's), listed here only:
rule validation, the rule schema and the report read it from this one place."""
CATEGORIES: tuple[Category, ...] = typing.get_args(Category)


class Evidence(BaseModel):
    """A span of one source that a finding is about."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    source: str
    start: int
    end: int
    text: str
    note: str | None = Field(default=None, description="What this span says, e.g. its value.")

    @classmethod
    def of(cls, claim: Claim, note: str | None = None) -> Evidence:
        """The span of a claim, with what it says."""
        return cls(source=claim.source, start=claim.start, end=claim.end, text=claim.text, note=note)


class Finding(BaseModel):
    model_config = ConfigDict(extra="forbid")

    rule: str
    category: Category
    severity: Severity
    message: str
    evidence: list[Evidence]
    suggestion: str | None = None
    cluster: str = Field(default="default", description="The cluster of sources the finding belongs to.")
    details: dict[str, Any] = Field(
        default_factory=dict,
        description="Machine-readable evidence: each spelling with its sources, the values compared, "
        "where the expected form comes from.",
    )

    @model_validator(mode="before")
    @classmethod
    def _computed_fields_are_not_input(cls, data: Any) -> Any:
        """A report read back from its JSON carries the computed fingerprint: recompute it."""
        if isinstance(data, dict) and "fingerprint" in data:
            return {k: v for k, v in data.items() if k != "fingerprint"}
        return data

    @computed_field  # type: ignore[prop-decorator]
    @property
    def fingerprint(self) -> str:
        """Stable identity: rule, sources and spans' text, not offsets or wording."""
        parts = [self.rule, *sorted(f"{e.source}\x1f{e.text.casefold()}" for e in self.evidence)]
        return hashlib.sha256("\x1e".join(parts).encode()).hexdigest()[:16]

    def sort_key(self) -> tuple[object, ...]:
        first = self.evidence[0] if self.evidence else Evidence(source="", start=0, end=0, text="")
        return (self.cluster, first.source, first.start, self.category, self.rule, self.message)


def severity_counts(findings: Iterable[Finding]) -> dict[str, int]:
    """Findings per severity, every severity listed: the summary's ``findings``."""
    counts = Counter(f.severity for f in findings)
    return {s: counts.get(s, 0) for s in SEVERITIES_HIGHEST_FIRST}


class SourceInfo(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    path: str | None
    published: dt.date | None
    reference_date: dt.date | None
    reference_date_origin: ReferenceOrigin
    reference_date_detail: str = ""
    words: int = 0
    cluster: str = "default"
    role: Literal["candidate", "reference"] | None = Field(
        default=None,
        description="In trusted-sources mode, 'reference' (trusted) or 'candidate' (checked); "
        "absent from the JSON otherwise.",
    )

    @model_serializer(mode="wrap")
    def _role_only_when_set(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        """Without references a report is exactly what it was before roles existed: no ``role`` key."""
        data: dict[str, Any] = handler(self)
        if self.role is None:
            data.pop("role", None)
        return data


ProblemKind = Literal["source", "rule", "names", "plugin"]
"""What a problem is about: a source, a rule file, a name list, a plugin."""


class Problem(BaseModel):
    """Something the run could not use (a source, a rule file), named precisely."""

    model_config = ConfigDict(extra="forbid")

    kind: ProblemKind
    path: str
    line: int | None = None
    column: int | None = None
    message: str

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"


class RuleInfo(BaseModel):
    """A rule that was loaded for the run (whether or not it found anything)."""

    model_config = ConfigDict(extra="forbid")

    id: str
    category: Category
    severity: Severity
    description: str = ""
    link: str | None = None
    enabled: bool = True
    path: str | None = Field(default=None, description="The rule file it was loaded from.")
    line: int | None = None


class Suppressed(BaseModel):
    """A finding left out of the report on purpose, and why."""

    model_config = ConfigDict(extra="forbid")

    fingerprint: str
    rule: str
    cluster: str = "default"
    reason: str


class Summary(BaseModel):
    sources_read: int
    sources_failed: int
    sources_skipped: int = 0
    suppressed: int = 0
    rules_loaded: int
    rule_files_failed: int
    findings: dict[str, int]


class Report(BaseModel):
    model_config = ConfigDict(extra="forbid")

    sources: list[SourceInfo]
    findings: list[Finding]
    claims: list[AnyClaim] = Field(default_factory=list)
    problems: list[Problem] = Field(default_factory=list)
    suppressed: list[Suppressed] = Field(default_factory=list)
    summary: Summary
    rules: list[RuleInfo] = Field(default_factory=list, description="The rules loaded for the run.")
    _texts: dict[str, str] = PrivateAttr(default_factory=dict)

    @classmethod
    def build(
        cls,
        *,
        sources: list[SourceInfo],
        findings: list[Finding],
        rules: list[RuleInfo],
        rule_files_failed: int,
        claims: Sequence[AnyClaim] = (),
        problems: Sequence[Problem] = (),
        suppressed: Sequence[Suppressed] = (),
        sources_failed: int = 0,
        sources_skipped: int = 0,
        texts: Mapping[str, str] | None = None,
    ) -> Report:
        """A report from everything it holds; the summary is counted here, and only here.

        ``texts`` are the sources' texts, kept for renderings that quote
        them (`source_text`), never serialized.
        """
        report = cls(
            sources=sources,
            findings=findings,
            claims=list(claims),
            problems=list(problems),
            suppressed=list(suppressed),
            summary=Summary(
                sources_read=len(sources),
                sources_failed=sources_failed,
                sources_skipped=sources_skipped,
                suppressed=len(suppressed),
                rules_loaded=len(rules),
                rule_files_failed=rule_files_failed,
                findings=severity_counts(findings),
            ),
            rules=rules,
        )
        report._texts = dict(texts or {})
        return report

    @classmethod
    def merge(cls, reports: Sequence[Report]) -> Report:
        """One report of several clusters' reports, in their order."""
        if len(reports) == 1:
            return reports[0]
        first = reports[0] if reports else None
        return cls.build(
            sources=[s for r in reports for s in r.sources],
            findings=[f for r in reports for f in r.findings],
            claims=[c for r in reports for c in r.claims],
            problems=[p for r in reports for p in r.problems],
            suppressed=[x for r in reports for x in r.suppressed],
            sources_failed=sum(r.summary.sources_failed for r in reports),
            sources_skipped=sum(r.summary.sources_skipped for r in reports),
            rules=first.rules if first else [],
            rule_files_failed=first.summary.rule_files_failed if first else 0,
            texts={k: v for r in reports for k, v in r._texts.items()},
        )

    @classmethod
    def from_json_data(cls, data: Any, texts: Mapping[str, str]) -> Report:
        """A report read back from its JSON form, with the source texts sent beside it."""
        report = cls.model_validate(data)
        report._texts = dict(texts)
        return report

    def source_text(self, source_id: str) -> str | None:
        """The text of a checked source (kept in memory, not serialized)."""
        return self._texts.get(source_id)

    def __repr__(self) -> str:
        return (
            f"Report(sources={len(self.sources)}, findings={len(self.findings)}, "
            f"claims={len(self.claims)}, problems={len(self.problems)})"
        )

    def at_or_above(self, severity: Severity) -> list[Finding]:
        threshold = SEVERITY_RANK[severity]
        return [f for f in self.findings if SEVERITY_RANK[f.severity] >= threshold]
