"""Long work that a person can walk away from: quitting never waits for it to finish.

Textual runs thread workers in the event loop's executor, whose threads the interpreter
joins at exit; a comparison of two long articles can take minutes, and ``q`` must not
hang until it is done. So the work itself runs in a daemon thread, and the worker only
waits for it, checking every few milliseconds whether it has been cancelled.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from textual.worker import get_current_worker

__all__ = ["Abandoned", "abandonable"]

T = TypeVar("T")

_POLL = 0.05
"""Seconds between checks that the worker is still wanted."""


class Abandoned(Exception):
    """The worker was cancelled before the work finished; its result is not wanted."""


def abandonable(work: Callable[[], T]) -> T:
    """The result of ``work``, run in a daemon thread; call it from a thread worker.

    Raises:
        Abandoned: the worker was cancelled first (the thread finishes unobserved).
    """
    worker = get_current_worker()
    results: list[T] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            results.append(work())
        except BaseException as error:  # handed to the worker, which reports it
            errors.append(error)

    thread = threading.Thread(target=run, name=f"viewer: {worker.name}", daemon=True)
    thread.start()
    while thread.is_alive():
        thread.join(_POLL)
        if worker.is_cancelled:
            raise Abandoned
    if errors:
        raise errors[0]
    return results[0]
