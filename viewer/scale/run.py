"""The audit with its per-pair stages on a Dask cluster.

The graph stages (families, reuse edges, direction, provenance, quotations) run on the
driver through :func:`viewer.corpus.audit.audit`, the same code as in-process; the drift
of every copy pair, the costliest stage, runs on the workers
(:mod:`viewer.scale.drift`). The answer is the in-process audit's, field for field.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from viewer.corpus.audit import Audit, audit, compared_pairs, known_boilerplate
from viewer.model import Article
from viewer.scale.drift import distributed_drift

if TYPE_CHECKING:
    from distributed import Client

__all__ = ["audit_on"]

Progress = Callable[[str, int, int], None]


def audit_on(
    client: Client,
    articles: Sequence[Article],
    progress: Progress | None = None,
    *,
    drift: bool = True,
    trace: str | None = None,
) -> Audit:
    """The audit of ``articles``, as :func:`~viewer.corpus.audit.audit` gives it, with the
    drift of every copy pair computed on ``client``'s workers."""
    found = audit(articles, progress, drift=False, trace=trace)
    if not drift:
        return found
    pairs = compared_pairs(found.derivations, found.reuse)
    known = known_boilerplate(articles, found.boilerplate)
    return replace(found, drift=distributed_drift(client, articles, pairs, known, progress))
