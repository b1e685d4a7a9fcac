"""Sentence alignment of two versions of an article.

The alignment is built in four passes, each using evidence the previous one left:

1. **Anchors.** Every pair of sentences that shares a content word is scored
   (:mod:`viewer.prepare.similarity`); of the pairs scoring at least ``ANCHOR``, the
   heaviest chain in reading order of both articles is kept.
2. **Gaps.** Between two anchors, the unaligned sentences are aligned by a small dynamic
   programme allowing 1:1, 1:2 (split) and 2:1 (merge) at the lower threshold ``GAP``:
   a weaker likeness counts when position agrees.
3. **Splits and merges at anchors.** An anchor absorbs an unaligned neighbour when the
   pair reads better as one sentence against two and the neighbour's words are mostly
   in the other side.
4. **Moves.** Sentences still unaligned on both sides pair out of order when they score
   at least ``MOVED``; the rest are added or dropped.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from viewer.model import PairKind
from viewer.prepare.similarity import (
    SentenceFeatures,
    Weights,
    combine,
    containment,
    features,
    pair_score,
)
from viewer.text.stopwords import STOPWORDS

__all__ = ["ANCHOR", "GAP", "MOVED", "Link", "align_sentences"]

ANCHOR = 0.5
GAP = 0.3
MOVED = 0.45
_PREFILTER = 0.2
"""Pairs whose word overlap is below this are not scored further."""
_SPLIT_GAIN = 0.03
_SPLIT_CONTAINMENT = 0.6
_PER_SENTENCE = 24
"""At most this many candidate partners are scored for each sentence of A."""
_COMMON = 100
"""A stem in more sentences than this is too common to propose candidates (a news
article has far fewer sentences; in a long document the postings of each looked-up
stem are what the candidate search costs)."""
_DP_CELLS = 10_000
"""Gaps larger than this (A sentences × B sentences) are aligned 1:1 only."""


@dataclass(frozen=True, slots=True)
class Link:
    """A unit of the alignment before word diffing: sentence indexes and a score."""

    kind: PairKind
    a: tuple[int, ...]
    b: tuple[int, ...]
    score: float


class _Scorer:
    """Scores of sentence groups, computed once each."""

    def __init__(self, a: list[SentenceFeatures], b: list[SentenceFeatures]) -> None:
        self.a, self.b = a, b
        self.weights = Weights([a, b])
        self.a_totals = [self.weights.total(f) for f in a]
        self.b_totals = [self.weights.total(f) for f in b]
        self._cache: dict[tuple[tuple[int, ...], tuple[int, ...]], float] = {}

    def score(self, a: tuple[int, ...], b: tuple[int, ...]) -> float:
        key = (a, b)
        if key not in self._cache:
            if len(a) == len(b) == 1:
                totals = (self.a_totals[a[0]], self.b_totals[b[0]])
                self._cache[key] = pair_score(self.a[a[0]], self.b[b[0]], self.weights, totals)
            else:
                fa = combine([self.a[i] for i in a])
                fb = combine([self.b[j] for j in b])
                self._cache[key] = pair_score(fa, fb, self.weights)
        return self._cache[key]

    def contained(self, part: int, side: str, whole: tuple[int, ...]) -> float:
        """How much of one sentence's words occur in the other side's group."""
        piece = self.b[part] if side == "b" else self.a[part]
        others = [self.a[i] for i in whole] if side == "b" else [self.b[j] for j in whole]
        return containment(piece, combine(others), self.weights)


def align_sentences(a_texts: Sequence[str], b_texts: Sequence[str]) -> list[Link]:
    """Align two articles' sentences; every index of both appears in exactly one link."""
    scorer = _Scorer([features(t) for t in a_texts], [features(t) for t in b_texts])
    candidates = _candidates(scorer)
    anchors = _heaviest_chain(
        [(i, j, s - ANCHOR) for (i, j), s in candidates.items() if s >= ANCHOR]
    )
    links = [Link(PairKind.MATCH, (i,), (j,), candidates[i, j]) for i, j in anchors]
    links = _fill_gaps(links, scorer, candidates)
    links = _grow_anchors(links, scorer)
    return _finish(links, scorer, candidates)


