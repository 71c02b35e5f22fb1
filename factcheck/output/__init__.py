"""Output formats of ``factcheck check``: one module each, one ``render`` function.

A run renders one format, so each module is imported when its format is
first looked up (`FORMATS` is a mapping that imports on access): the JSON
report of a CI job does not pay for the HTML report, rich or an XML writer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from factcheck.report import Report, Severity

Renderer = Callable[[Report, bool], str]

def _text() -> Renderer:
    from factcheck.output import text

    return text.render


def _json() -> Renderer:
    from factcheck.output import json_format

    return json_format.render


def _jsonl() -> Renderer:
    from factcheck.output import json_format

    return json_format.render_lines


def _sarif() -> Renderer:
    from factcheck.output import sarif

    return sarif.render


def _junit() -> Renderer:
    from factcheck.output import junit

    return junit.render


def _github() -> Renderer:
    from factcheck.output import github

    return github.render


def _html() -> Renderer:
    from factcheck.output import html

    return html.render


_RENDERERS: dict[str, Callable[[], Renderer]] = {
    "text": _text,
    "json": _json,
    "jsonl": _jsonl,
    "sarif": _sarif,
    "junit": _junit,
    "github": _github,
    "html": _html,
}
"""Format name -> what imports its module and gives its function."""


class _Formats(Mapping[str, Renderer]):
    """The renderers by format name; a format's module is imported on its first lookup."""

    def __getitem__(self, name: str) -> Renderer:
        return _RENDERERS[name]()

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
