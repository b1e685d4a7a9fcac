"""Quotations in an article, and the rule that flags a quotation altered.

Quotation marks are read per paragraph: a curly opening mark opens, a curly closing mark
closes, a straight double mark toggles. News style leaves a quotation open at the end of
a paragraph when it runs on, and a spun copy often loses a closing mark; both count as
quoted to the end of the paragraph. A closing mark with no opening one before it in the
paragraph closes a quotation that began with the paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from viewer.model import Article, Drift, DriftKind, Severity, Span, Token
from viewer.pairwise.drift.context import Hunk, PairContext, Quotes, enclosing, span_of
from viewer.prepare.similarity import stem
from viewer.text.stopwords import STOPWORDS

_OPEN = "“«„"
_CLOSE = "”»"
_MARK = re.compile(f'[{_OPEN}{_CLOSE}"]')
"""Any quotation mark: the reader visits only these characters of a paragraph."""


def quotations(article: Article) -> Quotes:
    """The quoted stretches of an article's paragraphs, marks included."""
    spans: list[Span] = []
    unsure: list[Span] = []
    for paragraph in article.paragraphs:
        for span, sure in _paragraph_quotes(article.text, paragraph):
            spans.append(span)
            if not sure:
                unsure.append(span)
    return Quotes.of(spans, unsure)


def _paragraph_quotes(text: str, paragraph: Span) -> Iterator[tuple[Span, bool]]:
    """Each quoted stretch, and whether its marks pair up: one ended by a second opening
    mark (``sad “to see “a part of us``) is a typing slip or a nesting, which is unsure."""
    opened: int | None = None
    for mark in _MARK.finditer(text, paragraph.start, paragraph.end):
        position, ch = mark.start(), mark.group()
        if ch in _OPEN or (ch == '"' and opened is None):
            if opened is not None and ch in _OPEN:
                yield Span(opened, position), False
            opened = position
        elif ch in _CLOSE or ch == '"':
            yield Span(paragraph.start if opened is None else opened, position + 1), True
            opened = None
    if opened is not None:
        yield Span(opened, paragraph.end), True


def quote_flags(context: PairContext) -> Iterator[Drift]:
    """Words changed inside a quotation, and words moved into or out of one."""
    if not _near_quote(context):
        return  # no word or hunk of the pair can stand in a quotation: nothing to read
    yield from _changed_inside(context)
    yield from _quotedness_changed(context)


def _near_quote(context: PairContext) -> bool:
    """Whether a quotation of either side reaches the pair's words or the places of its
    hunks, the only positions the quote rule looks up."""
    a_span, b_span = context.pair.a_span, context.pair.b_span
    assert a_span is not None and b_span is not None
    a_start = min([a_span.start, *(h.a_span.start for h in context.hunks)])
    a_end = max([a_span.end, *(h.a_span.end for h in context.hunks)])
    b_start = min([b_span.start, *(h.b_span.start for h in context.hunks)])
    b_end = max([b_span.end, *(h.b_span.end for h in context.hunks)])
    return context.a_quotes.touches(a_start, a_end) or context.b_quotes.touches(b_start, b_end)


Change = tuple[Hunk, list[Token], list[Token]]
"""A hunk inside a quotation, with the words it took out of A and put into B."""


def _changed_inside(context: PairContext) -> Iterator[Drift]:
    """One flag per quotation whose words changed, listing each change."""
    groups: dict[int, list[Change]] = {}
    owner: dict[tuple[int, Span], int] = {}
    for k, hunk in enumerate(context.hunks):
        gone, new = list(context.gone_words(k)), list(context.new_words(k))
        if _joined(gone) == _joined(new):
            continue  # only typography, punctuation or spacing ("seat belt") changed
        gone, new = _quoted_parts(context, gone, new)
        if _joined(gone) == _joined(new):
            continue  # only words outside the quotation changed ("X said that “…")
        if not gone and _outside_quotes(context, new):
            continue  # words put after B's closing mark, where A's mark came later
        quote_a = _quote_at(context.a_quotes, gone, hunk.a_span)
        quote_b = _quote_at(context.b_quotes, new, hunk.b_span)
        if quote_a is None and not (quote_b is not None and _adds_quote_mark(context, hunk)):
            continue
        # One flag per quotation: a change joins the group of the quotation it stands in
        # on either side, so a reworded quotation whose marks moved is one finding.
        keys = [(side, q) for side, q in ((0, quote_a), (1, quote_b)) if q is not None]
        group = next((owner[key] for key in keys if key in owner), len(groups))
        groups.setdefault(group, []).append((hunk, gone, new))
        for key in keys:
            owner.setdefault(key, group)
    for changes in groups.values():
        yield _quote_flag(context, changes)


