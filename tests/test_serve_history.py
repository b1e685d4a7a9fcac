"""The history screen in a browser: ``viewer serve`` on a web archive of four captures of
one page, driven by keys in a headless Chromium, the screen read back and photographed."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tests.browser import CHROMIUM, chromium, run_apart
from tests.test_serve import STARTUP, _wait_for_screen, free_port, serving

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


async def _drive(url: str) -> tuple[str, str]:
    async with chromium(free_port()) as page:
        await page.send("Page.navigate", url=url)
        listed = await _wait_for_screen(page, "Ferry aground")
        await page.evaluate("document.querySelector('.xterm-helper-textarea').focus()")
        # A key sent while the app is still settling can be lost (seen under load): press
        # until the screen it opens is up, and never again once it is.
        key = {"key": "h", "code": "KeyH", "windowsVirtualKeyCode": 72}
        deadline = time.monotonic() + STARTUP
        text = ""
        while "History of" not in text and time.monotonic() < deadline:
            await page.send("Input.dispatchKeyEvent", type="keyDown", text="h", **key)
            await page.send("Input.dispatchKeyEvent", type="keyUp", **key)
            text = await _wait_for_screen(page, "History of", within=8.0)
        # the steps are worked out off the event loop: the first version's line says they are in
        await _wait_for_screen(page, "the first version, nothing before it")
        # The same for the down key: until the second version is selected (the footer
        # says so), never past it; then wait for that step's own line.
        down = {"key": "ArrowDown", "code": "ArrowDown", "windowsVirtualKeyCode": 40}
        deadline = time.monotonic() + STARTUP
        text = "version 1/4"
        while "version 2/4" not in text and time.monotonic() < deadline:
            if "version 1/4" in text:  # still on the first: the key was lost, or is yet to come
                await page.send("Input.dispatchKeyEvent", type="keyDown", **down)
                await page.send("Input.dispatchKeyEvent", type="keyUp", **down)
            text = await _wait_for_screen(page, "version 2/4", within=8.0)
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
    assert "Version 1 → 2: 1 sentence changed, 1 number changed" in shown
    assert "number changed: 3 → 5" in shown
    assert SHOT.stat().st_size > 10_000
