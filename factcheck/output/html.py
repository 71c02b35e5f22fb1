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

import datetime as dt
import itertools
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html import escape

from factcheck.alignment import quantity_key
from factcheck.claims import DateClaim, QuantityClaim
from factcheck.output.locations import LineIndex, SourceLocator
from factcheck.report import SEVERITY_RANK, Evidence, Finding, Report
from factcheck.version import __version__

CONTEXT_CHARS = 70
SEVERITY_COLOURS = {"error": "#c62828", "warning": "#b26a00", "info": "#1565c0"}
NEUTRAL = "#8c959f"  # figures and dates no finding is about
CHART_WIDTH = 960
LABEL_WIDTH = 300
VALUE_WIDTH = 190  # right-hand column with each bar's interval
ROW_HEIGHT = 30
AXIS_HEIGHT = 28
CHAR_WIDTH = 6.6  # rough width of one character of the chart font, for layout only
TIMELINE_DAY_GRANULARITIES = ("day", "hour", "minute")

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
.sources { display: grid; grid-auto-flow: column; grid-auto-columns: minmax(18rem, 1fr); gap: 1rem;
  overflow-x: auto; align-items: start; }
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


def _e(text: object) -> str:
    return escape(str(text), quote=True)


# ---------------------------------------------------------------- spans and ids


@dataclass
class _Span:
    source: str
    start: int
    end: int
    id: str
    text: str
    findings: list[int] = field(default_factory=list)
    severity: str = "info"


class _Catalogue:
    """Every distinct evidence span, with an id and the findings that cite it."""

    def __init__(self, report: Report) -> None:
        self.source_index = {s.id: n for n, s in enumerate(report.sources)}
        self.spans: dict[tuple[str, int, int], _Span] = {}
        for number, finding in enumerate(report.findings, start=1):
            for evidence in finding.evidence:
                span = self.add(evidence)
                if number not in span.findings:
                    span.findings.append(number)
                if SEVERITY_RANK[finding.severity] > SEVERITY_RANK[span.severity] or len(span.findings) == 1:
                    span.severity = finding.severity

    def add(self, evidence: Evidence) -> _Span:
        key = (evidence.source, evidence.start, evidence.end)
        if key not in self.spans:
            index = self.source_index.get(evidence.source, len(self.source_index))
            self.spans[key] = _Span(
                evidence.source, evidence.start, evidence.end, f"s{index}-{evidence.start}-{evidence.end}",
                evidence.text,
            )
        return self.spans[key]

    def get(self, source: str, start: int, end: int) -> _Span | None:
        return self.spans.get((source, start, end))

    def of_source(self, source: str) -> list[_Span]:
        return sorted((s for s in self.spans.values() if s.source == source), key=lambda s: (s.start, -s.end))


def _marked_text(text: str, spans: Sequence[_Span]) -> str:
    """The whole text, escaped, each span in a ``<mark>``; overlaps nest, crossings split.

    A span cut by a crossing one continues in a second ``<mark>`` without
    the id.  After each outermost mark, links to the findings that cite its
    spans.
    """
    spans = [s for s in spans if 0 <= s.start <= s.end <= len(text)]
    bounds = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    opened: list[_Span] = []
    started: set[str] = set()
    refs: list[int] = []
    out: list[str] = []

    def open_mark(span: _Span) -> None:
        title = f"{span.source}: findings " + ", ".join(f"#{n}" for n in span.findings)
        id_attr = f' id="{span.id}"' if span.id not in started else ""
        started.add(span.id)
        out.append(f'<mark{id_attr} class="{span.severity}" title="{_e(title)}">')

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
        out.append(_e(text[left:right]))
    close_to(0, len(text))
    if text:
        empty_marks(len(text))
    return "".join(out)


# ---------------------------------------------------------------- findings


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
        + _e(text[before : evidence.start])
        + f'<mark class="{severity}">{_e(text[evidence.start : evidence.end])}</mark>'
        + _e(text[evidence.end : after])
        + ("…" if after < line_end else "")
    )


