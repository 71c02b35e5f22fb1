"""The words of titles: offices, ranks, seats, and the words around them.

General English vocabulary of news titles, kept apart from the reading
(`factcheck.names.titles`) so the lists can grow without touching the logic.
Occupations ("teacher", "lawyer", "specialist") are left out on purpose:
one person may have several, and a source naming one says nothing against
another.  So are memberships that go with any office ("founder", "owner").
"""

from __future__ import annotations

import re

HONORIFIC_WORDS = frozenset(
    {
        *("mr", "mrs", "ms", "miss", "mx", "dr", "doctor", "prof", "professor", "sir", "dame", "lord"),
        *("lady", "madame", "mme", "m", "herr", "frau", "rev", "reverend", "st", "saint", "hon", "honourable"),
        *("honorable", "mister", "messrs", "mesdames"),
    }
)
"""Forms of address, not roles: what they say is no part of a title to compare."""

RANKS = frozenset(
    {
        *("private", "corporal", "sergeant", "lieutenant", "captain", "major", "colonel", "brigadier"),
        *("general", "admiral", "commodore", "marshal", "ensign", "constable", "inspector", "superintendent"),
    }
)
"""Military and police ranks: a person holds one rank, so two different ranks conflict."""

RANK_PREFIXES = frozenset(
    {"rear", "vice", "lieutenant", "major", "staff", "first", "second", "chief", "detective", "sub"}
    | {"field", "air", "master", "warrant", "petty", "lance", "brigadier", "flight", "police", "deputy"}
)
"""Words that make a compound rank with the rank after them ("rear admiral", "detective sergeant")."""

GENERAL_OFFICES = frozenset(
    {"attorney", "secretary", "director", "surgeon", "inspector", "solicitor", "governor", "consul"}
    | {"postmaster", "auditor", "comptroller", "procurator", "advocate", "accountant", "adjutant"}
)
"""Words before "general" that make an office ("attorney general"), not the rank."""

HEADS: dict[str, str] = {
    # form as written (lowercase, words joined by spaces) -> the role it names
    **dict.fromkeys(("president", "pres"), "president"),
    **dict.fromkeys(("chairman", "chairwoman", "chairperson", "chair", "chairs"), "chair"),
    **dict.fromkeys(("governor", "gov"), "governor"),
    "mayor": "mayor",
    **dict.fromkeys(("prime minister", "premier", "pm"), "prime minister"),
    "first minister": "first minister",
    "chief minister": "chief minister",
    "chancellor": "chancellor",
    **dict.fromkeys(("minister", "ministers"), "minister"),
    "secretary": "secretary",
    **dict.fromkeys(("secretary general", "secretary-general"), "secretary general"),
    **dict.fromkeys(("chief executive", "chief executive officer", "ceo"), "chief executive"),
    "cfo": "chief financial officer",
    "coo": "chief operating officer",
    "cto": "chief technology officer",
    **dict.fromkeys(("director general", "director-general", "dg"), "director general"),
    "director": "director",
    "managing director": "managing director",
    **dict.fromkeys(("manager", "gaffer"), "manager"),
    "general manager": "general manager",
    **dict.fromkeys(("coach", "head coach", "trainer"), "coach"),
    "judge": "judge",
    "justice": "justice",
    "magistrate": "magistrate",
    **dict.fromkeys(("prosecutor", "public prosecutor", "prosecuting attorney"), "prosecutor"),
    "attorney general": "attorney general",
    "solicitor general": "solicitor general",
    "district attorney": "district attorney",
    "state attorney": "state attorney",
    **dict.fromkeys(("ambassador", "envoy"), "ambassador"),
    "consul": "consul",
    "commissioner": "commissioner",
    **dict.fromkeys(("spokesman", "spokeswoman", "spokesperson", "press secretary"), "spokesperson"),
    "sheriff": "sheriff",
    **dict.fromkeys(("police chief", "chief of police"), "police chief"),
    "fire chief": "fire chief",
    "chief of staff": "chief of staff",
    "governor general": "governor general",
    "inspector general": "inspector general",
    **dict.fromkeys(("commander", "cmdr", "cdr"), "commander"),
    "chief constable": "chief constable",
    **dict.fromkeys(("king", "queen", "prince", "princess", "crown prince", "emperor", "empress"), "monarch"),
    **dict.fromkeys(("emir", "sultan"), "monarch"),
    "treasurer": "treasurer",
    "dean": "dean",
    "rector": "rector",
    "provost": "provost",
    **dict.fromkeys(("headmaster", "headmistress", "headteacher", "head teacher"), "head teacher"),
    "editor": "editor",
    **dict.fromkeys(("editor-in-chief", "editor in chief"), "editor-in-chief"),
    "archbishop": "archbishop",
    "bishop": "bishop",
    "pope": "pope",
}
"""Offices by the forms that name them.  Occupations ("teacher", "lawyer",
"specialist") are left out: one person may have several, and a source
naming one of them says nothing against another."""

