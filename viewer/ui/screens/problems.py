"""What could not be loaded, one line per file or record, in words a person can act on."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from viewer.model import Problem
from viewer.ui.visible import one_line

__all__ = ["ProblemsScreen"]


class ProblemsScreen(Screen[None]):
    """Every problem met while loading; the rest of the corpus loaded without them."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="problems.back"),
    ]

    def __init__(self, problems: tuple[Problem, ...]) -> None:
        super().__init__()
        self.problems = problems

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        if self.problems:
            count = len(self.problems)
            yield Static(
                f"{count} problem{'s' if count != 1 else ''} while loading; "
                "everything else loaded.",
                id="problems-summary",
            )
        else:
            yield Static("No problems: every file loaded.", id="problems-summary")
        yield DataTable(id="problems", cursor_type="row", zebra_stripes=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.title = "viewer"
        self.sub_title = "problems"
        table = self.query_one(DataTable)
        table.add_column("File", key="file")
        table.add_column("Problem", key="problem")
        for problem in self.problems:
            where = (
                problem.path if problem.record is None else f"{problem.path} #{problem.record + 1}"
            )
            table.add_row(Text(one_line(where)), Text(one_line(problem.message)))

    def action_back(self) -> None:
        """Back to where the problems were asked for."""
        self.dismiss()
