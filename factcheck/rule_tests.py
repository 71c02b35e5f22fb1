"""Rule self-tests: every rule's ``examples`` run as tests.

An example is a small cluster of named source texts and the findings of the
rule that must (``expect``) and must not (``forbid``) appear, as
LanguageTool's example sentences or SQLFluff's ``pass_str``/``fail_str``,
but over several sources.  Each example runs through `factcheck.check` with
the rule's pack, and only the rule's own findings count.  A failure is shown
as a unified diff of the expected and the actual findings, one line per
evidence span: ``source: “text” [category/severity]``.

`run_rule_tests` is what ``factcheck rules test`` runs; the pytest plugin
(`factcheck.pytest_plugin`) uses `file_rules` and `run_example` to make one
test item per example.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factcheck.report import Evidence, Finding, Problem, Report
from factcheck.rulebook.compiled import load_rules
from factcheck.rulebook.loader import MANIFEST, LoadedRule, RuleSet, load_rule_packs
from factcheck.rulebook.model import ExampleFinding, RuleExample
from factcheck.rulebook.packs import bundled_rules_dir, resolve_pack
from factcheck.sources.model import Source
from factcheck.yaml_positions import YamlLoadError, load_yaml_file

RULE_FILE_SUFFIXES = (".yaml", ".yml")


def finding_line(finding: Finding, evidence: Evidence) -> str:
    """One evidence span of a finding as a diff line."""
    return f"{evidence.source}: “{evidence.text}” [{finding.category}/{finding.severity}]"


def _matches(expected: ExampleFinding, rule_category: str, finding: Finding, evidence: Evidence) -> bool:
    return (
        evidence.source == expected.source
        and (expected.text is None or expected.text in evidence.text)
        and finding.category == (expected.category or rule_category)
        and (expected.severity is None or finding.severity == expected.severity)
    )


@dataclass
class ExampleOutcome:
    """The result of running one example of one rule."""

    rule_id: str
    index: int
    example: RuleExample
    path: str
    line: int | None
    actual: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    forbidden: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    diff: str = ""

    @property
    def passed(self) -> bool:
        return not (self.missing or self.forbidden or self.problems)

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}" if self.line is not None else self.path

    def explain(self) -> str:
        """Why the example failed: the diff, then each missing or forbidden finding."""
        lines = [f"{self.where}: rule {self.rule_id!r}, example {self.example.name!r} failed"]
        lines += [f"  problem: {p}" for p in self.problems]
        if self.diff:
            lines += ["  " + line for line in self.diff.splitlines()]
        lines += [f"  missing (expect): {m}" for m in self.missing]
        lines += [f"  forbidden but found: {f}" for f in self.forbidden]
        return "\n".join(lines)


def example_sources(example: RuleExample) -> list[Source]:
    """The example's texts as `Source` objects (front matter in a text is read)."""
    sources = []
    for item in example.sources:
        fields: dict[str, Any] = dict(item.meta)
        for key in ("published", "language", "outlet"):
            value = getattr(item, key)
            if value is not None:
                fields[key] = value
        source = Source.from_text(item.text, id=item.id, **fields)
        sources.append(source if item.role == "candidate" else source.model_copy(update={"role": item.role}))
    return sources


def compare(
    rule_id: str, rule_category: str, example: RuleExample, findings: Sequence[Finding]
) -> tuple[list[str], list[str], list[str], str]:
    """(actual lines, missing, forbidden, diff) for the findings of one rule on one example."""
    spans = [(f, e) for f in findings for e in f.evidence]
    actual = sorted({finding_line(f, e) for f, e in spans})
    missing = [
        x.describe(rule_category)
        for x in example.expect
        if not any(_matches(x, rule_category, f, e) for f, e in spans)
    ]
    forbidden_lines: set[str] = set()
    forbidden: list[str] = []
    for x in example.forbid:
        for f, e in spans:
            if _matches(x, rule_category, f, e):
                line = finding_line(f, e)
                forbidden_lines.add(line)
                forbidden.append(f"{line} (forbid: {x.describe(rule_category)})")
    expected = sorted([line for line in actual if line not in forbidden_lines] + missing)
    diff = ""
    if missing or forbidden:
        diff = "\n".join(
            difflib.unified_diff(
                expected,
                actual,
                fromfile=f"expected ({rule_id}: {example.name})",
                tofile="actual",
                lineterm="",
                n=max(len(expected), len(actual)),
            )
        )
    return actual, missing, sorted(set(forbidden)), diff


