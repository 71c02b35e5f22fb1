"""Quantity frames: which figures of a cluster can state the same fact.

A figure is compared with another only when both measure the same thing in
the same way: the same counted noun (or unit dimension, or attribute such as
an age), the same rate ("a day"), the same scope (a part "of the nine
members" is not the whole), the same time (a figure in a sentence about 2019
is not this event's), the same part of a change (the 0.9 percent a figure
rose by is no level, nor is the level it rose from).  Within a frame the check further
asks for an anchor (the same predicate, the same holder, like digits, or
like sentences) before it compares two figures, and never compares counts
of two events (12 killed and 40 injured); see `factcheck.checks.quantities`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.claims import QuantityClaim
from factcheck.names.folding import fold

QuantityKey = tuple[str, str]
"""(what is counted or the unit dimension, event class or ""): a coarse key, for charts."""

EVENT_CLASSES: dict[str, str] = {
    **dict.fromkeys(("kill", "die", "dead", "death", "perish", "slay", "murder"), "killed"),
    **dict.fromkeys(("injure", "wound", "hurt", "maim"), "injured"),
    **dict.fromkeys(("miss", "disappear"), "missing"),
    **dict.fromkeys(("arrest", "detain", "jail", "imprison"), "arrested"),
    **dict.fromkeys(("displace", "evacuate", "flee"), "displaced"),
    **dict.fromkeys(("rescue", "save"), "rescued"),
    **dict.fromkeys(("deploy", "mass", "amass", "station", "concentrate", "send", "position"), "deployed"),
}
"""Events that change what a count means (12 killed and 40 injured never compare), and
verbs that say one thing in several ways: troops massed, stationed or deployed are one count."""

PEOPLE_EVENTS = frozenset({"killed", "injured", "missing", "arrested", "displaced", "rescued"})
"""Event classes that befall people: a count of one without a noun ("294 injured") counts people."""

SAME_MEASURE: dict[str, str] = {"mandate": "seat", "fatality": "death"}
"""Counted nouns that name one measure in two words: "41 of the 90 mandates", "47 of the 90 seats"."""

WEAK_PREDICATES = frozenset(
    {"be", "have", "include", "say", "see", "make", "get", "take", "give", "become", "remain", "stand", "add"}
)
"""Verbs too general to show that two figures state the same fact ("there were 210", "has 12")."""


def event_class(event: str | None) -> str:
    return EVENT_CLASSES.get(event or "", "")


def quantity_key(claim: QuantityClaim) -> QuantityKey | None:
    """What a figure measures, coarsely (noun or dimension, event class); None when nothing."""
    what = claim.noun_lemma or (claim.noun.lower() if claim.noun else None) or claim.dimension
    if what is None:
        return None
    return (what, event_class(claim.event))


@dataclass(frozen=True, order=True)
class QuantityFrame:
    """What a group of figures measures: only figures of one frame are compared."""

    measure: str
    """The counted noun's lemma, the unit's dimension, or an attribute ("age")."""
    per: str = ""
    """The denominator of a rate ("day"), else ""."""
    scope: str = ""
    """"part" or "total", else ""."""
    holder: str = ""
    """For an age, whose it is (ages are compared only for one person)."""
    time: str = ""
    """Years the figure's sentence states other than its source's own year, joined by "+"."""
    change: str = ""
    """"change up" or "change down" for the size of a change ("rose 0.9 percent"), "from" for the
    level a change started from ("fell from $1,980"), else "" (a level, also one a change reached)."""

    def describe(self) -> str:
        """The frame in short words: "people", "passengers per day", "percent (change up)".

        Messages say more (the event, the places): `factcheck.checks.figure_words.what_compared`.
        """
        text = self.measure
        if self.per:
            text += f" per {self.per}"
        if self.holder:
            text += f" of {self.holder}"
        change = "starting level" if self.change == "from" else self.change
        qualifiers = [q for q in (change, self.scope, f"in {self.time}" if self.time else "") if q]
        return f"{text} ({', '.join(qualifiers)})" if qualifiers else text


_MEASURE_ADJECTIVE = re.compile(r"(?:\d|\b[A-Za-z]+)-[A-Za-z]+$")
"""A figure written as an adjective: "15-inch", "73-yard", "two-day"."""

DURATION_OF = "duration of "
"""Frame measures of a duration written as an adjective of its noun ("a two-day summit")."""

TIMED_EVENTS = frozenset(
    {
        "summit", "meeting", "conference", "congress", "convention", "forum", "session", "talk",
        "negotiation", "visit", "trip", "tour", "voyage", "journey", "mission", "expedition", "flight",
        "strike", "walkout", "stoppage", "shutdown", "closure", "lockdown", "curfew", "blackout",
        "outage", "suspension", "ceasefire", "truce", "siege", "standoff", "offensive", "operation",
        "search", "manhunt", "protest", "march", "vigil", "mourning", "festival", "fair", "show",
        "expo", "exhibition", "tournament", "championship", "race", "trial", "hearing", "inquest",
        "retreat", "exercise", "drill", "celebration", "ceremony", "holiday", "break", "delay",
    }
)
"""Nouns of an event that lasts: a cluster's "two-day summit" and "three-day summit" are one
summit's length, whatever the verb.  A contract, a prison sentence or a loan also have a length,
but a story names several of them ("an eight-year offer", "a 10-year contract"): those keep the
anchors every figure needs."""


def timed_event(frame_measure: str) -> bool:
    """The frame is the length of an event that lasts (see `TIMED_EVENTS`)."""
    return frame_measure.startswith(DURATION_OF) and frame_measure[len(DURATION_OF):] in TIMED_EVENTS


def frame_of(claim: QuantityClaim, other_years: frozenset[str], *, unsaid_people: bool = False) -> QuantityFrame | None:
    """The frame of a figure, or None when it cannot be aligned at all.

    ``other_years`` are the years its sentence states besides its source's own;
    with ``unsaid_people`` a count of casualties without a noun ("294 injured")
    counts people.
    """
    time = "+".join(sorted(other_years))
    if claim.attribute == "age":
        if not claim.holder:
            return None  # an age of someone unnamed: nothing says two are one person's
        return QuantityFrame("age", holder=fold(claim.holder), time=time)
    if claim.unit is not None and claim.dimension is not None:
        what: str | None = claim.dimension  # 12,400 hectares "of forest" measure an area
        if _MEASURE_ADJECTIVE.search(claim.text.strip()) and claim.noun_lemma:
            what = f"{what} of {claim.noun_lemma}"  # a "15-inch laptop", a "73-yard pass": a property of the noun
    else:
        what = claim.noun_lemma or (claim.noun.lower() if claim.noun else None) or claim.dimension
    if what is None and unsaid_people and claim.unit is None and event_class(claim.event) in PEOPLE_EVENTS:
        what = "people"  # "killing 24 and leaving 294 injured": the people the event befell, noun unsaid
    if what is None:
        return None
    what = SAME_MEASURE.get(what, what)
    # "A total of 2,715 were injured" counts what "2,175 were injured" counts: a total is no part;
    # only a part ("three of the victims") and the whole it is taken from keep frames of their own.
    scope = claim.scope if claim.scope in ("part", "whole") else ""
    return QuantityFrame(what, claim.per or "", scope, time=time, change=change_key(claim))


def change_key(claim: QuantityClaim) -> str:
    """The part of a change a figure states, as frames tell it: a size is never compared with a level.

    The level a change reached ("rose to 45") is the figure's state now, so it
    stays with the levels; the one it started from is an earlier state.  A
    size is set apart where a level is at hand to confuse it with: the
    sentence writes the level ("rose 0.9 percent to 7,412.50"), or the size
    is in percent or points, the units of rates and index levels.  A lone
    size of money or of a count ("cut the bill by 118 billion a year") stays
    with the figures of its noun, compared only on the anchors the check asks for.
    """
    set_apart = claim.change_from is not None or claim.change_to is not None or claim.dimension in (
        "percent", "points"
    )
    if claim.change_role == "amount" and claim.change and set_apart:
        return f"change {claim.change}"
    return "from" if claim.change_role == "from" else ""


def predicate_key(claim: QuantityClaim) -> str | None:
    """What a figure's verb says happened, as a key: an event class, a verb lemma, or None when too general.

    A quake's magnitude is the event's own measure, whatever verb carries it
    ("struck", "hit", "rocked"): its key is the event.
    """
    if claim.unit == "magnitude":
        return "quake"
    cls = event_class(claim.event) or event_class(claim.predicate)
    if cls:
        return cls
    if claim.predicate is None or claim.predicate in WEAK_PREDICATES:
        return None
    return claim.predicate


_POSSESSIVE = re.compile(r"(?:['’]s?)$")


def holder_key(claim: QuantityClaim) -> str | None:
    """Whose figure it is, folded; a possessive ending is no part of the name ("Charles'", "Ana's")."""
    return fold(_POSSESSIVE.sub("", claim.holder)) if claim.holder else None
