"""Reading sources: text files with optional front matter, directories, ``.jsonl``.

A bad source never stops the run: reading yields the good sources and a
`SourceProblem` for each one it could not read, naming the file, line and
cause, so the report can say what was skipped.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field

TEXT_SUFFIXES = (".txt", ".md")
JSONL_SUFFIX = ".jsonl"

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
    body_start: int = Field(
        default=0, ge=0, description="Offset where the text after front matter begins."
    )
    meta: dict[str, Any] = Field(default_factory=dict, description="Other front matter fields.")

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
    text may legitimately open with a line of dashes.
    """
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, 0
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return {}, 0
    if not isinstance(data, dict):
        return {}, 0
    return {str(k): v for k, v in data.items()}, match.end()


def _parse_date(value: Any, what: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError as exc:
        raise ValueError(f"{what} {value!r} is not a YYYY-MM-DD date") from exc


def _build_source(
    source_id: str, text: str, body_start: int, fields: dict[str, Any], path: str | None
) -> Source:
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


def read_text_file(path: Path) -> Source:
    """Read one ``.txt``/``.md`` source; raises ``ValueError``/``OSError`` with the cause."""
    text = decode_source_bytes(path.read_bytes())
    if "\x00" in text:
        raise ValueError("looks like a binary file (contains NUL bytes)")
    front, body_start = parse_front_matter(text)
    if not text[body_start:].strip():
        raise ValueError("empty source: no text to check")
    return _build_source(path.stem, text, body_start, front, path=str(path))


def read_jsonl(path: Path) -> Iterator[Source | SourceProblem]:
    """Sources of a ``.jsonl`` file; a bad line is a problem, the others still load."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        yield SourceProblem(str(path), f"cannot read: {exc.strerror or exc}")
        return
    for number, line_bytes in enumerate(raw.splitlines(), start=1):
        if not line_bytes.strip():
            continue
        try:
            line = decode_source_bytes(line_bytes)
            record = json.loads(line)
            if not isinstance(record, dict):
                raise ValueError("a line must be a JSON object")
            yield _source_from_record(record)
        except (ValueError, TypeError) as exc:
            yield SourceProblem(str(path), str(exc), line=number)


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
    """Files a directory holds, recursively and in sorted order."""
    suffixes = (*TEXT_SUFFIXES, JSONL_SUFFIX)
    for path in sorted(root.rglob("*")):
        if path.suffix.lower() in suffixes and (path.is_file() or path.is_symlink()):
            yield path


def read_path(path: Path) -> Iterator[Source | SourceProblem]:
    """Sources found at a path: a file, a ``.jsonl`` file, or a directory."""
    if path.is_dir():
        found = False
        for child in iter_source_files(path):
            found = True
            yield from read_path(child)
        if not found:
            yield SourceProblem(str(path), "directory holds no .txt, .md or .jsonl sources")
        return
    if path.suffix.lower() == JSONL_SUFFIX:
        yield from read_jsonl(path)
        return
    try:
        yield read_text_file(path)
    except FileNotFoundError:
        cause = "broken symbolic link" if path.is_symlink() else "no such file"
        yield SourceProblem(str(path), cause)
    except OSError as exc:
        yield SourceProblem(str(path), f"cannot read: {exc.strerror or exc}")
    except ValueError as exc:
        yield SourceProblem(str(path), str(exc))


SourceInput = str | Path | Source


def load_sources(inputs: Iterable[SourceInput]) -> tuple[list[Source], list[SourceProblem]]:
    """Resolve paths, strings and `Source` objects into sources and problems.

    A ``str`` that names an existing file or directory is read from disk;
    any other string is a source text (ids ``text-1``, ``text-2``...).
    Duplicate ids are a problem: the later source is skipped, never merged.
    """
    sources: list[Source] = []
    problems: list[SourceProblem] = []
    seen: dict[str, str] = {}
    anonymous = 0
    for item in inputs:
        found: Iterable[Source | SourceProblem]
        if isinstance(item, Source):
            found = [item]
        elif isinstance(item, Path) or _looks_like_path(item):
            found = read_path(Path(item))
        else:
            anonymous += 1
            if not item.strip():
                found = [SourceProblem(f"<text-{anonymous}>", "empty source: no text to check")]
            else:
                found = [Source.from_text(item, id=f"text-{anonymous}")]
        for entry in found:
            if isinstance(entry, SourceProblem):
                problems.append(entry)
            elif entry.id in seen:
                problems.append(
                    SourceProblem(
                        entry.path or entry.id,
                        f"duplicate source id {entry.id!r} (first read from {seen[entry.id]}); skipped",
                    )
                )
            else:
                seen[entry.id] = entry.path or entry.id
                sources.append(entry)
    return sources, problems


def _looks_like_path(item: str) -> bool:
    if "\n" in item or len(item) > 4096:
        return False
    try:
        if Path(item).exists() or Path(item).is_symlink():
            return True
    except OSError:
        return False
    # A missing file named on purpose must fail loudly, not be checked as text.
    return not any(c.isspace() for c in item) and (
        item.lower().endswith((*TEXT_SUFFIXES, JSONL_SUFFIX)) or "/" in item
    )
