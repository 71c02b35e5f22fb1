"""Fuzz quantity normalization: numbers in any notation, units, and the spaCy extractor."""

from __future__ import annotations

import math
import os
import re
import sys

import atheris

sys.path.insert(0, os.path.dirname(__file__))
from _common import run, text_of

with atheris.instrument_imports(include=["factcheck"]):
    from factcheck.checks.units import PINT_NAMES, to_base
    from factcheck.extraction.nlp import load_pipeline
    from factcheck.extraction.quantities import numbers
    from factcheck.extraction.quantities.extract import extract_quantities

NLP = load_pipeline()
LOCALES = (None, "en", "de-DE", "fr", "xx")
UNITS = sorted(PINT_NAMES)
SURROGATES = re.compile("[\ud800-\udfff]")


def target(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    locale = LOCALES[provider.ConsumeIntInRange(0, len(LOCALES) - 1)]
    flags = [provider.ConsumeBool() for _ in range(4)]
    use_nlp = provider.ConsumeIntInRange(0, 7) == 0
    unit = UNITS[provider.ConsumeIntInRange(0, len(UNITS) - 1)]
    text = text_of(provider, 300)
    for nm in numbers.find_numbers(
        text, locale, signed=flags[0], slash_fractions=flags[1], exponents=flags[2], ratios=flags[3]
    ):
        assert text[nm.start : nm.end] == nm.text, (text, nm)
        if nm.value is not None and math.isfinite(nm.value):
            to_base(nm.value, unit)
    numbers.parse_number(text, locale)
    numbers.parse_percent(text, locale)
    numbers.parse_digits(text, locale, prefer_thousands=flags[0])
    numbers.parse_vague(text)
    numbers.parse_fraction(text)
    numbers.is_ambiguous_dot(text, locale)
    if use_nlp:
        # A Source cannot hold lone surrogates (its model refuses them), so the
        # extractor never meets one; the number readers above do.
        text = SURROGATES.sub("\ufffd", text)
        doc = NLP(text)
        for claim in extract_quantities(doc, "s", [], locale=locale):
            assert text[claim.start : claim.end] == claim.text, (text, claim)


if __name__ == "__main__":
    run(target, "quantities")
