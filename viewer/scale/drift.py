"""The drift stage over partitions: every copy pair compared on a worker.

The pairs are cut into partitions of :data:`PAIRS_PER_PARTITION`; each task names the
parts of the held corpus (:mod:`viewer.scale.held`) that hold its pairs' articles, so no
article is sent again. The boilerplate the drift rules know is one small set, scattered
once to every worker. A worker needs nothing else.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from viewer.corpus.audit import PairDrift, pair_drift
from viewer.corpus.direction import Derivation
from viewer.scale.collect import in_order
from viewer.scale.held import Held, Keyed, by_index

if TYPE_CHECKING:
    from distributed import Client

__all__ = ["PAIRS_PER_PARTITION", "distributed_drift", "drift_partition"]

PAIRS_PER_PARTITION = 16
"""Copy pairs per task: enough to amortise a task's overhead (a pair takes tens of
milliseconds), few enough to keep every worker busy to the end and progress moving."""

Progress = Callable[[str, int, int], None]


def drift_partition(
    pairs: Sequence[tuple[int, int]],
    numbers: Sequence[int],
    size: int,
    known: frozenset[str],
    *held: Sequence[Keyed],
) -> list[PairDrift]:
    """The drift of each (source, copy) pair of one task, by corpus index, in order;
    ``held`` are the parts ``numbers`` names, of ``size`` articles each."""
    keyed = by_index(numbers, size, held)
    return [pair_drift(keyed[s][0], keyed[c][0], known) for s, c in pairs]


def distributed_drift(
    client: Client,
    held: Held,
    index: Mapping[str, int],
    derivations: Sequence[Derivation],
    known: frozenset[str],
    progress: Progress | None = None,
) -> tuple[PairDrift, ...]:
    """The drift of every pair, computed on the cluster, in the order of ``derivations``;
    ``index`` gives each article id's place in the corpus."""
    if not derivations:
        return ()
    pairs = [(index[d.source], index[d.target]) for d in derivations]
    runs = [
        pairs[start : start + PAIRS_PER_PARTITION]
        for start in range(0, len(pairs), PAIRS_PER_PARTITION)
    ]
    # Wrapped in a list, the set goes whole, as one future every worker holds.
    [shared] = client.scatter([known], broadcast=True, hash=False)
    futures = []
    for run in runs:
        numbers = held.numbers(n for pair in run for n in pair)
        parts = held.futures(numbers)
        futures.append(
            client.submit(drift_partition, run, numbers, held.size, shared, *parts, pure=False)
        )
    found: list[list[PairDrift]] = in_order(futures, "drift", len(derivations), progress, len)
    return tuple(d for part in found for d in part)
