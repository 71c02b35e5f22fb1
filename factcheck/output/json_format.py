"""The contract formats: one JSON report object, or one JSON object per finding."""

from __future__ import annotations

from factcheck.report import Report


def render(report: Report, color: bool = False) -> str:
    return report.model_dump_json(indent=2) + "\n"


def render_lines(report: Report, color: bool = False) -> str:
    return "".join(f.model_dump_json() + "\n" for f in report.findings)
