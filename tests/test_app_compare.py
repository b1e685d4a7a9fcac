"""Pilot tests of the side-by-side screen, driven by keys as a person would."""

from __future__ import annotations

import pytest

from tests.app_helpers import ROOT, compare_screen, settle
from viewer.model import PairKind
from viewer.ui.app import ViewerApp
from viewer.ui.rows import RowKind, Show, is_changed
from viewer.ui.screens.articles import ArticlesScreen
from viewer.ui.screens.choose import ChooseArticleScreen
from viewer.ui.screens.compare import CompareScreen
from viewer.ui.screens.help import HelpScreen
from viewer.ui.screens.pair import PairScreen
from viewer.ui.widgets.side_by_side import SideBySide


@pytest.fixture(autouse=True)
def _in_project(monkeypatch: pytest.MonkeyPatch) -> None:
    """Paths are shown as given, so run from the project folder and give ``seeds``."""
    monkeypatch.chdir(ROOT)


def changed_rows(view: SideBySide) -> list[int]:
    assert view.comparison is not None
    pairs = view.comparison.pairs
    return [
        index
        for index, row in enumerate(view.rows)
        if row.kind is RowKind.PAIR and is_changed(pairs[row.pair])
    ]


async def test_seeds_open_straight_into_the_source_against_its_copy() -> None:
    app = ViewerApp(["seeds"])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = compare_screen(app)
        comparison = screen.view.comparison
        assert comparison is not None
        assert len(app.summaries or ()) == 3
        assert (comparison.a.path, comparison.b.path) == (
            "seeds/002_2eba0d00fd067ef3.txt",
            "seeds/001_fbd8aefc31d76d87.txt",
        )
        assert screen.view.rows and screen.view.has_focus
        assert len(app.screen_stack) == 2 and isinstance(app.screen_stack[0], ArticlesScreen)


async def test_n_and_shift_n_walk_the_changed_pairs() -> None:
    app = ViewerApp(["seeds/001_fbd8aefc31d76d87.txt", "seeds/002_2eba0d00fd067ef3.txt"])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        view = compare_screen(app).view
        changed = changed_rows(view)
        assert len(changed) > 3
        await pilot.press("home")
        start = view.cursor
        ahead = [i for i in changed if i > start]
        await pilot.press("n")
        assert view.cursor == ahead[0]
        await pilot.press("n", "n")
        assert view.cursor == ahead[2]
        await pilot.press("N")
        assert view.cursor == ahead[1]


async def test_cursor_keys_move_and_scroll() -> None:
    app = ViewerApp(["seeds"])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        view = compare_screen(app).view
        await pilot.press("down", "j")
        assert view.cursor == 2
        await pilot.press("up")
        assert view.cursor == 1
        await pilot.press("k")
        assert view.cursor == 0
        await pilot.press("end")
        assert view.cursor == len(view.rows) - 1
        assert view.scroll_offset.y > 0
        await pilot.press("home")
        assert view.cursor == 0 and view.scroll_offset.y == 0
        await pilot.press("pagedown")
        assert view.scroll_offset.y > 0 and view.cursor > 0
        await pilot.press("pageup")
        assert view.scroll_offset.y == 0


async def test_f_cycles_the_filter() -> None:
    app = ViewerApp(["seeds"])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        view = compare_screen(app).view
        assert view.show is Show.ALL
        every = len(view.rows)
        await pilot.press("f")
        assert view.show is Show.CHANGES
        await pilot.press("f")
        assert view.show is Show.MEANING
        await pilot.press("f")
        assert view.show is Show.STRUCTURE
        assert view.comparison is not None
        kinds = {view.comparison.pairs[r.pair].kind for r in view.rows if r.kind is RowKind.PAIR}
        assert kinds <= {PairKind.ADDED, PairKind.DROPPED, PairKind.MOVED}
        assert any(row.kind is RowKind.HIDDEN for row in view.rows)
        await pilot.press("f")
        assert view.show is Show.ALL and len(view.rows) == every


