"""Garble as direction evidence: the marks of a scraper or a spinning tool that one
article's sentence carries and its counterpart in the other lacks.

The marks and how each is recognised are :mod:`viewer.text.garble`'s (merged words, a
capital mid-sentence, a lower-case start, a broken sentence), the same recognisers the
drift stage flags with. Here each sentence is read against its counterpart's text alone,
with no word diff: the cheap version that the direction of thousands of copy pairs can
afford. A mark counts only if the counterpart does not carry it too; a sentence with no
counterpart is not judged for a lower-case start, since bylines and captions start in
lower case too.
"""

from __future__ import annotations

from functools import lru_cache

from viewer.prepare.fingerprint import sentence_words
from viewer.text.garble import broken_stops, capital_marks, garble_join, joins, lower_start

__all__ = ["garble_marks"]

_CACHED = 1 << 15
"""Sentences whose marks are kept: the direction stage asks of each sentence once for
every pair it is in, from both sides."""


def garble_marks(sentence: str, counterpart: str | None) -> list[str]:
    """Marks of garble in ``sentence`` that ``counterpart`` (if any) does not carry."""
    return list(_marks(sentence, counterpart))


@lru_cache(maxsize=_CACHED)
def _marks(sentence: str, counterpart: str | None) -> tuple[str, ...]:
    marks = _merged(sentence, counterpart) if counterpart is not None else []
    other = counterpart or ""
    marks += _new(_capitals(sentence, other), _capitals(other, sentence), "capital mid-sentence")
    marks += _new(_stops(sentence), _stops(other), "lower case after a full stop")
    start = lower_start(sentence, counterpart) if counterpart is not None else None
    if start is not None:
        marks.append(f'lower-case start "{start}"')
    return tuple(marks)


def _new(found: tuple[str, ...], other: tuple[str, ...], label: str) -> list[str]:
    """The marks of ``found`` that ``other`` does not have, labelled."""
    return [f'{label} "{m}"' for m in found if m not in other]


def _capitals(text: str, counterpart: str) -> tuple[str, ...]:
    """Each capital mid-sentence against ``counterpart``, shown with the word before it
    ("another The")."""
    return tuple(
        _with_word_before(text, start, end) for start, end in capital_marks(text, counterpart)
    )


def _with_word_before(text: str, start: int, end: int) -> str:
    before = text[:start].rstrip(" ,").rsplit(" ", 1)[-1]
    return f"{before} {text[start:end]}"


def _stops(text: str) -> tuple[str, ...]:
    return tuple(text[start:end] for start, end in broken_stops(text))


def _merged(sentence: str, counterpart: str) -> list[str]:
    """Words of ``sentence`` that are two adjacent words of ``counterpart`` run together."""
    joined, known = _joins(counterpart)
    marks: list[str] = []
    for word in _words(sentence):
        if word in joined and word not in known and garble_join(*joined[word]):
            marks.append(f'merged words "{word}" ("{" ".join(joined[word])}")')
    return marks


@lru_cache(maxsize=_CACHED)
def _words(text: str) -> tuple[str, ...]:
    return tuple(sentence_words(text))


@lru_cache(maxsize=_CACHED)
def _joins(text: str) -> tuple[dict[str, tuple[str, str]], frozenset[str]]:
    """The joins of ``text``'s adjacent words, and the words themselves."""
    theirs = _words(text)
    return joins(theirs), frozenset(theirs)
