"""Reading sources: text files with optional front matter, directories, ``.jsonl``.

A bad source never stops the run: reading yields the good sources and a
`SourceProblem` for each one it could not read, naming the file, line and
cause, so the report can say what was skipped.

Files are read by `factcheck.sources.files` (regular files only, a size
limit, strict UTF-8), ``.jsonl`` files by `factcheck.sources.jsonl`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from factcheck.sources.files import (
    DEFAULT_MAX_SOURCE_BYTES,
    decode_source_bytes,
    read_source_bytes,
    resolve_max_source_bytes,
)
from factcheck.sources.front_matter import parse_front_matter
from factcheck.sources.jsonl import JSONL_SUFFIX, JsonlLines, read_jsonl, read_jsonl_lines
from factcheck.sources.model import Source, SourceProblem, problem_cause

TEXT_SUFFIXES = (".txt", ".md")


def read_text_file(path: Path, max_source_bytes: int | None = DEFAULT_MAX_SOURCE_BYTES) -> Source:
    """Read one ``.txt``/``.md`` source; raises ``ValueError``/``OSError`` with the cause."""
    text = decode_source_bytes(read_source_bytes(path, max_source_bytes))
    if "\x00" in text:
        raise ValueError("looks like a binary file (contains NUL bytes)")
    front, body_start = parse_front_matter(text)
    if not text[body_start:].strip():
        raise ValueError("empty source: no text to check")
    return Source.from_fields(path.stem, text, body_start, front, path=str(path))


def iter_source_files(root: Path) -> Iterator[Path]:
    """Entries a directory holds with a source suffix, recursively and in sorted order.

    Everything named like a source is yielded except real directories (which
    the walk enters), so a FIFO, a broken link or a link to a directory is
    reported by `read_path` rather than passed over silently.
    """
    suffixes = (*TEXT_SUFFIXES, JSONL_SUFFIX)
    for path in sorted(root.rglob("*")):
        if path.suffix.lower() in suffixes and (path.is_symlink() or not path.is_dir()):
            yield path


def read_path(
    path: Path, max_source_bytes: int | None = DEFAULT_MAX_SOURCE_BYTES, *, _in_walk: bool = False
) -> Iterator[Source | SourceProblem]:
    """Sources found at a path: a file, a ``.jsonl`` file, or a directory.

    ``max_source_bytes`` is the size limit of one source (None: no limit).
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
            yield from read_path(child, max_source_bytes, _in_walk=True)
        if not found:
            yield SourceProblem(str(path), "directory holds no .txt, .md or .jsonl sources")
        return
    if path.suffix.lower() == JSONL_SUFFIX and path.exists():
        yield from read_jsonl(path, max_source_bytes)
        return
    try:
        yield read_text_file(path, max_source_bytes)
    except FileNotFoundError:
        cause = "broken symbolic link" if path.is_symlink() else "no such file"
        yield SourceProblem(str(path), cause)
    except OSError as exc:
        yield SourceProblem(str(path), f"cannot read: {exc.strerror or exc}")
    except ValueError as exc:
        yield SourceProblem(str(path), problem_cause(exc))


SourceInput = str | Path | Source | JsonlLines


def load_sources(
    inputs: Iterable[SourceInput], *, max_source_bytes: int | None = None
) -> tuple[list[Source], list[SourceProblem]]:
    """Resolve paths, strings and `Source` objects into sources and problems.

    A ``str`` that names an existing file or directory is read from disk;
    any other string is a source text (ids ``text-1``, ``text-2``...).
    Duplicate ids are a problem: the later source is skipped, never merged.

    ``max_source_bytes`` limits the size of a file source or a ``.jsonl``
    line (0: no limit; None: ``$FACTCHECK_MAX_SOURCE_BYTES``, else
    `DEFAULT_MAX_SOURCE_BYTES`); a larger one is refused, unread, with a
    problem naming its size and the limit.  Texts and `Source` objects given
    directly are already in memory and are not limited here.  Raises
    `FactcheckError` for an invalid limit.
    """
    limit = resolve_max_source_bytes(max_source_bytes)
    sources: list[Source] = []
    problems: list[SourceProblem] = []
    seen: dict[str, str] = {}  # id -> where it was first read
    anonymous = 0
    for item in inputs:
        found: Iterable[Source | SourceProblem]
        if isinstance(item, Source):
            found = [item]
        elif isinstance(item, JsonlLines):
            found = read_jsonl_lines(item, limit)
        elif isinstance(item, Path) or _looks_like_path(item):
            found = read_path(Path(item), limit)
        else:
            anonymous += 1
            if not item.strip():
                found = [SourceProblem(f"<text-{anonymous}>", "empty source: no text to check")]
            else:
                try:
                    found = [Source.from_text(item, id=f"text-{anonymous}")]
                except ValueError as exc:  # bad front matter values, e.g. `published: 2022-0z-01`
                    found = [SourceProblem(f"<text-{anonymous}>", problem_cause(exc))]
        for entry in found:
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
    return sources, problems


def _looks_like_path(item: str) -> bool:
    if "\n" in item or len(item) > 4096 or not item.strip():
        return False  # "" would name the current directory
    try:
        if Path(item).exists() or Path(item).is_symlink():
            return True
    except OSError:
        return False
    # A missing file named on purpose must fail loudly, not be checked as text.
    return not any(c.isspace() for c in item) and (item.lower().endswith((*TEXT_SUFFIXES, JSONL_SUFFIX)) or "/" in item)