async def test_s_swaps_sides_and_keeps_the_sentence_under_the_cursor() -> None:
    app = ViewerApp(["seeds"])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = compare_screen(app)
        base, other = screen.base.id, screen.other.id
        view = screen.view
        assert view.comparison is not None
        pairs = view.comparison.pairs
        view.cursor = next(
            i for i, r in enumerate(view.rows) if pairs[r.pair].a and pairs[r.pair].b
        )
        pair = view.current_pair
        assert pair is not None
        await pilot.press("s")
        await settle(pilot)
        comparison = screen.view.comparison
        assert comparison is not None
        assert (screen.base.id, screen.other.id) == (other, base)
        assert (comparison.a.id, comparison.b.id) == (other, base)
        now = screen.view.current_pair
        assert now is not None and pair.b[0] in now.a
        await pilot.press("s")
        await settle(pilot)
        assert (screen.base.id, screen.other.id) == (base, other)


async def test_b_and_o_choose_the_base_and_the_other() -> None:
    app = ViewerApp(["seeds"])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = compare_screen(app)
        third = (app.summaries or ())[2].id
        await pilot.press("b")
        assert isinstance(app.screen, ChooseArticleScreen)
        await pilot.press("end", "enter")
        await settle(pilot)
        assert app.screen is screen
        assert screen.base.id == third
        assert screen.view.comparison is not None and screen.view.comparison.a.id == third
        first = (app.summaries or ())[0].id
        await pilot.press("o")
        await pilot.press("home", "enter")
        await settle(pilot)
        assert screen.other.id == first
        await pilot.press("o", "escape")
        assert app.screen is screen and screen.other.id == first


async def test_enter_shows_the_pair_in_full() -> None:
    app = ViewerApp(["seeds"])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = compare_screen(app)
        await pilot.press("n", "n")
        pair = screen.view.current_pair
        await pilot.press("enter")
        details = app.screen
        assert isinstance(details, PairScreen) and details.pair is pair
        assert pair is not None and pair.a_span is not None
        assert f"{pair.a_span.start}–{pair.a_span.end}" in str(
            details.query_one(".pair-side").render()
        )
        await pilot.press("escape")
        assert app.screen is screen


async def test_m_jumps_between_a_moved_sentence_and_where_it_stood() -> None:
    app = ViewerApp(["seeds/000_7f86270e280a74df.txt", "seeds/001_fbd8aefc31d76d87.txt"])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        view = compare_screen(app).view
        assert view.comparison is not None
        moved = next(
            i
            for i, row in enumerate(view.rows)
            if row.kind is RowKind.PAIR and view.comparison.pairs[row.pair].kind is PairKind.MOVED
        )
        view.cursor = moved
        await pilot.press("m")
        assert view.rows[view.cursor].kind is RowKind.MOVED_FROM
        assert view.rows[view.cursor].pair == view.rows[moved].pair
        await pilot.press("m")
        assert view.cursor == moved
        await pilot.press("home", "m")
        assert view.cursor == 0


async def test_slash_searches_both_articles_and_n_walks_the_matches() -> None:
    app = ViewerApp(["seeds"])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = compare_screen(app)
        view = screen.view
        await pilot.press("slash", *"Reed", "enter")
        assert view.search == "Reed"
        hits = view.hit_rows
        assert len(hits) > 2 and view.cursor in hits
        first = view.cursor
        await pilot.press("n")
        assert view.cursor == min(i for i in hits if i > first)
        await pilot.press("N")
        assert view.cursor == first
        assert "match" in str(screen.query_one("#compare-status").render())
        await pilot.press("escape")
        assert view.search == "" and view.hit_rows == []
        assert app.screen is screen


async def test_escape_goes_back_to_the_list_and_help_lists_the_keys() -> None:
    app = ViewerApp(["seeds"])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        described = {description for _, description in help_screen.keys}
        assert {"Next change", "Swap sides", "Filter", "Search", "Details", "Quit"} <= described
        await pilot.press("escape")
        assert isinstance(app.screen, CompareScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, ArticlesScreen)


async def test_every_binding_is_in_the_command_palette() -> None:
    app = ViewerApp(["seeds"])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = compare_screen(app)
        base = screen.base.id
        await pilot.press("ctrl+p", *"swap")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen and screen.other.id == base


async def test_q_quits() -> None:
    app = ViewerApp(["seeds"])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
