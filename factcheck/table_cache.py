"""Tables built once and kept on disk, keyed by their content: name lists, date-pattern guards, programs.

Reading the bundled name lists (YAML with positions) and finding the date
patterns' guards cost a few tenths of a second, more than checking a few
articles.  What they produce depends only on the files' bytes and the code
that reads them, so it is kept in ``<cache dir>/tables/<kind>/<key>.json``
and read back on the next run.

The package ships the entries of the bundled pack whose keys depend on no
library version (`SHIPPED_TABLES`, written by ``make tables``; a test fails
when they fall behind the code or the lists), so even the first run on a
fresh machine reads them instead of building them.  Entries keyed by a
library's version (compiled regular-expression programs) are only ever
built on the machine.

As for the claims cache (`factcheck.extraction.cache`): entries are JSON
(or NumPy ``.npy`` arrays read without pickle, for the language detector's
model: `table_directory`), never pickle (a cache directory may be shared or
tampered with), and each reader validates what it reads; a missing, unreadable or invalid entry is a
miss, a directory that cannot be written slows the run and never fails it.
``$FACTCHECK_CACHE_DIR`` moves the tables with the claims;
``FACTCHECK_TABLE_CACHE=0`` turns them off, the shipped ones included.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

TABLE_FORMAT = 1
OFF_ENV = "FACTCHECK_TABLE_CACHE"

SHIPPED_TABLES = Path(__file__).resolve().with_name("tables")
"""The read-only entries that ship with the package, laid out as a cache directory's ``tables``."""


def default_cache_dir() -> Path:
    """``$FACTCHECK_CACHE_DIR``, else the user cache directory of the platform."""
    configured = os.environ.get("FACTCHECK_CACHE_DIR")
    if configured:
        return Path(configured)
    import platformdirs

    return Path(platformdirs.user_cache_dir("factcheck"))


def content_key(*parts: str | bytes) -> str:
    """A digest of ``parts``, in order, each length-prefixed: the caller names all an entry depends on."""
    digest = hashlib.sha256(f"factcheck tables {TABLE_FORMAT}".encode())
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def _tables() -> Path | None:
    """The machine's ``tables`` directory, or None when the tables are turned off."""
    if os.environ.get(OFF_ENV, "1") == "0":
        return None
    return default_cache_dir() / "tables"


def _path(kind: str, key: str) -> Path | None:
    tables = _tables()
    return None if tables is None else tables / kind / f"{key}.json"


def read_table(kind: str, key: str) -> bytes | None:
    """The entry's bytes from the machine's cache, else from the package's shipped tables; None when neither has it."""
    path = _path(kind, key)
    if path is None:
        return None
    for candidate in (path, SHIPPED_TABLES / kind / path.name):
        try:
            return candidate.read_bytes()
        except OSError:
            continue
    return None


def write_table(kind: str, key: str, data: bytes) -> None:
    """Write atomically (temp file + rename); a failure is ignored."""
    path = _path(kind, key)
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False, suffix=".tmp") as handle:
            handle.write(data)
        os.replace(handle.name, path)
    except OSError:
        return


def table_directory(kind: str, key: str) -> Path | None:
    """The machine's directory for an entry kept as files of its own (arrays to map), or None when tables are off.

    The directory exists only once complete (`write_table_directory`).
    """
    tables = _tables()
    return None if tables is None else tables / kind / key


def write_table_directory(kind: str, key: str, write: Callable[[Path], None]) -> None:
    """Have ``write`` fill a fresh directory, then move it into place whole; a failure is ignored."""
    final = table_directory(kind, key)
    if final is None:
        return
    try:
        final.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=final.parent, suffix=".tmp"))
    except OSError:
        return
    try:
        write(staging)
        os.replace(staging, final)
    except OSError:
        shutil.rmtree(staging, ignore_errors=True)  # written by another process meanwhile, or no room
