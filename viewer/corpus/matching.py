"""Each sentence's best counterpart in another article: a cheap stand-in for alignment.

:func:`viewer.pairwise.align.align_sentences` builds a full reading-order alignment with
splits, merges and moves, at several milliseconds a pair; a corpus audit compares
thousands of pairs and only needs, for every sentence, the most similar sentence of the
other article and how similar it is. This scores only pairs of sentences that share an
uncommon content stem, with the same :func:`~viewer.prepare.similarity.pair_score`
the aligner uses, so the two agree on what "alike" means. Order is ignored on purpose: a
copy may move paragraphs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from viewer.prepare.similarity import SentenceFeatures, Weights, pair_score
from viewer.text.stopwords import STOPWORDS

__all__ = ["FLOOR", "PairMatch", "SentenceMatch", "match_sentences", "same_words"]

FLOOR = 0.3
"""Scores below this are not kept: the sentences are unrelated (align's ``GAP``)."""
_PREFILTER = 0.08
"""Sentence pairs whose weighted content-word overlap (Dice) is below this are not
scored further (align's prefilter)."""
_COMMON = 0.5
"""A stem in more than this share of the other article's sentences proposes no pairs..."""
_COMMON_CAP = 200
"""...nor one in more than this many (a long document: its postings are the cost)."""


@dataclass(frozen=True, slots=True)
class SentenceMatch:
    """A sentence of article A, its best counterpart in article B, and their similarity."""

    a: int
    """Index of the sentence in A."""
    b: int
    """Index of the sentence in B."""
    score: float
    """:func:`~viewer.prepare.similarity.pair_score`, 0 to 1 (1: the same folded text)."""


@dataclass(frozen=True, slots=True)
class PairMatch:
    """Best counterparts both ways between the sentences of two articles."""

    a_best: tuple[SentenceMatch | None, ...]
    """For each sentence of A, its best match in B (``None`` below ``FLOOR``)."""
    b_best: tuple[SentenceMatch | None, ...]
    """For each sentence of B, its best match in A (``a`` and ``b`` keep their sides)."""

    def flipped(self) -> PairMatch:
        """The same matches seen from B: A and B swap places."""
        return PairMatch(_flip(self.b_best), _flip(self.a_best))


def _flip(matches: tuple[SentenceMatch | None, ...]) -> tuple[SentenceMatch | None, ...]:
    return tuple(None if m is None else SentenceMatch(m.b, m.a, m.score) for m in matches)


def same_words(a: SentenceFeatures, b: SentenceFeatures) -> bool:
    """Whether two sentences have the same folded text, white space aside (verbatim)."""
    return a.folded == b.folded or a.folded.split() == b.folded.split()


def match_sentences(a: Sequence[SentenceFeatures], b: Sequence[SentenceFeatures]) -> PairMatch:
    """Every sentence's best counterpart on the other side, scored as the aligner scores."""
    scores = _scores(a, b)
    a_best: list[SentenceMatch | None] = [None] * len(a)
    b_best: list[SentenceMatch | None] = [None] * len(b)
    for (i, j), score in sorted(scores.items()):
        match = SentenceMatch(i, j, score)
        if _better(match, a_best[i]):
            a_best[i] = match
        if _better(match, b_best[j]):
            b_best[j] = match
    return PairMatch(tuple(a_best), tuple(b_best))


def _better(match: SentenceMatch, best: SentenceMatch | None) -> bool:
    return best is None or match.score > best.score


def _key(sentence: SentenceFeatures) -> str:
    return " ".join(sentence.folded.split())


def _scores(
    a: Sequence[SentenceFeatures], b: Sequence[SentenceFeatures]
) -> dict[tuple[int, int], float]:
    """Scores of the sentence pairs that share an uncommon content stem, at least FLOOR.

    A sentence of A whose text recurs in B (white space aside) is *settled*, and so is
    its twin (the last sentence of B with that text): the pair scores 1.0, which nothing
    beats. A pair of two settled sentences that are not twins can change neither one's
    best match (it scores below 1.0: only the same folded text scores 1.0, and that
    sentence of B would be the twin), so it is not scored. A verbatim copy costs its
    exact lookups and nothing else; an edited one, the comparisons of the sentences that
    changed.
    """
    exact = {_key(f): j for j, f in enumerate(b)}
    twins = [exact.get(_key(f)) for f in a]
    settled = {j for j in twins if j is not None}
    scores: dict[tuple[int, int], float] = {
        (i, j): 1.0 for i, j in enumerate(twins) if j is not None
    }
    if len(settled) == len(b) and len(scores) == len(a):
        return scores  # a verbatim copy, reordered perhaps: nothing left to compare
    if len(scores) == len(a) and len(a) > _COMMON_CAP:
        return scores  # a long document, all of it settled (see below)
    weights = Weights([a, b])
    postings = _postings(b)
    common = max(2, min(int(_COMMON * len(b)), _COMMON_CAP))
    unsettled = {
        s: kept
        for s, posting in postings.items()
        if len(posting) <= common and (kept := [p for p in posting if p[0] not in settled])
    }
    totals: dict[int, float] = {}
    for i, sentence in enumerate(a):
        same = twins[i]
        if same is not None and (len(a) > _COMMON_CAP or not unsettled):
            continue  # a long document: a verbatim twin is this sentence's best match
        found = _overlaps(sentence, unsettled if same is not None else postings, weights, common)
        if not found:
            continue
        total = weights.total(sentence)
        for j, shared in sorted(found.items()):
            if j == same:
                continue
            other = totals.get(j)
            if other is None:
                other = totals[j] = weights.total(b[j])
            both = total + other
            if not both or 2 * shared / both < _PREFILTER:
                continue
            score = pair_score(sentence, b[j], weights)
            if score >= FLOOR:
                scores[i, j] = score
    return scores


def _postings(sentences: Sequence[SentenceFeatures]) -> dict[str, list[tuple[int, int]]]:
    """For each content stem, the sentences holding it and how often."""
    postings: dict[str, list[tuple[int, int]]] = {}
    for j, sentence in enumerate(sentences):
        for s, count in sentence.stems.items():
            if s not in STOPWORDS:
                postings.setdefault(s, []).append((j, count))
    return postings


def _overlaps(
    sentence: SentenceFeatures,
    postings: dict[str, list[tuple[int, int]]],
    weights: Weights,
    common: int,
) -> dict[int, float]:
    """Weighted content stems ``sentence`` shares with each other sentence (a lower bound
    of :func:`~viewer.prepare.similarity.word_score`'s overlap: function words left out)."""
    shared: dict[int, float] = {}
    for s, count in sentence.stems.items():
        posting = postings.get(s, ())
        if len(posting) > common:
            continue
        weight = weights.of(s)
        for j, other in posting:
            shared[j] = shared.get(j, 0.0) + weight * min(count, other)
    return shared
