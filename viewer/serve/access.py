"""Who may drive the served app: a request needs the token, and a browser's request must
come from a page the server itself served.

A token alone is not enough in a browser: any page can point a WebSocket at
``ws://127.0.0.1:8000``, and the browser would attach a cookie set earlier. So a request
that carries an ``Origin`` must name this server as the browser reached it, and on
loopback the ``Host`` must be a loopback name (a page on another name resolved to
127.0.0.1, DNS rebinding, is refused before its token is even looked at).
"""

from __future__ import annotations

import hmac
import logging
import re
import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING

from aiohttp import web

from viewer.report.controls import one_line

if TYPE_CHECKING:
    from aiohttp.typedefs import Handler, Middleware

__all__ = ["LOOPBACK", "TOKEN_PATTERN", "Access", "new_token"]

LOOPBACK = ("127.0.0.1", "localhost", "::1")
"""The names that mean this machine only."""

TOKEN_PATTERN = re.compile(r"[A-Za-z0-9_-]{16,}")
"""A token as ``secrets.token_urlsafe`` makes them: safe in a URL and a cookie, and long
enough not to be guessed."""

log = logging.getLogger("viewer.serve")

FORBIDDEN = "403: forbidden. Open the address `viewer serve` printed, with its token.\n"
"""The one short body every refused request gets."""


def new_token() -> str:
    """A fresh random token (32 bytes, URL-safe)."""
    return secrets.token_urlsafe(32)


def _with_port(host: str, port: int) -> str:
    """``host:port`` as a ``Host`` header writes it (IPv6 in brackets)."""
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


@dataclass(frozen=True, slots=True)
class Access:
    """The rules one server applies to every request."""

    token: str
    """The secret a request must show: ``?token=``, the cookie, or ``Authorization``."""
    port: int
    """The port served, which names the cookie (cookies do not tell ports apart)."""
    hosts: frozenset[str] | None
    """The ``Host`` values accepted, or ``None`` to accept any (listening beyond loopback,
    where the server cannot know every name it is reached by)."""

    @classmethod
    def for_server(cls, token: str, host: str, port: int) -> Access:
        """The rules for a server listening on ``host:port``."""
        if host not in LOOPBACK:
            return cls(token, port, None)
        return cls(token, port, frozenset(_with_port(name, port) for name in LOOPBACK))

    @property
    def cookie(self) -> str:
        """The cookie's name: one per port, so two servers on one machine do not clash."""
        return f"viewer-serve-token-{self.port}"

    def refusal(self, request: web.Request) -> str | None:
        """Why ``request`` is refused (for the server's log), or ``None`` to let it in."""
        if self.hosts is not None and request.host not in self.hosts:
            return "unknown Host"
        origin = request.headers.get("Origin")
        if origin is not None and origin != f"{request.scheme}://{request.host}":
            return "foreign Origin"
        if not any(self._matches(shown) for shown in self._shown(request)):
            return "no valid token"
        return None

    def _shown(self, request: web.Request) -> list[str]:
        """Every token the request offers."""
        shown = [request.query.get("token", ""), request.cookies.get(self.cookie, "")]
        scheme, _, value = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() in ("token", "bearer"):
            shown.append(value.strip())
        return [token for token in shown if token]

    def _matches(self, shown: str) -> bool:
        return hmac.compare_digest(shown.encode("utf-8"), self.token.encode("utf-8"))

    def middleware(self) -> Middleware:
        """An aiohttp middleware that refuses requests breaking the rules with a 403, and
        sets the cookie on the answer to a good ``?token=``, so the page's own requests
        (scripts, fonts, the WebSocket) need not carry it."""

        @web.middleware
        async def guard(request: web.Request, handler: Handler) -> web.StreamResponse:
            reason = self.refusal(request)
            if reason is not None:
                # the path only: a query string may hold a token
                log.warning("refused %s %s: %s", request.method, one_line(request.path), reason)
                return web.Response(status=403, text=FORBIDDEN)
            response = await handler(request)
            given = request.query.get("token", "")
            if given and self._matches(given) and not response.prepared:
                response.set_cookie(
                    self.cookie, self.token, httponly=True, samesite="Strict", path="/"
                )
            return response

        return guard
