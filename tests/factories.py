"""Articles and comparisons built by hand, so report and CLI tests need no real pipeline.

The segmentation and diff here are deliberately naive (sentences end at ``.!?``, the diff
is difflib over word tokens); they only have to produce values shaped like the real ones:
offsets that slice the text, edits that rebuild both sides.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

from viewer.model import (
    AlignedPair,
    Article,
    Comparison,
    Edit,
    EditOp,
    MetaField,
    PairKind,
    Sentence,
    Span,
)

_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\n)[^\n]*)*")
_SENTENCE = re.compile(r"[^\s.!?][^.!?]*(?:[.!?]+[\"”’)]*|$)")
_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")

HOSTILE = (
    "Plain start \x1b[31mred\x1b[0m and \x1b]8;;https://evil.example\x07link\x1b]8;;\x07 "
    "then [bold red]markup[/] and [@click=app.quit]quit[/] and <script>alert(1)</script> "
    'with <img src=x onerror="alert(2)"> and [a link](https://evil.example) and \x9b2J.'
)
"""Text that would act as terminal codes, rich markup, HTML or Markdown if shown raw."""


def _sentences(text: str, paragraphs: Sequence[Span]) -> tuple[Sentence, ...]:
    found: list[Sentence] = []
    for number, (start, end) in enumerate(paragraphs):
        for match in _SENTENCE.finditer(text, start, end):
            piece = match.group().rstrip()
            if piece:
                span = Span(match.start(), match.start() + len(piece))
                found.append(Sentence(len(found), span.start, span.end, number, piece))
    return tuple(found)


def make_article(
    text: str,
    *,
    id: str = "article",
    title: str = "A title",
    path: str = "article.txt",
    source: str | None = "Wire",
    date: str | None = "2024-04-09",
    url: str | None = None,
    author: str | None = None,
    metadata: tuple[MetaField, ...] = (),
    record: int | None = None,
) -> Article:
    """An article whose paragraphs and sentences come from a naive split of ``text``."""
    paragraphs = tuple(Span(m.start(), m.end()) for m in _PARAGRAPH.finditer(text))
    return Article(
        id=id,
        path=path,
        text=text,
        title=title,
        source=source,
        url=url,
        date=date,
        author=author,
        format="text",
        encoding="utf-8",
        metadata=metadata,
        paragraphs=paragraphs,
        sentences=_sentences(text, paragraphs),
        record=record,
    )


def _span(article: Article, indexes: Sequence[int]) -> Span | None:
    if not indexes:
        return None
    return Span(article.sentences[indexes[0]].start, article.sentences[indexes[-1]].end)


def _tokens(text: str, offset: int) -> list[tuple[int, int, str]]:
    return [(offset + m.start(), offset + m.end(), m.group()) for m in _TOKEN.finditer(text)]


def word_edits(a: str, a_span: Span | None, b: str, b_span: Span | None) -> tuple[Edit, ...]:
    """A token edit script from ``a[a_span]`` to ``b[b_span]``; replacements are a
    delete followed by an insert."""
    a0, a1 = a_span or (0, 0)
    b0, b1 = b_span or (0, 0)
    ta, tb = _tokens(a[a0:a1], a0), _tokens(b[b0:b1], b0)
    matcher = difflib.SequenceMatcher(None, [t[2] for t in ta], [t[2] for t in tb], False)
    edits: list[Edit] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        s_a = ta[i1][0] if i1 < len(ta) else a1
        e_a = ta[i2 - 1][1] if i2 > i1 else s_a
        s_b = tb[j1][0] if j1 < len(tb) else b1
        e_b = tb[j2 - 1][1] if j2 > j1 else s_b
        if tag == "equal":
            edits.append(Edit(EditOp.EQUAL, s_a, e_a, s_b, e_b, a[s_a:e_a], b[s_b:e_b]))
            continue
        if e_a > s_a:
            edits.append(Edit(EditOp.DELETE, s_a, e_a, s_b, s_b, a[s_a:e_a], ""))
        if e_b > s_b:
            edits.append(Edit(EditOp.INSERT, e_a, e_a, s_b, e_b, "", b[s_b:e_b]))
    return tuple(edits)


def make_pair(
    a: Article, b: Article, kind: PairKind, a_idx: Sequence[int], b_idx: Sequence[int]
) -> AlignedPair:
    """The pair of sentences ``a_idx`` of A and ``b_idx`` of B, diffed word by word."""
    a_span, b_span = _span(a, a_idx), _span(b, b_idx)
    edits = word_edits(a.text, a_span, b.text, b_span)
    score = 0.0
    if a_span and b_span:
        a_text, b_text = a.text[a_span.start : a_span.end], b.text[b_span.start : b_span.end]
        score = difflib.SequenceMatcher(None, a_text, b_text, False).ratio()
    return AlignedPair(kind, tuple(a_idx), tuple(b_idx), score, edits, a_span, b_span)


Layout = Sequence[tuple[PairKind, Sequence[int], Sequence[int]]]


def make_comparison(a: Article, b: Article, layout: Layout | None = None) -> Comparison:
    """A comparison with the given pairs; by default sentence ``i`` of A matches sentence
    ``i`` of B, and what is left over is dropped or added."""
    if layout is None:
        common = min(len(a.sentences), len(b.sentences))
        layout = [(PairKind.MATCH, [i], [i]) for i in range(common)]
        layout += [(PairKind.DROPPED, [i], []) for i in range(common, len(a.sentences))]
        layout += [(PairKind.ADDED, [], [i]) for i in range(common, len(b.sentences))]
    pairs = tuple(make_pair(a, b, kind, a_idx, b_idx) for kind, a_idx, b_idx in layout)
    scored = [pair.score for pair in pairs]
    similarity = sum(scored) / len(scored) if scored else 0.0
    return Comparison(a, b, pairs, similarity)


A_TEXT = (
    "Police fired 96 shots in 41 seconds. The driver was stopped for a seatbelt.\n\n"
    "“Roll the window down,” she said. Officials declined to comment."
)
B_TEXT = (
    "Police fired 69 shots in under a minute. The driver was stopped for a seatbelt.\n\n"
    "“Roll down the window,” he said. A lawyer for the family spoke on Tuesday."
)


def sample_comparison() -> Comparison:
    """Two short versions of one story, with a changed number, a swapped pronoun, a
    reworded quote, an identical sentence, and one sentence dropped and one added."""
    a = make_article(A_TEXT, id="wire-police", title="Police fire 96 shots", path="a.txt")
    b = make_article(
        B_TEXT, id="partner-police", title="Police fire 69 shots", path="b.txt", source=None
    )
    layout: Layout = [
        (PairKind.MATCH, [0], [0]),
        (PairKind.MATCH, [1], [1]),
        (PairKind.MATCH, [2], [2]),
        (PairKind.DROPPED, [3], []),
        (PairKind.ADDED, [], [3]),
    ]
    return make_comparison(a, b, layout)


def hostile_comparison() -> Comparison:
    """A comparison whose titles, ids, paths, metadata and sentences all carry
    :data:`HOSTILE` text."""
    meta = (MetaField("byline", HOSTILE, None),)

    def hostile(text: str, id: str, path: str) -> Article:
        return make_article(
            text,
            id=id,
            path=path,
            title=HOSTILE,
            source=HOSTILE,
            date=HOSTILE,
            url=HOSTILE,
            author=HOSTILE,
            metadata=meta,
        )

    a = hostile(f"Calm words here. {HOSTILE}", HOSTILE, HOSTILE)
    b = hostile(f"Calm words there. {HOSTILE} Added <b>bold</b>.", "b", "b.txt")
    return make_comparison(a, b)
