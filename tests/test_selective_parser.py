"""The parser runs only on sentences with figures or dates; nothing extracted may change."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import cast

import numpy as np
import pytest
import spacy
from hypothesis import example, given, settings
from hypothesis import strategies as st
from spacy.attrs import DEP, ENT_TYPE, HEAD, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.pipeline import DependencyParser, Sentencizer
from spacy.tokens import Doc
from thinc.types import Ints2d

from factcheck.extraction.dates.extract import extract_dates
from factcheck.extraction.nlp import UNUSED_COMPONENTS, resolve_model_name
from factcheck.extraction.quantities.extract import extract_quantities
from factcheck.extraction.selective_parser import COMPONENT, UNPARSED_DEP, SelectiveParser, needs_parse

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def full_nlp() -> Language:
    """The model as shipped: its parser on every sentence."""
    return spacy.load(resolve_model_name(), exclude=list(UNUSED_COMPONENTS))


def test_the_library_pipeline_runs_the_parser_through_the_selective_component(nlp: Language) -> None:
    assert COMPONENT in nlp.pipe_names
    assert "parser" not in nlp.pipe_names
    assert "parser" in nlp.component_names


def test_a_sentence_without_figures_or_dates_gets_a_flat_tree(nlp: Language) -> None:
    doc = nlp("Putin accused the West of ignoring Russia. Officials said 4,000 troops arrived on Tuesday.")
    first, second = list(doc.sents)
    assert first.text == "Putin accused the West of ignoring Russia."
    assert [t.dep_ for t in first] == ["ROOT"] + [UNPARSED_DEP] * (len(first) - 1)
    assert all(t.head.i == first.start for t in first)
    assert not needs_parse(first)
    assert needs_parse(second)
    deps = {t.text: t.dep_ for t in second}
    assert deps["4,000"] == "nummod"
    assert deps["Tuesday"] == "pobj"
    assert second.root.text == "said"


@pytest.mark.parametrize(
    "text",
    [
        "Dozens of people were hurt.",
        "Thousands marched in the capital.",
        "The talks resumed last week.",
        "He arrived in March.",
        "A third of the town was flooded.",
    ],
)
def test_number_and_date_words_make_a_sentence_worth_parsing(nlp: Language, text: str) -> None:
    doc = nlp(text)
    assert needs_parse(doc[:])
    assert UNPARSED_DEP not in {t.dep_ for t in doc}


def test_sentences_end_where_the_parser_ends_them(nlp: Language) -> None:
    doc = nlp("The talks ended.\n\n“We will return on Friday,” he said.\nNothing else happened.\n")
    assert [s.text for s in doc.sents] == [
        "The talks ended.\n\n",
        "“We will return on Friday,” he said.\n",
        "Nothing else happened.\n",
    ]


def _extracted(nlp: Language, text: str) -> list[dict[str, object]]:
    doc = nlp(text)
    claims = [*extract_dates(doc, "s", dt.date(2022, 2, 1)), *extract_quantities(doc, "s")]
    return [claim.model_dump(exclude={"sentence", "sentence_start"}) for claim in claims]


def test_the_seeds_give_the_same_date_and_quantity_claims_as_with_the_full_parser(
    nlp: Language, full_nlp: Language
) -> None:
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert _extracted(nlp, text) == _extracted(full_nlp, text), path.name


_WORDS = ["Putin", "said", "troops", "were", "killed", "on", "Tuesday", "in", "Kyiv", "the", "talks",
          "ended", "4,000", "12", "dozens", "of", "people", ".", ",", "“", "”", "\n", "\n\n", "March", "3"]  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=40).map(" ".join))
@example("Putin dozens Kyiv the")
def test_every_token_has_a_head_in_its_own_sentence(nlp: Language, text: str) -> None:
    doc = nlp(text)
    for sent in doc.sents:
        for token in sent:
            assert sent.start <= token.head.i < sent.end
    # The component decides per rule-based segment; the parser may then cut a
    # parsed segment into several trees ("Putin dozens Kyiv the" gives two),
    # a piece of which needs no parse by itself.  Unparsed segments stay flat.
    with nlp.select_pipes(disable=[COMPONENT]):
        segmented = nlp(text)
    component = nlp.get_pipe(COMPONENT)
    assert isinstance(component, SelectiveParser)
    component.segment(segmented)
    for segment in segmented.sents:
        if not needs_parse(segment):
            assert all(doc[i].dep_ == UNPARSED_DEP for i in range(segment.start + 1, segment.end))


# The component works on arrays (`SelectiveParser._segment`, `_chosen`, `_flat_trees`); the
# token-by-token rules below are what it did before, and the reference it must equal.


def _reference_segment(doc: Doc) -> None:
    Sentencizer()(doc)
    for token in doc:
        if not token.is_sent_start or token.i == 0:
            continue
        before = doc[token.i - 1]
        if before.is_left_punct and not before.is_right_punct and not before.is_sent_start:
            token.is_sent_start = False
            before.is_sent_start = True
        elif token.is_space:
            token.is_sent_start = False
            if token.i + 1 < len(doc):
                doc[token.i + 1].is_sent_start = True


def _reference_parse(parser: DependencyParser, doc: Doc) -> list[tuple[int, int]]:
    """The component's output written token by token; returns the (start, end) of the sentences it parsed."""
    _reference_segment(doc)
    sentences = list(doc.sents)
    chosen = [sent for sent in sentences if needs_parse(sent)]
    alone = [
        Doc(doc.vocab, words=[t.text for t in sent], spaces=[bool(t.whitespace_) for t in sent]) for sent in chosen
    ]
    for sentence_doc, sent in zip(alone, chosen, strict=True):
        sentence_doc.tensor = doc.tensor[sent.start : sent.end]
    offsets = np.zeros(len(doc), dtype="int64")
    deps = np.full(len(doc), doc.vocab.strings.add(UNPARSED_DEP), dtype="uint64")
    for sent in sentences:
        offsets[sent.start : sent.end] = sent.start - np.arange(sent.start, sent.end)
        deps[sent.start] = doc.vocab.strings.add("ROOT")
    tree = np.stack([offsets.view("uint64"), deps], axis=1)
    for sent, parsed in zip(chosen, parser.pipe(alone), strict=True):
        tree[sent.start : sent.end] = parsed.to_array([HEAD, DEP])
    doc.from_array([HEAD, DEP], cast(Ints2d, tree))
    return [(sent.start, sent.end) for sent in chosen]


