"""Name mentions: spaCy entities plus a gazetteer pass, cleaned for linking.

The statistical model misses or mislabels names (a lone accented surname
tagged ORG, a two-word name not tagged at all), so a gazetteer of every form
of the reference lists (`factcheck.extraction.gazetteer`, matched
case-insensitively, so "nato" is found to be judged) adds what it misses.  Honorifics, titles and possessives
are cut from the span; the titles given to a name (before it, in
apposition, by a verb: `factcheck.extraction.titles`) are kept for the
``title-conflict`` check; a name run into the next word ("Smithsaid") is
split and marked.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

import numpy as np
from spacy.attrs import IS_ALPHA, LENGTH
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span, Token

from factcheck.claims import EntityClaim
from factcheck.extraction.covered_text import CoveredText
from factcheck.extraction.doc_index import doc_text, sentence_of, span_text
from factcheck.extraction.gazetteer import Gazetteer, build_gazetteer
from factcheck.extraction.titles import is_role_word, read_titles_around
from factcheck.extraction.vocabulary import EnglishWords
from factcheck.names.index import NameIndex

NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})

HONORIFICS = frozenset(
    [
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "miss",
        "dr",
        "dr.",
        "sir",
        "dame",
        "lord",
        "lady",
        "madame",
        "mme",
        "mme.",
        "m.",
        "herr",
        "prof",
        "prof.",
        "gen",
        "gen.",
        "col",
        "col.",
        "lt",
        "lt.",
        "sgt",
        "sgt.",
        "capt",
        "capt.",
        "rev",
        "rev.",
        "st",
        "st.",
    ]
)

TITLE_WORDS = frozenset(
    [
        "president",
        "prime",
        "minister",
        "chancellor",
        "mayor",
        "secretary",
        "general",
        "foreign",
        "defence",
        "defense",
        "interior",
        "finance",
        "king",
        "queen",
        "prince",
        "emir",
        "sheikh",
        "pope",
        "governor",
        "senator",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "ambassador",
        "commander",
        "chief",
        "premier",
        "vice",
        "deputy",
        "state",
        "leader",
        "head",
    ]
)

_TITLE_BEFORE = re.compile(
    r"(?P<title>(?:(?:[A-Z][\w.]*(?:['’]s)?|the|of)\s+){0,3}"
    r"(?:President|Prime Minister|Foreign Minister|Defen[cs]e Minister|Interior Minister|"
    r"Finance Minister|Minister of [A-Z][a-z]+(?: [A-Z][a-z]+)?|Foreign Secretary|"
    r"Defen[cs]e Secretary|Secretary of State|Secretary of Defen[cs]e|Secretary[- ]General|"
    r"Chancellor|Mayor(?: of [A-Z][a-z]+)?|Vice[- ]President|King|Queen|Premier|Governor"
    r"|Spokes(?:man|woman|person)|Ambassador)"
    r")\s*,?\s*$"
)
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
DERIVATIONAL_SUFFIXES = frozenset(
    [
        "ism",
        "isms",
        "ist",
        "ists",
        "ite",
        "ites",
        "ian",
        "ians",
        "esque",
        "ology",
        "ologist",
        "ski",
        "ska",
        "ova",
        "ov",
        "ev",
        "in",
        "ina",
        "s",
        "es",
    ]
)
"""Endings that make a new word from a name ("Thatcherism"), not a second word."""
_CAMEL = re.compile(r"^(?P<word>[a-z]{2,})(?P<name>[A-Z][a-z]{3,})$")

REPORTING_VERBS = frozenset(
    {
        *("said", "says", "told", "tells", "added", "adds", "wrote", "writes", "spoke", "speaks"),
        *("asked", "asks", "noted", "notes", "stated", "states", "claimed", "claims", "insisted"),
        *("insists", "urged", "urges", "replied", "replies", "explained", "explains"),
    }
)
"""Words a reporter puts right after a name, where a lost space glues them to it."""
NAME_ENDINGS = frozenset(
    {
        *("more", "well", "one", "over", "side", "down", "ever", "off", "out", "own", "man", "men"),
        *("son", "ton", "land", "ham", "ley", "by", "ford", "field", "wood", "worth", "stone", "hill"),
        *("brook", "dale", "house", "water", "ville", "burg", "berg", "bury"),
    }
)
"""Stop words and words that end many surnames (Gilmore, Maxwell, Malone, Hanover): never a glued word."""
FOLLOWING_WORDS = frozenset(
    {
        *("was", "were", "has", "had", "have", "did", "does", "would", "could", "should", "will"),
        *("might", "must", "can", "cannot", "are", "and", "but", "nor", "while", "when", "whereas"),
        *("though", "although", "because", "since", "after", "before", "until", "unless", "from"),
        *("with", "into", "onto", "upon", "about", "against", "under", "through", "during", "without"),
        *("within", "toward", "towards", "between", "among", "for", "who", "which", "whose", "whom"),
        *("that", "also", "never", "however", "again", "already"),
    }
)
"""Function words that follow a name in a sentence (a verb, a conjunction, a preposition, a relative).

