"""Drift found by comparing the terms of a kind on both sides of a pair.

Numbers, hedges, negations and pronouns are each read off both sides as *terms* (a key
to compare and the span it came from). Keys that one side has more often than the other
are the change; each such term is placed in the hunk that changed it, and a hunk with
leftovers on both sides is a swap ("purportedly" → "allegedly"), otherwise a term was
added or dropped. Comparing counts rather than positions keeps reordering silent.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

from viewer.analysis.drift import lexicon
from viewer.analysis.drift.context import Hunk, PairContext, enclosing, span_of
from viewer.model import Drift, DriftKind, Severity, Span, Token

_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_COMPOUND = re.compile(r"^\d+(?:[-:/]\d+)+$")
_PLAIN = re.compile(r"([$€£¥]?)(\d+(?:\.\d+)?)(%?)$")


@dataclass(frozen=True, slots=True)
class Term:
    """One occurrence of a compared term."""

    key: str
    span: Span
    label: str
    """How the term reads in an explanation."""


Extractor = Callable[[Sequence[Token]], list[Term]]


def number_terms(words: Sequence[Token]) -> list[Term]:
    """Quantities: digits with their scale and approximator, numbers in words, dates."""
    terms: list[Term] = []
    for k, token in enumerate(words):
        value = _number_value(token.norm) or _calendar(words, k)
        if value is None:
            continue
        end, label = token.end, token.text
        scale = words[k + 1] if k + 1 < len(words) else None
        plain = _PLAIN.match(value)
        if scale is not None and scale.norm in lexicon.SCALES and plain:
            amount = float(plain.group(2)) * lexicon.SCALES[scale.norm]
            value = f"{plain.group(1)}{amount:g}{plain.group(3)}"
            end, label = scale.end, f"{token.text} {scale.text}"
        approx = "~" if _approximated(words, k) else ""
        terms.append(Term(approx + value, Span(token.start, end), label))
    return terms


def _approximated(words: Sequence[Token], k: int) -> bool:
    """Whether the number at ``k`` follows "nearly", "more than", "at least"…"""
    before = words[k - 1].norm if k else ""
    phrase = (words[k - 2].norm, before) if k > 1 else ("", "")  # norms are lower case
    return before in lexicon.APPROXIMATORS or phrase in lexicon.APPROXIMATOR_PHRASES


def _calendar(words: Sequence[Token], k: int) -> str | None:
    """A capitalised day or month ("May" only before a number): part of a date."""
    token = words[k]
    day = token.norm.removesuffix("'s")
    if day not in lexicon.CALENDAR_WORDS or not token.text[:1].isupper():
        return None
    if day == "may" and not (k + 1 < len(words) and words[k + 1].text[:1].isdigit()):
        return None
    return day


def _number_value(word: str) -> str | None:
    if word in lexicon.NUMBER_WORDS:
        return f"{lexicon.NUMBER_WORDS[word]:g}"
    if word in lexicon.VAGUE_QUANTITIES:
        return word
    if _COMPOUND.match(word):
        return word  # a score, a time or a date: "5-2", "10:45", "2024-04-09"
    parts = word.split("-")
    head = parts[0]
    if len(parts) > 1 and head in lexicon.NUMBER_WORDS and parts[1] in lexicon.NUMBER_WORDS:
        tens, unit = lexicon.NUMBER_WORDS[head], lexicon.NUMBER_WORDS[parts[1]]
        if tens >= 20 and tens % 10 == 0 and unit < 10:
            return f"{tens + unit:g}"  # "forty-one"
    if head in lexicon.NUMBER_WORDS:
        return f"{lexicon.NUMBER_WORDS[head]:g}"  # "two-term", "forty-one" reads its head
    digits = _DIGITS.search(head)
    if digits is None or (not head[:1].isdigit() and head[:1] not in "$€£¥"):
        return None
    number = digits.group().replace(",", "")
    currency = head[0] if head[0] in "$€£¥" else ""
    suffix = "%" if "%" in head else ""
    try:
        return f"{currency}{float(number):g}{suffix}" if number.count(".") <= 1 else head
    except ValueError:  # pragma: no cover - the pattern only matches numbers
        return head


def hedge_terms(words: Sequence[Token]) -> list[Term]:
    """Hedges and attribution verbs, by lemma; "according to" as one term."""
    terms = [
        Term(lexicon.HEDGE_LEMMAS[t.norm], span_of(t), t.text)
        for t in words
        if t.norm in lexicon.HEDGE_LEMMAS
    ]
    for first, second in pairwise(words):
        if first.norm == "according" and second.norm == "to":
            terms.append(Term("according to", Span(first.start, second.end), "according to"))
    return terms


def negation_terms(words: Sequence[Token]) -> list[Term]:
    """Negating words and n't contractions."""
    return [
        Term("not", span_of(t), t.text)
        for t in words
        if t.norm in lexicon.NEGATIONS or t.norm.endswith("n't")
    ]


