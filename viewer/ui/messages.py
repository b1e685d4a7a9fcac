"""Messages the corpus screens send up to the app, which owns the audit and the articles."""

from __future__ import annotations

from enum import StrEnum

from textual.message import Message

__all__ = ["CorpusView", "OpenArticle", "OpenPair", "OpenView"]


class CorpusView(StrEnum):
    """A view built on the corpus audit."""

    GRAPH = "graph"
    PROVENANCE = "provenance"
    VARIANTS = "variants"
    DRIFT = "drift"


class OpenPair(Message):
    """Show two articles side by side: ``base`` (A) on the left."""

    def __init__(
        self,
        base: str,
        other: str,
        pair: int | None = None,
        *,
        sentences: tuple[int, int | None] | None = None,
    ) -> None:
        super().__init__()
        self.base = base
        """Id of the article on the left."""
        self.other = other
        """Id of the article on the right."""
        self.pair = pair
        """Index of the aligned pair to put the cursor on, once compared; ``None`` for
        the first."""
        self.sentences = sentences
        """Instead of ``pair``: a sentence of the base, and of the other when known, whose
        pair the cursor lands on once they are compared."""


class OpenArticle(Message):
    """Show one article alone, to read it."""

    def __init__(self, article: str) -> None:
        super().__init__()
        self.article = article
        """Id of the article."""


class OpenView(Message):
    """Open one of the corpus views, about ``article`` when it needs one."""

    def __init__(
        self, view: CorpusView, article: str | None = None, other: str | None = None
    ) -> None:
        super().__init__()
        self.view = view
        self.article = article
        """Id of the article the view starts on; ``None`` for the first."""
        self.other = other
        """Id of the article ``article`` was being compared with, if any: the variants
        view selects it."""
