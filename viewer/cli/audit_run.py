"""Loading a corpus and running the audit on it, as ``viewer audit``, ``viewer trace``
(against paths or an index) and ``viewer history`` do: each load problem and note one
line on standard error, the audit in this process or on a Dask cluster, with progress on
a terminal."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from viewer.cli import _skipped, say
from viewer.report.controls import one_line

if TYPE_CHECKING:
    from viewer.corpus.audit import Audit
    from viewer.model import Article

__all__ = ["load_articles", "progress_on", "run_audit_stages"]

Progress = Callable[[str, int, int], None]


@contextmanager
def progress_on(stream: Any) -> Iterator[Progress | None]:
    """A progress callback drawing on ``stream`` when it is a terminal; ``None`` otherwise."""
    if not (hasattr(stream, "isatty") and stream.isatty()):
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TaskID, TextColumn

    tasks: dict[str, TaskID] = {}
    bar = Progress(
        TextColumn("{task.description:>12}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        console=Console(file=stream),
        transient=True,
    )

    def report(stage: str, done: int, total: int) -> None:
        if stage not in tasks:
            tasks[stage] = bar.add_task(stage, total=total or None)
        bar.update(tasks[stage], completed=done, total=total or None)

    with bar:
        yield report


def load_articles(paths: Sequence[str], args: argparse.Namespace) -> list[Article]:
    """The articles in ``paths``; says on stderr what could not be loaded."""
    from viewer.cli.options import limits_from
    from viewer.ingest import load

    corpus = load(paths, fields=args.field_map, limits=limits_from(args))
    for problem in corpus.problems:
        say(one_line(str(problem)))
    for note in corpus.notes:
        say(one_line(str(note)))
    if corpus.articles and any(not problem.repaired for problem in corpus.problems):
        say(f"skipped {_skipped(corpus.problems)} that could not be loaded")
    return list(corpus.articles)


def run_audit_stages(
    articles: Sequence[Article],
    *,
    drift: bool,
    trace: str | None = None,
    cluster: tuple[int | None, str | None] | None = None,
) -> Audit:
    """The audit, in this process, or on Dask when ``cluster`` is ``(workers, address)``."""
    with progress_on(sys.stderr) as progress:
        if cluster is not None:
            from viewer.cli.audit_scale import run_on_cluster

            return run_on_cluster(articles, *cluster, progress, drift=drift)
        from viewer.corpus.audit import audit

        return audit(articles, progress, drift=drift, trace=trace)
