"""The ``title-conflict`` check: one person given roles that cannot all be true.

Two comparisons.  A person in the reference lists with recorded roles is
checked against them (the office words before the name, "Prime Minister X",
against "President of France").  Anyone else, listed or not, is checked
across sources: name linking (`factcheck.names.linking`) says which mentions
in different sources are one person, `factcheck.extraction.titles` reads the
titles each source gives them, and `factcheck.names.titles` says whether two
titles can both be true.

A source is compared with another by all the titles it gives the person, rank
and office apart: one title in common ("judge" beside "president of the
bench") makes them agree.  A source that disagrees with the others
is reported: as a warning when it stands alone against two or more sources,
as info when it is one against one, when the sides are as large, or when
the titles are only loosely different (a translation's "president" of a
central bank for its "governor").  A title the source gave that another
source gives to someone else ("Finance Minister Y") counts against it too:
the source borrowed another person's title.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict, Field

from factcheck.alignment import AlignedCluster
from factcheck.checks.base import Check
from factcheck.claims import DateClaim, EntityClaim
from factcheck.names.folding import fold
from factcheck.names.reference import ReferenceEntity, Role
from factcheck.names.titles import Dimension, Relation, Title, read_titles, relation, same_office, time_shifted
from factcheck.report import Evidence, Finding

# Office names as texts write them, by the office they denote.  Role titles
# in the reference lists ("Minister of Foreign Affairs of Russia") map to
# the same keys.
OFFICES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (key, re.compile(pattern, re.I))
    for key, pattern in (
        ("vice-president", r"\bvice[- ]president\b"),
        ("secretary-general", r"\bsecretary[- ]general\b"),
        (
            "defence-minister",
            r"\bdefen[cs]e (?:minister|secretary|chief)\b"
            r"|\bminister (?:of|for) defen[cs]e\b|\bsecretary of defen[cs]e\b",
        ),
        (
            "foreign-minister",
            r"\bforeign (?:affairs )?(?:minister|secretary)\b"
            r"|\bminister (?:of|for) foreign affairs\b|\bsecretary of state\b",
        ),
        ("prime-minister", r"\bprime minister\b|\bpremier\b|\bhead of government\b"),
        ("chancellor", r"\bchancellor\b"),
        ("mayor", r"\bmayor\b"),
        ("president", r"\bpresident\b"),
        ("king", r"\bking\b"),
        ("queen", r"\bqueen\b"),
    )
)


@functools.lru_cache(maxsize=4096)
def office_of(title: str) -> str | None:
    """The office a title names; memoized, as a large cluster repeats a few titles thousands of times."""
    for key, pattern in OFFICES:
        if pattern.search(title):
            return key
    return None


def _as_date(value: dt.date | int | None, end: bool) -> dt.date | None:
    """A role's bound as a day: a bare year (an uncertain day) counts as all of that year."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date(value, 12, 31) if end else dt.date(value, 1, 1)


def _role_holds(role: Role, on: dt.date | None) -> bool:
    if on is None:
        return True
    return _role_during(role, (on, on))


def _role_during(role: Role, period: tuple[dt.date, dt.date]) -> bool:
    """Whether the role was held at some time in ``period`` (first and last day)."""
    start, finish = _as_date(role.start, False), _as_date(role.end, True)
    return (start is None or start <= period[1]) and (finish is None or period[0] <= finish)


def _period(role: Role) -> str:
    """A role's period in words: "from 2022-05-10 to 2024-02-26", "since 2019"."""
    start = "" if role.start is None else f"from {role.start}"
    if role.end is None:
        return f"since {role.start}" if role.start is not None else "with no dates"
    return f"{start} to {role.end}".strip()


class TitleConflictParams(BaseModel):
    model_config = ConfigDict(extra="forbid")

    check_reference_roles: bool = Field(
        default=True, description="Compare titles with the roles in the reference lists."
    )
    compare_sources: bool = Field(default=True, description="Compare the titles different sources give one person.")


@dataclass
class _Titled:
    """One person's titles of one kind (rank or office), by source."""

    by_source: dict[str, list[tuple[EntityClaim, Title]]] = field(default_factory=lambda: defaultdict(list))

    def titles(self, source: str) -> list[Title]:
        return [t for _, t in self.by_source[source]]