def _quoted_parts(
    context: PairContext, gone: list[Token], new: list[Token]
) -> tuple[list[Token], list[Token]]:
    """A hunk's words on each side, kept to those inside a quotation when both sides
    quote some of them: a speaker named before the opening mark ("the engineer said
    that “salt…") stands outside the quotation, and its words are not the quote's. Where
    one side quotes none of its words, the quotation was turned into reported speech
    (or back), and all the words count."""
    gone_quoted = [t for t in gone if context.a_quotes.covering(t.start) is not None]
    new_quoted = [t for t in new if context.b_quotes.covering(t.start) is not None]
    if gone_quoted and new_quoted:
        return gone_quoted, new_quoted
    return gone, new


def _outside_quotes(context: PairContext, new: list[Token]) -> bool:
    """Whether words B put in stand outside every quotation of B's side, which does
    quote: "…organized,” she said in a statement" where A's quotation ran to "organized.”"
    puts the words at A's closing mark, but B left them outside its own quotation."""
    side = context.pair.b_span
    assert side is not None
    quoted = any(q.start < side.end and side.start < q.end for q in context.b_quotes.spans)
    return quoted and all(context.b_quotes.covering(t.start) is None for t in new)


def _quote_at(quotes: Quotes, tokens: list[Token], place: Span) -> Span | None:
    """The quotation holding the changed words, or the place of a pure insertion."""
    for token in tokens:
        if (quote := quotes.covering(token.start)) is not None:
            return quote
    if tokens:
        return None
    # Words put in (or taken out) right before an opening mark stand outside the quote.
    quote = quotes.covering(place.start)
    return quote if quote is not None and quote.start < place.start else None


def _adds_quote_mark(context: PairContext, hunk: Hunk) -> bool:
    """Whether B's side of a hunk brings in a quotation mark A did not have there (a
    curly mark for a straight one is the same mark)."""
    a_side = context.a.text[hunk.a_span.start : hunk.a_span.end]
    b_side = context.b.text[hunk.b_span.start : hunk.b_span.end]
    return len(_MARK.findall(b_side)) > len(_MARK.findall(a_side))


def _joined(tokens: list[Token]) -> str:
    return "".join(t.norm for t in tokens).replace("-", "")


_NEGATED = "n't"
"""How a contracted negation ends once folded: "hadn't" is "had not", function words both."""


def _content(tokens: list[Token]) -> set[str]:
    """The stems of a run's content words: function words, pronouns and the auxiliaries
    of contracted negations left out ("hadn't" and "had not" say the same), so direct
    speech and its report ("we would" and "they would") compare by what is said."""
    stems: set[str] = set()
    for token in tokens:
        word = token.norm
        if word.endswith(_NEGATED):
            continue  # an auxiliary and "not": both function words
        if word not in STOPWORDS:
            stems.add(stem(word))
    return stems


def _quote_flag(context: PairContext, changes: list[Change]) -> Drift:
    gone = [t for _, g, _ in changes for t in g]
    new = [t for _, _, n in changes for t in n]
    content = _content(gone) != _content(new)
    cut = not new and not _quoted_in_b(context, changes)
    if sorted(t.norm for t in gone) == sorted(t.norm for t in new):
        listed = "the same words were reordered"
    else:
        listed = "; ".join(_describe(g, n) for _, g, n in changes)
    minor = "" if content else " (word order, inflection or function words only)"
    why = f"A quotation was altered{minor}: {listed}."
    if cut:
        # Nothing stands in its place inside quotation marks: B quotes less, and puts
        # no words in anyone's mouth (a claim cut, not a misquotation).
        why = f"A quotation was cut: {listed}."
    return context.flag(
        DriftKind.QUOTE_ALTERED,
        Severity.HIGH if content and not cut else Severity.MEDIUM,
        _side_span(context.a.text, changes, 0),
        _side_span(context.b.text, changes, 1),
        why,
    )


