"""Date claims: every date expression in a source, resolved against its publication date.

Candidates come from two places: the statistical NER (DATE and TIME
entities) and a pattern pass over the raw text for the shapes the model
splits or misses ("this Friday, 7", "Friday 7is March", "Jan. 9",
ISO and numeric dates; the case-insensitive shapes of
:mod:`~factcheck.extraction.dates.grammar`, "oct/2", "the 27th", "second
Sunday of next month", "two weeks from tomorrow").  Overlapping candidates
are merged so one written expression gives one claim; neighbours joined by
a range word become one interval ("from 2014 to 2018"), and a span the NER
ran over a list ("Wednesday, Thursday or Friday") is split into its dates.  Each merged span is then read on its own by
:mod:`factcheck.extraction.dates.resolution`; the document contributes only
what a span cannot know by itself: the tense of the predicate it attaches
to (past or future, to pick "which Tuesday"), the predicate's lemma, the
sentence, and whether the line is a dateline.

Spans that turn out to be durations ("for weeks", "a five-hour meeting"),
ages ("aged 45") or counts ("2000 people") give no claim.  Vague periods
("the coming days", "recent weeks") give a claim with a null value and the
reason ``"vague"``, so a reader can see the source was imprecise.
"""

from __future__ import annotations

import bisect
import re
from datetime import date
from typing import Final

from spacy.attrs import IDX
from spacy.tokens import Doc, Span, Token

from factcheck.calendar_words import MONTH_NAMES, MONTHS, WEEKDAY_NAMES, WEEKDAYS
from factcheck.claims import DateClaim, DateIssue
from factcheck.extraction.covered_text import CoveredText
from factcheck.extraction.dates import grammar
from factcheck.extraction.dates import lexicon as lex
from factcheck.extraction.dates.anchored import date_anchored_offsets
from factcheck.extraction.dates.calendar import Direction
from factcheck.extraction.dates.cues import find_cues
from factcheck.extraction.dates.guards import compile_guarded
from factcheck.extraction.dates.news import designated, is_dateline, market_days_of, own_dateline
from factcheck.extraction.dates.open_ended import open_ended
from factcheck.extraction.dates.resolution import resolve_span
from factcheck.extraction.dates.times import not_a_time_of_day, settle_local_times
from factcheck.extraction.dates.types import Context, Resolution
from factcheck.extraction.dates.zones import CLOCK_SEARCH_RE
from factcheck.extraction.doc_index import doc_text, sentence_of, span_text

__all__ = ["extract_dates"]

