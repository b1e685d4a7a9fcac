"""The heads over the two columns of the side-by-side view: which article is which."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from viewer.ui.layout import GUTTER, column_widths

if TYPE_CHECKING:
    from viewer.ui.summary import Summary

__all__ = ["ColumnHeads"]


class ColumnHeads(Widget):
    """Title, then source, date and length, over each column of a :class:`SideBySide`.

    The right padding matches the side-by-side view's scrollbar gutter, so the heads
    line up with the columns below them.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "column-heads--label",
        "column-heads--title",
        "column-heads--meta",
    }

    DEFAULT_CSS = """
    ColumnHeads {
        height: 2;
        padding-right: 1;
        background: $panel;
        & > .column-heads--label { color: $text-accent; text-style: bold; }
        & > .column-heads--title { color: $foreground; text-style: bold; }
        & > .column-heads--meta { color: $text-muted; }
    }
    """

    heads: reactive[tuple[Summary, Summary] | None] = reactive(None)
    """The base article (left) and the other (right)."""

    def render(self) -> Content:
        if self.heads is None:
            return Content("")
        widths = column_widths(self.size.width)
        titles: list[Content] = [Content(" " * GUTTER)]
        metas: list[Content] = [Content(" " * GUTTER)]
        for number, (summary, width) in enumerate(zip(self.heads, widths, strict=True)):
            if number:
                titles.append(Content(" │ "))
                metas.append(Content(" │ "))
            label = "A base  " if number == 0 else "B  "
            title = Content.assemble(
                (label, ".column-heads--label"), (summary.title, ".column-heads--title")
            )
            titles.append(title.truncate(width, ellipsis=True, pad=True))
            meta = Content.styled(_meta(summary), ".column-heads--meta")
            metas.append(meta.truncate(width, ellipsis=True, pad=True))
        return Content("\n").join([Content.assemble(*titles), Content.assemble(*metas)])


def _meta(summary: Summary) -> str:
    """Source, date and length, with what is unknown left out."""
    parts = [summary.source, summary.date, f"{summary.words:,} words"]
    return " · ".join(part for part in parts if part)
