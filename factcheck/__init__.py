"""factcheck: check several news sources reporting the same event against each other.

>>> import factcheck
>>> report = factcheck.check(["seeds/"])          # doctest: +SKIP
>>> [f.category for f in report.findings]         # doctest: +SKIP
"""

from __future__ import annotations

__version__ = "0.1.0"

from factcheck.claims import DateClaim, EntityClaim, QuantityClaim
from factcheck.errors import FactcheckError, ModelNotInstalledError, RuleError, SourceError
from factcheck.pipeline import check
from factcheck.report import Evidence, Finding, Problem, Report
from factcheck.sources import Source, load_sources

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
