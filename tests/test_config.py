"""Configuration files, ignore lists and baselines, through the CLI and the API."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import factcheck
from factcheck.cli import main
from factcheck.errors import FactcheckError
from factcheck.rulebook.config import Config, find_config, load_config

CONFLICT = {
    "a.txt": "At least 40 people were killed in the blast. Leaders of nato met.\n",
    "b.txt": "Officials said 12 people were killed in the blast.\n",
}


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in CONFLICT.items():
        (corpus / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run_json(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, dict]:  # type: ignore[type-arg]
    status = main([*args, "--format", "json", "--reference-date", "2025-03-10", "--no-cache"])
    return status, json.loads(capsys.readouterr().out)


def test_config_is_found_in_pyproject_and_overrides_rules(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "pyproject.toml").write_text(
        '[tool.factcheck]\ndisable = ["names.casing"]\nfail-on = "error"\n\n'
        '[tool.factcheck.severity]\n"quantities.conflict" = "info"\n',
        encoding="utf-8",
    )
    assert find_config(project / "corpus") == project / "pyproject.toml"
    status, report = run_json(["check", "corpus"], capsys)
    categories = {(f["category"], f["severity"]) for f in report["findings"]}
    assert ("quantity-conflict", "info") in categories
    assert not any(c == "name-casing" for c, _ in categories)
    assert status == 0  # fail-on error from the file, and nothing is an error now


def test_command_line_overrides_the_file(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "factcheck.toml").write_text('fail-on = "error"\n', encoding="utf-8")
    status, _ = run_json(["check", "corpus", "--fail-on", "warning"], capsys)
    assert status == 1


def test_params_and_source_defaults(project: Path) -> None:
    config = Config.model_validate(
        {"params": {"quantities.conflict": {"error_gap": 0.95}}, "sources": {"language": "en-GB"}}
    )
    report = factcheck.check(["corpus"], reference_date="2025-03-10", config=config)
    conflict = [f for f in report.findings if f.category == "quantity-conflict"]
    assert conflict and conflict[0].severity == "warning"  # the 70% gap is below the raised error_gap


def test_ignore_entries_keep_their_reason(project: Path) -> None:
    config = Config.model_validate({"ignore": [{"rule": "names.casing", "sources": "a", "reason": "house style of a"}]})
    report = factcheck.check(["corpus"], reference_date="2025-03-10", config=config)
    assert not any(f.category == "name-casing" for f in report.findings)
    assert [(s.rule, s.reason) for s in report.suppressed] == [("names.casing", "house style of a")]
    assert report.summary.suppressed == 1


def test_bad_configuration_names_file_and_key(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "factcheck.toml").write_text('disabel = ["x"]\n', encoding="utf-8")
    with pytest.raises(FactcheckError, match=r"factcheck.toml: disabel: unknown key"):
        load_config(project / "factcheck.toml")
    assert main(["check", "corpus"]) == 2
    assert "disabel: unknown key" in capsys.readouterr().err


def test_override_of_an_unknown_rule_is_a_problem(project: Path) -> None:
    report = factcheck.check(["corpus"], config=Config.model_validate({"disable": ["no.such.rule"]}))
    assert any("unknown rule 'no.such.rule'" in p.message for p in report.problems)


def test_baseline_reports_only_new_findings(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["check", "corpus", "--no-cache", "--reference-date", "2025-03-10", "--write-baseline", "base.json"]) == 0
    )
    capsys.readouterr()
    recorded = json.loads((project / "base.json").read_text(encoding="utf-8"))
    assert recorded["version"] == 1 and recorded["findings"]
    status, report = run_json(["check", "corpus", "--baseline", "base.json"], capsys)
    assert status == 0 and report["findings"] == []
    assert report["summary"]["suppressed"] == len(recorded["findings"])
    (project / "corpus" / "c.txt").write_text("Chancellor Olaf Scholzsaid the plan was sound.\n", encoding="utf-8")
    status, report = run_json(["check", "corpus", "--baseline", "base.json"], capsys)
    assert status == 1 and [f["category"] for f in report["findings"]] == ["name-glued"]


def test_broken_baseline_is_a_usage_error(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "bad.json").write_text("{}", encoding="utf-8")
    assert main(["check", "corpus", "--baseline", "bad.json"]) == 2
    assert "not a factcheck baseline" in capsys.readouterr().err


def test_rules_list_shows_configured_severity_and_switches(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "factcheck.toml").write_text(
        'disable = ["names.variant"]\n[severity]\n"dates.format" = "error"\n', encoding="utf-8"
    )
    assert main(["rules", "list"]) == 0
    lines = {line.split()[0]: line for line in capsys.readouterr().out.splitlines()}
    assert "(disabled)" in lines["names.variant"]
    assert lines["dates.format"].split()[2] == "error"


def test_the_configuration_takes_a_baseline_beside_it(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / "factcheck.toml").write_text('baseline = "base.json"\n', encoding="utf-8")
    # Writing the baseline ignores the configured one (it does not exist yet, and must not filter what is recorded).
    args = ["check", "corpus", "--no-cache", "--reference-date", "2025-03-10", "--write-baseline", "base.json"]
    assert main(args) == 0
    capsys.readouterr()
    recorded = json.loads((project / "base.json").read_text(encoding="utf-8"))["findings"]
    assert recorded
    status, report = run_json(["check", "corpus"], capsys)
    assert status == 0 and report["findings"] == []
    assert report["summary"]["suppressed"] == len(recorded)
    # Run from another directory: the path is relative to the file, not to the working directory.
    monkeypatch.chdir(project / "corpus")
    status, report = run_json(["check", "."], capsys)
    assert status == 0 and report["summary"]["suppressed"] == len(recorded)


def test_an_unknown_key_lists_the_keys_the_file_takes(project: Path) -> None:
    path = project / "factcheck.toml"
    path.write_text('basline = "base.json"\n', encoding="utf-8")
    with pytest.raises(FactcheckError) as caught:
        load_config(path)
    message = str(caught.value)
    assert "basline: unknown key (did you mean 'baseline'?)" in message
    listed = message.split("valid keys: ")[1].split(", ")
    assert "fail-on" in listed and "reference-date" in listed and "extra-rules" in listed and "baseline" in listed
    assert "fail_on" not in listed and "path" not in listed
    # Every key the message lists is taken.
    values = {"rules": [], "extra-rules": [], "model": "m", "reference-date": "2025-01-01", "fail-on": "error",
              "format": "json", "jobs": 1, "cache": False, "clusters": True, "baseline": "b.json", "disable": [],
              "enable": [], "severity": {}, "params": {}, "sources": {}, "ignore": [],
              "references": [], "max-source-bytes": 0}
    assert sorted(listed) == sorted(values)
    for key, value in values.items():
        Config.model_validate({key: value})
    with pytest.raises(ValueError, match="path"):
        Config.model_validate({"path": "elsewhere.toml"})


def test_an_unknown_key_in_a_table_lists_that_tables_keys(project: Path) -> None:
    path = project / "factcheck.toml"
    path.write_text('[sources]\nlang = "en"\n\n[[ignore]]\nrul = "x"\nreason = "r"\n', encoding="utf-8")
    with pytest.raises(FactcheckError) as caught:
        load_config(path)
    message = str(caught.value)
    assert "sources.lang: unknown key (did you mean 'language'?); valid keys: language, outlet" in message
    assert "ignore.0.rul: unknown key (did you mean 'rule'?); valid keys: reason, fingerprint, rule, sources" in message
