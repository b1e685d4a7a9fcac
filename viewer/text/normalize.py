"""Typographic folding for matching, with a map back to the original characters.

Matching wants "don’t" and "don't", "—" and "-", a non-breaking and a plain space, "…"
and "...", "The" and "the" to compare equal, and characters that draw nothing (zero-width
spaces, soft hyphens, bidirectional marks, tags) to vanish. Display and export want the original. So
folding never edits an article: it returns a new string and, where lengths differ, the
origin of every folded character, so any range found in the folded text can be mapped
back to the exact original characters.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from viewer.text.invisible import is_hidden

__all__ = ["Folded", "fold", "fold_text"]

_SPECIAL: dict[str, str] = {
    **dict.fromkeys("‘’‚‛′‵`´", "'"),
    **dict.fromkeys("“”„‟″‶«»", '"'),
    **dict.fromkeys("‐‑‒–—―−⁃﹘﹣－", "-"),
    **dict.fromkeys("\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006", " "),
    **dict.fromkeys("\u2007\u2008\u2009\u200a\u202f\u205f\u3000", " "),
    **dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff\u00ad", ""),
    "…": "...",
}


def _fold_char(ch: str) -> str:
    """The folded form of one character (possibly empty or several characters)."""
    special = _SPECIAL.get(ch)
    if special is not None:
        return special
    if is_hidden(ch):
        return ""  # draws nothing; the drift stage reports it where the sides differ
    if ch.isascii():
        return ch.lower()
    folded = unicodedata.normalize("NFKC", ch).lower()
    return "".join(_SPECIAL.get(c, c) for c in folded)


class _FoldTable(dict[int, str]):
    """A ``str.translate`` table that computes and remembers each character's fold."""

    def __init__(self) -> None:
        super().__init__()
        self.uneven: set[str] = set()
        """Characters whose fold is not exactly one character long."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        folded = _fold_char(ch)
        if len(folded) != 1:
            self.uneven.add(ch)
        self[code] = folded
        return folded


_TABLE = _FoldTable()


@dataclass(frozen=True, slots=True)
class Folded:
    """Folded text and the way back to the original."""

    text: str
    origin: tuple[int, ...] | None
    """``origin[i]`` is the original index of folded character ``i``, with one extra
    entry for the end; ``None`` when folding kept every position (the common case)."""

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original range that folded range ``[start, end)`` came from."""
        if self.origin is None:
            return start, end
        if start >= end:
            point = self.origin[start]
            return point, point
        return self.origin[start], self.origin[end - 1] + 1


def fold_text(text: str) -> str:
    """Just the folded string, for keys and comparisons that need no way back."""
    if text.isascii():
        return text.lower()
    return text.translate(_TABLE)


def fold(text: str) -> Folded:
    """Fold ``text`` for matching and keep the map back to its characters."""
    if text.isascii():
        return Folded(text.lower(), None)
    folded = text.translate(_TABLE)
    if not _TABLE.uneven or _TABLE.uneven.isdisjoint(text):
        return Folded(folded, None)
    origin: list[int] = []
    for index, ch in enumerate(text):
        origin.extend([index] * len(_TABLE[ord(ch)]))
    origin.append(len(text))
    return Folded(folded, tuple(origin))
