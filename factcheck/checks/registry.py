"""The check types, by the name rules use in ``check:``: the bundled ones, then plugins.

Bundled check types are registered here and only here; third-party
packages add more through the ``factcheck.checks`` entry point group (a
name mapped to a `Check` subclass).  A plugin that fails to load is
reported, not fatal.
"""

from __future__ import annotations

import functools
from importlib.metadata import entry_points

from factcheck.checks.base import Check
from factcheck.checks.dates import DateConflict, DateFormat, DateWeekday
from factcheck.checks.names import NameCasing, NameGlued, NameSpelling, NameVariant
from factcheck.checks.patterns import PatternCheck
from factcheck.checks.quantities import QuantityConflict
from factcheck.checks.times import TimeConflict
from factcheck.checks.titles import TitleConflict
from factcheck.checks.unsupported import UnsupportedClaim

ENTRY_POINTS = "factcheck.checks"

BUNDLED: tuple[type[Check], ...] = (
    NameSpelling,
    NameVariant,
    NameCasing,
    NameGlued,
    TitleConflict,
    DateWeekday,
    DateFormat,
    DateConflict,
    TimeConflict,
    QuantityConflict,
    PatternCheck,
    UnsupportedClaim,
)


def bundled_check_types() -> dict[str, type[Check]]:
    """The check types this package ships, by name."""
    return {check.name: check for check in BUNDLED}


@functools.cache
def _discovered() -> tuple[dict[str, type[Check]], tuple[str, ...]]:
    found = bundled_check_types()
    errors: list[str] = []
    for entry in entry_points(group=ENTRY_POINTS):
        try:
            loaded = entry.load()
        except Exception as exc:  # a broken plugin must not stop the run
            errors.append(f"check plugin {entry.name!r} failed to load: {exc}")
            continue
        if not (isinstance(loaded, type) and issubclass(loaded, Check)):
            errors.append(f"check plugin {entry.name!r} is not a Check subclass")
        elif entry.name in found:
            errors.append(f"check plugin {entry.name!r} shadows a bundled check; ignored")
        else:
            found[entry.name] = loaded
    return found, tuple(errors)


def get_check_types() -> dict[str, type[Check]]:
    """Every check type: bundled ones, then plugins (which may not shadow them); looked up once."""
    return dict(_discovered()[0])


def plugin_load_errors() -> list[str]:
    """Why check plugins could not be used, one line each."""
    return list(_discovered()[1])
