"""Rule self-tests: examples as tests, the `rules test` command and the pytest plugin."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.report import Evidence, Finding, Report
from factcheck.rule_tests import compare, coverage_problems, run_rule_tests
from factcheck.rulebook.loader import load_rule_packs
from factcheck.rulebook.model import RuleExample
from factcheck.rulebook.packs import bundled_rules_dir

pytest_plugins = ["pytester"]

CASING = """rules:
  - id: my.casing
    check: name-casing
    category: name-casing
    severity: error
    message: "{text} -> {suggestion}"
    examples:
      - name: lowercase acronym
        sources:
          - {id: a, text: "Leaders of nato met.", published: 2025-03-01}
          - {id: b, text: "NATO leaders met."}
        expect:
          - {source: a, text: nato, severity: error}
        forbid:
          - {source: b, text: NATO}
"""

NEGATIVE = """      - name: upper case passes
        sources:
          - {id: a, text: "NATO leaders met."}
          - {id: b, text: "The NATO summit opened."}
        forbid:
          - {source: a}
          - {source: b}
"""

WRONG = """      - name: wrong expectation
        sources:
          - {id: a, text: "Leaders of nato met."}
          - {id: b, text: "NATO leaders met."}
        expect:
          - {source: b, text: NATO}
        forbid:
          - {source: a, text: nato}
"""


def make_pack(root: Path, files: dict[str, str]) -> Path:
    pack = root / "pack"
    pack.mkdir(parents=True, exist_ok=True)
    if not (pack / "names").exists():
        shutil.copytree(bundled_rules_dir() / "names", pack / "names")
    for name, text in files.items():
        (pack / name).write_text(text, encoding="utf-8")
    return pack


def finding(source: str, text: str, severity: str = "warning") -> Finding:
    return Finding(
        rule="r",
        category="name-casing",
        severity=severity,
        message="m",
        evidence=[Evidence(source=source, start=0, end=len(text), text=text)],
    )


def test_compare_renders_missing_and_forbidden_as_a_diff() -> None:
    example = RuleExample.model_validate(
        {
            "name": "n",
            "sources": [{"id": "a", "text": "x"}, {"id": "b", "text": "y"}],
            "expect": [{"source": "a", "text": "nato"}, {"source": "b", "text": "Nato", "severity": "error"}],
            "forbid": [{"source": "a", "text": "NATO"}],
        }
    )
    actual, missing, forbidden, diff = compare(
        "r", "name-casing", example, [finding("a", "the nato"), finding("a", "NATO"), finding("b", "Nato")]
    )
    assert actual == [
        "a: “NATO” [name-casing/warning]",
        "a: “the nato” [name-casing/warning]",
        "b: “Nato” [name-casing/warning]",
    ]
    assert missing == ["b: “Nato” [name-casing/error]"]
    assert forbidden == ["a: “NATO” [name-casing/warning] (forbid: a: “NATO” [name-casing])"]
    assert diff.splitlines() == [
        "--- expected (r: n)",
        "+++ actual",
        "@@ -1,3 +1,3 @@",
        "+a: “NATO” [name-casing/warning]",
        " a: “the nato” [name-casing/warning]",
        "-b: “Nato” [name-casing/error]",
        " b: “Nato” [name-casing/warning]",
    ]


TYPO = CASING.replace("my.casing", "my.typo").replace("severity: error", "severty: error", 1)


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One pack for the module (a new pack compiles its name index once)."""
    return make_pack(
        tmp_path_factory.mktemp("rules"),
        {
            "casing.yaml": CASING + NEGATIVE,
            "wrong.yaml": CASING.replace("my.casing", "my.wrong") + NEGATIVE + WRONG,
            "positive-only.yaml": CASING.replace("my.casing", "my.positive-only"),
            "typo.yaml": TYPO,
        },
    )


def test_passing_examples(pack: Path) -> None:
    run = run_rule_tests([pack / "casing.yaml"])
    assert run.exit_code == 0, run.render()
    (outcome,) = run.rules
    assert [e.passed for e in outcome.examples] == [True, True]
    assert [e.line for e in outcome.examples] == [8, 16]
    assert "PASS my.casing (2 examples)" in run.render()


def test_failing_example_reports_a_diff(pack: Path) -> None:
    run = run_rule_tests([pack / "wrong.yaml"])
    assert run.exit_code == 1
    text = run.render()
    assert "FAIL my.wrong (3 examples)" in text
    assert f"{pack / 'wrong.yaml'}:23: rule 'my.wrong', example 'wrong expectation' failed" in text
    assert "--- expected (my.wrong: wrong expectation)" in text
    assert "-b: “NATO” [name-casing]" in text
    assert "+a: “nato” [name-casing/error]" in text
    assert "missing (expect): b: “NATO” [name-casing]" in text


def test_rule_without_a_negative_example_is_reported(pack: Path) -> None:
    (rule,) = [r for r in load_rule_packs([pack]).rules if r.rule.id == "my.positive-only"]
    assert coverage_problems(rule) == ["no negative example (one with only `forbid`)"]
    run = run_rule_tests([pack / "positive-only.yaml"])
    assert run.exit_code == 1
    assert "no negative example" in run.render()
    lenient = run_rule_tests([pack / "positive-only.yaml"], require_examples=False)
    assert lenient.exit_code == 0 and "warning: no negative example" in lenient.render()


