"""The ``pattern`` check type: user regular expressions over source text.

Like Vale's ``existence`` and ``substitution`` checks: a rule lists
``patterns`` (each match is a finding) or a ``swap`` map (each match of a
key is a finding suggesting its value).  Patterns are compiled with RE2
(``google-re2``), whose matching time is linear in the text: there is no
backtracking, so a pattern like ``(a+)+$`` cannot hang a run.  RE2 refuses
backreferences and lookaround; such a pattern, or one that does not compile
or matches the empty string, is an error when the rule file loads, with its
file, line and column.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Annotated, Any

import re2  # type: ignore[import-untyped]  # google-re2 ships no stubs
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from factcheck.alignment import AlignedCluster
from factcheck.checks.base import Check
from factcheck.report import Evidence, Finding

MAX_PATTERN_LENGTH = 2_000
"""Longest pattern accepted, in characters."""
MAX_PROGRAM_MEMORY = 8 << 20
"""Memory RE2 may use for one compiled pattern (its default): bounds huge repetitions."""
MAX_EMPTY_STEPS = 10_000
"""Empty matches (``\\b``, ``^``) skipped per source before the search gives up on it."""

_SURROGATES = re.compile("[\ud800-\udfff]")


def _options(ignore_case: bool) -> re2.Options:
    options = re2.Options()
    options.log_errors = False  # errors are reported by the loader, not logged to stderr
    options.case_sensitive = not ignore_case
    options.max_mem = MAX_PROGRAM_MEMORY
    return options


@functools.lru_cache(maxsize=1024)
def compile_pattern(pattern: str, ignore_case: bool = False) -> Any:
    """A compiled RE2 pattern; raises ``ValueError`` saying why it is refused."""
    if len(pattern) > MAX_PATTERN_LENGTH:
        raise ValueError(f"pattern is {len(pattern)} characters; the limit is {MAX_PATTERN_LENGTH}")
    if not pattern:
        raise ValueError("pattern is empty")
    try:
        compiled = re2.compile(pattern, _options(ignore_case))
    except re2.error as exc:
        reason = exc.args[0] if exc.args else exc
        if isinstance(reason, bytes):
            reason = reason.decode("utf-8", "replace")
        hint = ""
        if re.search(r"\\[1-9]|\(\?[=!<]|\(\?P=", pattern):
            hint = " (RE2 has no backreferences or lookaround)"
        raise ValueError(f"invalid pattern {pattern!r}: {reason}{hint}") from None
    except UnicodeEncodeError:
        raise ValueError(f"invalid pattern {pattern!r}: not valid Unicode text") from None
    if compiled.fullmatch("") is not None:
        raise ValueError(f"pattern {pattern!r} matches the empty string")
    return compiled


def _valid_pattern(pattern: str) -> str:
    compile_pattern(pattern)
    return pattern


PatternText = Annotated[str, AfterValidator(_valid_pattern)]


class PatternParams(BaseModel):
    """Parameters of the ``pattern`` check: ``patterns`` or ``swap``, not both."""

    model_config = ConfigDict(extra="forbid")

    patterns: list[PatternText] = Field(
        default_factory=list,
        description="existence: RE2 regular expressions; every match is a finding.",
    )
    swap: dict[PatternText, str] = Field(
        default_factory=dict,
        description="substitution: RE2 regular expression -> the text to write instead (literal).",
    )
    ignore_case: bool = Field(default=False, description="Match regardless of case.")
    max_matches: int = Field(
        default=100, ge=1, le=10_000, description="Findings per source at most; later matches are dropped."
    )

    @model_validator(mode="after")
    def _one_mode(self) -> PatternParams:
        if bool(self.patterns) == bool(self.swap):
            raise ValueError("give either `patterns` (existence) or `swap` (substitution), not both or neither")
        return self


def _matchable(text: str) -> str:
    """``text`` with lone surrogates (invalid in UTF-8) replaced one for one: offsets are kept."""
    return _SURROGATES.sub("\ufffd", text)


class PatternCheck(Check):
    """Text a rule's regular expressions match, with a suggested replacement for ``swap``."""

    name = "pattern"
    Params = PatternParams
    message_fields = frozenset({"text", "pattern", "suggestion", "source"})

    def run(self, cluster: AlignedCluster) -> Iterator[Finding]:
        params = self.params
        assert isinstance(params, PatternParams)
        pairs: list[tuple[str, str | None]] = (
            [(p, None) for p in params.patterns] if params.patterns else list(params.swap.items())
        )
        compiled = [(p, compile_pattern(p, params.ignore_case), r) for p, r in pairs]
        for source_id in sorted(cluster.sources):
            source = cluster.sources[source_id]
            text = _matchable(source.text)
            found = 0
            for pattern, regex, replacement in compiled:
                empty = 0
                for match in regex.finditer(text, source.body_start):
                    start, end = match.span()
                    if start == end:
                        empty += 1
                        if empty > MAX_EMPTY_STEPS:
                            break
                        continue
                    if found >= params.max_matches:
                        break
                    found += 1
                    written = source.text[start:end]
                    yield self.finding(
                        [Evidence(source=source_id, start=start, end=end, text=written)],
                        {
                            "text": written,
                            "pattern": pattern,
                            "suggestion": replacement or "",
                            "source": source_id,
                        },
                        suggestion=replacement,
                        details={"pattern": pattern, "replacement": replacement},
                    )
