"""Sentence matching between two articles: a sentence whose text recurs on the other side
is settled by its twin, and skipping the pairs of settled sentences changes no match."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.corpus.matching import FLOOR, PairMatch, SentenceMatch, match_sentences
from viewer.prepare.similarity import SentenceFeatures, Weights, features, pair_score
from viewer.text.stopwords import STOPWORDS

WORDS = ["council", "budget", "vote", "river", "flood", "mayor", "the", "a", "of", "rose"]


def _every_pair(a: Sequence[SentenceFeatures], b: Sequence[SentenceFeatures]) -> PairMatch:
    """Best matches both ways from scoring every pair the prefilter lets through, with no
    pair skipped for being settled: what matching did before settling."""
    weights = Weights([a, b])
    postings: dict[str, list[int]] = {}
    for j, sentence in enumerate(b):
        for s in sentence.stems:
            postings.setdefault(s, []).append(j)
    common = max(2, min(int(0.5 * len(b)), 200))
    exact = {" ".join(f.folded.split()): j for j, f in enumerate(b)}
    scores: dict[tuple[int, int], float] = {}
    for i, sentence in enumerate(a):
        same = exact.get(" ".join(sentence.folded.split()))
        if same is not None:
            scores[i, same] = 1.0
        shared: dict[int, float] = {}
        for s, count in sentence.stems.items():
            holders = postings.get(s, [])
            if s in STOPWORDS or len(holders) > common:
                continue
            for j in holders:
                shared[j] = shared.get(j, 0.0) + weights.of(s) * min(count, b[j].stems[s])
        for j, overlap in sorted(shared.items()):
            both = weights.total(sentence) + weights.total(b[j])
            if j == same or not both or 2 * overlap / both < 0.08:
                continue
            if (score := pair_score(sentence, b[j], weights)) >= FLOOR:
                scores[i, j] = score
    a_best: list[SentenceMatch | None] = [None] * len(a)
    b_best: list[SentenceMatch | None] = [None] * len(b)
    for (i, j), score in sorted(scores.items()):
        found = SentenceMatch(i, j, score)
        if a_best[i] is None or score > a_best[i].score:  # type: ignore[union-attr]
            a_best[i] = found
        if b_best[j] is None or score > b_best[j].score:  # type: ignore[union-attr]
            b_best[j] = found
    return PairMatch(tuple(a_best), tuple(b_best))


sentence_texts = st.lists(st.sampled_from(WORDS), min_size=1, max_size=7).map(" ".join)
spaced = sentence_texts.map(lambda t: t.replace(" ", "  ", 1))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(sentence_texts, min_size=1, max_size=8),
    st.lists(st.integers(0, 7), max_size=8),
    st.lists(sentence_texts | spaced, max_size=5),
    st.randoms(use_true_random=False),
)
def test_skipping_settled_pairs_changes_no_match(
    own: list[str], copied: list[int], extra: list[str], rng: object
) -> None:
    """B copies some of A's sentences (some twice, some with other spacing) among its own;
    the matches are those of scoring every pair."""
    taken = [own[k % len(own)] for k in copied]
    other = taken + extra + taken[:1]
    rng.shuffle(other)  # type: ignore[attr-defined]
    a = [features(t) for t in own]
    b = [features(t) for t in other]
    for x, y in ((a, b), (b, a)):
        assert match_sentences(x, y) == _every_pair(x, y)


def test_a_verbatim_copy_is_matched_twin_for_twin() -> None:
    texts = ["The council approved the budget.", "Voters rejected it.", "The river rose."]
    a = [features(t) for t in texts]
    b = [features(t) for t in reversed(texts)]
    found = match_sentences(a, b)
    assert [(m.a, m.b, m.score) for m in found.a_best if m] == [
        (0, 2, 1.0),
        (1, 1, 1.0),
        (2, 0, 1.0),
    ]
    assert [(m.a, m.b) for m in found.b_best if m] == [(2, 0), (1, 1), (0, 2)]
