"""Errors the library raises on purpose, each saying what to do next."""

from __future__ import annotations


class FactcheckError(Exception):
    """Base class: a problem the user can fix (configuration, input, model)."""


class ModelNotInstalledError(FactcheckError):
    """No spaCy English pipeline could be loaded."""


class SourceError(FactcheckError):
    """A source could not be read; names the file, line and cause."""

    def __init__(self, path: str, cause: str, line: int | None = None) -> None:
        self.path = path
        self.cause = cause
        self.line = line
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {cause}")


class RuleError(FactcheckError):
    """A rule or name-list file is invalid; names the file, line, column and cause."""

    def __init__(
        self, path: str, cause: str, line: int | None = None, column: int | None = None
    ) -> None:
        self.path = path
        self.cause = cause
        self.line = line
        self.column = column
        where = path
        if line is not None:
            where += f":{line}"
            if column is not None:
                where += f":{column}"
        super().__init__(f"{where}: {cause}")
