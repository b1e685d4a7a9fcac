"""Negations: a "not", "never" or n't added or removed, and the rewordings that keep a
claim's polarity ("not clear" for "unclear", "did not recognize" for "unfamiliar")."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from viewer.model import Drift, DriftKind, Severity, Token
from viewer.pairwise.drift import lexicon
from viewer.pairwise.drift.context import Hunk, PairContext, Term, span_of
from viewer.pairwise.drift.terms import listed, sides, term_changes
from viewer.text.wordlists import zipf

__all__ = ["negation_flags", "negation_terms"]

_COMMON = 4.0
"""How common (Zipf) the word after "un" or "non" must be for the prefix to negate it:
"familiar" in "unfamiliar", not "veil" in "unveil"."""


def negation_terms(words: Sequence[Token]) -> list[Term]:
    """Negating words and n't contractions."""
    return [
        Term("not", span_of(t), t.text)
        for t in words
        if t.norm in lexicon.NEGATIONS or t.norm.endswith("n't")
    ]


def negation_flags(context: PairContext) -> Iterator[Drift]:
    """A negation added or removed (not "not clear" versus "unclear")."""
    b_norms, a_norms = context.b_vocabulary, context.a_vocabulary
    for hunk, gone, new in term_changes(context, negation_terms):
        if len(gone) == len(new):
            continue
        if _prefix_negated(context.a_words, gone, b_norms) or _prefix_negated(
            context.b_words, new, a_norms
        ):
            continue
        a_span, b_span = sides(context, hunk, gone, new)
        reworded = _negated_by_prefix(context, hunk, 1 if gone else 0)
        if len(reworded) >= abs(len(gone) - len(new)):
            # "an unfamiliar voice" for "a voice they did not recognize": the negation
            # is still there, in a prefix; the claim kept its polarity.
            other = ", ".join(f"“{t.text}”" for t in reworded)
            what = listed(gone or new)
            yield context.flag(
                DriftKind.NEGATION,
                Severity.LOW,
                a_span,
                b_span,
                f"A negation was reworded: {what} where the other version has {other}.",
            )
            continue
        why = (
            f"A negation was removed: {listed(gone)}."
            if gone
            else f"A negation was added: {listed(new)}."
        )
        yield context.flag(DriftKind.NEGATION, Severity.HIGH, a_span, b_span, why)


def _negated_by_prefix(context: PairContext, hunk: Hunk | None, side: int) -> list[Token]:
    """The words of one side of a hunk that carry a negation in a prefix: "un" or "non"
    before a common word ("unfamiliar", "nonpartisan")."""
    if hunk is None:
        return []
    words, span = (context.a_words, hunk.a_span) if side == 0 else (context.b_words, hunk.b_span)
    return [
        t for t in words if span.start <= t.start and t.end <= span.end and _negating_prefix(t.norm)
    ]


def _negating_prefix(word: str) -> bool:
    for prefix in ("un", "non"):
        rest = word[len(prefix) :].lstrip("-")
        if word.startswith(prefix) and len(rest) >= 4 and zipf(rest) >= _COMMON:
            return True
    return False


def _prefix_negated(words: Sequence[Token], negations: list[Term], other: frozenset[str]) -> bool:
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
