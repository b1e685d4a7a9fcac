"""Results of a stage's tasks gathered in the order they were submitted, its progress
reported as each finishes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from distributed import Future

__all__ = ["in_order"]

T = TypeVar("T")
Progress = Callable[[str, int, int], None]


def in_order(
    futures: Sequence[Future[Any]],
    stage: str,
    total: int,
    progress: Progress | None,
    size: Callable[[T], int],
) -> list[T]:
    """Each future's result, in the order of ``futures``; ``progress(stage, done,
    total)`` after each finishes, ``done`` summing ``size`` of the results so far."""
    from distributed import as_completed

    order = {future.key: n for n, future in enumerate(futures)}
    found: list[T | None] = [None] * len(futures)
    done = 0
    for future in as_completed(futures):
        result: T = future.result()
        found[order[future.key]] = result
        done += size(result)
        if progress is not None:
            progress(stage, done, total)
    return [result for result in found if result is not None]
