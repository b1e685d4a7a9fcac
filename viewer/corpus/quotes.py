"""Quotations: where they stand, who said them, and which recur across articles.

A quotation is the text between double quotation marks, straight or curly, as the drift
stage reads them (:func:`viewer.pairwise.drift.quotes.quotations`: a mark still open at a
paragraph's end closes there, as news style leaves a quote open when it goes on in the
next paragraph). Each quotation is cut into its sentences
("pieces"), because copies quote different extents of one statement: one article quotes
three sentences of a police statement, another only the last.

Pieces that recur across articles are grouped into quote families: candidates come from
the same exact keys and stem sketches as sentences (:mod:`viewer.prepare.fingerprint`),
and a pair joins when its folded texts are alike by ``rapidfuzz`` (``QUOTE_MATCH``, or
``SHORT_QUOTE_MATCH`` for short pieces, where one changed word weighs more).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np
from rapidfuzz import fuzz, utils

from viewer.corpus.groups import Groups
from viewer.model import Article, Span
from viewer.pairwise.drift.quotes import quotations as marked_quotations
from viewer.prepare.fingerprint import content_stems, exact_key, sentence_words, sketch_keys
from viewer.text.segment import sentence_spans

__all__ = [
    "QUOTE_MATCH",
    "SHORT_QUOTE_MATCH",
    "Quote",
    "QuoteFamily",
    "quotation_spans",
    "quotations",
    "quote_families",
    "quoted_shares",
]

MIN_QUOTE_WORDS = 3
"""Pieces shorter than this (scare quotes, a quoted name) are not tracked."""
SHORT_WORDS = 6
QUOTE_MATCH = 80.0
"""rapidfuzz similarity (0-100, best of plain and word-order-free ratio) at which two
pieces of at least ``SHORT_WORDS`` words are variants of one quote."""
SHORT_QUOTE_MATCH = 90.0
"""The same for shorter pieces: "What are you doing?" and "Where are you going?" score 81."""
_BUCKET_CAP = 200
"""A bucket with more pieces than this is chained, not paired all against all."""

_MARKS = frozenset('"“”„«»')
_TRAILING = ",;: \t\n"
_VERBS = (
    r"(?:said|says|told|tells|asked|asks|added|adds|wrote|writes|stated|states|explained|"
    r"explains|noted|notes|shouted|shouts|screamed|screams|yelled|yells|replied|replies|"
    r"continued|continues|recalled|recalls|declared|declares|announced|announces|claimed|"
    r"claims|insisted|insists|warned|warns)"
)
_WHEN = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|Yesterday|Tonight|"
    r"January|February|March|April|June|July|August|September|October|November|December)"
)
"""Capitalised words of time, which stand where a speaker's name would ("said Tuesday");
not "May", which is also a name."""
_WORD = rf"(?!{_WHEN}\b)[A-Z][\w’'.\-]*"
_NAME = rf"{_WORD}(?: (?:{_WORD}|of|de|van|von))*"
_NOUN = r"(?:[Tt]he|[Aa]n?) [\w’'\-]+(?: [\w’'\-]+){0,3}?"
_WHO = rf"(?P<who>{_NAME}|{_NOUN}|[Hh]e|[Ss]he|[Tt]hey|[Ii]t)"
_AT = rf"(?: (?:on |last |this )?{_WHEN})?"
"""A time between the verb and the speaker: "said Tuesday the mayor"."""
_AFTER_WHO_VERB = re.compile(rf"[\s,]*{_WHO}(?: \w+ly)? {_VERBS}\b")
_AFTER_VERB_WHO = re.compile(rf"[\s,]*{_VERBS}{_AT},? (?P<who>(?:the )?{_NAME})")
_BEFORE = re.compile(rf"{_WHO}(?: \w+ly)? {_VERBS}(?: in a statement)?[,:]?\s*$")
_REPORT = 10_000
"""Candidate pairs of quotes judged between two progress reports."""
_CONTEXT = 160
"""Characters looked at either side of a quotation for its speaker."""
_CLAUSE_END = re.compile(r"[.!?\"“”]")
_PRONOUNS = frozenset("he she they it".split())

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True, slots=True)
class Quote:
    """One quoted sentence (a piece of a quotation) in one article."""

    article: str
    """Id of the article."""
    start: int
    """Offset of the piece's first character in the article text (inside the marks)."""
    end: int
    text: str
    """``article.text[start:end]``."""
    speaker: str | None
    """Who the text says spoke it ("COPA", "the office", "Foxx", "she"), if it says."""


@dataclass(frozen=True, slots=True)
class QuoteFamily:
    """One quotation as it appears across articles, with all its variants."""

    quotes: tuple[Quote, ...]
    """Every occurrence, in corpus order of articles, then by position."""
    speaker: str | None
    """The speaker most occurrences name, ignoring bare pronouns; ``None`` if none does."""
    canonical: str
    """The most common variant's text (as the first article with it writes it)."""

    @property
    def articles(self) -> tuple[str, ...]:
        """Ids of the articles that carry the quote, without repeats."""
        return tuple(dict.fromkeys(q.article for q in self.quotes))

    @property
    def drifted(self) -> tuple[Quote, ...]:
        """The occurrences whose wording differs from the canonical variant."""
        key = _variant(self.canonical)
        return tuple(q for q in self.quotes if _variant(q.text) != key)


def quotation_spans(article: Article) -> tuple[Span, ...]:
    """The inside of every quotation (marks excluded), as the drift stage reads them."""
    text = article.text
    spans: list[Span] = []
    for start, end in marked_quotations(article).spans:
        if start < end and text[start] in _MARKS:
            start += 1
        if end > start and text[end - 1] in _MARKS:
            end -= 1
        if end > start:
            spans.append(Span(start, end))
    return tuple(spans)


