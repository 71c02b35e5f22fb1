"""A source: one text reporting on the event, with what is known about it."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator

from factcheck.sources.front_matter import KNOWN_FIELDS, parse_date, parse_front_matter

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")

SourceRole = Literal["candidate", "reference"]
"""What a source is to the check: a text in question, or a trusted reference it must agree with."""


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
    role: SourceRole = Field(
        default="candidate",
        description="'reference': a trusted text that candidates are checked against (trusted-sources "
        "mode, docs/trusted-sources.md); 'candidate': a text that is checked (the default, as every "
        "source is when no reference is given).",
    )
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
        return cls.from_fields(id, text, body_start, merged, path=fields.pop("path", None))

    @classmethod
    def from_fields(
        cls, source_id: str, text: str, body_start: int, fields: dict[str, Any], path: str | None
    ) -> Source:
        """A source from front matter or ``.jsonl`` fields: the known ones typed, the rest in ``meta``."""
        known = {k: fields[k] for k in KNOWN_FIELDS if k in fields}
        meta = {k: v for k, v in fields.items() if k not in KNOWN_FIELDS and k not in ("id", "text")}
        published = parse_date(known.pop("published", None), "published")
        return cls(
            id=source_id,
            text=text,
            path=path,
            published=published,
            body_start=body_start,
            meta=json.loads(json.dumps(meta, default=str)),
            **{k: (None if v is None else str(v)) for k, v in known.items()},
        )


@dataclass(frozen=True)
class SourceProblem:
    """A source that could not be read, and why."""

    path: str
    cause: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.cause}"


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
