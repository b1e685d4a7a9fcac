"""A headless Chromium driven over the Chrome DevTools Protocol, for the served app's tests.

Only what those tests need: open a page, evaluate JavaScript, list the requests the page
made, take a screenshot. The protocol goes over aiohttp's WebSocket client, so no browser
download and no driver package is needed; Debian's ``chromium`` is enough.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import itertools
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import AsyncIterator, Coroutine
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, TypeVar

import aiohttp

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

_T = TypeVar("_T")


def run_apart(work: Coroutine[Any, Any, _T]) -> _T:
    """Run ``work`` to its end on an event loop of its own, from a test that is not async.

    ``asyncio.run`` makes its loop the thread's current one and, when done, sets none: an
    event loop pytest-asyncio had made current (as its 0.24 release does) is then dropped
    unclosed, and its sockets are reported as leaked by whichever test the garbage
    collector runs in. A runner given a loop factory leaves the current loop alone.
    """
    with asyncio.Runner(loop_factory=asyncio.new_event_loop) as runner:
        return runner.run(work)


"""The browser, where one is installed."""

FLAGS = (
    "--headless",
    "--no-sandbox",  # the tests may run as root, where Chromium's sandbox cannot start
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--window-size=1200,800",
)


class Page:
    """One browser tab: commands go out, their answers and the tab's events come back."""

    def __init__(self, socket: aiohttp.ClientWebSocketResponse) -> None:
        self.socket = socket
        self.requests: list[str] = []
        """Every URL the tab asked for (pages, scripts, fonts, WebSockets), in order."""
        self.console: list[str] = []
        """Every console message and browser log entry (a blocked load shows here)."""
        self._ids = itertools.count(1)
        self._waiting: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        async for message in self.socket:
            data = json.loads(message.data)
            if "id" in data and data["id"] in self._waiting:
                self._waiting.pop(data["id"]).set_result(data)
            elif data.get("method") == "Network.requestWillBeSent":
                self.requests.append(data["params"]["request"]["url"])
            elif data.get("method") == "Network.webSocketCreated":
                self.requests.append(data["params"]["url"])
            elif data.get("method") == "Log.entryAdded":
                self.console.append(data["params"]["entry"]["text"])
            elif data.get("method") == "Runtime.consoleAPICalled":
                args = data["params"]["args"]
                self.console.append(" ".join(str(arg.get("value", "")) for arg in args))

    async def send(self, method: str, **params: Any) -> dict[str, Any]:
        """The result of one protocol command."""
        number = next(self._ids)
        answer: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._waiting[number] = answer
        await self.socket.send_json({"id": number, "method": method, "params": params})
        data = await asyncio.wait_for(answer, 30)
        if "error" in data:
            raise RuntimeError(f"{method}: {data['error']}")
        result: dict[str, Any] = data["result"]
        return result

    async def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page."""
        result = await self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        return result["result"].get("value")

    async def wait_for(self, expression: str, seconds: float) -> Any:
        """The first truthy value of ``expression``, polled for up to ``seconds``."""
        deadline = time.monotonic() + seconds
        while True:
            value = await self.evaluate(expression)
            if value or time.monotonic() > deadline:
                return value
            await asyncio.sleep(0.25)

    async def screenshot(self, path: Path) -> None:
        """Save what the tab shows as a PNG."""
        shot = await self.send("Page.captureScreenshot", format="png")
        path.write_bytes(base64.b64decode(shot["data"]))


def _devtools(port: int, seconds: float) -> list[dict[str, Any]]:
    """The browser's list of tabs, once its DevTools endpoint answers."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=2) as got:
                tabs: list[dict[str, Any]] = json.loads(got.read())
                if tabs:
                    return tabs
        except OSError:
            if time.monotonic() > deadline:
                raise
        time.sleep(0.2)


@asynccontextmanager
async def chromium(debug_port: int) -> AsyncIterator[Page]:
    """A fresh headless Chromium (its own profile folder) and its first tab, with network,
    log and console events recorded; the browser is stopped by its process id after."""
    assert CHROMIUM is not None
    # Chromium's helper processes may still be writing the profile as the browser exits;
    # they are stopped with it (its own process group), and a straggler's file is no failure.
    with tempfile.TemporaryDirectory(
        prefix="viewer-chromium-", ignore_cleanup_errors=True
    ) as profile:
        browser = subprocess.Popen(
            [
                CHROMIUM,
                *FLAGS,
                f"--user-data-dir={profile}",
                f"--remote-debugging-port={debug_port}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            tabs = await asyncio.to_thread(_devtools, debug_port, 30)
            url = next(tab for tab in tabs if tab.get("type") == "page")["webSocketDebuggerUrl"]
            async with (
                aiohttp.ClientSession() as session,
                session.ws_connect(url, max_msg_size=0) as socket,
            ):
                page = Page(socket)
                for domain in ("Page", "Network", "Runtime", "Log"):
                    await page.send(f"{domain}.enable")
                yield page
                page._reader.cancel()
        finally:
            _stop(browser)


def _stop(browser: subprocess.Popen[bytes]) -> None:
    """Stop the browser and every helper it started, by the browser's process id."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(browser.pid, signal.SIGTERM)
    with contextlib.suppress(subprocess.TimeoutExpired):
        browser.wait(timeout=10)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(browser.pid, signal.SIGKILL)  # helpers that outlived the browser
    browser.wait()
