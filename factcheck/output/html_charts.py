"""The charts of the HTML report, as inline SVG: an interval chart per group of aligned
quantities, and a timeline of each source's dates.

They read the report's claims; figures and dates that a finding is about are
drawn in its severity's colour, the rest in a neutral grey.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

from factcheck.alignment import quantity_key
from factcheck.claims import DateClaim, QuantityClaim
from factcheck.output.html_spans import NEUTRAL, SEVERITY_COLOURS, Catalogue, e
from factcheck.report import SEVERITY_RANK, Report

CHART_WIDTH = 960
LABEL_WIDTH = 300
VALUE_WIDTH = 190  # right-hand column with each bar's interval
ROW_HEIGHT = 30
AXIS_HEIGHT = 28
CHAR_WIDTH = 6.6  # rough width of one character of the chart font, for layout only
TIMELINE_DAY_GRANULARITIES = ("day", "hour", "minute")


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
        f'<svg role="img" aria-label="{e(label)}" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}"><title>{e(label)}</title>{"".join(body)}</svg>'
    )


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


def interval_chart(number: int, group: _QuantityGroup, catalogue: Catalogue) -> str:
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
            f'<text x="{tx:.1f}" y="{AXIS_HEIGHT - 10}" text-anchor="middle">{e(_fmt(tick))}</text>'
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
        label_svg = f'<text x="{LABEL_WIDTH}" y="{y + 4:.1f}" text-anchor="end">{e(label)}</text>'
        if span is not None:
            label_svg = f'<a href="#{span.id}">{label_svg}</a>'
        parts = [f"<g><title>{e(tooltip)}</title>", label_svg]
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
        parts.append(f'<text x="{x1 + 24:.1f}" y="{y + 4:.1f}" class="value">{e(bounds)}</text>')
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


def timelines(report: Report, catalogue: Catalogue) -> str:
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
                f'<text x="{tx:.1f}" y="{axis_y + 18}" text-anchor="middle">{e(text)}</text>'
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
            text = f'<text x="{px:.1f}" y="{label_y}" text-anchor="middle">{e(label)}</text>'
            if span is not None:
                text = f'<a href="#{span.id}">{text}</a>'
            body.append(
                f"<g><title>{e(tooltip)}</title>"
                f'<line x1="{px:.1f}" y1="{label_y + 3}" x2="{px:.1f}" y2="{axis_y - 5}" '
                f'stroke="{colour}" stroke-dasharray="2 2"/>{marker}{text}</g>'
            )
        out.append(
            f"<h3>{e(source)}</h3>"
            + f'<div class="chart">{_svg(CHART_WIDTH, height, f"Timeline of the dates in {source}", body)}</div>'
        )
    return "".join(out)
