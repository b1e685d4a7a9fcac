"""Pilot tests of the history screen: ``h`` on an article lists its versions in time order,
the selected step's summary and flags, and the sentence timeline; enter and ``c`` compare
versions side by side."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from tests.app_helpers import settle
from tests.test_history import STORY, write_version
from viewer.ui.app import ViewerApp
from viewer.ui.screens.articles import ArticlesScreen
from viewer.ui.screens.compare import CompareScreen
from viewer.ui.screens.history import HistoryScreen

HOSTILE = "A reader wrote [bold]Thanks[/bold] <script>alert(1)</script> under the story."
"""Article text that would be markup, or an element, if anything read it as either."""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The four captures of the bridge story (the last adds :data:`HOSTILE`), and an
    unrelated article at another address."""
    for n, (name, url, date, sentences) in enumerate(STORY):
        body = " ".join([*sentences, HOSTILE] if n == 3 else sentences)
        write_version(tmp_path, name, url, date, body)
    (tmp_path / "other.txt").write_text(
        "Weather [bold]warning[/bold] [/]\n"
        "url: https://example.com/news/weather\ndate: 2024-05-02\n\n"
        "Rain is expected all week across the region, forecasters said. <script>x</script>\n",
        encoding="utf-8",
    )
    return tmp_path


def article_id(app: ViewerApp, name: str) -> str:
    return next(s.id for s in app.summaries or () if Path(s.path).name == name)


async def open_history(pilot: Pilot[None], name: str) -> None:
    """Put the list's cursor on the article loaded from ``name`` and press ``h``."""
    app = pilot.app
    assert isinstance(app, ViewerApp)
    screen = app.screen
    assert isinstance(screen, ArticlesScreen)
    table = screen.query_one(DataTable)
    table.move_cursor(row=table.get_row_index(article_id(app, name)))
    await pilot.press("h")
    await settle(pilot)


def history_screen(app: ViewerApp) -> HistoryScreen:
    screen = app.screen
    assert isinstance(screen, HistoryScreen)
    return screen


def step_text(screen: HistoryScreen) -> str:
    return str(screen.query_one("#history-step", Static).render())


async def test_h_lists_the_versions_in_date_order_with_each_step(folder: Path) -> None:
    app = ViewerApp([str(folder)])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_history(pilot, "d.txt")
        screen = history_screen(app)
        versions = screen.query_one("#history-versions", DataTable)
        assert versions.row_count == 4
        rows = [versions.get_row_at(n) for n in range(4)]
        assert [str(row[1]).strip() for row in rows] == ["1", "2", "3", "4"]
        assert [str(row[2]) for row in rows] == [
            "2024-05-01 09:00",
            "2024-05-01 15:30",
            "2024-05-02 08:00",
            "2024-05-03 13:10",
        ]
        assert [Path(str(row[4])).name for row in rows] == ["d.txt", "b.txt", "c.txt", "a.txt"]
        assert versions.cursor_row == 0  # on the version h was pressed on
        assert "the first version" in step_text(screen)

        await pilot.press("down")
        text = step_text(screen)
        assert "Version 1 → 2: +1 sentence, 1 sentence changed, 1 number changed" in text
        assert "number changed: 3 million dollars → 5 million dollars" in text.splitlines()

        await pilot.press("down")
        assert "Critics on the council" in step_text(screen)  # the claim cut in version 3

        timeline = screen.query_one("#history-timeline", DataTable)
        assert timeline.row_count == 6
        marks = [str(timeline.get_row_at(n)[1]) for n in range(6)]
        sentences = [str(timeline.get_row_at(n)[2]) for n in range(6)]
        cost = next(n for n, text in enumerate(sentences) if "3 million" in text)
        assert marks[cost] == "+ ~ · ·"
        critics = next(n for n, text in enumerate(sentences) if text.startswith("Critics"))
        assert marks[critics] == "+ · ×  "


async def test_enter_compares_with_the_version_before_and_escape_comes_back(
    folder: Path,
) -> None:
    app = ViewerApp([str(folder)])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_history(pilot, "b.txt")  # version 2
        screen = history_screen(app)
        await pilot.press("enter")
        await settle(pilot)
        compare = app.screen
        assert isinstance(compare, CompareScreen)
        assert (compare.base.id, compare.other.id) == (
            article_id(app, "d.txt"),
            article_id(app, "b.txt"),
        )
        await pilot.press("escape")
        assert app.screen is screen

        await pilot.press("up", "enter")  # version 1: nothing before it
        assert app.screen is screen
        assert any("Version 1 is the first" in str(n.message) for n in app._notifications)

        await pilot.press("escape")
        assert isinstance(app.screen, ArticlesScreen)


async def test_c_marks_one_version_and_compares_it_with_another(folder: Path) -> None:
    app = ViewerApp([str(folder)])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_history(pilot, "a.txt")  # version 4
        screen = history_screen(app)
        await pilot.press("c")
        assert screen.marked == 4
        versions = screen.query_one("#history-versions", DataTable)
        assert str(versions.get_row_at(3)[0]) == "*"
        await pilot.press("up", "up", "c")  # version 2
        await settle(pilot)
        compare = app.screen
        assert isinstance(compare, CompareScreen)
        assert (compare.base.id, compare.other.id) == (
            article_id(app, "b.txt"),
            article_id(app, "a.txt"),
        )  # the older on the left
        await pilot.press("escape")
        assert app.screen is screen and screen.marked is None

        await pilot.press("c", "escape")  # escape clears a mark first
        assert app.screen is screen and screen.marked is None


async def test_h_on_an_article_with_no_other_version_says_so(folder: Path) -> None:
    app = ViewerApp([str(folder)])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_history(pilot, "other.txt")
        assert isinstance(app.screen, ArticlesScreen)
        messages = [str(n.message) for n in app._notifications]
        assert any(
            "No other version of “Weather [bold]warning[/bold] [/]”" in message
            for message in messages
        )


async def test_articles_without_addresses_in_a_folder_are_no_versions_of_each_other(
    tmp_path: Path,
) -> None:
    # four unrelated stories: two or three open side by side at once
    stories = (
        ("d.txt", "Bridge toll", "Drivers will pay a toll on the old bridge from June."),
        ("a.txt", "Library opens", "The town library opened on Monday with a reading."),
        ("b.txt", "Storm warning", "Gales are expected along the coast until Thursday."),
        ("c.txt", "Cup final", "The home side won the cup final by two goals to one."),
    )
    for name, title, body in stories:
        (tmp_path / name).write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    app = ViewerApp([str(tmp_path)])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_history(pilot, "a.txt")
        assert isinstance(app.screen, ArticlesScreen)
        assert any("No other version" in str(n.message) for n in app._notifications)


async def test_article_text_shows_literally(folder: Path) -> None:
    app = ViewerApp([str(folder)])
    async with app.run_test(size=(200, 40)) as pilot:
        await settle(pilot)
        await open_history(pilot, "a.txt")
        screen = history_screen(app)
        timeline = screen.query_one("#history-timeline", DataTable)
        cells = [timeline.get_row_at(n)[2] for n in range(timeline.row_count)]
        (hostile,) = [cell for cell in cells if "reader" in str(cell)]
        assert str(hostile) == HOSTILE
        assert not getattr(hostile, "spans", ())  # no style read out of the text
        assert HOSTILE in step_text(screen)  # the claim added in version 4
        drawn = "\n".join(
            "".join(segment.text for segment in timeline.render_line(y))
            for y in range(timeline.size.height)
        )
        assert "[bold]Thanks[/bold] <script>alert(1)</script>" in drawn
