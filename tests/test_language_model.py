"""The detector's model kept unpacked in the table cache (issue 19): the same identifier, never a damaged one."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from factcheck.sources.language_model import LANGID_TABLES, _read, load_identifier

TEXTS = [
    "The harbour board of Quillon said on Monday that the ferry would sail again next week.",
    "Der Hafenrat von Quillon sagte am Montag, die Fähre werde nächste Woche wieder fahren.",
    "Le conseil du port de Quillon a déclaré lundi que le ferry reprendrait la mer la semaine prochaine.",
    "Quillon",
    "",
]


@pytest.fixture(scope="module")
def reference() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("FACTCHECK_TABLE_CACHE", raising=False)
    return tmp_path


def _same(identifier: LanguageIdentifier, reference: LanguageIdentifier) -> None:
    for text in TEXTS:
        assert identifier.classify(text) == reference.classify(text)
        assert identifier.rank(text) == reference.rank(text)
    assert identifier.nb_classes == reference.nb_classes
    assert np.array_equal(identifier.nb_ptc, reference.nb_ptc)
    assert list(identifier.tk_nextmove) == list(reference.tk_nextmove)


def _entry(cache_dir: Path) -> Path:
    [entry] = (cache_dir / "tables" / LANGID_TABLES).iterdir()
    return entry


def test_the_unpacked_model_is_kept_and_read_back_as_py3langid_reads_it(
    cache_dir: Path, reference: LanguageIdentifier
) -> None:
    _same(load_identifier(), reference)  # unpacked, and kept
    assert sorted(p.name for p in _entry(cache_dir).iterdir()) == sorted(
        f"{n}.npy" for n in ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")
    )
    _same(load_identifier(), reference)  # mapped from the entry


@pytest.mark.parametrize(
    "damage",
    [
        lambda entry: (entry / "ptc.npy").write_bytes(b"not an array"),
        lambda entry: (entry / "out_feat.npy").unlink(),
        lambda entry: np.save(entry / "nextmove_row.npy", np.array([2**16 - 1], dtype=np.uint16)),
        lambda entry: np.save(entry / "out_feat.npy", np.full(104_583, 10**8, dtype=np.int32)),
    ],
    ids=["unreadable", "missing", "wrong length", "index out of range"],
)
def test_a_damaged_entry_is_unpacked_again(cache_dir: Path, reference: LanguageIdentifier, damage: object) -> None:
    load_identifier()
    damage(_entry(cache_dir))  # type: ignore[operator]
    _same(load_identifier(), reference)
    assert _read(_entry(cache_dir)) is not None  # the damaged entry was replaced by a good one


def test_no_entry_when_the_tables_are_off(
    cache_dir: Path, reference: LanguageIdentifier, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FACTCHECK_TABLE_CACHE", "0")
    _same(load_identifier(), reference)
    assert not (cache_dir / "tables").exists()
