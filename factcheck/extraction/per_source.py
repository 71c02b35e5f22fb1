"""Extraction of one source: a parsed text to its dates, quantities and name mentions.

This is the part of a run that needs nothing but the source itself, its
reference date, the name index and the spaCy pipeline, so it is what the
claims cache stores and what worker processes run.
"""

from __future__ import annotations

import datetime as dt
import functools
import traceback
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from factcheck.claims import DateClaim, EntityClaim, QuantityClaim, SourceClaims, SourceOutcome
from factcheck.extraction.chunks import CHUNK_CHARS, chunk_bounds, parse_long
from factcheck.extraction.covered_text import CoveredText
from factcheck.extraction.dates.anchored import is_offset
from factcheck.extraction.dates.extract import extract_dates
from factcheck.extraction.entities import extract_entities
from factcheck.extraction.plugins import run_extractor_plugins
from factcheck.extraction.quantities.extract import extract_quantities
from factcheck.extraction.vocabulary import EnglishWords, english_words
from factcheck.names.index import NameIndex
from factcheck.sources.model import Source
from factcheck.timing import StageTimes

NLP_BATCH_SIZE = 32


def nlp_text(source: Source) -> str:
    """The text the model reads: front matter blanked out, offsets unchanged.

    Replacing front matter by spaces (keeping line breaks) means every spaCy
    offset is already an offset into the source text as decoded.
    """
    head = source.text[: source.body_start]
    blank = "".join(c if c in "\r\n" else " " for c in head)
    return blank + source.text[source.body_start :]


def describe_failure(exc: BaseException) -> str:
    where = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    place = f" at {where.filename}:{where.lineno}" if where else ""
    return f"extraction failed ({type(exc).__name__}: {exc}{place}); please report this"


def _without_measures(dates: list[DateClaim], quantities: list[QuantityClaim]) -> list[DateClaim]:
    """Drop an unread date span that holds a measure ("rated at 9 ksi", "an average of 85 days").

    The language model tags such spans as dates; the quantity extractor
    keeps a figure with a unit there (see ``extract_quantities``), and the
    date claim would only say it could not be read.
    """
    measures = [(q.start, q.end) for q in quantities if q.unit is not None]
    if not measures:
        return dates
    measured = CoveredText(max(e for _, e in measures), measures)
    return [d for d in dates if d.value is not None or not measured.overlaps(d.start, d.end)]


@dataclass(frozen=True)
class SourceExtractor:
    """The spaCy pipeline and the name index: all that turning a source into claims takes.

    ``chunk_chars`` is the length above which a source is parsed in pieces
    of at most that length (`factcheck.extraction.chunks`), and never more
    than the model's ``max_length``.
    """

    nlp: Language
    names: NameIndex
    chunk_chars: int = CHUNK_CHARS

    @functools.cached_property
    def words(self) -> EnglishWords:
        """The pipeline's English words, which tell a glued name ("Scholzsaid") from a name."""
        return english_words(self.nlp)

    def extract(
        self, doc: Doc, source: Source, reference: dt.date | None, times: StageTimes | None = None
    ) -> SourceClaims:
        """All claims of one parsed source; the cluster-level stages come after."""
        times = StageTimes() if times is None else times
        locale = source.language
        with times.stage("dates"):
            dates = extract_dates(doc, source.id, reference, locale=locale)
        with times.stage("quantities"):
            # an offset ("a fortnight earlier") is a date and a duration: its figure stays readable
            read = [(d.start, d.end) for d in dates if d.value is not None and not is_offset(d)]
            unread = [(d.start, d.end) for d in dates if d.value is None]
            quantities = extract_quantities(doc, source.id, read, locale=locale, unread=unread)
            dates = _without_measures(dates, quantities)
        with times.stage("names"):
            entities = extract_entities(
                doc, source.id, self.names, self.words, self.nlp.tokenizer, offset_floor=source.body_start
            )
        extra, notes = run_extractor_plugins(doc, source, reference)
        for claim in extra:
            if isinstance(claim, DateClaim):
                dates.append(claim)
            elif isinstance(claim, QuantityClaim):
                quantities.append(claim)
            elif isinstance(claim, EntityClaim):
                entities.append(claim)
        return SourceClaims(dates=dates, quantities=quantities, entities=entities, notes=notes)

    def outcomes(
        self,
        sources: Sequence[Source],
        references: Sequence[dt.date | None],
        times: StageTimes,
        on_piece: Callable[[int, float], None] | None = None,
    ) -> Iterator[SourceOutcome]:
        """Parse the sources with ``nlp.pipe`` and extract each, in order; a failure is one source's outcome.

        A source longer than ``chunk_chars`` is parsed in pieces and joined
        (`factcheck.extraction.chunks`); ``on_piece(i, share)`` is told as
        each piece but the last of source ``i`` is parsed, with the piece's
        share of the source's characters.
        """
        piece = min(self.chunk_chars, self.nlp.max_length)
        short = iter(self.nlp.pipe((nlp_text(s) for s in sources if len(s.text) <= piece), batch_size=NLP_BATCH_SIZE))
        for i, (source, reference) in enumerate(zip(sources, references, strict=True)):
            with times.stage("nlp"):
                doc = next(short) if len(source.text) <= piece else None
            try:
                if doc is None:
                    with times.stage("nlp"):
                        text = nlp_text(source)
                        report = None if on_piece is None else functools.partial(on_piece, i)
                        doc = parse_long(self.nlp, text, chunk_bounds(text, piece), report)
                yield SourceOutcome(claims=self.extract(doc, source, reference, times))
            except Exception as exc:  # a bug met on one text must not lose the run
                yield SourceOutcome(failure=describe_failure(exc))
