"""The corpus audit: every corpus-level finding about a pile of articles, in one value.

``audit`` runs the stages in order, each a plain function of the ones before:

1. fingerprints and candidate pairs (:mod:`~viewer.prepare.fingerprint`);
2. families, with the reasons other candidates were rejected
   (:mod:`~viewer.corpus.families`);
3. the direction of every copy pair and a derivation tree per family
   (:mod:`~viewer.corpus.direction`);
4. the provenance of every sentence (:mod:`~viewer.corpus.provenance`);
5. quotations recurring across articles (:mod:`~viewer.corpus.quotes`);
6. the drift of every copy pair, source as the base (:mod:`~viewer.pairwise.drift`),
   with the corpus's recurring boilerplate known to the drift rules.

Every finding names articles by id and points into their text by character offsets or
by sentence indexes (``article.sentences[i].start``/``end``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from viewer.corpus.direction import Derivation, Directing, direct_all
from viewer.corpus.families import Family, Judging, Rejected, cluster
from viewer.corpus.lineage import Lineage, lineage
from viewer.corpus.proposal import Wording
from viewer.corpus.provenance import Attribution, Provenance, attribute
from viewer.corpus.quotes import QuoteFamily, quote_families
from viewer.corpus.reuse import Reuse
from viewer.corpus.tracing import Trace, trace_article
from viewer.model import Article, Drift
from viewer.pairwise.compare import compare
from viewer.text.normalize import fold_text

__all__ = [
    "Audit",
    "PairDrift",
    "ReuseEdge",
    "audit",
    "compared_pairs",
    "known_boilerplate",
    "pair_drift",
]

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True, slots=True)
class PairDrift:
    """The drift between a copy and its source, the source being the base (A)."""

    a: str
    """Id of the source."""
    b: str
    """Id of the copy."""
    similarity: float
    """The comparison's similarity, 0 to 1."""
    flags: tuple[Drift, ...]
    """Every flag; spans point into the source's (A) and the copy's (B) text."""


@dataclass(frozen=True, slots=True)
class ReuseEdge:
    """Two articles that share some text without being copies, and which way it went."""

    reuse: Reuse
    """What they share."""
    derivation: Derivation
    """The direction: its source and target, its confidence and evidence; a direction that
    is not ``decided`` is a guess the views call undecided."""


@dataclass(frozen=True, slots=True)
class Audit:
    """What an audit found in a corpus."""

    articles: tuple[str, ...]
    """Ids of the articles audited, in corpus order."""
    families: tuple[Family, ...]
    """Near-duplicate families (two or more articles each), in corpus order."""
    rejected: tuple[Rejected, ...]
    """Candidate pairs that are not copies, with the reason."""
    derivations: tuple[Derivation, ...]
    """The direction of every copy pair, as its families list them."""
    lineages: tuple[Lineage, ...]
    """The derivation tree of each family, in the order of ``families``."""
    provenance: tuple[Provenance, ...]
    """Per article, in corpus order: each sentence's source and each source's share."""
    quotes: tuple[QuoteFamily, ...]
    """Quotations that recur across articles, with their variants and speaker."""
    boilerplate: tuple[tuple[str, int], ...] = ()
    """(article id, sentence index) of every sentence found to be boilerplate."""
    drift: tuple[PairDrift, ...] = ()
    """Drift of every copy pair, in the order of ``derivations``."""
    trace: Trace | None = None
    """For an audit run to trace one article: where its text also stands."""
    reuse: tuple[ReuseEdge, ...] = ()
    """Pairs outside any family that share reporter text, in candidate order; their drift
    follows the copy pairs' in ``drift``."""

    @property
    def attributions(self) -> tuple[Attribution, ...]:
        """Every sentence's attribution, article by article."""
        return tuple(a for p in self.provenance for a in p.sentences)

    def traced(self, article: str) -> Provenance:
        """What a trace of ``article`` shows: where each sentence also stands, whichever
        side is earlier, when the audit was run to trace it; else its provenance."""
        if self.trace is not None and self.trace.article == article:
            return self.trace.provenance
        return next(p for p in self.provenance if p.article == article)

    def family_of(self, article: str) -> Family | None:
        """The family an article belongs to, if any."""
        return next((f for f in self.families if article in f.articles), None)


