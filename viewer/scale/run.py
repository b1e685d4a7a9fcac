"""The audit with its per-pair stages on a Dask cluster.

The driver runs :func:`viewer.corpus.audit.audit`, the same code as in-process, with
three stages sent to the workers, which hold every article from the first of them on
(:mod:`viewer.scale.held`): each article's rare words (:mod:`viewer.scale.words`); the
family stage's per-pair loop, each proposed pair's profiles, sentence matching and
verdict, with the direction of each pair found to be copies or reuse
(:mod:`viewer.scale.judge`); and the drift of every copy pair (:mod:`viewer.scale.drift`).
What stays on the driver is the fingerprints and candidate pairs, and the graph stages
(families, derivation trees, provenance, quotations), which read each article's marks
but none of its similarity features. The answer is the in-process audit's, field for
field.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from viewer.corpus.audit import Audit, audit, compared_pairs, known_boilerplate
from viewer.corpus.direction import Derivation
from viewer.corpus.families import CopyPair, Evidence, Judged
from viewer.corpus.profile import Profiles
from viewer.corpus.reuse import Reuse
from viewer.model import Article
from viewer.scale.drift import distributed_drift
from viewer.scale.held import Held
from viewer.scale.judge import distributed_judging
from viewer.scale.words import distributed_words

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
    part_size: int | None = None,
) -> Audit:
    """The audit of ``articles``, as :func:`~viewer.corpus.audit.audit` gives it, with the
    rare words found, the candidate pairs judged and directed, and the drift of every
    copy pair computed on ``client``'s workers.

    Args:
        part_size: articles per part held on the workers (``None``:
            :data:`~viewer.scale.held.ARTICLES_PER_PART`).
    """
    stages = _Stages(client, part_size)
    found = audit(
        articles,
        progress,
        drift=False,
        trace=trace,
        judging=stages.judge,
        wording=stages.words,
        directing=stages.direct,
    )
    if not drift:
        return found
    assert stages.held is not None, "the rare words put the articles on the workers"
    pairs = compared_pairs(found.derivations, found.reuse)
    known = known_boilerplate(articles, found.boilerplate)
    index = {a.id: n for n, a in enumerate(articles)}
    flags = distributed_drift(client, stages.held, index, pairs, known, progress)
    return replace(found, drift=flags)


class _Stages:
    """The audit's stages on one cluster, sharing the articles held there."""

    def __init__(self, client: Client, part_size: int | None) -> None:
        self.client = client
        self.part_size = part_size
        self.held: Held | None = None
        self.directed: dict[tuple[str, str], Derivation] = {}

    def words(
        self, articles: Sequence[Article], profiles: Profiles, progress: Progress | None
    ) -> list[frozenset[str]]:
        """Every article's rare words; the articles stay held on the workers."""
        self.held = Held(self.client, articles, profiles, self.part_size)
        return distributed_words(self.client, self.held, len(articles), progress)

    def judge(
        self,
        pairs: Sequence[tuple[int, int]],
        articles: Sequence[Article],
        profiles: Profiles,
        progress: Progress | None,
    ) -> list[Judged]:
        """Every pair judged; the derivations found with the verdicts are kept."""
        assert self.held is not None, "the proposal finds the rare words first"
        judged, derivations = distributed_judging(self.client, self.held, pairs, progress)
        for (_, _, _, verdict), derivation in zip(judged, derivations, strict=True):
            if derivation is not None and isinstance(verdict, CopyPair | Reuse):
                self.directed[verdict.a, verdict.b] = derivation
        return judged

    def direct(
        self,
        pairs: Sequence[CopyPair | Reuse],
        evidence: Evidence,
        progress: Progress | None,
    ) -> list[Derivation]:
        """Each pair's derivation as the workers found it with its verdict."""
        found = [self.directed[p.a, p.b] for p in pairs]
        if progress is not None:
            progress("direction", len(found), len(found))
        return found