Other stop words end names more often than they follow one: a pronoun
(Fischer, Ibrahim), a number (Kristen), a quantifier (Woodall, Bethany),
an article (Goethe), "than" (Jonathan), "via" (Octavia), "per" (Kasper)."""
_NEVER_SPLIT_LABELS = frozenset({"GPE", "LOC", "FAC", "NORP"})


def extract_entities(
    doc: Doc, source_id: str, index: NameIndex, words: EnglishWords, tokenizer: Tokenizer, *, offset_floor: int = 0
) -> list[EntityClaim]:
    """Every name mention of one source, unlinked (linking needs the whole cluster).

    ``words`` are the English words of the pipeline that parsed ``doc``
    (`factcheck.extraction.vocabulary.english_words`): a name glued to the
    next word ("Scholzsaid") is told from a name by them.  ``tokenizer`` is
    that pipeline's tokenizer: the listed forms are split as it split the text.
    """
    spans = list(_candidate_spans(doc, _gazetteer(index, tokenizer)))
    claims: list[EntityClaim] = []
    # The characters the claims so far cover: a test costs a name's length, not the number of
    # names, so a long source stays linear (a list of spans made this stage quadratic).
    taken = CoveredText(len(doc_text(doc)))
    single_forms = _known_single_tokens(index, doc, words)
    for span, label in spans:
        if span.start_char < offset_floor:
            continue
        claim = _claim_for(span, label, source_id, single_forms, words, index)
        if claim is None or taken.overlaps(claim.start, claim.end):
            continue
        taken.add(claim.start, claim.end)
        claims.append(claim)
    for token in _maybe_glued(doc):
        if token.idx < offset_floor or taken.covers(token.idx):
            continue
        glued = _glued_claim(token, source_id, single_forms, words)
        if glued is not None:
            taken.add(glued.start, glued.end)
            claims.append(glued)
    return sorted(claims, key=lambda c: (c.start, c.end))


def _candidate_spans(doc: Doc, gazetteer: Gazetteer) -> Iterator[tuple[Span, str]]:
    """NER spans first, then gazetteer matches; longest first where they overlap."""
    found: list[tuple[Span, str]] = []
    starting_at: dict[int, list[int]] = {}  # token index -> positions in `found` of the spans starting there

    def add(span: Span, label: str) -> None:
        starting_at.setdefault(span.start, []).append(len(found))
        found.append((span, label))

    for ent in doc.ents:
        if ent.label_ in NAME_LABELS:
            add(ent, ent.label_)
    ent_tokens = {i for ent, _ in found for i in range(ent.start, ent.end)}
    for start, end in gazetteer(doc):
        if _ordinary_word(doc[start:end]):
            continue
        if not any(i in ent_tokens for i in range(start, end)):
            add(doc[start:end], "GAZETTEER")
        elif end - start > 1:
            # A longer listed name than the model's span ("Ana Kovač" tagged as "Kovač"); the
            # spans inside the match are looked up by where they start, in the order found.
            inside = sorted(k for i in range(start, end) for k in starting_at.get(i, ()))
            for k in inside:
                ent, _label = found[k]
                if ent.end <= end and (ent.end - ent.start) < end - start:
                    add(doc[start:end], _label)
    found.sort(key=lambda item: (-(item[0].end - item[0].start), item[0].start))
    yield from found


FUNCTION_POS = frozenset({"VERB", "AUX", "PRON", "DET", "ADP", "CCONJ", "SCONJ", "ADV", "PART"})


def _ordinary_word(span: Span) -> bool:
    """A lowercase match that is a word, not a miswritten name ("who" is not WHO).

    A listed form written in lower case is judged by the casing check only
    when it cannot be an everyday word: four letters or more, not a stop
    word, not used as a function word or verb by the tagger.
    """
    if not span.text.islower():
        return False
    return len(span.text) < 4 or any(t.is_stop or t.pos_ in FUNCTION_POS for t in span)


def _claim_for(
    span: Span, label: str, source_id: str, single_forms: frozenset[str], words: EnglishWords, index: NameIndex
) -> EntityClaim | None:
    tokens = _name_tokens(span, label)
    if not tokens or _everyday_word(tokens, label, index, words):
        return None
    doc = span.doc
    start = tokens[0].idx
    end = tokens[-1].idx + len(tokens[-1].text)
    text = doc_text(doc)[start:end]
    surface = _POSSESSIVE.sub("", text)
    end = start + len(surface)
    text = doc_text(doc)[start:end]
    if not any(c.isalpha() for c in surface):
        return None
    glued_to = None
    last = tokens[-1]
    place = len(tokens) == 1 and label in _NEVER_SPLIT_LABELS  # a town is one word, never a name plus a word
    split = None if place else _split_glued(last.text, single_forms, words, any_head=True)
    if split is not None and not _reads_on(last, split[1]):
        split = None
    if split is not None and last.text not in single_forms:
        name_part, glued_to = split
        surface = doc_text(doc)[start : last.idx] + name_part
    sent = sentence_of(tokens[0])
    return EntityClaim(
        source=source_id,
        start=start,
        end=end,
        text=text,
        sentence=span_text(sent),
        sentence_start=sent.start_char,
        label=label,
        surface=surface,
        glued_to=glued_to,
        title=_title_before(doc, start),
        titles=tuple(read_titles_around(doc, tokens[0].i, tokens[-1].i)),
    )


def _name_tokens(span: Span, label: str) -> list[Token]:
    """The tokens of a span that make the name: titles, possessives and stray marks cut.

    A span that runs over a line break ends there (a name then a dateline
    or a byline is two things), and a person's span with a comma keeps the
    name after it ('Tyler,"Gene Hansbrough' is a quote's end, then a name).
    """
    tokens = list(span)
    for k in range(1, len(tokens)):
        gap = doc_text(span.doc)[tokens[k - 1].idx + len(tokens[k - 1].text) : tokens[k].idx]
        if "\n" in gap or "\n" in tokens[k].text:
            tokens = tokens[:k]
            break
    if label in ("PERSON", "GAZETTEER") and any(t.text == "," for t in tokens):
        cut = max(k for k, t in enumerate(tokens) if t.text == ",")
        after = [t for t in tokens[cut + 1 :] if any(c.isalnum() for c in t.text)]
        generation = len(after) == 1 and after[0].lower_.rstrip(".") in ("jr", "sr", "ii", "iii", "iv")
        tokens = tokens[:cut] if generation or not after else tokens[cut + 1 :]
    while tokens and (
        tokens[0].lower_ in HONORIFICS
        or tokens[0].lower_ == "the"
        or tokens[0].lower_ in TITLE_WORDS
        or (label in ("PERSON", "GAZETTEER") and len(tokens) > 2 and is_role_word(tokens[0]))
        or not any(c.isalnum() for c in tokens[0].text)
    ):
        tokens.pop(0)
    while tokens and (
        not any(c.isalnum() for c in tokens[-1].text) or tokens[-1].text in ("'s", "’s", "'", "’")
    ):
        tokens.pop()
    return tokens


def _everyday_word(tokens: list[Token], label: str, index: NameIndex, words: EnglishWords) -> bool:
    """A lone word such as "Who" (the band, the question) that is no name, whatever the model says.

    A stop word is a name only in capitals ("US", "WHO") or where the model
    calls it a person ("May said"); an English word that equals a listed
    acronym but is not written in capitals, opening a sentence or in a
    title, is that word, not the acronym in the wrong case.  A listed form
    ("Nato", a house style) stays a name.
    """
    if len(tokens) != 1 or label == "PERSON":
        return False
    word = tokens[0].text
    if word.isupper() or word in index.exact:
        return False
    lower = word.lower()
    titled = word[:1].isupper()  # lowercase "nato" is the acronym miswritten: `_ordinary_word` judges it
    return lower in STOP_WORDS or (titled and lower in _listed_acronyms(index) and lower in words)


def _title_before(doc: Doc, start: int) -> str | None:
    window = doc_text(doc)[max(0, start - 80) : start]
    window = window.split("\n")[-1]
    match = _TITLE_BEFORE.search(window)
    return match["title"].strip() if match else None


def glue_word(tail: str, words: EnglishWords) -> bool:
    """Whether a lowercase word is one a lost space runs into a name.

    A glued word follows the name in the sentence: a reporting verb
    ("Scholzsaid"), a past tense ("Ekvallconfirmed") or a function word
    that follows names (`FOLLOWING_WORDS`: "Johnsonwas", not "Kristen").
    A noun ending is more often part of the name itself ("Pellman",
    "Crewmember"), and a two-letter tail is any word's ending ("-ed"), so
    neither is taken.
    """
    if len(tail) < 3 or not tail.isalpha() or not tail.islower() or tail in DERIVATIONAL_SUFFIXES:
        return False
    if tail in REPORTING_VERBS:
        return True
    if tail in STOP_WORDS:
        return tail in FOLLOWING_WORDS and tail not in NAME_ENDINGS
    return len(tail) >= 5 and tail.endswith("ed") and (tail in words.words or tail[:-2] in words or tail[:-1] in words)


def _reads_on(token: Token, tail: str) -> bool:
    """Whether the sentence goes on after a function word glued to a name ("Okonkwoand Pedro").

    A conjunction or a preposition is followed by a word; one before a
    comma or at the end of the sentence is the end of a name ("Marchand,").
    A verb may end a clause ("..., Okonkwosaid.").
    """
    if tail not in FOLLOWING_WORDS:
        return True
    doc = token.doc
    if token.i + 1 >= len(doc) or doc[token.i + 1].is_sent_start:
        return False
    return doc[token.i + 1].text[:1].isalnum()


def _split_glued(
    word: str, single_forms: frozenset[str], words: EnglishWords, *, any_head: bool = False
) -> tuple[str, str] | None:
    """``("Scholz", "said")`` for "Scholzsaid"; None when the word is not two glued.

    The head is a known single-word name when one fits; with ``any_head``,
    any capitalized head of four letters or more, for linking to confirm
    against the names of the whole cluster (`names.linking`).
    """
    if not _may_split(word):
        return None
    if word.lower() in words:
        return None
    fallback: tuple[str, str] | None = None
    for cut in range(4, len(word) - 2):  # the longest glued word first: "Ekvall|confirmed", not "Ekvallcon|firmed"
        head, tail = word[:cut], word[cut:]
        if not glue_word(tail, words):
            continue
        if head in single_forms:
            return head, tail
        if any_head and fallback is None:
            fallback = head, tail
    return fallback


def _may_split(word: str) -> bool:
    """The shape a word needs for :func:`_split_glued` to split it: six letters or more, a capital first."""
    return len(word) >= 6 and word.isalpha() and word[:1].isupper()


def _maybe_glued(doc: Doc) -> Iterator[Token]:
    """The tokens :func:`_glued_claim` may make a claim of, in order: the shape of their text allows it.

    Both shapes it reads (:func:`_may_split`, ``_CAMEL``) are six letters or
    more, which ``doc.to_array`` tells without a ``Token`` object for every
    word of the source (they cost more than the rest of this stage).
    """
    columns = doc.to_array([LENGTH, IS_ALPHA])
    for i in np.flatnonzero((columns[:, 0] >= 6) & (columns[:, 1] > 0)).tolist():
        token = doc[i]
        if _may_split(token.text) or _CAMEL.match(token.text):
            yield token


def _glued_claim(
    token: Token, source_id: str, single_forms: frozenset[str], words: EnglishWords
) -> EntityClaim | None:
    word = token.text
    name: str | None = None
    glued_to: str | None = None
    split = _split_glued(word, single_forms, words, any_head=True)
    if split is not None and _reads_on(token, split[1]):
        name, glued_to = split
    elif (
        (camel := _CAMEL.match(word))
        and camel["name"] in single_forms
        and camel["word"] in words
    ):
        name, glued_to = camel["name"], camel["word"]
    if name is None:
        return None
    sent = sentence_of(token)
    return EntityClaim(
        source=source_id,
        start=token.idx,
        end=token.idx + len(word),
        text=word,
        sentence=span_text(sent),
        sentence_start=sent.start_char,
        label="GAZETTEER",
        surface=name,
        glued_to=glued_to,
        titles=tuple(read_titles_around(token.doc, token.i, token.i)),
    )


def _known_single_tokens(index: NameIndex, doc: Doc, words: EnglishWords) -> frozenset[str]:
    """Single-word names a glued word may start with: listed forms and this text's names."""
    own = {
        token.text
        for ent in doc.ents
        if ent.label_ in NAME_LABELS
        for token in ent
        if len(token.text) >= 4
        and token.text[:1].isupper()
        and token.is_alpha
        and not _split_glued(token.text, _listed_single_tokens(index), words, any_head=True)
    }
    return _listed_single_tokens(index) | frozenset(own)


@functools.lru_cache(maxsize=8)
def _listed_acronyms(index: NameIndex) -> frozenset[str]:
    """The listed acronyms, lowercased."""
    return frozenset(e.acronym.lower() for e in index.entities.values() if e.acronym)


@functools.lru_cache(maxsize=8)
def _listed_single_tokens(index: NameIndex) -> frozenset[str]:
    return frozenset(f for f in index.single_token_forms() if f.isalpha())


@functools.lru_cache(maxsize=8)
def _gazetteer(index: NameIndex, tokenizer: Tokenizer) -> Gazetteer:
    """Every listed form of three characters or more, built once per index and tokenizer."""
    return build_gazetteer(sorted({f for f in index.exact if len(f) >= 3}), tokenizer)
