"""The rule lemmatizer with its known forms as sets gives the lemmas spaCy's lists give."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

from factcheck.extraction.nlp import UNUSED_COMPONENTS, resolve_model_name


@pytest.fixture(scope="module")
def shipped_lemmatizer() -> Lemmatizer:
    """The model's lemmatizer as spaCy loads it: known forms as lists."""
    lemmatizer = spacy.load(resolve_model_name(), exclude=list(UNUSED_COMPONENTS)).get_pipe("lemmatizer")
    assert isinstance(lemmatizer, Lemmatizer)
    assert any(isinstance(forms, list) for forms in lemmatizer.lookups.get_table("lemma_index").values())
    return lemmatizer


def test_the_library_pipeline_keeps_known_forms_as_sets(nlp: Language) -> None:
    lemmatizer = nlp.get_pipe("lemmatizer")
    assert isinstance(lemmatizer, Lemmatizer)
    forms = list(lemmatizer.lookups.get_table("lemma_index").values())
    assert forms and all(isinstance(known, frozenset) for known in forms)


def _lemmas(lemmatizer: Lemmatizer, doc: Doc) -> list[str]:
    lemmatizer.cache.clear()
    return [t.lemma_ for t in lemmatizer(doc.copy())]


def test_news_sentences_get_the_same_lemmas(nlp: Language, shipped_lemmatizer: Lemmatizer) -> None:
    text = (
        "Rescuers were searching the flooded villages on Thursday after the storms had swept away bridges, "
        "leaving thousands stranded; officials said the worst-hit regions would be rebuilt faster than "
        "promised, though critics argued the ministries' budgets were shrinking and the oldest dikes crumbling."
    )
    doc = nlp.make_doc(text)
    for name in nlp.pipe_names[: nlp.pipe_names.index("lemmatizer")]:
        doc = nlp.get_pipe(name)(doc)
    ours = nlp.get_pipe("lemmatizer")
    assert isinstance(ours, Lemmatizer)
    expected = _lemmas(shipped_lemmatizer, doc)
    assert _lemmas(ours, doc) == expected
    assert "search" in expected and "sweep" in expected and "ministry" in expected


WORDS = ["searching", "flooded", "ministries", "bridges", "oldest", "swept", "were", "better", "mice",
         "crumbling", "argued", "lives", "leaves", "ran", "geese", "happier", "Fischer", "data", "axes",
         "studies", "xyzzies"]  # fmt: skip
POS = ["NOUN", "VERB", "ADJ", "ADV", "PROPN", "AUX", "PRON", "X"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(POS)), min_size=1, max_size=8))
def test_any_word_and_part_of_speech_get_the_same_lemma(
    nlp: Language, shipped_lemmatizer: Lemmatizer, tokens: list[tuple[str, str]]
) -> None:
    ours = nlp.get_pipe("lemmatizer")
    assert isinstance(ours, Lemmatizer)
    doc = Doc(nlp.vocab, words=[w for w, _ in tokens], pos=[p for _, p in tokens])
    assert _lemmas(ours, doc) == _lemmas(shipped_lemmatizer, doc)