VAGUE_HEADS = frozenset({"boss", "chief", "head", "leader", "official", "officer", "executive", "bosses", "chiefs"})
"""Heads that fit any office ("EU chief", "emergency services boss"): never compared."""

ABBREVIATIONS = {
    "gen": "general",
    "lt": "lieutenant",
    "col": "colonel",
    "capt": "captain",
    "cpt": "captain",
    "maj": "major",
    "sgt": "sergeant",
    "cpl": "corporal",
    "adm": "admiral",
    "supt": "superintendent",
    "insp": "inspector",
    "det": "detective",
    "brig": "brigadier",
    "vp": "vice president",
}
"""Rank and office abbreviations, expanded before a title is read ("Lt. Gen." is "lieutenant general")."""

CHIEF_OFFICER = re.compile(r"^chief (?:[a-z]+ ){1,2}officer$")
"""A "chief ... officer" ("chief medical officer"): an office of its own, whatever the middle words."""

DEPUTY_WORDS = frozenset(
    {"deputy", "vice", "assistant", "associate", "under", "undersecretary", "co", "adjunct", "lieutenant"}
)
"""Words that make a deputy's title ("vice-president", "lieutenant governor")."""
PAST_WORDS = frozenset(
    {"former", "ex", "then", "late", "outgoing", "erstwhile", "retired", "previous", "onetime", "one-time", "sacked"}
    | {"ousted", "deposed", "resigned", "departing", "exiting", "fired", "dismissed", "emeritus"}
)
FUTURE_WORDS = frozenset(
    {"elect", "designate", "nominee", "candidate", "hopeful", "incoming", "would-be", "future", "presumptive"}
    | {"prospective", "candidates", "nominated", "new", "newly", "newly-appointed", "newly-elected"}
)
"""Words that move a title to another time; such a title is not compared with today's.  A "new"
title says the person held another before, which other sources may still give."""

PORTFOLIOS: dict[str, str] = {
    **dict.fromkeys(("finance", "finances", "financial", "treasury", "fiscal"), "finance"),
    **dict.fromkeys(("economy", "economic", "economics", "economical"), "economy"),
    **dict.fromkeys(("health", "healthcare"), "health"),
    **dict.fromkeys(("defence", "defense", "military"), "defence"),
    **dict.fromkeys(("foreign", "external", "exterior"), "foreign"),
    **dict.fromkeys(("interior", "internal", "home"), "interior"),
    **dict.fromkeys(("justice", "law", "legal"), "justice"),
    **dict.fromkeys(("education", "schools", "universities"), "education"),
    **dict.fromkeys(("agriculture", "farming", "farm", "fisheries", "rural"), "agriculture"),
    **dict.fromkeys(("transport", "transportation", "infrastructure"), "transport"),
    **dict.fromkeys(("energy", "power"), "energy"),
    **dict.fromkeys(("environment", "environmental", "climate"), "environment"),
    **dict.fromkeys(("labour", "labor", "employment", "work", "works"), "labour"),
    **dict.fromkeys(("trade", "commerce", "industry", "industrial"), "trade"),
    **dict.fromkeys(("culture", "cultural", "arts"), "culture"),
    "tourism": "tourism",
    **dict.fromkeys(("sport", "sports"), "sport"),
    **dict.fromkeys(("science", "research", "technology", "digital"), "science"),
    "housing": "housing",
    **dict.fromkeys(("immigration", "migration"), "immigration"),
    **dict.fromkeys(("communications", "information"), "communications"),
    **dict.fromkeys(("budget",), "budget"),
    **dict.fromkeys(("security",), "security"),
}
"""A cabinet post's field: "finance minister" and "health minister" are different posts."""

