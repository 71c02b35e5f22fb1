"""pytest plugin: rule files' examples as test items, and a fixture for checking texts.

Registered through the ``pytest11`` entry point, so it is active wherever
factcheck is installed.  pytest collects every ``*.yaml``/``*.yml`` file
with a top-level ``rules:`` key found under the directories of the ini
option ``factcheck_rule_dirs`` (relative to the ini file or rootdir; when
unset, ``rules`` and only packs there with a ``pack.yaml`` manifest), as far
as collection reaches them: list those directories in ``testpaths`` or on the
command line.  Each rule becomes a collector with one item per example and
one ``examples`` item that checks it has a positive and a negative example;
a file that does not load fully gets a failing ``load`` item naming file,
line and column.  Disable with ``-p no:factcheck``.

The ``factcheck_cluster`` fixture checks a cluster of texts in your tests::

    def test_casing(factcheck_cluster):
        report = factcheck_cluster({"a": "Leaders of nato met.", "b": "NATO leaders met."})
        assert [f.rule for f in report.findings] == ["names.casing"]

and a candidate against trusted references (``references=``, docs/trusted-sources.md)::

    def test_summary(factcheck_cluster):
        report = factcheck_cluster(
            {"summary": "The storm killed 31 people."}, references={"wire": "The storm killed 13 people."}
        )
        assert [f.evidence[0].source for f in report.at_or_above("warning")] == ["summary"]

The heavy imports (spaCy) happen only when a rule file or the fixture is used.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from factcheck.report import Report
    from factcheck.rule_tests import FileRules
    from factcheck.rulebook.loader import LoadedRule

INI_RULE_DIRS = "factcheck_rule_dirs"
DEFAULT_RULE_DIRS = ("rules",)
SUFFIXES = (".yaml", ".yml")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini(
        INI_RULE_DIRS,
        "directories whose factcheck rule files are collected as tests "
        "(default: rules, for packs with a pack.yaml manifest)",
        type="args",  # type: ignore[maybe-unrecognized-str-typeform,unused-ignore]
        default=[],
    )


def _rule_dirs(config: pytest.Config) -> tuple[list[Path], bool]:
    """The directories to collect from, and whether a ``pack.yaml`` is required.

    Unconfigured, only ``rules/`` packs with a manifest are collected, so an
    unrelated ``rules/`` directory (other tools' YAML rules) is left alone.
    """
    base = config.inipath.parent if config.inipath else config.rootpath
    configured = list(config.getini(INI_RULE_DIRS))
    names = configured or list(DEFAULT_RULE_DIRS)
    return [(base / d).resolve() for d in names], not configured


_RULES_KEY = re.compile(r"^rules[ \t]*:", re.M)


def _looks_like_rule_file(path: Path) -> bool:
    """A file with a top-level ``rules:`` key (a cheap test: name lists are large)."""
    try:
        return _RULES_KEY.search(path.read_text(encoding="utf-8", errors="replace")) is not None
    except OSError:
        return False


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if file_path.suffix not in SUFFIXES or file_path.name in ("pack.yaml", "pack.yml"):
        return None
    resolved = file_path.resolve()
    directories, need_manifest = _rule_dirs(parent.config)
    if not any(resolved.is_relative_to(d) for d in directories):
        return None
    if need_manifest and not (file_path.parent / "pack.yaml").is_file():
        return None
    if not _looks_like_rule_file(file_path):
        return None
    collector: pytest.Collector = RuleFileCollector.from_parent(parent, path=file_path)
    return collector


class RuleFileCollector(pytest.File):
    """A rule file: a ``load`` item when it has problems, then one collector per rule."""

    def collect(self) -> Iterator[pytest.Item | pytest.Collector]:
        from factcheck.rule_tests import file_rules

        loaded = file_rules(self.path)
        if loaded.problems:
            yield RuleLoadItem.from_parent(self, name="load", problems=[str(p) for p in loaded.problems])
        for rule in loaded.rules:
            yield RuleCollector.from_parent(self, name=rule.rule.id, rule=rule, file_rules=loaded)


class RuleCollector(pytest.Collector):
    def __init__(self, *, rule: LoadedRule, file_rules: FileRules, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.rule = rule
        self.file_rules = file_rules

    def collect(self) -> Iterator[pytest.Item]:
        names: set[str] = set()
        for index, example in enumerate(self.rule.rule.examples):
            name = example.name.replace("::", ":")
            if name in names:
                name = f"{name} ({index + 1})"
            names.add(name)
            yield RuleExampleItem.from_parent(self, name=name, index=index)
        yield RuleCoverageItem.from_parent(self, name="examples")

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, (self.rule.line or 1) - 1, f"rule {self.rule.rule.id}"


class RuleExampleError(Exception):
    """An example whose findings differ from what it expects."""


class RuleLoadItem(pytest.Item):
    def __init__(self, *, problems: Sequence[str], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.problems = list(problems)

    def runtest(self) -> None:
        raise RuleExampleError("\n".join(f"rule problem: {p}" for p in self.problems))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, RuleExampleError):
            return str(excinfo.value)
        return str(super().repr_failure(excinfo, style=style))

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, 0, f"{self.path.name}: load"


class _RuleItem(pytest.Item):
    parent: RuleCollector

    @property
    def rule(self) -> LoadedRule:
        return self.parent.rule

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, RuleExampleError):
            return str(excinfo.value)
        return str(super().repr_failure(excinfo, style=style))


class RuleExampleItem(_RuleItem):
    def __init__(self, *, index: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.index = index

    def _line(self) -> int | None:
        return self.parent.file_rules.lines.get((self.rule.rule.id, self.index))

    def runtest(self) -> None:
        from factcheck.rule_tests import run_example

        if not self.rule.rule.enabled:
            pytest.skip(f"rule {self.rule.rule.id} is disabled")
        packs = [self.parent.file_rules.pack]
        outcome = run_example(self.rule, self.index, packs, line=self._line())
        if not outcome.passed:
            raise RuleExampleError(outcome.explain())

    def reportinfo(self) -> tuple[Path, int | None, str]:
        line = self._line() or self.rule.line or 1
        example = self.rule.rule.examples[self.index]
        return self.path, line - 1, f"{self.rule.rule.id}: {example.name}"


class RuleCoverageItem(_RuleItem):
    def runtest(self) -> None:
        from factcheck.rule_tests import coverage_problems

        missing = coverage_problems(self.rule)
        if missing:
            where = f"{self.rule.path}:{self.rule.line}"
            raise RuleExampleError("\n".join(f"{where}: rule {self.rule.rule.id!r}: {m}" for m in missing))

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, (self.rule.line or 1) - 1, f"{self.rule.rule.id}: examples"


ClusterChecker = Callable[..., "Report"]


@pytest.fixture()
def factcheck_cluster() -> ClusterChecker:
    """A function checking one cluster of texts: ``(texts, **check_kwargs) -> Report``.

    ``texts`` is a mapping of source id to text (the meaning a mapping has
    everywhere, as in ``factcheck.check(texts=...)``), or a list of texts (ids
    ``s1``, ``s2``, ...); front matter in a text is read (``published:``...).
    ``references``, given the same way (ids ``r1``, ``r2``, ...), are trusted
    texts the others are checked against.  Other keyword arguments go to
    `factcheck.check` (``rules``, ``reference_date``, ``model``,
    ``include_claims``).
    """

    def run(
        texts: Mapping[str, str] | Sequence[str],
        references: Mapping[str, str] | Sequence[str] | None = None,
        **kwargs: Any,
    ) -> Report:
        from factcheck.pipeline import check

        if isinstance(texts, str):
            raise TypeError("pass a list or a dict of texts, not one string")
        named = texts if isinstance(texts, Mapping) else {f"s{i}": t for i, t in enumerate(texts, 1)}
        trusted = _sources(references, "r") if references is not None else None
        return check(texts=named, references=trusted, **kwargs)

    return run


def _sources(texts: Mapping[str, str] | Sequence[str], prefix: str) -> list[Any]:
    """Texts as `Source` objects: a mapping keeps its ids, a list is numbered (``s1``, ``r1`` ...)."""
    from factcheck.sources.model import Source

    if isinstance(texts, str):
        raise TypeError("pass a list or a dict of texts, not one string")
    items = texts.items() if isinstance(texts, Mapping) else ((f"{prefix}{i}", t) for i, t in enumerate(texts, 1))
    return [Source.from_text(text, id=source_id) for source_id, text in items]
