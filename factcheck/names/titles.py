"""Titles and roles as news writes them, normalised so two can be compared.

A source calls someone "Finance Minister X", "X, the club's manager", "The
regional president, X" or says a committee was "chaired by X"; another
source gives the same person another role.  Whether the two can both be true
is a question about the roles, not the words: "Gov." is "Governor", "CEO" is
"chief executive", "minister of finance" is "finance minister", a "presiding
judge" is a judge, and "president" of a central bank is a literal rendering
of "governor".  This module turns a title as written into `Title` values
(the role, whether it is a deputy's, its portfolio, the organisation named
with it) and says how two titles relate (`relation`); the words it knows are
in `factcheck.names.title_words`.

A person has a rank, an office and an elected seat, each compared only with
its own kind: "navy spokesman Commander X" is a spokesman and a commander,
"Committee Chairman Rep. X" a chairman and a representative.  Titles of two
different organisations ("AcmeSoft CEO", "new Globex general manager") are
not compared: one person may hold both, or moved from one to the other.

Honorifics (Dr, Professor, Sir) are not titles: they say nothing about the
role a person holds in the story, so they are never compared.  Vague heads
("boss", "chief", "head", "leader", "official") fit any role and are never
compared either.  Titles marked as past or future ("former", "ex-",
"-elect", "designate", "new") describe another time and are left out.
"""

from __future__ import annotations

import enum
import functools
import re
from dataclasses import dataclass

from factcheck.names.title_words import (
    ABBREVIATIONS,
    CHIEF_OFFICER,
    DEPUTY_WORDS,
    FUTURE_WORDS,
    GENERAL_OFFICES,
    HEADS,
    HONORIFIC_WORDS,
    LOOSE_FAMILIES,
    PAST_WORDS,
    PORTFOLIO_HEADS,
    PORTFOLIOS,
    QUALIFIERS,
    RANK_PREFIXES,
    RANKS,
    SAME_FAMILIES,
    SEATS,
    UNIQUE_HEADS,
    VAGUE_HEADS,
)


class Dimension(enum.Enum):
    """What a title says: a rank ("Captain"), an office ("manager") or a seat ("Senator")."""

    RANK = "rank"
    OFFICE = "office"
    SEAT = "seat"


class Relation(enum.Enum):
    """How two titles of one person relate."""

    SAME = "same"
    """One role in other words, or one a part of the other ("minister", "finance minister")."""
    LOOSE = "loose"
    """Different words that may be the same role (a translation, a house usage, a deputy's title)."""
    CONFLICT = "conflict"
    """Two roles one person cannot hold in one story as told ("judge" and "prosecutor")."""
    UNRELATED = "unrelated"
    """Not comparable: a rank and an office, or offices of two organisations."""


@dataclass(frozen=True)
class Title:
    """A title as a role: what to compare, and how it was written (for messages)."""

    written: str
    head: str
    dimension: Dimension
    deputy: bool = False
    portfolio: frozenset[str] = frozenset()
    org: frozenset[str] = frozenset()
    """Words naming the organisation ("Acme's", "of the Central Bank"), lowercased."""
    context: frozenset[str] = frozenset()
    """The organisation's words and every other word of the field ("director of emergency services")."""

    @property
    def unique(self) -> bool:
        """Whether one person at a time holds this title (so another holder shows a mix-up)."""
        if self.deputy or self.dimension is not Dimension.OFFICE:
            return False
        if self.head in PORTFOLIO_HEADS:
            return bool(self.portfolio)
        return self.head in UNIQUE_HEADS or CHIEF_OFFICER.match(self.head) is not None


_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|/)\s*", re.I)
_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*\.?")
_COMPLEMENT = re.compile(r"\s+(?:of|for|to|at|on|in)\s+", re.I)
"""Where a title's complement starts: "minister of finance", "spokesman for the ministry", "envoy to the UN"."""
_POSSESSOR = re.compile(r"^(?P<org>.*?)['’]s?\s+(?P<rest>.*)$")
_BY_VERB = re.compile(r"(?P<verb>chaired|coached|managed|presided over|captained) by")
_VERB_ROLES = {"chaired": "chair", "coached": "coach", "managed": "manager", "presided over": "president"}
_VERB_ROLES["captained"] = "captain"
_FUNCTION_WORDS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "this", "of", "and"})


