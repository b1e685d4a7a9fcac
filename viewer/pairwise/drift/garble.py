"""Machine-spin artefacts: the marks a synonym spinner or a broken scraper leaves.

- merged words: "crimeswhile", where A has "crimes, while", or (with nothing to compare)
  a word no frequency list knows that splits into two common words;
- a capitalised function word mid-sentence after a lower-case word: "another The officers";
- a lower-cased proper noun: "chicago" where A has "Chicago’s", or a sentence opening in
  lower case;
- a sentence broken mid-way: "Kim Foxx. he said Tuesday.".

Word frequencies come from wordfreq's English list (Zipf scale: 7 is "the", 3 is a word
seen about once per million words, 0 is unknown).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from itertools import pairwise

from viewer.model import Drift, DriftKind, Severity, Span, Token
from viewer.pairwise.drift import lexicon
from viewer.pairwise.drift.context import PairContext, opens_sentence, sentence_starts, span_of
from viewer.text.wordlists import english

_PLAIN = re.compile(r"[a-z]+(?:'[a-z]+)*")
_HYPHENATED = re.compile(r"[a-z]+(?:-[a-z]+)+")
_COMMON_ZIPF = 3.0
_PART_ZIPF = 3.5
_MAX_MERGED = 40
"""Longer "words" are not two words run together (and trying every cut of one is
quadratic in its length)."""
_TITLE_CASE = 0.7
_CLAUSE_END = re.compile(r"[.!?;:“”\"]")
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her"})
# The look-behind starts a match only at the start of a word: without it a long run of
# letters is scanned again from every letter in it, which is quadratic.
_BROKEN = re.compile(r"(?<![^\W\d_])([^\W\d_]{2,})\.\s+([a-z][a-z]+)")


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """How common an English word is, on the Zipf scale (0 when unknown).

    A lower-case ASCII word (apostrophes allowed) is looked up in wordfreq's list
    directly: the same value as ``wordfreq.zipf_frequency(word, "en")`` (checked on
    30,000 words and every listed word with an apostrophe), without importing wordfreq,
    which costs a fifth of a second and reads the large list a second time. Words of
    such parts joined by hyphens ("middle-aged") are combined as wordfreq combines the
    tokens it splits them into: ``1 / f = 1 / f1 + 1 / f2 …``, rounded to three
    significant digits, and 0 when a part is unlisted (the same value on 20,000 random
    hyphenated words). Anything else (digits, other letters), and an unlisted word with an
    apostrophe (which wordfreq splits and combines), goes through wordfreq.
    """
    listed = english("large")
    if _PLAIN.fullmatch(word):
        bucket = listed.get(word)
        if bucket is not None:
            return round(9 - bucket / 100, 2)
        if "'" not in word:
            return 0.0
    elif _HYPHENATED.fullmatch(word):
        return _combined(listed, word.split("-"))
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "en"))


def _combined(listed: dict[str, int], parts: list[str]) -> float:
    """The Zipf value of tokens read as one word, as wordfreq combines them."""
    inverse = 0.0
    for part in parts:
        bucket = listed.get(part)
        if bucket is None:
            return 0.0
        inverse += 10 ** (bucket / 100)  # 1 / frequency, the frequency 10 ** (-bucket / 100)
    frequency = 1.0 / inverse
    frequency = round(frequency, math.floor(-math.log(frequency, 10)) + 3)
    return round(math.log(frequency, 10) + 9, 2)


def is_common_word(word: str) -> bool:
    """Whether a (folded) word is common English."""
    return zipf(word) >= _COMMON_ZIPF


def split_merged(word: str) -> tuple[str, str] | None:
    """Two common words that ``word`` is made of, if it is not a word itself."""
    if not 6 <= len(word) <= _MAX_MERGED or not word.isalpha() or zipf(word) > 0:
        return None
    for cut in range(2, len(word) - 1):
        left, right = word[:cut], word[cut:]
        if zipf(left) >= _PART_ZIPF and zipf(right) >= _PART_ZIPF:
            return left, right
    return None


def garble_flags(context: PairContext) -> Iterator[Drift]:
    """Spin artefacts that B's changed text has and A's does not."""
    joined_a = {a + b for a, b in pairwise(context.a_norms)}
    a_side = context.a.text[slice(*context.pair.a_span)] if context.pair.a_span else ""
    for k, hunk in enumerate(context.hunks):
        new, gone = list(context.new_words(k)), list(context.gone_words(k))
        a_place = Span(hunk.a_span.start, hunk.a_span.end)
        first = context.held.b_first[k]
        for token, why in _artefacts(context, new, first, gone, joined_a):
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
    index = {t.start: k for k, t in enumerate(words)}
    for token in words:
        if split_merged(token.norm):
            yield span_of(token), f"Two words run together: “{token.text}”."
        elif _capital_after_lower(text, words, index[token.start], token):
            yield (
                span_of(token),
                f"A capitalised “{token.text}” in mid-sentence after a lower-case word.",
            )
    yield from sentence_breaks(start, sentence, "")


def _artefacts(
    context: PairContext, new: list[Token], first: int, gone: list[Token], joined_a: set[str]
) -> Iterator[tuple[Token, str]]:
    """The artefacts among a hunk's ``new`` words, the first of which is B's word number
    ``first``."""
    text, words = context.b.text, context.b_words
    gone_keys = {_bare(t.norm): t for t in gone}
    for k, token in enumerate(new, first):
        if token.norm in joined_a or split_merged(token.norm):
            yield token, f"Two words run together: “{token.text}”."
        elif _capital_after_lower(text, words, k, token):
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


def _capital_after_lower(text: str, words: Sequence[Token], k: int, token: Token) -> bool:
    if k == 0 or not token.text[:1].isupper() or token.norm not in lexicon.FUNCTION_WORDS:
        return False
    previous = words[k - 1]
    return text[previous.end : token.start] == " " and previous.text[:1].islower()


def sentence_breaks(start: int, sentence: str, a_side: str) -> Iterator[tuple[Span, str]]:
    """ "word. lower-case word" breaks in a sentence starting at ``start``, absent from A."""
    for match in _BROKEN.finditer(sentence):
        if match.group(1).lower() in lexicon.TITLES or match.group() in a_side:
            continue
        yield (
            Span(start + match.start(), start + match.end()),
            "A sentence is broken mid-way: a full stop followed by a lower-case word.",
        )
