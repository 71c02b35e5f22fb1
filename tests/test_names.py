"""Names: the index classifies spellings; extraction finds, cleans and splits mentions."""

from __future__ import annotations

import pytest

from factcheck.claims import EntityClaim
from factcheck.extraction.entities import extract_entities
from factcheck.extraction.vocabulary import english_words
from factcheck.names.folding import fold, has_diacritics, translit_key
from factcheck.names.index import NameIndex
from factcheck.names.linking import link_entities
from factcheck.names.reference import NameList

LIST = NameList.model_validate(
    {
        "entities": [
            {
                "id": "ana-kovac",
                "canonical": "Ana Kovač",
                "type": "PERSON",
                "variants": ["Ana Kovac", {"form": "Anna Kovach", "system": "English"}],
                "foreign": [{"form": "Anna Kowatsch", "language": "de"}],
                "misspellings": ["Ana Kovacs"],
                "roles": [{"title": "Prime Minister of Ruritania", "from": 2019, "to": None}],
            },
            {
                "id": "igor-petrenko",
                "canonical": "Igor Petrenko",
                "type": "PERSON",
                "variants": ["Igor Petrenkov"],
                "roles": [{"title": "Minister of Foreign Affairs of Ruritania", "from": 2020}],
            },
            {
                "id": "igor-sabatini",
                "canonical": "Igor Sabatini",
                "type": "PERSON",
                "roles": [{"title": "Mayor of Strelsau", "from": 2018}],
            },
            {
                "id": "rto",
                "canonical": "Ruritanian Treaty Organization",
                "type": "ORG",
                "acronym": "RUTO",
                "house_styles": ["Ruto"],
            },
        ]
    }
)


@pytest.fixture(scope="module")
def index() -> NameIndex:
    return NameIndex([LIST])


@pytest.mark.parametrize(
    ("written", "entity", "match"),
    [
        ("Ana Kovač", "ana-kovac", "canonical"),
        ("Ana Kovac", "ana-kovac", "variant"),
        ("Anna Kovach", "ana-kovac", "variant"),
        ("Anna Kowatsch", "ana-kovac", "exonym"),
        ("Ana Kovacs", "ana-kovac", "misspelling"),
        ("Ána Kovac", "ana-kovac", "misspelling"),  # a diacritic where none belongs
        ("Ana Kovaç", "ana-kovac", "misspelling"),  # the wrong diacritic
        ("Ana Kovcac", "ana-kovac", "fuzzy"),
        ("RUTO", "rto", "canonical"),
        ("Ruto", "rto", "variant"),
        ("ruto", "rto", "casing"),
        ("Igor Petrenko", "igor-petrenko", "canonical"),
    ],
)
def test_spelling_classes(index: NameIndex, written: str, entity: str, match: str) -> None:
    link = index.link(written, label="PERSON")
    assert link is not None and (link.entity.id, link.match) == (entity, match)


def test_shared_first_name_is_not_a_near_miss(index: NameIndex) -> None:
    assert index.link("Igor Sabatino") is not None  # same person, one letter off
    link = index.link("Igor Sabatini")
    assert link is not None and link.entity.id == "igor-sabatini"
    assert index.link("Igor Pavlenko") is None  # shares only the first name


def test_lone_surname_needs_context_or_person_label(index: NameIndex) -> None:
    assert index.link("Petrenko") is None
    assert index.link("Petrenko", context={"igor-petrenko"}) is not None
    assert index.link("Petrenko", label="PERSON") is not None


def test_folding_and_transliteration_keys() -> None:
    assert fold("Órbán’s") == "orbans"
    assert has_diacritics("Kovač") and not has_diacritics("Kovac")
    assert translit_key("Sergey") == translit_key("Sergei")
    assert translit_key("Zelenskiy") == translit_key("Zelenskyy") == translit_key("Zelensky")
    assert translit_key("Lavrov") != translit_key("Sobyanin")


def linked(claims: list[EntityClaim], index: NameIndex) -> list[EntityClaim]:
    """Linked copies of ``claims`` (linking replaces the mentions of the list it is given)."""
    working = list(claims)
    link_entities(working, index)
    return working


def test_extraction_strips_titles_and_possessives_and_splits_glued(nlp, index) -> None:  # type: ignore[no-untyped-def]
    text = "Prime Minister Ana Kovač met Mr. Petrenko’s deputy. Later Kovačannounced a deal with the ruto alliance."
    claims = extract_entities(nlp(text), "s1", index, english_words(nlp), nlp.tokenizer)
    by_surface = {c.surface: c for c in claims}
    assert "Ana Kovač" in by_surface and by_surface["Ana Kovač"].title == "Prime Minister"
    assert "Petrenko" in by_surface
    glued = [c for c in claims if c.glued_to is not None]
    assert glued and glued[0].text == "Kovačannounced" and glued[0].glued_to == "announced"
    assert all(c.match == "unlinked" for c in claims)  # the spelling class is linking's to say
    for claim in claims:
        assert text[claim.start : claim.end] == claim.text
    after = linked(claims, index)
    assert {c.entity_id for c in after if c.surface == "Petrenko"} == {"igor-petrenko"}
    assert any(c.match == "casing" and c.text == "ruto" for c in after)
    assert [c.match for c in after if c.text == "Kovačannounced"] == ["glued"]


def test_glued_words_are_told_by_the_pipeline_s_own_words(nlp, index) -> None:  # type: ignore[no-untyped-def]
    from factcheck.extraction.vocabulary import EnglishWords

    doc = nlp("Later Kovačannounced a deal.")
    assert any(c.glued_to == "announced" for c in extract_entities(doc, "s1", index, english_words(nlp), nlp.tokenizer))
    no_words = EnglishWords(frozenset())
    assert all(c.glued_to is None for c in extract_entities(doc, "s1", index, no_words, nlp.tokenizer))
    assert "announced" in english_words(nlp) and "announcements" in english_words(nlp)


