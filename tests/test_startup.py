"""Start-up does only what the run needs: each probe runs in a fresh interpreter.

``import factcheck`` and ``factcheck --help`` must not pay for pydantic's
models or spaCy (issue 19); the package's names still resolve on first use
and `Report.render` still finds the output formats.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import factcheck


def _run_probe(probe: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)


def _run(probe: str) -> str:
    return _run_probe(probe).stdout.strip()


_QUIET_HELP = (
    "import sys, contextlib, io\n"
    "from factcheck.cli import main\n"
    "with contextlib.redirect_stdout(io.StringIO()):\n"
    "    try:\n"
    "        main(['--help'])\n"
    "    except SystemExit:\n"
    "        pass\n"
)
"""A probe's start: ``factcheck --help`` run in the fresh interpreter, its output thrown away."""


def test_import_factcheck_loads_neither_pydantic_nor_the_models() -> None:
    probe = (
        "import sys, factcheck\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pydantic', 'spacy', 'yaml')"
        " or m.startswith('factcheck.')))\n"
    )
    assert _run(probe) == "['factcheck.render_formats', 'factcheck.version']"


def test_help_loads_neither_pydantic_nor_spacy() -> None:
    probe = (
        _QUIET_HELP + "print(sorted({m.split('.')[0] for m in sys.modules} & {'pydantic', 'spacy', 'pint', 'rich'}))\n"
    )
    assert _run(probe) == "[]"


def test_help_and_rules_list_do_not_load_spacy() -> None:
    """`factcheck --help` starts without spaCy, and `rules list` without the extraction pipeline.

    (A check plugin may import spaCy itself: the example plugin the suite installs does.)
    """
    probe = _QUIET_HELP + (
        "    print('spacy' in sys.modules, file=sys.stderr)\n"
        "    main(['rules', 'list', '--no-config'])\n"
        "print(sorted(m for m in sys.modules if m.startswith(('factcheck.extraction', 'factcheck.pipeline'))))\n"
    )
    run = _run_probe(probe)
    assert run.stderr.strip() == "False"
    assert run.stdout.strip() == "[]"


def test_every_public_name_resolves_to_its_module_object() -> None:
    from factcheck.pipeline import check
    from factcheck.report import Report
    from factcheck.sources.model import Source

    assert factcheck.check is check and factcheck.Report is Report and factcheck.Source is Source
    assert set(factcheck.__all__) <= set(dir(factcheck))
    for name in factcheck.__all__:
        assert getattr(factcheck, name) is not None
    try:
        factcheck.no_such_name  # noqa: B018 - the attribute access is the test
    except AttributeError as exc:
        assert "no_such_name" in str(exc)
    else:
        raise AssertionError("an unknown name must raise AttributeError")


def test_a_report_imported_alone_still_renders() -> None:
    """Importing `factcheck.report` first still runs the package's wiring of the output formats."""
    probe = (
        "from factcheck.report import Report\n"
        "report = Report.build(sources=[], findings=[], rules=[], rule_files_failed=0)\n"
        "as_json = report.render('json') == report.model_dump_json(indent=2) + '\\n'\n"
        "print(as_json, '0 source(s) checked' in report.render())\n"
    )
    assert _run(probe) == "True True"


def test_the_pipeline_is_loaded_once_whatever_names_the_default() -> None:
    from factcheck.extraction.nlp import load_pipeline, resolve_model_name

    assert load_pipeline() is load_pipeline(None) is load_pipeline(resolve_model_name())


def test_a_format_imports_only_its_own_renderer() -> None:
    probe = (
        "import sys\n"
        "from factcheck.output import FORMATS\n"
        "from factcheck.report import Report\n"
        "report = Report.build(sources=[], findings=[], rules=[], rule_files_failed=0)\n"
        "FORMATS['json'](report, False)\n"
        "print(sorted(m for m in sys.modules if m.startswith('factcheck.output.')), sorted(FORMATS))\n"
    )
    expected = "['factcheck.output.json_format'] ['github', 'html', 'json', 'jsonl', 'junit', 'sarif', 'text']"
    assert _run(probe) == expected


def test_the_command_freezes_its_start_up_and_main_leaves_the_collector_alone(tmp_path: Path) -> None:
    """The command's own process imports with the collector held back, then freezes what it made (docs/scale.md).

    Called from Python, `main` must not touch the caller's collector: nothing frozen, collection still on.
    """
    article = tmp_path / "a.txt"
    article.write_text("The Quillon ferry left on 3 March 2024 with 40 passengers.", encoding="utf-8")
    command = ["check", str(article), "--no-cache", "--no-config", "-q", "--format", "json"]
    for own_process, expected in ((True, "True True"), (False, "False True")):
        probe = (
            "import contextlib, gc, io\n"
            "from factcheck.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            f"    main({command!r}, own_process={own_process})\n"
            "print(gc.get_freeze_count() > 0, gc.isenabled())\n"
        )
        assert _run(probe) == expected
