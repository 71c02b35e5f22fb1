"""Whether a figure is part of a change the text states, and which part.

"The index rose 0.9 percent to 7,412.50" states a size of change (0.9
percent) and the level reached (7,412.50); "gold fell from $1,980 to
$1,870" two levels.  A size is never a level and a starting level is an
earlier state than the other sources' figures, so the alignment stage keeps
them apart (``alignment.quantities.change_key``).  Read from the dependency
parse, with the preposition written before the figure deciding its role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Token

UP_VERBS = frozenset({
    "rise", "climb", "gain", "increase", "jump", "grow", "surge", "soar", "add", "advance", "raise",
})  # fmt: skip
DOWN_VERBS = frozenset({
    "fall", "drop", "decline", "decrease", "slip", "slide", "lose", "shed", "cut", "reduce", "plunge",
    "sink", "tumble", "lower", "shrink",
})  # fmt: skip
"""Verbs that state a change and its direction: "rose 0.9 percent", "cut rates by 25 basis points"."""

_OBJECT_VERBS = frozenset({"add", "raise", "lose", "shed", "cut", "reduce", "lower"})
"""Change verbs whose object is what changes ("cut 500 jobs", "raised $5 million"), not by how much:
their bare object is the size of the change only in percent or points ("shed 3%")."""

_SHIFT_VERBS = frozenset({"go", "be", "move", "come", "edge", "tick", "trend", "inch", "creep", "head"})
"""Verbs that state a change with "up" or "down": "went up 3%", "ticked down 0.1 points"."""

_CHANGE_PREPOSITION = re.compile(r"\b(from|to|by|at)\s+$", re.IGNORECASE)
ChangeRole = Literal["amount", "from", "to"]
_CHANGE_ROLES: dict[str, ChangeRole] = {"from": "from", "to": "to", "by": "amount"}
_STOP_DEPS = frozenset({
    "nsubj", "nsubjpass", "csubj", "csubjpass", "relcl", "acl", "advcl", "ccomp", "xcomp", "conj", "appos",
})  # fmt: skip
"""Arguments through which a figure belongs to another clause or noun than the change above it:
the 12 of "exports to 12 countries rose 5%" is no level of that rise."""


@dataclass(frozen=True)
class Change:
    """A figure's part in a change the text states ("rose 0.9 percent to 7,412.50")."""

    direction: Literal["up", "down"]
    role: ChangeRole
    word: int
    """Index of the token that states the change (the verb, or "up"/"down"): figures of one change share it."""


def change_of(text: str, head: Token, noun: Token | None, start: int, end: int, unit: str | None) -> Change | None:
    """The figure's part in a change: its size, the level it started from, or the level it reached.

    The change is a verb of `UP_VERBS` or `DOWN_VERBS` ("rose", "cut"), or
    "up"/"down" ("was up 5%", "went down 3%"), that the figure hangs from
    without crossing into another clause or a subject.  The role is read from
    the preposition written right before the figure ("from", "to", "by"; "at"
    a level only beside a size: "up 5% at $3.2 million"), else from the one
    it hangs from; with none, a direct object or a bare noun phrase is the
    size of the change ("rose 0.9 percent", "fell $2").  The parse of "fell
    from $1,980 to $1,870" hangs both figures from "from": the written word
    decides.  None when any of this is unclear.
    """
    token = head
    for _ in range(8):
        parent = token.head
        if parent.i == token.i:
            return None
        if token.dep_ in ("conj", "appos") and _is_figure(parent):
            head = parent  # "fell 300 points, or 0.9%": the same size written another way
        elif token.dep_ in _STOP_DEPS:
            return None
        direction = _direction(parent, start, end)
        if direction is not None:
            role = _change_role(text, head, token, parent, noun, start, unit)
            return None if role is None else Change(direction, role, _change_word(parent).i)
        if parent.pos_ in ("VERB", "AUX"):
            return None
        token = parent
    return None


def _is_figure(token: Token) -> bool:
    return token.like_num or any(c.dep_ in ("nummod", "quantmod") and c.like_num for c in token.children)


def _change_word(token: Token) -> Token:
    """The verb of "went up 3%" or "was up 5%", whose other figures ("to $80") hang from it, not from "up"."""
    if token.pos_ != "VERB" and token.dep_ in ("advmod", "prt") and token.head.pos_ in ("VERB", "AUX"):
        return token.head
    return token


def _direction(token: Token, start: int, end: int) -> Literal["up", "down"] | None:
    """The direction of the change ``token`` states, if it states one."""
    if start <= token.idx < end:
        return None  # the "up" of "up to 5,000" is the figure's qualifier
    lemma = str(token.lemma_).lower()
    if token.pos_ == "VERB" and lemma in UP_VERBS:
        return "up"
    if token.pos_ == "VERB" and lemma in DOWN_VERBS:
        return "down"
    if token.pos_ in ("ADV", "ADP", "PART") and token.lower_ in ("up", "down"):
        return "up" if token.lower_ == "up" else "down"
    if token.pos_ in ("VERB", "AUX") and lemma in _SHIFT_VERBS:
        for child in token.children:
            if child.dep_ in ("advmod", "prt") and child.lower_ in ("up", "down") and not start <= child.idx < end:
                return "up" if child.lower_ == "up" else "down"
    return None


def _change_role(
    text: str, head: Token, top: Token, word: Token, noun: Token | None, start: int, unit: str | None
) -> ChangeRole | None:
    """The role of the figure whose highest token below the change ``word`` is ``top``."""
    written = _CHANGE_PREPOSITION.search(text, max(0, start - 6), start)
    if written is not None:
        prep: str | None = written.group(1).lower()
    elif top.dep_ == "prep":
        prep = top.lower_
    else:
        prep = None
    if prep == "at":
        return "to" if _has_amount(word) else None  # "up 5% at $3.2 million"
    if prep is not None:
        return _CHANGE_ROLES.get(prep)
    if top.dep_ not in ("npadvmod", "dobj", "advmod") or top.i != head.i:
        return None
    points = noun is not None and str(noun.lemma_).lower() == "point"
    if unit in ("percent", "percentage point") or points:
        return "amount"  # "shed 3%", "fell 300 points"
    counted = noun is not None and noun.idx >= start  # a noun written after the figure, not the subject's
    if str(word.lemma_).lower() in _OBJECT_VERBS or (unit is None and counted):
        return None  # "cut 500 jobs", "raised $5 million", "gained 12 seats"
    return "amount"


def _has_amount(word: Token) -> bool:
    """The change word has a size: a figure as its object or bare noun phrase, or a "by" phrase."""
    for child in word.children:
        if child.dep_ in ("npadvmod", "dobj") and any(t.like_num for t in child.subtree):
            return True
        if child.dep_ == "prep" and child.lower_ == "by":
            return True
    return False
