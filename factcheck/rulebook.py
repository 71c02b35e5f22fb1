"""Rule packs: YAML rules over Python check types, validated with pydantic.

A rule pack is a directory: an optional ``pack.yaml`` manifest (name,
version, description), rule files (``*.yaml`` holding a ``rules:`` list) and
reference name lists under ``names/``.  A rule only names a check type and
sets its category, severity, message and parameters; behaviour lives in the
check types (``factcheck.checks``).  Every error names file, line and column,
and one bad rule never stops the others.
"""

from __future__ import annotations

import string
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from factcheck.checks import Check, get_check_types
from factcheck.errors import FactcheckError
from factcheck.names.reference import NameList
from factcheck.report import Category, Problem, Severity
from factcheck.yaml_positions import PositionedYaml, YamlLoadError, load_yaml_file

MANIFEST = "pack.yaml"
NAMES_DIR = "names"


class PackManifest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1)
    version: str = "0"
    description: str = ""


class Rule(BaseModel):
    """One rule as written in YAML."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[A-Za-z0-9_][A-Za-z0-9_.\-]*$")
    check: str
    category: Category
    severity: Severity
    message: str = Field(min_length=1)
    description: str = ""
    link: str | None = None
    enabled: bool = True
    params: dict[str, Any] = Field(default_factory=dict)


class RuleFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    rules: list[dict[str, Any]]


@dataclass
class LoadedRule:
    rule: Rule
    check: Check
    path: str
    line: int | None


@dataclass
class RuleSet:
    """Everything loaded from the rule packs, with the problems met on the way."""

    rules: list[LoadedRule] = field(default_factory=list)
    name_lists: list[NameList] = field(default_factory=list)
    packs: list[PackManifest] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    rule_files_failed: int = 0


def bundled_rules_dir() -> Path:
    """The rule pack shipped with the library (``rules/`` in the repository).

    An installed wheel carries it as the package ``factcheck.bundled_rules``;
    a source checkout (or an editable install run from it) uses ``rules/``.
    """
    try:
        return Path(str(resources.files("factcheck.bundled_rules")))
    except ModuleNotFoundError:
        checkout = Path(__file__).resolve().parent.parent / "rules"
        if checkout.is_dir():
            return checkout
        raise FactcheckError(
            "the bundled rule pack is missing; reinstall factcheck-consistency"
        ) from None


def template_fields(template: str) -> list[str]:
    """Field names a message template uses; only plain ``{name}`` is allowed.

    Attribute and index access (``{x.__class__}``, ``{x[0]}``) and conversions
    are refused so a rule file cannot reach into objects.
    """
    names: list[str] = []
    for _, name, spec, conversion in string.Formatter().parse(template):
        if name is None:
            continue
        if not name.isidentifier() or conversion or (spec and "{" in spec):
            raise ValueError(f"template field {{{name}}} must be a plain name")
        names.append(name)
    return names


def render_message(template: str, values: dict[str, object]) -> str:
    """Fill a template checked by `template_fields`; unknown names stay visible."""
    out: list[str] = []
    for literal, name, spec, _ in string.Formatter().parse(template):
        out.append(literal)
        if name is None:
            continue
        value = values.get(name, f"{{{name}}}")
        out.append(format(value, spec) if spec and not isinstance(value, str) else str(value))
    return "".join(out)


ProblemKind = Literal["source", "rule", "names", "plugin"]


def _problem(
    path: Path | str, message: str, pos: tuple[int | None, int | None] | None, kind: ProblemKind = "rule"
) -> Problem:
    line, column = pos if pos else (None, None)
    return Problem(kind=kind, path=str(path), line=line, column=column, message=message)


def _validation_problems(
    path: Path,
    doc: PositionedYaml,
    exc: ValidationError,
    prefix: tuple[str | int, ...],
    kind: ProblemKind = "rule",
) -> list[Problem]:
    problems = []
    for error in exc.errors():
        loc = (*prefix, *error["loc"])
        where = ".".join(str(p) for p in error["loc"]) or "(top level)"
        message = f"{where}: {error['msg']}"
        if error["type"] == "extra_forbidden":
            message = f"unknown key {error['loc'][-1]!r}"
        problems.append(_problem(path, message, doc.position(loc), kind))
    return problems


def _build_rule(
    raw: dict[str, Any], path: Path, doc: PositionedYaml, prefix: tuple[str | int, ...]
) -> LoadedRule | list[Problem]:
    try:
        rule = Rule.model_validate(raw)
    except ValidationError as exc:
        problems = _validation_problems(path, doc, exc, prefix)
        if any("unknown key" in p.message for p in problems):
            valid = ", ".join(Rule.model_fields)
            problems = [
                p.model_copy(update={"message": f"{p.message}; valid keys: {valid}"})
                if "unknown key" in p.message
                else p
                for p in problems
            ]
        return problems
    check_types = get_check_types()
    check_type = check_types.get(rule.check)
    if check_type is None:
        known = ", ".join(sorted(check_types))
        return [
            _problem(
                path,
                f"rule {rule.id!r}: unknown check type {rule.check!r}; known: {known}",
                doc.position((*prefix, "check")),
            )
        ]
    try:
        params = check_type.Params.model_validate(rule.params)
    except ValidationError as exc:
        return [
            p.model_copy(update={"message": f"rule {rule.id!r}: params.{p.message}"})
            for p in _validation_problems(path, doc, exc, (*prefix, "params"))
        ]
    try:
        used = template_fields(rule.message)
    except ValueError as exc:
        return [
            _problem(path, f"rule {rule.id!r}: message: {exc}", doc.position((*prefix, "message")))
        ]
    unknown = sorted(set(used) - set(check_type.message_fields))
    if unknown:
        return [
            _problem(
                path,
                f"rule {rule.id!r}: message uses unknown field(s) {unknown}; "
                f"{rule.check} offers {sorted(check_type.message_fields)}",
                doc.position((*prefix, "message")),
            )
        ]
    line = (doc.position(prefix) or (None, None))[0]
    return LoadedRule(rule, check_type(rule, params), str(path), line)


def load_rule_file(path: Path) -> tuple[list[LoadedRule], list[Problem]]:
    """Rules of one file; each bad rule becomes a problem, the good ones load."""
    try:
        doc = load_yaml_file(path)
    except YamlLoadError as exc:
        return [], [_problem(path, str(exc), (exc.line, exc.column) if exc.line else None)]
    try:
        parsed = RuleFile.model_validate(doc.data)
    except ValidationError as exc:
        return [], _validation_problems(path, doc, exc, ())
    loaded: list[LoadedRule] = []
    problems: list[Problem] = []
    for index, raw in enumerate(parsed.rules):
        result = _build_rule(raw, path, doc, ("rules", index))
        if isinstance(result, LoadedRule):
            loaded.append(result)
        else:
            problems.extend(result)
    return loaded, problems


def load_name_list(path: Path) -> tuple[NameList | None, list[Problem]]:
    try:
        doc = load_yaml_file(path)
    except YamlLoadError as exc:
        return None, [
            _problem(path, str(exc), (exc.line, exc.column) if exc.line else None, "names")
        ]
    try:
        return NameList.model_validate(doc.data), []
    except ValidationError as exc:
        return None, _validation_problems(path, doc, exc, (), "names")


def _inside(path: Path, root: Path) -> bool:
    """Whether ``path`` (links resolved) stays inside the pack directory."""
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True


def load_rule_packs(directories: Iterable[Path]) -> RuleSet:
    """Load rule packs in order; a later rule with an earlier rule's id is an error."""
    ruleset = RuleSet()
    seen: dict[str, LoadedRule] = {}
    for directory in directories:
        if not directory.is_dir():
            ruleset.problems.append(_problem(directory, "rule pack directory not found", None))
            ruleset.rule_files_failed += 1
            continue
        manifest_path = directory / MANIFEST
        if manifest_path.is_file():
            try:
                doc = load_yaml_file(manifest_path)
                ruleset.packs.append(PackManifest.model_validate(doc.data))
            except YamlLoadError as exc:
                ruleset.problems.append(
                    _problem(manifest_path, str(exc), (exc.line, exc.column) if exc.line else None)
                )
            except ValidationError as exc:
                ruleset.problems.extend(_validation_problems(manifest_path, doc, exc, ()))
        else:
            ruleset.packs.append(PackManifest(name=directory.name))
        for path in sorted(directory.glob("*.yaml")) + sorted(directory.glob("*.yml")):
            if path.name == MANIFEST:
                continue
            if not _inside(path, directory):
                ruleset.problems.append(
                    _problem(path, "links outside its rule pack; not loaded", None)
                )
                ruleset.rule_files_failed += 1
                continue
            loaded, problems = load_rule_file(path)
            if problems:
                ruleset.rule_files_failed += 1
                ruleset.problems.extend(problems)
            for item in loaded:
                if item.rule.id in seen:
                    first = seen[item.rule.id]
                    ruleset.problems.append(
                        _problem(
                            path,
                            f"duplicate rule id {item.rule.id!r} (first defined at {first.path}:{first.line})",
                            (item.line, 1) if item.line else None,
                        )
                    )
                    continue
                seen[item.rule.id] = item
                ruleset.rules.append(item)
        names_dir = directory / NAMES_DIR
        for path in sorted(names_dir.glob("*.yaml")) if names_dir.is_dir() else []:
            if not _inside(path, directory):
                ruleset.problems.append(
                    _problem(path, "links outside its rule pack; not loaded", None, "names")
                )
                continue
            name_list, problems = load_name_list(path)
            ruleset.problems.extend(problems)
            if name_list is not None:
                ruleset.name_lists.append(name_list)
    return ruleset
