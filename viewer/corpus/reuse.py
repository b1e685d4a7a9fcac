"""Partial reuse: pairs that share text without being near-duplicates.

A family joins articles of which one is mostly found in the other. The pairs an auditor
most needs are often not that: the teaser that carries two paragraphs of a long story,
the aggregator that lifts four, the page cut off after its lede, the roundup that quotes
a paragraph from each of three stories. The family stage rejects them ("shares too
little"); this stage keeps each one that shares the reporters' own text as a **reuse
edge**, so it gets a direction, sentence provenance and the drift of its shared part.

What counts as reuse, not coincidence: sentences of the reporter's own text (neither
quotation, boilerplate nor page furniture, and of ``MIN_WORDS`` content words or more)
whose counterpart scores at least ``REUSED`` (edited, not loosely paraphrased: two reports
of one event put the same fact in similar words at 0.3-0.6), and either ``MIN_REUSED`` of
them or one that is long (``LONE_WORDS`` content words) and nearly verbatim
(``LONE_SCORE``). Shared quotations from a common upstream stay quote families, never edges.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from viewer.corpus.matching import PairMatch, SentenceMatch
from viewer.corpus.profile import Profile
from viewer.text.stopwords import STOPWORDS

__all__ = [
    "LONE_SCORE",
    "LONE_WORDS",
    "MIN_REUSED",
    "MIN_WORDS",
    "REUSED",
    "Reuse",
    "is_story_text",
    "reuse",
    "share_of",
]

REUSED = 0.75
"""Similarity from which a shared sentence is reused text (provenance's ``EDITED``)."""
MIN_REUSED = 2
"""Reused sentences that make an edge."""
MIN_WORDS = 4
"""Content words a sentence needs to count: "Save Story" or a dateline is no story text."""
LONE_SCORE = 0.9
LONE_WORDS = 12
"""One reused sentence makes an edge when it scores this high and has this many content
words: a teaser of one long sentence, not a shared stock phrase."""


@dataclass(frozen=True, slots=True)
class Reuse:
    """Two articles that share some of their reporters' own text."""

    a: str
    """Id of the first article (earlier in the corpus)."""
    b: str
    shared_sentences: tuple[SentenceMatch, ...]
    """The reused sentence pairs (A index, B index, similarity), by A index."""
    share_a: float
    """Share of A's text (quotations a tenth, boilerplate nothing) reused in B, 0 to 1."""
    share_b: float
    """The same for B in A."""
    reason: str
    """What they share, in words."""

    @property
    def containment_a_in_b(self) -> float:
        """``share_a``, named as a copy pair names it, for the direction stage."""
        return self.share_a

    @property
    def containment_b_in_a(self) -> float:
        """``share_b``, likewise."""
        return self.share_b


def reuse(a: str, b: str, pa: Profile, pb: Profile, match: PairMatch) -> Reuse | None:
    """The reuse edge between articles ``a`` and ``b``, or ``None`` when what they share
    is too little, or only quotations and boilerplate."""
    from_a = _reused(match.a_best, pa, pb, own_is_a=True)
    from_b = _reused(match.b_best, pb, pa, own_is_a=False)
    if not (_enough(from_a, pa, own_is_a=True) or _enough(from_b, pb, own_is_a=False)):
        return None
    share_a = share_of(pa, {m.a for m in from_a})
    share_b = share_of(pb, {m.b for m in from_b})
    pairs = {(m.a, m.b): m for m in (*from_a, *from_b)}
    shared = tuple(pairs[key] for key in sorted(pairs))
    reason = (
        f"partial reuse: {len(shared)} sentences of the reporters' own text stand in both "
        f"({round(100 * share_a)}% of {a}, {round(100 * share_b)}% of {b})"
    )
    return Reuse(a, b, shared, round(share_a, 6), round(share_b, 6), reason)


def _reused(
    best: Sequence[SentenceMatch | None], own: Profile, other: Profile, *, own_is_a: bool
) -> list[SentenceMatch]:
    """The matches of ``own``'s reporter text reused as ``other``'s reporter text.

    ``best`` is ``own``'s best counterparts; a match keeps A's index in ``a`` and B's in
    ``b`` whichever side it was seen from, so ``own_is_a`` says which index is whose.
    """
    found = []
    for m in best:
        if m is None or m.score < REUSED:
            continue
        mine, theirs = (m.a, m.b) if own_is_a else (m.b, m.a)
        if is_story_text(own, mine) and is_story_text(other, theirs):
            found.append(m)
    return found


def is_story_text(profile: Profile, index: int) -> bool:
    """Whether a sentence is the reporter's own text: neither quotation, boilerplate nor
    page furniture, and long enough to be a sentence of the story (``MIN_WORDS``)."""
    return (
        not profile.boilerplate[index]
        and not profile.furniture[index]
        and not profile.is_quotation(index)
        and _content_words(profile, index) >= MIN_WORDS
    )


def _enough(reused: Sequence[SentenceMatch], own: Profile, *, own_is_a: bool) -> bool:
    """Whether the reused sentences make an edge: enough of them, or one long and close."""
    if len(reused) >= MIN_REUSED:
        return True
    return any(
        m.score >= LONE_SCORE and _content_words(own, m.a if own_is_a else m.b) >= LONE_WORDS
        for m in reused
    )


def _content_words(profile: Profile, index: int) -> int:
    stems = profile.features[index].stems
    return sum(n for stem, n in stems.items() if stem not in STOPWORDS)


def share_of(profile: Profile, indexes: set[int]) -> float:
    """Share of the profile's weighted text in the sentences ``indexes``."""
    total = profile.total()
    return sum(profile.weight(i) for i in indexes) / total if total else 0.0
