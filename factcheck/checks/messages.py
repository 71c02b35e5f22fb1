"""Finding messages: a rule's ``message`` template filled with a finding's values.

Templates are plain ``{name}`` fields, checked when the rule file loads
(`template_fields`), so a rule file cannot reach into Python objects, and
rendered by `render_message` when a check reports.
"""

from __future__ import annotations

import re
import string


def template_fields(template: str) -> list[str]:
    """Field names a message template uses; only plain ``{name}`` is allowed.

    Attribute and index access (``{x.__class__}``, ``{x[0]}``) and conversions
    are refused so a rule file cannot reach into objects.
    """
    names: list[str] = []
    for _, name, spec, conversion in string.Formatter().parse(template):
        if name is None:
            continue
        if not name.isidentifier() or conversion or (spec and "{" in spec):
            raise ValueError(f"template field {{{name}}} must be a plain name")
        if spec and not _SAFE_SPEC.fullmatch(spec):
            raise ValueError(
                f"template field {{{name}:{spec}}}: only a simple format spec (fill, align, sign, "
                "width up to 999, precision up to 999, type) is allowed"
            )
        names.append(name)
    return names


_SAFE_SPEC = re.compile(r"(?:[^{}]?[<>=^])?[-+ ]?z?#?0?(?:[1-9]\d{0,2})?[_,]?(?:\.\d{1,3})?[bcdeEfFgGnosxX%]?")
"""Format specs a message may use: no widths that build huge strings, nothing that raises."""


def render_message(template: str, values: dict[str, object]) -> str:
    """Fill a template checked by `template_fields`; unknown names stay visible."""
    out: list[str] = []
    for literal, name, spec, _ in string.Formatter().parse(template):
        out.append(literal)
        if name is None:
            continue
        value = values.get(name, f"{{{name}}}")
        try:
            out.append(format(value, spec) if spec else str(value))
        except (ValueError, TypeError):  # a spec that does not suit this value's type
            out.append(str(value))
    return "".join(out)
