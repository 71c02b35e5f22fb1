"""Findings depend on what the sources say, never on their ids or the order they come in.

The same texts are checked under other ids, in another order; the findings,
with the ids mapped back, must be the same.  The texts hold a toll that
differs, a misspelled name, figures that agree and one of another event,
and ties (two sources that say the same), where a choice by id or by input
order would show.
"""

from __future__ import annotations

import string

from hypothesis import given, settings
from hypothesis import strategies as st

import factcheck
from factcheck.report import Finding
from factcheck.sources import Source

TEXTS = [
    "---\npublished: 2025-06-02\n---\nAt least 40 people were killed when the bridge collapsed in Arlen on "
    "Sunday, 1 June 2025. Mayor Karin Holtz said 120 people were injured.",
    "---\npublished: 2025-06-02\n---\nTwelve people were killed when the bridge collapsed in Arlen on Sunday. "
    "Mayor Karin Holz said rescuers had pulled 30 people from the river.",
    "---\npublished: 2025-06-02\n---\nTwelve people were killed when the bridge in Arlen collapsed on Sunday, "
    "1 June 2025, and 120 were injured, Mayor Karin Holtz said.",
    "---\npublished: 2025-06-03\n---\nThe collapse of the Arlen bridge on Saturday killed 40 people, the city "
    "said. The repairs will cost 2.5 million euros, Mayor Karin Holtz said.",
    "---\npublished: 2025-06-03\n---\nRepairs to the Arlen bridge will cost 2.5 billion euros, according to "
    "Mayor Karin Holtz. Twelve people died in the collapse.",
]


def canonical(findings: list[Finding], back: dict[str, str]) -> list[tuple[object, ...]]:
    """Findings with their source ids mapped back to the originals, in a fixed order."""

    def unmap(text: str | None) -> str | None:
        if text is None:
            return None
        for new, old in back.items():
            text = text.replace(new, old)
        return text

    rows = []
    for finding in findings:
        evidence = tuple(sorted((back[e.source], e.start, e.end, e.text, e.note) for e in finding.evidence))
        rows.append((finding.rule, finding.category, finding.severity, unmap(finding.message), evidence))
    return sorted(rows, key=repr)


def run(ids: list[str], order: list[int]) -> list[Finding]:
    sources = [Source.from_text(TEXTS[i], id=ids[i]) for i in order]
    return factcheck.check(sources, include_claims=False).findings


BASELINE_IDS = [f"orig{i}" for i in range(len(TEXTS))]


@settings(max_examples=12, deadline=None)
@given(
    st.lists(
        st.text(string.ascii_lowercase, min_size=3, max_size=6), min_size=len(TEXTS), max_size=len(TEXTS), unique=True
    ),
    st.permutations(list(range(len(TEXTS)))),
)
def test_findings_do_not_depend_on_source_ids_or_order(names: list[str], order: list[int]) -> None:
    ids = [f"src-{name}" for name in names]  # prefixed, so no id is a substring of another or of a text
    expected = canonical(run(BASELINE_IDS, list(range(len(TEXTS)))), {i: i for i in BASELINE_IDS})
    renamed = canonical(run(ids, order), dict(zip(ids, BASELINE_IDS, strict=True)))
    assert renamed == expected


def test_the_cluster_raises_findings_of_each_kind_it_is_built_for() -> None:
    categories = {f.category for f in run(BASELINE_IDS, list(range(len(TEXTS))))}
    assert {"quantity-conflict", "name-spelling"} <= categories
