"""The charts of the HTML report, as inline SVG: an interval chart per group of aligned
quantities, and a timeline of each source's dates.

They read the report's claims; figures and dates that a finding is about are
drawn in its severity's colour, the rest in a neutral grey.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import statistics
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
TIMELINE_MARGIN = 30.0
OFF_AXIS_WIDTH = 70.0  # room past an end of a timeline's axis for the dates far off it
OUTLIER_MIN_DAYS = 31.0  # a date within a month of the median date is always on the axis
OUTLIER_MAD_FACTOR = 6.0


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


def axis_days(positions: list[float]) -> tuple[float, float]:
    """The days the shared time axis spans: the dates that are not outliers, a day either side.

    One bogus date ("4 March 2026" in a story of March 2025) would stretch
    the axis to a year and pile the real dates into one spot.  A date is an
    outlier when it lies further from the median than ``OUTLIER_MAD_FACTOR``
    median absolute deviations, and never when within ``OUTLIER_MIN_DAYS``
    of it: at least half the dates are always on the axis.
    """
    median = statistics.median(positions)
    spread = statistics.median(abs(p - median) for p in positions)
    reach = max(OUTLIER_MAD_FACTOR * spread, OUTLIER_MIN_DAYS)
    core = [p for p in positions if abs(p - median) <= reach]
    return math.floor(min(core)) - 1, math.ceil(max(core)) + 1


@dataclass
class _DateMark:
    """One mark of a timeline: a date and wording, with every claim that says it."""

    position: float
    label: str
    claims: list[DateClaim]
    side: int = 0  # -1 before the axis, 1 after it, 0 on it
    x: float = 0.0  # of the marker
    label_x: float = 0.0  # of the label's centre, kept inside the chart
    row: int = 0


def _place_labels(marks: list[_DateMark]) -> int:
    """Rows for the labels so that none overlaps another or leaves the chart; the number of rows."""
    rows_end: list[float] = []
    for mark in sorted(marks, key=lambda m: m.x):
        half = len(mark.label) * CHAR_WIDTH / 2
        centre = min(max(mark.x, half + 2), CHART_WIDTH - half - 2)
        left = centre - half
        row = next((r for r, end in enumerate(rows_end) if end + 8 < left), len(rows_end))
        if row == len(rows_end):
            rows_end.append(0.0)
        rows_end[row] = centre + half
        mark.row = row
        mark.label_x = centre
    return max(1, len(rows_end))


def _day_text(claim: DateClaim) -> str:
    day = dt.date.fromisoformat((claim.value or "")[:10])
    return f"{day.day} {day:%b %Y}"


@dataclass(frozen=True)
class _Axis:
    """The time axis all timelines share: its days, where they are drawn, its ticks."""

    lo: float
    hi: float
    x0: float
    x1: float
    ticks: list[tuple[float, str]]

    def x(self, value: float) -> float:
        return self.x0 + (value - self.lo) / (self.hi - self.lo) * (self.x1 - self.x0)


def _timeline(source: str, items: list[tuple[float, DateClaim]], axis: _Axis, catalogue: Catalogue) -> str:
    """One source's timeline on the shared axis; dates off the axis drawn past its ends."""
    lo, hi, x0, x1, x = axis.lo, axis.hi, axis.x0, axis.x1, axis.x
    before = any(p < lo for p, _ in items)
    after = any(p > hi for p, _ in items)

    # One mark per date and wording: "Tuesday" five times is "Tuesday ×5".
    merged: dict[tuple[float, str], list[DateClaim]] = {}
    for position, claim in sorted(items, key=lambda item: (item[0], item[1].start)):
        merged.setdefault((position, _truncate(claim.text, 30)), []).append(claim)
    marks: list[_DateMark] = []
    for (position, text), claims in merged.items():
        label = text + (f" ×{len(claims)}" if len(claims) > 1 else "")
        side = -1 if position < lo else 1 if position > hi else 0
        if side and (claims[0].value or "")[:4] not in text:  # the wording does not say how far off it is
            label += f" ({_day_text(claims[0])})"
        mark = _DateMark(position, label, claims, side)
        mark.x = (
            x(position) if side == 0 else TIMELINE_MARGIN + 10 if side < 0 else CHART_WIDTH - TIMELINE_MARGIN - 10
        )
        marks.append(mark)
    label_rows = _place_labels(marks)
    axis_y = 16 + label_rows * 16 + 10
    height = axis_y + 34
    body = ['<g class="axis">']
    body.append(f'<line x1="{x0}" y1="{axis_y}" x2="{x1}" y2="{axis_y}" stroke="#8c959f"/>')
    for end, shown in ((x0, before), (x1, after)):
        if shown:  # the axis is broken here: what lies beyond is not to scale
            direction = -1 if end == x0 else 1
            gap = end + direction * 14
            body.append(
                f'<path class="axis-break" d="M{gap - 5:.1f} {axis_y + 6} l6 -12 M{gap:.1f} {axis_y + 6} l6 -12" '
                f'stroke="#8c959f" fill="none"/>'
            )
    for position, text in axis.ticks:
        tx = x(position)
        body.append(
            f'<line x1="{tx:.1f}" y1="{axis_y}" x2="{tx:.1f}" y2="{axis_y + 5}" stroke="#8c959f"/>'
            f'<text x="{tx:.1f}" y="{axis_y + 18}" text-anchor="middle">{e(text)}</text>'
        )
    body.append("</g>")
    body.extend(_mark_svg(mark, axis_y, catalogue) for mark in marks)
    return f"<h3>{e(source)}</h3>" + (
        f'<div class="chart">{_svg(CHART_WIDTH, height, f"Timeline of the dates in {source}", body)}</div>'
    )


