"""The command line: ``viewer compare A B`` writes a report; ``viewer [PATHS]`` opens the app;
``viewer serve [PATHS]`` serves the app to a web browser.

Exit codes: 0 when all went well; 1 is kept for findings a future ``--fail-on`` asks to
fail on; 2 for a usage error or when nothing could be loaded; 3 for an internal error.
Problems with the input are one line each on standard error, naming the file; a
traceback is shown only with ``--debug``.
"""

from __future__ import annotations

import argparse
import importlib
import os
import shutil
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from viewer.cli.options import (
    add_loading_and_output,
    limit_options,
    limits_from,
    refuse_missing_paths,
    refuse_overwriting_inputs,
)
from viewer.report.controls import one_line, visible_name

if TYPE_CHECKING:
    from viewer.ingest import FieldMap, Limits
    from viewer.model import Article, Comparison, Problem

__all__ = ["EXIT_FINDINGS", "EXIT_INTERNAL", "EXIT_OK", "EXIT_USAGE", "main", "use_color"]

EXIT_OK = 0
EXIT_FINDINGS = 1
"""``viewer audit --fail-on`` found a drift flag of a kind it names."""
EXIT_USAGE = 2
"""A usage error, or nothing that could be loaded."""
EXIT_INTERNAL = 3
"""A bug in viewer: an error it did not expect."""

_PACKAGE = Path(__file__).resolve().parent.parent
SEEDS = next(
    (p for p in (_PACKAGE / "seeds", _PACKAGE.parent / "seeds") if p.is_dir()),
    _PACKAGE.parent / "seeds",
)
"""The sample articles: packaged beside the code in a wheel, at the top of a checkout."""
"""The sample articles the app opens when given no paths (in a source checkout)."""

COMMANDS = ("compare", "audit", "trace", "index", "history", "open", "serve")
FORMATS = ("text", "json", "md", "html")
_EPILOG = """\
Run `viewer PATH...` (no command) to open the interactive app on those files; with no
paths it opens the bundled seeds/ folder.

exit codes:
  0  success
  1  audit --fail-on found a drift flag of a kind it names
  2  usage error, or nothing could be loaded
  3  internal error (run again with --debug for the traceback)
"""


class UsageError(Exception):
    """Something the user can fix on the command line; the message says what."""


def say(message: str) -> None:
    """Print one line to standard error, prefixed ``viewer:``."""
    print(f"viewer: {message}", file=sys.stderr)


_DEBUG_HELP = "show the traceback when something fails"


def _common() -> argparse.ArgumentParser:
    """Options every command takes, after its name as well as before it."""
    common = argparse.ArgumentParser(add_help=False)
    # SUPPRESS: a command's parser would otherwise set False over `viewer --debug COMMAND`
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=_DEBUG_HELP)
    return common


