"""Reading sources: text files with optional front matter, directories, ``.jsonl``.

A bad source never stops the run: reading yields the good sources and a
`SourceProblem` for each one it could not read, naming the file, line and
cause, so the report can say what was skipped.

A source larger than the configured limit (`max_source_bytes`, default
10 MB, environment variable ``FACTCHECK_MAX_SOURCE_BYTES``) is refused
before it is read into memory; ``.jsonl`` files are read line by line, so
only one line at a time (at most the limit) is held as bytes.  Only regular
files are read: a FIFO, socket or device named like a source is reported,
never opened for a blocking read.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator

from factcheck.errors import FactcheckError
from factcheck.yaml_positions import YamlLoadError, load_yaml_text

TEXT_SUFFIXES = (".txt", ".md")
JSONL_SUFFIX = ".jsonl"

DEFAULT_MAX_SOURCE_BYTES = 10_000_000
"""Largest source read, in bytes of UTF-8 (a text file, or one ``.jsonl`` line)."""
MAX_SOURCE_BYTES_ENV = "FACTCHECK_MAX_SOURCE_BYTES"
MAX_FRONT_MATTER_BYTES = 100_000
MAX_FRONT_MATTER_VALUES = 10_000
"""Longer front matter, or front matter expanding to more values, is read as text."""
_READ_CHUNK = 1 << 20

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M)


class Source(BaseModel):
    """One text reporting on the event, with what is known about it."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1)
    text: str
    path: str | None = None
    published: dt.date | None = None
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    language: str | None = Field(default=None, description="Language or locale, e.g. en-GB.")
    body_start: int = Field(default=0, ge=0, description="Offset where the text after front matter begins.")
    meta: dict[str, Any] = Field(default_factory=dict, description="Other front matter fields.")
    _origin: tuple[str, int | None] | None = PrivateAttr(default=None)
    """Where it was read (file, ``.jsonl`` line), for problems about it; not serialized."""

    @field_validator("text")
    @classmethod
    def _unicode_text(cls, text: str) -> str:
        """Lone surrogates (from ``surrogateescape`` decoding, say) are not text: nothing downstream can encode them."""
        if not text.isascii() and (bad := _LONE_SURROGATE.search(text)) is not None:
            raise ValueError(
                f"text holds a lone surrogate U+{ord(bad.group()):04X} at character {bad.start()}, "
                "which is not a Unicode character; decode the source strictly"
            )
        return text

    def origin(self) -> tuple[str, int | None]:
        """(file or id, line) naming where the source came from."""
        return self._origin or (self.path or self.id, None)

    def __repr__(self) -> str:
        return f"Source(id={self.id!r}, chars={len(self.text)}, published={self.published})"

    @classmethod
    def from_text(cls, text: str, id: str = "text", **fields: Any) -> Source:
        """A source from a string, reading front matter the way a file's is read."""
        front, body_start = parse_front_matter(text)
        merged = {**front, **fields}
        return _build_source(id, text, body_start, merged, path=fields.pop("path", None))


@dataclass(frozen=True)
class SourceProblem:
    """A source that could not be read, and why."""

    path: str
    cause: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.cause}"


_KNOWN_FIELDS = ("published", "title", "outlet", "url", "language")


def parse_front_matter(text: str) -> tuple[dict[str, Any], int]:
    """Front matter fields and the offset of the body; ``({}, 0)`` when there is none.

    Malformed front matter is treated as text rather than an error: a news
    text may legitimately open with a line of dashes.  It is read with the
    rule files' bounded safe loader (size, nesting and alias expansion
    limited), and dates stay strings for `_parse_date` to check, so a bad
    ``published`` is reported rather than dropped.
    """
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, 0
    try:
        data = load_yaml_text(
            match.group(1), timestamps=False, max_bytes=MAX_FRONT_MATTER_BYTES, max_nodes=MAX_FRONT_MATTER_VALUES
        ).data
    except YamlLoadError:
        return {}, 0
    if not isinstance(data, dict):
        return {}, 0
    return {str(k): v for k, v in data.items()}, match.end()


_LOOSE_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[Tt ])")


