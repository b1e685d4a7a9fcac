"""Candidate pairs: which articles are worth comparing, without comparing all pairs.

Two LSH indexes over the fingerprints (:mod:`viewer.prepare.fingerprint`) propose pairs:

- **article bands**: two articles whose shingle signatures agree on a whole band, and
  that share at least one sentence strongly (below) unless one has no keyed sentence:
  two short articles of one site collide on their common footer's shingles alone;
- **sentence buckets**: two articles with at least ``MIN_HITS`` sentences in common,
  where a sentence pair counts when it has the same exact key or shares ``STRONG`` of
  the sketch bands (one band in common is chance).

Besides, :func:`passage_pairs` finds the articles whose sentences share runs of words
(:mod:`viewer.prepare.passage_keys`), for the proposal stage to weigh.

Buckets are grouped by sorting key arrays (numpy), so the work grows with the corpus and
the size of its buckets, not with the number of pairs of articles.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from viewer.prepare.fingerprint import BANDS, MIX, NUM_PERM, Fingerprints

__all__ = [
    "BUCKET_CAP",
    "MIN_HITS",
    "PASSAGE_CAP",
    "STRONG",
    "Candidate",
    "candidates",
    "passage_pairs",
]

MIN_HITS = 2
"""Sentences two articles must share strongly to become candidates."""
STRONG = 3
"""A sentence pair is shared strongly when it has the same exact key, or shares at
least this many sketch bands: one band in common is what unrelated sentences built on
two middling-common words manage; two are rare by chance (a spun sentence at stem
Jaccard 0.5 manages it with probability 0.47, a lightly edited one at 0.8 with 0.98)."""
BUCKET_CAP = 50
"""A bucket holding more sentences or articles than this (a story copied many times, a
stock phrase) links each member to its next ``CHAIN`` members only, in corpus order:
a family stays connected, and the pairs grow with the bucket, not its square."""
CHAIN = 3
PASSAGE_CAP = 12
"""A passage key held by more sentences than this counts for nothing: a run of words a
dozen pages carry is a template's or a beat's stock phrase ("crews from three stations
fought the blaze at the"), not a passage one writer took from another (the copies of
one story are proposed by their sentence keys and sketches)."""
MAX_PARTNERS = 25
"""Candidates kept per article, the strongest first; a pair stays if either keeps it."""
_CLIP = 65535
"""Sentence indexes above this count as this one in hit counting (articles are shorter)."""

U64 = npt.NDArray[np.uint64]
I64 = npt.NDArray[np.int64]
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A pair of articles that may be copies, as proposed by the fingerprints."""

    a: int
    """Index of the first article in the fingerprinted sequence (``a < b``)."""
    b: int
    hits: int
    """Sentences the two articles share strongly: the same words, or two sketch bands."""
    resemblance: float
    """Estimated Jaccard similarity of the two articles' shingle sets, 0 to 1."""


def candidates(
    prints: Fingerprints, skip: frozenset[int] = frozenset(), progress: Progress | None = None
) -> tuple[Candidate, ...]:
    """Pairs of articles worth comparing, strongest first for each article; never all pairs.

    Args:
        prints: the corpus's fingerprints.
        skip: exact keys of sentences that propose nothing (boilerplate).
        progress: called with the stage name, the work done and the work there is.
    """
    hits = _sentence_hits(prints, skip)
    if progress is not None:
        progress("candidates", 1, 2)
    collided = _article_collisions(prints)
    keyed = _keyed(prints, skip)
    needed = [int(n) for n in np.clip(keyed, 1, MIN_HITS)]
    unkeyed = {int(n) for n in np.flatnonzero(keyed == 0)}

    def proposed(a: int, b: int) -> bool:
        shared = hits.get((a, b), 0)
        if (a, b) in collided:  # bands alone: a common footer is enough for short articles
            return shared > 0 or a in unkeyed or b in unkeyed
        return shared >= min(needed[a], needed[b])

    found = [
        Candidate(a, b, hits.get((a, b), 0), prints.resemblance(a, b))
        for a, b in sorted(set(hits) | collided)
        if proposed(a, b)
    ]
    if progress is not None:
        progress("candidates", 2, 2)
    return _strongest(found)


def _keyed(prints: Fingerprints, skip: frozenset[int]) -> I64:
    """Per article, how many sentences have an exact key that is not boilerplate."""
    skipped = _among(prints.keys, skip)
    keyed = ((prints.keys != 0) & ~skipped).astype(np.int64)
    counts = np.add.reduceat(np.r_[keyed, 0], prints.offsets[:-1]) if len(prints) else keyed
    counts[np.diff(prints.offsets) == 0] = 0
    return counts


