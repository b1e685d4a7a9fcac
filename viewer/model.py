"""The values every stage of the pipeline passes on.

All results are frozen, slotted dataclasses. Every position is a pair of character
offsets (Python ``str`` indices, i.e. code points) into an article's ``text``: the
decoded original, which is never altered. Slicing ``article.text[start:end]`` gives
exactly what an analysis saw.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

__all__ = [
    "AlignedPair",
    "Article",
    "ChangeKind",
    "Comparison",
    "Corpus",
    "Drift",
    "DriftKind",
    "Edit",
    "EditOp",
    "MetaField",
    "Note",
    "PairKind",
    "Problem",
    "Sentence",
    "Severity",
    "Span",
    "Token",
    "TokenKind",
]


class Span(NamedTuple):
    """A half-open range ``[start, end)`` of character offsets into an article's text."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class MetaField:
    """One piece of metadata and, when it was read from the text, where it stands."""

    name: str
    """What it is: ``date``, ``byline``, ``author``, ``dateline``, ``source``, ``url``,
    ``site``, ``credit`` (a "Read the original article on X" line) or ``title``."""
    value: str
    """The value as read, e.g. ``2024-04-09`` or ``CNN``."""
    span: Span | None
    """Where the field stands in the article text; ``None`` when it came from outside the
    text (a JSON field, an HTML ``<meta>`` tag)."""


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence (or sentence-like fragment: a caption, a heading) of an article."""

    index: int
    """Position among the article's sentences, from 0."""
    start: int
    end: int
    paragraph: int
    """Index of the paragraph it belongs to, in ``Article.paragraphs``."""
    text: str
    """``article.text[start:end]``, kept so a sentence can be used on its own."""

    @property
    def span(self) -> Span:
        """The sentence's offsets as a span."""
        return Span(self.start, self.end)


class TokenKind(StrEnum):
    """What a token is: the word diff keeps all four, similarity uses words and numbers."""

    WORD = "word"
    NUMBER = "number"
    PUNCT = "punct"
    SPACE = "space"


class Token(NamedTuple):
    """A word, number, punctuation mark or run of white space, with its offsets."""

    start: int
    end: int
    text: str
    """The original characters, ``text[start:end]`` of whatever was tokenised."""
    norm: str
    """The matching form: typography folded, lower case."""
    kind: TokenKind


@dataclass(frozen=True, slots=True)
class Article:
    """One version of a story, as loaded from one file or one record."""

    id: str
    """Stable, readable, unique within one load: a slug of source and title."""
    path: str
    """Where it came from; ``-`` for standard input."""
    text: str
    """The decoded original text (for HTML, the extracted article text)."""
    title: str
    source: str | None
    url: str | None
    date: str | None
    author: str | None
    format: str
    """``text``, ``markdown``, ``html``, ``json`` or ``jsonl``."""
    encoding: str
    """The encoding the bytes were decoded from."""
    metadata: tuple[MetaField, ...]
    paragraphs: tuple[Span, ...]
    sentences: tuple[Sentence, ...]
    record: int | None = None
    """For JSON and JSON Lines: the record's position in the file, from 0."""
    title_span: Span | None = None
    """Where the title stands in ``text``, when it was read from the text."""

    def sentence_text(self, index: int) -> str:
        """The original text of sentence ``index``."""
        return self.sentences[index].text


class EditOp(StrEnum):
    """One step of a word-level edit script."""

    EQUAL = "equal"
    INSERT = "insert"
    DELETE = "delete"


@dataclass(frozen=True, slots=True)
class Edit:
    """A run of tokens kept, inserted or deleted, with offsets into both articles.

    An ``insert`` has an empty A range at the place it goes; a ``delete`` an empty B range.
    """

    op: EditOp
    a_start: int
    a_end: int
    b_start: int
    b_end: int
    a_text: str
    b_text: str


class PairKind(StrEnum):
    """How sentences of A relate to sentences of B."""

    MATCH = "match"
    """One sentence of A to one of B, in reading order."""
    SPLIT = "split"
    """One sentence of A became two of B."""
    MERGE = "merge"
    """Two sentences of A became one of B."""
    MOVED = "moved"
    """One sentence of A matched one of B out of reading order."""
    ADDED = "added"
    """Only in B."""
    DROPPED = "dropped"
    """Only in A."""


