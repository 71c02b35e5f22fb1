"""The dependency parser, run only on the sentences an extractor reads trees in.

Two stages read dependency trees: dates (the predicate a date attaches to and
its tense) and quantities (the noun a figure counts).  Both only look inside
the sentence holding a date or a figure.  In news copy that is under half of
the sentences, so the model's own parser is disabled in the pipeline and this
component runs it on those sentences alone:

1. sentences are found by spaCy's rule-based ``Sentencizer`` (the parser used
   to give them);
2. a sentence is parsed when it holds a digit, a number word, a date word, or a
   numeric or temporal entity; it is parsed as a document of its own, with the
   slice of the ``tok2vec`` tensor the parser listens to, so it sees what it
   would have seen in the whole document;
3. every other sentence gets a flat tree (its first token the root, the rest
   attached to it with the label ``dep``), which keeps sentence boundaries and
   tells a reader it was not parsed.

A plugin that reads trees in other sentences can run the model's parser over
the whole document again: ``nlp.get_pipe("parser")(doc)`` (the tensor it
needs is still on the document).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from typing import Final, cast

import numpy as np
from spacy.attrs import (
    DEP,
    ENT_TYPE,
    HEAD,
    ORTH,
    SENT_START,
    SPACY,
)
from spacy.language import Language
from spacy.pipeline import DependencyParser, Sentencizer
from spacy.tokens import Doc, Span
from thinc.types import Ints2d

from factcheck.extraction.dates.cues import WORD_CUES
from factcheck.extraction.quantities import number_words

COMPONENT: Final[str] = "factcheck_selective_parser"
UNPARSED_DEP: Final[str] = "dep"
"""spaCy's label for an unclassified dependent; every token of an unparsed sentence has it."""

_NUMERIC_LABELS: Final[frozenset[str]] = frozenset(
    {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}
)

PARSE_WORDS: Final[frozenset[str]] = frozenset(
    {
        *WORD_CUES,
        *number_words.SMALL_NUMBERS,
        *number_words.TENS,
        *number_words.SCALE_WORDS,
        *number_words.ORDINALS,
        *number_words.FRACTION_DENOMINATORS,
        *number_words.ZERO_WORDS,
        *number_words.DOZEN_WORDS,
        *(word for phrase in number_words.VAGUE_MAGNITUDES for word in phrase.split()),
    }
    - {"a", "an", "of"}
)
"""Lower-cased words that make a sentence worth parsing (besides digits and numeric entities)."""


def needs_parse(sentence: Span) -> bool:
    """Whether a date or quantity extractor may read the tree of this sentence."""
    for token in sentence:
        if token.ent_type_ in _NUMERIC_LABELS or token.lower_ in PARSE_WORDS:
            return True
        if any(c.isdigit() for c in token.text):
            return True
    return False


_SENTENCIZER_PUNCT, _PUNCT, _LEFT_PUNCT, _RIGHT_PUNCT, _SPACE, _PARSE_WORD = _KIND_BITS = (1, 2, 4, 8, 16, 32)
"""What a token text is: one of the sentencizer's punctuation characters, punctuation
(``is_punct``), opening and closing punctuation, white space, and a word that makes a
sentence worth parsing (a digit in it, or one of :data:`PARSE_WORDS`)."""


