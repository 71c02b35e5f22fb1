"""Reading a source file safely: regular files only, a size limit, strict UTF-8.

A source larger than the configured limit (`max_source_bytes`, default
10 MB, environment variable ``FACTCHECK_MAX_SOURCE_BYTES``) is refused
before it is read into memory.  Only regular files are read: a FIFO,
socket or device named like a source is reported, never opened for a
blocking read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from factcheck.errors import FactcheckError

DEFAULT_MAX_SOURCE_BYTES = 10_000_000
"""Largest source read, in bytes of UTF-8 (a text file, or one ``.jsonl`` line)."""


MAX_SOURCE_BYTES_ENV = "FACTCHECK_MAX_SOURCE_BYTES"


READ_CHUNK = 1 << 20


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


def too_large(size: int, limit: int, what: str = "file") -> str:
    return (
        f"{what} is {size:,} bytes, over the {limit:,}-byte limit for a source; raise it with "
        f"--max-source-bytes, max-source-bytes in the configuration or {MAX_SOURCE_BYTES_ENV} (0 for no limit)"
    )


def open_regular(path: Path) -> int:
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
    fd = open_regular(path)
    with os.fdopen(fd, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if limit is not None and size > limit:
            raise ValueError(too_large(size, limit))
        if limit is None:
            data = handle.read()
        else:  # read(n) allocates n bytes up front: ask for what stat promised
            data = handle.read(min(size, limit) + 1)
            if size < len(data) <= limit:  # the file grew since the stat
                data += handle.read(limit + 1 - len(data))
    if limit is not None and len(data) > limit:
        raise ValueError(too_large(len(data), limit, "file grew while read and"))
    return data