def _candidates(scorer: _Scorer) -> dict[tuple[int, int], float]:
    """Scores of the pairs worth considering, each at least GAP.

    Two sources: sentences with the same folded text, and sentences sharing uncommon
    stems, whose shared weight is summed through an inverted index so only pairs whose
    overlap passes ``_PREFILTER`` are scored in full; a sentence with a word-for-word
    twin is not looked up there (most of a long, lightly edited document). Each A
    sentence keeps at most
    ``_PER_SENTENCE`` candidates (the nearest in position among exact repeats, the
    largest overlaps otherwise), so text that repeats itself stays linear.
    """
    index = _stem_index(scorer)
    exact: dict[str, list[int]] = defaultdict(list)
    for j, sentence in enumerate(scorer.b):
        exact[sentence.folded].append(j)
    ratio = len(scorer.b) / max(1, len(scorer.a))
    scores: dict[tuple[int, int], float] = {}
    for i, sentence in enumerate(scorer.a):
        twins = _nearest(exact.get(sentence.folded, []), i * ratio, _PER_SENTENCE)
        for j in twins:
            scores[i, j] = 1.0
        if twins:
            continue  # a sentence found word for word needs no fuzzier partner
        for j in _overlapping(scorer, index, i):
            if (i, j) not in scores and (score := scorer.score((i,), (j,))) >= GAP:
                scores[i, j] = score
    return scores


def _nearest(positions: list[int], target: float, count: int) -> list[int]:
    """Up to ``count`` of the sorted ``positions`` closest to ``target``, found by walking
    out from where ``target`` would stand (a repeated line must not cost a sort each time)."""
    right = bisect_left(positions, target)
    left = right - 1
    found: list[int] = []
    while len(found) < count and (left >= 0 or right < len(positions)):
        take_left = right >= len(positions) or (
            left >= 0 and target - positions[left] <= positions[right] - target
        )
        if take_left:
            found.append(positions[left])
            left -= 1
        else:
            found.append(positions[right])
            right += 1
    return found


def _stem_index(scorer: _Scorer) -> dict[str, list[tuple[int, int]]]:
    """B sentences (and counts) by uncommon stem; stems in too many sentences left out."""
    index: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for j, sentence in enumerate(scorer.b):
        for s, n in sentence.stems.items():
            if s not in STOPWORDS:
                index[s].append((j, n))
    return {s: postings for s, postings in index.items() if len(postings) <= _COMMON}


def _overlapping(scorer: _Scorer, index: dict[str, list[tuple[int, int]]], i: int) -> list[int]:
    """B sentences whose shared uncommon-stem weight with A sentence ``i`` passes the
    prefilter, largest overlap first, at most ``_PER_SENTENCE``."""
    shared: dict[int, float] = defaultdict(float)
    for s, n in scorer.a[i].stems.items():
        postings = index.get(s)
        if postings:
            weight = scorer.weights.of(s)
            for j, m in postings:
                shared[j] += weight * min(n, m)
    total = scorer.a_totals[i]
    ratios = {j: 2 * w / (total + scorer.b_totals[j]) for j, w in shared.items()}
    passing = sorted((j for j, r in ratios.items() if r >= _PREFILTER), key=lambda j: -ratios[j])
    return passing[:_PER_SENTENCE]


