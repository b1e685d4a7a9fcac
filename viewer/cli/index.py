"""``viewer index add|stats|remove --db FILE`` and ``viewer trace ARTICLE --index FILE``.

The archive index (:mod:`viewer.archive`) keeps fingerprints of many articles in one
SQLite file. ``index add`` indexes files and folders (a file already indexed as it is
costs one ``stat``), ``index stats`` says what the index holds, ``index remove`` takes
files out. ``trace --index`` finds the archive articles an article was copied from, with
the share of it each holds, then reads the first few back from their files and shows the
article's sentence-level provenance against them, as ``trace --against`` does.
"""

from __future__ import annotations

import argparse
import io
import re
import sqlite3
import sys
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from viewer.cli import EXIT_OK, EXIT_USAGE, UsageError, _skipped, _write, problem_line, say
from viewer.cli.options import add_field_map, limit_options, limits_from
from viewer.report.controls import one_line, visible_name
from viewer.report.pairs import percent_label

if TYPE_CHECKING:
    from viewer.analysis.audit import Audit
    from viewer.archive import Archive, Lookup, Reloaded, Stats
    from viewer.model import Article

__all__ = ["add_index_commands", "index_to_dict", "run_index", "run_trace_index"]

TRACE_SOURCES = 10
"""Sources read back from their files for the sentence-level trace, the most hits first."""


