"""Long sources (issue 17): parsed in pieces without losing a span, one size limit, progress within a source.

Speed is measured by ``make bench`` (benchmarks/long_article.py), not by
timed tests; here the pieces are made tiny so that a short text is cut in
many places, and the linear replacements of quadratic passes are held to
the answers of the passes they replaced.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

import factcheck
from factcheck.cli import main
from factcheck.extraction.chunks import chunk_bounds, parse_long
from factcheck.extraction.covered_text import CoveredText
from factcheck.extraction.dates.cues import _BREAK_RE, CUE_MARGIN, _merge_windows
from factcheck.extraction.dates.extract import _ABBREVIATIONS, _LAST_WORD_RE, _ends_abbreviation
from factcheck.extraction.dates.lexicon import DATELINE_PREFIX_RE
from factcheck.extraction.dates.news import is_dateline
from factcheck.extraction.per_source import SourceExtractor, nlp_text
from factcheck.extraction.run import ExtractionSettings, extract_sources
from factcheck.rulebook.compiled import load_rules_and_names
from factcheck.rulebook.config import Config, load_config
from factcheck.sources.model import Source
from factcheck.timing import StageTimes

PARAGRAPHS = [
    "Mayor Hilde Brandvold said on Tuesday, 4 June 2024, that 312 homes in Tromvik had been flooded.",
    "The river rose 2.4 metres overnight. Finance Minister Okonkwo Adeyemi promised 45 million euros "
    "for repairs, and Red Cross volunteers handed out 1,800 blankets.",
    "Hilde Brandvold visited the harbour on Wednesday with Adeyemi. About 60 percent of the town lost "
    "power for 14 hours, the utility said.",
    "By Friday the water had fallen by 90 cm. Schools will reopen on 10 June, Brandvold told reporters, "
    "and the ferry to Sandholm resumes next week.",
    "The regional governor, Ingrid Salvesen, said 3 people were still missing on Saturday evening.",
]
TEXT = "\n\n".join(PARAGRAPHS) + "\n"
REFERENCE = dt.date(2024, 6, 8)


@pytest.fixture(scope="module")
def extractor(nlp: Language) -> SourceExtractor:
    return SourceExtractor(nlp, load_rules_and_names(None)[1])


def claims_of(extractor: SourceExtractor, source: Source, chunk_chars: int) -> list[dict[str, object]]:
    small = SourceExtractor(extractor.nlp, extractor.names, chunk_chars=chunk_chars)
    (outcome,) = small.outcomes([source], [REFERENCE], StageTimes())
    assert outcome.claims is not None, outcome.failure
    found = outcome.claims
    return [c.model_dump() for c in (*found.dates, *found.quantities, *found.entities)]


# --- pieces -----------------------------------------------------------------------------------


def test_pieces_cover_the_text_and_end_after_paragraph_breaks() -> None:
    bounds = chunk_bounds(TEXT, 300)
    assert len(bounds) > 2
    assert bounds[0][0] == 0 and bounds[-1][1] == len(TEXT)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(bounds))  # contiguous
    assert all(end - start <= 300 for start, end in bounds)
    for _, end in bounds[:-1]:
        assert TEXT[end - 2 : end] == "\n\n" and not TEXT[end].isspace()  # after a paragraph, on a word


def test_pieces_end_at_sentences_then_words_then_anywhere() -> None:
    one_paragraph = " ".join(["The council met again. It voted twice."] * 8)
    for _start, end in chunk_bounds(one_paragraph, 60)[:-1]:
        assert one_paragraph[:end].endswith(". ")
    words = "word " * 40
    assert all(words[:end].endswith(" ") for _, end in chunk_bounds(words, 23)[:-1])
    assert chunk_bounds("x" * 25, 10) == [(0, 10), (10, 20), (20, 25)]
    assert chunk_bounds("short", 10) == [(0, 5)]
    with pytest.raises(ValueError):
        chunk_bounds("text", 1)


def test_a_text_parsed_in_pieces_gives_the_claims_of_the_whole_text(extractor: SourceExtractor) -> None:
    source = Source(id="flood", text=TEXT)
    whole = claims_of(extractor, source, chunk_chars=100_000)
    pieces = claims_of(extractor, source, chunk_chars=250)
    assert len(chunk_bounds(TEXT, 250)) > 2
    assert {c["kind"] for c in whole} >= {"date", "quantity", "entity"}
    assert pieces == whole


def test_spans_of_claims_from_later_pieces_are_spans_of_the_source(extractor: SourceExtractor) -> None:
    head = "---\ntitle: Flood in Tromvik\npublished: 2024-06-08\n---\n"
    source = Source.from_text(head + TEXT, id="flood")
    first_end = chunk_bounds(nlp_text(source), 200)[0][1]
    claims = claims_of(extractor, source, chunk_chars=200)
    later = [c for c in claims if int(str(c["start"])) >= first_end]
    assert len(later) > 10
    read = nlp_text(source)  # the source's text with its front matter blanked, offset for offset
    for claim in claims:
        start, end, sentence_start = (int(str(claim[k])) for k in ("start", "end", "sentence_start"))
        assert source.text[start:end] == claim["text"]
        sentence = str(claim["sentence"])
        assert read[sentence_start : sentence_start + len(sentence)] == sentence
        assert start >= source.body_start


def test_a_text_longer_than_the_models_limit_is_read_in_pieces(nlp: Language) -> None:
    """spaCy refuses a text over ``nlp.max_length``; the pieces never exceed it, and the source is checked."""
    text = TEXT * 6
    saved = nlp.max_length
    nlp.max_length = 600
    try:
        report = factcheck.check(texts=[text], reference_date="2024-06-08")
        joined = parse_long(nlp, text, chunk_bounds(text, 600))
    finally:
        nlp.max_length = saved
    assert report.summary.sources_skipped == 0 and not report.problems
    assert len([c for c in report.claims if c.kind == "entity"]) > 20
    assert joined.text == text and joined.has_annotation("SENT_START")


# --- progress within a long source ------------------------------------------------------------


def test_progress_tells_a_long_source_in_shares_that_add_up_to_one(extractor: SourceExtractor) -> None:
    small = SourceExtractor(extractor.nlp, extractor.names, chunk_chars=200)
    sources = [Source(id="short", text=PARAGRAPHS[0]), Source(id="long", text=TEXT)]
    told: list[float] = []
    extract_sources(sources, [REFERENCE, REFERENCE], ExtractionSettings(small, None), StageTimes(), told.append)
    assert told[0] == 1  # the short source, at once
    assert len(told) == 1 + len(chunk_bounds(TEXT, 200))  # the long one piece by piece
    assert all(0 < share < 1 for share in told[1:])
    assert sum(told[1:]) == pytest.approx(1)


# --- one size limit ---------------------------------------------------------------------------


def test_a_text_over_the_size_limit_is_skipped_with_a_problem_naming_the_option() -> None:
    big = "Crews worked through the night. " * 10  # 320 bytes
    report = factcheck.check([Source(id="given", text=big)], texts=[big, "A short text."], max_source_bytes=200)
    assert report.summary.sources_skipped == 2 and [s.id for s in report.sources] == ["text-2"]
    for problem in report.problems:
        assert "source is 320 bytes, over the 200-byte limit" in problem.message
        assert "--max-source-bytes" in problem.message and "max-source-bytes in the configuration" in problem.message
    assert factcheck.check(texts=[big], max_source_bytes=0).summary.sources_skipped == 0  # 0: no limit


def test_the_limit_counts_bytes_of_utf8() -> None:
    accented = "Å" * 60  # 60 characters, 120 bytes
    assert factcheck.check(texts=[accented], max_source_bytes=100).summary.sources_skipped == 1
    assert factcheck.check(texts=[accented], max_source_bytes=120).summary.sources_skipped == 0


def test_the_limit_comes_from_the_argument_the_environment_or_the_configuration(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    big = "Crews worked through the night. " * 10
    monkeypatch.delenv("FACTCHECK_MAX_SOURCE_BYTES", raising=False)
    assert factcheck.check(texts=[big], config=Config(max_source_bytes=200)).summary.sources_skipped == 1
    unlimited = factcheck.check(texts=[big], config=Config(max_source_bytes=200), max_source_bytes=0)
    assert unlimited.summary.sources_skipped == 0
    monkeypatch.setenv("FACTCHECK_MAX_SOURCE_BYTES", "0")
    assert factcheck.check(texts=[big], config=Config(max_source_bytes=200)).summary.sources_skipped == 0


def test_the_command_takes_the_limit_from_the_flag_and_from_factcheck_toml(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("FACTCHECK_MAX_SOURCE_BYTES", raising=False)
    article = tmp_path / "long.txt"
    article.write_text("Crews worked through the night in Tromvik. " * 20, encoding="utf-8")
    assert main(["check", str(article), "--no-config", "--no-cache", "--max-source-bytes", "100"]) == 2
    assert "raise it with --max-source-bytes" in capsys.readouterr().err
    config = tmp_path / "factcheck.toml"
    config.write_text("max-source-bytes = 100\n", encoding="utf-8")
    assert load_config(config).max_source_bytes == 100
    assert main(["check", str(article), "--config", str(config), "--no-cache"]) == 2
    assert "over the 100-byte limit" in capsys.readouterr().err
    assert main(["check", str(article), "--config", str(config), "--no-cache", "--max-source-bytes", "0"]) in (0, 1)


# --- the linear passes give the answers of the passes they replaced ---------------------------

spans = st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12)).map(lambda p: (p[0], p[0] + p[1])), max_size=12)


@given(spans, st.integers(0, 70), st.integers(1, 12))
def test_covered_text_answers_as_a_scan_of_the_spans(marked: list[tuple[int, int]], start: int, width: int) -> None:
    covered = CoveredText(80, marked)
    end = start + width
    assert covered.overlaps(start, end) == any(s < end and start < e for s, e in marked)
    assert covered.covers(start) == any(s <= start < e for s, e in marked)


def test_covered_text_refuses_an_empty_span() -> None:
    with pytest.raises(ValueError):
        CoveredText(10, [(2, 5)]).overlaps(3, 3)


def _merge_windows_by_searching_each_time(text: str, spots: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The cue windows as they were found before issue 17: one search for a break per window."""
    windows: list[tuple[int, int]] = []
    for cue_start, cue_end in spots:
        start = max(0, cue_start - CUE_MARGIN)
        if windows and cue_end + CUE_MARGIN <= windows[-1][1]:
            continue
        stop = _BREAK_RE.search(text, min(len(text), cue_end + CUE_MARGIN))
        end = stop.end() if stop else len(text)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], end))
        else:
            windows.append((start, end))
    return windows


