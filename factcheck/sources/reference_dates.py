"""Reference dates: what "Tuesday" or "last week" is resolved against, per source.

In order: the publication date the source gives (front matter, ``.jsonl``
``published``), a dateline at the top of the text, the ``--reference-date``
setting, and finally a date inferred from the other sources of the run.  The
origin is recorded so a reader can tell a stated date from a guess.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from factcheck.calendar_words import MONTH_NAMES
from factcheck.sources.model import Source

ReferenceOrigin = Literal["published", "dateline", "argument", "inferred", "none"]

DATELINE_WINDOW = 300
"""Characters at the top of a body searched for a dateline."""

_MONTHS = [m.lower() for m in MONTH_NAMES]
_MONTH_RE = "|".join(m[:3] + f"(?:{m[3:]})?" + r"\.?" for m in _MONTHS)
_DATELINE = re.compile(
    r"^\W{0,3}(?:date|dated|published|posted|updated|publication date)\s*[:\-–]?\s*"
    r"(?:(?P<iso>\d{4}-\d{2}-\d{2})"
    rf"|(?P<dmy>\d{{1,2}})\s+(?P<dmy_m>{_MONTH_RE})\s+(?P<dmy_y>\d{{4}})"
    rf"|(?P<mdy_m>{_MONTH_RE})\s+(?P<mdy>\d{{1,2}}),?\s+(?P<mdy_y>\d{{4}}))",
    re.I | re.M,
)


@dataclass(frozen=True)
class ReferenceDate:
    date: dt.date | None
    origin: ReferenceOrigin
    detail: str = ""


def _month_number(name: str) -> int:
    return _MONTHS.index(next(m for m in _MONTHS if name.lower().startswith(m[:3]))) + 1


def find_dateline(source: Source) -> dt.date | None:
    """A publication date stated at the top of the text ("date 2022-02-02")."""
    head = source.text[source.body_start : source.body_start + DATELINE_WINDOW]
    match = _DATELINE.search(head)
    if not match:
        return None
    try:
        if match["iso"]:
            return dt.date.fromisoformat(match["iso"])
        if match["dmy"]:
            return dt.date(int(match["dmy_y"]), _month_number(match["dmy_m"]), int(match["dmy"]))
        return dt.date(int(match["mdy_y"]), _month_number(match["mdy_m"]), int(match["mdy"]))
    except ValueError:
        return None


def assign_reference_dates(sources: Sequence[Source], default: dt.date | None = None) -> dict[str, ReferenceDate]:
    """The reference date of every source of one cluster, with its origin."""
    stated: dict[str, ReferenceDate | None] = {}
    for source in sources:
        if source.published is not None:
            stated[source.id] = ReferenceDate(source.published, "published")
        elif (dateline := find_dateline(source)) is not None:
            stated[source.id] = ReferenceDate(dateline, "dateline")
        else:
            stated[source.id] = None
    return complete_reference_dates(stated, default)


def complete_reference_dates(
    stated: Mapping[str, ReferenceDate | None], default: dt.date | None = None
) -> dict[str, ReferenceDate]:
    """Fill in the sources that state no date: the argument, else the median of the others."""
    known = sorted(r.date for r in stated.values() if r is not None and r.date is not None)
    result: dict[str, ReferenceDate] = {}
    for source_id, reference in stated.items():
        if reference is not None:
            result[source_id] = reference
        elif default is not None:
            result[source_id] = ReferenceDate(default, "argument", "--reference-date")
        elif known:
            median = known[(len(known) - 1) // 2]
            result[source_id] = ReferenceDate(
                median,
                "inferred",
                f"median of the dates of {len(known)} other source(s) of the run",
            )
        else:
            result[source_id] = ReferenceDate(None, "none", "no source of the run is dated")
    return result