_TRIM_LEAD: Final[str] = " \t\r\n,;:([{\"'“‘«-–—"
_TRIM_TAIL: Final[str] = " \t\r\n,;:)]}\"'”’»-–—"
_TRAILING_WORD_RE: Final[re.Pattern[str]] = re.compile(
    r"\s+(?:to|and|or|from|until|till|between|on|at|in)$", re.IGNORECASE
)
"""A connective the NER left at the end of a span ("2 july to")."""
_UNIT_LATER_RE: Final[re.Pattern[str]] = re.compile(
    r"\b(?:next|this|last)\s+(?:week|month|year)(\s+(?:later|earlier))$", re.IGNORECASE
)
""""next week later (in the afternoon)": "later" qualifies the time of day, not the week."""
_OFFSET_TAIL_RE: Final[re.Pattern[str]] = re.compile(
    r",\s*(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|several)\s+"
    r"(?:hours?|days?|weeks?|months?|years?)\s+(?:later|earlier|sooner|behind|ahead)$",
    re.IGNORECASE,
)
"""A date followed by how far it lies from another ("March 3, two days later than planned")."""
_WEEKDAY_NAMED_AS_RE: Final[re.Pattern[str]] = re.compile(rf"(?:{lex.WD_ALT})(\s+(?:a|an)\s+day)", re.IGNORECASE)
_LEADING_AMOUNT_RE: Final[re.Pattern[str]] = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?\s+|\d+\.\d+\s+(?=[A-Za-z])")
_APPROX_LEAD_RE: Final[re.Pattern[str]] = re.compile(
    r"(?:about|around|approximately|roughly|circa|the\s+(?:whole|entire))\s+(?!of\b)(?=\S)",
    re.IGNORECASE,
)
"""Hedges in front of a date ("about the first week of 2015") are not part of it."""
_CLOCK_RE: Final[re.Pattern[str]] = CLOCK_SEARCH_RE
_SINCE_BEFORE_RE: Final[re.Pattern[str]] = re.compile(r"\b(?:ever\s+)?since\s+$", re.IGNORECASE)
_SINCE_LEAD_RE: Final[re.Pattern[str]] = re.compile(r"(?:ever\s+)?since\s+", re.IGNORECASE)
_IN_BEFORE_RE: Final[re.Pattern[str]] = re.compile(r"\b(?:in|within)\s+$", re.IGNORECASE)
_COUNTED_UNIT_RE: Final[re.Pattern[str]] = re.compile(
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|several)\s+"
    r"(?:days?|weeks?|months?|years?)",
    re.IGNORECASE,
)
_NEXT_COUNTED_RE: Final[re.Pattern[str]] = re.compile(
    r"(?:the\s+)?next\s+\S+\s+\w+|\S+\s+(?:days?|weeks?|months?|years?)\s+from\s+(?:now|today)",
    re.IGNORECASE,
)
_WITHIN_BEFORE_RE: Final[re.Pattern[str]] = re.compile(r"\bwithin\s+$", re.IGNORECASE)
_SHORT_NUMERIC_RE: Final[re.Pattern[str]] = re.compile(r"\d{1,2}[/.\-]\d{1,2}")
_NUMERIC_IDIOMS: Final[frozenset[str]] = frozenset({"24/7", "9/11", "24-7"})
"""Numbers that look like month/day but name something else ("24/7", "9/11")."""
_DATE_LEAD_RE: Final[re.Pattern[str]] = re.compile(
    rf"\b(?:on|by|from|to|until|till|since|between|before|after|and|or|this|next|last|"
    rf"{lex.WD_ALT})\.?,?\s+$|[,(]\s*$",
    re.IGNORECASE,
)
_CLAUSE_END_RE: Final[re.Pattern[str]] = re.compile(
    r"\s*(?:[.!?;:)]|,|$)|\s+(?:to|and|or|through|until|till)\b|\s*-", re.IGNORECASE
)
_VERB_MONTH_RE: Final[re.Pattern[str]] = re.compile(r"(?:may|march)\s+[a-z]")
"""An unreadable span opening with lower-case "may"/"march" is the verb ("may fall")."""
_COUNT_AFTER_RE: Final[re.Pattern[str]] = re.compile(r"\s*(?:%|per\s?cent\b|percent\b)")
_PERIOD_WORD_RE: Final[re.Pattern[str]] = re.compile(r"\b(?:week|weekend|month|year|quarter)\b", re.IGNORECASE)
"""A time of day does not narrow a week or a month: "next month at 6pm" stays two claims."""
_LAST_WORD_RE: Final[re.Pattern[str]] = re.compile(r"[A-Za-z]+$")
_ABBREVIATIONS: Final[frozenset[str]] = frozenset(
    {w for w in MONTHS if w.capitalize() not in MONTH_NAMES}
    | {w for w in WEEKDAYS if w.capitalize() not in WEEKDAY_NAMES}
    | {"m"}
)
_ABBREVIATION_WINDOW: Final[int] = max(map(len, _ABBREVIATIONS)) + 1
_CORE_DEPS: Final[frozenset[str]] = frozenset({"aux", "auxpass", "acomp", "xcomp", "neg"})
"""Children that carry the predicate's tense or modality, not a clause of their own."""
_WILL: Final[frozenset[str]] = frozenset({"will", "shall", "'ll", "wo"})
_PAST_TAGS: Final[frozenset[str]] = frozenset({"VBD"})
_CLIMB_DEPS: Final[frozenset[str]] = frozenset({"xcomp", "acomp", "auxpass", "aux"})


def extract_dates(doc: Doc, source_id: str, reference: date | None, *, locale: str | None = None) -> list[DateClaim]:
    """Every date expression in ``doc`` as a claim, resolved against ``reference``.

    ``locale`` (e.g. "en-US", "en-GB", "fr") settles the day/month order of
    numeric dates; without it an ambiguous one keeps both readings.
    """
    # the candidates do not depend on the reference: found once, read once or twice
    candidates = _merged_spans(doc)
    claims = _extract(doc, source_id, reference, locale, candidates)
    own = own_dateline(claims)
    if own is not None and own != reference:
        # the article dates itself ("14 October 2025" alone at the top): "this morning" and
        # "Thursday" are read against that day, not a date the run gave it from elsewhere
        claims = _extract(doc, source_id, own, locale, candidates)
    return claims


