"""What could not be loaded, one line per file or record, in words a person can act on."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from viewer.ui.visible import one_line

if TYPE_CHECKING:
    from viewer.model import Problem

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
        yield Static(id="problems-detail")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.title = "viewer"
        self.sub_title = "problems"
        table = self.query_one(DataTable)
        table.add_column("File", key="file")
        table.add_column("Problem", key="problem")
        for problem in self.problems:
            table.add_row(Text(_where(problem)), Text(one_line(problem.message)))
        self.query_one("#problems-detail", Static).display = bool(self.problems)

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        """The problem under the cursor in full, wrapped: a long one is cut in the table."""
        problem = self.problems[event.cursor_row]
        detail = Text(_where(problem), style="bold", end="")
        detail.append(f": {one_line(problem.message)}", style="not bold")
        self.query_one("#problems-detail", Static).update(detail)

    def action_back(self) -> None:
        """Back to where the problems were asked for."""
        self.dismiss()


def _where(problem: Problem) -> str:
    """The file, and the record in it, on one line with controls made visible."""
    where = problem.path if problem.record is None else f"{problem.path} #{problem.record + 1}"
    return one_line(where)
