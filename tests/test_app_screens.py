"""Pilot tests of the article list, the problems screen, loading, and hostile text."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from rich.text import Text
from textual.widgets import DataTable, Static

import viewer.ui.app as app_module
import viewer.ui.screens.articles as articles_module
from tests.app_helpers import settle
from viewer.ingest import Limits
from viewer.model import Corpus
from viewer.ui.app import ViewerApp
from viewer.ui.screens.articles import ArticlesScreen
from viewer.ui.screens.compare import CompareScreen
from viewer.ui.screens.pair import PairScreen
from viewer.ui.screens.problems import ProblemsScreen
from viewer.ui.screens.read import ReadScreen
from viewer.ui.widgets.column_heads import ColumnHeads
from viewer.ui.widgets.pair_text import PairText
from viewer.ui.widgets.plain_text import PlainText

HOSTILE_TITLE = "Title [bold red]x[/] [@click=app.quit]go[/] \x1b]0;pwned\x07"
HOSTILE_BODY = (
    "Officials said [bold red]x[/] was fine. Click [@click=app.quit]here[/] now. "
    "The colour was \x1b[31mred\x1b[0m and the title \x1b]0;title\x07 changed."
)


def _word(number: int, place: int) -> str:
    """A made-up word that no other article of :func:`write_articles` uses."""
    return "".join("bcdfghjklm"[int(d)] + "aeiou"[(int(d) + place) % 5] for d in f"{number:03d}")


def write_articles(folder: Path, count: int) -> list[str]:
    """``count`` unrelated articles (no words in common but a few function words), so
    the audit finds no family and the list keeps their order."""
    paths = []
    for number in range(count):
        path = folder / f"{number}.txt"
        words = [_word(number, place).capitalize() for place in range(6)]
        path.write_text(
            f"Story version {number}\n\n{words[0]} said the {words[1]} opens in {number + 3} "
            f"weeks. {words[2]} {words[3]} welcomed the {words[4]} {words[5]}.\n",
            encoding="utf-8",
        )
        paths.append(str(path))
    return paths


def articles_screen(app: ViewerApp) -> ArticlesScreen:
    screen = app.screen
    assert isinstance(screen, ArticlesScreen)
    return screen


async def test_space_marks_two_and_c_compares_them(tmp_path: Path) -> None:
    app = ViewerApp(write_articles(tmp_path, 4))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = articles_screen(app)
        table = screen.query_one(DataTable)
        assert table.row_count == 4 and not table.loading
        ids = [summary.id for summary in app.summaries or ()]
        await pilot.press("down", "space", "down", "down", "space")
        assert screen.marked == (ids[1], ids[3])
        await pilot.press("c")
        await settle(pilot)
        compare = app.screen
        assert isinstance(compare, CompareScreen)
        assert (compare.base.id, compare.other.id) == (ids[1], ids[3])
        await pilot.press("escape")
        assert app.screen is screen and screen.marked == (ids[1], ids[3])
        await pilot.press("escape")
        assert screen.marked == ()


async def test_enter_compares_the_marked_article_with_the_one_under_the_cursor(
    tmp_path: Path,
) -> None:
    app = ViewerApp(write_articles(tmp_path, 5))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        ids = [summary.id for summary in app.summaries or ()]
        await pilot.press("space", "down", "down", "enter")
        await settle(pilot)
        compare = app.screen
        assert isinstance(compare, CompareScreen)
        assert (compare.base.id, compare.other.id) == (ids[0], ids[2])


async def test_enter_with_nothing_marked_says_what_to_do(tmp_path: Path) -> None:
    app = ViewerApp(write_articles(tmp_path, 4))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        assert isinstance(app.screen, ArticlesScreen)
        assert any("Mark an article" in str(n.message) for n in app._notifications)


async def test_variants_of_an_article_with_no_other_version_say_so(tmp_path: Path) -> None:
    app = ViewerApp(write_articles(tmp_path, 4))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.audit is not None and not app.audit.families
        await pilot.press("V")
        assert isinstance(app.screen, ArticlesScreen)
        assert any(
            "No other version of “Story version 0”" in str(n.message) for n in app._notifications
        )


async def test_a_long_list_fills_in_batches_the_table_measures_one_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(articles_module, "BATCH", 4)
    batches: list[tuple[int, int]] = []
    add_rows = ArticlesScreen._add_rows

    def counted(screen: ArticlesScreen, rows: Sequence[object], shape: Any) -> None:
        table = screen.query_one(DataTable)
        # rows added by the batches before this one that the table has not measured yet
        unmeasured = sum(key in table.rows for key in table._new_rows)
        batches.append((len(rows), unmeasured))
        add_rows(screen, rows, shape)  # type: ignore[arg-type]

    monkeypatch.setattr(ArticlesScreen, "_add_rows", counted)
    app = ViewerApp(write_articles(tmp_path, 10))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = articles_screen(app)
        table = screen.query_one(DataTable)
        assert table.row_count == 10
        sizes = [size for size, _ in batches if size]
        assert max(sizes) == 4 and len(sizes) >= 3  # the list as loaded, then grouped
        assert all(unmeasured == 0 for _, unmeasured in batches)
        ids = [summary.id for summary in app.summaries or ()]
        table.move_cursor(row=9)
        batches.clear()
        screen._populate()
        assert table.row_count == 4  # the first batch at once, the rest in the worker
        screen._populate()  # a new fill cancels the one under way
        await settle(pilot)
        assert table.row_count == 10 and [size for size, _ in batches] == [4, 4, 4, 2]
        assert table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value == ids[9]


async def test_problems_are_listed_and_the_rest_loads(tmp_path: Path) -> None:
    paths = write_articles(tmp_path, 4)
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    app = ViewerApp([*paths, str(tmp_path / "missing.txt")])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert len(app.summaries or ()) >= 4
        assert len(app.problems) >= 1
        await pilot.press("p")
        problems = app.screen
        assert isinstance(problems, ProblemsScreen)
        table = problems.query_one(DataTable)
        assert table.row_count == len(app.problems)
        files = {str(table.get_row_at(i)[0]) for i in range(table.row_count)}
        assert any("missing.txt" in name for name in files)
        await pilot.press("escape")
        assert isinstance(app.screen, ArticlesScreen)


async def test_the_limits_reach_the_load_and_what_they_refuse_is_listed(tmp_path: Path) -> None:
    paths = write_articles(tmp_path, 3)
    long = tmp_path / "long.txt"
    long.write_text("A long story\n\n" + "The council met again today. " * 200, encoding="utf-8")
    app = ViewerApp([*paths, str(long)], Limits(max_article_chars=1_000))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert len(app.summaries or ()) == 3
        await pilot.press("p")
        problems = app.screen
        assert isinstance(problems, ProblemsScreen)
        file, reason = (str(cell) for cell in problems.query_one(DataTable).get_row_at(0))
        assert file.endswith("long.txt")
        assert "article too long" in reason and "(--max-article-length)" in reason
        detail = str(problems.query_one("#problems-detail", Static).render())  # uncut
        assert detail.startswith(file) and detail.endswith("limit (--max-article-length)")
    app = ViewerApp([*paths, str(long)], Limits(max_article_chars=10_000))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert len(app.summaries or ()) == 4 and app.problems == ()


async def test_nothing_loaded_says_so(tmp_path: Path) -> None:
    app = ViewerApp([str(tmp_path / "nothing-here.txt")])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        status = str(articles_screen(app).query_one("#articles-status").render())
        assert "No articles" in status and "p lists 1 load problem" in status


async def test_the_list_shows_loading_until_the_worker_is_done(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    real_load = app_module.load

    def slow_load(paths: tuple[str, ...], limits: Limits) -> Corpus:
        release.wait(timeout=10)
        return real_load(paths, limits=limits)

    monkeypatch.setattr(app_module, "load", slow_load)
    app = ViewerApp(write_articles(tmp_path, 4))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = articles_screen(app)
        assert screen.query_one(DataTable).loading
        assert "Loading" in str(screen.query_one("#articles-status").render())
        release.set()
        await settle(pilot)
        assert not screen.query_one(DataTable).loading
        assert screen.query_one(DataTable).row_count == 4


async def test_hostile_text_is_shown_literally_and_never_obeyed(tmp_path: Path) -> None:
    for name, extra in (("a", ""), ("b", " Added [link=x]line[/link].")):
        (tmp_path / f"{name}.txt").write_text(
            f"{HOSTILE_TITLE}\n\n{HOSTILE_BODY}{extra}\n", encoding="utf-8"
        )
    app = ViewerApp([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        view = screen.view
        segments = [s for y in range(view.size.height) for s in view.render_line(y)]
        shown = "".join(segment.text for segment in segments)
        assert "[bold red]x[/]" in shown and "[@click=app.quit]here[/]" in shown
        assert "␛[31mred␛[0m" in shown and "␛]0;title␇" in shown
        assert not any(c in shown for c in "\x1b\x07\x9b")
        heads = str(screen.query_one(ColumnHeads).render())
        assert "[bold red]x[/]" in heads and "␛]0;" in heads and "\x1b" not in heads
        await pilot.press("enter")
        details = app.screen
        assert isinstance(details, PairScreen)
        for text in details.query(PairText):
            plain = str(text.render())
            assert "\x1b" not in plain and "[bold red]x[/]" in plain
        await pilot.click(PairText)
        await pilot.press("escape", "escape")
        assert app.is_running
        table = articles_screen(app).query_one(DataTable)
        title = table.get_row((app.summaries or ())[0].id)[1]
        assert isinstance(title, Text) and "[@click=app.quit]go[/]" in title.plain
        assert "\x1b" not in title.plain


async def test_a_lone_article_opens_to_read_and_scrolls(tmp_path: Path) -> None:
    lines = [f"Line {n} of the report says [bold]{n}[/] things." for n in range(3000)]
    path = tmp_path / "long.txt"
    path.write_text("A long report\n\n" + "\n".join(lines), encoding="utf-8")
    app = ViewerApp([str(path)])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ReadScreen)
        text = app.screen.query_one(PlainText)
        assert text.line_count > 1000  # 3,000 short lines, wrapped at 79 columns
        heading = app.screen.query_one("#read-heading", Static)
        assert "A long report" in str(heading.render())
        assert "[bold]0[/]" in "".join(s.text for s in text.render_line(0))
        await pilot.press("pagedown", "pagedown")
        assert text.scroll_offset.y > 0
        await pilot.press("escape")
        assert isinstance(app.screen, ArticlesScreen)


async def test_r_reads_the_article_under_the_cursor(tmp_path: Path) -> None:
    ids = write_articles(tmp_path, 3)
    app = ViewerApp([str(tmp_path)])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        if not isinstance(app.screen, ArticlesScreen):
            await pilot.press("escape")
        await pilot.press("r")
        assert isinstance(app.screen, ReadScreen)
        assert app.screen.summary.article.path in ids
        first = app.screen.summary.article.sentences[0]
        shown = "".join(s.text for s in app.screen.query_one(PlainText).render_line(0))
        assert shown.strip().startswith(first.text[:20])
