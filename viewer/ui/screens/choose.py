"""Pick one of the loaded articles: the base to compare against, or the other version."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

if TYPE_CHECKING:
    from viewer.ui.summary import Summary

__all__ = ["ChooseArticleScreen"]


class ChooseArticleScreen(ModalScreen[str | None]):
    """A list of articles; returns the id of the one chosen, or ``None``."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="choose.cancel"),
    ]

    def __init__(
        self, articles: tuple[Summary, ...], current: str, prompt: str, places: dict[str, str]
    ) -> None:
        super().__init__()
        self.articles = articles
        self.current = current
        """Id of the article in that place now; the list opens on it."""
        self.prompt = prompt
        self.places = places
        """Where articles stand now, by id: ``A`` for the base, ``B`` for the other."""

    def compose(self) -> ComposeResult:
        options = [
            Option(_label(summary, self.places.get(summary.id, "")), id=summary.id)
            for summary in self.articles
        ]
        with Vertical(id="choose-dialog"):
            yield Static(Content(self.prompt), id="choose-prompt")
            yield OptionList(*options, id="choose-list")
            yield Static("enter chooses · escape cancels", id="choose-hint")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        ids = [summary.id for summary in self.articles]
        options.highlighted = ids.index(self.current) if self.current in ids else 0

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        """Close without choosing."""
        self.dismiss(None)


def _label(summary: Summary, place: str) -> Content:
    """Where it stands now (A, B or neither), title, then source and date, as plain text."""
    details = " · ".join(part for part in (summary.source, summary.date) if part)
    return Content.assemble(
        (f"{place:<2}", "bold $text-accent"),
        summary.title,
        ("  " + details if details else "", "$text-muted"),
    )
