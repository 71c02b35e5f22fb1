"""GitHub Actions workflow commands: one annotation line per evidence span.

``::error file=a.txt,line=5,col=3,endLine=5,endColumn=12,title=...::message``,
``warning`` for warnings and ``notice`` for info.  A conflict between two
sources is annotated on both files.  Columns count code points; they are
given only for a span on one line (GitHub ignores columns across lines).
Values are escaped as the runner expects: ``%``, CR and LF everywhere, and
``:`` and ``,`` too in properties.
"""

from __future__ import annotations

from factcheck.output.locations import SourceLocator, display_path, reference_ids
from factcheck.report import Evidence, Finding, Report

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, properties: dict[str, str | int]) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{name}{' ' + props if props else ''}::{escape_data(message)}"


def _annotation(finding: Finding, evidence: Evidence | None, locator: SourceLocator) -> str:
    properties: dict[str, str | int] = {}
    message = finding.message
    if evidence is not None:
        path = locator.path(evidence.source)
        region = locator.region(evidence)
        if path is not None:
            properties["file"] = path
            if region is not None:
                one_line = region.start_line == region.end_line
                properties["line"] = region.start_line
                if one_line:
                    properties["col"] = region.start_column
                properties["endLine"] = region.end_line
                if one_line:
                    properties["endColumn"] = region.end_column
        else:
            message = f"{evidence.source}: {message}"
    properties["title"] = f"{finding.category} [{finding.rule}]"
    if finding.suggestion:
        message += f"\nSuggestion: {finding.suggestion}"
    return command(COMMANDS[finding.severity], message, properties)


def _against_references(finding: Finding, references: frozenset[str]) -> Finding:
    """Trusted-sources mode: the candidate's spans are annotated; the references' are quoted in the message."""
    own = [e for e in finding.evidence if e.source not in references]
    cited = [e for e in finding.evidence if e.source in references]
    if not own or not cited:
        return finding
    quoted = "; ".join(f"{e.source}: “{e.text}”" for e in cited)
    return finding.model_copy(update={"evidence": own, "message": f"{finding.message}\nReferences: {quoted}"})


def render(report: Report, color: bool = False) -> str:
    locator = SourceLocator(report)
    references = reference_ids(report)
    lines: list[str] = []
    for reported in report.findings:
        finding = _against_references(reported, references) if references else reported
        spans: list[Evidence | None] = list(finding.evidence) or [None]
        lines.extend(_annotation(finding, evidence, locator) for evidence in spans)
    for problem in report.problems:
        properties: dict[str, str | int] = {"file": display_path(problem.path, locator.cwd)}
        if problem.line is not None:
            properties["line"] = problem.line
            if problem.column is not None:
                properties["col"] = problem.column
        properties["title"] = f"factcheck {problem.kind} problem"
        lines.append(command(COMMANDS[problem.severity], problem.message, properties))
    return "".join(line + "\n" for line in lines)
