"""``viewer trace ARTICLE --index FILE``: trace one article against the archive index.

The index names the archive articles that hold the article's text (estimated from sampled
shingle keys); the first few are read back from their files and audited with the article,
so the report shows its sentence-level provenance against them beside the index's
estimates, each source's measured share next to its estimate.
"""

from __future__ import annotations

import argparse
import io
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from viewer.cli import EXIT_OK, UsageError, _write, say
from viewer.cli.index import _count, _open, index_errors
from viewer.cli.options import limits_from
from viewer.report.controls import one_line, visible_name
from viewer.report.pairs import percent_label

if TYPE_CHECKING:
    from viewer.archive import Lookup, Reloaded
    from viewer.corpus.audit import Audit
    from viewer.model import Article

__all__ = ["TRACE_SOURCES", "index_to_dict", "run_trace_index"]

TRACE_SOURCES = 10
"""Sources read back from their files for the sentence-level trace, the most hits first."""


def run_trace_index(args: argparse.Namespace, environ: Mapping[str, str]) -> int:
    """``viewer trace ARTICLE --index FILE``: the archive articles ARTICLE's text was
    found in, then its sentence-level provenance against the first of them."""
    from viewer.cli.audit_run import load_articles, run_audit_stages
    from viewer.ingest.ids import with_ids

    loaded = load_articles([args.article], args)
    if not loaded:
        raise UsageError(f"cannot trace: no article could be loaded from {one_line(args.article)}")
    if len(loaded) > 1:
        first = one_line(loaded[0].id)
        say(f"{one_line(args.article)}: holds several articles; tracing the first ({first})")
    with index_errors(args.index), _open(args.index, read_only=True) as archive:
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
    result = run_audit_stages(articles, drift=False, trace=article.id)
    index = index_to_dict(args.index, found, reloaded, ids)
    _measured(index, result)
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


def _measured(index: dict[str, Any], result: Audit) -> None:
    """Give each source read back its measured share (``found``): the share of the traced
    article's text the trace found in it, the same figure as its sentence table. The
    index's ``share`` is an estimate from sampled keys; ``found`` is ``None`` where the
    text could not be read back."""
    trace = result.trace
    for source in index["sources"]:
        counterpart = trace.counterpart(source["article"]) if trace and source["article"] else None
        measured = round(counterpart.share, 4) if counterpart else 0.0
        source["found"] = measured if source["article"] is not None else None


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
    from viewer.cli.audit_text import render_trace_text
    from viewer.cli.options import text_options

    width, color = text_options(args, environ)
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
    for name in ("found", "estimate", "hits", "resemblance"):
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
            _found_label(source),
            "≈" + percent_label(source["share"]),
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


def _found_label(source: dict[str, Any]) -> str:
    """The measured share of a source read back, or ``–`` for one that was not."""
    return "–" if source.get("found") is None else percent_label(source["found"])


def _index_markdown(index: dict[str, Any]) -> list[str]:
    from viewer.report.markdown import escape_markdown

    lines = [f"## Sources in the index ({_looked_up(index)})", ""]
    if not index["sources"]:
        return [*lines, "No source found.", ""]
    lines += [
        "| found | estimate | hits | resemblance | article | file |",
        "|--:|--:|--:|--:|---|---|",
    ]
    for source in index["sources"]:
        about = ", ".join(escape_markdown(v) for v in (source["source"], source["date"]) if v)
        title = escape_markdown(source["title"] or source["id"])
        note = " (identical)" if source["identical"] else ""
        problem = f" ({escape_markdown(source['problem'])})" if source["problem"] else ""
        cells = [
            _found_label(source),
            "≈" + percent_label(source["share"]),
            str(source["hits"]),
            f"{source['resemblance']:.2f}",
            f"**{title}**{f' — {about}' if about else ''}{note}",
            f"{escape_markdown(source['path'])}{problem}",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return [*lines, ""]
