"""Where in each article the changes and the flags are: a strip per article, over the view."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from viewer.model import Article, Comparison, Severity
from viewer.pairwise.drift.summary import summarize
from viewer.report.pairs import percent_label
from viewer.ui.density import changed_spans
from viewer.ui.flags import FLAG_LETTERS
from viewer.ui.highlight import Side
from viewer.ui.visible import one_line
from viewer.ui.widgets.density_strip import DensityStrip

__all__ = ["OverviewScreen"]


class OverviewScreen(ModalScreen[tuple[Side, int] | None]):
    """Change-density strips of both articles; returns a place picked in one, or ``None``."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,v", "close", "Close", id="overview.close"),
    ]

    def __init__(self, comparison: Comparison) -> None:
        super().__init__()
        self.comparison = comparison

    def compose(self) -> ComposeResult:
        comparison = self.comparison
        with Vertical(id="overview-dialog"):
            yield Static("Where the changes and flags are", classes="dialog-heading")
            yield Static(self._totals(), id="overview-totals")
            sides: tuple[tuple[Side, Article], ...] = (("a", comparison.a), ("b", comparison.b))
            for side, article in sides:
                yield Static(self._label(side, article), classes="overview-label")
                yield DensityStrip(comparison, side, id=f"overview-{side}")
            yield Static(
                "←/→ move · tab switches article · enter shows that place side by side · "
                "escape closes",
                classes="dialog-hint",
            )
            yield Static(_legend(), id="overview-legend")

    def _totals(self) -> Content:
        """Flags by severity and by kind, from the drift summary."""
        summary = summarize(self.comparison)
        if not summary.total:
            return Content("No drift flags.")
        severities = ", ".join(
            f"{summary.count(severity)} {severity.value}"
            for severity in Severity
            if summary.count(severity)
        )
        kinds = " · ".join(
            f"{FLAG_LETTERS[kind]} {kind.value} {sum(by.values())}"
            for kind, by in summary.flags.items()
            if sum(by.values())
        )
        return Content(f"{summary.total} flags ({severities}): {kinds}")

    def _label(self, side: Side, article: Article) -> Content:
        """Which article, its length and the share of it that changed."""
        length = len(article.text)
        changed = sum(end - start for start, end in changed_spans(self.comparison, side))
        share = percent_label(changed / length) if length else "0%"
        verb = "deleted, dropped or moved" if side == "a" else "inserted, added or moved"
        name = "A base" if side == "a" else "B"
        return Content.assemble(
            (f"{name}  ", "bold $text-accent"),
            one_line(article.title, 60),
            (f"  {length:,} characters · {share} {verb}", "$text-muted"),
        )

    def on_mount(self) -> None:
        self.query_one("#overview-a", DensityStrip).focus()

    @on(DensityStrip.Picked)
    def _picked(self, message: DensityStrip.Picked) -> None:
        self.dismiss((message.side, message.offset))

    def action_close(self) -> None:
        """Back to the side-by-side view."""
        self.dismiss(None)


def _legend() -> Content:
    """What the bars and letters mean."""
    return Content.assemble(
        "Each cell is an equal part of the article, start to end; its bar is how much of that "
        "part changed, its letter the part's most severe flag (",
        ("high", "$text-error bold"),
        ", ",
        ("medium", "$text-warning bold"),
        ", ",
        ("low", "$text-muted"),
        ").",
    )