def _finding_html(number: int, finding: Finding, catalogue: _Catalogue, locator: SourceLocator) -> str:
    cells: list[str] = []
    for evidence in finding.evidence:
        span = catalogue.add(evidence)
        index = locator.index(evidence.source)
        text = locator.report.source_text(evidence.source)
        where = _e(evidence.source)
        region = locator.region(evidence)
        if region is not None:
            where += f", line {region.start_line}"
        context = (
            _context_html(text, index, evidence, finding.severity)
            if text is not None and index is not None
            else f'<mark class="{finding.severity}">{_e(evidence.text)}</mark>'
        )
        note = f'<div class="note">= {_e(evidence.note)}</div>' if evidence.note else ""
        cells.append(
            f'<div class="ctx"><div class="where"><a class="ev" href="#{span.id}">{where} ↗</a></div>'
            f"<div>{context}</div>{note}</div>"
        )
    suggestion = (
        f'<p class="suggestion">Suggestion: <b>{_e(finding.suggestion)}</b></p>' if finding.suggestion else ""
    )
    return (
        f'<article class="finding {finding.severity}" id="f{number}" data-fingerprint="{finding.fingerprint}">'
        f'<header><span class="num">#{number}</span><span class="badge {finding.severity}">{finding.severity}</span>'
        f'<span class="cat">{_e(finding.category)}</span><code>{_e(finding.rule)}</code></header>'
        f'<p class="msg">{_e(finding.message)}</p>'
        f'<div class="ctx-row">{"".join(cells)}</div>{suggestion}</article>'
    )


# ---------------------------------------------------------------- charts: shared


def _nice_step(span: float, target: int = 6) -> float:
    if span <= 0:
        return 1.0
    raw = span / target
    magnitude = 10.0 ** math.floor(math.log10(raw))
    for factor in (1.0, 2.0, 2.5, 5.0, 10.0):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10.0 * magnitude


def _fmt(value: float) -> str:
    if math.isnan(value):
        return "?"
    if math.isinf(value):
        return "∞" if value > 0 else "-∞"
    magnitude = abs(value)
    for limit, suffix in ((1e12, "T"), (1e9, "bn"), (1e6, "m")):
        if magnitude >= limit:
            scaled = value / limit
            return f"{scaled:.3g}{suffix}"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.3g}" if magnitude >= 1 else f"{value:.3g}"


