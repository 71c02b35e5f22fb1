"""Wall-clock time per pipeline stage, for benchmarks and ``--timings``.

Kept out of the report on purpose: a report must be byte-identical for the
same input, and times never are.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

STAGES = ("loading", "nlp", "dates", "quantities", "names", "alignment", "rules", "report")


class StageTimes(dict[str, float]):
    """Seconds spent in each stage; a stage entered twice adds up."""

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self[name] = self.get(name, 0.0) + time.perf_counter() - started

    def total(self) -> float:
        return sum(self.values())
