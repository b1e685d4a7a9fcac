"""The revision history of one article: its versions in time order, what each step
changed, and each sentence's life through the versions.

The versions show at once; the steps (each version compared with the one before) and the
sentence timeline are worked out in a worker, so a long history never stalls the keys.
Every piece of article text reaches the screen as a Rich :class:`~rich.text.Text` built
from plain strings, never as markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from viewer.history.build import Revisions, revisions
from viewer.history.timeline import Row
from viewer.history.versions import History
from viewer.ui.background import Abandoned, abandonable
from viewer.ui.history_view import LEGEND, left_cut, row_marks, step_text
from viewer.ui.messages import OpenPair
from viewer.ui.visible import one_line

if TYPE_CHECKING:
    from viewer.history.steps import Step
    from viewer.history.versions import Version

__all__ = ["HistoryScreen", "OpenHistory"]

_SCROLLBAR = 2
"""Columns kept free for a table's vertical scroll bar, so no row is wider than the screen."""


class OpenHistory(Message):
    """Show the revision history of an article: every loaded version of it."""

    def __init__(self, article: str) -> None:
        super().__init__()
        self.article = article
        """Id of the article."""


class HistoryScreen(Screen[None]):
    """The versions of one article in time order; under them the selected version's step
    (its summary and drift flags) and the sentence timeline."""

    DEFAULT_CSS = """
    HistoryScreen #history-heading {
        height: auto;
        padding: 0 1;
        color: $text-accent;
        text-style: bold;
    }
    HistoryScreen #history-heading, HistoryScreen #history-status {
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    HistoryScreen #history-notes {
        height: auto;
        padding: 0 1;
        color: $text-muted;
    }
    HistoryScreen #history-versions {
        height: auto;
        max-height: 40%;
        overflow-x: hidden;
    }
    HistoryScreen #history-step {
        height: auto;
        max-height: 9;
        padding: 0 1;
        margin-top: 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    HistoryScreen #history-legend {
        height: 1;
        padding: 0 1;
        margin-top: 1;
        color: $text-muted;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    HistoryScreen #history-timeline {
        height: 1fr;
        overflow-x: hidden;
    }
    HistoryScreen #history-status {
        height: 1;
        padding: 0 1;
        background: $panel;
        color: $text-muted;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "previous", "Compare with previous", priority=True, id="history.previous"),
        Binding("c", "mark", "Mark / compare", id="history.mark"),
        Binding("escape", "back", "Back", id="history.back"),
    ]

    class Computed(Message):
        """The worker compared the versions and followed the sentences through them."""

        def __init__(self, found: Revisions) -> None:
            super().__init__()
            self.found = found

    def __init__(self, history: History, article: str | None = None) -> None:
        super().__init__()
        self.history = history
        self.found: Revisions | None = None
        """The steps and the timeline; ``None`` while the worker works them out."""
        self.marked: int | None = None
        """The number of the version ``c`` marked, waiting for a second one."""
        self._start = next(
            (v.number for v in history.versions if v.article.id == article),
            history.versions[0].number if history.versions else 1,
        )
        """The version the cursor starts on: the article the history was opened on."""

    @property
    def versions(self) -> tuple[Version, ...]:
        return self.history.versions

    @property
    def selected(self) -> Version | None:
        """The version under the cursor."""
        table = self.query_one("#history-versions", DataTable)
        row = table.cursor_row
        return self.versions[row] if 0 <= row < len(self.versions) else None

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield Static(id="history-heading")
        yield Static(id="history-notes")
        yield DataTable(id="history-versions", cursor_type="row", zebra_stripes=True)
        yield Static(id="history-step")
        yield Static(Text(f"Sentence timeline: {LEGEND}"), id="history-legend")
        yield DataTable(id="history-timeline", cursor_type="none", zebra_stripes=True)
        yield Static(id="history-status")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.title = "viewer"
        address = self.history.address
        self.sub_title = "history"
        count = len(self.versions)
        name = one_line(address) if address else "versions without an address"
        heading = Text("History of ")
        heading.append(name)
        heading.append(f" · {count} version{'' if count == 1 else 's'}")
        self.query_one("#history-heading", Static).update(heading)
        notes = self.query_one("#history-notes", Static)
        notes.update(Text("\n".join(one_line(note) for note in self.history.notes)))
        notes.display = bool(self.history.notes)
        self._fill_versions()
        table = self.query_one("#history-versions", DataTable)
        table.move_cursor(row=self._start - 1)
        table.focus()
        self.query_one("#history-timeline", DataTable).loading = True
        self._show_step()
        self._status()
        self._compute(self.history)

    def on_resize(self, event: events.Resize) -> None:
        self._fill_versions()
        self._fill_timeline()

    # -- working it out ---------------------------------------------------------------

    # a description, else Textual repr()s the arguments (whole articles) on the event loop
    @work(thread=True, exclusive=True, group="history", description="comparing the versions")
    def _compute(self, history: History) -> None:
        try:
            found = abandonable(lambda: revisions(history))
        except Abandoned:
            return
        self.post_message(self.Computed(found))

    @on(Computed)
    def _computed(self, message: Computed) -> None:
        self.found = message.found
        self.query_one("#history-timeline", DataTable).loading = False
        self._fill_timeline()
        self._show_step()
        self._status()

    # -- the versions -----------------------------------------------------------------

    def _fill_versions(self) -> None:
        """One row per version: mark, number, capture time, size, path."""
        table = self.query_one("#history-versions", DataTable)
        row = table.cursor_row
        table.clear(columns=True)
        versions = self.versions
        number = max(len(str(len(versions))), 1)
        when = max((len(v.when) for v in versions), default=7)
        size = max((len(f"{v.size:,}") for v in versions), default=4)
        fixed = 1 + max(number, 1) + max(when, 8) + max(size, 5) + 2 * 5
        path_width = max(self.size.width - fixed - _SCROLLBAR, 12)
        table.add_column("", key="mark", width=1)
        table.add_column("#", key="number", width=max(number, 1))
        table.add_column("Captured", key="when", width=max(when, 8))
        table.add_column(Text("Size".rjust(max(size, 5))), key="size", width=max(size, 5))
        table.add_column("Path", key="path", width=path_width)
        for version in versions:
            article = version.article
            path = (
                article.path if article.record is None else f"{article.path} #{article.record + 1}"
            )
            table.add_row(
                self._mark(version.number),
                Text(f"{version.number:>{number}}"),
                Text(version.when),
                Text(f"{version.size:>{max(size, 5)},}"),
                Text(left_cut(one_line(path), path_width), no_wrap=True, overflow="ellipsis"),
                key=str(version.number),
            )
        if versions:
            table.move_cursor(row=min(max(row, 0), len(versions) - 1))

    def _mark(self, number: int) -> Text:
        return Text("*", style="bold") if number == self.marked else Text(" ")

    @on(DataTable.RowHighlighted, "#history-versions")
    def _highlighted(self) -> None:
        self._show_step()
        self._highlight_column()
        self._status()

    # -- the selected step ------------------------------------------------------------

    def _step(self, version: Version) -> Step | None:
        """The step that led to ``version``; ``None`` for the first or while computing."""
        if self.found is None or version.number < 2:
            return None
        return self.found.steps[version.number - 2]

    def _show_step(self) -> None:
        """The selected version's step: its summary, then its flags, one a line."""
        panel = self.query_one("#history-step", Static)
        version = self.selected
        if version is None:
            panel.update(Text())
            return
        panel.update(step_text(version, self._step(version), computed=self.found is not None))

    # -- the timeline -----------------------------------------------------------------

    def _fill_timeline(self) -> None:
        """One row per sentence: its number, its mark in each version, its text (where it
        first appears) cut to the width left."""
        table = self.query_one("#history-timeline", DataTable)
        table.clear(columns=True)
        found = self.found
        if found is None:
            return
        versions = self.versions
        digits = len(str(len(found.rows)))
        marks_width = max(2 * len(versions) - 1, 1)
        text_width = max(self.size.width - digits - marks_width - 2 * 3 - _SCROLLBAR, 16)
        header = " ".join(str(v.number % 10) for v in versions)
        table.add_column(Text("#".rjust(digits)), key="row", width=digits)
        table.add_column(Text(header), key="marks", width=marks_width)
        table.add_column("Sentence", key="text", width=text_width)
        for row in found.rows:
            table.add_row(
                Text(f"{row.number:>{digits}}"),
                self._marks(row),
                Text(one_line(row.text), no_wrap=True, overflow="ellipsis"),
                key=str(row.number),
            )

    def _marks(self, row: Row) -> Text:
        """The row's mark in each version, the selected version's underlined."""
        return row_marks(row, self.versions, self.selected)

    def _highlight_column(self) -> None:
        """Redraw the marks so the selected version's column stands out."""
        found = self.found
        if found is None:
            return
        table = self.query_one("#history-timeline", DataTable)
        for row in found.rows:
            key = str(row.number)
            if key in table.rows:
                table.update_cell(key, "marks", self._marks(row))

    # -- status -----------------------------------------------------------------------

    def _status(self) -> None:
        version = self.selected
        parts: list[str] = []
        if version is not None:
            parts.append(f"version {version.number}/{len(self.versions)}")
        if self.found is None:
            parts.append("comparing the versions…")
        if self.marked is not None:
            parts.append(f"version {self.marked} marked · c on another compares them")
        else:
            parts.append("enter compares with the version before · c marks two to compare")
        self.query_one("#history-status", Static).update(Text(" · ".join(parts)))

    # -- actions ----------------------------------------------------------------------

    def _compare(self, older: Version, newer: Version) -> None:
        self.post_message(OpenPair(older.article.id, newer.article.id))

    def action_previous(self) -> None:
        """Compare the selected version with the one before it, side by side."""
        version = self.selected
        if version is None:
            return
        if version.number < 2:
            self.notify("Version 1 is the first: nothing before it to compare with.", timeout=3)
            return
        self._compare(self.versions[version.number - 2], version)

    def action_mark(self) -> None:
        """Mark the selected version; on a second one, compare the two (older on the left)."""
        version = self.selected
        if version is None:
            return
        marked, table = self.marked, self.query_one("#history-versions", DataTable)
        if marked is None or marked == version.number:
            self.marked = None if marked == version.number else version.number
            table.update_cell(str(version.number), "mark", self._mark(version.number))
            self._status()
            return
        self.marked = None
        table.update_cell(str(marked), "mark", self._mark(marked))
        self._status()
        older, newer = sorted((self.versions[marked - 1], version), key=lambda v: v.number)
        self._compare(older, newer)

    def action_back(self) -> None:
        """Clear a mark if there is one, else go back to the list."""
        if self.marked is not None:
            marked, self.marked = self.marked, None
            table = self.query_one("#history-versions", DataTable)
            table.update_cell(str(marked), "mark", self._mark(marked))
            self._status()
            return
        self.dismiss()
