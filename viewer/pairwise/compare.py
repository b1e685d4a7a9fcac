"""Compare two articles: align their sentences, then diff each aligned pair by word."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from viewer.model import AlignedPair, Article, Comparison, Edit, EditOp, PairKind, Sentence, Span
from viewer.pairwise.align import Link, align_sentences
from viewer.pairwise.diff import diff_spans
from viewer.pairwise.drift import classify

__all__ = ["compare"]


def compare(a: Article, b: Article, known_boilerplate: Collection[str] = ()) -> Comparison:
    """Align ``a`` and ``b`` by sentence, diff each pair by word, classify the drift.

    Args:
        a: the base (a source, or the version trusted).
        b: the other version.
        known_boilerplate: folded sentences a corpus audit found recurring across
            unrelated articles, treated as boilerplate by the drift rules.
    """
    links = align_sentences([s.text for s in a.sentences], [s.text for s in b.sentences])
    pairs: list[AlignedPair] = []
    a_cursor = b_cursor = 0
    for link in links:
        pair = _pair(link, a, b, a_cursor, b_cursor)
        pairs.append(pair)
        if pair.a_span is not None and pair.kind is not PairKind.MOVED:
            a_cursor = pair.a_span.end
        if pair.b_span is not None:
            b_cursor = pair.b_span.end
    return classify(Comparison(a, b, tuple(pairs), _similarity(pairs, a, b)), known_boilerplate)


def _span(sentences: Sequence[Sentence], indexes: tuple[int, ...]) -> Span | None:
    if not indexes:
        return None
    return Span(sentences[indexes[0]].start, sentences[indexes[-1]].end)


def _pair(link: Link, a: Article, b: Article, a_cursor: int, b_cursor: int) -> AlignedPair:
    """One aligned pair with its edit script; lone sides get a whole insert or delete.

    ``a_cursor`` and ``b_cursor`` are where the previous pair ended in each text: the
    place an added sentence is inserted into A, or a dropped one deleted from B.
    """
    a_span = _span(a.sentences, link.a)
    b_span = _span(b.sentences, link.b)
    edits: tuple[Edit, ...]
    if a_span and b_span:
        edits = diff_spans(a.text, a_span.start, a_span.end, b.text, b_span.start, b_span.end)
    elif b_span:
        edits = (Edit(EditOp.INSERT, a_cursor, a_cursor, *b_span, "", b.text[slice(*b_span)]),)
    elif a_span:
        edits = (Edit(EditOp.DELETE, *a_span, b_cursor, b_cursor, a.text[slice(*a_span)], ""),)
    else:  # pragma: no cover - the aligner never makes an empty link
        edits = ()
    return AlignedPair(link.kind, link.a, link.b, round(link.score, 6), edits, a_span, b_span)


def _similarity(pairs: Sequence[AlignedPair], a: Article, b: Article) -> float:
    """Score-weighted share of both articles' sentence text that is aligned."""
    total = sum(len(s.text) for s in a.sentences) + sum(len(s.text) for s in b.sentences)
    if total == 0:
        return 1.0
    aligned = 0.0
    for pair in pairs:
        size = sum(len(a.sentences[i].text) for i in pair.a) + sum(
            len(b.sentences[j].text) for j in pair.b
        )
        aligned += pair.score * size
    return round(aligned / total, 6)
