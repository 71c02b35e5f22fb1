"""An example factcheck plugin, installed by the Makefile and exercised by the tests.

It shows the three extension points: a check type (``Shouting``: words in
capitals that are not known acronyms), an extractor (names of a fictional
cast, so it never touches real texts) and a rule pack using the check.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field
from spacy.tokens import Doc

from factcheck.alignment import AlignedCluster
from factcheck.checks import Check
from factcheck.claims import EntityClaim
from factcheck.report import Evidence, Finding
from factcheck.sources import Source

FICTIONAL_CAST = ("Zorblax Quennington", "Mirelda Oxhound")
_CAST = re.compile("|".join(re.escape(n) for n in FICTIONAL_CAST))


class ShoutingParams(BaseModel):
    model_config = ConfigDict(extra="forbid")

    min_length: int = Field(default=6, ge=2, description="Shortest all-capital word reported.")


class Shouting(Check):
    """Words in capitals that no reference list knows as an acronym."""

    name = "shouting"
    Params = ShoutingParams
    message_fields = frozenset({"text", "suggestion"})

    def run(self, cluster: AlignedCluster) -> Iterator[Finding]:
        params = self.params
        assert isinstance(params, ShoutingParams)
        pattern = re.compile(rf"\b[A-Z]{{{params.min_length},}}\b")
        for source in cluster.sources.values():
            for match in pattern.finditer(source.text):
                if match.group() in cluster.names.exact:
                    continue
                suggestion = match.group().capitalize()
                yield self.finding(
                    [Evidence(source=source.id, start=match.start(), end=match.end(), text=match.group())],
                    {"text": match.group(), "suggestion": suggestion},
                    suggestion=suggestion,
                )


def extract_fictional_names(doc: Doc, source: Source, reference: dt.date | None) -> Iterator[EntityClaim]:
    for match in _CAST.finditer(source.text):
        yield EntityClaim(
            source=source.id,
            start=match.start(),
            end=match.end(),
            text=match.group(),
            label="PERSON",
            canonical=match.group(),
            surface=match.group(),
            match="canonical",
        )


def rules_dir() -> Path:
    return Path(__file__).parent / "rules"
