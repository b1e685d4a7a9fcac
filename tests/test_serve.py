"""``viewer serve``: the app served to a browser, to the holder of the token only.

The rules are tested on requests made up in memory; then a real server (``viewer serve``
in a subprocess, stopped by its process id) is attacked as a hostile browser would, and
driven by a headless Chromium as its user would.
"""

from __future__ import annotations

import asyncio
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from viewer.cli import EXIT_USAGE, build_parser, main

pytest.importorskip("textual_serve")

import aiohttp
from aiohttp import web
from aiohttp.test_utils import make_mocked_request

from tests.browser import CHROMIUM, Page, chromium, run_apart
from viewer.serve.access import FORBIDDEN, Access

ROOT = Path(__file__).resolve().parent.parent
STARTUP = 20.0
"""Seconds the server (or the browser) has to answer before the test gives up."""
TOKEN = "t" * 43
PORT = 8123


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


# -- the rules, on requests made up in memory ------------------------------------------


def request(path: str = "/", **headers: str) -> web.Request:
    return make_mocked_request("GET", path, headers={"Host": f"127.0.0.1:{PORT}", **headers})


RULES = Access.for_server(TOKEN, "127.0.0.1", PORT)


def test_a_request_needs_the_token_in_the_query_the_cookie_or_the_header() -> None:
    assert RULES.refusal(request()) == "no valid token"
    assert RULES.refusal(request("/?token=" + "x" * 43)) == "no valid token"
    assert RULES.refusal(request(f"/?token={TOKEN[:-1]}")) == "no valid token"
    assert RULES.refusal(request(f"/?token={TOKEN}")) is None
    assert RULES.refusal(request(Cookie=f"{RULES.cookie}={TOKEN}")) is None
    assert RULES.refusal(request(Cookie=f"viewer-serve-token-9999={TOKEN}")) == "no valid token"
    assert RULES.refusal(request(Authorization=f"token {TOKEN}")) is None


def test_a_browser_request_must_come_from_the_servers_own_origin() -> None:
    good = f"/ws?token={TOKEN}"
    assert RULES.refusal(request(good, Origin=f"http://127.0.0.1:{PORT}")) is None
    for origin in ("http://evil.example", f"http://127.0.0.1:{PORT + 1}", "null"):
        assert RULES.refusal(request(good, Origin=origin)) == "foreign Origin"
    # a page on a name that resolves to 127.0.0.1 (DNS rebinding) is not this server
    rebound = make_mocked_request("GET", good, headers={"Host": f"evil.example:{PORT}"})
    assert RULES.refusal(rebound) == "unknown Host"


def test_localhost_and_ipv6_loopback_are_the_same_server() -> None:
    for host in ("localhost", "[::1]"):
        origin = f"http://{host}:{PORT}"
        made = make_mocked_request(
            "GET", f"/?token={TOKEN}", headers={"Host": f"{host}:{PORT}", "Origin": origin}
        )
        assert RULES.refusal(made) is None


def test_beyond_loopback_any_host_name_is_taken_but_the_token_is_still_needed() -> None:
    rules = Access.for_server(TOKEN, "0.0.0.0", PORT)
    made = make_mocked_request("GET", "/", headers={"Host": f"laptop.lan:{PORT}"})
    assert rules.refusal(made) == "no valid token"
    made = make_mocked_request("GET", f"/?token={TOKEN}", headers={"Host": f"laptop.lan:{PORT}"})
    assert rules.refusal(made) is None


# -- the command line ------------------------------------------------------------------


def test_serve_takes_paths_a_port_a_host_that_defaults_to_loopback_and_a_token() -> None:
    args = build_parser().parse_args(["serve", "seeds", "--port", "9123"])
    assert (args.command, args.paths, args.port, args.host, args.token) == (
        "serve",
        ["seeds"],
        9123,
        "127.0.0.1",
        None,
    )
    assert build_parser().parse_args(["serve", "--token", TOKEN]).token == TOKEN


def test_serve_refuses_standard_input_bad_ports_short_tokens_and_missing_paths(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["serve", "-"]) == EXIT_USAGE
    assert "standard input" in capsys.readouterr().err
    assert main(["serve", "no/such/folder"]) == EXIT_USAGE
    assert capsys.readouterr().err == "viewer: no such file or folder: no/such/folder\n"
    for bad in (["--port", "70000"], ["--token", "short"], ["--token", "a" * 20 + "&x=1"]):
        with pytest.raises(SystemExit) as exited:
            main(["serve", *bad])
        assert exited.value.code == EXIT_USAGE
    err = capsys.readouterr().err
    assert "port number" in err and "--token: expected at least 16 letters" in err


