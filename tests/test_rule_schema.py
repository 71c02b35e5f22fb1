"""The rule-file JSON Schema and the errors of the pydantic rule models."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from factcheck.cli import main
from factcheck.rulebook.loader import load_rule_packs
from factcheck.rulebook.packs import RULEPACK_ENTRY_POINTS, bundled_rules_dir, registered_packs, resolve_pack
from factcheck.rulebook.schema import dumps, manifest_schema, rule_schema
from factcheck.yaml_positions import load_yaml_file

REPO = Path(__file__).resolve().parents[1]
DOCS_SCHEMA = REPO / "docs" / "factcheck-rules.schema.json"

RULE = """rules:
  - id: my.casing
    check: name-casing
    category: name-casing
    severity: error
    message: "{text} -> {suggestion}"
"""


def as_json(data: Any) -> Any:
    """What an editor's YAML 1.2 parser sees: dates are strings."""
    return json.loads(json.dumps(data, default=str))


def validator() -> jsonschema.protocols.Validator:
    schema = rule_schema(bundled_only=True)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_checked_in_schema_matches_the_models() -> None:
    assert DOCS_SCHEMA.read_text(encoding="utf-8") == dumps(rule_schema(bundled_only=True)), (
        "docs/factcheck-rules.schema.json is stale: run "
        "`factcheck rules schema --bundled > docs/factcheck-rules.schema.json`"
    )


@pytest.mark.parametrize("path", sorted(bundled_rules_dir().glob("*.yaml")), ids=lambda p: p.name)
def test_bundled_rule_files_validate_against_the_schema(path: Path) -> None:
    data = as_json(load_yaml_file(path).data)
    if path.name == "pack.yaml":
        jsonschema.validate(data, manifest_schema(), cls=jsonschema.Draft202012Validator)
    else:
        validator().validate(data)


def rule_with(**changes: Any) -> dict[str, Any]:
    rule: dict[str, Any] = {
        "id": "r",
        "check": "quantity-conflict",
        "category": "quantity-conflict",
        "severity": "warning",
        "message": "{what}",
    }
    rule.update(changes)
    return {"rules": [rule]}


@pytest.mark.parametrize(
    "document",
    [
        rule_with(severty="warning"),
        rule_with(check="quantity-conflct"),
        rule_with(params={"rounding": "lots"}),
        rule_with(params={"fuzzy_full_name": 80}),
        rule_with(check="name-casing", category="name-casing", params={"anything": 1}),
        rule_with(scope={"sources": "wire-*"}),
        rule_with(scope={"languages": ["en"]}),
        rule_with(examples=[{"name": "x", "sources": [{"id": "a", "text": "t"}]}]),
        rule_with(examples=[{"name": "x", "sources": [{"id": "a", "text": "t"}], "expect": [{"txt": "a"}]}]),
        {"rules": [], "extra": 1},
    ],
)
def test_schema_rejects_mistakes(document: dict[str, Any]) -> None:
    assert list(validator().iter_errors(document)), document


def test_schema_accepts_params_scope_and_examples() -> None:
    document = rule_with(
        params={"rounding": 0.4, "growing_events": ["kill"]},
        scope={"sources": ["wire-*"], "language": ["en", "en-*"], "outlets": ["Example*"], "meta": {"desk": ["x"]}},
        examples=[
            {
                "name": "n",
                "reference_date": "2025-03-01",
                "sources": [{"id": "a", "text": "t", "published": "2025-03-01"}],
                "forbid": [{"source": "a", "text": "t", "severity": "error"}],
            }
        ],
    )
    validator().validate(document)


def test_cli_prints_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "schema", "--bundled"]) == 0
    assert json.loads(capsys.readouterr().out) == rule_schema(bundled_only=True)
    assert main(["rules", "schema", "--manifest"]) == 0
    assert json.loads(capsys.readouterr().out)["required"] == ["name"]


def write_pack(tmp_path: Path, text: str) -> Path:
    pack = tmp_path / "pack"
    pack.mkdir(exist_ok=True)
    (pack / "a.yaml").write_text(text, encoding="utf-8")
    return pack


def test_unknown_key_in_an_example_names_its_position_and_valid_keys(tmp_path: Path) -> None:
    text = RULE + (
        "    examples:\n"
        "      - name: n\n"
        "        sources:\n"
        "          - {id: a, text: t, publshed: 2025-01-01}\n"
        "        forbid: [{source: a}]\n"
    )
    (problem,) = load_rule_packs([write_pack(tmp_path, text)]).problems
    assert (problem.line, problem.column) == (10, 30)
    assert "rule 'my.casing': unknown key 'publshed' (did you mean 'published'?)" in problem.message
    assert "valid keys: id, text, published, language, outlet, meta" in problem.message


