"""``viewer serve``: the app served to a browser on loopback with textual-serve."""

from __future__ import annotations

import asyncio
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from viewer.cli import EXIT_USAGE, build_parser, main

ROOT = Path(__file__).resolve().parent.parent
STARTUP = 15.0
"""Seconds the server has to answer before the test gives up."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def test_serve_takes_paths_a_port_and_a_host_that_defaults_to_loopback() -> None:
    args = build_parser().parse_args(["serve", "seeds", "--port", "9123"])
    assert (args.command, args.paths, args.port, args.host) == (
        "serve",
        ["seeds"],
        9123,
        "127.0.0.1",
    )


def test_serve_refuses_standard_input_and_bad_ports(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "-"]) == EXIT_USAGE
    assert "standard input" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exited:
        main(["serve", "--port", "70000"])
    assert exited.value.code == EXIT_USAGE
    assert "port number" in capsys.readouterr().err


def get(url: str) -> tuple[int, str] | None:
    """Status and body of ``url``, or ``None`` while nothing listens there."""
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status, response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


async def first_screen(url: str) -> bytes:
    """What the app sends a browser over the websocket until it shows side by side."""
    import aiohttp

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


def test_serve_answers_on_loopback_and_runs_the_app() -> None:
    pytest.importorskip("textual_serve")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "viewer", "serve", "seeds", "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        answer = None
        deadline = time.monotonic() + STARTUP
        while answer is None and time.monotonic() < deadline and server.poll() is None:
            answer = get(f"http://127.0.0.1:{port}/")
            if answer is None:
                time.sleep(0.2)
        assert answer is not None, "the server did not answer"
        status, page = answer
        assert status == 200 and "viewer" in page
        shown = asyncio.run(first_screen(f"ws://127.0.0.1:{port}/ws?width=100&height=30"))
        assert b"side by side" in shown
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def test_serve_says_when_the_port_is_taken() -> None:
    pytest.importorskip("textual_serve")
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
