"""factcheck: check several news sources reporting the same event against each other.

>>> import factcheck
>>> report = factcheck.check(["seeds/"])          # doctest: +SKIP
>>> [f.category for f in report.findings]         # doctest: +SKIP
>>> print(report.render("text"))                   # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from factcheck.claims import DateClaim, EntityClaim, QuantityClaim
from factcheck.errors import FactcheckError, ModelNotInstalledError, RuleError, SourceError
from factcheck.report import Evidence, Finding, Problem, Renderer, Report, use_output_formats
from factcheck.sources.model import Source
from factcheck.sources.reading import load_sources
from factcheck.version import __version__

if TYPE_CHECKING:
    from factcheck.pipeline import check


def _output_formats() -> Mapping[str, Renderer]:
    """The formats `Report.render` offers, imported on the first render (see `use_output_formats`)."""
    from factcheck.output import FORMATS

    return FORMATS


use_output_formats(_output_formats)


def __getattr__(name: str) -> Any:
    """``check`` is imported on first use: the pipeline loads spaCy, which takes a second,
    and ``import factcheck`` must stay cheap (the pytest plugin imports it in every run).
    """
    if name == "check":
        from factcheck.pipeline import check

        globals()["check"] = check
        return check
    raise AttributeError(f"module 'factcheck' has no attribute {name!r}")

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
