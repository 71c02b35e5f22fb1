"""Check types about names: spelling, mixed variants, casing, glued words (titles: `checks.titles`).

Every finding carries its evidence: the spellings seen with their sources
and counts, and where the correct form comes from (the reference list, or
the majority of the cluster's sources).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from pydantic import BaseModel, ConfigDict, Field

from factcheck.alignment import AlignedCluster, entity_key
from factcheck.checks.base import Check
from factcheck.claims import EntityClaim
from factcheck.names.index import DEFAULT_THRESHOLDS, FuzzyThresholds
from factcheck.names.reference import ReferenceEntity
from factcheck.report import Evidence, Finding, Severity
from factcheck.stop_words import english_stop_words

WRONG_SPELLINGS = ("misspelling", "fuzzy", "exonym")


MAX_SOURCES_PER_SPELLING = 100
"""Sources listed for each spelling in a finding's details; the rest are counted.

A cluster of 10,000 sources has thousands of findings about a few names:
listing every source under every finding made the report quadratic in size."""


def spelling_summary(claims: Iterable[EntityClaim]) -> str:
    """ "“Kovac” (4 sources), “Kóvac” (1 source)": who writes what."""
    sources: dict[str, set[str]] = defaultdict(set)
    for claim in claims:
        sources[claim.surface].add(claim.source)
    parts = [
        f"“{spelling}” ({len(ids)} source{'s' if len(ids) != 1 else ''})"
        for spelling, ids in sorted(sources.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    ]
    return ", ".join(parts)


def spelling_table(claims: Iterable[EntityClaim]) -> tuple[dict[str, dict[str, int]], dict[str, int]]:
    """{spelling: {source: mentions}} for the first sources of each spelling, and how many are left out."""
    table: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for claim in claims:
        table[claim.surface][claim.source] += 1
    limit = MAX_SOURCES_PER_SPELLING
    shown = {k: dict(sorted(v.items())[:limit]) for k, v in sorted(table.items())}
    left_out = {k: len(v) - limit for k, v in sorted(table.items()) if len(v) > limit}
    return shown, left_out


class GroupSpellings:
    """The spelling table and summary of each entity group, built once per check run.

    Entries are keyed by the group's identity and keep the group alive, so an
    identity is never reused for another group while the memo exists.
    """

    def __init__(self) -> None:
        self._tables: dict[int, tuple[list[EntityClaim], tuple[dict[str, dict[str, int]], dict[str, int]]]] = {}
        self._summaries: dict[int, tuple[list[EntityClaim], str]] = {}

    def table(self, group: list[EntityClaim]) -> tuple[dict[str, dict[str, int]], dict[str, int]]:
        key = id(group)
        if key not in self._tables:
            self._tables[key] = (group, spelling_table(group))
        return self._tables[key][1]

    def summary(self, group: list[EntityClaim]) -> str:
        key = id(group)
        if key not in self._summaries:
            self._summaries[key] = (group, spelling_summary(group))
        return self._summaries[key][1]

    def details(self, claim: EntityClaim, group: list[EntityClaim]) -> dict[str, object]:
        shown, left_out = self.table(group)
        details: dict[str, object] = {
            "canonical": claim.canonical,
            "entity_id": claim.entity_id,
            "canonical_from": "reference list" if claim.entity_id else "majority of sources",
            "matched_form": claim.matched_form,
            "similarity": claim.score,
            "spellings": shown,
        }
        if left_out:
            details["spellings_sources_left_out"] = left_out
        return details


def _suggestion(claim: EntityClaim, cluster: AlignedCluster) -> str | None:
    entity = cluster.names.entities.get(claim.entity_id or "")
    if entity is None:
        if claim.match == "misspelling" and " " not in claim.surface and claim.matched_form:
            return claim.matched_form  # a lone word: its right spelling, not the full name
        return claim.canonical
    written = claim.surface.split()
    canonical = entity.canonical.split()
    if entity.acronym and claim.surface.replace(".", "").isupper():
        return entity.acronym
    if len(written) == 1 and len(canonical) > 1:
        return canonical[-1]
    return entity.canonical


class NameSpellingParams(BaseModel):
    # How close a near-miss name must be for linking to match it, and the
    # check's own switches.  The thresholds default to `FuzzyThresholds`'
    # own.  (A docstring here would become the schema's description.)
    model_config = ConfigDict(extra="forbid")

    fuzzy_full_name: float = Field(
        default=DEFAULT_THRESHOLDS.full_name,
        ge=50,
        le=100,
        description="Similarity (0-100) a full name needs to a listed form.",
    )
    fuzzy_name_part: float = Field(
        default=DEFAULT_THRESHOLDS.name_part,
        ge=50,
        le=100,
        description="Similarity each part (first name, surname) needs.",
    )
    fuzzy_single_token: float = Field(
        default=DEFAULT_THRESHOLDS.single_token, ge=50, le=100, description="Similarity a lone surname needs."
    )
    single_token_min_length: int = Field(
        default=DEFAULT_THRESHOLDS.single_token_min_length,
        ge=3,
        description="Shorter lone words are never fuzzy-matched.",
    )
    exonym_severity: Severity | None = Field(
        default=None, description="Severity for foreign-language forms; the rule's when unset."
    )


class NameSpelling(Check):
    """A name spelled in a way that is wrong for its entity."""

    name = "name-spelling"
    Params = NameSpellingParams
    message_fields = frozenset({"text", "canonical", "suggestion", "why", "spellings", "source"})

    def thresholds(self) -> FuzzyThresholds:
        """The rule's thresholds, as name linking takes them."""
        p = self.params
        assert isinstance(p, NameSpellingParams)
        return FuzzyThresholds(
            full_name=p.fuzzy_full_name,
            name_part=p.fuzzy_name_part,
            single_token=p.fuzzy_single_token,
            single_token_min_length=p.single_token_min_length,
        )

    def run(self, cluster: AlignedCluster) -> Iterator[Finding]:
        params = self.params
        assert isinstance(params, NameSpellingParams)
        spellings = GroupSpellings()
        wrong_by_group: dict[str, dict[tuple[str, str], list[EntityClaim]]] = defaultdict(lambda: defaultdict(list))
        for match in WRONG_SPELLINGS:
            for claim in cluster.entities_by_match.get(match, ()):
                wrong_by_group[entity_key(claim)][(claim.source, claim.surface)].append(claim)
        for key, group in cluster.entity_groups.items():
            wrong = wrong_by_group.get(key)
            if wrong is None:
                continue
            for (source, surface), unordered in sorted(wrong.items()):
                claims = sorted(unordered, key=lambda c: (c.start, c.end))  # as the group lists them
                first = claims[0]
                suggestion = _suggestion(first, cluster)
                if first.match == "exonym":
                    why = f"“{surface}” is a foreign-language form ({first.matched_form})"
                elif first.match == "misspelling" and first.entity_id:
                    why = f"the reference list has “{first.matched_form}”"
                elif first.entity_id:
                    why = f"close to the listed form “{first.matched_form}” (similarity {first.score:.0f})"
                elif cluster.trusted and source not in cluster.trusted:
                    why = f"the references write “{first.matched_form or first.canonical}”"
                elif first.match == "misspelling":
                    why = f"most sources of the cluster write “{first.matched_form}”, with other accents"
                else:
                    why = "most sources of the cluster spell it differently"
                severity = params.exonym_severity if first.match == "exonym" else None
                shown = _reference_spellings(group, first, cluster.trusted) if source not in cluster.trusted else []
                yield self.finding(
                    [*(Evidence.of(c) for c in claims), *shown],
                    {
                        "text": surface,
                        "canonical": first.canonical,
                        "suggestion": suggestion,
                        "why": why,
                        "spellings": spellings.summary(group),
                        "source": source,
                    },
                    suggestion=suggestion,
                    severity=severity,
                    details=spellings.details(first, group),
                )


