"""The interactive app: load articles, list them, compare two side by side."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on, work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen

from viewer.ingest import load
from viewer.model import Corpus, Problem
from viewer.ui.background import Abandoned, abandonable
from viewer.ui.commands import KeyCommands, screen_keys
from viewer.ui.screens.articles import ArticlesScreen
from viewer.ui.screens.compare import CompareScreen
from viewer.ui.screens.help import HelpScreen
from viewer.ui.screens.problems import ProblemsScreen
from viewer.ui.summary import Summary, summarise

__all__ = ["ViewerApp", "run"]

OPEN_DIRECTLY = range(2, 4)
"""With this many articles the first two open side by side at once (the list stays
behind them, one escape away)."""


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

        def __init__(self, summaries: tuple[Summary, ...], problems: tuple[Problem, ...]) -> None:
            super().__init__()
            self.summaries = summaries
            self.problems = problems

    def __init__(self, paths: Sequence[str]) -> None:
        super().__init__()
        self.paths = tuple(paths)
        """What to load: files, folders, ``-`` for standard input."""
        self.summaries: tuple[Summary, ...] | None = None
        """The loaded articles; ``None`` until the load is done."""
        self.problems: tuple[Problem, ...] = ()
        """What could not be loaded."""
        self.articles_screen = ArticlesScreen()

    def get_default_screen(self) -> Screen[None]:
        return self.articles_screen

    def on_mount(self) -> None:
        self._load(self.paths)

    @work(thread=True, exclusive=True, group="load")
    def _load(self, paths: tuple[str, ...]) -> None:
        """Read and summarise every article, off the event loop."""
        try:
            corpus, summaries = abandonable(lambda: _load_and_summarise(paths))
        except Abandoned:
            return
        except Exception as error:  # a bug in a loader: say so rather than hang
            corpus = Corpus((), (Problem(", ".join(paths), f"loading failed: {error!r}"),))
            summaries = ()
        self.post_message(self.Loaded(summaries, corpus.problems))

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        self.summaries = message.summaries
        self.problems = message.problems
        self.articles_screen.summaries = message.summaries
        self.articles_screen.problems = len(message.problems)
        if message.problems:
            count = len(message.problems)
            self.notify(
                f"{count} input{'s' if count != 1 else ''} could not be loaded: press p to see "
                "which and why.",
                severity="warning",
                markup=False,
            )
        if len(message.summaries) in OPEN_DIRECTLY:
            first, second = message.summaries[:2]
            self.open_comparison(first, second)

    def open_comparison(self, base: Summary, other: Summary) -> None:
        """Show ``base`` (left) and ``other`` (right) side by side."""
        self.push_screen(CompareScreen(base, other, self.summaries or (base, other)))

    @on(ArticlesScreen.Compare)
    def _compare_asked(self, message: ArticlesScreen.Compare) -> None:
        self.open_comparison(message.base, message.other)

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


def _load_and_summarise(paths: tuple[str, ...]) -> tuple[Corpus, tuple[Summary, ...]]:
    corpus = load(paths)
    return corpus, tuple(summarise(article) for article in corpus.articles)


def run(paths: Sequence[str]) -> None:
    """Open the app on ``paths`` (files, folders, ``-``) and return when it is closed."""
    ViewerApp(paths).run()
