"""Whether a figure or a name a sentence swapped for another still stands in the other
version: the fact moved to another sentence, or was there already, and nothing changed.

A rewrite, or a later take of a wire story, recasts sentences and pairs them anew: "the
7.6 quake" in one version's sentence meets "the 6.8 aftershock" in the other's, and
"Michoacan" meets "Mexico" where the other version names Michoacan in its next sentence.
"X became Y" says that X is gone and Y is new. So over the whole of both articles, a
value counts as lost when the other version holds it fewer times than this one, and as
gained when this one held it fewer times than the other; a swap that loses nothing, or
gains nothing, is not a change of fact, and is shown at medium severity for the editor
to look at, not as high.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

from viewer.model import Article, Token
from viewer.pairwise.drift.context import Term
from viewer.text.tokens import words_of

__all__ = ["moved_note", "swapped_in_place", "term_counts", "word_counts"]

Extractor = Callable[[Sequence[Token]], list[Term]]
Counter_of = Callable[[str], Counter[str]]


def swapped_in_place(
    a: Article, b: Article, gone: Iterable[str], new: Iterable[str], counts: Counter_of
) -> bool:
    """Whether A's values ``gone`` are lost from B and B's values ``new`` are new to A,
    over the whole articles (a swap of facts, not a sentence recast)."""
    return _lost(a, b, gone, counts) and _lost(b, a, new, counts)


def moved_note(
    a: Article, b: Article, gone: Iterable[str], new: Iterable[str], counts: Counter_of
) -> str:
    """Why a swap that :func:`swapped_in_place` says is none is shown at medium."""
    if not _lost(a, b, gone, counts):
        return "the other version gives the first elsewhere as often"
    return "this version gives the second elsewhere already"


def _lost(one: Article, other: Article, values: Iterable[str], counts: Counter_of) -> bool:
    """Whether ``other`` holds some of ``one``'s ``values`` fewer times than ``one`` does."""
    mine, theirs = counts(one.text), counts(other.text)
    return any(theirs[v] < mine[v] for v in values)


def term_counts(extract: Extractor) -> Counter_of:
    """How often each value of a kind of term stands in a whole text, cached per text."""

    @lru_cache(maxsize=64)
    def counts(text: str) -> Counter[str]:
        return Counter(t.bare for t in extract(words_of(text)))

    return counts


@lru_cache(maxsize=64)
def word_counts(text: str) -> Counter[str]:
    """How often each word (its matching form, possessive aside) stands in a text."""
    return Counter(_bare(t.norm) for t in words_of(text))


def _bare(norm: str) -> str:
    return norm[:-2] if norm.endswith("'s") else norm
