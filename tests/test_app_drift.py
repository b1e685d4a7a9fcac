"""Pilot tests of drift in the app: flags, their keys, the drift table, overview and export."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from rich.text import Text
from textual.app import App
from textual.message import Message
from textual.widgets import DataTable, Input, Static

from tests.app_helpers import ROOT, compare_screen, settle
from tests.articles import REWRITE, SPUN, seed
from viewer.model import Comparison, Drift, DriftKind, Severity, Span
from viewer.pairwise.compare import compare
from viewer.ui.app import ViewerApp
from viewer.ui.density import pair_at
from viewer.ui.flag_table import FlagColumn
from viewer.ui.flags import is_meaning_drift
from viewer.ui.rows import RowKind, Show
from viewer.ui.screens.compare import CompareScreen
from viewer.ui.screens.drift_table import DriftTableScreen
from viewer.ui.screens.export import ExportScreen
from viewer.ui.screens.help import HelpScreen
from viewer.ui.screens.overview import OverviewScreen
from viewer.ui.screens.pair import PairScreen, flag_content
from viewer.ui.widgets.density_strip import DensityStrip
from viewer.ui.widgets.side_by_side import SideBySide

DRIFTED = ["seeds/002_2eba0d00fd067ef3.txt", "seeds/001_fbd8aefc31d76d87.txt"]
"""The rewrite as the base and the spun copy as the other: flags of many kinds."""


@pytest.fixture(autouse=True)
def _in_project(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def flagged_rows(view: SideBySide) -> list[int]:
    assert view.comparison is not None
    pairs = {drift.pair for drift in view.comparison.drift}
    return [i for i, row in enumerate(view.rows) if row.kind is RowKind.PAIR and row.pair in pairs]


def status(screen: CompareScreen) -> str:
    return str(screen.query_one("#compare-status", Static).render())


async def test_brackets_walk_the_flagged_pairs_and_the_status_names_them() -> None:
    app = ViewerApp(DRIFTED)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = compare_screen(app)
        view = screen.view
        flagged = flagged_rows(view)
        assert len(flagged) > 3
        await pilot.press("home")
        ahead = [i for i in flagged if i > view.cursor]
        await pilot.press("right_square_bracket")
        assert view.cursor == ahead[0]
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert view.cursor == ahead[2]
        await pilot.press("left_square_bracket")
        assert view.cursor == ahead[1]
        assert view.current_flags and "flag" in status(screen)
        comparison = view.comparison
        assert comparison is not None
        assert comparison.changes[view.rows[view.cursor].pair].value in status(screen)
        await pilot.press("end")
        last = view.cursor
        await pilot.press("right_square_bracket")
        assert view.cursor == (last if last in flagged else max(flagged))


async def test_f_reaches_only_meaning_drift() -> None:
    app = ViewerApp(DRIFTED)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = compare_screen(app)
        view = screen.view
        await pilot.press("f", "f")
        assert view.show is Show.MEANING
        assert "meaning drift" in status(screen)
        comparison = view.comparison
        assert comparison is not None
        shown = [row.pair for row in view.rows if row.kind is RowKind.PAIR]
        assert shown
        for pair in shown:
            assert any(d.pair == pair and is_meaning_drift(d) for d in comparison.drift)


async def test_enter_explains_the_flags_of_the_pair() -> None:
    app = ViewerApp(DRIFTED)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        view = compare_screen(app).view
        await pilot.press("home", "right_square_bracket")
        flags = view.current_flags
        assert flags
        await pilot.press("enter")
        details = app.screen
        assert isinstance(details, PairScreen)
        shown = [str(static.render()) for static in details.query(".pair-flag").results(Static)]
        assert len(shown) == len(flags)
        for text, drift in zip(shown, flags, strict=True):
            assert drift.kind.value in text and drift.severity.value in text
            assert f"B {drift.b_span.start}" in text and drift.explanation[:20] in text
        assert details.change is not None
        assert f"change: {details.change.value}" in str(details.query_one("#pair-heading").render())


async def test_drift_table_sorts_filters_and_goes_to_the_pair() -> None:
    app = ViewerApp(DRIFTED)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        view = compare_screen(app).view
        comparison = view.comparison
        assert comparison is not None
        await pilot.press("d")
        table_screen = app.screen
        assert isinstance(table_screen, DriftTableScreen)
        table = table_screen.query_one(DataTable)
        assert table.row_count == len(comparison.drift)
        ranks = [list(Severity).index(r.drift((comparison,)).severity) for r in table_screen.refs]
        assert ranks == sorted(ranks)
        await pilot.press("s")
        assert table_screen.sort is FlagColumn.KIND
        kinds = [ref.drift((comparison,)).kind.value for ref in table_screen.refs]
        assert kinds == sorted(kinds)
        await pilot.press("r")
        kinds = [ref.drift((comparison,)).kind.value for ref in table_screen.refs]
        assert kinds == sorted(kinds, reverse=True)
        await pilot.click(DataTable, offset=(2, 0))  # the severity header
        assert table_screen.sort is FlagColumn.SEVERITY and not table_screen.reverse
        await pilot.press("k")
        assert table_screen.kind is DriftKind.QUOTE_ALTERED
        assert table.row_count == sum(d.kind is DriftKind.QUOTE_ALTERED for d in comparison.drift)
        await pilot.press("f")
        assert table_screen.severity is Severity.HIGH
        refs = table_screen.refs
        assert refs and all(
            ref.drift((comparison,)).kind is DriftKind.QUOTE_ALTERED
            and ref.drift((comparison,)).severity is Severity.HIGH
            for ref in refs
        )
        await pilot.press("down", "down", "enter")
        chosen = refs[2].drift((comparison,))
        assert isinstance(app.screen, CompareScreen)
        row = view.current_row
        assert row is not None and row.kind is RowKind.PAIR and row.pair == chosen.pair


async def test_drift_table_goes_to_a_pair_the_filter_hid() -> None:
    app = ViewerApp(DRIFTED)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        view = compare_screen(app).view
        comparison = view.comparison
        assert comparison is not None
        await pilot.press("f", "f", "d")  # only meaning drift, then the table
        table_screen = app.screen
        assert isinstance(table_screen, DriftTableScreen)
        await pilot.press("ctrl+end", "enter")  # a low flag: garble or boilerplate
        chosen = table_screen.refs[-1].drift((comparison,))
        assert chosen.severity is Severity.LOW
        row = view.current_row
        assert row is not None and row.pair == chosen.pair and view.show is Show.ALL


async def test_overview_shows_both_articles_and_enter_goes_there() -> None:
    app = ViewerApp(DRIFTED)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        view = compare_screen(app).view
        comparison = view.comparison
        assert comparison is not None
        await pilot.press("v")
        overview = app.screen
        assert isinstance(overview, OverviewScreen)
        strips = list(overview.query(DensityStrip).results())
        assert [strip.side for strip in strips] == ["a", "b"]
        for strip in strips:
            assert len(strip.cells) == strip.size.width > 20
            assert any(cell.changed for cell in strip.cells)
            assert any(cell.flag for cell in strip.cells)
        await pilot.press("tab", "end")
        strip = strips[1]
        assert strip.has_focus and strip.cursor == len(strip.cells) - 1
        place = strip.cells[strip.cursor].start
        await pilot.press("enter")
        assert isinstance(app.screen, CompareScreen)
        row = view.current_row
        assert row is not None and row.pair == pair_at(comparison, "b", place)
        await pilot.press("v", "escape")
        assert isinstance(app.screen, CompareScreen)


async def test_export_writes_html_then_json(tmp_path: Path) -> None:
    seen: list[CompareScreen.Exported] = []

    def hook(message: Message) -> None:
        if isinstance(message, CompareScreen.Exported):
            seen.append(message)

    app = ViewerApp(DRIFTED)
    async with app.run_test(size=(120, 40), message_hook=hook) as pilot:
        await settle(pilot)
        comparison = compare_screen(app).view.comparison
        assert comparison is not None
        await pilot.press("e")
        assert isinstance(app.screen, ExportScreen)
        path = app.screen.query_one(Input)
        assert path.value == f"./{comparison.a.id}__{comparison.b.id}.html"
        path.value = str(tmp_path / "report.html")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        page = (tmp_path / "report.html").read_text(encoding="utf-8")
        assert "<title>" in page and "Newly released bodycam footage" in page
        assert seen[-1].path == tmp_path / "report.html"

        await pilot.press("e")
        path = app.screen.query_one(Input)
        path.value = str(tmp_path / "report.html")
        await pilot.press("shift+tab", "down", "down", "enter")  # the third format: JSON
        assert path.value == str(tmp_path / "report.json")
        await pilot.press("tab", "enter")
        await settle(pilot)
        data = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
        assert len(data["pairs"]) == len(comparison.pairs)


async def test_export_says_what_went_wrong(tmp_path: Path) -> None:
    seen: list[CompareScreen.Exported] = []

    def hook(message: Message) -> None:
        if isinstance(message, CompareScreen.Exported):
            seen.append(message)

    app = ViewerApp(DRIFTED)
    async with app.run_test(size=(120, 40), message_hook=hook) as pilot:
        await settle(pilot)
        await pilot.press("e")
        app.screen.query_one(Input).value = str(tmp_path / "no-such-folder" / "r.md")
        await pilot.press("enter")
        await settle(pilot)
        assert seen and seen[-1].path is None
        assert "no-such-folder" in seen[-1].error and "Could not write" in seen[-1].error
        assert app.is_running and isinstance(app.screen, CompareScreen)
        await pilot.press("e", "escape")
        assert isinstance(app.screen, CompareScreen)


async def test_help_and_palette_offer_the_drift_keys() -> None:
    app = ViewerApp(DRIFTED)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        described = {description for _, description in app.screen.keys}
        wanted = {"Next flag", "Previous flag", "Drift table", "Overview", "Export"}
        assert wanted <= described
        await pilot.press("escape", "ctrl+p", *"drift table")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DriftTableScreen)


HOSTILE = "[bold red]x[/] [@click=app.quit]go[/] \x1b]0;pwned\x07"


def hostile_comparison() -> Comparison:
    comparison = compare(seed(REWRITE), seed(SPUN))
    drift = Drift(DriftKind.NUMBER, Severity.HIGH, 0, Span(0, 3), Span(0, 0), HOSTILE, "", HOSTILE)
    return replace(comparison, drift=(drift,))


def test_a_flags_words_are_shown_literally_in_the_details() -> None:
    content = flag_content(hostile_comparison().drift[0])
    assert "[bold red]x[/] [@click=app.quit]go[/] ␛]0;pwned␇" in content.plain
    assert "\x1b" not in content.plain and "(nothing)" in content.plain


async def test_the_drift_table_shows_hostile_text_literally() -> None:
    comparison = hostile_comparison()

    class TableApp(App[None]):
        def on_mount(self) -> None:
            self.push_screen(DriftTableScreen((comparison,)))

    app = TableApp()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DriftTableScreen)
        table = screen.query_one(DataTable)
        before = table.get_row_at(0)[2]
        assert isinstance(before, Text) and before.plain.startswith("[bold red]x[/]")
        assert "␛" in before.plain and not before.spans
        detail = str(screen.query_one("#drift-detail", Static).render())
        assert "[@click=app.quit]go[/]" in detail and app.is_running