def test_every_bundled_rule_has_positive_and_negative_examples() -> None:
    ruleset = load_rule_packs([bundled_rules_dir()])
    assert ruleset.rules
    for item in ruleset.rules:
        assert coverage_problems(item) == [], item.rule.id
        assert all(len(e.sources) >= 2 for e in item.rule.examples), item.rule.id


def test_cli_rules_test_bundled_pack_passes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "test", str(bundled_rules_dir())]) == 0
    out = capsys.readouterr().out
    assert "0 failed; 0 rule(s) failing" in out
    assert "FAIL" not in out


def test_cli_typo_names_position_and_valid_keys_and_still_runs_others(
    pack: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["rules", "test", str(pack)]) == 2
    out = capsys.readouterr().out
    assert (
        f"{pack / 'typo.yaml'}:5:5: unknown key 'severty' (did you mean 'severity'?); valid keys: id, check," in out
    )
    assert "PASS my.casing (2 examples)" in out
    assert "FAIL my.wrong (3 examples)" in out


def test_cli_exit_statuses(pack: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "test", str(pack / "casing.yaml")]) == 0
    assert "my.wrong" not in capsys.readouterr().out
    assert main(["rules", "test", str(pack / "wrong.yaml"), "--allow-missing-examples"]) == 1
    assert main(["rules", "test", str(pack / "typo.yaml")]) == 2
    assert main(["rules", "test", str(tmp_path / "missing")]) == 2


def test_factcheck_cluster_fixture(factcheck_cluster) -> None:  # type: ignore[no-untyped-def]
    report = factcheck_cluster({"a": "Leaders of nato met.", "b": "NATO leaders met."})
    assert isinstance(report, Report)
    assert [(f.rule, f.evidence[0].source) for f in report.findings] == [("names.casing", "a")]
    listed = factcheck_cluster(["---\npublished: 2025-03-01\n---\nNATO met.", "Nato met."], include_claims=False)
    assert [s.id for s in listed.sources] == ["s1", "s2"]
    assert str(listed.sources[0].published) == "2025-03-01"


def test_pytest_plugin_collects_and_runs_examples(pytester: pytest.Pytester) -> None:
    make_pack(pytester.path / "myrules", {"casing.yaml": CASING + NEGATIVE + WRONG, "pack.yaml": "name: mine\n"})
    (pytester.path / "myrules" / "pack" / "typo.yaml").write_text(TYPO, encoding="utf-8")
    pytester.makeini("[pytest]\nfactcheck_rule_dirs = myrules\n")
    pytester.makepyfile(
        test_mine="""
def test_cluster(factcheck_cluster):
    report = factcheck_cluster({"a": "Leaders of nato met.", "b": "NATO leaders met."})
    assert [f.rule for f in report.findings] == ["names.casing"]
"""
    )
    collected = pytester.runpytest("--collect-only", "-q", "-p", "no:cacheprovider")
    collected.stdout.fnmatch_lines(
        [
            "myrules/pack/casing.yaml::my.casing::lowercase acronym",
            "myrules/pack/casing.yaml::my.casing::upper case passes",
            "myrules/pack/casing.yaml::my.casing::wrong expectation",
            "myrules/pack/casing.yaml::my.casing::examples",
            "myrules/pack/typo.yaml::load",
            "test_mine.py::test_cluster",
        ]
    )
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=4, failed=2)
    out = result.stdout.str()
    assert "rule 'my.casing', example 'wrong expectation' failed" in out
    assert "  -b: “NATO” [name-casing]\n  +a: “nato” [name-casing/error]" in out
    assert "typo.yaml:5:5: unknown key 'severty' (did you mean 'severity'?); valid keys:" in out


def test_pytest_plugin_ignores_yaml_outside_rule_dirs(pytester: pytest.Pytester) -> None:
    make_pack(pytester.path / "elsewhere", {"casing.yaml": CASING + NEGATIVE})
    result = pytester.runpytest("--collect-only", "-q", "-p", "no:cacheprovider", "elsewhere")
    result.assert_outcomes()
    assert "my.casing" not in result.stdout.str()


def test_a_check_that_raises_fails_its_examples(pack: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck.checks.names import NameCasing

    def broken(self: object, cluster: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(NameCasing, "run", broken)
    run = run_rule_tests([pack / "casing.yaml"])
    assert run.exit_code == 1
    assert "rule 'my.casing' failed: RuntimeError('boom')" in run.render()


def test_pytest_plugin_default_needs_a_manifest(pytester: pytest.Pytester) -> None:
    make_pack(pytester.path / "rules", {"casing.yaml": CASING + NEGATIVE})  # rules/pack/, no pack.yaml
    (pytester.path / "rules" / "other.yaml").write_text("rules:\n  - id: not-ours\n", encoding="utf-8")
    result = pytester.runpytest("--collect-only", "-q", "-p", "no:cacheprovider", "rules")
    assert "my.casing" not in result.stdout.str() and "not-ours" not in result.stdout.str()
    (pytester.path / "rules" / "pack" / "pack.yaml").write_text("name: mine\n", encoding="utf-8")
    result = pytester.runpytest("--collect-only", "-q", "-p", "no:cacheprovider", "rules")
    result.stdout.fnmatch_lines(["rules/pack/casing.yaml::my.casing::lowercase acronym"])
    assert "other.yaml" not in result.stdout.str()
