"""One article's paragraphs, wrapped to the width and drawn line by line.

A ``ScrollView`` on the Line API, like the side-by-side view: laying out is one list of
``(paragraph, start, end)`` per screen line, and ``render_line`` cuts only the lines on
screen, so a 50,000-line document opens and scrolls at the cost of what is shown. Each
paragraph is drawn on one logical line with controls made visible (``one_line``) and
wrapped by terminal cells (``screen_lines``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.segment import Segment
from textual import events
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from viewer.ui.visible import one_line
from viewer.ui.wrap import layout_width, screen_lines

if TYPE_CHECKING:
    from viewer.model import Article

__all__ = ["PlainText"]

_MARGIN = 1
"""Columns left blank on the left of the text."""


class PlainText(ScrollView, can_focus=True):
    """An article's text to read: paragraphs separated by a blank line."""

    DEFAULT_CSS = """
    PlainText {
        background: $surface;
        scrollbar-size-vertical: 1;
        overflow-x: hidden;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._texts: list[str] = []
        """Each paragraph as drawn: on one line, controls made visible."""
        self._lines: list[tuple[int, int, int]] = []
        """Per screen line: paragraph index (-1 for the gap between two), start, end."""
        self._width = -1

    @property
    def line_count(self) -> int:
        """Screen lines the text takes at the current width (0 before the first layout)."""
        return len(self._lines)

    def show(self, article: Article) -> None:
        """Show ``article``'s paragraphs, from the top."""
        self._texts = [one_line(article.text[p.start : p.end]) for p in article.paragraphs]
        self._width = -1
        self._lay_out()
        self.scroll_to(0, 0, animate=False)

    def _lay_out(self) -> None:
        """Wrap every paragraph at the current width (once the widget has one)."""
        width = layout_width(self.scrollable_content_region.width, _MARGIN, self._width)
        if width is None:
            return
        self._width = width
        lines, _ = screen_lines(self._texts, width, [k > 0 for k in range(len(self._texts))])
        self._lines = lines
        self.virtual_size = Size(width + _MARGIN, len(lines))
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        self._lay_out()

    def render_line(self, y: int) -> Strip:
        number = y + self.scroll_offset.y
        width = self.scrollable_content_region.width
        if number >= len(self._lines) or self._lines[number][0] < 0:
            return Strip.blank(width, self.rich_style)
        index, start, end = self._lines[number]
        segments = [Segment(" " * _MARGIN + self._texts[index][start:end], self.rich_style)]
        return Strip(segments).extend_cell_length(width, self.rich_style).crop(0, width)
