"""The derivation graph as the pictures draw it: one group per story, its articles and
edges, each edge one object of the audit JSON.

An edge is a family's tree edge (``lineages[].edges``) where the tree has one for the pair,
else the pair's own direction (``derivations``), or a reuse edge (``reuse``): the same
source, target, share, confidence and ``decided`` as the JSON, so the picture and the
JSON never disagree. A group is a connected set of articles, joined by copy pairs or
reuse edges: one family, or families a reuse edge joins, or articles reuse alone joins.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from viewer.corpus.audit import Audit
from viewer.corpus.direction import Derivation
from viewer.corpus.groups import Groups
from viewer.model import Article

__all__ = ["REUSE", "GraphEdge", "GraphGroup", "derivation_groups"]

REUSE = "reuse"
"""The relation of a reuse edge; copy pairs carry their kind (``duplicate``, ``copy``,
``excerpt``, ``rewrite``: edited or spun)."""


@dataclass(frozen=True, slots=True)
class GraphEdge:
    """One drawn edge: a copy pair's direction, or a reuse edge's."""

    source: str
    """Id of the article copied from (the likelier side when not ``decided``)."""
    target: str
    share: float
    """Share of the target's sentence characters found in the source, 0 to 1."""
    confidence: float
    decided: bool
    """Whether the direction is settled; an undecided edge is drawn without an arrow."""
    relation: str
    """``duplicate``, ``copy``, ``excerpt``, ``rewrite`` or ``reuse``."""
    tree: bool
    """Whether it is an edge of its family's derivation tree."""


@dataclass(frozen=True, slots=True)
class GraphGroup:
    """One picture's worth: articles joined by copy pairs or reuse edges."""

    number: int
    """From 1, in the corpus order of each group's first article."""
    articles: tuple[str, ...]
    """In corpus order."""
    edges: tuple[GraphEdge, ...]
    """Copy pairs family by family, then reuse edges, in the audit's order."""
    families: tuple[int, ...]
    """The numbers (from 1) of the families it holds."""


def _edge(d: Derivation, relation: str, *, tree: bool) -> GraphEdge:
    return GraphEdge(d.source, d.target, d.share, d.confidence, d.decided, relation, tree)


def _edges(audit: Audit) -> list[tuple[int | None, GraphEdge]]:
    """Every edge with its family's index (``None`` for reuse)."""
    found: list[tuple[int | None, GraphEdge]] = []
    directions = iter(audit.derivations)
    for number, (family, tree) in enumerate(zip(audit.families, audit.lineages, strict=True)):
        in_tree = {frozenset((e.source, e.target)): e for e in tree.edges}
        for pair in family.pairs:
            # derivations list the pairs' directions in the order the families list them
            own = next(directions)
            drawn = in_tree.get(frozenset((pair.a, pair.b)))
            edge = _edge(drawn or own, pair.kind.value, tree=drawn is not None)
            found.append((number, edge))
    found += [(None, _edge(e.derivation, REUSE, tree=False)) for e in audit.reuse]
    return found


def derivation_groups(audit: Audit, articles: Sequence[Article]) -> list[GraphGroup]:
    """Each story's articles and edges, the groups in corpus order."""
    order = {article.id: n for n, article in enumerate(articles)}
    edges = _edges(audit)
    joined: Groups[str] = Groups()
    for family in audit.families:
        for other in family.articles[1:]:
            joined.link(family.articles[0], other)
    for _, edge in edges:
        joined.link(edge.source, edge.target)
    members: dict[str, list[str]] = {}
    linked = {a for _, e in edges for a in (e.source, e.target)}
    for article in sorted(linked, key=order.__getitem__):
        members.setdefault(joined.find(article), []).append(article)
    by_group: dict[str, list[tuple[int | None, GraphEdge]]] = {}
    for number, edge in edges:
        by_group.setdefault(joined.find(edge.source), []).append((number, edge))
    groups: list[GraphGroup] = []
    for number, (root, ids) in enumerate(sorted(members.items(), key=lambda m: order[m[1][0]]), 1):
        mine = by_group[root]
        families = sorted({f + 1 for f, _ in mine if f is not None})
        groups.append(GraphGroup(number, tuple(ids), tuple(e for _, e in mine), tuple(families)))
    return groups
