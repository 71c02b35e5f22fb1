"""The attribute rules looked up per distinct token set exactly what spaCy's AttributeRuler sets."""

from __future__ import annotations

import numpy as np
import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from factcheck.extraction.attribute_rules import COMPONENT, TableAttributeRules
from factcheck.extraction.nlp import UNUSED_COMPONENTS, resolve_model_name

SET_BY_RULES = [POS, MORPH, LEMMA, TAG, DEP]

TEXTS = [
    "I ain't sure we're gonna make it, but let's try, y'all.",
    "It isn't over: the mayor's office said there is nothin' left to do.",
    "You do what you have to do; she does, and they did too.",
    "That is because whether or not the bridge opens, there are 40 cars waiting.",
    "Which ferry sank? The one that the navy had said was safe.",
    "I gave it to you, and you gave it to me.\n\nGot ta go,  c'mon now.",
    "He's been here since Monday, while she'd left once the rain stopped.",
    "The officials, who weren't named, have denied it; the court has n't ruled.",
]


@pytest.fixture(scope="module")
def model() -> Language:
    """The model with its own attribute ruler and full parser, as shipped."""
    return spacy.load(resolve_model_name(), exclude=list(UNUSED_COMPONENTS))


def _before_ruler(model: Language, text: str, parsed: bool) -> Doc:
    doc = model.make_doc(text)
    for name in ["tok2vec", "tagger", *(["parser"] if parsed else [])]:
        doc = model.get_pipe(name)(doc)
    return doc


def _same_attributes(model: Language, table: TableAttributeRules, doc: Doc) -> None:
    expected = model.get_pipe("attribute_ruler")(doc.copy())
    got = table(doc.copy())
    np.testing.assert_array_equal(got.to_array(SET_BY_RULES), expected.to_array(SET_BY_RULES))


def test_the_library_pipeline_applies_the_rules_by_table(nlp: Language) -> None:
    assert COMPONENT in nlp.pipe_names
    assert "attribute_ruler" not in nlp.pipe_names
    assert "attribute_ruler" in nlp.component_names


@pytest.mark.parametrize("parsed", [False, True], ids=["tagged", "parsed"])
@pytest.mark.parametrize("text", TEXTS)
def test_the_table_sets_what_spacys_ruler_sets(model: Language, text: str, parsed: bool) -> None:
    table = TableAttributeRules(model)
    assert table.rules is not None, "the shipped model's rules are all of the supported form"
    _same_attributes(model, table, _before_ruler(model, text, parsed))


def test_the_shipped_rules_change_something_the_table_must_get_right(model: Language) -> None:
    """A guard that the comparison above compares something: the rules set lemmas and parts of speech."""
    doc = _before_ruler(model, "I ain't gonna wait.", parsed=False)
    table = TableAttributeRules(model)
    before = doc.to_array(SET_BY_RULES)
    after = table(doc.copy()).to_array(SET_BY_RULES)
    assert (before != after).any()
    assert table(doc.copy())[1].lemma_ == "be"  # "ai" of "ai n't", a rule over two tokens


WORDS = ["i", "you", "it", "ai", "n't", "nt", "gon", "na", "got", "ta", "let", "'s", "is", "are", "am", "'m",
         "be", "do", "does", "did", "have", "has", "had", "that", "if", "but", "not", "there", "y'", "all", "c'm",
         "on", "nothin'", "the", "which", "gets", "\n", " ", "ferry", "Sank", "40"]  # fmt: skip


@st.composite
def tagged_docs(draw: st.DrawFn) -> tuple[list[str], list[str], list[str]]:
    count = draw(st.integers(min_value=1, max_value=12))
    words = draw(st.lists(st.sampled_from(WORDS), min_size=count, max_size=count))
    tags = draw(st.lists(st.sampled_from(TAGS), min_size=count, max_size=count))
    deps = draw(st.lists(st.sampled_from(DEPS), min_size=count, max_size=count))
    return words, tags, deps


TAGS = ["IN", "CC", "RB", "VB", "VBZ", "VBP", "VBD", "DT", "WDT", "TO", "PRP", "NN", "NNP", "_SP", "EX", "CD"]
DEPS = ["nsubj", "dobj", "pobj", "aux", "auxpass", "ROOT", "advcl", "ccomp", "mark", "det", "quantmod", "expl",
        "advmod", "dep", "attr", ""]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(tagged_docs())
def test_any_tags_and_labels_get_what_spacys_ruler_gives(
    model: Language, drawn: tuple[list[str], list[str], list[str]]
) -> None:
    words, tags, deps = drawn
    heads = list(range(len(words))) if all(deps) else None
    doc = Doc(model.vocab, words=words, tags=tags, deps=deps if heads else None, heads=heads)
    _same_attributes(model, TableAttributeRules(model), doc)


def test_a_ruler_with_patterns_outside_the_table_runs_as_spacy_runs_it(model: Language) -> None:
    """An operator the table does not read ("OP") leaves the work to spaCy's ruler, with its result."""
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    ruler.add([[{"LOWER": "ferry", "OP": "+"}]], {"LEMMA": "boat"})
    table = TableAttributeRules(nlp)
    assert table.rules is None
    doc = table(nlp.make_doc("The ferry ferry left."))
    assert [t.lemma_ for t in doc][1:3] == ["boat", "boat"]


def test_later_rules_win_over_earlier_ones_on_the_same_token() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    ruler.add([[{"LOWER": "ferry"}]], {"LEMMA": "first"})
    ruler.add([[{"LOWER": "the"}, {"LOWER": "ferry"}]], {"LEMMA": "second"}, index=1)
    ruler.add([[{"LOWER": {"IN": ["ferry", "boat"]}}]], {"LEMMA": "third", "POS": "NOUN"})
    ruler.add([[{"LOWER": "a"}, {"LOWER": "ferry"}]], {"LEMMA": "fourth"}, index=-1)
    table = TableAttributeRules(nlp)
    assert table.rules is not None
    for text in ["the ferry", "a ferry", "ferry", "the boat", "a ferry and the ferry"]:
        expected = ruler(nlp.make_doc(text))
        got = table(nlp.make_doc(text))
        assert [(t.lemma_, t.pos_) for t in got] == [(t.lemma_, t.pos_) for t in expected], text
