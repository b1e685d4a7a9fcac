"""Garble: the marks a scraper or a synonym spinner leaves in text, recognised once.

Two stages look for them, and both ask the recognisers here, so a mark means the same
wherever it is shown:

- the drift stage (:mod:`viewer.pairwise.drift.garble`) flags them in the words a copy
  changed inside an aligned, word-diffed pair;
- the direction stage (:mod:`viewer.corpus.copy_marks`) counts, sentence against its
  counterpart, the marks one side carries and the other lacks, as votes that the side
  carrying them is the copy.

The marks:

- **merged words**: a word that is two adjacent words of the counterpart run together
  ("crimeswhile" for "crimes, while"), one of them a function word or the join itself no
  common English word ("seatbelt" for "seat belt" is ordinary spelling); with nothing to compare,
  a word no frequency list knows that splits into two common ones;
- **a capital mid-sentence**: a function word capitalised after a lower-case word and a
  space ("another The officers", "owners On Water Street"); an article before a
  capitalised word may open a name ("reads The New York Times"), and is a mark only
  against a counterpart that has the two in lower case (:func:`capital_marks`);
- **a lower-case start**: a sentence opening in lower case ("chicago Civilian Office…"),
  a mark only where its counterpart opens with a capital (bylines and captions start in
  lower case too);
- **a broken sentence**: a full stop inside a sentence followed by a lower-case word
  ("Kim Foxx. he said"), unless the stop ends an abbreviation ("Dr.", "Inc.").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise

from viewer.text.segment import ABBREVIATIONS
from viewer.text.stopwords import FUNCTION_WORDS, STOPWORDS
from viewer.text.wordlists import SMALL_FLOOR, zipf

__all__ = [
    "CAPITALISED_MID",
    "broken_stops",
    "capital_marks",
    "capitals_mid_sentence",
    "garble_join",
    "joins",
    "lower_start",
    "split_merged",
]

CAPITALISED_MID = FUNCTION_WORDS | {"he", "she", "it", "they", "we"}
"""Words that, capitalised mid-sentence after a lower-case word, betray a spinner. A full
stop ending one of segmentation's abbreviations (``ABBREVIATIONS``: "the Smith Co. in
1990", "Dr. said") breaks no sentence."""
_MIN_JOIN = 4
"""Letters two words run together must make: "a.m." read as "a" and "m" is no "am"."""
_PART_ZIPF = 3.5
"""How common each half of a word that is no word must be to read as two run together."""
_MIN_MERGED, _MAX_MERGED = 6, 40
"""Lengths of a word tried as two run together (trying every cut is quadratic)."""
_CAPITAL_MID = re.compile(
    r"(?<![^\W\d_])[a-z][\w’'-]* (?P<word>[A-Z][a-z]*)(?![\w’'-])(?P<name> [A-Z])?"
)
_ARTICLES = frozenset({"the", "a", "an"})
"""Function words that open names: "reads The New York Times" is no garble."""
_BROKEN = re.compile(r"(?<![^\W\d_])([^\W\d_]{2,})\.\s+([a-z][a-z]+)")
# The look-behinds start a match only at the start of a word: without them a long run of
# letters is scanned again from every letter in it, which is quadratic.
_LOWER_START = re.compile(r"[\"'“‘(\s]*(?P<word>[a-z][\w’'\-]*)")
_UPPER_START = re.compile(r"[\"'“‘(\s]*[A-Z0-9]")


def joins(words: Sequence[str]) -> dict[str, tuple[str, str]]:
    """Every two adjacent ``words`` run together (at least ``_MIN_JOIN`` letters), by
    the join: the words a copy's word may be. Whether one is garble is
    :func:`garble_join`'s to say, asked only of a join a copy has (most joins are none)."""
    found: dict[str, tuple[str, str]] = {}
    for first, second in pairwise(words):
        joined = first + second
        if len(joined) >= _MIN_JOIN:  # "a.m." read as "a" and "m" makes no merged "am"
            found.setdefault(joined, (first, second))
    return found


def garble_join(first: str, second: str) -> bool:
    """Whether ``first`` and ``second`` run together are garble, not spelling: one of
    them a function word ("crimeswhile", "anew"), or the join no common English word
    ("northend"; "seatbelt" and "firefighter" are ordinary spelling)."""
    return first in STOPWORDS or second in STOPWORDS or zipf(first + second) < SMALL_FLOOR


@lru_cache(maxsize=1 << 15)
def split_merged(word: str) -> tuple[str, str] | None:
    """Two common words that ``word`` is made of, when it is no word itself."""
    if not _MIN_MERGED <= len(word) <= _MAX_MERGED or not word.isalpha() or zipf(word) > 0:
        return None
    for cut in range(2, len(word) - 1):
        left, right = word[:cut], word[cut:]
        if zipf(left) >= _PART_ZIPF and zipf(right) >= _PART_ZIPF:
            return left, right
    return None


@lru_cache(maxsize=1 << 15)
def capitals_mid_sentence(text: str) -> tuple[tuple[int, int, str | None], ...]:
    """Where ``text`` holds a function word capitalised after a lower-case word and a
    space: the capitalised word's span, and, for an article before a capitalised word
    (which may open a name: "reads The New York Times"), the two in lower case as a
    counterpart would write them ("the new")."""
    found: list[tuple[int, int, str | None]] = []
    for match in _CAPITAL_MID.finditer(text):
        word = match.group("word").lower()
        if word in CAPITALISED_MID:
            name = None
            if match.group("name") is not None and word in _ARTICLES:
                following = text[match.end("word") + 1 :].split(" ", 1)[0]
                name = f"{word} {following}"
            found.append((*match.span("word"), name))
    return tuple(found)


def capital_marks(text: str, counterpart: str) -> list[tuple[int, int]]:
    """The capitals mid-sentence of ``text`` that are marks against ``counterpart``: an
    article before a capitalised word counts only where ``counterpart`` has the two in
    lower case ("the Civilian Office" set as "according to The Civilian Office"), since
    it may open a name ("according to The New York Times")."""
    return [
        (start, end)
        for start, end, name in capitals_mid_sentence(text)
        if name is None or name in counterpart
    ]


@lru_cache(maxsize=1 << 15)
def broken_stops(text: str) -> tuple[tuple[int, int], ...]:
    """Where ``text`` breaks mid-way: a full stop after a word (not an abbreviation)
    followed by a lower-case word, the span from that word to the next."""
    return tuple(
        match.span()
        for match in _BROKEN.finditer(text)
        if match.group(1).lower() not in ABBREVIATIONS
    )


def lower_start(sentence: str, counterpart: str) -> str | None:
    """The lower-case word ``sentence`` opens with where ``counterpart`` opens with a
    capital (or a digit), else ``None``."""
    start = _LOWER_START.match(sentence)
    if start is None or _UPPER_START.match(counterpart) is None:
        return None
    return start.group("word")
