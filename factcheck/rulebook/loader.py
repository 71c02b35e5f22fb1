"""Rule packs: YAML rules over Python check types, validated with pydantic.

A rule pack is a directory: an optional ``pack.yaml`` manifest (name,
version, description), rule files (``*.yaml`` holding a ``rules:`` list) and
reference name lists under ``names/``; installed packages register packs
under the ``factcheck.rulepacks`` entry point group.  A rule only names a
check type and sets its category, severity, message, parameters, ``scope``
and ``examples`` (its tests, run by `factcheck.rule_tests`); behaviour lives
in the check types (``factcheck.checks``).  The models here define the rule
format and its JSON Schema (`factcheck.rulebook.schema`).  Every error names
file, line and column, and one bad rule never stops the others.
"""

from __future__ import annotations

import datetime as dt
import difflib
import fnmatch
import os
import re
import string
import types
import typing
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from importlib.metadata import entry_points
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from factcheck.checks import Check, get_check_types
from factcheck.errors import FactcheckError
from factcheck.names.reference import NameList
from factcheck.report import Category, Problem, Severity
from factcheck.yaml_positions import PositionedYaml, YamlLoadError, load_yaml_file

if TYPE_CHECKING:
    from factcheck.report import Finding
    from factcheck.sources.reading import Source

MANIFEST = "pack.yaml"
NAMES_DIR = "names"
RULEPACK_ENTRY_POINTS = "factcheck.rulepacks"


class PackManifest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1)
    version: str = "0"
    description: str = ""


def _matches(value: str | None, patterns: Sequence[str], *, case: bool) -> bool:
    text = value or ""
    if case:
        return any(fnmatch.fnmatchcase(text, p) for p in patterns)
    return any(fnmatch.fnmatchcase(text.casefold(), p.casefold()) for p in patterns)


class RuleScope(BaseModel):
    """Which sources a rule applies to; a finding is kept only if all its sources are in scope.

    Each list holds shell-style globs (``*``, ``?``, ``[...]``); a source is in
    scope when it matches every list that is given.  A source without the
    metadata a list asks about matches only ``"*"``.
    """

    model_config = ConfigDict(extra="forbid")

    sources: list[str] | None = Field(
        default=None, description="Source ids (globs, case-sensitive), e.g. ['wire-*']."
    )
    language: list[str] | None = Field(
        default=None, description="Source languages or locales (globs, any case), e.g. ['en', 'en-*']."
    )
    outlets: list[str] | None = Field(
        default=None, description="Source outlets from front matter (globs, any case)."
    )
    meta: dict[str, list[str]] | None = Field(
        default=None,
        description="Other front matter fields: field name -> globs its value must match (any case).",
    )

    def admits(self, source: Source) -> bool:
        """Whether ``source`` is in this scope."""
        if self.sources is not None and not _matches(source.id, self.sources, case=True):
            return False
        if self.language is not None and not _matches(source.language, self.language, case=False):
            return False
        if self.outlets is not None and not _matches(source.outlet, self.outlets, case=False):
            return False
        for key, patterns in (self.meta or {}).items():
            value = source.meta.get(key)
            if not _matches(None if value is None else str(value), patterns, case=False):
                return False
        return True


