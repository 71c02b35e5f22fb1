"""Keeping the sources factcheck can read: those in English (`factcheck.sources.language`).

Each kept source carries its `LanguageDecision` for the report; each other
source becomes a `SourceProblem` naming the file, the language and how it
was decided, and the run goes on without it (counted as skipped).
"""

from __future__ import annotations

from collections.abc import Iterable

from factcheck.sources.language import LanguageDecision, decide_language
from factcheck.sources.model import Source, SourceProblem


def stated_in(source: Source) -> str:
    """Where a source's own ``language`` was read, in words."""
    if source.origin()[1] is not None:
        return "stated in its .jsonl line"
    if source.body_start > 0:
        return "stated in front matter"
    return "stated on the source"


def language_of(source: Source, default: str | None = None) -> LanguageDecision:
    """The source's language: stated, detected, ``default`` (the configuration's) or English assumed."""
    return decide_language(source.text[source.body_start :], source.language, default, stated_in(source))


def split_by_language(
    sources: Iterable[Source], default: str | None = None
) -> tuple[list[Source], list[SourceProblem]]:
    """The sources in a language factcheck reads, each with its decision; a problem for each other one.

    ``default`` is the configuration's ``[sources] language``, used when a
    source states none and detection cannot tell.
    """
    kept: list[Source] = []
    skipped: list[SourceProblem] = []
    for source in sources:
        decision = language_of(source, default)
        if decision.read:
            copy = source.model_copy()
            copy._language = decision
            kept.append(copy)
        else:
            where, line = source.origin()
            skipped.append(SourceProblem(where, decision.skip_reason(), line=line))
    return kept, skipped
