"""A source: one text reporting on the event, with what is known about it."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator

from factcheck.sources.front_matter import (
    KNOWN_FIELDS,
    FrontMatter,
    FrontMatterNote,
    parse_date,
    read_front_matter,
    unknown_key_notes,
)
from factcheck.sources.language import LanguageDecision, validate_language_tag

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")

SourceRole = Literal["candidate", "reference"]
"""What a source is to the check: a text in question, or a trusted reference it must agree with."""


class Source(BaseModel):
    """One text reporting on the event, with what is known about it.

    Files are read into sources (`factcheck.load_sources`); a text becomes
    one with `from_text`, which also takes the fields a file's front matter
    would give: ``Source.from_text(text, id="wire", published="2025-03-01")``.
    The publication date is what relative dates ("yesterday") are resolved
    against and what titles are dated by; a source without one borrows the
    run's ``reference_date`` or the other sources' dates (see
    ``SourceInfo.reference_date_origin`` in the report).
    """

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1, description="Names the source in findings; unique in a run.")
    text: str = Field(description="The whole text as decoded, front matter included; evidence offsets index it.")
    path: str | None = Field(default=None, description="The file it was read from, if any.")
    published: dt.date | None = Field(default=None, description="Publication date.")
    title: str | None = Field(default=None, description="Headline.")
    outlet: str | None = Field(default=None, description="The outlet that published it.")
    url: str | None = Field(default=None, description="Where it was published.")
    language: str | None = Field(
        default=None, description="ISO 639-1 language, optionally with a region, e.g. en or en-GB; detected when unset."
    )
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
    _language: LanguageDecision | None = PrivateAttr(default=None)
    """Its language and how it was decided (`factcheck.sources.language_filter`), for the report."""
    _notes: tuple[FrontMatterNote, ...] = PrivateAttr(default=())
    """What was left out of its fields when it was read (`reading_notes`); not serialized."""

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

    @field_validator("language")
    @classmethod
    def _iso_language(cls, language: str | None) -> str | None:
        """An ISO 639-1 code ("en", "en-GB"): a typo must be reported, not silently turn detection off."""
        if language is None or not language.strip():
            return None
        return validate_language_tag(language)

    def origin(self) -> tuple[str, int | None]:
        """(file or id, line) naming where the source came from."""
        return self._origin or (self.path or self.id, None)

    def __repr__(self) -> str:
        return f"Source(id={self.id!r}, chars={len(self.text)}, published={self.published})"

    @classmethod
    def from_text(cls, text: str, id: str = "text", **fields: Any) -> Source:
        """A source from a string, reading front matter the way a file's is read.

        ``fields`` are front matter fields, and win over the text's own:
        ``published`` (a `datetime.date` or an ISO ``YYYY-MM-DD`` string),
        ``title``, ``outlet``, ``url``, ``language``; any other
        goes to ``meta``.  A bad ``published`` raises `ValueError`.
        """
        if "published" in fields:
            parse_date(fields["published"], "published")  # the caller's own value: a bad one is the caller's error
        front = read_front_matter(text)
        merged = {**front.fields, **fields}
        return cls.from_fields(
            id, text, front.body_start, merged, path=fields.pop("path", None), front_matter=front
        )

    @classmethod
    def from_fields(
        cls,
        source_id: str,
        text: str,
        body_start: int,
        fields: dict[str, Any],
        path: str | None,
        front_matter: FrontMatter | None = None,
    ) -> Source:
        """A source from front matter or ``.jsonl`` fields: the known ones typed, the rest in ``meta``.

        What cannot be used is left out with a note (`reading_notes`), never
        dropping the source: a ``published`` that is no date, a key that is
        nearly a known one; ``front_matter`` adds its own notes and the lines
        of its keys.  Raises ``ValueError`` for a text that is not Unicode.
        """
        key_lines = front_matter.key_lines if front_matter is not None else {}
        notes = [*(front_matter.notes if front_matter is not None else ()), *unknown_key_notes(fields, key_lines)]
        known = {k: fields[k] for k in KNOWN_FIELDS if k in fields}
        meta = {k: v for k, v in fields.items() if k not in KNOWN_FIELDS and k not in ("id", "text")}
        try:
            published = parse_date(known.pop("published", None), "published")
        except ValueError as exc:
            published = None
            notes.append(FrontMatterNote(f"{exc}; the field is dropped", key_lines.get("published")))
        source = cls(
            id=source_id,
            text=text,
            path=path,
            published=published,
            body_start=body_start,
            meta=json.loads(json.dumps(meta, default=str)),
            **{k: (None if v is None else str(v)) for k, v in known.items()},
        )
        source._notes = tuple(notes)
        return source

    def reading_notes(self) -> tuple[FrontMatterNote, ...]:
        """What was left out of this source's fields when it was read, and why (reported as warnings)."""
        return self._notes


@dataclass(frozen=True)
class SourceProblem:
    """A source that could not be read, and why; a ``warning`` is a part left out of a source that was read."""

    path: str
    cause: str
    line: int | None = None
    severity: Literal["error", "warning", "info"] = "error"

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