def _add_compare(commands: Any, common: argparse.ArgumentParser) -> None:
    compare = commands.add_parser(
        "compare",
        parents=[common, limit_options()],
        help="compare two versions of an article and write a report",
        description="Align two versions of an article sentence by sentence, diff each "
        "pair word by word, and write the result. A path holding several articles (a "
        "JSON array, JSON Lines) contributes its first.",
    )
    compare.add_argument("a", metavar="A", help="the first version (a file, or - for stdin)")
    compare.add_argument("b", metavar="B", help="the second version")
    add_loading_and_output(compare, FORMATS)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, with one sub-parser per command."""
    from viewer import __version__

    parser = argparse.ArgumentParser(
        prog="viewer",
        description="Compare versions of a news article.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"viewer {__version__}")
    parser.add_argument("--debug", action="store_true", help=_DEBUG_HELP)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    common = _common()
    _add_compare(commands, common)
    from viewer.cli.audit import add_audit_commands

    add_audit_commands(commands, common)
    from viewer.cli.index import add_index_commands

    add_index_commands(commands, common)
    from viewer.cli.history import add_history_commands

    add_history_commands(commands, common)
    opened = commands.add_parser(
        "open",
        parents=[common, limit_options()],
        help="open the interactive app (the default command)",
        description="Open the interactive app on files and folders (text, Markdown, HTML, "
        "JSON, JSON Lines; - for standard input). With no paths it opens the seeds/ folder "
        "of a source checkout. `viewer PATH...` without a command does the same.",
    )
    opened.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to open")
    from viewer.cli.serve import add_serve

    add_serve(commands, common)
    return parser


GLOBAL_OPTIONS = ("--debug",)
"""Options that may come before the command: ``viewer --debug index add ...``."""


def with_command(argv: Sequence[str]) -> list[str]:
    """``argv`` with ``open`` put after the global options when it names no command:
    ``viewer seeds/`` means ``viewer open seeds/``.

    Raises:
        UsageError: the first word is no command, no existing path, and does not look like
            a path (``viewer compar corpus/``); the message suggests the command meant.
    """
    words = list(argv)
    start = 0
    while start < len(words) and words[start] in GLOBAL_OPTIONS:
        start += 1
    first = words[start] if start < len(words) else None
    if first in (*COMMANDS, "-h", "--help", "--version"):
        return words
    if first is not None and not _opens(first):
        raise UsageError(unknown_command(first))
    return [*words[:start], "open", *words[start:]]


def _opens(word: str) -> bool:
    """Whether ``word``, first on the line and no command, is for ``open``: an option, an
    existing path, or what reads as a path (a folder sign or a suffix), reported later as
    missing if it is."""
    return word.startswith("-") or os.path.lexists(word) or any(c in word for c in "/\\.~")


def unknown_command(word: str) -> str:
    """The usage error for a first word that is neither a command nor a path."""
    import difflib

    shown = visible_name(word)
    close = difflib.get_close_matches(word.lower(), COMMANDS, n=1)
    if close:
        return f"unknown command {shown!r} (did you mean {close[0]}?)"
    return (
        f"unknown command {shown!r}, and no file or folder of that name "
        f"(commands: {', '.join(COMMANDS)})"
    )


def use_color(choice: str, stream: TextIO | None, environ: Mapping[str, str]) -> bool:
    """Whether to colour output: ``always`` and ``never`` say so; ``auto`` colours a
    terminal unless ``NO_COLOR`` is set to anything non-empty."""
    if choice in ("always", "never"):
        return choice == "always"
    if environ.get("NO_COLOR"):
        return False
    return stream is not None and stream.isatty()


def _skipped(problems: Sequence[Problem]) -> str:
    """How many files and records the problems stand for, e.g. ``1 file and 2 records``."""
    problems = [problem for problem in problems if not problem.repaired]
    files = sum(1 for problem in problems if problem.record is None)
    counts = ((files, "file"), (len(problems) - files, "record"))
    return " and ".join(f"{n} {noun}{'' if n == 1 else 's'}" for n, noun in counts if n)


def problem_line(problem: Problem) -> str:
    """One line for a load problem: the file's name exactly (a newline in it shows as
    ``␊``), the record, and what is wrong."""
    record = "" if problem.record is None else f" (record {problem.record + 1})"
    return f"{visible_name(problem.path)}{record}: {one_line(problem.message)}"


def load_one(path: str, fields: FieldMap | None, limits: Limits | None = None) -> Article | None:
    """The first article at ``path``, or ``None``; says on stderr what went wrong, what
    was skipped and what was left out."""
    from viewer.ingest import load

    corpus = load([path], fields=fields, limits=limits)
    shown = visible_name(path)
    for problem in corpus.problems:
        say(problem_line(problem))
    for note in corpus.notes:
        say(f"{visible_name(note.path)}: {one_line(note.message)}")
    if not corpus.articles:
        return None
    if any(not problem.repaired for problem in corpus.problems):
        say(f"{shown}: skipped {_skipped(corpus.problems)} that could not be loaded")
    first = corpus.articles[0]
    if len(corpus.articles) > 1:
        count = len(corpus.articles)
        say(f"{shown}: holds {count} articles; comparing the first ({one_line(first.id)})")
    return first


def render(comparison: Comparison, fmt: str, *, width: int, color: bool) -> str:
    """The report in format ``fmt`` (one of :data:`FORMATS`)."""
    if fmt == "json":
        from viewer.report.json import render_json

        return render_json(comparison)
    if fmt == "md":
        from viewer.report.markdown import render_markdown

        return render_markdown(comparison)
    if fmt == "html":
        from viewer.report.html import render_html

        return render_html(comparison)
    from viewer.cli.terminal import render_text

    return render_text(comparison, width=width, color=color)


def _write(text: str, output: str | None) -> None:
    if output is None or output == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as error:
        raise UsageError(f"cannot write {one_line(output)}: {error.strerror or error}") from None


def _load_both(args: argparse.Namespace) -> tuple[Article, Article]:
    """Articles A and B; a usage error naming the side that yielded none."""
    if args.a == "-" and args.b == "-":
        raise UsageError("only one of A and B can be - (standard input)")
    a = load_one(args.a, args.field_map, limits_from(args))
    b = load_one(args.b, args.field_map, limits_from(args))
    if a is None or b is None:
        sides = (("A", args.a, a), ("B", args.b, b))
        missing = " or ".join(
            f"{name} ({visible_name(path)})" for name, path, got in sides if not got
        )
        raise UsageError(f"cannot compare: no article could be loaded from {missing}")
    return a, b


def run_compare(args: argparse.Namespace, environ: Mapping[str, str]) -> int:
    """``viewer compare``: load both versions, compare them, write the report."""
    from viewer.pairwise.compare import compare

    a, b = _load_both(args)
    to_stdout = args.output in (None, "-")
    color = use_color(args.color, sys.stdout if to_stdout else None, environ)
    width = args.width or shutil.get_terminal_size().columns
    _write(render(compare(a, b), args.format, width=width, color=color), args.output)
    return EXIT_OK


def run_app(args: argparse.Namespace) -> int:
    """``viewer [PATHS]``: open the interactive app, on the seeds when given no paths."""
    paths: list[str] = list(args.paths) or [str(SEEDS)]
    if not args.paths and not SEEDS.is_dir():
        raise UsageError("no paths given, and there is no seeds/ folder to open instead")
    refuse_missing_paths(args.paths)
    try:
        app = importlib.import_module("viewer.ui.app")
    except ModuleNotFoundError as error:
        if not (error.name or "").startswith("viewer.ui"):
            raise
        raise UsageError(
            "the interactive app is not available in this build; "
            "use `viewer compare A B` for a report"
        ) from None
    start: Callable[[list[str], Limits], object] = app.run
    result = start(paths, limits_from(args))
    return result if isinstance(result, int) else EXIT_OK


def _inputs(args: argparse.Namespace) -> list[str]:
    """The paths the command reads, which its ``--output`` must not overwrite."""
    if args.command == "compare":
        return [args.a, args.b]
    if args.command == "trace":
        return [args.article, *(args.against or []), *([args.index] if args.index else [])]
    return list(getattr(args, "paths", None) or [])


def _run(args: argparse.Namespace) -> int:
    refuse_overwriting_inputs(getattr(args, "output", None), _inputs(args))
    if args.command == "compare":
        return run_compare(args, os.environ)
    if args.command == "serve":
        from viewer.cli.serve import run_serve

        return run_serve(args)
    if args.command == "index":
        from viewer.cli.index import run_index

        return run_index(args)
    if args.command == "history":
        from viewer.cli.history import run_history

        return run_history(args)
    if args.command in ("audit", "trace"):
        from viewer.cli import audit

        return (audit.run_audit if args.command == "audit" else audit.run_trace)(args, os.environ)
    return run_app(args)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    try:
        words = with_command(sys.argv[1:] if argv is None else argv)
    except UsageError as error:
        say(str(error))
        return EXIT_USAGE
    args = parser.parse_args(words)
    try:
        return _run(args)
    except UsageError as error:
        say(str(error))
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader went away (| head); stop quietly, and keep Python from complaining
        # again when it flushes stdout on the way out.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
    except Exception as error:
        if args.debug:
            raise
        say(f"internal error: {type(error).__name__}: {one_line(str(error))}")
        say("run again with --debug to see the traceback")
        return EXIT_INTERNAL
