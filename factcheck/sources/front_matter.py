"""Front matter: the YAML block at the top of a source that states its date, outlet and the rest."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from factcheck.yaml_positions import YamlLoadError, load_yaml_text

MAX_FRONT_MATTER_BYTES = 100_000


MAX_FRONT_MATTER_VALUES = 10_000
"""Longer front matter, or front matter expanding to more values, is read as text."""


_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M)


KNOWN_FIELDS = ("published", "title", "outlet", "url", "language")


def parse_front_matter(text: str) -> tuple[dict[str, Any], int]:
    """Front matter fields and the offset of the body; ``({}, 0)`` when there is none.

    Malformed front matter is treated as text rather than an error: a news
    text may legitimately open with a line of dashes.  It is read with the
    rule files' bounded safe loader (size, nesting and alias expansion
    limited), and dates stay strings for `parse_date` to check, so a bad
    ``published`` is reported rather than dropped.
    """
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, 0
    try:
        data = load_yaml_text(
            match.group(1), timestamps=False, max_bytes=MAX_FRONT_MATTER_BYTES, max_nodes=MAX_FRONT_MATTER_VALUES
        ).data
    except YamlLoadError:
        return {}, 0
    if not isinstance(data, dict):
        return {}, 0
    return {str(k): v for k, v in data.items()}, match.end()


_LOOSE_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[Tt ])")


def parse_date(value: Any, what: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    written = str(value).strip()
    try:
        return dt.date.fromisoformat(written[:10])
    except ValueError:
        pass
    loose = _LOOSE_DATE.match(written)  # YAML's own form: 2022-2-1, 2022-02-01 10:00
    try:
        if loose:
            return dt.date(int(loose[1]), int(loose[2]), int(loose[3]))
    except ValueError:
        pass
    raise ValueError(f"{what} {str(value)[:80]!r} is not a YYYY-MM-DD date")
