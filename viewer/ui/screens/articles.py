"""The corpus view: every loaded article, grouped into copy families once audited.

The list shows as soon as the articles are loaded; when the audit is done each family
gets a heading and its articles follow in derivation-tree order (with how much of each
came from its parent), then the articles that belong to no family.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar, NamedTuple

from rich.style import Style
from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from viewer.report.pairs import percent_label
from viewer.ui.corpus import ArticleRow, FamilyRow, corpus_rows, family_label, pair_for
from viewer.ui.messages import CorpusView, OpenArticle, OpenPair, OpenView
from viewer.ui.screens.history import OpenHistory

if TYPE_CHECKING:
    from viewer.corpus.audit import Audit
    from viewer.ui.summary import Summary

__all__ = ["ArticlesScreen"]

_OPTIONAL = (("Source", 12, "source"), ("Date", 10, "date"))
"""Columns shown only when some article has a value for them: name, width, field."""
_FAMILY_KEY = "\x00family:"
"""Row keys of headings start so; article ids never hold a NUL."""
BATCH = 100
"""Rows added to the table at a time. Adding a row and the table's measuring of it take
a few tenths of a millisecond, so a batch keeps the event loop busy well under 50 ms,
and a list of thousands of articles never stalls keys or drawing."""
_PAUSE = 0.005
"""Seconds between batches, for the table to measure the last one and the screen to
draw it."""


class _Shape(NamedTuple):
    """What the rows of one fill need to know about the columns."""

    by_id: dict[str, Summary]
    optional: tuple[str, ...]
    """The fields of the optional columns shown, in order."""
    audited: bool
    """Whether the audit's columns (share, parent) are shown."""
    path_width: int


