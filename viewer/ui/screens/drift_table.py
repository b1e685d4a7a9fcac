"""Every drift flag in a table: sort it, filter it, and go to a flag's pair side by side."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, TypeVar

from rich.style import Style
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Select, Static

from viewer.model import Comparison, Drift, DriftKind, Severity, Span
from viewer.ui.flag_table import FlagColumn, Flagged, FlagRef, flags_of, ordered, pair_ids, select
from viewer.ui.flags import FLAG_LETTERS
from viewer.ui.screens.pair import flag_content
from viewer.ui.visible import one_line

__all__ = ["DriftTableScreen"]

T = TypeVar("T")

_HEADS = {
    FlagColumn.SEVERITY: "Severity",
    FlagColumn.KIND: "Kind",
    FlagColumn.BEFORE: "Before (A)",
    FlagColumn.AFTER: "After (B)",
    FlagColumn.EXPLANATION: "Explanation",
    FlagColumn.A: "A offsets",
    FlagColumn.B: "B offsets",
}
_FIXED = {FlagColumn.SEVERITY: 10, FlagColumn.KIND: 15, FlagColumn.A: 11, FlagColumn.B: 11}
"""Widths of the columns whose text is short; the others share what is left."""


class DriftTableScreen(Screen[FlagRef | None]):
    """The flags of one or more comparisons; returns the flag chosen with enter, or ``None``.

    Rows are keyed by :class:`FlagRef` (comparison, flag), so a corpus audit can list the
    flags of many comparisons; a comparison column appears when there is more than one.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "drift-table--high",
        "drift-table--medium",
        "drift-table--low",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "sort", "Sort by next column", id="drift-table.sort"),
        Binding("r", "reverse", "Reverse order", id="drift-table.reverse"),
        Binding("k", "kind", "Filter kind", id="drift-table.kind"),
        Binding("f", "severity", "Filter severity", id="drift-table.severity"),
        Binding("escape", "back", "Back", id="drift-table.back"),
    ]

    kind: reactive[DriftKind | None] = reactive(None)
    """Only flags of this kind; ``None`` for every kind."""
    severity: reactive[Severity | None] = reactive(None)
    """Only flags of this severity; ``None`` for every severity."""
    sort: reactive[FlagColumn] = reactive(FlagColumn.SEVERITY)
    """The column the rows are sorted by (ties stay in reading order)."""
    reverse: reactive[bool] = reactive(False)

    def __init__(self, comparisons: Sequence[Flagged]) -> None:
        super().__init__()
        self.comparisons = tuple(comparisons)
        self.corpus = any(not isinstance(item, Comparison) for item in self.comparisons)
        """Whether the flags are a corpus audit's (every copy pair) rather than one pair's."""
        self.refs: list[FlagRef] = []
        """The rows shown, in order."""

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        with Horizontal(id="drift-filters"):
            kinds = [(f"{FLAG_LETTERS[kind]} {kind.value}", kind) for kind in DriftKind]
            yield Select(kinds, prompt="every kind", id="drift-kind", compact=True)
            severities = [(severity.value, severity) for severity in Severity]
            yield Select(severities, prompt="every severity", id="drift-severity", compact=True)
            yield Static(id="drift-count")
        yield DataTable(id="drift-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="drift-detail")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.title = "viewer"
        self.sub_title = "drift flags of every copy pair" if self.corpus else "drift flags"
        self.query_one(DataTable).focus()
        self._populate()

    def on_resize(self, event: events.Resize) -> None:
        self._populate()

    def watch_kind(self) -> None:
        self._refresh()

    def watch_severity(self) -> None:
        self._refresh()

    def watch_sort(self) -> None:
        self._refresh()

    def watch_reverse(self) -> None:
        self._refresh()

    def _refresh(self) -> None:
        if self.is_mounted:
            self._populate()

    # -- the table --------------------------------------------------------------------

    def _populate(self) -> None:
        """Fill the table for the filters and order, keeping the cursor on its flag."""
        table = self.query_one(DataTable)
        current = self.current
        table.clear(columns=True)
        many = len(self.comparisons) > 1 or self.corpus
        if many:
            table.add_column("Comparison", key="comparison", width=24)
        for column, width in self._widths(many).items():
            arrow = ("▼ " if not self.reverse else "▲ ") if column is self.sort else ""
            table.add_column(arrow + _HEADS[column], key=column.value, width=width)
        chosen = select(self.comparisons, self.kind, self.severity)
        self.refs = ordered(self.comparisons, chosen, self.sort, self.reverse)
        for ref in self.refs:
            cells = self._cells(ref.drift(self.comparisons))
            if many:
                a, b = pair_ids(self.comparisons[ref.comparison])
                cells.insert(0, Text(one_line(f"{a} → {b}"), no_wrap=True, overflow="ellipsis"))
            table.add_row(*cells, key=ref.key)
        if current in self.refs:
            table.move_cursor(row=self.refs.index(current))
        total = sum(len(flags_of(comparison)) for comparison in self.comparisons)
        self.query_one("#drift-count", Static).update(
            f"{len(self.refs)} of {total} flags · enter shows one side by side"
        )
        self._show_detail()

    @on(DataTable.RowHighlighted)
    def _show_detail(self) -> None:
        """The flag under the cursor in full, under the table: cells cut long text short."""
        current = self.current
        detail = self.query_one("#drift-detail", Static)
        if current is None:
            detail.update("No flags match the filters." if self.comparisons else "")
        else:
            detail.update(flag_content(current.drift(self.comparisons)))

    def _widths(self, many: bool) -> dict[FlagColumn, int]:
        """Every column's width: the short ones fixed, the texts sharing the rest."""
        spare = self.size.width - sum(_FIXED.values()) - 2 * len(FlagColumn) - 2
        spare -= 26 if many else 0
        text = max(spare // 4, 12)
        widths = {**_FIXED, FlagColumn.BEFORE: text, FlagColumn.AFTER: text}
        widths[FlagColumn.EXPLANATION] = max(spare - 2 * text, 20)
        return {column: widths[column] for column in FlagColumn}

    def _cells(self, drift: Drift) -> list[Text]:
        """A flag's cells, in the columns' order; article text is plain text, never markup."""
        full = self.get_component_rich_style(f"drift-table--{drift.severity.value}")
        style = Style(color=full.color, bold=full.bold)  # the row's own background shows
        return [
            Text(drift.severity.value, style=style),
            Text(f"{FLAG_LETTERS[drift.kind]} {drift.kind.value}", style=style),
            Text(one_line(drift.before) or "–"),
            Text(one_line(drift.after) or "–"),
            Text(one_line(drift.explanation)),
            Text(_offsets(drift.a_span)),
            Text(_offsets(drift.b_span)),
        ]

    @property
    def current(self) -> FlagRef | None:
        """The flag under the cursor, if any row is shown."""
        table = self.query_one(DataTable)
        if not table.row_count or not 0 <= table.cursor_row < len(self.refs):
            return None
        return self.refs[table.cursor_row]

    # -- events and actions -----------------------------------------------------------

    @on(DataTable.RowSelected)
    def _chosen(self, event: DataTable.RowSelected) -> None:
        self.dismiss(self.refs[event.cursor_row])

    @on(DataTable.HeaderSelected)
    def _header(self, event: DataTable.HeaderSelected) -> None:
        key = event.column_key.value
        if key not in {column.value for column in FlagColumn}:
            return  # the comparison column
        column = FlagColumn(key)
        if column is self.sort:
            self.reverse = not self.reverse
        else:
            self.sort, self.reverse = column, False

    @on(Select.Changed, "#drift-kind")
    def _kind_chosen(self, event: Select.Changed) -> None:
        self.kind = event.value if isinstance(event.value, DriftKind) else None

    @on(Select.Changed, "#drift-severity")
    def _severity_chosen(self, event: Select.Changed) -> None:
        self.severity = event.value if isinstance(event.value, Severity) else None

    def action_sort(self) -> None:
        """Sort by the next column (severity, kind, before, after, explanation, A, B)."""
        self.sort, self.reverse = self.sort.next(), False

    def action_reverse(self) -> None:
        """Reverse the order of the rows."""
        self.reverse = not self.reverse

    def action_kind(self) -> None:
        """Show only the next kind of flag, then every kind again."""
        self.kind = _cycle(list(DriftKind), self.kind)
        self.query_one("#drift-kind", Select).value = self.kind or Select.NULL

    def action_severity(self) -> None:
        """Show only high, then medium, then low flags, then every severity again."""
        self.severity = _cycle(list(Severity), self.severity)
        self.query_one("#drift-severity", Select).value = self.severity or Select.NULL

    def action_back(self) -> None:
        """Back to the side-by-side view, the cursor where it was."""
        self.dismiss(None)


def _cycle(values: list[T], current: T | None) -> T | None:
    """The value after ``current`` in ``values``; after the last, ``None`` (no filter)."""
    if current is None:
        return values[0]
    index = values.index(current) + 1
    return values[index] if index < len(values) else None


def _offsets(span: Span) -> str:
    """``start–end``, or ``at start`` for an empty span (a place, not text)."""
    return f"{span.start}–{span.end}" if span.end > span.start else f"at {span.start}"
