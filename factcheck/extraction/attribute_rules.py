"""The model's attribute rules (part-of-speech, morphology and lemma exceptions), applied by table lookup.

English pipelines map every fine-grained tag to its coarse part of speech
and morphology with spaCy's ``AttributeRuler``: about 180 one- and two-token
patterns ("TAG is IN" -> ADP; "TAG is VBZ and LOWER is 's" -> AUX, lemma
"be"; "LOWER is gon, then na" -> lemma "go").  spaCy runs them through its
general ``Matcher``, which tries every pattern at every token, and on news
text that costs more than the tagger itself (a ninth of the whole pipeline).

Every pattern of those pipelines tests a token only on a few attributes
(its tag, lower-case form, dependency label, whether it is a space), each
with equality, ``IN``, ``NOT_IN`` or ``REGEX``.  Whether a token passes a
pattern's test then depends on those attributes alone, so the answer is
worked out once per distinct combination and looked up for every other
token with it; the attributes each combination ends up with are merged
once too.  The result is the ruler's own, token for token: matches are
applied in the ruler's order (later patterns win), through spaCy's own
``set_token_attrs``.  A ruler with any pattern outside that form (an
operator, another attribute, an extension) is run as spaCy runs it.

The component reads the patterns of the pipeline's ``attribute_ruler``,
which stays in the pipeline, disabled, so its patterns are where spaCy
keeps them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

COMPONENT: Final[str] = "factcheck_attribute_rules"

_READ: Final[dict[str, int]] = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
"""The token attributes a pattern may test for the table to stand in for the Matcher, in `Key` order."""
_COLUMNS: Final[tuple[int, ...]] = tuple(_READ.values())
_COLUMN_OF: Final[dict[str, int]] = {name: column for column, name in enumerate(_READ)}
MAX_KEPT_KEYS: Final[int] = 200_000
"""Distinct tokens whose attributes are kept; past it the table starts again (a bound on memory)."""

Key = tuple[int, int, int, int]
"""A token's (tag, lower, dep, is_space), as ``Doc.to_array`` gives them: all a pattern reads."""
Attrs = dict[Any, Any]
"""What a pattern sets, as spaCy keeps it (attribute ids to values)."""


class UnsupportedPatternError(ValueError):
    """A pattern the table cannot stand in for; the ruler is then run as spaCy runs it."""


@dataclass(frozen=True)
class _Rule:
    """One pattern of the ruler: its token tests, the token it sets and what it sets."""

    order: int
    tests: tuple[Callable[[Key], bool], ...]
    index: int
    attrs: Attrs
    lowers: frozenset[int] | None
    """The lower-case forms its first token must have, when it names them (equality or ``IN``)."""
    reads_lower: bool
    """Whether its first token's test reads the lower-case form at all."""


def _test(strings: Any, attr: str, value: Any) -> Callable[[Key], bool]:
    """A test of one attribute of a token's key, as the Matcher applies it."""
    column = _COLUMN_OF[attr]
    if attr == "IS_SPACE":
        if not isinstance(value, bool):
            raise UnsupportedPatternError(f"IS_SPACE tested against {value!r}")
        wanted = int(value)
        return lambda key: key[column] == wanted
    if isinstance(value, str):
        hashed = strings.add(value)
        return lambda key: key[column] == hashed
    if not isinstance(value, Mapping) or len(value) != 1:
        raise UnsupportedPatternError(f"{attr} tested with {value!r}")
    ((operator, argument),) = value.items()
    if operator in ("IN", "NOT_IN"):
        if not isinstance(argument, list) or not all(isinstance(item, str) for item in argument):
            raise UnsupportedPatternError(f"{attr} {operator} {argument!r}")
        members = frozenset(strings.add(item) for item in argument)
        if operator == "IN":
            return lambda key: key[column] in members
        return lambda key: key[column] not in members
    if operator == "REGEX" and isinstance(argument, str):
        regex = re.compile(argument)
        return lambda key: regex.search(strings[key[column]]) is not None
    raise UnsupportedPatternError(f"{attr} tested with operator {operator!r}")


def _token_test(strings: Any, spec: Any) -> Callable[[Key], bool]:
    """All of one token's tests in a pattern, joined."""
    if not isinstance(spec, Mapping) or not spec:
        raise UnsupportedPatternError(f"token pattern {spec!r}")
    tests = []
    for attr, value in spec.items():
        name = str(attr).upper()
        if name not in _READ:
            raise UnsupportedPatternError(f"attribute {attr!r}")
        tests.append(_test(strings, name, value))
    return lambda key: all(test(key) for test in tests)


def _named_lowers(strings: Any, spec: Mapping[str, Any]) -> frozenset[int] | None:
    """The lower-case forms a token test admits when it lists them; None when it reads the form otherwise."""
    value = next((v for k, v in spec.items() if str(k).upper() == "LOWER"), None)
    if isinstance(value, str):
        return frozenset({strings.add(value)})
    if isinstance(value, Mapping) and list(value) == ["IN"]:
        return frozenset(strings.add(item) for item in value["IN"])
    return None


