"""Reference sources: the trusted texts that candidates are checked against.

In trusted-sources mode (``--reference``, ``check(..., references=[...])``)
the references are read once, like any source (files, directories,
``.jsonl``, `Source` objects, a mapping of id to text; a ``str`` is always a
path), marked ``role="reference"``, and join every cluster of the run.
"""

from __future__ import annotations

from factcheck.sources.arguments import SourcesArg
from factcheck.sources.model import Source, SourceProblem
from factcheck.sources.reading import load_sources

ReferencesArg = SourcesArg
"""References as `factcheck.check` takes them: like its sources (paths, `Source` objects, records, or a
mapping of source id to text), without clusters."""


def load_references(
    references: ReferencesArg, *, max_source_bytes: int | None = None
) -> tuple[list[Source], list[SourceProblem]]:
    """The reference sources, each marked ``role="reference"``, and the problems of those not read.

    Raises `SourceError` for a path that names nothing, as for sources.
    """
    loaded, problems = load_sources(references, max_source_bytes=max_source_bytes)
    return [source.model_copy(update={"role": "reference"}) for source in loaded], problems