def _reference_spellings(group: list[EntityClaim], wrong: EntityClaim, trusted: frozenset[str]) -> list[Evidence]:
    """In trusted-sources mode, the first mention of each reference that writes the right spelling."""
    right = {wrong.matched_form, wrong.canonical} - {None, wrong.surface}
    shown: dict[str, Evidence] = {}
    for claim in group:
        if claim.source in trusted and claim.source not in shown and claim.surface in right:
            shown[claim.source] = Evidence.of(claim)
    return list(shown.values())


class NameVariant(Check):
    """Accepted spellings of one entity mixed within the cluster."""

    name = "name-variant"
    message_fields = frozenset({"canonical", "spellings", "count"})

    def run(self, cluster: AlignedCluster) -> Iterator[Finding]:
        if cluster.trusted:
            return  # checked against references, an accepted spelling is right, whichever the references use
        spellings = GroupSpellings()
        for group in cluster.entity_groups.values():
            accepted = [c for c in group if c.match in ("canonical", "variant")]
            entity = cluster.names.entities.get(group[0].entity_id or "")
            differing = _differing_parts(accepted, entity)
            if not differing:
                continue
            yield self.finding(
                [Evidence.of(c) for c in differing],
                {
                    "canonical": accepted[0].canonical,
                    "spellings": spelling_summary(differing),
                    "count": len({c.surface for c in differing}),
                },
                suggestion=accepted[0].canonical,
                details=spellings.details(accepted[0], group),
            )


