"""Which rule packs a run uses: ``--rules`` replaces the bundled pack and says so, ``--extra-rules``
and ``extra-rules`` in the configuration add to it, and a directory that is no pack is a problem.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.rulebook.loader import load_rule_packs
from factcheck.rulebook.packs import BUNDLED_PACK, bundled_rules_dir
from factcheck.yaml_positions import load_yaml_file

OWN_RULES = """rules:
  - id: own.weekday
    check: date-weekday
    category: date-weekday
    severity: warning
    message: "{text}: {date} is a {actual}"
  - id: own.format
    check: date-format
    category: date-format
    severity: info
    message: "{text}: {detail}"
"""

TEXTS = {
    "first.txt": "The harbour ferry sank on Monday, 3 March 2025, near the pier.\n",
    "second.txt": "The harbour ferry sank on Tuesday, 3 March 2025, near the pier.\n",
}


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name, text in TEXTS.items():
        (tmp_path / "corpus" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "corpus" / name).write_text(text, encoding="utf-8")
    own = tmp_path / "own-rules"
    own.mkdir()
    (own / "dates.yaml").write_text(OWN_RULES, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def summary_line(out: str) -> str:
    return out.strip().splitlines()[-1]


def rule_ids(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[set[str], dict]:  # type: ignore[type-arg]
    main(["check", "corpus", "--no-cache", "--format", "json", *args])
    report = json.loads(capsys.readouterr().out)
    return {r["id"] for r in report["rules"]}, report["summary"]


def test_the_bundled_pack_is_named_as_the_constant_says() -> None:
    assert load_yaml_file(bundled_rules_dir() / "pack.yaml").data["name"] == BUNDLED_PACK


def test_rules_replacing_the_bundled_pack_is_said_in_the_summary(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "corpus", "--no-cache", "--no-config", "--rules", "own-rules"]) == 1
    line = summary_line(capsys.readouterr().out)
    assert "2 rule(s) from own-rules, not the bundled pack (--rules replaces it, --extra-rules adds to it)" in line
    main(["check", "corpus", "--no-cache", "--no-config"])
    line = summary_line(capsys.readouterr().out)
    assert "not the bundled pack" not in line and " from " not in line


def test_extra_rules_add_to_the_bundled_pack(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bundled, summary = rule_ids(["--no-config"], capsys)
    assert summary["rule_packs"] == [BUNDLED_PACK]
    both, summary = rule_ids(["--no-config", "--extra-rules", "own-rules"], capsys)
    assert both == bundled | {"own.weekday", "own.format"}
    assert summary["rule_packs"] == [BUNDLED_PACK, "own-rules"]
    main(["check", "corpus", "--no-cache", "--no-config", "--extra-rules", "own-rules"])
    assert f"from {BUNDLED_PACK}, own-rules;" in summary_line(capsys.readouterr().out)
    only_own, _ = rule_ids(["--no-config", "--rules", "own-rules"], capsys)
    assert only_own == {"own.weekday", "own.format"}


def test_extra_rules_in_the_configuration(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "factcheck.toml").write_text('extra-rules = ["own-rules"]\n', encoding="utf-8")
    both, _ = rule_ids([], capsys)
    assert {"own.weekday", "dates.weekday"} <= both
    assert main(["rules", "list"]) == 0
    listed = {line.split()[0] for line in capsys.readouterr().out.splitlines()}
    assert {"own.weekday", "dates.weekday"} <= listed


def test_the_same_pack_twice_is_loaded_once(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ids, summary = rule_ids(["--no-config", "--extra-rules", str(bundled_rules_dir())], capsys)
    assert "dates.weekday" in ids
    assert summary["rule_packs"] == [BUNDLED_PACK] and summary["rule_files_failed"] == 0


def test_the_working_directory_as_a_pack_without_manifest(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(project / "own-rules")
    ruleset = load_rule_packs(["."])
    assert ruleset.problems == []
    assert [p.name for p in ruleset.packs] == ["own-rules"]
    assert [r.rule.id for r in ruleset.rules] == ["own.weekday", "own.format"]
    assert main(["check", "../corpus", "--no-cache", "--no-config", "--rules", "."]) == 1
    assert "2 rule(s) from own-rules" in summary_line(capsys.readouterr().out)
    assert main(["rules", "test", "."]) == 1  # runs (the rules have no examples), no traceback
    assert "FAIL own.weekday" in capsys.readouterr().out


def test_a_directory_that_is_no_pack_is_a_problem_and_exit_two(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = project / "notes"
    empty.mkdir()
    (empty / "readme.txt").write_text("Not rules.\n", encoding="utf-8")
    monkeypatch.chdir(empty)
    ruleset = load_rule_packs(["."])
    (problem,) = ruleset.problems
    assert problem.kind == "rule" and problem.path == "."
    assert f"not a rule pack ({empty.resolve()})" in problem.message and "pack.yaml" in problem.message
    assert ruleset.packs == [] and ruleset.rule_files_failed == 1
    assert main(["check", "../corpus", "--no-cache", "--no-config", "--rules", "."]) == 2
    assert "not a rule pack" in capsys.readouterr().err
    assert main(["rules", "test", "."]) == 2
    assert "not a rule pack" in capsys.readouterr().out
