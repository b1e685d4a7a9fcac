"""Results of a stage's tasks gathered in the order they were submitted, its progress
reported as each finishes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from distributed import Future

__all__ = ["in_order"]

T = TypeVar("T")
Progress = Callable[[str, int, int], None]


def in_order(
    futures: Sequence[Future[T]],
    stage: str,
    total: int,
    progress: Progress | None,
    size: Callable[[T], int],
) -> list[T]:
    """Each future's result, in the order of ``futures``; ``progress(stage, done,
    total)`` after each finishes, ``done`` summing ``size`` of the results so far. Each
    future is released once read, so the workers need not keep its result to the end."""
    from distributed import as_completed

    order = {future.key: n for n, future in enumerate(futures)}
    found: dict[int, T] = {}
    done = 0
    for future in as_completed(futures):
        result = future.result()
        found[order[future.key]] = result
        future.release()
        done += size(result)
        if progress is not None:
            progress(stage, done, total)
    assert len(found) == len(futures), "every task's result was read"
    return [found[n] for n in range(len(futures))]