_MIXED = [
    "Putin", "said", "troops", "were", "killed", "on", "Tuesday", "in", "Kyiv", "the", "talks", "ended",
    "4,000", "12", "dozens", "of", "people", "twenty", "half", "Monday", ".", ",", "!", "?", "...", ";",
    "“", "”", '"', "'", "(", ")", "[", "]", "«", "»", "-", "—", "\n", "\n\n", " \n ", "\t", "٣", "²", "x²",
    "②", "A1", "ii", "MARCH", "He", "She", "U.S.", "e.g.", "Mr.", ":", "…",
]  # fmt: skip


_PRESETS = st.lists(st.sampled_from([None, None, None, None, True, False]), min_size=80, max_size=80)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_MIXED), min_size=0, max_size=60), st.lists(st.booleans(), min_size=60, max_size=60))
@example(["said", ".", "“", "We", "\n\n", "“", "left", "”"], [True] * 60)
@example(["Hi", ".", "\n", "\n\n", "(", "\n", "4"], [False] * 60)
def test_the_array_code_gives_the_token_by_token_trees_sentences_and_choices(
    nlp: Language, words: list[str], glue: list[bool]
) -> None:
    text = "".join(word + (" " if spaced else "") for word, spaced in zip(words, glue, strict=False))
    _assert_as_token_by_token(nlp, text, [None] * 80)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(_MIXED), min_size=1, max_size=60).map(" ".join), _PRESETS)
@example("He said . ( ( We left", [None, None, None, True, True])
def test_sentence_starts_set_before_the_component_are_kept_as_the_token_by_token_code_keeps_them(
    nlp: Language, text: str, presets: list[bool | None]
) -> None:
    _assert_as_token_by_token(nlp, text, presets)


def _assert_as_token_by_token(nlp: Language, text: str, presets: list[bool | None]) -> None:
    with nlp.select_pipes(disable=[COMPONENT]):
        before = nlp(text)
    for token, preset in zip(before, presets, strict=False):
        token.is_sent_start = preset
    component = nlp.get_pipe(COMPONENT)
    assert isinstance(component, SelectiveParser)
    reference = Doc(nlp.vocab).from_bytes(before.to_bytes())
    reference.tensor = before.tensor
    parsed_reference = _reference_parse(component.parser, reference)
    columns = before.to_array([ORTH, SPACY, ENT_TYPE, SENT_START])
    kinds = component._kinds(columns[:, 0].tolist())
    starts = component._segment(Doc(nlp.vocab).from_bytes(before.to_bytes()), columns[:, 3], kinds)
    assert component._chosen(starts, columns[:, 2], kinds) == parsed_reference
    done = component(before)
    assert np.array_equal(done.to_array([HEAD, DEP, SENT_START]), reference.to_array([HEAD, DEP, SENT_START]))


def test_the_array_code_matches_the_token_by_token_code_on_the_seeds(nlp: Language) -> None:
    component = nlp.get_pipe(COMPONENT)
    assert isinstance(component, SelectiveParser)
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        with nlp.select_pipes(disable=[COMPONENT]):
            before = nlp(path.read_text(encoding="utf-8"))
        reference = Doc(nlp.vocab).from_bytes(before.to_bytes())
        reference.tensor = before.tensor
        _reference_parse(component.parser, reference)
        done = component(before)
        assert np.array_equal(done.to_array([HEAD, DEP, SENT_START]), reference.to_array([HEAD, DEP, SENT_START]))


def test_segment_refuses_to_move_a_boundary_of_a_parsed_document_as_spacy_does(nlp: Language) -> None:
    component = nlp.get_pipe(COMPONENT)
    assert isinstance(component, SelectiveParser)
    words, heads, deps = ["Hi", ".", "\n\n", "Yo"], [0, 0, 2, 3], ["ROOT", "punct", "ROOT", "ROOT"]
    for segment in (component.segment, _reference_segment):
        with pytest.raises(ValueError, match="E043"):
            segment(Doc(nlp.vocab, words=words, spaces=[False] * 4, heads=heads, deps=deps))
