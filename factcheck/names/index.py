"""An index of the reference name lists, and linking a written name to an entity.

Linking classifies the spelling, not just the entity: an exact accepted form,
a foreign-language form, a listed misspelling, a wrong diacritic, a case
error, or a near miss found by fuzzy matching.  Fuzzy candidates come from
blocks keyed by the first folded letter of the surname, so a mention is
compared with a few dozen forms, never with the whole list.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz

from factcheck.names.folding import fold, has_diacritics
from factcheck.names.forms import convention_key, name_words
from factcheck.names.reference import NameList, ReferenceEntity

FormKind = Literal["canonical", "variant", "foreign", "misspelling", "acronym", "house_style"]
MatchKind = Literal["canonical", "variant", "exonym", "misspelling", "fuzzy", "casing"]

_KIND_TO_MATCH: dict[FormKind, MatchKind] = {
    "canonical": "canonical",
    "acronym": "canonical",
    "variant": "variant",
    "house_style": "variant",
    "foreign": "exonym",
    "misspelling": "misspelling",
}


@dataclass(frozen=True)
class KnownForm:
    form: str
    kind: FormKind
    entity: ReferenceEntity
    detail: str | None = None
    short: bool = False
    """A surname-only form derived from a full form."""


@dataclass(frozen=True)
class Link:
    """A written name tied to a reference entity, with how it is spelled."""

    entity: ReferenceEntity
    match: MatchKind
    form: KnownForm
    score: float
    why: str

    @property
    def suggestion(self) -> str:
        """The accepted spelling to use in place of the written one."""
        canonical = self.entity.canonical
        if self.form.short:
            return canonical.split()[-1]
        if self.form.kind == "acronym" or (self.entity.acronym and self.form.form.isupper()):
            return self.entity.acronym or canonical
        return canonical


@dataclass(frozen=True)
class FuzzyThresholds:
    """How close a near miss must be; the ``name-spelling`` rule may change them.

    These defaults are the only ones: the rule's parameters default to them.
    """

    full_name: float = 82.0
    name_part: float = 70.0
    single_token: float = 89.0
    single_token_min_length: int = 7


DEFAULT_THRESHOLDS = FuzzyThresholds()
NEAR_MISS_MEMORY = 100_000
"""Folded names whose nearest listed form an index keeps (then it starts again): bounds a long process."""
_ROMAN = re.compile(r"[IVXLC]+")
_NAME_SUFFIXES = frozenset({"jr", "sr", "junior", "senior"})


class NameIndex:
    """Lookup tables over every form of every listed entity."""

    def __init__(self, lists: Iterable[NameList]) -> None:
        self.entities: dict[str, ReferenceEntity] = {}
        self.exact: dict[str, list[KnownForm]] = defaultdict(list)
        self.lowered: dict[str, list[KnownForm]] = defaultdict(list)
        self.folded: dict[str, list[KnownForm]] = defaultdict(list)
        self.short_folded: dict[str, list[KnownForm]] = defaultdict(list)
        self.conventional: dict[str, list[KnownForm]] = defaultdict(list)
        """Organization and place forms by `forms.convention_key`: plurals, British spellings, abbreviations."""
        self.blocks: dict[str, list[tuple[str, KnownForm]]] = defaultdict(list)
        self._single_tokens: frozenset[str] | None = None
        self._short_blocks: dict[str, list[tuple[str, KnownForm]]] | None = None
        self._near_misses: dict[tuple[str, FuzzyThresholds], Link | None] = {}
        for name_list in lists:
            for entity in name_list.entities:
                if entity.id in self.entities:
                    continue
                self.entities[entity.id] = entity
                given = {fold(f.split()[0]) for f in [entity.canonical, *(v.form for v in entity.variants)] if " " in f}
                for known in _forms_of(entity):
                    self._add(known, given)

    def _add(self, known: KnownForm, given_names: set[str]) -> None:
        self.exact[known.form].append(known)
        self.lowered[known.form.casefold()].append(known)
        folded = fold(known.form)
        if not folded:
            return
        self.folded[folded].append(known)
        if known.kind != "misspelling":
            self.blocks[folded.split()[-1][:1]].append((folded, known))
            if known.entity.type != "PERSON" and (key := convention_key(known.form)):
                self.conventional[key].append(known)
        if known.entity.type != "PERSON" or " " not in known.form or known.kind == "misspelling":
            return
        if known.entity.short_forms is not None:
            if known.kind != "canonical":
                return
            for surname in known.entity.short_forms:
                self._add_short(KnownForm(surname, "canonical", known.entity, None, short=True))
            return
        surname = known.form.split()[-1]
        if (
            # "Orbán Viktor" (Hungarian order) must not make "Viktor" a surname,
            # nor "Jr." or "II" be anybody's.
            fold(surname) not in given_names
            and len(surname.strip(".")) > 2
            and not _ROMAN.fullmatch(surname)
            and surname.rstrip(".").lower() not in _NAME_SUFFIXES
        ):
            self._add_short(KnownForm(surname, known.kind, known.entity, known.detail, short=True))

    def _add_short(self, short: KnownForm) -> None:
        self.short_folded[fold(short.form)].append(short)
        if short not in self.exact[short.form]:
            self.exact[short.form].append(short)

    def single_token_forms(self) -> frozenset[str]:
        """Forms of one word (surnames, acronyms): the names a glued word may start with (built once)."""
        if self._single_tokens is None:
            self._single_tokens = frozenset(form for form in self.exact if " " not in form and len(form) >= 4)
        return self._single_tokens

    def link(
        self,
        surface: str,
        context: set[str] | frozenset[str] = frozenset(),
        thresholds: FuzzyThresholds = DEFAULT_THRESHOLDS,
        label: str | None = None,
    ) -> Link | None:
        """The entity a written name refers to, or None.

        ``context`` holds ids of entities already named in full nearby; it
        decides between people who share a surname.  A lone surname links only
        when that person is in the context or the NER model calls the word a
        PERSON: "May" at the start of a sentence is not Theresa May.
        """
        link = self._link(surface.strip(), context, thresholds)
        if link is None or not link.form.short:
            return link
        if link.entity.id in context or label == "PERSON":
            return link
        return None

    def _link(self, surface: str, context: set[str] | frozenset[str], thresholds: FuzzyThresholds) -> Link | None:
        if not surface:
            return None
        if hit := _choose(self.exact.get(surface, ()), context):
            why = "reference list" if not hit.short else "surname in the reference list"
            return Link(hit.entity, _KIND_TO_MATCH[hit.kind], hit, 100.0, why)
        if len(surface) >= 3 and (hit := _choose(self.lowered.get(surface.casefold(), ()), context)):
            if surface.isupper() and len(surface) > 3 and not (hit.entity.acronym or "").isupper():
                # Headline capitals ("MERKEL") are a style, not a casing error.
                return Link(hit.entity, _KIND_TO_MATCH[hit.kind], hit, 100.0, "capitalized form")
            if " " in surface and hit.entity.type != "PERSON":
                # "the UN refugee agency" describes; it does not miswrite a name.
                return None
            return Link(hit.entity, "casing", hit, 100.0, f"case differs from {hit.form!r}")
        folded = fold(surface)
        if len(folded) < 3:
            return None
        if " " in folded or folded in self.folded:
            listed = self.folded.get(folded, ())
        else:  # one word: a listed surname too
            listed = self.short_folded.get(folded, ())
        if hit := _choose(listed, context):
            if has_diacritics(surface):
                return Link(hit.entity, "misspelling", hit, 95.0, f"diacritics differ from {hit.form!r}")
            if hit.kind in ("foreign", "misspelling"):
                return Link(hit.entity, _KIND_TO_MATCH[hit.kind], hit, 99.0, "reference list")
            return Link(hit.entity, "variant", hit, 99.0, f"{hit.form!r} with diacritics dropped")
        if link := self._other_form(surface, folded, context):
            return link
        return self._fuzzy(surface, folded, context, thresholds)

    def _other_form(self, surface: str, folded: str, context: set[str] | frozenset[str]) -> Link | None:
        """A fuller or conventional form of a listed name: a variant, not a near miss.

        "Vladimir V. Putin" and 'Vladimir "the Tsar" Putin' are Vladimir
        Putin with a middle initial or a nickname; "Harwell Treatment
        Centre" is the listed "...Center" in British spelling.
        """
        words = name_words(surface)
        if len(words) > 2 or (len(words) == 2 and " ".join(words) != folded):
            core = f"{words[0]} {words[-1]}"
            hit = _choose([f for f in self.folded.get(core, ()) if f.entity.type == "PERSON"], context)
            if hit is not None and hit.kind not in ("foreign", "misspelling"):
                return Link(hit.entity, "variant", hit, 98.0, f"fuller form of {hit.form!r}")
        key = convention_key(surface)
        if " " in key and (hit := _choose(self.conventional.get(key, ()), context)):
            return Link(hit.entity, "variant", hit, 98.0, f"{hit.form!r} in another spelling convention")
        return None

    def _fuzzy(self, surface: str, folded: str, context: set[str] | frozenset[str], t: FuzzyThresholds) -> Link | None:
        """The nearest listed form, whatever the context: kept per folded name, as a cluster repeats its names."""
        parts = folded.split()
        if not parts or not surface[:1].isupper():
            return None
        key = (folded, t)
        if key not in self._near_misses:
            if len(self._near_misses) >= NEAR_MISS_MEMORY:
                self._near_misses.clear()
            self._near_misses[key] = self._nearest(parts, t)
        return self._near_misses[key]

    def _nearest(self, parts: list[str], t: FuzzyThresholds) -> Link | None:
        best: tuple[float, KnownForm] | None = None
        for candidate, known in self.blocks.get(parts[-1][:1], ()):
            score = _name_similarity(parts, candidate.split(), t)
            if score is not None and (best is None or score > best[0]):
                best = (score, known)
        if len(parts) == 1:
            for candidate, known in self._short_block(parts[0]):
                score = _name_similarity(parts, candidate.split(), t)
                if score is not None and (best is None or score > best[0]):
                    best = (score, known)
        if best is None:
            return None
        score, known = best
        return Link(known.entity, "fuzzy", known, round(score, 1), f"near miss of {known.form!r}")

    def _short_block(self, token: str) -> Sequence[tuple[str, KnownForm]]:
        """The surnames sharing ``token``'s first letter, in table order (grouped once, not scanned per name)."""
        if self._short_blocks is None:
            blocks: dict[str, list[tuple[str, KnownForm]]] = defaultdict(list)
            for folded, forms in self.short_folded.items():
                blocks[folded[:1]].extend((folded, known) for known in forms)
            self._short_blocks = dict(blocks)
        return self._short_blocks.get(token[:1], ())


