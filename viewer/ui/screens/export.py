"""Ask how and where to export the comparison: a format and a path."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, RadioButton, RadioSet, Static

from viewer.ui.export import ExportFormat, with_suffix

__all__ = ["ExportRequest", "ExportScreen"]


@dataclass(frozen=True, slots=True)
class ExportRequest:
    """What the person asked for."""

    format: ExportFormat
    path: str
    """Where to write, as typed (relative to the folder the app was started in)."""


class ExportScreen(ModalScreen[ExportRequest | None]):
    """A format (HTML, Markdown, JSON) and a path; returns them, or ``None`` on escape."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="export.cancel"),
    ]

    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path
        """The path offered at first, for HTML."""

    def compose(self) -> ComposeResult:
        with Vertical(id="export-dialog"):
            yield Static("Export this comparison", classes="dialog-heading")
            with RadioSet(id="export-format"):
                for fmt in ExportFormat:
                    yield RadioButton(fmt.label, value=fmt is ExportFormat.HTML, name=fmt.value)
            yield Input(self.path, placeholder="file to write", id="export-path")
            with Horizontal(id="export-buttons"):
                yield Button("Write", variant="primary", id="export-write")
                yield Button("Cancel", id="export-cancel")
            yield Static(
                "shift+tab chooses the format · enter writes · escape cancels",
                classes="dialog-hint",
            )

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @property
    def format(self) -> ExportFormat:
        """The format chosen now."""
        pressed = self.query_one(RadioSet).pressed_button
        return ExportFormat(pressed.name) if pressed and pressed.name else ExportFormat.HTML

    @on(RadioSet.Changed)
    def _format_changed(self) -> None:
        path = self.query_one(Input)
        path.value = with_suffix(path.value, self.format)

    @on(Input.Submitted)
    @on(Button.Pressed, "#export-write")
    def _write(self) -> None:
        path = self.query_one(Input).value.strip()
        if not path:
            self.notify("Type the path of the file to write.", severity="warning")
            return
        self.dismiss(ExportRequest(self.format, path))

    @on(Button.Pressed, "#export-cancel")
    def action_cancel(self) -> None:
        """Close without writing anything."""
        self.dismiss(None)