def _among(keys: U64, skip: frozenset[int]) -> npt.NDArray[np.bool_]:
    """Which ``keys`` are in ``skip``. Compared as signed 64-bit integers (the same bits):
    numpy 2.0's ``isin`` on unsigned 64-bit keys overflows when it picks its fast path."""
    wanted = np.fromiter(skip, dtype=np.uint64, count=len(skip))
    return np.isin(keys.view(np.int64), wanted.view(np.int64))


def _strongest(found: list[Candidate]) -> tuple[Candidate, ...]:
    """Keep a pair if it is among the ``MAX_PARTNERS`` strongest of either article."""
    by_article: dict[int, list[Candidate]] = {}
    for candidate in found:
        by_article.setdefault(candidate.a, []).append(candidate)
        by_article.setdefault(candidate.b, []).append(candidate)
    kept: set[tuple[int, int]] = set()
    for partners in by_article.values():
        partners.sort(key=lambda c: (-c.hits, -c.resemblance, c.a, c.b))
        kept.update((c.a, c.b) for c in partners[:MAX_PARTNERS])
    return tuple(c for c in found if (c.a, c.b) in kept)


def _article_collisions(prints: Fingerprints) -> set[tuple[int, int]]:
    """Pairs of articles whose shingle signatures agree on a whole band.

    Band ``b`` is the values ``b, b + BANDS, b + 2 * BANDS, ...``, not a run of
    neighbours: a one-permutation signature fills an empty value from its next filled
    neighbour (:func:`viewer.prepare.minhash.one_permutation`), so neighbours of a short
    article's signature often agree or differ together.
    """
    owners = np.flatnonzero(prints.shingles > 0)
    pairs: set[tuple[int, int]] = set()
    for band in range(BANDS):
        block = prints.signatures[owners, band::BANDS].astype(np.uint64)
        keys = np.zeros(len(owners), dtype=np.uint64)
        for column in range(NUM_PERM // BANDS):
            keys = (keys ^ block[:, column]) * MIX
        for group in _groups(keys):
            members = owners[group]
            if len(members) <= BUCKET_CAP:
                pairs.update(_all_pairs(members))
            else:
                pairs.update(_chained(members))
    return pairs


def passage_pairs(
    prints: Fingerprints, skip: frozenset[int] = frozenset()
) -> dict[tuple[int, int], int]:
    """Pairs of articles with at least ``MIN_HITS`` sentences that share a passage key
    (:mod:`viewer.prepare.passage_keys`), and how many: evidence of a rewrite that kept
    runs of its source's words, which :mod:`viewer.corpus.proposal` proposes only where
    the two articles also name something rare in common (a template's stock phrase is
    shared by stories of different places and people).

    Args:
        skip: exact keys of boilerplate sentences, whose passages count for nothing.
    """
    hits = _sentence_hits(prints, skip, passages=True)
    return {pair: n for pair, n in hits.items() if n >= MIN_HITS}


def _sentence_hits(
    prints: Fingerprints, skip: frozenset[int], *, passages: bool = False
) -> dict[tuple[int, int], int]:
    """For each pair of articles, how many sentences they share strongly (see STRONG),
    or with ``passages``, how many share a passage key.

    Each sentence pair a bucket proposes is one 64-bit number, its two sentences' places
    in the corpus (the smaller in the high half): a crawl's common sketch bands propose
    a hundred million of them at 100,000 articles, so the number, not a row of five, is
    what is kept, sorted and counted.
    """
    article_of = np.repeat(np.arange(len(prints), dtype=np.int64), np.diff(prints.offsets))
    assert len(article_of) < 1 << 32, "sentence places fit half a 64-bit number"
    skipped = _among(prints.keys, skip)
    every = np.arange(len(prints.keys), dtype=np.int64)
    if passages:
        channels = [(prints.passages, prints.passage_rows, PASSAGE_CAP, False)]
    else:
        columns = [prints.keys, *(prints.sketches[:, k] for k in range(prints.sketches.shape[1]))]
        channels = [(keys, every, BUCKET_CAP, True) for keys in columns]
    # A pair is strong on one exact key or one passage key, or on STRONG sketch bands.
    strong: list[U64] = []
    banded: list[U64] = []
    for n, (keys, owners, cap, chained) in enumerate(channels):
        pairs = _bucket_pairs(keys, owners, skipped, cap, chained)
        if pairs is not None:
            found = _sentence_pairs(*pairs, article_of)
            (strong if passages or n == 0 else banded).append(found)
    if banded:
        bands = np.concatenate(banded)
        del banded
        bands.sort()
        starts = np.flatnonzero(np.r_[True, bands[1:] != bands[:-1]])
        sizes = np.diff(np.r_[starts, len(bands)])
        strong.append(bands[starts[sizes >= STRONG]])
        del bands
    return _count_hits(strong, article_of, prints.offsets, len(prints))


def _bucket_pairs(
    keys: U64, owners: I64, skipped: npt.NDArray[np.bool_], cap: int, chained: bool
) -> tuple[I64, I64] | None:
    """The sentence pairs one channel's buckets propose: every pair of a bucket of at most
    ``cap``, each member with its next ``CHAIN`` in a larger one (when ``chained``)."""
    present = np.flatnonzero((keys != 0) & ~skipped[owners])
    order, starts, sizes = _runs(keys[present])
    rows = owners[present[order]]
    pairs: list[tuple[I64, I64]] = []
    for size in np.unique(sizes[(sizes >= 2) & (sizes <= cap)]).tolist():
        # every bucket of one size at once: its rows, then each pair of positions
        first, second = _pairs_of(size)
        bases = starts[sizes == size][:, None]
        pairs.append((rows[bases + first].ravel(), rows[bases + second].ravel()))
    for start, size in _sized(starts, sizes, cap + 1, len(rows) if chained else 0):
        group = rows[start : start + size]
        pairs += [(group[:-step], group[step:]) for step in range(1, CHAIN + 1)]
    if not pairs:
        return None
    return np.concatenate([p[0] for p in pairs]), np.concatenate([p[1] for p in pairs])


def _sentence_pairs(x: I64, y: I64, article_of: I64) -> U64:
    """Each pair of sentences in different articles as one number: the smaller place
    in the high 32 bits, the larger in the low."""
    keep = article_of[x] != article_of[y]
    x, y = x[keep], y[keep]
    low, high = np.minimum(x, y).astype(np.uint64), np.maximum(x, y).astype(np.uint64)
    return (low << np.uint64(32)) | high


def _count_hits(
    found: list[U64], article_of: I64, offsets: I64, n: int
) -> dict[tuple[int, int], int]:
    """Per pair of articles, the fewer of the two sides' sentences in strong sentence pairs."""
    if not found:
        return {}
    pairs = np.unique(np.concatenate(found))
    if not len(pairs):
        return {}
    low = (pairs >> np.uint64(32)).astype(np.int64)
    high = (pairs & np.uint64(0xFFFFFFFF)).astype(np.int64)
    a, b = article_of[low], article_of[high]
    pair = a * n + b
    counts = [
        _distinct_per_pair(pair, np.minimum(low - offsets[a], _CLIP)),
        _distinct_per_pair(pair, np.minimum(high - offsets[b], _CLIP)),
    ]
    return {(key // n, key % n): min(size, counts[1][key]) for key, size in counts[0].items()}


def _distinct_per_pair(pair: I64, sentence: I64) -> dict[int, int]:
    """For each pair key, how many distinct sentences it has."""
    # one integer per (pair, sentence): np.unique over rows (axis=0) sorts far slower
    distinct = np.unique(pair * (_CLIP + 1) + sentence)
    keys, sizes = np.unique(distinct // (_CLIP + 1), return_counts=True)
    return dict(zip(keys.tolist(), sizes.tolist(), strict=True))


@lru_cache(maxsize=BUCKET_CAP + 1)
def _pairs_of(size: int) -> tuple[I64, I64]:
    """Every pair of positions in a bucket of ``size``, first below second (kept by size:
    there are thousands of buckets and few sizes)."""
    first, second = np.triu_indices(size, 1)
    return first.astype(np.int64), second.astype(np.int64)


def _runs(keys: U64) -> tuple[I64, I64, I64]:
    """A stable sort order of ``keys``, and the start and size of each run of equal keys."""
    order = np.argsort(keys, kind="stable")
    ordered = keys[order]
    starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
    sizes = np.diff(np.r_[starts, len(ordered)])
    return order, starts, sizes


def _sized(starts: I64, sizes: I64, low: int, high: int) -> Iterator[tuple[int, int]]:
    """(start, size) of the runs whose size is from ``low`` to ``high``."""
    chosen = (sizes >= low) & (sizes <= high)
    yield from zip(starts[chosen].tolist(), sizes[chosen].tolist(), strict=True)


def _groups(keys: U64) -> Iterator[I64]:
    """Indexes into ``keys`` of every group of two or more equal keys."""
    order, starts, sizes = _runs(keys)
    for start, size in _sized(starts, sizes, 2, len(keys)):
        yield order[start : start + size]


def _all_pairs(members: I64) -> Iterator[tuple[int, int]]:
    ordered = sorted(set(members.tolist()))
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            yield a, b


def _chained(members: I64) -> Iterator[tuple[int, int]]:
    ordered = sorted(set(members.tolist()))
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 : i + 1 + CHAIN]:
            yield a, b
