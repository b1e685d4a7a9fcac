"""Ask how and where to export the comparison: a format and a path, and whether to write
over a file that is there already (an article the app opened is never written over)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, RadioButton, RadioSet, Static

from viewer.ui.export import ExportFormat, is_input, with_suffix

__all__ = ["ExportRequest", "ExportScreen", "OverwriteScreen"]


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

    def __init__(self, path: str, inputs: Sequence[str] | None = None) -> None:
        super().__init__()
        self.path = path
        """The path offered at first, for HTML."""
        self.inputs = inputs
        """The paths the app read, never written over; ``None``: the app's own paths."""

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
        request = ExportRequest(self.format, path)
        inputs = self.inputs if self.inputs is not None else getattr(self.app, "paths", ())
        if is_input(path, inputs):
            message = f"{path} is an article this app opened: choose another file."
            self.notify(message, severity="error", markup=False)
            return
        if not Path(path).expanduser().is_file():
            self.dismiss(request)
            return

        def answered(overwrite: bool | None) -> None:
            if overwrite:
                self.dismiss(request)
            else:
                self.query_one(Input).focus()

        self.app.push_screen(OverwriteScreen(path), answered)

    @on(Button.Pressed, "#export-cancel")
    def action_cancel(self) -> None:
        """Close without writing anything."""
        self.dismiss(None)


class OverwriteScreen(ModalScreen[bool]):
    """Ask whether to write over the file at a path; ``True`` to write over it."""

    DEFAULT_CSS = """
    OverwriteScreen > #overwrite-dialog {
        width: auto;
        max-width: 80;
        height: auto;
        padding: 0 1;
        border: thick $warning;
        background: $surface;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "overwrite", "Write over it", id="export.overwrite"),
        Binding("n,escape", "back", "Back", id="export.keep"),
    ]

    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path
        """The file that is there already."""

    def compose(self) -> ComposeResult:
        with Vertical(id="overwrite-dialog"):
            yield Static("The file is there already", classes="dialog-heading")
            # a path is data: shown as it is, never read as markup
            yield Static(f"{self.path} exists. Write over it?", markup=False, id="overwrite-path")
            yield Static("y writes over it · n or escape goes back", classes="dialog-hint")

    def action_overwrite(self) -> None:
        """Write over the file."""
        self.dismiss(True)

    def action_back(self) -> None:
        """Keep the file: back to the path."""
        self.dismiss(False)
