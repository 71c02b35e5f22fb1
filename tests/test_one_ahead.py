"""`finished_one_ahead`: results in order, the next item started before the current one is finished."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from factcheck.extraction.one_ahead import finished_one_ahead


def _started(events: list[str], count: int, fail_at: int | None = None) -> Iterator[int]:
    for n in range(count):
        if n == fail_at:
            raise OSError(f"cannot start {n}")
        events.append(f"start {n}")
        yield n


def test_the_next_item_is_started_before_the_current_one_is_finished() -> None:
    events: list[str] = []

    def finish(n: int) -> str:
        events.append(f"finish {n}")
        return f"report {n}"

    assert list(finished_one_ahead(_started(events, 3), finish)) == ["report 0", "report 1", "report 2"]
    assert events == ["start 0", "start 1", "finish 0", "start 2", "finish 1", "finish 2"]
    assert list(finished_one_ahead(_started(events, 0), finish)) == []


def test_a_failure_to_start_comes_after_the_result_due_before_it() -> None:
    events: list[str] = []
    results = finished_one_ahead(_started(events, 3, fail_at=1), lambda n: f"report {n}")
    assert next(results) == "report 0"
    with pytest.raises(OSError, match="cannot start 1"):
        next(results)
