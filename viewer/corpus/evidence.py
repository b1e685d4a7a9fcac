"""What the family stage measured, handed on to direction, provenance and tracing: the
articles, their profiles, the sentence matches of every judged pair, and the sentences
each reuse edge vouches for."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from viewer.corpus.matching import PairMatch, SentenceMatch
from viewer.corpus.profile import Profiles
from viewer.model import Article

__all__ = ["Evidence", "vouched_by"]


@dataclass(frozen=True, slots=True, eq=False)
class Evidence:
    """What the family stage measured, handed on to provenance and direction."""

    articles: Sequence[Article]
    profiles: Profiles
    matches: Mapping[tuple[int, int], PairMatch]
    """Sentence matches of every candidate pair, keyed by article indexes ``(a, b)``, a < b."""
    index: Mapping[str, int]
    """Position of each article id."""
    reused: Mapping[tuple[int, int], tuple[SentenceMatch, ...]] = field(default_factory=dict)
    """The shared sentences of every reuse edge (partial reuse or a rewrite), keyed like
    ``matches``: what provenance may attribute across the edge even where a rewording
    scores below its bar, since the edge's own test vouched for it."""

    def vouched(self, x: int, y: int) -> dict[int, SentenceMatch]:
        """The sentences of article ``x`` a reuse edge with ``y`` vouches for, each with
        its counterpart in ``y`` (seen from ``x``); empty without an edge."""
        if x < y:
            return vouched_by(self.reused.get((x, y), ()))
        return vouched_by(self.reused.get((y, x), ()), flipped=True)

    def match(self, x: int, y: int) -> PairMatch | None:
        """Matches between articles ``x`` and ``y`` seen from ``x``; ``None`` if never compared."""
        if x < y:
            return self.matches.get((x, y))
        found = self.matches.get((y, x))
        return None if found is None else found.flipped()


def vouched_by(
    shared: Sequence[SentenceMatch], *, flipped: bool = False
) -> dict[int, SentenceMatch]:
    """The sentences a reuse edge's ``shared`` matches vouch for, each with its
    counterpart: of the edge's first article, or of its second when ``flipped``."""
    if not flipped:
        return {m.a: m for m in shared}
    return {m.b: SentenceMatch(m.b, m.a, m.score) for m in shared}