def audit(
    articles: Sequence[Article],
    progress: Progress | None = None,
    *,
    drift: bool = True,
    trace: str | None = None,
    judging: Judging | None = None,
    wording: Wording | None = None,
    directing: Directing | None = None,
) -> Audit:
    """Families, rejections, directions, provenance, shared quotations and drift.

    Args:
        articles: the corpus; ids must be unique (``ValueError`` otherwise).
        progress: called as ``progress(stage, done, total)`` while the audit runs;
            ``total`` is 0 when a stage cannot tell in advance.
        drift: compare every copy pair and classify its drift (the costliest stage).
        trace: the id of an article to trace (:mod:`~viewer.corpus.tracing`).
        judging: how the family stage judges its candidate pairs (in this process when
            ``None``; :mod:`viewer.scale` judges them on a Dask cluster).
        wording: how each article's rare words are found (in this process when
            ``None``; :mod:`viewer.scale` finds them on a Dask cluster).
        directing: how each copy pair and reuse edge is directed (likewise).
    """
    clustering = cluster(articles, progress, judging=judging, wording=wording)
    evidence = clustering.evidence
    paired = [pair for family in clustering.families for pair in family.pairs]
    directed = (directing if directing is not None else direct_all)(
        [*paired, *clustering.reuse], evidence, progress
    )
    derivations = directed[: len(paired)]
    lineages: list[Lineage] = []
    start = 0
    for done, family in enumerate(clustering.families, 1):
        found = derivations[start : start + len(family.pairs)]
        start += len(family.pairs)
        lineages.append(lineage(family, found, evidence))
        if progress is not None:
            progress("trees", done, len(clustering.families))
    reuse = tuple(
        ReuseEdge(r, d) for r, d in zip(clustering.reuse, directed[len(paired) :], strict=True)
    )
    parents = {e.target: e.source for tree in lineages for e in tree.edges}
    below = _descendants(lineages, [e.derivation for e in reuse if e.derivation.decided])
    provenance = attribute(evidence, clustering.families, below, parents, progress)
    quotes = quote_families(articles, progress=progress)
    boilerplate = tuple(
        (p.article, a.sentence) for p in provenance for a in p.sentences if a.boilerplate
    )
    compared = compared_pairs(derivations, reuse)
    copy_drift = _copy_drift(articles, compared, boilerplate, progress) if drift else ()
    return Audit(
        articles=tuple(a.id for a in articles),
        families=clustering.families,
        rejected=clustering.rejected,
        derivations=tuple(derivations),
        lineages=tuple(lineages),
        provenance=provenance,
        quotes=quotes,
        boilerplate=boilerplate,
        drift=copy_drift,
        reuse=reuse,
        trace=trace_article(trace, evidence, clustering.families, derivations)
        if trace is not None
        else None,
    )


def compared_pairs(
    derivations: Sequence[Derivation], reuse: Sequence[ReuseEdge]
) -> list[Derivation]:
    """The pairs whose drift an audit measures: copy pairs, then reuse edges."""
    return [*derivations, *(e.derivation for e in reuse)]


def known_boilerplate(
    articles: Sequence[Article], boilerplate: Sequence[tuple[str, int]]
) -> frozenset[str]:
    """The folded text of every boilerplate sentence, as the drift rules look it up."""
    by_id = {a.id: a for a in articles}
    return frozenset(fold_text(by_id[i].sentences[k].text).strip() for i, k in boilerplate)


def pair_drift(source: Article, copy: Article, known: frozenset[str]) -> PairDrift:
    """Compare one copy with its source and keep the drift flags."""
    comparison = compare(source, copy, known)
    return PairDrift(source.id, copy.id, comparison.similarity, comparison.drift)


def _copy_drift(
    articles: Sequence[Article],
    derivations: Sequence[Derivation],
    boilerplate: Sequence[tuple[str, int]],
    progress: Progress | None,
) -> tuple[PairDrift, ...]:
    """Compare each copy with its source and keep the drift flags."""
    by_id = {a.id: a for a in articles}
    known = known_boilerplate(articles, boilerplate)
    found: list[PairDrift] = []
    for done, derivation in enumerate(derivations, 1):
        found.append(pair_drift(by_id[derivation.source], by_id[derivation.target], known))
        if progress is not None:
            progress("drift", done, len(derivations))
    return tuple(found)


def _descendants(
    lineages: Sequence[Lineage], edges: Sequence[Derivation] = ()
) -> dict[str, frozenset[str]]:
    """For each article in a tree (or at the source end of a decided reuse edge), every
    article below it by decided edges."""
    children: dict[str, list[str]] = {}
    # An undecided edge is a guess: it may not keep either side from sourcing the other.
    for edge in [*(e for tree in lineages for e in tree.edges if e.decided), *edges]:
        children.setdefault(edge.source, []).append(edge.target)
    below: dict[str, frozenset[str]] = {}

    def collect(node: str) -> frozenset[str]:
        if node not in below:
            found: set[str] = set()
            for child in children.get(node, ()):
                found |= {child} | collect(child)
            below[node] = frozenset(found)
        return below[node]

    for node in list(children):
        collect(node)
    return below
