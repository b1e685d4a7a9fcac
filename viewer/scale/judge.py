"""The family stage's per-pair loop over partitions: every proposed pair judged on a worker.

The driver proposes the pairs (fingerprints, boilerplate, candidates, story pairs:
:func:`viewer.corpus.proposal.propose`) and gathers the verdicts into families; between
the two, each pair's sentence matching and verdict
(:func:`viewer.corpus.families.judge_pairs`) needs only the two articles' profiles, and a
profile needs only its article, its sentences' exact keys and the corpus's boilerplate
keys. So a task carries its pairs and the numbers of the parts of the held corpus
(:mod:`viewer.scale.held`) that hold their articles; the worker makes the profiles (the
costliest per-article step of the family stage, which the driver then never does).

The worker directs each pair it finds to be copies or a reuse edge as well
(:func:`viewer.corpus.direction.direct_pair`): it holds all that direction reads, the two
articles, their marks, the sentence matches and the sentences an edge vouches for, so
the driver takes each derivation as found instead of reading the articles again.

Pairs are grouped by the connected parts of the graph they make before they are cut,
so that an article's copies are judged in one task and its profile is made once, not
once per task its pairs fall in (a connected part of more than 64 pairs is cut, and an
article at a cut is profiled in each task it falls in). The verdicts come back in the
proposal's order.

The sentence model is not shipped: a worker that meets a pair whose verdict needs
embeddings loads it itself, once per process (:func:`viewer.prepare.semantic.model`), and
embeds the partition's articles as the in-process audit would, each at most once.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from viewer.corpus.direction import Derivation, direct_pair
from viewer.corpus.evidence import vouched_by
from viewer.corpus.families import CopyPair, Judged, judge_pairs
from viewer.corpus.meanings import Meanings
from viewer.corpus.profile import Marks, Profile, Profiles, profile
from viewer.corpus.reuse import Reuse
from viewer.model import Article
from viewer.scale.collect import in_order
from viewer.scale.held import ARTICLES_PER_PART, Held, Keyed, by_index, part_numbers

if TYPE_CHECKING:
    from distributed import Client

__all__ = ["PAIRS_PER_PARTITION", "Partition", "distributed_judging", "judge_partition"]

PAIRS_PER_PARTITION = 64
"""Pairs per task: a pair takes a few milliseconds, so fewer would leave a task's
overhead the larger cost; a corpus of a thousand articles still makes ten or so tasks to
spread over the workers."""

Progress = Callable[[str, int, int], None]
Directed = tuple[list[Judged], list[Derivation | None]]
"""What a task finds: each pair judged, and the derivation of each judged copies or reuse."""


@dataclass(frozen=True, slots=True)
class Partition:
    """Some pairs, where each stands in the proposal, and which held parts hold their
    articles."""

    pairs: list[tuple[int, int]]
    positions: list[int]
    """Index of each pair in the proposal's list."""
    numbers: list[int]
    """Numbers of the held parts that hold the pairs' articles."""
    size: int
    """Articles per held part."""


def judge_partition(
    part: Partition, boilerplate: frozenset[int], *held: Sequence[Keyed]
) -> Directed:
    """Each pair of ``part`` judged, in order, and directed when not rejected, on
    whichever process runs this; ``held`` are the parts ``part.numbers`` names."""
    keyed = by_index(part.numbers, part.size, held)
    named = {n for pair in part.pairs for n in pair}
    made = {n: profile(keyed[n][0], keyed[n][1], boilerplate) for n in sorted(named)}
    ids = {n: keyed[n][0].id for n in named}
    # Meanings reads nothing of its profiles but ``profiles[index]``: the task's dict
    # serves, and the sentence model loads here, once per process, if ever needed.
    meanings = Meanings(cast(Profiles, made))
    judged = judge_pairs(part.pairs, ids, made, meanings.between)
    articles = {n: keyed[n][0] for n in named}
    return judged, [_directed(found, articles, made) for found in judged]


