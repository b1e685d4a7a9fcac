"""Where each article of a derivation graph stands: sources above their copies.

Layers are networkx's topological generations of the settled edges (the family trees'
edges, then decided directions, each kept only while the graph stays acyclic), so every
settled source sits above its copies. Within a layer, articles are ordered by barycentre
sweeps (Sugiyama's heuristic: each article moves to the mean place of its neighbours in
the layer before, down then up), keeping the order with the fewest crossings. A layer
wider than :data:`WRAP` articles breaks into several rows, so a story copied fifty times
stays as wide as the page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from viewer.report.pictures.graph import GraphEdge

__all__ = [
    "NODE_HEIGHT",
    "NODE_WIDTH",
    "WRAP",
    "Layout",
    "crossings",
    "layers",
    "layout",
    "order_layers",
]

NODE_WIDTH = 164.0
NODE_HEIGHT = 38.0
COLUMN = NODE_WIDTH + 26.0
"""Horizontal pitch between articles of one row."""
ROW = NODE_HEIGHT + 52.0
"""Vertical pitch between rows (room for the edges' labels)."""
MARGIN = 12.0
WRAP = 6
"""Most articles in one row."""
SWEEPS = 6


@dataclass(frozen=True, slots=True)
class Layout:
    """Each article's centre, and the drawing's size."""

    centres: dict[str, tuple[float, float]]
    width: float
    height: float
    layers: tuple[tuple[str, ...], ...]
    """The articles of each layer, in their drawn order, the sources' layer first."""
    crossings: int
    """Crossings left between adjacent layers (rows of one wrapped layer aside)."""


def _settling(edges: Sequence[GraphEdge]) -> list[GraphEdge]:
    """The edges that decide layers, strongest first: tree edges, then decided ones."""
    settled = [e for e in edges if e.tree or e.decided]
    return sorted(settled, key=lambda e: (not e.tree, -e.confidence))


def layers(articles: Sequence[str], edges: Sequence[GraphEdge]) -> list[list[str]]:
    """The articles by layer, sources first; within a layer, in the order given."""
    import networkx as nx  # type: ignore[import-untyped]

    order = {article: n for n, article in enumerate(articles)}
    graph = nx.DiGraph()
    graph.add_nodes_from(articles)
    for edge in _settling(edges):
        # an edge that would close a cycle contradicts stronger ones: it does not layer
        if not nx.has_path(graph, edge.target, edge.source):
            graph.add_edge(edge.source, edge.target)
    generations: list[list[str]] = [
        sorted(generation, key=order.__getitem__)
        for generation in nx.topological_generations(graph)
    ]
    return generations


def _neighbours(edges: Sequence[GraphEdge]) -> dict[str, list[str]]:
    linked: dict[str, list[str]] = {}
    for edge in edges:
        linked.setdefault(edge.source, []).append(edge.target)
        linked.setdefault(edge.target, []).append(edge.source)
    return linked


def crossings(ordered: Sequence[Sequence[str]], edges: Sequence[GraphEdge]) -> int:
    """Edge crossings between adjacent layers of ``ordered``."""
    place = {a: (n, i) for n, layer in enumerate(ordered) for i, a in enumerate(layer)}
    spans: dict[int, list[tuple[int, int]]] = {}
    for edge in edges:
        (ls, xs), (lt, xt) = place[edge.source], place[edge.target]
        if abs(ls - lt) == 1:
            top, bottom = (xs, xt) if ls < lt else (xt, xs)
            spans.setdefault(min(ls, lt), []).append((top, bottom))
    found = 0
    for pairs in spans.values():
        pairs.sort()
        found += sum(
            1
            for i, (t1, b1) in enumerate(pairs)
            for t2, b2 in pairs[i + 1 :]
            if t1 < t2 and b1 > b2
        )
    return found


def _barycentre(
    article: str,
    linked: dict[str, list[str]],
    layer_of: dict[str, int],
    place: dict[str, int],
    near: int,
) -> float:
    """The mean place of ``article``'s neighbours in layer ``near``; its own without any."""
    seen = [place[m] for m in linked.get(article, ()) if layer_of[m] == near]
    return sum(seen) / len(seen) if seen else place[article]


def order_layers(ordered: list[list[str]], edges: Sequence[GraphEdge]) -> list[list[str]]:
    """The layers reordered by barycentre sweeps, the order with fewest crossings kept."""
    linked = _neighbours(edges)
    layer_of = {a: n for n, layer in enumerate(ordered) for a in layer}
    current = [list(layer) for layer in ordered]
    best, fewest = [list(layer) for layer in current], crossings(current, edges)
    for sweep in range(SWEEPS):
        down = sweep % 2 == 0
        place = {a: i for layer in current for i, a in enumerate(layer)}
        steps = range(1, len(current)) if down else range(len(current) - 2, -1, -1)
        for n in steps:
            near = n - 1 if down else n + 1

            centre = {a: _barycentre(a, linked, layer_of, place, near) for a in current[n]}
            current[n].sort(key=lambda a: (centre[a], place[a]))
            place.update({a: i for i, a in enumerate(current[n])})
        found = crossings(current, edges)
        if found < fewest:
            best, fewest = [list(layer) for layer in current], found
    return best


def layout(articles: Sequence[str], edges: Sequence[GraphEdge]) -> Layout:
    """Every article's centre: layers top to bottom, each wrapped into rows."""
    ordered = order_layers(layers(articles, edges), edges)
    rows = [layer[i : i + WRAP] for layer in ordered for i in range(0, len(layer), WRAP)]
    widest = max((len(row) for row in rows), default=0)
    centres: dict[str, tuple[float, float]] = {}
    for r, row in enumerate(rows):
        left = MARGIN + (widest - len(row)) * COLUMN / 2
        for i, article in enumerate(row):
            x = left + i * COLUMN + NODE_WIDTH / 2
            centres[article] = (x, MARGIN + r * ROW + NODE_HEIGHT / 2)
    width = 2 * MARGIN + max(widest * COLUMN - (COLUMN - NODE_WIDTH), 0)
    height = 2 * MARGIN + max(len(rows) * ROW - (ROW - NODE_HEIGHT), 0)
    frozen = tuple(tuple(layer) for layer in ordered)
    return Layout(centres, width, height, frozen, crossings(ordered, edges))
