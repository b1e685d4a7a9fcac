"""The drift stage over partitions: every copy pair compared on a worker.

The pairs are cut into partitions of :data:`PAIRS_PER_PARTITION`; each partition travels
with its pairs' articles, scattered straight to the workers rather than written into the
task graph (a graph of a few thousand articles would be tens of megabytes, which the
scheduler warns about and holds in memory). The boilerplate the drift rules know is one
small set, scattered once to every worker. A worker needs nothing else.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from viewer.corpus.audit import PairDrift, pair_drift
from viewer.corpus.direction import Derivation
from viewer.model import Article

if TYPE_CHECKING:
    from distributed import Client

__all__ = ["PAIRS_PER_PARTITION", "distributed_drift", "drift_partition", "partitions"]

PAIRS_PER_PARTITION = 16
"""Copy pairs per task: enough to amortise a task's overhead (a pair takes tens of
milliseconds), few enough to keep every worker busy to the end and progress moving."""

Progress = Callable[[str, int, int], None]
Pair = tuple[Article, Article]


def drift_partition(pairs: Sequence[Pair], known: frozenset[str]) -> list[PairDrift]:
    """The drift of each (source, copy) pair of one partition, in order."""
    return [pair_drift(source, copy, known) for source, copy in pairs]


def partitions(pairs: Sequence[Pair], size: int = PAIRS_PER_PARTITION) -> list[list[Pair]]:
    """``pairs`` cut into consecutive runs of at most ``size``, in order."""
    return [list(pairs[start : start + size]) for start in range(0, len(pairs), size)]


def distributed_drift(
    client: Client,
    articles: Sequence[Article],
    derivations: Sequence[Derivation],
    known: frozenset[str],
    progress: Progress | None = None,
) -> tuple[PairDrift, ...]:
    """The drift of every pair, computed on the cluster, in the order of ``derivations``."""
    from distributed import as_completed

    if not derivations:
        return ()
    by_id = {a.id: a for a in articles}
    parts = partitions([(by_id[d.source], by_id[d.target]) for d in derivations])
    # scatter() unpacks a list, set or frozenset into one future per element: wrapped in
    # a list, the set goes whole, as one future every worker holds.
    [shared] = client.scatter([known], broadcast=True, hash=False)
    scattered = client.scatter(parts, hash=False)
    futures = client.map(drift_partition, scattered, known=shared, pure=False)
    order = {future.key: n for n, future in enumerate(futures)}
    found: list[list[PairDrift]] = [[] for _ in futures]
    done = 0
    total = len(derivations)
    for future in as_completed(futures):
        part = future.result()
        found[order[future.key]] = part
        done += len(part)
        if progress is not None:
            progress("drift", done, total)
    return tuple(d for part in found for d in part)
