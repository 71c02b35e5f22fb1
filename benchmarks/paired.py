"""Paired whole-process timings: two commands run in turn, the median of each and of their ratios.

A benchmark that starts processes measures start-up, imports and model
loading with the work; on a shared machine its speed drifts, so the two
commands alternate (yardstick, library, yardstick, library ...) and each
pair gives a ratio taken within the same stretch of time.  The median of
the ratios is the figure to quote; wall and CPU seconds (the children's own
user + system time) are both printed, since the load of the machine moves
wall time more than CPU time.
"""

from __future__ import annotations

import compileall
import importlib.util
import os
import resource
import statistics
import subprocess
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Timing:
    wall: float
    cpu: float


@dataclass
class Paired:
    """The timings of a yardstick command and a library command, pair by pair."""

    yardstick: list[Timing] = field(default_factory=list)
    library: list[Timing] = field(default_factory=list)

    def median(self, side: str, what: str) -> float:
        return statistics.median(getattr(t, what) for t in getattr(self, side))

    def ratio(self, what: str) -> float:
        """The median of the library / yardstick ratios, pair by pair."""
        pairs = zip(self.library, self.yardstick, strict=True)
        return statistics.median(getattr(lib, what) / getattr(bare, what) for lib, bare in pairs)


def timed(command: Sequence[str], env: Mapping[str, str] | None = None) -> Timing:
    """One run of ``command`` (output thrown away): its wall seconds and its CPU seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    environment = {**os.environ, **(env or {})}
    subprocess.run(list(command), check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=environment)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Timing(wall, cpu)


def compile_library_bytecode() -> None:
    """Write the bytecode of the ``factcheck`` package, as pip does when it installs a wheel.

    spaCy and the other dependencies come with theirs from their install; a
    checkout installed in editable mode has none until a run writes it, and
    none ever under ``PYTHONDONTWRITEBYTECODE`` (set on some machines and CI
    images), which would charge the library a compile of every module, about
    0.2 s, in each measured run.
    """
    spec = importlib.util.find_spec("factcheck")
    if spec is not None and spec.submodule_search_locations:
        for location in spec.submodule_search_locations:
            compileall.compile_dir(location, quiet=1)


def run_paired(
    yardstick: Sequence[str],
    library: Sequence[str],
    runs: int,
    library_env: Mapping[str, str] | None = None,
    before_library: Sequence[str] | None = None,
) -> Paired:
    """``runs`` pairs after one unmeasured warm-up of each (the OS file cache, compiled bytecode).

    ``before_library`` runs (unmeasured) before each library run: a command
    that resets what the run must find cold.
    """
    paired = Paired()
    compile_library_bytecode()
    timed(yardstick)
    timed(library, library_env)
    for _ in range(runs):
        paired.yardstick.append(timed(yardstick))
        if before_library is not None:
            subprocess.run(list(before_library), check=False)
        paired.library.append(timed(library, library_env))
    return paired


def print_paired(paired: Paired, yardstick_label: str, library_label: str) -> None:
    width = max(len(yardstick_label), len(library_label)) + 2
    for side, label in (("yardstick", yardstick_label), ("library", library_label)):
        print(
            f"{label:{width}} median {paired.median(side, 'wall'):7.2f} s wall, "
            f"{paired.median(side, 'cpu'):7.2f} s CPU"
        )
    print(
        f"{'ratio (median of paired ratios)':{width}} {paired.ratio('wall'):7.2f}x wall, "
        f"{paired.ratio('cpu'):7.2f}x CPU  ({len(paired.library)} pairs, run in turn)"
    )
