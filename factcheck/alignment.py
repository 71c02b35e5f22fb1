"""Alignment: grouping claims from different sources that speak of the same thing.

Checks compare like with like only: death tolls with death tolls (same
counted noun or unit dimension, same event), dates of the same event (same
predicate and participants), mentions of the same entity.  Claims are
indexed by those keys, so no check compares every claim with every other.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from factcheck.claims import DateClaim, EntityClaim, QuantityClaim
from factcheck.names.index import NameIndex
from factcheck.sources.model import Source
from factcheck.sources.reference_dates import ReferenceDate

QuantityKey = tuple[str, str]
"""(what is counted or the unit dimension, governing event or "")."""

DateKey = str
"""The lemma of the predicate a date attaches to."""


@dataclass
class AlignedCluster:
    """Everything the checks see of one cluster of sources."""

    id: str
    sources: dict[str, Source]
    reference_dates: dict[str, ReferenceDate]
    dates: list[DateClaim]
    quantities: list[QuantityClaim]
    entities: list[EntityClaim]
    names: NameIndex
    entity_groups: dict[str, list[EntityClaim]] = field(default_factory=dict)
    quantity_groups: dict[QuantityKey, list[QuantityClaim]] = field(default_factory=dict)
    date_groups: dict[DateKey, list[DateClaim]] = field(default_factory=dict)
    participants: dict[tuple[str, int], frozenset[str]] = field(default_factory=dict)
    """Entity keys named in the sentence of each date claim, by (source, start)."""

    @functools.cached_property
    def entities_by_match(self) -> dict[str, list[EntityClaim]]:
        """Mentions by how linking matched them ("casing", "glued", "misspelling" ...), in source order.

        Checks of one kind of spelling read these few, not every mention of a
        large cluster each; built on first use.
        """
        by_match: dict[str, list[EntityClaim]] = defaultdict(list)
        for claim in self.entities:
            by_match[claim.match].append(claim)
        return dict(by_match)


EVENT_CLASSES: dict[str, str] = {
    **dict.fromkeys(("kill", "die", "dead", "death", "perish", "slay", "murder"), "killed"),
    **dict.fromkeys(("injure", "wound", "hurt", "maim"), "injured"),
    **dict.fromkeys(("miss", "disappear"), "missing"),
    **dict.fromkeys(("arrest", "detain", "jail", "imprison"), "arrested"),
    **dict.fromkeys(("displace", "evacuate", "flee", "rescue"), "displaced"),
}
"""Events that change what a count means: 12 killed and 40 injured never compare.
Other predicates (deploy, mass, station ...) say the same of the same troops,
so they do not split the alignment."""


def event_class(event: str | None) -> str:
    return EVENT_CLASSES.get(event or "", "")


def entity_key(claim: EntityClaim) -> str:
    """The group of a mention: its entity in the lists, else its canonical (or written) form, folded."""
    return claim.entity_id or f"~{(claim.canonical or claim.surface).casefold()}"


def quantity_key(claim: QuantityClaim) -> QuantityKey | None:
    """What a figure measures; None for figures with nothing to align on."""
    what = claim.noun_lemma or (claim.noun.lower() if claim.noun else None) or claim.dimension
    if what is None:
        return None
    return (what, event_class(claim.event))


PLACE_LABELS = frozenset({"GPE", "LOC"})
PARTICIPANT_LABELS = frozenset({"PERSON", "ORG", "GPE"})


SentenceSets = dict[str, dict[int, set[str]]]
"""Names in each sentence, by source id, then sentence offset.

Nested rather than keyed by (source, offset): claims come in source order,
so the small per-source dicts stay in the CPU caches where one table of a
large cluster's sentences would not."""


def split_by_place(
    key: QuantityKey, claims: list[QuantityClaim], places_by_sentence: SentenceSets
) -> dict[QuantityKey, list[QuantityClaim]]:
    """Keep apart figures that the text ties to different places.

    "5,434 died in Turkey" and "1,250 died in Syria" count different dead;
    so do a country's toll and a two-country total.  Figures whose sentence
    names no place join the others only when the cluster's figures name one
    set of places (or none); otherwise they are left out, since they could
    belong to either.
    """
    by_places: dict[frozenset[str], list[QuantityClaim]] = defaultdict(list)
    for claim in claims:
        by_places[frozenset(_in_sentence(places_by_sentence, claim))].append(claim)
    named = [p for p in by_places if p]
    if len(named) <= 1:
        return {key: claims}
    return {
        (key[0], key[1] + ("@" + "+".join(sorted(places)))): members for places, members in by_places.items() if places
    }


_NOTHING: frozenset[str] = frozenset()


def _in_sentence(sets: SentenceSets, claim: DateClaim | QuantityClaim) -> set[str] | frozenset[str]:
    of_source = sets.get(claim.source)
    return _NOTHING if of_source is None else of_source.get(claim.sentence_start, _NOTHING)


def align(
    cluster_id: str,
    sources: Sequence[Source],
    reference_dates: dict[str, ReferenceDate],
    dates: Sequence[DateClaim],
    quantities: Sequence[QuantityClaim],
    entities: Sequence[EntityClaim],
    names: NameIndex,
) -> AlignedCluster:
    entity_groups: dict[str, list[EntityClaim]] = defaultdict(list)
    entities_by_sentence: SentenceSets = defaultdict(lambda: defaultdict(set))
    places_by_sentence: SentenceSets = defaultdict(lambda: defaultdict(set))
    for claim in entities:
        key = entity_key(claim)
        entity_groups[key].append(claim)
        label = claim.label
        if label in PARTICIPANT_LABELS:
            entities_by_sentence[claim.source][claim.sentence_start].add(key)
        if label in PLACE_LABELS:
            places_by_sentence[claim.source][claim.sentence_start].add((claim.canonical or claim.surface).casefold())
    quantity_groups: dict[QuantityKey, list[QuantityClaim]] = defaultdict(list)
    for q in quantities:
        if (qkey := quantity_key(q)) is not None:
            quantity_groups[qkey].append(q)
    quantity_groups = {
        key: members
        for key, claims in quantity_groups.items()
        for key, members in split_by_place(key, claims, places_by_sentence).items()
    }
    date_groups: dict[DateKey, list[DateClaim]] = defaultdict(list)
    participants: dict[tuple[str, int], frozenset[str]] = {}
    for d in dates:
        if d.role == "event" and d.event and d.value:
            date_groups[d.event].append(d)
            participants[(d.source, d.start)] = frozenset(_in_sentence(entities_by_sentence, d))
    return AlignedCluster(
        id=cluster_id,
        sources={s.id: s for s in sources},
        reference_dates=reference_dates,
        dates=list(dates),
        quantities=list(quantities),
        entities=list(entities),
        names=names,
        entity_groups=dict(entity_groups),
        quantity_groups=dict(quantity_groups),
        date_groups=dict(date_groups),
        participants=participants,
    )
