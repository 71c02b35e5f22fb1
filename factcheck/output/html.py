"""A standalone HTML report: one file, no network, no scripts.

The page holds, in order: the summary; problems (sources or rules that could
not be used); the findings, each with the spans it is about in a line of
context, side by side, linked to the full texts; an interval chart for every
group of aligned quantity claims (one bar per claim on a shared scale, open
ends fading into arrows) so a conflict is seen at a glance; a timeline of the
dates each source gives; and the sources side by side with every evidence
span highlighted (``<mark id=...>``) and linked back to its findings.

Everything is inline (CSS, SVG); a Content-Security-Policy forbids any fetch.
All source text is escaped.  The charts read the report's claims, which the
CLI includes for this format.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from factcheck.output import html_trusted
from factcheck.output.html_charts import interval_chart, quantity_groups, timelines
from factcheck.output.html_spans import Catalogue, Span, e
from factcheck.output.locations import LineIndex, SourceLocator
from factcheck.report import SEVERITIES_HIGHEST_FIRST, SEVERITY_RANK, Evidence, Finding, Report
from factcheck.version import __version__

CONTEXT_CHARS = 70
CSS = """
:root { --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #ffffff; --panel: #f6f8fa;
  --error: #c62828; --warning: #b26a00; --info: #1565c0; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  color: var(--fg); background: var(--bg); }
header.top { padding: 1.2rem 2rem; border-bottom: 1px solid var(--line); background: var(--panel); }
header.top h1 { margin: 0 0 .3rem; font-size: 1.5rem; }
main { padding: 0 2rem 3rem; max-width: 1800px; }
h2 { font-size: 1.2rem; margin: 2rem 0 .8rem; padding-bottom: .3rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
.muted { color: var(--muted); }
.counts { display: flex; gap: .6rem; flex-wrap: wrap; margin: .5rem 0; }
.badge { display: inline-block; padding: 0 .55em; border-radius: 1em; font-size: .8rem; font-weight: 600;
  color: #fff; text-transform: uppercase; letter-spacing: .03em; }
.badge.error { background: var(--error); } .badge.warning { background: var(--warning); }
.badge.info { background: var(--info); }
table.meta { border-collapse: collapse; font-size: .85rem; margin-top: .6rem; }
table.meta th, table.meta td { text-align: left; padding: .15rem .8rem .15rem 0; vertical-align: top; }
nav.toc { margin-top: .6rem; } nav.toc a { margin-right: 1rem; }
.problem { border-left: 4px solid var(--error); background: #fdecea; padding: .4rem .8rem; margin: .4rem 0; }
.problem.warning { border-left-color: var(--warning); background: #fff4e0; }
.problem.info { border-left-color: var(--info); background: #e8f0fe; }
.finding { border: 1px solid var(--line); border-left: 5px solid var(--info); border-radius: 6px;
  padding: .7rem 1rem; margin: .8rem 0; background: var(--bg); scroll-margin-top: 1rem; }
.finding.error { border-left-color: var(--error); } .finding.warning { border-left-color: var(--warning); }
.finding:target { box-shadow: 0 0 0 3px #f5c518; }
.finding header { display: flex; gap: .6rem; align-items: baseline; flex-wrap: wrap; }
.finding .num { color: var(--muted); font-size: .85rem; }
.finding .cat { font-weight: 600; }
.finding code, code { font: .85em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: var(--muted); }
.finding .msg { margin: .35rem 0 .5rem; }
.finding .suggestion { margin: .4rem 0 0; font-size: .9rem; }
.finding .suggestion b { color: #1a7f37; }
.ctx-row { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: .6rem; }
.ctx { background: var(--panel); border-radius: 4px; padding: .4rem .6rem; font-size: .9rem; }
.ctx .where { font-size: .8rem; margin-bottom: .15rem; }
.ctx .note { font-size: .8rem; color: var(--muted); margin-top: .15rem; }
mark { background: #fff3b0; color: inherit; border-radius: 2px; padding: 0 1px; }
mark.error { background: #ffd7d5; box-shadow: inset 0 -2px 0 var(--error); }
mark.warning { background: #ffe9b8; box-shadow: inset 0 -2px 0 var(--warning); }
mark.info { background: #dbeafe; box-shadow: inset 0 -2px 0 var(--info); }
mark mark { padding: 0; }
mark[id] { scroll-margin-top: 2rem; }
mark:target { outline: 3px solid #f5c518; outline-offset: 1px; }
sup.refs { font-size: .7rem; margin-left: 1px; }
sup.refs a { text-decoration: none; }
.sources { display: grid; grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr)); gap: 1rem;
  align-items: start; }
.source { border: 1px solid var(--line); border-radius: 6px; background: var(--bg); min-width: 0; }
.source > header { padding: .5rem .8rem; background: var(--panel); border-bottom: 1px solid var(--line);
  position: sticky; top: 0; }
.source > header h3 { margin: 0; }
.source .text { padding: .6rem .8rem; white-space: pre-wrap; overflow-wrap: anywhere; font-size: .92rem;
  line-height: 1.6; }
.chart { margin: .3rem 0 1.2rem; overflow-x: auto; }
.chart svg { display: block; max-width: 100%; height: auto; }
.chart svg text { font: 12px system-ui, sans-serif; fill: #1f2328; }
.chart svg .axis text { fill: #59636e; font-size: 11px; }
.chart svg a:hover text { text-decoration: underline; }
.legend { font-size: .85rem; color: var(--muted); }
footer { margin-top: 3rem; font-size: .8rem; color: var(--muted); }
"""


def _marked_text(text: str, spans: Sequence[Span]) -> str:
    """The whole text, escaped, each span in a ``<mark>``; overlaps nest, crossings split.

    A span cut by a crossing one continues in a second ``<mark>`` without
    the id.  After each outermost mark, links to the findings that cite its
    spans.
    """
    spans = [s for s in spans if 0 <= s.start <= s.end <= len(text)]
    bounds = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    opened: list[Span] = []
    started: set[str] = set()
    refs: list[int] = []
    out: list[str] = []

    def open_mark(span: Span) -> None:
        title = f"{span.source}: findings " + ", ".join(f"#{n}" for n in span.findings)
        id_attr = f' id="{span.id}"' if span.id not in started else ""
        started.add(span.id)
        out.append(f'<mark{id_attr} class="{span.severity}" title="{e(title)}">')

    def close_to(depth: int, position: int) -> None:
        while len(opened) > depth:
            span = opened.pop()
            out.append("</mark>")
            if span.end <= position:
                refs.extend(n for n in span.findings if n not in refs)
        if not opened and refs:
            links = ",".join(f'<a href="#f{n}">{n}</a>' for n in sorted(refs))
            out.append(f'<sup class="refs">{links}</sup>')
            refs.clear()

    def empty_marks(position: int) -> None:
        for span in spans:
            if span.start == span.end == position:
                out.append(f'<mark id="{span.id}" class="{span.severity} empty"></mark>')

    for left, right in itertools.pairwise(bounds):
        empty_marks(left)
        covering = sorted(
            (s for s in spans if s.start <= left and right <= s.end and s.start < s.end),
            key=lambda s: (s.start, -s.end, s.id),
        )
        common = 0
        while common < min(len(opened), len(covering)) and opened[common] is covering[common]:
            common += 1
        close_to(common, left)
        for span in covering[common:]:
            open_mark(span)
            opened.append(span)
        out.append(e(text[left:right]))
    close_to(0, len(text))
    if text:
        empty_marks(len(text))
    return "".join(out)


def _context_html(text: str, index: LineIndex, evidence: Evidence, severity: str) -> str:
    line_start, _ = index.line_bounds(evidence.start)
    _, line_end = index.line_bounds(evidence.end)
    before = max(line_start, evidence.start - CONTEXT_CHARS)
    after = min(line_end, evidence.end + CONTEXT_CHARS)
    if before > line_start:
        space = text.find(" ", before, evidence.start)
        before = space + 1 if space >= 0 else before
    if after < line_end:
        space = text.rfind(" ", evidence.end, after)
        after = space if space >= 0 else after
    return (
        ("…" if before > line_start else "")
        + e(text[before : evidence.start])
        + f'<mark class="{severity}">{e(text[evidence.start : evidence.end])}</mark>'
        + e(text[evidence.end : after])
        + ("…" if after < line_end else "")
    )


def _finding_html(number: int, finding: Finding, catalogue: Catalogue, locator: SourceLocator) -> str:
    cells: list[str] = []
    for evidence in finding.evidence:
        span = catalogue.add(evidence)
        index = locator.index(evidence.source)
        text = locator.report.source_text(evidence.source)
        where = e(evidence.source)
        region = locator.region(evidence)
        if region is not None:
            where += f", line {region.start_line}"
        context = (
            _context_html(text, index, evidence, finding.severity)
            if text is not None and index is not None
            else f'<mark class="{finding.severity}">{e(evidence.text)}</mark>'
        )
        note = f'<div class="note">= {e(evidence.note)}</div>' if evidence.note else ""
        cells.append(
            f'<div class="ctx"><div class="where"><a class="ev" href="#{span.id}">{where} ↗</a></div>'
            f"<div>{context}</div>{note}</div>"
        )
    suggestion = (
        f'<p class="suggestion">Suggestion: <b>{e(finding.suggestion)}</b></p>' if finding.suggestion else ""
    )
    return (
        f'<article class="finding {finding.severity}" id="f{number}" data-fingerprint="{finding.fingerprint}">'
        f'<header><span class="num">#{number}</span><span class="badge {finding.severity}">{finding.severity}</span>'
        f'<span class="cat">{e(finding.category)}</span><code>{e(finding.rule)}</code></header>'
        f'<p class="msg">{e(finding.message)}</p>'
        f'<div class="ctx-row">{"".join(cells)}</div>{suggestion}</article>'
    )


def _packs(report: Report) -> str:
    packs = report.summary.rule_packs
    return f" from {e(', '.join(packs))}" if packs else ""


def _summary(report: Report, locator: SourceLocator) -> str:
    s = report.summary
    counts = "".join(
        f'<span><span class="badge {severity}">{severity}</span> {s.findings.get(severity, 0)}</span>'
        for severity in SEVERITIES_HIGHEST_FIRST
    )
    rows = "".join(
        f"<tr><th>{e(src.id)}</th><td>{e(locator.path(src.id) or '(no file)')}</td>"
        f"<td>published {e(src.published or '–')}</td>"
        f"<td>reference date {e(src.reference_date or '–')} ({e(src.reference_date_origin)})</td>"
        f"<td>{src.words} words</td>{f'<td class=role>{e(src.role)}</td>' if src.role else ''}</tr>"
        for src in report.sources
    )
    duplicates = f", {s.sources_duplicate} duplicate(s) counted once" if s.sources_duplicate else ""
    skipped = f", {s.sources_skipped} skipped" if s.sources_skipped else ""
    return (
        f'<p class="muted">{s.sources_read} source(s) checked, {s.sources_failed} failed{skipped}{duplicates}; '
        f"{s.rules_loaded} rule(s) loaded{_packs(report)}, {s.rule_files_failed} rule file(s) failed.</p>"
        f'<div class="counts">{counts}</div><table class="meta">{rows}</table>'
    )


def reading_order(report: Report) -> list[Finding]:
    """The findings as a reader takes them: errors first, then warnings, then info; within one
    severity by source (in the report's order) and position in it."""
    source_order = {s.id: n for n, s in enumerate(report.sources)}

    def key(finding: Finding) -> tuple[object, ...]:
        first = finding.evidence[0] if finding.evidence else None
        where = (source_order.get(first.source, len(source_order)), first.start) if first else (len(source_order), 0)
        return (-SEVERITY_RANK[finding.severity], finding.cluster, *where, finding.rule, finding.message)

    return sorted(report.findings, key=key)


def render(report: Report, color: bool = False) -> str:
    # Numbers (#1, #2...), marks and links all follow the reading order.
    report = report.model_copy(update={"findings": reading_order(report)})
    catalogue = Catalogue(report)
    locator = SourceLocator(report)
    trusted = html_trusted.section(report, catalogue, locator, _marked_text, _context_html)
    parts: list[str] = []
    parts.append(
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; img-src data:\">"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>factcheck report: {len(report.findings)} finding(s)</title>"
        f"<style>{CSS}{html_trusted.CSS if trusted else ''}</style></head><body>"
    )
    parts.append(
        '<header class="top"><h1>factcheck report</h1>'
        f"{_summary(report, locator)}"
        '<nav class="toc"><a href="#findings">Findings</a>'
        + ('<a href="#against">Against the references</a>' if trusted else "")
        + '<a href="#intervals">Figures</a>'
        '<a href="#dates">Dates</a><a href="#sources">Sources</a></nav></header><main>'
    )
    if report.problems:
        items = "".join(
            f'<div class="problem {e(p.severity)}"><b>{e(p.kind)}</b>: {e(str(p))}</div>' for p in report.problems
        )
        parts.append(f'<section id="problems"><h2>Problems</h2>{items}</section>')

    findings = "".join(_finding_html(n, f, catalogue, locator) for n, f in enumerate(report.findings, start=1))
    parts.append(
        f'<section id="findings"><h2>Findings ({len(report.findings)})</h2>'
        + (findings or '<p class="muted">No findings.</p>')
        + "</section>"
    )

    parts.append(trusted)
    no_claims = (
        '<p class="muted">The report holds no claims (the Python API leaves them out with '
        "<code>include_claims=False</code>).</p>"
    )
    groups = quantity_groups(report)
    charts = "".join(
        f'<h3>{e(g.title)}</h3><div class="chart">{interval_chart(n, g, catalogue)}</div>'
        for n, g in enumerate(groups)
    )
    legend = (
        '<p class="legend">One bar per figure, on a shared scale: a bar is the interval the wording commits to, '
        "a diamond an exact figure; an open end fades into an arrow; a solid cap is an inclusive bound, a ring an "
        "exclusive one. Coloured bars are figures a finding is about (grey: none); "
        "click a label to see it in its source.</p>"
    )
    parts.append(
        '<section id="intervals"><h2>Figures compared</h2>'
        + (
            legend + charts
            if charts
            else (no_claims if not report.claims else '<p class="muted">No figure is given by two sources.</p>')
        )
        + "</section>"
    )
    parts.append(
        '<section id="dates"><h2>Dates by source</h2>'
        + (
            '<p class="legend">Each source\'s dates (to the day or finer) on a shared time axis; a ring marks a '
            "publication date, coloured marks dates a finding is about; a date far from all the others is drawn "
            "past the end of the axis (a triangle, after a break), with its date.</p>" + timelines(report, catalogue)
            if report.claims
            else no_claims
        )
        + "</section>"
    )

    columns: list[str] = []
    for source in report.sources:
        text = report.source_text(source.id)
        body = _marked_text(text, catalogue.of_source(source.id)) if text is not None else ""
        path = f'<div class="muted">{e(locator.path(source.id) or "(no file)")}</div>'
        columns.append(
            f'<article class="source" id="source-{catalogue.source_index[source.id]}">'
            f"<header><h3>{e(source.id)}</h3>{path}</header>"
            f'<div class="text">{body}</div></article>'
        )
    parts.append(f'<section id="sources"><h2>Sources</h2><div class="sources">{"".join(columns)}</div></section>')
    parts.append(f"<footer>factcheck {e(__version__)}</footer></main></body></html>\n")
    return "".join(parts)
