"""Boilerplate: text a site puts on every page, which says nothing about copying.

Two views, for two uses:

- **Recurring boilerplate** (:func:`boilerplate_keys`), decided over the corpus. A
  sentence is boilerplate when the same words recur in articles that are otherwise
  unrelated, and it recurs either widely (``WIDE`` articles or more) or at the head or
  tail of every article that carries it (a footer, a newsletter sign-up). A sentence that
  recurs because a story was copied travels with the rest of the story, so the articles
  carrying it are related; a quotation shared by two independent reports stands mid-text
  in two articles only, and is left to the quotation rules.
- **Page furniture** (:func:`furniture`), decided on each sentence by its form: comment
  prompts, author photos, sign-ups, credit lines, navigation and sharing buttons (the
  recogniser in :mod:`viewer.text.furniture`, which ingest shares so that no title is
  furniture). One article alone can carry it, so it is evidence about direction (a copy
  scraped from a web page carries furniture its source lacks), not about families.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

import numpy as np

from viewer.model import Article
from viewer.pairwise.drift.boilerplate import boilerplate_sentences
from viewer.prepare.fingerprint import Fingerprints
from viewer.text.furniture import furniture_reason, short_label

__all__ = ["EDGE", "WIDE", "boilerplate_keys", "edge", "furniture"]

WIDE = 3
"""Unrelated articles a sentence must recur in to be boilerplate wherever it stands."""
EDGE = 3
"""Sentences from either end of an article that count as its head or tail (fewer in a
short article: a fifth of its sentences, at least one)."""
_SAMPLE = 8
"""Articles (the first in corpus order) whose relatedness decides a recurring sentence."""


def edge(count: int) -> int:
    """How many sentences at either end of an article of ``count`` are its head or tail."""
    return max(1, min(EDGE, count // 5))


def furniture(article: Article) -> tuple[bool, ...]:
    """Which sentences of an article read as page furniture rather than article text.

    The drift stage's patterns decide first (sign-ups, comment prompts, credits, photo
    credits, developing-story notes: :func:`viewer.pairwise.drift.boilerplate.
    boilerplate_sentences`, repeated captions among them) and the page-furniture
    recogniser (:func:`viewer.text.furniture.furniture_reason`: navigation, sharing
    buttons); besides, a short line without closing punctuation at the article's head or
    tail is furniture (:func:`viewer.text.furniture.short_label`).
    """
    patterned = boilerplate_sentences(article)
    count = len(article.sentences)
    reach = edge(count)
    return tuple(
        s.index in patterned
        or furniture_reason(s.text) is not None
        or ((s.index < reach or s.index >= count - reach) and short_label(s.text))
        for s in article.sentences
    )


def boilerplate_keys(prints: Fingerprints, related: Callable[[int, int], bool]) -> frozenset[int]:
    """Exact sentence keys that are boilerplate in this corpus.

    Args:
        prints: the corpus's fingerprints (exact sentence keys per article).
        related: whether two articles (by index) share text beyond the sentence in
            question; asked only about articles that share a recurring sentence.
    """
    lengths = np.diff(prints.offsets)
    article_of = np.repeat(np.arange(len(prints), dtype=np.int64), lengths)
    sentence_of = np.arange(len(prints.keys), dtype=np.int64) - prints.offsets[article_of]
    reach = np.clip(lengths // 5, 1, EDGE)[article_of]  # edge(), for every sentence
    at_edge = (sentence_of < reach) | (sentence_of >= lengths[article_of] - reach)
    keyed = np.flatnonzero(prints.keys)
    order = keyed[np.lexsort((article_of[keyed], prints.keys[keyed]))]
    keys = prints.keys[order]
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    ends = np.r_[starts[1:], len(keys)]
    recurring = ends - starts > 1
    found: set[int] = set()
    for start, end in zip(starts[recurring].tolist(), ends[recurring].tolist(), strict=True):
        rows = order[start:end]
        articles = list(dict.fromkeys(article_of[rows].tolist()))
        if len(articles) < 2:
            continue
        edges = bool(np.all(at_edge[rows]))
        if (len(articles) >= WIDE or edges) and _unrelated(articles[:_SAMPLE], related):
            found.add(int(keys[start]))
    return frozenset(found)


def _unrelated(articles: list[int], related: Callable[[int, int], bool]) -> bool:
    """Whether most consecutive pairs of these articles are unrelated."""
    pairs = list(pairwise(articles))
    return sum(not related(a, b) for a, b in pairs) * 2 > len(pairs)
