"""Shared fixtures: the real spaCy pipeline and a checked run of the seeds, built once."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

import factcheck
from factcheck.extraction.nlp import load_pipeline
from factcheck.report import Report

REPO = Path(__file__).resolve().parents[1]


def pytest_configure(config: pytest.Config) -> None:
    """Keep the CLI's claims cache out of the user's cache directory during tests."""
    import os
    import tempfile

    os.environ.setdefault("FACTCHECK_CACHE_DIR", tempfile.mkdtemp(prefix="factcheck-test-cache-"))
SEEDS = REPO / "seeds"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_pipeline()


@pytest.fixture(scope="session")
def seeds_report() -> Report:
    return factcheck.check([SEEDS])


@pytest.fixture()
def write(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Write a file under tmp_path (text or bytes) and return its path."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write
