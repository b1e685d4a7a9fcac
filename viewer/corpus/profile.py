"""What the corpus stages know about each sentence of an article, computed once.

A profile holds each sentence's similarity features, how much of it is quoted speech and
whether it is boilerplate, and from those the weight it carries when the share of one
article found in another is measured: quotations count little (independent reports
quote the same statement), boilerplate counts nothing.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

from viewer.corpus.boilerplate import furniture
from viewer.corpus.quotes import quoted_shares
from viewer.model import Article
from viewer.prepare.fingerprint import Fingerprints
from viewer.prepare.similarity import SentenceFeatures, features

__all__ = ["QUOTED", "QUOTE_WEIGHT", "Marks", "Profile", "Profiles", "marks", "profile"]

QUOTED = 0.5
"""A sentence with at least this share of its characters inside quotation marks is a
quotation."""
QUOTE_WEIGHT = 0.1
"""What a quotation's characters count for, against 1 for the reporter's own text."""
_CACHE = 8192
"""Profiles kept in memory at once (some 50 kB each for a 30-sentence article): enough
for the articles of the candidate pairs being worked through, bounded for big corpora."""
_MARKS_CACHE = 65_536
"""Marks kept at once (under 1 kB each for a 30-sentence article)."""


@dataclass(frozen=True, slots=True)
class Marks:
    """Which of an article's sentences are quotations, boilerplate and page furniture:
    all that the rare-word, direction and provenance stages read of a profile, at a
    fraction of its cost (no similarity features)."""

    quoted: tuple[float, ...]
    """Share of each sentence inside quotation marks, 0 to 1."""
    boilerplate: tuple[bool, ...]
    """Whether each sentence is boilerplate recurring in the corpus."""
    furniture: tuple[bool, ...]
    """Whether each sentence reads as page furniture ("Leave a comment")."""

    def quotations(self) -> tuple[bool, ...]:
        """Whether each sentence is mostly quoted speech."""
        return tuple(share >= QUOTED for share in self.quoted)

    def own(self, index: int) -> bool:
        """Whether sentence ``index`` is the reporter's own text: no quotation,
        boilerplate or furniture."""
        return not (
            self.boilerplate[index] or self.furniture[index] or self.quoted[index] >= QUOTED
        )


def marks(article: Article, keys: Sequence[int], boilerplate: frozenset[int]) -> Marks:
    """The marks of one article, given its sentences' exact keys and the boilerplate keys."""
    quoted = quoted_shares(article)
    return Marks(quoted, _boilerplate(keys, quoted, boilerplate), furniture(article))


@dataclass(frozen=True, slots=True)
class Profile:
    """One article's sentences, as the family, provenance and direction stages see them."""

    features: tuple[SentenceFeatures, ...]
    """Similarity features of each sentence."""
    lengths: tuple[int, ...]
    """Characters of each sentence."""
    quoted: tuple[float, ...]
    """Share of each sentence inside quotation marks, 0 to 1."""
    boilerplate: tuple[bool, ...]
    """Whether each sentence is boilerplate recurring in the corpus."""
    furniture: tuple[bool, ...]
    """Whether each sentence reads as page furniture ("Leave a comment")."""

    def is_quotation(self, index: int) -> bool:
        """Whether sentence ``index`` is mostly quoted speech."""
        return self.quoted[index] >= QUOTED

    def weight(self, index: int) -> float:
        """What sentence ``index`` counts for in containment: its characters, discounted."""
        if self.boilerplate[index]:
            return 0.0
        factor = QUOTE_WEIGHT if self.is_quotation(index) else 1.0
        return self.lengths[index] * factor

    def total(self) -> float:
        """The summed weight of all sentences."""
        return sum(self.weight(i) for i in range(len(self.lengths)))


def profile(
    article: Article,
    keys: Sequence[int],
    boilerplate: frozenset[int],
    known: Marks | None = None,
) -> Profile:
    """The profile of one article, given its sentences' exact keys and the boilerplate
    keys (and its marks, when they are ``known`` already)."""
    found = known if known is not None else marks(article, keys, boilerplate)
    return Profile(
        features=tuple(features(s.text) for s in article.sentences),
        lengths=tuple(s.end - s.start for s in article.sentences),
        quoted=found.quoted,
        boilerplate=found.boilerplate,
        furniture=found.furniture,
    )


def _boilerplate(
    keys: Sequence[int], quoted: Sequence[float], boilerplate: frozenset[int]
) -> tuple[bool, ...]:
    """Which sentences are boilerplate: a recurring key, and not a quotation (a quotation
    shared by two reports is the quotation rules' business, not a footer)."""
    return tuple(
        bool(k) and k in boilerplate and share < QUOTED
        for k, share in zip(keys, quoted, strict=True)
    )


class Profiles:
    """Profiles of a corpus's articles by index, computed on first use and cached."""

    def __init__(
        self, articles: Sequence[Article], prints: Fingerprints, boilerplate: frozenset[int]
    ) -> None:
        self._articles = articles
        self._prints = prints
        self._boilerplate = boilerplate
        self._cache: OrderedDict[int, Profile] = OrderedDict()
        self._marks: OrderedDict[int, Marks] = OrderedDict()

    @property
    def boilerplate_keys(self) -> frozenset[int]:
        """The exact sentence keys that are boilerplate in this corpus."""
        return self._boilerplate

    def keys(self, index: int) -> list[int]:
        """The exact keys of article ``index``'s sentences."""
        keys: list[int] = self._prints.sentence_keys(index).tolist()
        return keys

    def marks(self, index: int) -> Marks:
        """The marks of article ``index``: from its profile when that is made, else
        computed now and kept (they cost a fraction of a profile)."""
        cached = self._cache.get(index)
        if cached is not None:
            return Marks(cached.quoted, cached.boilerplate, cached.furniture)
        found = self._marks.get(index)
        if found is not None:
            self._marks.move_to_end(index)
        else:
            found = marks(self._articles[index], self.keys(index), self._boilerplate)
            self._marks[index] = found
            if len(self._marks) > _MARKS_CACHE:
                self._marks.popitem(last=False)
        return found

    def flags(self, index: int) -> tuple[tuple[bool, ...], tuple[bool, ...]]:
        """Which sentences are quotations and which boilerplate, without the features
        (nor the furniture, the costliest of the marks: provenance asks this of every
        article, past the marks the cache still holds)."""
        cached = self._cache.get(index)
        found = self._marks.get(index) if cached is None else None
        if cached is not None:
            quoted, boilerplate = cached.quoted, cached.boilerplate
        elif found is not None:
            quoted, boilerplate = found.quoted, found.boilerplate
        else:
            quoted = quoted_shares(self._articles[index])
            boilerplate = _boilerplate(self.keys(index), quoted, self._boilerplate)
        return tuple(share >= QUOTED for share in quoted), boilerplate

    def __getitem__(self, index: int) -> Profile:
        """The profile of article ``index``, from the cache or computed now."""
        found = self._cache.get(index)
        if found is None:
            known = self._marks.pop(index, None)
            found = profile(self._articles[index], self.keys(index), self._boilerplate, known)
            self._cache[index] = found
            if len(self._cache) > _CACHE:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(index)
        return found