def _directed(
    judged: Judged, articles: Mapping[int, Article], made: Mapping[int, Profile]
) -> Derivation | None:
    """The derivation of one judged pair, as the audit's direction stage finds it."""
    x, y, match, verdict = judged
    if not isinstance(verdict, CopyPair | Reuse):
        return None
    # Every verdict names the pair's articles in its order, x < y: seen from x, as
    # Evidence.match and Evidence.vouched see it.
    assert x < y and articles[x].id == verdict.a and articles[y].id == verdict.b
    shared = verdict.shared_sentences if isinstance(verdict, Reuse) else ()
    vouched = (vouched_by(shared), vouched_by(shared, flipped=True))
    marks = (_marks(made[x]), _marks(made[y]))
    return direct_pair(verdict, (articles[x], articles[y]), match, marks, vouched)


def _marks(made: Profile) -> Marks:
    return Marks(made.quoted, made.boilerplate, made.furniture)


def partitions(
    pairs: Sequence[tuple[int, int]],
    size: int = PAIRS_PER_PARTITION,
    held_size: int = ARTICLES_PER_PART,
) -> list[Partition]:
    """``pairs`` in partitions of about ``size``: whole connected parts of the pair graph
    packed together in order of their first pair, a part larger than ``size`` cut into
    runs of ``size``; each naming the held parts (of ``held_size`` articles) it needs."""
    parts = []
    for run in _packed(_connected(pairs), size):
        numbers = part_numbers((n for p in run for n in pairs[p]), held_size)
        parts.append(Partition([pairs[p] for p in run], run, numbers, held_size))
    return parts


def _connected(pairs: Sequence[tuple[int, int]]) -> list[list[int]]:
    """The positions of ``pairs`` grouped by the connected part of the graph they make,
    each group in order, the groups in order of their first position."""
    parent: dict[int, int] = {}

    def root(node: int) -> int:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for x, y in pairs:
        rx, ry = root(x), root(y)
        if rx != ry:
            parent[max(rx, ry)] = min(rx, ry)
    groups: dict[int, list[int]] = {}
    for position, (x, _) in enumerate(pairs):
        groups.setdefault(root(x), []).append(position)
    return sorted(groups.values(), key=lambda group: group[0])


def _packed(groups: Sequence[list[int]], size: int) -> list[list[int]]:
    """Groups packed into runs of about ``size``: small groups together, a group larger
    than ``size`` in runs of its own."""
    runs: list[list[int]] = []
    current: list[int] = []
    for group in groups:
        if len(group) > size:
            runs += [group[start : start + size] for start in range(0, len(group), size)]
            continue
        if current and len(current) + len(group) > size:
            runs.append(current)
            current = []
        current += group
    if current:
        runs.append(current)
    return runs


def distributed_judging(
    client: Client,
    held: Held,
    pairs: Sequence[tuple[int, int]],
    progress: Progress | None = None,
) -> Directed:
    """Every pair judged (and directed, when not rejected) on ``client``'s workers, in
    the order of ``pairs``."""
    if not pairs:
        return [], []
    parts = partitions(pairs, held_size=held.size)
    futures = [
        client.submit(
            judge_partition, part, held.boilerplate, *held.futures(part.numbers), pure=False
        )
        for part in parts
    ]
    found: list[Directed] = in_order(
        futures, "families", len(pairs), progress, lambda result: len(result[0])
    )
    judged: list[Judged | None] = [None] * len(pairs)
    directed: list[Derivation | None] = [None] * len(pairs)
    for part, (verdicts, derivations) in zip(parts, found, strict=True):
        for position, one, derivation in zip(part.positions, verdicts, derivations, strict=True):
            judged[position], directed[position] = one, derivation
    assert all(one is not None for one in judged), "every pair was judged once"
    return [one for one in judged if one is not None], directed
