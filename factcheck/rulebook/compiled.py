"""What a run compiles once per process: rule packs and their name index.

Loading the name lists and building the gazetteer costs more than checking a
small cluster, so both are cached, keyed by every file of the packs with its
size and modification time: an edited rule file is picked up on the next
run, an unchanged one is never parsed twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from factcheck.errors import FactcheckError
from factcheck.names.index import NameIndex
from factcheck.rulebook.loader import RuleSet, load_rule_packs
from factcheck.rulebook.packs import bundled_rules_dir, resolve_pack

RuleSpec = Sequence[str | Path] | str | Path | None
"""Rule packs as the API takes them: pack directories or installed pack names; None for the bundled pack."""

_RULE_CACHE: dict[tuple[object, ...], tuple[RuleSet, NameIndex]] = {}


def pack_specs(rules: RuleSpec) -> list[str | Path]:
    if rules is None:
        return [bundled_rules_dir()]
    if isinstance(rules, str | Path):
        return [rules]
    return list(rules)


def with_extra_packs(rules: RuleSpec, extra: Sequence[str | Path]) -> RuleSpec:
    """``rules`` (the bundled pack when None) followed by the ``extra`` packs not already among them.

    ``rules`` replaces the bundled pack; ``extra`` adds to whatever ``rules``
    is, so a team's own pack can run beside the bundled one.
    """
    if not extra:
        return rules
    specs = pack_specs(rules)
    seen = {_identity(spec) for spec in specs}
    for spec in extra:
        if _identity(spec) not in seen:
            seen.add(_identity(spec))
            specs.append(spec)
    return specs


def _identity(spec: str | Path) -> str:
    """What makes two pack specs the same pack: the directory they resolve to."""
    try:
        return str(resolve_pack(spec).resolve())
    except FactcheckError:
        return str(spec)


def _signature(specs: Sequence[str | Path]) -> tuple[object, ...]:
    entries: list[object] = []
    for spec in specs:
        try:
            directory = resolve_pack(spec)
        except FactcheckError:
            entries.append(("unresolved", str(spec)))
            continue
        entries.append(str(directory.resolve()))
        if directory.is_dir():
            for path in sorted(directory.rglob("*.y*ml")):
                try:
                    stat = path.stat()
                except OSError:
                    continue
                entries.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(entries)


def load_rules_and_names(rules: RuleSpec) -> tuple[RuleSet, NameIndex]:
    """Rule packs (the bundled one by default) and their name index, compiled once per process."""
    specs = pack_specs(rules)
    key = _signature(specs)
    if key not in _RULE_CACHE:
        ruleset = load_rule_packs(specs)
        _RULE_CACHE[key] = (ruleset, NameIndex(ruleset.name_lists))
    return _RULE_CACHE[key]


def load_rules(rules: RuleSpec) -> RuleSet:
    """Rule packs named by the caller, or the bundled pack."""
    return load_rules_and_names(rules)[0]


def names_signature(rules: RuleSpec) -> str:
    """A digest of the name lists, part of the claims cache key (they drive the gazetteer)."""
    import hashlib

    digest = hashlib.sha256()
    for entry in _signature(pack_specs(rules)):
        digest.update(repr(entry).encode())
    return digest.hexdigest()[:16]
