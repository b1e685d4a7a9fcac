"""One story's derivation graph as an SVG: articles as boxes, copies below their sources.

An edge's width grows with the share of the copy found in its source, its dash pattern
says the relation (solid: copy or duplicate; dashed: excerpt; dotted: rewrite, edited or
spun; dash-dot: reuse of a few paragraphs), and it ends in an arrow only where the
direction is decided (an undecided edge is grey, without one). Each box names the outlet
and the date, and links to the article's section of the report. Each element carries the
audit JSON's values (``data-source``, ``data-target``, ``data-share``, ``data-decided``),
so a test can hold the picture to the JSON.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from viewer.figures import percent_label
from viewer.model import Article
from viewer.report.pictures import palette
from viewer.report.pictures.graph import REUSE, GraphEdge, GraphGroup
from viewer.report.pictures.layout import NODE_HEIGHT, NODE_WIDTH, Layout, layers, layout
from viewer.report.pictures.svg import article_anchor, clip, svg_frame, svg_text

__all__ = ["COLLAPSE", "DASHES", "GraphPicture", "graph_svg", "node_label"]

COLLAPSE = 36
"""Most articles drawn in one picture; the rest of a larger story is summed up in one box
(the table beside the picture lists every edge)."""
DASHES = {"duplicate": "", "copy": "", "excerpt": "7 4", "rewrite": "2 3", REUSE: "10 3 2 3"}
"""The dash pattern of each relation (empty: solid)."""
_LEGEND_HEIGHT = 34.0
_LEGEND_WIDTH = 820.0
_ARROW = 11.0


@dataclass(frozen=True, slots=True)
class GraphPicture:
    """A drawn group: the SVG and what it left out."""

    svg: str
    drawn: tuple[str, ...]
    """Ids of the articles drawn."""
    hidden: int
    """Articles of the group not drawn (past :data:`COLLAPSE`)."""


def node_label(article: Article) -> tuple[str, str]:
    """The two lines of an article's box: its outlet (else its title, else its id) and
    its date (``undated`` without one); plain text, not yet escaped."""
    return article.source or article.title or article.id, article.date or "undated"


def _node(article: Article, centre: tuple[float, float], anchor: str | None) -> str:
    x, y = centre[0] - NODE_WIDTH / 2, centre[1] - NODE_HEIGHT / 2
    outlet, date = node_label(article)
    about = ", ".join(v for v in (article.title, article.source, article.date) if v)
    box = (
        f'<g class="node" data-article="{svg_text(article.id)}">'
        f"<title>{svg_text(about or article.id)} ({svg_text(article.id)})</title>"
        f'<rect x="{x:g}" y="{y:g}" width="{NODE_WIDTH:g}" height="{NODE_HEIGHT:g}" rx="5" '
        f'fill="{palette.NODE}" stroke="{palette.NODE_EDGE}"/>'
        f'<text x="{centre[0]:g}" y="{y + 15:g}" text-anchor="middle" fill="{palette.INK}" '
        f'font-weight="600">{clip(outlet, 21)}</text>'
        f'<text x="{centre[0]:g}" y="{y + 30:g}" text-anchor="middle" fill="{palette.MUTED}" '
        f'font-size="11">{clip(date, 26)}</text></g>'
    )
    return f'<a href="#{anchor}">{box}</a>' if anchor else box


def _path(start: tuple[float, float], end: tuple[float, float], decided: bool) -> str:
    """From the source's box to the target's: bottom to top, or side to side in a row."""
    (xs, ys), (xt, yt) = start, end
    half = NODE_HEIGHT / 2
    gap = _ARROW if decided else 0.0
    if abs(ys - yt) < 1:  # one row: an arc above the boxes between
        side = 1 if xt > xs else -1
        x1, x2 = xs + side * NODE_WIDTH / 2, xt - side * (NODE_WIDTH / 2 + gap)
        return f"M{x1:g},{ys:g} Q{(x1 + x2) / 2:g},{ys - 2 * half:g} {x2:g},{yt:g}"
    down = 1 if yt > ys else -1
    y1, y2 = ys + down * half, yt - down * (half + gap)
    return f"M{xs:g},{y1:g} L{xt:g},{y2:g}"


def _edge(edge: GraphEdge, drawn: Layout, name: str) -> str:
    start, end = drawn.centres[edge.source], drawn.centres[edge.target]
    colour = palette.EDGE if edge.decided else palette.EDGE_UNDECIDED
    width = 1 + 5 * edge.share
    dash = DASHES.get(edge.relation, "")
    style = f' stroke-dasharray="{dash}"' if dash else ""
    arrow = f' marker-end="url(#{name}-arrow)"' if edge.decided else ""
    way = "decided" if edge.decided else "undecided"
    label = f"{percent_label(edge.share)} {edge.relation}"
    # nearer the copy than the source: a source's copies spread apart there, so the
    # labels of one source's edges do not overlap
    mx, my = start[0] + 0.65 * (end[0] - start[0]), start[1] + 0.6 * (end[1] - start[1])
    return (
        f'<g class="edge" data-source="{svg_text(edge.source)}" '
        f'data-target="{svg_text(edge.target)}" data-share="{round(edge.share, 4)}" '
        f'data-confidence="{round(edge.confidence, 4)}" '
        f'data-decided="{str(edge.decided).lower()}" data-relation="{edge.relation}">'
        f"<title>{svg_text(edge.source)} → {svg_text(edge.target)}: {edge.relation}, "
        f"{percent_label(edge.share)} of the copy found in the source; direction {way} "
        f"(confidence {percent_label(edge.confidence)})</title>"
        f'<path d="{_path(start, end, edge.decided)}" fill="none" stroke="{colour}" '
        f'stroke-width="{width:.2f}"{style}{arrow}/>'
        f'<text x="{mx + 4:g}" y="{my - 3:g}" fill="{palette.INK}" font-size="11" '
        f'stroke="{palette.PAPER}" stroke-width="3" paint-order="stroke">{label}</text></g>'
    )


def _legend(top: float, name: str) -> list[str]:
    samples = [
        ("copy", "", palette.EDGE, True),
        ("excerpt", DASHES["excerpt"], palette.EDGE, True),
        ("rewrite (edited or spun)", DASHES["rewrite"], palette.EDGE, True),
        ("reuse", DASHES[REUSE], palette.EDGE, True),
        ("undecided: no arrow", "", palette.EDGE_UNDECIDED, False),
    ]
    parts, x, y = [], 12.0, top + 17
    for text, dash, colour, arrow in samples:
        style = f' stroke-dasharray="{dash}"' if dash else ""
        end = f' marker-end="url(#{name}-arrow)"' if arrow else ""
        parts.append(
            f'<path d="M{x:g},{y:g} L{x + 26:g},{y:g}" stroke="{colour}" '
            f'stroke-width="2"{style}{end}/><text x="{x + 42:g}" y="{y + 4:g}" '
            f'fill="{palette.MUTED}" font-size="11">{text}</text>'
        )
        x += 42 + 6.2 * len(text) + 20  # about 6 pixels a character at 11 px
    return ['<g class="legend">', *parts, "</g>"]


def _kept(group: GraphGroup, limit: int) -> tuple[list[str], list[GraphEdge]]:
    """The articles drawn (the upper layers, up to ``limit``) and the edges between them."""
    if len(group.articles) <= limit:
        return list(group.articles), list(group.edges)
    ordered = [a for layer in layers(group.articles, group.edges) for a in layer][:limit]
    keep = set(ordered)
    kept = [a for a in group.articles if a in keep]
    return kept, [e for e in group.edges if e.source in keep and e.target in keep]


def graph_svg(
    group: GraphGroup,
    by_id: Mapping[str, Article],
    index: Mapping[str, int] | None,
    *,
    limit: int = COLLAPSE,
) -> GraphPicture:
    """The group's derivation graph, boxes linked to their sections when ``index`` (each
    article's place in the corpus) is given."""
    name = f"graph-{group.number}"
    kept, edges = _kept(group, limit)
    drawn = layout(kept, edges)
    hidden = len(group.articles) - len(kept)
    height = drawn.height + (NODE_HEIGHT + 20 if hidden else 0)
    width = max(drawn.width, _LEGEND_WIDTH)
    body = [
        f'<defs><marker id="{name}-arrow" viewBox="0 0 10 10" refX="1" refY="5" '
        f'markerWidth="{_ARROW:g}" markerHeight="{_ARROW:g}" markerUnits="userSpaceOnUse" '
        f'orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="{palette.EDGE}"/></marker></defs>',
        # a narrow story stands in the middle of the legend's width
        f'<g transform="translate({(width - drawn.width) / 2:g},0)">',
        *(_edge(edge, drawn, name) for edge in edges),
        *(
            _node(by_id[a], drawn.centres[a], None if index is None else article_anchor(index[a]))
            for a in kept
        ),
        "</g>",
    ]
    if hidden:
        body.append(
            f'<g class="more" data-hidden="{hidden}"><text x="12" y="{height - 14:g}" '
            f'fill="{palette.INK}">+ {hidden} more articles of this story: every edge is '
            "in the table below</text></g>"
        )
    body += _legend(height, name)
    families = ", ".join(str(f) for f in group.families) or "none (reuse only)"
    title = f"Derivation graph {group.number}: {len(group.articles)} articles"
    desc = (
        f"Families {families}. {len(group.edges)} edges, each from a source down to its "
        "copy; the table after the picture lists them."
    )
    svg = svg_frame(name, (width, height + _LEGEND_HEIGHT), title, desc, body)
    return GraphPicture(svg, tuple(kept), hidden)
