"""Loading rule packs: each rule validated and bound to its check type, each name list read.

A rule pack is a directory: an optional ``pack.yaml`` manifest (name,
version, description), rule files (``*.yaml`` holding a ``rules:`` list) and
reference name lists under ``names/`` (`factcheck.rulebook.packs` finds
them).  Every error names file, line and column, and one bad rule never
stops the others.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from factcheck.checks import Check, get_check_types
from factcheck.checks.messages import template_fields
from factcheck.checks.names import NameSpelling
from factcheck.errors import FactcheckError
from factcheck.names.index import FuzzyThresholds
from factcheck.names.reference import NameList
from factcheck.report import Problem
from factcheck.rulebook.model import PackManifest, Rule, RuleFile
from factcheck.rulebook.packs import registered_packs, resolve_pack
from factcheck.rulebook.problems import key_problems, problem_at, validation_problems
from factcheck.yaml_positions import PositionedYaml, YamlLoadError, load_yaml_file

MANIFEST = "pack.yaml"
NAMES_DIR = "names"


@dataclass
class LoadedRule:
    rule: Rule
    check: Check
    path: str
    line: int | None
    column: int | None = None


@dataclass
class RuleSet:
    """Everything loaded from the rule packs, with the problems met on the way."""

    rules: list[LoadedRule] = field(default_factory=list)
    name_lists: list[NameList] = field(default_factory=list)
    packs: list[PackManifest] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    rule_files_failed: int = 0

    def fuzzy_thresholds(self) -> FuzzyThresholds:
        """How close a near-miss name must be, from the first enabled ``name-spelling`` rule.

        Linking, which runs before any check, reads them: the rule is where
        a team tunes name matching.
        """
        for loaded in self.rules:
            if loaded.rule.enabled and isinstance(loaded.check, NameSpelling):
                return loaded.check.thresholds()
        return FuzzyThresholds()


def _build_rule(
    raw: dict[str, Any], path: Path, doc: PositionedYaml, prefix: tuple[str | int, ...]
) -> LoadedRule | list[Problem]:
    try:
        rule = Rule.model_validate(raw)
    except ValidationError as exc:
        rule_id = raw.get("id") if isinstance(raw, dict) else None
        label = f"rule {rule_id!r}: " if isinstance(rule_id, str) else ""
        return key_problems(path, doc, exc, prefix, Rule, label)
    check_types = get_check_types()
    check_type = check_types.get(rule.check)
    if check_type is None:
        known = ", ".join(sorted(check_types))
        return [
            problem_at(
                path,
                f"rule {rule.id!r}: unknown check type {rule.check!r}; known: {known}",
                doc.position((*prefix, "check")),
            )
        ]
    try:
        params = check_type.Params.model_validate(rule.params)
    except ValidationError as exc:
        return [
            p.model_copy(
                update={
                    "message": f"rule {rule.id!r}: params"
                    + (": " if p.message.startswith("unknown key") else ".")
                    + p.message
                }
            )
            for p in key_problems(path, doc, exc, (*prefix, "params"), check_type.Params)
        ]
    try:
        used = template_fields(rule.message)
    except ValueError as exc:
        return [
            problem_at(path, f"rule {rule.id!r}: message: {exc}", doc.position((*prefix, "message")))
        ]
    unknown = sorted(set(used) - set(check_type.message_fields))
    if unknown:
        return [
            problem_at(
                path,
                f"rule {rule.id!r}: message uses unknown field(s) {unknown}; "
                f"{rule.check} offers {sorted(check_type.message_fields)}",
                doc.position((*prefix, "message")),
            )
        ]
    line, column = doc.position((*prefix, "id")) or doc.position(prefix) or (None, None)
    return LoadedRule(rule, check_type(rule, params), str(path), line, column)


def load_rule_file(path: Path) -> tuple[list[LoadedRule], list[Problem]]:
    """Rules of one file; each bad rule becomes a problem, the good ones load."""
    try:
        doc = load_yaml_file(path)
    except YamlLoadError as exc:
        return [], [problem_at(path, str(exc), (exc.line, exc.column) if exc.line else None)]
    try:
        parsed = RuleFile.model_validate(doc.data)
    except ValidationError as exc:
        return [], validation_problems(path, doc, exc, ())
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
            problem_at(path, str(exc), (exc.line, exc.column) if exc.line else None, "names")
        ]
    try:
        return NameList.model_validate(doc.data), []
    except ValidationError as exc:
        return None, validation_problems(path, doc, exc, (), "names")


def _inside(path: Path, root: Path) -> bool:
    """Whether ``path`` (links resolved) stays inside the pack directory."""
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True


def load_rule_packs(directories: Iterable[Path | str]) -> RuleSet:
    """Load rule packs in order; a later rule with an earlier rule's id is an error.

    Each item is a pack directory or the name of an installed pack
    (`resolve_pack`).
    """
    ruleset = RuleSet()
    seen: dict[str, LoadedRule] = {}
    for spec in directories:
        try:
            directory = resolve_pack(spec)
        except FactcheckError as exc:
            ruleset.problems.append(problem_at(str(spec), str(exc), None))
            ruleset.rule_files_failed += 1
            continue
        if not directory.is_dir():
            known = registered_packs()
            hint = f"; installed packs: {', '.join(known)}" if known else ""
            ruleset.problems.append(problem_at(directory, f"rule pack directory not found{hint}", None))
            ruleset.rule_files_failed += 1
            continue
        manifest_path = directory / MANIFEST
        if manifest_path.is_file():
            try:
                doc = load_yaml_file(manifest_path)
                ruleset.packs.append(PackManifest.model_validate(doc.data))
            except YamlLoadError as exc:
                ruleset.problems.append(
                    problem_at(manifest_path, str(exc), (exc.line, exc.column) if exc.line else None)
                )
            except ValidationError as exc:
                ruleset.problems.extend(key_problems(manifest_path, doc, exc, (), PackManifest))
        else:
            ruleset.packs.append(PackManifest(name=directory.name))
        for path in sorted(directory.glob("*.yaml")) + sorted(directory.glob("*.yml")):
            if path.name == MANIFEST:
                continue
            if not _inside(path, directory):
                ruleset.problems.append(
                    problem_at(path, "links outside its rule pack; not loaded", None)
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
                        problem_at(
                            path,
                            f"duplicate rule id {item.rule.id!r} (first defined at {first.path}:{first.line})",
                            (item.line, item.column) if item.line else None,
                        )
                    )
                    continue
                seen[item.rule.id] = item
                ruleset.rules.append(item)
        names_dir = directory / NAMES_DIR
        for path in sorted(names_dir.glob("*.yaml")) if names_dir.is_dir() else []:
            if not _inside(path, directory):
                ruleset.problems.append(
                    problem_at(path, "links outside its rule pack; not loaded", None, "names")
                )
                continue
            name_list, problems = load_name_list(path)
            ruleset.problems.extend(problems)
            if name_list is not None:
                ruleset.name_lists.append(name_list)
    return ruleset
