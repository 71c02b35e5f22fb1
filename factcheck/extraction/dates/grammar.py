"""Case-insensitive date shapes found on the raw text, beside the NER candidates.

:mod:`date_lexicon` holds the capitalised news shapes ("Jan. 9", "Friday, 7");
the patterns here catch what the statistical model misses in lower-case or
terse writing: "oct/2", "22april", "jan-1", "4/22", "the 27th", "friday the
fifteen", "second sunday of next month", "next week on friday", "two weeks
from now", "three weeks from tomorrow".

Words that are also ordinary English ("may", "march") only count as months
when capitalised or followed by a day ("may 5", "may the eleventh"); bare
numbers ("the 27", "on 15") only count when nothing follows them in the
clause, so "the 27th floor" and "the first prize" stay numbers, and they are
listed apart (:data:`DAY_PATTERNS`) so the resolver reads them as days.
Each pattern yields a span (group ``d`` when the pattern has one); whether
the span is a date at all is still decided by the resolver, which drops
what it cannot read.
"""

from __future__ import annotations

import re
from typing import Final

from factcheck.calendar_words import MONTHS, WEEKDAYS
from factcheck.extraction.dates import holidays
from factcheck.extraction.dates import lexicon as lex
from factcheck.extraction.dates.types import Cue, CuedPattern, compile_cued, cued

_MON_WORDS = sorted(MONTHS, key=len, reverse=True)
_SAFE_MON = "|".join(w for w in _MON_WORDS if w not in {"may", "mar", "march"})
_MON = "(?:" + "|".join(_MON_WORDS) + r")\.?"
"""Any month word, abbreviations with an optional dot."""
_MON_SAFE = rf"(?:{_SAFE_MON}|(?-i:May|March|Mar|MAY|MARCH|MAR))\.?"
"""Month words that cannot be read as a verb: "may"/"march" only capitalised."""
_WD = "(?:" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?"
_ORD_DAY = "|".join(
    sorted({w.replace(" ", "-").replace("-", r"[\s-]+") for w in lex.ORDINAL_WORDS},
           key=lambda w: (-len(w), w))  # one order in every process: see lexicon._CAP_WD
)
_CARD_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_CARD_DAY = "|".join(
    [rf"(?:twenty|thirty)[\s-]+(?:{'|'.join(_CARD_UNITS)})", "twenty", "thirty",
     "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
     "nineteen", "ten", *_CARD_UNITS]
)
_DAYNUM = r"[0-3]?\d(?:st|nd|rd|th)?"
_DAY = rf"(?:{_DAYNUM}|{_ORD_DAY}|{_CARD_DAY})"
"""A day of the month in digits or words ("22nd", "twenty-first", "fifteen")."""
_YEAR = r"(?:1[5-9]\d\d|20\d\d|21\d\d)"
_YEAR_TAIL = rf"(?:\s*,?\s*(?:of\s+|in\s+)?{_YEAR}|\s*,\s*'?\d\d(?!\d))"
_END = r"(?=\s*(?:[.!?,;:)\]]|$)|\s+(?:and|or|to|at|in|for|this|next|last|until|till|through)\b)"
"""Nothing of the clause follows: the number is not counting a noun."""
_SHIFT = (r"(?:this\s+past|this\s+coming|this\s+upcoming|this|next|last|previous|coming|"
          r"upcoming|following)")
_REL_MONTH = r"(?:(?:this|next|last|previous|the\s+following|the\s+next)\s+month)"
_NTH = r"(?:first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)"
_COUNT = (r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
          r"fifteen|twenty|thirty|forty|fifty|sixty|a\s+few|few|a\s+couple\s+of|couple\s+of|"
          r"several)")
_UNIT = r"(?:days?|weeks?|months?|years?|fortnights?)"
_WD_PLURAL = r"(?:mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?)"
_DURATION = rf"{_COUNT}\s+{_UNIT}(?:(?:\s*,\s*|\s+and\s+|\s+){_COUNT}\s+{_UNIT})*"
_ANCHOR_DAY = r"(?:now|today|tomorrow|tmrw|yesterday)"

