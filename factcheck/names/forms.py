"""How two written forms of a name differ, word by word.

A cluster's sources name one person or organization in many forms that are
all right: with or without a middle name or initial ("Mira K. Osei", "Mira
Osei"), with a nickname in quotes, with a short first name ("Stan" for
"Stanley"), in the plural ("QuillBook Pros"), in British or American spelling
("Centre", "Center"), with an abbreviation ("Rd." for "Road").  None of those
is a misspelling, and reporting them as one costs the reader's trust in the
real ones ("Malcom" for "Malcolm", "Advisers" for "Advisors").  This module
says which kind of difference two forms show, so linking can call the first
kind a variant and keep the second for ``name-spelling``.

The words compared are folded (`folding.fold`): case, accents and
punctuation aside.  Accents are judged on their own: a form without any
accent is a plain-ASCII rendering (a variant), a form with *other* accents
than the majority's is a misspelling.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from factcheck.names.folding import accent_key, fold, translit_key


class Difference(IntEnum):
    """How far apart two forms of one name are, from none to a near miss."""

    SAME = 0
    """The same letters (case, punctuation and spacing aside)."""
    FORM = 1
    """A fuller or shorter form, a convention or an abbreviation: a variant."""
    ACCENTS = 2
    """The same letters with different accents, both forms accented: a misspelling."""
    NEAR = 3
    """A near miss in the letters of a word: a likely misspelling."""


_QUOTED = re.compile(r"[\"“”„«»][^\"“”„«»]{1,40}[\"“”„«»]|(?<!\w)['‘][^'‘’]{1,40}['’](?!\w)")
_GENERATION = frozenset({"jr", "sr", "junior", "senior", "ii", "iii", "iv"})
_FILLER = frozenset({"and", "the"})
"""Words an organization's name may have or drop ("Fire and Rescue", "Fire & Rescue")."""

ABBREVIATIONS: dict[str, str] = {
    "road": "rd",
    "street": "st",
    "saint": "st",
    "avenue": "ave",
    "boulevard": "blvd",
    "mount": "mt",
    "fort": "ft",
    "company": "co",
    "corporation": "corp",
    "incorporated": "inc",
    "limited": "ltd",
    "department": "dept",
    "international": "intl",
    "university": "univ",
    "brothers": "bros",
    "association": "assn",
    "national": "natl",
    "government": "govt",
}
"""Well-known abbreviations in names of places and organizations, long form to short."""

# British spellings rewritten to American ones, in order; each is a spelling
# convention applied by a house style, not a choice between two names.
_BRITISH: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), repl)
    for pattern, repl in (
        (r"(?<=[bt])re(s?)$", r"er\1"),  # centre, theatre, metre, fibre
        (r"our(?=s?$|ite|hood|able|ed|ing)", "or"),  # labour, harbour, neighbourhood, honoured
        (r"(?<=[a-z]{3})is(?=e[sd]?$|ing$|ation)", "iz"),  # recognised, organisation
        (r"(?<=[a-z]{3})ys(?=e[sd]?$|ing$)", "yz"),  # analyse
        (r"^(defen|offen|licen|preten)ce", r"\1se"),  # defence, licence
        (r"ogue$", "og"),  # catalogue
        (r"amme$", "am"),  # programme
        (r"(?<=[aeiou])ll(?=ed$|ing$|ers?$|ors?$)", "l"),  # travelled, counsellor
        (r"^judgement", "judgment"),
        (r"^aeroplane", "airplane"),
    )
)


@functools.lru_cache(maxsize=1 << 16)
def convention_word(word: str) -> str:
    """A folded word with the conventions of its spelling undone.

    British spellings become American, long forms of well-known
    abbreviations their short form, and a plural its singular ("Rangers",
    "Ranger"), so "Harwell Treatment Centre" and "...Center", or "Brackley
    Rangers" and "Brackley Ranger", compare equal.  "Advisers" and "Advisors"
    do not: both spellings exist in every variety of English, so a
    company's name fixes one of them and the other is a mistake.
    """
    for pattern, repl in _BRITISH:
        word = pattern.sub(repl, word)
    word = ABBREVIATIONS.get(word, word)
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def name_words(surface: str) -> list[str]:
    """The folded words of a name, quoted nicknames and generational suffixes cut.

    'Dario "The Hammer" Voskuijlen' is Dario Voskuijlen with a nickname, and
    "Martin Luther King Jr." is King: neither part is a spelling.
    """
    return list(_name_words(surface))


@functools.lru_cache(maxsize=1 << 16)
def _name_words(surface: str) -> tuple[str, ...]:
    """`name_words`, remembered: a cluster's linking asks for the words of the same names again and again."""
    words = fold(_QUOTED.sub(" ", surface)).split()
    while len(words) > 1 and words[-1] in _GENERATION:
        words.pop()
    return tuple(words)


@functools.lru_cache(maxsize=1 << 16)
def _raw_words(surface: str) -> tuple[str, ...]:
    """The lowercased words with accents kept, aligned with `name_words` where the counts agree."""
    text = _QUOTED.sub(" ", surface).lower().replace("-", " ").replace(".", ". ")
    words = [w for w in (re.sub(r"[^\w]", "", w) for w in text.split()) if w]
    while len(words) > 1 and fold(words[-1]) in _GENERATION:
        words.pop()
    return tuple(words)


@dataclass(frozen=True)
class Thresholds:
    """How close the differing words of two forms must be to be one name."""

    name_part: float = 70.0
    full_name: float = 82.0


def accented(text: str) -> bool:
    """Whether a form has a letter beyond ASCII: an accent, or a letter such as "ø" or "ł"."""
    return any(ord(c) > 127 and c.isalpha() for c in text)


