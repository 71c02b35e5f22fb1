"""Clusters: which sources are checked against each other, planned before any is read.

One cluster by default; a mapping of cluster id to sources gives them
itself; with ``clusters=True`` each subdirectory of a directory and each
``cluster`` value of a ``.jsonl`` file is one.  Sources are read only when
their cluster's turn comes, so memory holds one cluster at a time.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.sources.files import DEFAULT_MAX_SOURCE_BYTES
from factcheck.sources.jsonl import JSONL_SUFFIX, JsonlLines, index_jsonl_clusters
from factcheck.sources.model import Source, SourceProblem
from factcheck.sources.reading import SourceInput, iter_source_files

DEFAULT_CLUSTER = "default"

SourcesArg = Iterable[SourceInput] | SourceInput | Mapping[str, Iterable[SourceInput] | SourceInput]
"""Sources as `factcheck.check` takes them: paths, texts, `Source` objects, or a mapping of cluster id to those."""


@dataclass
class ClusterPlan:
    """One cluster to check: its id and how to get its sources (read when it is its turn)."""

    id: str
    inputs: list[SourceInput] = field(default_factory=list)


def plan_clusters(
    sources: SourcesArg, clusters: bool, max_source_bytes: int | None = DEFAULT_MAX_SOURCE_BYTES
) -> list[ClusterPlan]:
    """Clusters in a stable order, their sources not read yet.

    A mapping gives the clusters itself.  With ``clusters=True`` each
    subdirectory of a directory is a cluster (files directly in it form the
    directory's own) and each distinct ``cluster`` value of a ``.jsonl`` file
    given as a source is one: the file is indexed first, by line offsets, so
    each cluster reads only its own lines.  Otherwise everything is one cluster.
    """
    if isinstance(sources, Mapping):
        return [
            ClusterPlan(str(key), [value] if isinstance(value, str | Path | Source | JsonlLines) else list(value))
            for key, value in sources.items()
        ]
    items: list[SourceInput] = [sources] if isinstance(sources, str | Path | Source | JsonlLines) else list(sources)
    if not clusters:
        return [ClusterPlan(DEFAULT_CLUSTER, items)]
    plans: dict[str, ClusterPlan] = {}
    for item in items:
        path = Path(item) if isinstance(item, str | Path) else None
        if path is not None and path.is_dir():
            files = list(iter_source_files(path))
            for file in files:
                parent = file.parent.relative_to(path)
                cluster = path.name if str(parent) == "." else str(parent)
                plans.setdefault(cluster, ClusterPlan(cluster)).inputs.append(file)
            if not files:
                plans.setdefault(path.name, ClusterPlan(path.name)).inputs.append(path)
        elif path is not None and path.suffix.lower() == JSONL_SUFFIX and path.is_file():
            shares: dict[str | None, SourceInput]
            try:
                shares = dict(index_jsonl_clusters(path, max_source_bytes))
            except (OSError, ValueError):
                shares = {None: path}  # read whole, which reports why it cannot be read
            for value, share in shares.items():
                cluster_id = DEFAULT_CLUSTER if value is None else value
                plans.setdefault(cluster_id, ClusterPlan(cluster_id)).inputs.append(share)
        else:
            # Files, texts and Source objects join the default cluster; Source
            # objects carrying a "cluster" are split once read (split_by_cluster_field).
            plans.setdefault(DEFAULT_CLUSTER, ClusterPlan(DEFAULT_CLUSTER)).inputs.append(item)
    return [plans[k] for k in sorted(plans)]


def split_by_cluster_field(plan: ClusterPlan, loaded: list[Source]) -> dict[str, list[Source]]:
    """The sources of the default cluster by their own ``cluster`` field (other clusters stay whole)."""
    groups: dict[str, list[Source]] = {}
    for source in loaded:
        cluster = source.meta.get("cluster") if plan.id == DEFAULT_CLUSTER else None
        groups.setdefault(str(cluster) if cluster is not None else plan.id, []).append(source)
    return groups


def drop_duplicate_ids(loaded: list[Source], seen: dict[str, str]) -> tuple[list[Source], list[SourceProblem]]:
    """The sources whose id no earlier source of the run had, and a problem for each other one.

    ``seen`` maps each id met so far to where it was read; it is updated, so
    one mapping serves every cluster of a run.
    """
    kept: list[Source] = []
    problems: list[SourceProblem] = []
    for source in loaded:
        path, line = source.origin()
        where = f"{path}:{line}" if line is not None else path
        if source.id in seen:
            cause = f"duplicate source id {source.id!r} (first read from {seen[source.id]}); skipped"
            problems.append(SourceProblem(path, cause, line))
            continue
        seen[source.id] = where
        kept.append(source)
    return kept, problems