def _differing_parts(claims: list[EntityClaim], entity: ReferenceEntity | None) -> list[EntityClaim]:
    """Mentions of one entity spelled differently, comparing like with like.

    A person's surnames are compared with surnames and first names with
    first names; an organization's acronym forms ("NATO", "Nato") with each
    other and its long forms with each other, never an acronym with its
    expansion.  All-capital text (headlines, photo credits) is a style, not
    a spelling.
    """
    acronyms = {f.casefold() for f in ([entity.acronym] if entity and entity.acronym else [])}
    acronyms |= {f.casefold() for f in (entity.house_styles if entity else [])}
    # Positions, not claims, in the tables: hashing a claim hashes every field.
    tables: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for position, claim in enumerate(claims):
        surface = claim.surface
        if surface.isupper() and surface.casefold() not in acronyms:
            continue
        if claim.label != "PERSON":
            family = "acronym" if surface.casefold() in acronyms else "name"
            tables[family][surface].append(position)
            continue
        words = surface.split()
        tables["surname"][words[-1]].append(position)
        if len(words) > 1:
            tables["first"][words[0]].append(position)
    out: set[int] = set()
    for table in tables.values():
        if len(table) > 1:
            for members in table.values():
                out.update(members)
    return sorted((claims[i] for i in sorted(out)), key=lambda c: (c.source, c.start))


_ACRONYM = re.compile(r"[A-Z]{3,6}")


def _shouted(sentence: str) -> bool:
    """A line mostly in capitals (a headline, a dateline): its capitals say nothing of acronyms."""
    letters = [c for c in sentence if c.isalpha()]
    return sum(c.isupper() for c in letters) * 2 > len(letters)


_SPELLED_OUT = re.compile(r"[A-Z][\w’'.-]*\s\((?P<acronym>[A-Z]{3,6})\)")
"""A name spelled out and its acronym in parentheses: "Harlow Drug Board (HDB)"."""


def _address_part(text: str, start: int, end: int) -> bool:
    """Whether a lowercase word is part of a web address or file name ("www. nih. gov", "Mshtml. dll").

    In prose a word after a full stop is capitalized; a lowercase one after
    a dot, or before a dot and more lowercase, is an address or a file name.
    """
    before = text[max(0, start - 3) : start].rstrip()
    after = text[end : end + 3].lstrip()
    return before.endswith((".", "/", ":", "@")) or (after.startswith(".") and after[1:2].islower())


class AcronymCasing(NamedTuple):
    """A lowercase writing of an acronym the cluster writes in capitals."""

    source: str
    start: int
    end: int
    acronym: str
    capitals: int
    """Mentions in capitals in the cluster."""
    sure: bool
    """Spelled out in parentheses ("Harlow Drug Board (HDB)"), or in capitals in two other sources."""


_NOUN_OF = re.compile(r"\s+of\b")
"""A lowercase word followed by "of" is a noun ("the tops of the hills"), not an acronym."""


def unlisted_acronym_casings(cluster: AlignedCluster) -> Iterator[AcronymCasing]:
    """Lowercase writings of an acronym that no list holds but the cluster writes in capitals.

    The acronym must be an organization the model finds in capitals in
    running text (not a headline), spelled out in parentheses or written so
    at least twice; its lowercase form must be no stop word, not followed
    by "of", and come from one source at most twice: a word that several
    sources write in lowercase ("the gap", "arm") is an everyday word, not
    a slip.  A writing is sure when the acronym is spelled out or other
    sources than its own write it in capitals twice.  Listed acronyms are
    the gazetteer's to judge ("nato").
    """
    capitals: dict[str, int] = defaultdict(int)
    capital_sources: dict[str, set[str]] = defaultdict(set)
    spelled_out: set[str] = set()
    for claim in cluster.entities:
        surface = claim.surface
        if claim.label != "ORG" or claim.glued_to or not _ACRONYM.fullmatch(surface):
            continue
        stop = surface.lower() in english_stop_words()
        if surface.casefold() in cluster.names.lowered or stop or _shouted(claim.sentence):
            continue
        capitals[surface] += 1
        capital_sources[surface].add(claim.source)
        source = cluster.sources.get(claim.source)
        around = source.text[max(claim.start - 1, 0) : claim.end + 1] if source else ""
        if around == f"({surface})":
            spelled_out.add(surface)
    for source in cluster.sources.values():
        for match in _SPELLED_OUT.finditer(source.text, source.body_start):
            acronym = match["acronym"]
            if acronym.casefold() not in cluster.names.lowered and acronym.lower() not in english_stop_words():
                spelled_out.add(acronym)
                capitals[acronym] = max(capitals[acronym], 1)
                capital_sources[acronym].add(source.id)
    acronyms = {a.lower(): a for a, count in capitals.items() if count >= 2 or a in spelled_out}
    if not acronyms:
        return
    # One pass over the texts for all the acronyms, not one per acronym.
    pattern = re.compile(rf"(?<![\w./@-])(?:{'|'.join(sorted(acronyms))})(?![\w/@-])")
    hits: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    for source_id, source in sorted(cluster.sources.items()):
        for match in pattern.finditer(source.text, source.body_start):
            if _address_part(source.text, match.start(), match.end()) or _NOUN_OF.match(source.text, match.end()):
                continue
            hits[match.group(0)].append((source_id, match.start(), match.end()))
    for lower, found in sorted(hits.items()):
        if len(found) <= 2 and len({source_id for source_id, _, _ in found}) == 1:
            acronym = acronyms[lower]
            others = capital_sources[acronym] - {found[0][0]}
            # With references, one reference writing it in capitals decides.
            sure = acronym in spelled_out or len(others) >= 2 or bool(others & cluster.trusted)
            for source_id, start, end in found:
                yield AcronymCasing(source_id, start, end, acronym, capitals[acronym], sure)


