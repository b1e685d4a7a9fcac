"""Paragraphs and sentences of news text, as offsets into the original.

News text defeats naive splitters: "Mr. Reed", "Dexter Reed Jr.", "St. Louis", "U.S.",
initials, "$48.5", and quotations that end a sentence inside the marks ("…now!” she
screams"). The rules here: a sentence ends at ``.``, ``!``, ``?`` or an ellipsis, with any
closing quotes or brackets, followed by white space and a word that starts with a capital
or a digit (an opening quote may come first). A title such as "Mr." never ends one; a
word such as "Jr.", "St.", an initial or "U.S." ends one only when the next word is one
that usually opens a sentence ("The", "He", "But"…). A lower-case word never starts one,
so a machine-spun "Kim Foxx. he said" stays whole for the drift stage to flag.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from viewer.model import Sentence, Span
from viewer.text.chunks import bounded_spans

__all__ = ["ABBREVIATIONS", "paragraph_spans", "segment", "sentence_spans"]

_BLANK_LINE = re.compile(r"\n[ \t\f\v\r\u00a0]*\n\s*")
_LINE = re.compile(r"[^\n]*\n?")
_BLOCK_START = re.compile(r"\s*(?:#{1,6}\s|[-*+•]\s|\d{1,3}[.)]\s|>\s?)")
# The look-behind starts a match only at the first mark of a run: without it a long run
# of marks not followed by a space is scanned again from every mark in it (quadratic).
_FINAL = re.compile(r"(?<![.!?…])[.!?…]+[\"'”’»)\]]*(?=\s)")
_NEXT_WORD = re.compile(r"\s+[\"'“‘«(\[]*(\S+)")
_WORD_BEFORE = re.compile(r"(\S+)$")

_NEVER_END = frozenset(
    # Titles and ranks written before a name, singular and plural ("Reps. Ann and Bob").
    "mr mrs ms mx dr prof gen sen rep gov lt col sgt capt cmdr comdr cdr adm maj supt det "
    "insp rev hon messrs mmes fr pres atty gen. rep. sen. ald cpl pvt pfc spc ofc brig "
    "msgr tpr dep asst amb dist ens gens sens reps govs lts sgts cpls pvts alds drs profs".split()
)
_MAYBE_END = frozenset(
    # Words that usually stand inside a name ("Mt. Vernon", "Smith Bros. Ltd.") but may
    # close a sentence. US state abbreviations are left out: before a capital they
    # mostly do end one ("in Peoria, Ill. Officials said").
    "jr sr st ste ave rd blvd inc corp co ltd llc etc jan feb mar apr jun jul aug sep "
    "sept oct nov dec no nos vs dept univ est approx fig vol ph.d ft mt mtn pt hwy rte "
    "ln ct pl sq pkwy cir bros assn intl natl ret".split()
)
ABBREVIATIONS = _NEVER_END | _MAYBE_END
"""Words a full stop may end inside a sentence, folded, without the stop."""
_STARTERS = frozenset(
    "The A An He She It They We I You But And Or So This That These Those In On At "
    "His Her Their Its Our My Your There Then When While After Before As If Yet Still "
    "However Meanwhile Police Officials Authorities Some Many One Two Three No Now".split()
)
_MIN_SOFT_LINE = 0.7
"""A line shorter than this share of its block's longest line ends a paragraph
(a caption or heading above text), rather than being a soft wrap."""


def segment(text: str, skip: Sequence[Span] = ()) -> tuple[tuple[Span, ...], tuple[Sentence, ...]]:
    """Paragraphs and sentences of ``text``, leaving out the ``skip`` spans.

    Args:
        text: the article's original text.
        skip: ranges that are not body text (a title line, a dateline, a byline); no
            paragraph or sentence covers any character of them.
    """
    paragraphs = tuple(_without(paragraph_spans(text), skip, text))
    sentences: list[Sentence] = []
    for number, paragraph in enumerate(paragraphs):
        for start, end in sentence_spans(text, paragraph):
            sentences.append(Sentence(len(sentences), start, end, number, text[start:end]))
    return paragraphs, tuple(sentences)


def paragraph_spans(text: str) -> list[Span]:
    """Paragraphs: blocks between blank lines, a text without blank lines by line."""
    if not _BLANK_LINE.search(text):
        return [s for s in _trimmed(_lines(text), text)]
    spans: list[Span] = []
    position = 0
    for gap in _BLANK_LINE.finditer(text):
        spans.extend(_split_block(text, position, gap.start()))
        position = gap.end()
    spans.extend(_split_block(text, position, len(text)))
    return list(_trimmed(spans, text))


def sentence_spans(text: str, paragraph: Span) -> Iterator[Span]:
    """The sentences of one paragraph, trimmed of surrounding white space; a run longer
    than :data:`~viewer.text.chunks.MAX_WORDS` words is cut into bounded pieces."""
    for sentence in _sentences(text, paragraph):
        yield from bounded_spans(text, sentence)


def _sentences(text: str, paragraph: Span) -> Iterator[Span]:
    """The sentences of one paragraph as the punctuation marks them."""
    start = paragraph.start
    for final in _FINAL.finditer(text, paragraph.start, paragraph.end):
        if _ends_sentence(text, final.start(), final.end(), paragraph.end):
            trimmed = _trim(text, start, final.end())
            if trimmed is not None:
                yield trimmed
            start = final.end()
    trimmed = _trim(text, start, paragraph.end)
    if trimmed is not None:
        yield trimmed


def _ends_sentence(text: str, mark: int, after: int, limit: int) -> bool:
    """Whether the punctuation at ``text[mark:after]`` closes a sentence."""
    following = _NEXT_WORD.match(text, after, limit)
    if following is None:
        return False
    word = following.group(1)
    if not (word[0].isupper() or word[0].isdigit()):
        return False
    if text[mark] != ".":
        return True
    before = _WORD_BEFORE.search(text, max(0, mark - 40), mark)
    if before is None:
        return True
    return _period_ends(before.group(1), word)


def _period_ends(word: str, following: str) -> bool:
    """Whether a period after ``word`` ends the sentence, given the next word."""
    key = word.lstrip("\"'“‘(").lower()
    if key in _NEVER_END:
        return False
    if following[0].isdigit() and key in {"no", "nos", "vol", "fig"}:
        return False
    initial = len(key) == 1 and key.isalpha()
    dotted = "." in key and all(p.isalpha() and len(p) <= 2 for p in key.split(".") if p)
    if key in _MAYBE_END or initial or dotted:
        return following.strip("\"'“‘(,;:") in _STARTERS
    return True


def _lines(text: str) -> list[Span]:
    return [Span(m.start(), m.end()) for m in _LINE.finditer(text) if m.end() > m.start()]


def _split_block(text: str, start: int, end: int) -> list[Span]:
    """A block between blank lines, split where a line clearly is not a soft wrap."""
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text, start, end) if m.end() > m.start()]
    if len(lines) <= 1:
        return [Span(start, end)]
    widths = [len(text[s:e].strip()) for s, e in lines]
    bar = _MIN_SOFT_LINE * max(widths)
    spans: list[Span] = []
    current = lines[0][0]
    for k in range(1, len(lines)):
        line_start, line_end = lines[k]
        if widths[k - 1] < bar or _BLOCK_START.match(text, line_start, line_end):
            spans.append(Span(current, lines[k - 1][1]))
            current = line_start
    spans.append(Span(current, end))
    return spans


def _trim(text: str, start: int, end: int) -> Span | None:
    """``text[start:end]`` without leading and trailing white space; ``None`` if empty."""
    if start < end and not (text[start].isspace() or text[end - 1].isspace()):
        return Span(start, end)
    chunk = text[start:end]
    kept = chunk.strip()
    if not kept:
        return None
    start += len(chunk) - len(chunk.lstrip())
    return Span(start, start + len(kept))


def _trimmed(spans: Sequence[Span], text: str) -> Iterator[Span]:
    """Each span without its leading and trailing white space; empty ones dropped."""
    for start, end in spans:
        trimmed = _trim(text, start, end)
        if trimmed is not None:
            yield trimmed


def _without(spans: Sequence[Span], skip: Sequence[Span], text: str) -> Iterator[Span]:
    """The parts of ``spans`` outside every ``skip`` span, trimmed (``spans`` are)."""
    cuts = sorted(s for s in skip if s.end > s.start)
    for span in spans:
        if not any(cut.start < span.end and cut.end > span.start for cut in cuts):
            yield span
            continue
        pieces = [span]
        for cut in cuts:
            pieces = [p for piece in pieces for p in _cut(piece, cut)]
        yield from _trimmed(pieces, text)


def _cut(span: Span, cut: Span) -> list[Span]:
    if cut.end <= span.start or cut.start >= span.end:
        return [span]
    return [Span(span.start, cut.start), Span(cut.end, span.end)]
