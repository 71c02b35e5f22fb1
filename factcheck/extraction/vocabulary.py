"""English words, to tell "Smithsaid" (a name glued to a word) from "Smithson".

The word list comes from the loaded spaCy pipeline's lemmatizer tables
(WordNet's index and exceptions), so nothing is downloaded; inflected forms
are reduced by a few suffix rules before lookup.
"""

from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language

_WORDS: set[str] = set(STOP_WORDS)
_SUFFIXES = (
    ("ied", "y"),
    ("ies", "y"),
    ("ing", ""),
    ("ing", "e"),
    ("ed", ""),
    ("ed", "e"),
    ("es", ""),
    ("s", ""),
    ("ly", ""),
    ("er", ""),
    ("est", ""),
)


def register_lexicon(nlp: Language) -> None:
    """Add the words of a pipeline's lemmatizer tables (idempotent)."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None:
        return
    for table_name in ("lemma_index", "lemma_exc"):
        if not lookups.has_table(table_name):
            continue
        table = lookups.get_table(table_name)
        for value in table.values():
            words = value if isinstance(value, list | tuple) else list(value)
            _WORDS.update(w for w in words if isinstance(w, str) and w.isalpha())
            if isinstance(value, dict):
                _WORDS.update(k for k in value if isinstance(k, str) and k.isalpha())


def english_words() -> frozenset[str]:
    return frozenset(_WORDS)


def is_english_word(word: str) -> bool:
    """Whether a lowercase word, or a regular inflection of one, is English."""
    if len(word) < 2:
        return False
    if word in _WORDS:
        return True
    for suffix, replacement in _SUFFIXES:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= 2 and stem + replacement in _WORDS:
            return True
    return False
