"""What the HTML report's parts share: escaping, the severity colours, and the catalogue of
evidence spans (each with the id its ``<mark>`` and its links use)."""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from factcheck.report import SEVERITY_RANK, Evidence, Report

SEVERITY_COLOURS = {"error": "#c62828", "warning": "#b26a00", "info": "#1565c0"}
NEUTRAL = "#8c959f"  # figures and dates no finding is about


def e(text: object) -> str:
    return escape(str(text), quote=True)


@dataclass
class Span:
    source: str
    start: int
    end: int
    id: str
    text: str
    findings: list[int] = field(default_factory=list)
    severity: str = "info"


class Catalogue:
    """Every distinct evidence span, with an id and the findings that cite it."""

    def __init__(self, report: Report) -> None:
        self.source_index = {s.id: n for n, s in enumerate(report.sources)}
        self.spans: dict[tuple[str, int, int], Span] = {}
        for number, finding in enumerate(report.findings, start=1):
            for evidence in finding.evidence:
                span = self.add(evidence)
                if number not in span.findings:
                    span.findings.append(number)
                if SEVERITY_RANK[finding.severity] > SEVERITY_RANK[span.severity] or len(span.findings) == 1:
                    span.severity = finding.severity

    def add(self, evidence: Evidence) -> Span:
        key = (evidence.source, evidence.start, evidence.end)
        if key not in self.spans:
            index = self.source_index.get(evidence.source, len(self.source_index))
            self.spans[key] = Span(
                evidence.source, evidence.start, evidence.end, f"s{index}-{evidence.start}-{evidence.end}",
                evidence.text,
            )
        return self.spans[key]

    def get(self, source: str, start: int, end: int) -> Span | None:
        return self.spans.get((source, start, end))

    def of_source(self, source: str) -> list[Span]:
        return sorted((s for s in self.spans.values() if s.source == source), key=lambda s: (s.start, -s.end))