class SelectiveParser:
    """Parse only the sentences :func:`needs_parse` picks; flat trees elsewhere.

    Apart from the parser itself, the work is done on ``Doc.to_array``
    columns and on facts about each distinct token text, remembered: a
    ``Token`` object made for every token of every document (iterating a
    ``Doc``, ``doc[i]``, ``Doc.text``) cost more than the rest of this
    component's Python.  The result is what the token-by-token rules in the
    docstrings give (``tests/test_selective_parser.py`` holds them as the
    reference).
    """

    def __init__(self, nlp: Language, parser_name: str = "parser", batch_size: int = 256) -> None:
        parser = nlp.get_pipe(parser_name)
        if not isinstance(parser, DependencyParser):
            raise TypeError(f"component {parser_name!r} is a {type(parser).__name__}, not a dependency parser")
        self.parser = parser
        self.sentencizer = Sentencizer()
        self.batch_size = batch_size
        self.vocab = nlp.vocab
        self.strings = nlp.vocab.strings
        self.unparsed_dep = self.strings.add(UNPARSED_DEP)
        self.root_dep = self.strings.add("ROOT")
        self.numeric_label_ids = np.array(sorted(self.strings.add(label) for label in _NUMERIC_LABELS), dtype="uint64")
        self._kinds_of_texts: dict[int, int] = {}
        """Token text id -> the bits of :data:`_KIND_BITS` that hold for it."""

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._parse_batch(batch)
                batch = []
        if batch:
            yield from self._parse_batch(batch)

    def _parse_batch(self, docs: list[Doc]) -> list[Doc]:
        chosen: list[tuple[int, int, int]] = []  # (document, first token, end token) of a sentence to parse
        sentence_docs: list[Doc] = []
        trees: list[np.ndarray] = []
        for n, doc in enumerate(docs):
            columns = doc.to_array([ORTH, SPACY, ENT_TYPE, SENT_START])
            kinds = self._kinds(columns[:, 0].tolist())
            starts = self._segment(doc, columns[:, 3], kinds)
            for start, end in self._chosen(starts, columns[:, 2], kinds):
                chosen.append((n, start, end))
                sentence_docs.append(self._sentence_doc(doc, start, end, columns))
            trees.append(self._flat_trees(len(doc), starts))
        parsed = list(self.parser.pipe(sentence_docs, batch_size=self.batch_size))
        for (n, start, end), parsed_sentence in zip(chosen, parsed, strict=True):
            # HEAD comes out relative to each token, so a sentence's rows move as they are.
            trees[n][start:end] = parsed_sentence.to_array([HEAD, DEP])
        for doc, tree in zip(docs, trees, strict=True):
            doc.from_array([HEAD, DEP], cast(Ints2d, tree))
        return docs

    def segment(self, doc: Doc) -> None:
        """Rule-based sentences, cut where the parser would cut them.

        The sentencizer leaves an opening quote or bracket at the end of the
        sentence before ('said. “We') and starts a sentence with a line break;
        the parser puts both the other way, so the boundaries move.
        """
        columns = doc.to_array([ORTH, SENT_START])
        self._segment(doc, columns[:, 1], self._kinds(columns[:, 0].tolist()))

    def _kinds(self, orths: list[int]) -> list[int]:
        """Per token, the bits of :data:`_KIND_BITS` its text has (worked out once per distinct text)."""
        known = self._kinds_of_texts
        try:
            return [known[orth] for orth in orths]
        except KeyError:
            for orth in orths:
                if orth not in known:
                    known[orth] = self._kind_of(orth)
            return [known[orth] for orth in orths]

    def _kind_of(self, orth: int) -> int:
        lexeme = self.vocab[orth]
        text = lexeme.orth_
        facts = (
            text in self.sentencizer.punct_chars,
            lexeme.is_punct,
            lexeme.is_left_punct,
            lexeme.is_right_punct,
            lexeme.is_space,
            lexeme.lower_ in PARSE_WORDS or any(c.isdigit() for c in text),
        )
        return sum(bit for bit, fact in zip(_KIND_BITS, facts, strict=True) if fact)

    def _segment(self, doc: Doc, found: np.ndarray, kinds: list[int]) -> np.ndarray:
        """:meth:`segment` given the SENT_START column and the :meth:`_kinds`: the first token of each sentence."""
        length = len(doc)
        if not length:
            return np.zeros(0, dtype="int64")
        # The sentencizer: after a token of its punctuation characters, the next token that is
        # neither punctuation nor one of them starts a sentence; so does the first token.
        kind = np.array(kinds, dtype="int64")
        ends_sentence = (kind & _SENTENCIZER_PUNCT) > 0
        words = np.flatnonzero((kind & (_SENTENCIZER_PUNCT | _PUNCT)) == 0)
        seen = np.concatenate([[0], np.cumsum(ends_sentence)])  # seen[k]: such tokens before token k
        after_previous_word = np.concatenate([[0], words[:-1] + 1])
        guessed = np.full(length, -1, dtype="int64")
        guessed[0] = 1
        guessed[words[seen[words] - seen[after_previous_word] > 0]] = 1
        set_before = found.astype("int64")
        found = np.where(set_before == 0, guessed, set_before)  # a start set before stays, as the sentencizer keeps it
        # The moves, token by token from the left, visiting only the tokens that start a
        # sentence when the pass reaches them: those found, and those a line break gives a start.
        state: list[int] = found.tolist()
        todo = deque((np.flatnonzero(found[1:] == 1) + 1).tolist())
        while todo:
            i = todo.popleft()
            if state[i] != 1:
                continue
            if kinds[i - 1] & (_LEFT_PUNCT | _RIGHT_PUNCT) == _LEFT_PUNCT and state[i - 1] != 1:
                state[i], state[i - 1] = -1, 1
            elif kinds[i] & _SPACE:
                state[i] = -1
                if i + 1 < length:
                    state[i + 1] = 1
                    if not todo or todo[0] != i + 1:
                        todo.appendleft(i + 1)
        moved = np.array(state, dtype="int64")
        if doc.has_annotation("DEP"):  # spaCy refuses to move a boundary of a parsed document
            doc.from_array([SENT_START], cast(Ints2d, found.view("uint64")))
            for i in np.flatnonzero(moved != found).tolist():
                doc[i].is_sent_start = state[i] == 1
        else:
            doc.from_array([SENT_START], cast(Ints2d, moved.view("uint64")))
        if "sents" in doc.user_hooks:
            return np.array([sent.start for sent in doc.sents], dtype="int64")
        return np.concatenate([[0], np.flatnonzero(moved[1:] == 1) + 1]).astype("int64")

    def _chosen(self, starts: np.ndarray, entity_labels: np.ndarray, kinds: list[int]) -> list[tuple[int, int]]:
        """The (first token, end token) of each sentence :func:`needs_parse` picks."""
        if not len(starts):
            return []
        marked = ((np.array(kinds, dtype="int64") & _PARSE_WORD) > 0) | np.isin(entity_labels, self.numeric_label_ids)
        wanted = np.flatnonzero(np.add.reduceat(marked, starts)).tolist()
        ends = [*starts[1:].tolist(), len(kinds)]
        return [(int(starts[k]), ends[k]) for k in wanted]

    def _sentence_doc(self, doc: Doc, start: int, end: int, columns: np.ndarray) -> Doc:
        """Tokens ``start`` to ``end`` of ``doc`` as a document of their own, with their slice of the tensor."""
        rows = columns[start:end, :2].tolist()
        strings = self.strings
        sentence = Doc(doc.vocab, words=[strings[orth] for orth, _ in rows], spaces=[bool(s) for _, s in rows])
        if doc.tensor is not None and doc.tensor.size:
            sentence.tensor = doc.tensor[start:end]
        return sentence

    def _flat_trees(self, length: int, starts: np.ndarray) -> np.ndarray:
        """Each sentence a flat tree under its first token, as spaCy's (HEAD, DEP) array.

        HEAD is the offset to the head, stored as uint64 the way ``Doc.to_array`` does.
        """
        heads = np.repeat(starts, np.diff(np.append(starts, length)))
        offsets = heads - np.arange(length, dtype="int64")
        deps = np.full(length, self.unparsed_dep, dtype="uint64")
        deps[starts] = self.root_dep
        return np.stack([offsets.view("uint64"), deps], axis=1)


@Language.factory(COMPONENT, default_config={"parser_name": "parser", "batch_size": 256})
def make_selective_parser(nlp: Language, name: str, parser_name: str, batch_size: int) -> SelectiveParser:
    return SelectiveParser(nlp, parser_name, batch_size)