def add_index_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``index`` command and its ``add``, ``stats`` and ``remove`` sub-commands."""
    index = commands.add_parser(
        "index",
        help="build and maintain an archive index, for `viewer trace --index`",
        description="Keep fingerprints of an archive of articles in one SQLite file, so "
        "that `viewer trace ARTICLE --index FILE` finds where an article came from without "
        "loading the archive.",
    )
    actions = index.add_subparsers(dest="index_command", metavar="ACTION", required=True)
    add = actions.add_parser(
        "add",
        parents=[common, limit_options()],
        help="index files and folders (files already indexed as they are are skipped)",
        description="Index the articles in PATHS. A file indexed before is skipped when its "
        "size and time are unchanged, re-indexed when its content changed. Work is "
        "committed as it goes, so a stopped run resumes where it stopped. --max-files "
        "counts the files this run reads; --max-articles the articles kept from one file.",
    )
    add.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to index")
    add_field_map(add)
    stats = actions.add_parser(
        "stats",
        parents=[common],
        help="what the index holds",
        description="What the index holds: articles, files, postings, size, how it was "
        "made, when it was last added to.",
    )
    stats.add_argument("--format", choices=("text", "json"), default="text", help="text or json")
    remove = actions.add_parser(
        "remove",
        parents=[common],
        help="take files or folders out of the index",
        description="Remove the indexed files PATHS name (a folder: every file under it), "
        "with their articles and postings.",
    )
    remove.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to remove")
    for parser in (add, stats, remove):
        parser.add_argument("--db", required=True, metavar="FILE", help="the index file")


def _open(path: str, *, create: bool = False) -> Archive:
    from viewer.archive import Archive, ArchiveError

    try:
        return Archive.open(path, create=create)
    except ArchiveError as error:
        raise UsageError(str(error)) from None


def run_index(args: argparse.Namespace) -> int:
    """``viewer index ACTION``: add to, describe or remove from the index ``--db``."""
    try:
        return _run_index(args)
    except sqlite3.OperationalError as error:  # locked by another writer, disk full…
        raise UsageError(f"{visible_name(args.db)}: {error}") from None


def _run_index(args: argparse.Namespace) -> int:
    if args.index_command == "add":
        return _run_add(args)
    with _open(args.db) as archive:
        if args.index_command == "stats":
            stats = archive.stats()
            text = _stats_json(stats) if args.format == "json" else _stats_text(stats)
            _write(text, None)
            return EXIT_OK
        removed = archive.remove(args.paths)
    for path in removed.unknown:
        say(f"{visible_name(path)}: not in the index")
    print(
        f"removed {_count(removed.files, 'file')} ({_count(removed.articles, 'article')}, "
        f"{_count(removed.postings, 'posting')}) from {visible_name(args.db)}"
    )
    return EXIT_USAGE if removed.unknown and not removed.files else EXIT_OK


def _run_add(args: argparse.Namespace) -> int:
    from viewer.cli.audit import progress_on

    if "-" in args.paths:
        raise UsageError("index add cannot read standard input (-): give files or folders")
    with _open(args.db, create=True) as archive, progress_on(sys.stderr) as progress:
        added = archive.add(
            args.paths, fields=args.field_map, limits=limits_from(args), progress=progress
        )
    for problem in added.problems:
        say(problem_line(problem))
    if added.problems:
        say(f"skipped {_skipped(added.problems)} that could not be loaded")
    print(
        f"{visible_name(args.db)}: {_count(added.added, 'file')} added, {added.unchanged:,} "
        f"unchanged, {added.reindexed:,} re-indexed, {added.refused:,} refused; "
        f"{_count(added.articles, 'article')} indexed in {added.seconds:.1f} s"
    )
    nothing = not (added.added or added.unchanged or added.reindexed)
    return EXIT_USAGE if nothing and added.refused else EXIT_OK


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def _when(seconds: float | None) -> str | None:
    if seconds is None:
        return None
    return datetime.fromtimestamp(seconds).astimezone().isoformat(timespec="seconds")


def _size(size: int) -> str:
    from viewer.ingest.limits import format_size

    return format_size(size)


def _stats_json(stats: Stats) -> str:
    from viewer.report.json import dump

    document = {
        "schema": {"name": "viewer.index-stats", "version": 1},
        "path": stats.path,
        "articles": stats.articles,
        "files": stats.files,
        "postings": stats.postings,
        "pending": stats.pending,
        "size": stats.size,
        "schema_version": stats.schema,
        "fingerprint": stats.parameters,
        "created": _when(stats.created),
        "last_added": _when(stats.last_added),
    }
    return dump(document)


def _stats_text(stats: Stats) -> str:
    fingerprint = ", ".join(f"{k} {v}" for k, v in sorted(stats.parameters.items()))
    rows = [
        ("articles", f"{stats.articles:,}"),
        ("files", f"{stats.files:,}"),
        (
            "postings",
            f"{stats.postings:,}"
            + (f" ({stats.pending:,} not merged yet)" if stats.pending else ""),
        ),
        ("size", _size(stats.size)),
        ("schema", str(stats.schema)),
        ("fingerprint", fingerprint),
        ("created", _when(stats.created) or ""),
        ("last added", _when(stats.last_added) or "never"),
    ]
    lines = [visible_name(stats.path), *(f"  {name:<12} {value}" for name, value in rows)]
    return "\n".join(lines) + "\n"


def run_trace_index(args: argparse.Namespace, environ: Mapping[str, str]) -> int:
    """``viewer trace ARTICLE --index FILE``: the archive articles ARTICLE's text was
    found in, then its sentence-level provenance against the first of them."""
    from viewer.cli.audit import _load, _run
    from viewer.ingest.ids import with_ids

    loaded = _load([args.article], args)
    if not loaded:
        raise UsageError(f"cannot trace: no article could be loaded from {one_line(args.article)}")
    if len(loaded) > 1:
        first = one_line(loaded[0].id)
        say(f"{one_line(args.article)}: holds several articles; tracing the first ({first})")
    with _open(args.index) as archive:
        found = archive.find(loaded[0])
        reloaded = archive.reload(found.sources[:TRACE_SOURCES], limits_from(args))
    for back in reloaded:
        if back.problem is not None:
            shown = visible_name(back.source.path)
            say(f"{shown}: {back.problem}; only its share from the index is shown")
    read = [back for back in reloaded if back.article is not None]
    article, *sources = with_ids([loaded[0], *(back.article for back in read if back.article)])
    ids = {back.source.article: a.id for back, a in zip(read, sources, strict=True)}
    # The archive was there first: where the text gives no sign of who copied whom, the
    # audit takes the earlier article in its corpus as the source.
    articles = [*sources, article]
    result = _run(articles, drift=False)
    index = index_to_dict(args.index, found, reloaded, ids)
    _write(_render_trace(args, environ, article, articles, result, index), args.output)
    return EXIT_OK


def index_to_dict(
    path: str, found: Lookup, reloaded: Sequence[Reloaded], ids: Mapping[int, str]
) -> dict[str, Any]:
    """The index part of a trace as JSON-ready values (``index_trace`` in docs/json.md).

    Args:
        path: the index file.
        found: the lookup.
        reloaded: the sources read back from their files (the first few).
        ids: each read-back source's id in the trace's ``sources``, by index row.
    """
    problems = {back.source.article: back.problem for back in reloaded}
    sources = []
    for source in found.sources:
        problem = problems.get(source.article, f"not among the first {TRACE_SOURCES} sources")
        sources.append(
            {
                "id": source.id,
                "article": ids.get(source.article),
                "path": source.path,
                "record": source.record,
                "title": source.title,
                "source": source.source,
                "date": source.date,
                "words": source.words,
                "hits": source.hits,
                "share": round(source.share, 4),
                "resemblance": round(source.resemblance, 4),
                "identical": source.identical,
                "problem": None if source.article in ids else problem,
            }
        )
    return {"path": path, "samples": found.samples, "skipped": found.skipped, "sources": sources}


def _render_trace(
    args: argparse.Namespace,
    environ: Mapping[str, str],
    article: Article,
    articles: Sequence[Article],
    result: Audit,
    index: dict[str, Any],
) -> str:
    if args.format == "json":
        from viewer.report.audit_json import trace_to_dict
        from viewer.report.json import dump

        return dump(trace_to_dict(article, result, articles, index=index))
    if args.format == "md":
        from viewer.report.audit_markdown import render_trace_markdown

        title, _, rest = render_trace_markdown(article, result).partition("\n\n")
        return "\n".join([title, "", *_index_markdown(index), rest])
    from viewer.cli.audit import _text_options
    from viewer.cli.audit_text import render_trace_text

    width, color = _text_options(args, environ)
    return _index_text(index, width, color) + render_trace_text(
        article, result, width=width, color=color
    )


def _looked_up(index: dict[str, Any]) -> str:
    skipped = index["skipped"]
    common = f", {skipped:,} skipped as too common" if skipped else ""
    return f"{_count(index['samples'], 'sample key')} looked up{common}"


def _index_text(index: dict[str, Any], width: int, color: bool) -> str:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from viewer.cli.terminal import text_console

    heading = Text(f"Sources in the index {one_line(index['path'])}", style="bold")
    heading.append(f" ({_looked_up(index)})", style="dim")
    table = Table(box=box.SIMPLE_HEAD, expand=True, show_edge=False)
    for name in ("share", "hits", "resemblance"):
        table.add_column(name, justify="right", no_wrap=True)
    table.add_column("article", ratio=3, overflow="fold")
    table.add_column("file", ratio=2, overflow="fold")
    for source in index["sources"]:
        about = ", ".join(one_line(v) for v in (source["source"], source["date"]) if v)
        text = Text(one_line(source["article"] or source["id"]), style="bold")
        text.append(f"  {one_line(source['title'] or '(untitled)')}")
        text.append(f" — {about}" if about else "", style="dim")
        if source["identical"]:
            text.append(" (identical)", style="dim")
        where = Text(visible_name(source["path"]))
        if source["problem"]:
            where.append(f" ({one_line(source['problem'])})", style="dim")
        table.add_row(
            percent_label(source["share"]),
            str(source["hits"]),
            f"{source['resemblance']:.2f}",
            text,
            where,
        )
    out = io.StringIO()
    console = text_console(out, width, color)
    console.print(heading)
    console.print(table if index["sources"] else Text("no source found", style="dim"))
    console.print()
    return out.getvalue() if color else re.sub(r" +$", "", out.getvalue(), flags=re.MULTILINE)


def _index_markdown(index: dict[str, Any]) -> list[str]:
    from viewer.report.markdown import escape_markdown

    lines = [f"## Sources in the index ({_looked_up(index)})", ""]
    if not index["sources"]:
        return [*lines, "No source found.", ""]
    lines += ["| share | hits | resemblance | article | file |", "|--:|--:|--:|---|---|"]
    for source in index["sources"]:
        about = ", ".join(escape_markdown(v) for v in (source["source"], source["date"]) if v)
        title = escape_markdown(source["title"] or source["id"])
        note = " (identical)" if source["identical"] else ""
        problem = f" ({escape_markdown(source['problem'])})" if source["problem"] else ""
        cells = [
            percent_label(source["share"]),
            str(source["hits"]),
            f"{source['resemblance']:.2f}",
            f"**{title}**{f' — {about}' if about else ''}{note}",
            f"{escape_markdown(source['path'])}{problem}",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return [*lines, ""]
