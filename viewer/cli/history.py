"""``viewer history PATH... [--url URL]``: the revision history of an article.

The paths are loaded as any command loads them (each problem one line on standard
error, the rest still loads); the articles are grouped into histories by address
(:mod:`viewer.history.versions`), each ordered by capture time, each consecutive pair
compared, and the report written as text, JSON, Markdown or HTML.
"""

from __future__ import annotations

import argparse
import shutil
from typing import TYPE_CHECKING, Any

from viewer.cli import EXIT_OK, FORMATS, UsageError, _write
from viewer.cli.audit_run import load_articles
from viewer.cli.options import add_loading_and_output, limit_options
from viewer.report.controls import one_line

if TYPE_CHECKING:
    from collections.abc import Sequence

    from viewer.history.build import Revisions

__all__ = ["add_history_commands", "render_history", "run_history"]


def add_history_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``history`` sub-parser."""
    history = commands.add_parser(
        "history",
        parents=[common, limit_options()],
        help="show the revision history of an article: its versions in time order",
        description="Group the articles in PATHS into versions of one article (captures "
        "of one address: http or https, www., tracking parameters and a trailing slash "
        "aside), order them by capture time, and show what each step changed: sentences "
        "added, removed and changed, the drift flags with their offsets, and each "
        "sentence's life through the versions. Articles without an address form one "
        "history, in date order (path order where dates are missing).",
    )
    history.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to read")
    history.add_argument(
        "--url", metavar="URL", help="only the history of this address (any way of writing it)"
    )
    add_loading_and_output(history, FORMATS)


def render_history(found: Sequence[Revisions], fmt: str, *, width: int) -> str:
    """The report in format ``fmt`` (one of :data:`viewer.cli.FORMATS`)."""
    if fmt == "json":
        from viewer.history.json_report import render_history_json

        return render_history_json(found)
    if fmt == "md":
        from viewer.history.markdown_report import render_history_markdown

        return render_history_markdown(found)
    if fmt == "html":
        from viewer.history.html_report import render_history_html

        return render_history_html(found)
    from viewer.history.text_report import render_history_text

    return render_history_text(found, width=width)


def run_history(args: argparse.Namespace) -> int:
    """``viewer history``: load, group, compare each step, write the report."""
    from viewer.history.build import revisions_of
    from viewer.ingest.urls import canonical_url

    if args.url is not None and canonical_url(args.url) is None:
        raise UsageError(f"--url {one_line(args.url)!r} is not a web address")
    articles = load_articles(args.paths, args)
    if not articles:
        raise UsageError("no history: no article could be loaded")
    found = revisions_of(articles, url=args.url)
    if not found:
        raise UsageError(f"no history: no version has the address {one_line(args.url or '')}")
    width = args.width or shutil.get_terminal_size().columns
    _write(render_history(found, args.format, width=width), args.output)
    return EXIT_OK
