"""Linking the name mentions of one cluster to entities, with their spelling class.

Linking is done per cluster, after extraction, because a lone surname or a
near miss is only resolved by what the other mentions say: "Orban" in one
source is Viktor Orbán because another names him in full.  Names that no
reference list holds are clustered by the corpus itself (folded surname,
transliteration key, fuzzy similarity) and get the majority spelling.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from rapidfuzz import fuzz

from factcheck.claims import EntityClaim, replaced
from factcheck.names.folding import fold, translit_key
from factcheck.names.index import DEFAULT_THRESHOLDS, FuzzyThresholds, NameIndex

PERSONISH = frozenset({"PERSON", "GAZETTEER"})


def link_entities(
    mentions: list[EntityClaim], index: NameIndex, thresholds: FuzzyThresholds = DEFAULT_THRESHOLDS
) -> None:
    """Replace each mention in ``mentions`` by its linked copy.

    Linking is the one stage that writes a mention's ``canonical``,
    ``entity_id``, ``match``, ``matched_form`` and ``score`` (and the
    ``label`` of a listed entity).  Claims are immutable, so a linked mention
    is a new claim; it takes the old one's place in the list as soon as it is
    made, so a caller holding no other reference to the mentions never holds
    two copies of them (a 10,000-source cluster holds hundreds of thousands).
    """
    # A name run into the next word is a spelling class that extraction only
    # marks (``glued_to``); linking keeps it unless the name links otherwise.
    for i, claim in enumerate(mentions):
        if claim.glued_to is not None:
            mentions[i] = replaced(claim, {"match": "glued"})
    # Pass 1: multi-word names need no context and give it to the rest.
    context: set[str] = set()
    for claim in mentions:
        if " " in claim.surface:
            link = index.link(claim.surface, thresholds=thresholds, label=claim.label)
            if link is not None and link.match in ("canonical", "variant", "exonym"):
                context.add(link.entity.id)
    # A lone surname refers to the person the same source names in full with
    # it ("Mark Johnston ... Johnston said"), not to a listed near miss.
    full_by_surname: dict[tuple[str, str], str] = {}
    for claim in mentions:
        words = claim.surface.split()
        if len(words) > 1 and claim.label in PERSONISH:
            full_by_surname.setdefault((claim.source, words[-1]), claim.surface)
    for i, claim in enumerate(mentions):
        surface = claim.surface
        if " " not in surface and claim.match != "glued":
            surface = full_by_surname.get((claim.source, surface), surface)
        link = index.link(surface, context, thresholds, label=claim.label)
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
    _link_unlisted(mentions, thresholds)


def _link_unlisted(mentions: list[EntityClaim], t: FuzzyThresholds) -> None:
    """Cluster names absent from the lists by the corpus itself."""
    pending = [i for i, c in enumerate(mentions) if c.entity_id is None and c.label in PERSONISH | {"ORG"}]
    full = [i for i in pending if " " in mentions[i].surface]
    groups = _group_full_names([mentions[i] for i in full], t)
    by_surname: dict[str, str] = {}
    for members in groups:
        spellings = Counter(mentions[full[m]].surface for m in members)
        # Ties broken by spelling, not by input order, so the result is order-free.
        majority, top = min(spellings.items(), key=lambda kv: (-kv[1], kv[0]))
        tie = sum(1 for n in spellings.values() if n == top) > 1
        majority_key = translit_key(majority)
        for m in members:
            i = full[m]
            claim = mentions[i]
            match = "canonical"
            if claim.surface != majority and not tie:
                match = "variant" if translit_key(claim.surface) == majority_key else "fuzzy"
            elif claim.surface != majority:
                match = "variant"
            mentions[i] = replaced(
                claim,
                {
                    "canonical": majority,
                    "match": match,
                    "matched_form": majority,
                    "label": "PERSON" if claim.label == "GAZETTEER" else claim.label,
                },
            )
        by_surname.setdefault(fold(majority).split()[-1], majority)
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


def _group_full_names(claims: Sequence[EntityClaim], t: FuzzyThresholds) -> list[list[int]]:
    """Union-find over names blocked by the folded surname's first letter."""
    parent = list(range(len(claims)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    blocks: dict[str, list[int]] = defaultdict(list)
    folded = [fold(c.surface).split() for c in claims]
    for i, parts in enumerate(folded):
        if parts:
            blocks[parts[-1][:1]].append(i)
    for members in blocks.values():
        for a_pos, a in enumerate(members):
            for b in members[a_pos + 1 :]:
                if find(a) != find(b) and _same_person(folded[a], folded[b], t):
                    parent[find(a)] = find(b)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(claims)):
        groups[find(i)].append(i)
    return list(groups.values())


def _same_person(a: list[str], b: list[str], t: FuzzyThresholds) -> bool:
    if len(a) < 2 or len(b) < 2:
        return False
    if translit_key(" ".join(a)) == translit_key(" ".join(b)):
        return True
    if fuzz.ratio(a[-1], b[-1]) < max(t.name_part, 80):
        return False
    if a[0][:1] != b[0][:1] or fuzz.ratio(a[0], b[0]) < t.name_part:
        return False
    return fuzz.ratio(" ".join(a), " ".join(b)) >= t.full_name
