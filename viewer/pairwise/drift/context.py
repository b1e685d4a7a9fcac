"""What every drift rule reads about one aligned pair: tokens, hunks and quotations."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import accumulate

from viewer.model import AlignedPair, Article, Drift, DriftKind, EditOp, Severity, Span, Token
from viewer.pairwise.drift.held import HeldWords, held_words
from viewer.text.tokens import words_of


@dataclass(frozen=True, slots=True)
class Hunk:
    """A run of edits between two kept runs: what A had there and what B has instead."""

    a_span: Span
    b_span: Span

    def holds_a(self, start: int, end: int) -> bool:
        """Whether A's range ``[start, end)`` lies inside this hunk's A side."""
        return self.a_span.start <= start and end <= self.a_span.end and start < self.a_span.end

    def holds_b(self, start: int, end: int) -> bool:
        """Whether B's range ``[start, end)`` lies inside this hunk's B side."""
        return self.b_span.start <= start and end <= self.b_span.end and start < self.b_span.end


@dataclass(frozen=True, slots=True)
class Quotes:
    """The quoted stretches of one article, sorted, for fast membership tests."""

    spans: tuple[Span, ...]
    _starts: tuple[int, ...] = field(default=())
    unsure: frozenset[Span] = frozenset()
    """Stretches whose marks do not pair up (an opening mark ended by another opening
    mark): quoted, perhaps, but no evidence that words moved into or out of a quotation."""

    _reach: tuple[int, ...] = field(default=())
    """``_reach[k]``: the furthest end of the first ``k + 1`` stretches (they may nest)."""

    @classmethod
    def of(cls, spans: Sequence[Span], unsure: Sequence[Span] = ()) -> Quotes:
        ordered = tuple(sorted(spans))
        return cls(
            ordered,
            tuple(s.start for s in ordered),
            frozenset(unsure),
            tuple(accumulate((s.end for s in ordered), max)),
        )

    def touches(self, start: int, end: int) -> bool:
        """Whether some quotation covers a character position in ``[start, end]``: if
        not, :meth:`covering` is ``None`` all through, and a pair there has no quotation
        for the quote rule to read."""
        k = bisect_right(self._starts, end) - 1
        return k >= 0 and self._reach[k] > start

    def covering(self, position: int) -> Span | None:
        """The quotation that holds character ``position``, if any."""
        k = bisect_right(self._starts, position) - 1
        if k >= 0 and position < self.spans[k].end:
            return self.spans[k]
        return None


@dataclass(frozen=True, slots=True)
class PairContext:
    """One aligned pair with everything the rules need, computed once."""

    index: int
    pair: AlignedPair
    a: Article
    b: Article
    a_words: tuple[Token, ...]
    """Words and numbers of A's side of the pair."""
    b_words: tuple[Token, ...]
    hunks: tuple[Hunk, ...]
    a_quotes: Quotes
    b_quotes: Quotes
    held: HeldWords
    """The words each hunk holds, and which words some hunk changed."""
    a_norms: tuple[str, ...]
    """The matching form of each of A's words, read once for every rule that compares."""
    b_norms: tuple[str, ...]
    a_vocabulary: frozenset[str]
    """The distinct matching forms of A's words: a rule whose words are none of these
    has nothing to find on this side."""
    b_vocabulary: frozenset[str]

    def gone_words(self, k: int) -> tuple[Token, ...]:
        """The A words hunk ``k`` holds: what it took out."""
        return self.held.a[k]

    def new_words(self, k: int) -> tuple[Token, ...]:
        """The B words hunk ``k`` holds: what it put in."""
        return self.held.b[k]

    def hunk_of_a(self, token: Token) -> Hunk | None:
        """The hunk that changed this A token, if it was changed."""
        return next((h for h in self.hunks if h.holds_a(token.start, token.end)), None)

    def hunk_of_b(self, token: Token) -> Hunk | None:
        """The hunk that changed this B token, if it was changed."""
        return next((h for h in self.hunks if h.holds_b(token.start, token.end)), None)

    def flag(
        self, kind: DriftKind, severity: Severity, a_span: Span, b_span: Span, explanation: str
    ) -> Drift:
        """A drift flag with its texts read from both articles at the given spans."""
        return Drift(
            kind,
            severity,
            self.index,
            a_span,
            b_span,
            self.a.text[a_span.start : a_span.end],
            self.b.text[b_span.start : b_span.end],
            explanation,
        )


def build_context(
    index: int, pair: AlignedPair, a: Article, b: Article, a_quotes: Quotes, b_quotes: Quotes
) -> PairContext:
    """Tokens and hunks of one pair that has both sides."""
    assert pair.a_span is not None and pair.b_span is not None
    a_words = words_of(a.text, *pair.a_span)
    b_words = words_of(b.text, *pair.b_span)
    hunks = hunks_of(pair)
    held = held_words(a_words, b_words, [h.a_span for h in hunks], [h.b_span for h in hunks])
    a_norms = tuple([t.norm for t in a_words])
    b_norms = tuple([t.norm for t in b_words])
    return PairContext(
        index,
        pair,
        a,
        b,
        a_words,
        b_words,
        hunks,
        a_quotes,
        b_quotes,
        held,
        a_norms,
        b_norms,
        frozenset(a_norms),
        frozenset(b_norms),
    )


def hunks_of(pair: AlignedPair) -> tuple[Hunk, ...]:
    """Consecutive inserts and deletes of a pair's edit script, grouped into hunks."""
    hunks: list[Hunk] = []
    run: list[int] | None = None  # the open hunk's A start and end, B start and end
    for edit in pair.edits:
        if edit.op is EditOp.EQUAL:
            if run is not None:
                hunks.append(Hunk(Span(run[0], run[1]), Span(run[2], run[3])))
                run = None
        elif run is None:
            run = [edit.a_start, edit.a_end, edit.b_start, edit.b_end]
        else:
            run[0], run[1] = min(run[0], edit.a_start), max(run[1], edit.a_end)
            run[2], run[3] = min(run[2], edit.b_start), max(run[3], edit.b_end)
    if run is not None:
        hunks.append(Hunk(Span(run[0], run[1]), Span(run[2], run[3])))
    return tuple(hunks)


def enclosing(spans: Sequence[Span]) -> Span:
    """The smallest span holding all of ``spans``."""
    return Span(min(s.start for s in spans), max(s.end for s in spans))


def span_of(token: Token) -> Span:
    """A token's offsets as a span."""
    return Span(token.start, token.end)


_OPENERS = frozenset("“‘\"'([«")
_SENTENCE_END = frozenset(".!?:;")


def opens_sentence(text: str, token: Token, sentence_starts: frozenset[int]) -> bool:
    """Whether a word opens a sentence or a quotation (so its capital says nothing)."""
    position = token.start
    while position > 0 and text[position - 1] in _OPENERS:
        position -= 1
    if position in sentence_starts or position == 0:
        return True
    before = text[max(0, position - 3) : position].rstrip()
    return position != token.start or (bool(before) and before[-1] in _SENTENCE_END)


def sentence_starts(article: Article, indexes: Sequence[int]) -> frozenset[int]:
    """Start offsets of the given sentences."""
    return frozenset(article.sentences[i].start for i in indexes)


@dataclass(frozen=True, slots=True)
class Term:
    """One occurrence of a compared term."""

    key: str
    span: Span
    label: str
    """How the term reads in an explanation."""
    value: str = ""
    """What the term stands for without its qualifier ("3" for "up to three"); the key
    when empty."""

    @property
    def bare(self) -> str:
        """The term's value, qualifier aside."""
        return self.value or self.key
