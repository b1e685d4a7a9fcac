"""The app on the hostile corpus: it opens, lists every problem where a person can read
it, never draws an escape sequence, and stays usable."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable

from tests.app_helpers import settle
from tests.test_hostile_corpus import write_hostile_corpus
from viewer.report.controls import visible_name
from viewer.ui.app import ViewerApp
from viewer.ui.screens.articles import ArticlesScreen
from viewer.ui.screens.compare import CompareScreen
from viewer.ui.screens.problems import ProblemsScreen

_RAW_CONTROLS = set(map(chr, [*range(0x20), *range(0x7F, 0xA0), 0x202E])) - {"\n"}


def drawn(pilot: Pilot[None]) -> str:
    """Every character the current screen draws (from the compositor: what the terminal
    would be sent, less the escape codes Textual itself adds)."""
    screen = pilot.app.screen
    lines = screen._compositor.render_update(full=True)
    return "".join(segment.text for strip in getattr(lines, "strips", []) for segment in strip)


@pytest.mark.usefixtures("locked_out")
async def test_the_app_opens_a_hostile_folder_and_stays_usable(tmp_path: Path) -> None:
    hostile = write_hostile_corpus(tmp_path / "hostile corpus")
    app = ViewerApp([str(hostile.root)])
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot)
        expected = len(hostile.problems) + len(hostile.records)
        assert len(app.problems) == expected
        assert len(app.summaries or ()) == len(hostile.articles) + 3
        assert f"p lists {expected} load problems" in str(
            app.screen.query_one("#articles-status").render()
        )

        await pilot.press("p")
        problems = app.screen
        assert isinstance(problems, ProblemsScreen)
        table = problems.query_one(DataTable)
        assert table.row_count == expected
        rows = [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]
        files = {row[0] for row in rows}
        for path in hostile.problems:
            assert any(visible_name(path)[-30:] in shown for shown in files), path
        assert not _RAW_CONTROLS & set("".join(map("".join, rows)))
        await pilot.press("escape")
        assert isinstance(app.screen, ArticlesScreen)

        screen = app.screen
        articles = screen.query_one(DataTable)
        cells = "".join(str(c) for i in range(articles.row_count) for c in articles.get_row_at(i))
        assert "Markup in the text" in cells and not _RAW_CONTROLS & set(cells)
        for article_id in ("markup-markup-in-the-text", "escapes-escapes-in-the-text"):
            articles.move_cursor(row=articles.get_row_index(article_id))
            await pilot.press("space")
        assert screen.marked == ("markup-markup-in-the-text", "escapes-escapes-in-the-text")
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        shown = drawn(pilot)
        assert "[bold red]nothing[/]" in shown and "[@click=app.quit]here[/]" in shown
        assert not _RAW_CONTROLS & set(shown)
        await pilot.press("s")  # swap sides: the escapes article on the left
        await settle(pilot)
        shown = drawn(pilot)
        assert "␛[31mred␛[0m" in shown and not _RAW_CONTROLS & set(shown)
        await pilot.press("escape")
        assert isinstance(app.screen, ArticlesScreen)
        assert app.is_running
