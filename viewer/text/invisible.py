"""Characters that take no room on screen: zero-width spaces, joiners, soft hyphens, tags.

"fine" and "fi\\u200bne" look the same in any terminal or browser, and folding
(:mod:`viewer.text.normalize`) drops such characters for matching, so without help a
pair that differs only by them would pass for unchanged. This module says which
characters hide (Unicode's format characters, category Cf, and the blank fillers that
render as nothing), names them, and finds where two texts differ by them.

A hidden character is shown as a marker in angle brackets: a short name where one is
usual (``⟨ZWSP⟩``, ``⟨ZWJ⟩``, ``⟨SHY⟩``, ``⟨WJ⟩``, ``⟨ZWNBSP⟩``), else its code point
(``⟨U+E0041⟩``). The bidirectional marks and controls are hidden characters too, but
they can reorder a line, so every view escapes them as controls (``\\u202e``) instead.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator

__all__ = [
    "BIDI",
    "HIDDEN",
    "describe",
    "hidden_counts",
    "hidden_offsets",
    "is_hidden",
    "marker",
    "show_hidden",
    "strip_hidden",
]

BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
"""The bidirectional marks, embeddings, overrides and isolates: hidden, and able to
reorder what is drawn around them."""

# Format characters (Cf) but the prepended concatenation marks (U+0600-0605, U+06DD,
# U+070F, U+0890-0891, U+08E2, U+110BD, U+110CD), which draw a visible sign; plus the
# combining grapheme joiner and the Hangul fillers, which draw nothing.
_RANGES = (
    "\u00ad\u034f\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064"
    "\u2066-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb\U00013430-\U0001343f"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)
HIDDEN = re.compile(f"[{_RANGES}]")
"""One hidden character."""

_NAMES = {
    0x00AD: "SHY",
    0x034F: "CGJ",
    0x180E: "MVS",
    0x200B: "ZWSP",
    0x200C: "ZWNJ",
    0x200D: "ZWJ",
    0x2060: "WJ",
    0xFEFF: "ZWNBSP",
}


def is_hidden(char: str) -> bool:
    """Whether ``char`` draws nothing (a format character or a blank filler)."""
    return HIDDEN.fullmatch(char) is not None


def marker(char: str) -> str:
    """The visible stand-in for the hidden character ``char``: ``⟨ZWSP⟩``, ``⟨U+E0041⟩``."""
    code = ord(char)
    return f"⟨{_NAMES.get(code) or f'U+{code:04X}'}⟩"


def show_hidden(text: str) -> str:
    """``text`` with each hidden character but the bidirectional ones as its marker."""
    if text.isascii():
        return text
    return HIDDEN.sub(lambda m: m.group() if m.group() in BIDI else marker(m.group()), text)


def strip_hidden(text: str) -> str:
    """``text`` without its hidden characters."""
    return text if text.isascii() else HIDDEN.sub("", text)


def describe(char: str) -> str:
    """``U+200B ZERO WIDTH SPACE``: the code point and the Unicode name."""
    code = ord(char)
    return f"U+{code:04X} {unicodedata.name(char, 'FORMAT CHARACTER')}"


def hidden_counts(text: str, start: int = 0, end: int | None = None) -> Counter[str]:
    """How many of each hidden character ``text[start:end]`` holds."""
    return Counter(m.group() for m in _found(text, start, end))


def hidden_offsets(text: str, start: int, end: int, char: str) -> list[int]:
    """Where ``char`` stands in ``text[start:end]``, as offsets into ``text``."""
    return [m.start() for m in _found(text, start, end) if m.group() == char]


def _found(text: str, start: int, end: int | None) -> Iterator[re.Match[str]]:
    stop = len(text) if end is None else end
    return HIDDEN.finditer(text, start, stop)
