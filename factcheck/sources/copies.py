"""Copies: the same article under two names is one voice, not two.

Every majority the checks form ("two sources against one") counts sources,
so an article saved twice, or a wire story two outlets ran unchanged, would
count twice.  Before a cluster is checked, each source is compared with
those before it in id order, on its body (front matter aside) read as
words, case and punctuation set aside:

- the same words in the same order: an **identical** copy;
- otherwise a **near copy** when the sets of five-word runs ("shingles")
  of the two bodies overlap by at least `NEAR_COPY_JACCARD` (0.9) of their
  union (Jaccard similarity).  A quoted paragraph two different articles
  share is far below that: the rest of each article is in the union.

Bodies of fewer than `MIN_WORDS` words are never copies.  The source first
in id order is kept; each copy is left out of the checks
and reported (`Copy`).  The cost is linear in the words of the cluster: a
source's shingles are hashed once, and the `LOOKUP_KEYS` smallest of its
`SKETCH_SIZE` smallest shingle hashes (a bottom-k min-hash sketch) are
looked up among the earlier sources'; only an earlier source sharing
`MIN_SHARED_KEYS` of them, whose sketch estimates a similarity of at least
`ESTIMATE_FLOOR`, is compared in full, at most `MAX_COMPARED` per source.  A key shared by
`POPULAR_KEY` sources (boilerplate) is not looked up, so in a cluster of
templated texts a near copy can be missed; an identical copy never is.
"""

from __future__ import annotations

import hashlib
import heapq
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.sources.model import Source

SHINGLE_WORDS = 5
MIN_WORDS = 20
"""A body of fewer words is never taken for a copy: two sources may well write one short sentence
alike ("NATO leaders met."), and that is agreement, not a copy."""
NEAR_COPY_JACCARD = 0.9
"""Smallest share of five-word runs two bodies have in common (of those either has) for a near copy."""

SKETCH_SIZE = 32
"""Smallest shingle hashes kept per source (a bottom-k sketch): they estimate the Jaccard similarity."""

LOOKUP_KEYS = 8
"""The smallest of them, indexed: near copies share most of them, other texts few."""

ESTIMATE_FLOOR = 0.7
"""A pair whose sketches estimate less is not compared in full (at 0.9 the estimate falls this low
less than once in ten thousand pairs)."""

MIN_SHARED_KEYS = 5
"""Lookup keys an earlier source must share to be a candidate (near copies share 5 of 8 with
probability above 0.99 at a Jaccard similarity of 0.9)."""

MAX_COMPARED = 5
"""Earlier sources compared in full with one source at most, those sharing the most keys first."""

POPULAR_KEY = 64
"""A key this many sources share is boilerplate (a shared sign-off, a template): it is not looked up,
so a cluster of templated texts costs no more than one of distinct ones."""

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Copy:
    """A source left out as a copy of one kept, and how alike their bodies are (1.0: identical words)."""

    copy: Source
    of: Source
    similarity: float

    def describe(self) -> str:
        """One line naming both sources, for the report."""
        if self.similarity >= 1.0:
            how = "the same text (case, spacing and punctuation aside)"
        else:
            how = f"a near copy ({self.similarity:.0%} of their five-word runs shared)"
        return (
            f"source {self.copy.id!r} is {how} of {self.of.id!r}: counted once, "
            f"{self.copy.id!r} is not checked as a source of its own"
        )


def words_of(source: Source) -> list[str]:
    """The body's words, casefolded: what two copies of one article have in common."""
    return _WORD.findall(source.text[source.body_start :].casefold())


def shingles(words: Sequence[str]) -> set[int]:
    """Hashes of every run of `SHINGLE_WORDS` words (words hashed with CRC-32: the same in every run)."""
    ids = [zlib.crc32(w.encode("utf-8", "surrogatepass")) for w in words]
    return set(map(hash, zip(*(ids[i:] for i in range(SHINGLE_WORDS)), strict=False)))


def jaccard(a: set[int], b: set[int]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def find_copies(sources: Sequence[Source]) -> tuple[list[Source], list[Copy]]:
    """The sources to check (in their order) and the copies left out, in id order of the copies."""
    identical: dict[bytes, Source] = {}
    by_key: dict[int, list[Source]] = {}
    sketches: dict[str, frozenset[int]] = {}
    copies: list[Copy] = []
    for source in sorted(sources, key=lambda s: s.id):
        words = words_of(source)
        if len(words) < MIN_WORDS:
            continue
        digest = hashlib.blake2b(" ".join(words).encode("utf-8", "surrogatepass"), digest_size=16).digest()
        if digest in identical:
            copies.append(Copy(source, identical[digest], 1.0))
            continue
        identical[digest] = source
        mine = shingles(words)
        sketch = heapq.nsmallest(SKETCH_SIZE, mine)
        found = _near_copy(source, mine, sketch, by_key, sketches)
        if found is not None:
            copies.append(found)
            continue
        sketches[source.id] = frozenset(sketch)
        for key in sketch[:LOOKUP_KEYS]:
            bucket = by_key.setdefault(key, [])
            if len(bucket) <= POPULAR_KEY:
                bucket.append(source)
    left_out = {c.copy.id for c in copies}
    return [s for s in sources if s.id not in left_out], copies


def estimated_jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    """The Jaccard similarity two bottom-k sketches estimate: the share of the union's k smallest in both."""
    smallest = heapq.nsmallest(SKETCH_SIZE, a | b)
    return sum(1 for h in smallest if h in a and h in b) / len(smallest) if smallest else 1.0


def _near_copy(
    source: Source,
    mine: set[int],
    sketch: list[int],
    by_key: dict[int, list[Source]],
    sketches: dict[str, frozenset[int]],
) -> Copy | None:
    """The earlier source this one nearly copies, if any: the most alike of the best candidates."""
    shared: dict[str, int] = {}
    earlier: dict[str, Source] = {}
    for key in sketch[:LOOKUP_KEYS]:
        bucket = by_key.get(key, ())
        if len(bucket) > POPULAR_KEY:
            continue
        for other in bucket:
            shared[other.id] = shared.get(other.id, 0) + 1
            earlier[other.id] = other
    own = frozenset(sketch)
    ranked = sorted(
        (i for i in shared if shared[i] >= MIN_SHARED_KEYS and estimated_jaccard(own, sketches[i]) >= ESTIMATE_FLOOR),
        key=lambda i: (-shared[i], i),
    )
    best: Copy | None = None
    for other_id in ranked[:MAX_COMPARED]:
        other = earlier[other_id]
        similarity = jaccard(mine, shingles(words_of(other)))
        if similarity >= NEAR_COPY_JACCARD and (best is None or similarity > best.similarity):
            best = Copy(source, other, similarity)
    return best
