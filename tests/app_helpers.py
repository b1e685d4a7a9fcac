"""What the app's Pilot tests share: waiting for the workers, finding the screen."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from viewer.ui.app import ViewerApp
from viewer.ui.screens.compare import CompareScreen

ROOT = Path(__file__).resolve().parent.parent
"""The project folder: tests run from it so paths show as given (``seeds/...``)."""


async def settle(pilot: Pilot[None], rounds: int = 20) -> None:
    """Wait until loading, the audit, comparing and exporting are done and their
    messages handled (a finished worker may start another, hence the rounds)."""
    for _ in range(rounds):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if not any(worker.is_running for worker in pilot.app.workers):
            return


def compare_screen(app: ViewerApp) -> CompareScreen:
    """The side-by-side screen, which must be the one showing."""
    screen = app.screen
    assert isinstance(screen, CompareScreen)
    return screen