def _name_similarity(mention: Sequence[str], form: Sequence[str], t: FuzzyThresholds) -> float | None:
    """Similarity of two folded names, or None when they cannot be one person.

    Whole-string similarity alone merges different people who share a first
    name (Anna Petrova, Anna Smirnova); so the surnames must be close on
    their own and the first names compatible.
    """
    if len(mention) == 1:
        if len(form) != 1 or len(mention[0]) < t.single_token_min_length:
            return None
        score = fuzz.ratio(mention[0], form[0])
        return score if score >= t.single_token else None
    if len(form) == 1:
        return None
    last = fuzz.ratio(mention[-1], form[-1])
    if last < t.name_part:
        return None
    first_ok = mention[0][:1] == form[0][:1] and (
        len(mention[0]) <= 2 or len(form[0]) <= 2 or fuzz.ratio(mention[0], form[0]) >= t.name_part
    )
    if not first_ok:
        return None
    whole = fuzz.ratio(" ".join(mention), " ".join(form))
    return whole if whole >= t.full_name else None


def _choose(forms: Sequence[KnownForm], context: set[str] | frozenset[str]) -> KnownForm | None:
    """The single entity these forms point to, using context to break ties."""
    entities = {f.entity.id for f in forms}
    if len(entities) > 1:
        entities &= set(context)
    if len(entities) != 1:
        return None
    (chosen,) = entities
    ranked = sorted(
        (f for f in forms if f.entity.id == chosen),
        key=lambda f: (f.short, list(_KIND_TO_MATCH).index(f.kind)),
    )
    return ranked[0]


def _forms_of(entity: ReferenceEntity) -> Iterable[KnownForm]:
    yield KnownForm(entity.canonical, "canonical", entity)
    for variant in entity.variants:
        yield KnownForm(variant.form, "variant", entity, variant.system)
    for foreign in entity.foreign:
        yield KnownForm(foreign.form, "foreign", entity, foreign.language)
    for misspelling in entity.misspellings:
        yield KnownForm(misspelling, "misspelling", entity)
    if entity.acronym:
        yield KnownForm(entity.acronym, "acronym", entity)
    for style in entity.house_styles:
        yield KnownForm(style, "house_style", entity, "house style")
