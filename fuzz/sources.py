"""Fuzz source loading: bytes as a .txt/.md file, a .jsonl file and a text given directly."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import atheris

sys.path.insert(0, os.path.dirname(__file__))
from _common import run

with atheris.instrument_imports(include=["factcheck"]):
    from factcheck.sources.front_matter import parse_front_matter
    from factcheck.sources.model import Source
    from factcheck.sources.reading import load_sources

TMP = Path(tempfile.mkdtemp(prefix="factcheck-fuzz-sources-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None))
LIMIT = 4096


def check_source(source: Source) -> None:
    assert source.id, source
    assert 0 <= source.body_start <= len(source.text), source
    assert source.text.strip(), "an empty source was accepted"


def target(data: bytes) -> None:
    for name in ("s.txt", "s.md", "s.jsonl"):
        path = TMP / name
        path.write_bytes(data)
        sources, problems = load_sources([path], max_source_bytes=LIMIT)
        for source in sources:
            check_source(source)
        errors = [p for p in problems if p.severity == "error"]  # warnings: parts of a source left out
        if name != "s.jsonl":
            assert len(sources) + len(errors) == 1, (sources, problems)
        for problem in problems:
            assert problem.path == str(path) and problem.cause, problem
    text = data.decode("utf-8", "surrogateescape")
    front, body_start = parse_front_matter(text)
    assert 0 <= body_start <= len(text) and isinstance(front, dict)
    for given in (text + "\n", text.strip()[:0]):  # a text, and the empty string
        sources, problems = load_sources(texts=[given])
        assert len(sources) + len([p for p in problems if p.severity == "error"]) == 1, (given, sources, problems)
        for source in sources:
            check_source(source)


if __name__ == "__main__":
    run(target, "sources")