def pronoun_terms(words: Sequence[Token]) -> list[Term]:
    """Personal pronouns and gendered references."""
    return [
        Term(t.norm, span_of(t), t.text)
        for t in words
        if t.norm in lexicon.PERSONAL_PRONOUNS or t.norm in lexicon.GENDERED_NOUNS
    ]


def term_changes(
    context: PairContext, extract: Extractor
) -> Iterator[tuple[Hunk | None, list[Term], list[Term]]]:
    """Per hunk, the terms A has more of and the terms B has more of."""
    a_terms, b_terms = extract(context.a_words), extract(context.b_words)
    a_extra = Counter(t.key for t in a_terms) - Counter(t.key for t in b_terms)
    b_extra = Counter(t.key for t in b_terms) - Counter(t.key for t in a_terms)
    by_hunk: dict[Hunk | None, tuple[list[Term], list[Term]]] = {}
    for terms, extra, side in ((a_terms, a_extra, 0), (b_terms, b_extra, 1)):
        for term in _placed_first(context, terms, extra, side):
            by_hunk.setdefault(_hunk_at(context, term.span, side), ([], []))[side].append(term)
    for hunk, (gone, new) in by_hunk.items():
        yield hunk, gone, new


def _placed_first(
    context: PairContext, terms: list[Term], extra: Counter[str], side: int
) -> list[Term]:
    """Up to ``extra[key]`` terms per key, taking those inside hunks first."""
    ordered = sorted(terms, key=lambda t: _hunk_at(context, t.span, side) is None)
    chosen: list[Term] = []
    budget = Counter(extra)
    for term in ordered:
        if budget[term.key] > 0:
            budget[term.key] -= 1
            chosen.append(term)
    return sorted(chosen, key=lambda t: t.span)


def _hunk_at(context: PairContext, span: Span, side: int) -> Hunk | None:
    for hunk in context.hunks:
        if (hunk.holds_a if side == 0 else hunk.holds_b)(span.start, span.end):
            return hunk
    return None


def sides(
    context: PairContext, hunk: Hunk | None, gone: list[Term], new: list[Term]
) -> tuple[Span, Span]:
    """Spans for a flag: the terms themselves, or the hunk's place on the side without any."""
    if gone:
        a_span = enclosing([t.span for t in gone])
    else:
        a_span = Span(hunk.a_span.start, hunk.a_span.end) if hunk else _empty(context.pair.a_span)
    if new:
        b_span = enclosing([t.span for t in new])
    else:
        b_span = Span(hunk.b_span.start, hunk.b_span.end) if hunk else _empty(context.pair.b_span)
    return a_span, b_span


def _empty(span: Span | None) -> Span:
    return Span(span.start, span.start) if span else Span(0, 0)


def listed(terms: list[Term]) -> str:
    """Terms as they read, quoted and joined."""
    return ", ".join(f"“{t.label}”" for t in terms)


