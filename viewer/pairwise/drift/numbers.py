"""Numbers as the drift rules compare them: one key per quantity, whatever its form.

"16%", "16 percent" and "16 per cent" are one value; so are "1.5 million" and
"1,500,000", "$2.5bn" and "2.5 billion dollars", "three hundred fifty" and "350", "Sept."
and "September". Values are kept exactly (decimal arithmetic, no rounding to six
significant digits), so "1,234,567" and "1,234,568" differ. A qualifier ("up to", "nearly",
"more than") is part of the term, span included, so a flag on "up to three" → "three"
shows the words that changed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

from viewer.model import Span, Token
from viewer.pairwise.drift import lexicon
from viewer.pairwise.drift.context import Term

__all__ = ["number_terms"]

_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_COMPOUND = re.compile(r"^\d+(?:[-:/]\d+)+$")
_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})(am|pm)?$")
_MERIDIEM = {"am": "am", "a.m.": "am", "pm": "pm", "p.m.": "pm"}
_PLAIN = re.compile(r"([$€£¥]?)(\d+(?:\.\d+)?)(%?)$")
_CURRENCY_WORDS = {
    "dollar": "$",
    "dollars": "$",
    "euro": "€",
    "euros": "€",
    "pound": "£",
    "pounds": "£",
    "yen": "¥",
}
_SCALE_SUFFIXES = {"k": "1e3", "m": "1e6", "mn": "1e6", "bn": "1e9", "b": "1e9", "tn": "1e12"}
"""Scales written onto an amount of money ("$2.5bn", "£40m")."""
_CARDINALS = {w: v for w, v in lexicon.NUMBER_WORDS.items() if w in lexicon.CARDINAL_WORDS}


def number_terms(words: Sequence[Token]) -> list[Term]:
    """Quantities: digits with their scale, unit and qualifier, numbers in words, dates."""
    terms: list[Term] = []
    after = 0
    for k in _possible_starts(words):
        if k < after:
            continue  # inside the quantity read last
        read = _read(words, k)
        if read is None:
            continue
        value, last = read
        start, sense, label = words[k].start, "", _label(words, k, last)
        qualifier = _qualifier(words, k)
        if qualifier:
            start = words[k - len(qualifier)].start
            sense = lexicon.QUALIFIER_SENSE.get(" ".join(t.norm for t in qualifier), "~")
            label = " ".join([*(t.text for t in qualifier), label])
        terms.append(Term(sense + value, Span(start, words[last].end), label, value))
        after = last + 1
    return terms


_STARTERS = frozenset(lexicon.NUMBER_WORDS) | lexicon.VAGUE_QUANTITIES
"""Words that read as a quantity by themselves, or open one written out."""


def _possible_starts(words: Sequence[Token]) -> list[int]:
    """The words a quantity could start at, as far as :func:`_read` can tell: one not
    opening with a letter (a digit, a currency sign), a number word (alone or heading a
    hyphenated word), a vague quantity, or a capital (a day or month). Most words are
    none of these, and reading every word costs the most of the number rule."""
    return [
        k
        for k, t in enumerate(words)
        if t.text[:1].isupper()
        or not t.norm[:1].isalpha()
        or t.norm in _STARTERS
        or ("-" in t.norm and t.norm.partition("-")[0] in _STARTERS)
    ]


def _label(words: Sequence[Token], first: int, last: int) -> str:
    return " ".join(t.text for t in words[first : last + 1])


def _read(words: Sequence[Token], k: int) -> tuple[str, int] | None:
    """The value of the quantity starting at word ``k``, and the index of its last word."""
    spelled = _spelled(words, k)
    if spelled is not None:
        amount, last = spelled
        return _with_unit(words, "", amount, "", last)
    clock = _clock(words, k)
    if clock is not None:
        return clock
    value = _number_value(words[k].norm) or _calendar(words, k)
    if value is None:
        return None
    plain = _PLAIN.match(value)
    if plain is None:
        return value, k
    currency, amount, suffix = plain.group(1), Decimal(plain.group(2)), plain.group(3)
    last = k
    scale = words[k + 1] if k + 1 < len(words) else None
    if scale is not None and scale.norm in lexicon.SCALES:
        amount *= Decimal(str(lexicon.SCALES[scale.norm]))
        last = k + 1
    return _with_unit(words, currency, amount, suffix, last)


def _clock(words: Sequence[Token], k: int) -> tuple[str, int] | None:
    """A time of day read on the 24-hour clock, and the index of its last word: "2:45
    am", "2:45am" and "02:45" are one time, and so are "11:09 pm" and "23:09"."""
    clock = _CLOCK.match(words[k].norm)
    if clock is None:
        return None
    hour, minute, meridiem = int(clock.group(1)), int(clock.group(2)), clock.group(3)
    last = k
    if meridiem is None and k + 1 < len(words) and words[k + 1].norm in _MERIDIEM:
        meridiem, last = _MERIDIEM[words[k + 1].norm], k + 1
    if hour > 24 or minute > 59:
        return None
    if meridiem == "pm" and hour < 12:
        hour += 12
    elif meridiem == "am" and hour == 12:
        hour = 0
    return f"{hour}:{minute:02d}", last


