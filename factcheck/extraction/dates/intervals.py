"""Intervals: "from March to May", "between 3 and 5 June", "since 2019", "the year to date"."""

from __future__ import annotations

import re
from contextvars import ContextVar
from dataclasses import replace
from datetime import date, timedelta
from typing import Final

from factcheck.extraction.dates import calendar as cal
from factcheck.extraction.dates.parts import Parts, apply_month_step, parse_parts, resolve_parts
from factcheck.extraction.dates.types import (
    NO_REFERENCE,
    Context,
    Resolution,
    Resolver,
    day_resolution,
    unresolved,
)

_SINCE_RE = re.compile(r"(?:ever )?since (?P<a>.+)")
_RANGE_RES: Final[tuple[re.Pattern[str], ...]] = (
    re.compile(r"between (?P<a>.+?) and (?P<b>.+)"),
    re.compile(r"from (?P<a>.+?)(?: ?[-~] ?| (?:to|until|till|through|thru) )(?P<b>.+)"),
    re.compile(r"(?P<a>.+?)(?: ?[-~] ?| (?:to|until|till|through|thru|and) )(?P<b>.+)"),
)
_RANGE_LEAD_RE = re.compile(r"(?:from|between|in) ")
_RANGE_GAP_RE = re.compile(r" (?:to|until|till|through|thru|and) | [-~] |[-~]")


def since(norm: str, text: str, ctx: Context, resolve: Resolver) -> Resolution | None:
    """"since 2019", "ever since March": from that date to the reference date."""
    match = _SINCE_RE.fullmatch(norm)
    if not match:
        return None
    if ctx.reference is None:
        return unresolved(NO_REFERENCE)
    inner = resolve(match["a"], match["a"], replace(ctx, direction="past"))
    bounds = cal.value_bounds(inner.value) if inner.value else None
    if bounds is None or bounds[0] > ctx.reference:
        return replace(inner, issues=())
    return replace(inner, value=cal.interval(bounds[0], ctx.reference), granularity="interval",
                   relative=True, issues=())


def date_range(norm: str, ctx: Context, resolve: Resolver) -> Resolution | None:
    """"between 3 and 5 March", "Feb. 1-3", "from March 3 to April 5, 2022".

    ``resolve`` reads each side when both are whole dates (`resolution.resolve_date`).
    """
    bare = _RANGE_LEAD_RE.sub("", norm, count=1)
    for pattern in _RANGE_RES:
        for match in (pattern.fullmatch(norm), pattern.fullmatch(bare)):
            left = parse_parts(match["a"], ctx.locale) if match else None
            right = parse_parts(match["b"], ctx.locale) if match else None
            if match is None or left is None or right is None:
                continue
            found = _range_value(left, right, match["a"], match["b"], ctx)
            if found is not None:
                return found
    return _range_of_dates(norm, ctx, resolve)


_IN_RANGE_SIDE: ContextVar[bool] = ContextVar("in_range_side", default=False)
"""Set while the sides of a range are read: a side is never itself split as a range.

Without it "2024-01-02-03-…" re-read every side as a range, and the time
doubled with each "-NN": one short source could stall a run for hours."""


def _range_of_dates(norm: str, ctx: Context, resolve: Resolver) -> Resolution | None:
    """Both ends read in full: "from 10/1/2018 - 10/7/2018", "between Jan 2019 and now"."""
    if _IN_RANGE_SIDE.get():
        return None
    token = _IN_RANGE_SIDE.set(True)
    try:
        return _range_sides(norm, ctx, resolve)
    finally:
        _IN_RANGE_SIDE.reset(token)


