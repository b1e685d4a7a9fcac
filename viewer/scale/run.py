"""The audit with its per-pair stages on a Dask cluster.

The driver runs :func:`viewer.corpus.audit.audit`, the same code as in-process, with two
stages sent to the workers: the family stage's per-pair loop, sentence matching and the
verdict of every proposed pair (:mod:`viewer.scale.judge`), and the drift of every copy
pair (:mod:`viewer.scale.drift`). What stays on the driver is the per-article work the
pairs are proposed from (fingerprints, profiles, rare words) and the graph stages
(families, reuse edges, direction, provenance, quotations). The answer is the in-process
audit's, field for field.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING

from viewer.corpus.audit import Audit, audit, compared_pairs, known_boilerplate
from viewer.model import Article
from viewer.scale.drift import distributed_drift
from viewer.scale.judge import distributed_judging

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
    candidate pairs judged and the drift of every copy pair computed on ``client``'s
    workers."""
    judging = partial(distributed_judging, client)
    found = audit(articles, progress, drift=False, trace=trace, judging=judging)
    if not drift:
        return found
    pairs = compared_pairs(found.derivations, found.reuse)
    known = known_boilerplate(articles, found.boilerplate)
    return replace(found, drift=distributed_drift(client, articles, pairs, known, progress))