@settings(max_examples=200)
@given(st.text(alphabet="ab .\n", max_size=400), st.lists(st.integers(0, 400), max_size=15))
def test_cue_windows_reuse_a_break_found_ahead(text: str, offsets: list[int]) -> None:
    spots = sorted((min(o, len(text)), min(o + 3, len(text))) for o in offsets)
    assert _merge_windows(text, spots) == _merge_windows_by_searching_each_time(text, spots)


def _words(count: int) -> Iterator[str]:
    names = ["Brandvold", "Adeyemi", "Salvesen", "Tromvik", "Sandholm"]
    for k in range(count):
        yield f"{names[k % 5]} said {k % 90 + 2} boats left on {k % 27 + 1} June."


def test_a_long_paragraph_of_many_names_gives_the_claims_of_the_whole(extractor: SourceExtractor) -> None:
    """One paragraph is cut at sentence ends; the names stage still takes each mention once."""
    text = " ".join(_words(300))
    pieces = claims_of(extractor, Source(id="many", text=text), chunk_chars=3_000)
    assert pieces == claims_of(extractor, Source(id="many", text=text), chunk_chars=100_000)
    entities = [(int(str(c["start"])), int(str(c["end"]))) for c in pieces if c["kind"] == "entity"]
    assert len(entities) > 150
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(entities))  # in order, none overlapping


