"""JUnit XML, for CI systems that show test results (GitLab, Jenkins, GitHub test reporters).

Those readers take one outcome per test case: a second ``<failure>`` in a
case is dropped or breaks the parse, and a suite whose ``failures`` exceeds
its ``tests`` is nonsense to them.  So every test case here holds at most
one of ``<failure>``, ``<error>`` or ``<skipped>``, and the counts are
counted from the cases written.

Suite ``factcheck.rules``: one test case per finding, named after its rule
and the spans it is about (``quantities.conflict: a “40 people” / b “12
people”``, stable across runs as the fingerprint is), with ``file`` and
``line`` of its first span; it fails when the finding is at or above
``fail_on`` (as the exit status does) and passes otherwise, its details in
``<system-out>``.  A rule without findings is one passing test case; a
disabled rule one ``<skipped>`` case; a rule that failed to run one case
with an ``<error>``.  Suite ``factcheck.sources``: one test case per source
read, and an ``<error>`` test case per problem (an unreadable source, a
broken rule file or name list).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from factcheck.output.locations import (
    SourceLocator,
    describe,
    display_path,
    findings_by_rule,
    reference_ids,
    rules_of,
)
from factcheck.report import SEVERITY_RANK, Finding, Problem, Report, RuleInfo, Severity

OUTCOMES = ("failure", "error", "skipped")
"""The elements that make a test case not pass; a case holds at most one."""
NAME_SPAN_CHARS = 40
"""A span's text in a test case name is cut to this many characters."""

# Characters XML 1.0 cannot carry even escaped; replaced so the file always parses.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _element(tag: str, attrib: dict[str, str] | None = None, text: str | None = None) -> ET.Element:
    element = ET.Element(tag, {k: _clean(v) for k, v in (attrib or {}).items()})
    if text is not None:
        element.text = _clean(text)
    return element


def _finding_details(finding: Finding, locator: SourceLocator) -> str:
    lines = [finding.message, ""]
    references = reference_ids(locator.report)
    for evidence in finding.evidence:
        where = locator.path(evidence.source) or evidence.source
        if evidence.source in references:
            where += " (reference)"
        region = locator.region(evidence)
        if region is not None:
            where += f":{region.start_line}:{region.start_column}"
        lines.append(f"  {where}: {describe(evidence)}")
    if finding.suggestion:
        lines.append(f"  suggestion: {finding.suggestion}")
    lines.append(f"  fingerprint: {finding.fingerprint}")
    return "\n".join(lines) + "\n"


def _rule_failed(rule: RuleInfo, problems: list[Problem]) -> list[Problem]:
    return [
        p
        for p in problems
        if p.kind == "rule" and p.path == rule.path and p.line == rule.line and f"{rule.id!r}" in p.message
    ]


def _suite(name: str, cases: list[ET.Element]) -> ET.Element:
    def count(tag: str) -> int:
        return sum(case.find(tag) is not None for case in cases)

    for case in cases:
        assert sum(case.find(tag) is not None for tag in OUTCOMES) <= 1, "one outcome per test case"
    suite = _element(
        "testsuite",
        {
            "name": name,
            "tests": str(len(cases)),
            "failures": str(count("failure")),
            "errors": str(count("error")),
            "skipped": str(count("skipped")),
            "time": "0",
        },
    )
    suite.extend(cases)
    return suite


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= NAME_SPAN_CHARS else text[: NAME_SPAN_CHARS - 1] + "…"


def finding_case_name(finding: Finding) -> str:
    """The rule and the spans: what the finding is about, readable and stable across runs."""
    spans = " / ".join(f"{e.source} “{_short(e.text)}”" for e in finding.evidence)
    return f"{finding.rule}: {spans}" if spans else finding.rule


def _rule_case(rule: RuleInfo, locator: SourceLocator) -> ET.Element:
    case = _element("testcase", {"classname": f"factcheck.{rule.category}", "name": rule.id, "time": "0"})
    if rule.path:
        case.set("file", _clean(display_path(rule.path, locator.cwd)))
        if rule.line is not None:
            case.set("line", str(rule.line))
    return case