def test_unlisted_names_cluster_by_majority(nlp, index) -> None:  # type: ignore[no-untyped-def]
    texts = {
        "a": "Jonas Valdemarsson spoke on Monday.",
        "b": "Jonas Valdemarsson spoke again.",
        "c": "Jonas Valdemarson spoke as well.",
    }
    words = english_words(nlp)
    claims = [c for sid, t in texts.items() for c in extract_entities(nlp(t), sid, index, words, nlp.tokenizer)]
    by_source = {c.source: c for c in linked(claims, index) if c.label == "PERSON"}
    assert by_source["c"].canonical == "Jonas Valdemarsson" and by_source["c"].match == "fuzzy"
    assert by_source["a"].match == "canonical"


def test_lone_surname_follows_the_full_name_of_its_source(nlp, index) -> None:  # type: ignore[no-untyped-def]
    text = "Igor Sabatino, a local engineer, inspected the bridge. Sabatino said it was unsafe."
    claims = extract_entities(nlp(text), "s1", index, english_words(nlp), nlp.tokenizer)
    surnames = [c for c in linked(claims, index) if c.surface == "Sabatino"]
    # "Igor Sabatino" is one letter from the listed Igor Sabatini, so the full
    # name may be flagged once; the lone surname is not a second near miss.
    assert surnames and all(c.match != "fuzzy" for c in surnames)


def test_spelling_details_list_a_bounded_number_of_sources() -> None:
    from factcheck.checks.names import MAX_SOURCES_PER_SPELLING, GroupSpellings
    from factcheck.claims import EntityClaim

    def mention(source: str, surface: str) -> EntityClaim:
        return EntityClaim(source=source, start=0, end=len(surface), text=surface, label="PERSON", surface=surface)

    group = [mention(f"s{i:05d}", "Viktor Orban") for i in range(MAX_SOURCES_PER_SPELLING + 40)]
    group += [mention("s00001", "Viktor Orban"), mention("x", "Viktor Órban")]
    spellings = GroupSpellings()
    details = spellings.details(group[-1], group)
    shown = details["spellings"]
    assert isinstance(shown, dict)
    assert len(shown["Viktor Orban"]) == MAX_SOURCES_PER_SPELLING
    assert shown["Viktor Orban"]["s00001"] == 2
    assert shown["Viktor Órban"] == {"x": 1}
    assert details["spellings_sources_left_out"] == {"Viktor Orban": 40}
    assert spellings.table(group) is spellings.table(group)  # built once per group


def test_linking_replaces_mentions_with_linked_copies_and_changes_none(index: NameIndex) -> None:
    from pydantic import ValidationError

    written = ["Ana Kovac", "Kovac", "Ana Kovcac", "ruto", "Igor Petrenko", "Mark Johnston", "Johnston"]
    written.append("Marc Johnston")
    originals = [
        EntityClaim(source=f"s{i % 3}", start=i * 20, end=i * 20 + len(w), text=w, label="PERSON", surface=w)
        for i, w in enumerate(written)
    ]
    before = [c.model_dump() for c in originals]
    working = list(originals)
    link_entities(working, index)
    assert [c.model_dump() for c in originals] == before  # claims are values: linking made new ones
    assert all(new is not old for new, old in zip(working, originals, strict=True))
    by_text = {c.text: c for c in working}
    assert (by_text["Kovac"].entity_id, by_text["Kovac"].match) == ("ana-kovac", "variant")
    assert by_text["Ana Kovcac"].match == "fuzzy" and by_text["ruto"].match == "casing"
    assert by_text["Marc Johnston"].canonical == by_text["Mark Johnston"].canonical  # one person
    # Linked copies that set the same fields hold one field-name set, not one each.
    sets = {frozenset(c.model_fields_set): c.model_fields_set for c in working}
    assert all(c.model_fields_set is sets[frozenset(c.model_fields_set)] for c in working)
    with pytest.raises(ValidationError):
        working[0].canonical = "changed"  # type: ignore[misc]


def test_surname_blocks_list_what_a_scan_of_the_surnames_finds() -> None:
    """The surnames a one-word near miss is held against, grouped once by first letter (issue 19)."""
    from factcheck.rulebook.compiled import load_rules_and_names

    _, index = load_rules_and_names(None)
    for token in ("merkel", "putin", "zelensky", "a", "ö", "x"):
        scanned = [(folded, known) for folded, forms in index.short_folded.items() if folded[:1] == token[:1]
                   for known in forms]  # fmt: skip
        assert list(index._short_block(token)) == scanned
    assert list(index._short_block("merkel"))


def test_a_near_miss_is_compared_with_the_listed_forms_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A misspelt name a cluster repeats is held against the listed names once per index (issue 19)."""
    from factcheck.names import index as index_module
    from factcheck.rulebook.compiled import load_rules_and_names

    _, bundled = load_rules_and_names(None)
    compared: list[int] = []
    similarity = index_module._name_similarity
    monkeypatch.setattr(index_module, "_name_similarity", lambda *a: compared.append(1) or similarity(*a))
    first = bundled.link("Angla Merkell")
    calls = len(compared)
    assert first is not None and first.match == "fuzzy" and calls > 0
    assert bundled.link("Angla Merkell") == first and len(compared) == calls
    monkeypatch.setattr(index_module, "NEAR_MISS_MEMORY", 1)
    bundled.link("Olaf Schulz")
    assert len(bundled._near_misses) == 1  # the memory starts again when full

