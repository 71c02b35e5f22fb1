"""Check types, by the name rules use in ``check:``.

Bundled check types are listed here; third-party packages add more through
the ``factcheck.checks`` entry point group (a name mapped to a `Check`
subclass).  A plugin that fails to load is reported, not fatal.
"""

from __future__ import annotations

import functools
from importlib.metadata import entry_points

from factcheck.checks.base import Check, NoParams

__all__ = ["Check", "NoParams", "get_check_types", "plugin_load_errors"]

_plugin_errors: list[str] = []


def _bundled() -> dict[str, type[Check]]:
    from factcheck.checks import dates, names, patterns, quantities

    found: dict[str, type[Check]] = {}
    for module in (names, dates, quantities, patterns):
        for check in module.CHECK_TYPES:
            found[check.name] = check
    return found


@functools.cache
def get_check_types() -> dict[str, type[Check]]:
    """Every check type: bundled ones, then plugins (which may not shadow them)."""
    found = _bundled()
    for entry in entry_points(group="factcheck.checks"):
        try:
            loaded = entry.load()
        except Exception as exc:  # a broken plugin must not stop the run
            _plugin_errors.append(f"check plugin {entry.name!r} failed to load: {exc}")
            continue
        if not (isinstance(loaded, type) and issubclass(loaded, Check)):
            _plugin_errors.append(f"check plugin {entry.name!r} is not a Check subclass")
        elif entry.name in found:
            _plugin_errors.append(f"check plugin {entry.name!r} shadows a bundled check; ignored")
        else:
            found[entry.name] = loaded
    return found


def plugin_load_errors() -> list[str]:
    get_check_types()
    return list(_plugin_errors)
