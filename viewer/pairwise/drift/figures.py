"""Figures compared across a pair: a quantity, amount, count, date or time changed,
added or removed (the terms of :mod:`viewer.pairwise.drift.numbers`, compared as counts
by :func:`viewer.pairwise.drift.terms.paired_changes`), with what makes a difference of
figures no change: a range written out, an article for "one", a percent sign, a figure
that stands elsewhere in the other version (:mod:`viewer.pairwise.drift.standing`), a
measure in other units.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from viewer.model import Drift, DriftKind, Severity, Span, Token, TokenKind
from viewer.pairwise.drift import lexicon
from viewer.pairwise.drift.context import Hunk, PairContext, Term
from viewer.pairwise.drift.numbers import number_terms
from viewer.pairwise.drift.standing import moved_note, swapped_in_place, term_counts
from viewer.pairwise.drift.terms import listed, paired_changes, sides, term_changes

__all__ = ["counted_number_flags", "number_flags"]

_RANGE = re.compile(r"\d+(?:\.\d+)?-\d+(?:\.\d+)?")
_NUMBERS = term_counts(number_terms)
"""How often each figure stands in a whole article (:mod:`~viewer.pairwise.drift.standing`)."""


def number_flags(context: PairContext) -> Iterator[Drift]:
    """A quantity, amount, count, age, date or time changed (high), added or removed
    (medium: a reworded sentence often moves a figure to the next one; low for a weekday).

    Figures are compared kind by kind (a count with a count, a date with a date): a
    reworded sentence that puts "Thursday" where "about 29" stood has not changed a
    count into a day.
    """
    for hunk, gone_all, new_all in paired_changes(context, number_terms):
        if _article_for_one(context, hunk, gone_all, new_all):
            continue
        if _range_restated(context, gone_all, new_all):
            continue
        for kind in sorted({_quantity(t) for t in gone_all + new_all}):
            gone = [t for t in gone_all if _quantity(t) == kind]
            new = [t for t in new_all if _quantity(t) == kind]
            yield _number_flag(context, hunk, gone, new)


def counted_number_flags(context: PairContext) -> Iterator[Drift]:
    """The figures of a pair whose sentences only loosely correspond: a figure changed
    where both sides count the same thing ("66 people" and "69 people") or measure the
    same kind of quantity ("29 miles" and "50 kilometres"); not a time or a date, which
    may place another event of the story. Figures are paired by what
    they count, not by place, since a recast sentence moves them. A figure added or
    dropped, or one counting something else, is what rewording does to such a pair."""
    gone_all: list[Term] = []
    new_all: list[Term] = []
    for _, gone, new in term_changes(context, number_terms):
        gone_all.extend(gone)
        new_all.extend(new)
    for old in gone_all:
        match = next(
            (
                now
                for now in new_all
                if _quantity(now) == _quantity(old) == "amount" and _counts_same(context, old, now)
            ),
            None,
        )
        if match is not None:
            new_all.remove(match)
            yield _number_flag(context, None, [old], [match])


def _counts_same(context: PairContext, old: Term, now: Term) -> bool:
    """Whether the word after each figure is the same word, or a unit of the same kind."""
    before = _next_word(old, context.a_words)
    after = _next_word(now, context.b_words)
    if before is None or after is None:
        return False
    if before.norm == after.norm:
        return before.kind is TokenKind.WORD
    kinds = _UNITS.get(before.norm), _UNITS.get(after.norm)
    return kinds[0] is not None and kinds[1] is not None and kinds[0][0] == kinds[1][0]


def _next_word(term: Term, words: Sequence[Token]) -> Token | None:
    return next((t for t in words if t.start >= term.span.end), None)


def _number_flag(
    context: PairContext, hunk: Hunk | None, gone: list[Term], new: list[Term]
) -> Drift:
    """One kind of figure's change in a hunk."""
    a_span, b_span = sides(context, hunk, gone, new)
    same_value = {t.bare for t in gone} == {t.bare for t in new}
    severity = Severity.MEDIUM
    if gone and new and same_value:
        why = f"The qualifier of a number changed: {listed(gone)} became {listed(new)}."
    elif gone and new and _unsigned(gone) == _unsigned(new):
        why = f"Only a percent sign differs: {listed(gone)} became {listed(new)}."
        severity = Severity.LOW
    elif gone and new and (units := _converted(context, gone, new)) is not None:
        a_span, b_span = Span(a_span.start, units[0].end), Span(b_span.start, units[1].end)
        before, after = (
            context.a.text[a_span.start : a_span.end],
            context.b.text[b_span.start : b_span.end],
        )
        why = f"The same measure in other units: “{before}” became “{after}”."
        severity = Severity.LOW
    elif gone and new:
        values = [t.bare for t in gone], [t.bare for t in new]
        why = f"A number changed: {listed(gone)} became {listed(new)}."
        severity = Severity.HIGH
        if not swapped_in_place(context.a, context.b, *values, _NUMBERS):
            note = moved_note(context.a, context.b, *values, _NUMBERS)
            why = f"{why[:-1]} in this sentence, but {note}: the sentences were recast."
            severity = Severity.MEDIUM
    elif gone:
        why = f"A number was removed: {listed(gone)}."
    else:
        why = f"A number was added: {listed(new)}."
    if not (gone and new) and all(t.bare in lexicon.WEEKDAYS for t in gone + new):
        severity = Severity.LOW  # "on Thursday" left out: the day, not a quantity
    return context.flag(DriftKind.NUMBER, severity, a_span, b_span, why)


