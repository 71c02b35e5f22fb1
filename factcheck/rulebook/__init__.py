"""Rule packs: the rule format, loading packs, their JSON Schema, the project configuration.

``model.py`` is the format (pydantic models of a rule file and a pack
manifest), ``packs.py`` finds packs (directories, installed packs, the
bundled one), ``loader.py`` loads them into a `RuleSet` (rules bound to
their check types, name lists), ``problems.py`` turns validation errors into
problems with file, line and column, ``compiled.py`` keeps what a process
has loaded, ``schema.py`` is the JSON Schema of rule files and
``config.py`` the project configuration (``factcheck.toml``).
"""

from factcheck.rulebook.loader import LoadedRule, RuleSet, load_rule_packs
from factcheck.rulebook.model import PackManifest, Rule, RuleScope
from factcheck.rulebook.packs import bundled_rules_dir, registered_packs, resolve_pack

__all__ = [
    "LoadedRule",
    "PackManifest",
    "Rule",
    "RuleScope",
    "RuleSet",
    "bundled_rules_dir",
    "load_rule_packs",
    "registered_packs",
    "resolve_pack",
]
