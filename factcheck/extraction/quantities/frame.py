"""What a figure states beyond its noun: the predicate, whose it is, a rate, a part, an age.

Two sources that both mention "150 passengers" may state different facts:
a ferry "licensed to carry 150 passengers" and one "carrying 150 passengers";
"25,000 passengers a day" is a rate, "seven of the nine members" a part,
"a 58-year-old" an age.  The alignment stage compares figures only when
these agree, so they are read here, from the dependency parse, where the
sentence is still at hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from factcheck.extraction.doc_index import doc_text, entity_of
from factcheck.extraction.quantities.change import Change, change_of
from factcheck.extraction.quantities.counted import subgroup_of

RATE_WORDS: dict[str, str] = {
    "day": "day", "daily": "day", "week": "week", "weekly": "week", "month": "month",
    "monthly": "month", "year": "year", "annually": "year", "yearly": "year", "annual": "year",
    "hour": "hour", "hourly": "hour", "minute": "minute", "second": "second", "night": "night",
    "share": "share", "head": "person", "person": "person", "capita": "person",
    "game": "game", "match": "game", "season": "season", "barrel": "barrel", "tonne": "tonne",
    "ton": "tonne", "dozen": "dozen", "hundred": "hundred",
    "kilogram": "kilogram", "kg": "kilogram", "litre": "litre", "liter": "litre",
    "gallon": "gallon", "square": "square",
}  # fmt: skip
"""What a rate is per ("410,000 barrels a day", "57 cents a share", "per capita")."""

_RATE_AFTER = re.compile(
    r"\s*(?:(?:a|an|per)\s+(?P<area>square\s+(?:foot|feet|met(?:re|er)|mile|kilomet(?:re|er)|yard))s?"
    r"|per\s+(?P<explicit>[A-Za-z][A-Za-z0-9]*)"
    r"|(?:a|an|each|every|a\s+single)\s+(?P<per>[A-Za-z]+)|/\s*(?P<slash>[A-Za-z]+)"
    r"|(?P<adverb>daily|weekly|monthly|annually|yearly|hourly|a\s+head|apiece|each))\b",
    re.IGNORECASE,
)
_TOTAL_AROUND = re.compile(r"\b(?:in\s+(?:all|total)|altogether|a\s+total\s+of|total(?:ling|ing)?)\b", re.IGNORECASE)
_AGE_AFTER = re.compile(r"\s*(?:-|\s)(?:year|month|week)s?(?:-|\s)old\b|\s*(?:years?|months?)\s+old\b", re.IGNORECASE)
_AGE_BEFORE = re.compile(
    r"\b(?:aged|age|at\s+age|ages)\s*(?:[0-9]{1,3}\s*(?:,|and|or|to|-)\s*)*$", re.IGNORECASE
)
""""aged 40", and each age of a list: "two men, aged 24 and 31"."""
_AGE_CLAUSE_BEFORE = re.compile(r",\s*(?:who\s+(?:is|was|turned|turns|will\s+be)|now|then)\s+$", re.IGNORECASE)
""""the singer, now 63,", "the former minister, who was 81,": an age said of the person before."""

LIGHT_VERBS = frozenset({"be", "have", "become", "remain", "stand", "get", "include", "say", "see", "make"})
"""Verbs that state no event of their own: the figure's fact lies in their complement, or nowhere."""

HOLDER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT"})

PERSON_NOUNS = frozenset({
    "man", "woman", "boy", "girl", "person", "driver", "victim", "suspect", "officer", "pilot",
    "passenger", "resident", "worker", "teacher", "student", "nurse", "doctor", "soldier", "father",
    "mother", "son", "daughter", "husband", "wife", "brother", "sister", "grandmother", "grandfather",
    "owner", "farmer", "player", "actor", "singer", "writer", "author", "artist", "journalist",
    "photographer", "lawyer", "judge", "mayor", "minister", "president", "chairman", "founder",
    "director", "manager", "executive", "employee", "engineer", "mechanic", "cyclist", "pedestrian",
    "motorist", "rider", "runner", "swimmer", "climber", "hiker", "fisherman", "firefighter",
    "policeman", "guard", "survivor", "witness", "defendant", "prisoner", "inmate", "patient",
    "tourist", "migrant", "refugee", "veteran", "pensioner", "retiree", "neighbour", "neighbor",
    "friend", "partner", "spokesman", "spokeswoman", "spokesperson", "gunman", "attacker",
    "shooter", "teenager", "teen", "toddler", "baby", "infant", "child", "customer", "candidate",
    "coach", "captain", "priest", "vicar", "landlord", "tenant", "shopkeeper", "chef", "baker",
})  # fmt: skip
"""Nouns for one person, whom a figure in apposition gives an age: "the driver, 45, was"."""


