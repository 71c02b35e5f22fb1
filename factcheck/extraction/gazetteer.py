"""The gazetteer: every listed form found in a parsed text, case-insensitively.

What spaCy's ``PhraseMatcher(vocab, attr="LOWER")`` over one ``Doc`` per
form finds, in the order it finds it (by start, then by end), without its
cost: making those docs creates a lexeme for every word of every listed
form (a fifth of a second for the bundled lists, mostly names no article
mentions), before a single text is read.  Here a form is the tuple of its
tokens' lower-cased texts, as spaCy's English tokenizer splits it, and a
text is matched by walking its tokens over the prefixes of those tuples.

The tokenization of the forms depends only on the forms and spaCy's version,
so it is kept in the table cache (`factcheck.table_cache`) and read back by
the next run.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import cast

from spacy import about as spacy_about
from spacy.attrs import LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc

from factcheck.table_cache import content_key, read_table, write_table

GAZETTEER_TABLES = "gazetteer-tokens"
"""The kind of `factcheck.table_cache` entry the forms' tokens are kept as."""


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


def form_tokens(forms: Sequence[str]) -> list[list[str]]:
    """The token texts of each form as spaCy's English tokenizer splits it, from the table cache when kept."""
    key = content_key("gazetteer tokens", spacy_about.__version__, json.dumps(list(forms)))
    cached = read_table(GAZETTEER_TABLES, key)
    if cached is not None:
        tokens = _valid_entry(cached, forms)
        if tokens is not None:
            return tokens
    from spacy.lang.en import English

    make_doc = English().make_doc
    tokens = [[token.text for token in make_doc(form)] for form in forms]
    write_table(GAZETTEER_TABLES, key, json.dumps(tokens, ensure_ascii=False).encode("utf-8", "surrogatepass"))
    return tokens


def _valid_entry(raw: bytes, forms: Sequence[str]) -> list[list[str]] | None:
    """The entry's tokens if it is one list of strings per form, spelling that form; else None."""
    try:
        tokens = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(tokens, list) or len(tokens) != len(forms):
        return None
    for form, split in zip(forms, tokens, strict=True):
        if not (isinstance(split, list) and all(isinstance(t, str) for t in split)):
            return None
        if "".join("".join(split).split()) != "".join(form.split()):
            return None
    return tokens


def build_gazetteer(forms: Sequence[str]) -> Gazetteer:
    return Gazetteer(form_tokens(forms))
