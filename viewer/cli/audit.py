"""``viewer audit PATHS`` and ``viewer trace ARTICLE --against PATHS``: the corpus audit.

``audit`` writes every corpus finding (families, who copied whom, provenance, shared
quotations, drift of every copy pair, rejected pairs) as text, JSON, Markdown or HTML;
``--fail-on`` turns drift flags of chosen kinds into exit code 1 for pipelines.
``trace`` shows one article with each sentence's source. While the audit runs, progress
goes to standard error when it is a terminal, and nowhere when it is not.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from viewer.cli import (
    EXIT_FINDINGS,
    EXIT_OK,
    FORMATS,
    UsageError,
    _write,
    say,
)
from viewer.cli.audit_run import load_articles, run_audit_stages
from viewer.cli.audit_scale import add_scale_options, cluster_wanted
from viewer.cli.options import add_loading_and_output, text_options
from viewer.model import DriftKind
from viewer.report.controls import one_line

if TYPE_CHECKING:
    from viewer.corpus.audit import Audit
    from viewer.model import Article

__all__ = ["add_audit_commands", "fail_on_kinds", "run_audit", "run_trace"]

TRACE_FORMATS = ("text", "json", "md")
AUDIT_FORMATS = (*FORMATS, "jsonl")
"""``jsonl``: one record per line (``viewer.report.audit_jsonl``), for big runs."""

Progress = Callable[[str, int, int], None]


def fail_on_kinds(text: str) -> frozenset[DriftKind]:
    """Parse ``--fail-on``: drift kinds separated by commas, e.g. ``pronoun,negation``."""
    names = [name.strip().lower() for name in text.split(",") if name.strip()]
    known = {kind.value for kind in DriftKind}
    unknown = [name for name in names if name not in known]
    if unknown or not names:
        raise argparse.ArgumentTypeError(
            f"unknown drift kind {one_line(', '.join(unknown) or text)!r}; "
            f"choose from {', '.join(sorted(known))}"
        )
    return frozenset(DriftKind(name) for name in names)


def add_audit_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``audit`` and ``trace`` sub-parsers."""
    from viewer.cli.options import limit_options

    audit = commands.add_parser(
        "audit",
        parents=[common, limit_options()],
        help="find copies, who copied whom, sources, shared quotations and drift in a corpus",
        description="Audit a pile of articles: which are copies of which (families), who "
        "copied whom (derivation trees), where each sentence came from, which quotations "
        "recur, and the drift of every copy against its source.",
    )
    audit.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to audit")
    add_loading_and_output(audit, AUDIT_FORMATS)
    audit.add_argument(
        "--fail-on",
        type=fail_on_kinds,
        metavar="KIND[,KIND]",
        help="exit with 1 when a drift flag of one of these kinds is found: "
        + ", ".join(kind.value for kind in DriftKind),
    )
    add_scale_options(audit)
    trace = commands.add_parser(
        "trace",
        parents=[common, limit_options()],
        help="show where each sentence of an article came from",
        description="Show ARTICLE sentence by sentence, each with its source among the "
        "articles in PATHS (article, sentence, relation, score), or none when no article "
        "there holds it; then each source's share of the article. With --index, the "
        "sources are found in an archive index first (see `viewer index`).",
    )
    trace.add_argument("article", metavar="ARTICLE", help="the article to trace (a file)")
    searched = trace.add_mutually_exclusive_group(required=True)
    searched.add_argument("--against", nargs="+", metavar="PATH", help="files or folders to search")
    searched.add_argument(
        "--index", metavar="FILE", help="an archive index to search (see `viewer index`)"
    )
    add_loading_and_output(trace, TRACE_FORMATS)


def render_audit(
    audit: Audit, articles: Sequence[Article], fmt: str, width: int, color: bool
) -> str:
    """The audit report in format ``fmt``."""
    if fmt == "json":
        from viewer.report.audit_json import render_audit_json

        return render_audit_json(audit, articles)
    if fmt == "md":
        from viewer.report.audit_markdown import render_audit_markdown

        return render_audit_markdown(audit, articles)
    if fmt == "html":
        from viewer.report.audit_html import render_audit_html

        return render_audit_html(audit, articles)
    from viewer.cli.audit_text import render_audit_text

    return render_audit_text(audit, articles, width=width, color=color)