# -- a real server, attacked and driven ------------------------------------------------


@dataclass(frozen=True)
class Served:
    """A running ``viewer serve`` and the address it printed."""

    port: int
    url: str
    token: str

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def get(url: str, **headers: str) -> tuple[int, str] | None:
    """Status and body of ``url``, or ``None`` while nothing listens there."""
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=5) as got:
            return got.status, got.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _printed_url(log: Path, server: subprocess.Popen[bytes]) -> str:
    """The token address the server prints at start."""
    deadline = time.monotonic() + STARTUP
    while time.monotonic() < deadline and server.poll() is None:
        found = re.search(r"http://\S+\?token=[\w-]+", log.read_text(encoding="utf-8"))
        if found:
            return found.group()
        time.sleep(0.1)
    raise AssertionError(f"the server printed no address: {log.read_text(encoding='utf-8')!r}")


@contextmanager
def serving(path: str | Path, folder: Path) -> Iterator[Served]:
    """``viewer serve PATH`` on a free port of 127.0.0.1, once it answers; stopped by its
    process id after (its output kept in ``folder``)."""
    port = free_port()
    log = folder / "stdout.txt"
    with log.open("wb") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "viewer", "serve", str(path), "--port", str(port)],
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        url = _printed_url(log, server)
        deadline = time.monotonic() + STARTUP
        while get(url) is None and time.monotonic() < deadline:
            time.sleep(0.1)
        yield Served(port, url, url.rpartition("=")[2])
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    with serving("seeds", tmp_path_factory.mktemp("serve")) as found:
        yield found


def test_the_address_printed_holds_a_fresh_random_token(served: Served) -> None:
    assert served.url == f"http://127.0.0.1:{served.port}/?token={served.token}"
    assert len(served.token) >= 40


def test_http_without_the_token_is_403_with_one_short_line(served: Served) -> None:
    wrong = "w" * len(served.token)
    for path in ("/", "/static/js/textual.js", "/static/fonts/", f"/?token={wrong}", "/ws"):
        assert get(served.origin + path) == (403, FORBIDDEN)
    status, page = get(served.url) or (0, "")
    assert status == 200 and "<title>viewer</title>" in page


async def _handshake(url: str, **headers: str) -> int:
    """The status of a WebSocket handshake: 101 when it opens, else the refusal's."""
    async with aiohttp.ClientSession() as session:
        try:
            async with session.ws_connect(url, headers=headers):
                return 101
        except aiohttp.WSServerHandshakeError as refused:
            return refused.status


def test_a_websocket_from_another_origin_or_without_the_token_is_refused(
    served: Served,
) -> None:
    socket_url = f"ws://127.0.0.1:{served.port}/ws"
    cookie = f"viewer-serve-token-{served.port}={served.token}"
    for origin in ("http://evil.example", f"http://127.0.0.1:{free_port()}", "null"):
        assert run_apart(_handshake(socket_url, Origin=origin, Cookie=cookie)) == 403
    assert run_apart(_handshake(socket_url, Origin=served.origin)) == 403
    assert run_apart(_handshake(socket_url)) == 403


async def first_screen(url: str) -> bytes:
    """What the app sends over the WebSocket until it shows side by side."""
    received = b""
    async with aiohttp.ClientSession() as session, session.ws_connect(url) as socket_:
        async with asyncio.timeout(STARTUP):
            async for message in socket_:
                if message.type is aiohttp.WSMsgType.BINARY:
                    received += message.data
                elif message.type is aiohttp.WSMsgType.TEXT:
                    received += message.data.encode("utf-8")
                if b"side by side" in received:
                    break
    return received


def test_a_client_with_the_token_and_no_origin_runs_the_app(served: Served) -> None:
    url = f"ws://127.0.0.1:{served.port}/ws?width=100&height=30&token={served.token}"
    assert b"side by side" in run_apart(first_screen(url))


_URL = re.compile(r"""\b(?:https?|wss?)://[^\s"'`<>)]+""")
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)


def test_the_page_and_what_it_loads_name_no_other_machine(served: Served) -> None:
    cookie = f"viewer-serve-token-{served.port}={served.token}"
    _, page = get(served.url) or (0, "")
    here = re.compile(rf"(?:ws|http)://127\.0\.0\.1:{served.port}/")
    assert "googleapis" not in page
    assert all(here.match(url) for url in _URL.findall(page)), _URL.findall(page)
    loaded = re.findall(r'(?:href|src)="([^"]+)"', page)
    assert {"/static/css/xterm.css", "/static/js/textual.js"} <= set(loaded)
    for path in loaded:
        status, text = get(served.origin + path, Cookie=cookie) or (0, "")
        assert status == 200, path
        # the stylesheet's licence comment names two web sites; no rule loads from them
        elsewhere = [url for url in _URL.findall(_CSS_COMMENT.sub("", text)) if not here.match(url)]
        assert not elsewhere, path


