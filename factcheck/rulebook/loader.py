"""Loading rule packs: each rule validated and bound to its check type, each name list read.

A rule pack is a directory: an optional ``pack.yaml`` manifest (name,
version, description), rule files (``*.yaml`` holding a ``rules:`` list) and
reference name lists under ``names/`` (`factcheck.rulebook.packs` finds
them).  Every error names file, line and column, and one bad rule never
stops the others.
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

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
from factcheck.table_cache import content_key, read_table, write_table
from factcheck.yaml_positions import PositionedYaml, YamlLoadError, load_yaml_bytes, load_yaml_file

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
    """A rule bound to its check type, or every problem of it at once.

    The rule's own fields, its check type, its ``params`` (against that
    type's ``Params``) and its message template are each checked on what
    the file says even when another part is wrong, so an author fixes a rule
    in one round, not one mistake per run.
    """
    rule_id = raw.get("id")
    label = f"rule {rule_id!r}: " if isinstance(rule_id, str) else ""
    problems: list[Problem] = []
    rule: Rule | None = None
    try:
        rule = Rule.model_validate(raw)
    except ValidationError as exc:
        problems += key_problems(path, doc, exc, prefix, Rule, label)
    check_type = _check_type(raw, path, doc, prefix, label, problems)
    params: BaseModel | None = None
    raw_params = raw.get("params", {})
    if check_type is not None and isinstance(raw_params, dict):
        try:
            params = check_type.Params.model_validate(raw_params)
        except ValidationError as exc:
            problems += [
                p.model_copy(
                    update={
                        "message": f"{label}params" + (": " if p.message.startswith("unknown key") else ".") + p.message
                    }
                )
                for p in key_problems(path, doc, exc, (*prefix, "params"), check_type.Params)
            ]
    message = raw.get("message")
    if isinstance(message, str):
        problems += _template_problems(message, check_type, path, doc, prefix, label)
    if problems or rule is None or check_type is None or params is None:
        return sorted(problems, key=lambda p: (p.line or 0, p.column or 0))
    line, column = doc.position((*prefix, "id")) or doc.position(prefix) or (None, None)
    return LoadedRule(rule, check_type(rule, params), str(path), line, column)


def _check_type(
    raw: dict[str, Any],
    path: Path,
    doc: PositionedYaml,
    prefix: tuple[str | int, ...],
    label: str,
    problems: list[Problem],
) -> type[Check] | None:
    """The check type the rule names; an unknown name is added to ``problems``."""
    name = raw.get("check")
    if not isinstance(name, str):
        return None  # missing or not a string: the rule's own validation says so
    check_types = get_check_types()
    check_type = check_types.get(name)
    if check_type is None:
        known = ", ".join(sorted(check_types))
        close = difflib.get_close_matches(name, list(check_types), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        problems.append(
            problem_at(
                path, f"{label}unknown check type {name!r}{hint}; known: {known}", doc.position((*prefix, "check"))
            )
        )
    return check_type


def _template_problems(
    message: str,
    check_type: type[Check] | None,
    path: Path,
    doc: PositionedYaml,
    prefix: tuple[str | int, ...],
    label: str,
) -> list[Problem]:
    """What is wrong with a message template: its syntax, or fields its check type does not offer."""
    where = doc.position((*prefix, "message"))
    try:
        used = template_fields(message)
    except ValueError as exc:
        return [problem_at(path, f"{label}message: {exc}", where)]
    if check_type is None:
        return []
    unknown = sorted(set(used) - set(check_type.message_fields))
    if not unknown:
        return []
    return [
        problem_at(
            path,
            f"{label}message uses unknown field(s) {unknown}; "
            f"{check_type.name} offers {sorted(check_type.message_fields)}",
            where,
        )
    ]


def load_rule_file(path: Path) -> tuple[list[LoadedRule], list[Problem]]:
    """Rules of one file; each bad rule becomes a problem, the good ones load.

    A mistake at the top of the file (``rule:`` for ``rules:``) is reported
    with the rules' own problems, not instead of them.
    """
    try:
        doc = load_yaml_file(path)
    except YamlLoadError as exc:
        return [], [problem_at(path, str(exc), (exc.line, exc.column) if exc.line else None)]
    problems: list[Problem] = []
    try:
        RuleFile.model_validate(doc.data)
    except ValidationError as exc:
        problems += key_problems(path, doc, exc, (), RuleFile)
    raw_rules = doc.data.get("rules") if isinstance(doc.data, dict) else None
    loaded: list[LoadedRule] = []
    for index, raw in enumerate(raw_rules if isinstance(raw_rules, list) else []):
        if not isinstance(raw, dict):
            continue  # the file's validation above names it
        result = _build_rule(raw, path, doc, ("rules", index))
        if isinstance(result, LoadedRule):
            loaded.append(result)
        else:
            problems.extend(result)
    return loaded, problems


NAME_LIST_TABLES = "name-lists"
"""The kind of `factcheck.table_cache` entry a name list read before is kept as."""


@functools.cache
def _name_list_reader() -> bytes:
    """What reading a name list depends on besides its bytes: the code that reads it.

    Not pydantic's version: an entry is validated again as it is read, so
    the bundled lists' entries can ship with the package
    (`factcheck.table_cache.SHIPPED_TABLES`).
    """
    package = Path(__file__).resolve().parents[1]
    return b"".join((package / module).read_bytes() for module in ("names/reference.py", "yaml_positions.py"))


def load_name_list(path: Path) -> tuple[NameList | None, list[Problem]]:
    """One name list, or the problems that kept it out.

    The bundled people list takes a tenth of a second to parse, so a list
    read before is read back from `factcheck.table_cache`, keyed by its bytes
    and the code that reads it; only a list without problems is kept.
    """
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [problem_at(path, f"cannot read: {exc.strerror or exc}", None, "names")]
    key = content_key(raw, _name_list_reader())
    cached = read_table(NAME_LIST_TABLES, key)
    if cached is not None:
        try:
            return NameList.model_validate_json(cached), []
        except ValidationError:
            pass  # a damaged or foreign entry: read the file
    try:
        doc = load_yaml_bytes(raw, str(path))
    except YamlLoadError as exc:
        return None, [
            problem_at(path, str(exc), (exc.line, exc.column) if exc.line else None, "names")
        ]
    try:
        name_list = NameList.model_validate(doc.data)
    except ValidationError as exc:
        return None, validation_problems(path, doc, exc, (), "names")
    write_table(NAME_LIST_TABLES, key, name_list.model_dump_json(by_alias=True).encode())
    return name_list, []


def _inside(path: Path, root: Path) -> bool:
    """Whether ``path`` (links resolved) stays inside the pack directory."""
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True


def pack_name(directory: Path) -> str:
    """The name of a pack without a manifest: its directory's (``.`` is named after the working directory)."""
    return directory.resolve().name or str(directory.resolve())


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
        rule_files = [
            path
            for path in sorted(directory.glob("*.yaml")) + sorted(directory.glob("*.yml"))
            if path.name != MANIFEST
        ]
        if not manifest_path.is_file() and not rule_files and not (directory / NAMES_DIR).is_dir():
            ruleset.problems.append(
                problem_at(
                    directory,
                    f"not a rule pack ({directory.resolve()}): no {MANIFEST}, "
                    f"no rule files (*.yaml with a `rules:` list), no {NAMES_DIR}/ directory",
                    None,
                )
            )
            ruleset.rule_files_failed += 1
            continue
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
            ruleset.packs.append(PackManifest(name=pack_name(directory)))
        for path in rule_files:
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
