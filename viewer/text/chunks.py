"""Runs of text with no sentence end, cut into bounded pieces that two versions share.

A transcript or a scraped page without full stops is one "sentence" of a hundred thousand
words to the splitter, and every stage after it (character similarity, the word diff,
the drift rules) costs more than linearly in the length of one sentence. So a sentence
longer than :data:`MAX_WORDS` words is cut into pieces of :data:`MIN_WORDS` to
:data:`MAX_WORDS` words, at the best break each stretch offers: a line break, then a
semicolon or colon, then a comma, then a plain space between words.

Where among equally good breaks to cut is decided by the words around each break (a
checksum of the two words, the lowest wins), never by counting from the start: a word
inserted early in one version moves only the cuts near it, and the pieces after it are
the same in both versions, so they still align one to one.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator

from viewer.model import Span

__all__ = ["MAX_WORDS", "MIN_WORDS", "bounded_spans"]

MAX_WORDS = 120
"""The most words a piece of a long run holds (a longer sentence is rare in news)."""
MIN_WORDS = 24
"""The fewest words a piece holds, except the last piece of a run."""

_WORD = re.compile(r"\S+")
_CLAUSE_ENDS = ";:"
_LINE_BREAK, _CLAUSE, _COMMA, _SPACE = range(4)


def bounded_spans(text: str, span: Span) -> Iterator[Span]:
    """``span`` of ``text`` as is when it holds at most :data:`MAX_WORDS` words, else
    its pieces: each starts and ends on a word, and only white space lies between them."""
    # Nearly every sentence is short: tell so without listing its words (a word and the
    # space after it take two characters; ``split`` counts the runs ``_WORD`` finds).
    if span.end - span.start <= 2 * MAX_WORDS or len(text[span.start : span.end].split()) <= (
        MAX_WORDS
    ):
        yield span
        return
    words = [(m.start(), m.end()) for m in _WORD.finditer(text, span.start, span.end)]
    if len(words) <= MAX_WORDS:
        yield span
        return
    keys = _break_keys(text, words)
    first = 0
    while len(words) - first > MAX_WORDS:
        # The piece's next word: the best break between MIN_WORDS and MAX_WORDS words on.
        cut = min(range(first + MIN_WORDS, first + MAX_WORDS + 1), key=keys.__getitem__)
        yield Span(words[first][0], words[cut - 1][1])
        first = cut
    yield Span(words[first][0], words[-1][1])


def _break_keys(text: str, words: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """For each word ``k`` from 1, how good a cut before it is (lower is better): the
    kind of break, then a checksum of the two words beside it. Entry 0 is never used.

    A checksum is the same in every run and every process (unlike ``hash``, which Python
    salts per process), so both versions of a text cut where their words agree.
    """
    sums = [zlib.crc32(text[s:e].lower().encode("utf-8", "surrogatepass")) for s, e in words]
    keys = [(_SPACE, 0)]
    for k in range(1, len(words)):
        before, after = words[k - 1], words[k]
        mixed = (sums[k - 1] * 0x9E3779B1 ^ sums[k]) & 0xFFFFFFFF
        keys.append((_strength(text, before[1], after[0]), mixed))
    return keys


def _strength(text: str, end: int, start: int) -> int:
    """How good a place the gap ``text[end:start]`` between two words is to cut: a line
    break, then a semicolon or colon, then a comma, then a plain space."""
    if "\n" in text[end:start]:
        return _LINE_BREAK
    mark = text[end - 1]
    if mark in _CLAUSE_ENDS:
        return _CLAUSE
    if mark == ",":
        return _COMMA
    return _SPACE