def read_titles(written: str, *, any_time: bool = False) -> list[Title]:
    """The titles a written title phrase gives ("President and CEO of X" gives two); none for a vague one.

    A title of another time ("former manager", "President-elect") gives none,
    unless ``any_time``: it is no claim about the story's present.
    """
    if not any_time and time_shifted(written):
        return []
    return list(_read_titles(written))


def time_shifted(written: str) -> bool:
    """A past or future title ("former manager", "President-elect"): another time than the story's.

    "new" counts in lower case only: "New York Mayor" is no new mayor.
    """
    for token in re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)*", written):
        for word in {token, *token.split("-")}:
            lower = word.lower()
            if lower in PAST_WORDS | FUTURE_WORDS and (not lower.startswith("new") or word.islower()):
                return True
    return False


@functools.lru_cache(maxsize=8192)
def _read_titles(written: str) -> tuple[Title, ...]:
    text = written.strip()
    if (verb := _BY_VERB.fullmatch(text.lower())) is not None:
        role = _VERB_ROLES[verb["verb"]]
        return (Title(written, role, Dimension.RANK if role in RANKS else Dimension.OFFICE),)
    org: set[str] = set()
    if (possessor := _POSSESSOR.match(text)) is not None and not _COMPLEMENT.search(possessor["org"]):
        org.update(w for w, _ in _words(possessor["org"]))
        text = possessor["rest"]
    pieces = _COMPLEMENT.split(re.sub(r"(?i)\s+in\s+chief\b", "-in-chief", text), maxsplit=1)
    main, complement = pieces[0], _words(pieces[1]) if len(pieces) > 1 else []
    org.update(w for w, capital in complement if capital and _is_org_word(w))
    found: list[Title] = []
    for part in _SPLIT.split(main):
        found.extend(_read_part(written, _words(part), [w for w, _ in complement], frozenset(org)))
    return tuple(found)


def _words(text: str) -> list[tuple[str, bool]]:
    """(lowercase word, written with a capital) pairs; abbreviations expanded, "vice-president" split."""
    words: list[tuple[str, bool]] = []
    for raw in _WORD.findall(text):
        word, capital = raw.rstrip(".").lower(), raw[:1].isupper()
        if word in ABBREVIATIONS:
            words.extend((w, capital) for w in ABBREVIATIONS[word].split())
        elif word in HEADS or word in SEATS:
            words.append((word, capital))
        else:
            words.extend((w, capital) for w in word.split("-") if w)
    return [(w, c) for w, c in words if w not in _FUNCTION_WORDS and w not in HONORIFIC_WORDS]


def _is_org_word(word: str) -> bool:
    """A capitalized word that is none of the title's own words: a name of the organisation."""
    known = (HEADS, SEATS, RANKS, RANK_PREFIXES, DEPUTY_WORDS, PORTFOLIOS, QUALIFIERS, VAGUE_HEADS)
    return not any(word in words for words in known)


def _read_part(written: str, words: list[tuple[str, bool]], complement: list[str], org: frozenset[str]) -> list[Title]:
    """The titles in one run of words, read from its end: "navy spokesman Commander" is two."""
    titles: list[Title] = []
    end = len(words)
    pending: tuple[str, Dimension, int] | None = None  # the head found last, and where it starts
    last_end = end
    while end > 0:
        found = _head_ending(words[:end], complement if last_end == len(words) else [])
        if found is not None and pending is not None and found[1] is Dimension.RANK:
            found = None  # a rank word before an office modifies it ("Lieutenant Governor")
        if found is None:
            end -= 1
            continue
        head, dimension, size = found
        if pending is not None:
            titles.append(_title(written, pending, words, end, complement, org, len(titles) == 0))
        pending = (head, dimension, end - size)
        last_end = end
        end -= size
    if pending is not None:
        titles.append(_title(written, pending, words, 0, complement, org, len(titles) == 0))
    return titles


