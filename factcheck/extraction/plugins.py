"""Extractors from other packages (the ``factcheck.extractors`` entry point group).

An extractor plugin is a callable ``(doc, source, reference) -> iterable of
claims`` (`DateClaim`, `QuantityClaim` or `EntityClaim`), run after the
bundled extractors on every source.  Its claims go through the same checks
as the bundled ones.  A plugin that fails to import, raises, or returns a
claim whose span is not exact is reported, and the run goes on.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable
from importlib.metadata import entry_points

from spacy.tokens import Doc

from factcheck.claims import CLAIM_TYPES, AnyClaim
from factcheck.sources.model import Source

ENTRY_POINTS = "factcheck.extractors"

Extractor = Callable[[Doc, Source, dt.date | None], Iterable[AnyClaim]]


@functools.cache
def extractor_plugins() -> tuple[tuple[tuple[str, str, Extractor], ...], tuple[str, ...]]:
    """(name, version, callable) of each loadable plugin, and the load errors."""
    found: list[tuple[str, str, Extractor]] = []
    errors: list[str] = []
    for entry in sorted(entry_points(group=ENTRY_POINTS), key=lambda e: e.name):
        try:
            loaded = entry.load()
        except Exception as exc:  # a broken plugin must not stop the run
            errors.append(f"extractor plugin {entry.name!r} failed to load: {exc}")
            continue
        if not callable(loaded):
            errors.append(f"extractor plugin {entry.name!r} is not callable")
            continue
        version = entry.dist.version if entry.dist is not None else "?"
        found.append((entry.name, version, loaded))
    return tuple(found), tuple(errors)


def run_extractor_plugins(
    doc: Doc, source: Source, reference: dt.date | None
) -> tuple[list[AnyClaim], list[str]]:
    """Claims from every plugin, and what went wrong (as messages naming the plugin)."""
    claims: list[AnyClaim] = []
    errors: list[str] = []
    for name, _, extractor in extractor_plugins()[0]:
        try:
            produced = list(extractor(doc, source, reference))
        except Exception as exc:  # reported against this source; the other extractors' claims stay
            errors.append(f"extractor plugin {name!r} failed on {source.id!r}: {type(exc).__name__}: {exc}")
            continue
        for claim in produced:
            if not isinstance(claim, CLAIM_TYPES):
                errors.append(f"extractor plugin {name!r} returned {type(claim).__name__}, not a claim")
            elif claim.source != source.id or source.text[claim.start : claim.end] != claim.text:
                errors.append(f"extractor plugin {name!r} returned a claim whose span is not exact: {claim.text!r}")
            else:
                claims.append(claim)
    return claims, errors