def _heaviest_chain(items: Sequence[tuple[int, int, float]]) -> list[tuple[int, int]]:
    """The chain of pairs strictly increasing in both indexes with the greatest weight."""
    if not items:
        return []
    ordered = sorted(items)
    size = max(j for _, j, _ in ordered) + 2
    tree: list[tuple[float, int]] = [(0.0, -1)] * (size + 1)
    best: list[tuple[float, int]] = []
    start = 0
    while start < len(ordered):
        stop = start
        while stop < len(ordered) and ordered[stop][0] == ordered[start][0]:
            stop += 1
        for k in range(start, stop):
            before = _prefix_max(tree, ordered[k][1])
            best.append((before[0] + ordered[k][2], before[1]))
        for k in range(start, stop):
            _raise(tree, ordered[k][1] + 1, (best[k][0], k))
        start = stop
    k = max(range(len(best)), key=lambda n: best[n][0])
    chain: list[tuple[int, int]] = []
    while k >= 0:
        chain.append((ordered[k][0], ordered[k][1]))
        k = best[k][1]
    return chain[::-1]


def _prefix_max(tree: list[tuple[float, int]], position: int) -> tuple[float, int]:
    """Best (weight, item) among chain ends at B index < ``position``."""
    result = (0.0, -1)
    while position > 0:
        result = max(result, tree[position])
        position -= position & -position
    return result


def _raise(tree: list[tuple[float, int]], position: int, value: tuple[float, int]) -> None:
    while position < len(tree):
        tree[position] = max(tree[position], value)
        position += position & -position


def _fill_gaps(
    links: list[Link], scorer: _Scorer, candidates: dict[tuple[int, int], float]
) -> list[Link]:
    """Align what lies between consecutive anchors, allowing splits and merges."""
    bounds = [(-1, -1)] + [(ln.a[-1], ln.b[-1]) for ln in links] + [(len(scorer.a), len(scorer.b))]
    filled: list[Link] = []
    for n, ((a0, b0), (a1, b1)) in enumerate(pairwise(bounds)):
        filled.extend(_align_gap(range(a0 + 1, a1), range(b0 + 1, b1), scorer, candidates))
        if n < len(links):
            filled.append(links[n])
    return filled


def _align_gap(
    a_range: range, b_range: range, scorer: _Scorer, candidates: dict[tuple[int, int], float]
) -> list[Link]:
    """Best monotone alignment of one gap by dynamic programming."""
    n, m = len(a_range), len(b_range)
    if n == 0 or m == 0:
        return []
    if n * m > _DP_CELLS:
        pairs = [
            (i, j, s - GAP) for (i, j), s in candidates.items() if i in a_range and j in b_range
        ]
        return [
            Link(PairKind.MATCH, (i,), (j,), candidates[i, j]) for i, j in _heaviest_chain(pairs)
        ]
    table = [[0.0] * (m + 1) for _ in range(n + 1)]
    step: dict[tuple[int, int], tuple[int, int]] = {}
    for x in range(n + 1):
        for y in range(m + 1):
            options = [(table[x - 1][y], (1, 0))] if x else []
            if y:
                options.append((table[x][y - 1], (0, 1)))
            for dx, dy in ((1, 1), (1, 2), (2, 1)):
                if x >= dx and y >= dy:
                    gain = _gap_gain(a_range, b_range, x, y, dx, dy, scorer, candidates)
                    if gain > 0:
                        options.append((table[x - dx][y - dy] + gain, (dx, dy)))
            if options:
                table[x][y], step[x, y] = max(options, key=lambda o: o[0])
    return _trace_gap(step, n, m, a_range, b_range, scorer)


def _gap_gain(
    a_range: range,
    b_range: range,
    x: int,
    y: int,
    dx: int,
    dy: int,
    scorer: _Scorer,
    candidates: dict[tuple[int, int], float],
) -> float:
    """What aligning the last ``dx`` A and ``dy`` B sentences of a prefix is worth."""
    a = tuple(a_range[x - dx : x])
    b = tuple(b_range[y - dy : y])
    if dx == dy == 1:
        return candidates.get((a[0], b[0]), 0.0) - GAP
    if not any((i, j) in candidates for i in a for j in b):
        return 0.0
    single = max(candidates.get((i, j), 0.0) for i in a for j in b)
    together = scorer.score(a, b)
    if together < single + _SPLIT_GAIN:
        return 0.0
    # Both parts must belong: each sentence of the longer side is mostly in the other.
    longer, side, other = (b, "b", a) if dy > dx else (a, "a", b)
    if any(scorer.contained(k, side, other) < _SPLIT_CONTAINMENT for k in longer):
        return 0.0
    return (together - GAP) * 1.5


