"""Garble: the marks a scraper or a spinning tool leaves in a copy, and a source lacks.

Each mark is looked for in a sentence of one article and, where the sentence has a
counterpart in the other article, only counts if the counterpart does not carry it too:

- **merged words**: a word that is two adjacent words of the counterpart run together,
  one of them a function word ("crimeswhile" for "crimes, while"); compounds such as
  "seatbelt" for "seat belt" are ordinary spelling and do not count;
- **a capital mid-sentence**: a function word capitalised after a lower-case word and
  followed by one ("another The officers");
- **a lower-case start**: a sentence that starts with a lower-case letter where its
  counterpart starts with a capital ("chicago Civilian Office…"); a sentence with no
  counterpart is not judged, since bylines and captions start in lower case too;
- **a lower-case word after a full stop** inside a sentence ("Kim Foxx. he said").

The drift stage (:mod:`viewer.pairwise.drift.garble`) flags the same artefacts inside
one aligned, word-diffed pair; this is the cheap sentence-against-sentence version that
the direction of thousands of copy pairs can afford.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise

from viewer.prepare.fingerprint import sentence_words
from viewer.prepare.similarity import STOPWORDS

__all__ = ["garble_marks"]

_CAPITAL_MID = re.compile(
    r"\b[a-z][\w’']*,? (?P<word>The|A|An|He|She|It|They|We|His|Her|Its|Their|This|That"
    r"|These|Those|But|And|Or|Of|For|With|To|In|On|At) [a-z]"
)
_LOWER_START = re.compile(r"[\"'“‘(\s]*(?P<word>[a-z][\w’'\-]*)")
_UPPER_START = re.compile(r"[\"'“‘(\s]*[A-Z0-9]")
_LOWER_AFTER_STOP = re.compile(r"\b(?P<word>[A-Za-z][a-z]+\. [a-z][\w’']*)")
_ABBREVIATION = re.compile(
    r"\b(?:etc|vs|approx|incl|p\.m|a\.m|co|inc|corp|ltd|bros|jr|sr|st|mt|ft|ave|blvd|dept"
    r"|univ|assn|gov|sen|rep|gen|col|capt|lt|sgt|dr|mr|mrs|ms|no|vol|fig)\. ",
    re.IGNORECASE,
)
"""Abbreviations a lower-case word may follow in mid-sentence ("the Smith Co. in 1990")."""


_CACHED = 1 << 15
"""Sentences whose marks are kept: the direction stage asks of each sentence once for
every pair it is in, from both sides."""


def garble_marks(sentence: str, counterpart: str | None) -> list[str]:
    """Marks of garble in ``sentence`` that ``counterpart`` (if any) does not carry."""
    marks = _merged(sentence, counterpart) if counterpart is not None else []
    marks += _new(_capitals(sentence), _capitals(counterpart), "capital mid-sentence")
    marks += _new(_stops(sentence), _stops(counterpart), "lower case after a full stop")
    # Only against a counterpart: a lone line set in lower case is a byline ("by Staff"),
    # a caption or a label as often as it is garble.
    start = _LOWER_START.match(sentence)
    if start and counterpart is not None and _UPPER_START.match(counterpart):
        marks.append(f'lower-case start "{start.group("word")}"')
    return marks


def _new(found: Sequence[str], other: Sequence[str], label: str) -> list[str]:
    """The marks of ``found`` that ``other`` does not have, labelled."""
    return [f'{label} "{m}"' for m in found if m not in other]


def _capitals(text: str | None) -> tuple[str, ...]:
    return () if text is None else _capitals_in(text)


@lru_cache(maxsize=_CACHED)
def _capitals_in(text: str) -> tuple[str, ...]:
    return tuple(m.group()[:-2] for m in _CAPITAL_MID.finditer(text))


def _stops(text: str | None) -> tuple[str, ...]:
    return () if text is None else _stops_in(text)


@lru_cache(maxsize=_CACHED)
def _stops_in(text: str) -> tuple[str, ...]:
    return tuple(
        m.group("word")
        for m in _LOWER_AFTER_STOP.finditer(text)
        if not _ABBREVIATION.match(text, m.start())
    )


def _merged(sentence: str, counterpart: str) -> list[str]:
    """Words of ``sentence`` that are two adjacent words of ``counterpart`` run together."""
    joined, known = _joins(counterpart)
    marks: list[str] = []
    for word in _words(sentence):
        if word in joined and word not in known:
            marks.append(f'merged words "{word}" ("{" ".join(joined[word])}")')
    return marks


@lru_cache(maxsize=_CACHED)
def _words(text: str) -> tuple[str, ...]:
    return tuple(sentence_words(text))


@lru_cache(maxsize=_CACHED)
def _joins(text: str) -> tuple[dict[str, tuple[str, str]], frozenset[str]]:
    """Every pair of adjacent words of ``text`` run together, one of them a function
    word, and the words themselves."""
    theirs = _words(text)
    joined = {
        first + second: (first, second)
        for first, second in pairwise(theirs)
        # Both parts real words: "a.m." read as "a" and "m" makes no merged "am".
        if (first in STOPWORDS or second in STOPWORDS) and min(len(first), len(second)) >= 2
    }
    return joined, frozenset(theirs)
