"""factcheck: check several news sources reporting the same event against each other.

>>> import factcheck
>>> report = factcheck.check(["seeds/"])          # doctest: +SKIP
>>> [f.category for f in report.findings]         # doctest: +SKIP
>>> print(report.render("text"))                   # doctest: +SKIP
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
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

_LAZY = {
    "DateClaim": "factcheck.claims",
    "EntityClaim": "factcheck.claims",
    "QuantityClaim": "factcheck.claims",
    "FactcheckError": "factcheck.errors",
    "ModelNotInstalledError": "factcheck.errors",
    "RuleError": "factcheck.errors",
    "SourceError": "factcheck.errors",
    "check": "factcheck.pipeline",
    "Evidence": "factcheck.report",
    "Finding": "factcheck.report",
    "Problem": "factcheck.report",
    "Report": "factcheck.report",
    "Source": "factcheck.sources.model",
    "load_sources": "factcheck.sources.reading",
}
"""The package's names and the module each is imported from on first use.

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
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'factcheck' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
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
