"""The report: findings with their evidence, the sources read, the claims.

``Report.model_dump_json()`` is exactly what ``factcheck check --format json``
prints; its fields follow the public contract (``report-contract.md``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import typing
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
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

from factcheck import render_formats
from factcheck.claims import AnyClaim, Claim
from factcheck.sources.language import LanguageOrigin
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
    """A span of one source that a finding is about.

    ``start``/``end`` are ``str`` indices into the source's text as decoded,
    so ``text == source_text[start:end]``; `factcheck.output` turns them into
    lines and columns.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    source: str = Field(description="Id of the source the span is in.")
    start: int = Field(description="Offset of the span's first character in the source text.")
    end: int = Field(description="Offset just past the span's last character.")
    text: str = Field(description="The span as written.")
    note: str | None = Field(default=None, description="What this span says, e.g. its value.")

    @classmethod
    def of(cls, claim: Claim, note: str | None = None) -> Evidence:
        """The span of a claim, with what it says."""
        return cls(source=claim.source, start=claim.start, end=claim.end, text=claim.text, note=note)


class Finding(BaseModel):
    """Something the sources say that cannot all be true, or that is written wrong.

    A rule (``rule``, one of the report's ``rules``) raised it: ``message``
    says what is wrong in words, ``evidence`` holds the spans it is about
    (several sources for a conflict), ``details`` the same for a program.
    ``fingerprint`` identifies the finding across runs (baselines, ignores).
    """

    model_config = ConfigDict(extra="forbid")

    rule: str = Field(description="Id of the rule that raised it, e.g. 'quantities.conflict'.")
    category: Category = Field(description="What kind of problem it is (a fixed vocabulary).")
    severity: Severity = Field(description="info, warning or error.")
    message: str = Field(description="What is wrong, in words, from the rule's message template.")
    evidence: list[Evidence] = Field(description="The spans the finding is about, ordered by source and offset.")
    suggestion: str | None = Field(default=None, description="A replacement for the span, when one is known.")
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
    """A source the run checked, and the date its relative dates were read against."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="The source's id, as evidence names it.")
    path: str | None = Field(description="The file it was read from; null for a text given directly.")
    published: dt.date | None = Field(description="Its publication date, if it gives one.")
    reference_date: dt.date | None = Field(description="The date 'today' or 'on Tuesday' were resolved against.")
    reference_date_origin: ReferenceOrigin = Field(
        description="Where the reference date comes from: published, dateline, argument, inferred or none."
    )
    reference_date_detail: str = Field(
        default="", description="How the reference date was chosen, when not stated by the source."
    )
    words: int = Field(default=0, description="Words in the source (split on white space).")
    cluster: str = Field(default="default", description="The cluster it was checked in.")
    language: str | None = Field(default=None, description="The language it was checked as: stated or detected.")
    language_origin: LanguageOrigin | None = Field(
        default=None, description="How the language was decided: stated, detected, configuration or assumed."
    )
    language_detail: str = Field(default="", description="How the language was decided, in words.")
    language_confidence: float | None = Field(default=None, description="The detector's probability, when detected.")
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
    """Something the run could not use (a source, a rule file), named precisely.

    Most problems are errors: something was not read.  A ``warning`` is a
    part of a source that was left out while the rest was checked (front
    matter that is not YAML, a ``published`` that is no date); ``info`` says
    what the run did on its own (a source counted once as a copy of another).
    """

    model_config = ConfigDict(extra="forbid")

    kind: ProblemKind = Field(description="What it is about: a source, a rule, a name list or a plugin.")
    path: str = Field(description="The file (or source id, entry point) the problem is in.")
    line: int | None = Field(default=None, description="Line in that file, from 1, when known.")
    column: int | None = Field(default=None, description="Column in that line, from 1, when known.")
    message: str = Field(description="What went wrong, and what to fix.")
    severity: Severity = Field(
        default="error", description="error: the source or rule is lost; warning: a part of it; info: a note."
    )

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

    id: str = Field(description="The rule's id, as findings name it.")
    category: Category = Field(description="The category of its findings.")
    severity: Severity = Field(description="The severity of its findings, unless a check escalates one.")
    description: str = Field(default="", description="What the rule looks for.")
    link: str | None = Field(default=None, description="Where the rule is documented.")
    enabled: bool = Field(default=True, description="False when the configuration turned it off.")
    path: str | None = Field(default=None, description="The rule file it was loaded from.")
    line: int | None = Field(default=None, description="The line of that file the rule starts on.")


class Suppressed(BaseModel):
    """A finding left out of the report on purpose, and why."""

    model_config = ConfigDict(extra="forbid")

    fingerprint: str = Field(description="The finding's fingerprint.")
    rule: str = Field(description="The rule that raised it.")
    cluster: str = Field(default="default", description="The cluster it was raised in.")
    reason: str = Field(description="Why it was left out: the configured ignore's reason, or the baseline.")


BUNDLED_PACK = "factcheck-core"
"""The name of the rule pack shipped with the library (its ``pack.yaml`` and entry point)."""


class Summary(BaseModel):
    """The run in counts, for a glance or a CI gate."""

    sources_read: int = Field(description="Sources checked.")
    sources_failed: int = Field(description="Sources that could not be read or extracted (see problems).")
    sources_skipped: int = Field(
        default=0,
        description="Sources left out: duplicate ids, over the size limit, not in a language the pipeline reads.",
    )
    suppressed: int = Field(default=0, description="Findings left out by the configuration or the baseline.")
    rules_loaded: int = Field(description="Rules loaded for the run.")
    rule_files_failed: int = Field(description="Rule files that did not load (see problems).")
    rule_packs: list[str] = Field(
        default_factory=list, description=f"Names of the rule packs loaded, in order (the bundled one: {BUNDLED_PACK})."
    )
    sources_duplicate: int = Field(
        default=0, description="Sources not checked on their own: the same text as another source of the cluster."
    )
    findings: dict[str, int] = Field(description="Findings per severity, every severity listed.")


Renderer = Callable[["Report", bool], str]
"""An output format: the report and whether to colour it, to the text it prints."""

def use_output_formats(formats: Callable[[], Mapping[str, Renderer]]) -> None:
    """Say where `Report.render` finds the output formats (called once, by ``factcheck/__init__``).

    The formats (`factcheck.output`) are built on this module, so it cannot
    import them; the package wires them in (`factcheck.render_formats`), to be
    imported on the first render only (rich and the HTML report cost an import
    ``factcheck`` need not pay).
    """
    render_formats.use_output_formats(formats)


class Report(BaseModel):
    """What a run found: the findings, the sources read, the rules, the claims, the problems.

    ``model_dump_json()`` is the JSON report of ``factcheck check --format
    json``; `render` gives the other formats (text, SARIF, HTML ...).
    ``findings`` are sorted by cluster, source and offset; ``at_or_above``
    filters them by severity.  The texts of the sources are kept in memory
    for renderings that quote them (`source_text`), never serialized.
    """

    model_config = ConfigDict(extra="forbid")

    sources: list[SourceInfo] = Field(description="The sources checked, in order.")
    findings: list[Finding] = Field(description="What the rules found.")
    claims: list[AnyClaim] = Field(
        default_factory=list, description="Every claim extracted (unless include_claims=False)."
    )
    problems: list[Problem] = Field(
        default_factory=list, description="What the run could not use: sources, rule files, plugins."
    )
    suppressed: list[Suppressed] = Field(
        default_factory=list, description="Findings left out on purpose, and why."
    )
    summary: Summary = Field(description="The run in counts.")
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
        rule_packs: Sequence[str] = (),
        claims: Sequence[AnyClaim] = (),
        problems: Sequence[Problem] = (),
        suppressed: Sequence[Suppressed] = (),
        sources_failed: int = 0,
        sources_skipped: int = 0,
        sources_duplicate: int = 0,
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
                sources_duplicate=sources_duplicate,
                suppressed=len(suppressed),
                rules_loaded=len(rules),
                rule_files_failed=rule_files_failed,
                rule_packs=list(rule_packs),
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
            sources_duplicate=sum(r.summary.sources_duplicate for r in reports),
            rules=first.rules if first else [],
            rule_files_failed=first.summary.rule_files_failed if first else 0,
            rule_packs=first.summary.rule_packs if first else [],
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
        """The findings of ``severity`` or louder ("warning": warnings and errors)."""
        threshold = SEVERITY_RANK[severity]
        return [f for f in self.findings if SEVERITY_RANK[f.severity] >= threshold]

    def render(self, format: str = "text", *, color: bool = False) -> str:
        """The report as ``factcheck check --format FORMAT`` prints it.

        ``format`` is one of `factcheck.output.FORMATS`: ``text`` (the
        readable report, findings with the sources side by side), ``json``
        (the contract, as `model_dump_json`), ``jsonl``, ``sarif``,
        ``junit``, ``github`` or ``html``.  ``color`` adds terminal colours to
        ``text``.  An unknown format is a `ValueError` naming the known ones.
        """
        formats = render_formats.output_formats()
        renderer = formats.get(format)
        if renderer is None:
            raise ValueError(f"unknown report format {format!r}; the formats are: {', '.join(formats)}")
        return renderer(self, color)