def _title(
    written: str,
    head: tuple[str, Dimension, int],
    words: list[tuple[str, bool]],
    floor: int,
    complement: list[str],
    org: frozenset[str],
    last: bool,
) -> Title:
    """The title of ``head`` (role, kind, first word), the words from ``floor`` to it its modifiers."""
    role, dimension, start = head
    modifiers = words[floor:start]
    own_complement = complement if last else []
    names = org | {w for w, capital in modifiers if capital and _is_org_word(w)}
    if dimension is Dimension.OFFICE and role == "commander" and not modifiers and not own_complement:
        dimension = Dimension.RANK  # "Commander X" is the naval rank; "commander of the sector" the post
    field_words = [w for w, _ in modifiers] + own_complement
    portfolio = frozenset(PORTFOLIOS[w] for w in field_words if w in PORTFOLIOS)
    if role == "secretary" and "state" in own_complement and not portfolio:
        portfolio = frozenset({"foreign"})  # "Secretary of State": the foreign post
    deputy = any(w in DEPUTY_WORDS for w, _ in modifiers)
    context = names | {w for w in field_words if w not in QUALIFIERS and w not in DEPUTY_WORDS}
    return Title(
        written, role, dimension, deputy=deputy, portfolio=portfolio, org=frozenset(names), context=frozenset(context)
    )


def _head_ending(words: list[tuple[str, bool]], complement: list[str]) -> tuple[str, Dimension, int] | None:
    """The role whose words end the list, its kind and its length in words; None if the last word ends none."""
    lower = [w for w, _ in words]
    if lower and lower[-1] in ("chief", "head") and complement[:1] in (["staff"], ["police"]):
        return HEADS[f"chief of {complement[0]}"], Dimension.OFFICE, 1
    if (rank := _rank(lower)) is not None:
        return rank, Dimension.RANK, len(rank.split())
    for size in (4, 3, 2, 1):
        if len(lower) < size:
            continue
        phrase = " ".join(lower[-size:])
        if phrase in HEADS:
            return HEADS[phrase], Dimension.OFFICE, size
        if phrase in SEATS:
            return SEATS[phrase], Dimension.SEAT, size
        if CHIEF_OFFICER.match(phrase):
            return phrase, Dimension.OFFICE, size
    return None


def _rank(words: list[str]) -> str | None:
    """A rank ("rear admiral", "the captain") ending the words, else None."""
    if not words or words[-1] not in RANKS:
        return None
    if words[-1] == "general" and len(words) > 1 and words[-2] in GENERAL_OFFICES:
        return None
    start = len(words) - 1
    while start > 0 and words[start - 1] in RANK_PREFIXES | RANKS:
        start -= 1
    return " ".join(words[start:])


def _other_orgs(a: Title, b: Title) -> bool:
    """Whether the titles name two different organisations ("AcmeSoft CEO", "Globex general manager").

    A capitalized field ("Director General of Emergency Services") reads like
    an organisation's name; it is one organisation with another title that
    names the field in any way ("the region's director of emergency services").
    """
    if not a.org or not b.org or a.context & b.context:
        return False
    joined_a, joined_b = "".join(sorted(a.org)), "".join(sorted(b.org))
    return joined_a not in joined_b and joined_b not in joined_a


def relation(a: Title, b: Title) -> Relation:
    """How two titles given to one person relate (symmetric)."""
    if a.dimension is not b.dimension or _other_orgs(a, b):
        return Relation.UNRELATED
    if a.dimension is Dimension.RANK:
        short, long = sorted((a.head.split(), b.head.split()), key=len)
        return Relation.SAME if long[-len(short) :] == short else Relation.CONFLICT
    if a.dimension is Dimension.SEAT:
        return Relation.SAME if a.head == b.head else Relation.LOOSE
    if a.head == b.head or any(a.head in f and b.head in f for f in SAME_FAMILIES):
        if a.head in PORTFOLIO_HEADS and a.portfolio and b.portfolio and not a.portfolio & b.portfolio:
            return Relation.CONFLICT
        return Relation.LOOSE if a.deputy != b.deputy else Relation.SAME
    if any(a.head in f and b.head in f for f in LOOSE_FAMILIES):
        if a.head in PORTFOLIO_HEADS and b.head in PORTFOLIO_HEADS and a.portfolio and b.portfolio:
            return Relation.SAME if a.portfolio & b.portfolio and a.deputy == b.deputy else Relation.CONFLICT
        return Relation.LOOSE
    return Relation.CONFLICT


def same_office(a: Title, b: Title) -> bool:
    """Whether two titles name one single-holder office (for a title given to two people)."""
    if not (a.unique and b.unique) or relation(a, b) is not Relation.SAME or a.head != b.head:
        return False
    return a.portfolio == b.portfolio
