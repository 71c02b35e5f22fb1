"""What `factcheck.check` accepts as sources, checked before anything is read.

One meaning per shape, so a typo can never turn into a silent pass:

- a ``str`` or ``os.PathLike`` in ``sources`` is a **path** (file, directory,
  ``.jsonl``); one that names nothing raises `SourceError` naming it;
- raw texts go in ``texts=``: one string, a list of strings (ids
  ``text-1``, ``text-2``...) or a mapping of source id to text; a
  `Source` (`Source.from_text`) is a text with an id of its own;
- a dict in ``sources`` is one source record, with the keys and the
  validation of a ``.jsonl`` line (``id``, ``text``, ``published``...);
- a mapping given as ``sources`` itself is ``{source id: text}``: the
  texts of **one** cluster, as ``texts=`` takes it (and the pytest fixture
  ``factcheck_cluster``).

Anything else (a number, None, bytes) raises `TypeError` naming the accepted
types.  Several clusters come from ``clusters=True`` with a folder per
cluster or a ``cluster`` field (records, front matter, ``.jsonl``).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck.errors import SourceError
from factcheck.sources.jsonl import JsonlLines
from factcheck.sources.model import Source


@dataclass(frozen=True)
class RawText:
    """A text given as a string (``texts=``), with the id it is checked under."""

    id: str
    text: str


@dataclass(frozen=True)
class SourceRecord:
    """A dict given in ``sources``: one source with the keys of a ``.jsonl`` line; ``where`` names it in problems."""

    where: str
    fields: Mapping[str, Any]


SourceInput = Path | Source | JsonlLines | RawText | SourceRecord
"""One source (or a file or folder of them) as the reading stage takes it."""


SourcesArg = str | os.PathLike[str] | Source | Mapping[str, Any] | Iterable[Any] | None
"""``sources`` as `factcheck.check` takes it: see the module docstring."""


TextsArg = str | Mapping[str, str] | Iterable[str] | None
"""``texts`` as `factcheck.check` takes it: a text, texts, or a mapping of source id to text."""


ACCEPTED_SOURCES = (
    "a path (str or pathlib.Path) to a file, folder or .jsonl file, a factcheck.Source, "
    "or a dict with the keys of a .jsonl line ({'id': ..., 'text': ...})"
)
ACCEPTED_TEXTS = "a str, a list of str, or a mapping of source id to str"
SEVERAL_CLUSTERS = (
    "to check several clusters, give each source a 'cluster' (a dict's key, front matter, a .jsonl field) "
    "or each cluster a folder, with clusters=True"
)


def source_inputs(sources: SourcesArg = None, texts: TextsArg = None) -> list[SourceInput]:
    """``check``'s ``sources`` and ``texts`` as inputs to read, in order (sources first).

    Raises `SourceError` for a path that names nothing (a typo must not pass
    as a one-word text), `TypeError` for a value of a type not accepted.
    Nothing is read here but whether each path exists.
    """
    inputs: list[SourceInput] = []
    if isinstance(sources, Mapping):
        if "id" in sources and "text" in sources:
            raise TypeError(
                "sources is one dict with 'id' and 'text': a source record goes in a list "
                "(check([{'id': ..., 'text': ...}])); a mapping given as sources is {source id: text}"
            )
        inputs += _texts_of_mapping(sources, "sources")
    elif sources is not None:
        items = [sources] if isinstance(sources, str | os.PathLike | Source | JsonlLines) else sources
        if not isinstance(items, Iterable) or isinstance(items, bytes | bytearray):
            raise TypeError(f"sources must be {ACCEPTED_SOURCES}, or a list of them; got {_type_name(sources)}")
        inputs += [_source_input(item, index) for index, item in enumerate(items)]
    if texts is not None:
        inputs += _texts(texts)
    return inputs


def _source_input(item: object, index: int) -> SourceInput:
    if isinstance(item, Source | JsonlLines):
        return item
    if isinstance(item, str | os.PathLike) and not isinstance(item, bytes):
        return existing_path(Path(item))
    if isinstance(item, Mapping):
        return SourceRecord(f"<sources[{index}]>", item)
    raise TypeError(f"sources[{index}] is {_type_name(item)}; a source is {ACCEPTED_SOURCES} (texts go in texts=)")


def existing_path(path: Path) -> Path:
    """``path`` itself; raises `SourceError` naming it when it names no file, folder or link."""
    try:
        exists = path.exists() or path.is_symlink()  # a broken link is reported when read
    except (OSError, ValueError) as exc:  # a name too long, a NUL byte
        raise SourceError(_shown(path), f"not a usable path ({exc})") from None
    if not exists:
        written = str(path)
        looks_like_text = len(written) > 200 or any(c.isspace() for c in written)
        hint = "; strings in sources are paths: pass a text as texts=[...]" if looks_like_text else ""
        raise SourceError(_shown(path), f"no such file or directory{hint}")
    return path


def _texts(texts: object) -> list[SourceInput]:
    if isinstance(texts, str):
        return [RawText("text-1", texts)]
    if isinstance(texts, Mapping):
        return _texts_of_mapping(texts, "texts")
    if not isinstance(texts, Iterable) or isinstance(texts, bytes | bytearray):
        raise TypeError(f"texts must be {ACCEPTED_TEXTS}; got {_type_name(texts)}")
    found: list[SourceInput] = []
    for number, text in enumerate(texts, 1):
        if not isinstance(text, str):
            raise TypeError(f"texts[{number - 1}] is {_type_name(text)}; texts must be {ACCEPTED_TEXTS}")
        found.append(RawText(f"text-{number}", text))
    return found


def _texts_of_mapping(texts: Mapping[Any, Any], name: str) -> list[SourceInput]:
    """``{source id: text}``: the texts of one cluster."""
    found: list[SourceInput] = []
    for source_id, text in texts.items():
        if not isinstance(source_id, str) or not source_id:
            raise TypeError(f"{name}: a source id must be a non-empty str, got {source_id!r}")
        if not isinstance(text, str):
            raise TypeError(
                f"{name}[{source_id!r}] is {_type_name(text)}; a mapping is {{source id: text}} of one cluster, "
                f"its values str ({SEVERAL_CLUSTERS})"
            )
        found.append(RawText(source_id, text))
    return found


def _type_name(value: object) -> str:
    if value is None:
        return "None"
    name = type(value).__name__
    return f"{'an' if name[0].lower() in 'aeiou' else 'a'} {name}"


def _shown(path: Path) -> str:
    written = str(path)
    return written if len(written) <= 120 else written[:117] + "..."
