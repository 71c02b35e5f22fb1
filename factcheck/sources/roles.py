"""Reference sources: the trusted texts that candidates are checked against.

In trusted-sources mode (``--reference``, ``check(..., references=[...])``)
the references are read once, like any source (files, directories,
``.jsonl``, texts, `Source` objects), marked ``role="reference"``, and join
every cluster of the run.  A reference given as a text gets the id
``reference-1``, ``reference-2`` ..., so it never takes a candidate text's
``text-N`` id.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from factcheck.sources.jsonl import JsonlLines
from factcheck.sources.model import Source, SourceProblem
from factcheck.sources.reading import SourceInput, load_sources

ReferencesArg = Iterable[SourceInput] | SourceInput | None
"""References as `factcheck.check` takes them: like its sources, without clusters."""


def reference_inputs(references: ReferencesArg) -> list[SourceInput]:
    """The references as a list of inputs (one path or text alone is a list of one)."""
    if references is None:
        return []
    if isinstance(references, str | Path | Source | JsonlLines):
        return [references]
    return list(references)


def load_references(
    references: ReferencesArg, *, max_source_bytes: int | None = None
) -> tuple[list[Source], list[SourceProblem]]:
    """The reference sources, each marked ``role="reference"``, and the problems of those not read."""
    sources: list[Source] = []
    problems: list[SourceProblem] = []
    texts = 0
    for item in reference_inputs(references):
        loaded, unreadable = load_sources([item], max_source_bytes=max_source_bytes)
        problems.extend(unreadable)
        for source in loaded:
            update: dict[str, object] = {"role": "reference"}
            if isinstance(item, str) and source.path is None and source.id == "text-1":
                texts += 1
                update["id"] = f"reference-{texts}"
            sources.append(source.model_copy(update=update))
    return sources, problems
