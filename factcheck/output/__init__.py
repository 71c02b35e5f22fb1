"""Output formats of ``factcheck check``: one module each, one ``render`` function."""

from __future__ import annotations

from collections.abc import Callable

from factcheck.output import github, html, json_format, junit, sarif, text
from factcheck.report import Report, Severity

FORMATS: dict[str, Callable[[Report, bool], str]] = {
    "text": text.render,
    "json": json_format.render,
    "jsonl": json_format.render_lines,
    "sarif": sarif.render,
    "junit": junit.render,
    "github": github.render,
    "html": html.render,
}


def render_report(name: str, report: Report, *, color: bool = False, fail_on: Severity = "warning") -> str:
    """``report`` in format ``name``; ``fail_on`` is what JUnit counts as a failed test, as the exit status does."""
    if name == "junit":
        return junit.render(report, color, fail_on=fail_on)
    return FORMATS[name](report, color)
