"""Rule file errors as problems that name file, line and column, with the keys a mapping allows.

A pydantic validation error locates a mistake by its path in the data
(``rules.3.params.fuzzy``); the positions kept while reading the YAML turn
that path into a line and column, and an unknown key gets "did you mean".
"""

from __future__ import annotations

import types
import typing
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from factcheck.report import Problem, ProblemKind
from factcheck.suggest import did_you_mean
from factcheck.yaml_positions import PositionedYaml


def problem_at(
    path: Path | str, message: str, pos: tuple[int | None, int | None] | None, kind: ProblemKind = "rule"
) -> Problem:
    line, column = pos if pos else (None, None)
    return Problem(kind=kind, path=str(path), line=line, column=column, message=message)


def validation_problems(
    path: Path,
    doc: PositionedYaml,
    exc: ValidationError,
    prefix: tuple[str | int, ...],
    kind: ProblemKind = "rule",
) -> list[Problem]:
    problems = []
    for error in exc.errors():
        loc = (*prefix, *error["loc"])
        where = ".".join(str(p) for p in error["loc"]) or "(top level)"
        message = f"{where}: {error['msg']}"
        if error["type"] == "extra_forbidden":
            message = f"unknown key {error['loc'][-1]!r}"
        problems.append(problem_at(path, message, doc.position(loc), kind))
    return problems


def model_of(annotation: Any) -> type[BaseModel] | None:
    """The pydantic model inside ``X``, ``X | None`` or ``list[X]``, if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (list, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = model_of(arg)
            if found is not None:
                return found
    return None


def model_at(model: type[BaseModel], loc: Sequence[str | int]) -> type[BaseModel] | None:
    """The model that validates the mapping at ``loc`` inside ``model`` (None: not a model)."""
    current: type[BaseModel] | None = model
    for part in loc:
        if current is None:
            return None
        if isinstance(part, int):
            continue
        info = current.model_fields.get(part)
        current = model_of(info.annotation) if info is not None else None
    return current


def with_valid_keys(problem: Problem, model: type[BaseModel] | None, key: object = None) -> Problem:
    """An unknown-key problem, completed with the keys the mapping allows (and the likely one)."""
    if model is None:
        return problem
    fields = list(model.model_fields)
    hint = did_you_mean(str(key), fields) if key is not None else ""
    valid = ", ".join(fields) or "(none)"
    return problem.model_copy(update={"message": f"{problem.message}{hint}; valid keys: {valid}"})


def key_problems(
    path: Path,
    doc: PositionedYaml,
    exc: ValidationError,
    prefix: tuple[str | int, ...],
    model: type[BaseModel],
    label: str = "",
) -> list[Problem]:
    """Validation problems of ``model``; unknown keys list the valid keys of their mapping."""
    problems = []
    for error, found in zip(exc.errors(), validation_problems(path, doc, exc, prefix), strict=True):
        problem = found
        if error["type"] == "extra_forbidden":
            problem = with_valid_keys(problem, model_at(model, error["loc"][:-1]), error["loc"][-1])
        if label and len(error["loc"]) > 1:  # inside params, scope or examples: say whose
            problem = problem.model_copy(update={"message": f"{label}{problem.message}"})
        problems.append(problem)
    return problems
