"""The titles a text gives a name: before it, in apposition, or by a verb.

News gives a person's role in a few fixed shapes, all readable from part-of-
speech tags (the dependency parser does not run on most sentences, see
`factcheck.extraction.selective_parser`):

- a title phrase right before the name: "Health Minister X", "presiding
  judge X", "Acme United manager X", "the sergeant X" (honorifics between the
  two, "Chief Science Officer Dr X", are skipped);
- an appositive after it: "X, the club's manager," "X, Director General of
  Public Works.";
- an appositive before it, closed by a comma after the name: "The state
  governor, X, said", "Acme's chief financial officer, X, is quoted";
- a verb that names the role: "an inquiry chaired by Professor X".

Each title is kept as written; `factcheck.names.titles` reads the role in it,
and a phrase without a known role ("X, a heart surgeon") is dropped there.
Honorifics are not titles (they say nothing of the role) and are not kept.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from factcheck.extraction.doc_index import doc_text, sentence_of
from factcheck.names.title_words import ABBREVIATIONS, HEADS, HONORIFIC_WORDS, PAST_WORDS, RANKS, SEATS, VAGUE_HEADS
from factcheck.names.titles import read_titles

_PHRASE_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "JJ", "JJR", "JJS", "VBG", "VBN", "HYPH", "POS", "FW"})
"""Tags of the words a title phrase is made of: nouns, adjectives, "presiding", "delegated", "'s"."""
_LINKS = frozenset({"of", "for", "to", "at", "on", "in"})
"""Prepositions inside a title: "minister of finance", "spokesman for the ministry"."""
_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our"})
_BY_VERBS = frozenset({"chaired", "coached", "managed", "captained"})
_CLOSING = frozenset({",", ".", ";", ":", ")", "—", "–", "!", "?"})
_CLOSING_TAGS = frozenset({"IN", "WP", "WDT", "VBD", "VBZ", "VBP", "MD"})
"""What may follow an appositive title: a preposition, "who", a verb ("X, chief of Y said")."""
_OPENERS = frozenset({"IN", "VBG", "VBD", "VBZ", ":", "``", "CC", "''", "-LRB-"})
"""What may come before a title in apposition before a name: "As the ...", "said the ...", a dash."""
MAX_PHRASE = 10
"""Tokens a title phrase may run to; a longer run is a clause, not a title."""
MAX_JOINED_PHRASE = 14
"""Tokens an appositive of two titles joined by "and" may run to ("senior vice president and general
manager of Acme's European Business Units")."""


def read_titles_around(doc: Doc, first: int, last: int) -> list[str]:
    """The title phrases given to the name at tokens ``first``..``last``, as written."""
    found: list[str] = []
    start = _skip_honorifics(doc, first)
    outer = start  # where an apposition before the name ends: before any title ("The X of Y, the captain Z")
    if (before := _before(doc, start)) is not None:
        found.append(before[0])
        outer = before[1] - (before[1] > 0 and doc[before[1] - 1].lower_ in _DETERMINERS)
    for phrase in (_by_verb(doc, start), _apposition_after(doc, last), _apposition_before(doc, outer, last)):
        if phrase:
            found.append(phrase)
    return [p for p in dict.fromkeys(found) if read_titles(p, any_time=True)]


def is_role_word(token: Token) -> bool:
    """A capitalized office or rank noun ("Gaffer", "Judge") that a name span may have swallowed."""
    lower = token.lower_.rstrip(".")
    return token.text[:1].isupper() and (lower in RANKS or lower in HEADS or lower in SEATS)


def _skip_honorifics(doc: Doc, first: int) -> int:
    """The index of the first token of the name with the honorifics before it ("Dr", "Professor")."""
    i = first
    while i > 0 and doc[i - 1].lower_.rstrip(".") in HONORIFIC_WORDS and doc[i - 1].text[:1].isupper():
        i -= 1
    return i


def _in_phrase(token: Token, *, person_ok: bool = False) -> bool:
    """A word a title phrase may hold; another person's name ends the phrase unless ``person_ok``."""
    return token.tag_ in _PHRASE_TAGS and "\n" not in token.text and (person_ok or token.ent_type_ != "PERSON")


def _text(doc: Doc, start: int, end: int) -> str:
    """The text of tokens ``start``..``end - 1``, as the source has it."""
    return doc_text(doc)[doc[start].idx : doc[end - 1].idx + len(doc[end - 1].text)]


def _before(doc: Doc, start: int) -> tuple[str, int] | None:
    """A title phrase ending right before the name, and its first token: "Deputy Governor X".

    A name inside the phrase is taken as an organisation's ("Acme United
    manager X", which the tagger may call a person), never the name itself.
    """
    sentence_start = sentence_of(doc[start]).start if start < len(doc) else 0
    if start == sentence_start and _abbreviation_stop(doc, start):
        sentence_start = sentence_of(doc[start - 2]).start  # "Sgt. Barry X": the model ends a sentence at "Sgt."
    i = start
    while i > sentence_start and start - i < MAX_PHRASE:
        token = doc[i - 1]
        if "\n" in token.whitespace_:
            break
        if (
            _abbreviation_stop(doc, i)
            or _in_phrase(token, person_ok=i < start or is_role_word(token))
            or (token.lower_ in _LINKS and i < start and i - 1 > sentence_start and _in_phrase(doc[i - 2]))
            or (token.lower_ == "the" and i < start and i - 1 > sentence_start and doc[i - 2].lower_ in _LINKS)
        ):
            i -= 1
        else:
            break
    while i < start and (doc[i].lower_ in _LINKS or doc[i].lower_ == "the" or doc[i].tag_ in ("POS", "HYPH")):
        i += 1
    if i >= start:
        return None
    begin = i
    if i - 1 > sentence_start and doc[i - 1].text == "-" and doc[i - 2].lower_ in PAST_WORDS:
        i -= 2  # "then-Mayor X", "ex-manager X": the title of another time, marked as such
    elif i > sentence_start and doc[i - 1].lower_ in PAST_WORDS - {"then"}:
        i -= 1
    last = doc[start - 2 if _abbreviation_stop(doc, start) else start - 1].lower_.rstrip(".")
    last_two = f"{doc[start - 2].lower_} {last}" if start - 2 >= i else last  # "District Attorney X"
    links = [k for k in range(i + 1, start - 1) if doc[k].lower_ in _LINKS]
    if (
        last in HEADS
        or last_two in HEADS
        or last in RANKS
        or last in SEATS
        or last in VAGUE_HEADS
        or last in ABBREVIATIONS
    ):
        if links:  # "the visit of Finance Minister X": the title is what follows the last link
            i = links[-1] + 1
    elif not links:  # "Minister of Finance X" keeps its complement; anything else is no title
        return None
    return _text(doc, i, start), begin


def _abbreviation_stop(doc: Doc, i: int) -> bool:
    """Whether the token before ``i`` is the full stop of a rank's abbreviation ("Sgt", "." in "Sgt. X")."""
    return (
        i >= 2
        and doc[i - 1].text == "."
        and not doc[i - 1].whitespace_.count("\n")
        and not doc[i - 2].whitespace_
        and doc[i - 2].lower_ in ABBREVIATIONS
    )


def _by_verb(doc: Doc, start: int) -> str | None:
    """ "chaired by X": the verb gives the role."""
    if start >= 2 and doc[start - 1].lower_ == "by" and doc[start - 2].lower_ in _BY_VERBS:
        return _text(doc, start - 2, start)
    return None


def _apposition_after(doc: Doc, last: int) -> str | None:
    """ "X, the club's manager," / "X, Chief Medical Officer.": a title phrase after a comma."""
    comma = last + 1
    if comma >= len(doc) or doc[comma].text != ",":
        return None
    sentence_end = sentence_of(doc[last]).end
    i = comma + 1
    begin = i
    if i < sentence_end and doc[i].lower_ in _DETERMINERS:
        i += 1
    end = i
    while end < sentence_end and end - begin < (MAX_JOINED_PHRASE if _joined(doc, i, end) else MAX_PHRASE):
        token = doc[end]
        if (
            _in_phrase(token)
            or (token.lower_ in ("and", "&") and end > i)
            or (token.lower_ in _LINKS and end > i)
            or (token.lower_ == "the" and doc[end - 1].lower_ in _LINKS)
        ):
            end += 1
        else:
            break
    while end > i and (doc[end - 1].lower_ in _LINKS | {"the", "and", "&"} or doc[end - 1].tag_ == "HYPH"):
        end -= 1
    if end <= i:
        return None
    closed = end >= sentence_end or doc[end].text in _CLOSING or doc[end].tag_ in _CLOSING_TAGS
    return _text(doc, begin, end) if closed else None


def _joined(doc: Doc, begin: int, end: int) -> bool:
    """Whether the phrase so far joins two titles with "and" ("president and chief executive")."""
    return any(doc[k].lower_ in ("and", "&") for k in range(begin + 1, end))


def _apposition_before(doc: Doc, start: int, last: int) -> str | None:
    """ "The regional president, X, said": a title phrase, a comma, the name, and a closing mark."""
    if start < 2 or doc[start - 1].text != ",":
        return None
    after = last + 1
    if after < len(doc) and doc[after].text not in _CLOSING:
        return None  # "After meeting the manager, X said": the phrase is no apposition
    sentence_start = sentence_of(doc[start]).start
    end = start - 1
    i = end
    while i > sentence_start and end - i < MAX_PHRASE:
        token = doc[i - 1]
        if "\n" in token.whitespace_:
            break
        if (
            _in_phrase(token, person_ok=i < end)
            or token.lower_ in _LINKS
            or (token.lower_ == "the" and i - 2 >= sentence_start and doc[i - 2].lower_ in _LINKS)
        ):
            i -= 1
        else:
            break
    while i < end and (doc[i].lower_ in _LINKS or doc[i].tag_ in ("POS", "HYPH")):
        i += 1
    if i >= end:
        return None
    if i > sentence_start:
        before = doc[i - 1]
        if before.lower_ in _DETERMINERS:
            i -= 1
        elif before.tag_ not in _OPENERS:
            return None
    return _text(doc, i, end)
