"""What every report needs to know about the pairs of a comparison, computed once here."""

from __future__ import annotations

from viewer.figures import percent_label
from viewer.model import AlignedPair, Article, Comparison, Edit, EditOp, PairKind, Span

__all__ = [
    "article_fields",
    "kind_counts",
    "pair_changed",
    "pair_edits",
    "pair_percent",
    "percent_label",
    "score_label",
    "sentence_refs",
    "similarity_label",
    "span_text",
]


def location(article: Article) -> str:
    """Where the article came from: its path, and ``#N`` for record N (from 1) of a JSON
    array or JSON Lines file."""
    return article.path if article.record is None else f"{article.path} #{article.record + 1}"


def article_fields(article: Article) -> list[tuple[str, str | None]]:
    """What a report header shows of an article, as (name, value) in display order."""
    return [
        ("title", article.title),
        ("id", article.id),
        ("path", location(article)),
        ("source", article.source),
        ("date", article.date),
        ("url", article.url),
        ("author", article.author),
    ]


def span_text(article: Article, span: Span | None) -> str:
    """The article's text in ``span``; empty when there is no span."""
    return "" if span is None else article.text[span.start : span.end]


def pair_edits(comparison: Comparison, pair: AlignedPair) -> tuple[Edit, ...]:
    """The pair's edit script; for a pair that carries none, one delete of its A text
    followed by one insert of its B text, so an added or dropped sentence still shows."""
    if pair.edits:
        return pair.edits
    edits: list[Edit] = []
    a_text = span_text(comparison.a, pair.a_span)
    b_text = span_text(comparison.b, pair.b_span)
    a_start, a_end = pair.a_span or (0, 0)
    b_start, b_end = pair.b_span or (0, 0)
    if a_text:
        edits.append(Edit(EditOp.DELETE, a_start, a_end, b_start, b_start, a_text, ""))
    if b_text:
        edits.append(Edit(EditOp.INSERT, a_end, a_end, b_start, b_end, "", b_text))
    return tuple(edits)


def kind_counts(comparison: Comparison) -> dict[PairKind, int]:
    """How many pairs of each kind, every kind present (in declaration order)."""
    counts = dict.fromkeys(PairKind, 0)
    for pair in comparison.pairs:
        counts[pair.kind] += 1
    return counts


def score_label(score: float, *, exact: bool = True) -> str:
    """A score to two places; ``1.00`` only for a score of exactly 1 that stands for an
    identity (``exact``): a changed pair shows at most ``0.99``, however alike."""
    if score >= 1 and exact:
        return "1.00"
    return "0.99" if score >= 0.995 else f"{score:.2f}"


def pair_changed(pair: AlignedPair) -> bool:
    """Whether a pair's two sides differ in any character (so its score is no identity)."""
    return not (
        pair.a and pair.b and all(e.op is EditOp.EQUAL and e.a_text == e.b_text for e in pair.edits)
    )


def pair_percent(pair: AlignedPair) -> str:
    """A pair's score as a percentage: ``100%`` only when its two sides are identical."""
    return percent_label(pair.score, exact=not pair_changed(pair))


def similarity_label(comparison: Comparison) -> str:
    """A comparison's similarity as a percentage: ``100%`` only when no pair changed."""
    changed = any(pair_changed(pair) for pair in comparison.pairs)
    return percent_label(comparison.similarity, exact=not changed)


def _numbers(indexes: tuple[int, ...]) -> str:
    """Sentence indexes counted from 1, as ``3`` or ``3–4`` or ``3,7``."""
    shown = [index + 1 for index in indexes]
    if len(shown) > 1 and shown == list(range(shown[0], shown[-1] + 1)):
        return f"{shown[0]}\u2013{shown[-1]}"
    return ",".join(str(number) for number in shown)


def sentence_refs(pair: AlignedPair, joiner: str = " → ") -> str:
    """Which sentences the pair holds, counted from 1, e.g. ``A3 → B4–5`` or ``B7``."""
    parts = []
    if pair.a:
        parts.append(f"A{_numbers(pair.a)}")
    if pair.b:
        parts.append(f"B{_numbers(pair.b)}")
    return joiner.join(parts)