def quoted_shares(article: Article) -> tuple[float, ...]:
    """For each sentence, the share of its characters that lie inside quotation marks."""
    spans = quotation_spans(article)
    shares: list[float] = []
    for sentence in article.sentences:
        inside = sum(max(0, min(sentence.end, s.end) - max(sentence.start, s.start)) for s in spans)
        shares.append(min(1.0, inside / max(1, sentence.end - sentence.start)))
    return tuple(shares)


def quotations(article: Article) -> tuple[Quote, ...]:
    """The quoted sentences of an article, each with its speaker when the text names one."""
    found: list[Quote] = []
    for span in quotation_spans(article):
        speaker = _speaker(article, span)
        for start, end in sentence_spans(article.text, span):
            while end > start and article.text[end - 1] in _TRAILING:
                end -= 1
            piece = article.text[start:end]
            if len(sentence_words(piece)) >= MIN_QUOTE_WORDS:
                found.append(Quote(article.id, start, end, piece, speaker))
    return tuple(found)


def _speaker(article: Article, span: Span) -> str | None:
    """The speaker named right after the closing mark, or else right before the opening one."""
    text = article.text
    paragraph = next((p for p in article.paragraphs if p.start <= span.start <= p.end), span)
    after = text[span.end + 1 : min(paragraph.end, span.end + 1 + _CONTEXT)]
    stop = _CLAUSE_END.search(after)
    clause = after[: stop.start()] if stop else after
    for pattern in (_AFTER_VERB_WHO, _AFTER_WHO_VERB):
        match = pattern.match(clause)
        if match:
            return match.group("who")
    before = text[max(paragraph.start, span.start - 1 - _CONTEXT) : max(0, span.start - 1)]
    match = _BEFORE.search(before)
    return match.group("who") if match else None


def quote_families(
    articles: Sequence[Article],
    found: Sequence[Sequence[Quote]] | None = None,
    progress: Progress | None = None,
) -> tuple[QuoteFamily, ...]:
    """Quotes that recur in two or more articles, grouped with all their variants.

    Args:
        articles: the corpus.
        found: each article's :func:`quotations`, when already computed.
        progress: called with the stage name, the work done and the work there is.
    """
    per_article = found if found is not None else [quotations(a) for a in articles]
    pieces = [q for quotes in per_article for q in quotes]
    links: Groups[int] = Groups(range(len(pieces)))
    proposed = _candidate_pairs(pieces)
    for done, (x, y) in enumerate(proposed, 1):
        if _alike(pieces[x].text, pieces[y].text):
            links.link(x, y)
        if progress is not None and done % _REPORT == 0:
            progress("quotes", done, len(proposed))
    if progress is not None:
        progress("quotes", len(proposed), len(proposed))
    order = {a.id: n for n, a in enumerate(articles)}
    families = [
        _family(sorted((pieces[i] for i in group), key=lambda q: (order[q.article], q.start)))
        for group in links.groups()
    ]
    kept = [f for f in families if len(f.articles) > 1]
    return tuple(sorted(kept, key=lambda f: (order[f.quotes[0].article], f.quotes[0].start)))


def _candidate_pairs(pieces: Sequence[Quote]) -> list[tuple[int, int]]:
    """Pairs of pieces from different articles sharing a bucket: the same words, the same
    set of stems in any order ("roll the window down", "roll down the window"), or a
    sketch bucket."""
    words = [sentence_words(q.text) for q in pieces]
    stems = [content_stems(w) for w in words]
    exact = [exact_key(w) for w in words]
    bags = [exact_key(sorted(set(s))) if len(set(s)) > 1 else 0 for s in stems]
    sketches = sketch_keys(stems)
    pairs: set[tuple[int, int]] = set()
    columns = [np.array(exact, np.uint64), np.array(bags, np.uint64)]
    for keys in [*columns, *(sketches[:, k] for k in range(sketches.shape[1]))]:
        buckets: dict[int, list[int]] = {}
        for index, key in enumerate(keys.tolist()):
            if key:
                buckets.setdefault(key, []).append(index)
        for members in buckets.values():
            pairs.update(_bucket_pairs(members, pieces))
    return sorted(pairs)


def _bucket_pairs(members: list[int], pieces: Sequence[Quote]) -> list[tuple[int, int]]:
    if len(members) > _BUCKET_CAP:
        return list(pairwise(members))
    return [
        (x, y)
        for n, x in enumerate(members)
        for y in members[n + 1 :]
        if pieces[x].article != pieces[y].article
    ]


def _alike(a: str, b: str) -> bool:
    """Whether two pieces are variants of one quote."""
    x, y = utils.default_process(a), utils.default_process(b)
    bar = SHORT_QUOTE_MATCH if min(len(x.split()), len(y.split())) < SHORT_WORDS else QUOTE_MATCH
    return max(fuzz.ratio(x, y), fuzz.token_sort_ratio(x, y)) >= bar


def _variant(text: str) -> str:
    """The form two occurrences share when they word a quote the same way."""
    return " ".join(sentence_words(text))


def _family(quotes: list[Quote]) -> QuoteFamily:
    """A family from its occurrences: the canonical variant and the speaker by majority."""
    variants = Counter(_variant(q.text) for q in quotes)
    top = max(variants.values())
    canonical = next(q.text for q in quotes if variants[_variant(q.text)] == top)
    named = Counter(q.speaker for q in quotes if q.speaker and q.speaker.lower() not in _PRONOUNS)
    speaker = named.most_common(1)[0][0] if named else None
    return QuoteFamily(tuple(quotes), speaker, canonical)