PORTFOLIO_HEADS = frozenset({"minister", "secretary", "commissioner"})
"""Heads whose field tells one post from another; other heads ignore their modifiers."""

LOOSE_FAMILIES: tuple[frozenset[str], ...] = (
    frozenset({"president", "chair", "governor", "chief executive", "managing director", "general manager"}),
    frozenset({"prime minister", "first minister", "chief minister", "chancellor", "president"}),
    frozenset({"manager", "coach"}),
    frozenset({"manager", "general manager"}),
    frozenset({"judge", "justice", "magistrate"}),
    frozenset({"prosecutor", "attorney general", "district attorney", "state attorney", "solicitor general"}),
    frozenset({"minister", "secretary", "commissioner"}),
    frozenset({"ambassador", "consul"}),
    frozenset({"police chief", "chief constable", "commissioner", "sheriff"}),
    frozenset({"archbishop", "bishop", "pope"}),
    frozenset({"dean", "rector", "provost", "president", "chancellor"}),
    frozenset({"editor", "editor-in-chief"}),
)
"""Different words one institution's head or one kind of office goes by: a
literal translation ("president" of a central bank for its governor) or a
house usage ("coach" for "manager").  Different, but not enough to say a
source is wrong."""

SAME_FAMILIES: tuple[frozenset[str], ...] = (
    frozenset({"director", "director general"}),
    frozenset({"governor", "governor general"}),
)
"""Different words for one post ("director of emergency services", "director general of emergency services",
a province's "governor" and "governor-general")."""

UNIQUE_HEADS = frozenset(
    {
        *("president", "chair", "governor", "mayor", "prime minister", "first minister", "chief minister"),
        *("chancellor", "chief executive", "director general", "secretary general", "manager", "coach"),
        *("attorney general", "police chief", "chief of staff", "managing director", "general manager"),
    }
)
"""Offices one person holds at a time in one organisation; with a portfolio, ministers too.  A
title held by someone else in the cluster tells that a source gave it to the wrong person."""


SEATS: dict[str, str] = {
    **dict.fromkeys(("senator", "sen"), "senator"),
    **dict.fromkeys(("congressman", "congresswoman", "representative", "rep", "assemblyman"), "representative"),
    **dict.fromkeys(("assemblywoman", "assemblymember", "lawmaker", "legislator"), "representative"),
    **dict.fromkeys(("mp", "mep", "mla", "msp"), "member of parliament"),
    **dict.fromkeys(("councillor", "councilor", "councilman", "councilwoman", "alderman"), "councillor"),
}
"""Elected seats, by the forms that name them.  A seat goes with any office
(an MP is a minister, a representative chairs a committee), so seats are
compared only with seats."""

QUALIFIERS = frozenset(
    {
        *("regional", "provincial", "national", "federal", "local", "municipal", "acting", "interim"),
        *("caretaker", "senior", "junior", "chief", "executive", "head", "lead", "presiding", "general"),
        *("current", "incumbent", "permanent", "top", "principal", "joint", "sole", "first", "second"),
    }
)
"""Words before a head that say nothing of the organisation ("regional president", "acting chair")."""
