"""Output formats of ``factcheck check``: one module each, one ``render`` function.

A run renders one format, so each module is imported when its format is
first looked up (`FORMATS` is a mapping that imports on access): the JSON
report of a CI job does not pay for the HTML report, rich or an XML writer.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping

from factcheck.report import Report, Severity

Renderer = Callable[[Report, bool], str]

_RENDERERS: dict[str, tuple[str, str]] = {
    "text": ("text", "render"),
    "json": ("json_format", "render"),
    "jsonl": ("json_format", "render_lines"),
    "sarif": ("sarif", "render"),
    "junit": ("junit", "render"),
    "github": ("github", "render"),
    "html": ("html", "render"),
}
"""Format name -> (module of `factcheck.output`, its function)."""


class _Formats(Mapping[str, Renderer]):
    """The renderers by format name; a format's module is imported on its first lookup."""

    def __getitem__(self, name: str) -> Renderer:
        module, function = _RENDERERS[name]
        renderer: Renderer = getattr(importlib.import_module(f"factcheck.output.{module}"), function)
        return renderer

    def __iter__(self) -> Iterator[str]:
        return iter(_RENDERERS)

    def __len__(self) -> int:
        return len(_RENDERERS)


FORMATS: Mapping[str, Renderer] = _Formats()


def render_report(name: str, report: Report, *, color: bool = False, fail_on: Severity = "warning") -> str:
    """``report`` in format ``name``; ``fail_on`` is what JUnit counts as a failed test, as the exit status does."""
    if name == "junit":
        from factcheck.output import junit

        return junit.render(report, color, fail_on=fail_on)
    return FORMATS[name](report, color)