def run_audit(args: argparse.Namespace, environ: Mapping[str, str]) -> int:
    """``viewer audit``: load, audit, write the report; 1 when ``--fail-on`` finds its kinds."""
    articles = load_articles(args.paths, args)
    if not articles:
        raise UsageError("cannot audit: no article could be loaded")
    result = run_audit_stages(articles, drift=True, cluster=cluster_wanted(args, environ))
    width, color = text_options(args, environ)
    if args.format == "md" and args.output not in (None, "-"):
        _write_markdown(result, articles, Path(args.output))
    elif args.format == "jsonl":
        _write_lines(result, articles, args.output)
    else:
        _write(render_audit(result, articles, args.format, width, color), args.output)
    if args.fail_on:
        found = sorted({f.kind.value for p in result.drift for f in p.flags} & args.fail_on)
        if found:
            say(f"found drift flags of kind {', '.join(found)} (--fail-on)")
            return EXIT_FINDINGS
    return EXIT_OK


def _write_lines(audit: Audit, articles: Sequence[Article], output: str | None) -> None:
    """The JSON Lines records, written to ``output`` (or stdout) as they are made."""
    from viewer.report.audit_jsonl import write_audit_lines

    if output in (None, "-"):
        write_audit_lines(audit, articles, sys.stdout)
        sys.stdout.flush()
        return
    try:
        with open(output, "w", encoding="utf-8") as stream:
            write_audit_lines(audit, articles, stream)
    except OSError as error:
        raise UsageError(f"cannot write {one_line(output)}: {error.strerror or error}") from None


def _write_markdown(audit: Audit, articles: Sequence[Article], report: Path) -> None:
    """The Markdown report and, in a folder beside it, the SVG pictures it shows."""
    from viewer.report.audit_markdown import markdown_with_pictures, picture_folder

    text, pictures = markdown_with_pictures(audit, articles, report)
    if pictures:
        folder = picture_folder(report)
        try:
            folder.mkdir(exist_ok=True)
        except OSError as error:
            raise UsageError(f"cannot write {one_line(str(folder))}: {error.strerror}") from None
    for path, svg in pictures.items():
        _write(svg, str(path))
    _write(text, str(report))


def _same_file(path: str, given: str) -> bool:
    if "-" in (path, given):
        return path == given
    return Path(path).resolve() == Path(given).resolve()


def _traced(articles: list[Article], given: str) -> tuple[Article, list[Article]]:
    """The article traced (the first from ``given``) and the corpus, each file once."""
    mine = [a for a in articles if _same_file(a.path, given)]
    if not mine:
        raise UsageError(f"cannot trace: no article could be loaded from {one_line(given)}")
    if len(mine) > 1 and len({a.record for a in mine}) > 1:
        say(
            f"{one_line(given)}: holds several articles; tracing the first ({one_line(mine[0].id)})"
        )
    seen: set[tuple[str, int | None]] = set()
    corpus: list[Article] = []
    for article in articles:
        key = (str(Path(article.path).resolve()) if article.path != "-" else "-", article.record)
        if key not in seen:
            seen.add(key)
            corpus.append(article)
    return mine[0], corpus


def run_trace(args: argparse.Namespace, environ: Mapping[str, str]) -> int:
    """``viewer trace``: audit ARTICLE with PATHS (no drift) and show its provenance."""
    if args.index is not None:
        from viewer.cli.index_trace import run_trace_index

        return run_trace_index(args, environ)
    article, articles = _traced(load_articles([args.article, *args.against], args), args.article)
    # the traced article last: where the texts give no sign of who copied whom, the audit
    # takes the earlier article in the corpus for the source. The trace itself shows every
    # article that also holds the text whichever is earlier, and the direction apart.
    articles = [a for a in articles if a is not article] + [article]
    result = run_audit_stages(articles, drift=False, trace=article.id)
    if args.format == "json":
        from viewer.report.audit_json import trace_to_dict
        from viewer.report.json import dump

        text = dump(trace_to_dict(article, result, articles))
    elif args.format == "md":
        from viewer.report.audit_markdown import render_trace_markdown

        text = render_trace_markdown(article, result)
    else:
        from viewer.cli.audit_text import render_trace_text

        width, color = text_options(args, environ)
        text = render_trace_text(article, result, width=width, color=color)
    _write(text, args.output)
    return EXIT_OK
