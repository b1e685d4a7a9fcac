"""Rich styles for text carrying several marks, blended from a widget's component classes."""

from __future__ import annotations

from rich.style import Style
from textual.color import Color
from textual.widget import Widget

__all__ = ["MarkStyles"]


class MarkStyles:
    """The style of each combination of marks, on the cursor row or off it, cached.

    A mark ``inserted`` names the component class ``<prefix>--inserted``; the row under
    the cursor starts from ``<prefix>--cursor``. Component backgrounds may be
    translucent, so each is blended over what lies below it, in the order of the marks.
    """

    def __init__(self, widget: Widget, prefix: str) -> None:
        self._widget = widget
        self._prefix = prefix
        self._styles: dict[tuple[bool, tuple[str, ...]], Style] = {}

    def clear(self) -> None:
        """Forget every style: call it when the widget's styles change (a new theme)."""
        self._styles.clear()

    def get(self, cursor: bool, marks: tuple[str, ...]) -> Style:
        """The style of text with ``marks``, on the cursor row (``cursor``) or not."""
        key = (cursor, marks)
        if (style := self._styles.get(key)) is None:
            style = self._blend(cursor, marks)
            self._styles[key] = style
        return style

    def _blend(self, cursor: bool, marks: tuple[str, ...]) -> Style:
        widget = self._widget
        base = (
            widget.get_component_rich_style(f"{self._prefix}--cursor")
            if cursor
            else widget.rich_style
        )
        background = Color.from_rich_color(base.bgcolor) if base.bgcolor else Color(0, 0, 0)
        style = base
        for mark in marks:
            component = widget.get_component_styles(f"{self._prefix}--{mark}")
            if component.has_rule("background"):
                background += component.background
                style += Style(bgcolor=background.rich_color)
            if component.has_rule("color"):
                style += Style(color=(background + component.color).rich_color)
            style += component.text_style
        return style
