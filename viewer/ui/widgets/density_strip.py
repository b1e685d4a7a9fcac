"""One article's change-density strip: a bar of how much changed where, and its flags."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.segment import Segment
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from viewer.ui.density import Cell, density
from viewer.ui.widgets.mark_styles import MarkStyles

if TYPE_CHECKING:
    from viewer.model import Comparison
    from viewer.ui.highlight import Side

__all__ = ["DensityStrip"]

_BARS = " ▁▂▃▄▅▆▇█"
"""A cell's bar, from nothing changed to all of it."""


def bar(share: float) -> str:
    """The bar character for a share of changed text: any change shows at least ``▁``."""
    if share <= 0:
        return _BARS[0]
    return _BARS[max(1, round(share * (len(_BARS) - 1)))]


class DensityStrip(Widget, can_focus=True):
    """Two lines as wide as the widget: the bar of changed text, then the flag letters.

    Each cell stands for an equal run of the article's characters. Left and right move a
    cursor over the cells; enter (or a click) reports the place with :class:`Picked`.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "density-strip--bar",
        "density-strip--cursor",
        "density-strip--flag-high",
        "density-strip--flag-medium",
        "density-strip--flag-low",
    }

    DEFAULT_CSS = """
    DensityStrip {
        height: 2;
        background: $boost;
        & > .density-strip--bar { color: $text-accent; }
        & > .density-strip--cursor { background: $foreground 20%; }
        &:focus > .density-strip--cursor { background: $primary; }
        & > .density-strip--flag-high { color: $text-error; text-style: bold; }
        & > .density-strip--flag-medium { color: $text-warning; text-style: bold; }
        & > .density-strip--flag-low { color: $text-muted; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right,l", "move(1)", "Right", show=False, id="density.right"),
        Binding("left,h", "move(-1)", "Left", show=False, id="density.left"),
        Binding("home", "edge(0)", "Start", show=False, id="density.home"),
        Binding("end", "edge(-1)", "End", show=False, id="density.end"),
        Binding("enter", "pick", "Go there", id="density.pick"),
    ]

    cursor: reactive[int] = reactive(0)
    """The cell under the cursor."""

    class Picked(Message):
        """A place in the article was chosen: show it side by side."""

        def __init__(self, side: Side, offset: int) -> None:
            super().__init__()
            self.side = side
            self.offset = offset
            """Character offset into that side's article text."""

    def __init__(self, comparison: Comparison, side: Side, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.comparison = comparison
        self.side: Side = side
        self._cells: tuple[Cell, ...] = ()
        self._styles = MarkStyles(self, "density-strip")

    @property
    def cells(self) -> tuple[Cell, ...]:
        """The cells at the current width (measured again when the width changes)."""
        width = max(self.size.width, 1)
        if len(self._cells) != width:
            self._cells = density(self.comparison, self.side, width)
        return self._cells

    def validate_cursor(self, cursor: int) -> int:
        return max(0, min(cursor, len(self.cells) - 1))

    def watch_cursor(self) -> None:
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()

    def render_line(self, y: int) -> Strip:
        """Line 0 is the bar of changed text, line 1 the flag letters."""
        cells = self.cells
        segments: list[Segment] = []
        marks: tuple[str, ...]
        for number, cell in enumerate(cells):
            if y == 0:
                text, marks = bar(cell.changed), ("bar",)
            elif y == 1 and cell.flag is not None:
                text, marks = cell.letter, (f"flag-{cell.flag.severity.value}",)
            else:
                text, marks = " ", ()
            segments.append(Segment(text, self._styles.get(number == self.cursor, marks)))
        return Strip(segments).adjust_cell_length(self.size.width, self.rich_style)

    def action_move(self, step: int) -> None:
        """Move the cursor one cell."""
        self.cursor += step

    def action_edge(self, end: int) -> None:
        """Put the cursor on the first cell (``end`` 0) or the last (-1)."""
        self.cursor = 0 if end == 0 else len(self.cells) - 1

    def action_pick(self) -> None:
        """Show the place under the cursor side by side."""
        if self.cells:
            self.post_message(self.Picked(self.side, self.cells[self.cursor].start))

    def on_click(self, event: events.Click) -> None:
        self.cursor = event.x
        self.action_pick()
