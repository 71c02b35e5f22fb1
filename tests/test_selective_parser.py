"""The parser runs only on sentences with figures or dates; nothing extracted may change."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import spacy
from hypothesis import example, given, settings
from hypothesis import strategies as st
from spacy.language import Language

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
