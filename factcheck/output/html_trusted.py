"""The HTML report's trusted-sources section: each candidate beside the reference passages.

In trusted-sources mode (some source is a reference) the page shows, for
each candidate, its whole text with the spans its findings are about
highlighted, and beside it the reference passages those findings cite,
numbered as the findings are, so a reader sees the wrong value and the
right one side by side.  Without references the section is absent.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from factcheck.output.html_spans import Catalogue, Span, e
from factcheck.output.locations import LineIndex, SourceLocator, reference_ids
from factcheck.report import Evidence, Report

CSS = """
.against { display: grid; grid-template-columns: minmax(18rem, 1fr) minmax(18rem, 1fr); gap: 1rem;
  align-items: start; margin-bottom: 1.5rem; }
.against .passages .ctx { margin-bottom: .5rem; }
.against .passages h3 { margin-top: 0; }
.role { font-size: .75rem; font-weight: 600; color: var(--muted); text-transform: uppercase; }
"""

MarkedText = Callable[[str, Sequence[Span]], str]
ContextHtml = Callable[[str, LineIndex, Evidence, str], str]

_MARK_ID = re.compile(r'(<mark) id="[^"]*"')


def section(
    report: Report, catalogue: Catalogue, locator: SourceLocator, marked: MarkedText, context: ContextHtml
) -> str:
    """The section, or "" when no source is a reference.

    ``marked`` and ``context`` are the page's renderings of a whole text
    and of a span in its line (`factcheck.output.html`); the marks here
    carry no ids, which the sources section below holds.
    """
    references = reference_ids(report)
    if not references:
        return ""
    parts = [
        '<section id="against"><h2>Candidates against the references</h2>'
        f'<p class="muted">References: {e(", ".join(sorted(references)))}. Each candidate with the spans of its '
        "findings marked, beside the reference passages the findings cite (numbers are the findings').</p>"
    ]
    for source in report.sources:
        if source.id in references:
            continue
        text = report.source_text(source.id)
        spans = catalogue.of_source(source.id)
        body = _MARK_ID.sub(r"\1", marked(text, spans)) if text is not None else ""
        passages = _passages(report, source.id, references, locator, context)
        parts.append(
            '<div class="against">'
            f'<article class="source"><header><h3>{e(source.id)} <span class="role">candidate</span></h3></header>'
            f'<div class="text">{body}</div></article>'
            f'<div class="passages"><h3>Reference passages</h3>{passages}</div></div>'
        )
    parts.append("</section>")
    return "".join(parts)


def _passages(
    report: Report, candidate: str, references: frozenset[str], locator: SourceLocator, context: ContextHtml
) -> str:
    cells: list[str] = []
    for number, finding in enumerate(report.findings, start=1):
        if not any(ev.source == candidate for ev in finding.evidence):
            continue
        for evidence in finding.evidence:
            if evidence.source not in references:
                continue
            text = report.source_text(evidence.source)
            index = locator.index(evidence.source)
            region = locator.region(evidence)
            where = e(evidence.source) + (f", line {region.start_line}" if region is not None else "")
            shown = (
                context(text, index, evidence, finding.severity)
                if text is not None and index is not None
                else f'<mark class="{finding.severity}">{e(evidence.text)}</mark>'
            )
            cells.append(
                f'<div class="ctx"><div class="where"><a href="#f{number}">#{number}</a> {where}'
                f' <span class="role">reference</span></div><div>{shown}</div></div>'
            )
    return "".join(cells) or '<p class="muted">No finding cites a reference passage.</p>'
