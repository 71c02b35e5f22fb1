"""Rule scope: a rule's findings are kept only when all their sources are in its scope."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import factcheck
from factcheck.rulebook.loader import load_rule_packs
from factcheck.rulebook.model import RuleScope
from factcheck.rulebook.packs import bundled_rules_dir
from factcheck.sources.model import Source

CASING = """rules:
  - id: scoped.casing
    check: name-casing
    category: name-casing
    severity: warning
    message: "{text} -> {suggestion}"
    scope: {scope}
"""

CONFLICT = """rules:
  - id: scoped.conflict
    check: quantity-conflict
    category: quantity-conflict
    severity: warning
    message: "{first} vs {second}"
    scope: {scope}
"""


def source(id: str, **fields: object) -> Source:
    return Source.from_text("text", id=id, **fields)


@pytest.mark.parametrize(
    ("scope", "admitted"),
    [
        (RuleScope(), {"wire-1", "blog", "paper"}),
        (RuleScope(sources=["wire-*"]), {"wire-1"}),
        (RuleScope(sources=["WIRE-*"]), set()),
        (RuleScope(language=["en", "en-*"]), {"wire-1", "blog"}),
        (RuleScope(language=["EN-gb"]), {"blog"}),
        (RuleScope(language=["*"]), {"wire-1", "blog", "paper"}),
        (RuleScope(outlets=["the daily*"]), {"paper"}),
        (RuleScope(meta={"desk": ["world"]}), {"wire-1"}),
        (RuleScope(sources=["wire-*", "blog"], language=["en-GB"]), {"blog"}),
    ],
)
def test_scope_matches_globs(scope: RuleScope, admitted: set[str]) -> None:
    sources = [
        source("wire-1", language="en", desk="World"),
        source("blog", language="en-GB"),
        source("paper", outlet="The Daily Example", language="fr"),
    ]
    assert {s.id for s in sources if scope.admits(s)} == admitted


def make_pack(tmp_path: Path, text: str) -> Path:
    pack = tmp_path / "pack"
    pack.mkdir()
    shutil.copytree(bundled_rules_dir() / "names", pack / "names")
    (pack / "rules.yaml").write_text(text, encoding="utf-8")
    return pack


def test_finding_outside_the_scope_is_dropped(tmp_path: Path) -> None:
    pack = make_pack(tmp_path, CASING.replace("{scope}", '{sources: ["wire-*"]}'))
    report = factcheck.check(
        [
            Source(id="wire-1", text="Leaders of nato met in Brussels."),
            Source(id="paper", text="The nato summit opened in Brussels."),
        ],
        rules=[pack],
    )
    assert [(f.rule, f.evidence[0].source) for f in report.findings] == [("scoped.casing", "wire-1")]


def test_language_scope_on_front_matter(tmp_path: Path) -> None:
    pack = make_pack(tmp_path, CASING.replace("{scope}", "{language: [en-GB]}"))
    texts = {
        "uk": "---\nlanguage: en-GB\n---\nLeaders of nato met in Brussels.\n",
        "us": "---\nlanguage: en-US\n---\nLeaders of nato met in Brussels.\n",
    }
    report = factcheck.check([Source.from_text(t, id=i) for i, t in texts.items()], rules=[pack])
    assert [f.evidence[0].source for f in report.findings] == ["uk"]


def test_a_finding_needs_all_its_sources_in_scope(tmp_path: Path) -> None:
    texts = [
        Source(id="wire-1", text="At least 40 people were killed in the blast."),
        Source(id="paper", text="Officials said 12 people were killed in the blast."),
    ]
    narrow = make_pack(tmp_path, CONFLICT.replace("{scope}", '{sources: ["wire-*"]}'))
    assert factcheck.check(texts, rules=[narrow]).findings == []
    wide = tmp_path / "wide"
    shutil.copytree(narrow, wide)
    (wide / "rules.yaml").write_text(CONFLICT.replace("{scope}", '{sources: ["wire-*", paper]}'), encoding="utf-8")
    assert [f.rule for f in factcheck.check(texts, rules=[wide]).findings] == ["scoped.conflict"]


def test_bad_scope_is_a_rule_problem(tmp_path: Path) -> None:
    pack = make_pack(tmp_path, CASING.replace("{scope}", "{languages: [en]}"))
    (problem,) = load_rule_packs([pack]).problems
    assert (problem.line, problem.column) == (7, 13)
    assert "unknown key 'languages' (did you mean 'language'?); valid keys: sources, language, outlets, meta" in (
        problem.message
    )


def test_scoped_rule_examples_run(tmp_path: Path) -> None:
    from factcheck.rule_tests import run_rule_tests

    text = CASING.replace("{scope}", "{outlets: [Wire*]}") + (
        "    examples:\n"
        "      - name: in scope\n"
        "        sources:\n"
        "          - {id: a, text: Leaders of nato met., outlet: Wire Service}\n"
        "          - {id: b, text: Leaders of nato met., outlet: Daily Paper}\n"
        "        expect: [{source: a, text: nato}]\n"
        "        forbid: [{source: b}]\n"
        "      - name: out of scope\n"
        "        sources:\n"
        "          - {id: a, text: Leaders of nato met., outlet: Daily Paper}\n"
        "        forbid: [{source: a}]\n"
    )
    run = run_rule_tests([make_pack(tmp_path, text)])
    assert run.exit_code == 0, run.render()