def _truncate(text: str, chars: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= chars else text[: chars - 1] + "…"


def _svg(width: float, height: float, label: str, body: Iterable[str]) -> str:
    return (
        f'<svg role="img" aria-label="{_e(label)}" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}"><title>{_e(label)}</title>{"".join(body)}</svg>'
    )


# ---------------------------------------------------------------- charts: quantities


@dataclass
class _QuantityGroup:
    what: str
    unit: str | None
    event: str | None
    claims: list[QuantityClaim]

    @property
    def title(self) -> str:
        unit = f" ({self.unit})" if self.unit else ""
        event = f" · {self.event}" if self.event else ""
        return f"{self.what}{unit}{event}"


def quantity_groups(report: Report) -> list[_QuantityGroup]:
    """Quantity claims with the same counted thing (or dimension), unit and event, from 2+ sources."""
    groups: dict[tuple[str, str | None, str | None], list[QuantityClaim]] = {}
    for claim in report.claims:
        if not isinstance(claim, QuantityClaim) or (claim.low is None and claim.high is None):
            continue
        key = quantity_key(claim)  # the alignment the quantity checks use
        if key is None:
            continue
        what, event = key
        groups.setdefault((what, claim.unit, event or None), []).append(claim)
    out = [
        _QuantityGroup(what, unit, event, sorted(claims, key=lambda c: (c.source, c.start)))
        for (what, unit, event), claims in groups.items()
        if len({c.source for c in claims}) >= 2
    ]
    return sorted(out, key=lambda g: (g.what, g.unit or "", g.event or ""))


def _domain(values: list[float]) -> tuple[float, float]:
    low, high = min(values), max(values)
    if low >= 0 and low <= 0.5 * high:
        low = 0.0
    if math.isclose(low, high):
        pad = max(abs(low) * 0.1, 1.0)
        return low - pad, high + pad
    pad = (high - low) * 0.08
    return (low if low == 0 else low - pad), high + pad


def _interval_chart(number: int, group: _QuantityGroup, catalogue: _Catalogue) -> str:
    finite = [v for c in group.claims for v in (c.low, c.high) if v is not None]
    lo, hi = _domain(finite)
    x0, x1 = LABEL_WIDTH + 20, CHART_WIDTH - VALUE_WIDTH

    def x(value: float) -> float:
        return x0 + (value - lo) / (hi - lo) * (x1 - x0)

    height = AXIS_HEIGHT + ROW_HEIGHT * len(group.claims) + 12
    body: list[str] = []
    step = _nice_step(hi - lo)
    tick = math.ceil(lo / step) * step
    body.append('<g class="axis">')
    while tick <= hi + step * 1e-9:
        tx = x(tick)
        body.append(
            f'<line x1="{tx:.1f}" y1="{AXIS_HEIGHT - 6}" x2="{tx:.1f}" y2="{height - 8}" stroke="#e3e8ee"/>'
            f'<text x="{tx:.1f}" y="{AXIS_HEIGHT - 10}" text-anchor="middle">{_e(_fmt(tick))}</text>'
        )
        tick += step
    body.append("</g>")
    for row, claim in enumerate(group.claims):
        y = AXIS_HEIGHT + row * ROW_HEIGHT + ROW_HEIGHT / 2
        span = catalogue.get(claim.source, claim.start, claim.end)
        colour = SEVERITY_COLOURS[span.severity] if span is not None else NEUTRAL
        gradient = f"q{number}-{row}"
        left = x(claim.low) if claim.low is not None else x0
        right = x(claim.high) if claim.high is not None else x1
        label = f"{claim.source}: {_truncate(claim.text, 38)}"
        bounds = _interval_text(claim)
        tooltip = f"{claim.source}: “{claim.text}” = {bounds}"
        label_svg = f'<text x="{LABEL_WIDTH}" y="{y + 4:.1f}" text-anchor="end">{_e(label)}</text>'
        if span is not None:
            label_svg = f'<a href="#{span.id}">{label_svg}</a>'
        parts = [f"<g><title>{_e(tooltip)}</title>", label_svg]
        if claim.low is None or claim.high is None:
            # An open end fades out towards the edge and ends in an arrow.
            fade_from, fade_to = ("0", "1") if claim.low is None else ("1", "0")
            parts.append(
                f'<defs><linearGradient id="{gradient}" x1="0" x2="1" y1="0" y2="0">'
                f'<stop offset="0" stop-color="{colour}" stop-opacity="{fade_from}"/>'
                f'<stop offset="1" stop-color="{colour}" stop-opacity="{fade_to}"/></linearGradient></defs>'
            )
            fill = f"url(#{gradient})"
        else:
            fill = colour
        width = max(right - left, 0.0)
        if width < 3:  # a point: a diamond
            parts.append(
                f'<path d="M{left:.1f} {y - 7:.1f} L{left + 7:.1f} {y:.1f} L{left:.1f} {y + 7:.1f} '
                f'L{left - 7:.1f} {y:.1f} Z" fill="{colour}"/>'
            )
        else:
            parts.append(
                f'<rect x="{left:.1f}" y="{y - 6:.1f}" width="{width:.1f}" height="12" rx="2" fill="{fill}"/>'
            )
        if claim.low is None:
            parts.append(f'<path d="M{x0 - 8:.1f} {y:.1f} l9 -6 v12 Z" fill="{colour}" opacity="0.5"/>')
        elif width >= 3:
            parts.append(_end_cap(left, y, claim.low_inclusive, colour))
        if claim.high is None:
            parts.append(f'<path d="M{x1 + 8:.1f} {y:.1f} l-9 -6 v12 Z" fill="{colour}" opacity="0.5"/>')
        elif width >= 3:
            parts.append(_end_cap(right, y, claim.high_inclusive, colour))
        parts.append(f'<text x="{x1 + 24:.1f}" y="{y + 4:.1f}" class="value">{_e(bounds)}</text>')
        parts.append("</g>")
        body.append("".join(parts))
    label = f"Interval chart for {group.title}: one bar per claim"
    return _svg(CHART_WIDTH, height, label, body)


def _interval_text(claim: QuantityClaim) -> str:
    left = "(-∞" if claim.low is None else ("[" if claim.low_inclusive else "(") + _fmt(claim.low)
    right = "∞)" if claim.high is None else _fmt(claim.high) + ("]" if claim.high_inclusive else ")")
    unit = f" {claim.unit}" if claim.unit else ""
    return f"{left}, {right}{unit}"


def _end_cap(x: float, y: float, inclusive: bool, colour: str) -> str:
    if inclusive:
        return f'<line x1="{x:.1f}" y1="{y - 9:.1f}" x2="{x:.1f}" y2="{y + 9:.1f}" stroke="{colour}" stroke-width="2"/>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4.5" fill="#fff" stroke="{colour}" stroke-width="2"/>'


# ---------------------------------------------------------------- charts: dates

_TIME = re.compile(r"T(\d{2})(?::(\d{2}))?")


def _date_position(claim: DateClaim) -> float | None:
    """Days since 0001-01-01 (fractional for a time of day); None when not a day or finer."""
    if claim.value is None or claim.granularity not in TIMELINE_DAY_GRANULARITIES:
        return None
    try:
        day = dt.date.fromisoformat(claim.value[:10])
    except ValueError:
        return None
    position = float(day.toordinal())
    match = _TIME.match(claim.value[10:])
    if match:
        position += (int(match.group(1)) * 60 + int(match.group(2) or 0)) / 1440
    else:
        position += 0.5
    return position


def _date_ticks(lo: float, hi: float) -> list[tuple[float, str]]:
    first, last = dt.date.fromordinal(math.floor(lo)), dt.date.fromordinal(math.ceil(hi))
    days = (last - first).days
    ticks: list[tuple[float, str]] = []
    day = first
    if days <= 16:
        while day <= last:
            ticks.append((day.toordinal(), f"{day.day} {day:%b}"))
            day += dt.timedelta(days=1)
    elif days <= 90:
        day += dt.timedelta(days=(7 - day.weekday()) % 7)
        while day <= last:
            ticks.append((day.toordinal(), f"{day.day} {day:%b}"))
            day += dt.timedelta(days=7)
    elif days <= 3 * 366:
        day = day.replace(day=1)
        while day <= last:
            if day >= first:
                ticks.append((day.toordinal(), f"{day:%b %Y}" if day.month == 1 or not ticks else f"{day:%b}"))
            day = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    else:
        step = max(1, math.ceil(days / 365 / 8))
        year = first.year + (1 if first > dt.date(first.year, 1, 1) else 0)
        while year <= last.year:
            ticks.append((dt.date(year, 1, 1).toordinal(), str(year)))
            year += step
    return ticks


def _timelines(report: Report, catalogue: _Catalogue) -> str:
    per_source: dict[str, list[tuple[float, DateClaim]]] = {}
    for claim in report.claims:
        if isinstance(claim, DateClaim):
            position = _date_position(claim)
            if position is not None:
                per_source.setdefault(claim.source, []).append((position, claim))
    if not per_source:
        return '<p class="muted">No source gives a date to the day.</p>'
    positions = [p for items in per_source.values() for p, _ in items]
    lo, hi = math.floor(min(positions)) - 1, math.ceil(max(positions)) + 1
    x0, x1 = 30.0, CHART_WIDTH - 30.0

    def x(value: float) -> float:
        return x0 + (value - lo) / (hi - lo) * (x1 - x0)

    ticks = _date_ticks(lo, hi)
    out: list[str] = []
    order = [s.id for s in report.sources if s.id in per_source]
    for source in order:
        # One mark per date and wording: "Tuesday" five times is "Tuesday ×5".
        merged: dict[tuple[float, str], list[DateClaim]] = {}
        for position, claim in sorted(per_source[source], key=lambda item: (item[0], item[1].start)):
            merged.setdefault((position, _truncate(claim.text, 30)), []).append(claim)
        rows_end: list[float] = []
        placed: list[tuple[float, int, list[DateClaim], str]] = []
        for (position, text), claims in merged.items():
            label = text + (f" ×{len(claims)}" if len(claims) > 1 else "")
            left = x(position) - len(label) * CHAR_WIDTH / 2
            row = next((r for r, end in enumerate(rows_end) if end + 8 < left), len(rows_end))
            if row == len(rows_end):
                rows_end.append(0.0)
            rows_end[row] = left + len(label) * CHAR_WIDTH
            placed.append((position, row, claims, label))
        label_rows = max(1, len(rows_end))
        axis_y = 16 + label_rows * 16 + 10
        height = axis_y + 34
        body = ['<g class="axis">']
        body.append(f'<line x1="{x0}" y1="{axis_y}" x2="{x1}" y2="{axis_y}" stroke="#8c959f"/>')
        for position, text in ticks:
            tx = x(position)
            body.append(
                f'<line x1="{tx:.1f}" y1="{axis_y}" x2="{tx:.1f}" y2="{axis_y + 5}" stroke="#8c959f"/>'
                f'<text x="{tx:.1f}" y="{axis_y + 18}" text-anchor="middle">{_e(text)}</text>'
            )
        body.append("</g>")
        for position, row, claims, label in placed:
            px = x(position)
            spans = [
                found for c in claims if (found := catalogue.get(c.source, c.start, c.end)) is not None
            ]
            span = max(spans, key=lambda s: SEVERITY_RANK[s.severity]) if spans else None
            colour = SEVERITY_COLOURS[span.severity] if span is not None else NEUTRAL
            label_y = 14 + row * 16
            claim = claims[0]
            hollow = all(c.role == "publication" for c in claims)
            weekday = f", says {claim.weekday_text}" if claim.weekday_text else ""
            tooltip = f"{claim.source}: “{claim.text}” = {claim.value} ({claim.role}{weekday})"
            if len(claims) > 1:
                tooltip += f", {len(claims)} times"
            marker = (
                f'<circle cx="{px:.1f}" cy="{axis_y}" r="5" fill="{"#fff" if hollow else colour}" '
                f'stroke="{colour}" stroke-width="2"/>'
            )
            text = f'<text x="{px:.1f}" y="{label_y}" text-anchor="middle">{_e(label)}</text>'
            if span is not None:
                text = f'<a href="#{span.id}">{text}</a>'
            body.append(
                f"<g><title>{_e(tooltip)}</title>"
                f'<line x1="{px:.1f}" y1="{label_y + 3}" x2="{px:.1f}" y2="{axis_y - 5}" '
                f'stroke="{colour}" stroke-dasharray="2 2"/>{marker}{text}</g>'
            )
        out.append(
            f"<h3>{_e(source)}</h3>"
            + f'<div class="chart">{_svg(CHART_WIDTH, height, f"Timeline of the dates in {source}", body)}</div>'
        )
    return "".join(out)


# ---------------------------------------------------------------- page


def _summary(report: Report, locator: SourceLocator) -> str:
    s = report.summary
    counts = "".join(
        f'<span><span class="badge {severity}">{severity}</span> {s.findings.get(severity, 0)}</span>'
        for severity in ("error", "warning", "info")
    )
    rows = "".join(
        f"<tr><th>{_e(src.id)}</th><td>{_e(locator.path(src.id) or '(no file)')}</td>"
        f"<td>published {_e(src.published or '–')}</td>"
        f"<td>reference date {_e(src.reference_date or '–')} ({_e(src.reference_date_origin)})</td>"
        f"<td>{src.words} words</td></tr>"
        for src in report.sources
    )
    return (
        f'<p class="muted">{s.sources_read} source(s) checked, {s.sources_failed} failed; '
        f"{s.rules_loaded} rule(s) loaded, {s.rule_files_failed} rule file(s) failed.</p>"
        f'<div class="counts">{counts}</div><table class="meta">{rows}</table>'
    )


def render(report: Report, color: bool = False) -> str:
    catalogue = _Catalogue(report)
    locator = SourceLocator(report)
    parts: list[str] = []
    parts.append(
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; img-src data:\">"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>factcheck report: {len(report.findings)} finding(s)</title>"
        f"<style>{CSS}</style></head><body>"
    )
    parts.append(
        '<header class="top"><h1>factcheck report</h1>'
        f"{_summary(report, locator)}"
        '<nav class="toc"><a href="#findings">Findings</a><a href="#intervals">Figures</a>'
        '<a href="#dates">Dates</a><a href="#sources">Sources</a></nav></header><main>'
    )
    if report.problems:
        items = "".join(
            f'<div class="problem"><b>{_e(p.kind)}</b>: {_e(str(p))}</div>' for p in report.problems
        )
        parts.append(f'<section id="problems"><h2>Problems</h2>{items}</section>')

    findings = "".join(_finding_html(n, f, catalogue, locator) for n, f in enumerate(report.findings, start=1))
    parts.append(
        f'<section id="findings"><h2>Findings ({len(report.findings)})</h2>'
        + (findings or '<p class="muted">No findings.</p>')
        + "</section>"
    )

    no_claims = (
        '<p class="muted">The report holds no claims (the Python API leaves them out with '
        "<code>include_claims=False</code>).</p>"
    )
    groups = quantity_groups(report)
    charts = "".join(
        f'<h3>{_e(g.title)}</h3><div class="chart">{_interval_chart(n, g, catalogue)}</div>'
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
            "publication date, coloured marks dates a finding is about.</p>" + _timelines(report, catalogue)
            if report.claims
            else no_claims
        )
        + "</section>"
    )

    columns: list[str] = []
    for source in report.sources:
        text = report.source_text(source.id)
        body = _marked_text(text, catalogue.of_source(source.id)) if text is not None else ""
        path = f'<div class="muted">{_e(locator.path(source.id) or "(no file)")}</div>'
        columns.append(
            f'<article class="source" id="source-{catalogue.source_index[source.id]}">'
            f"<header><h3>{_e(source.id)}</h3>{path}</header>"
            f'<div class="text">{body}</div></article>'
        )
    parts.append(f'<section id="sources"><h2>Sources</h2><div class="sources">{"".join(columns)}</div></section>')
    parts.append(f"<footer>factcheck {_e(__version__)}</footer></main></body></html>\n")
    return "".join(parts)