class ArticlesScreen(Screen[None]):
    """The corpus: families and their articles, then the rest. Enter compares; space
    marks two articles to compare any pair."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"articles--family", "articles--lone"}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "mark", "Mark", id="articles.mark"),
        Binding("c", "compare", "Compare", id="articles.compare"),
        Binding("r", "read", "Read", id="articles.read"),
        # in help and the command palette; the footer keeps room for "? Help"
        Binding("h", "history", "History", id="articles.history", show=False),
        Binding("g", "view('graph')", "Derivation graph", id="articles.graph"),
        Binding("t", "view('provenance')", "Trace provenance", id="articles.provenance"),
        Binding("V", "view('variants')", "Variants", id="articles.variants"),
        Binding("d", "view('drift')", "Corpus drift", id="articles.drift"),
        Binding("escape", "clear_marks", "Clear marks", show=False, id="articles.clear"),
    ]

    summaries: reactive[tuple[Summary, ...] | None] = reactive(None)
    """The articles to list; ``None`` while they are still loading."""
    problems: reactive[int] = reactive(0)
    """How many inputs could not be loaded."""
    marked: reactive[tuple[str, ...]] = reactive(())
    """Ids of the marked articles, in the order they were marked (two at most)."""
    audit: reactive[Audit | None] = reactive(None)
    """The corpus audit; ``None`` until it is done."""
    progress: reactive[str] = reactive("")
    """What the audit is doing, in a few words; empty when it is not running."""

    def __init__(self) -> None:
        super().__init__()
        self._grouped = False
        """Whether the table shows families (the audit had arrived when it was filled)."""
        self._wanted: str | None = None
        """The row to put the cursor on when a fill adds it: where it was before."""
        self._fills = 0
        """How many times the table was filled: the number of the fill under way."""

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield DataTable(id="articles", cursor_type="row", zebra_stripes=True)
        yield Static(id="articles-status")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.title = "viewer"
        self.sub_title = "corpus"
        self.query_one(DataTable).loading = self.summaries is None
        self._update_status()

    def watch_summaries(self) -> None:
        if self.is_mounted:
            self._populate()

    def watch_audit(self) -> None:
        if self.is_mounted:
            self._populate()

    def watch_marked(self, old: tuple[str, ...], new: tuple[str, ...]) -> None:
        if not self.is_mounted:
            return
        table = self.query_one(DataTable)
        for article_id in {*old, *new}:
            if article_id in table.rows:
                table.update_cell(article_id, "mark", self._mark(article_id))
        self._update_status()

    def watch_problems(self) -> None:
        if self.is_mounted:
            self._update_status()

    def watch_progress(self) -> None:
        if self.is_mounted:
            self._update_status()

    def on_resize(self, event: events.Resize) -> None:
        self._populate()

    # -- the table --------------------------------------------------------------------

    def _populate(self) -> None:
        """Fill the table, keeping the cursor on its article; columns no article fills
        are left out, and the title takes the room the others leave. The first
        :data:`BATCH` rows go in at once, the rest in a worker, batch by batch."""
        table = self.query_one(DataTable)
        table.loading = self.summaries is None
        current = self._cursor_key()
        if self._wanted is not None and table.cursor_row == 0:
            current = self._wanted  # a fill under way has not reached it yet
        if self.audit is not None and not self._grouped and table.cursor_row == 0:
            current = None  # not moved before the families came: start on the first article
        self._grouped = self.audit is not None
        table.clear(columns=True)
        summaries = self.summaries or ()
        shape = self._add_columns(table, summaries)
        if self.audit is None:
            rows: list[FamilyRow | ArticleRow] = [
                ArticleRow(summary.id, "", None, -1) for summary in summaries
            ]
        else:
            rows = corpus_rows([summary.id for summary in summaries], self.audit)
        self._wanted = current
        self._add_rows(rows[:BATCH], shape)
        if current is None and rows and isinstance(rows[0], FamilyRow) and table.row_count > 1:
            table.move_cursor(row=1)  # the first article, not the first heading
        self._fills += 1
        if len(rows) > BATCH:
            self._fill(rows[BATCH:], shape, self._fills)
        else:
            self._wanted = None
        self._update_status()

    def _add_columns(self, table: DataTable[object], summaries: tuple[Summary, ...]) -> _Shape:
        """Add the columns the articles need, sized to the screen."""
        optional = [
            (name, width, field)
            for name, width, field in _OPTIONAL
            if any(getattr(summary, field) for summary in summaries)
        ]
        audited = self.audit is not None
        longest = max((len(summary.path) for summary in summaries), default=4)
        path_width = min(longest, max(self.size.width // (8 if audited else 5), 10), 60)
        fixed = 1 + 7 + path_width + sum(width for _, width, _ in optional)
        fixed += 6 + 20 if audited else 0
        padding = 2 * (4 + len(optional) + (2 if audited else 0)) + 1
        title_width = max(self.size.width - fixed - padding, 16)
        table.add_column("", key="mark", width=1)
        table.add_column("Title", key="title", width=title_width)
        for name, width, field in optional:
            table.add_column(name, key=field, width=width)
        table.add_column("  Words", key="words", width=7)
        if audited:
            table.add_column("  From", key="share", width=6)
            table.add_column("Parent", key="parent", width=20)
        table.add_column("Path", key="path", width=path_width)
        by_id = {summary.id: summary for summary in summaries}
        return _Shape(by_id, tuple(field for _, _, field in optional), audited, path_width)

    # a description, else Textual repr()s the arguments (whole articles) on the event loop
    @work(group="articles-fill", description="filling the list")
    async def _fill(self, rows: list[FamilyRow | ArticleRow], shape: _Shape, fill: int) -> None:
        """Add ``rows`` batch by batch, letting the table measure each batch and the
        screen answer keys in between; stop when a newer fill (not number ``fill``) has
        cleared the table."""
        for start in range(0, len(rows), BATCH):
            await asyncio.sleep(_PAUSE)
            if fill != self._fills:
                return
            self._add_rows(rows[start : start + BATCH], shape)
        self._wanted = None

    def _add_rows(self, rows: Sequence[FamilyRow | ArticleRow], shape: _Shape) -> None:
        """Add one batch of rows; put the cursor back on its article if it is among them."""
        table = self.query_one(DataTable)
        by_id = shape.by_id
        for row in rows:
            if isinstance(row, FamilyRow):
                table.add_row(Text(" "), self._heading(row), key=f"{_FAMILY_KEY}{row.number}")
                continue
            summary = by_id[row.article]
            cells = [
                self._mark(summary.id),
                _cell(row.prefix + summary.title),
                *(_cell(getattr(summary, field)) for field in shape.optional),
                Text(f"{summary.words:>7,}"),
            ]
            if shape.audited:
                edge = row.edge
                cells.append(Text(f"{percent_label(edge.share):>6}" if edge else ""))
                cells.append(_cell(by_id[edge.source].title if edge else ""))
            cells.append(_cell(_left_cut(summary.path, shape.path_width)))
            table.add_row(*cells, key=summary.id)
        if self._wanted is not None and self._wanted in table.rows:
            table.move_cursor(row=table.get_row_index(self._wanted))
            self._wanted = None

    def _heading(self, row: FamilyRow) -> Text:
        """A family's heading, or the heading of the articles in no family."""
        if row.number < 0:
            style = self.get_component_rich_style("articles--lone")
            label = f"In no family · {row.size} article{'s' if row.size != 1 else ''}"
        else:
            assert self.audit is not None
            style = self.get_component_rich_style("articles--family")
            label = family_label(self.audit.families[row.number], row.number)
        return Text(label, style=Style(color=style.color, bold=style.bold), no_wrap=True)

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
            count = len(self.summaries)
            text = f"{count:,} article{'s' if count != 1 else ''}"
            if self.audit is not None:
                families = len(self.audit.families)
                text += f" · {families} famil{'ies' if families != 1 else 'y'}"
                text += " · enter compares an article with its parent"
            text += " · space marks two to compare any pair"
        else:
            text = "Two marked · c or enter compares them, escape clears the marks"
        if self.progress:
            text = f"{self.progress} · {text}"
        if self.problems:
            text += f" · p lists {self.problems} load problem{'s' if self.problems != 1 else ''}"
        status.update(text)

    def _cursor_key(self) -> str | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def _cursor_id(self) -> str | None:
        """The article under the cursor; ``None`` on a heading."""
        key = self._cursor_key()
        return None if key is None or key.startswith(_FAMILY_KEY) else key

    def _cursor_family(self) -> int | None:
        """The family whose heading is under the cursor (-1: no family), else ``None``."""
        key = self._cursor_key()
        if key is None or not key.startswith(_FAMILY_KEY):
            return None
        return int(key.removeprefix(_FAMILY_KEY))

    def _cursor_article(self) -> str | None:
        """The article under the cursor, or the root of the family whose heading it is."""
        family = self._cursor_family()
        if family is not None and family >= 0 and self.audit is not None:
            return self.audit.lineages[family].root
        return self._cursor_id()

    # -- actions ----------------------------------------------------------------------

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
        """Compare the two marked articles, or the one marked with the one under the
        cursor; with none marked, the article under the cursor with its parent (a family
        heading: the family's strongest derivation), the source on the left."""
        chosen = list(self.marked)
        cursor = self._cursor_article()
        if not chosen and cursor is not None and self.audit is not None:
            pair = pair_for(self.audit, cursor)
            if pair is not None:
                self.post_message(OpenPair(*pair))
                return
        if len(chosen) < 2 and cursor is not None and cursor not in chosen:
            chosen.append(cursor)
        if len(chosen) < 2:
            self.notify("Mark an article with space, then press enter on another.")
            return
        self.post_message(OpenPair(chosen[0], chosen[1]))

    def action_read(self) -> None:
        """Read the article under the cursor alone."""
        article = self._cursor_article()
        if article is not None:
            self.post_message(OpenArticle(article))

    def action_history(self) -> None:
        """Show every loaded version of the article under the cursor, in time order."""
        article = self._cursor_article()
        if article is not None:
            self.post_message(OpenHistory(article))

    def action_view(self, view: str) -> None:
        """Open a corpus view (graph, provenance, variants, drift) on the cursor's article."""
        self.post_message(OpenView(CorpusView(view), self._cursor_article()))

    @on(DataTable.RowSelected)
    def _row_selected(self) -> None:
        self.action_compare()


def _cell(text: str) -> Text:
    """A table cell holding ``text`` as plain text: never read as markup."""
    return Text(text, no_wrap=True, overflow="ellipsis")


def _left_cut(path: str, width: int) -> str:
    """``path`` cut from the left to ``width`` characters: the file name matters most."""
    return path if len(path) <= width else "…" + path[len(path) - width + 1 :]
