"""Shared passages: reporters' words kept verbatim inside sentences that were rewritten.

A rewrite recasts its source's sentences (new lede, facts merged, titles changed), so few
of them score as edited copies (:mod:`~viewer.corpus.reuse`) and a chain of paraphrases
(:mod:`~viewer.corpus.paraphrase`) may not form; but a rewriter keeps runs of the
source's words: "about the size of a mouse, it is the Caribbean's smallest known rodent
and one of the region's oldest". Two writers of one event share short formulas ("raised
its benchmark interest rate") and the words of the people they quote, and seldom more:
on the labelled real pages, no pair of independent reports shares two runs of eight
words outside quotation marks in two different sentences, where rewrites of one text
mostly do.

So a candidate pair that neither copies nor reuses sentences is a **reuse edge** when
``MIN_PASSAGES`` sentence pairs, no sentence in two of them, each share a run of
``PASSAGE_WORDS`` words outside quotation marks with ``PASSAGE_CONTENT`` content words
among them. The edge's sentences are those pairs, so provenance traces them and the
drift stage compares them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from viewer.corpus.matching import PairMatch, SentenceMatch
from viewer.corpus.profile import Profile
from viewer.corpus.reuse import Reuse, is_story_text, share_of
from viewer.text.stopwords import STOPWORDS

__all__ = ["MIN_PASSAGES", "PASSAGE_CONTENT", "PASSAGE_WORDS", "passages", "unquoted_words"]

PASSAGE_WORDS = 8
"""Words in a row two sentences must share for a passage."""
PASSAGE_CONTENT = 4
"""Content words (not function words) the run must hold: "he said that it was one of
the" is no one's passage."""
MIN_PASSAGES = 2
"""Sentence pairs with a passage that make an edge."""

_WORD = re.compile(r"[^\W_]+(?:['\-][^\W_]+)*")
_QUOTED = re.compile(r'"[^"]*(?:"|$)')


def unquoted_words(folded: str) -> list[list[str]]:
    """The runs of words of a folded sentence that stand outside quotation marks.

    A sentence with an odd number of marks holds one end of a quotation that runs over a
    sentence boundary: the part before the first mark is quoted when punctuation closes
    it ("…the origins of mammals," he said), the part after it otherwise.
    """
    text = folded
    if text.count('"') % 2:
        first = text.index('"')
        if text[:first].rstrip().endswith((",", ".", "?", "!")):
            text = text[first + 1 :]
        else:
            text = text[:first]
    return [_WORD.findall(part) for part in _QUOTED.split(text)]


def _grams(folded: str) -> set[tuple[str, ...]]:
    """Every run of ``PASSAGE_WORDS`` words outside quotation marks with enough content."""
    found: set[tuple[str, ...]] = set()
    for words in unquoted_words(folded):
        content = [w not in STOPWORDS for w in words]
        for start in range(len(words) - PASSAGE_WORDS + 1):
            if sum(content[start : start + PASSAGE_WORDS]) >= PASSAGE_CONTENT:
                found.add(tuple(words[start : start + PASSAGE_WORDS]))
    return found


def passages(a: str, b: str, pa: Profile, pb: Profile, match: PairMatch) -> Reuse | None:
    """The reuse edge of the passages articles ``a`` and ``b`` share, or ``None``."""
    seen: set[tuple[int, int]] = set()
    found: list[SentenceMatch] = []
    used_a: set[int] = set()
    used_b: set[int] = set()
    for m in _matched(match):
        if (m.a, m.b) in seen or m.a in used_a or m.b in used_b:
            continue
        seen.add((m.a, m.b))
        if not (is_story_text(pa, m.a) and is_story_text(pb, m.b)):
            continue
        if _grams(pa.features[m.a].folded) & _grams(pb.features[m.b].folded):
            found.append(m)
            used_a.add(m.a)
            used_b.add(m.b)
    if len(found) < MIN_PASSAGES:
        return None
    found.sort(key=lambda m: (m.a, m.b))
    share_a = share_of(pa, used_a)
    share_b = share_of(pb, used_b)
    reason = (
        f"shared passages: {len(found)} sentences keep runs of {PASSAGE_WORDS} or more of "
        f"the reporters' own words ({round(100 * share_a)}% of {a}, "
        f"{round(100 * share_b)}% of {b})"
    )
    return Reuse(a, b, tuple(found), round(share_a, 6), round(share_b, 6), reason)


def _matched(match: PairMatch) -> Sequence[SentenceMatch]:
    """Every sentence's best counterpart, both ways, the closest first."""
    both = [m for m in (*match.a_best, *match.b_best) if m is not None]
    return sorted(both, key=lambda m: (-m.score, m.a, m.b))
