"""The app's export asks before it writes over a file, and never writes over an article."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.widgets import Input

from tests.app_helpers import ROOT, compare_screen, settle
from viewer.ingest import load
from viewer.pairwise.compare import compare
from viewer.ui.app import ViewerApp
from viewer.ui.export import ExportFormat, write_report
from viewer.ui.screens.compare import CompareScreen
from viewer.ui.screens.export import ExportScreen, OverwriteScreen

NAMES = ["002_2eba0d00fd067ef3.txt", "001_fbd8aefc31d76d87.txt"]


@pytest.fixture
def articles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Two seed articles copied into the working folder, as the app is given them."""
    for name in NAMES:
        shutil.copy(ROOT / "seeds" / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    return list(NAMES)


async def test_writing_over_a_file_asks_first_and_n_keeps_it(
    articles: list[str], tmp_path: Path
) -> None:
    there = tmp_path / "report.html"
    there.write_text("keep me\n", encoding="utf-8")
    app = ViewerApp(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        compare_screen(app)
        await pilot.press("e")
        app.screen.query_one(Input).value = "report.html"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, OverwriteScreen)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        await settle(pilot)
        assert there.read_text(encoding="utf-8") == "keep me\n"

        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, OverwriteScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
    assert there.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


async def test_a_new_file_is_written_without_a_question(
    articles: list[str], tmp_path: Path
) -> None:
    app = ViewerApp(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        app.screen.query_one(Input).value = "new.html"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
    assert (tmp_path / "new.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


async def test_an_article_the_app_opened_is_never_written_over(
    articles: list[str], tmp_path: Path
) -> None:
    before = [(tmp_path / name).read_bytes() for name in articles]
    app = ViewerApp(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        for target in (articles[0], f"./{articles[1]}", str(tmp_path / articles[0])):
            app.screen.query_one(Input).value = target
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, ExportScreen)  # not asked: refused
        await pilot.press("escape")
    assert [(tmp_path / name).read_bytes() for name in articles] == before


def test_the_writer_refuses_the_articles_compared_whatever_it_is_asked(
    articles: list[str], tmp_path: Path
) -> None:
    a, b = load(articles).articles
    (tmp_path / "link.txt").symlink_to(tmp_path / articles[1])
    for target in (articles[0], "link.txt"):
        with pytest.raises(FileExistsError, match="one of the articles compared"):
            write_report(compare(a, b), ExportFormat.JSON, target)
    assert (tmp_path / articles[0]).read_bytes() == (ROOT / "seeds" / articles[0]).read_bytes()
