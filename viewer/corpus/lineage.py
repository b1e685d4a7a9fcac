"""The derivation tree of a family: who copied whom, drawn from every pair's direction.

Per family, the tree is the maximum spanning arborescence over both directions of every
copy pair, weighing ``u → v`` by the pair's similarity, plus ``ORIENT`` times how
strongly the votes favour that direction, plus ``CARRY`` times how strongly *v* carries
*u's edits*: u's sentences worded differently from (or absent from) a third member w
that u likely derives from, which v reproduces in u's wording rather than w's. So in a
chain A → B → C where C copies B's edits to A, C hangs under B, not A.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from viewer.corpus.direction import Derivation
from viewer.corpus.families import FOUND, Evidence, Family
from viewer.corpus.matching import PairMatch, SentenceMatch

__all__ = ["Lineage", "lineage"]

ORIENT = 0.25
CARRY = 0.5
_SAME = 0.999
"""A sentence scoring at least this against its counterpart is unchanged (verbatim)."""
_MARGIN = 0.02
_NEIGHBOURS = 5
"""Third members examined per edge for carried edits (the most similar ones)."""


@dataclass(frozen=True, slots=True)
class Lineage:
    """The derivation tree of one family."""

    root: str
    """The article the tree says everything else derives from."""
    edges: tuple[Derivation, ...]
    """One edge into every other member, parent first (breadth first from the root)."""

    def parent(self, article: str) -> str | None:
        """The article ``article`` derives from in this tree; ``None`` for the root."""
        return next((e.source for e in self.edges if e.target == article), None)


def lineage(family: Family, derivations: Sequence[Derivation], evidence: Evidence) -> Lineage:
    """The family's derivation tree: a maximum spanning arborescence of directed weights."""
    by_pair = {frozenset((d.source, d.target)): d for d in derivations}
    odds = {
        (u, v): d.confidence if d.source == u else 1 - d.confidence
        for d in derivations
        for u, v in ((d.source, d.target), (d.target, d.source))
    }
    linked = _links(family)
    weights: dict[tuple[str, str], float] = {}
    carried_notes: dict[tuple[str, str], str | None] = {}
    for pair in family.pairs:
        for u, v in ((pair.a, pair.b), (pair.b, pair.a)):
            carried, note = _carried(u, v, linked, odds, evidence)
            weights[u, v] = pair.score + ORIENT * (2 * odds[u, v] - 1) + CARRY * carried
            carried_notes[u, v] = note
    root, ordered = _arborescence(family.articles, weights, evidence)
    edges = [_tree_edge(u, v, by_pair[frozenset((u, v))], carried_notes[u, v]) for u, v in ordered]
    return Lineage(root, tuple(edges))


def _arborescence(
    articles: Sequence[str], weights: Mapping[tuple[str, str], float], evidence: Evidence
) -> tuple[str, list[tuple[str, str]]]:
    """The root and the edges, parents before children, of the maximum spanning
    arborescence of the weighted directed pairs.

    Two articles need no graph library: the heavier direction wins (the first article
    as the source on a tie). Larger families use networkx's Edmonds algorithm, imported
    only then (it costs a seventh of a second).
    """
    if len(articles) == 2:
        a, b = articles
        u, v = (a, b) if weights[a, b] >= weights[b, a] else (b, a)
        return u, [(u, v)]
    import networkx as nx  # type: ignore[import-untyped]

    graph = nx.DiGraph()
    graph.add_nodes_from(articles)
    graph.add_weighted_edges_from((u, v, w) for (u, v), w in weights.items())
    tree = nx.maximum_spanning_arborescence(graph, attr="weight")
    root = next(n for n in articles if tree.in_degree(n) == 0)
    depth = nx.shortest_path_length(tree, root)
    return root, sorted(tree.edges, key=lambda e: (depth[e[1]], evidence.index[e[1]]))


def _links(family: Family) -> dict[str, dict[str, float]]:
    """For each member, the members it is paired with and the pair's score."""
    linked: dict[str, dict[str, float]] = {}
    for p in family.pairs:
        linked.setdefault(p.a, {})[p.b] = p.score
        linked.setdefault(p.b, {})[p.a] = p.score
    return linked


def _tree_edge(u: str, v: str, derivation: Derivation, carried: str | None) -> Derivation:
    """The tree's edge ``u → v`` as a derivation, noting carried edits and any reversal."""
    extra = (carried,) if carried else ()
    if derivation.source == u:
        return Derivation(
            u, v, derivation.share, derivation.confidence, extra + derivation.evidence
        )
    note = (f"placed under {u} by the family tree against the pair's own evidence",)
    evidence = note + extra + derivation.evidence
    return Derivation(u, v, derivation.share, 1 - derivation.confidence, evidence)


def _carried(
    u: str,
    v: str,
    linked: dict[str, dict[str, float]],
    odds: dict[tuple[str, str], float],
    evidence: Evidence,
) -> tuple[float, str | None]:
    """How strongly v carries u's edits: the share of u's sentences worded differently
    from a member w that v reproduces in u's wording, times the odds that u derives
    from w (edits only make sense against a source); the best over such w."""
    x, y = evidence.index[u], evidence.index[v]
    uv = evidence.match(x, y)
    best: tuple[float, str | None] = (0.0, None)
    for w in _thirds(u, v, linked):
        z = evidence.index[w]
        uw, vw = evidence.match(x, z), evidence.match(y, z)
        if uv is None or uw is None or vw is None:
            continue
        edits = [i for i, m in enumerate(uw.a_best) if m is None or m.score < _SAME]
        kept = [i for i in edits if _carries(uv.a_best[i], vw)]
        strength = len(kept) / len(edits) * odds[w, u] if edits else 0.0
        if kept and strength > best[0]:
            best = (strength, f"{v} carries {len(kept)} of {u}'s {len(edits)} changes to {w}")
    return best


def _carries(uv: SentenceMatch | None, vw: PairMatch) -> bool:
    """Whether v's counterpart of a u sentence is closer to u's wording than to w's."""
    if uv is None or uv.score < FOUND:
        return False
    toward_w = vw.a_best[uv.b]
    return uv.score > (toward_w.score if toward_w else 0.0) + _MARGIN


def _thirds(u: str, v: str, linked: dict[str, dict[str, float]]) -> list[str]:
    """Members paired with both u and v, the most similar to u first, at most a few."""
    common = set(linked.get(u, {})) & set(linked.get(v, {}))
    return sorted(common, key=lambda w: (-linked[u][w], w))[:_NEIGHBOURS]
