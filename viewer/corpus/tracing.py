"""Where one article's text also stands, and which side of each match is earlier.

The audit's provenance answers "where did this come from": an article's copies are
never its sources, so an article the direction stage judged to be the original has no
source at all, even when every sentence of it stands word for word in another file.
Tracing asks something else: for each sentence, which other article also holds it
(by the same rule the provenance uses, :func:`~viewer.corpus.provenance.
counts_as_source`), whichever of the two came first; and, separately, for each such
article, which side is earlier, or that the evidence does not say.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from viewer.corpus.direction import DATE_VOTE
from viewer.corpus.provenance import Provenance, found_share, provenance_of
from viewer.corpus.published import earlier as first_published
from viewer.corpus.published import published

if TYPE_CHECKING:
    from viewer.corpus.direction import Derivation
    from viewer.corpus.families import Evidence, Family

__all__ = ["DECIDED", "Counterpart", "Trace", "trace_article"]


DECIDED = 0.6
"""Direction confidence from which one side is called earlier. One garble mark alone
gives 0.73, a date 0.98; a pair with no evidence either way stands at 0.5."""


@dataclass(frozen=True, slots=True)
class Counterpart:
    """Another article that holds some of the traced article's text."""

    article: str
    characters: int
    """Characters of the traced article's sentences found in it."""
    share: float
    """Those characters over all the traced article's sentence characters, 0 to 1."""
    earlier: str | None
    """Id of the side judged earlier (the traced article's or this one's); ``None``
    when the evidence does not decide."""
    confidence: float
    """How sure that is: 0.5 (no evidence) to 1."""
    reason: str
    """Why, in words: the strongest direction evidence, or why there is none."""


@dataclass(frozen=True, slots=True)
class Trace:
    """One article's text, sentence by sentence, with the other articles holding it."""

    article: str
    provenance: Provenance
    """Each sentence's best counterpart in any other article, earlier or later; the
    shares of its ``sources`` count each sentence once, for that best counterpart."""
    counterparts: tuple[Counterpart, ...]
    """Every other article holding some of its text, the largest share first."""

    def counterpart(self, article: str) -> Counterpart | None:
        """The counterpart ``article``, if it holds any of the traced text."""
        return next((c for c in self.counterparts if c.article == article), None)


def trace_article(
    article: str,
    evidence: Evidence,
    families: Sequence[Family],
    derivations: Sequence[Derivation],
) -> Trace:
    """Where article ``article``'s sentences also stand, and which side is earlier."""
    x = evidence.index[article]
    family_of = {a: n for n, f in enumerate(families) for a in f.articles}
    partners = sorted({b if a == x else a for a, b in evidence.matches if x in (a, b)})
    mine = family_of.get(article, -1)
    allowed = [(y, family_of.get(evidence.articles[y].id, -2) == mine) for y in partners]
    provenance = provenance_of(x, allowed, evidence, None)
    flags = evidence.profiles.flags(x)
    by_pair = {frozenset((d.source, d.target)): d for d in derivations}
    found: list[Counterpart] = []
    for y, together in allowed:
        match = evidence.match(x, y)
        if match is None:
            continue
        characters, share = found_share(
            evidence.articles[x], match.a_best, flags, together=together
        )
        if characters:
            other = evidence.articles[y]
            derivation = by_pair.get(frozenset((article, other.id)))
            found.append(_counterpart(article, other.id, characters, share, derivation, evidence))
    found.sort(key=lambda c: (-c.characters, evidence.index[c.article]))
    return Trace(article, provenance, tuple(found))


def _counterpart(
    article: str,
    other: str,
    characters: int,
    share: float,
    derivation: Derivation | None,
    evidence: Evidence,
) -> Counterpart:
    """The counterpart ``other``, with which side is earlier and why."""
    if derivation is not None:
        decided = derivation.confidence >= DECIDED
        reason = derivation.evidence[0] if derivation.evidence else "no evidence either way"
        earlier = derivation.source if decided else None
        return Counterpart(other, characters, share, earlier, derivation.confidence, reason)
    a = evidence.articles[evidence.index[article]]
    b = evidence.articles[evidence.index[other]]
    first = first_published(a, b)
    if first is not None:
        then = b if first is a else a
        reason = f"not copies; {first.id} is dated {published(first)}, {then.id} {published(then)}"
        confidence = 1 / (1 + math.exp(-DATE_VOTE))  # as the direction stage weighs a date
        return Counterpart(other, characters, share, first.id, confidence, reason)
    reason = "not copies of one another (they share only a few sentences), and not dated apart"
    return Counterpart(other, characters, share, None, 0.5, reason)
