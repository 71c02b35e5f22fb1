"""Source ids of text files: the file name, made unique by the path when names collide.

A file's id is its name without the suffix (``article`` for
``2025-10-14/article.txt``), as it always was.  When two or more text files
of one run share that name, each of them takes the next form that tells
them apart, in this order:

1. the path below the folder named, without the suffix (``2025-10-14/article``);
2. that path under the folder named's own name (``wire/article`` and
   ``daily/article`` for ``factcheck check wire daily``);
3. and 4. the same two with the suffix (``2025-10-14/article.md`` beside
   ``2025-10-14/article.txt``).

A file named on its own counts from its folder.  The ids depend only on
the files' names and places in the tree, never on the order of the walk or
on where the tree lies, so the same tree always gives the same ids (and
the same finding fingerprints).  Files whose names do not collide keep the
plain name.  Ids that still collide (one file named twice) are left
alone: reading reports the later one as a duplicate.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

from factcheck.sources.jsonl import JSONL_SUFFIX
from factcheck.sources.walk import TEXT_SUFFIXES, iter_source_files


def text_files(inputs: Iterable[object]) -> list[tuple[Path, Path]]:
    """(folder named, file) for every text file the paths among ``inputs`` name or hold."""
    found: list[tuple[Path, Path]] = []
    for item in inputs:
        if not isinstance(item, Path):
            continue
        try:
            if item.is_dir():
                found += [(item, f) for f in iter_source_files(item) if f.suffix.lower() in TEXT_SUFFIXES]
            elif item.suffix.lower() != JSONL_SUFFIX:
                found.append((item.parent, item))
        except OSError:
            continue  # reported when the path is read
    return found


def _relative(root: Path, file: Path) -> Path:
    try:
        return file.relative_to(root)
    except ValueError:
        return Path(file.name)


def _root_name(root: Path) -> str:
    return root.name or root.resolve().name


FORMS: tuple[Callable[[Path, Path], str], ...] = (
    lambda root, file: file.stem,
    lambda root, file: _relative(root, file).with_suffix("").as_posix(),
    lambda root, file: f"{_root_name(root)}/{_relative(root, file).with_suffix('').as_posix()}",
    lambda root, file: _relative(root, file).as_posix(),
    lambda root, file: f"{_root_name(root)}/{_relative(root, file).as_posix()}",
)
"""The forms of a file's id, tried in turn while it collides with another file's."""


def file_ids(inputs: Iterable[object]) -> dict[Path, str]:
    """The id of each text file that the paths among ``inputs`` name or hold."""
    files = text_files(inputs)
    ids: dict[Path, str] = {}
    level = {file: 0 for _, file in files}
    roots = {file: root for root, file in files}
    for _ in FORMS:
        ids = {file: FORMS[level[file]](roots[file], file) for file in level}
        counts = Counter(ids.values())
        colliding = [f for f in level if counts[ids[f]] > 1 and level[f] + 1 < len(FORMS)]
        if not colliding:
            break
        for file in colliding:
            level[file] += 1
    return ids