def run_example(
    loaded: LoadedRule,
    index: int,
    packs: Sequence[Path],
    *,
    line: int | None = None,
    model: str | None = None,
) -> ExampleOutcome:
    """Run example ``index`` of a loaded rule with the given rule packs."""
    from factcheck.pipeline import check

    example = loaded.rule.examples[index]
    report: Report = check(
        example_sources(example),
        rules=list(packs),
        reference_date=example.reference_date,
        model=model,
        include_claims=False,
    )
    findings = [f for f in report.findings if f.rule == loaded.rule.id]
    actual, missing, forbidden, diff = compare(loaded.rule.id, loaded.rule.category, example, findings)
    crashed = f"rule {loaded.rule.id!r} failed"  # the check raised on the example
    problems = [
        str(p)
        for p in report.problems
        if p.kind == "source" or (p.kind == "rule" and p.message.startswith(crashed))
    ]
    if loaded.rule.id not in {r.rule.id for r in _rules_of(packs)}:
        problems.append(f"rule {loaded.rule.id!r} is not loaded by the packs {[str(p) for p in packs]}")
    return ExampleOutcome(
        rule_id=loaded.rule.id,
        index=index,
        example=example,
        path=loaded.path,
        line=line,
        actual=actual,
        missing=missing,
        forbidden=forbidden,
        problems=problems,
        diff=diff,
    )


def _load(packs: Sequence[Path]) -> RuleSet:
    """Rule packs through the pipeline's cache, so `check` reuses them."""
    return load_rules(list(packs))


def _rules_of(packs: Sequence[Path]) -> list[LoadedRule]:
    return _load(packs).rules


def coverage_problems(loaded: LoadedRule) -> list[str]:
    """What a rule lacks: a positive example, a negative example."""
    missing = []
    if not any(e.positive for e in loaded.rule.examples):
        missing.append("no positive example (one with `expect`)")
    if not any(not e.positive for e in loaded.rule.examples):
        missing.append("no negative example (one with only `forbid`)")
    return missing


def example_lines(path: Path) -> dict[tuple[str, int], int]:
    """Line of each example in a rule file, by (rule id, example index)."""
    try:
        doc = load_yaml_file(path)
    except YamlLoadError:
        return {}
    lines: dict[tuple[str, int], int] = {}
    rules = doc.data.get("rules") if isinstance(doc.data, dict) else None
    for i, raw in enumerate(rules if isinstance(rules, list) else []):
        if not isinstance(raw, dict) or not isinstance(raw.get("examples"), list):
            continue
        for j in range(len(raw["examples"])):
            position = doc.position(("rules", i, "examples", j))
            if position and (str(raw.get("id")), j) not in lines:
                lines[(str(raw.get("id")), j)] = position[0]
    return lines


@dataclass
class FileRules:
    """The rules one file defines, loaded within its pack, and that file's problems."""

    path: Path
    pack: Path
    rules: list[LoadedRule]
    problems: list[Problem]
    lines: dict[tuple[str, int], int]


def file_rules(path: Path, pack: Path | None = None) -> FileRules:
    """Load the pack holding rule file ``path`` and keep what concerns that file."""
    pack = pack or path.parent
    ruleset = load_rules([pack])  # the cached pack `check` will use, too
    same = {str(path), str(path.resolve())}
    rules = [r for r in ruleset.rules if r.path in same or Path(r.path).resolve() == path.resolve()]
    problems = [p for p in ruleset.problems if p.path in same or Path(p.path).resolve() == path.resolve()]
    return FileRules(path, pack, rules, problems, example_lines(path))


@dataclass
class RuleOutcome:
    """One rule's examples and coverage."""

    rule: LoadedRule
    examples: list[ExampleOutcome] = field(default_factory=list)
    coverage: list[str] = field(default_factory=list)
    skipped: str | None = None
    require_examples: bool = True

    @property
    def passed(self) -> bool:
        if self.skipped is not None:
            return True
        return not (self.coverage and self.require_examples) and all(e.passed for e in self.examples)


