"""Clusters: which sources are checked against each other, planned before any is read.

One cluster by default; with ``clusters=True`` each subdirectory of a
directory, each ``cluster`` value of a ``.jsonl`` file and each ``cluster``
field of another source (a record, front matter) is one.  Sources are read only when
their cluster's turn comes, so memory holds one cluster at a time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.sources.arguments import SourceInput
from factcheck.sources.files import DEFAULT_MAX_SOURCE_BYTES
from factcheck.sources.jsonl import JSONL_SUFFIX, index_jsonl_clusters
from factcheck.sources.model import Source, SourceProblem
from factcheck.sources.walk import iter_source_files

DEFAULT_CLUSTER = "default"


@dataclass
class ClusterPlan:
    """One cluster to check: its id and how to get its sources (read when it is its turn)."""

    id: str
    inputs: list[SourceInput] = field(default_factory=list)


def plan_clusters(
    items: Sequence[SourceInput], clusters: bool, max_source_bytes: int | None = DEFAULT_MAX_SOURCE_BYTES
) -> list[ClusterPlan]:
    """Clusters in a stable order, their sources not read yet.

    ``items`` are `source_inputs`' (paths checked to exist).  With
    ``clusters=True`` each subdirectory of a directory is a cluster (files
    directly in it form the directory's own) and each distinct ``cluster``
    value of a ``.jsonl`` file given as a source is one: the file is indexed
    first, by line offsets, so each cluster reads only its own lines; other
    sources with a ``cluster`` field are split once read
    (`split_by_cluster_field`).  Otherwise everything is one cluster.
    """
    if not clusters:
        return [ClusterPlan(DEFAULT_CLUSTER, list(items))]
    plans: dict[str, ClusterPlan] = {}
    for item in items:
        path = item if isinstance(item, Path) else None
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
            # Files, texts, records and Source objects join the default cluster; those
            # carrying a "cluster" are split once read (split_by_cluster_field).
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
