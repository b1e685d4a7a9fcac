"""How alike two sentences are, robust to rewording and machine spinning.

A spun copy keeps few exact word runs ("Open the doors now!" becomes "Unlock the doors
now!", "body camera" becomes "bodycam"), so the score blends two views that fail in
different ways: a weighted overlap of word stems (rare words count more, function words
little) and a character-level ratio of the folded text (catches compounds and spelling
variants). Both are 0 to 1; identical sentences score 1.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import snowballstemmer
from rapidfuzz.distance import Indel

from viewer.text.normalize import fold_text
from viewer.text.stopwords import STOPWORDS

__all__ = ["SentenceFeatures", "Weights", "features", "pair_score", "stem"]

_WORD = re.compile(r"[^\W_]+(?:['\-][^\W_]+)*")
_POSSESSIVE = re.compile(r"'s$")

_SNOWBALL = snowballstemmer.stemmer("english")
"""Snowball's English stemmer: PyStemmer's C build where it is installed (snowballstemmer
hands it out), the pure-Python one elsewhere; both give the same stems."""
_WORD_SHARE = 0.6
"""How much the word view counts in the blended score; the character view has the rest."""


def stem(word: str) -> str:
    """The Snowball English stem of a folded word, its possessive dropped: "shots" and
    "shot", "fired" and "firing" meet, while "news" stays apart from "new"."""
    stemmed: str = _SNOWBALL.stemWord(_POSSESSIVE.sub("", word))
    return stemmed


@dataclass(frozen=True, slots=True)
class SentenceFeatures:
    """What the similarity of one sentence is computed from."""

    folded: str
    """The sentence folded for matching (quotes, dashes, case)."""
    stems: Counter[str]
    """Word stems and how often each occurs."""


_STEMMED: dict[str, str] = {}
"""Stems already worked out: a news vocabulary repeats, so in a corpus or a long document
most words are looked up (a dictionary lookup is twice as fast as a cached call)."""
_STEMMED_MAX = 1 << 19


def stems(words: Iterable[str]) -> list[str]:
    """The stem of each word, in order, looked up in ``_STEMMED`` when known."""
    known = _STEMMED
    return [known.get(w) or _learn(w) for w in words]


def _learn(word: str) -> str:
    if len(_STEMMED) >= _STEMMED_MAX:
        _STEMMED.clear()
    found = _STEMMED[word] = stem(word)
    return found


def features(text: str) -> SentenceFeatures:
    """The features of one sentence's text."""
    folded = fold_text(text)
    return SentenceFeatures(folded, Counter(stems(_WORD.findall(folded))))


def combine(parts: Sequence[SentenceFeatures]) -> SentenceFeatures:
    """The features of several sentences read as one (for splits and merges)."""
    stems: Counter[str] = Counter()
    for part in parts:
        stems.update(part.stems)
    return SentenceFeatures(" ".join(p.folded for p in parts), stems)


class Weights:
    """Inverse document frequency of stems over the sentences of the articles compared."""

    def __init__(self, documents: Sequence[Sequence[SentenceFeatures]]) -> None:
        counts: Counter[str] = Counter()
        total = 0
        for sentences in documents:
            for sentence in sentences:
                counts.update(sentence.stems.keys())
                total += 1
        idf = {s: math.log(1 + total / n) for s, n in counts.items()}
        self._weight = {s: w * 0.2 if s in STOPWORDS else w for s, w in idf.items()}
        """Each stem's weight, worked out once: the corpus stages ask millions of times."""
        self._default = math.log(1 + total)
        self.document_frequency = counts

    def of(self, stem_: str) -> float:
        """Weight of one stem: its idf, a fifth of it for a function word."""
        weight = self._weight.get(stem_)
        if weight is None:
            return self._default * 0.2 if stem_ in STOPWORDS else self._default
        return weight

    def total(self, sentence: SentenceFeatures) -> float:
        """Summed weight of all stems in a sentence."""
        weight, of = self._weight, self.of
        return sum((weight[s] if s in weight else of(s)) * n for s, n in sentence.stems.items())


def word_score(
    a: SentenceFeatures,
    b: SentenceFeatures,
    weights: Weights,
    totals: tuple[float, float] | None = None,
) -> float:
    """Weighted Dice overlap of the two sentences' stems, 0 to 1.

    Args:
        totals: ``weights.total`` of ``a`` and ``b`` when the caller already has them.
    """
    both = sum(totals) if totals else weights.total(a) + weights.total(b)
    if both == 0:
        return 1.0 if a.folded.strip() == b.folded.strip() else 0.0
    shared = sum(weights.of(s) * min(n, b.stems[s]) for s, n in a.stems.items() if s in b.stems)
    return 2 * shared / both


def char_score(a: SentenceFeatures, b: SentenceFeatures) -> float:
    """Normalised Indel similarity of the folded texts, 0 to 1."""
    return float(Indel.normalized_similarity(a.folded, b.folded))


def pair_score(
    a: SentenceFeatures,
    b: SentenceFeatures,
    weights: Weights,
    totals: tuple[float, float] | None = None,
) -> float:
    """Blended similarity of two sentences (or groups of sentences), 0 to 1."""
    if a.folded == b.folded:
        return 1.0
    words = word_score(a, b, weights, totals)
    return _WORD_SHARE * words + (1 - _WORD_SHARE) * char_score(a, b)


def containment(part: SentenceFeatures, whole: SentenceFeatures, weights: Weights) -> float:
    """Share of ``part``'s weighted stems that also occur in ``whole``, 0 to 1."""
    total = weights.total(part)
    if total == 0:
        return 0.0
    shared = sum(weights.of(s) * min(n, whole.stems[s]) for s, n in part.stems.items())
    return shared / total
