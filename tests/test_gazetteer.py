"""The gazetteer finds exactly what spaCy's PhraseMatcher(attr="LOWER") found, without its start-up (issue 19)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.lang.en import English
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from factcheck.extraction.gazetteer import GAZETTEER_TABLES, Gazetteer, build_gazetteer, form_tokens
from factcheck.rulebook.compiled import load_rules_and_names

ROOT = Path(__file__).resolve().parents[1]

SENTENCES = [
    "The Quillon Harbour Board met the quillon harbour board's auditors in New Ardale.",
    "New Ardale Times Square was closed; the NEW ARDALE TIMES reported it from new ardale.",
    "U.N. officials and the u.n. envoy met Mara  Velt, then Mara Velt-Ross, at 9 a.m.",
    "",
    "Ardale",
]
FORMS = ["Quillon Harbour Board", "New Ardale", "New Ardale Times", "Ardale", "Times", "Ardale Times Square",
         "U.N.", "Mara Velt", "Mara  Velt", "Velt-Ross", "a.m."]  # fmt: skip


def phrase_matches(nlp: Language, forms: list[str], doc: Doc) -> list[tuple[int, int]]:
    """What the extractor used before: one PhraseMatcher on the lower-cased tokens of each form."""
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    make_doc = English(vocab=nlp.vocab).make_doc
    matcher.add("NAME", [make_doc(f) for f in forms])
    return [(start, end) for _, start, end in matcher(doc)]


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("FACTCHECK_TABLE_CACHE", raising=False)
    return tmp_path


def test_overlapping_forms_are_found_as_the_phrase_matcher_finds_them(nlp: Language, cache_dir: Path) -> None:
    gazetteer = build_gazetteer(FORMS)
    for doc in nlp.pipe(SENTENCES):
        assert gazetteer(doc) == phrase_matches(nlp, FORMS, doc), doc.text


def test_the_bundled_lists_find_the_same_spans_in_the_seeds(nlp: Language, cache_dir: Path) -> None:
    _, index = load_rules_and_names(None)
    forms = sorted({f for f in index.exact if len(f) >= 3})
    gazetteer = build_gazetteer(forms)
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))] + SENTENCES
    found = 0
    for doc in nlp.pipe(texts):
        matches = gazetteer(doc)
        assert matches == phrase_matches(nlp, forms, doc)
        found += len(matches)
    assert found > 20


def test_the_forms_tokens_are_read_back_from_the_table_cache(cache_dir: Path) -> None:
    first = form_tokens(FORMS)
    assert first[0] == ["Quillon", "Harbour", "Board"] and ["Mara", " ", "Velt"] in first
    [entry] = (cache_dir / "tables" / GAZETTEER_TABLES).glob("*.json")
    kept = json.loads(entry.read_text(encoding="utf-8"))
    kept[0] = ["Quillon Harbour", "Board"]  # another split of the same form: read back as kept
    entry.write_text(json.dumps(kept), encoding="utf-8")
    assert form_tokens(FORMS)[0] == ["Quillon Harbour", "Board"]
    kept[0] = ["Some", "Other", "Name"]  # an entry that does not spell its form is not trusted
    entry.write_text(json.dumps(kept), encoding="utf-8")
    assert form_tokens(FORMS) == first
    entry.write_text("[damaged", encoding="utf-8")
    assert form_tokens(FORMS) == first


def test_an_empty_gazetteer_finds_nothing(nlp: Language) -> None:
    assert Gazetteer([])(nlp.make_doc("Nothing is listed.")) == []