def test_wrong_type_and_empty_example_are_errors(tmp_path: Path) -> None:
    text = RULE + (
        "    examples:\n"
        "      - name: n\n"
        "        sources: [{id: a, text: t}]\n"
        "      - name: m\n"
        "        sources: [{id: a, text: t}]\n"
        "        expect: [{source: b}]\n"
        "    enabled: perhaps\n"
    )
    problems = load_rule_packs([write_pack(tmp_path, text)]).problems
    messages = [f"{p.line}:{p.column} {p.message}" for p in problems]
    assert any(m.startswith("8:9 ") and "needs `expect`" in m for m in messages), messages
    assert any(m.startswith("10:9 ") and "unknown source(s) ['b']" in m for m in messages), messages
    assert any(m.startswith("13:5 ") and "enabled" in m for m in messages), messages


def test_unknown_param_lists_the_check_types_params(tmp_path: Path) -> None:
    text = (
        RULE.replace("name-casing", "quantity-conflict").replace('"{text} -> {suggestion}"', '"{what}"')
        + "    params:\n      roundng: 1\n"
    )
    (problem,) = load_rule_packs([write_pack(tmp_path, text)]).problems
    assert (problem.line, problem.column) == (8, 7)
    assert problem.message.startswith(
        "rule 'my.casing': params: unknown key 'roundng' (did you mean 'rounding'?); valid keys: "
    )
    assert "rounding" in problem.message


def test_duplicate_id_names_line_and_column(tmp_path: Path) -> None:
    text = RULE + RULE.removeprefix("rules:\n")
    (problem,) = load_rule_packs([write_pack(tmp_path, text)]).problems
    assert "duplicate rule id 'my.casing'" in problem.message
    assert (problem.line, problem.column) == (7, 5)


def test_installed_pack_names_resolve(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert "factcheck-core" in registered_packs()
    assert resolve_pack("factcheck-core") == bundled_rules_dir()
    ruleset = load_rule_packs(["factcheck-core"])
    assert ruleset.problems == [] and ruleset.packs[0].name == "factcheck-core"
    missing = load_rule_packs(["no-such-pack"])
    assert "installed packs: " in missing.problems[0].message

    pack = write_pack(tmp_path, RULE)

    class Entry:
        def __init__(self, name: str, value: object) -> None:
            self.name, self.value, self._value = name, repr(value), value

        def load(self) -> object:
            if isinstance(self._value, Exception):
                raise self._value
            return self._value

    entries = [
        Entry("as-path", str(pack)),
        Entry("as-function", lambda: pack),
        Entry("broken", ImportError("no module named mypack")),
    ]

    def fake_entry_points(*, group: str, name: str | None = None) -> list[Entry]:
        assert group == RULEPACK_ENTRY_POINTS
        return [e for e in entries if name is None or e.name == name]

    monkeypatch.setattr("factcheck.rulebook.packs.entry_points", fake_entry_points)
    assert resolve_pack("as-path") == pack
    assert [r.rule.id for r in load_rule_packs(["as-function"]).rules] == ["my.casing"]
    broken = load_rule_packs(["broken"])
    assert broken.rule_files_failed == 1
    assert "rule pack 'broken'" in broken.problems[0].message and "failed to load" in broken.problems[0].message


def test_installed_pack_as_a_package(monkeypatch: pytest.MonkeyPatch) -> None:
    import types

    package = types.ModuleType("fake_pack")
    package.__path__ = [str(bundled_rules_dir())]
    module = types.ModuleType("fake_module")
    module.__file__ = str(bundled_rules_dir() / "rules.py")

    class Entry:
        def __init__(self, name: str, value: object) -> None:
            self.name, self.value, self._value = name, name, value

        def load(self) -> object:
            return self._value

    entries = [Entry("pkg", package), Entry("mod", module), Entry("odd", 42)]
    monkeypatch.setattr(
        "factcheck.rulebook.packs.entry_points",
        lambda *, group, name=None: [e for e in entries if name is None or e.name == name],
    )
    assert resolve_pack("pkg") == bundled_rules_dir()
    assert resolve_pack("mod") == bundled_rules_dir()
    odd = load_rule_packs(["odd"])
    assert "expected a directory path, got int" in odd.problems[0].message
