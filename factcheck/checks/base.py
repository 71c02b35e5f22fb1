"""The check-type interface: what a rule's ``check:`` names.

A check type is a class with a pydantic ``Params`` model (the parameters a
rule may set) and a ``run`` over one aligned cluster that yields findings.
Rules are YAML over check types, as Vale styles extend Vale's checks; adding
a rule never needs code, adding a check type is deliberate.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from pydantic import BaseModel, ConfigDict

from factcheck.checks.messages import render_message
from factcheck.report import Category, Evidence, Finding, Severity

if TYPE_CHECKING:
    from factcheck.alignment import AlignedCluster


class RuleFields(Protocol):
    """What a check reads of the rule it runs for: the fields every finding carries.

    A rule (`factcheck.rulebook.model.Rule`) has them; saying only these keeps
    check types independent of the rule file format, and of its loader,
    which imports the check types.
    """

    @property
    def id(self) -> str: ...

    @property
    def category(self) -> Category: ...

    @property
    def severity(self) -> Severity: ...

    @property
    def message(self) -> str: ...


class NoParams(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Check(ABC):
    """Base class of check types; subclasses set ``name``, ``Params``, ``message_fields``."""

    name: ClassVar[str]
    Params: ClassVar[type[BaseModel]] = NoParams
    message_fields: ClassVar[frozenset[str]] = frozenset()
    needs_references: ClassVar[bool] = False
    """A check that compares candidates with references: it runs, and its rules are listed in the
    report, only in trusted-sources mode (docs/trusted-sources.md)."""

    def __init__(self, rule: RuleFields, params: BaseModel) -> None:
        self.rule = rule
        self.params = params

    @abstractmethod
    def run(self, cluster: AlignedCluster) -> Iterator[Finding]:
        """Yield the findings of this rule on one cluster."""

    def finding(
        self,
        evidence: Iterable[Evidence],
        values: dict[str, Any],
        suggestion: str | None = None,
        severity: Severity | None = None,
        details: dict[str, Any] | None = None,
    ) -> Finding:
        """A finding of this rule, its message rendered from ``values``."""
        return Finding(
            rule=self.rule.id,
            category=self.rule.category,
            severity=severity or self.rule.severity,
            message=render_message(self.rule.message, values),
            evidence=sorted(set(evidence), key=lambda e: (e.source, e.start, e.end)),
            suggestion=suggestion,
            details=details or {},
        )
