"""SARIF 2.1.0, so code-scanning tools show the findings on the source files.

One run; ``tool.driver.rules`` lists every rule that was loaded (disabled
ones with ``defaultConfiguration.enabled: false``).  Each finding is a
result at its first evidence span, the other spans being
``relatedLocations``.  Columns count Unicode code points (``columnKind:
unicodeCodePoints``), as the report's offsets do; ``charOffset`` and
``charLength`` are those offsets.  Problems (unreadable sources, broken rule
files) are ``toolExecutionNotifications`` of the invocation.
"""

from __future__ import annotations

import json
from importlib import metadata
from typing import Any

from factcheck.output.locations import SourceLocator, describe, path_uri, rules_of
from factcheck.report import Evidence, Finding, Report, RuleInfo
from factcheck.version import __version__

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
DISTRIBUTION = "factcheck-consistency"
FALLBACK_URI = "https://example.invalid/factcheck/docs"
FINGERPRINT_KEY = "factcheck/v1"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def information_uri() -> str:
    """The project's documentation address, from the installed package's metadata."""
    try:
        for entry in metadata.metadata(DISTRIBUTION).get_all("Project-URL") or []:
            label, _, url = str(entry).partition(",")
            if label.strip().lower() in ("documentation", "homepage") and url.strip():
                return url.strip()
    except metadata.PackageNotFoundError:
        pass
    return FALLBACK_URI


def message_text(text: str) -> str:
    """A plain-text SARIF message: literal brackets escaped, braces doubled (SARIF §3.11)."""
    return (
        text.replace("{", "{{")
        .replace("}", "}}")
        .replace("[", "\\[")
        .replace("]", "\\]")
    )


def _short(description: str, fallback: str) -> str:
    text = description.strip()
    if not text:
        return fallback
    head, dot, _ = text.partition(". ")
    return head + ("." if dot else "")


def _rule_descriptor(rule: RuleInfo) -> dict[str, Any]:
    descriptor: dict[str, Any] = {
        "id": rule.id,
        "name": rule.id,
        "shortDescription": {"text": _short(rule.description, f"{rule.category} check")},
        "defaultConfiguration": {"level": LEVELS[rule.severity], "enabled": rule.enabled},
        "properties": {"category": rule.category, "tags": [rule.category]},
    }
    if rule.description:
        descriptor["fullDescription"] = {"text": rule.description}
    if rule.link:
        descriptor["helpUri"] = rule.link
    return descriptor


class _Builder:
    def __init__(self, report: Report) -> None:
        self.report = report
        self.locator = SourceLocator(report)
        self.artifact_index: dict[str, int] = {}
        self.artifacts: list[dict[str, Any]] = []
        for source in report.sources:
            self.artifact_index[source.id] = len(self.artifacts)
            artifact: dict[str, Any] = {
                "location": {"uri": self.locator.uri(source.id)},
                # A reference (trusted-sources mode) is read to check the others, not analysed itself.
                "roles": ["referencedOnCommandLine"] if source.role == "reference" else ["analysisTarget"],
                "mimeType": "text/markdown" if (source.path or "").lower().endswith(".md") else "text/plain",
                "properties": {"sourceId": source.id},
            }
            if source.role is not None:
                artifact["properties"]["role"] = source.role
            if source.path is not None:
                artifact["encoding"] = "utf-8"
                text = report.source_text(source.id)
                if text is not None:
                    artifact["length"] = len(text.encode("utf-8", "surrogatepass"))
            self.artifacts.append(artifact)

    def location(self, evidence: Evidence, location_id: int | None = None) -> dict[str, Any]:
        artifact: dict[str, Any] = {"uri": self.locator.uri(evidence.source)}
        if evidence.source in self.artifact_index:
            artifact["index"] = self.artifact_index[evidence.source]
        physical: dict[str, Any] = {"artifactLocation": artifact}
        region = self.locator.region(evidence)
        if region is not None:
            physical["region"] = {
                "startLine": region.start_line,
                "startColumn": region.start_column,
                "endLine": region.end_line,
                "endColumn": region.end_column,
                "charOffset": region.char_offset,
                "charLength": region.char_length,
                "snippet": {"text": evidence.text},
            }
        location: dict[str, Any] = {"physicalLocation": physical}
        if location_id is not None:
            location["id"] = location_id
        location["message"] = {"text": message_text(describe(evidence))}
        return location

    def result(self, finding: Finding, rule_index: int | None) -> dict[str, Any]:
        result: dict[str, Any] = {
            "ruleId": finding.rule,
            "level": LEVELS[finding.severity],
            "kind": "fail",
            "message": {"text": message_text(finding.message)},
            "partialFingerprints": {FINGERPRINT_KEY: finding.fingerprint},
            "properties": {
                "category": finding.category,
                "severity": finding.severity,
                "sources": list(dict.fromkeys(e.source for e in finding.evidence)),
            },
        }
        if rule_index is not None:
            result["ruleIndex"] = rule_index
        if finding.suggestion is not None:
            result["properties"]["suggestion"] = finding.suggestion
        if finding.evidence:
            first, *others = finding.evidence
            result["locations"] = [self.location(first)]
            if others:
                result["relatedLocations"] = [
                    self.location(evidence, n) for n, evidence in enumerate(others, start=1)
                ]
        return result

    def notifications(self) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for problem in self.report.problems:
            notification: dict[str, Any] = {
                "level": LEVELS[problem.severity],
                "message": {"text": message_text(problem.message)},
                "descriptor": {"id": f"{problem.kind}-problem"},
                "properties": {"kind": problem.kind, "path": problem.path},
            }
            physical: dict[str, Any] = {"artifactLocation": {"uri": path_uri(problem.path, self.locator.cwd)}}
            if problem.line is not None and problem.line >= 1:
                region: dict[str, int] = {"startLine": problem.line}
                if problem.column is not None and problem.column >= 1:
                    region["startColumn"] = problem.column
                physical["region"] = region
            notification["locations"] = [{"physicalLocation": physical}]
            out.append(notification)
        return out


def build(report: Report) -> dict[str, Any]:
    """The SARIF log as a JSON-ready dict."""
    builder = _Builder(report)
    rules = rules_of(report)
    rule_index = {rule.id: n for n, rule in enumerate(rules)}
    config_broken = any(p.kind in ("rule", "names", "plugin") for p in report.problems)
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "factcheck",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": information_uri(),
                "rules": [_rule_descriptor(rule) for rule in rules],
            }
        },
        "invocations": [
            {
                "executionSuccessful": not config_broken,
                "toolExecutionNotifications": builder.notifications(),
            }
        ],
        "artifacts": builder.artifacts,
        "columnKind": "unicodeCodePoints",
        "results": [builder.result(f, rule_index.get(f.rule)) for f in report.findings],
        "properties": {"summary": report.summary.model_dump()},
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(report: Report, color: bool = False) -> str:
    return json.dumps(build(report), indent=2, ensure_ascii=False) + "\n"
