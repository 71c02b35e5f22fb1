"""Where `Report.render` finds the output formats: a hook with no imports.

The formats (`factcheck.output`) are built on `factcheck.report`, so the
report cannot import them; ``factcheck/__init__`` wires them in when the
package is imported, to be imported on the first render only.  The hook
lives apart from the report so that wiring it imports neither pydantic nor
the report models: ``import factcheck`` (and ``factcheck --help``) stays cheap.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

AnyRenderer = Callable[[Any, bool], str]
"""`factcheck.report.Renderer`, typed loosely here (this module cannot name the report)."""

_providers: list[Callable[[], Mapping[str, AnyRenderer]]] = []


def use_output_formats(formats: Callable[[], Mapping[str, AnyRenderer]]) -> None:
    """Say where the output formats are found (called once, by ``factcheck/__init__``)."""
    _providers[:] = [formats]


def output_formats() -> Mapping[str, AnyRenderer]:
    """The output formats by name; a `RuntimeError` if nothing wired them in."""
    if not _providers:
        raise RuntimeError("no output formats are wired in: import factcheck, not factcheck.report alone")
    return _providers[0]()