class _TitleSets:
    """Sources compared by the set of titles they give, not one by one.

    A person titled in thousands of sources has a few distinct title sets,
    so relating the sets keeps the check linear in sources.
    """

    def __init__(self, titled: _Titled, sources: list[str]) -> None:
        self.sig = {source: frozenset(titled.titles(source)) for source in sources}
        self.by_sig: dict[frozenset[Title], list[str]] = {}
        for source in sources:
            self.by_sig.setdefault(self.sig[source], []).append(source)
        self.rel_sig = {(x, y): _source_relation(list(x), list(y)) for x in self.by_sig for y in self.by_sig}
        self._of_kind: dict[tuple[frozenset[Title], Relation], frozenset[str]] = {}

    def related(self, titles: frozenset[Title], kind: Relation) -> frozenset[str]:
        """The sources whose titles stand in ``kind`` to ``titles``."""
        key = (titles, kind)
        if key not in self._of_kind:
            self._of_kind[key] = frozenset(
                b for y in self.by_sig if self.rel_sig[(titles, y)] is kind for b in self.by_sig[y]
            )
        return self._of_kind[key]

    def rel(self, a: str, b: str) -> Relation | None:
        return self.rel_sig[(self.sig[a], self.sig[b])]


@dataclass(frozen=True)
class _Holder:
    """A title given to a person in a source: what a title given to someone else is checked against."""

    key: str
    canonical: str
    claim: EntityClaim
    title: Title

    @property
    def source(self) -> str:
        return self.claim.source


def _source_relation(a: list[Title], b: list[Title]) -> Relation:
    """How two sources' titles for one person relate: one shared role is agreement."""
    relations = {relation(x, y) for x in a for y in b}
    for outcome in (Relation.SAME, Relation.LOOSE, Relation.CONFLICT):
        if outcome in relations:
            return outcome
    return Relation.UNRELATED


def _quoted(pairs: list[tuple[str, list[str]]]) -> str:
    """ "“manager” (a1, a3), “coach” (a4)": titles with the sources that give them."""
    return ", ".join(f"{title} ({', '.join(sources)})" for title, sources in pairs)


def _shown(title: Title, name: str = "") -> str:
    """A title as a message quotes it; a role read from a verb names the role too: chair (“chaired by”).

    A given name the tagger left out of the name ("Minister of Health
    Anna" before "Lind") is cut from the title shown.
    """
    if title.written.lower().endswith(" by"):
        return f"{title.head} (“{title.written}”)"
    words = title.written.split()
    while len(words) > 1 and words[-1] in name.split():
        words.pop()
    return f"“{' '.join(words)}”"


def _by_title(titled: _Titled, sources: set[str]) -> list[tuple[str, list[str]]]:
    written: dict[str, set[str]] = defaultdict(set)
    for source in sources:
        for _, title in titled.by_source[source]:
            written[_shown(title)].add(source)
    return sorted(((w, sorted(s)) for w, s in written.items()), key=lambda kv: (-len(kv[1]), kv[0]))


