"""Front matter: the YAML block at the top of a source that states its date, outlet and the rest.

What cannot be used is reported, never silently read as prose or lost with
the whole article: front matter that is not YAML (`read_front_matter`), a
field name that is nearly a known one (`unknown_key_notes`), a
``published`` that is no date (dropped by `Source.from_fields`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from factcheck.suggest import did_you_mean
from factcheck.yaml_positions import YamlLoadError, load_yaml_text

MAX_FRONT_MATTER_BYTES = 100_000


MAX_FRONT_MATTER_VALUES = 10_000
"""Longer front matter, or front matter expanding to more values, is reported and left out."""


_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M)
"""A block between two ``---`` lines at the very top (a UTF-8 byte order mark may come first)."""


_KEY_LINE = re.compile(r"[ \t]*[A-Za-z_][\w-]*[ \t]*:(?:[ \t]|$)")
"""A line that opens like ``key:``, as front matter does and prose rarely does."""


KNOWN_FIELDS = ("published", "title", "outlet", "url", "language")


RESERVED_FIELDS = ("id", "text", "cluster")
"""Keys with a meaning of their own besides the fields (a ``.jsonl`` line's id and text, the cluster)."""


KEY_CUTOFF = 0.8
"""How close an unknown key must be to a known one to be called a typo (difflib ratio).

Unknown keys are allowed (they are kept in ``meta``), so only a near miss is
reported: ``publised`` (0.94) and ``titel`` (0.8) are, ``subtitle`` (0.77)
and ``author`` are not.
"""


@dataclass(frozen=True)
class FrontMatterNote:
    """A part of a source's fields that was left out, and why; ``line`` is 1-based in the whole text."""

    message: str
    line: int | None = None


@dataclass
class FrontMatter:
    """What the top of a text says about it: its fields, where its body starts, and what was left out."""

    fields: dict[str, Any] = field(default_factory=dict)
    body_start: int = 0
    notes: list[FrontMatterNote] = field(default_factory=list)
    key_lines: dict[str, int] = field(default_factory=dict)
    """The line each field is written on."""


def read_front_matter(text: str) -> FrontMatter:
    """The front matter of a text, read with the rule files' bounded safe loader.

    A block between ``---`` lines that is not valid YAML (``title: Floods:
    23 dead``), or too large, is reported with its line and cause, and left
    out: the body after it is still checked, never the block as prose.  A
    block that does not open like ``key:`` (a news text may open with a
    line of dashes) is text, as is one that is YAML but not a mapping.
    Dates stay strings, for `parse_date` to check.
    """
    match = _FRONT_MATTER.match(text)
    if not match:
        return FrontMatter()
    block = match.group(1)
    try:
        loaded = load_yaml_text(
            block, timestamps=False, max_bytes=MAX_FRONT_MATTER_BYTES, max_nodes=MAX_FRONT_MATTER_VALUES
        )
    except YamlLoadError as exc:
        if not _opens_like_front_matter(block):
            return FrontMatter()
        line = exc.line + 1 if exc.line is not None else 1  # the block starts on the text's second line
        cause = str(exc).removeprefix("invalid YAML: ")
        if "mapping values are not allowed" in cause:
            cause += "; quote a value that holds ': '"
        fields, key_lines = _line_by_line(block)
        kept = f"read line by line: {', '.join(fields)} kept" if fields else "no field kept"
        message = f"front matter is not valid YAML ({cause}); {kept}; the text after it is checked"
        return FrontMatter(fields, match.end(), [FrontMatterNote(message, line)], key_lines)
    if not isinstance(loaded.data, dict):
        return FrontMatter()
    fields = {str(k): v for k, v in loaded.data.items()}
    key_lines = {key: loaded.positions[(key,)][0] + 1 for key in fields if (key,) in loaded.positions}
    return FrontMatter(fields, match.end(), [], key_lines)


def parse_front_matter(text: str) -> tuple[dict[str, Any], int]:
    """Front matter fields and the offset of the body; ``({}, 0)`` when there is none."""
    front = read_front_matter(text)
    return front.fields, front.body_start


def _line_by_line(block: str) -> tuple[dict[str, Any], dict[str, int]]:
    """The one-line ``key: value`` fields of a block that is not YAML as a whole (its date, say).

    Only unindented lines that are a whole mapping of one plain value by
    themselves are kept, each with its line in the text; the rest is left out.
    """
    fields: dict[str, Any] = {}
    key_lines: dict[str, int] = {}
    for number, line in enumerate(block.splitlines(), start=2):
        if not _KEY_LINE.match(line) or line[:1].isspace():
            continue
        try:
            data = load_yaml_text(line, timestamps=False, max_bytes=MAX_FRONT_MATTER_BYTES, max_nodes=3).data
        except YamlLoadError:
            continue
        if isinstance(data, dict) and len(data) == 1:
            ((key, value),) = data.items()
            if isinstance(value, str | int | float | bool) and str(key) not in fields:
                fields[str(key)] = value
                key_lines[str(key)] = number
    return fields, key_lines


def _opens_like_front_matter(block: str) -> bool:
    for line in block.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            return _KEY_LINE.match(line) is not None
    return False


def unknown_key_notes(fields: dict[str, Any], key_lines: dict[str, int]) -> list[FrontMatterNote]:
    """A note for each key that is no field but nearly one (``publised``): a typo that would lose the field."""
    known = (*KNOWN_FIELDS, *RESERVED_FIELDS)
    notes = []
    for key in fields:
        if key in known:
            continue
        hint = did_you_mean(key, KNOWN_FIELDS, KEY_CUTOFF)
        if hint:
            notes.append(
                FrontMatterNote(f"unknown field {key!r}{hint}; kept as metadata", key_lines.get(key))
            )
    return notes


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
