"""factcheck: check several news sources reporting the same event against each other.

>>> import factcheck
>>> report = factcheck.check(["seeds/"])          # doctest: +SKIP
>>> [f.category for f in report.findings]         # doctest: +SKIP
>>> print(report.render("text"))                   # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from factcheck.render_formats import AnyRenderer, use_output_formats
from factcheck.version import __version__

if TYPE_CHECKING:
    from factcheck.claims import DateClaim, EntityClaim, QuantityClaim
    from factcheck.errors import FactcheckError, ModelNotInstalledError, RuleError, SourceError
    from factcheck.pipeline import check
    from factcheck.report import Evidence, Finding, Problem, Report
    from factcheck.sources.model import Source
    from factcheck.sources.reading import load_sources

def _claims(name: str) -> Any:
    from factcheck import claims

    return getattr(claims, name)


def _errors(name: str) -> Any:
    from factcheck import errors

    return getattr(errors, name)


def _pipeline(name: str) -> Any:
    from factcheck import pipeline

    return getattr(pipeline, name)


def _report(name: str) -> Any:
    from factcheck import report

    return getattr(report, name)


def _source_model(name: str) -> Any:
    from factcheck.sources import model

    return getattr(model, name)


def _reading(name: str) -> Any:
    from factcheck.sources import reading

    return getattr(reading, name)


_LAZY: dict[str, Callable[[str], Any]] = {
    "DateClaim": _claims,
    "EntityClaim": _claims,
    "QuantityClaim": _claims,
    "FactcheckError": _errors,
    "ModelNotInstalledError": _errors,
    "RuleError": _errors,
    "SourceError": _errors,
    "check": _pipeline,
    "Evidence": _report,
    "Finding": _report,
    "Problem": _report,
    "Report": _report,
    "Source": _source_model,
    "load_sources": _reading,
}
"""The package's names and what imports each from its module on first use.

``import factcheck`` must stay cheap: the CLI imports it for ``--help``, the
pytest plugin in every run.  The models cost pydantic and their schemas
(a tenth of a second or more), ``check`` the pipeline and spaCy (a second)."""


def _output_formats() -> Mapping[str, AnyRenderer]:
    """The formats `Report.render` offers, imported on the first render (see `use_output_formats`)."""
    from factcheck.output import FORMATS

    return FORMATS


use_output_formats(_output_formats)


def __getattr__(name: str) -> Any:
    """A name of the package, imported from its module on first use (see `_LAZY`)."""
    load = _LAZY.get(name)
    if load is None:
        raise AttributeError(f"module 'factcheck' has no attribute {name!r}")
    value = load(name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


__all__ = [
    "DateClaim",
    "EntityClaim",
    "Evidence",
    "FactcheckError",
    "Finding",
    "ModelNotInstalledError",
    "Problem",
    "QuantityClaim",
    "Report",
    "RuleError",
    "Source",
    "SourceError",
    "__version__",
    "check",
    "load_sources",
]
