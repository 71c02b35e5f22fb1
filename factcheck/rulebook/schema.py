"""The JSON Schema of rule files, built from the pydantic models.

Editors (VS Code's YAML extension, JetBrains IDEs) validate and complete rule
files against it.  ``check`` chooses the check type, and an ``if``/``then``
per check type makes ``params`` follow that type's ``Params`` model and
documents the fields ``message`` may use.  ``factcheck rules schema`` prints
it; ``docs/factcheck-rules.schema.json`` is a copy made with the bundled
check types only (a test keeps it from drifting).
"""

from __future__ import annotations

import copy
import json
import re
from typing import Any

from pydantic import BaseModel

from factcheck.checks import bundled_check_types, get_check_types
from factcheck.rulebook.model import PackManifest, Rule

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_ID = "https://example.invalid/factcheck/factcheck-rules.schema.json"
MANIFEST_SCHEMA_ID = "https://example.invalid/factcheck/factcheck-pack.schema.json"


def _def_name(text: str) -> str:
    return "".join(part.capitalize() for part in re.split(r"[^A-Za-z0-9]+", text) if part)


def _inline_schema(model: type[BaseModel], prefix: str, defs: dict[str, Any]) -> dict[str, Any]:
    """``model``'s schema, its ``$defs`` moved into ``defs`` under ``prefix``-ed names."""
    schema = model.model_json_schema(ref_template=f"#/$defs/{prefix}{{model}}")
    for name, sub in schema.pop("$defs", {}).items():
        defs[f"{prefix}{name}"] = sub
    return schema


def rule_schema(*, bundled_only: bool = False) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a rule file (``rules:`` list).

    With ``bundled_only`` the check types of plugins are left out, so the
    result does not depend on what is installed.
    """
    check_types = bundled_check_types() if bundled_only else get_check_types()
    defs: dict[str, Any] = {}
    rule = _inline_schema(Rule, "", defs)
    names = sorted(check_types)
    rule["properties"]["check"] = {
        "title": "Check",
        "description": "The check type: " + ", ".join(names) + ".",
        "enum": names,
    }
    branches: list[dict[str, Any]] = []
    for name in names:
        check_type = check_types[name]
        params = _inline_schema(check_type.Params, f"{_def_name(name)}", defs)
        params["title"] = f"Parameters of {name}"
        params.setdefault("properties", {})
        params["additionalProperties"] = False
        fields = ", ".join(f"{{{f}}}" for f in sorted(check_type.message_fields)) or "none"
        branches.append(
            {
                "if": {"properties": {"check": {"const": name}}, "required": ["check"]},
                "then": {
                    "properties": {
                        "params": params,
                        "message": {"description": f"Template; {name} offers the fields {fields}."},
                    }
                },
            }
        )
    rule["allOf"] = branches
    defs["Rule"] = rule
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": SCHEMA_ID,
        "title": "factcheck rule file",
        "description": "A file of a factcheck rule pack: a `rules:` list. See docs/rules.md.",
        "type": "object",
        "properties": {
            "rules": {"type": "array", "items": {"$ref": "#/$defs/Rule"}},
        },
        "required": ["rules"],
        "additionalProperties": False,
        "$defs": dict(sorted(defs.items())),
    }


def manifest_schema() -> dict[str, Any]:
    """The JSON Schema of a rule pack's ``pack.yaml`` manifest."""
    schema = copy.deepcopy(PackManifest.model_json_schema())
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": MANIFEST_SCHEMA_ID,
        "title": "factcheck rule pack manifest",
        **{k: v for k, v in schema.items() if k != "title"},
    }


def dumps(schema: dict[str, Any]) -> str:
    """The text written to files: stable key order, two-space indent, final newline."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