def _quoted_in_b(context: PairContext, changes: list[Change]) -> bool:
    """Whether any change's place on B's side stands inside a quotation of B."""
    return any(
        context.b_quotes.covering(hunk.b_span.start) is not None
        or context.b_quotes.covering(max(hunk.b_span.start - 1, 0)) is not None
        for hunk, _, _ in changes
    )


def _side_span(text: str, changes: list[Change], side: int) -> Span:
    """The smallest span of one side covering every change of a quotation: the changed
    words, and the place of each hunk that has none on this side. A reorder ("the
    window down" → "down the window") is a deletion in one place and an insertion in
    another, so the span covers the words moved across, never one word on each side."""
    spans: list[Span] = []
    for hunk, gone, new in changes:
        words = gone if side == 0 else new
        if words:
            spans.extend(span_of(t) for t in words)
        else:
            place = (hunk.a_span if side == 0 else hunk.b_span).start
            spans.append(Span(place, place))
    start, end = enclosing(spans)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def _describe(gone: list[Token], new: list[Token]) -> str:
    before = " ".join(t.text for t in gone)
    after = " ".join(t.text for t in new)
    if gone and new:
        return f"“{before}” became “{after}”"
    return f"“{before}” removed" if gone else f"“{after}” added"


def _quotedness_changed(context: PairContext) -> Iterator[Drift]:
    """Kept words that are quoted on one side and not on the other."""
    run: list[tuple[Span, Span, bool]] = []
    for a_token, b_token in _kept_words(context):
        a_quote = context.a_quotes.covering(a_token.start)
        b_quote = context.b_quotes.covering(b_token.start)
        if a_quote in context.a_quotes.unsure or b_quote in context.b_quotes.unsure:
            yield from _quotedness_flag(context, run)  # marks that do not pair up say nothing
            run = []
            continue
        in_a, in_b = a_quote is not None, b_quote is not None
        if in_a != in_b and (not run or run[-1][2] == in_a):
            run.append((span_of(a_token), span_of(b_token), in_a))
            continue
        yield from _quotedness_flag(context, run)
        run = [(span_of(a_token), span_of(b_token), in_a)] if in_a != in_b else []
    yield from _quotedness_flag(context, run)


def _quotedness_flag(context: PairContext, run: list[tuple[Span, Span, bool]]) -> Iterator[Drift]:
    """One flag for a run of kept words that changed sides of the quotation marks.

    Words taken into quotation marks put them in someone's mouth: high. Words let out of
    them are still the speaker's words, still attributed (a scraper that strips every
    quotation mark does this to a whole story): medium; the words the run holds that
    changed are the altered-quotation rule's, which flags them high.
    """
    if len(run) < 2:
        return
    was_quoted = run[0][2]
    yield context.flag(
        DriftKind.QUOTE_ALTERED,
        Severity.MEDIUM if was_quoted else Severity.HIGH,
        enclosing([r[0] for r in run]),
        enclosing([r[1] for r in run]),
        "Words quoted in A stand outside quotation marks in B (the marks were dropped, or "
        "direct speech made indirect)."
        if was_quoted
        else "Words not quoted in A are inside quotation marks in B (narration or paraphrase "
        "presented as a quotation).",
    )


def _kept_words(context: PairContext) -> Iterator[tuple[Token, Token]]:
    """Pairs of A and B word tokens that the edit script keeps unchanged, in order."""
    a_kept = [
        t for t, changed in zip(context.a_words, context.held.a_changed, strict=True) if not changed
    ]
    b_kept = [
        t for t, changed in zip(context.b_words, context.held.b_changed, strict=True) if not changed
    ]
    if len(a_kept) == len(b_kept):
        yield from zip(a_kept, b_kept, strict=True)