def _extract(
    doc: Doc,
    source_id: str,
    reference: date | None,
    locale: str | None,
    candidates: tuple[list[tuple[int, int]], set[tuple[int, int]]],
) -> list[DateClaim]:
    claims: list[DateClaim] = []
    found, hinted = candidates
    spans = _join_ranges(doc, found, reference, locale)
    for span in _split_period_clock(doc_text(doc), _split_lists(doc, spans, reference, locale)):
        claim = _claim(doc, source_id, span, reference, locale, day_hint=span in hinted)
        if claim is None:
            continue
        claims.append(claim)
        lead = _SINCE_LEAD_RE.match(claim.text)
        if lead and claim.granularity == "interval":
            # "since Jan. 9" states a day as well as a stretch: report both,
            # so the day compares with other sources' dates of that event.
            anchor = _claim(doc, source_id, (span[0] + lead.end(), span[1]), reference, locale)
            if anchor is not None:
                claims.append(anchor)
    return settle_local_times(date_anchored_offsets(claims, doc_text(doc)))


# --- candidates ---------------------------------------------------------------------------


def _merged_spans(doc: Doc) -> tuple[list[tuple[int, int]], set[tuple[int, int]]]:
    """Candidate spans, trimmed, merged where they overlap, times joined to their dates.

    Also returns the spans that only the words around them make dates ("on 15").
    """
    text = doc_text(doc)
    found, hinted_raw = _candidates(doc)
    candidates = [trimmed for start, end in found if (trimmed := _trim(text, start, end)) is not None]
    hinted = {trimmed for start, end in hinted_raw if (trimmed := _trim(text, start, end)) is not None}
    merged: list[tuple[int, int]] = []
    for start, end in sorted(candidates):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return [_with_lead_word(text, span) for span in _join_clock_times(text, merged)], hinted


def _candidates(doc: Doc) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    text = doc_text(doc)
    cues = find_cues(text)
    found = [
        part
        for ent in doc.ents
        if ent.label_ in {"DATE", "TIME"}
        for part in _sentence_parts(text, ent.start_char, ent.end_char)
    ]
    for pattern in (*lex.CANDIDATE_PATTERNS, *grammar.PATTERNS):
        # "3 March. Two weeks earlier": no pattern reads a date across a full stop ("March. Two")
        found.extend(span for span in cues.matches(pattern) if len(_sentence_parts(text, *span)) == 1)
    hinted = [span for pattern in grammar.DAY_PATTERNS for span in cues.matches(pattern)]
    seen = set(found)
    for day in market_days_of(doc):
        if day not in seen:
            found.append(day)
            seen.add(day)
    starts: list[int] = doc.to_array(IDX).tolist()  # each token's offset, without making a Token each
    keep = [span for span in found + hinted if not _not_a_date(doc, starts, span)]
    kept = set(keep)
    return keep, [span for span in hinted if span in kept]



_SENTENCE_END_RE = re.compile(r"(?<=[a-z])[.!?]\s+(?=[A-Z\"“‘'])")
"""A full stop after a word and before a capital: "16. Nov." and "October. 2" are no sentence ends."""


def _sentence_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """An entity cut where a sentence ends inside it.

    The tagger sometimes runs one DATE across a full stop ("3 March. Two weeks
    earlier"): read whole, neither date resolves and the first one is lost.
    """
    parts: list[tuple[int, int]] = []
    for stop in _SENTENCE_END_RE.finditer(text, start, end):
        if text[stop.start()] == "." and _ends_abbreviation(text, stop.start() + 1):
            continue
        parts.append((start, stop.start() + 1))
        start = stop.end()
    parts.append((start, end))
    return [(a, b) for a, b in parts if b > a]


def _not_a_date(doc: Doc, starts: list[int], span: tuple[int, int]) -> bool:
    """Ages ("aged 45") and counts ("2000 people", "30 percent") that look like dates."""
    text = doc_text(doc)
    start, end = span
    if lex.AGE_CONTEXT_RE.search(text, max(0, start - 12), start):
        return True
    if not_a_time_of_day(text, start, end):
        return True
    if not text[start:end].rstrip()[-1:].isdigit():
        return False
    if _COUNT_AFTER_RE.match(text, end):
        return True
    if _SHORT_NUMERIC_RE.fullmatch(text, start, end):
        # "4/22" without a year is a date only where a date is expected: after "on",
        # "from", a weekday..., or closing the clause; "a 2/3 majority" is a fraction
        if text[start:end] in _NUMERIC_IDIOMS:
            return True
        before = _DATE_LEAD_RE.search(text, max(0, start - 14), start)
        after = _CLAUSE_END_RE.match(text, end)
        return before is None and after is None
    following = _token_at_or_after(doc, starts, end)
    return following is not None and following.tag_ in {"NNS", "NNPS"}


