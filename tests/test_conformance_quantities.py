"""Conformance of the number and quantity readers (see ``tests/conformance/quantities.py``).

Runs the Recognizers-Text and quantulum3 cases copied under ``tests/data/conformance``
and holds each file's pass rate at a floor one point under the rate measured when
the floor was set, so a regression fails while small gains need no edit here.
Raise a floor after improving the extractor.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.conformance.quantities import (
    SPEC_FILES,
    FileResult,
    load_cases,
    load_unsupported,
    run,
)

MEASURED: dict[str, float] = {
    "NumberModel": 96.3,
    "NumberRangeModel": 95.2,
    "PercentModel": 100.0,
    "CurrencyModel": 90.0,
    "DimensionModel": 91.5,
    "quantulum3": 97.1,
}
"""Pass rate per file (percent, unsupported cases excluded) when the floors were set."""


@pytest.fixture(scope="module")
def results(nlp: Language) -> dict[str, FileResult]:
    return run(nlp)


@pytest.mark.parametrize("name", list(SPEC_FILES))
def test_pass_rate_floor(results: dict[str, FileResult], name: str) -> None:
    res = results[name]
    failing = [case.input[:80] for case, _ in res.failures]
    assert res.rate >= MEASURED[name] - 1.0, (
        f"{name}: {res.rate:.1f}% < floor {MEASURED[name] - 1.0:.1f}%; failing: {failing}"
    )


def test_every_file_is_measured() -> None:
    assert set(MEASURED) == set(SPEC_FILES)


def test_unsupported_entries_name_existing_cases() -> None:
    entries = load_unsupported()
    assert entries, "the unsupported list is empty: remove this test's data file instead"
    inputs = {name: {c.input for c in load_cases(name)} for name in SPEC_FILES}
    seen: set[tuple[str, str]] = set()
    for e in entries:
        assert set(e) == {"file", "input", "reason"}, e
        assert e["file"] in SPEC_FILES, e
        assert e["input"] in inputs[e["file"]], f"no such case: {e}"
        assert e["reason"].strip() and "\n" not in e["reason"].strip(), e
        key = (e["file"], e["input"])
        assert key not in seen, f"listed twice: {e}"
        seen.add(key)


def test_spec_data_is_local() -> None:
    for path in SPEC_FILES.values():
        assert path.is_file(), path
        assert "/work/shared" not in str(path)
