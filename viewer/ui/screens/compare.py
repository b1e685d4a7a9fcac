"""Two articles side by side: the heart of the app."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Static

from viewer.pairwise.compare import compare
from viewer.report.pairs import similarity_label
from viewer.ui.background import Abandoned, abandonable
from viewer.ui.density import pair_at
from viewer.ui.export import ExportFormat, default_path, write_report
from viewer.ui.gutter import describe_flags, describe_pair
from viewer.ui.messages import CorpusView, OpenView
from viewer.ui.rows import RowKind, pair_holding
from viewer.ui.screens.choose import ChooseArticleScreen
from viewer.ui.screens.drift_table import DriftTableScreen
from viewer.ui.screens.export import ExportRequest, ExportScreen
from viewer.ui.screens.overview import OverviewScreen
from viewer.ui.screens.pair import PairScreen
from viewer.ui.widgets.column_heads import ColumnHeads
from viewer.ui.widgets.side_by_side import SideBySide

if TYPE_CHECKING:
    from viewer.model import Comparison
    from viewer.ui.flag_table import FlagRef
    from viewer.ui.highlight import Side
    from viewer.ui.summary import Summary

__all__ = ["CompareScreen"]


class CompareScreen(Screen[None]):
    """A base article (A, left) and another (B, right), aligned pair by pair."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "next(1)", "Next change", id="compare.next"),
        Binding("N", "next(-1)", "Previous change", show=False, id="compare.previous"),
        Binding("right_square_bracket", "flag(1)", "Next flag", id="compare.next-flag"),
        Binding(
            "left_square_bracket",
            "flag(-1)",
            "Previous flag",
            show=False,
            id="compare.previous-flag",
        ),
        Binding("d", "drift_table", "Drift table", id="compare.drift-table"),
        Binding("g", "view('graph', 'a')", "Derivation graph", show=False, id="compare.graph"),
        Binding("t", "view('provenance', 'b')", "Trace B", show=False, id="compare.provenance"),
        Binding("V", "view('variants', 'a')", "Variants", show=False, id="compare.variants"),
        Binding("v", "overview", "Overview", show=False, id="compare.overview"),
        Binding("e", "export", "Export", show=False, id="compare.export"),
        Binding("enter", "details", "Details", id="compare.details"),
        Binding("m", "moved", "Jump moved", show=False, id="compare.moved"),
        Binding("f", "filter", "Filter", id="compare.filter"),
        Binding("slash", "search", "Search", id="compare.search"),
        Binding("s", "swap", "Swap sides", id="compare.swap"),
        Binding("b", "choose('base')", "Choose base", show=False, id="compare.base"),
        Binding("o", "choose('other')", "Choose other", show=False, id="compare.other"),
        Binding("escape", "back", "Back", show=False, id="compare.back"),
    ]

    class Compared(Message):
        """A comparison finished in the worker."""

        def __init__(self, comparison: Comparison) -> None:
            super().__init__()
            self.comparison = comparison

    class Exported(Message):
        """The export worker wrote a report, or could not."""

        def __init__(self, path: Path | None, error: str = "") -> None:
            super().__init__()
            self.path = path
            """Where the report was written; ``None`` when it was not."""
            self.error = error
            """Why it was not, in words a person can act on."""

    def __init__(
        self,
        base: Summary,
        other: Summary,
        articles: tuple[Summary, ...],
        *,
        at_pair: int | None = None,
        at_sentences: tuple[int, int | None] | None = None,
    ) -> None:
        super().__init__()
        self.base = base
        """The article on the left (A); changes read as going from it to ``other`` (B)."""
        self.other = other
        self.articles = articles
        """Every loaded article, for choosing another base or other."""
        self._cache: dict[tuple[str, str], Comparison] = {}
        self._at_pair = at_pair
        """The pair to put the cursor on once the first comparison is shown."""
        self._at_sentences = at_sentences
        """Else the base's sentence (and the other's) whose pair to put the cursor on."""
        self._keep: tuple[Side, int] | None = None
        """After a swap, the sentence to put the cursor back on."""
        self._hits = (0, 0)
        """Search matches counted, and the pairs holding them."""

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield ColumnHeads()
        yield SideBySide(id="side-by-side")
        yield Input(
            placeholder="search both articles · enter keeps the search · escape clears it",
            compact=True,
            id="search",
        )
        yield Static(id="compare-status")
        yield Footer(compact=True)

    @property
    def view(self) -> SideBySide:
        """The side-by-side view."""
        return self.query_one(SideBySide)

    def on_mount(self) -> None:
        self.title = "viewer"
        self.query_one("#search", Input).display = False
        self._start()

    # -- comparing --------------------------------------------------------------------

    def _start(self) -> None:
        """Compare the base with the other, from the cache or in a worker."""
        self.query_one(ColumnHeads).heads = (self.base, self.other)
        self.sub_title = "side by side"
        cached = self._cache.get((self.base.id, self.other.id))
        if cached is not None:
            self.post_message(self.Compared(cached))
            return
        self.view.loading = True
        self._status(Content(f"Comparing {self.base.title} with {self.other.title}…"))
        self._compare(self.base, self.other)

    # a description, else Textual repr()s the arguments (whole articles) on the event loop
    @work(thread=True, exclusive=True, group="compare", description="comparing")
    def _compare(self, base: Summary, other: Summary) -> None:
        try:
            comparison = abandonable(lambda: compare(base.article, other.article))
        except Abandoned:
            return
        self.post_message(self.Compared(comparison))

    @on(Compared)
    def _compared(self, message: Compared) -> None:
        comparison = message.comparison
        if (comparison.a.id, comparison.b.id) != (self.base.id, self.other.id):
            return  # the person chose another pair while this one was computed
        self._cache[(comparison.a.id, comparison.b.id)] = comparison
        view = self.view
        view.loading = False
        view.comparison = comparison
        if self._keep is not None:
            self._put_cursor_on(*self._keep)
            self._keep = None
        elif self._at_pair is not None:
            view.show_pair(self._at_pair)
        elif self._at_sentences is not None:
            found = pair_holding(comparison, *self._at_sentences)
            if found is not None:
                view.show_pair(found)
        self._at_pair = self._at_sentences = None
        view.focus()

    def _put_cursor_on(self, side: Side, sentence: int) -> None:
        """Put the cursor on the pair holding ``sentence`` of side ``side``."""
        view = self.view
        assert view.comparison is not None
        pairs = view.comparison.pairs
        for index, row in enumerate(view.rows):
            if row.kind is not RowKind.PAIR:
                continue
            pair = pairs[row.pair]
            if sentence in (pair.a if side == "a" else pair.b):
                view.cursor = index
                return

    # -- status -----------------------------------------------------------------------

    def _status(self, content: Content) -> None:
        self.query_one("#compare-status", Static).update(content)

    @on(SideBySide.SearchCounted)
    def _counted(self, message: SideBySide.SearchCounted) -> None:
        self._hits = (message.hits, message.rows)
        self._update_status()

    @on(SideBySide.CursorMoved)
    def _update_status(self) -> None:
        view = self.view
        comparison = view.comparison
        if comparison is None:
            return
        current = view.current_row
        change = None
        pair_row = current is not None and current.kind is RowKind.PAIR
        if current is not None and pair_row and current.pair < len(comparison.changes):
            change = comparison.changes[current.pair]
        parts = [describe_pair(view.current_pair, current.kind if current else None, change)]
        if current is not None and current.kind is RowKind.PAIR:
            pairs = [row.kind is RowKind.PAIR for row in view.rows]
            parts.insert(0, f"pair {sum(pairs[: view.cursor + 1])}/{sum(pairs)}")
            parts.append(describe_flags(view.current_flags))
        parts.append(f"showing {view.show.value}")
        parts.append(f"similarity {similarity_label(comparison)}")
        if view.search:
            hits, rows = self._hits
            parts.append(
                f"“{view.search}”: {hits} match{'es' if hits != 1 else ''} "
                f"in {rows} pair{'s' if rows != 1 else ''} · n/N next/previous"
            )
        self._status(Content(" · ".join(part for part in parts if part)))

    # -- actions ----------------------------------------------------------------------

    def action_next(self, step: int) -> None:
        """Next (or previous) search match while searching, else next changed pair."""
        view = self.view
        if view.search and view.hit_rows:
            found = view.next_hit(step)
            what = "match"
        else:
            found = view.next_change(step)
            what = "change"
        if not found:
            self.notify(f"No {what} {'below' if step > 0 else 'above'}.", timeout=2)

    def action_flag(self, step: int) -> None:
        """Put the cursor on the next (or previous) pair with a drift flag."""
        if not self.view.next_flag(step):
            self.notify(f"No drift flag {'below' if step > 0 else 'above'}.", timeout=2)

    def action_details(self) -> None:
        """Show the pair under the cursor in full: kind, change, texts, offsets and flags."""
        view = self.view
        pair = view.current_pair
        if view.comparison is not None and pair is not None:
            index = view.comparison.pairs.index(pair)
            self.app.push_screen(PairScreen(view.comparison, index))

    def action_moved(self) -> None:
        """Jump between a moved sentence and the place it stood in A."""
        if not self.view.jump_moved():
            self.notify("The cursor is not on a moved sentence (marked ↕).", timeout=2)

    def action_filter(self) -> None:
        """Cycle the filter: all pairs, only changes, only meaning drift, only added,
        dropped and moved."""
        self.view.show = self.view.show.next()

    def action_search(self) -> None:
        """Open the search box."""
        search = self.query_one("#search", Input)
        search.display = True
        search.value = self.view.search
        search.focus()

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        self.view.search = event.value

    @on(Input.Submitted, "#search")
    def _search_submitted(self) -> None:
        self.query_one("#search", Input).display = False
        view = self.view
        view.focus()
        if view.search and view.cursor not in view.hit_rows and not view.next_hit(1):
            view.next_hit(-1)  # no match below the cursor: go to the last one above

    def action_swap(self) -> None:
        """Put the other article on the left and compare again, B against A."""
        pair = self.view.current_pair
        if pair is not None:
            self._keep = ("a", pair.b[0]) if pair.b else ("b", pair.a[0])
        self.base, self.other = self.other, self.base
        self._start()

    def action_choose(self, which: str) -> None:
        """Choose another article as the base (``base``) or as the other (``other``)."""
        current = self.base if which == "base" else self.other
        prompt = (
            "Compare against which base (A)?"
            if which == "base"
            else "Compare with which article (B)?"
        )

        def chosen(article_id: str | None) -> None:
            if article_id is None or article_id == current.id:
                return
            picked = next(s for s in self.articles if s.id == article_id)
            keep = self.other if which == "base" else self.base
            if picked.id == keep.id:
                self.base, self.other = self.other, self.base
            elif which == "base":
                self.base = picked
            else:
                self.other = picked
            self._start()

        places = {self.base.id: "A", self.other.id: "B"}
        chooser = ChooseArticleScreen(self.articles, current.id, prompt, places)
        self.app.push_screen(chooser, chosen)

    def _ready(self) -> Comparison | None:
        """The comparison shown, or ``None`` (and a word why) while it is computed."""
        comparison = self.view.comparison
        if comparison is None or self.view.loading:
            self.notify("The comparison is not ready yet.", timeout=2)
            return None
        return comparison

    def action_drift_table(self) -> None:
        """List every drift flag in a table; enter there shows the flag's pair here."""
        comparison = self._ready()
        if comparison is None:
            return

        def chosen(ref: FlagRef | None) -> None:
            if ref is not None and self.view.comparison is comparison:
                self.view.show_pair(ref.drift((comparison,)).pair)

        self.app.push_screen(DriftTableScreen((comparison,)), chosen)

    def action_view(self, view: str, side: str) -> None:
        """Open a corpus view (graph, provenance, variants) on article A or B."""
        article, other = (self.base, self.other) if side == "a" else (self.other, self.base)
        self.post_message(OpenView(CorpusView(view), article.id, other.id))

    def action_overview(self) -> None:
        """Show where in each article the changes and flags are; enter goes there."""
        comparison = self._ready()
        if comparison is None:
            return

        def chosen(place: tuple[Side, int] | None) -> None:
            if place is not None and self.view.comparison is comparison:
                pair = pair_at(comparison, *place)
                if pair is not None:
                    self.view.show_pair(pair)

        self.app.push_screen(OverviewScreen(comparison), chosen)

    def action_export(self) -> None:
        """Write this comparison as HTML, Markdown or JSON to a file."""
        comparison = self._ready()
        if comparison is None:
            return

        def chosen(request: ExportRequest | None) -> None:
            if request is not None:
                self._export(comparison, request)

        path = default_path(comparison, ExportFormat.HTML)
        self.app.push_screen(ExportScreen(path), chosen)

    # a description, else Textual repr()s the arguments (whole articles) on the event loop
    @work(thread=True, group="export", description="exporting")
    def _export(self, comparison: Comparison, request: ExportRequest) -> None:
        try:
            written = write_report(comparison, request.format, request.path)
        except OSError as error:
            reason = error.strerror or str(error)
            self.post_message(self.Exported(None, f"Could not write {request.path}: {reason}"))
        except Exception as error:  # a bug in a writer: say so rather than crash the app
            self.post_message(self.Exported(None, f"Could not export: {error!r}"))
        else:
            self.post_message(self.Exported(written))

    @on(Exported)
    def _exported(self, message: Exported) -> None:
        if message.path is None:
            self.notify(message.error, severity="error", markup=False)
        else:
            self.notify(f"Wrote {message.path}", title="Exported", markup=False)

    def action_back(self) -> None:
        """Close the search if it is open, clear it if set, else go back to the list."""
        search = self.query_one("#search", Input)
        if search.display or self.view.search:
            search.display = False
            search.value = ""
            self.view.search = ""
            self.view.focus()
        else:
            self.dismiss()
