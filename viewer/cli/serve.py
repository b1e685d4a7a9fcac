"""``viewer serve [PATHS]``: the app served to a web browser, to the holder of a token.

Like Jupyter: a random token is made at start and printed in the address to open; every
request without it, and every browser request from a page of another origin, gets a 403.
It listens on 127.0.0.1 unless ``--host`` says otherwise, and says so when it does.
"""

from __future__ import annotations

import argparse
import shlex
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from viewer.cli import EXIT_OK, SEEDS, UsageError, say
from viewer.cli.options import limit_flags, limit_options, limits_from, refuse_missing_paths
from viewer.report.controls import one_line

if TYPE_CHECKING:
    from viewer.ingest import Limits

__all__ = ["add_serve", "run_serve", "serve_command"]


def _port(text: str) -> int:
    """Parse ``--port``: a TCP port number, 1 to 65535."""
    if not text.isdigit() or not 0 < int(text) < 65536:
        raise argparse.ArgumentTypeError(f"expected a port number from 1 to 65535: {text!r}")
    return int(text)


def _token(text: str) -> str:
    """Parse ``--token``: letters, digits, ``-`` and ``_``, at least 16 of them."""
    from viewer.serve.access import TOKEN_PATTERN

    if not TOKEN_PATTERN.fullmatch(text):
        raise argparse.ArgumentTypeError(
            "expected at least 16 letters, digits, - or _ (leave it out for a random token)"
        )
    return text


def add_serve(commands: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``serve`` sub-parser."""
    serve = commands.add_parser(
        "serve",
        parents=[common, limit_options()],
        help="serve the interactive app to a web browser on this machine",
        description="Serve the interactive app over HTTP with textual-serve: open the address "
        "it prints (it holds a token; without it the server answers 403) in a browser, and "
        "each browser tab runs its own `viewer open PATHS`. It listens on 127.0.0.1 (this "
        "machine only) unless --host says otherwise; the limits are passed on to each "
        "tab's app. Stop it with Ctrl+C.",
    )
    serve.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to open")
    serve.add_argument("--port", type=_port, default=8000, help="TCP port (default 8000)")
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default 127.0.0.1; anything else lets other machines "
        "read the articles, to whoever has the token)",
    )
    serve.add_argument(
        "--token",
        type=_token,
        help="the token the address needs (default: a new random one each start; other "
        "users of this machine can see a command line's arguments)",
    )


def run_serve(args: argparse.Namespace) -> int:
    """``viewer serve``: serve the app over HTTP until interrupted; each browser session runs
    ``python -m viewer open [LIMITS] PATHS`` in its own process."""
    if "-" in args.paths:
        raise UsageError("serve cannot read standard input (-): give files or folders")
    if not args.paths and not SEEDS.is_dir():
        raise UsageError("no paths given, and there is no seeds/ folder to serve instead")
    refuse_missing_paths(args.paths)
    try:
        from viewer.serve.access import LOOPBACK, Access, new_token
        from viewer.serve.server import ViewerServer
    except ModuleNotFoundError:
        raise UsageError(
            "serving needs the textual-serve package: python -m pip install textual-serve"
        ) from None
    if args.host not in LOOPBACK:
        say(f"listening on {one_line(args.host)}: other machines can reach this server")
    access = Access.for_server(args.token or new_token(), args.host, args.port)
    command = serve_command(args.paths, limits_from(args))
    try:
        ViewerServer(command, host=args.host, port=args.port, access=access).serve()
    except OSError as error:  # the port is taken, or the address is not this machine's
        where = one_line(f"{args.host}:{args.port}")
        raise UsageError(f"cannot listen on {where}: {error.strerror or error}") from None
    return EXIT_OK


def serve_command(paths: Sequence[str], limits: Limits) -> str:
    """The shell command each browser session runs: the app on ``paths`` with ``limits``
    (``--`` keeps a path that starts with ``-`` from reading as an option)."""
    flags = limit_flags(limits)
    return shlex.join([sys.executable, "-m", "viewer", "open", *flags, "--", *paths])
