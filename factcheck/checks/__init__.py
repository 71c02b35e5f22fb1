"""Check types: what a rule's ``check:`` names, and what a plugin subclasses.

``base.py`` is the interface (`Check`), ``registry.py`` the one list of
bundled check types (and the plugins found through entry points); the other
modules are the check types by what they compare, with ``messages.py`` (the
message templates) and ``units.py`` (unit conversion for figures).
"""

from factcheck.checks.base import Check, NoParams
from factcheck.checks.registry import bundled_check_types, get_check_types, plugin_load_errors

__all__ = ["Check", "NoParams", "bundled_check_types", "get_check_types", "plugin_load_errors"]