def _token_at_or_after(doc: Doc, starts: list[int], offset: int) -> Token | None:
    index = bisect.bisect_left(starts, offset)
    while index < len(doc) and doc[index].is_space:
        index += 1
    return doc[index] if index < len(doc) else None


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Drop surrounding punctuation (a trailing comma, quotes), keep "Sept." and "a.m."."""
    while start < end and text[start] in _TRIM_LEAD:
        start += 1
    number = _LEADING_AMOUNT_RE.match(text, start, end)
    if number and number.end() < end and not lex.TIME_OF_DAY_RE.match(text, start, end):
        start = number.end()  # "6,107.31 August 2019": an amount, then the date
    approx = _APPROX_LEAD_RE.match(text, start, end)
    if approx and approx.end() < end:
        start = approx.end()
    while end > start and (
        (text[end - 1] in _TRIM_TAIL and not _closes_bracket(text, start, end))
        or (text[end - 1] == "." and not _ends_abbreviation(text, end))
    ):
        end -= 1
    later = _UNIT_LATER_RE.search(text, start, end)
    if later:
        end = later.start(1)
    named_day = _WEEKDAY_NAMED_AS_RE.fullmatch(text, start, end)
    if named_day:
        end = named_day.start(1)  # "declared Friday a day (of mourning)": the weekday is the date
    offset_tail = _OFFSET_TAIL_RE.search(text, start, end)
    if offset_tail and offset_tail.start() > start:
        end = offset_tail.start()  # "March 3, two days later (than planned)": the date is March 3
    tail = _TRAILING_WORD_RE.search(text, start, end)
    if tail and tail.start() > start:
        return _trim(text, start, tail.start())
    return (start, end) if end > start and not text[start:end].isspace() else None


def _closes_bracket(text: str, start: int, end: int) -> bool:
    """Whether the ")" at ``end - 1`` closes a "(" inside the span: "Friday (Jun-15)"."""
    return text[end - 1] == ")" and text.count("(", start, end) > text.count(")", start, end - 1)


def _ends_abbreviation(text: str, end: int) -> bool:
    """Whether the "." at ``end - 1`` closes "Sept." or "a.m." rather than the sentence."""
    # The word is read from a window a letter longer than any abbreviation: a longer word is
    # none either way, and searching from the start of the text made each call as long as the text.
    word = _LAST_WORD_RE.search(text, max(0, end - 1 - _ABBREVIATION_WINDOW), end - 1)
    return word is not None and word[0].lower() in _ABBREVIATIONS


def _join_clock_times(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join "3:17 a.m." and "Oct. 14" when only "on", "at" or a comma stands between them."""
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        if joined:
            prev_start, prev_end = joined[-1]
            left, right = text[prev_start:prev_end], text[start:end]
            one_is_clock = bool(_CLOCK_RE.search(left)) != bool(_CLOCK_RE.search(right))
            period = _PERIOD_WORD_RE.search(left) or _PERIOD_WORD_RE.search(right)
            if one_is_clock and not period and lex.CONNECTOR_RE.match(text[prev_end:start]):
                joined[-1] = (prev_start, end)
                continue
        joined.append((start, end))
    return joined


