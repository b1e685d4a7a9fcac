"""One side of an aligned pair as a block of text, its changes marked: for the details."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.content import Content, Span
from textual.widgets import Static

from viewer.ui.highlight import Side, side_pieces

if TYPE_CHECKING:
    from viewer.model import AlignedPair, Comparison

__all__ = ["PairText", "pair_content"]


def pair_content(comparison: Comparison, pair: AlignedPair, side: Side) -> Content:
    """Side ``side`` of ``pair`` as content, each mark a span naming a component class.

    The text is only ever the plain text of the content: it is never parsed as markup.
    """
    text: list[str] = []
    spans: list[Span] = []
    position = 0
    for piece, marks in side_pieces(comparison, pair, side):
        end = position + len(piece)
        spans.extend(Span(position, end, f".pair-text--{mark}") for mark in marks)
        text.append(piece)
        position = end
    return Content("".join(text), spans, strip_control_codes=False)


class PairText(Static):
    """Text of one side of a pair, wrapped, with deletions or insertions marked."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "pair-text--equal",
        "pair-text--unchanged",
        "pair-text--soft",
        "pair-text--inserted",
        "pair-text--deleted",
        "pair-text--match",
        "pair-text--control",
    }

    DEFAULT_CSS = """
    PairText {
        height: auto;
        & > .pair-text--equal { color: $foreground; }
        & > .pair-text--unchanged { color: $text-muted; }
        & > .pair-text--soft { color: $text-warning; }
        & > .pair-text--inserted { color: $text-success; background: $success 20%; }
        & > .pair-text--deleted { color: $text-error; background: $error 20%; text-style: strike; }
        & > .pair-text--match { background: $warning 50%; }
        & > .pair-text--control { color: $text-error; text-style: reverse; }
    }
    """

    def __init__(
        self, comparison: Comparison, pair: AlignedPair, side: Side, *, id: str | None = None
    ) -> None:
        super().__init__(pair_content(comparison, pair, side), id=id)
