"""One article, sentence by sentence, each coloured by the article it came from.

Drawn with the Line API: the sentences are wrapped once per width, and only the lines
on screen are styled, so a long article opens at once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.segment import Segment
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from viewer.corpus.provenance import Attribution, Relation
from viewer.ui.visible import one_line
from viewer.ui.widgets.mark_styles import MarkStyles
from viewer.ui.wrap import layout_width, screen_lines

if TYPE_CHECKING:
    from viewer.model import Article

__all__ = ["PALETTE", "TracedText", "colour_mark", "source_mark"]

PALETTE = 6
"""Source colours, ``traced-text--source-0`` to ``-5``; further sources reuse them."""
_GUTTER = {Relation.VERBATIM: "=", Relation.EDITED: "~", Relation.PARAPHRASED: "≈"}
"""Gutter symbol by relation to the source; no source is ``+`` (the article's own)."""
_GUTTER_WIDTH = 2


def colour_mark(source: str, colours: Mapping[str, int]) -> str:
    """The mark of text from ``source``: one of the palette's colours."""
    return f"source-{colours.get(source, 0) % PALETTE}"


def source_mark(attribution: Attribution, colours: Mapping[str, int]) -> str:
    """The mark (component class suffix) of a sentence: its source's colour, ``original``
    when it has none, ``boilerplate`` for recurring boilerplate."""
    if attribution.boilerplate:
        return "boilerplate"
    if attribution.source_article is None:
        return "original"
    return colour_mark(attribution.source_article, colours)


class TracedText(ScrollView, can_focus=True):
    """The sentences of one article, coloured by source; a cursor picks one sentence."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "traced-text--cursor",
        "traced-text--gutter",
        "traced-text--original",
        "traced-text--boilerplate",
        *(f"traced-text--source-{n}" for n in range(PALETTE)),
    }

    DEFAULT_CSS = """
    TracedText {
        background: $surface;
        scrollbar-size-vertical: 1;
        overflow-x: hidden;
        & > .traced-text--cursor { background: $block-cursor-blurred-background; }
        &:focus > .traced-text--cursor { background: $foreground 15%; }
        & > .traced-text--gutter { color: $text-muted; }
        & > .traced-text--original { color: $foreground; text-style: italic; }
        & > .traced-text--boilerplate { color: $text-disabled; }
        & > .traced-text--source-0 { background: $primary 35%; }
        & > .traced-text--source-1 { background: $accent 35%; }
        & > .traced-text--source-2 { background: $success 35%; }
        & > .traced-text--source-3 { background: $warning 35%; }
        & > .traced-text--source-4 { background: $secondary 35%; }
        & > .traced-text--source-5 { background: $error 35%; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor(1)", "Next sentence", show=False, id="traced-text.down"),
        Binding("up,k", "cursor(-1)", "Previous sentence", show=False, id="traced-text.up"),
        Binding("pagedown", "cursor(10)", "Page down", show=False, id="traced-text.page-down"),
        Binding("pageup", "cursor(-10)", "Page up", show=False, id="traced-text.page-up"),
    ]

    cursor: reactive[int] = reactive(0)
    """Index of the sentence under the cursor, among the attributions shown."""

    class CursorMoved(Message):
        """The cursor moved to another sentence."""

        def __init__(self, attribution: Attribution | None) -> None:
            super().__init__()
            self.attribution = attribution

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        self.attributions: tuple[Attribution, ...] = ()
        self.colours: Mapping[str, int] = {}
        """Palette index of each source article."""
        self._lines: list[tuple[int, int, int]] = []
        """Per screen line: sentence index (-1 for a paragraph gap), start, end in its text."""
        self._texts: list[str] = []
        """Each sentence as drawn: on one line, controls made visible."""
        self._first: list[int] = []
        """The first screen line of each sentence."""
        self._width = -1
        self._styles = MarkStyles(self, "traced-text")

    def show(
        self, article: Article, attributions: Sequence[Attribution], colours: Mapping[str, int]
    ) -> None:
        """Show ``article`` with one attribution per sentence, sources coloured by ``colours``."""
        self.article = article
        self.attributions = tuple(attributions)
        self.colours = colours
        # the attribution's own offsets, never re-derived from the sentence list
        self._texts = [one_line(article.text[a.start : a.end]) for a in self.attributions]
        self._width = -1
        self._lay_out()
        self.cursor = 0
        self.post_message(self.CursorMoved(self.current))

    @property
    def current(self) -> Attribution | None:
        """The attribution of the sentence under the cursor."""
        if not 0 <= self.cursor < len(self.attributions):
            return None
        return self.attributions[self.cursor]

    def _lay_out(self) -> None:
        """Wrap every sentence at the current width, a blank line between paragraphs."""
        width = layout_width(self.scrollable_content_region.width, _GUTTER_WIDTH, self._width)
        if width is None:
            return
        self._width = width
        sentences = self.article.sentences if self.article else ()
        paragraphs = [
            sentences[a.sentence].paragraph if sentences else 0 for a in self.attributions
        ]
        gaps = [k > 0 and paragraphs[k] != paragraphs[k - 1] for k in range(len(paragraphs))]
        lines, first = screen_lines(self._texts, width, gaps)
        self._lines, self._first = lines, first
        self.virtual_size = Size(width + _GUTTER_WIDTH, len(lines))
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        self._lay_out()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()

    def render_line(self, y: int) -> Strip:
        number = y + self.scroll_offset.y
        width = self.scrollable_content_region.width
        if number >= len(self._lines) or self._lines[number][0] < 0:
            return Strip.blank(width, self.rich_style)
        index, start, end = self._lines[number]
        attribution = self.attributions[index]
        cursor = index == self.cursor
        gutter = " "
        if number == self._first[index]:
            gutter = _GUTTER.get(attribution.relation, "+")
        mark = source_mark(attribution, self.colours)
        segments = [
            Segment(gutter.ljust(_GUTTER_WIDTH), self._styles.get(cursor, ("gutter",))),
            Segment(self._texts[index][start:end], self._styles.get(cursor, (mark,))),
        ]
        line = Strip(segments)
        return line.extend_cell_length(width, self._styles.get(cursor, ())).crop(0, width)

    def watch_cursor(self, old: int, new: int) -> None:
        if not self._first:
            return
        self.refresh()
        top = self._first[new] if new < len(self._first) else 0
        bottom = self._first[new + 1] if new + 1 < len(self._first) else len(self._lines)
        self.scroll_to_region(Region(0, top, 1, max(bottom - top, 1)), animate=False)
        self.post_message(self.CursorMoved(self.current))

    def action_cursor(self, step: int) -> None:
        """Move the cursor ``step`` sentences down (up when negative)."""
        if self.attributions:
            self.cursor = min(max(self.cursor + step, 0), len(self.attributions) - 1)

    def on_click(self, event: events.Click) -> None:
        number = event.y + self.scroll_offset.y
        if 0 <= number < len(self._lines) and self._lines[number][0] >= 0:
            self.cursor = self._lines[number][0]