class TitleConflict(Check):
    """One person given incompatible roles across sources or against the lists."""

    name = "title-conflict"
    Params = TitleConflictParams
    message_fields = frozenset({"canonical", "titles", "roles", "against"})

    def run(self, cluster: AlignedCluster) -> Iterator[Finding]:
        params = self.params
        assert isinstance(params, TitleConflictParams)
        people = {k: g for k, g in cluster.entity_groups.items() if _is_person(g, cluster)}
        holders = _holders(people) if params.compare_sources else []
        named = _named_words(cluster) if holders else {}
        for key, group in people.items():
            entity = cluster.names.entities.get(group[0].entity_id or "")
            if entity is not None and entity.roles:
                if params.check_reference_roles:
                    yield from self._against_roles(cluster, entity, group)
                continue
            if params.compare_sources and cluster.trusted:
                yield from self._against_references(key, group, holders, named, cluster.trusted)
            elif params.compare_sources:
                yield from self._across_sources(key, group, holders, named)

    def _against_roles(
        self, cluster: AlignedCluster, entity: ReferenceEntity, group: list[EntityClaim]
    ) -> Iterator[Finding]:
        # A title before a lone surname ("President Varga") may be a
        # relative's of the same name: only titles of full names count.
        titled = [
            (c, office)
            for c in group
            if c.title and c.label == "PERSON" and " " in c.surface.strip() and (office := office_of(c.title))
        ]
        held = {office_of(r.title) for r in entity.roles} - {None}
        for claim, office in titled:
            if _of_another_time(claim):
                continue  # "former President", "Ex-President", "President-elect": another time, said so
            reference = cluster.reference_dates.get(claim.source)
            on = reference.date if reference else None
            if office in held:
                yield from self._out_of_office(cluster, entity, claim, office)
                continue
            current = [r.title for r in entity.roles if _role_holds(r, on)] or [r.title for r in entity.roles]
            yield self.finding(
                [Evidence.of(claim)],
                {
                    "canonical": entity.canonical,
                    "titles": f"“{claim.title}”",
                    "roles": "; ".join(current),
                    "against": f"the reference list has: {'; '.join(current)}",
                },
                suggestion=current[0] if current else None,
            )

    def _out_of_office(
        self, cluster: AlignedCluster, entity: ReferenceEntity, claim: EntityClaim, office: str
    ) -> Iterator[Finding]:
        """A title of a listed person's office given at a time they did not hold it ("President" in 2025
        for a president whose term ended in 2024).

        A title is given for the article's date and for the dates its
        sentence states ("In 2023, President X ..." is right in 2025): it is
        reported only when the person held that office at none of them.  An
        article with no date of its own (none published, no dateline) is not
        judged: a date borrowed from other sources or the command line says
        nothing of when this text was written.
        """
        reference = cluster.reference_dates.get(claim.source)
        if reference is None or reference.date is None or reference.origin not in ("published", "dateline"):
            return
        periods = [("the article's date", (reference.date, reference.date))]
        periods += [(f"“{d.text}”", span) for d in cluster.dates_in_sentence(claim) if (span := _date_span(d))]
        roles = [r for r in entity.roles if office_of(r.title) == office]
        if any(_role_during(r, span) for r in roles for _, span in periods):
            return
        on = reference.date
        current = [r.title for r in entity.roles if _role_holds(r, on)]
        dated = "; ".join(f"{r.title} {_period(r)}" for r in roles)
        then = f"; on {on.isoformat()} the list has {'; '.join(current)}" if current else ""
        stated = " nor at " + ", ".join(what for what, _ in periods[1:]) if len(periods) > 1 else ""
        yield self.finding(
            [Evidence.of(claim)],
            {
                "canonical": entity.canonical,
                "titles": f"“{claim.title}”",
                "roles": dated,
                "against": f"the reference list has {dated}, not on {on.isoformat()} (the article's date){stated}"
                f"{then}; a past role is written “former {claim.title}”",
            },
            details={
                "person": entity.canonical,
                "title": claim.title,
                "office": office,
                "roles": [
                    {"title": r.title, "from": _iso(r.start), "to": _iso(r.end)} for r in roles
                ],
                "judged_on": [
                    {"what": what, "from": span[0].isoformat(), "to": span[1].isoformat()} for what, span in periods
                ],
                "reference_date_origin": reference.origin,
            },
        )

    def _across_sources(
        self, key: str, group: list[EntityClaim], holders: list[_Holder], named: dict[str, set[str]]
    ) -> Iterator[Finding]:
        canonical = group[0].canonical or group[0].surface
        for dimension, titled in _titles_of(group).items():
            sources = sorted(titled.by_source)
            if len(sources) < 2:
                continue
            compared = _TitleSets(titled, sources)
            sig, by_sig, rel_sig, related, rel = (
                compared.sig, compared.by_sig, compared.rel_sig, compared.related, compared.rel
            )
            reported = False
            for source in sources:
                mine = sig[source]
                against_all, same_all = related(mine, Relation.CONFLICT), related(mine, Relation.SAME)
                against_n = len(against_all) - (source in against_all)
                agree_n = len(same_all) + (source not in same_all)
                if against_n:
                    borrowed = _borrowed((key, canonical), source, titled.titles(source), holders, named)
                    lenders = {h.source for h in borrowed} - against_all - {source}
                    if against_n + len(lenders) > agree_n:
                        agree = {source} | same_all
                        against = set(against_all - {source})
                        strong = agree_n == 1 and against_n + len(lenders) >= 2
                        yield self._report(canonical, dimension, titled, agree, against, set(), borrowed, strong)
                        reported = True
                elif not reported and agree_n == 1:
                    loose = set(related(mine, Relation.LOOSE) - {source})
                    if loose:
                        # Only loosely different ("president" of a bank beside "governor"): a note.
                        yield self._report(canonical, dimension, titled, {source}, set(), loose, [], False)
                        reported = True
            distinct_conflict = any(
                r is Relation.CONFLICT and (x != y or len(by_sig[x]) > 1) for (x, y), r in rel_sig.items()
            )
            if not reported and distinct_conflict:
                # As many sources on each side: say so, without saying which is wrong.
                first = sources[0]
                agree = {first} | {b for b in sources if b != first and rel(first, b) is Relation.SAME}
                against = {b for b in sources if b not in agree and rel(first, b) is Relation.CONFLICT}
                if against:
                    yield self._report(canonical, dimension, titled, agree, against, set(), [], False)

    def _against_references(
        self,
        key: str,
        group: list[EntityClaim],
        holders: list[_Holder],
        named: dict[str, set[str]],
        trusted: frozenset[str],
    ) -> Iterator[Finding]:
        """Trusted-sources mode: each candidate's titles against the references', whatever the count.

        A candidate that no reference agrees with, and that a reference
        contradicts (or whose title a reference gives someone else), is
        reported at the rule's severity with the references' title as the
        suggestion; one reference decides.  References that contradict each
        other are reported once, at info (`factcheck.checks.trusted`), and a
        candidate that agrees with one of them is not reported.
        """
        canonical = group[0].canonical or group[0].surface
        for dimension, titled in _titles_of(group).items():
            sources = sorted(titled.by_source)
            references = [s for s in sources if s in trusted]
            if not references:
                continue
            compared = _TitleSets(titled, sources)
            for source in sources:
                if source in trusted:
                    continue
                mine = compared.sig[source]
                agree = compared.related(mine, Relation.SAME) & trusted
                if agree:
                    continue
                against = set(compared.related(mine, Relation.CONFLICT) & trusted)
                lent = [
                    h
                    for h in _borrowed((key, canonical), source, titled.titles(source), holders, named)
                    if h.source in trusted
                ]
                loose = set(compared.related(mine, Relation.LOOSE) & trusted)
                if against or lent:
                    yield self._report(canonical, dimension, titled, {source}, against, set(), lent, True)
                elif loose:
                    yield self._report(canonical, dimension, titled, {source}, set(), loose, [], False)
            clashing = [b for b in references[1:] if compared.rel(references[0], b) is Relation.CONFLICT]
            if clashing:
                agreeing = {references[0]} | {b for b in references if compared.rel(references[0], b) is Relation.SAME}
                yield self._report(canonical, dimension, titled, agreeing, set(clashing), set(), [], False)

    def _report(
        self,
        canonical: str,
        dimension: Dimension,
        titled: _Titled,
        agree: set[str],
        against: set[str],
        loose: set[str],
        borrowed: list[_Holder],
        strong: bool,
    ) -> Finding:
        mine = _by_title(titled, agree)
        others = _by_title(titled, against | loose)
        kind = "a different rank" if dimension is Dimension.RANK else "a different role"
        if not against:
            kind = "a title that may or may not be the same role"
        parts = [f"other sources give the same person (linked by name) {_quoted(others)}, {kind}"] if others else []
        parts += [f"{h.source} gives {_shown(h.title, h.canonical)} to {h.canonical}" for h in borrowed]
        evidence = [Evidence.of(claim) for source in agree | against | loose for claim, _ in titled.by_source[source]]
        evidence += [Evidence.of(h.claim) for h in borrowed]
        details = {
            "person": canonical,
            "linked_by": "name linking across sources",
            "dimension": dimension.value,
            "titles": {s: [t.written for t in titled.titles(s)] for s in sorted(agree | against | loose)},
            "agreeing_sources": sorted(agree),
            "conflicting_sources": sorted(against),
            "loosely_different_sources": sorted(loose),
            "held_by_others": [{"source": h.source, "person": h.canonical, "title": h.title.written} for h in borrowed],
        }
        return self.finding(
            evidence,
            {
                "canonical": canonical,
                "titles": _quoted(mine),
                "roles": "none listed",
                "against": "; ".join(parts),
            },
            suggestion=others[0][0].strip("“”") if others and against else None,
            severity=None if strong else "info",
            details=details,
        )


