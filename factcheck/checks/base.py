"""The check-type interface: what a rule's ``check:`` names.

A check type is a class with a pydantic ``Params`` model (the parameters a
rule may set) and a ``run`` over one aligned cluster that yields findings.
Rules are YAML over check types, as Vale styles extend Vale's checks; adding
a rule never needs code, adding a check type is deliberate.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from pydantic import BaseModel, ConfigDict

from factcheck.report import Evidence, Finding, Severity

if TYPE_CHECKING:
    from factcheck.alignment import AlignedCluster
    from factcheck.rulebook.loader import Rule


class NoParams(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Check(ABC):
    """Base class of check types; subclasses set ``name``, ``Params``, ``message_fields``."""

    name: ClassVar[str]
    Params: ClassVar[type[BaseModel]] = NoParams
    message_fields: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, rule: Rule, params: BaseModel) -> None:
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
        from factcheck.rulebook.loader import render_message

        return Finding(
            rule=self.rule.id,
            category=self.rule.category,
            severity=severity or self.rule.severity,
            message=render_message(self.rule.message, values),
            evidence=sorted(set(evidence), key=lambda e: (e.source, e.start, e.end)),
            suggestion=suggestion,
            details=details or {},
        )
