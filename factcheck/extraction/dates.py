"""Date claims: every date expression in a source, resolved against its publication date.

Candidates come from two places: the statistical NER (DATE and TIME
entities) and a pattern pass over the raw text for the shapes the model
splits or misses ("this Tuesday, 1", "Tuesday 1is February", "Dec. 23",
ISO and numeric dates).  Overlapping candidates are merged so one written
expression gives one claim.  Each merged span is then read on its own by
:mod:`factcheck.extraction.date_resolution`; the document contributes only
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

from spacy.tokens import Doc, Span, Token

from factcheck.claims import DateClaim, DateIssue
from factcheck.extraction import date_lexicon as lex
from factcheck.extraction.date_calendar import Direction
from factcheck.extraction.date_resolution import resolve_span
from factcheck.extraction.date_types import Context, Resolution

__all__ = ["extract_dates"]

_TRIM_LEAD: Final[str] = " \t\r\n,;:([{\"'“‘«-–—"
_TRIM_TAIL: Final[str] = " \t\r\n,;:)]}\"'”’»-–—"
_CLOCK_RE: Final[re.Pattern[str]] = re.compile(r"\d(?::[0-5]\d|\s*[ap]\.?\s?m\b)", re.IGNORECASE)
_SINCE_BEFORE_RE: Final[re.Pattern[str]] = re.compile(r"\b(?:ever\s+)?since\s+$", re.IGNORECASE)
_SINCE_LEAD_RE: Final[re.Pattern[str]] = re.compile(r"(?:ever\s+)?since\s+", re.IGNORECASE)
_IN_BEFORE_RE: Final[re.Pattern[str]] = re.compile(r"\b(?:in|within)\s+$", re.IGNORECASE)
_COUNTED_UNIT_RE: Final[re.Pattern[str]] = re.compile(
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|several)\s+"
    r"(?:days?|weeks?|months?|years?)",
    re.IGNORECASE,
)
_COUNT_AFTER_RE: Final[re.Pattern[str]] = re.compile(r"\s*(?:%|per\s?cent\b|percent\b)")
_SEGMENT_BREAK_RE: Final[re.Pattern[str]] = re.compile(r"[.!?|•·]\s")
_LAST_WORD_RE: Final[re.Pattern[str]] = re.compile(r"[A-Za-z]+$")
_ABBREVIATIONS: Final[frozenset[str]] = frozenset(
    {w for w in lex.MONTHS if w.capitalize() not in lex.MONTH_NAMES}
    | {w for w in lex.WEEKDAYS if w.capitalize() not in lex.WEEKDAY_NAMES}
    | {"m"}
)
_CORE_DEPS: Final[frozenset[str]] = frozenset({"aux", "auxpass", "acomp", "xcomp", "neg"})
"""Children that carry the predicate's tense or modality, not a clause of their own."""
_WILL: Final[frozenset[str]] = frozenset({"will", "shall", "'ll", "wo"})
_PAST_TAGS: Final[frozenset[str]] = frozenset({"VBD"})
_CLIMB_DEPS: Final[frozenset[str]] = frozenset({"xcomp", "acomp", "auxpass", "aux"})
_PUBLICATION_SCAN_LINES: Final[int] = 5
"""How many lines from the top a bare date on its own line counts as the dateline."""


def extract_dates(
    doc: Doc, source_id: str, reference: date | None, *, locale: str | None = None
) -> list[DateClaim]:
    """Every date expression in ``doc`` as a claim, resolved against ``reference``.

    ``locale`` (e.g. "en-US", "en-GB", "fr") settles the day/month order of
    numeric dates; without it an ambiguous one keeps both readings.
    """
    claims: list[DateClaim] = []
    for span in _merged_spans(doc):
        claim = _claim(doc, source_id, span, reference, locale)
        if claim is None:
            continue
        claims.append(claim)
        lead = _SINCE_LEAD_RE.match(claim.text)
        if lead and claim.granularity == "interval":
            # "since Dec. 23" states a day as well as a stretch: report both,
            # so the day compares with other sources' dates of that event.
            anchor = _claim(doc, source_id, (span[0] + lead.end(), span[1]), reference, locale)
            if anchor is not None:
                claims.append(anchor)
    return claims


# --- candidates ---------------------------------------------------------------------------


