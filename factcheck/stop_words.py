"""spaCy's English stop words, imported on first use.

The checks and the alignment compare sentences without their stop words, and
spaCy's list is the one the rest of the pipeline reads text with.  Importing
it at module level would import spaCy itself (about a second) in every
command that only loads rules (`factcheck rules list`, `--help`); a check
loads spaCy anyway, so the list costs nothing there.
"""

from __future__ import annotations

import functools


@functools.cache
def english_stop_words() -> frozenset[str]:
    """spaCy's English stop words, lower case."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)
