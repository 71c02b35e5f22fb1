"""What a figure counts and the event it counts: the noun and the governing verb, from the dependency parse."""

from __future__ import annotations

from spacy.tokens import Token

from factcheck.extraction.quantities.lexicon import (
    EVENT_VERBS,
    INCLUDING_WORDS,
    NOUN_EVENTS,
    PEOPLE_NOUNS,
    TOTAL_VERBS,
    is_unit_text,
)


def _is_unit_token(tok: Token) -> bool:
    return is_unit_text(tok.text)


def _noun_tokens(head: Token, after: int) -> list[Token]:
    """The noun as written: its compound modifiers (after index ``after``) and itself."""
    first = head.i
    for child in sorted(head.lefts, key=lambda t: -t.i):
        adjacent = child.i == first - 1 and child.i > after
        if child.dep_ == "compound" and adjacent and not child.like_num:
            first = child.i
    return list(head.doc[first : head.i + 1])


def counted_noun(tok: Token, skip_until: int = -1) -> tuple[list[Token], bool] | None:
    """What the number token counts, and whether that noun follows it in the text.

    Tokens before ``skip_until`` (the figure's own "or more", "-plus") do not
    count as material between number and noun.
    """
    noun = noun_after(tok, skip_until)
    if noun is not None:
        return _noun_tokens(noun, tok.i), True
    of_noun = _of_object(tok)
    if of_noun is not None:
        return _noun_tokens(of_noun, tok.i), True
    owner = _noun_owning(tok)
    if owner is not None:
        return _noun_tokens(owner, -1), False
    return None


def noun_after(tok: Token, skip_until: int = -1) -> Token | None:
    """The head noun a number modifies ("100,000 Russian troops", "100,000-strong force")."""
    h = tok
    for _ in range(3):
        if h.dep_ not in {"nummod", "quantmod", "compound", "amod", "advmod", "nmod"}:
            break
        if h.head.i <= h.i or h.head.i - tok.i > 6:
            break
        h = h.head
        if h.pos_ in ("NOUN", "PROPN") and not _is_unit_token(h):
            return h if _plain_modifiers_between(tok, h, skip_until) else None
        if h.pos_ not in ("ADJ", "NUM", "ADV", "SYM"):
            break
    nxt = tok.i + 1
    doc = tok.doc
    while nxt < len(doc) and doc[nxt].idx < skip_until:
        nxt += 1  # past the figure's own "-plus" / "or more"
    while nxt < len(doc) and doc[nxt].pos_ == "ADJ" and nxt - tok.i <= 2:
        nxt += 1
    if nxt < len(doc) and doc[nxt].tag_ in ("NNS", "NNPS") and not _is_unit_token(doc[nxt]):
        return doc[nxt]
    return None


def _plain_modifiers_between(tok: Token, noun: Token, skip_until: int = -1) -> bool:
    """Only adjectives, nouns and hyphens between number and noun: "100,000 Russian troops".

    A verb or conjunction in between means the parse attached the number to
    the wrong noun ("injured 30 and damaged homes").
    """
    blocked = {"VERB", "AUX", "CCONJ", "ADP", "PRON", "DET", "PART", "SCONJ", "NUM"}
    between = [t for t in tok.doc[tok.i + 1 : noun.i] if t.idx >= skip_until]
    return not any(t.pos_ in blocked or t.like_num for t in between)


def _of_object(tok: Token) -> Token | None:
    """ "dozens of people", "12 of the victims": the object of the number's "of"."""
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.pos_ in ("NOUN", "PROPN"):
                    between = tok.doc[tok.i + 1 : obj.i]
                    if not any(t.like_num for t in between):
                        return obj
    return None


def _noun_owning(tok: Token) -> Token | None:
    """The noun whose size the number states: "a toll of 1,200", "troops numbering 100,000"."""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in ("NOUN", "PROPN"):
        return head.head
    verb = head
    if tok.dep_ == "pobj" and head.lower_ in ("to", "at"):
        verb = head.head
    elif tok.dep_ not in ("dobj", "attr", "npadvmod"):
        return None
    if verb.pos_ not in ("VERB", "AUX") or str(verb.lemma_).lower() not in TOTAL_VERBS:
        return None
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ in ("NOUN", "PROPN"):
            return child
    return None


