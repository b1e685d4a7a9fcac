"""Variants: one base article and every other version of its story, sentence by sentence."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from viewer.pairwise.compare import compare
from viewer.ui.background import Abandoned, abandonable
from viewer.ui.messages import OpenPair
from viewer.ui.screens.choose import ChooseArticleScreen
from viewer.ui.visible import one_line
from viewer.ui.widgets.version_stack import Version, VersionStack

if TYPE_CHECKING:
    from viewer.corpus.audit import Audit
    from viewer.model import Comparison
    from viewer.ui.corpus import Variant
    from viewer.ui.summary import Summary

__all__ = ["VariantsScreen", "default_base"]


def default_base(audit: Audit) -> str | None:
    """The source of the first family; else the first article."""
    if audit.lineages:
        return audit.lineages[0].root
    return next(iter(audit.articles), None)


class VariantsScreen(Screen[None]):
    """The base's sentences on the left; for the one under the cursor, every other
    version's reading of it stacked on the right, one of them selected. Each version is
    compared with the base once, in a worker."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Side by side", id="variants.open"),
        Binding(
            "right,l", "version(1)", "Next version", key_display="→", id="variants.next-version"
        ),
        Binding(
            "left,h",
            "version(-1)",
            "Previous version",
            key_display="←",
            show=False,
            id="variants.previous-version",
        ),
        Binding("b", "choose_base", "Another base", id="variants.base"),
        Binding("escape", "back", "Back", id="variants.back"),
    ]

    class Compared(Message):
        """One version was compared with the base in the worker."""

        def __init__(self, comparison: Comparison) -> None:
            super().__init__()
            self.comparison = comparison

    def __init__(
        self,
        summaries: Mapping[str, Summary],
        versions: Sequence[Variant],
        base: str,
        selected: str | None = None,
    ) -> None:
        super().__init__()
        self.summaries = summaries
        self.versions = tuple(versions)
        """Every version of the story, the base among them, in the order they stack."""
        self.base = summaries[base]
        """The base version (A): the others are read against it."""
        self.comparisons: dict[str, Comparison] = {}
        """Each other version's comparison with the base, by its id, once computed."""
        self._first = selected
        """Id of the version to select when the screen opens."""

    @property
    def others(self) -> tuple[Summary, ...]:
        """Every version but the base, in stacking order."""
        return tuple(
            self.summaries[version.article]
            for version in self.versions
            if version.article != self.base.id
        )

    @property
    def selected(self) -> Summary | None:
        """The selected version: the one ``enter`` shows side by side with the base."""
        others = self.others
        index = self.query_one(VersionStack).selected
        return others[index] if index < len(others) else None

    @property
    def sentence(self) -> int | None:
        """Index of the base sentence under the cursor."""
        index = self.query_one(OptionList).highlighted
        return index if index is not None and index < len(self.base.article.sentences) else None

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        with Horizontal(id="variants-panes"):
            sentences = [
                Option(Content(f"{s.index + 1:>3} {one_line(s.text)}"), id=str(s.index))
                for s in self.base.article.sentences
            ]
            yield OptionList(*sentences, id="variants-sentences")
            with VerticalScroll(id="variants-side"):
                yield VersionStack(len(self.versions) - 1, id="variants-stack")
        yield Static(id="variants-status")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.title = "viewer"
        self.sub_title = f"variants of {self.base.title}"
        ids = [other.id for other in self.others]
        if self._first in ids:
            self.query_one(VersionStack).selected = ids.index(self._first)
        first = self.selected.id if self.selected else None
        others = sorted(self.others, key=lambda other: other.id != first)  # selected first
        self._compare_all(self.base, tuple(others))
        sentences = self.query_one(OptionList)
        sentences.focus()
        if self.base.article.sentences:
            sentences.highlighted = 0
        self._status()

    # a description, else Textual repr()s the arguments (whole articles) on the event loop
    @work(thread=True, exclusive=True, group="variants", description="comparing versions")
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
        total = len(self.versions) - 1
        done = len(self.comparisons)
        parts = [f"version {self.query_one(VersionStack).selected + 1}/{total}"]
        if done < total:
            parts.append(f"comparing {done + 1}/{total}…")
        parts.append("←/→ another version · enter side by side")
        self.query_one("#variants-status", Static).update(" · ".join(parts))

    @on(OptionList.OptionHighlighted)
    def _stack(self) -> None:
        index = self.sentence
        if index is None:
            return
        relations = {version.article: version.relation for version in self.versions}
        versions = [
            Version(
                one_line(other.title),
                f"{relations[other.id]} · {one_line(other.id)}",
                self.comparisons.get(other.id),
            )
            for other in self.others
        ]
        base = (one_line(self.base.title), one_line(self.base.id))
        sentence = self.base.article.sentences[index].text
        self.query_one(VersionStack).show(base, sentence, index, versions)

    def action_version(self, step: int) -> None:
        """Select the next (or previous) version."""
        self.query_one(VersionStack).select(step)
        self._status()

    def action_open(self) -> None:
        """Compare the base with the selected version side by side, at the base sentence
        under the cursor."""
        other, index = self.selected, self.sentence
        if other is not None:
            at = None if index is None else (index, None)
            self.post_message(OpenPair(self.base.id, other.id, sentences=at))

    @on(OptionList.OptionSelected)
    def _selected(self) -> None:
        self.action_open()

    def action_choose_base(self) -> None:
        """Read the versions against another of them, the old base selected."""

        def chosen(article_id: str | None) -> None:
            if article_id is not None and article_id != self.base.id:
                rebased = VariantsScreen(self.summaries, self.versions, article_id, self.base.id)
                self.app.switch_screen(rebased)

        versions = tuple(self.summaries[version.article] for version in self.versions)
        prompt = "Read the versions against which base?"
        chooser = ChooseArticleScreen(versions, self.base.id, prompt, {self.base.id: "A"})
        self.app.push_screen(chooser, chosen)

    def action_back(self) -> None:
        """Back to where the variants were opened."""
        self.dismiss()