def _is_dateline_scanning_the_text(text: str, start: int, end: int) -> bool:
    """The dateline test as it was before issue 17: the line found and its breaks counted in the text."""
    line_start = text.rfind("\n", 0, start) + 1
    segment = re.split(r"[.!?|•·]\s", text[line_start:start])[-1]
    if DATELINE_PREFIX_RE.match(segment):
        return True
    line_end = text.find("\n", end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    near_top = text.count("\n", 0, line_start) < 5
    return near_top and line.strip(" \t\r.") == text[start:end]


lines = st.lists(
    st.sampled_from(["Published: 3 May 2024", "3 May 2024", "Oslo. 3 May 2024 .", "", "It rained on 3 May 2024."]),
    max_size=9,
)


@settings(max_examples=150)
@given(lines)
def test_the_dateline_is_found_in_the_line_index_as_in_the_text(nlp: Language, rows: list[str]) -> None:
    text = "\n".join(rows)
    doc = nlp.make_doc(text)
    for match in re.finditer("3 May 2024", text):
        assert is_dateline(doc, *match.span()) == _is_dateline_scanning_the_text(text, *match.span())


@given(st.text(alphabet="aSeptm. 1", max_size=40), st.integers(1, 40))
def test_the_word_before_a_full_stop_is_read_from_a_window_as_from_the_start(text: str, end: int) -> None:
    end = min(end, len(text))
    if end < 1:
        return
    word = _LAST_WORD_RE.search(text, 0, end - 1)
    assert _ends_abbreviation(text, end) == (word is not None and word[0].lower() in _ABBREVIATIONS)
