"""An on-disk cache of extracted claims, so re-checking after a rule change skips the NLP.

Entries are JSON (never pickle: a cache directory may be shared or tampered
with) and keyed by everything extraction depends on: the source text and
metadata, its reference date, the spaCy model name and version, the
extractor code, and the reference name lists (the gazetteer).  Changing any
of them misses the cache; an unreadable entry is a miss, never an error.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import os
import tempfile
from pathlib import Path

from pydantic import ValidationError

from factcheck.claims import SourceClaims
from factcheck.extraction.plugins import extractor_plugins
from factcheck.sources.model import Source
from factcheck.version import __version__

CACHE_FORMAT = 1


CLAIM_CODE = (
    "extraction",
    "names",
    "sources",
    "calendar_words.py",
    "claims.py",
    "errors.py",
    "pattern_cache.py",
    "suggest.py",
    "table_cache.py",
    "timing.py",
    "yaml_positions.py",
)
"""The package's code that shapes claims, as paths in the package: a folder counts with every
module under it.  A test checks that it holds every module the extractors and the NLP
pipeline import, recursively, so no edit that can change a claim leaves the cache stale."""


def claim_code_files() -> list[Path]:
    """The modules named by `CLAIM_CODE`, in a stable order."""
    package = Path(__file__).resolve().parents[1]
    files: list[Path] = []
    for entry in CLAIM_CODE:
        path = package / entry
        files.extend(sorted(path.rglob("*.py")) if path.is_dir() else [path])
    return files


@functools.cache
def extractor_version() -> str:
    """The library version plus a digest of the code that turns text into claims, and its plugins."""
    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256(__version__.encode())
    for path in claim_code_files():
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    for name, version, _ in extractor_plugins()[0]:
        digest.update(f"plugin {name} {version}".encode())
    return f"{__version__}+{digest.hexdigest()[:12]}"


class ClaimCache:
    """Claims per source, in ``directory/<2 hex>/<key>.json``."""

    def __init__(self, directory: Path, model: str, names_signature: str) -> None:
        self.directory = directory
        self._salt = json.dumps([CACHE_FORMAT, model, extractor_version(), names_signature])
        self.hits = 0
        self.misses = 0

    def key(self, source: Source, reference: dt.date | None) -> str:
        material = json.dumps(
            [self._salt, source.id, source.text, source.body_start, source.language, str(reference)],
            ensure_ascii=False,
        )
        return hashlib.sha256(material.encode("utf-8", "surrogatepass")).hexdigest()

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str) -> SourceClaims | None:
        try:
            data = self._path(key).read_bytes()
            claims = SourceClaims.model_validate_json(data)
        except (OSError, ValueError, ValidationError):
            self.misses += 1
            return None
        self.hits += 1
        return claims

    def put(self, key: str, claims: SourceClaims) -> None:
        """Write atomically (temp file + rename) so a crash never leaves half an entry."""
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False, suffix=".tmp") as handle:
                handle.write(claims.model_dump_json().encode("utf-8", "surrogatepass"))
            os.replace(handle.name, path)
        except OSError:
            return  # a read-only or full cache slows the run, it must not fail it
