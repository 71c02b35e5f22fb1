"""Project configuration: ``factcheck.toml`` or ``[tool.factcheck]`` in ``pyproject.toml``.

The file sets what a team wants every run to use (rule packs, rules turned
off, severities, parameters, source metadata defaults, findings to ignore
with the reason why); command-line options override it.  It is found by
walking up from the working directory, as ruff and pytest find theirs.
"""

from __future__ import annotations

import difflib
import fnmatch
import tomllib
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator

from factcheck.errors import FactcheckError
from factcheck.report import Finding, Problem, Severity
from factcheck.rulebook.loader import LoadedRule, RuleSet
from factcheck.rulebook.problems import model_at
from factcheck.sources.language import validate_language_tag

CONFIG_FILE = "factcheck.toml"
PYPROJECT = "pyproject.toml"


class IgnoreEntry(BaseModel):
    """A finding silenced on purpose: by fingerprint, or a rule for some sources."""

    model_config = ConfigDict(extra="forbid")

    reason: str = Field(min_length=1, description="Why it is ignored; kept in the report.")
    fingerprint: str | None = None
    rule: str | None = None
    sources: str = Field(default="*", description="Glob over source ids (with 'rule').")

    def matches(self, finding: Finding) -> bool:
        if self.fingerprint is not None:
            return finding.fingerprint == self.fingerprint
        if self.rule is not None and finding.rule != self.rule:
            return False
        return all(fnmatch.fnmatchcase(e.source, self.sources) for e in finding.evidence)


class SourceDefaults(BaseModel):
    """Metadata for sources that do not state it."""

    model_config = ConfigDict(extra="forbid")

    language: str | None = Field(
        default=None,
        description="ISO 639-1 code, e.g. en-GB: the locale of sources that state none, "
        "and their language when detection cannot tell.",
    )
    outlet: str | None = None

    @field_validator("language")
    @classmethod
    def _iso_language(cls, language: str | None) -> str | None:
        return None if language is None else validate_language_tag(language)


class Config(BaseModel):
    """What ``factcheck.toml`` (or ``[tool.factcheck]``) may set; each key as the CLI option of its name."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    rules: list[str] | None = Field(
        default=None, description="Rule packs used instead of the bundled one: directories or installed pack names."
    )
    extra_rules: list[str] = Field(
        default_factory=list,
        alias="extra-rules",
        description="Rule packs loaded in addition to `rules` (or to the bundled pack).",
    )
    model: str | None = None
    reference_date: str | None = Field(default=None, alias="reference-date")
    fail_on: Severity | None = Field(default=None, alias="fail-on")
    format: str | None = None
    jobs: int | None = Field(default=None, ge=1)
    cache: bool | str | None = None
    clusters: bool | None = None
    baseline: str | None = Field(default=None, description="Baseline file whose findings are left out.")
    max_source_bytes: int | None = Field(
        default=None, alias="max-source-bytes", ge=0, description="Largest source in bytes of UTF-8 (0: no limit)."
    )
    disable: list[str] = Field(default_factory=list, description="Rule ids turned off.")
    enable: list[str] = Field(default_factory=list, description="Rule ids turned on (disabled in their pack).")
    severity: dict[str, Severity] = Field(default_factory=dict, description="Severity by rule id.")
    params: dict[str, dict[str, Any]] = Field(default_factory=dict, description="Parameters by rule id.")
    sources: SourceDefaults = Field(default_factory=SourceDefaults)
    references: list[str] = Field(
        default_factory=list,
        description="Trusted reference sources (files, directories, .jsonl) the checked sources must agree "
        "with, relative to the configuration file; --reference replaces them.",
    )
    ignore: list[IgnoreEntry] = Field(default_factory=list)
    _path: str | None = PrivateAttr(default=None)

    @property
    def path(self) -> str | None:
        """Where the configuration was read from (None: built in code)."""
        return self._path


def config_keys(model: type[BaseModel]) -> list[str]:
    """The keys a configuration table takes, as written in the file (``fail-on``, not ``fail_on``)."""
    return [info.alias or name for name, info in model.model_fields.items()]


def _key_error(error: Any, where: str) -> str:
    """One validation error of a configuration file, with the keys its table takes."""
    loc = tuple(error["loc"])
    names = [str(p) for p in loc]
    if error["type"] != "extra_forbidden":
        return f"{where}{'.'.join(names)}: {str(error['msg']).removeprefix('Value error, ')}"
    table = model_at(Config, loc[:-1])
    if table is None:  # a free-form table (severity, params): no fixed keys
        return f"{where}{'.'.join(names)}: unknown key"
    keys = config_keys(table)
    unknown = str(loc[-1]).replace("_", "-")
    close = difflib.get_close_matches(unknown, keys, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return f"{where}{'.'.join(names)}: unknown key{hint}; valid keys: {', '.join(keys)}"


def find_config(start: Path | None = None) -> Path | None:
    """The nearest ``factcheck.toml``, or ``pyproject.toml`` with a ``[tool.factcheck]`` table."""
    directory = (start or Path.cwd()).resolve()
    for folder in (directory, *directory.parents):
        candidate = folder / CONFIG_FILE
        if candidate.is_file():
            return candidate
        pyproject = folder / PYPROJECT
        if pyproject.is_file():
            try:
                if "factcheck" in tomllib.loads(pyproject.read_text(encoding="utf-8")).get("tool", {}):
                    return pyproject
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                continue
    return None


def load_config(path: Path) -> Config:
    """Read and validate a configuration file; raises `FactcheckError` naming file and key."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise FactcheckError(f"{path}: cannot read the configuration: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise FactcheckError(f"{path}: invalid TOML: {exc}") from exc
    table = data.get("tool", {}).get("factcheck", {}) if path.name == PYPROJECT else data
    prefix = "tool.factcheck." if path.name == PYPROJECT else ""
    try:
        config = Config.model_validate(table)
    except ValidationError as exc:
        raise FactcheckError("; ".join(_key_error(e, f"{path}: {prefix}") for e in exc.errors())) from None
    config._path = str(path)
    base = path.parent
    if config.rules is not None:
        config.rules = [str(base / r) if (base / r).exists() else r for r in config.rules]
    config.extra_rules = [str(base / r) if (base / r).exists() else r for r in config.extra_rules]
    if config.baseline is not None:
        config.baseline = str(base / config.baseline)
    if isinstance(config.cache, str):
        config.cache = str(base / config.cache)
    config.references = [str(base / r) for r in config.references]
    return config


