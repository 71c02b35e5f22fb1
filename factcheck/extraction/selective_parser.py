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

from collections.abc import Iterable, Iterator
from typing import Final, cast

import numpy as np
from spacy.attrs import DEP, HEAD
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


class SelectiveParser:
    """Parse only the sentences :func:`needs_parse` picks; flat trees elsewhere."""

    def __init__(self, nlp: Language, parser_name: str = "parser", batch_size: int = 256) -> None:
        parser = nlp.get_pipe(parser_name)
        if not isinstance(parser, DependencyParser):
            raise TypeError(f"component {parser_name!r} is a {type(parser).__name__}, not a dependency parser")
        self.parser = parser
        self.sentencizer = Sentencizer()
        self.batch_size = batch_size
        self.unparsed_dep = nlp.vocab.strings.add(UNPARSED_DEP)
        self.root_dep = nlp.vocab.strings.add("ROOT")

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
        chosen: list[tuple[int, Span]] = []
        for n, doc in enumerate(docs):
            self.segment(doc)
            chosen.extend((n, sent) for sent in doc.sents if needs_parse(sent))
        sentence_docs = [self._sentence_doc(sent) for _, sent in chosen]
        parsed = list(self.parser.pipe(sentence_docs, batch_size=self.batch_size))
        trees = [self._flat_trees(doc) for doc in docs]
        for (n, sent), parsed_sentence in zip(chosen, parsed, strict=True):
            # HEAD comes out relative to each token, so a sentence's rows move as they are.
            trees[n][sent.start : sent.end] = parsed_sentence.to_array([HEAD, DEP])
        for doc, tree in zip(docs, trees, strict=True):
            doc.from_array([HEAD, DEP], cast(Ints2d, tree))
        return docs

    def segment(self, doc: Doc) -> None:
        """Rule-based sentences, cut where the parser would cut them.

        The sentencizer leaves an opening quote or bracket at the end of the
        sentence before ('said. “We') and starts a sentence with a line break;
        the parser puts both the other way, so the boundaries move.
        """
        self.sentencizer(doc)
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

    @staticmethod
    def _sentence_doc(sent: Span) -> Doc:
        doc = Doc(sent.doc.vocab, words=[t.text for t in sent], spaces=[bool(t.whitespace_) for t in sent])
        if sent.doc.tensor is not None and sent.doc.tensor.size:
            doc.tensor = sent.doc.tensor[sent.start : sent.end]
        return doc

    def _flat_trees(self, doc: Doc) -> np.ndarray:
        """Each sentence a flat tree under its first token, as spaCy's (HEAD, DEP) array.

        HEAD is the offset to the head, stored as uint64 the way ``Doc.to_array`` does.
        """
        offsets = np.zeros(len(doc), dtype="int64")
        deps = np.full(len(doc), self.unparsed_dep, dtype="uint64")
        for sent in doc.sents:
            offsets[sent.start : sent.end] = sent.start - np.arange(sent.start, sent.end)
            deps[sent.start] = self.root_dep
        return np.stack([offsets.view("uint64"), deps], axis=1)


@Language.factory(COMPONENT, default_config={"parser_name": "parser", "batch_size": 256})
def make_selective_parser(nlp: Language, name: str, parser_name: str, batch_size: int) -> SelectiveParser:
    return SelectiveParser(nlp, parser_name, batch_size)
