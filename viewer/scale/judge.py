"""The family stage's per-pair loop over partitions: every proposed pair judged on a worker.

The driver proposes the pairs (fingerprints, boilerplate, candidates, profiles, story
pairs: :func:`viewer.corpus.families.propose`) and gathers the verdicts into families;
between the two, each pair's sentence matching and verdict
(:func:`viewer.corpus.families.judge_pairs`) needs only the two articles' ids and
profiles, so that is what a partition carries: its pairs, and the profile of each
article they name, once. A profile pickles to about the size of its article (some 7 kB
for a 500-word article, against 6 kB) and the driver has already made it, whereas
remaking it on a worker would cost more than the pair's own judging; so profiles travel,
scattered straight to the workers as the drift stage's articles are.

The sentence model is not shipped: a worker that meets a pair whose verdict needs
embeddings loads it itself, once per process (:func:`viewer.prepare.semantic.model`), and
embeds the partition's articles as the in-process audit would, each at most once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from viewer.corpus.families import Judged, judge_pairs
from viewer.corpus.meanings import Meanings
from viewer.corpus.profile import Profile, Profiles
from viewer.model import Article

if TYPE_CHECKING:
    from distributed import Client

__all__ = ["PAIRS_PER_PARTITION", "Partition", "distributed_judging", "judge_partition"]

PAIRS_PER_PARTITION = 64
"""Pairs per task: a pair takes a few milliseconds, so fewer would leave a task's
overhead (and its profiles' pickling) the larger cost; a corpus of a thousand articles
still makes ten or so tasks to spread over the workers."""

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True, slots=True)
class Partition:
    """Some consecutive pairs with what judging them needs: the ids and profiles of
    the articles they name, by article index."""

    pairs: list[tuple[int, int]]
    ids: dict[int, str]
    profiles: dict[int, Profile]


def judge_partition(part: Partition) -> list[Judged]:
    """Each pair of ``part`` judged, in order, on whichever process runs this."""
    # Meanings reads nothing of its profiles but ``profiles[index]``: the partition's
    # dict serves, and the sentence model loads here, once per process, if ever needed.
    meanings = Meanings(cast(Profiles, part.profiles))
    return judge_pairs(part.pairs, part.ids, part.profiles, meanings.between)


def partitions(
    pairs: Sequence[tuple[int, int]],
    articles: Sequence[Article],
    profiles: Profiles,
    size: int = PAIRS_PER_PARTITION,
) -> list[Partition]:
    """``pairs`` cut into consecutive runs of at most ``size``, each with its articles'
    ids and profiles."""
    parts = []
    for start in range(0, len(pairs), size):
        run = list(pairs[start : start + size])
        named = sorted({n for pair in run for n in pair})
        parts.append(
            Partition(run, {n: articles[n].id for n in named}, {n: profiles[n] for n in named})
        )
    return parts


def distributed_judging(
    client: Client,
    pairs: Sequence[tuple[int, int]],
    articles: Sequence[Article],
    profiles: Profiles,
    progress: Progress | None = None,
) -> list[Judged]:
    """Every pair judged on ``client``'s workers, in the order of ``pairs``: a
    :data:`~viewer.corpus.families.Judging` once ``client`` is bound."""
    from distributed import as_completed

    if not pairs:
        return []
    scattered = client.scatter(partitions(pairs, articles, profiles), hash=False)
    futures = client.map(judge_partition, scattered, pure=False)
    order = {future.key: n for n, future in enumerate(futures)}
    found: list[list[Judged]] = [[] for _ in futures]
    done = 0
    for future in as_completed(futures):
        part = future.result()
        found[order[future.key]] = part
        done += len(part)
        if progress is not None:
            progress("families", done, len(pairs))
    return [judged for part in found for judged in part]