def _finding_case(finding: Finding, name: str, locator: SourceLocator, fail_on: Severity) -> ET.Element:
    case = _element("testcase", {"classname": f"factcheck.{finding.category}", "name": name, "time": "0"})
    first = finding.evidence[0] if finding.evidence else None
    path = locator.path(first.source) if first is not None else None
    if first is not None and path is not None:
        case.set("file", _clean(path))
        region = locator.region(first)
        if region is not None:
            case.set("line", str(region.start_line))
    details = _finding_details(finding, locator)
    if SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[fail_on]:
        attrib = {"message": finding.message, "type": f"{finding.severity}:{finding.category}"}
        case.append(_element("failure", attrib, details))
    else:  # below --fail-on: shown, not failed
        case.append(_element("system-out", None, f"{finding.severity}: {details}"))
    return case


def _unique(name: str, taken: set[str]) -> str:
    """``name``, or ``name (2)``, ``name (3)``...: a reader keys test cases by name."""
    candidate, n = name, 1
    while candidate in taken:
        n += 1
        candidate = f"{name} ({n})"
    taken.add(candidate)
    return candidate


def build(report: Report, fail_on: Severity = "warning") -> ET.Element:
    """The JUnit document; findings at or above ``fail_on`` are failures."""
    locator = SourceLocator(report)
    by_rule = findings_by_rule(report)
    rule_problems: set[int] = set()
    rule_cases: list[ET.Element] = []
    names: set[str] = set()
    for rule in rules_of(report):
        findings = by_rule.get(rule.id, [])
        crashed = _rule_failed(rule, report.problems)
        rule_problems.update(id(problem) for problem in crashed)
        if crashed:
            case = _rule_case(rule, locator)
            text = "\n".join(str(problem) for problem in crashed) + "\n"
            case.append(_element("error", {"message": crashed[0].message, "type": "rule-error"}, text))
            rule_cases.append(case)
        elif not rule.enabled:
            case = _rule_case(rule, locator)
            case.append(_element("skipped", {"message": "rule disabled"}))
            rule_cases.append(case)
        elif not findings:
            rule_cases.append(_rule_case(rule, locator))
        for finding in findings:
            name = _unique(finding_case_name(finding), names)
            rule_cases.append(_finding_case(finding, name, locator, fail_on))

    source_cases: list[ET.Element] = []
    for source in report.sources:
        attrib = {"classname": "factcheck.sources", "name": source.id, "time": "0"}
        path = locator.path(source.id)
        if path is not None:
            attrib["file"] = path
        case = _element("testcase", attrib)
        if source.role is not None:  # trusted-sources mode: which sources are the references
            properties = _element("properties")
            properties.append(_element("property", {"name": "role", "value": source.role}))
            case.append(properties)
        source_cases.append(case)
    for problem in report.problems:
        if id(problem) in rule_problems:
            continue
        attrib = {"classname": f"factcheck.{problem.kind}-problems", "name": str(problem), "time": "0"}
        attrib["file"] = display_path(problem.path, locator.cwd)
        if problem.line is not None:
            attrib["line"] = str(problem.line)
        case = _element("testcase", attrib)
        if problem.severity == "error":
            kind = f"{problem.kind}-problem"
            case.append(_element("error", {"message": problem.message, "type": kind}, str(problem)))
        else:  # a warning or a note: the source was checked, the test case passes and says why it is listed
            case.append(_element("system-out", {}, f"{problem.severity}: {problem}"))
        source_cases.append(case)

    suites = [_suite("factcheck.rules", rule_cases), _suite("factcheck.sources", source_cases)]
    root = _element(
        "testsuites",
        {
            "name": "factcheck",
            "tests": str(sum(int(s.get("tests", "0")) for s in suites)),
            "failures": str(sum(int(s.get("failures", "0")) for s in suites)),
            "errors": str(sum(int(s.get("errors", "0")) for s in suites)),
            "skipped": str(sum(int(s.get("skipped", "0")) for s in suites)),
            "time": "0",
        },
    )
    root.extend(suites)
    return root


def render(report: Report, color: bool = False, *, fail_on: Severity = "warning") -> str:
    root = build(report, fail_on)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
