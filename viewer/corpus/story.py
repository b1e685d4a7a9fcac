"""Candidate pairs for rewrites: articles that name the same rare things.

The fingerprints propose pairs that share word shingles, which a rewrite seldom does:
every sentence is reworded, so no run of five words survives. What survives is the
story's vocabulary: the researcher's surname, the fossil's Latin name, the town, the
company's product. This stage proposes the pairs that share several words that are rare
in English (absent from wordfreq's small English list, which holds every word of Zipf
frequency 3 or more: rarer than one in a million words; so rarity does not depend on how
big or how mixed the corpus is), drawn from the reporters' own sentences.

Proposing is cheap and not a verdict: each pair is judged by the family, reuse and
paraphrase tests like any other. A word in more than ``MAX_POSTINGS`` articles proposes
nothing (a corpus's running topic; those articles' copies share shingles anyway), which
bounds the pairs at ``MAX_POSTINGS`` squared per word.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from itertools import combinations

from viewer.corpus.profile import Marks
from viewer.model import Article
from viewer.prepare.fingerprint import sentence_words
from viewer.text.stopwords import STOPWORDS
from viewer.text.wordlists import english

__all__ = ["MAX_POSTINGS", "MIN_SHARED", "named_passage_pairs", "rare_words", "story_pairs"]

MIN_SHARED = 3
"""Rare words two articles must share to be proposed."""
MIN_SHARE = 0.25
"""...and the share of the smaller article's rare words they must make up."""
FEW_SHARED = 2
"""Rare words that propose a pair when they are most of the smaller article's..."""
FEW_SHARE = 0.5
"""...this share of them, at least."""
MAX_POSTINGS = 60
"""A rare word in more articles than this proposes no pair."""
_MIN_LENGTH = 4
"""Shorter words are initials, units and abbreviations, not a story's names."""
_DIGIT = re.compile(r"\d")


def rare_words(article: Article, marks: Marks) -> frozenset[str]:
    """The rare words of an article's own sentences (no quotation, boilerplate or furniture)."""
    words: set[str] = set()
    for index in range(len(article.sentences)):
        if marks.own(index):
            words.update(sentence_words(article.sentence_text(index)))
    # Each distinct word once, the listed ones (most of any text) dropped first.
    common = english("small")
    bare = {_bare(w) for w in words}
    return frozenset(w for w in bare if w not in common and _rare(w))


def story_pairs(
    words: Sequence[frozenset[str]], known: Iterable[tuple[int, int]] = ()
) -> list[tuple[int, int]]:
    """Pairs ``(a, b)``, a < b, of articles that share enough rare words, apart from the
    pairs already ``known``; in order."""
    postings: dict[str, list[int]] = {}
    for n, found in enumerate(words):
        for word in found:
            postings.setdefault(word, []).append(n)
    shared: Counter[tuple[int, int]] = Counter()
    for holders in postings.values():
        if 2 <= len(holders) <= MAX_POSTINGS:
            shared.update(combinations(holders, 2))
    skip = set(known)
    return sorted(
        (a, b)
        for (a, b), count in shared.items()
        if _enough(count, min(len(words[a]), len(words[b]))) and (a, b) not in skip
    )


def _enough(count: int, fewest: int) -> bool:
    """Whether ``count`` shared rare words propose a pair whose smaller side has
    ``fewest``: ``MIN_SHARED`` making up ``MIN_SHARE`` of them, or ``FEW_SHARED`` making
    up ``FEW_SHARE`` (a short or cut-off page names few rare things, and a rewrite of
    its story keeps most of them)."""
    if count >= MIN_SHARED:
        return count >= MIN_SHARE * fewest
    return count >= FEW_SHARED and count >= FEW_SHARE * fewest


def _bare(word: str) -> str:
    """The word without a possessive: "Macron's" names Macron."""
    return word[:-2] if word.endswith("'s") else word


def _rare(word: str) -> bool:
    return (
        len(word) >= _MIN_LENGTH
        and word not in STOPWORDS
        and _DIGIT.search(word) is None
        and word not in english("small")
    )


def named_passage_pairs(
    passages: Mapping[tuple[int, int], int],
    words: Sequence[frozenset[str]],
    known: Iterable[tuple[int, int]] = (),
) -> list[tuple[int, int]]:
    """The pairs of ``passages`` (articles whose sentences share runs of words) that also
    share a rare word, apart from the pairs already ``known``; in order.

    A run of words alone is what two stories cast in one template share ("police in
    Ashcombe said the cause was not yet known and asked witnesses to come forward", and
    in Brindle); a rewrite of one story keeps its names too.
    """
    skip = set(known)
    return sorted((a, b) for (a, b) in passages if (a, b) not in skip and words[a] & words[b])