def _word_difference(a: str, b: str, raw_a: str | None, raw_b: str | None, part: float) -> Difference | None:
    if a == b:
        if raw_a and raw_b and accent_key(raw_a) != accent_key(raw_b) and accented(raw_a) and accented(raw_b):
            return Difference.ACCENTS
        return Difference.SAME
    if translit_key(a) == translit_key(b):
        return Difference.FORM
    if a[:1] != b[:1] and fuzz.ratio(a, b) < 90:
        return None
    if any(c.isdigit() for c in a + b):
        return None  # "X400" and "X600" are two products, not one misspelt
    if len(a) >= 4 and len(a) == len(b) and OSA.distance(a, b) == 1 and sorted(a) == sorted(b):
        return Difference.NEAR  # two letters swapped ("Riat" for "Rait"): a typing slip, whatever the ratio
    return Difference.NEAR if fuzz.ratio(a, b) >= part else None


def _first_name_difference(a: str, b: str, raw_a: str | None, raw_b: str | None, part: float) -> Difference | None:
    """First names: an initial or a leading short form ("Stan", "Stanley") is the same name."""
    short, long_ = sorted((a, b), key=len)
    if short != long_ and (len(short) == 1 or len(short) >= 3) and long_.startswith(short):
        return Difference.FORM
    if len(short) == 1 or len(long_) == 1:
        return None
    return _word_difference(a, b, raw_a, raw_b, part)


def person_difference(a: str, b: str, t: Thresholds = Thresholds()) -> Difference | None:
    """How two written forms of a person's full name differ, or None when they are two people.

    Only the first name and the surname are compared: a middle name or
    initial, present in one form and not the other or written as an initial,
    is a fuller form of the same name.  The surnames must be close on their
    own, the first names compatible, and the two close as a whole.
    """
    wa, wb = name_words(a), name_words(b)
    if len(wa) < 2 or len(wb) < 2:
        return None
    ra, rb = _raw_words(a), _raw_words(b)
    ra_ok, rb_ok = len(ra) == len(wa), len(rb) == len(wb)
    last = _word_difference(wa[-1], wb[-1], ra[-1] if ra_ok else None, rb[-1] if rb_ok else None, max(t.name_part, 80))
    if last is Difference.NEAR and convention_word(wa[-1]) == convention_word(wb[-1]):
        # "Harbour Gull" and "Harbour Gulls", "Night Owl" and "Night Owls": the model
        # calls teams and nicknames persons, and a plural is no misspelling.
        last = Difference.FORM
    if last is None:
        return None
    first = _first_name_difference(wa[0], wb[0], ra[0] if ra_ok else None, rb[0] if rb_ok else None, t.name_part)
    if first is None:
        return None
    worst = max(first, last)
    if worst == Difference.NEAR and fuzz.ratio(f"{wa[0]} {wa[-1]}", f"{wb[0]} {wb[-1]}") < t.full_name:
        return None
    if worst == Difference.SAME and len(wa) != len(wb):
        return Difference.FORM
    return worst


@functools.lru_cache(maxsize=1 << 16)
def _org_words(surface: str) -> tuple[str, ...]:
    return tuple(convention_word(w) for w in _name_words(surface) if w not in _FILLER)


def convention_key(surface: str) -> str:
    """An organization's or a place's name with its spelling conventions undone (`convention_word`)."""
    return " ".join(_org_words(surface))


def org_difference(a: str, b: str, t: Thresholds = Thresholds()) -> Difference | None:
    """How two written forms of an organization's (or a place's) name differ, or None for two names.

    The words are compared in order, after `convention_word`; a word more or
    less ("University of South Ferrow", "University of Ferrow") makes
    another name, and so does a word that is no near miss of its
    counterpart ("Ferrow Library Association", "Ferrow Medical
    Association").
    """
    wa, wb = _org_words(a), _org_words(b)
    if not wa or len(wa) != len(wb):
        return None
    ra, rb = _raw_words(a), _raw_words(b)
    raw_ok = len(ra) == len(wa) and len(rb) == len(wb)
    worst = Difference.SAME
    for i, (x, y) in enumerate(zip(wa, wb, strict=True)):
        diff = _word_difference(x, y, ra[i] if raw_ok else None, rb[i] if raw_ok else None, max(t.name_part, 80))
        if diff is None:
            return None
        worst = max(worst, diff)
    if worst == Difference.NEAR and fuzz.ratio(" ".join(wa), " ".join(wb)) < t.full_name:
        return None
    if worst == Difference.SAME and _name_words(a) != _name_words(b):
        return Difference.FORM  # a plural, a convention or an abbreviation
    return worst


def difference(a: str, b: str, person: bool, t: Thresholds = Thresholds()) -> Difference | None:
    """`person_difference` or `org_difference`, by the kind of name."""
    return person_difference(a, b, t) if person else org_difference(a, b, t)


def first_name_key(surface: str) -> str:
    """The folded first name, for telling two people of one surname apart."""
    words = name_words(surface)
    return words[0] if len(words) > 1 else ""


def related_first_names(a: str, b: str) -> bool:
    """One first name as written two ways: equal, an initial, a short form, a transliteration."""
    if not a or not b:
        return True
    return _first_name_difference(a, b, None, None, 100.0) in (Difference.SAME, Difference.FORM)


def unaccented(surface: str, others: Sequence[str]) -> bool:
    """Whether ``surface`` drops every accent the other forms have ("Orban" beside "Orbán")."""
    return not accented(surface) and any(accented(o) for o in others)