def _with_unit(
    words: Sequence[Token], currency: str, amount: Decimal, suffix: str, last: int
) -> tuple[str, int]:
    """The value written with its unit: a following "percent" or "per cent" is "%", a
    following currency word is its sign."""
    after = [t.norm for t in words[last + 1 : last + 3]]
    if not suffix and after[:1] in (["percent"], ["pct"]):
        suffix, last = "%", last + 1
    elif not suffix and after[:2] == ["per", "cent"]:
        suffix, last = "%", last + 2
    elif not currency and after[:1] and after[0] in _CURRENCY_WORDS:
        currency, last = _CURRENCY_WORDS[after[0]], last + 1
    return f"{currency}{_exact(amount)}{suffix}", last


def _exact(amount: Decimal) -> str:
    """A decimal written without exponent or trailing zeros: "2500000000", "1.75"."""
    text = format(amount.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _spelled(words: Sequence[Token], k: int) -> tuple[Decimal, int] | None:
    """A number of two or more words ("three hundred fifty", "two million"), and the
    index of its last word; ``None`` for one word, which ``_number_value`` reads."""
    if words[k].norm not in _CARDINALS:
        return None
    total, current, j = Decimal(0), Decimal(0), k
    while j < len(words):
        word = words[j].norm
        if word in _CARDINALS:
            current += Decimal(str(_CARDINALS[word]))
        elif word == "hundred":
            current *= 100
        elif word in lexicon.SCALES:
            total, current = total + current * Decimal(str(lexicon.SCALES[word])), Decimal(0)
        elif not (word == "and" and j + 1 < len(words) and words[j + 1].norm in _CARDINALS):
            break
        j += 1
    if j - k < 2:
        return None
    return total + current, j - 1


def _qualifier(words: Sequence[Token], k: int) -> list[Token]:
    """The words before the number at ``k`` that qualify it: "nearly", "more than"…"""
    if k > 1 and (words[k - 2].norm, words[k - 1].norm) in lexicon.APPROXIMATOR_PHRASES:
        return list(words[k - 2 : k])  # norms are lower case
    if k and words[k - 1].norm in lexicon.APPROXIMATORS:
        return [words[k - 1]]
    return []


def _calendar(words: Sequence[Token], k: int) -> str | None:
    """A capitalised day or month ("May" only before a number; "Sept." is "september")."""
    token = words[k]
    day = token.norm.removesuffix("'s").rstrip(".")
    day = lexicon.MONTH_ABBREVIATIONS.get(day, day)
    if day not in lexicon.CALENDAR_WORDS or not token.text[:1].isupper():
        return None
    if day == "may" and not (k + 1 < len(words) and words[k + 1].text[:1].isdigit()):
        return None
    return day


def _number_value(word: str) -> str | None:
    if word in lexicon.NUMBER_WORDS:
        return _exact(Decimal(str(lexicon.NUMBER_WORDS[word])))
    if word in lexicon.VAGUE_QUANTITIES:
        return word
    if _COMPOUND.match(word):
        return word  # a score, a time or a date: "5-2", "10:45", "2024-04-09"
    parts = word.split("-")
    head = parts[0]
    if len(parts) > 1 and head in lexicon.NUMBER_WORDS and parts[1] in lexicon.NUMBER_WORDS:
        tens, unit = lexicon.NUMBER_WORDS[head], lexicon.NUMBER_WORDS[parts[1]]
        if tens >= 20 and tens % 10 == 0 and unit < 10:
            return _exact(Decimal(str(tens + unit)))  # "forty-one"
    if head in lexicon.NUMBER_WORDS:
        return _exact(Decimal(str(lexicon.NUMBER_WORDS[head])))  # "two-term" reads its head
    digits = _DIGITS.search(head)
    if digits is None or (not head[:1].isdigit() and head[:1] not in "$€£¥"):
        return None
    number = digits.group().replace(",", "")
    currency = head[0] if head[0] in "$€£¥" else ""
    suffix = "%" if "%" in head else ""
    if number.count(".") > 1:
        return head
    try:
        amount = Decimal(number)
    except InvalidOperation:  # pragma: no cover - the pattern only matches numbers
        return head
    tail = head[digits.end() :].rstrip("%")
    if currency and tail in _SCALE_SUFFIXES:
        amount *= Decimal(_SCALE_SUFFIXES[tail])
    return f"{currency}{_exact(amount)}{suffix}"
