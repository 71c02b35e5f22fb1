"""Output formats of ``factcheck check``: one module each, one ``render`` function."""

from __future__ import annotations

from collections.abc import Callable

from factcheck.output import github, html, json_format, junit, sarif, text
from factcheck.report import Report

FORMATS: dict[str, Callable[[Report, bool], str]] = {
    "text": text.render,
    "json": json_format.render,
    "jsonl": json_format.render_lines,
    "sarif": sarif.render,
    "junit": junit.render,
    "github": github.render,
    "html": html.render,
}
