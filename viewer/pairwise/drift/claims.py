"""Claims added or cut inside the text two versions share.

A copy that drops a clause ("…, and dates of birth and account numbers") or a sentence
from the middle of the story it carries says less than its source; one that adds them says
more. Neither is a changed value, so no other rule sees it. Two shapes are flagged:

- inside an aligned pair, a run of at least ``CLAIM_WORDS`` content words that one side has
  and the other does not (the other side of the hunk has at most one content word);
- a sentence that only one version has, standing between sentences both share (after the
  shared text ends, or before it begins, is a cut-off or a different lede, not drift).

Both are **medium**: a claim is there or not, but whether it matters is for the reader.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from viewer.model import (
    AlignedPair,
    Article,
    Drift,
    DriftKind,
    Severity,
    Span,
    Token,
    TokenKind,
)
from viewer.pairwise.drift import lexicon
from viewer.pairwise.drift.context import PairContext
from viewer.pairwise.drift.terms import hedge_terms
from viewer.text.stopwords import STOPWORDS
from viewer.text.tokens import content_words, tokenize

__all__ = ["CLAIM_WORDS", "claim_flags", "lone_claim", "shared_region"]

CLAIM_WORDS = 5
"""Content words (function words aside) a run needs to be a claim, not a rewording."""
FACT_WORDS = 3
"""Content words a sentence only one version has needs when it states a figure ("He
says one firefighter was injured."): a short sentence with a number is a fact."""


def claim_flags(context: PairContext) -> Iterator[Drift]:
    """Runs of content words one side of a pair adds or cuts (an attribution that opens
    the run, "according to the county's report", is the hedge rule's)."""
    for k, hunk in enumerate(context.hunks):
        gone = _content(context.gone_words(k))
        new = _content(context.new_words(k))
        cuts = len(gone) >= CLAIM_WORDS and len(new) <= 1
        if not (cuts or (len(new) >= CLAIM_WORDS and len(gone) <= 1)):
            continue  # too few words for a claim either way: no attribution to look for
        if _attribution(context.gone_words(k)) or _attribution(context.new_words(k)):
            continue
        if cuts:
            cut = Span(gone[0].start, gone[-1].end)
            why = f"B cuts words A has here: “{context.a.text[cut.start : cut.end]}”."
            yield context.flag(DriftKind.CLAIM, Severity.MEDIUM, cut, _point(hunk.b_span), why)
        elif len(new) >= CLAIM_WORDS and len(gone) <= 1:
            added = Span(new[0].start, new[-1].end)
            why = f"B adds words A does not have here: “{context.b.text[added.start : added.end]}”."
            yield context.flag(DriftKind.CLAIM, Severity.MEDIUM, _point(hunk.a_span), added, why)


def _figure(words: Sequence[Token]) -> bool:
    """Whether the words state a figure: digits, or a number written out."""
    return any(t.kind is TokenKind.NUMBER or t.norm in lexicon.NUMBER_WORDS for t in words)


def _point(span: Span) -> Span:
    """The empty span where a side has nothing: the start of its hunk."""
    return Span(span.start, span.start)


def _attribution(inside: Sequence[Token]) -> bool:
    """Whether the changed words (those of one side of a hunk) open with an attribution
    or hedge."""
    return (
        any(term.span.start == inside[0].start for term in hedge_terms(inside[:4]))
        if inside
        else False
    )


def _content(inside: Sequence[Token]) -> list[Token]:
    """The changed words of one side of a hunk, function words left out."""
    return [t for t in inside if t.norm not in STOPWORDS]


def shared_region(pairs: Sequence[AlignedPair]) -> tuple[int, int]:
    """The indexes of the first and last pair both versions have (``(0, -1)`` if none)."""
    both = [k for k, pair in enumerate(pairs) if pair.a and pair.b]
    return (both[0], both[-1]) if both else (0, -1)


def lone_claim(
    index: int, pair: AlignedPair, a: Article, b: Article, region: tuple[int, int]
) -> Drift | None:
    """A sentence only one version has, inside the shared text, as a claim flag."""
    first, last = region
    if not first < index < last:
        return None
    edit = pair.edits[0]
    a_span, b_span = Span(edit.a_start, edit.a_end), Span(edit.b_start, edit.b_end)
    side = b if pair.b else a
    span = b_span if pair.b else a_span
    words = [t for t in content_words(tokenize(side.text, *span)) if t.norm not in STOPWORDS]
    if len(words) < CLAIM_WORDS and not (len(words) >= FACT_WORDS and _figure(words)):
        return None
    verb = "adds" if pair.b else "cuts"
    why = f"B {verb} a sentence between sentences both versions share."
    return Drift(
        DriftKind.CLAIM,
        Severity.MEDIUM,
        index,
        a_span,
        b_span,
        a.text[a_span.start : a_span.end],
        b.text[b_span.start : b_span.end],
        why,
    )
