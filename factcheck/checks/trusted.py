"""Trusted-sources mode, applied to every rule's findings the same way.

The checks take a fact's right value from the references where one states
it (`factcheck.alignment.trust`); what is left is said here once for all
check types, bundled or plugged in:

- a finding is about candidate text: its candidate spans come first, then
  the reference spans that show the right value;
- a finding with no candidate span is a disagreement among the references
  themselves: it is reported at info, never turned against a candidate, and
  says so in its details (``between_references``).

Outside trusted-sources mode (no reference) findings pass unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable

from factcheck.report import Finding


def settle_roles(findings: Iterable[Finding], trusted: frozenset[str]) -> Iterable[Finding]:
    """``findings`` as trusted-sources mode reports them (unchanged when ``trusted`` is empty)."""
    if not trusted:
        return findings
    return [_settled(finding, trusted) for finding in findings]


def _settled(finding: Finding, trusted: frozenset[str]) -> Finding:
    candidate = [e for e in finding.evidence if e.source not in trusted]
    reference = [e for e in finding.evidence if e.source in trusted]
    if candidate:
        return finding.model_copy(update={"evidence": [*candidate, *reference]})
    return finding.model_copy(
        update={"severity": "info", "details": {**finding.details, "between_references": True}}
    )
