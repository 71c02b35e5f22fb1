"""The ``pattern`` check type: RE2 patterns, load-time errors, no catastrophic backtracking."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

import factcheck
from factcheck.alignment import AlignedCluster
from factcheck.checks import get_check_types
from factcheck.checks.patterns import PatternCheck, PatternParams, compile_pattern
from factcheck.names.index import NameIndex
from factcheck.rule_tests import run_rule_tests
from factcheck.rulebook.loader import load_rule_packs
from factcheck.rulebook.model import Rule
from factcheck.sources.model import Source

EXISTENCE = """rules:
  - id: style.hedges
    check: pattern
    category: custom
    severity: info
    message: "“{text}” in {source} (matched {pattern})"
    params:
      patterns: ['\\bsources say\\b', 'reportedly']
      ignore_case: true
"""

SUBSTITUTION = """rules:
  - id: style.kyiv
    check: pattern
    category: custom
    severity: warning
    message: "Write {suggestion}, not {text}"
    params:
      swap:
        '\\bKiev\\b': Kyiv
        '\\bOdessa\\b': Odesa
    examples:
      - name: the old spelling
        sources:
          - {id: a, text: "Troops left Kiev on Monday."}
          - {id: b, text: "Troops left Kyiv on Monday."}
        expect:
          - {source: a, text: Kiev, category: custom}
        forbid:
          - {source: b}
      - name: the current spelling passes
        sources:
          - {id: a, text: "Troops left Kyiv and Odesa."}
        forbid:
          - {source: a}
"""


def pack(tmp_path: Path, text: str) -> Path:
    directory = tmp_path / "pack"
    directory.mkdir(exist_ok=True)
    (directory / "style.yaml").write_text(text, encoding="utf-8")
    return directory


def cluster(*sources: Source) -> AlignedCluster:
    return AlignedCluster(
        id="t",
        sources={s.id: s for s in sources},
        reference_dates={},
        dates=[],
        quantities=[],
        entities=[],
        names=NameIndex([]),
    )


def run_check(params: dict[str, object], *sources: Source) -> list[factcheck.Finding]:
    rule = Rule(id="r", check="pattern", category="custom", severity="warning", message="{text}", params=params)
    check = PatternCheck(rule, PatternParams.model_validate(params))
    return list(check.run(cluster(*sources)))


def test_registered_as_a_bundled_check_type() -> None:
    assert get_check_types()["pattern"] is PatternCheck


def test_existence_findings_have_exact_spans(tmp_path: Path) -> None:
    text = "Sources say the talks failed. The envoy REPORTEDLY left. Résumé: sources say so."
    report = factcheck.check([Source(id="a", text=text)], rules=[pack(tmp_path, EXISTENCE)])
    assert [p for p in report.problems if p.kind == "rule"] == []
    spans = [(e.start, e.end, e.text) for f in report.findings for e in f.evidence]
    assert [s[2] for s in spans] == ["Sources say", "REPORTEDLY", "sources say"]
    for start, end, written in spans:
        assert text[start:end] == written
    assert report.findings[0].category == "custom" and report.findings[0].severity == "info"
    assert report.findings[0].message == "“Sources say” in a (matched \\bsources say\\b)"


def test_substitution_suggests_the_replacement_and_its_examples_pass(tmp_path: Path) -> None:
    directory = pack(tmp_path, SUBSTITUTION)
    report = factcheck.check(
        [Source(id="a", text="From Kiev to Odessa."), Source(id="b", text="From Kyiv to Odesa.")],
        rules=[directory],
    )
    assert [(f.evidence[0].text, f.suggestion, f.message) for f in report.findings] == [
        ("Kiev", "Kyiv", "Write Kyiv, not Kiev"),
        ("Odessa", "Odesa", "Write Odesa, not Odessa"),
    ]
    run = run_rule_tests([directory])
    assert run.exit_code == 0, run.render()


def test_front_matter_is_not_searched() -> None:
    source = Source.from_text("---\ntitle: Kiev\n---\nKiev again.", id="a")
    found = run_check({"swap": {"Kiev": "Kyiv"}}, source)
    assert [(f.evidence[0].start, f.evidence[0].text) for f in found] == [(source.body_start, "Kiev")]


def test_max_matches_per_source() -> None:
    found = run_check({"patterns": ["x"], "max_matches": 3}, Source(id="a", text="x" * 50), Source(id="b", text="x"))
    assert [f.evidence[0].source for f in found] == ["a", "a", "a", "b"]


def test_empty_matches_are_skipped_and_offsets_survive_surrogates() -> None:
    text = "\ud800 ab \U0001f600 ab"
    # Source refuses lone surrogates; model_construct skips validation to show the check copes anyway.
    found = run_check({"patterns": [r"\bab\b"]}, Source.model_construct(id="a", text=text, body_start=0))
    assert [(e.start, e.end) for f in found for e in f.evidence] == [(2, 4), (7, 9)]
    assert all(text[e.start : e.end] == "ab" for f in found for e in f.evidence)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ("      patterns: ['(a)\\1']\n", "no backreferences"),
        ("      patterns: ['ok', '(?<=x)y']\n", "no backreferences or lookaround"),
        ("      patterns: ['(unclosed']\n", "missing )"),
        ("      patterns: ['a*']\n", "matches the empty string"),
        ("      swap: {'(?!x)y': z}\n", "invalid pattern"),
        ("      patterns: ['a{2000}']\n", "invalid pattern"),
        ("      patterns: []\n", "either `patterns`"),
        ("      patterns: [a]\n      swap: {b: c}\n", "not both"),
        ("      patterns: [a]\n      max_matches: 0\n", "max_matches"),
    ],
)
def test_bad_patterns_are_rule_load_errors_with_a_position(tmp_path: Path, params: str, expected: str) -> None:
    text = EXISTENCE.split("    params:", maxsplit=1)[0] + "    params:\n" + params
    ruleset = load_rule_packs([pack(tmp_path, text)])
    assert ruleset.rules == []
    problems = [p for p in ruleset.problems if expected in p.message]
    assert problems, ruleset.problems
    assert problems[0].line is not None and problems[0].line >= 7 and problems[0].column is not None
    assert str(problems[0]).startswith(f"{tmp_path / 'pack' / 'style.yaml'}:{problems[0].line}:")


def test_bad_pattern_position_points_at_the_item(tmp_path: Path) -> None:
    text = EXISTENCE.replace("'reportedly'", "'(?=x)'")
    (problem,) = load_rule_packs([pack(tmp_path, text)]).problems
    assert (problem.line, problem.column) == (8, 37)  # the second item of `patterns`
    assert problem.message.startswith("rule 'style.hedges': params.patterns.1: Value error, invalid pattern")


def test_catastrophic_pattern_is_linear() -> None:
    for text in ("a" * 50_000, "a" * 50_000 + "!"):
        started = time.perf_counter()
        found = run_check({"patterns": ["(a+)+$"]}, Source(id="a", text=text))
        elapsed = time.perf_counter() - started
        assert elapsed < 0.5, elapsed
        assert len(found) == (1 if text.endswith("a") else 0)
    started = time.perf_counter()
    compile_pattern("(x+x+)+y")
    assert run_check({"patterns": ["(x+x+)+y"]}, Source(id="a", text="x" * 50_000)) == []
    assert time.perf_counter() - started < 0.5
