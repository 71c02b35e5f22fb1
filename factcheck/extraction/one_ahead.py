"""Finishing started work in order while the next piece is already under way.

With ``--jobs N`` a cluster is *started* by handing its sources to the
worker processes and *finished* by collecting their claims and checking
them; starting cluster N+1 before finishing cluster N keeps the workers
busy while the main process links and checks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TypeVar

Started = TypeVar("Started")
Finished = TypeVar("Finished")


def finished_one_ahead(started: Iterator[Started], finish: Callable[[Started], Finished]) -> Iterator[Finished]:
    """``finish`` of each item of ``started``, in order; an item is finished once the next one is taken.

    At most two items are held: the one being finished and the next.  When
    taking the next item fails, the result due before it still comes first.
    """
    held: list[Started] = []  # the item taken before: none, or one
    while True:
        try:
            following = next(started)
        except StopIteration:
            break
        except Exception:
            if held:
                yield finish(held.pop())
            raise
        if held:
            yield finish(held.pop())
        held.append(following)
    if held:
        yield finish(held.pop())
