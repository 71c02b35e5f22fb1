"""English words, to tell "Smithsaid" (a name glued to a word) from "Smithson".

The word list comes from the spaCy pipeline the run uses: spaCy's English
stop words plus its lemmatizer tables (WordNet's index and exceptions), so
nothing is downloaded; inflected forms are reduced by a few suffix rules
before lookup.  It is built from the pipeline it is asked about, never
kept in module state, so a run cannot depend on which pipeline another
part of the process happened to load first.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language

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


@dataclass(frozen=True)
class EnglishWords:
    """A set of lowercase English words that also knows regular inflections."""

    words: frozenset[str]

    def __contains__(self, word: object) -> bool:
        """Whether a lowercase word, or a regular inflection of one, is English."""
        if not isinstance(word, str) or len(word) < 2:
            return False
        if word in self.words:
            return True
        for suffix, replacement in _SUFFIXES:
            stem = word[: -len(suffix)]
            if word.endswith(suffix) and len(stem) >= 2 and stem + replacement in self.words:
                return True
        return False


@functools.lru_cache(maxsize=4)
def english_words(nlp: Language) -> EnglishWords:
    """The English words of a pipeline: the stop words and its lemmatizer's tables (built once per pipeline)."""
    words: set[str] = set(STOP_WORDS)
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None) if "lemmatizer" in nlp.pipe_names else None
    for table_name in ("lemma_index", "lemma_exc"):
        if lookups is None or not lookups.has_table(table_name):
            continue
        for value in lookups.get_table(table_name).values():
            found = value if isinstance(value, list | tuple) else list(value)
            words.update(w for w in found if isinstance(w, str) and w.isalpha())
            if isinstance(value, dict):
                words.update(k for k in value if isinstance(k, str) and k.isalpha())
    return EnglishWords(frozenset(words))
