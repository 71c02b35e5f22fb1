"""``.jsonl`` sources: one JSON object per line, streamed, a bad line a problem of its own.

A file is read line by line, so only one line at a time (at most the size
limit) is held as bytes; with clusters, the file is indexed first by line
offsets (`index_jsonl_clusters`) and each cluster reads its own lines.
"""

from __future__ import annotations

import itertools
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck.sources.files import (
    DEFAULT_MAX_SOURCE_BYTES,
    READ_CHUNK,
    decode_source_bytes,
    open_regular,
    too_large,
)
from factcheck.sources.model import Source, SourceProblem, problem_cause

JSONL_SUFFIX = ".jsonl"


def _bounded_lines(handle: Any, limit: int | None, number: int = 0) -> Iterator[tuple[int, bytes | int]]:
    """(line number, line bytes) of a binary file; (number, size) for a line over ``limit``.

    A line longer than the limit is skipped in chunks, never held whole.
    Lines end at ``\n`` (a ``\r`` before it is whitespace to JSON).
    ``number`` is the number of the line before the handle's position.
    """
    while True:
        number += 1
        if limit is None:
            line = handle.readline()
            if not line:
                return
            yield number, line
            continue
        line = handle.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or (line.endswith(b"\n") and len(line) - 1 <= limit):
            yield number, line
            continue
        size = len(line)
        while not line.endswith(b"\n"):
            line = handle.readline(READ_CHUNK)
            if not line:
                break
            size += len(line)
        yield number, size - (1 if line.endswith(b"\n") else 0)


def _open_jsonl(path: Path) -> tuple[Any, SourceProblem | None]:
    try:
        return os.fdopen(open_regular(path), "rb"), None
    except OSError as exc:
        return None, SourceProblem(str(path), f"cannot read: {exc.strerror or exc}")
    except ValueError as exc:
        return None, SourceProblem(str(path), str(exc))


def _jsonl_entries(
    path: Path, lines: Iterator[tuple[int, bytes | int]], max_source_bytes: int | None
) -> Iterator[Source | SourceProblem]:
    while True:
        try:
            number, line_bytes = next(lines)
        except StopIteration:
            return
        except OSError as exc:
            yield SourceProblem(str(path), f"cannot read: {exc.strerror or exc}")
            return
        if isinstance(line_bytes, int):
            assert max_source_bytes is not None
            yield SourceProblem(str(path), too_large(line_bytes, max_source_bytes, "line"), line=number)
            continue
        yield from _jsonl_record(path, number, line_bytes)


def read_jsonl(path: Path, max_source_bytes: int | None = DEFAULT_MAX_SOURCE_BYTES) -> Iterator[Source | SourceProblem]:
    """Sources of a ``.jsonl`` file; a bad line is a problem, the others still load.

    The file is streamed: a line over ``max_source_bytes`` is reported with
    its number and size and skipped, the file as a whole has no size limit.
    """
    handle, problem = _open_jsonl(path)
    if problem is not None:
        yield problem
        return
    with handle:
        yield from _jsonl_entries(path, _bounded_lines(handle, max_source_bytes), max_source_bytes)


@dataclass(frozen=True)
class JsonlLines:
    """Some lines of a ``.jsonl`` file: one cluster's share of it, read when its turn comes.

    ``lines`` holds (line number, byte offset) pairs, so reading a cluster
    seeks to its own lines and memory holds one cluster, not the file.
    """

    path: Path
    lines: tuple[tuple[int, int], ...]


def index_jsonl_clusters(
    path: Path, max_source_bytes: int | None = DEFAULT_MAX_SOURCE_BYTES
) -> dict[str | None, JsonlLines]:
    """The lines of each ``cluster`` value of a ``.jsonl`` file, read once without keeping texts.

    Lines without a cluster, and lines that are not sources (bad JSON, too
    large), come under None: they are reported when that share is read.
    Raises `OSError` or `ValueError` when the file cannot be read; the caller
    then reads it whole, which reports the cause.
    """
    shares: dict[str | None, list[tuple[int, int]]] = {}
    handle, problem = _open_jsonl(path)
    if problem is not None:
        raise ValueError(problem.cause)
    with handle:
        offset = 0
        for number, line in _bounded_lines(handle, max_source_bytes):
            cluster: str | None = None
            if isinstance(line, bytes):
                try:
                    record = json.loads(line)
                except (ValueError, RecursionError):
                    record = None
                if isinstance(record, dict) and record.get("cluster") is not None:
                    cluster = str(record["cluster"])
            shares.setdefault(cluster, []).append((number, offset))
            offset = handle.tell()
    return {cluster: JsonlLines(path, tuple(lines)) for cluster, lines in shares.items()}


def read_jsonl_lines(selection: JsonlLines, max_source_bytes: int | None) -> Iterator[Source | SourceProblem]:
    """The sources (and problems) of the selected lines of a ``.jsonl`` file."""
    handle, problem = _open_jsonl(selection.path)
    if problem is not None:
        yield problem
        return
    with handle:
        for number, offset in selection.lines:
            handle.seek(offset)
            lines = itertools.islice(_bounded_lines(handle, max_source_bytes, number - 1), 1)
            yield from _jsonl_entries(selection.path, lines, max_source_bytes)


def _jsonl_record(path: Path, number: int, line_bytes: bytes) -> Iterator[Source | SourceProblem]:
    if not line_bytes.strip():
        return
    try:
        line = decode_source_bytes(line_bytes)
        record = json.loads(line)
        if not isinstance(record, dict):
            raise ValueError("a line must be a JSON object")
        source = source_from_record(record)
        source._origin = (str(path), number)
        yield source
    except (ValueError, TypeError, RecursionError) as exc:
        cause = "JSON nested too deeply" if isinstance(exc, RecursionError) else problem_cause(exc)
        yield SourceProblem(str(path), cause, line=number)


def source_from_record(record: dict[str, Any]) -> Source:
    """A source from a ``.jsonl`` line's object (or a dict given to `factcheck.check`); raises ``ValueError``."""
    source_id = record.get("id")
    text = record.get("text")
    if not isinstance(source_id, str) or not source_id:
        raise ValueError("missing or empty string field 'id'")
    if not isinstance(text, str):
        raise ValueError(f"source {source_id!r}: missing string field 'text'")
    if not text.strip():
        raise ValueError(f"source {source_id!r}: empty source: no text to check")
    return Source.from_fields(source_id, text, 0, dict(record), path=None)