@dataclass(frozen=True)
class Frame:
    """What the parse says of one figure."""

    predicate: str | None = None
    holder: str | None = None
    per: str | None = None
    scope: str | None = None
    attribute: str | None = None
    change: Change | None = None
    verb: Token | None = None
    """The verb the figure hangs from, before open clauses are climbed (for elided nouns)."""


def frame_of(doc: Doc, anchor: Token, noun: Token | None, start: int, end: int, unit: str | None) -> Frame:
    """The frame of the figure spanning ``start:end``.

    ``anchor`` is the figure's last token (or its unit's), ``noun`` the
    noun it counts, if any.  The figure's place in the sentence is the noun's
    when the number modifies it ("23 people died"), the anchor's when the
    noun is its "of" object ("39% of the vote", "dozens of people").
    """
    text = doc_text(doc)
    head = noun if noun is not None and (anchor.head.i == noun.i or anchor.i in _left_edge(noun)) else anchor
    if _is_age(text, start, end, unit) or appositive_age(doc, start, end, unit):
        return Frame(attribute="age", holder=_age_holder(head))
    per = _rate(text, end) or _rate_adjective(head)
    scope = "total" if _TOTAL_AROUND.search(text, max(0, start - 14), min(len(text), end + 14)) else None
    if scope is None and unit is None and _is_part(anchor, start, end):
        scope = "part"
    elif scope is None and unit is None and _is_whole(head):
        scope = "whole"
    change = change_of(text, head, noun, start, end, unit)
    return Frame(
        predicate=predicate_of(head), holder=_holder(head), per=per, scope=scope, change=change, verb=_verb_above(head)
    )


def _verb_above(token: Token) -> Token | None:
    for _ in range(6):
        if token.head.i == token.i:
            return None
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token
    return None


def same_clause_verb(a: Token | None, b: Token | None) -> bool:
    """Two figures hang from one verb, or from verbs joined in one sentence ("carry 150 but was carrying 212")."""
    if a is None or b is None:
        return False
    if a.i == b.i:
        return True
    joined = a.head.i == b.i or b.head.i in (a.i, a.head.i)
    return joined and str(a.lemma_).lower() == str(b.lemma_).lower()


_RATE_ADJECTIVES = {"annual": "year", "yearly": "year", "daily": "day", "monthly": "month", "weekly": "week"}


def _rate_adjective(head: Token) -> str | None:
    """ "annual payments by 118 billion": a rate the noun's adjective states."""
    nouns = [head]
    verb = _verb_above(head)
    if verb is not None:
        nouns += [c for c in verb.children if c.dep_ in ("dobj", "nsubj", "nsubjpass")]
    for noun in nouns:
        for child in noun.children:
            if child.dep_ == "amod" and child.lower_ in _RATE_ADJECTIVES:
                return _RATE_ADJECTIVES[child.lower_]
    return None


def _left_edge(noun: Token) -> range:
    return range(noun.left_edge.i, noun.i)


def _is_age(text: str, start: int, end: int, unit: str | None) -> bool:
    """ "a 58-year-old", "aged 40", "58 years old": an age, not a length of time."""
    if unit in ("year", "month", "week") and (text.startswith("-old", end) or text.startswith(" old", end)):
        return True
    if _AGE_AFTER.match(text, end):
        return True
    return unit is None and _AGE_BEFORE.search(text, max(0, start - 30), start) is not None


