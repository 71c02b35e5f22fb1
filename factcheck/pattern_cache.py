"""Compiled regular expressions kept in the table cache, for the pattern sets that cost most to compile.

Python compiles a regular expression in Python code (``re._parser`` and
``re._compiler``), and the date grammar's patterns, with their long
alternations of month, weekday and number words, take a tenth of a second
to compile, in every process that imports the extractor.  What compiling
produces (the program ``_sre`` runs, its group count and names) depends only
on the pattern, its flags and the Python that compiled it, so a set of
patterns is compiled once and its programs kept in `factcheck.table_cache`,
keyed by all of these; the next process hands them to ``_sre.compile`` as
``re.compile`` itself does.

This leans on CPython's own regular-expression internals, so every step is
guarded: a Python without them, an entry that does not read back, or a
program ``_sre`` refuses means the set is compiled the ordinary way, never
a failed or different run.  ``FACTCHECK_TABLE_CACHE=0`` turns it off with
the other tables.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Sequence
from typing import Any

from factcheck.table_cache import content_key, read_table, write_table

PATTERN_TABLES = "patterns"
"""The kind of `factcheck.table_cache` entry a pattern set's programs are kept as."""

Spec = tuple[str, int]
"""A pattern and its flags, as ``re.compile`` takes them."""


def compile_patterns(specs: Sequence[Spec]) -> list[re.Pattern[str]]:
    """``re.compile(pattern, flags)`` of each spec, from kept programs when the table cache has them."""
    try:
        import _sre  # type: ignore[import-not-found]
        from re import _compiler, _parser  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover - not CPython 3.11 or later
        return [re.compile(pattern, flags) for pattern, flags in specs]
    specs = [(pattern, int(flags)) for pattern, flags in specs]
    key = content_key("re programs", sys.version, str(_sre.MAGIC), str(_sre.CODESIZE), json.dumps(specs))
    kept = read_table(PATTERN_TABLES, key)
    if kept is not None:
        patterns = _from_programs(_sre, specs, kept)
        if patterns is not None:
            return patterns
    try:
        programs = [_program(_parser, _compiler, pattern, flags) for pattern, flags in specs]
        patterns = _from_programs(_sre, specs, json.dumps(programs).encode())
    except Exception:  # an internal that changed: compile as usual, keep nothing
        patterns = None
    if patterns is None:
        return [re.compile(pattern, flags) for pattern, flags in specs]
    write_table(PATTERN_TABLES, key, json.dumps(programs).encode())
    return patterns


def _program(parser: Any, compiler: Any, pattern: str, flags: int) -> list[Any]:
    """What ``re._compiler.compile`` hands ``_sre.compile``: flags, program, group count and names."""
    parsed = parser.parse(pattern, flags)
    code = compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return [flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, indexgroup]


def _from_programs(sre: Any, specs: Sequence[Spec], kept: bytes) -> list[re.Pattern[str]] | None:
    """The patterns built from a kept entry, or None when it does not read back as one program per spec."""
    try:
        programs = json.loads(kept)
        if not isinstance(programs, list) or len(programs) != len(specs):
            return None
        patterns: list[re.Pattern[str]] = []
        for (pattern, _), (flags, code, groups, groupindex, indexgroup) in zip(specs, programs, strict=True):
            compiled = sre.compile(pattern, flags, code, groups, groupindex, tuple(indexgroup))
            if not isinstance(compiled, re.Pattern):
                return None
            patterns.append(compiled)
    except Exception:  # damaged, foreign or refused by _sre's own validation: compile as usual
        return None
    return patterns
