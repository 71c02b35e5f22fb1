"""Where a span is, for the formats that point into files: lines, columns, paths.

Offsets in the report are Python ``str`` indices, that is Unicode code points
into the text as decoded.  Lines and columns here count the same way: both
1-based, a column being the code point's position in its line, so a tool
that counts code points lands on the exact span.  Lines end at ``\\n``,
``\\r\\n`` or a lone ``\\r`` (the line terminators SARIF names).
"""

from __future__ import annotations

import bisect
import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import quote

from factcheck.report import Evidence, Finding, Report, RuleInfo, SourceInfo

_LINE_END = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Position:
    """A 1-based line and column (in code points), and the 0-based offset."""

    line: int
    column: int
    offset: int


class LineIndex:
    """Offsets to (line, column) for one text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts = [0, *(m.end() for m in _LINE_END.finditer(text))]

    def position(self, offset: int) -> Position:
        offset = max(0, min(offset, len(self.text)))
        index = bisect.bisect_right(self._starts, offset) - 1
        return Position(index + 1, offset - self._starts[index] + 1, offset)

    def line_bounds(self, offset: int) -> tuple[int, int]:
        """Start and end (before the terminator) of the line holding ``offset``."""
        index = bisect.bisect_right(self._starts, max(0, min(offset, len(self.text)))) - 1
        start = self._starts[index]
        end = self._starts[index + 1] if index + 1 < len(self._starts) else len(self.text)
        while end > start and self.text[end - 1] in "\r\n":
            end -= 1
        return start, end


@dataclass(frozen=True)
class Region:
    """A span as lines and columns; ``end_column`` is one past the last character."""

    start_line: int
    start_column: int
    end_line: int
    end_column: int
    char_offset: int
    char_length: int


class SourceLocator:
    """Regions and display paths for the sources of one report."""

    def __init__(self, report: Report, cwd: Path | None = None) -> None:
        self.report = report
        self.cwd = (cwd or Path.cwd()).resolve()
        self.sources: dict[str, SourceInfo] = {s.id: s for s in report.sources}
        self._indexes: dict[str, LineIndex | None] = {}

    def index(self, source_id: str) -> LineIndex | None:
        if source_id not in self._indexes:
            text = self.report.source_text(source_id)
            self._indexes[source_id] = LineIndex(text) if text is not None else None
        return self._indexes[source_id]

    def region(self, evidence: Evidence) -> Region | None:
        index = self.index(evidence.source)
        if index is None:
            return None
        start, end = index.position(evidence.start), index.position(evidence.end)
        return Region(
            start.line, start.column, end.line, end.column, evidence.start, evidence.end - evidence.start
        )

    def path(self, source_id: str) -> str | None:
        """The source file's path relative to the working directory (POSIX form), or None.

        None for a source that is not a file of its own (a ``.jsonl`` line, a
        string).  A file outside the working directory keeps its absolute path.
        """
        info = self.sources.get(source_id)
        if info is None or info.path is None:
            return None
        return display_path(info.path, self.cwd)

    def uri(self, source_id: str) -> str:
        """A URI reference for the source: its relative path, a file URI, or its id."""
        info = self.sources.get(source_id)
        if info is None or info.path is None:
            return quote(source_id, safe="")
        return path_uri(info.path, self.cwd)


def reference_ids(report: Report) -> frozenset[str]:
    """The sources the report marks as references (trusted-sources mode); empty otherwise."""
    return frozenset(s.id for s in report.sources if s.role == "reference")


def display_path(path: str, cwd: Path | None = None) -> str:
    """``path`` relative to ``cwd`` when it lies inside it, else absolute; ``/`` separators."""
    base = (cwd or Path.cwd()).resolve()
    resolved = Path(os.path.abspath(path))
    try:
        return resolved.relative_to(base).as_posix()
    except ValueError:
        try:
            return resolved.resolve().relative_to(base).as_posix()
        except ValueError:
            return resolved.as_posix()


def describe(evidence: Evidence) -> str:
    """``source: “span”``, with what the span says when the note adds something."""
    if evidence.note and evidence.text in evidence.note:
        return f"{evidence.source}: {evidence.note}"
    note = f" = {evidence.note}" if evidence.note else ""
    return f"{evidence.source}: “{evidence.text}”{note}"


def path_uri(path: str, cwd: Path | None = None) -> str:
    """A URI reference for a file: relative to ``cwd`` when inside it, else a ``file:`` URI."""
    shown = display_path(path, cwd)
    if PurePosixPath(shown).is_absolute():
        return Path(shown).as_uri()
    return quote(shown, safe="/")


def rules_of(report: Report) -> list[RuleInfo]:
    """The rules that ran, plus any rule a finding names that the report does not list."""
    rules = list(report.rules)
    known = {r.id for r in rules}
    for finding in report.findings:
        if finding.rule not in known:
            known.add(finding.rule)
            rules.append(RuleInfo(id=finding.rule, category=finding.category, severity=finding.severity))
    return rules


def findings_by_rule(report: Report) -> dict[str, list[Finding]]:
    out: dict[str, list[Finding]] = {}
    for finding in report.findings:
        out.setdefault(finding.rule, []).append(finding)
    return out
