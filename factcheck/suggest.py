""""Did you mean": the closest known word to a misspelt key, for rule files and front matter alike."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

RULE_KEY_CUTOFF = 0.6
"""difflib's default: a rule file allows only its keys, so any near word is a likely meaning."""


def closest(word: str, known: Iterable[str], cutoff: float = RULE_KEY_CUTOFF) -> str | None:
    """The known word most like ``word`` (difflib's ratio at least ``cutoff``), or None."""
    found = difflib.get_close_matches(word, list(known), n=1, cutoff=cutoff)
    return found[0] if found else None


def did_you_mean(word: str, known: Iterable[str], cutoff: float = RULE_KEY_CUTOFF) -> str:
    """`` (did you mean 'x'?)`` for the closest known word, or ``""`` when none is close."""
    match = closest(word, known, cutoff)
    return f" (did you mean {match!r}?)" if match is not None else ""
