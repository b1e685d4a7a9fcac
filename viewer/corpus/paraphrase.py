"""Rewritten copies: a run of reworded sentences that keeps the source's order.

A rewrite (a press release retold by a health site, a wire story redone by a
paper's own desk) rewords nearly every sentence, so few of its sentences reach the
similarity at which partial reuse counts them (``reuse.REUSED``) and the family stage
finds too little of it. What gives it away is order: its sentences follow the source's
one after another, each recognisably the same statement (``PARAPHRASED``), while two
reports written independently share a fact or two in whatever order their reporters
chose.

The test is the longest chain of such sentence pairs that is in order on both sides
(a longest increasing subsequence over the matched pairs), counting only the
reporters' own text: quotations, boilerplate, page furniture and stock phrases never
count, since independent reports share those. A pair counts when its lexical score
reaches ``PARAPHRASED``, or when it reaches ``LOOSE`` and the sentence model
(:mod:`viewer.prepare.semantic`) finds the same meaning (``MEANS``); the model is asked
only when it could change the answer. Measured on the labelled real pages
(benchmarks/realdata), independent reports of one event reach chains of at most two
such sentences; ``MIN_CHAIN`` asks for one more.

A desk that rewords harder (two health sites retelling one release in their own words)
leaves few sentences at ``PARAPHRASED`` and few the model vouches for at ``MEANS``, but
many that are loosely alike in words and alike in meaning, in order: a chain of
``LONG_CHAIN`` sentences each at least ``LOOSE`` lexically and ``ALIKE`` by meaning is a
rewrite too. On the labelled real pages, independent reports of one event reach such
chains of at most four sentences, and pages sharing a template of at most three; the
rewrites this finds reach five to seven.

A rewrite found, its chain is the edge's anchors: the sentences between two anchors that
resemble their counterparts at least loosely (``LOOSE``), in order on both sides, join
it (:func:`between_anchors`), so provenance traces them across the edge too.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence

import numpy as np
import numpy.typing as npt

from viewer.corpus.matching import PairMatch, SentenceMatch
from viewer.corpus.profile import Profile
from viewer.corpus.reuse import Reuse, is_story_text, share_of

__all__ = [
    "ALIKE",
    "LONG_CHAIN",
    "LOOSE",
    "MEANS",
    "MIN_CHAIN",
    "PARAPHRASED",
    "Sense",
    "in_order",
    "paraphrase",
    "vouched",
]

PARAPHRASED = 0.5
"""Similarity from which two sentences are the same statement reworded (the family
stage's ``FOUND`` and align's anchor: independent reports of one fact score 0.2-0.5)."""
LOOSE = 0.3
"""Lexical floor of a pair the sentence model may vouch for (matching's ``FLOOR``)."""
MEANS = 0.7
"""Embedding cosine from which the model vouches for a pair: unrelated sentences of one
story score 0.5-0.7."""
MIN_CHAIN = 3
"""Reworded sentences, in order on both sides, that make a rewrite."""
ALIKE = 0.55
"""Embedding cosine from which a loose pair is alike in meaning (below ``MEANS``:
alone it would vouch for unrelated sentences of one story)."""
LONG_CHAIN = 5
"""Loose pairs alike in meaning, in order on both sides, that make a rewrite."""

Sense = Callable[[], "npt.NDArray[np.float32] | None"]
"""Gives, when called, the embedding similarity of every sentence of A with every
sentence of B (``None`` without a model)."""


def paraphrase(
    a: str, b: str, pa: Profile, pb: Profile, match: PairMatch, sense: Sense | None = None
) -> Reuse | None:
    """The reuse edge of a rewrite between ``a`` and ``b``, or ``None`` when the reworded
    sentences they share are too few or out of order.

    Args:
        sense: the pair's embedding similarities, asked for only when the lexical
            scores alone leave the answer open.
    """
    loose = {
        (m.a, m.b): m
        for m in (*match.a_best, *match.b_best)
        if m is not None and m.score >= LOOSE and is_story_text(pa, m.a) and is_story_text(pb, m.b)
    }
    chain = in_order([m for m in loose.values() if m.score >= PARAPHRASED])
    if (
        len(chain) < MIN_CHAIN
        and sense is not None
        and len(in_order(list(loose.values()))) >= MIN_CHAIN
    ):
        chain = vouched(list(loose.values()), sense)
    if len(chain) < MIN_CHAIN:
        return None
    chain = between_anchors(chain, list(loose.values()))
    share_a = share_of(pa, {m.a for m in chain})
    share_b = share_of(pb, {m.b for m in chain})
    mean = sum(m.score for m in chain) / len(chain)
    reason = (
        f"rewritten: {len(chain)} sentences of the reporters' own text reworded in the same "
        f"order (mean similarity {mean:.2f}; {round(100 * share_a)}% of {a}, "
        f"{round(100 * share_b)}% of {b})"
    )
    return Reuse(a, b, tuple(chain), round(share_a, 6), round(share_b, 6), reason)


def vouched(loose: list[SentenceMatch], sense: Sense) -> list[SentenceMatch]:
    """The longest chain the sentence model lets through: pairs it finds the same
    statement (``MEANS``) beside the lexically reworded ones, or, when that is short, a
    long chain (``LONG_CHAIN``) of pairs alike in meaning (``ALIKE``); empty without a
    model."""
    meaning = sense()
    if meaning is None:
        return []
    chain = in_order([m for m in loose if m.score >= PARAPHRASED or meaning[m.a, m.b] >= MEANS])
    if len(chain) >= MIN_CHAIN or len(in_order(loose)) < LONG_CHAIN:
        return chain
    alike = in_order([m for m in loose if meaning[m.a, m.b] >= ALIKE])
    return alike if len(alike) >= LONG_CHAIN else chain


def between_anchors(
    chain: Sequence[SentenceMatch], loose: Sequence[SentenceMatch]
) -> list[SentenceMatch]:
    """The chain with the loose matches that fit between its sentences, in order.

    Once a chain of reworded sentences shows that one text retells the other, a sentence
    lying between two of its sentences on both sides, and resembling its counterpart at
    least loosely, is the same statement retold too, though its words alone would not have
    said so: the anchors place it. A loose match that would cross an anchor, or another
    match taken, stays out; each sentence of either side is taken once, the best first.
    """
    taken = list(chain)
    used_a, used_b = {m.a for m in chain}, {m.b for m in chain}
    for match in sorted(loose, key=lambda m: (-m.score, m.a, m.b)):
        if match.a in used_a or match.b in used_b:
            continue
        before = [m for m in taken if m.a < match.a]
        after = [m for m in taken if m.a > match.a]
        if all(m.b < match.b for m in before) and all(m.b > match.b for m in after):
            taken.append(match)
            used_a.add(match.a)
            used_b.add(match.b)
    return sorted(taken, key=lambda m: m.a)


def in_order(matches: Sequence[SentenceMatch]) -> list[SentenceMatch]:
    """The longest run of ``matches`` increasing in both A and B index, by A index; of
    runs equally long, the one found first in A order (deterministic)."""
    ordered = sorted(matches, key=lambda m: (m.a, -m.b))
    # Patience sorting on the B index: ``tails[k]`` is the smallest B index ending a run
    # of k + 1; sorting ties in A by falling B keeps one sentence of A per run.
    tails: list[int] = []
    ends: list[int] = []
    back: list[int] = []
    for n, m in enumerate(ordered):
        k = bisect_left(tails, m.b)
        if k == len(tails):
            tails.append(m.b)
            ends.append(n)
        else:
            tails[k] = m.b
            ends[k] = n
        back.append(ends[k - 1] if k else -1)
    run: list[SentenceMatch] = []
    at = ends[-1] if ends else -1
    while at >= 0:
        run.append(ordered[at])
        at = back[at]
    return run[::-1]
