"""Linking the name mentions of one cluster to entities, with their spelling class.

Linking is done per cluster, after extraction, because a lone surname or a
near miss is only resolved by what the other mentions say: "Orban" in one
source is Viktor Orbán because another names him in full.  Names that no
reference list holds are clustered by the corpus itself (folded surname,
transliteration key, fuzzy similarity) and get the majority spelling.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Literal

from rapidfuzz.distance import Levenshtein

from factcheck.claims import EntityClaim, replaced
from factcheck.names.folding import accent_key, fold
from factcheck.names.forms import (
    Difference,
    Thresholds,
    accented,
    difference,
    first_name_key,
    name_words,
    related_first_names,
)
from factcheck.names.index import DEFAULT_THRESHOLDS, FuzzyThresholds, NameIndex

PERSONISH = frozenset({"PERSON", "GAZETTEER"})
SpellingClass = Literal["canonical", "variant", "misspelling", "fuzzy"]


def link_entities(
    mentions: list[EntityClaim],
    index: NameIndex,
    thresholds: FuzzyThresholds = DEFAULT_THRESHOLDS,
    *,
    trusted: frozenset[str] = frozenset(),
) -> None:
    """Replace each mention in ``mentions`` by its linked copy.

    Linking is the one stage that writes a mention's ``canonical``,
    ``entity_id``, ``match``, ``matched_form`` and ``score`` (and the
    ``label`` of a listed entity).  Claims are immutable, so a linked mention
    is a new claim; it takes the old one's place in the list as soon as it is
    made, so a caller holding no other reference to the mentions never holds
    two copies of them (a 10,000-source cluster holds hundreds of thousands).
    ``trusted`` are the reference sources of trusted-sources mode: where one
    writes a name in full, the references' spelling is the right one.
    """
    _confirm_glued(mentions, index)
    # Pass 1: names written in full (not lone surnames) need no context and give it to the rest.
    context: set[str] = set()
    for surface, label in sorted({(c.surface, c.label) for c in mentions}):
        link = index.link(surface, thresholds=thresholds, label=label)
        if link is not None and link.match in ("canonical", "variant", "exonym") and not link.form.short:
            context.add(link.entity.id)
    # A lone surname refers to the person the same source names in full with
    # it ("Mark Johnston ... Johnston said"), not to a listed near miss.
    full_by_surname: dict[tuple[str, str], str] = {}
    name_parts = {word for claim in mentions if " " in claim.surface for word in claim.surface.split()}
    for claim in mentions:
        words = claim.surface.split()
        if len(words) > 1 and claim.label in PERSONISH:
            full_by_surname.setdefault((claim.source, words[-1]), claim.surface)
    for i, claim in enumerate(mentions):
        surface = claim.surface
        if " " not in surface and claim.match != "glued":
            surface = full_by_surname.get((claim.source, surface), surface)
        link = index.link(surface, context, thresholds, label=claim.label)
        if link is not None and link.match == "fuzzy" and " " not in surface and surface in name_parts:
            # A lone word that the cluster writes as part of a full name ("Gabriele" of
            # "Gabriele Dunst") is that name, not a near miss of a listed one ("Gabriel").
            link = None
        if link is not None and surface != claim.surface and link.match not in ("canonical", "variant"):
            # The full name is itself a near miss: report it there, not on every surname.
            link = None
        if link is None:
            continue
        mentions[i] = replaced(
            claim,
            {
                "canonical": link.entity.canonical,
                "entity_id": link.entity.id,
                "label": link.entity.type,
                "match": "glued" if claim.match == "glued" else link.match,
                "matched_form": link.form.form,
                "score": link.score,
            },
        )
    _link_unlisted(mentions, thresholds, trusted)


def _confirm_glued(mentions: list[EntityClaim], index: NameIndex) -> None:
    """Keep the glued names the cluster confirms; restore or drop the others.

    Extraction marks a word that may be a name run into the next word
    ("Ekvallconfirmed"), but only the cluster can say whether its head is a
    name: a listed single-word form, or a word of a name that some mention
    writes apart ("Tomas Ekvall").  A word that the cluster writes as a name
    of its own, or that is run together more than once, is a name itself
    ("Pellmans"), not a lost space.  An unconfirmed word that extraction
    split off a name span gets its whole surface back; one found alone is
    dropped, as extraction would not have kept it.
    """
    if not any(c.glued_to is not None for c in mentions):
        return
    apart: set[str] = set()
    for claim in mentions:
        if claim.glued_to is None:
            apart.update(claim.surface.split())
    runs: dict[str, int] = defaultdict(int)
    for claim in mentions:
        if claim.glued_to is not None and claim.text.split():
            runs[claim.text.split()[-1]] += 1
    listed = index.single_token_forms()
    kept: list[EntityClaim] = []
    for claim in mentions:
        if claim.glued_to is None or not claim.surface.split() or not claim.text.split():
            kept.append(claim)
            continue
        head, whole = claim.surface.split()[-1], claim.text.split()[-1]
        known_head = head in listed or head in apart
        own_name = whole in apart or whole in index.exact or runs[whole] > 1
        if known_head and not own_name:
            kept.append(replaced(claim, {"match": "glued"}))
        elif " " in claim.text or claim.label != "GAZETTEER":
            kept.append(replaced(claim, {"surface": claim.text, "glued_to": None}))
    mentions[:] = kept


def _link_unlisted(mentions: list[EntityClaim], t: FuzzyThresholds, trusted: frozenset[str] = frozenset()) -> None:
    """Cluster names absent from the lists by the corpus itself.

    Full names are grouped when `forms.difference` finds them one name;
    a group is split where its first names show two people of one surname
    (`_split_people`).  The spelling most sources support is canonical (a
    source writing the surname alone supports the full spellings with that
    surname), and each other spelling is classed by how it differs from it:
    a fuller or shorter form or a convention is a variant, other accents a
    misspelling, a near miss in the letters a fuzzy match.  In trusted-sources
    mode only the references vote where one writes the name in full: a
    candidate's other spelling is then a slip, never a tie.
    """
    pending = [i for i, c in enumerate(mentions) if c.entity_id is None and c.label in PERSONISH | {"ORG"}]
    full = [i for i in pending if len(name_words(mentions[i].surface)) > 1 and mentions[i].match != "glued"]
    limits = Thresholds(name_part=t.name_part, full_name=t.full_name)
    groups: list[list[int]] = []
    for members in _group_full_names([mentions[i] for i in full], limits):
        groups.extend(_split_people([mentions[full[m]] for m in members], members))
    lone_sources: dict[str, set[str]] = defaultdict(set)
    for i in pending:
        claim = mentions[i]
        if len(claim.surface.split()) == 1:
            lone_sources[claim.surface].add(claim.source)
    ranked: list[tuple[tuple[int, str], str, list[int], bool]] = []
    for members in groups:
        claims = [mentions[full[m]] for m in members]
        voters = [c for c in claims if c.source in trusted]
        if voters:
            majority, tie, support = _majority(voters, {s: v & trusted for s, v in lone_sources.items()})
        else:
            majority, tie, support = _majority(claims, lone_sources)
        ranked.append(((-support, majority), majority, members, tie))
    by_surname: dict[str, str] = {}
    for _, majority, members, tie in sorted(ranked):
        person = all(mentions[full[m]].label in PERSONISH for m in members)
        for m in members:
            i = full[m]
            claim = mentions[i]
            mentions[i] = replaced(
                claim,
                {
                    "canonical": majority,
                    "match": _spelling_class(claim.surface, majority, person, tie, limits),
                    "matched_form": majority,
                    "label": "PERSON" if claim.label == "GAZETTEER" else claim.label,
                },
            )
        words = name_words(majority)
        if words:
            by_surname.setdefault(words[-1], majority)
    for i in pending:
        claim = mentions[i]
        if claim.canonical is not None:
            continue
        folded = fold(claim.surface)
        canonical = by_surname.get(folded) if " " not in folded else None
        mentions[i] = replaced(
            claim,
            {
                "canonical": canonical or claim.surface,
                "match": "canonical" if claim.match != "glued" else "glued",
            },
        )
    for i, claim in enumerate(mentions):
        if claim.canonical is None:
            mentions[i] = replaced(claim, {"canonical": claim.surface})
    _lone_accent_slips(mentions)


def _lone_accent_slips(mentions: list[EntityClaim]) -> None:
    """A lone word ("Dvořak", a town) accented otherwise than most sources write it: a misspelling.

    Full names are compared whole (`_majority`); a name written as one word
    is compared with the last words of every unlisted name of the cluster.
    Its spelling is a misspelling when another accented spelling of the same
    letters is written by two sources or more and by more sources than any
    other, and its own by one source.  A plain-ASCII spelling ("Dvorak") is
    an accepted folding, never a slip, and so are the cedilla and comma
    forms of one letter ("ş", "ș").
    """
    writers: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    written: dict[str, str] = {}
    for claim in mentions:
        words = claim.surface.split()
        if claim.entity_id is not None or claim.glued_to is not None or not words:
            continue
        last = words[-1]
        if accented(last) and last[:1].isupper() and last.isalpha():
            key = accent_key(last)
            writers[fold(last)][key].add(claim.source)
            written.setdefault(key, last)
    for i, claim in enumerate(mentions):
        surface = claim.surface
        if claim.entity_id is not None or claim.match not in ("canonical", "unlinked") or " " in surface:
            continue
        if accent_key(surface) not in written:
            continue
        spellings = writers[fold(surface)]
        if len(spellings) < 2:
            continue
        ranked = sorted(spellings.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        (top_key, top), (_, second) = ranked[0], ranked[1]
        own = spellings[accent_key(surface)]
        if top_key == accent_key(surface) or len(top) < 2 or len(top) == len(second) or len(own) != 1:
            continue
        right = written[top_key]
        canonical = right if claim.canonical in (None, surface) else claim.canonical
        mentions[i] = replaced(claim, {"match": "misspelling", "matched_form": right, "canonical": canonical})


def _majority(claims: Sequence[EntityClaim], lone_sources: dict[str, set[str]]) -> tuple[str, bool, int]:
    """The spelling most sources support, whether another is as well supported, and its support.

    Sources are counted, not mentions: one source repeating a spelling is
    one voice.  A source that names the person only by the surname
    ("Ardley") supports every full spelling ending in that surname as
    written, and a plain-ASCII spelling ("Jose Alvaro") every accented
    spelling it is the folding of: neither takes a side between them.  Ties
    are broken by spelling, never by input order.
    """
    full_sources: dict[str, set[str]] = defaultdict(set)
    for claim in claims:
        full_sources[claim.surface].add(claim.source)
    writing_in_full = set().union(*full_sources.values())
    folded = {surface: fold(surface) for surface in full_sources}
    plain = {
        surface
        for surface in full_sources
        if not accented(surface) and any(accented(o) and folded[o] == folded[surface] for o in full_sources)
    }
    scores: dict[str, tuple[int, int]] = {}
    for surface, sources in full_sources.items():
        if surface in plain:
            continue
        words = surface.split()
        supporters = set(sources) | (lone_sources.get(words[-1], set()) - writing_in_full)
        for other in plain:
            if folded[other] == folded[surface]:
                supporters |= full_sources[other]
        scores[surface] = (len(supporters), len(sources))
    ordered = sorted(scores.items(), key=lambda kv: (-kv[1][0], -kv[1][1], kv[0]))
    majority, top = ordered[0]
    tie = len(ordered) > 1 and ordered[1][1] == top
    return majority, tie, top[0]


def _spelling_class(surface: str, majority: str, person: bool, tie: bool, limits: Thresholds) -> SpellingClass:
    """A spelling's class against the majority's: canonical, variant, misspelling or fuzzy."""
    if surface == majority:
        return "canonical"
    found = difference(surface, majority, person, limits)
    if found is Difference.ACCENTS and not tie:
        return "misspelling"
    if found is Difference.NEAR and not tie:
        return "fuzzy"
    return "variant"  # a fuller form, a convention, or no sure majority: said at info by name-variant


def _split_people(claims: Sequence[EntityClaim], members: list[int]) -> list[list[int]]:
    """A group of one surname split where its first names show two people.

    "Jerry Pimblett" and his stepson "Jeremy Pimblett" are two people, not one
    misspelt, when one source names both in full, or when each spelling is
    written by several sources and no source writes both.  First names one
    letter apart ("Malcom", "Malcolm") are a slip, never two people; an
    initial or a short form ("Stan", "Stanley") is the same first name.
    """
    if not all(c.label in PERSONISH for c in claims):
        return [members]
    keys = [first_name_key(c.surface) for c in claims]
    distinct = sorted(set(keys))
    parent = {k: k for k in distinct}
    for a_pos, a in enumerate(distinct):
        for b in distinct[a_pos + 1 :]:
            if related_first_names(a, b) or Levenshtein.distance(a, b) <= 1:
                parent[_root(parent, a)] = _root(parent, b)
    families: dict[str, list[int]] = defaultdict(list)
    for position, key in enumerate(keys):
        families[_root(parent, key)].append(position)
    if len(families) == 1:
        return [members]
    sources = {root: {claims[p].source for p in positions} for root, positions in families.items()}
    main = min(families, key=lambda root: (-len(sources[root]), root))
    kept = list(families[main])
    out: list[list[int]] = []
    for root, positions in sorted(families.items()):
        if root == main:
            continue
        both_in_one = bool(sources[root] & sources[main])
        each_by_several = len(sources[root]) >= 2 and len(sources[main]) >= 2
        if both_in_one or each_by_several:
            out.append([members[p] for p in positions])
        else:
            kept.extend(positions)
    return [[members[p] for p in sorted(kept)], *out]


def _root(parent: dict[str, str], key: str) -> str:
    while parent[key] != key:
        key = parent[key]
    return key


def _group_full_names(claims: Sequence[EntityClaim], t: Thresholds) -> list[list[int]]:
    """Union-find over the distinct spellings, blocked by the folded surname's first letter.

    Spellings, not mentions, are compared: a large cluster writes a few
    spellings of a name thousands of times, and comparing mentions pairwise
    was quadratic in their number.
    """
    spelling_of: dict[tuple[str, bool], list[int]] = defaultdict(list)
    for i, claim in enumerate(claims):
        spelling_of[(claim.surface, claim.label in PERSONISH)].append(i)
    spellings = sorted(spelling_of)
    parent = list(range(len(spellings)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    blocks: dict[str, list[int]] = defaultdict(list)
    for i, (surface, _) in enumerate(spellings):
        parts = name_words(surface)
        if parts:
            blocks[parts[-1][:1]].append(i)
    for block in blocks.values():
        for a_pos, a in enumerate(block):
            for b in block[a_pos + 1 :]:
                (surface_a, person_a), (surface_b, person_b) = spellings[a], spellings[b]
                if find(a) != find(b) and difference(surface_a, surface_b, person_a and person_b, t) is not None:
                    parent[find(a)] = find(b)
    groups: dict[int, list[int]] = defaultdict(list)
    for i, spelling in enumerate(spellings):
        groups[find(i)].extend(spelling_of[spelling])
    return [sorted(members) for members in groups.values()]
