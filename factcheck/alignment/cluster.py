"""The aligned cluster: a cluster's claims indexed by what they state.

Checks compare like with like only: figures of one frame (see
`factcheck.alignment.quantities`), dates of the same event (same predicate
and participants), mentions of the same entity.  Claims are indexed by those
keys, so no check compares every claim with every other.
"""

from __future__ import annotations

import functools
import hashlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from factcheck.alignment.quantities import QuantityFrame, frame_of
from factcheck.alignment.sentences import SentenceSets, in_sentence, stated_years
from factcheck.claims import DateClaim, EntityClaim, QuantityClaim, replaced
from factcheck.names.index import NameIndex
from factcheck.sources.model import Source
from factcheck.sources.reference_dates import ReferenceDate

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
    quantity_groups: dict[QuantityFrame, list[QuantityClaim]] = field(default_factory=dict)
    date_groups: dict[DateKey, list[DateClaim]] = field(default_factory=dict)
    participants: dict[tuple[str, int], frozenset[str]] = field(default_factory=dict)
    """Entity keys named in the sentence of each date claim, by (source, start)."""
    places_by_sentence: SentenceSets = field(default_factory=dict)
    """Places (folded) named in each sentence, by source and sentence offset."""

    @functools.cached_property
    def source_digests(self) -> dict[str, str]:
        """A digest of each source's text: what decides between two equal claims of two sources.

        Checks break ties by what the claims and their sources say, never by
        source id or input order, so renaming sources renames the findings
        and changes nothing else.
        """
        return {
            source_id: hashlib.sha1(source.text.encode("utf-8", "surrogatepass")).hexdigest()
            for source_id, source in self.sources.items()
        }

    @functools.cached_property
    def trusted(self) -> frozenset[str]:
        """The reference sources' ids: empty unless the run is in trusted-sources mode.

        With references, checks take the right value of a fact from them and
        raise findings on candidate text only (`factcheck.checks.trusted`).
        """
        return frozenset(source_id for source_id, source in self.sources.items() if source.role == "reference")

    def places_of(self, claim: DateClaim | QuantityClaim) -> frozenset[str]:
        """The places the claim's sentence names."""
        return frozenset(in_sentence(self.places_by_sentence, claim))

    def place_names(self, claim: DateClaim | QuantityClaim | EntityClaim) -> list[str]:
        """The places the claim's sentence names, as the lists or the text write them, in text order.

        For messages: `places_of` has the same places folded, for comparing.
        """
        return self._place_names.get((claim.source, claim.sentence_start), [])

    def dates_in_sentence(self, claim: DateClaim | QuantityClaim | EntityClaim) -> list[DateClaim]:
        """The dates stated in the claim's sentence, in text order."""
        return self._dates_by_sentence.get((claim.source, claim.sentence_start), [])

    @functools.cached_property
    def _dates_by_sentence(self) -> dict[tuple[str, int], list[DateClaim]]:
        """Dates by sentence; built on first use (only a check that dates a mention reads it)."""
        by_sentence: dict[tuple[str, int], list[DateClaim]] = defaultdict(list)
        for claim in sorted(self.dates, key=lambda c: (c.source, c.start)):
            by_sentence[(claim.source, claim.sentence_start)].append(claim)
        return dict(by_sentence)

    @functools.cached_property
    def _place_names(self) -> dict[tuple[str, int], list[str]]:
        """Place names by sentence; built on first use (only messages read it)."""
        names: dict[tuple[str, int], dict[str, str]] = defaultdict(dict)
        for claim in sorted(self.entities, key=lambda c: (c.source, c.start)):
            if claim.label in PLACE_LABELS:
                name = claim.canonical or claim.surface
                names[(claim.source, claim.sentence_start)].setdefault(name.casefold(), name)
        return {key: list(by_fold.values()) for key, by_fold in names.items()}

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


def entity_key(claim: EntityClaim) -> str:
    """The group of a mention: its entity in the lists, else its canonical (or written) form, folded."""
    return claim.entity_id or f"~{(claim.canonical or claim.surface).casefold()}"


def _linked_names(entities: Sequence[EntityClaim]) -> dict[tuple[str, str], str]:
    """Each person's name as a source writes it, and the name linking gave it (by source and surface).

    A figure's holder is written as the text has it ("Benjamin", "Regina M.
    Benjamin"); linked, one person's age or figures are one person's in every
    source, however each writes the name.
    """
    linked: dict[tuple[str, str], str] = {}
    for claim in entities:
        if claim.label == "PERSON" and claim.canonical:
            linked.setdefault((claim.source, claim.surface), claim.canonical)
    return linked


PLACE_LABELS = frozenset({"GPE", "LOC"})
PARTICIPANT_LABELS = frozenset({"PERSON", "ORG", "GPE"})


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
    years_by_sentence: SentenceSets = defaultdict(lambda: defaultdict(set))
    for d in dates:
        if years := stated_years(d):
            years_by_sentence[d.source][d.sentence_start].update(years)
    own_year = {s: str(r.date.year) for s, r in reference_dates.items() if r.date is not None}
    quantity_groups: dict[QuantityFrame, list[QuantityClaim]] = defaultdict(list)
    # With references (trusted-sources mode), a summary names people otherwise than its sources
    # ("Benjamin, 54" for "Regina Benjamin, 52") and leaves nouns out ("294 injured"): holders are
    # taken as linking names them, and a count of casualties without a noun counts people.
    trusted = any(s.role == "reference" for s in sources)
    holders = _linked_names(entities) if trusted else {}
    for stated in quantities:
        q = stated
        if q.holder and (linked := holders.get((q.source, q.holder))) is not None and linked != q.holder:
            q = replaced(q, {"holder": linked})
        other_years = frozenset(in_sentence(years_by_sentence, q) - {own_year.get(q.source, "")})
        if (frame := frame_of(q, other_years, unsaid_people=trusted)) is not None:
            quantity_groups[frame].append(q)
    date_groups: dict[DateKey, list[DateClaim]] = defaultdict(list)
    participants: dict[tuple[str, int], frozenset[str]] = {}
    for d in dates:
        if d.role == "event" and d.event and d.value:
            date_groups[d.event].append(d)
            participants[(d.source, d.start)] = frozenset(in_sentence(entities_by_sentence, d))
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
        places_by_sentence={source: dict(by_start) for source, by_start in places_by_sentence.items()},
    )