_UNITS: dict[str, tuple[str, float]] = {
    **{w: ("length", 1000.0) for w in "km kilometre kilometres kilometer kilometers".split()},
    **{w: ("length", 1609.344) for w in "mile miles mi".split()},
    **{w: ("length", 1.0) for w in "m metre metres meter meters".split()},
    **{w: ("length", 0.3048) for w in "ft foot feet".split()},
    **{w: ("mass", 1.0) for w in "kg kilogram kilograms kilo kilos".split()},
    **{w: ("mass", 0.45359237) for w in "lb lbs pound pounds".split()},
    **{w: ("volume", 1.0) for w in "l litre litres liter liters".split()},
    **{w: ("volume", 3.785411784) for w in "gallon gallons".split()},
}
"""Units a localised copy converts ("50 kilometres" for "31 miles"), with their kind and
size in the kind's base unit (money is left out: a rate changes with the day)."""
_ROUNDING = 0.05
"""How far a converted figure may stray from the other: rounding to whole units ("31
miles" is 49.9 km) and the odd approximation ("about 30 miles")."""


def _converted(
    context: PairContext, gone: list[Term], new: list[Term]
) -> tuple[Token, Token] | None:
    """The unit words, when each figure is one measure written in another unit: one term
    each side, each followed by a unit of the same kind, their sizes within
    ``_ROUNDING``."""
    if len(gone) != 1 or len(new) != 1:
        return None
    old = _measure(gone[0], context.a_words)
    now = _measure(new[0], context.b_words)
    if old is None or now is None or old[0] != now[0] or old[2].norm == now[2].norm:
        return None
    if abs(old[1] - now[1]) > _ROUNDING * max(old[1], now[1]):
        return None
    return old[2], now[2]


def _measure(term: Term, words: Sequence[Token]) -> tuple[str, float, Token] | None:
    """The kind and size in base units of a figure followed by a unit word, and the word."""
    after = _next_word(term, words)
    unit = _UNITS.get(after.norm) if after is not None else None
    if unit is None or after is None:
        return None
    try:
        value = float(term.bare.lstrip("~<>="))
    except ValueError:
        return None
    return unit[0], value * unit[1], after


def _quantity(term: Term) -> str:
    """What kind of figure a term is: a weekday, a month, a time, a score or range, a
    count. A weekday and a month are two ways to place one event ("on Sept. 22" and "on
    Thursday" may be the same day), not one value changed into another."""
    bare = term.bare.lstrip("~<>=")
    if bare in lexicon.WEEKDAYS:
        return "weekday"
    if bare in lexicon.CALENDAR_WORDS:
        return "date"
    if ":" in bare:
        return "time"
    if _RANGE.fullmatch(bare):
        return "range"
    return "amount"


def _range_restated(context: PairContext, gone: list[Term], new: list[Term]) -> bool:
    """Whether a range on one side ("ages 44-79") is the same two numbers written out
    on the other ("between 44 and 79", "44 to 79"), anywhere in the aligned sentences."""
    for ranges, others, words in ((gone, new, context.b_words), (new, gone, context.a_words)):
        spans = [r for r in ranges if _RANGE.fullmatch(r.bare)]
        if not spans or len(spans) != len(ranges):
            continue
        there = {t.bare for t in number_terms(words)}
        ends = {end for r in spans for end in r.bare.split("-")}
        if ends <= there and all(t.bare in ends for t in others):
            return True
    return False


def _unsigned(terms: list[Term]) -> set[str]:
    """The terms' values without a percent sign: "3.4%" and "3.4" in a list of rates."""
    return {t.bare.replace("%", "") for t in terms}


def _article_for_one(
    context: PairContext, hunk: Hunk | None, gone: list[Term], new: list[Term]
) -> bool:
    """Whether a lone "one" stands where the other side has "a" or "an" ("an officer")."""
    if hunk is None or (gone and new) or [t.key for t in gone + new] != ["1"]:
        return False
    span = hunk.b_span if gone else hunk.a_span
    words = context.b_words if gone else context.a_words
    return any(t.norm in {"a", "an"} for t in words if span.start <= t.start < span.end)
