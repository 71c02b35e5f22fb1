"""The command line: formats, exit statuses, and errors that leave the run going."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.cli import main

CONFLICT = (
    "At least 40 people were killed in the blast.\n",
    "Officials said 12 people were killed in the blast.\n",
)


@pytest.fixture()
def cluster(tmp_path: Path) -> Path:
    for i, text in enumerate(CONFLICT):
        (tmp_path / f"src{i}.txt").write_text(text, encoding="utf-8")
    return tmp_path


def test_json_report_follows_the_contract(cluster: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["check", str(cluster), "--format", "json", "--reference-date", "2025-03-10"])
    report = json.loads(capsys.readouterr().out)
    assert status == 1
    assert {s["id"] for s in report["sources"]} == {"src0", "src1"}
    finding = report["findings"][0]
    assert {"rule", "category", "severity", "message", "evidence", "suggestion"} <= set(finding)
    for evidence in finding["evidence"]:
        text = (cluster / f"{evidence['source']}.txt").read_text(encoding="utf-8")
        assert text[evidence["start"] : evidence["end"]] == evidence["text"]
    assert report["sources"][0]["reference_date_origin"] == "argument"


@pytest.mark.parametrize(("fail_on", "status"), [("info", 1), ("warning", 1), ("error", 1)])
def test_fail_on_levels(cluster: Path, fail_on: str, status: int, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(cluster), "--fail-on", fail_on]) == status


def test_no_findings_exit_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text("The weather was mild.", encoding="utf-8")
    assert main(["check", str(tmp_path)]) == 0
    assert "1 source(s) checked" in capsys.readouterr().out


def test_claims_jsonl(cluster: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["claims", str(cluster), "--format", "jsonl"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    quantities = [c for c in lines if c["kind"] == "quantity"]
    assert {(c["qualifier"], c["low"]) for c in quantities} >= {("at_least", 40), ("exact", 12)}
    assert all({"source", "start", "end", "text"} <= set(c) for c in lines)


def test_bad_source_and_bad_rule_still_report(
    cluster: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (cluster / "broken.txt").write_bytes(b"\xff\xfe bad bytes")
    (cluster / "empty.txt").write_text("", encoding="utf-8")
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "good.yaml").write_text(
        "rules:\n  - id: q\n    check: quantity-conflict\n    category: quantity-conflict\n"
        "    severity: warning\n    message: '{first} vs {second}'\n",
        encoding="utf-8",
    )
    (pack / "bad.yaml").write_text("rules:\n  - id: broken\n    chek: name-casing\n", encoding="utf-8")
    status = main(["check", str(cluster), "--rules", str(pack), "--format", "json"])
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert status == 2  # the broken rule file is a configuration error CI must see
    assert report["findings"] and report["findings"][0]["rule"] == "q"
    assert "broken.txt: not valid UTF-8" in captured.err and "byte offset 0" in captured.err
    assert "empty.txt: empty source" in captured.err
    assert "bad.yaml:3:5: unknown key 'chek'" in captured.err


def test_usage_errors_exit_two(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["check"])
    assert exc.value.code == 2
    assert main(["check", str(tmp_path / "missing.txt")]) == 2
    with pytest.raises(SystemExit):
        main(["check", str(tmp_path), "--reference-date", "yesterday"])


def test_rules_list(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "list"]) == 0
    out = capsys.readouterr().out
    assert "names.spelling" in out and "quantity-conflict" in out


def test_installed_entry_point(cluster: Path) -> None:
    exe = Path(sys.executable).with_name("factcheck")
    done = subprocess.run([str(exe), "check", str(cluster)], capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 1, done.stderr
    assert "quantity-conflict" in done.stdout and "Classifier" not in done.stderr


def test_a_source_that_cannot_be_read_makes_the_exit_status_two(
    cluster: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (cluster / "broken.txt").write_bytes(b"\xff\xfe bad bytes")
    assert main(["check", str(cluster), "--no-cache"]) == 2
    assert main(["check", str(cluster), "--no-cache", "--allow-failed-sources"]) == 1
    assert "1 failed" in capsys.readouterr().out


def test_a_skipped_duplicate_source_makes_the_exit_status_two(
    cluster: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    feed = cluster / "zz-later.jsonl"  # read after src0.txt, so the line is the one skipped
    feed.write_text('{"id": "src0", "text": "A duplicate id in a feed."}\n', encoding="utf-8")
    assert main(["check", str(cluster), "--no-cache"]) == 2
    assert "duplicate source id 'src0'" in capsys.readouterr().err
    assert main(["check", str(cluster), "--no-cache", "--allow-failed-sources"]) == 1


# --- issue 17: the front door --------------------------------------------------------------------


def test_a_path_that_names_nothing_exits_two_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``factcheck check articels`` (a typo) checked the word as a text and exited 0."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text("The weather was mild.\n", encoding="utf-8")
    assert main(["check", "articels", "--no-cache"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "factcheck: error: articels: no such file or directory\n"


def test_same_file_name_in_two_folders_is_no_duplicate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    for day, text in (("2025-10-14", "The river rose all night."), ("2025-10-15", "The river fell by morning.")):
        (tmp_path / day).mkdir()
        (tmp_path / day / "article.txt").write_text(text + "\n", encoding="utf-8")
    assert main(["check", ".", "--no-cache", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [s["id"] for s in report["sources"]] == ["2025-10-14/article", "2025-10-15/article"]
    assert report["problems"] == []


def test_check_dot_leaves_tool_folders_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "story.txt").write_text("The weather was mild.\n", encoding="utf-8")
    (tmp_path / ".pytest_cache").mkdir()
    (tmp_path / ".pytest_cache" / "README.md").write_text("# pytest cache directory #\n", encoding="utf-8")
    assert main(["check", ".", "--no-cache", "--format", "json"]) == 0
    assert [s["id"] for s in json.loads(capsys.readouterr().out)["sources"]] == ["story"]


def test_front_matter_warning_is_printed_and_the_source_still_counts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "flood.md"
    path.write_text("---\ntitle: Floods: 23 dead\npublished: 2025-10-14\n---\nThe river rose.\n", encoding="utf-8")
    assert main(["check", str(path), "--no-cache"]) == 0
    captured = capsys.readouterr()
    assert f"factcheck: source warning: {path}:2: front matter is not valid YAML" in captured.err
    assert "1 source(s) checked, 0 failed" in captured.out


def test_a_copy_is_named_in_the_summary_and_does_not_fail_the_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = "The weather was mild on the coast today, and the ferries ran on time for the first day this month"
    (tmp_path / "wire.txt").write_text(f"{story}. Forecasters expect rain by the weekend.\n", encoding="utf-8")
    copy = f"{story.upper()}!\n\nForecasters  expect rain by the weekend.\n"
    (tmp_path / "daily.txt").write_text(copy, encoding="utf-8")
    assert main(["check", str(tmp_path), "--no-cache"]) == 0
    captured = capsys.readouterr()
    assert "source note: " in captured.err and "'wire' is the same text" in captured.err and "'daily'" in captured.err
    assert "1 source(s) checked, 0 failed, 1 duplicate(s) counted once" in captured.out


def test_the_cli_names_every_output_format_and_severity() -> None:
    """The CLI lists formats and severities without importing them (start-up): the lists must not drift."""
    from factcheck import cli
    from factcheck.output import FORMATS
    from factcheck.report import SEVERITIES

    assert tuple(sorted(FORMATS)) == cli.FORMAT_NAMES
    assert cli.SEVERITY_NAMES == SEVERITIES
