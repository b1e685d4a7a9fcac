"""Word tokens with offsets.

A token is a word, a number, one punctuation mark, or a run of white space, so the
tokens of a text cover it exactly and a token diff can rebuild it character for
character. Numbers keep their currency, separators and suffixes (``$48.5``, ``30,000``,
``26-year-old``); hyphenated words, dotted abbreviations and contractions stay whole.
"""

from __future__ import annotations

import re
from functools import lru_cache

from viewer.model import Token, TokenKind
from viewer.text.invisible import HIDDEN
from viewer.text.normalize import fold_text

__all__ = ["content_words", "count_words", "tokenize", "words_of"]

# Letters, digits, and the combining marks and vowel signs that \w leaves out.
_W = (
    r"[\w\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670"
    r"\u06d6-\u06ed\u0900-\u0963\u0966-\u0dff\u0e00-\u0e7f\u1ab0-\u1aff\u1dc0-\u1dff"
    r"\u20d0-\u20ff\ufe20-\ufe2f]"
)
_JOIN = r"['’‘\-‐‑]"
# Invisible characters between letters ("fi\u200bne", "in\u00adter") stay inside the
# word, so its folded form is the word a reader sees and matching is not fooled by them.
_HIDDEN_JOIN = rf"(?:{_JOIN}|{HIDDEN.pattern}+)"
_TOKEN = re.compile(
    rf"(?P<abbr>(?:[^\W\d_]\.){{2,}})"
    rf"|(?P<number>[$€£¥]?\d+(?:[.,:/]\d+)*%?(?:{_JOIN}?{_W}+)*)"
    rf"|(?P<word>{_W}+(?:{_HIDDEN_JOIN}{_W}+)*)"
    r"|(?P<space>\s+)"
    r"|(?P<punct>.)",
    re.DOTALL,
)
_COUNTED = re.compile(
    rf"(?:[^\W\d_]\.){{2,}}|[$€£¥]?\d+(?:[.,:/]\d+)*%?(?:{_JOIN}?{_W}+)*"
    rf"|{_W}+(?:{_HIDDEN_JOIN}{_W}+)*"
)
"""The word, number and abbreviation alternatives of ``_TOKEN`` alone: searching for them
finds the same tokens, since neither white space nor a lone punctuation mark can hold
the start of one."""
_KIND = {
    "abbr": TokenKind.WORD,
    "number": TokenKind.NUMBER,
    "word": TokenKind.WORD,
    "space": TokenKind.SPACE,
    "punct": TokenKind.PUNCT,
}


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens covering ``text[start:end]`` exactly, with offsets into ``text``."""
    return list(_tokens(text, start, len(text) if end is None else end)[0])


def words_of(text: str, start: int = 0, end: int | None = None) -> tuple[Token, ...]:
    """``content_words(tokenize(text, start, end))``, sorted out while tokenising: the
    drift rules read the words of the spans the word diff tokenised just before."""
    return _tokens(text, start, len(text) if end is None else end)[1]


_CONTENT = frozenset({TokenKind.WORD, TokenKind.NUMBER})


@lru_cache(maxsize=4096)
def _tokens(text: str, start: int, stop: int) -> tuple[tuple[Token, ...], tuple[Token, ...]]:
    """The tokens of one span, and its words and numbers alone, kept for the next asker:
    a comparison's word diff and its drift rules tokenise the same sentence pairs (a
    string's hash is computed once and kept, so a long text as a key costs nothing after
    the first lookup)."""
    tokens: list[Token] = []
    words: list[Token] = []
    for match in _TOKEN.finditer(text, start, stop):
        piece = match.group()
        norm = piece.lower() if piece.isascii() else fold_text(piece)
        kind = _KIND[match.lastgroup or "punct"]
        token = Token(match.start(), match.end(), piece, norm, kind)
        tokens.append(token)
        if kind in _CONTENT:
            words.append(token)
    return tuple(tokens), tuple(words)


def content_words(tokens: list[Token]) -> list[Token]:
    """Only the words and numbers: what similarity and matching look at."""
    return [t for t in tokens if t.kind is TokenKind.WORD or t.kind is TokenKind.NUMBER]


def count_words(text: str) -> int:
    """How many words and numbers ``text`` holds, as :func:`content_words` counts them,
    without building the tokens (for a list row of a long article)."""
    return len(_COUNTED.findall(text))