# -- a real browser --------------------------------------------------------------------

TERMINAL_TEXT = """function () {
  for (const o of this) {
    try {
      const active = o && o.buffer && o.buffer.active;
      if (active && typeof active.getLine === "function" && o.rows) {
        const lines = [];
        for (let i = 0; i < o.rows; i++) {
          const line = active.getLine(active.viewportY + i);
          lines.push(line ? line.translateToString(true) : "");
        }
        return lines.join("\\n");
      }
    } catch (e) {}
  }
  return "";
}"""
"""The lines the page's terminal shows. The app is drawn on a canvas, so the text is not in
the DOM; the terminal object holds it, found among the page's objects."""

HOSTILE_PAGE = """<!DOCTYPE html><title>hostile</title><script>
window.outcome = "pending";
const socket = new WebSocket("ws://127.0.0.1:%d/ws?width=80&height=24");
socket.onopen = () => { window.outcome = "opened"; };
socket.onerror = () => { if (window.outcome === "pending") window.outcome = "refused"; };
</script>"""


async def _screen_text(page: Page) -> str:
    prototype = await page.send("Runtime.evaluate", expression="Object.prototype")
    objects = await page.send(
        "Runtime.queryObjects", prototypeObjectId=prototype["result"]["objectId"]
    )
    found = await page.send(
        "Runtime.callFunctionOn",
        functionDeclaration=TERMINAL_TEXT,
        objectId=objects["objects"]["objectId"],
        returnByValue=True,
    )
    text: str = found["result"].get("value", "")
    return text


async def _wait_for_screen(page: Page, wanted: str, within: float = STARTUP) -> str:
    deadline = time.monotonic() + within
    text = ""
    while wanted not in text and time.monotonic() < deadline:
        await asyncio.sleep(0.5)
        text = await _screen_text(page)
    return text


async def _drive(served: Served, hostile_port: int) -> tuple[str, str, str, list[str], list[str]]:
    async with chromium(free_port()) as page:
        await page.send("Page.navigate", url=served.url)
        first = await _wait_for_screen(page, "side by side")
        await page.screenshot(Path("/tmp/viewer-serve-chromium.png"))
        await page.evaluate("document.querySelector('.xterm-helper-textarea').focus()")
        key = {"key": "?", "code": "Slash", "windowsVirtualKeyCode": 191}
        await page.send("Input.dispatchKeyEvent", type="keyDown", text="?", **key)
        await page.send("Input.dispatchKeyEvent", type="keyUp", **key)
        helped = await _wait_for_screen(page, "Next change")
        requests = list(page.requests)
        # the same browser, holding the cookie now, visits a page on another origin
        await page.send("Page.navigate", url=f"http://127.0.0.1:{hostile_port}/")
        outcome = await page.wait_for("window.outcome !== 'pending' && window.outcome", STARTUP)
        return first, helped, str(outcome), requests, page.console


async def _with_hostile_site(served: Served) -> tuple[str, str, str, list[str], list[str]]:
    async def hostile(request: web.Request) -> web.Response:
        return web.Response(text=HOSTILE_PAGE % served.port, content_type="text/html")

    site = web.Application()
    site.router.add_get("/", hostile)
    runner = web.AppRunner(site, access_log=None)
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        return await _drive(served, port)
    finally:
        await runner.cleanup()


def test_chromium_with_the_token_address_drives_the_app_and_a_hostile_page_cannot(
    served: Served,
) -> None:
    if CHROMIUM is None:
        pytest.skip("no chromium on this machine (apt-get install chromium)")
    first, helped, outcome, requests, console = run_apart(_with_hostile_site(served))
    assert "viewer — side by side" in first and "Newly released" in first
    assert "Next change" in helped and "Keys" in helped
    assert outcome == "refused"
    ours = (f"http://127.0.0.1:{served.port}/", f"ws://127.0.0.1:{served.port}/")
    assert requests and all(url.startswith(ours) for url in requests), requests
    assert not [line for line in console if "Content Security Policy" in line], console


def test_serve_says_when_the_port_is_taken() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "viewer", "serve", "seeds", "--port", str(port)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=STARTUP,
        )
    assert done.returncode == EXIT_USAGE
    assert f"cannot listen on 127.0.0.1:{port}" in done.stderr