class ExampleSource(BaseModel):
    """One named text of an example cluster."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1, description="Source id, used by `expect` and `forbid`.")
    text: str = Field(min_length=1, description="The source text (front matter allowed).")
    published: dt.date | None = Field(default=None, description="Publication date, YYYY-MM-DD.")
    language: str | None = Field(default=None, description="Language or locale, e.g. en-GB.")
    outlet: str | None = Field(default=None, description="The outlet that published it.")
    meta: dict[str, Any] = Field(default_factory=dict, description="Other metadata, for `scope.meta`.")


class ExampleFinding(BaseModel):
    """A finding of the rule, described by the source and text of one of its evidence spans."""

    model_config = ConfigDict(extra="forbid")

    source: str = Field(min_length=1, description="Id of the source the evidence span is in.")
    text: str | None = Field(
        default=None,
        description="Text the span contains (case-sensitive); any span of the source when omitted.",
    )
    category: Category | None = Field(default=None, description="The finding's category; the rule's when omitted.")
    severity: Severity | None = Field(default=None, description="The finding's severity; any when omitted.")

    def describe(self, rule_category: str) -> str:
        what = f"“{self.text}”" if self.text is not None else "(any span)"
        level = f"/{self.severity}" if self.severity else ""
        return f"{self.source}: {what} [{self.category or rule_category}{level}]"


class RuleExample(BaseModel):
    """A multi-source example that is also a test of the rule.

    Positive when ``expect`` is not empty; negative when only ``forbid`` is.
    """

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "anyOf": [
                {"required": ["expect"], "properties": {"expect": {"minItems": 1}}},
                {"required": ["forbid"], "properties": {"forbid": {"minItems": 1}}},
            ]
        },
    )

    name: str = Field(min_length=1, description="What the example shows.")
    sources: list[ExampleSource] = Field(min_length=1, description="The texts of the cluster.")
    reference_date: dt.date | None = Field(
        default=None, description="Date relative expressions are resolved against (YYYY-MM-DD)."
    )
    expect: list[ExampleFinding] = Field(
        default_factory=list, description="Findings of this rule that must appear."
    )
    forbid: list[ExampleFinding] = Field(
        default_factory=list, description="Findings of this rule that must not appear."
    )

    @model_validator(mode="after")
    def _consistent(self) -> RuleExample:
        ids = [s.id for s in self.sources]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"duplicate source id(s) {duplicates}")
        if not self.expect and not self.forbid:
            raise ValueError("an example needs `expect` (positive) or `forbid` (negative) findings")
        unknown = sorted({f.source for f in (*self.expect, *self.forbid)} - set(ids))
        if unknown:
            raise ValueError(f"expect/forbid name unknown source(s) {unknown}; sources: {ids}")
        return self

    @property
    def positive(self) -> bool:
        return bool(self.expect)


class Rule(BaseModel):
    """One rule as written in YAML."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(
        pattern=r"^[A-Za-z0-9_][A-Za-z0-9_.\-]*$", description="Unique id: letters, digits, . _ -"
    )
    check: str = Field(description="The check type.")
    category: Category = Field(description="The report category of the rule's findings.")
    severity: Severity = Field(description="Severity of the findings (a check may raise or lower it).")
    message: str = Field(
        min_length=1, description="Template over the finding's fields: {name} is replaced by the field."
    )
    description: str = Field(default="", description="Why the rule exists.")
    link: str | None = Field(default=None, description="Where to read more.")
    enabled: bool = True
    params: dict[str, Any] = Field(default_factory=dict, description="The check type's parameters.")
    scope: RuleScope | None = Field(default=None, description="Which sources the rule applies to.")
    examples: list[RuleExample] = Field(
        default_factory=list, description="Multi-source examples, run by `factcheck rules test`."
    )

    def applies_to_any(self, sources: Iterable[Source]) -> bool:
        """Whether some source is in the rule's scope (always, without a scope)."""
        scope = self.scope
        return scope is None or any(scope.admits(s) for s in sources)

    def in_scope(self, findings: Iterable[Finding], sources: Iterable[Source]) -> list[Finding]:
        """The findings whose evidence sources are all in the rule's scope."""
        kept = list(findings)
        scope = self.scope
        if scope is None:
            return kept
        admitted = {s.id for s in sources if scope.admits(s)}
        return [f for f in kept if all(e.source in admitted for e in f.evidence)]




class RuleFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    rules: list[dict[str, Any]]


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


def bundled_rules_dir() -> Path:
    """The rule pack shipped with the library (``rules/`` in the repository).

    An installed wheel carries it as the package ``factcheck.bundled_rules``;
    a source checkout (or an editable install run from it) uses ``rules/``.
    """
    try:
        return Path(str(resources.files("factcheck.bundled_rules")))
    except ModuleNotFoundError:
        checkout = Path(__file__).resolve().parents[2] / "rules"
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
        if spec and not _SAFE_SPEC.fullmatch(spec):
            raise ValueError(
                f"template field {{{name}:{spec}}}: only a simple format spec (fill, align, sign, "
                "width up to 999, precision up to 999, type) is allowed"
            )
        names.append(name)
    return names


_SAFE_SPEC = re.compile(r"(?:[^{}]?[<>=^])?[-+ ]?z?#?0?(?:[1-9]\d{0,2})?[_,]?(?:\.\d{1,3})?[bcdeEfFgGnosxX%]?")
"""Format specs a message may use: no widths that build huge strings, nothing that raises."""


def render_message(template: str, values: dict[str, object]) -> str:
    """Fill a template checked by `template_fields`; unknown names stay visible."""
    out: list[str] = []
    for literal, name, spec, _ in string.Formatter().parse(template):
        out.append(literal)
        if name is None:
            continue
        value = values.get(name, f"{{{name}}}")
        try:
            out.append(format(value, spec) if spec else str(value))
        except (ValueError, TypeError):  # a spec that does not suit this value's type
            out.append(str(value))
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


