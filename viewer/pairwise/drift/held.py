"""Which words of a pair each hunk holds, found once per pair by bisection.

Almost every rule asks, hunk by hunk, for the A and B words inside it, and for each word
whether any hunk changed it. Asked by scanning every word for every hunk, that is the
largest share of what the rules cost on a long document with many small edits; the words
of one side are tokens in reading order that never overlap, so the words a hunk holds are
one contiguous run, found by two bisections.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from viewer.model import Span, Token

__all__ = ["HeldWords", "held_words"]


@dataclass(frozen=True, slots=True)
class HeldWords:
    """The words each hunk holds on each side, and which words some hunk changed."""

    a: tuple[tuple[Token, ...], ...]
    """``a[k]``: the A words hunk ``k`` holds, in order."""
    b: tuple[tuple[Token, ...], ...]
    a_changed: tuple[bool, ...]
    """For each A word, whether some hunk holds it."""
    b_changed: tuple[bool, ...]
    b_first: tuple[int, ...]
    """``b_first[k]``: the index among B's words of the first word hunk ``k`` holds."""


def held_words(
    a_words: Sequence[Token],
    b_words: Sequence[Token],
    a_spans: Sequence[Span],
    b_spans: Sequence[Span],
) -> HeldWords:
    """The words held by each hunk, given the hunks' A and B spans in hunk order."""
    a_runs, a_changed, _ = _held(a_words, a_spans)
    b_runs, b_changed, b_first = _held(b_words, b_spans)
    return HeldWords(a_runs, b_runs, a_changed, b_changed, b_first)


def _held(
    words: Sequence[Token], spans: Sequence[Span]
) -> tuple[tuple[tuple[Token, ...], ...], tuple[bool, ...], tuple[int, ...]]:
    """Per span, the words lying inside it (as ``Hunk.holds_a`` decides: a word's start
    at or after the span's, its end at or before the span's; a word is never empty, so it
    then also starts before the span ends)."""
    starts = [t.start for t in words]
    ends = [t.end for t in words]
    changed = [False] * len(words)
    runs: list[tuple[Token, ...]] = []
    firsts: list[int] = []
    for span in spans:
        low = bisect_left(starts, span.start)
        high = bisect_right(ends, span.end)
        firsts.append(low)
        if high > low:
            runs.append(tuple(words[low:high]))
            changed[low:high] = [True] * (high - low)
        else:
            runs.append(())
    return tuple(runs), tuple(changed), tuple(firsts)