def _person_before(token: Token) -> bool:
    return token.ent_type_ == "PERSON" or (token.tag_ == "NN" and str(token.lemma_).lower() in PERSON_NOUNS)


def appositive_age(doc: Doc, start: int, end: int, unit: str | None) -> bool:
    """ "Jensen, 58, said", "the driver, 45, was", "the singer, now 63,": an age said of a person.

    The person is a PERSON entity or a noun for one person (`PERSON_NOUNS`),
    so "In 2019, 45, were", "3, 4, and 5 units" or "Item 4, 12," are no ages.
    """
    if unit is not None:
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) != 1 or not span[0].text.isdigit() or not 1 <= int(span[0].text) <= 119:
        return False
    i = span[0].i
    if i + 1 >= len(doc) or doc[i + 1].text not in (",", "."):
        return False
    clause = _AGE_CLAUSE_BEFORE.search(doc_text(doc), max(0, start - 24), start)
    if clause is not None:
        if "who" in clause.group().lower():
            return True  # "who" is said of a person
        comma = doc.char_span(clause.start(), clause.start() + 1)
        return comma is not None and comma[0].i >= 1 and _person_before(doc[comma[0].i - 1])
    if i < 2 or doc[i - 1].text != "," or doc[i + 1].text != ",":
        return False
    return _person_before(doc[i - 2])


def _age_holder(head: Token) -> str | None:
    """The person an age belongs to, when the text names them ("Ana Kovac, aged 58")."""
    token = head
    for _ in range(4):
        if token.ent_type_ == "PERSON" or (token.pos_ == "PROPN" and token.text[:1].isupper()):
            return _entity_text(token, figures=False)
        # "Jeffs's 16-year-old daughter", "Jeffs assaulted the 11-year-old girl": the age is the
        # daughter's or the girl's, a person the noun names, not the possessor's or the subject's.
        noun = token.pos_ == "NOUN"
        for child in token.children:
            if child.dep_ in ("appos", "nsubj", "poss") and (child.ent_type_ == "PERSON" or child.pos_ == "PROPN"):
                if noun and child.dep_ == "poss":
                    continue
                return _entity_text(child, figures=False)
        if token.head.i == token.i or (noun and token.dep_ in ("dobj", "pobj") and token.head.pos_ == "VERB"):
            break
        token = token.head
    return None


_PER_GAME_UNITS = re.compile(r"(?<![A-Za-z])(?:ppg|rpg|apg)$", re.IGNORECASE)
"""Sports averages written as one abbreviation: "21.4 ppg" is points per game."""


def _rate(text: str, end: int) -> str | None:
    """What the figure ending at ``end`` is per: "a day", "per capita", "a square foot", "per mmBtu"."""
    if _PER_GAME_UNITS.search(text, max(0, end - 4), end):
        return "game"
    match = _RATE_AFTER.match(text, end)
    if match is None:
        return None
    if match["area"]:
        unit = re.sub(r"\s+", " ", match["area"].lower()).replace("feet", "foot").replace("meter", "metre")
        return unit.replace("kilometer", "kilometre")
    word = (match["per"] or match["slash"] or match["adverb"] or "").lower().replace(" ", "")
    if match["explicit"]:
        # "per" says a rate whatever follows: "US$3.10 per mmBtu".
        explicit = match["explicit"].lower()
        singular = explicit[:-1] if explicit.endswith("s") and explicit[:-1] in RATE_WORDS else explicit
        return RATE_WORDS.get(singular, singular)
    word = {"ahead": "head", "apiece": "person", "each": "person"}.get(word, word)
    if word.endswith("s") and word[:-1] in RATE_WORDS:
        word = word[:-1]
    return RATE_WORDS.get(word)


def _is_part(number: Token, start: int, end: int) -> bool:
    """ "seven of the nine members", "three of the victims": a part of a group the text names."""
    for child in number.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj" and not start <= obj.idx < end and (
                    any(t.dep_ == "det" and t.lower_ in ("the", "those", "these", "its", "their") for t in obj.lefts)
                    or any(t.like_num for t in obj.lefts)
                ):
                    return True
    return False


