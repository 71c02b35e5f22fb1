"""JUnit XML, for CI systems that show test results.

Suite ``factcheck.rules`` has one test case per rule that was loaded: it
passes when the rule found nothing, holds one ``<failure>`` per finding
otherwise, is ``<skipped>`` when the rule is disabled, and holds an
``<error>`` when the rule failed to run.  Suite ``factcheck.sources`` has
one test case per source read, and an ``<error>`` test case per problem
(an unreadable source, a broken rule file or name list).
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
from factcheck.report import Finding, Problem, Report, RuleInfo

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
        return sum(len(case.findall(tag)) for case in cases)

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


def build(report: Report) -> ET.Element:
    locator = SourceLocator(report)
    by_rule = findings_by_rule(report)
    rule_problems: set[int] = set()
    rule_cases: list[ET.Element] = []
    for rule in rules_of(report):
        case = _element("testcase", {"classname": f"factcheck.{rule.category}", "name": rule.id, "time": "0"})
        if rule.path:
            case.set("file", _clean(display_path(rule.path, locator.cwd)))
            if rule.line is not None:
                case.set("line", str(rule.line))
        if not rule.enabled:
            case.append(_element("skipped", {"message": "rule disabled"}))
        for problem in _rule_failed(rule, report.problems):
            rule_problems.add(id(problem))
            case.append(_element("error", {"message": problem.message, "type": "rule-error"}, str(problem)))
        for finding in by_rule.get(rule.id, []):
            case.append(
                _element(
                    "failure",
                    {"message": finding.message, "type": f"{finding.severity}:{finding.category}"},
                    _finding_details(finding, locator),
                )
            )
        rule_cases.append(case)

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
        case.append(_element("error", {"message": problem.message, "type": f"{problem.kind}-problem"}, str(problem)))
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


def render(report: Report, color: bool = False) -> str:
    root = build(report)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
