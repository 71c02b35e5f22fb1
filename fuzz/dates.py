"""Fuzz date normalization: span resolution (with dateparser) against a reference date."""

from __future__ import annotations

import datetime as dt
import os
import sys

import atheris

sys.path.insert(0, os.path.dirname(__file__))
from _common import run, text_of

with atheris.instrument_imports(include=["factcheck"]):
    from factcheck.extraction.dates.normalising import malformed_ordinals, normalise
    from factcheck.extraction.dates.resolution import resolve_span
    from factcheck.extraction.dates.types import Context

LOCALES = (None, "en-US", "en-GB", "fr", "de", "xx-invalid", "")
DIRECTIONS = (None, "past", "future")


def target(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    # Reference dates of plausible news (1800-2199); the calendar's behaviour at
    # year 1 and 9999 is a known, reported issue (add_months overflows there).
    day = provider.ConsumeIntInRange(0, 146_100)
    reference = None if day == 0 else dt.date(1800, 1, 1) + dt.timedelta(days=day - 1)
    locale = LOCALES[provider.ConsumeIntInRange(0, len(LOCALES) - 1)]
    direction = DIRECTIONS[provider.ConsumeIntInRange(0, len(DIRECTIONS) - 1)]
    hint = provider.ConsumeBool()
    text = text_of(provider, 200)
    normalise(text)
    for issue in malformed_ordinals(text):
        assert 0 <= issue.start <= issue.end <= len(text), issue
    ctx = Context(reference=reference, direction=direction, locale=locale, day_hint=hint)  # type: ignore[arg-type]
    resolution = resolve_span(text, ctx)
    for issue in resolution.issues:
        assert 0 <= issue.start <= issue.end <= len(text), (text, issue)
    if resolution.value is not None:
        assert isinstance(resolution.value, str)


if __name__ == "__main__":
    run(target, "dates")
