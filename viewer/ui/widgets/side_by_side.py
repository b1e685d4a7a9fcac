"""The side-by-side view: two articles aligned pair by pair, drawn with the Line API."""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from viewer.model import AlignedPair, Comparison, Drift, PairKind
from viewer.ui.flags import flags_by_pair
from viewer.ui.gutter import gutter_pieces
from viewer.ui.highlight import PairHits, Piece, search_pairs
from viewer.ui.layout import GUTTER, Layout, RowLines, column_widths, lay_out, row_lines
from viewer.ui.rows import Row, RowKind, Show, build_rows, is_changed, pair_rows
from viewer.ui.widgets.mark_styles import MarkStyles

__all__ = ["SideBySide"]

_CONTEXT = 3
"""Lines kept in view above and below the cursor row, when there is room."""
_MARKS = (
    "gutter cursor cursor-mark rule equal unchanged soft inserted deleted moved match "
    "control hidden flag-high flag-medium flag-low drift-high drift-medium drift-low"
).split()
"""The marks a piece of the view can carry, each styled by a ``side-by-side--`` class."""


class SideBySide(ScrollView, can_focus=True):
    """Two articles side by side, aligned sentence by sentence, with word changes marked.

    The screen sets ``comparison``, ``show`` and ``search``; the view keeps a cursor on one
    row and reports it with :class:`CursorMoved`, and reports search hits with
    :class:`SearchCounted`.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {f"side-by-side--{mark}" for mark in _MARKS}

    DEFAULT_CSS = """
    SideBySide {
        background: $surface;
        scrollbar-gutter: stable;
        scrollbar-size-vertical: 1;
        overflow-x: hidden;
        & > .side-by-side--gutter { color: $text-muted; }
        & > .side-by-side--cursor { background: $block-cursor-blurred-background; }
        & > .side-by-side--cursor-mark { color: $text-muted; }
        &:focus > .side-by-side--cursor { background: $primary 25%; }
        &:focus > .side-by-side--cursor-mark { color: $accent; }
        & > .side-by-side--rule { color: $panel-lighten-2; }
        & > .side-by-side--equal { color: $foreground; }
        & > .side-by-side--unchanged { color: $text-muted; }
        & > .side-by-side--soft { color: $text-warning; }
        & > .side-by-side--inserted { color: $text-success; background: $success 20%; }
        & > .side-by-side--deleted {
            color: $text-error;
            background: $error 20%;
            text-style: strike;
        }
        & > .side-by-side--moved { color: $text-accent; text-style: italic; }
        & > .side-by-side--match { color: $foreground; background: $warning 50%; }
        & > .side-by-side--control { color: $text-error; text-style: reverse; }
        & > .side-by-side--hidden { color: $text-muted; text-style: italic; }
        & > .side-by-side--flag-high { color: $text-error; text-style: bold; }
        & > .side-by-side--flag-medium { color: $text-warning; text-style: bold; }
        & > .side-by-side--flag-low { color: $text-muted; }
        & > .side-by-side--drift-high { background: $error 35%; text-style: bold underline; }
        & > .side-by-side--drift-medium { background: $warning 25%; text-style: underline; }
        & > .side-by-side--drift-low { text-style: underline; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor(1)", "Next pair", show=False, id="side-by-side.down"),
        Binding("up,k", "cursor(-1)", "Previous pair", show=False, id="side-by-side.up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="side-by-side.page-down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="side-by-side.page-up"),
        Binding("home", "edge(0)", "First pair", show=False, id="side-by-side.home"),
        Binding("end", "edge(-1)", "Last pair", show=False, id="side-by-side.end"),
    ]

    comparison: reactive[Comparison | None] = reactive(None, always_update=True)
    """What is shown; setting it puts the cursor on the first row."""
    show: reactive[Show] = reactive(Show.ALL)
    """Which pairs are shown."""
    search: reactive[str] = reactive("")
    """Text searched for in both articles, case-insensitively; empty for no search."""
    cursor: reactive[int] = reactive(0)
    """Index of the row under the cursor."""

    class CursorMoved(Message):
        """The cursor moved to another row."""

        def __init__(self, view: SideBySide, row: Row | None) -> None:
            super().__init__()
            self.view = view
            self.row = row
            """The row now under the cursor; ``None`` when nothing is shown."""

    class SearchCounted(Message):
        """The search hits were counted for a new query, comparison or filter."""

        def __init__(self, query: str, hits: int, rows: int) -> None:
            super().__init__()
            self.query = query
            self.hits = hits
            """Matches in the shown rows, in both articles."""
            self.rows = rows
            """Shown rows holding at least one match."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.rows: tuple[Row, ...] = ()
        """The rows shown, in order."""
        self._hits: dict[int, PairHits] = {}
        self._flags: dict[int, tuple[Drift, ...]] = {}
        """The drift flags of each pair that has any, by pair index."""
        self._layout: Layout | None = None
        self._lines: LRUCache[int, RowLines] = LRUCache(512)
        """Styled lines of the rows drawn lately, by row index, for the current layout."""
        self._styles = MarkStyles(self, "side-by-side")

    # -- state ------------------------------------------------------------------------

    @property
    def current_row(self) -> Row | None:
        """The row under the cursor, if any."""
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    @property
    def current_pair(self) -> AlignedPair | None:
        """The pair under the cursor (for a moved-from row, the moved pair)."""
        row = self.current_row
        if self.comparison is None or row is None or row.kind is RowKind.HIDDEN:
            return None
        return self.comparison.pairs[row.pair]

    @property
    def current_flags(self) -> tuple[Drift, ...]:
        """The drift flags of the pair under the cursor (none on a moved-from row)."""
        row = self.current_row
        if row is None or row.kind is not RowKind.PAIR:
            return ()
        return self._flags.get(row.pair, ())

    @property
    def hit_rows(self) -> list[int]:
        """Indexes of the shown rows holding a search match."""
        return pair_rows(self.rows, self._hits)

    def watch_comparison(self) -> None:
        self._flags = flags_by_pair(self.comparison) if self.comparison else {}
        self._rebuild(keep=None)

    def watch_show(self) -> None:
        row = self.current_row
        self._rebuild(keep=row.pair if row and row.kind is not RowKind.HIDDEN else None)

    def watch_search(self) -> None:
        self._hits = search_pairs(self.comparison, self.search) if self.comparison else {}
        self._lines.clear()  # matches change the styles, never the heights
        self.refresh()
        self._count_hits()

    def validate_cursor(self, cursor: int) -> int:
        return max(0, min(cursor, len(self.rows) - 1))

    def watch_cursor(self) -> None:
        self.refresh()
        self._scroll_to_cursor()
        self.post_message(self.CursorMoved(self, self.current_row))

    def _rebuild(self, keep: int | None) -> None:
        """New rows for a new comparison or filter, keeping the cursor on pair ``keep``."""
        comparison = self.comparison
        self.rows = () if comparison is None else build_rows(comparison, self.show)
        self._hits = search_pairs(comparison, self.search) if comparison else {}
        self._invalidate()
        target = next(
            (
                i
                for i, row in enumerate(self.rows)
                if row.kind is RowKind.PAIR and keep is not None and row.pair >= keep
            ),
            0,
        )
        self.set_reactive(SideBySide.cursor, -1)
        self.cursor = target
        self._count_hits()

    def _count_hits(self) -> None:
        shown = [self._hits[self.rows[i].pair] for i in self.hit_rows]
        total = sum(len(a) + len(b) for a, b in shown)
        self.post_message(self.SearchCounted(self.search, total, len(shown)))

    # -- moving -----------------------------------------------------------------------

    def _step(self, step: int, wanted: list[int]) -> bool:
        """Move the cursor to the next (``step`` 1) or previous (-1) row in ``wanted``."""
        later = [i for i in wanted if (i - self.cursor) * step > 0]
        if not later:
            return False
        self.cursor = min(later) if step > 0 else max(later)
        self._scroll_to_cursor(centre=True)
        return True

    def next_change(self, step: int = 1) -> bool:
        """Put the cursor on the next or previous changed pair; whether there was one."""
        if self.comparison is None:
            return False
        pairs = self.comparison.pairs
        changed = {i for i, pair in enumerate(pairs) if is_changed(pair)}
        return self._step(step, pair_rows(self.rows, changed))

    def next_flag(self, step: int = 1) -> bool:
        """Put the cursor on the next or previous pair with a drift flag."""
        return self._step(step, pair_rows(self.rows, self._flags))

    def show_pair(self, pair: int) -> bool:
        """Put the cursor on pair ``pair``, showing every pair if the filter hides it."""
        found = pair_rows(self.rows, {pair})
        if not found and self.show is not Show.ALL:
            self.show = Show.ALL
            found = pair_rows(self.rows, {pair})
        if not found:
            return False
        self.cursor = found[0]
        self._scroll_to_cursor(centre=True)
        return True

    def next_hit(self, step: int = 1) -> bool:
        """Put the cursor on the next or previous row with a search match."""
        return self._step(step, self.hit_rows)

    def jump_moved(self) -> bool:
        """From a moved pair to where its sentence stood in A, or back; whether it moved."""
        row = self.current_row
        pair = self.current_pair
        if row is None or pair is None or pair.kind is not PairKind.MOVED:
            return False
        wanted = RowKind.MOVED_FROM if row.kind is RowKind.PAIR else RowKind.PAIR
        found = pair_rows(self.rows, {row.pair}, wanted)
        if found:
            self.cursor = found[0]
            self._scroll_to_cursor(centre=True)
        return bool(found)

    def action_cursor(self, step: int) -> None:
        """Move the cursor one row, skipping rows that stand for hidden pairs."""
        wanted = [i for i, row in enumerate(self.rows) if row.kind is not RowKind.HIDDEN]
        self._step(step, wanted)

    def action_page(self, step: int) -> None:
        """Scroll a page and put the cursor on the first row in view."""
        layout = self._ensure_layout()
        height = self.scrollable_content_region.height
        target = max(0, min(self.scroll_offset.y + step * height, layout.height - height))
        self.scroll_to(y=target, animate=False)
        self.cursor = layout.locate(target + 1)[0] if layout.rows else 0

    def action_edge(self, end: int) -> None:
        """Put the cursor on the first row (``end`` 0) or the last (-1)."""
        self.cursor = 0 if end == 0 else len(self.rows) - 1

    def on_click(self, event: events.Click) -> None:
        layout = self._ensure_layout()
        y = event.y + self.scroll_offset.y
        if y < layout.height:
            self.cursor = layout.locate(y)[0]

    # -- layout -----------------------------------------------------------------------

    def _invalidate(self) -> None:
        self._layout = None
        self._lines.clear()
        self.refresh()
        if self.is_mounted and self.scrollable_content_region.width:
            # (before the first layout there is no width yet: on_resize lays out then,
            # once, instead of at the narrowest width and again)
            self.virtual_size = Size(self._width, self._ensure_layout().height)

    @property
    def _width(self) -> int:
        return max(self.scrollable_content_region.width, GUTTER + 8)

    def _ensure_layout(self) -> Layout:
        width = self._width
        if (
            self._layout is None
            or self._layout.width != width
            or self._layout.rows is not self.rows
        ):
            self._lines.clear()
            if self.comparison is None:
                self._layout = Layout(width, (), (), 0)
            else:
                self._layout = lay_out(self.comparison, self.rows, width)
        return self._layout

    def _row_lines(self, layout: Layout, index: int) -> RowLines:
        """The styled lines of row ``index``, cut when the row first comes into view."""
        if (lines := self._lines.get(index)) is None:
            assert self.comparison is not None
            row = layout.rows[index]
            shown = row.kind is RowKind.PAIR
            hits = self._hits.get(row.pair) if shown else None
            flags = self._flags.get(row.pair, ()) if shown else ()
            lines = row_lines(self.comparison, layout, index, hits, flags)
            self._lines[index] = lines
        return lines

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(self._width, self._ensure_layout().height)
        self._scroll_to_cursor()

    def _scroll_to_cursor(self, centre: bool = False) -> None:
        """Bring the cursor row into view with a few lines of context around it.

        ``centre`` (for jumps) puts a row that was out of view a third of the way down.
        """
        layout = self._ensure_layout()
        if not layout.rows or not 0 <= self.cursor < len(layout.rows):
            return
        top, bottom = layout.text_lines(self.cursor)
        height = self.scrollable_content_region.height
        if height <= 0:
            return
        context = min(_CONTEXT, height // 4)
        y = self.scroll_offset.y
        if centre and (top < y or bottom > y + height):
            y = top - height // 3
        elif top - context < y:
            y = top - context
        elif bottom + context > y + height:
            y = min(top - context, bottom + context - height)
        self.scroll_to(y=max(y, 0), animate=False, force=True)

    # -- drawing ----------------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()

    def render_line(self, y: int) -> Strip:
        layout = self._ensure_layout()
        width = self._width
        line_y = self.scroll_offset.y + y
        if line_y >= layout.height or self.comparison is None:
            return Strip.blank(width, self.rich_style)
        index, offset = layout.locate(line_y)
        left_width, right_width = column_widths(width)
        top = layout.top(index)
        if offset < top:  # the blank line of a paragraph break
            cursor, left, right, line = False, [], [], -1
        else:
            offset -= top
            lines = self._row_lines(layout, index)
            cursor, left, right, line = index == self.cursor, lines.left, lines.right, offset
        segments = self._gutter(layout, index, cursor, line)
        segments += self._column(left, offset, left_width, cursor)
        segments.append(Segment(" │ ", self._styles.get(cursor, ("rule",))))
        segments += self._column(right, offset, right_width, cursor)
        return Strip(segments).adjust_cell_length(width, self._styles.get(cursor, ()))

    def _gutter(self, layout: Layout, index: int, cursor: bool, line: int) -> list[Segment]:
        """Cursor mark, then the row's symbol, score and flags (see :mod:`viewer.ui.gutter`)."""
        mark = Segment("▌" if cursor else " ", self._styles.get(cursor, ("cursor-mark",)))
        if self.comparison is None:
            return [mark]
        row = layout.rows[index]
        first, end = layout.text_lines(index)
        flags = self._flags.get(row.pair, ()) if row.kind is RowKind.PAIR else ()
        pieces = gutter_pieces(self.comparison, row, flags, line, end - first)
        return [mark, *(Segment(text, self._styles.get(cursor, marks)) for text, marks in pieces)]

    def _column(
        self, lines: list[list[Piece]], offset: int, width: int, cursor: bool
    ) -> list[Segment]:
        """Line ``offset`` of a column, cropped and padded to ``width`` cells."""
        pieces = lines[offset] if offset < len(lines) else []
        strip = Strip([Segment(text, self._styles.get(cursor, marks)) for text, marks in pieces])
        return list(strip.crop_extend(0, width, self._styles.get(cursor, ())))
