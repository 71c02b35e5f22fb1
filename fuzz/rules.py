"""Fuzz rule loading: YAML text as a rule file, a name list and a message template."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path

import atheris

sys.path.insert(0, os.path.dirname(__file__))
from _common import run

with atheris.instrument_imports(include=["factcheck"]):
    from factcheck.checks.messages import render_message, template_fields
    from factcheck.checks.patterns import compile_pattern
    from factcheck.rulebook.loader import load_name_list, load_rule_file
    from factcheck.yaml_positions import YamlLoadError, load_yaml_text

TMP = Path(tempfile.mkdtemp(prefix="factcheck-fuzz-rules-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None))


def target(data: bytes) -> None:
    path = TMP / "rules.yaml"
    path.write_bytes(data)
    loaded, problems = load_rule_file(path)
    for problem in problems:
        assert problem.message and problem.path == str(path), problem
    for item in loaded:
        assert item.rule.id
    load_name_list(path)
    text = data.decode("utf-8", "replace")
    try:
        load_yaml_text(text)
    except YamlLoadError as exc:
        assert str(exc)
    try:
        fields = template_fields(text)
    except ValueError:
        fields = None
    if fields is not None:
        # A template that loads must render, for numbers and text alike, and stay short.
        for value in (1, "text"):
            rendered = render_message(text, dict.fromkeys(fields, value))
            assert len(rendered) <= len(text) + 1_000 * (len(fields) + 1)
    with contextlib.suppress(ValueError):
        compile_pattern(text[:300])


if __name__ == "__main__":
    run(target, "rules")
