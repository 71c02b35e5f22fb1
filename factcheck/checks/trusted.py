"""Trusted-sources mode, applied to every rule's findings the same way.

The checks take a fact's right value from the references where one states
it (`factcheck.alignment.trust`); what is left is said here once for all
check types, bundled or plugged in:

- a finding is about candidate text: its candidate spans come first, then
  the reference spans that show the right value; a finding whose check
  suggests nothing (a figure, a date) suggests the references' form, the
  text of the first reference span;
- a finding with no candidate span is a disagreement among the references
  themselves: it is reported at info, never turned against a candidate, and
  says so in its details (``between_references``).

Outside trusted-sources mode (no reference) findings pass unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable

from factcheck.report import SEVERITY_RANK, Finding


def settle_roles(findings: Iterable[Finding], trusted: frozenset[str]) -> Iterable[Finding]:
    """``findings`` as trusted-sources mode reports them (unchanged when ``trusted`` is empty).

    One rule's findings on the same candidate spans are one finding: a
    candidate's figure that contradicts three reference figures is one
    mistake, shown with the three (at the highest severity of the findings merged).
    """
    if not trusted:
        return findings
    merged: dict[tuple[object, ...], Finding] = {}
    for finding in findings:
        settled = _settled(finding, trusted)
        own = tuple((e.source, e.start, e.end) for e in settled.evidence if e.source not in trusted)
        key: tuple[object, ...] = (settled.rule, own) if own else (settled.rule, id(settled))
        kept = merged.get(key)
        merged[key] = settled if kept is None else _merge(kept, settled, trusted)
    return list(merged.values())


def _merge(kept: Finding, other: Finding, trusted: frozenset[str]) -> Finding:
    """Two findings of one rule on the same candidate spans: the more severe, citing the references of both."""
    first, second = (other, kept) if SEVERITY_RANK[other.severity] > SEVERITY_RANK[kept.severity] else (kept, other)
    cited = [e for e in first.evidence if e.source in trusted]
    cited += [e for e in second.evidence if e.source in trusted and e not in cited]
    own = [e for e in first.evidence if e.source not in trusted]
    cited.sort(key=lambda e: (e.source, e.start, e.end))
    return first.model_copy(update={"evidence": [*own, *cited]})


def _settled(finding: Finding, trusted: frozenset[str]) -> Finding:
    candidate = [e for e in finding.evidence if e.source not in trusted]
    reference = [e for e in finding.evidence if e.source in trusted]
    if candidate:
        update: dict[str, object] = {"evidence": [*candidate, *reference]}
        if finding.suggestion is None and reference:
            update["suggestion"] = reference[0].text  # the references' form: what the candidate should say
        return finding.model_copy(update=update)
    return finding.model_copy(
        update={"severity": "info", "details": {**finding.details, "between_references": True}}
    )


def drop_contradicted(unsupported: list[Finding], others: list[Finding], trusted: frozenset[str]) -> list[Finding]:
    """The unsupported-claim findings on spans no other finding holds against a reference.

    A candidate's figure that a reference contradicts is reported as a
    conflict; saying again that no reference backs it adds nothing.
    """
    against: dict[str, list[tuple[int, int]]] = {}
    for finding in others:
        if any(e.source in trusted for e in finding.evidence):
            for e in finding.evidence:
                if e.source not in trusted:
                    against.setdefault(e.source, []).append((e.start, e.end))
    return [
        f
        for f in unsupported
        if not any(
            start < e.end and e.start < end for e in f.evidence for start, end in against.get(e.source, ())
        )
    ]
