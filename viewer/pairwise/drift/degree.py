"""Words of degree: how strongly a sentence says what it says.

"follow the voice relatively well" and "follow the voice very well", "much more accurate"
and "more accurate", "firmly located in" and "located in" state one fact at another
strength. A rewrite does this often and not always on purpose, so a degree word added,
dropped or swapped is a medium hedge flag ("look here"), never high: a hedge of
likelihood ("may", "possibly") is what :func:`viewer.pairwise.drift.terms.hedge_flags`
reads, a qualifier of a figure ("almost 20") the number rule's, and words changed inside
a quotation the quote rule's.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from viewer.model import Drift, DriftKind, Severity, Span, Token, TokenKind
from viewer.pairwise.drift.context import PairContext, Term
from viewer.pairwise.drift.lexicon import NUMBER_WORDS
from viewer.pairwise.drift.terms import listed, paired_changes, sides

__all__ = ["DEGREE_WORDS", "degree_flags", "degree_terms"]

_STRONGER = frozenset(
    "very extremely highly greatly significantly substantially considerably strongly "
    "firmly deeply vastly hugely dramatically sharply especially particularly completely "
    "entirely totally fully absolutely definitely certainly clearly overwhelmingly".split()
)
_WEAKER = frozenset(
    "relatively fairly rather somewhat slightly moderately partly partially largely "
    "mostly mainly nearly almost barely marginally modestly reasonably".split()
)
_BEFORE_COMPARATIVE = frozenset({"much", "far"})
"""Degree words only before a comparative ("much more accurate", "far fewer"): elsewhere
they are quantities ("much of the city", "how far the boat drifted")."""
_COMPARATIVES = frozenset("more less better worse fewer greater smaller larger".split())
DEGREE_WORDS = _STRONGER | _WEAKER | _BEFORE_COMPARATIVE
_SAME_DEGREE = {
    **dict.fromkeys(("especially", "particularly"), "especially"),
    **dict.fromkeys(("completely", "entirely", "totally", "fully"), "completely"),
    **dict.fromkeys(("largely", "mostly", "mainly"), "largely"),
    **dict.fromkeys(("nearly", "almost"), "nearly"),
    **dict.fromkeys(("slightly", "marginally"), "slightly"),
    **dict.fromkeys(("partly", "partially"), "partly"),
    **dict.fromkeys(("greatly", "vastly", "hugely"), "greatly"),
    **dict.fromkeys(("significantly", "substantially", "considerably"), "significantly"),
    **dict.fromkeys(("definitely", "certainly"), "certainly"),
    **dict.fromkeys(("much", "far"), "much"),
}
"""Degree words that say the same strength: one key each, so a swap is no change."""


def degree_terms(words: Sequence[Token]) -> list[Term]:
    """The words of degree, each its own term."""
    terms: list[Term] = []
    for k, token in enumerate(words):
        if _before_figure(words, k + 1):
            continue  # "almost 20": the figure's qualifier, which the number rule reads
        if (
            token.norm in _STRONGER
            or token.norm in _WEAKER
            or (token.norm in _BEFORE_COMPARATIVE and _comparative(words, k + 1))
        ):
            key = _SAME_DEGREE.get(token.norm, token.norm)
            terms.append(Term(key, Span(token.start, token.end), token.text))
    return terms


def _before_figure(words: Sequence[Token], k: int) -> bool:
    return k < len(words) and (words[k].kind is TokenKind.NUMBER or words[k].norm in NUMBER_WORDS)


def _comparative(words: Sequence[Token], k: int) -> bool:
    if k >= len(words):
        return False
    word = words[k].norm
    return word in _COMPARATIVES or (len(word) > 4 and word.endswith("er"))


def degree_flags(context: PairContext) -> Iterator[Drift]:
    """A word of degree added, dropped or swapped for another, one flag per word."""
    if DEGREE_WORDS.isdisjoint(context.a_vocabulary) and DEGREE_WORDS.isdisjoint(
        context.b_vocabulary
    ):
        return
    for hunk, gone, new in paired_changes(context, degree_terms):
        if any(context.a_quotes.covering(t.span.start) for t in gone) or any(
            context.b_quotes.covering(t.span.start) for t in new
        ):
            continue  # words of a quotation changed: the quote rule's one flag says so
        a_span, b_span = sides(context, hunk, gone, new)
        if gone and new:
            why = f"A word of degree changed: {listed(gone)} became {listed(new)}."
        elif gone:
            b_span = Span(b_span.start, b_span.start)
            why = f"A word of degree was dropped: {listed(gone)}; B says it plainly."
        else:
            a_span = Span(a_span.start, a_span.start)
            why = f"A word of degree was added: {listed(new)}."
        yield context.flag(DriftKind.HEDGE, Severity.MEDIUM, a_span, b_span, why)