def apply_rule_overrides(ruleset: RuleSet, config: Config) -> RuleSet:
    """A copy of the rules with the configuration's switches, severities and parameters.

    An override naming no loaded rule, or parameters the check refuses, is a
    problem in the report, never silently dropped.
    """
    where = config.path or "configuration"
    known = {item.rule.id for item in ruleset.rules}
    problems: list[Problem] = []
    for rule_id in sorted({*config.disable, *config.enable, *config.severity, *config.params} - known):
        problems.append(Problem(kind="rule", path=where, message=f"configuration names unknown rule {rule_id!r}"))
    rules: list[LoadedRule] = []
    for item in ruleset.rules:
        rule = item.rule
        update: dict[str, Any] = {}
        if rule.id in config.disable:
            update["enabled"] = False
        if rule.id in config.enable:
            update["enabled"] = True
        if rule.id in config.severity:
            update["severity"] = config.severity[rule.id]
        check = item.check
        if rule.id in config.params:
            merged = {**rule.params, **config.params[rule.id]}
            try:
                params = type(check).Params.model_validate(merged)
            except ValidationError as exc:
                detail = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
                problems.append(Problem(kind="rule", path=where, message=f"params of {rule.id!r}: {detail}"))
                rules.append(item)
                continue
            update["params"] = merged
        if not update:
            rules.append(item)
            continue
        new_rule = rule.model_copy(update=update)
        new_check = type(check)(new_rule, params if rule.id in config.params else check.params)
        rules.append(replace(item, rule=new_rule, check=new_check))
    return replace(ruleset, rules=rules, problems=[*ruleset.problems, *problems])


def split_ignored(
    findings: Iterable[Finding], entries: Iterable[IgnoreEntry]
) -> tuple[list[Finding], list[tuple[Finding, str]]]:
    """Findings kept, and those an ignore entry silences with its reason."""
    entries = list(entries)
    kept: list[Finding] = []
    ignored: list[tuple[Finding, str]] = []
    for finding in findings:
        entry = next((e for e in entries if e.matches(finding)), None)
        if entry is None:
            kept.append(finding)
        else:
            ignored.append((finding, entry.reason))
    return kept, ignored