_TEENS_WORDS = ("eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen")
_TENS_WORDS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNIT_WORDS = "one|two|three|four|five|six|seven|eight|nine"
_UNDER_100 = (rf"(?:(?:{_TENS_WORDS})(?:[\s-]+(?:{_UNIT_WORDS}))?|{_TEENS_WORDS}|ten|"
              rf"(?:{_UNIT_WORDS}))")
_WORD_YEAR = (rf"(?:two\s+thousand(?:\s+(?:and\s+)?{_UNDER_100})?|"
              rf"(?:nineteen|eighteen|seventeen|sixteen|fifteen|twenty)\s+"
              rf"(?:hundred(?:\s+(?:and\s+)?{_UNDER_100})?|"
              rf"(?:zero|oh)\s+(?:{_UNIT_WORDS})|{_UNDER_100}))")
"""A year in words: "two thousand and eighteen", "nineteen seventy eight", "nineteen oh one"."""

_FLAGS = re.IGNORECASE

PATTERNS: Final[tuple[CuedPattern, ...]] = compile_cued((
    # month then day: "oct2", "oct/2", "jan-1", "october. 2", "january12,2016", "May twenty one"
    cued(Cue.MONTH,
        rf"\b{_MON}(?:\s*[/\-]\s*|\s*)(?:the\s+)?(?:{_DAYNUM}(?![\d%:])|(?:{_ORD_DAY}|"
        rf"{_CARD_DAY})\b){_YEAR_TAIL}?(?![\w%]|[.,]\d)", _FLAGS),
    # day then month: "22april", "1-jan", "4th of march", "05-aug-2016", "26th june of 2020",
    # "16. nov. 2016"
    cued(Cue.MONTH,
        rf"(?<![$€£] )(?<![$€£])\b(?:the\s+)?"
        rf"(?:(?:[0-3]?\d(?:st|nd|rd|th)|{_ORD_DAY})\s*(?:of\s+)?{_MON}|"
        rf"[0-3]?\d\s*(?:of\s+)?{_MON_SAFE}|[0-3]?\d\s*[/\-]\s*{_MON}|[0-3]?\d\.\s+{_MON})"
        rf"(?![a-z])(?:(?:\s*[\-/]\s*|\s*,?\s*(?:of\s+|in\s+)?){_YEAR})?(?![\w%]|[.,/\-]\d)",
        _FLAGS),
    # year first: "2019-sep-1", "2019/sep/01", "2015/08/12", "2015.5.13"
    cued(Cue.LONG_NUMBER, rf"(?<![\w.\-/]){_YEAR}([\-/.])(?:{_MON}|\d{{1,2}})\1\d{{1,2}}"
               r"(?![\w\-/]|\.\d)", _FLAGS),
    # month and year: "dec-2018", "dec/2018"
    cued(Cue.MONTH, rf"\b{_MON}[\-/]{_YEAR}\b", _FLAGS),
    # numeric month/day without a year: "4/22", "22/04", "11/12,2016", "11/12,16"
    cued(Cue.JOINED_NUMBERS, r"(?<![\w/.,\-])[0-3]?\d/[0-3]?\d(?:\s*,\s*(?:\d{4}|\d{2})(?!\d))?"
               r"(?![\w/%]|[.,]\d)"),
    # weekday names, and abbreviations where nothing else can be meant: "|Friday", "on tues."
    cued(Cue.WEEKDAY, r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", _FLAGS),
    cued(Cue.WEEKDAY, rf"\b(?:on|or|and)\s+(?P<d>{_WD}){_END}", _FLAGS),
    # month ranges: "from Sep to Nov", "Jan-Feb 2017", "between august and october"
    cued(Cue.MONTH, rf"\b(?:from\s+|between\s+)?{_MON}\s*(?:-|to|till|until|through|and)\s*{_MON}"
               rf"(?![a-z])(?:\s*,?\s*{_YEAR})?", _FLAGS),
    # day ranges: "9 to 12 of June", "between 3 and 12 of sept", "from 4-23 in next month"
    cued(Cue.MONTH | Cue.UNIT, rf"\b(?:from|between)\s+(?:the\s+)?(?:{_DAYNUM}|{_ORD_DAY})\s*(?:-|to|till|"
               rf"until|through|and)\s*(?:the\s+)?(?:{_DAYNUM}|{_ORD_DAY})\s+(?:of\s+|in\s+)?"
               rf"(?:{_MON}(?![a-z])|{_REL_MONTH})(?:\s*,?\s*{_YEAR})?", _FLAGS),
    cued(Cue.MONTH | Cue.UNIT, rf"\b(?:the\s+)?(?:{_DAYNUM}|{_ORD_DAY})\s*(?:-|to|till|until|through|and)\s*"
               rf"(?:the\s+)?(?:{_DAYNUM}|{_ORD_DAY})\s+of\s+(?:{_MON}(?![a-z])|{_REL_MONTH})"
               rf"(?:\s*,?\s*{_YEAR})?", _FLAGS),
    cued(Cue.MONTH, rf"\b(?:from\s+|between\s+)?{_MON}\s+(?:the\s+)?(?:{_DAYNUM}|{_ORD_DAY})\s*"
               rf"(?:-|to|till|until|through|and)\s*(?:the\s+)?(?:{_DAYNUM}|{_ORD_DAY})\b"
               rf"(?:\s*,?\s*{_YEAR})?", _FLAGS),
    # a week named by a day in it: "the week of April 10th", "w/c Feb 4", "the week beginning
    # February 4"
    cued(Cue.UNIT | Cue.MONTH | Cue.DIGIT,
         rf"\b(?:the\s+)?(?:week\s+of|w/c|week\s+(?:beginning|commencing|starting)(?:\s+on)?)"
               rf"\s+(?:the\s+)?(?:{_MON}[\s.]*{_DAY}|{_DAY}(?:\s+of)?\s+{_MON}|{_DAYNUM})\b",
               _FLAGS),
    # counted from a date: "3 days after January 12th", "2 weeks from January 15"
    cued(Cue.UNIT, rf"\b{_DURATION}\s+(?:from|after|before|starting(?:\s+from|\s+on)?)\s+"
               rf"(?:(?:next|last|this)\s+)?(?:{_WD}|{_MON}[\s.]*{_DAY}(?:,?\s*{_YEAR})?|"
               rf"\d{{1,2}}/\d{{1,2}}/\d{{4}}|today|tomorrow|tmrw)",
               _FLAGS),
    # "the week after next"
    cued(Cue.UNIT, r"\b(?:the\s+)?(?:week|weekend|month|year)\s+after\s+(?:the\s+)?next\b", _FLAGS),
    # "Q3 this year", "the third quarter of next year"
    cued(Cue.UNIT, r"\b(?:q[1-4]|(?:the\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th)[\s-]quarter)"
               r"\s+(?:of\s+)?(?:this|next|last)\s+year\b", _FLAGS),
    # numeric ranges: "10/1-11/7", "5/1-5/7, 2020", "10/1/2018 - 10/7/2018"
    cued(Cue.JOINED_NUMBERS, r"(?<![\w/.])[0-3]?\d/[0-3]?\d(?:/(?:\d{4}|\d{2}))?\s*-\s*[0-3]?\d/[0-3]?\d"
               r"(?:/(?:\d{4}|\d{2}))?(?:\s*,\s*\d{4})?(?![\w/]|[.,]\d)"),
    cued(Cue.JOINED_NUMBERS, r"(?<![\w/.\-])[01]?\d-[0-3]?\d-\d{4}\s*-\s*[01]?\d-[0-3]?\d-\d{4}(?![\w\-])"),
    # "the 20th of next month", "31st of this month"
    cued(Cue.UNIT, rf"\b(?:the\s+)?(?:{_DAYNUM}|{_ORD_DAY})\s+of\s+{_REL_MONTH}", _FLAGS),
    # weekday and day: "thursday the 21st", "friday the fifteen", "wed, 22 of jan",
    # "friday 7/6", "this friday (jun-15)"
    cued(Cue.WEEKDAY,
        rf"\b(?:{_SHIFT}\s+)?{_WD},?\s*(?:\(\s*|-\s*)?(?:(?:(?:the\s+)?(?:{_DAYNUM}|{_ORD_DAY})|"
        rf"the\s+(?:{_CARD_DAY}))(?:\s+(?:of\s+)?"
        rf"{_MON_SAFE}(?![a-z]))?|{_MON}\s*[\-/]?\s*{_DAY}|\d{{1,2}}[/.]\d{{1,2}})\b\)?"
        rf"(?![\d%]|[.,:]\d)", _FLAGS),
    # a shift and a weekday, month or season: "this friday", "previous wednesday", "this summer"
    cued(Cue.WEEKDAY | Cue.MONTH | Cue.SEASON,
         rf"\b{_SHIFT}\s+(?:{_WD}|{_MON_SAFE}|spring|summer|autumn|fall|winter)(?![a-z])",
               _FLAGS),
    # nth weekday: "second sunday", "the first friday of july", "the third wednesday of
    # previous month"
    cued(Cue.WEEKDAY,
        rf"\b(?:the\s+)?{_NTH}\s+{_WD}(?![a-z])(?:\s+(?:of|in)\s+(?:{_MON_SAFE}(?:\s+{_YEAR})?|"
        rf"{_REL_MONTH}|{_YEAR}))?", _FLAGS),
    # weekday of a named week: "friday next week", "on sunday of next week",
    # "next week on friday", "this week friday", "previous week - monday"
    cued(Cue.WEEKDAY, rf"\b(?:on\s+)?{_WD}\s+(?:of\s+)?(?:this|next|last|previous|the\s+following|"
               rf"the\s+next)\s+week\b", _FLAGS),
    cued(Cue.WEEKDAY, rf"\b(?:this|next|last|previous)\s+week(?:'s)?\s*(?:-\s*)?(?:on\s+)?{_WD}"
               rf"(?![a-z])", _FLAGS),
    # nth week: "first week of jan 2015", "last week of july", "the third week of this month"
    cued(Cue.UNIT, rf"\b(?:the\s+)?{_NTH}\s+week\s+(?:of|in)\s+(?:{_MON_SAFE}(?:\s+{_YEAR})?|"
               rf"{_REL_MONTH}|{_YEAR})(?:\s+on\s+{_WD})?(?![\w])", _FLAGS),
    # a stretch at one end of a unit: "the first two months of 2021", "the last 3 weeks of this year"
    cued(Cue.UNIT, rf"\b(?:the\s+)?(?:first|last|final)\s+{_COUNT}\s+(?:days|weeks|months|quarters)\s+of\s+"
         rf"(?:{_YEAR}|(?:this|next|last|previous)\s+(?:year|month)|{_MON_SAFE}(?:\s+{_YEAR})?)(?![\w])",
         _FLAGS),
    # counted offsets from an anchor: "two weeks from now", "three weeks from tomorrow",
    # "two sundays from now", "two monday later", "more than 2 days before yesterday"
    # (every match ends in an anchor day or a distance word: "now", "tomorrow", "later", "ago")
    cued(Cue.ANCHOR | Cue.DISTANCE, rf"\b(?:(?:more|less)\s+than\s+)?(?:{_DURATION}|{_COUNT}\s+{_WD_PLURAL})\s+"
               rf"(?:(?:from|after|before)\s+{_ANCHOR_DAY}|later|ago|from\s+now|hence)\b",
               _FLAGS),
    # word years: "two thousand and eighteen", "nineteen seventy eight" after a date
    cued(Cue.MONTH, rf"\b{_MON}\s+(?:the\s+)?(?:{_DAYNUM}|{_ORD_DAY}|{_CARD_DAY}),?\s+{_WORD_YEAR}\b",
               _FLAGS),
    cued(Cue.MONTH, rf"\b(?:the\s+)?(?:{_DAYNUM}|{_ORD_DAY})\s+of\s+{_MON},?\s+{_WORD_YEAR}\b",
               _FLAGS),
    # quarters and halves: "2017-q1", "2019 H2", "q3 2019", "q1-2019"
    cued(Cue.LONG_NUMBER, rf"\b{_YEAR}\s?-?\s?[qh][1-4]\b|\b[qh][1-4]\s?-?\s?(?:of\s+)?{_YEAR}\b", _FLAGS),
    # decades written apart: "1990 s", "in 90 s", "nineties"
    cued(Cue.DECADE_NUMBER, r"\b(?:1[5-9]|20)\d0(?:\s'?|')s\b", _FLAGS),
    cued(Cue.DECADE_NUMBER, r"\b(?:in|the|during|of)\s+(?P<d>\d0\s?'?s)\b", _FLAGS),
    cued(Cue.DECADE, r"\b(?:the\s+)?(?:early\s+|mid\s+|late\s+)?(?:twenties|thirties|forties|fifties|"
               r"sixties|seventies|eighties|nineties|noughties)\b", _FLAGS),
    # ISO dates inside identifiers, compact dates: "archive-2018-09-23-page", "20170302"
    cued(Cue.LONG_NUMBER, r"(?<!\d)(?<!\d-)\d{4}-[01]\d-[0-3]\d(?!\d)"),
    cued(Cue.LONG_NUMBER, r"(?<![\d])(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?!\d)"),
    # day words, month and year, "year 2008", ISO week numbers, quarters alone
    cued(Cue.ANCHOR, r"\b(?:today|tomorrow|yesterday|tonight)\b", _FLAGS),
    cued(Cue.MONTH, rf"\b{_MON_SAFE}\s*,?\s+{_YEAR}\b|\b{_YEAR}\s*,?\s*{_MON_SAFE}(?![a-z])", _FLAGS),
    # a month by itself where a date is expected: "in Jan", "the month of Sept"
    cued(Cue.MONTH, rf"\b(?:in|during|since|until|till|by|through|after|before)\s+(?P<d>{_MON_SAFE})(?![\w.]|\.\w)",
               _FLAGS),
    cued(Cue.MONTH, rf"\b(?:the\s+)?month\s+of\s+{_MON}(?![a-z])", _FLAGS),
    # numeric month and year: "3/2015", "2015/3", "2016 / 11", "11-2016" (not "2015.3",
    # which is a decimal as often as a date)
    cued(Cue.LONG_NUMBER, r"(?<![\w/.\-])(?:(?:1[5-9]|20)\d\d\s*/\s*(?:1[0-2]|0?[1-9])|"
               r"(?:1[0-2]|0?[1-9])\s*[/\-]\s*(?:1[5-9]|20)\d\d)(?![\w/\-]|[.,]\d)"),
    # seasons with a year: "summer of 2016", "winter 2019"
    cued(Cue.SEASON, rf"\b(?:the\s+)?(?:spring|summer|autumn|fall|winter)\s+(?:of\s+)?{_YEAR}\b", _FLAGS),
    cued(Cue.UNIT, rf"\b(?:calendar\s+)?year\s+{_YEAR}\b", _FLAGS),
    cued(Cue.UNIT, rf"\b(?:the\s+)?week\s+\d{{1,2}}\s+of\s+(?:{_YEAR}|(?:this|next|last)\s+year)\b",
               _FLAGS),
    cued(Cue.UNIT, r"\bthe\s+(?P<d>week\s+\d{1,2})\b(?!\s+of\b|[.,]\d)", _FLAGS),
    cued(Cue.DIGIT, r"\b[qQ][1-4]\b"),
    # counted stretches written count-first: "the 2 next days", "3 next weeks"
    cued(Cue.UNIT, rf"\b{_COUNT}\s+(?:next|upcoming|coming|past|previous|last)\s+"
               r"(?:days|weeks|months|years|quarters|decades)\b", _FLAGS),
    # a shifted calendar unit: "this week", "next month", "last quarter"
    cued(Cue.UNIT, r"\b(?:this|next|last|previous|coming|upcoming)\s+(?:week|weekend|month|year|"
               r"quarter|decade|century)\b", _FLAGS),
    cued(Cue.UNIT, rf"\b(?:past|last|previous|next|coming|upcoming)\s+{_COUNT}\s+"
               r"(?:days|weeks|months|years|quarters|decades)\b", _FLAGS),
    # weekdays of a named week: "next week between Wednesday and Friday"
    cued(Cue.WEEKDAY, rf"\b(?:this|next|last|previous)\s+week\s+(?:between|from)\s+{_WD}\s+(?:and|to|"
               rf"till|until|through)\s+{_WD}(?![a-z])", _FLAGS),
    # "next year's third quarter"
    cued(Cue.UNIT, r"\b(?:this|next|last)\s+year'?s\s+(?:q[1-4]|(?:first|second|third|fourth|1st|2nd|"
               r"3rd|4th)[\s-]quarter)\b", _FLAGS),
    # up to the reference date: "the year to date", "year-to-date", "from March to date"
    cued(Cue.UNIT, r"\b(?:the\s+)?year[\s-]to[\s-]date\b", _FLAGS),
    cued(Cue.MONTH | Cue.LONG_NUMBER | Cue.JOINED_NUMBERS,
         rf"\bfrom\s+(?:{_MON}(?:\s+{_YEAR})?|{_YEAR}(?:-[01]\d-[0-3]\d)?|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})\s+"
         r"(?:to|till|until)\s+(?:the\s+)?(?:current\s+)?date\b", _FLAGS),
    # the weekend: "over the weekend", "dinner with mom weekend."
    cued(Cue.UNIT, r"\bthe\s+weekend\b|(?<=\s)weekend(?=\s*[.!?]|\s*$)", _FLAGS),
    # a weekday inside a counted offset: "Monday two weeks from now", "in 3 days on Friday",
    # "1st week of Oct. on Friday"
    cued(Cue.WEEKDAY, rf"\b{_WD},?\s+{_DURATION}\s+(?:from\s+(?:now|today|tomorrow)|after\s+{_MON}"
               rf"[\s.]*{_DAY})\b", _FLAGS),
    cued(Cue.WEEKDAY, rf"\b(?:in\s+)?{_DURATION}(?:\s+from\s+(?:now|today|tomorrow))?\s+on\s+{_WD}"
               rf"(?![a-z])", _FLAGS),
    # month, year, day: "September-2020-23"
    cued(Cue.MONTH, rf"\b{_MON}[\-/]{_YEAR}[\-/][0-3]?\d\b", _FLAGS),
    # day, month and a year in words: "6 April seventeen hundred thirty three"
    cued(Cue.MONTH, rf"\b(?:{_DAYNUM}|{_ORD_DAY}|{_CARD_DAY})\s+{_MON},?\s+{_WORD_YEAR}\b", _FLAGS),
    # holidays that fall on the same day everywhere: "Easter 2018", "last Easter", "Christmas Eve"
    cued(Cue.HOLIDAY, rf"\b(?:(?:this|next|last|previous|following|coming)\s+)?(?:{holidays.NAMES})\b"
               rf"(?:\s+(?:of\s+)?(?:{_YEAR}|(?:this|next|last)\s+year)\b)?", _FLAGS),
    cued(Cue.HOLIDAY, rf"\b{_DURATION}\s+(?:before|after)\s+(?:{holidays.NAMES})\b", _FLAGS),
    # day words newsrooms shorten: "tmrw", "the day after tmrw"
    cued(Cue.ANCHOR, r"\b(?:the\s+day\s+(?:after|before)\s+)?(?:tmrw|tmr)\b", _FLAGS),
))
"""Date shapes the NER misses, matched case-insensitively on the raw text."""

DAY_PATTERNS: Final[tuple[CuedPattern, ...]] = compile_cued((
    # dotted or hyphenated month/day after "on", "in" or a weekday: "on 4.22", "friday 7.6"
    cued(Cue.JOINED_NUMBERS, rf"\b(?:on|in|{_WD})\s+(?P<d>[0-3]?\d[.\-][0-3]?\d)(?![\w.\-]|,\d)", _FLAGS),
    # "the 27", "the 27th", "the second", "the twenty second", "on 15", "on twenty second"
    cued(Cue.DIGIT | Cue.NUMBER, rf"\b(?:on|for|by|until|till|since|from|before|after|of)\s+"
               rf"(?P<d>the\s+(?:{_DAYNUM}|{_ORD_DAY}|{_CARD_DAY})){_END}", _FLAGS),
    cued(Cue.DIGIT | Cue.NUMBER, rf"\bon\s+(?P<d>{_DAYNUM}|{_ORD_DAY}){_END}", _FLAGS),
))
"""Numbers the words around them make days: the resolver reads them with ``day_hint``."""
