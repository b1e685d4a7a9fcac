"""textual-serve's server with viewer's rules: every request checked by :class:`Access`, a
page that loads nothing from another machine, and the token address printed at start."""

from __future__ import annotations

import logging
import secrets
import socket
from pathlib import Path

import aiohttp_jinja2
from aiohttp import web
from textual_serve.server import Server, to_int

from viewer.serve.access import Access

__all__ = ["ViewerServer", "address"]

TEMPLATES = Path(__file__).resolve().parent / "templates"
"""viewer's page for the app, in place of textual-serve's (which fetches a web font)."""


def address(host: str, port: int) -> str:
    """The base URL a person opens for ``host:port``: a wildcard address is named by this
    machine's host name, an IPv6 address goes in brackets."""
    if host in ("0.0.0.0", "::", ""):
        host = socket.gethostname()
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


class ViewerServer(Server):
    """Serves ``command`` (one app process per browser tab) to requests ``access`` lets in."""

    def __init__(self, command: str, *, host: str, port: int, access: Access) -> None:
        super().__init__(
            command,
            host=host,
            port=port,
            title="viewer",
            public_url=address(host, port),
            templates_path=TEMPLATES,
        )
        self.access = access

    @property
    def url(self) -> str:
        """The address to open, token included."""
        return f"{self.public_url}/?token={self.access.token}"

    def initialize_logging(self) -> None:
        """textual-serve's log, without the access log: its lines would show the token."""
        super().initialize_logging()
        logging.getLogger("aiohttp.access").setLevel(logging.WARNING)

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(self.access.middleware())
        return app

    async def on_startup(self, app: web.Application) -> None:
        """Print the address with its token (textual-serve prints a logo and the command)."""
        print("viewer serve: open this address in a browser (Ctrl+C stops the server):")
        print(f"    {self.url}", flush=True)

    async def handle_index(self, request: web.Request) -> web.Response:
        """The page that runs the app, addressed the way the browser reached the server (so
        its WebSocket carries the cookie), under a policy that allows nothing from
        elsewhere."""
        nonce = secrets.token_urlsafe(16)
        context = {
            "title": self.title,
            "static_url": "/static/",
            "websocket_url": f"ws://{request.host}/ws",
            "font_size": to_int(request.query.get("fontsize", "16"), 16),
            "nonce": nonce,
        }
        response = aiohttp_jinja2.render_template("app_index.html", request, context)
        response.headers["Content-Security-Policy"] = (
            f"default-src 'self'; connect-src 'self' ws://{request.host}; "
            f"script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; font-src 'self'; frame-ancestors 'none'; "
            "base-uri 'none'; form-action 'none'"
        )
        response.headers["Referrer-Policy"] = "no-referrer"
        return response