def _mark_svg(mark: _DateMark, axis_y: int, catalogue: Catalogue) -> str:
    claims = mark.claims
    spans = [found for c in claims if (found := catalogue.get(c.source, c.start, c.end)) is not None]
    span = max(spans, key=lambda s: SEVERITY_RANK[s.severity]) if spans else None
    colour = SEVERITY_COLOURS[span.severity] if span is not None else NEUTRAL
    label_y = 14 + mark.row * 16
    claim = claims[0]
    hollow = all(c.role == "publication" for c in claims)
    fill = "#fff" if hollow else colour
    weekday = f", says {claim.weekday_text}" if claim.weekday_text else ""
    tooltip = f"{claim.source}: “{claim.text}” = {claim.value} ({claim.role}{weekday})"
    if len(claims) > 1:
        tooltip += f", {len(claims)} times"
    px = mark.x
    if mark.side:
        tooltip += ", far from the other dates: drawn past the end of the axis"
        tip = px + 7 * mark.side
        marker = (
            f'<path class="off-axis" d="M{tip:.1f} {axis_y} L{tip - 12 * mark.side:.1f} {axis_y - 6} '
            f'L{tip - 12 * mark.side:.1f} {axis_y + 6} Z" fill="{fill}" stroke="{colour}" stroke-width="2"/>'
        )
    else:
        marker = f'<circle cx="{px:.1f}" cy="{axis_y}" r="5" fill="{fill}" stroke="{colour}" stroke-width="2"/>'
    label_x = mark.label_x
    text = f'<text x="{label_x:.1f}" y="{label_y}" text-anchor="middle">{e(mark.label)}</text>'
    if span is not None:
        text = f'<a href="#{span.id}">{text}</a>'
    return (
        f"<g><title>{e(tooltip)}</title>"
        f'<path d="M{label_x:.1f} {label_y + 3} L{px:.1f} {axis_y - 8}" stroke="{colour}" '
        f'stroke-dasharray="2 2" fill="none"/>{marker}{text}</g>'
    )


def timelines(report: Report, catalogue: Catalogue) -> str:
    """A timeline per source of its dates to the day or finer, on one axis shared by all sources."""
    per_source: dict[str, list[tuple[float, DateClaim]]] = {}
    for claim in report.claims:
        if isinstance(claim, DateClaim):
            position = _date_position(claim)
            if position is not None:
                per_source.setdefault(claim.source, []).append((position, claim))
    if not per_source:
        return '<p class="muted">No source gives a date to the day.</p>'
    positions = [p for items in per_source.values() for p, _ in items]
    lo, hi = axis_days(positions)
    # Room past an end of every axis when some date lies beyond it, so the axes stay aligned.
    x0 = TIMELINE_MARGIN + (OFF_AXIS_WIDTH if min(positions) < lo else 0)
    x1 = CHART_WIDTH - TIMELINE_MARGIN - (OFF_AXIS_WIDTH if max(positions) > hi else 0)
    axis = _Axis(lo, hi, x0, x1, _date_ticks(lo, hi))
    order = [s.id for s in report.sources if s.id in per_source]
    return "".join(_timeline(source, per_source[source], axis, catalogue) for source in order)