def _of_another_time(claim: EntityClaim) -> bool:
    """Whether the title before the name is marked past or future, as written with what precedes it
    (the title before a name is "President" in "Ex-President X"; the titles read around it keep "Ex-")."""
    title = (claim.title or "").lower()
    return any(time_shifted(t) for t in (claim.title or "", *claim.titles) if title in t.lower())


def _iso(value: dt.date | int | None) -> str | None:
    return None if value is None else str(value)


def _date_span(claim: DateClaim) -> tuple[dt.date, dt.date] | None:
    """The days an event date covers ("2023": all of 2023, "May 2023": May), or None when it is not one.

    An open-ended date ("before 2024") covers all time on its side.
    """
    if claim.role != "event" or not claim.value:
        return None
    ends = claim.value.split("/")
    first, last = _day_span(ends[0]), _day_span(ends[-1])
    if first is None or last is None:
        return None
    if claim.mod in ("BEFORE", "ON_OR_BEFORE"):
        return dt.date.min, last[1]
    if claim.mod in ("AFTER", "ON_OR_AFTER"):
        return first[0], dt.date.max
    return first[0], last[1]


def _day_span(value: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day of an ISO year, month or day ("2023", "2023-05", "2023-05-04T10:00")."""
    try:
        if len(value) == 4 and value.isdigit():
            year = int(value)
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if len(value) == 7 and value[4] == "-":
            first = dt.date(int(value[:4]), int(value[5:7]), 1)
            following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return first, following - dt.timedelta(days=1)
        day = dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
    return day, day


def _is_person(group: list[EntityClaim], cluster: AlignedCluster) -> bool:
    """A group some source's tagger calls a person, or a listed person (a name mis-tagged ORG in one source)."""
    entity = cluster.names.entities.get(group[0].entity_id or "")
    if entity is not None:
        return entity.type == "PERSON"
    return any(c.label == "PERSON" for c in group)


def _titles_of(group: list[EntityClaim]) -> dict[Dimension, _Titled]:
    """The titles of full-name mentions, by kind and source.

    A title before a lone surname ("President Varga") may be a relative's of
    the same name: only titles of full names count.
    """
    found: dict[Dimension, _Titled] = {}
    for claim in group:
        if " " not in claim.surface.strip():
            continue
        for written in claim.titles:
            for title in read_titles(written):
                found.setdefault(title.dimension, _Titled()).by_source[claim.source].append((claim, title))
    return found


def _holders(people: dict[str, list[EntityClaim]]) -> list[_Holder]:
    """Every single-holder office given to a named person, for titles given to someone else."""
    holders: list[_Holder] = []
    for key, group in people.items():
        canonical = group[0].canonical or group[0].surface
        if " " not in canonical.strip():
            continue
        for claim in group:
            for written in claim.titles:
                for title in read_titles(written):
                    if title.unique:
                        holders.append(_Holder(key, canonical, claim, title))
    return holders


def _borrowed(
    person: tuple[str, str],
    source: str,
    titles: list[Title],
    holders: list[_Holder],
    named: dict[str, set[str]],
) -> list[_Holder]:
    """Other sources' mentions of someone else with one of these single-holder titles.

    The organisations must agree: named in both titles, or, when one title
    names it ("Acme's chief medical officer") and the other does not (a
    press release's "Chief Medical Officer"), named in the other's source.
    """
    key, canonical = person
    mine = {fold(w) for w in canonical.split()}
    found: dict[str, _Holder] = {}
    for holder in holders:
        if holder.key == key or holder.source == source or holder.source in found:
            continue
        if mine & {fold(w) for w in holder.canonical.split()}:
            continue  # a name sharing a word may be this person, unlinked
        for title in titles:
            if not same_office(title, holder.title):
                continue
            if _org_named(title.org, holder.title.org, named.get(holder.source, set())) and _org_named(
                holder.title.org, title.org, named.get(source, set())
            ):
                found[holder.source] = holder
                break
    return [found[s] for s in sorted(found)]


def _org_named(org: frozenset[str], other: frozenset[str], named: set[str]) -> bool:
    """Whether ``org`` (of one title) fits the other title: shared, or named in the other's source."""
    if not org:
        return True
    if other:
        return bool(org & other) or "".join(sorted(org)) in "".join(sorted(other))
    return org <= named


def _named_words(cluster: AlignedCluster) -> dict[str, set[str]]:
    """The words of every name each source mentions, folded: where an organisation is named."""
    named: dict[str, set[str]] = defaultdict(set)
    for group in cluster.entity_groups.values():
        for claim in group:
            named[claim.source].update(fold(claim.surface).split())
    return named
