"""Passage keys: a few keys per sentence such that two sentences sharing a long enough run
of words share a key, found by winnowing (Schleimer, Wilkerson and Aiken, 2003).

Every run of ``GRAM`` words of one sentence with at least ``GRAM_CONTENT`` content words
is a gram, hashed from its word ids in order. Of every ``WINDOW`` consecutive grams of a
sentence the smallest hash is kept (the rightmost, on a tie), and so is the smallest of
a sentence with fewer grams than that. Two sentences that share ``GRAM + WINDOW - 1``
words in a row share a window of grams and so a kept key; a run as short as ``GRAM``
words is found when its gram is the smallest of its windows on both sides. About
``2 / (WINDOW + 1)`` of the grams are kept.

Two articles with sentences sharing keys are proposed for judging when they also share a
rare word (:func:`viewer.corpus.candidates.passage_pairs`,
:func:`viewer.corpus.story.named_passage_pairs`), so that a rewrite that keeps runs of
its source's words inside recast sentences is judged (:mod:`viewer.corpus.passages`)
although few of its sentences match.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
from numpy.lib.stride_tricks import sliding_window_view

from viewer.prepare.minhash import mix

__all__ = ["GRAM", "GRAM_CONTENT", "WINDOW", "passage_keys"]

GRAM = 8
"""Words per gram (:data:`viewer.corpus.passages.PASSAGE_WORDS`)."""
GRAM_CONTENT = 4
"""Content words a gram must hold (:data:`viewer.corpus.passages.PASSAGE_CONTENT`)."""
WINDOW = 4
"""Grams per winnowing window: a shared run of ``GRAM + WINDOW - 1`` words always shares a key."""

U64 = npt.NDArray[np.uint64]
I64 = npt.NDArray[np.int64]
_NONE = np.uint64(2**64 - 1)
"""The hash of a gram that is not one (too few content words): never kept."""


def passage_keys(ids: U64, owner: I64, content: npt.NDArray[np.bool_]) -> tuple[U64, I64]:
    """The kept keys and the sentence of each, by sentence.

    Args:
        ids: the id of every word, sentence after sentence.
        owner: the sentence of every word (non-decreasing).
        content: whether each word is a content word.
    """
    if len(ids) < GRAM:
        return np.zeros(0, np.uint64), np.zeros(0, np.int64)
    grams = _gram_hashes(ids)
    counts = np.convolve(content.astype(np.int64), np.ones(GRAM, np.int64), "valid")
    grams[counts < GRAM_CONTENT] = _NONE
    # only the grams inside one sentence, so that what a sentence keeps depends on its
    # own words alone, not on the sentence after it or where a batch ends
    whole = np.flatnonzero(owner[: len(grams)] == owner[GRAM - 1 :])
    grams, gram_owner = grams[whole], owner[whole]
    kept = np.zeros(len(grams), bool)
    if len(grams) >= WINDOW:
        windows = sliding_window_view(grams, WINDOW)
        # the rightmost smallest of each window: argmin of the reversed window
        at = np.arange(len(windows)) + (WINDOW - 1) - windows[:, ::-1].argmin(axis=1)
        inside = gram_owner[: len(windows)] == gram_owner[WINDOW - 1 :]
        kept[at[inside]] = True
    _keep_short(grams, gram_owner, kept)
    kept &= grams != _NONE
    return grams[kept], gram_owner[kept]


def _gram_hashes(ids: U64) -> U64:
    """A hash of every ``GRAM`` ids in a row, that changes with their order."""
    with np.errstate(over="ignore"):
        acc = np.zeros(len(ids) - GRAM + 1, np.uint64)
        for k in range(GRAM):
            acc = mix(acc ^ ids[k : k + len(acc)] * np.uint64(2 * k + 1))
    return acc


def _keep_short(grams: U64, owner: I64, kept: npt.NDArray[np.bool_]) -> None:
    """Keep the smallest gram of each sentence with fewer than ``WINDOW`` grams."""
    if not len(grams):
        return
    starts = np.flatnonzero(np.r_[True, owner[1:] != owner[:-1]])
    sizes = np.diff(np.r_[starts, len(grams)])
    smallest = np.minimum.reduceat(grams, starts)
    short = np.repeat(sizes < WINDOW, sizes)
    kept[short & (grams == np.repeat(smallest, sizes))] = True
