"""The gazetteer: every listed form found in a parsed text, case-insensitively.

What spaCy's ``PhraseMatcher(vocab, attr="LOWER")`` over one ``Doc`` per
form finds, in the order it finds it (by start, then by end), without its
cost: making those docs creates a lexeme for every word of every listed
form (a fifth of a second for the bundled lists, mostly names no article
mentions), before a single text is read.  Here a form is the tuple of its
tokens' lower-cased texts, as the pipeline's own tokenizer splits it, and a
text is matched by walking its tokens over the prefixes of those tuples.

Most listed forms are plain words between single spaces ("Olaf Scholz"),
which the tokenizer leaves whole, so those are split on the spaces after
asking the tokenizer's own special cases, prefix, suffix and infix rules
whether any applies; only the others (a tenth of the bundled forms:
"al-Sisi", "U.N.") are tokenized.  That takes a few hundredths of a second
and needs no second tokenizer (a blank English pipeline took a tenth of a
second to make on every run that had no table cache yet).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import cast

from spacy.attrs import LOWER
from spacy.strings import get_string_id
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc


class Gazetteer:
    """Listed forms as token sequences; calling it on a doc gives the (start, end) of each match.

    Forms are kept as the ids of their lower-cased tokens, the ids spaCy's
    ``LOWER`` attribute holds (``get_string_id``, which adds nothing to a
    vocabulary), so a text is read as ``doc.to_array(LOWER)`` with no
    ``Token`` object made, and only from the tokens some form starts with.
    """

    def __init__(self, forms: Sequence[Sequence[str]]) -> None:
        self._forms: set[tuple[int, ...]] = set()
        self._prefixes: set[tuple[int, ...]] = set()
        for tokens in forms:
            lowered = tuple(get_string_id(token.lower()) for token in tokens)  # spaCy's LOWER is str.lower
            if not lowered:
                continue
            self._forms.add(lowered)
            self._prefixes.update(lowered[:end] for end in range(1, len(lowered) + 1))
        self._longest = max((len(f) for f in self._forms), default=0)
        self._first = frozenset(form[0] for form in self._forms)

    def __call__(self, doc: Doc) -> list[tuple[int, int]]:
        lowered = cast(list[int], doc.to_array([LOWER]).reshape(-1).tolist())
        first = self._first
        found: list[tuple[int, int]] = []
        for start in [i for i, word in enumerate(lowered) if word in first]:
            for end in range(start + 1, min(len(lowered), start + self._longest) + 1):
                key = tuple(lowered[start:end])
                if key not in self._prefixes:
                    break
                if key in self._forms:
                    found.append((start, end))
        return found


def form_tokens(forms: Sequence[str], tokenizer: Tokenizer) -> list[list[str]]:
    """The token texts of each form as ``tokenizer`` splits it.

    A form of words that no rule of the tokenizer splits, between single
    spaces, is its words; any other form is tokenized.
    """
    # remembered: half the words of the bundled forms are repeats ("al", "de", "Abdel")
    whole = functools.cache(_whole_word_test(tokenizer))
    split: list[list[str]] = []
    for form in forms:
        words = form.split(" ")
        if all(whole(word) for word in words):
            split.append(words)
        else:
            split.append([token.text for token in tokenizer(form)])
    return split


def _whole_word_test(tokenizer: Tokenizer) -> Callable[[str], bool]:
    """Whether the tokenizer keeps a word (no spaces) as one token: no special case, affix or infix applies.

    This is the tokenizer's own order of tests: a special case splits its
    string as written; a prefix or suffix found is split off; what is left
    is cut at its infixes; a string none of these apply to is one token.
    """
    special = tokenizer.rules or {}
    prefix = tokenizer.prefix_search
    suffix = tokenizer.suffix_search
    infixes = tokenizer.infix_finditer

    def whole(word: str) -> bool:
        return (
            bool(word)
            and not any(c.isspace() for c in word)
            and word not in special
            and (prefix is None or prefix(word) is None)
            and (suffix is None or suffix(word) is None)
            and (infixes is None or next(iter(infixes(word)), None) is None)
        )

    return whole


def build_gazetteer(forms: Sequence[str], tokenizer: Tokenizer) -> Gazetteer:
    """The gazetteer of ``forms``, split as ``tokenizer`` (the one that splits the texts) splits them."""
    return Gazetteer(form_tokens(forms, tokenizer))