@dataclass
class RuleTestRun:
    """Everything ``factcheck rules test`` reports."""

    rules: list[RuleOutcome] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def failed(self) -> list[RuleOutcome]:
        return [r for r in self.rules if not r.passed]

    @property
    def exit_code(self) -> int:
        """0 all pass, 1 some rule fails, 2 a rule pack or file did not load."""
        if self.problems:
            return 2
        return 1 if self.failed else 0

    def render(self, verbose: bool = False) -> str:
        lines: list[str] = [f"factcheck: rule problem: {p}" for p in self.problems]
        for outcome in self.rules:
            rule = outcome.rule
            where = f"{rule.path}:{rule.line}"
            if outcome.skipped:
                lines.append(f"SKIP {rule.rule.id} ({outcome.skipped}) {where}")
                continue
            count = len(outcome.examples)
            status = "PASS" if outcome.passed else "FAIL"
            lines.append(f"{status} {rule.rule.id} ({count} example{'s' if count != 1 else ''}) {where}")
            note = "" if outcome.require_examples else "warning: "
            lines += [f"  {where}: {note}{c}" for c in outcome.coverage]
            for example in outcome.examples:
                if not example.passed:
                    lines += ["  " + line for line in example.explain().splitlines()]
                elif verbose:
                    kind = "positive" if example.example.positive else "negative"
                    lines.append(f"  ok {example.example.name!r} ({kind})")
        examples = [e for r in self.rules for e in r.examples]
        failed_examples = sum(not e.passed for e in examples)
        lines.append(
            f"{len(self.rules)} rule(s), {len(examples)} example(s): "
            f"{len(examples) - failed_examples} passed, {failed_examples} failed; "
            f"{len(self.failed)} rule(s) failing"
            + (f"; {len(self.problems)} load problem(s)" if self.problems else "")
        )
        return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Target:
    """A pack to test, or one file of a pack."""

    pack: Path
    file: Path | None = None


def targets(paths: Iterable[str | Path] | None) -> list[Target]:
    """Packs (directories or installed pack names) and rule files to test; none: the bundled pack."""
    found: list[Target] = []
    for spec in paths or [bundled_rules_dir()]:
        path = Path(spec)
        if path.is_file() and path.suffix in RULE_FILE_SUFFIXES and path.name != MANIFEST:
            found.append(Target(path.parent, path))
        else:
            found.append(Target(resolve_pack(spec)))
    return found


def run_rule_tests(
    paths: Iterable[str | Path] | None = None,
    *,
    context: Sequence[str | Path] = (),
    require_examples: bool = True,
    model: str | None = None,
) -> RuleTestRun:
    """Run the examples of every rule in ``paths`` (packs or rule files).

    ``context`` packs are loaded alongside each pack (for their name lists,
    say) but their own examples are not run.  Without ``require_examples`` a
    rule lacking a positive or a negative example is reported but passes.
    """
    run = RuleTestRun()
    context_dirs = [resolve_pack(c) for c in context]
    for target in targets(paths):
        packs = [*context_dirs, target.pack]
        if not target.pack.is_dir():
            run.problems.extend(load_rule_packs([target.pack]).problems)
            continue
        if target.file is not None:
            loaded = file_rules(target.file, target.pack)
            rules, problems, lines = loaded.rules, loaded.problems, loaded.lines
        else:
            ruleset = _load([target.pack])
            rules, problems = ruleset.rules, ruleset.problems
            lines = {}
            for path in sorted({Path(r.path) for r in rules}):
                lines.update(example_lines(path))
        run.problems.extend(problems)
        for rule in rules:
            run.rules.append(run_rule(rule, packs, lines, require_examples=require_examples, model=model))
    return run


def run_rule(
    rule: LoadedRule,
    packs: Sequence[Path],
    lines: dict[tuple[str, int], int] | None = None,
    *,
    require_examples: bool = True,
    model: str | None = None,
) -> RuleOutcome:
    """All examples of one rule, and its coverage."""
    outcome = RuleOutcome(rule, require_examples=require_examples)
    if not rule.rule.enabled:
        outcome.skipped = "disabled"
        return outcome
    for index in range(len(rule.rule.examples)):
        line = (lines or {}).get((rule.rule.id, index))
        outcome.examples.append(run_example(rule, index, packs, line=line, model=model))
    outcome.coverage = coverage_problems(rule)
    return outcome


__all__ = [
    "ExampleOutcome",
    "FileRules",
    "RuleOutcome",
    "RuleTestRun",
    "Target",
    "compare",
    "coverage_problems",
    "example_lines",
    "example_sources",
    "file_rules",
    "finding_line",
    "run_example",
    "run_rule",
    "run_rule_tests",
    "targets",
]
