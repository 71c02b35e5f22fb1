"""Figures of one frame in parts: one fact each, as far as the text says, with its reference.

`factcheck.checks.quantities` splits a frame's figures by predicate (and
holder); each part's reference is the value most of its figures allow (the
references', in trusted-sources mode), and a figure of another source is
held against it.  The digit index finds the part a figure repeats the
digits of ("2.5 billion" against "2.5 million").
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.alignment.quantities import event_class, holder_key, predicate_key
from factcheck.checks.figures import Interval, gap, majority_anchor
from factcheck.checks.misreadings import digits_alike, significant_digits
from factcheck.claims import QuantityClaim

Pair = tuple[QuantityClaim, Interval]


def event_of(claim: QuantityClaim) -> str:
    """The event class a figure counts ("killed", "injured" ...), "quake" for a magnitude, else ""."""
    return "quake" if claim.unit == "magnitude" else event_class(claim.event) or event_class(claim.predicate)


@dataclass
class Part:
    """Figures of one frame that share a predicate (and holder): one fact, as far as the text says."""

    members: list[Pair]
    reference: Pair
    agreeing: list[QuantityClaim]
    """Figures that agree with the reference, at most a few of each distinct text."""
    sources: set[str]
    """Sources with a figure that agrees with the reference."""
    also_stated: list[tuple[Interval, str]]
    """Other values those sources state in the frame, with their event class ("4.8% on 40 mg and
    1.9% on 20 mg")."""
    ambiguous: bool = False
    """Some source gives the part two values that cannot both be the reference's fact."""
    trusted_values: tuple[Pair, ...] = ()
    """In trusted-sources mode, the figures the references give the part: a candidate stating one is backed."""
    candidates: frozenset[str] = frozenset()
    """In trusted-sources mode, the candidates with a figure in the part."""
    precise_sources: frozenset[str] = frozenset()
    """Sources agreeing with the reference by a figure that is not vague: a candidate's "hundreds"
    beside the references' 249 does not make its "294" another fact."""

    @classmethod
    def of(
        cls,
        members: list[Pair],
        content: dict[str, str],
        stated: dict[str, list[tuple[Interval, str]]],
        trusted: frozenset[str] = frozenset(),
    ) -> Part:
        """The part of ``members``; its reference the value most allow (of the references', where one gives it)."""
        voters = [pair for pair in members if pair[0].source in trusted] or members
        reference = voters[reference_index(voters, content)]
        agree = [
            (c, iv)
            for c, iv in members
            if gap(iv, reference[1]) is None
            and (c.source in trusted or reference[0].source not in trusted or not digits_alike(c, reference[0]))
        ]
        distinct: dict[str, QuantityClaim] = {}
        for claim, _ in agree:
            distinct.setdefault(claim.text, claim)
        shown = [reference[0], *[c for t, c in sorted(distinct.items()) if c is not reference[0]][:MAX_AGREEING]]
        sources = {c.source for c, _ in agree}
        others: dict[tuple[float, float, bool, bool, str], tuple[Interval, str]] = {}
        # A reference's value is judged by what the references state, never by the candidates' own words.
        witnesses = sources & trusted if reference[0].source in trusted else sources
        for source in sorted(witnesses):
            for iv, event in stated.get(source, []):
                if gap(iv, reference[1]) is not None and len(others) < MAX_AGREEING * 8:
                    others.setdefault((iv.low, iv.high, iv.low_open, iv.high_open, event), (iv, event))
        values: dict[str, list[Interval]] = defaultdict(list)
        for claim, interval in members:
            values[claim.source].append(interval)
        ambiguous = any(
            any(gap(a, b) is not None for a, b in itertools.combinations(ivs[:MAX_AGREEING], 2))
            for ivs in values.values()
            if len(ivs) > 1
        )
        backed = tuple((c, iv) for c, iv in members if c.source in trusted)
        candidates = frozenset(c.source for c, _ in members if c.source not in trusted) if trusted else frozenset()
        precise = frozenset(c.source for c, _ in agree if c.qualifier != "vague")
        return cls(members, reference, shown, sources, list(others.values()), ambiguous, backed, candidates, precise)


MAX_AGREEING = 8
"""Agreeing figures a dissenting one is held against (digits, sentences): a few, so a large cluster stays linear."""


def against_references(claim: QuantityClaim, interval: Interval, part: Part, trusted: frozenset[str]) -> bool:
    """In trusted-sources mode, whether comparing ``claim`` with ``part`` may say something of a candidate.

    A candidate is held against the references only: two candidates, or a
    candidate giving a value some reference gives the part, are not
    compared.  A reference's figure against a candidate's part is the
    candidate's figure against that reference (oriented by the caller);
    against another reference's, a disagreement among the references.
    """
    if claim.source in trusted:
        return True
    if part.reference[0].source not in trusted:
        return False
    return not any(backs(other, iv, claim, interval) for other, iv in part.trusted_values)


def backed_candidates(pairs: Sequence[Pair], trusted: frozenset[str]) -> frozenset[int]:
    """In trusted-sources mode, the candidates' figures (by identity) that a reference gives for the same verb.

    A candidate repeating a reference's figure is right, whatever another
    reference or another part of the frame says.
    """
    if not trusted:
        return frozenset()
    stated: dict[str | None, list[Pair]] = defaultdict(list)
    for claim, interval in pairs:
        if claim.source in trusted:
            stated[predicate_key(claim)].append((claim, interval))
    return frozenset(
        id(claim)
        for claim, interval in pairs
        if claim.source not in trusted
        and any(backs(other, iv, claim, interval) for other, iv in stated.get(predicate_key(claim), ()))
    )


def raw_gap(a: QuantityClaim, b: QuantityClaim) -> float:
    """The relative distance of two figures as written, tolerances left out."""
    x, y = abs(a.value or 0.0), abs(b.value or 0.0)
    return abs(x - y) / max(x, y, 1e-9)


def backs(reference: QuantityClaim, reference_interval: Interval, claim: QuantityClaim, interval: Interval) -> bool:
    """A reference's figure backs a candidate's that it allows, unless the two are one figure misreported:
    "about $218 million" for "approximately $281 million" is within the tolerance of "about", not a rounding."""
    return gap(interval, reference_interval) is None and not digits_alike(claim, reference)


def stated_by_source(pairs: list[Pair]) -> dict[str, list[tuple[Interval, str]]]:
    by_source: dict[str, list[tuple[Interval, str]]] = defaultdict(list)
    for claim, interval in pairs:
        by_source[claim.source].append((interval, event_of(claim)))
    return by_source


def digit_keys(claim: QuantityClaim) -> set[str]:
    """Keys under which figures that `digits_alike` may tie are found (a superset: it decides)."""
    keys = set()
    digits = significant_digits(claim.text)
    if digits:
        keys.add("d:" + "".join(sorted(digits)))
    if claim.value is not None and claim.unit:
        keys.add(f"v:{claim.value!r}")
    return keys


def index_by_digits(parts: list[Part]) -> dict[str, list[Part]]:
    index: dict[str, list[Part]] = defaultdict(list)
    for part in parts:
        keys = set().union(*(digit_keys(c) for c in part.agreeing))
        for key in keys:
            index[key].append(part)
    return index


def digit_candidates(claim: QuantityClaim, index: dict[str, list[Part]], own: Part | None) -> list[Part]:
    """Parts whose agreeing figures repeat the claim's digits, most-stated first."""
    found: dict[int, Part] = {}
    for key in sorted(digit_keys(claim)):
        for part in index.get(key, []):
            if part is not own and any(digits_alike(claim, c) for c in part.agreeing):
                found.setdefault(id(part), part)
    return sorted(found.values(), key=lambda p: -len(p.sources))


def outweighs(other: Part, part: Part, content: dict[str, str], trusted: frozenset[str] = frozenset()) -> bool:
    """Whether ``other`` is the better-stated of two parts (a reference's; more sources; a tie settled by content)."""
    theirs_trusted, mine_trusted = other.reference[0].source in trusted, part.reference[0].source in trusted
    if theirs_trusted != mine_trusted:
        return theirs_trusted
    if len(other.sources) != len(part.sources):
        return len(other.sources) > len(part.sources)
    mine, theirs = part.reference[0], other.reference[0]
    return (theirs.text, content[theirs.source]) < (mine.text, content[mine.source])


def by_holder(members: list[Pair]) -> list[list[Pair]]:
    """Figures of one predicate split by holder; figures without one join the only holder there is."""
    by_holder: dict[str | None, list[Pair]] = defaultdict(list)
    for pair in members:
        by_holder[holder_key(pair[0])].append(pair)
    named = sorted(k for k in by_holder if k is not None)
    if len(named) <= 1:
        return [members]
    parts = [by_holder[k] for k in named]
    if None in by_holder:
        parts.append(by_holder[None])
    return parts


def reference_index(members: Sequence[Pair], content: dict[str, str]) -> int:
    """The figure most others allow; ties decided by what the figures and their sources say, never by id."""
    return majority_anchor([iv for _, iv in members], [(c.text, c.sentence, content[c.source]) for c, _ in members])
