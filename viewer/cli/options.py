"""Command-line options several commands share: how they load and how they write."""

from __future__ import annotations

import argparse
import dataclasses
import os
import shutil
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from viewer.report.controls import visible_name

if TYPE_CHECKING:
    from viewer.ingest import FieldMap, Limits

__all__ = [
    "add_field_map",
    "add_loading_and_output",
    "limit_flags",
    "limit_options",
    "limits_from",
    "refuse_missing_paths",
    "refuse_overwriting_inputs",
    "text_options",
]

_LIMITS = (
    ("--max-file-size", "max_file_bytes", "largest file or standard input to read"),
    ("--max-page-length", "max_page_chars", "longest HTML page, in characters"),
    ("--max-article-length", "max_article_chars", "longest article, in characters"),
    ("--max-files", "max_files", "most files to read"),
    ("--max-articles", "max_articles", "most articles to keep"),
)
"""Each limit's option, the ``Limits`` field it sets, and what it bounds."""
_SIZES = frozenset({"max_file_bytes"})
"""The limits that are sizes (``50MB``); the others are counts (``100k``)."""


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
    for flag, field, what in _LIMITS:
        value = getattr(default, field)
        is_size = field in _SIZES
        limits.add_argument(
            flag,
            type=size if is_size else count,
            dest=field,
            default=value,
            metavar="SIZE" if is_size else "N",
            help=f"{what} (default {format_size(value) if is_size else f'{value:,}'})",
        )
    return options


def limits_from(args: argparse.Namespace) -> Limits:
    """The limits ``args`` set with :func:`limit_options` (defaults for any not there)."""
    from viewer.ingest.limits import Limits

    names = [field.name for field in dataclasses.fields(Limits)]
    return Limits(**{name: getattr(args, name) for name in names if hasattr(args, name)})


def limit_flags(limits: Limits) -> list[str]:
    """The options that set ``limits`` on another command line: only those that differ
    from the defaults, each value in whole bytes or characters (``--max-files 10``)."""
    from viewer.ingest.limits import Limits

    default = Limits()
    flags: list[str] = []
    for flag, field, _ in _LIMITS:
        value = getattr(limits, field)
        if value != getattr(default, field):
            flags += [flag, str(value)]
    return flags


def add_loading_and_output(parser: argparse.ArgumentParser, formats: Sequence[str]) -> None:
    """``--field-map`` and the report options: ``--format``, ``--output``, ``--width``,
    ``--color``."""
    add_field_map(parser)
    parser.add_argument(
        "--format",
        choices=formats,
        default="text",
        help=f"text for the terminal (default), or {', '.join(formats[1:])}",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write here, not to stdout")
    parser.add_argument(
        "--width", type=_width, metavar="N", help="text format: columns (default: terminal)"
    )
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="text format: colour (default auto: on a terminal, unless NO_COLOR is set)",
    )


def add_field_map(parser: argparse.ArgumentParser) -> None:
    """``--field-map``: where JSON records keep their fields."""
    parser.add_argument(
        "--field-map",
        type=_field_map,
        metavar="MAP",
        help="which keys of JSON records hold which field, e.g. text=body,title=headline "
        "(several keys to try: text=body|content)",
    )


def _field_map(text: str) -> FieldMap:
    """Parse ``--field-map`` for argparse, so a bad map is a usage error."""
    from viewer.ingest import FieldMap

    try:
        return FieldMap.parse(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _width(text: str) -> int:
    """Parse ``--width``: a whole number of columns, at least 20."""
    if not text.isdigit() or int(text) < 20:
        raise argparse.ArgumentTypeError(f"expected a number of columns of at least 20: {text!r}")
    return int(text)


def refuse_missing_paths(paths: Sequence[str]) -> None:
    """A usage error when ``paths`` name nothing that exists (standard input aside), so a
    mistyped folder is not an empty app. When some exist, loading reports the others."""
    from viewer.cli import UsageError

    missing = [path for path in paths if path != "-" and not os.path.exists(path)]
    if missing and len(missing) == len(paths):
        names = ", ".join(visible_name(path) for path in missing)
        raise UsageError(f"no such file or folder: {names}")


def refuse_overwriting_inputs(output: str | None, inputs: Sequence[str]) -> None:
    """A usage error when ``--output`` is a file the command reads: one of ``inputs``, a
    file loading reads under an input folder, or another name for one of them."""
    from viewer.cli import UsageError
    from viewer.ingest.inputs import input_file

    if output is None or output == "-":
        return
    found = input_file(output, inputs)
    if found is not None:
        name, read = visible_name(output), visible_name(found)
        also = "" if read == name else f" ({read})"
        raise UsageError(
            f"refusing to write {name}: it is an input of this command{also}; "
            "choose another output file"
        )


def text_options(args: argparse.Namespace, environ: Mapping[str, str]) -> tuple[int, bool]:
    """The width and colour of a text report: ``--width`` or the terminal's, and colour
    when ``--color`` or the terminal (and ``NO_COLOR``) say so."""
    from viewer.cli import use_color

    to_stdout = args.output in (None, "-")
    color = use_color(args.color, sys.stdout if to_stdout else None, environ)
    return args.width or shutil.get_terminal_size().columns, color
