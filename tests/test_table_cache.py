"""Tables built once and kept on disk, keyed by content (issue 19): name lists and compiled patterns, never stale."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.pattern_cache import PATTERN_TABLES, compile_patterns
from factcheck.rulebook.loader import NAME_LIST_TABLES, load_name_list

LIST = """\
about: Two made-up entities for the table cache.
entities:
- id: harbour-board
  canonical: Quillon Harbour Board
  type: ORG
  acronym: QHB
  variants:
    - {form: Quillon Harbor Board, system: American spelling}
- id: mara-velt
  canonical: Mara Velt
  type: PERSON
  roles:
    - {title: Harbour Master, from: 2019-03-01, to: 2023}
"""


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(directory))
    monkeypatch.delenv("FACTCHECK_TABLE_CACHE", raising=False)
    return directory


def _entries(cache_dir: Path) -> list[Path]:
    return sorted((cache_dir / "tables" / NAME_LIST_TABLES).glob("*.json"))


def test_a_name_list_is_read_back_from_the_table_cache(tmp_path: Path, cache_dir: Path) -> None:
    path = tmp_path / "names.yaml"
    path.write_text(LIST, encoding="utf-8")
    first, problems = load_name_list(path)
    assert problems == [] and first is not None
    [entry] = _entries(cache_dir)
    entry.write_text(entry.read_text(encoding="utf-8").replace("Quillon Harbour Board", "Read From The Table"))
    again, _ = load_name_list(path)
    assert again is not None and again.entities[0].canonical == "Read From The Table"  # the entry was read


def test_the_entry_is_the_list_itself(tmp_path: Path, cache_dir: Path) -> None:
    path = tmp_path / "names.yaml"
    path.write_text(LIST, encoding="utf-8")
    parsed, _ = load_name_list(path)
    read_back, _ = load_name_list(path)
    assert parsed == read_back
    assert read_back is not None
    start = read_back.entities[1].roles[0].start
    assert isinstance(start, dt.date) and start == dt.date(2019, 3, 1)


def test_an_edited_list_misses_and_a_damaged_entry_is_read_past(tmp_path: Path, cache_dir: Path) -> None:
    path = tmp_path / "names.yaml"
    path.write_text(LIST, encoding="utf-8")
    load_name_list(path)
    path.write_text(LIST.replace("Mara Velt", "Mara Veldt"), encoding="utf-8")
    edited, _ = load_name_list(path)
    assert edited is not None and edited.entities[1].canonical == "Mara Veldt"
    for entry in _entries(cache_dir):
        entry.write_text("{not json", encoding="utf-8")
    damaged, _ = load_name_list(path)
    assert damaged == edited


def test_a_list_with_problems_is_not_kept(tmp_path: Path, cache_dir: Path) -> None:
    path = tmp_path / "names.yaml"
    path.write_text(LIST.replace("canonical: Mara Velt", "canonical: ''"), encoding="utf-8")
    name_list, problems = load_name_list(path)
    assert name_list is None and problems
    assert _entries(cache_dir) == []


def test_the_table_cache_can_be_turned_off(tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_TABLE_CACHE", "0")
    path = tmp_path / "names.yaml"
    path.write_text(LIST, encoding="utf-8")
    assert load_name_list(path)[0] is not None
    assert _entries(cache_dir) == []


def test_an_unwritable_cache_directory_does_not_fail_the_load(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory", encoding="utf-8")
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(blocker))
    path = tmp_path / "names.yaml"
    path.write_text(LIST, encoding="utf-8")
    assert load_name_list(path)[0] is not None


SPECS = [
    (r"\b(?P<day>[0-3]?\d)\s+(?:of\s+)?(?P<month>Quillmonth|Ardalember|Mar(?:ch)?)\b", 0),
    (r"(?i)\bthe\s+(?:first|second|twenty[\s-]+first)\b", 0),
    (r"(?<![$€£])\b\d{1,3}(?:,\d{3})*\s*(?:boats?|ships?)\b", re.IGNORECASE),
]
TEXTS = ["On 3 Quillmonth and 21 March the first 1,200 Boats left; the Twenty-first, $4 ships.", "", "12 of Ardalember"]


def _behaviour(patterns: list[re.Pattern[str]]) -> list[object]:
    return [
        (p.pattern, p.flags, p.groups, dict(p.groupindex), [(m.span(), m.groupdict()) for t in TEXTS
                                                            for m in p.finditer(t)])
        for p in patterns
    ]


def test_kept_patterns_are_what_re_compile_gives(cache_dir: Path) -> None:
    expected = _behaviour([re.compile(pattern, flags) for pattern, flags in SPECS])
    assert _behaviour(compile_patterns(SPECS)) == expected  # compiled, and kept
    [entry] = (cache_dir / "tables" / PATTERN_TABLES).glob("*.json")
    assert _behaviour(compile_patterns(SPECS)) == expected  # read back
    programs = json.loads(entry.read_text(encoding="utf-8"))
    entry.write_text(json.dumps(programs[:1]), encoding="utf-8")  # one program short: not trusted
    assert _behaviour(compile_patterns(SPECS)) == expected
    programs[0][1] = [999999]  # a program _sre refuses
    entry.write_text(json.dumps(programs), encoding="utf-8")
    assert _behaviour(compile_patterns(SPECS)) == expected


def test_the_date_patterns_are_the_same_text_in_every_process() -> None:
    """The cache is keyed on the patterns' text: built from sets, it must not follow their order."""
    probe = (
        "import hashlib\n"
        "from factcheck.extraction.dates import grammar, lexicon\n"
        "patterns = (*lexicon.CANDIDATE_PATTERNS, *grammar.PATTERNS, *grammar.DAY_PATTERNS)\n"
        "print(hashlib.sha256('|'.join(p.regex.pattern for p in patterns).encode()).hexdigest())\n"
    )
    digests = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=env)
        digests.add(run.stdout)
    assert len(digests) == 1
