"""The command-line options that bound what a command loads (``viewer.ingest.Limits``)."""

from __future__ import annotations

import argparse
import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from viewer.ingest import Limits

__all__ = ["limit_options", "limits_from"]


def _amount(parse: Callable[[str], int], what: str) -> Callable[[str], int]:
    """An argparse type for a limit, so a bad amount is a usage error naming the option."""

    def parsed(text: str) -> int:
        try:
            return parse(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected {what}: {text!r}") from None

    return parsed


def limit_options() -> argparse.ArgumentParser:
    """Options that bound what a command loads (``viewer.ingest.Limits``)."""
    from viewer.ingest.limits import Limits, format_size, parse_count, parse_size

    size = _amount(parse_size, "a size such as 50MB, 512KiB or 1000000")
    count = _amount(parse_count, "a whole number such as 100000, 100k or 1M")
    default = Limits()
    options = argparse.ArgumentParser(add_help=False)
    limits = options.add_argument_group("limits (input over a limit is skipped, and says so)")
    for flag, kind, field, what in (
        ("--max-file-size", size, "max_file_bytes", "largest file or standard input to read"),
        ("--max-page-length", count, "max_page_chars", "longest HTML page, in characters"),
        ("--max-article-length", count, "max_article_chars", "longest article, in characters"),
        ("--max-files", count, "max_files", "most files to read"),
        ("--max-articles", count, "max_articles", "most articles to keep"),
    ):
        value = getattr(default, field)
        limits.add_argument(
            flag,
            type=kind,
            dest=field,
            default=value,
            metavar="SIZE" if kind is size else "N",
            help=f"{what} (default {format_size(value) if kind is size else f'{value:,}'})",
        )
    return options


def limits_from(args: argparse.Namespace) -> Limits:
    """The limits ``args`` set with :func:`limit_options` (defaults for any not there)."""
    from viewer.ingest.limits import Limits

    names = [field.name for field in dataclasses.fields(Limits)]
    return Limits(**{name: getattr(args, name) for name in names if hasattr(args, name)})
