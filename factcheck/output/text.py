"""The human format: each finding with the sources side by side and the fix.

Rendered with rich so a terminal gets colour and a pipe gets plain text.
"""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table
from rich.text import Text

from factcheck.report import BUNDLED_PACK, Evidence, Finding, Report, Summary

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
PROBLEM_LABEL = {"error": "PROBLEM", "warning": "WARNING", "info": "NOTE"}
PROBLEM_STYLE = {"error": "red", "warning": "yellow", "info": "cyan"}
CONTEXT_CHARS = 50


def _context(text: str, evidence: Evidence) -> Text:
    """The span with a little of the line around it, the span highlighted."""
    line_start = text.rfind("\n", 0, evidence.start) + 1
    line_end = text.find("\n", evidence.end)
    line_end = len(text) if line_end < 0 else line_end
    before_start = max(line_start, evidence.start - CONTEXT_CHARS)
    after_end = min(line_end, evidence.end + CONTEXT_CHARS)
    out = Text()
    out.append(("…" if before_start > line_start else "") + text[before_start : evidence.start])
    out.append(text[evidence.start : evidence.end], style="bold reverse")
    out.append(text[evidence.end : after_end] + ("…" if after_end < line_end else ""))
    return out


def _finding_table(finding: Finding, texts: dict[str, str], references: frozenset[str] = frozenset()) -> Table:
    table = Table(show_header=True, header_style="bold", expand=True, box=None, padding=(0, 1))
    sources = list(dict.fromkeys(e.source for e in finding.evidence))
    for source in sources:
        table.add_column(f"{source} (reference)" if source in references else source, ratio=1, overflow="fold")
    cells = []
    for source in sources:
        cell = Text()
        for n, evidence in enumerate(e for e in finding.evidence if e.source == source):
            if n:
                cell.append("\n")
            text = texts.get(source)
            cell.append(_context(text, evidence) if text is not None else Text(evidence.text))
            if evidence.note:
                cell.append(f"\n  = {evidence.note}", style="dim")
        cells.append(cell)
    table.add_row(*cells)
    return table


def rules_phrase(summary: Summary) -> str:
    """How many rules ran and, unless it is the bundled pack alone, from which packs.

    ``--rules`` replaces the bundled pack, so a run without it says so:
    "9 rules" silently becoming "2 rules" looks like a broken install.
    """
    phrase = f"{summary.rules_loaded} rule(s)"
    packs = summary.rule_packs
    if not packs or packs == [BUNDLED_PACK]:
        return phrase
    phrase += f" from {', '.join(packs)}"
    if BUNDLED_PACK not in packs:
        phrase += ", not the bundled pack (--rules replaces it, --extra-rules adds to it)"
    return phrase


def render(report: Report, color: bool = False) -> str:
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        force_terminal=color,
        color_system="standard" if color else None,
        width=120,
        highlight=False,
    )
    texts = {s.id: t for s in report.sources if (t := report.source_text(s.id)) is not None}
    references = frozenset(s.id for s in report.sources if s.role == "reference")
    if references:
        checked = [s.id for s in report.sources if s.id not in references]
        console.print(
            Text(f"Checked against the references {', '.join(sorted(references))}: {', '.join(checked) or 'none'}")
        )
        console.print()
    for finding in report.findings:
        head = Text()
        head.append(f"{finding.severity.upper():7}", style=SEVERITY_STYLE[finding.severity])
        head.append(f" {finding.category} ", style="bold")
        head.append(f"[{finding.rule}]", style="dim")
        console.print(head)
        console.print(Text("  " + finding.message))
        console.print(_finding_table(finding, texts, references))
        if finding.suggestion:
            console.print(
                Text("  suggestion: ", style="dim") + Text(finding.suggestion, style="green")
            )
        console.print()
    for problem in report.problems:
        label = PROBLEM_LABEL[problem.severity]
        console.print(Text(f"{label} {problem.kind}: {problem}", style=PROBLEM_STYLE[problem.severity]))
    s = report.summary
    duplicates = f", {s.sources_duplicate} duplicate(s) counted once" if s.sources_duplicate else ""
    skipped = f", {s.sources_skipped} skipped" if s.sources_skipped else ""
    console.print(
        Text(
            f"{s.sources_read} source(s) checked, {s.sources_failed} failed{skipped}{duplicates}; "
            f"{rules_phrase(s)}; "
            f"{s.findings['error']} error(s), {s.findings['warning']} warning(s), {s.findings['info']} info",
            style="bold",
        ),
        soft_wrap=True,  # one line in a pipe, for grep and CI logs
    )
    return buffer.getvalue()
