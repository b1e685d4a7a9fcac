"""The list of loaded articles, where two are chosen to compare side by side."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from viewer.ui.summary import Summary

__all__ = ["ArticlesScreen"]

_OPTIONAL = (("Source", 12, "source"), ("Date", 10, "date"))
"""Columns shown only when some article has a value for them: name, width, field."""


class ArticlesScreen(Screen[None]):
    """Every loaded article in a table; mark two with space, then compare them."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "mark", "Mark", id="articles.mark"),
        Binding("c", "compare", "Compare marked", id="articles.compare"),
        Binding("escape", "clear_marks", "Clear marks", show=False, id="articles.clear"),
    ]

    summaries: reactive[tuple[Summary, ...] | None] = reactive(None)
    """The articles to list; ``None`` while they are still loading."""
    problems: reactive[int] = reactive(0)
    """How many inputs could not be loaded."""
    marked: reactive[tuple[str, ...]] = reactive(())
    """Ids of the marked articles, in the order they were marked (two at most)."""

    class Compare(Message):
        """The person asked to compare two articles: ``base`` on the left."""

        def __init__(self, base: Summary, other: Summary) -> None:
            super().__init__()
            self.base = base
            self.other = other

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield DataTable(id="articles", cursor_type="row", zebra_stripes=True)
        yield Static(id="articles-status")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.title = "viewer"
        self.sub_title = "articles"
        self.query_one(DataTable).loading = self.summaries is None
        self._update_status()

    def watch_summaries(self) -> None:
        if self.is_mounted:
            self._populate()

    def watch_marked(self) -> None:
        if self.is_mounted:
            self._populate()

    def watch_problems(self) -> None:
        if self.is_mounted:
            self._update_status()

    def on_resize(self, event: events.Resize) -> None:
        self._populate()

    def _populate(self) -> None:
        """Fill the table, keeping the cursor where it was; columns no article fills are
        left out, and the title takes the room the others leave."""
        table = self.query_one(DataTable)
        table.loading = self.summaries is None
        row = table.cursor_row
        table.clear(columns=True)
        summaries = self.summaries or ()
        optional = [
            (name, width, field)
            for name, width, field in _OPTIONAL
            if any(getattr(summary, field) for summary in summaries)
        ]
        longest = max((len(summary.path) for summary in summaries), default=4)
        path_width = min(longest, max(self.size.width // 5, 10), 60)
        fixed = 1 + 7 + path_width + sum(width for _, width, _ in optional)
        padding = 2 * (4 + len(optional)) + 1
        title_width = max(self.size.width - fixed - padding, 16)
        table.add_column("", key="mark", width=1)
        table.add_column("Title", key="title", width=title_width)
        for name, width, field in optional:
            table.add_column(name, key=field, width=width)
        table.add_column("  Words", key="words", width=7)
        table.add_column("Path", key="path", width=path_width)
        for summary in summaries:
            table.add_row(
                self._mark(summary.id),
                _cell(summary.title),
                *(_cell(getattr(summary, field)) for _, _, field in optional),
                Text(f"{summary.words:>7,}"),
                _cell(_left_cut(summary.path, path_width)),
                key=summary.id,
            )
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))
        self._update_status()

    def _mark(self, article_id: str) -> Text:
        if article_id not in self.marked:
            return Text(" ")
        return Text("AB"[self.marked.index(article_id)], style="bold")

    def _update_status(self) -> None:
        status = self.query_one("#articles-status", Static)
        if self.summaries is None:
            status.update("Loading articles…")
            return
        if not self.summaries:
            text = "No articles were loaded."
        elif len(self.marked) < 2:
            text = (
                f"{len(self.summaries)} articles · space marks one, enter on another compares "
                "them (the first marked is the base, A)"
            )
        else:
            text = "Two marked · c or enter compares them, escape clears the marks"
        if self.problems:
            text += f" · p lists {self.problems} load problem{'s' if self.problems != 1 else ''}"
        status.update(text)

    def _summary(self, article_id: str) -> Summary:
        return next(s for s in self.summaries or () if s.id == article_id)

    def _cursor_id(self) -> str | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return key

    def action_mark(self) -> None:
        """Mark the article under the cursor, or unmark it; marking a third drops the first."""
        article_id = self._cursor_id()
        if article_id is None:
            return
        if article_id in self.marked:
            self.marked = tuple(m for m in self.marked if m != article_id)
        else:
            self.marked = (*self.marked, article_id)[-2:]

    def action_clear_marks(self) -> None:
        """Unmark every article."""
        self.marked = ()

    def action_compare(self) -> None:
        """Compare the two marked articles, or the one marked with the one under the cursor."""
        chosen = list(self.marked)
        cursor = self._cursor_id()
        if len(chosen) < 2 and cursor is not None and cursor not in chosen:
            chosen.append(cursor)
        if len(chosen) < 2:
            self.notify("Mark an article with space, then press enter on another.")
            return
        self.post_message(self.Compare(self._summary(chosen[0]), self._summary(chosen[1])))

    @on(DataTable.RowSelected)
    def _row_selected(self) -> None:
        self.action_compare()


def _cell(text: str) -> Text:
    """A table cell holding ``text`` as plain text: never read as markup."""
    return Text(text, no_wrap=True, overflow="ellipsis")


def _left_cut(path: str, width: int) -> str:
    """``path`` cut from the left to ``width`` characters: the file name matters most."""
    return path if len(path) <= width else "…" + path[len(path) - width + 1 :]
