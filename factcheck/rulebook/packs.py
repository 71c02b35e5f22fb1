"""Where rule packs are: directories, installed packs (entry points), the bundled pack."""

from __future__ import annotations

import importlib.util
import os
import types
from importlib.metadata import entry_points
from pathlib import Path

from factcheck.errors import FactcheckError
from factcheck.report import BUNDLED_PACK

__all__ = ["BUNDLED_PACK", "bundled_rules_dir", "registered_packs", "resolve_pack"]

RULEPACK_ENTRY_POINTS = "factcheck.rulepacks"


def bundled_rules_dir() -> Path:
    """The rule pack shipped with the library (``rules/`` in the repository).

    An installed wheel carries it as the package ``factcheck.bundled_rules``
    (a namespace package: YAML only, no ``__init__.py``, so its directory is
    read from the import spec, not from ``importlib.resources``, whose
    namespace paths do not convert to one directory); a source checkout
    uses ``rules/``.
    """
    try:
        spec = importlib.util.find_spec("factcheck.bundled_rules")
    except ModuleNotFoundError:
        spec = None
    locations = list(spec.submodule_search_locations or []) if spec is not None else []
    if locations:
        return Path(locations[0])
    checkout = Path(__file__).resolve().parents[2] / "rules"
    if checkout.is_dir():
        return checkout
    raise FactcheckError("the bundled rule pack is missing; reinstall factcheck-consistency")


def registered_packs() -> list[str]:
    """Names of the rule packs installed packages register (``factcheck.rulepacks``)."""
    return sorted({entry.name for entry in entry_points(group=RULEPACK_ENTRY_POINTS)})


def _pack_location(loaded: object) -> Path:
    """The directory an entry point designates: a path, a callable returning one, or a module."""
    if isinstance(loaded, types.ModuleType):
        package_dirs = list(getattr(loaded, "__path__", []))
        if package_dirs:  # a package: its directory is the pack
            return Path(package_dirs[0])
        if loaded.__file__ is None:
            raise TypeError(f"module {loaded.__name__} has no location")
        return Path(loaded.__file__).parent
    if callable(loaded):
        loaded = loaded()
    if isinstance(loaded, str | os.PathLike):
        return Path(loaded)
    if hasattr(loaded, "joinpath"):  # an importlib.resources Traversable
        return Path(str(loaded))
    raise TypeError(f"expected a directory path, got {type(loaded).__name__}")


def resolve_pack(spec: str | Path) -> Path:
    """A rule pack directory from a directory path or a registered pack name.

    An existing directory wins; otherwise a name registered under the
    ``factcheck.rulepacks`` entry point group is loaded.  Raises
    `FactcheckError` when the name is registered but its entry point fails.
    """
    path = Path(spec)
    if path.is_dir() or os.sep in str(spec) or "/" in str(spec):
        return path
    for entry in entry_points(group=RULEPACK_ENTRY_POINTS, name=str(spec)):
        try:
            return _pack_location(entry.load())
        except Exception as exc:  # a broken plugin is reported, not fatal
            raise FactcheckError(f"rule pack {entry.name!r} ({entry.value}) failed to load: {exc}") from exc
    return path
