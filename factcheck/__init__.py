"""factcheck: check several news sources reporting the same event against each other.

>>> import factcheck
>>> report = factcheck.check(["seeds/"])          # doctest: +SKIP
>>> [f.category for f in report.findings]         # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from factcheck.claims import DateClaim, EntityClaim, QuantityClaim
from factcheck.errors import FactcheckError, ModelNotInstalledError, RuleError, SourceError
from factcheck.report import Evidence, Finding, Problem, Report
from factcheck.sources.model import Source
from factcheck.sources.reading import load_sources
from factcheck.version import __version__

if TYPE_CHECKING:
    from factcheck.pipeline import check


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