def event(anchor: Token, noun: list[Token] | None, claim_start: int) -> str | None:
    """The casualty/deployment event the figure counts, if the sentence names one."""
    if noun:
        for t in noun:
            mapped = NOUN_EVENTS.get(str(t.lemma_).lower()) or NOUN_EVENTS.get(t.lower_)
            if mapped:
                return mapped
        if noun[-1].lower_ == "toll" and any(c.lower_ == "death" for c in noun[-1].children):
            return "die"
        for child in noun[-1].children:
            if child.dep_ in ("acl", "amod") and child.i > noun[-1].i:
                lemma = str(child.lemma_).lower()
                if lemma in EVENT_VERBS:
                    return lemma
                if child.lower_ in NOUN_EVENTS:
                    return NOUN_EVENTS[child.lower_]
    doc = anchor.doc
    nxt = anchor.i + 1
    if nxt < len(doc) and doc[nxt].lower_ in NOUN_EVENTS and doc[nxt].pos_ in ("ADJ", "NOUN"):
        return NOUN_EVENTS[doc[nxt].lower_]
    if noun and _lost_people(noun[-1]):
        return "die"
    if noun and _driven_from_home(noun[-1]):
        return "displace"
    return _governing_event(anchor, claim_start)


_HOME_NOUNS = frozenset({"home", "house", "village", "town", "land", "neighbourhood", "neighborhood"})
_DRIVE_VERBS = frozenset({"force", "drive", "chase", "uproot", "move", "push"})


def _driven_from_home(noun: Token) -> bool:
    """ "16,000 people have been forced from their homes": people displaced, whatever the verb."""
    verb = noun.head
    if noun.dep_ not in ("nsubjpass", "dobj", "nsubj") or str(verb.lemma_).lower() not in _DRIVE_VERBS:
        return False
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("from", "out"):
            for obj in prep.subtree:
                if str(obj.lemma_).lower() in _HOME_NOUNS:
                    return True
    return False


def _lost_people(noun: Token) -> bool:
    """ "(the army) lost seven soldiers and four medics", "200 lives were lost": deaths."""
    if str(noun.lemma_).lower() not in PEOPLE_NOUNS and noun.lower_ not in PEOPLE_NOUNS:
        return False
    while noun.dep_ == "conj" and noun.head.i != noun.i and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head
    return noun.dep_ in ("dobj", "nsubjpass") and str(noun.head.lemma_).lower() == "lose"


def subgroup_of(tok: Token) -> Token | None:
    """The group a figure is named as part of: "residents" in "nine residents, including three children".

    The subgroup shares the group's verb and event: the three children "were killed" too.
    """
    word = tok.head
    if tok.dep_ != "pobj" or word.lower_ not in INCLUDING_WORDS or word.dep_ not in ("prep", "acl"):
        return None
    group = word.head
    return group if group.i != word.i and group.pos_ in ("NOUN", "PROPN", "NUM") else None


def _own_subject(verb: Token) -> bool:
    """ "(lost four seats,) and 12 people were killed": a joined clause of its own, not the same figure's verb."""
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


def _governing_event(anchor: Token, claim_start: int) -> str | None:
    """Lemma of the first verb above ``anchor`` when it is an event verb (or its complement)."""
    tok = anchor
    for _ in range(4):
        if tok.head.i == tok.i:
            break
        group = subgroup_of(tok)
        if group is not None:
            tok = group
            continue
        if tok.dep_ == "pobj" and tok.head.idx < claim_start:
            break  # "after a five-hour meeting": an adverbial, not what the verb counts
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            lemma = str(tok.lemma_).lower()
            if lemma in EVENT_VERBS:
                return lemma
            for child in tok.children:
                linked = child.dep_ in ("xcomp", "acomp", "oprd") or (child.dep_ == "conj" and not _own_subject(child))
                if linked and child.pos_ in ("VERB", "ADJ"):
                    c_lemma = str(child.lemma_).lower()
                    if c_lemma in EVENT_VERBS:
                        return c_lemma
                    if child.lower_ in NOUN_EVENTS:
                        return NOUN_EVENTS[child.lower_]
            return None
    return None
