"""SVG snapshots of the main screens on the seed articles (pytest-textual-snapshot).

Update the baselines with ``pytest tests/test_app_snapshots.py --snapshot-update`` after
checking by eye that the new screens are right.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from tests.app_helpers import ROOT, settle
from viewer.ui.app import ViewerApp

SnapCompare = Callable[..., bool]


@pytest.fixture(autouse=True)
def _deterministic(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Colour on, no blinking cursor, and paths shown relative to the project."""
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.chdir(ROOT)
    initialise = Input.__init__

    def still_input(self: Input, *args: Any, **kwargs: Any) -> None:
        initialise(self, *args, **kwargs)
        self.set_reactive(Input.cursor_blink, False)

    monkeypatch.setattr(Input, "__init__", still_input)
    yield


def test_side_by_side_wide(snap_compare: SnapCompare) -> None:
    async def on_a_changed_pair(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("n", "n")

    paths = ["seeds/000_7f86270e280a74df.txt", "seeds/001_fbd8aefc31d76d87.txt"]
    assert snap_compare(ViewerApp(paths), terminal_size=(120, 40), run_before=on_a_changed_pair)


def test_side_by_side_narrow(snap_compare: SnapCompare) -> None:
    paths = ["seeds/001_fbd8aefc31d76d87.txt", "seeds/002_2eba0d00fd067ef3.txt"]

    async def on_a_changed_pair(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("n", "n", "n", "n", "n")

    assert snap_compare(ViewerApp(paths), terminal_size=(80, 24), run_before=on_a_changed_pair)


def test_side_by_side_with_drift_flags(snap_compare: SnapCompare) -> None:
    paths = ["seeds/002_2eba0d00fd067ef3.txt", "seeds/001_fbd8aefc31d76d87.txt"]

    async def on_a_flagged_pair(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("right_square_bracket", "right_square_bracket")

    assert snap_compare(ViewerApp(paths), terminal_size=(120, 40), run_before=on_a_flagged_pair)


def test_corpus_view(snap_compare: SnapCompare) -> None:
    """The list screen: the family of the two copies, then the article in none."""

    async def on_the_copy(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("escape", "down")

    assert snap_compare(ViewerApp(["seeds"]), terminal_size=(120, 40), run_before=on_the_copy)


def test_derivation_graph(snap_compare: SnapCompare) -> None:
    async def on_the_edge(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("escape", "down", "g")
        await pilot.pause()

    assert snap_compare(ViewerApp(["seeds"]), terminal_size=(120, 40), run_before=on_the_edge)


def test_drift_table(snap_compare: SnapCompare) -> None:
    paths = ["seeds/002_2eba0d00fd067ef3.txt", "seeds/001_fbd8aefc31d76d87.txt"]

    async def open_the_table(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("d")
        await pilot.pause()

    assert snap_compare(ViewerApp(paths), terminal_size=(120, 40), run_before=open_the_table)
