"""The language detector's model, unpacked once per machine and mapped from disk after.

py3langid ships its model LZMA-compressed (4.5 MB; 68 MB unpacked), and
unpacking it was nearly all of the half second a run paid on its first text
that needs the detector (on ECB+, 32 of 982 articles are short texts that
do, so most news runs pay it).  The unpacked arrays depend only on the model
file and py3langid's version, so they are kept in the table cache
(`factcheck.table_cache`) as NumPy ``.npy`` files, read with
``allow_pickle=False`` (never pickle) and memory-mapped: a later run maps
them in a few milliseconds and reads only the pages its texts touch.  An
entry is checked (shapes, types, every index in range) before it is used; a
damaged one is unpacked again.  The identifier is the one
``LanguageIdentifier.from_model_file`` makes, array for array.
"""

from __future__ import annotations

import array
import shutil
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from factcheck.table_cache import content_key, table_directory, write_table_directory

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

LANGID_TABLES = "langid-model"
"""The kind of `factcheck.table_cache` entry the unpacked model is kept as (a directory of ``.npy`` files)."""

_NAMES = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")
_TYPECODES = {2: "H", 4: "I", 8: "L"}
"""The stdlib array type py3langid keeps an unsigned index array of each width in."""

Arrays = dict[str, np.ndarray]


def load_identifier() -> LanguageIdentifier:
    """py3langid's identifier (``norm_probs=True``) from the table cache, unpacking the model on a miss."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    model_file = Path(MODEL_DIR) / MODEL_FILE
    key = content_key("py3langid model", version("py3langid"), model_file.read_bytes())
    directory = table_directory(LANGID_TABLES, key)
    arrays = _read(directory) if directory is not None else None
    if arrays is None:
        if directory is not None:
            shutil.rmtree(directory, ignore_errors=True)  # a damaged entry, so a good one can take its place
        arrays = _unpack(model_file)
        write_table_directory(LANGID_TABLES, key, lambda staging: _write(staging, arrays))
    return LanguageIdentifier(
        arrays["ptc"],
        arrays["pc"],
        arrays["classes"].tolist(),
        _stdlib_array(arrays["nextmove"]),
        arrays["out_feat"].tolist(),
        norm_probs=True,
        tk_row=_stdlib_array(arrays["nextmove_row"]),
    )


def _unpack(model_file: Path) -> Arrays:
    """The model's arrays as py3langid reads them, in NumPy form."""
    from py3langid.modelio import load_model

    ptc, pc, classes, nextmove, row, out_feat = load_model(model_file)
    return {
        "ptc": np.asarray(ptc),
        "pc": np.asarray(pc),
        "classes": np.array(classes),
        "nextmove": np.frombuffer(nextmove, dtype=f"u{nextmove.itemsize}"),
        "nextmove_row": np.frombuffer(row, dtype=f"u{row.itemsize}"),
        "out_feat": np.asarray(out_feat, dtype=np.int32),
    }


def _write(directory: Path, arrays: Arrays) -> None:
    for name in _NAMES:
        np.save(directory / f"{name}.npy", arrays[name], allow_pickle=False)


def _read(directory: Path) -> Arrays | None:
    """The kept arrays, mapped, or None when the entry is missing, unreadable or not a consistent model."""
    try:
        arrays = {name: np.load(directory / f"{name}.npy", mmap_mode="r", allow_pickle=False) for name in _NAMES}
    except (OSError, ValueError):
        return None
    return arrays if _consistent(arrays) else None


def _consistent(arrays: Arrays) -> bool:
    """Shapes and types as py3langid's own, and every index in range (a damaged file must not index past an array)."""
    ptc, pc, classes = arrays["ptc"], arrays["pc"], arrays["classes"]
    nextmove, rows, out_feat = arrays["nextmove"], arrays["nextmove_row"], arrays["out_feat"]
    shapes = (
        ptc.ndim == 2
        and pc.ndim == classes.ndim == nextmove.ndim == rows.ndim == out_feat.ndim == 1
        and ptc.shape[1] == len(pc) == len(classes) > 0
        and len(nextmove) > 0
        and len(nextmove) % 256 == 0
        and len(rows) == len(out_feat) > 0
    )
    types = (
        ptc.dtype.kind == "f"
        and pc.dtype.kind == "f"
        and classes.dtype.kind == "U"
        and nextmove.dtype.kind == rows.dtype.kind == "u"
        and nextmove.dtype.itemsize in _TYPECODES
        and rows.dtype.itemsize in _TYPECODES
        and out_feat.dtype.kind == "i"
    )
    if not (shapes and types):
        return False
    return bool(
        int(nextmove.max()) < len(rows)
        and int(rows.max()) < len(nextmove) // 256
        and int(out_feat.min()) >= -1
        and int(out_feat.max()) < ptc.shape[0]
    )


def _stdlib_array(values: np.ndarray) -> array.array[int]:
    """An unsigned index array as py3langid keeps it: a stdlib ``array`` of the same width."""
    kept = array.array(_TYPECODES[values.dtype.itemsize])
    kept.frombytes(np.ascontiguousarray(values).data.cast("B"))
    return kept
