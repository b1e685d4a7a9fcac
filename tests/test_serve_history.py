"""The history screen in a browser: ``viewer serve`` on a web archive of four captures of
one page, driven by keys in a headless Chromium, the screen read back and photographed."""

from __future__ import annotations

import asyncio
import io
import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tests.browser import CHROMIUM, Page, chromium, run_apart
from tests.test_serve import STARTUP, _screen_text, _wait_for_screen, free_port, serving

SHOT = Path("/tmp/viewer-serve-history.png")
"""Where the screenshot is left, to be looked at."""

VERSIONS = (
    [
        "The ferry to Oakhollow ran aground on Sunday with 3 passengers aboard, the coastguard said.",
        "“Nobody was hurt, and the tide will lift her off,” the harbour master said.",
        "The crossing is closed until Wednesday.",
    ],
    [
        "The ferry to Oakhollow ran aground on Sunday with 5 passengers aboard, the coastguard said.",
        "“Nobody was hurt, and the tide will lift her off,” the harbour master said.",
        "The crossing is closed until Wednesday.",
    ],
    [
        "The ferry to Oakhollow ran aground on Sunday with 5 passengers aboard, the coastguard said.",
        "“Nobody was hurt,” the harbour master said.",
        "The crossing is closed until Wednesday.",
    ],
    [
        "The ferry to Oakhollow ran aground on Sunday with 5 passengers aboard, the coastguard said.",
        "“Nobody was hurt,” the harbour master said.",
        "The crossing is closed until Thursday.",
        "Engineers will inspect the hull at low tide.",
    ],
)


def write_captures(path: Path) -> None:
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for n, sentences in enumerate(VERSIONS):
            paragraphs = "".join(f"<p>{s}</p>" for s in sentences)
            body = (
                "<html><head><title>Ferry aground off Oakhollow</title></head><body><article>"
                f"<h1>Ferry aground off Oakhollow</h1>{paragraphs}</article></body></html>"
            ).encode()
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                "https://coast-news.example/ferry",
                "response",
                payload=io.BytesIO(body),
                length=len(body),
                http_headers=http,
                warc_headers_dict={"WARC-Date": f"2024-06-0{2 + n}T{8 + n:02d}:30:00Z"},
            )
            writer.write_record(record)


_FOOTER = re.compile(r"version (\d)/4")
_KEYS = {
    "h": {"key": "h", "code": "KeyH", "windowsVirtualKeyCode": 72, "text": "h"},
    "down": {"key": "ArrowDown", "code": "ArrowDown", "windowsVirtualKeyCode": 40},
    "up": {"key": "ArrowUp", "code": "ArrowUp", "windowsVirtualKeyCode": 38},
}


async def _press(page: Page, name: str) -> None:
    key = dict(_KEYS[name])
    text = key.pop("text", None)
    await page.send(
        "Input.dispatchKeyEvent", type="keyDown", **key, **({"text": text} if text else {})
    )
    await page.send("Input.dispatchKeyEvent", type="keyUp", **key)


async def _until(page: Page, done: Callable[[str], bool], within: float) -> str:
    """The screen once ``done`` says so of it, or as it stands after ``within`` seconds."""
    deadline = time.monotonic() + within
    text = await _screen_text(page)
    while not done(text) and time.monotonic() < deadline:
        await asyncio.sleep(0.25)
        text = await _screen_text(page)
    return text


async def _select(page: Page, number: int) -> str:
    """Move the history's selection to version ``number`` by the arrow keys, reading the
    footer after each key: the screen opens on the version of the article highlighted
    in the list, which is not always the first, and a key sent while the app is busy
    may be handled late, or lost."""
    deadline = time.monotonic() + STARTUP
    text = await _screen_text(page)
    while time.monotonic() < deadline:
        found = _FOOTER.search(text)
        if found is not None and int(found[1]) == number:
            return text
        if found is not None:
            was = f"version {found[1]}/4"
            await _press(page, "down" if int(found[1]) < number else "up")
            text = await _until(page, lambda t, was=was: was not in t, 8.0)
        else:
            text = await _until(page, lambda t: _FOOTER.search(t) is not None, 1.0)
    return text


async def _drive(url: str) -> tuple[str, str]:
    async with chromium(free_port()) as page:
        await page.send("Page.navigate", url=url)
        listed = await _wait_for_screen(page, "Ferry aground")
        await page.evaluate("document.querySelector('.xterm-helper-textarea').focus()")
        # A key sent while the app is still settling can be lost (seen under load): press
        # until the screen it opens is up, and never again once it is.
        deadline = time.monotonic() + STARTUP
        text = ""
        while "History of" not in text and time.monotonic() < deadline:
            await _press(page, "h")
            text = await _wait_for_screen(page, "History of", within=8.0)
        # the steps are worked out off the event loop: the status line says when they are in
        await _until(
            page, lambda t: "History of" in t and "comparing the versions" not in t, STARTUP
        )
        await _select(page, 2)
        shown = await _wait_for_screen(page, "Version 1 → 2: 1 sentence changed")
        await page.screenshot(SHOT)
        return listed, shown


def test_the_history_screen_draws_in_a_browser(tmp_path: Path) -> None:
    if CHROMIUM is None:
        pytest.skip("no chromium on this machine (apt-get install chromium)")
    write_captures(tmp_path / "ferry.warc.gz")
    with serving(tmp_path / "ferry.warc.gz", tmp_path) as served:
        listed, shown = run_apart(_drive(served.url))
    assert "Ferry aground" in listed
    assert "History of coast-news.example/ferry · 4 versions" in shown
    assert "2024-06-02 08:30" in shown and "2024-06-05 11:30" in shown
    # the screen as read, in full, if it does not say what it should
    screen = "\n".join(line.rstrip() for line in shown.splitlines() if line.strip())
    assert "Version 1 → 2: 1 sentence changed, 1 number changed" in shown, screen
    assert "number changed: 3 → 5" in shown, screen
    assert SHOT.stat().st_size > 10_000