def _with_lead_word(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """Take a preceding "since" (an interval) or "in" before "two weeks" (a point) into the span.

    Without the word the expression means something else: "Jan. 9" is a day,
    "since Jan. 9" a stretch up to the reference; "two weeks" is a duration,
    "in two weeks" a date.
    """
    window = max(0, span[0] - 12)
    match = _SINCE_BEFORE_RE.search(text, window, span[0])
    if match is None and _COUNTED_UNIT_RE.fullmatch(text, span[0], span[1]):
        match = _IN_BEFORE_RE.search(text, window, span[0])
    if match is None and _NEXT_COUNTED_RE.match(text, span[0], span[1]):
        match = _WITHIN_BEFORE_RE.search(text, window, span[0])
    return (match.start(), span[1]) if match else span


_RANGE_GAP_RE: Final[re.Pattern[str]] = re.compile(r"\s*(?:[-–—~]|to|through|thru|till|until|and)\s*", re.IGNORECASE)
_RANGE_LEAD_RE: Final[re.Pattern[str]] = re.compile(r"\b(?:from|between)\s+$", re.IGNORECASE)
_NOW_RE: Final[re.Pattern[str]] = compile_guarded(r"\b(?:now|current date)\b", re.IGNORECASE)
""""now" ends a range ("between Jan 22 and now") though it names no date by itself."""


def _join_ranges(
    doc: Doc, found: list[tuple[int, int]], reference: date | None, locale: str | None
) -> list[tuple[int, int]]:
    """Join "2014" and "2018" in "from 2014 to 2018" into one interval, with its "from".

    Two neighbouring spans become one when only a range word stands between
    them ("to", "-", "through"; "and" after "between") and together they read
    as an interval; a span that is a range by itself takes a preceding
    "from"/"between".
    """
    text = doc_text(doc)
    nows = {m.span() for m in _NOW_RE.finditer(text)}
    dated = CoveredText(len(text), found)
    spans = sorted(set(found) | {now for now in nows if not dated.overlaps(*now)})
    joined: list[tuple[int, int]] = []
    index = 0
    while index < len(spans):
        start, end = spans[index]
        lead = _RANGE_LEAD_RE.search(text, max(0, start - 10), start)
        if index + 1 < len(spans):
            gap = _RANGE_GAP_RE.fullmatch(text, end, spans[index + 1][0])
            between = (lead is not None and lead[0].lower().startswith("between")) or (
                text[start:end].lower().startswith("between ")
            )
            if gap and (between or gap[0].strip().lower() != "and"):
                first = lead.start() if lead else start
                if _is_interval(doc, (first, spans[index + 1][1]), reference, locale):
                    joined.append((first, spans[index + 1][1]))
                    index += 2
                    continue
        if lead and _is_interval(doc, (lead.start(), end), reference, locale):
            start = lead.start()
        if (start, end) not in nows:  # "now" alone is no date, only a range's end
            joined.append((start, end))
        index += 1
    return joined


_LIST_SEP_RE: Final[re.Pattern[str]] = re.compile(r",\s*(?:(?:or|and)\s+)?|\s+(?:or|and)\s+", re.IGNORECASE)


def _split_lists(
    doc: Doc, spans: list[tuple[int, int]], reference: date | None, locale: str | None
) -> list[tuple[int, int]]:
    """Split a span the NER ran over a list ("Wednesday, Thursday or Friday") into its dates.

    Only a span that does not read as one date is split, and only when every
    item reads as a date by itself.
    """
    out: list[tuple[int, int]] = []
    for start, end in spans:
        seps = list(_LIST_SEP_RE.finditer(doc_text(doc), start, end))
        if not seps or _claim_value(doc, (start, end), reference, locale):
            out.append((start, end))
            continue
        bounds = [start, *(b for sep in seps for b in sep.span()), end]
        items = [
            trimmed
            for a, b in zip(bounds[::2], bounds[1::2], strict=True)
            if (trimmed := _trim(doc_text(doc), a, b)) is not None
        ]
        if len(items) > 1 and all(_claim_value(doc, item, reference, locale) for item in items):
            out.extend(items)
        else:
            out.append((start, end))
    return out


_PERIOD_CLOCK_RE: Final[re.Pattern[str]] = re.compile(
    r"(?P<period>.*\b(?:week|weekend|month|year|quarter)(?:\s+\d{1,2})?)\s+"
    r"(?P<clock>\d{1,2}(?::\d\d)?\s*(?:[ap]\.?\s?m\.?)|\d{1,2}:\d\d)$",
    re.IGNORECASE,
)


def _split_period_clock(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """ "this week 8am": a time of day does not narrow a week; two claims."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        match = _PERIOD_CLOCK_RE.fullmatch(text, start, end)
        if match is None:
            out.append((start, end))
        else:
            out.extend([(start, match.end("period")), (match.start("clock"), end)])
    return out


def _claim_value(doc: Doc, bounds: tuple[int, int], reference: date | None, locale: str | None) -> bool:
    claim = _claim(doc, "", bounds, reference, locale)
    return claim is not None and claim.value is not None


def _is_interval(doc: Doc, bounds: tuple[int, int], reference: date | None, locale: str | None) -> bool:
    claim = _claim(doc, "", bounds, reference, locale)
    return claim is not None and claim.granularity == "interval"


# --- one claim ------------------------------------------------------------------------------


def _claim(
    doc: Doc,
    source_id: str,
    bounds: tuple[int, int],
    reference: date | None,
    locale: str | None,
    *,
    day_hint: bool = False,
) -> DateClaim | None:
    modified = open_ended(doc, bounds)
    if modified is not None:
        mod, core, outer = modified
        claim = _claim_at(doc, source_id, core, reference, locale, day_hint=day_hint)
        if claim is not None and claim.value is not None and claim.granularity != "interval":
            text = doc_text(doc)[outer[0] : outer[1]]
            return claim.model_copy(update={"start": outer[0], "end": outer[1], "text": text, "mod": mod})
    return _claim_at(doc, source_id, bounds, reference, locale, day_hint=day_hint)


def _claim_at(
    doc: Doc,
    source_id: str,
    bounds: tuple[int, int],
    reference: date | None,
    locale: str | None,
    *,
    day_hint: bool = False,
) -> DateClaim | None:
    start, end = bounds
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    verb = _governing_verb(span)
    text = doc_text(doc)[start:end]
    direction = "future" if designated(doc_text(doc), span, verb) else _tense(verb)
    if (start, end) in market_days_of(doc):
        resolution = resolve_span("today", Context(reference, direction, locale, day_hint))
    else:
        resolution = resolve_span(text, Context(reference, direction, locale, day_hint))
    if resolution.drop or (resolution.value is None and _VERB_MONTH_RE.match(text)):
        return None
    sentence_text, sentence_start = _sentence(span)
    return DateClaim(
        source=source_id,
        start=start,
        end=end,
        text=text,
        sentence=sentence_text,
        sentence_start=sentence_start,
        value=resolution.value,
        granularity=resolution.granularity,
        reason=resolution.reason if resolution.value is None else None,
        weekday=resolution.weekday,
        weekday_text=resolution.weekday_text,
        readings=list(resolution.readings),
        role="publication" if is_dateline(doc, start, end) else "event",
        relative=resolution.relative,
        event=verb.lemma_ if verb is not None else None,
        issues=_issues(doc_text(doc), start, resolution),
        time=resolution.time,
    )


def _issues(text: str, offset: int, resolution: Resolution) -> list[DateIssue]:
    return [
        DateIssue(
            kind=issue.kind,
            start=offset + issue.start,
            end=offset + issue.end,
            text=text[offset + issue.start : offset + issue.end],
            detail=issue.detail,
            suggestion=issue.suggestion,
        )
        for issue in resolution.issues
    ]


def _sentence(span: Span) -> tuple[str, int]:
    doc = span.doc
    if not doc.has_annotation("SENT_START"):
        return doc_text(doc), 0
    sentence = sentence_of(span[0])
    return span_text(sentence), sentence.start_char


def _governing_verb(span: Span) -> Token | None:
    """The first VERB/AUX up the dependency heads from the date's root, outside the date."""
    token = span.root
    for _ in range(len(span.doc)):
        if token.pos_ in {"VERB", "AUX"} and not span.start <= token.i < span.end:
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _tense(verb: Token | None) -> Direction:
    """Past or future from the predicate and its auxiliaries ("will", "is due to", "said")."""
    if verb is None:
        return None
    chain = [verb]
    while chain[-1].dep_ in _CLIMB_DEPS and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    tokens = chain + [c for head in chain for c in head.children if c.dep_ in _CORE_DEPS]
    if any(t.lower_ in _WILL for t in tokens):
        return "future"
    planned = any(_is_plan_marker(t) for t in tokens)
    past = any(t.tag_ in _PAST_TAGS for t in tokens if t.pos_ in {"VERB", "AUX"})
    if planned:
        # "was due to speak on Tuesday": a plan reported in the past can lie either side
        return None if past else "future"
    if past:
        return "past"
    perfect = any(t.lemma_ == "have" and t.dep_ == "aux" for t in tokens)
    if perfect and any(t.tag_ == "VBN" for t in chain):
        return "past"
    return None


def _is_plan_marker(token: Token) -> bool:
    """ "is due to", "are expected to", "plans to", "were to hold": a future the source only anticipates."""
    if token.lemma_.lower() in lex.FUTURE_WORDS and token.pos_ in {"VERB", "ADJ", "AUX"}:
        return True
    # "be to" + infinitive: "leaders were to meet on Friday"
    return token.lemma_ == "be" and any(
        child.dep_ == "xcomp" and child.tag_ == "VB" and any(a.tag_ == "TO" for a in child.children)
        for child in token.children
    )
