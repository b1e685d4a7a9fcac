"""The interactive app: load articles, audit the corpus, list families, compare versions.

Loading and the corpus audit both run in thread workers; the list shows as soon as the
articles are loaded and groups them into families when the audit is done. Views built on
the audit (graph, provenance, variants, corpus drift table) say so while it still runs.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.worker import get_current_worker

from viewer.ingest import Limits, load
from viewer.model import Article, Corpus, Note, Problem
from viewer.ui.background import Abandoned, abandonable
from viewer.ui.commands import KeyCommands, screen_keys
from viewer.ui.corpus import Variant, default_pair, versions_of
from viewer.ui.history_view import history_of
from viewer.ui.messages import CorpusView, OpenArticle, OpenPair, OpenView
from viewer.ui.screens.articles import ArticlesScreen
from viewer.ui.screens.compare import CompareScreen
from viewer.ui.screens.drift_table import DriftTableScreen
from viewer.ui.screens.graph import GraphScreen
from viewer.ui.screens.help import HelpScreen
from viewer.ui.screens.history import HistoryScreen, OpenHistory
from viewer.ui.screens.problems import ProblemsScreen
from viewer.ui.screens.provenance import ProvenanceScreen
from viewer.ui.screens.read import ReadScreen
from viewer.ui.screens.variants import VariantsScreen, default_base
from viewer.ui.summary import Summary, summarise
from viewer.ui.visible import one_line

if TYPE_CHECKING:
    from viewer.corpus.audit import Audit
    from viewer.history.versions import History
    from viewer.ui.flag_table import FlagRef

__all__ = ["ViewerApp", "run"]

OPEN_DIRECTLY = range(2, 4)
"""With this many articles a pair opens side by side as soon as the audit is done: the
strongest derivation of a family, source on the left, else the first two articles (the
list stays behind them, one escape away)."""
_PROGRESS_EVERY = 0.1
"""Seconds between progress reports of one audit stage."""


class ViewerApp(App[None]):
    """Compare versions of a news article: a list of articles, and two side by side."""

    CSS_PATH = "viewer.tcss"
    TITLE = "viewer"
    COMMANDS = App.COMMANDS | {KeyCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("p", "problems", "Problems", show=False, id="app.problems"),
    ]

    class Loaded(Message):
        """The load worker finished: every article summarised, and the problems met."""

        def __init__(
            self,
            summaries: tuple[Summary, ...],
            problems: tuple[Problem, ...],
            notes: tuple[Note, ...] = (),
        ) -> None:
            super().__init__()
            self.summaries = summaries
            self.problems = problems
            self.notes = notes

    class AuditProgress(Message):
        """The audit worker reached ``done`` of ``total`` in ``stage`` (0: unknown)."""

        def __init__(self, stage: str, done: int, total: int) -> None:
            super().__init__()
            self.stage = stage
            self.done = done
            self.total = total

    class Audited(Message):
        """The audit worker finished: the audit, or why there is none."""

        def __init__(self, audit: Audit | None, error: str = "") -> None:
            super().__init__()
            self.audit = audit
            self.error = error

    def __init__(self, paths: Sequence[str], limits: Limits | None = None) -> None:
        super().__init__()
        self.paths = tuple(paths)
        """What to load: files, folders, ``-`` for standard input."""
        self.limits = limits or Limits()
        """How much the load may read (``--max-*``); input over a limit is a problem."""
        self.summaries: tuple[Summary, ...] | None = None
        """The loaded articles; ``None`` until the load is done."""
        self.problems: tuple[Problem, ...] = ()
        """What could not be loaded."""
        self.audit: Audit | None = None
        """The corpus audit; ``None`` until it is done (or when it failed)."""
        self.articles_screen = ArticlesScreen()

    def get_default_screen(self) -> Screen[None]:
        return self.articles_screen

    def on_mount(self) -> None:
        self._load(self.paths, self.limits)

    def on_unmount(self) -> None:
        gc.unfreeze()  # what _spare_from_collections kept aside is collectable again

    # a description, else Textual repr()s the arguments (whole articles) on the event loop
    @work(thread=True, exclusive=True, group="load", description="loading the articles")
    def _load(self, paths: tuple[str, ...], limits: Limits) -> None:
        """Read and summarise every article, off the event loop."""
        try:
            corpus, summaries = abandonable(lambda: _load_and_summarise(paths, limits))
        except Abandoned:
            return
        except Exception as error:  # a bug in a loader: say so rather than hang
            corpus = Corpus((), (Problem(", ".join(paths), f"loading failed: {error!r}"),))
            summaries = ()
        _spare_from_collections()
        self.post_message(self.Loaded(summaries, corpus.problems, corpus.notes))

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        self.summaries = message.summaries
        self.problems = message.problems
        self.articles_screen.summaries = message.summaries
        self.articles_screen.problems = len(message.problems)
        lost = [problem for problem in message.problems if not problem.repaired]
        if message.problems:
            count = len(lost)
            what = (
                f"{count} input{'s' if count != 1 else ''} could not be loaded"
                if lost
                else "Some inputs were repaired as they loaded"
            )
            self.notify(
                f"{what}: press p to see which and why.",
                severity="warning",
                markup=False,
            )
        for note in message.notes:  # a web archive's count of what it passed over
            self.notify(one_line(str(note)), title="web archive", markup=False)
        if len(message.summaries) == 1 and self.screen is self.articles_screen:
            self.push_screen(ReadScreen(message.summaries[0]))  # nothing to compare it with
        if len(message.summaries) > 1:
            self.articles_screen.progress = "auditing the corpus…"
            self._audit(tuple(summary.article for summary in message.summaries))

    # a description, else Textual repr()s the arguments (whole articles) on the event loop
    @work(thread=True, exclusive=True, group="audit", description="auditing the corpus")
    def _audit(self, articles: tuple[Article, ...]) -> None:
        """Audit the corpus off the event loop, reporting each stage's progress."""
        worker = get_current_worker()
        last: list[tuple[str, float]] = [("", 0.0)]

        def progress(stage: str, done: int, total: int) -> None:
            if worker.is_cancelled:
                raise Abandoned  # stops the audit thread at its next step
            now = time.monotonic()
            if stage != last[0][0] or now - last[0][1] >= _PROGRESS_EVERY or done == total:
                last[0] = (stage, now)
                self.post_message(self.AuditProgress(stage, done, total))

        from viewer.corpus.audit import audit  # numpy and the corpus stages: after first paint

        try:
            found = abandonable(lambda: audit(articles, progress))
        except Abandoned:
            return
        except Exception as error:  # a bug in the audit: say so, the list still works
            self.post_message(self.Audited(None, f"The corpus audit failed: {error!r}"))
            return
        _spare_from_collections()
        self.post_message(self.Audited(found))

    @on(AuditProgress)
    def _audit_progress(self, message: AuditProgress) -> None:
        count = f" {message.done:,}/{message.total:,}" if message.total else ""
        self.articles_screen.progress = f"auditing: {message.stage}{count}…"

    @on(Audited)
    def _audited(self, message: Audited) -> None:
        self.audit = message.audit
        self.articles_screen.progress = message.error
        self.articles_screen.audit = message.audit
        if message.error:
            self.notify(message.error, severity="error", markup=False)
        summaries = self.summaries or ()
        if len(summaries) in OPEN_DIRECTLY and self.screen is self.articles_screen:
            pair = default_pair(message.audit) if message.audit else None
            base, other = pair or (summaries[0].id, summaries[1].id)
            self.open_comparison(self._summary(base), self._summary(other))

    def _summary(self, article_id: str) -> Summary:
        return next(s for s in self.summaries or () if s.id == article_id)

    def open_comparison(
        self,
        base: Summary,
        other: Summary,
        pair: int | None = None,
        sentences: tuple[int, int | None] | None = None,
    ) -> None:
        """Show ``base`` (left) and ``other`` (right) side by side, at ``pair`` if given,
        else at the pair holding ``sentences`` (base sentence, other sentence) if given."""
        articles = self.summaries or (base, other)
        screen = CompareScreen(base, other, articles, at_pair=pair, at_sentences=sentences)
        self.push_screen(screen)

    @on(OpenPair)
    def _open_pair(self, message: OpenPair) -> None:
        base, other = self._summary(message.base), self._summary(message.other)
        self.open_comparison(base, other, message.pair, message.sentences)

    @on(OpenArticle)
    def _open_article(self, message: OpenArticle) -> None:
        self.push_screen(ReadScreen(self._summary(message.article)))

    @on(OpenHistory)
    def _open_history(self, message: OpenHistory) -> None:
        self._find_history(message.article)

    # grouping thousands of articles by address takes a few tenths of a second
    @work(thread=True, exclusive=True, group="find-history", description="finding versions")
    def _find_history(self, article_id: str) -> None:
        """Find every loaded version of ``article_id`` off the event loop, then show them."""
        history = history_of([summary.article for summary in self.summaries or ()], article_id)
        if not get_current_worker().is_cancelled:
            self.call_from_thread(self._show_history, article_id, history)

    def _show_history(self, article_id: str, history: History | None) -> None:
        if history is None or len(history.versions) < 2:
            title = one_line(self._summary(article_id).title, 60)
            self.notify(
                f"No other version of “{title}” among the loaded articles: versions share "
                "an address.",
                markup=False,
            )
            return
        self.push_screen(HistoryScreen(history, article_id))

    @on(OpenView)
    def _open_view(self, message: OpenView) -> None:
        found = self.audit
        if found is None:
            progress = self.articles_screen.progress
            self.notify(
                f"The corpus audit is not done yet ({progress or 'not started'}).",
                timeout=3,
                markup=False,
            )
            return
        summaries = {summary.id: summary for summary in self.summaries or ()}
        article = message.article
        if message.view is CorpusView.GRAPH:
            self.push_screen(GraphScreen(found, summaries, article))
        elif message.view is CorpusView.PROVENANCE:
            self.push_screen(ProvenanceScreen(found, summaries, article))
        elif message.view is CorpusView.VARIANTS:
            self._open_variants(found, summaries, article or default_base(found), message.other)
        else:
            self._open_drift_table(found)

    def _open_variants(
        self, found: Audit, summaries: Mapping[str, Summary], base: str | None, other: str | None
    ) -> None:
        """Every version of ``base``'s story read against it, ``other`` (the article it
        was compared with, a version then even if the audit found none) selected."""
        if base is None:
            return
        versions = versions_of(found, base)
        if other is not None and all(version.article != other for version in versions):
            versions.append(Variant(other, "compared with the base side by side"))
        if len(versions) < 2:
            title = one_line(summaries[base].title, 60)
            self.notify(
                f"No other version of “{title}”: it is in no family and shares no sentence "
                "with another article.",
                markup=False,
            )
            return
        self.push_screen(VariantsScreen(summaries, versions, base, other))

    def _open_drift_table(self, found: Audit) -> None:
        """Every flag of every copy pair; enter shows the flag's pair side by side."""

        def chosen(ref: FlagRef | None) -> None:
            if ref is not None:
                pair_drift = found.drift[ref.comparison]
                flag = pair_drift.flags[ref.flag]
                self.post_message(OpenPair(pair_drift.a, pair_drift.b, flag.pair))

        self.push_screen(DriftTableScreen(found.drift), chosen)

    def action_help(self) -> None:
        """List the keys of the current screen (and what the side-by-side marks mean)."""
        if isinstance(self.screen, HelpScreen):
            return
        legend = isinstance(self.screen, CompareScreen)
        self.push_screen(HelpScreen(screen_keys(self.screen), legend=legend))

    def action_problems(self) -> None:
        """List what could not be loaded."""
        if not isinstance(self.screen, ProblemsScreen):
            self.push_screen(ProblemsScreen(self.problems))


def _spare_from_collections() -> None:
    """Keep every object alive now (the articles just loaded, the audit just made) out of
    the garbage collector's full passes.

    A corpus of thousands of articles is millions of objects that live as long as the
    app, and a full collection walks them all while holding every thread, the event loop
    too, for a fifth of a second or more. Frozen, they are skipped; the app thaws them
    when it closes.
    """
    gc.freeze()


def _load_and_summarise(
    paths: tuple[str, ...], limits: Limits
) -> tuple[Corpus, tuple[Summary, ...]]:
    corpus = load(paths, limits=limits)
    return corpus, tuple(summarise(article) for article in corpus.articles)


def run(paths: Sequence[str], limits: Limits | None = None) -> None:
    """Open the app on ``paths`` (files, folders, ``-``), loading within ``limits``, and
    return when it is closed."""
    ViewerApp(paths, limits).run()
