"""Walking a source folder: the files named like sources, without tool and environment folders.

``factcheck check .`` must read the articles, not a virtualenv's hundreds
of ``.md`` files or ``.pytest_cache/README.md``.  Below the folder the user
names, the walk does not enter hidden folders (``.git``, ``.venv``,
``.tox``, ``.mypy_cache``...), `SKIPPED_FOLDERS` (``__pycache__``,
``node_modules``, ``site-packages``...) or a Python environment of any name
(a folder holding ``pyvenv.cfg`` or ``conda-meta``), and passes over hidden
files.  A folder named on purpose (``factcheck check .venv/notes``) is read
as any other: only what lies below it is filtered.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from factcheck.sources.jsonl import JSONL_SUFFIX

TEXT_SUFFIXES = (".txt", ".md")
SOURCE_SUFFIXES = (*TEXT_SUFFIXES, JSONL_SUFFIX)

SKIPPED_FOLDERS = frozenset({"__pycache__", "node_modules", "site-packages", "dist-packages", "__pypackages__"})
"""Folders of tools and installed packages, never of articles (hidden folders are skipped as well)."""

ENVIRONMENT_MARKERS = ("pyvenv.cfg", "conda-meta")
"""A folder holding one of these is a Python environment (``venv``, ``env``, a conda env), whatever its name."""


def skipped_folder(folder: Path) -> bool:
    """Whether a walk leaves ``folder`` (met below the folder named) out."""
    name = folder.name
    if name.startswith(".") or name in SKIPPED_FOLDERS:
        return True
    return any(os.path.lexists(folder / marker) for marker in ENVIRONMENT_MARKERS)


def iter_source_files(root: Path) -> Iterator[Path]:
    """Entries a directory holds with a source suffix, recursively and in sorted order.

    Everything named like a source is yielded except real directories (which
    the walk enters), so a FIFO, a broken link or a link to a directory is
    reported by `read_path` rather than passed over silently.  Hidden files
    and the folders `skipped_folder` names are left out.  Raises `OSError`
    when ``root`` cannot be listed.
    """
    found: list[Path] = []
    for folder, subfolders, files in _walk(root):
        here = Path(folder)
        entered = []
        for name in subfolders:
            entry = here / name
            if entry.is_symlink():  # never entered: reported as a link to a directory when named like a source
                if not name.startswith(".") and entry.suffix.lower() in SOURCE_SUFFIXES:
                    found.append(entry)
            elif not skipped_folder(entry):
                entered.append(name)
        subfolders[:] = entered
        found += [here / f for f in files if not f.startswith(".") and Path(f).suffix.lower() in SOURCE_SUFFIXES]
    yield from sorted(found)


def _walk(root: Path) -> Iterator[tuple[str, list[str], list[str]]]:
    def fail(error: OSError) -> None:
        if Path(error.filename or "") == root:  # the folder named cannot be listed: say so
            raise error

    yield from os.walk(root, onerror=fail)
