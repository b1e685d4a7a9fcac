"""``viewer index add`` on Dask: files read, segmented and fingerprinted on the workers.

The index has one writer: this process decides which files need reading (from what the
index holds), hands them to the cluster in chunks (:func:`viewer.archive.adding.prepare`,
a plain function of the files), and writes each chunk's results as they come back, in
the order the chunks went out. A few chunks per worker are in flight at once, so the
workers never wait on the writer and no more than that is held here. The workers must
be able to read the files by the names given (one machine, or a shared file system).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from typing import TYPE_CHECKING

from viewer.archive.adding import Pending, Prepared, Preparing, prepare
from viewer.ingest.fields import FieldMap
from viewer.ingest.limits import Limits

if TYPE_CHECKING:
    from distributed import Client, Future

__all__ = ["AHEAD", "preparing_on"]

AHEAD = 3
"""Chunks in flight per worker."""


def preparing_on(client: Client, fields: FieldMap, limits: Limits) -> Preparing:
    """A :data:`~viewer.archive.adding.Preparing` that prepares each chunk on ``client``'s
    workers, a few ahead, and gives the results back in order."""
    ahead = AHEAD * max(1, len(client.scheduler_info().get("workers", {})))

    def run(chunks: Iterator[list[Pending]]) -> Iterator[list[Prepared]]:
        window: deque[Future[list[Prepared]]] = deque()
        for chunk in chunks:
            window.append(client.submit(prepare, chunk, fields, limits, pure=False))
            if len(window) >= ahead:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()

    return run
