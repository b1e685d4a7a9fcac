"""The app on a folder of 2,000 articles: the list shows before the audit is done, stays
usable while it runs, and groups the planted copy families when it finishes."""

from __future__ import annotations

import asyncio
import random
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable

import viewer.corpus.audit as audit_module
from tests.app_helpers import settle
from viewer.corpus.audit import Audit
from viewer.corpus.audit import audit as real_audit
from viewer.model import Article
from viewer.ui.app import ViewerApp
from viewer.ui.screens.articles import ArticlesScreen

Progress = Callable[[str, int, int], None]
_SYLLABLES = ("ka", "lo", "mer", "tin", "sa", "ber", "do", "ri", "van", "pel", "qua", "nor")
_FUNCTION = ("the", "of", "and", "to", "in", "a", "said", "on", "for", "with")


def write_corpus(folder: Path, count: int = 2000, seed: int = 7) -> dict[str, str]:
    """Write ``count`` eight-sentence articles into ``folder``; every fifth original gets
    one or two lightly edited copies. Returns each copy's file stem with its source's."""
    rng = random.Random(seed)
    vocabulary = sorted(
        {"".join(rng.choices(_SYLLABLES, k=rng.randint(2, 3))) for _ in range(5000)}
    )

    def sentence() -> str:
        words = [
            rng.choice(vocabulary) if rng.random() < 0.6 else rng.choice(_FUNCTION)
            for _ in range(rng.randint(10, 16))
        ]
        return " ".join([words[0].capitalize(), *words[1:]]) + "."

    def write(stem: str, title: str, sentences: Sequence[str]) -> None:
        paragraphs = [" ".join(sentences[i : i + 2]) for i in range(0, len(sentences), 2)]
        text = f"{title}\n\n" + "\n\n".join(paragraphs) + "\n"
        (folder / f"{stem}.txt").write_text(text, encoding="utf-8")

    planted: dict[str, str] = {}
    number = 0
    while number < count:
        body = [sentence() for _ in range(8)]
        source = f"{number:04d}"
        write(source, f"Story {source}", body)
        number += 1
        if int(source) % 5:
            continue
        for _ in range(rng.randint(1, 2)):
            if number >= count:
                break
            copy = [s.replace(" the ", " a ", 1) for s in body[:7]]
            copy[2] = copy[2].rstrip(".") + " officials said."
            stem = f"{number:04d}"
            write(stem, f"Copy {stem} of {source}", copy)
            planted[stem] = source
            number += 1
    return planted


async def wait_for(pilot: Pilot[None], done: Callable[[], bool], seconds: float) -> bool:
    """Pause until ``done()`` is true or ``seconds`` pass; whether it came true."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if done():
            return True
        await pilot.pause(0.05)
    return done()


async def test_two_thousand_articles_list_first_and_audit_in_the_background(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    planted = write_corpus(tmp_path)
    started = threading.Event()
    release = threading.Event()

    def held_audit(articles: Sequence[Article], progress: Progress) -> Audit:
        started.set()
        release.wait(timeout=60)  # the test lets it go once it has seen the list
        return real_audit(articles, progress)

    monkeypatch.setattr(audit_module, "audit", held_audit)
    app = ViewerApp([str(tmp_path)])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, ArticlesScreen)
        table = screen.query_one(DataTable)
        try:
            assert await wait_for(pilot, lambda: table.row_count == 2000, 30)
            assert await wait_for(pilot, started.is_set, 10)
            assert app.audit is None and not table.loading
            assert "auditing" in str(screen.query_one("#articles-status").render())
            await pilot.press("down", "space")
            assert len(screen.marked) == 1  # usable while the audit runs
        finally:
            release.set()
        assert await wait_for(pilot, lambda: app.audit is not None, 120)
        await settle(pilot)  # the grouped list fills batch by batch
        assert app.audit is not None
        found = {a for family in app.audit.families for a in family.articles}
        copies = {f"{stem}-copy-{stem}-of-{source}" for stem, source in planted.items()}
        assert len(copies & found) >= 0.95 * len(copies)
        assert table.row_count == 2000 + len(app.audit.families) + 1  # headings
        assert screen.progress == ""
        await pilot.press("g")
        await pilot.pause()
        assert app.screen is not screen


async def test_quitting_during_the_audit_does_not_wait_for_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_corpus(tmp_path, count=50)
    release = threading.Event()

    def stuck_audit(articles: Sequence[Article], progress: Progress) -> Audit:
        release.wait(timeout=30)
        return real_audit(articles, progress)

    monkeypatch.setattr(audit_module, "audit", stuck_audit)
    app = ViewerApp([str(tmp_path)])
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            assert await wait_for(pilot, lambda: app.summaries is not None, 20)
            began = time.monotonic()
            await pilot.press("q")
            await asyncio.sleep(0)
        assert time.monotonic() - began < 5
    finally:
        release.set()
