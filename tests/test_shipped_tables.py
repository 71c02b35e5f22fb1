"""The table entries that ship with the package (issue 19): current, read on a fresh machine, never trusted blindly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import factcheck.table_cache as tables
from factcheck.extraction.dates.guards import GUARD_TABLES
from factcheck.rulebook.loader import NAME_LIST_TABLES, load_name_list
from factcheck.rulebook.packs import bundled_rules_dir

ROOT = Path(__file__).resolve().parents[1]
PEOPLE = bundled_rules_dir() / "names" / "people.yaml"


def test_the_shipped_entries_are_what_the_code_builds_now() -> None:
    """Fails after a change to the bundled lists, the date patterns or the code reading them: run `make tables`."""
    script = ROOT / "scripts" / "ship_tables.py"
    run = subprocess.run([sys.executable, str(script), "--check"], check=False, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_the_shipped_kinds_are_the_version_free_ones() -> None:
    shipped = {p.name for p in tables.SHIPPED_TABLES.iterdir() if p.is_dir()}
    assert shipped == {NAME_LIST_TABLES, GUARD_TABLES}


def test_a_fresh_machine_reads_the_shipped_entries_and_builds_the_rest(tmp_path: Path) -> None:
    """Over an empty cache directory the bundled pack and the date patterns build nothing shipped."""
    probe = (
        "from factcheck.rulebook.compiled import load_rules_and_names\n"
        "import factcheck.extraction.dates.extract\n"
        "load_rules_and_names(None)\n"
    )
    env = {**os.environ, "FACTCHECK_CACHE_DIR": str(tmp_path), "FACTCHECK_TABLE_CACHE": "1"}
    subprocess.run([sys.executable, "-c", probe], check=True, env=env)
    built = {p.name for p in (tmp_path / "tables").iterdir()}
    assert NAME_LIST_TABLES not in built and GUARD_TABLES not in built
    assert "patterns" in built  # compiled programs name Python's version: built on the machine


@pytest.fixture
def shipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty machine cache and a copy of the shipped tables to tamper with."""
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("FACTCHECK_TABLE_CACHE", raising=False)
    directory = tmp_path / "shipped"
    for entry in tables.SHIPPED_TABLES.glob("*/*.json"):
        (directory / entry.parent.name).mkdir(parents=True, exist_ok=True)
        (directory / entry.parent.name / entry.name).write_bytes(entry.read_bytes())
    monkeypatch.setattr(tables, "SHIPPED_TABLES", directory)
    return directory


def test_a_shipped_name_list_is_read_as_shipped(shipped: Path) -> None:
    [entry] = [p for p in (shipped / NAME_LIST_TABLES).glob("*.json") if b"vladimir-putin" in p.read_bytes()]
    entry.write_bytes(entry.read_bytes().replace(b'"Vladimir Putin"', b'"Read From The Shipped Table"'))
    people, problems = load_name_list(PEOPLE)
    assert problems == [] and people is not None
    assert "Read From The Shipped Table" in {e.canonical for e in people.entities}


def test_a_damaged_shipped_entry_is_read_past(shipped: Path) -> None:
    expected, _ = load_name_list(PEOPLE)
    for entry in (shipped / NAME_LIST_TABLES).glob("*.json"):
        entry.write_bytes(b"{damaged")
    people, problems = load_name_list(PEOPLE)
    assert problems == [] and people == expected


def test_turning_the_tables_off_turns_off_the_shipped_ones(shipped: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    entry = sorted((shipped / GUARD_TABLES).glob("*.json"))[0]
    kind, key = GUARD_TABLES, entry.stem
    assert tables.read_table(kind, key) == entry.read_bytes()
    monkeypatch.setenv("FACTCHECK_TABLE_CACHE", "0")
    assert tables.read_table(kind, key) is None
