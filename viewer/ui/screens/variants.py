"""Variants: one base article and every other version in its family, sentence by sentence."""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from viewer.analysis import compare
from viewer.analysis.audit import Audit
from viewer.model import Comparison
from viewer.ui.background import Abandoned, abandonable
from viewer.ui.corpus import family_index, tree_nodes
from viewer.ui.messages import OpenPair
from viewer.ui.summary import Summary
from viewer.ui.visible import one_line
from viewer.ui.widgets.version_stack import Version, VersionStack

__all__ = ["VariantsScreen"]


class VariantsScreen(Screen[None]):
    """The base's sentences on the left; for the one under the cursor, every version of it
    stacked on the right. Each version is compared with the base once, in a worker."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Side by side", id="variants.open"),
        Binding("escape", "back", "Back", id="variants.back"),
    ]

    class Compared(Message):
        """One version was compared with the base in the worker."""

        def __init__(self, comparison: Comparison) -> None:
            super().__init__()
            self.comparison = comparison

    def __init__(
        self, audit: Audit, summaries: Mapping[str, Summary], article: str | None = None
    ) -> None:
        super().__init__()
        number = family_index(audit, article) if article else -1
        if number < 0:  # not in a family: show the first family instead
            number, article = 0, None
        tree = audit.lineages[number]
        self.base = summaries[article or tree.root]
        """The base version (A): the article asked for, else its family's source."""
        self.others = tuple(
            summaries[node.article] for node in tree_nodes(tree) if node.article != self.base.id
        )
        """Every other version, in derivation-tree order."""
        self.comparisons: dict[str, Comparison] = {}
        """Each other version's comparison with the base, by its id, once computed."""

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        with Horizontal(id="variants-panes"):
            sentences = [
                Option(Content(f"{s.index + 1:>3} {one_line(s.text)}"), id=str(s.index))
                for s in self.base.article.sentences
            ]
            yield OptionList(*sentences, id="variants-sentences")
            with VerticalScroll(id="variants-side"):
                yield VersionStack(id="variants-stack")
        yield Static(id="variants-status")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.title = "viewer"
        self.sub_title = f"variants of {self.base.title}"
        self.query_one(OptionList).focus()
        self._status()
        self._compare_all(self.base, self.others)
        if self.base.article.sentences:
            self.query_one(OptionList).highlighted = 0

    @work(thread=True, exclusive=True, group="variants")
    def _compare_all(self, base: Summary, others: tuple[Summary, ...]) -> None:
        """Compare the base with each other version, posting each as it is done."""
        for other in others:
            try:
                found = abandonable(partial(compare, base.article, other.article))
            except Abandoned:
                return
            self.post_message(self.Compared(found))

    @on(Compared)
    def _compared(self, message: Compared) -> None:
        self.comparisons[message.comparison.b.id] = message.comparison
        self._status()
        self._stack()

    def _status(self) -> None:
        done, total = len(self.comparisons), len(self.others)
        text = f"{total} other version{'s' if total != 1 else ''}"
        if done < total:
            text += f" · comparing {done + 1}/{total}…"
        text += " · enter compares the version under the base side by side"
        self.query_one("#variants-status", Static).update(text)

    @on(OptionList.OptionHighlighted)
    def _stack(self) -> None:
        index = self.query_one(OptionList).highlighted
        if index is None or index >= len(self.base.article.sentences):
            return
        versions: list[Version] = [
            (f"{other.title} ({other.id})", self.comparisons.get(other.id)) for other in self.others
        ]
        sentence = self.base.article.sentences[index].text
        self.query_one(VersionStack).show(self.base.title, sentence, index, versions)

    def action_open(self) -> None:
        """Compare the base with the first other version side by side."""
        if self.others:
            self.post_message(OpenPair(self.base.id, self.others[0].id))

    @on(OptionList.OptionSelected)
    def _selected(self) -> None:
        self.action_open()

    def action_back(self) -> None:
        """Back to where the variants were opened."""
        self.dismiss()
