"""Rule packs: the bundled pack loads clean; every kind of broken rule is named precisely."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from factcheck.checks.messages import render_message, template_fields
from factcheck.pipeline import check
from factcheck.report import CATEGORIES
from factcheck.rulebook.compiled import load_rules
from factcheck.rulebook.loader import load_rule_packs
from factcheck.rulebook.packs import bundled_rules_dir

GOOD_RULE = """rules:
  - id: my.casing
    check: name-casing
    category: name-casing
    severity: error
    message: "{text} -> {suggestion}"
"""


def make_pack(tmp_path: Path, files: dict[str, str]) -> Path:
    pack = tmp_path / "pack"
    pack.mkdir(exist_ok=True)
    for name, text in files.items():
        (pack / name).parent.mkdir(parents=True, exist_ok=True)
        (pack / name).write_text(text, encoding="utf-8")
    return pack


def test_bundled_pack_loads_without_problems() -> None:
    ruleset = load_rules(None)
    assert ruleset.problems == []
    categories = {item.rule.category for item in ruleset.rules}
    assert categories == set(CATEGORIES) - {"custom"}
    assert len(ruleset.name_lists) >= 1
    assert ruleset.packs[0].name == "factcheck-core"
    assert bundled_rules_dir().is_dir()


def test_typo_in_key_names_line_column_and_valid_keys(tmp_path: Path) -> None:
    pack = make_pack(tmp_path, {"a.yaml": GOOD_RULE.replace("severity: error", "severty: error")})
    ruleset = load_rule_packs([pack])
    assert ruleset.rules == []
    unknown = [p for p in ruleset.problems if "unknown key" in p.message]
    assert unknown and unknown[0].line == 5 and unknown[0].column == 5
    assert "valid keys:" in unknown[0].message and "severity" in unknown[0].message
    assert str(unknown[0]).startswith(f"{pack / 'a.yaml'}:5:5: ")


@pytest.mark.parametrize(
    ("replace", "expected"),
    [
        (("check: name-casing", "check: nope"), "unknown check type 'nope'"),
        (("severity: error", "severity: loud"), "severity"),
        (("category: name-casing", "category: spelling"), "category"),
        (('"{text} -> {suggestion}"', '"{text.__class__}"'), "plain name"),
        (('"{text} -> {suggestion}"', '"{nonsense}"'), "unknown field"),
    ],
)
def test_invalid_rules_are_reported(
    tmp_path: Path, replace: tuple[str, str], expected: str
) -> None:
    pack = make_pack(tmp_path, {"a.yaml": GOOD_RULE.replace(*replace)})
    ruleset = load_rule_packs([pack])
    assert ruleset.rules == []
    assert any(expected in p.message and p.line is not None for p in ruleset.problems), (
        ruleset.problems
    )


def test_bad_params_are_reported(tmp_path: Path) -> None:
    text = (
        GOOD_RULE.replace("check: name-casing", "check: quantity-conflict")
        .replace("category: name-casing", "category: quantity-conflict")
        .replace('"{text} -> {suggestion}"', '"{what}"')
        + "    params:\n      rounding: lots\n"
    )
    ruleset = load_rule_packs([make_pack(tmp_path, {"q.yaml": text})])
    (problem,) = ruleset.problems
    assert "params.rounding" in problem.message and problem.line == 8


def test_duplicate_ids_and_yaml_syntax_errors(tmp_path: Path) -> None:
    pack = make_pack(tmp_path, {"a.yaml": GOOD_RULE, "b.yaml": GOOD_RULE, "c.yaml": "rules: [\n"})
    ruleset = load_rule_packs([pack])
    assert len(ruleset.rules) == 1
    messages = [str(p) for p in ruleset.problems]
    assert any("duplicate rule id 'my.casing'" in m for m in messages)
    assert any("c.yaml:" in m and "invalid YAML" in m for m in messages)


def test_billion_laughs_is_rejected_fast(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [
        f"a{i}: &a{i} [*a{i - 1},*a{i - 1},*a{i - 1},*a{i - 1},*a{i - 1},*a{i - 1},*a{i - 1},*a{i - 1},*a{i - 1}]"
        for i in range(1, 10)
    ]
    pack = make_pack(tmp_path, {"bomb.yaml": "\n".join(lines) + "\nrules: []\n"})
    started = time.monotonic()
    ruleset = load_rule_packs([pack])
    assert time.monotonic() - started < 1.0
    assert any("alias bomb" in p.message for p in ruleset.problems)


def test_templates_only_take_plain_names() -> None:
    assert template_fields("{a} and {b:>3}") == ["a", "b"]
    with pytest.raises(ValueError, match="plain name"):
        template_fields("{a[0]}")
    assert render_message("{a} {missing}", {"a": 1}) == "1 {missing}"


def test_broken_rule_file_does_not_stop_the_others(tmp_path: Path) -> None:
    pack = make_pack(
        tmp_path, {"good.yaml": GOOD_RULE, "bad.yaml": "rules:\n  - id: x\n    check: 3\n"}
    )
    report = check(texts=["NATO and nato met. The nato summit."], rules=[pack])
    assert any(p.kind == "rule" and "bad.yaml" in p.path for p in report.problems)
    assert report.summary.rule_files_failed == 1
    assert report.summary.rules_loaded == 1


BROKEN_RULE = """rules:
  - id: my.figures
    check: quantity-conflict
    category: quantity-conflict
    severity: loud
    message: "{what} and {nonsense}"
    params:
      rounding: lots
      roundng: 2
  - id: my.days
    check: date-wekday
    category: date-weekday
    severity: warning
    message: "{text}"
"""


def test_a_broken_rule_file_reports_all_its_problems_at_once(tmp_path: Path) -> None:
    """Severity, message fields and params of one rule, and another rule's check type, in one load."""
    ruleset = load_rule_packs([make_pack(tmp_path, {"r.yaml": BROKEN_RULE})])
    assert ruleset.rules == []
    found = [(p.line, p.message.split(";")[0]) for p in ruleset.problems]
    assert found == [
        (5, "severity: Input should be 'info', 'warning' or 'error'"),
        (6, "rule 'my.figures': message uses unknown field(s) ['nonsense']"),
        (8, "rule 'my.figures': params.rounding: Input should be a valid number, unable to parse string as a number"),
        (9, "rule 'my.figures': params: unknown key 'roundng' (did you mean 'rounding'?)"),
        (11, "rule 'my.days': unknown check type 'date-wekday' (did you mean 'date-weekday'?)"),
    ]
    assert ruleset.rule_files_failed == 1


def test_a_top_level_rule_key_gets_did_you_mean(tmp_path: Path) -> None:
    ruleset = load_rule_packs([make_pack(tmp_path, {"r.yaml": GOOD_RULE.replace("rules:", "rule:")})])
    assert ruleset.rules == []
    unknown = [p for p in ruleset.problems if "unknown key 'rule'" in p.message]
    assert unknown and "(did you mean 'rules'?)" in unknown[0].message
    assert (unknown[0].line, unknown[0].column) == (1, 1)


def test_a_file_level_mistake_does_not_hide_the_rules_problems(tmp_path: Path) -> None:
    text = "version: 2\n" + GOOD_RULE.replace("severity: error", "severity: loud")
    ruleset = load_rule_packs([make_pack(tmp_path, {"r.yaml": text})])
    messages = [p.message for p in ruleset.problems]
    assert any(m.startswith("unknown key 'version'") for m in messages), messages
    assert any(m.startswith("severity:") for m in messages), messages