def _merged_spans(doc: Doc) -> list[tuple[int, int]]:
    """Candidate spans, trimmed, merged where they overlap, times joined to their dates."""
    text = doc.text
    candidates = [
        trimmed for start, end in _candidates(doc)
        if (trimmed := _trim(text, start, end)) is not None
    ]
    merged: list[tuple[int, int]] = []
    for start, end in sorted(candidates):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return [_with_lead_word(text, span) for span in _join_clock_times(text, merged)]


def _candidates(doc: Doc) -> list[tuple[int, int]]:
    found = [
        (ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ in {"DATE", "TIME"}
    ]
    for pattern in lex.CANDIDATE_PATTERNS:
        group = "d" if "d" in pattern.groupindex else 0
        found.extend(match.span(group) for match in pattern.finditer(doc.text))
    starts = [token.idx for token in doc]
    return [span for span in found if not _not_a_date(doc, starts, span)]


def _not_a_date(doc: Doc, starts: list[int], span: tuple[int, int]) -> bool:
    """Ages ("aged 45") and counts ("2000 people", "30 percent") that look like dates."""
    text = doc.text
    start, end = span
    if lex.AGE_CONTEXT_RE.search(text, max(0, start - 12), start):
        return True
    if not text[start:end].rstrip()[-1:].isdigit():
        return False
    if _COUNT_AFTER_RE.match(text, end):
        return True
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
    while end > start and (
        text[end - 1] in _TRIM_TAIL or (text[end - 1] == "." and not _ends_abbreviation(text, end))
    ):
        end -= 1
    return (start, end) if end > start and not text[start:end].isspace() else None


def _ends_abbreviation(text: str, end: int) -> bool:
    """Whether the "." at ``end - 1`` closes "Sept." or "a.m." rather than the sentence."""
    word = _LAST_WORD_RE.search(text, 0, end - 1)
    return word is not None and word[0].lower() in _ABBREVIATIONS


def _join_clock_times(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join "3:17 a.m." and "Oct. 14" when only "on", "at" or a comma stands between them."""
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        if joined:
            prev_start, prev_end = joined[-1]
            left, right = text[prev_start:prev_end], text[start:end]
            one_is_clock = bool(_CLOCK_RE.search(left)) != bool(_CLOCK_RE.search(right))
            if one_is_clock and lex.CONNECTOR_RE.match(text[prev_end:start]):
                joined[-1] = (prev_start, end)
                continue
        joined.append((start, end))
    return joined


def _with_lead_word(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """Take a preceding "since" (an interval) or "in" before "two weeks" (a point) into the span.

    Without the word the expression means something else: "Dec. 23" is a day,
    "since Dec. 23" a stretch up to the reference; "two weeks" is a duration,
    "in two weeks" a date.
    """
    window = max(0, span[0] - 12)
    match = _SINCE_BEFORE_RE.search(text, window, span[0])
    if match is None and _COUNTED_UNIT_RE.fullmatch(text, span[0], span[1]):
        match = _IN_BEFORE_RE.search(text, window, span[0])
    return (match.start(), span[1]) if match else span


# --- one claim ------------------------------------------------------------------------------


def _claim(
    doc: Doc, source_id: str, bounds: tuple[int, int], reference: date | None,
    locale: str | None,
) -> DateClaim | None:
    start, end = bounds
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    verb = _governing_verb(span)
    text = doc.text[start:end]
    resolution = resolve_span(text, Context(reference, _tense(verb), locale))
    if resolution.drop:
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
        role="publication" if _is_dateline(doc.text, start, end) else "event",
        relative=resolution.relative,
        event=verb.lemma_ if verb is not None else None,
        issues=_issues(doc.text, start, resolution),
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
        return doc.text, 0
    sentence = span[0].sent
    return sentence.text, sentence.start_char


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
    """"is due to", "are expected to", "plans to": a future the source only anticipates."""
    return token.lemma_.lower() in lex.FUTURE_WORDS and token.pos_ in {"VERB", "ADJ", "AUX"}


def _is_dateline(text: str, start: int, end: int) -> bool:
    """A "Published: ..." / "date 2022-02-02" line, or a date alone on a line near the top."""
    line_start = text.rfind("\n", 0, start) + 1
    segment = _SEGMENT_BREAK_RE.split(text[line_start:start])[-1]
    if lex.DATELINE_PREFIX_RE.match(segment):
        return True
    line_end = text.find("\n", end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    near_top = text.count("\n", 0, line_start) < _PUBLICATION_SCAN_LINES
    return near_top and line.strip(" \t\r.") == text[start:end]
