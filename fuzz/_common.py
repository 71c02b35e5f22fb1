"""What the harnesses share: running under atheris, and a text from fuzzed bytes.

Each harness is a script: ``python fuzz/NAME.py [libFuzzer options]``
(``make fuzz`` passes ``-max_total_time``).  A Python exception that
escapes the target is a crash: atheris prints its traceback and writes the
input to ``fuzz/artifacts/``; every crash becomes a regression test in
``tests/test_bad_input.py``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import atheris

HERE = Path(__file__).resolve().parent


def text_of(provider: atheris.FuzzedDataProvider, size: int) -> str:
    """Unicode text, surrogates and control characters included."""
    return str(provider.ConsumeUnicode(size))


def run(target: Callable[[bytes], None], name: str) -> None:
    """Fuzz ``target`` with the seed corpus of ``name`` (copied, so runs never grow the checked-in one)."""
    args = list(sys.argv)
    if not any(a.startswith("-artifact_prefix=") for a in args):
        artifacts = HERE / "artifacts"
        artifacts.mkdir(exist_ok=True)
        args.append(f"-artifact_prefix={artifacts}/{name}-")
    if not any(not a.startswith("-") for a in args[1:]):
        work = HERE / "work" / name
        work.mkdir(parents=True, exist_ok=True)
        args.extend([str(work), str(HERE / "corpus" / name)])
    atheris.Setup(args, target)
    atheris.Fuzz()