def _parse_date(value: Any, what: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    written = str(value).strip()
    try:
        return dt.date.fromisoformat(written[:10])
    except ValueError:
        pass
    loose = _LOOSE_DATE.match(written)  # YAML's own form: 2022-2-1, 2022-02-01 10:00
    try:
        if loose:
            return dt.date(int(loose[1]), int(loose[2]), int(loose[3]))
    except ValueError:
        pass
    raise ValueError(f"{what} {str(value)[:80]!r} is not a YYYY-MM-DD date")


def _build_source(source_id: str, text: str, body_start: int, fields: dict[str, Any], path: str | None) -> Source:
    known = {k: fields[k] for k in _KNOWN_FIELDS if k in fields}
    meta = {k: v for k, v in fields.items() if k not in _KNOWN_FIELDS and k not in ("id", "text")}
    published = _parse_date(known.pop("published", None), "published")
    return Source(
        id=source_id,
        text=text,
        path=path,
        published=published,
        body_start=body_start,
        meta=json.loads(json.dumps(meta, default=str)),
        **{k: (None if v is None else str(v)) for k, v in known.items()},
    )


def problem_cause(exc: Exception) -> str:
    """A one-line cause: pydantic's multi-line report cut to what the user must fix."""
    if isinstance(exc, ValidationError):
        parts = []
        for error in exc.errors():
            where = ".".join(str(p) for p in error["loc"])
            message = str(error["msg"]).removeprefix("Value error, ")
            parts.append(f"{where}: {message}" if where else message)
        return "; ".join(parts)
    return str(exc)


def decode_source_bytes(data: bytes) -> str:
    """UTF-8, strictly: a wrong byte would shift every reported offset.

    Raises ``ValueError`` naming the byte offset of the first bad byte.
    """
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(
            f"not valid UTF-8: byte 0x{data[exc.start]:02x} at byte offset {exc.start} "
            f"({exc.reason}); re-encode the file as UTF-8"
        ) from exc


def max_source_bytes_from_env(default: int = DEFAULT_MAX_SOURCE_BYTES) -> int:
    """The source size limit: ``$FACTCHECK_MAX_SOURCE_BYTES`` when set, else ``default``.

    ``0`` means no limit.  Raises `FactcheckError` for a value that is not a
    whole number of bytes, so a typo is not silently ignored.
    """
    raw = os.environ.get(MAX_SOURCE_BYTES_ENV, "").strip()
    if not raw:
        return default
    try:
        value = int(raw.replace("_", ""))
    except ValueError:
        value = -1
    if value < 0:
        raise FactcheckError(f"{MAX_SOURCE_BYTES_ENV}={raw!r} is not a number of bytes (0 means no limit)")
    return value


def resolve_max_source_bytes(max_source_bytes: int | None) -> int | None:
    """The limit to apply: the argument when given, else the environment's, else the default.

    Returns ``None`` for no limit (a value of 0).
    """
    limit = max_source_bytes_from_env() if max_source_bytes is None else max_source_bytes
    if limit < 0:
        raise FactcheckError(f"max_source_bytes must be 0 (no limit) or more, got {limit}")
    return limit or None


def _too_large(size: int, limit: int, what: str = "file") -> str:
    return (
        f"{what} is {size:,} bytes, over the {limit:,}-byte limit for a source; "
        f"raise it with {MAX_SOURCE_BYTES_ENV} (0 for no limit)"
    )


def _open_regular(path: Path) -> int:
    """A read-only descriptor of ``path``; raises ``ValueError`` unless it is a regular file.

    ``O_NONBLOCK`` keeps a FIFO from blocking the open; the type is checked on
    the open descriptor, so the file cannot be swapped between check and read.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = "a directory" if stat.S_ISDIR(mode) else "a FIFO, socket or device"
            raise ValueError(f"not a regular file ({kind}); not read")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_source_bytes(path: Path, limit: int | None = DEFAULT_MAX_SOURCE_BYTES) -> bytes:
    """The bytes of a regular file, refusing one over ``limit`` before reading it.

    Raises ``ValueError`` (not a regular file, too large) or ``OSError``.
    At most ``limit + 1`` bytes are read even when the file grows meanwhile.
    """
    fd = _open_regular(path)
    with os.fdopen(fd, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if limit is not None and size > limit:
            raise ValueError(_too_large(size, limit))
        if limit is None:
            data = handle.read()
        else:  # read(n) allocates n bytes up front: ask for what stat promised
            data = handle.read(min(size, limit) + 1)
            if size < len(data) <= limit:  # the file grew since the stat
                data += handle.read(limit + 1 - len(data))
    if limit is not None and len(data) > limit:
        raise ValueError(_too_large(len(data), limit, "file grew while read and"))
    return data


def read_text_file(path: Path, max_source_bytes: int | None = DEFAULT_MAX_SOURCE_BYTES) -> Source:
    """Read one ``.txt``/``.md`` source; raises ``ValueError``/``OSError`` with the cause."""
    text = decode_source_bytes(read_source_bytes(path, max_source_bytes))
    if "\x00" in text:
        raise ValueError("looks like a binary file (contains NUL bytes)")
    front, body_start = parse_front_matter(text)
    if not text[body_start:].strip():
        raise ValueError("empty source: no text to check")
    return _build_source(path.stem, text, body_start, front, path=str(path))


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
            line = handle.readline(_READ_CHUNK)
            if not line:
                break
            size += len(line)
        yield number, size - (1 if line.endswith(b"\n") else 0)


def _open_jsonl(path: Path) -> tuple[Any, SourceProblem | None]:
    try:
        return os.fdopen(_open_regular(path), "rb"), None
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
            yield SourceProblem(str(path), _too_large(line_bytes, max_source_bytes, "line"), line=number)
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
        source = _source_from_record(record)
        source._origin = (str(path), number)
        yield source
    except (ValueError, TypeError, RecursionError) as exc:
        cause = "JSON nested too deeply" if isinstance(exc, RecursionError) else problem_cause(exc)
        yield SourceProblem(str(path), cause, line=number)


def _source_from_record(record: dict[str, Any]) -> Source:
    source_id = record.get("id")
    text = record.get("text")
    if not isinstance(source_id, str) or not source_id:
        raise ValueError("missing or empty string field 'id'")
    if not isinstance(text, str):
        raise ValueError(f"source {source_id!r}: missing string field 'text'")
    if not text.strip():
        raise ValueError(f"source {source_id!r}: empty source: no text to check")
    return _build_source(source_id, text, 0, dict(record), path=None)


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