def _trace_gap(
    step: dict[tuple[int, int], tuple[int, int]],
    n: int,
    m: int,
    a_range: range,
    b_range: range,
    scorer: _Scorer,
) -> list[Link]:
    links: list[Link] = []
    x, y = n, m
    while (x, y) in step:
        dx, dy = step[x, y]
        if dx and dy:
            a = tuple(a_range[x - dx : x])
            b = tuple(b_range[y - dy : y])
            kind = PairKind.MATCH if dx == dy else PairKind.SPLIT if dy > dx else PairKind.MERGE
            links.append(Link(kind, a, b, scorer.score(a, b)))
        x, y = x - dx, y - dy
    return links[::-1]


def _grow_anchors(links: list[Link], scorer: _Scorer) -> list[Link]:
    """Let 1:1 links take in an unaligned neighbour when the pair reads better as a split."""
    used_a = {i for ln in links for i in ln.a}
    used_b = {j for ln in links for j in ln.b}
    grown: list[Link] = []
    for link in links:
        if link.kind is PairKind.MATCH:
            link = _grow(link, scorer, used_a, used_b)
        grown.append(link)
    return grown


def _grow(link: Link, scorer: _Scorer, used_a: set[int], used_b: set[int]) -> Link:
    (i,), (j,) = link.a, link.b
    options: list[tuple[tuple[int, ...], tuple[int, ...], str, int]] = []
    for k in (j - 1, j + 1):
        if 0 <= k < len(scorer.b) and k not in used_b:
            options.append(((i,), tuple(sorted((j, k))), "b", k))
    for k in (i - 1, i + 1):
        if 0 <= k < len(scorer.a) and k not in used_a:
            options.append((tuple(sorted((i, k))), (j,), "a", k))
    best = link
    for a, b, side, extra in options:
        score = scorer.score(a, b)
        whole = a if side == "b" else b
        if (
            score >= best.score + _SPLIT_GAIN
            and scorer.contained(extra, side, whole) >= _SPLIT_CONTAINMENT
        ):
            kind = PairKind.SPLIT if side == "b" else PairKind.MERGE
            best = Link(kind, a, b, score)
    used_a.update(best.a)
    used_b.update(best.b)
    return best


def _finish(
    links: list[Link], scorer: _Scorer, candidates: dict[tuple[int, int], float]
) -> list[Link]:
    """Pair leftovers out of order as moves; the rest become added and dropped."""
    used_a = {i for ln in links for i in ln.a}
    used_b = {j for ln in links for j in ln.b}
    moves = sorted(
        (
            (s, i, j)
            for (i, j), s in candidates.items()
            if s >= MOVED and i not in used_a and j not in used_b
        ),
        reverse=True,
    )
    result = list(links)
    for score, i, j in moves:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        result.append(Link(PairKind.MOVED, (i,), (j,), score))
    result += [
        Link(PairKind.DROPPED, (i,), (), 0.0) for i in range(len(scorer.a)) if i not in used_a
    ]
    result += [Link(PairKind.ADDED, (), (j,), 0.0) for j in range(len(scorer.b)) if j not in used_b]
    return _reading_order(result, links)


def _reading_order(result: list[Link], in_order: list[Link]) -> list[Link]:
    """Order links for reading side by side (see ``Comparison.pairs``)."""
    ends = sorted((ln.a[-1], ln.b[-1]) for ln in in_order)
    a_ends = [a for a, _ in ends]

    def key(link: Link) -> tuple[float, int, int]:
        if link.b:
            return (link.b[0], 1, link.a[0] if link.a else -1)
        before = bisect_left(a_ends, link.a[0])
        return ((ends[before - 1][1] if before else -1) + 0.5, 0, link.a[0])

    return sorted(result, key=key)