def compile_rules(ruler: AttributeRuler) -> list[_Rule]:
    """The ruler's patterns as table rules, in the order they apply; `UnsupportedPatternError` when one is not."""
    strings = ruler.vocab.strings
    rules: list[_Rule] = []
    for order, patterns in enumerate(ruler.matcher.get(str(n))[1] for n in range(len(ruler.attrs))):
        attrs = ruler.attrs[order]
        if "_" in attrs:
            raise UnsupportedPatternError("extension attributes")
        for pattern in patterns:
            tests = tuple(_token_test(strings, spec) for spec in pattern)
            index = ruler.indices[order]
            if not -len(tests) <= index < len(tests):
                raise UnsupportedPatternError(f"index {index} outside a pattern of {len(tests)} tokens")
            first = pattern[0]
            reads_lower = any(str(k).upper() == "LOWER" for k in first)
            lowers = _named_lowers(strings, first) if reads_lower else None
            rules.append(_Rule(order, tests, index % len(tests), attrs, lowers, reads_lower))
    return rules


class TableAttributeRules:
    """A pipeline's ``AttributeRuler`` applied by table lookup (see the module docstring)."""

    def __init__(self, nlp: Language, ruler_name: str = "attribute_ruler") -> None:
        ruler = nlp.get_pipe(ruler_name)
        if not isinstance(ruler, AttributeRuler):
            raise TypeError(f"component {ruler_name!r} is a {type(ruler).__name__}, not an AttributeRuler")
        self.ruler = ruler
        try:
            rules = compile_rules(ruler)
        except UnsupportedPatternError:
            rules = None
        self.rules = rules
        self.single = [rule for rule in rules or () if len(rule.tests) == 1]
        self.longer = [rule for rule in rules or () if len(rule.tests) > 1]
        self._by_lower: dict[int, list[_Rule]] = {}
        for rule in self.single:
            for lower in rule.lowers or ():
                self._by_lower.setdefault(lower, []).append(rule)
        self._lowerless = [rule for rule in self.single if not rule.reads_lower]
        self._lower_read = [rule for rule in self.single if rule.reads_lower and rule.lowers is None]
        self._set_by_key: dict[Key, Attrs | None] = {}
        self._lowerless_by_key: dict[tuple[int, int, int], list[_Rule]] = {}
        self._starts_by_key: dict[Key, tuple[_Rule, ...]] = {}

    def __call__(self, doc: Doc) -> Doc:
        if self.rules is None:
            return self.ruler(doc)
        keys: list[Key] = list(map(tuple, doc.to_array(list(_COLUMNS)).tolist()))
        if len(self._set_by_key) > MAX_KEPT_KEYS:
            self._set_by_key.clear()
            self._starts_by_key.clear()
        merged = [self._single_attrs(key) for key in keys]
        for target, longer in self._longer_attrs(keys).items():
            merged[target] = longer
        for i, attrs in enumerate(merged):
            if attrs:
                set_token_attrs(doc[i], attrs)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)

    def _single_attrs(self, key: Key) -> Attrs | None:
        """What the one-token rules set on a token with ``key``, merged in order (later wins)."""
        try:
            return self._set_by_key[key]
        except KeyError:
            pass
        attrs: Attrs = {}
        for rule in sorted(self._single_matches(key), key=lambda rule: rule.order):
            attrs.update(rule.attrs)
        found = self._set_by_key[key] = attrs or None
        return found

    def _single_matches(self, key: Key) -> list[_Rule]:
        """The one-token rules a token with ``key`` passes, in no order.

        Rules that ignore the lower-case form are tried once per (tag, dep,
        space); rules that name forms only on tokens of those forms.
        """
        tag, lower, dep, space = key
        try:
            lowerless = self._lowerless_by_key[(tag, dep, space)]
        except KeyError:
            lowerless = self._lowerless_by_key[(tag, dep, space)] = [
                rule for rule in self._lowerless if rule.tests[0](key)
            ]
        named = [rule for rule in self._by_lower.get(lower, ()) if rule.tests[0](key)]
        read = [rule for rule in self._lower_read if rule.tests[0](key)]
        return [*lowerless, *named, *read]

    def _longer_attrs(self, keys: Sequence[Key]) -> dict[int, Attrs]:
        """For each token a rule over several tokens sets, all that the rules set on it, merged in order.

        The ruler applies its matches sorted by rule, then by start; a token's
        attributes are the last set of each, so merging in that order is the same.
        """
        if not self.longer:
            return {}
        applying: dict[int, list[tuple[int, int, Attrs]]] = {}
        for start, key in enumerate(keys):
            for rule in self._longer_starts(key):
                following = keys[start + 1 : start + len(rule.tests)]
                if len(following) == len(rule.tests) - 1 and all(
                    test(k) for test, k in zip(rule.tests[1:], following, strict=True)
                ):
                    applying.setdefault(start + rule.index, []).append((rule.order, start, rule.attrs))
        merged: dict[int, Attrs] = {}
        for target, matches in applying.items():
            matches.extend((rule.order, target, rule.attrs) for rule in self._single_matches(keys[target]))
            attrs: Attrs = {}
            for _, _, rule_attrs in sorted(matches, key=lambda match: (match[0], match[1])):
                attrs.update(rule_attrs)
            merged[target] = attrs
        return merged

    def _longer_starts(self, key: Key) -> tuple[_Rule, ...]:
        """The rules over several tokens whose first token test ``key`` passes."""
        try:
            return self._starts_by_key[key]
        except KeyError:
            starts = self._starts_by_key[key] = tuple(rule for rule in self.longer if rule.tests[0](key))
            return starts


@Language.factory(COMPONENT, default_config={"ruler_name": "attribute_ruler"})
def make_table_attribute_rules(nlp: Language, name: str, ruler_name: str) -> TableAttributeRules:
    return TableAttributeRules(nlp, ruler_name)
