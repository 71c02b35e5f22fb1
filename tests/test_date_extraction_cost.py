"""What the dates stage does once per document, and the shortcuts it takes that must change nothing.

On the real spaCy pipeline; sentences invented for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from factcheck.extraction.dates import extract
from factcheck.extraction.dates.cues import CueWindows, find_cues
from factcheck.extraction.dates.extract import extract_dates
from factcheck.extraction.doc_index import doc_text

_DATELINED = (
    "14 October 2025\n\n"
    "The council met this morning and will vote on Thursday. Two weeks earlier, on 30 September, "
    "the mayor resigned; the election is planned for 3 November 2025."
)


def test_an_article_that_dates_itself_is_scanned_for_dates_once(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    # its own dateline changes the reference, so its dates are read twice; the candidates,
    # which do not depend on the reference, are found once
    doc = nlp(_DATELINED)
    expected = extract_dates(nlp(_DATELINED), "src", date(2025, 1, 1))
    scans: list[str] = []
    real = find_cues

    def counted(text: str) -> CueWindows:
        scans.append(text)
        return real(text)

    monkeypatch.setattr(extract, "find_cues", counted)
    claims = extract_dates(doc, "src", date(2025, 1, 1))
    assert len(scans) == 1
    assert claims == expected
    assert {c.value for c in claims if c.text == "Thursday"} == {"2025-10-16"}


@pytest.mark.parametrize(
    "text",
    [
        "The vote was on 3 March.  It passed.\n\nA second vote  followed on 10 March .\n",
        "  Leading spaces, then a date: 4 May 2021.\tTabs\tand a date on Friday.   ",
        "One line\r\nand another on 2 June\r\n\r\nand a last one.",
    ],
)
def test_a_claims_sentence_is_the_sentence_as_spacy_gives_it(nlp: Language, text: str) -> None:
    # the sentence is sliced from the document's text instead of joined from its tokens
    doc = nlp(text)
    for claim in extract_dates(doc, "src", date(2025, 10, 14)):
        sentence = next(s for s in doc.sents if s.start_char <= claim.start < s.end_char)
        assert claim.sentence == sentence.text
        assert claim.sentence_start == sentence.start_char
    for sentence in doc.sents:
        assert doc_text(doc)[sentence.start_char : sentence.end_char] == sentence.text
