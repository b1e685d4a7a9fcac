"""What the app shows about an article before any comparison: its row in the list."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from viewer.text.tokens import count_words
from viewer.ui.visible import one_line

if TYPE_CHECKING:
    from viewer.model import Article

__all__ = ["Summary", "summarise"]


@dataclass(frozen=True, slots=True)
class Summary:
    """An article and the facts about it that the list and the column heads show.

    Every string is already safe to draw: one line, controls made visible.
    """

    article: Article
    title: str
    source: str
    """The source, or empty when unknown."""
    date: str
    """The date as read, or empty when unknown."""
    words: int
    """Words and numbers in the text, counted as the core counts them."""
    path: str
    """Where it was loaded from, with the record number for JSON Lines."""

    @property
    def id(self) -> str:
        """The article's id, unique within the load."""
        return self.article.id


def summarise(article: Article) -> Summary:
    """The list row of ``article``: counting its words reads the whole text once."""
    path = article.path if article.record is None else f"{article.path} #{article.record + 1}"
    return Summary(
        article=article,
        title=one_line(article.title) or "(untitled)",
        source=one_line(article.source or ""),
        date=one_line(article.date or ""),
        words=count_words(article.text),
        path=one_line(path),
    )
