"""A look-ahead for the characters a date pattern can begin with, so a scan skips other places fast.

Python's regular-expression engine tries a pattern at every position of the
text it scans.  A date pattern opens with ``\\b`` or a look-behind and then a
long alternation of words ("twenty-first", "thursday", ...), and under
``re.IGNORECASE`` the engine enters each alternative to compare its first
letter: most of a window's word starts cost dozens of comparisons each.
Putting ``(?=[...])`` in front, with every character a match can begin
with, turns these into one set test.

The guard changes no match: it is computed from the parsed pattern, so every
match of the pattern begins with a character of the set (the zero-width
``\\b`` and look-arounds before it consume nothing), and a pattern that can
match the empty string, or whose first character is not a plain set of
characters (a back-reference, ``.``, a negated set, a case-insensitive group
inside a case-sensitive pattern), keeps no guard.  ``tests/test_date_guards.py``
runs every pattern with and without its guard over the conformance sentences,
the seeds and generated text.

Parsing every pattern to find its guard takes as long as compiling it, so the
guarded patterns are kept in the table cache like the compiled programs
(`factcheck.pattern_cache`): a process after the first only reads them, and
the bundled patterns' guards ship with the package, so the first reads them too.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from factcheck.table_cache import content_key, read_table, write_table

GUARD_TABLES = "date-guards"
"""The kind of `factcheck.table_cache` entry the guarded pattern texts are kept as."""


Spec = tuple[str, int]

_GLOBAL_FLAGS_RE = re.compile(r"\(\?[aiLmsux]+\)")


def guarded_specs(specs: Sequence[Spec]) -> list[Spec]:
    """Each pattern with its first-character guard in front, when it has one; the flags as they were."""
    specs = [(pattern, int(flags)) for pattern, flags in specs]
    # keyed by this module's own text: a change to how guards are found finds them again.  Not by
    # Python's version: a guard is a fact about what the pattern matches, so the entries of the
    # bundled patterns ship with the package (`factcheck.table_cache.SHIPPED_TABLES`).
    key = content_key("date pattern guards", _own_source(), json.dumps(specs))
    kept = read_table(GUARD_TABLES, key)
    if kept is not None:
        try:
            texts = json.loads(kept)
        except ValueError:
            texts = None
        if isinstance(texts, list) and len(texts) == len(specs) and all(isinstance(t, str) for t in texts):
            return [(text, flags) for text, (_, flags) in zip(texts, specs, strict=True)]
    guarded = [(with_guard(pattern, flags), flags) for pattern, flags in specs]
    write_table(GUARD_TABLES, key, json.dumps([text for text, _ in guarded]).encode())
    return guarded


def compile_guarded(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)`` behind its guard: for a pattern run over whole texts."""
    return re.compile(with_guard(pattern, flags), flags)


@functools.cache
def _own_source() -> bytes:
    try:
        return Path(__file__).read_bytes()
    except OSError:  # pragma: no cover - a zipped install: the version key must do
        return b""


def with_guard(pattern: str, flags: int) -> str:
    """``pattern`` behind a look-ahead for the characters its matches begin with, or as it is."""
    guard = first_character_class(pattern, flags)
    return pattern if guard is None else f"(?={guard})(?:{pattern})"


def first_character_class(pattern: str, flags: int) -> str | None:
    """A character class holding every character a match of ``pattern`` can begin with, or None.

    None when no such class is known: the pattern can match nothing, begins
    with a character it does not name, or already begins with a character
    set the engine skips to by itself (a case-sensitive literal or set first).
    """
    try:
        from re import _constants as c  # type: ignore[attr-defined]
        from re import _parser  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover - not CPython 3.11 or later
        return None
    if _GLOBAL_FLAGS_RE.match(pattern):
        return None  # "(?i)..." must stay at the start: no look-ahead can go in front of it
    try:
        parsed = _parser.parse(pattern, flags)
    except re.error:
        return None
    ignorecase = bool((flags | parsed.state.flags) & re.IGNORECASE)
    data = list(parsed.data)
    if not ignorecase and data and data[0][0] in (c.LITERAL, c.IN):
        return None  # the engine's own prefix search already skips to these characters
    items, nullable = _first(c, data, ignorecase)
    if items is None or nullable or not items:
        return None
    parts = [_render(c, op, av) for op, av in items]
    if any(part is None for part in parts):
        return None
    return "[" + "".join(sorted({p for p in parts if p is not None})) + "]"


def _first(c: Any, data: Sequence[tuple[Any, Any]], ignorecase: bool) -> tuple[list[tuple[Any, Any]] | None, bool]:
    """The set items a sequence's first consumed character matches, and whether it can consume nothing."""
    items: list[tuple[Any, Any]] = []
    for op, av in data:
        found, nullable = _first_of(c, op, av, ignorecase)
        if found is None:
            return None, False
        items.extend(found)
        if not nullable:
            return items, False
    return items, True


def _first_of(c: Any, op: Any, av: Any, ignorecase: bool) -> tuple[list[tuple[Any, Any]] | None, bool]:
    if op is c.LITERAL:
        return [(c.LITERAL, av)], False
    if op is c.IN:
        if any(item_op is c.NEGATE for item_op, _ in av):
            return None, False
        return list(av), False
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return [], True  # zero-width: the next item consumes the first character
    if op is c.BRANCH:
        items: list[tuple[Any, Any]] = []
        nullable = False
        for branch in av[1]:
            found, empty = _first(c, branch.data, ignorecase)
            if found is None:
                return None, False
            items.extend(found)
            nullable = nullable or empty
        return items, nullable
    if op is c.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        if add_flags & re.IGNORECASE and not ignorecase:
            return None, False  # "(?i:...)" in a case-sensitive pattern: the class would be too narrow
        return _first(c, sub.data, ignorecase)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, _high, sub = av
        found, empty = _first(c, sub.data, ignorecase)
        return found, empty or low == 0
    if op is c.ATOMIC_GROUP:
        return _first(c, av.data, ignorecase)
    return None, False  # ".", a back-reference, a conditional: any character may come first


_CATEGORIES = {
    "CATEGORY_DIGIT": r"\d",
    "CATEGORY_NOT_DIGIT": r"\D",
    "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S",
    "CATEGORY_WORD": r"\w",
    "CATEGORY_NOT_WORD": r"\W",
}


def _render(c: Any, op: Any, av: Any) -> str | None:
    """One set item as the text of a character-class member."""
    if op is c.LITERAL:
        return _escape(av)
    if op is c.RANGE:
        low, high = av
        return f"{_escape(low)}-{_escape(high)}"
    if op is c.CATEGORY:
        return _CATEGORIES.get(getattr(av, "name", ""))
    return None


def _escape(code: int) -> str:
    return re.escape(chr(code))  # escapes "]", "^", "-" and "\\" too: safe inside a class