class NameCasing(Check):
    """A name or acronym in the wrong case; accepted house styles pass."""

    name = "name-casing"
    message_fields = frozenset({"text", "suggestion", "canonical"})

    def run(self, cluster: AlignedCluster) -> Iterator[Finding]:
        for found in unlisted_acronym_casings(cluster):
            source_id, start, end, acronym = found.source, found.start, found.end, found.acronym
            written = cluster.sources[source_id].text[start:end]
            yield self.finding(
                [Evidence(source=source_id, start=start, end=end, text=written)],
                {"text": written, "suggestion": acronym, "canonical": acronym},
                suggestion=acronym,
                severity=None if found.sure else "info",
                details={
                    "canonical": acronym,
                    "canonical_from": "majority of sources",
                    "why": f"the cluster writes the organization “{acronym}” in capitals ({found.capitals} mentions)",
                },
            )
        spellings = GroupSpellings()
        for claim in cluster.entities_by_match.get("casing", ()):
            suggestion = _suggestion(claim, cluster) if claim.entity_id else claim.matched_form
            if claim.matched_form and claim.matched_form.casefold() == claim.surface.casefold():
                suggestion = claim.matched_form
            yield self.finding(
                [Evidence.of(claim)],
                {"text": claim.surface, "suggestion": suggestion, "canonical": claim.canonical},
                suggestion=suggestion,
                details=spellings.details(claim, cluster.entity_groups.get(claim.entity_id or "", [claim])),
            )


class NameGlued(Check):
    """A name run together with the next or previous word."""

    name = "name-glued"
    message_fields = frozenset({"text", "name", "word", "suggestion"})

    def run(self, cluster: AlignedCluster) -> Iterator[Finding]:
        glued = [c for c in cluster.entities_by_match.get("glued", ()) if c.glued_to]
        if not glued:
            return
        in_full = _words_of_full_names(cluster.entities)
        for claim in glued:
            assert claim.glued_to is not None
            word = claim.text.split()[-1]
            start = claim.end - len(word)
            name = claim.surface.split()[-1]
            suggestion = f"{name} {claim.glued_to}" if word.startswith(name) else f"{claim.glued_to} {name}"
            written_in_full = " " in claim.surface and claim.label not in _PLACES
            if claim.entity_id:
                name_from = "reference list"
            elif name in in_full or written_in_full:
                name_from = "a full name in the cluster"
            else:
                name_from = "a lone word of the cluster"
            yield self.finding(
                [Evidence(source=claim.source, start=start, end=claim.end, text=word)],
                {"text": word, "name": name, "word": claim.glued_to, "suggestion": suggestion},
                suggestion=suggestion,
                severity="info" if name_from == "a lone word of the cluster" else None,
                details={"name_from": name_from},
            )


def _words_of_full_names(claims: Iterable[EntityClaim]) -> frozenset[str]:
    """The words of the names that some mention writes in full, apart ("Maria Okonkwo").

    A glued word whose head is one of them is a name run into a word for
    sure; a head the cluster only writes alone ("Okonkwo said") or in a
    place's name ("Veldor") may be a name of its own with an ending, so it
    is said at info.  The model often calls a person an organization, so
    any name but a place's counts.
    """
    return frozenset(
        word.strip(",.;:")
        for c in claims
        if c.glued_to is None and c.label not in _PLACES and " " in c.surface
        for word in c.surface.split()
    )


_PLACES = frozenset({"GPE", "LOC", "FAC", "NORP"})