def number_flags(context: PairContext) -> Iterator[Drift]:
    """A quantity, amount, count, age, date or time changed, added or removed."""
    for hunk, gone, new in term_changes(context, number_terms):
        if _article_for_one(context, hunk, gone, new):
            continue
        a_span, b_span = sides(context, hunk, gone, new)
        same_value = {t.key.lstrip("~") for t in gone} == {t.key.lstrip("~") for t in new}
        if gone and new and same_value:
            why = f"The precision of a number changed: {listed(gone)} became {listed(new)}."
        elif gone and new:
            why = f"A number changed: {listed(gone)} became {listed(new)}."
        elif gone:
            why = f"A number was removed: {listed(gone)}."
        else:
            why = f"A number was added: {listed(new)}."
        severity = Severity.MEDIUM if gone and new and same_value else Severity.HIGH
        yield context.flag(DriftKind.NUMBER, severity, a_span, b_span, why)


def _article_for_one(
    context: PairContext, hunk: Hunk | None, gone: list[Term], new: list[Term]
) -> bool:
    """Whether a lone "one" stands where the other side has "a" or "an" ("an officer")."""
    if hunk is None or (gone and new) or [t.key for t in gone + new] != ["1"]:
        return False
    span = hunk.b_span if gone else hunk.a_span
    words = context.b_words if gone else context.a_words
    return any(t.norm in {"a", "an"} for t in words if span.start <= t.start < span.end)


def hedge_flags(context: PairContext) -> Iterator[Drift]:
    """A hedge or attribution added, dropped or swapped."""
    for hunk, gone, new in term_changes(context, hedge_terms):
        a_span, b_span = sides(context, hunk, gone, new)
        if gone and new:
            neutral = {t.key in lexicon.NEUTRAL_ATTRIBUTION for t in gone + new}
            severity = Severity.HIGH if len(neutral) == 2 else Severity.MEDIUM
            why = f"A hedge or attribution was swapped: {listed(gone)} became {listed(new)}."
        elif gone:
            severity = Severity.HIGH
            why = f"A hedge or attribution was dropped: {listed(gone)}; B states it more firmly."
        else:
            severity = Severity.HIGH
            why = f"A hedge or attribution was added: {listed(new)}."
        yield context.flag(DriftKind.HEDGE, severity, a_span, b_span, why)


def negation_flags(context: PairContext) -> Iterator[Drift]:
    """A negation added or removed (not "not clear" versus "unclear")."""
    b_norms = {t.norm for t in context.b_words}
    a_norms = {t.norm for t in context.a_words}
    for hunk, gone, new in term_changes(context, negation_terms):
        if len(gone) == len(new):
            continue
        if _prefix_negated(context.a_words, gone, b_norms) or _prefix_negated(
            context.b_words, new, a_norms
        ):
            continue
        a_span, b_span = sides(context, hunk, gone, new)
        why = (
            f"A negation was removed: {listed(gone)}."
            if gone
            else f"A negation was added: {listed(new)}."
        )
        yield context.flag(DriftKind.NEGATION, Severity.HIGH, a_span, b_span, why)


def _prefix_negated(words: Sequence[Token], negations: list[Term], other: set[str]) -> bool:
    """Whether each negation is matched by a prefixed word on the other side ("unclear")."""
    if not negations:
        return False
    starts = [t.start for t in words]
    for term in negations:
        k = starts.index(term.span.start) if term.span.start in starts else -1
        following = words[k + 1].norm if 0 <= k < len(words) - 1 else ""
        if not following or not any(p + following in other for p in lexicon.NEGATING_PREFIXES):
            return False
    return True


def pronoun_flags(context: PairContext) -> Iterator[Drift]:
    """A pronoun or gendered reference changed, added or dropped."""
    for hunk, gone, new in term_changes(context, pronoun_terms):
        if not (gone and new) and all(t.key in lexicon.HONORIFICS for t in gone + new):
            continue  # "Mr. Reed" for "Reed" adds courtesy, not a new reference
        a_span, b_span = sides(context, hunk, gone, new)
        if gone and new:
            why = f"A pronoun or gendered reference changed: {listed(gone)} became {listed(new)}."
        elif new:
            was = context.a.text[a_span.start : a_span.end].strip()
            why = f"B refers to someone as {listed(new)}" + (
                f" where A says “{was}”." if was else "."
            )
        else:
            why = f"A pronoun or gendered reference was dropped: {listed(gone)}."
        yield context.flag(DriftKind.PRONOUN, Severity.HIGH, a_span, b_span, why)
