"""``viewer audit --workers N`` and ``--scheduler ADDRESS``: the audit on Dask.

Each article's rare words are found, the candidate pairs judged and directed, and every
copy pair compared for drift on the cluster's workers; the rest of the audit runs here
(:mod:`viewer.scale.run`). This module imports
Dask only when it runs an audit, and ``viewer.cli.audit`` imports it only when one of the
two options (or the ``DASK_SCHEDULER_ADDRESS`` environment variable) asks for a cluster.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from viewer.cli import UsageError, say

if TYPE_CHECKING:
    from distributed import Client

    from viewer.corpus.audit import Audit
    from viewer.model import Article

__all__ = [
    "SCHEDULER_VARIABLE",
    "add_scale_options",
    "cluster_client",
    "cluster_wanted",
    "run_on_cluster",
]

SCHEDULER_VARIABLE = "DASK_SCHEDULER_ADDRESS"
"""The environment variable ``--scheduler`` defaults to, as Dask's own clients read it."""

DASHBOARD_TIMEOUT = 2.0
"""Seconds to wait for the dashboard's page before leaving it unmentioned."""

Progress = Callable[[str, int, int], None]


def worker_count(text: str) -> int:
    """``--workers``: a whole number of at least 1."""
    try:
        count = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number of workers: {text!r}") from None
    if count < 1:
        raise argparse.ArgumentTypeError(f"expected at least 1 worker, not {count}")
    return count


def add_scale_options(
    parser: argparse.ArgumentParser,
    title: str = "on a Dask cluster (rare words found, candidate pairs judged and directed, "
    "copy pairs compared, on the workers)",
    work: str = "the audit",
) -> None:
    """Add ``--workers`` and ``--scheduler`` to a sub-parser (``audit`` by default)."""
    group = parser.add_argument_group(title)
    where = group.add_mutually_exclusive_group()
    where.add_argument(
        "--workers",
        type=worker_count,
        metavar="N",
        help=f"start a local Dask cluster of N worker processes (on 127.0.0.1) for {work}",
    )
    where.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="run on the Dask cluster whose scheduler is at ADDRESS, e.g. "
        f"tcp://10.0.0.5:8786 (default: ${SCHEDULER_VARIABLE}, when set)",
    )


def cluster_wanted(
    args: argparse.Namespace, environ: Mapping[str, str]
) -> tuple[int | None, str | None] | None:
    """``(workers, scheduler address)`` when the audit is to run on Dask; ``None`` to run
    in this process. ``--workers`` wins over ``$DASK_SCHEDULER_ADDRESS``."""
    workers: int | None = getattr(args, "workers", None)
    address: str | None = getattr(args, "scheduler", None)
    if workers is not None:
        return workers, None
    if address is None:
        address = environ.get(SCHEDULER_VARIABLE, "").strip() or None
    return (None, address) if address is not None else None


def run_on_cluster(
    articles: Sequence[Article],
    workers: int | None,
    address: str | None,
    progress: Progress | None,
    *,
    drift: bool = True,
) -> Audit:
    """The audit of ``articles`` on a local cluster of ``workers`` processes or on the
    scheduler at ``address``; a cluster that cannot be reached is a :class:`UsageError`."""
    from viewer.scale.run import audit_on

    with cluster_client(workers, address) as client:
        return audit_on(client, articles, progress, drift=drift)


@contextmanager
def cluster_client(workers: int | None, address: str | None) -> Iterator[Client]:
    """A client on a local cluster of ``workers`` processes or on the scheduler at
    ``address``, its dashboard's address said; one that cannot be reached is a
    :class:`UsageError`."""
    from viewer.scale.session import ClusterError, client_for

    try:
        with client_for(workers, address) as client:
            dashboard = _dashboard(client)
            if dashboard:
                say(f"dask dashboard: {dashboard}")
            yield client
    except ClusterError as error:
        raise UsageError(str(error)) from None


def _dashboard(client: Client) -> str | None:
    """The dashboard's address when the scheduler serves one; ``None`` otherwise.

    A scheduler started with ``--no-dashboard`` still runs its HTTP server (health and
    metrics) and lists it as its "dashboard" service, so the page itself is asked for,
    directly (no proxy), with a short timeout."""
    import urllib.request

    try:
        services = client.scheduler_info().get("services", {})
        link = str(client.dashboard_link) if "dashboard" in services else ""
        if not link.startswith(("http://", "https://")):
            return None
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        with opener.open(link, timeout=DASHBOARD_TIMEOUT) as page:
            return link if page.status == 200 else None
    except Exception:  # the dashboard is a courtesy: never fail the audit for it
        return None
