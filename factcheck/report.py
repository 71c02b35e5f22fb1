"""The report: findings with their evidence, the sources read, the claims.

``Report.model_dump_json()`` is exactly what ``factcheck check --format json``
prints; its fields follow the public contract (``report-contract.md``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, computed_field, model_validator

from factcheck.claims import AnyClaim

Severity = Literal["info", "warning", "error"]
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}

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
    "custom",
]
CATEGORIES: tuple[str, ...] = Category.__args__  # type: ignore[attr-defined]


class Evidence(BaseModel):
    """A span of one source that a finding is about."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    source: str
    start: int
    end: int
    text: str
    note: str | None = Field(default=None, description="What this span says, e.g. its value.")


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


class SourceInfo(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    path: str | None
    published: dt.date | None
    reference_date: dt.date | None
    reference_date_origin: Literal["published", "dateline", "argument", "inferred", "none"]
    reference_date_detail: str = ""
    words: int = 0
    cluster: str = "default"


class Problem(BaseModel):
    """Something the run could not use (a source, a rule file), named precisely."""

    model_config = ConfigDict(extra="forbid")

    kind: Literal["source", "rule", "names", "plugin"]
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