def _is_whole(head: Token) -> bool:
    """ "two of the three victims": the three are the group a part is taken from, not a count of the event."""
    of = head.head
    return head.dep_ == "pobj" and of.lower_ == "of" and of.head.i != of.i and of.head.like_num


def predicate_of(head: Token) -> str | None:
    """The lemma of the verb the figure is an argument of, for comparing like with like.

    A verb in an open clause is named by the verb above it ("licensed to
    carry 150", "expected to reach 1,000" state a licence and an expectation,
    not a load); a light verb ("be", "have", "remain") by its complement
    ("41 are missing").  None when the figure hangs from no verb.
    """
    token = head
    for _ in range(6):
        group = subgroup_of(token)
        if group is not None:  # "nine residents, including three children, were killed": killed too
            token = group
            continue
        parent = token.head
        if parent.i == token.i:
            return None
        if parent.pos_ in ("VERB", "AUX"):
            verb = parent
            while _open_clause(verb):
                verb = verb.head
            lemma = str(verb.lemma_).lower()
            if lemma in LIGHT_VERBS:
                for child in verb.children:
                    if child.dep_ in ("acomp", "xcomp", "oprd") and child.i != token.i:
                        return str(child.lemma_).lower()
            return lemma
        if token.dep_ in ("conj", "appos") and parent.pos_ in ("NOUN", "PROPN", "NUM"):
            token = parent
            continue
        token = parent
    return None


def _open_clause(verb: Token) -> bool:
    """ "(licensed) to carry", "(expected) to reach": an infinitive under another verb."""
    if verb.head.i == verb.i or verb.head.pos_ not in ("VERB", "AUX"):
        return False
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    return verb.dep_ == "xcomp" or (verb.dep_ in ("advcl", "ccomp") and infinitive)


def _holder(head: Token) -> str | None:
    """The named person, organisation or place the figure belongs to, when the parse says so.

    "Calder's €4.5 million", "Calder collect €4.5 million", "the
    Democrats won 39%": a possessor of the figure's noun, or the named
    subject of the verb whose object the figure is.
    """
    for child in head.children:
        if child.dep_ == "poss" and _is_named(child):
            return _entity_text(child)
    token = head
    while token.dep_ == "conj" and token.head.i != token.i and token.head.pos_ in ("NOUN", "PROPN", "NUM"):
        token = token.head  # "Ostria lost seven soldiers and four medics": Ostria's four too
    for _ in range(3):
        if token.dep_ in ("dobj", "attr", "oprd") or (token.dep_ == "pobj" and token.head.dep_ == "prep"):
            verb = token.head if token.dep_ != "pobj" else token.head.head
            if verb.pos_ in ("VERB", "AUX"):
                for child in verb.children:
                    if child.dep_ in ("nsubj", "nsubjpass") and _is_named(child):
                        return _entity_text(child)
            return None
        if token.dep_ in ("nummod", "quantmod", "compound", "amod") and token.head.i != token.i:
            token = token.head
            continue
        return None
    return None


def _is_named(token: Token) -> bool:
    return token.ent_type_ in HOLDER_LABELS or (token.pos_ == "PROPN" and token.text[:1].isupper())


def _entity_text(token: Token, *, figures: bool = True) -> str:
    """The whole entity (or proper-noun compound) a token is part of, possessive cut.

    A modifier with a figure in it belongs to the holder: "the 15-inch
    MacBook Pro" is not the "MacBook Pro" of another price.  Not so for an
    age (``figures=False``): "the 61-year-old Jorin Maas" is Jorin Maas.
    """
    doc = token.doc
    first, end = token.i, token.i + 1
    entity = entity_of(token)
    if entity is not None:
        first, end = entity.start, entity.end
    else:
        while first > 0 and doc[first - 1].dep_ == "compound" and doc[first - 1].head.i == token.i:
            first -= 1
    for child in token.lefts if figures else ():
        if child.i < first and child.dep_ in ("amod", "compound", "nummod") and _has_digit(child):
            first = child.left_edge.i
    return re.sub(r"['’]s$", "", doc[first:end].text)


def _has_digit(token: Token) -> bool:
    return any(ch.isdigit() for t in token.subtree for ch in t.text)
