"""The gazetteer finds exactly what spaCy's PhraseMatcher(attr="LOWER") found, without its start-up (issue 19)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.lang.en import English
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from factcheck.extraction.gazetteer import Gazetteer, build_gazetteer, form_tokens
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


def test_overlapping_forms_are_found_as_the_phrase_matcher_finds_them(nlp: Language) -> None:
    gazetteer = build_gazetteer(FORMS, nlp.tokenizer)
    for doc in nlp.pipe(SENTENCES):
        assert gazetteer(doc) == phrase_matches(nlp, FORMS, doc), doc.text


def test_the_bundled_lists_find_the_same_spans_in_the_seeds(nlp: Language) -> None:
    _, index = load_rules_and_names(None)
    forms = sorted({f for f in index.exact if len(f) >= 3})
    gazetteer = build_gazetteer(forms, nlp.tokenizer)
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))] + SENTENCES
    found = 0
    for doc in nlp.pipe(texts):
        matches = gazetteer(doc)
        assert matches == phrase_matches(nlp, forms, doc)
        found += len(matches)
    assert found > 20


def tokenized(nlp: Language, form: str) -> list[str]:
    return [token.text for token in nlp.tokenizer(form)]


def test_forms_are_split_as_the_tokenizer_splits_them(nlp: Language) -> None:
    """Plain words are split on their spaces without the tokenizer; the result is the tokenizer's."""
    _, index = load_rules_and_names(None)
    odd = ["cannot", "Gonna Win", "O'Neill", "(Nato)", "Mara\u00a0Velt", " Velt", "Velt "]
    forms = [*FORMS, *sorted(index.exact), *odd]
    split = form_tokens(forms, nlp.tokenizer)
    assert split == [tokenized(nlp, form) for form in forms]
    assert split[0] == ["Quillon", "Harbour", "Board"] and ["Mara", " ", "Velt"] in split
    assert split[forms.index("cannot")] == ["can", "not"]  # a special case made of letters only


_FORM_CHARACTERS = st.sampled_from([*"abcXYZéÖłñ  -.'’,()&/0123", "\u00a0", "\t", "n't", "'s", "St.", "U.S."])


@settings(max_examples=300, deadline=None)
@given(st.lists(_FORM_CHARACTERS, max_size=14).map("".join))
def test_any_form_is_split_as_the_tokenizer_splits_it(nlp: Language, form: str) -> None:
    assert form_tokens([form], nlp.tokenizer) == [tokenized(nlp, form)]


def test_an_empty_gazetteer_finds_nothing(nlp: Language) -> None:
    assert Gazetteer([])(nlp.make_doc("Nothing is listed.")) == []