@dataclass(frozen=True, slots=True)
class AlignedPair:
    """A unit of the alignment: the sentences of A and B that correspond."""

    kind: PairKind
    a: tuple[int, ...]
    """Indexes of A's sentences (empty for ``added``)."""
    b: tuple[int, ...]
    """Indexes of B's sentences (empty for ``dropped``)."""
    score: float
    """Similarity of the two sides, 0 to 1 (1 for identical; 0 for added and dropped)."""
    edits: tuple[Edit, ...]
    """Token edit script turning A's side into B's side. Applying it to
    ``a.text[a_span]`` gives ``b.text[b_span]`` exactly."""
    a_span: Span | None
    """From the start of the first to the end of the last A sentence; ``None`` if none."""
    b_span: Span | None


class ChangeKind(StrEnum):
    """What happened to one aligned unit between the base and the other version."""

    IDENTICAL = "identical"
    TYPOGRAPHIC = "typographic"
    """Only quotes, dashes, spacing, case or punctuation differ."""
    EDITED = "edited"
    """A light wording change."""
    PARAPHRASED = "paraphrased"
    """Rewritten, same content."""
    MOVED = "moved"
    ADDED = "added"
    DROPPED = "dropped"
    BOILERPLATE = "boilerplate"
    """Site furniture (a newsletter sign-up, "Read the original article on …")."""


class DriftKind(StrEnum):
    """A change that may alter what the article says."""

    QUOTE_ALTERED = "quote-altered"
    NUMBER = "number"
    HEDGE = "hedge"
    ENTITY = "entity"
    PRONOUN = "pronoun"
    NEGATION = "negation"
    GARBLE = "garble"
    BOILERPLATE = "boilerplate"
    INVISIBLE = "invisible"
    CLAIM = "claim"


class Severity(StrEnum):
    """How much a drift flag matters to a reader (rules in docs/drift.md)."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


@dataclass(frozen=True, slots=True)
class Drift:
    """One drift flag: what changed, how much it matters, and exactly where."""

    kind: DriftKind
    severity: Severity
    pair: int
    """Index of the pair it was found in, in ``Comparison.pairs``."""
    a_span: Span
    """Where it stands in A (empty at the insertion point when A has nothing there)."""
    b_span: Span
    """Where it stands in B (empty at the deletion point when B has nothing there)."""
    before: str
    """``a.text[a_span]``."""
    after: str
    """``b.text[b_span]``."""
    explanation: str
    """One plain sentence on what changed and why it was flagged."""


@dataclass(frozen=True, slots=True)
class Comparison:
    """Two articles aligned sentence by sentence and diffed word by word."""

    a: Article
    b: Article
    pairs: tuple[AlignedPair, ...]
    """Every sentence of A and of B in exactly one pair, ordered for reading side by side:
    pairs in reading order of both, a dropped sentence where it stood in A, an added or
    moved one where it stands in B."""
    similarity: float
    """Share of both articles' sentence text that is aligned, weighted by score, 0 to 1."""
    changes: tuple[ChangeKind, ...] = ()
    """The change kind of each pair, index for index with ``pairs``."""
    drift: tuple[Drift, ...] = ()
    """Every drift flag raised between A (the base) and B, in reading order."""


@dataclass(frozen=True, slots=True)
class Problem:
    """Something in the input that could not be loaded as it stands, said plainly."""

    path: str
    message: str
    record: int | None = None
    """For JSON Lines and JSON arrays: which record (from 0); ``None`` for the whole file."""
    repaired: bool = False
    """The input loaded all the same, with the repair the message names (nothing skipped)."""

    def __str__(self) -> str:
        where = self.path if self.record is None else f"{self.path} (record {self.record + 1})"
        return f"{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class Note:
    """What a load read and passed over on purpose, said plainly: no input was lost.

    A web archive holds requests, redirects, images and error pages beside its articles;
    the note counts them (``412 records: 318 pages, 61 not HTML, 33 errors``).
    """

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass(frozen=True, slots=True)
class Corpus:
    """What a load produced: the articles, the problems met on the way, and notes on
    what was passed over on purpose."""

    articles: tuple[Article, ...]
    problems: tuple[Problem, ...] = ()
    notes: tuple[Note, ...] = ()

    def by_id(self, article_id: str) -> Article:
        """The article with that id; ``KeyError`` if there is none."""
        for article in self.articles:
            if article.id == article_id:
                return article
        raise KeyError(article_id)