def _range_sides(norm: str, ctx: Context, resolve: Resolver) -> Resolution | None:
    lead = _RANGE_LEAD_RE.match(norm)
    body = norm[lead.end():] if lead else norm
    gaps = sorted(_RANGE_GAP_RE.finditer(body), key=lambda m: (len(m[0]) == 1, m.start()))
    for gap in gaps:
        if gap[0] == " and " and (lead is None or lead[0] != "between "):
            continue
        sides = [body[: gap.start()].strip(), body[gap.end():].strip()]
        year = _YEAR_IN_RE.search(sides[1])
        if year and not _YEAR_IN_RE.search(sides[0]) and sides[0]:
            # "5/1-5/7/2020", "may to oct 2020": the start takes the end's year
            glue = "/" if re.fullmatch(r"\d{1,2}/\d{1,2}", sides[0]) else " "
            sides[0] = f"{sides[0]}{glue}{year[0]}"
        found = [resolve(_NOW_RE.sub("today", side), side, ctx) for side in sides if side]
        if len(found) != 2 or not found[0].value or not found[1].value:
            continue
        lo, hi = cal.value_bounds(found[0].value), cal.value_bounds(found[1].value)
        if lo and hi and lo[0] > hi[1] and found[0].relative:
            # "Oct. 2 until the day after tomorrow": the start is the earlier reading
            found[0] = resolve(sides[0], sides[0], replace(ctx, direction="past"))
            lo = cal.value_bounds(found[0].value) if found[0].value else None
        if lo is None or hi is None or lo[0] > hi[1]:
            continue
        return Resolution(value=cal.interval(lo[0], hi[1]), granularity="interval",
                          relative=found[0].relative or found[1].relative)
    return None


_NOW_RE = re.compile(r"^(?:now|current date|the present)$")
_YEAR_IN_RE = re.compile(r"\b(?:1\d{3}|20\d{2})\b")


def _range_value(
    left: Parts, right: Parts, left_text: str, right_text: str, ctx: Context
) -> Resolution | None:
    """Each end borrows the month and year the other states, then both are resolved."""
    apply_month_step(left, ctx)
    apply_month_step(right, ctx)
    left_year, right_year = left.year, right.year
    same_month = left.month is None or right.month is None or left.month == right.month
    if (same_month and left.day is not None and right.day is not None
            and left.day > right.day and left_year == right_year):
        return None  # "3 to 1 in May" is a score, not days of one month
    for one, other in ((left, right), (right, left)):
        if one.month is None and one.day is not None:
            one.month = other.month
        if one.year is None and one.shift is None and (one.month or one.day):
            one.year = other.year
    if left_year is None and right_year is not None and (left.month or 0) > (right.month or 13):
        left.year = right_year - 1  # "Nov-Feb 2017": the start falls in the year before
    first = resolve_parts(left, left_text, ctx)
    if first is None or not first.value:
        return None
    dated = right.day is not None or right.month is not None
    stated_year = right_year is not None
    if right.year is None and dated and first.value[:4].isdigit():
        right.year = int(first.value[:4])
    last = _weekday_after(first.value, right) or resolve_parts(right, right_text, ctx)
    lo = cal.value_bounds(first.value)
    hi = cal.value_bounds(last.value) if last is not None and last.value else None
    if lo is not None and hi is not None and lo[0] > hi[1] and right.year and not stated_year:
        # "Nov to March": the end falls in the next year
        right.year += 1
        last = resolve_parts(right, right_text, ctx)
        hi = cal.value_bounds(last.value) if last is not None and last.value else None
    if lo is None or hi is None or lo[0] > hi[1]:
        return None
    start, end = lo[0], hi[1]
    if left_year is None and right_year is None and left.shift is None and right.shift is None:
        # "from May to September" written in July: the stretch under way, whatever the tense.
        start, end = _around_reference(start, end, ctx.reference) or (start, end)
    return Resolution(value=cal.interval(start, end), granularity="interval", relative=first.relative)


def _around_reference(start: date, end: date, reference: date | None) -> tuple[date, date] | None:
    """The same stretch moved by whole years so that it holds the reference date, if it can."""
    if reference is None:
        return None
    for years in (reference.year - start.year, reference.year - start.year - 1):
        try:
            moved = start.replace(year=start.year + years), end.replace(year=end.year + years)
        except ValueError:  # 29 February
            continue
        if moved[0] <= reference <= moved[1]:
            return moved
    return None


def _weekday_after(first: str, right: Parts) -> Resolution | None:
    """"Monday to Friday": the end is the first such weekday on or after the start."""
    bare = right.day is None and right.month is None and right.year is None
    if right.weekday is None or not bare or len(first) != 10:
        return None
    start = date.fromisoformat(first)
    return day_resolution(start + timedelta(days=(right.weekday - start.weekday()) % 7), True)
