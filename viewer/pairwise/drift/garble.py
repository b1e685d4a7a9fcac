"""Garble in a copy's changed words: the marks of a synonym spinner or a broken scraper
that B's side of an aligned pair carries and A's lacks.

The marks are recognised by :mod:`viewer.text.garble` (merged words, a capital
mid-sentence, a broken sentence), the recognisers the direction stage counts with; this
module places them in the word diff, and adds the one mark that needs it: a proper noun
that lost its capital ("chicago" where A has "Chicago's"), told apart from a title made a
common noun ("the police chief") and from a headline's Title Case.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from viewer.model import Drift, DriftKind, Severity, Span, Token
from viewer.pairwise.drift.context import PairContext, opens_sentence, sentence_starts, span_of
from viewer.text.garble import broken_stops, capital_marks, garble_join, joins, split_merged

__all__ = ["garble_flags", "lone_garble", "sentence_breaks"]

_TITLE_CASE = 0.7
_CLAUSE_END = re.compile(r"[.!?;:“”\"]")
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her"})


def garble_flags(context: PairContext) -> Iterator[Drift]:
    """Spin artefacts that B's changed text has and A's does not."""
    joined_a = joins(context.a_norms)
    a_side = context.a.text[slice(*context.pair.a_span)] if context.pair.a_span else ""
    capitals = _capital_starts(context, a_side)
    for k, hunk in enumerate(context.hunks):
        new, gone = list(context.new_words(k)), list(context.gone_words(k))
        a_place = Span(hunk.a_span.start, hunk.a_span.end)
        for token, why in _artefacts(context, new, gone, joined_a, capitals):
            yield context.flag(DriftKind.GARBLE, Severity.LOW, a_place, span_of(token), why)
    a_start = (
        Span(context.pair.a_span.start, context.pair.a_span.start)
        if context.pair.a_span
        else Span(0, 0)
    )
    for j in context.pair.b:
        sentence = context.b.sentences[j]
        for span, why in sentence_breaks(sentence.start, sentence.text, a_side):
            yield context.flag(DriftKind.GARBLE, Severity.LOW, a_start, span, why)


def lone_garble(
    text: str, words: Sequence[Token], start: int, sentence: str
) -> Iterator[tuple[Span, str]]:
    """Spin artefacts in a sentence with nothing to compare it to (an added sentence)."""
    # Nothing to compare with: an article before a capital may open a name.
    capitals = frozenset(start + k for k, _ in capital_marks(sentence, ""))
    for token in words:
        if split_merged(token.norm):
            yield span_of(token), f"Two words run together: “{token.text}”."
        elif token.start in capitals:
            yield (
                span_of(token),
                f"A capitalised “{token.text}” in mid-sentence after a lower-case word.",
            )
    yield from sentence_breaks(start, sentence, "")


def _artefacts(
    context: PairContext,
    new: list[Token],
    gone: list[Token],
    joined_a: dict[str, tuple[str, str]],
    capitals: frozenset[int],
) -> Iterator[tuple[Token, str]]:
    """The artefacts among a hunk's ``new`` words: ``joined_a`` holds A's adjacent words
    run together, ``capitals`` where B's sentences hold a capital mid-sentence."""
    gone_keys = {_bare(t.norm): t for t in gone}
    for token in new:
        join = joined_a.get(token.norm)
        if (join is not None and garble_join(*join)) or split_merged(token.norm):
            yield token, f"Two words run together: “{token.text}”."
        elif token.start in capitals:
            yield token, f"A capitalised “{token.text}” in mid-sentence after a lower-case word."
        elif _lost_capital(context, token, gone_keys.get(_bare(token.norm))):
            was = gone_keys[_bare(token.norm)].text
            yield token, f"A proper noun lost its capital: “{was}” became “{token.text}”."


def _bare(word: str) -> str:
    return word.removesuffix("'s")


def _lost_capital(context: PairContext, token: Token, was: Token | None) -> bool:
    """A lower-case word where A had it capitalised as a name (not just opening a sentence)."""
    if was is None or not token.text.islower() or not was.text[:1].isupper():
        return False
    if token.start in sentence_starts(context.b, context.pair.b):
        return True  # no sentence opens in lower case
    if _inside_name(context.b.text, token.end):
        return True  # "the daily Ledger", "New York stock Exchange"
    if _after_determiner(context.b.text, token.start, context.a_words):
        return False  # "the police chief": the name went, the title became a common noun
    capitals = sum(1 for t in context.a_words if t.text[:1].isupper())
    if capitals > _TITLE_CASE * len(context.a_words):
        return False  # A is in Title Case (a headline or caption): capitals say nothing
    return not opens_sentence(context.a.text, was, sentence_starts(context.a, context.pair.a))


def _inside_name(text: str, end: int) -> bool:
    """Whether a capitalised word follows directly: the lower-case word sits in a name."""
    following = text[end : end + 2]
    return len(following) == 2 and following[0] == " " and following[1].isupper()


def _after_determiner(text: str, start: int, a_words: Sequence[Token]) -> bool:
    """Whether "the" (or "a", "its"…) opens the noun phrase that ends at ``start``, every
    word between being one A had capitalised: the whole title became a common noun."""
    titled = {t.norm for t in a_words if t.text[:1].isupper()}
    clause = _CLAUSE_END.split(text[max(0, start - 60) : start])[-1].split()
    for word in reversed(clause[-4:]):
        if word.lower() in _DETERMINERS:
            return True  # "the assistant district attorney"
        if not word.islower() or word not in titled:
            return False
    return False


def _capital_starts(context: PairContext, a_side: str) -> frozenset[int]:
    """Where B's sentences of the pair hold a capital mid-sentence against A's side
    (offsets into B)."""
    return frozenset(
        sentence.start + start
        for j in context.pair.b
        for sentence in (context.b.sentences[j],)
        for start, _ in capital_marks(sentence.text, a_side)
    )


def sentence_breaks(start: int, sentence: str, a_side: str) -> Iterator[tuple[Span, str]]:
    """ "word. lower-case word" breaks in a sentence starting at ``start``, absent from A."""
    for begin, end in broken_stops(sentence):
        if sentence[begin:end] in a_side:
            continue
        yield (
            Span(start + begin, start + end),
            "A sentence is broken mid-way: a full stop followed by a lower-case word.",
        )
