"""Hidden characters that differ between the two sides of a pair: one flag per hunk.

Matching folds zero-width characters away, so "fine" and "fi\\u200bne" align as the
same word and the word diff shows a change no one can see. A hunk whose hidden
characters are not the same on both sides gets an ``invisible`` flag, spanning the words
that hold them, that names each character and its offset: the pair then reads as changed,
never as unchanged, and a front end can point at the place.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from viewer.model import Drift, DriftKind, Severity, Span
from viewer.pairwise.drift.context import Hunk, PairContext
from viewer.text.invisible import (
    HIDDEN,
    describe,
    hidden_counts,
    hidden_offsets,
    strip_hidden,
)

__all__ = ["invisible_flags"]

_LISTED = 3
"""Characters named in one explanation; more are counted."""


def invisible_flags(context: PairContext) -> Iterator[Drift]:
    """A low flag for each hunk of the pair whose hidden characters differ."""
    a_text, b_text = context.a.text, context.b.text
    if not (_has_hidden(a_text) or _has_hidden(b_text)):
        return  # no hidden character anywhere: every hunk's counts are equal (none)
    for hunk in context.hunks:
        a_span, b_span = _words_around(a_text, hunk.a_span), _words_around(b_text, hunk.b_span)
        a_hidden = hidden_counts(a_text, *a_span)
        b_hidden = hidden_counts(b_text, *b_span)
        if a_hidden == b_hidden:
            continue
        changes = [
            *_listed("B adds", b_text, b_span, b_hidden - a_hidden),
            *_listed("B drops", a_text, a_span, a_hidden - b_hidden),
        ]
        yield context.flag(
            DriftKind.INVISIBLE, Severity.LOW, a_span, b_span, _explain(context, hunk, changes)
        )


@lru_cache(maxsize=64)
def _has_hidden(text: str) -> bool:
    """Whether an article holds any hidden character, looked up once per article (every
    pair of a comparison asks about the same two texts)."""
    return not text.isascii() and HIDDEN.search(text) is not None


def _words_around(text: str, span: Span) -> Span:
    """``span`` widened to the whole words at its ends, so the flag shows where the
    hidden characters stand ("fine" → "fi⟨ZWSP⟩ne", not "" → "⟨ZWSP⟩")."""
    start, end = span
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return Span(start, end)


def _listed(verb: str, text: str, span: Span, chars: dict[str, int]) -> Iterator[str]:
    """``B adds U+200B ZERO WIDTH SPACE at 18`` for each character, with its offsets."""
    for char in sorted(chars):
        places = hidden_offsets(text, *span, char)
        shown = ", ".join(str(p) for p in places[:_LISTED])
        more = f" and {len(places) - _LISTED} more" if len(places) > _LISTED else ""
        where = "at" if len(places) == 1 else "at offsets"
        yield f"{verb} {describe(char)} {where} {shown}{more}"


def _explain(context: PairContext, hunk: Hunk, changes: list[str]) -> str:
    """One sentence: what hidden characters differ, and whether that is all that does."""
    a_visible = strip_hidden(context.a.text[hunk.a_span.start : hunk.a_span.end])
    b_visible = strip_hidden(context.b.text[hunk.b_span.start : hunk.b_span.end])
    shown = "; ".join(changes)
    if a_visible == b_visible:
        return f"Invisible characters differ and nothing else here does: {shown}."
    return f"Invisible characters differ: {shown}."
