"""The Python front door: what ``help()`` shows, the signature of ``check``, ``Report.render``, the README's example.

The README example runs on the real pipeline; the rest needs no model.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import inspect
import io
import re
import typing
from pathlib import Path

import pytest
from pydantic import BaseModel

import factcheck
from factcheck.output import FORMATS
from factcheck.report import Evidence, Finding, Report, RuleInfo, SourceInfo, Summary, Suppressed
from factcheck.sources.arguments import SourcesArg

ROOT = Path(__file__).resolve().parents[1]

PUBLIC_MODELS: list[type[BaseModel]] = [
    factcheck.Report,
    factcheck.Finding,
    factcheck.Evidence,
    factcheck.Problem,
    factcheck.Source,
    factcheck.DateClaim,
    factcheck.QuantityClaim,
    factcheck.EntityClaim,
    SourceInfo,
    Summary,
    Suppressed,
    RuleInfo,
]


@pytest.mark.parametrize("model", PUBLIC_MODELS, ids=lambda m: m.__name__)
def test_public_models_say_what_they_are_and_what_each_field_means(model: type[BaseModel]) -> None:
    assert model.__doc__ and len(model.__doc__.split()) >= 5, f"{model.__name__} has no docstring"
    schema = model.model_json_schema(mode="validation")  # every field; a custom serializer hides them otherwise
    undocumented = [name for name, field in schema["properties"].items() if not field.get("description")]
    computed = set(model.model_computed_fields)
    assert [name for name in undocumented if name not in computed] == []


def test_help_on_check_shows_real_types_not_names_it_never_defines() -> None:
    signature = inspect.signature(factcheck.check)
    strings = {name: p.annotation for name, p in signature.parameters.items() if isinstance(p.annotation, str)}
    assert strings == {}
    assert signature.parameters["sources"].annotation == SourcesArg
    assert signature.return_annotation is Report
    hints = typing.get_type_hints(factcheck.check)
    assert hints["return"] is Report and hints["reference_date"] == dt.date | str | None
    assert "'SourcesArg'" not in str(signature)


def test_check_documents_its_parameters_and_dated_texts() -> None:
    doc = inspect.getdoc(factcheck.check) or ""
    for parameter in inspect.signature(factcheck.check).parameters:
        assert f"``{parameter}``" in doc, parameter
    assert "Source.from_text(text, id=" in doc and "published=" in doc


def test_a_text_with_its_own_date() -> None:
    source = factcheck.Source.from_text("Rain fell.", id="wire", published="2025-03-01")
    assert (source.id, source.published) == ("wire", dt.date(2025, 3, 1))
    with pytest.raises(ValueError, match="published"):
        factcheck.Source.from_text("Rain fell.", id="wire", published="1 March")


def small_report() -> Report:
    text = "The nato summit opened."
    finding = Finding(
        rule="names.casing",
        category="name-casing",
        severity="warning",
        message="“nato” should be written “NATO”.",
        evidence=[Evidence(source="t", start=4, end=8, text="nato")],
        suggestion="NATO",
    )
    return Report.build(
        sources=[SourceInfo(id="t", path=None, published=None, reference_date=None, reference_date_origin="none")],
        findings=[finding],
        rules=[],
        rule_files_failed=0,
        texts={"t": text},
    )


def test_render_gives_every_output_format() -> None:
    report = small_report()
    text = report.render()
    assert "WARNING name-casing [names.casing]" in text and "should be written “NATO”" in text
    assert "\x1b[" not in text and "\x1b[" in report.render("text", color=True)
    assert report.render("json") == report.model_dump_json(indent=2) + "\n"
    for name, renderer in FORMATS.items():
        assert report.render(name) == renderer(report, False)


def test_render_names_the_formats_when_it_does_not_know_one() -> None:
    with pytest.raises(ValueError, match="unknown report format 'pdf'") as raised:
        small_report().render("pdf")
    assert all(name in str(raised.value) for name in FORMATS)


def test_the_readme_example_with_dated_texts_runs_as_written() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, re.S)
    example = next(b for b in blocks if "Source.from_text(" in b)
    assert "published=" in example and "report.render(" in example
    printed = io.StringIO()
    namespace: dict[str, object] = {}
    with contextlib.redirect_stdout(printed):
        exec(compile(example, "README.md", "exec"), namespace)
    assert "quantity-conflict" in printed.getvalue()
    report = namespace["report"]
    assert isinstance(report, Report)
    assert [s.published for s in report.sources] == [dt.date(2025, 1, 7), dt.date(2025, 1, 8)]
    assert str(namespace["html"]).lstrip().lower().startswith("<!doctype html>")
