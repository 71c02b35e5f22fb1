"""Reading sources: text files with optional front matter, directories, ``.jsonl``, texts and records.

A bad source never stops the run: reading yields the good sources and a
`SourceProblem` for each one it could not read, naming the file, line and
cause, so the report can say what was skipped; a part of a source left out
(front matter that cannot be used) is a ``warning`` problem beside it.

Files are read by `factcheck.sources.files` (regular files only, a size
limit, strict UTF-8), ``.jsonl`` files by `factcheck.sources.jsonl`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from factcheck.sources.arguments import RawText, SourceInput, SourceRecord, SourcesArg, TextsArg, source_inputs
from factcheck.sources.file_ids import file_ids
from factcheck.sources.files import (
    DEFAULT_MAX_SOURCE_BYTES,
    decode_source_bytes,
    read_source_bytes,
    resolve_max_source_bytes,
)
from factcheck.sources.front_matter import read_front_matter
from factcheck.sources.jsonl import JSONL_SUFFIX, JsonlLines, read_jsonl, read_jsonl_lines, source_from_record
from factcheck.sources.model import Source, SourceProblem, problem_cause
from factcheck.sources.walk import iter_source_files


def read_text_file(
    path: Path, max_source_bytes: int | None = DEFAULT_MAX_SOURCE_BYTES, source_id: str | None = None
) -> Source:
    """Read one ``.txt``/``.md`` source; raises ``ValueError``/``OSError`` with the cause.

    Its id is ``source_id``, by default the file name without its suffix.
    """
    text = decode_source_bytes(read_source_bytes(path, max_source_bytes))
    if "\x00" in text:
        raise ValueError("looks like a binary file (contains NUL bytes)")
    front = read_front_matter(text)
    if not text[front.body_start :].strip():
        raise ValueError("empty source: no text to check")
    return Source.from_fields(
        source_id or path.stem, text, front.body_start, front.fields, path=str(path), front_matter=front
    )


def read_path(
    path: Path,
    max_source_bytes: int | None = DEFAULT_MAX_SOURCE_BYTES,
    ids: Mapping[Path, str] | None = None,
    *,
    _in_walk: bool = False,
) -> Iterator[Source | SourceProblem]:
    """Sources found at a path: a file, a ``.jsonl`` file, or a directory.

    ``max_source_bytes`` is the size limit of one source (None: no limit);
    ``ids`` the id of each text file (`file_ids`; by default its name
    without the suffix).
    """
    if path.is_dir():
        if _in_walk:  # a link to a directory met inside a walk: following it could loop
            yield SourceProblem(str(path), "symbolic link to a directory inside a source directory; not followed")
            return
        found = False
        try:
            children = list(iter_source_files(path))
        except OSError as exc:
            yield SourceProblem(str(path), f"cannot list directory: {exc.strerror or exc}")
            return
        for child in children:
            found = True
            yield from read_path(child, max_source_bytes, ids, _in_walk=True)
        if not found:
            yield SourceProblem(str(path), "directory holds no .txt, .md or .jsonl sources")
        return
    if path.suffix.lower() == JSONL_SUFFIX and path.exists():
        yield from read_jsonl(path, max_source_bytes)
        return
    try:
        yield read_text_file(path, max_source_bytes, (ids or {}).get(path))
    except FileNotFoundError:
        cause = "broken symbolic link" if path.is_symlink() else "no such file"
        yield SourceProblem(str(path), cause)
    except OSError as exc:
        yield SourceProblem(str(path), f"cannot read: {exc.strerror or exc}")
    except ValueError as exc:
        yield SourceProblem(str(path), problem_cause(exc))


def load_sources(
    sources: SourcesArg = None, *, texts: TextsArg = None, max_source_bytes: int | None = None
) -> tuple[list[Source], list[SourceProblem]]:
    """Read sources as `factcheck.check` takes them into `Source` objects and problems.

    ``sources`` are paths (a ``str`` is always a path: one that names
    nothing raises `SourceError`), `Source` objects and dicts with the keys of
    a ``.jsonl`` line; ``texts`` are raw texts (`factcheck.sources.arguments`).
    Raises `TypeError` for anything else.  A source that cannot be read is a
    problem, never an exception; duplicate ids are a problem too: the later
    source is skipped, never merged.

    ``max_source_bytes`` limits the size of a file source or a ``.jsonl``
    line (0: no limit; None: ``$FACTCHECK_MAX_SOURCE_BYTES``, else
    `DEFAULT_MAX_SOURCE_BYTES`); a larger one is refused, unread, with a
    problem naming its size and the limit.  Texts and `Source` objects given
    directly are already in memory and are not limited here.  Raises
    `FactcheckError` for an invalid limit.
    """
    return read_inputs(source_inputs(sources, texts), max_source_bytes=max_source_bytes)


def read_inputs(
    inputs: Sequence[SourceInput], *, max_source_bytes: int | None = None, ids: Mapping[Path, str] | None = None
) -> tuple[list[Source], list[SourceProblem]]:
    """Read inputs already checked by `source_inputs`: the sources, and a problem for each one not read.

    ``ids`` gives the id of each text file (default: `file_ids` of ``inputs``).
    """
    limit = resolve_max_source_bytes(max_source_bytes)
    if ids is None:
        ids = file_ids(inputs)
    sources: list[Source] = []
    problems: list[SourceProblem] = []
    seen: dict[str, str] = {}  # id -> where it was first read
    for item in inputs:
        for entry in _read_input(item, limit, ids):
            if isinstance(entry, SourceProblem):
                problems.append(entry)
            elif entry.id in seen:
                where, line = entry.origin()
                problems.append(
                    SourceProblem(
                        where,
                        f"duplicate source id {entry.id!r} (first read from {seen[entry.id]}); skipped",
                        line=line,
                    )
                )
            else:
                where, line = entry.origin()
                seen[entry.id] = where if line is None else f"{where}:{line}"
                sources.append(entry)
                problems += [
                    SourceProblem(where, note.message, note.line or line, severity="warning")
                    for note in entry.reading_notes()
                ]
    return sources, problems


def _read_input(item: SourceInput, limit: int | None, ids: Mapping[Path, str]) -> Iterable[Source | SourceProblem]:
    if isinstance(item, Source):
        return [item]
    if isinstance(item, JsonlLines):
        return read_jsonl_lines(item, limit)
    if isinstance(item, RawText):
        return [_text_source(item)]
    if isinstance(item, SourceRecord):
        return [_record_source(item)]
    return read_path(item, limit, ids)


def _text_source(item: RawText) -> Source | SourceProblem:
    where = f"<{item.id}>"
    if not item.text.strip():
        return SourceProblem(where, "empty source: no text to check")
    try:
        return Source.from_text(item.text, id=item.id)
    except ValueError as exc:  # a lone surrogate, say
        return SourceProblem(where, problem_cause(exc))


def _record_source(item: SourceRecord) -> Source | SourceProblem:
    """A dict as a ``.jsonl`` line is read: the same keys, the same validation."""
    try:
        if any(not isinstance(key, str) for key in item.fields):
            raise ValueError("the keys of a source record must be str")
        return source_from_record(dict(item.fields))
    except (ValueError, TypeError) as exc:
        return SourceProblem(item.where, problem_cause(exc))
