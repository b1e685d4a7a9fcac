"""What the family stage judges: every pair of articles that may be copies, and the
sentence profiles they are judged on (before any pair is judged, and all of it per
article or per corpus: fingerprints, recurring boilerplate, candidate pairs, profiles,
the rare words two stories share)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from viewer.corpus.boilerplate import boilerplate_keys
from viewer.corpus.candidates import candidates, passage_pairs
from viewer.corpus.profile import Profiles
from viewer.corpus.story import named_passage_pairs, rare_words, story_pairs
from viewer.model import Article
from viewer.prepare.fingerprint import Fingerprints, fingerprint

__all__ = ["RELATED", "Proposal", "Wording", "propose", "words_here"]

Progress = Callable[[str, int, int], None]
Wording = Callable[[Sequence[Article], Profiles, Progress | None], list[frozenset[str]]]
"""How :func:`propose` finds each article's rare words: ``(articles, profiles,
progress)`` to one set per article, in order (:func:`words_here`, or on a cluster
:mod:`viewer.scale.words`)."""

RELATED = 0.5
"""Estimated share of the smaller article's shingles found in the other at which two
articles count as related (copies) when deciding what is boilerplate."""


@dataclass(frozen=True, slots=True, eq=False)
class Proposal:
    """What the stages before judging found: the pairs to judge, the profiles to judge them on."""

    index: Mapping[str, int]
    """Position of each article id."""
    prints: Fingerprints
    profiles: Profiles
    pairs: list[tuple[int, int]]
    """Article indexes ``(x, y)``, x < y, of every pair to judge: the fingerprints'
    candidates, then the story pairs (articles naming the same rare things), then the
    pairs that share runs of words and a rare word."""


def propose(
    articles: Sequence[Article],
    progress: Progress | None = None,
    *,
    wording: Wording | None = None,
) -> Proposal:
    """Fingerprints, boilerplate keys, candidates, profiles and story pairs.

    Args:
        wording: how each article's rare words are found: :func:`words_here` when
            ``None``, or on a Dask cluster; any gives the same answer.
    """
    index = {a.id: n for n, a in enumerate(articles)}
    if len(index) != len(articles):
        raise ValueError("article ids must be unique within a corpus")
    prints = fingerprint(articles, progress)
    boilerplate = boilerplate_keys(prints, lambda x, y: prints.containment(x, y) >= RELATED)
    if progress is not None:
        progress("boilerplate", 1, 1)
    proposed = [(c.a, c.b) for c in candidates(prints, boilerplate, progress)]
    profiles = Profiles(articles, prints, boilerplate)
    words = (wording if wording is not None else words_here)(articles, profiles, progress)
    proposed += story_pairs(words, proposed)
    proposed += named_passage_pairs(passage_pairs(prints, boilerplate), words, proposed)
    return Proposal(index, prints, profiles, proposed)


def words_here(
    articles: Sequence[Article], profiles: Profiles, progress: Progress | None = None
) -> list[frozenset[str]]:
    """The rare words of each article (:func:`~viewer.corpus.story.rare_words`), in this
    process; their marks stay in ``profiles`` for the stages after."""
    found = []
    for n, article in enumerate(articles):
        found.append(rare_words(article, profiles.marks(n)))
        if progress is not None and ((n + 1) % 1000 == 0 or n + 1 == len(articles)):
            progress("rare words", n + 1, len(articles))
    return found