def _model_of(annotation: Any) -> type[BaseModel] | None:
    """The pydantic model inside ``X``, ``X | None`` or ``list[X]``, if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (list, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = _model_of(arg)
            if found is not None:
                return found
    return None


def model_at(model: type[BaseModel], loc: Sequence[str | int]) -> type[BaseModel] | None:
    """The model that validates the mapping at ``loc`` inside ``model`` (None: not a model)."""
    current: type[BaseModel] | None = model
    for part in loc:
        if current is None:
            return None
        if isinstance(part, int):
            continue
        info = current.model_fields.get(part)
        current = _model_of(info.annotation) if info is not None else None
    return current


def with_valid_keys(problem: Problem, model: type[BaseModel] | None, key: object = None) -> Problem:
    """An unknown-key problem, completed with the keys the mapping allows (and the likely one)."""
    if model is None:
        return problem
    fields = list(model.model_fields)
    close = difflib.get_close_matches(str(key), fields, n=1) if key is not None else []
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    valid = ", ".join(fields) or "(none)"
    return problem.model_copy(update={"message": f"{problem.message}{hint}; valid keys: {valid}"})


def _key_problems(
    path: Path,
    doc: PositionedYaml,
    exc: ValidationError,
    prefix: tuple[str | int, ...],
    model: type[BaseModel],
    label: str = "",
) -> list[Problem]:
    """Validation problems of ``model``; unknown keys list the valid keys of their mapping."""
    problems = []
    for error, found in zip(exc.errors(), _validation_problems(path, doc, exc, prefix), strict=True):
        problem = found
        if error["type"] == "extra_forbidden":
            problem = with_valid_keys(problem, model_at(model, error["loc"][:-1]), error["loc"][-1])
        if label and len(error["loc"]) > 1:  # inside params, scope or examples: say whose
            problem = problem.model_copy(update={"message": f"{label}{problem.message}"})
        problems.append(problem)
    return problems


def _build_rule(
    raw: dict[str, Any], path: Path, doc: PositionedYaml, prefix: tuple[str | int, ...]
) -> LoadedRule | list[Problem]:
    try:
        rule = Rule.model_validate(raw)
    except ValidationError as exc:
        rule_id = raw.get("id") if isinstance(raw, dict) else None
        label = f"rule {rule_id!r}: " if isinstance(rule_id, str) else ""
        return _key_problems(path, doc, exc, prefix, Rule, label)
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
            p.model_copy(
                update={
                    "message": f"rule {rule.id!r}: params"
                    + (": " if p.message.startswith("unknown key") else ".")
                    + p.message
                }
            )
            for p in _key_problems(path, doc, exc, (*prefix, "params"), check_type.Params)
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
    line, column = doc.position((*prefix, "id")) or doc.position(prefix) or (None, None)
    return LoadedRule(rule, check_type(rule, params), str(path), line, column)


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


def registered_packs() -> list[str]:
    """Names of the rule packs installed packages register (``factcheck.rulepacks``)."""
    return sorted({entry.name for entry in entry_points(group=RULEPACK_ENTRY_POINTS)})


def _pack_location(loaded: object) -> Path:
    """The directory an entry point designates: a path, a callable returning one, or a module."""
    if isinstance(loaded, types.ModuleType):
        package_dirs = list(getattr(loaded, "__path__", []))
        if package_dirs:  # a package: its directory is the pack
            return Path(package_dirs[0])
        if loaded.__file__ is None:
            raise TypeError(f"module {loaded.__name__} has no location")
        return Path(loaded.__file__).parent
    if callable(loaded):
        loaded = loaded()
    if isinstance(loaded, str | os.PathLike):
        return Path(loaded)
    if hasattr(loaded, "joinpath"):  # an importlib.resources Traversable
        return Path(str(loaded))
    raise TypeError(f"expected a directory path, got {type(loaded).__name__}")


def resolve_pack(spec: str | Path) -> Path:
    """A rule pack directory from a directory path or a registered pack name.

    An existing directory wins; otherwise a name registered under the
    ``factcheck.rulepacks`` entry point group is loaded.  Raises
    `FactcheckError` when the name is registered but its entry point fails.
    """
    path = Path(spec)
    if path.is_dir() or os.sep in str(spec) or "/" in str(spec):
        return path
    for entry in entry_points(group=RULEPACK_ENTRY_POINTS, name=str(spec)):
        try:
            return _pack_location(entry.load())
        except Exception as exc:  # a broken plugin is reported, not fatal
            raise FactcheckError(f"rule pack {entry.name!r} ({entry.value}) failed to load: {exc}") from exc
    return path


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
            ruleset.problems.append(_problem(str(spec), str(exc), None))
            ruleset.rule_files_failed += 1
            continue
        if not directory.is_dir():
            known = registered_packs()
            hint = f"; installed packs: {', '.join(known)}" if known else ""
            ruleset.problems.append(_problem(directory, f"rule pack directory not found{hint}", None))
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
                ruleset.problems.extend(_key_problems(manifest_path, doc, exc, (), PackManifest))
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
                    _problem(path, "links outside its rule pack; not loaded", None, "names")
                )
                continue
            name_list, problems = load_name_list(path)
            ruleset.problems.extend(problems)
            if name_list is not None:
                ruleset.name_lists.append(name_list)
    return ruleset
